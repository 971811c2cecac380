"""SOA: the reason codes of an entry agree with whether the control is included.

``reasons`` are the classic SoA columns: risk treatment, legal, contractual, business, best
practice. A law, a contract or the business can explain leaving a control out as well as taking
it in ("no law requires it"), but a control treats no risk and follows no practice while it is
left out: those two codes on an exclusion contradict it.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.soa_index import ALL_SOA_CLAUSES, soa_clause, soa_views
from complykit.workspace.repository import Repository

INCLUSION_ONLY = ("risk-treatment", "best-practice")


@check(
    code="SOA017",
    reads=("statement-of-applicability",),
    name="soa-exclusion-with-inclusion-reason",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    hint="Include the control, or drop risk-treatment and best-practice from `reasons` and say "
    "in `justification` why it is excluded.",
)
def exclusion_with_inclusion_reason(repo: Repository) -> Iterator[Problem]:
    """An excluded control gives a reason code that only explains an inclusion.

    PASS: ``applicable: false`` with ``reasons: [legal]`` (no law requires it).
    FAIL: ``applicable: false`` with ``reasons: [risk-treatment]``.
    """
    for view in soa_views(repo):
        for index, entry in view.entries():
            wrong = [r for r in entry.reasons if r in INCLUSION_ONLY]
            if entry.applicable is False and wrong:
                codes = ", ".join(wrong)
                yield Problem(
                    view.where,
                    ("entries", index, "reasons"),
                    f"{entry.control} is excluded, yet its reasons ({codes}) say why a control "
                    "is included",
                    citation=soa_clause(view.framework),
                )

"""SOA: the reason codes of an entry agree with whether the control is included.

``reasons`` are the classic SoA columns: risk treatment, legal, contractual, business, best
practice. Risk treatment, a law, a contract or the business can explain leaving a control out
as well as taking it in: "the risk assessment found no risk this control would treat" is the
usual ISO/IEC 27001 6.1.3 justification of an exclusion, as "no law requires it" is. Good
practice is different: it only ever argues for taking a control in, so on an exclusion it
contradicts the entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.soa_index import ALL_SOA_CLAUSES, soa_clause, soa_views
from complykit.workspace.repository import Repository

INCLUSION_ONLY = ("best-practice",)


@check(
    code="SOA017",
    reads=("statement-of-applicability",),
    name="soa-exclusion-with-inclusion-reason",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    hint="Include the control, or drop best-practice from `reasons` and say in `justification` "
    "why it is excluded (for instance: the risk assessment found no risk it would treat, "
    "`reasons: [risk-treatment]`).",
)
def exclusion_with_inclusion_reason(repo: Repository) -> Iterator[Problem]:
    """An excluded control gives a reason code that only explains an inclusion.

    PASS: ``applicable: false`` with ``reasons: [legal]`` (no law requires it), or with
    ``reasons: [risk-treatment]`` (the risk treatment does not need it).
    FAIL: ``applicable: false`` with ``reasons: [best-practice]``.
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

"""SUP011: what a data processing agreement says, read against GDPR Art. 28(3).

SUP001 asks whether a processor has an agreement at all. Auditors and supervisory authorities
go on to ask whether it holds what Art. 28(3) requires: the eight commitments of points (a) to
(h) and the duty to warn of unlawful instructions. A workspace records where the agreement
makes each commitment (``dpa.terms``) once the agreement has been read; this rule names the
commitments such a reading did not find.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.checks.suppliers import processors
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.processor_terms import ART_28_3, missing_terms, point_of
from complykit.workspace.repository import Repository


@check(
    code="SUP011",
    reads=("supplier",),
    per_record=True,
    name="dpa-terms-incomplete",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(3)",),
    hint="Find the clause in the agreement and record it under `dpa.terms`; if the agreement "
    "has none, agree an addendum with the processor (the Commission's Art. 28(7) clauses, "
    "Decision (EU) 2021/915, hold every commitment).",
)
def dpa_terms_incomplete(repo: Repository) -> Iterator[Problem]:
    """A processor's agreement, read against Art. 28(3), lacks commitments it requires.

    Only agreements with ``terms`` recorded are judged: an agreement nobody has read against
    the article yet is not reported (SUP001 still reports a processor with no agreement).
    The finding cites the points that are missing.

    PASS: ``dpa: {signed_on: 2025-03-01, terms: {documented_instructions: "§ 2", ...}}`` with
    all nine commitments.
    FAIL: the same without ``deletion_or_return`` and ``audits``.
    """
    for entry, supplier in processors(repo):
        terms = supplier.dpa.terms if supplier.dpa is not None else None
        missing = missing_terms(terms) if terms is not None else []
        if missing:
            named = "; ".join(f"{ART_28_3[f][1]} ({point_of(ART_28_3[f][0])})" for f in missing)
            yield Problem(
                entry,
                ("dpa", "terms"),
                f"the agreement with '{supplier.name}' has no clause recorded for: {named}",
                citation=tuple(ART_28_3[f][0] for f in missing),
                at_key=True,
            )

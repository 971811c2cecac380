"""SUP011, SUP013-SUP015: what a data processing agreement says, read against GDPR Art. 28.

SUP001 asks whether a processor has an agreement at all. Auditors and supervisory authorities
go on to ask whether it holds what Art. 28(3) requires: the eight commitments of points (a) to
(h) and the duty to warn of unlawful instructions. A workspace records where the agreement
makes each commitment (``dpa.terms``) once the agreement has been read; this rule names the
commitments such a reading did not find. SUP013 and SUP014 read how the agreement lets the
processor engage sub-processors (Art. 28(2), ``dpa.sub_processing``) against the sub-processors
listed; SUP015 asks that a processor named as engaging a sub-processor lists it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from complykit.checks.registry import check
from complykit.checks.suppliers import processors
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.processor_terms import ART_28_3, missing_terms, point_of
from complykit.model.supplier import SubProcessing, SubProcessor, Supplier
from complykit.model.wording.folding import unaccented
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
    The finding cites the points that are missing. A clause under ``dpa.sub_processing``
    counts for point (d), the conditions for engaging sub-processors.

    PASS: ``dpa: {signed_on: 2025-03-01, terms: {documented_instructions: "§ 2", ...}}`` with
    all nine commitments.
    FAIL: the same without ``deletion_or_return`` and ``audits``.
    """
    for entry, supplier in processors(repo):
        dpa = supplier.dpa
        terms = dpa.terms if dpa is not None else None
        missing = missing_terms(terms, dpa.sub_processing) if dpa and terms else []
        if missing:
            named = "; ".join(f"{ART_28_3[f][1]} ({_said(point_of(f))})" for f in missing)
            yield Problem(
                entry,
                ("dpa", "terms"),
                f"the agreement with '{supplier.name}' has no clause recorded for: {named}",
                citation=tuple(ART_28_3[f][0] for f in missing),
                at_key=True,
            )


@check(
    code="SUP013",
    reads=("supplier",),
    per_record=True,
    name="sub-processor-not-authorised",
    severity=Severity.ERROR,
    citation=("GDPR Art. 28(2)",),
    hint="Approve the sub-processor in writing and record the day as `approved_on`, or have "
    "the processor stop engaging it.",
)
def sub_processor_not_authorised(repo: Repository) -> Iterator[Problem]:
    """A sub-processor is engaged without the authorisation the agreement requires.

    Judged where the agreement's ``sub_processing`` is recorded: a sub-processor listed while
    the agreement allows none, or, under a specific authorisation, one without a written
    approval (``approved_on``) on or before the ``--as-of`` day.

    PASS: ``sub_processing: {authorisation: specific}`` and each sub-processor with
    ``approved_on: 2025-04-01``.
    FAIL: ``sub_processing: {authorisation: specific}`` and a sub-processor without
    ``approved_on``, or with ``approved_on: 2027-03-01``, as of 2026-11-23.
    """
    for entry, supplier in processors(repo):
        rules = supplier.dpa.sub_processing if supplier.dpa is not None else None
        if rules is None or rules.authorisation == "general":
            continue
        for index, sub in enumerate(supplier.sub_processors):
            unauthorised = _unauthorised(rules, sub, repo.as_of)
            if unauthorised is not None:
                why, hint = unauthorised
                yield Problem(
                    entry,
                    ("sub_processors", index, "name"),
                    f"'{supplier.name}' engages '{sub.name}' as sub-processor, but {why}",
                    hint=hint,
                )


_CORRECT_OR_APPROVE = (
    "If the approval was given, correct `approved_on`; if not, approve the sub-processor in "
    "writing before it processes our data."
)


def _unauthorised(
    rules: SubProcessing, sub: SubProcessor, as_of: date
) -> tuple[str, str | None] | None:
    """Why the agreement's rules do not authorise ``sub`` on ``as_of`` (and a hint of its
    own where the rule's does not fit), or None if they do."""
    if rules.authorisation == "none":
        return "the agreement allows no sub-processor", None
    if sub.approved_on is None:
        return "the written approval its specific authorisation needs is not recorded", None
    if sub.approved_on > as_of:
        dated = f"{sub.approved_on.isoformat()}, after {as_of.isoformat()}"
        return f"its written approval is dated {dated}: on that day it was not yet given", (
            _CORRECT_OR_APPROVE
        )
    return None


@check(
    code="SUP014",
    reads=("supplier",),
    per_record=True,
    name="sub-processing-without-objection",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(2)",),
    hint="Record the agreement's `objection_period` under `dpa.sub_processing`; if it has "
    "none, agree that the processor announces every change in time for us to object.",
)
def sub_processing_without_objection(repo: Repository) -> Iterator[Problem]:
    """A general authorisation to engage sub-processors gives us no time to object.

    Under a general written authorisation the processor must tell us of every intended
    addition or replacement, so that we can object (Art. 28(2), second sentence); the record
    says how long we have.

    PASS: ``sub_processing: {authorisation: general, objection_period: P30D}``.
    FAIL: ``sub_processing: {authorisation: general}``.
    """
    for entry, supplier in processors(repo):
        rules = supplier.dpa.sub_processing if supplier.dpa is not None else None
        if (
            rules is not None
            and rules.authorisation == "general"
            and rules.objection_period is None
        ):
            yield Problem(
                entry,
                ("dpa", "sub_processing", "authorisation"),
                f"'{supplier.name}' may engage sub-processors under a general authorisation, "
                "but no period in which we may object to a change is recorded",
            )


@check(
    code="SUP015",
    reads=("supplier",),
    local=1,
    name="sub-processor-not-listed",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(2)", "GDPR Art. 28(4)"),
    hint="Add the sub-processor to the processor's `sub_processors` (with its service and "
    "country, and `approved_on` under a specific authorisation), or correct `engaged_by`.",
)
def sub_processor_not_listed(repo: Repository) -> Iterator[Problem]:
    """A processor named as engaging a sub-processor (``engaged_by``) does not list it.

    A processor engages another only with our authorisation (Art. 28(2)) and on the same
    terms (Art. 28(4)); its record lists the sub-processors we know of. A supplier recorded as
    engaged by a processor whose list lacks it is either a sub-processor we were not told of
    or a stale link. Names are compared without case, accents, dots or other punctuation
    (``B.V.`` is ``BV``), and a listed name that contains the supplier's (``Amazon Web
    Services`` in ``Amazon Web Services EMEA SARL``), or is contained in it, counts.

    PASS: ``engaged_by: [sup-helpdesk]`` and the helpdesk lists ``{name: Cloud Host B.V., ...}``.
    FAIL: ``engaged_by: [sup-helpdesk]`` and the helpdesk lists no such sub-processor.
    """
    if not repo.in_scope("gdpr"):
        return
    for entry, supplier in repo.records(Supplier):
        for index, processor_id in enumerate(supplier.engaged_by):
            found = repo.by_id.get(processor_id)
            processor = found.record if found is not None else None
            if isinstance(processor, Supplier) and not _lists(processor, supplier.name):
                yield Problem(
                    entry,
                    ("engaged_by", index),
                    f"'{supplier.name}' is recorded as engaged by '{processor.name}', whose "
                    "record does not list it among its sub-processors",
                )


def _lists(processor: Supplier, name: str) -> bool:
    """Whether ``processor`` lists a sub-processor of that name (see SUP015)."""
    wanted = _name_words(name)  # whole words: "AS" is not in "Amazon Web Services"
    listed = (_name_words(sub.name) for sub in processor.sub_processors)
    return any(wanted in known or known in wanted for known in listed if known.strip())


def _name_words(name: str) -> str:
    """A company name as words between spaces: ``Cloud Host B.V.`` and ``cloud host BV`` are
    both `` cloud host bv ``."""
    words = _NOT_A_WORD.sub(" ", unaccented(name).replace(".", "")).split()
    return f" {' '.join(words)} "


_NOT_A_WORD = re.compile(r"[^\w]+")


def _said(point: str) -> str:
    """``"point (g)"`` for a point; the second subparagraph as itself."""
    return f"point {point}" if point.startswith("(") else point

"""SUP016: sub-processors engaged while no authorisation for them is recorded (GDPR Art. 28(2)).

SUP013 and SUP014 judge the authorisation recorded under ``dpa.sub_processing``; this rule
asks for it where a processor lists sub-processors and the record says nothing of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.checks.suppliers import processors
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Repository


@check(
    code="SUP016",
    reads=("supplier",),
    per_record=True,
    name="sub-processing-authorisation-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 28(2)",),
    hint="Look up how the agreement lets the processor engage sub-processors and record it "
    "under `dpa.sub_processing`: `authorisation: general` with the `objection_period`, "
    "`specific` with `approved_on` on each sub-processor, or `none`, and the `clause`.",
)
def sub_processing_authorisation_missing(repo: Repository) -> Iterator[Problem]:
    """A processor lists sub-processors, but no authorisation to engage them is recorded.

    A processor engages another processor only with our prior specific or general written
    authorisation (Art. 28(2)). Listing sub-processors says they are engaged; the record
    should then say which authorisation allows it, so that SUP013 and SUP014 can judge it.

    SUP011 reports missing commitments only once the agreement has been read against
    Art. 28(3) (``dpa.terms``), since nothing is known of an agreement nobody has read. This
    rule is consistent with it: for an agreement not yet read it says that the authorisation
    is not recorded, never that the agreement lacks one; where the reading found the
    sub-processor clause it asks only which authorisation that clause gives; and where the
    reading found no such clause it says so (SUP011 reports that point too). A warning in
    each case: the authorisation may exist outside the record. Without any agreement SUP001
    reports the processor instead.

    PASS: ``sub_processors: [{name: Nordic Backup AB, ...}]`` with ``dpa: {signed_on:
    2025-03-01, sub_processing: {authorisation: general, objection_period: P30D}}``.
    FAIL: the same sub-processors with ``dpa: {signed_on: 2025-03-01}``.
    """
    for entry, supplier in processors(repo):
        dpa = supplier.dpa
        if dpa is None or dpa.sub_processing is not None or not supplier.sub_processors:
            continue
        yield Problem(
            entry,
            ("dpa",),
            f"'{supplier.name}' engages {_count(supplier)}, but {_why_unknown(supplier)}",
            at_key=True,
        )


def _count(supplier: Supplier) -> str:
    number = len(supplier.sub_processors)
    return f"{number} sub-processor{'' if number == 1 else 's'}"


def _them(supplier: Supplier) -> str:
    return "it" if len(supplier.sub_processors) == 1 else "them"


def _why_unknown(supplier: Supplier) -> str:
    """What the record says of the authorisation, worded after how far the agreement was read."""
    terms = supplier.dpa.terms if supplier.dpa is not None else None
    if terms is None:
        return (
            f"no authorisation to engage {_them(supplier)} (specific or general, in writing) "
            "is recorded for its agreement"
        )
    if terms.sub_processors is not None:
        return (
            f"the record does not say which authorisation the agreement's clause on "
            f"sub-processors ({terms.sub_processors}) gives: specific, general or none"
        )
    return (
        "the agreement, as read against Art. 28(3), has no clause on sub-processors, so no "
        f"written authorisation to engage {_them(supplier)} is recorded"
    )

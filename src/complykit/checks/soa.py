"""SOA: each Statement of Applicability is complete, justified and evidenced.

ISO/IEC 27001:2022 clause 6.1.3 d) asks for the necessary controls, why each is included, its
implementation status, and why any Annex A control is excluded; 27701 and 42001 ask the same
for their annexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from complykit.catalog.hints import control_hint
from complykit.checks.hinting import HintBudget
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.soa_index import ALL_SOA_CLAUSES, frameworks_in_scope, soa_clause, soa_views
from complykit.model.control import Control
from complykit.model.enums import ImplementationStatus
from complykit.workspace.repository import Repository

_LIST_AT_MOST = 8
_IN_PLACE = (
    ImplementationStatus.IMPLEMENTED,
    ImplementationStatus.PARTIALLY_IMPLEMENTED,
    ImplementationStatus.PLANNED,
)


def _listing(ids: list[str]) -> str:
    shown = ", ".join(ids[:_LIST_AT_MOST])
    more = len(ids) - _LIST_AT_MOST
    return f"{shown} and {more} more" if more > 0 else shown


@check(
    code="SOA001",
    reads=("statement-of-applicability",),
    name="soa-missing",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    needs=("statement-of-applicability",),
    hint="Run `complykit soa init FRAMEWORK` to add one with every control.",
)
def soa_missing(repo: Repository) -> Iterator[Problem]:
    """A framework in scope that needs a Statement of Applicability has none.

    PASS: ``frameworks: [iso27001-2022]`` and a statement-of-applicability for it.
    FAIL: ``frameworks: [iso27001-2022]`` and no statement-of-applicability.
    """
    covered = {view.framework for view in soa_views(repo)}
    for index, catalog in frameworks_in_scope(repo):
        if catalog.framework.soa and catalog.id not in covered:
            yield Problem(
                None,
                ("frameworks", index),
                f"{catalog.id} is in scope but has no Statement of Applicability",
                citation=soa_clause(catalog.id),
            )


@check(
    code="SOA002",
    reads=("statement-of-applicability",),
    name="soa-incomplete",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    hint="Add an entry for each missing control, included or excluded with a reason.",
)
def soa_incomplete(repo: Repository) -> Iterator[Problem]:
    """A Statement of Applicability leaves out controls of its framework.

    PASS: an iso27001-2022 SoA with all 93 Annex A controls.
    FAIL: an iso27001-2022 SoA without A.5.7.
    """
    for view in soa_views(repo):
        present = {entry.control for entry in view.soa.entries}
        missing = [c.id for c in view.catalog.controls if c.id not in present]
        if missing:
            yield Problem(
                view.where,
                ("entries",),
                f"{len(missing)} {view.framework} control(s) missing: {_listing(missing)}",
                citation=soa_clause(view.framework),
                at_key=True,
            )


@check(
    code="SOA003",
    reads=("statement-of-applicability",),
    name="soa-duplicate-control",
    severity=Severity.ERROR,
    hint="Keep one entry per control; merge the two.",
)
def soa_duplicate_control(repo: Repository) -> Iterator[Problem]:
    """A control appears more than once in the same Statement of Applicability.

    PASS: ``A.5.1`` listed once.
    FAIL: ``A.5.1`` listed twice.
    """
    for view in soa_views(repo):
        seen: set[str] = set()
        for index, entry in view.entries():
            if entry.control in seen:
                yield Problem(
                    view.where,
                    ("entries", index, "control"),
                    f"{entry.control} is listed more than once",
                )
            seen.add(entry.control)


@check(
    code="SOA004",
    reads=("statement-of-applicability",),
    name="soa-unknown-control",
    severity=Severity.ERROR,
    hint="Use the control's id in this edition (`complykit catalog show FRAMEWORK`), or remove "
    "the entry.",
)
def soa_unknown_control(repo: Repository) -> Iterator[Problem]:
    """An SoA entry names a control its framework does not have (often an old edition's id).

    PASS: ``control: A.5.15`` in an iso27001-2022 SoA.
    FAIL: ``control: A.9.1.1`` (an ISO/IEC 27001:2013 id) in an iso27001-2022 SoA.
    """
    budget = HintBudget()
    for view in soa_views(repo):
        for index, entry in view.entries():
            item = view.catalog.item(entry.control)
            if item is None or item.kind != "control":
                yield Problem(
                    view.where,
                    ("entries", index, "control"),
                    f"{view.framework} has no control '{entry.control}'",
                    hint=budget.hint(
                        view.where, control_hint, repo.catalogs, view.framework, entry.control
                    ),
                )


@check(
    code="SOA005",
    reads=("statement-of-applicability",),
    name="soa-justification-missing",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.ERROR,
    hint="Say why the control is needed (risk treatment, law, contract) or why not.",
)
def soa_justification_missing(repo: Repository) -> Iterator[Problem]:
    """An included or excluded control has no justification (spaces alone are none), or only
    a placeholder such as ``N/A``, ``n.v.t.``, ``-`` or ``not applicable``.

    The Statement of Applicability gives the justification for each inclusion and exclusion
    (ISO/IEC 27001:2022 6.1.3 d)); a placeholder says the control is left out, not why.

    PASS: ``applicable: false`` with ``justification: No software development in house``.
    FAIL: ``applicable: false`` and no justification, ``justification: "   "`` or
    ``justification: N/A``.
    """
    for view in soa_views(repo):
        for index, entry in view.entries():
            if entry.applicable is None:
                continue
            what = "inclusion" if entry.applicable else "exclusion"
            written = (entry.justification or "").strip()
            if not written:
                yield Problem(
                    view.where,
                    ("entries", index),
                    f"{entry.control}: the {what} has no justification",
                    citation=soa_clause(view.framework),
                )
            elif _placeholder(written):
                yield Problem(
                    view.where,
                    ("entries", index, "justification"),
                    f"{entry.control}: the {what} has no justification: '{written}' is a "
                    "placeholder, not a reason",
                    citation=soa_clause(view.framework),
                )


_PLACEHOLDERS = frozenset(
    ("", "na", "nvt", "nb", "notapplicable", "nietvantoepassing", "none", "geen", "tbd", "todo")
)


def _placeholder(text: str) -> bool:
    """Whether a justification is a placeholder: ``N/A``, ``n.v.t.``, ``-``, ``not applicable``,
    ``TBD`` and the like, whatever their case, dots, slashes or dashes."""
    return re.sub(r"[\W_]+", "", text.casefold()) in _PLACEHOLDERS


@check(
    code="SOA006",
    reads=("control", "statement-of-applicability"),
    name="soa-evidence-missing",
    severity=Severity.ERROR,
    needs=("control",),
    hint="List the policy, record or configuration that shows the control works.",
)
def soa_evidence_missing(repo: Repository) -> Iterator[Problem]:
    """A control marked implemented lists no evidence, directly or through its measures.

    A measure lends its evidence only if it is in place (``implemented`` or
    ``partially-implemented``: 6.1.3 d) asks whether a control is implemented, and a planned
    measure shows nothing yet) and is a measure for this control: its ``implements`` names
    the control, or names nothing in this framework, so that the SoA's link is the only
    mapping. A measure that ``implements`` other controls of the framework proves those.

    PASS: ``status: implemented`` with ``evidence: [evidence/backup-restore-test.md]``, or
    with ``measures: [ctl-backup]`` where that control record is implemented, implements this
    control and lists evidence.
    FAIL: ``status: implemented`` and no evidence anywhere; or only ``measures: [ctl-mfa]``,
    a measure that is ``planned`` or implements A.5.17 and A.8.5 but not this control.
    """
    for view in soa_views(repo):
        for index, entry in view.entries():
            if (
                entry.applicable is False
                or entry.status is not ImplementationStatus.IMPLEMENTED
                or entry.evidence
            ):
                continue
            lending = [
                _lends_evidence(repo, m, view.framework, entry.control) for m in entry.measures
            ]
            if any(why is None for why in lending):
                continue
            yield Problem(
                view.where,
                ("entries", index, "status"),
                f"{entry.control} is implemented but lists no evidence"
                + "".join(f"; {why}" for why in lending if why),
            )


_IMPLEMENTED = (ImplementationStatus.IMPLEMENTED, ImplementationStatus.PARTIALLY_IMPLEMENTED)


def _lends_evidence(repo: Repository, measure: str, framework: str, control: str) -> str | None:
    """None if the measure's evidence counts for ``control``; else why not, or "" when the
    measure is no control record at all (REF001 reports that)."""
    found = repo.by_id.get(measure)
    record = found.record if found is not None else None
    if not isinstance(record, Control):
        return ""
    mapped = record.implements.get(framework, [])
    if not record.evidence:
        return ""
    if mapped and control not in mapped:
        return (
            f"its measure {measure} has evidence, but implements {', '.join(mapped)}, not {control}"
        )
    if record.status not in _IMPLEMENTED:
        return f"its measure {measure} has evidence, but its status is {record.status.value}"
    return None


@check(
    code="SOA007",
    reads=("statement-of-applicability",),
    name="soa-undecided",
    citation=ALL_SOA_CLAUSES,
    severity=Severity.WARNING,
    hint="Decide applicability and set the implementation status.",
)
def soa_undecided(repo: Repository) -> Iterator[Problem]:
    """An SoA entry is still to be decided.

    PASS: ``applicable: true`` and ``status: planned``.
    FAIL: ``applicable:`` left empty, or ``status: to-decide``.
    """
    for view in soa_views(repo):
        for index, entry in view.entries():
            if entry.applicable is None or entry.status is ImplementationStatus.TO_DECIDE:
                yield Problem(
                    view.where,
                    ("entries", index),
                    f"{entry.control} {_undecided(entry.applicable)}",
                    citation=soa_clause(view.framework),
                )


def _undecided(applicable: bool | None) -> str:
    """What is left to decide: whether the control applies, or only how far it is done."""
    if applicable is None:
        return "is still to be decided: does it apply?"
    if applicable:
        return "applies, but its implementation status is still to be decided"
    return "is excluded, but its status is still 'to-decide' (set `not-applicable`)"


@check(
    code="SOA008",
    reads=("statement-of-applicability",),
    name="soa-status-contradiction",
    severity=Severity.ERROR,
    hint="An excluded control is not implemented; an included one is not 'not-applicable'.",
)
def soa_status_contradiction(repo: Repository) -> Iterator[Problem]:
    """An entry's applicability and status contradict each other.

    PASS: ``applicable: false`` with ``status: not-applicable``.
    FAIL: ``applicable: true`` with ``status: not-applicable``.
    """
    for view in soa_views(repo):
        for index, entry in view.entries():
            not_applicable = entry.status is ImplementationStatus.NOT_APPLICABLE
            if entry.applicable is True and not_applicable:
                yield Problem(
                    view.where,
                    ("entries", index, "status"),
                    f"{entry.control} is included but its status is not-applicable",
                )
            elif entry.applicable is False and entry.status in _IN_PLACE:
                yield Problem(
                    view.where,
                    ("entries", index, "status"),
                    f"{entry.control} is excluded but its status is {entry.status}",
                )

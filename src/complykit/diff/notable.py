"""What a privacy reviewer should look at first: a small table of rules over the field diff.

A rule names a record kind, a field pattern (``[]`` stands for any list item, ``*`` for any
field), a test on the old and new value, and a one-line reason. Adding a rule is adding a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from complykit.core.frozen import frozen
from complykit.diff.changes import FieldChange, Notable, RecordDiff
from complykit.diff.fields import field_changes
from complykit.diff.snapshot import Snapshot
from complykit.model.enums import ImplementationStatus

# Worst first: a control moving left in this list has gone down.
_STATUS_ORDER = (
    ImplementationStatus.NOT_IMPLEMENTED,
    ImplementationStatus.PLANNED,
    ImplementationStatus.PARTIALLY_IMPLEMENTED,
    ImplementationStatus.IMPLEMENTED,
)
_STATUS_RANK = {str(status): rank for rank, status in enumerate(_STATUS_ORDER)}


@frozen
class Seen:
    """One field change as a rule sees it, with the whole record on both sides."""

    old: Any
    new: Any
    item: str
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    appetite: int | None

    @property
    def residual_before(self) -> int | None:
        return _score(self.before.get("residual"))

    @property
    def residual_after(self) -> int | None:
        return _score(self.after.get("residual"))


@frozen
class FieldRule:
    """``reason`` is a ``str.format`` template over the Seen value ``s``."""

    rule: str
    kind: str
    field: str
    when: Callable[[Seen], bool]
    reason: str
    new_records: bool = False
    """Also apply to records the change adds, as if every field were new."""


def _score(residual: Any) -> int | None:
    if not isinstance(residual, dict):
        return None
    return int(residual.get("likelihood", 0)) * int(residual.get("impact", 0))


def _replaced(seen: Seen) -> bool:
    return seen.old is not None and seen.new is not None


def _appeared(seen: Seen) -> bool:
    return seen.new is not None


def _excluded(seen: Seen) -> bool:
    return seen.new is False


def _status_down(seen: Seen) -> bool:
    old, new = _STATUS_RANK.get(str(seen.old)), _STATUS_RANK.get(str(seen.new))
    return old is not None and new is not None and new < old


def _rises_above_appetite(seen: Seen) -> bool:
    before, after = seen.residual_before, seen.residual_after
    if seen.appetite is None or after is None or after <= seen.appetite:
        return False
    return before is None or before <= seen.appetite


FIELD_RULES = (
    FieldRule(
        rule="legal-basis-changed",
        kind="processing-activity",
        field="purposes[].legal_basis",
        when=_replaced,
        reason="Legal basis changed from {s.old} to {s.new}: check Art. 6(1) and the notice.",
    ),
    FieldRule(
        rule="special-category-added",
        kind="processing-activity",
        field="personal_data[].special_category",
        when=_appeared,
        reason="New special-category data ({s.new}) in '{s.item}': Art. 9 applies.",
        new_records=True,
    ),
    FieldRule(
        rule="transfer-added",
        kind="processing-activity",
        field="transfers[].country",
        when=_appeared,
        reason="New transfer to third country {s.new}: check the Chapter V ground.",
        new_records=True,
    ),
    FieldRule(
        rule="residual-above-appetite",
        kind="risk",
        field="residual.*",
        when=_rises_above_appetite,
        reason="Residual score rises to {s.residual_after}, above the appetite of {s.appetite}.",
        new_records=True,
    ),
    FieldRule(
        rule="control-excluded",
        kind="statement-of-applicability",
        field="entries[].applicable",
        when=_excluded,
        reason="Control {s.item} is now excluded from the Statement of Applicability.",
    ),
    FieldRule(
        rule="control-status-down",
        kind="statement-of-applicability",
        field="entries[].status",
        when=_status_down,
        reason="Control {s.item} went down from {s.old} to {s.new}.",
    ),
    FieldRule(
        rule="ai-risk-class-changed",
        kind="ai-system",
        field="classification.risk_class",
        when=_replaced,
        reason="AI Act risk class changed from {s.old} to {s.new}: its obligations change too.",
    ),
)

# (kind, "added" | "removed") -> (rule, reason)
RECORD_RULES = {
    ("processing-activity", "added"): (
        "activity-added",
        "A new processing activity enters the Art. 30 register.",
    ),
    ("processing-activity", "removed"): (
        "activity-removed",
        "A processing activity leaves the Art. 30 register: has the processing stopped?",
    ),
    ("ai-system", "added"): ("ai-system-added", "A new AI system: check its AI Act risk class."),
}


def notable_changes(records: RecordDiff, base: Snapshot, head: Snapshot) -> tuple[Notable, ...]:
    """The notable changes, sorted by record; each rule speaks once per record and reason."""
    found = {*_record_notables(records), *_field_notables(records, base, head)}
    return tuple(sorted(found, key=lambda n: (n.kind, n.id, n.rule, n.reason)))


def _record_notables(records: RecordDiff) -> Iterator[Notable]:
    for status, refs in (("added", records.added), ("removed", records.removed)):
        for ref in refs:
            if (ref.kind, status) in RECORD_RULES:
                rule, reason = RECORD_RULES[ref.kind, status]
                yield Notable(rule, ref.kind, ref.id, reason)


@frozen
class _Subject:
    kind: str
    id: str
    fields: list[FieldChange]
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    is_new: bool


def _field_notables(records: RecordDiff, base: Snapshot, head: Snapshot) -> Iterator[Notable]:
    for change in records.changed:
        key = (change.kind, change.id)
        before, after = base.records[key].data, head.records[key].data
        subject = _Subject(change.kind, change.id, list(change.fields), before, after, is_new=False)
        yield from _apply(subject, head.appetite)
    for ref in records.added:
        after = head.records[ref.kind, ref.id].data
        yield from _apply(
            _Subject(ref.kind, ref.id, field_changes(None, after), {}, after, is_new=True),
            head.appetite,
        )


def _apply(subject: _Subject, appetite: int | None) -> Iterator[Notable]:
    for rule in FIELD_RULES:
        if rule.kind != subject.kind or (subject.is_new and not rule.new_records):
            continue
        pattern = _pattern(rule.field)
        for change in subject.fields:
            if not _matches(pattern, change.parts):
                continue
            seen = Seen(
                change.old, change.new, _item(change.parts), subject.before, subject.after, appetite
            )
            if rule.when(seen):
                yield Notable(rule.rule, subject.kind, subject.id, rule.reason.format(s=seen))


def _pattern(field: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\[\]|[^.\[\]]+", field))


def _matches(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    return len(pattern) == len(parts) and all(
        want in {part, "*"} or (want == "[]" and part.startswith("["))
        for want, part in zip(pattern, parts, strict=True)
    )


def _item(parts: tuple[str, ...]) -> str:
    """The innermost list item's label, without brackets; empty outside lists."""
    items = [part[1:-1] for part in parts if part.startswith("[")]
    return items[-1] if items else ""

"""Compare two loaded sides: records added, removed and changed; findings new and fixed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from complykit.core.findings import Severity
from complykit.diff.changes import Diff, Notable, RecordChange, RecordDiff, RecordRef, Side
from complykit.diff.fields import field_changes
from complykit.diff.matching import match_findings
from complykit.diff.notable import notable_changes
from complykit.diff.snapshot import RecordKey, Snapshot


def compare_records(base: Snapshot, head: Snapshot) -> RecordDiff:
    """Records matched by (kind, id), in kind and id order."""
    added = [_ref(key, head) for key in sorted(head.records.keys() - base.records.keys())]
    gone = sorted(base.records.keys() - head.records.keys())
    # A record the head cannot read is still there: calling it removed would tell a reviewer
    # that processing stopped when only a typo was made.
    removed = [_ref(key, base) for key in gone if key[1] not in head.unread]
    changed = [
        change
        for key in sorted(base.records.keys() & head.records.keys())
        if (change := _changed(key, base, head)) is not None
    ]
    return RecordDiff(tuple(added), tuple(removed), tuple(changed))


def _ref(key: RecordKey, side: Snapshot) -> RecordRef:
    kind, record_id = key
    return RecordRef(kind, record_id, side.records[key].path)


def _changed(key: RecordKey, base: Snapshot, head: Snapshot) -> RecordChange | None:
    old, new = base.records[key], head.records[key]
    if old.same_as(new):
        return None
    fields = field_changes(old.data, new.data)
    moved_from = old.path if old.path != new.path else None
    if not fields and moved_from is None:
        return None
    kind, record_id = key
    return RecordChange(kind, record_id, new.path, tuple(fields), moved_from)


def compare(
    base: tuple[Side, Snapshot],
    head: tuple[Side, Snapshot],
    *,
    as_of: date,
    fail_on: Severity = Severity.ERROR,
) -> Diff:
    """The whole diff from the base side to the head side."""
    (base_side, base_snapshot), (head_side, head_snapshot) = base, head
    records = compare_records(base_snapshot, head_snapshot)
    notable = notable_changes(records, base_snapshot, head_snapshot)
    return Diff(
        base_side,
        head_side,
        records,
        match_findings(base_snapshot.findings, head_snapshot.findings),
        (*_unreadable(base_snapshot, head_snapshot, head_side.label), *notable),
        as_of,
        fail_on,
    )


def _unreadable(base: Snapshot, head: Snapshot, label: str) -> Iterator[Notable]:
    """Records the base could read and the head cannot: broken, not removed."""
    for kind, record_id in sorted(base.records):
        unread = head.unread.get(record_id)
        if unread is not None and (kind, record_id) not in head.records:
            where = f"{unread.path}:{unread.line}"
            yield Notable(
                "record-unreadable",
                kind,
                record_id,
                f"{record_id} could not be read in {label} ({unread.reason}, {where}); "
                "fix the file, the record has not left the register",
            )

"""One side of a diff, loaded: every valid record, the findings, the appetite.

A record's fields are turned into JSON data only when the comparison asks for them: the two
sides of a diff share every record of the files the change did not touch, and a shared record
(the very same object on both sides) is unchanged without looking at its fields.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.checks.registry import Memo
from complykit.core.findings import Finding
from complykit.core.frozen import field, frozen
from complykit.load.declared import UnreadRecord
from complykit.validate.engine import all_rules, check_all, run_keeping_records, with_hints
from complykit.validate.waivers import active_waivers, apply_waivers, stale_waivers
from complykit.workspace.repository import Entry, Repository

RecordKey = tuple[str, str]


class LoadedRecord:
    """A record and the file it came from; its fields as JSON data (defaults left out) on demand.

    It holds the repository's entry rather than the record: a record restored from the cache
    is built only when its data is asked for, and the comparison asks only of records whose
    entries the two sides do not share."""

    __slots__ = ("_data", "entry", "path")

    def __init__(
        self,
        path: PurePosixPath,
        data: dict[str, Any] | None = None,
        *,
        entry: Entry | None = None,
    ) -> None:
        self.path = path
        self.entry = entry
        self._data = data

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            record = None if self.entry is None else self.entry.record
            dumped = {} if record is None else record.model_dump(mode="json", exclude_defaults=True)
            self._data = dumped
        return self._data

    def same_as(self, other: LoadedRecord) -> bool:
        """The same entry of the same file: loaded once, shared by both sides."""
        return self.entry is not None and self.entry is other.entry and self.path == other.path


@frozen
class Snapshot:
    """A workspace at one revision; empty when that revision has no workspace."""

    records: dict[RecordKey, LoadedRecord] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    appetite: int | None = None
    unread: dict[str, UnreadRecord] = field(default_factory=dict)
    """Records this revision holds but could not read, by id: not the same as removed."""


def load_snapshot(root: Path, as_of: date, jobs: int | None = None) -> Snapshot:
    """Validate the workspace at ``root`` and keep what the comparison needs."""
    result, repo = run_keeping_records(root, as_of=as_of, jobs=jobs)
    if repo is None:
        return Snapshot(findings=result.findings)
    return snapshot_of(repo, result.findings)


def checked(
    repo: Repository, loading: tuple[Finding, ...], memo: Memo | None = None
) -> tuple[Finding, ...]:
    """The findings ``validate`` reports for ``repo``: loading and rule findings, waived; with
    a ``memo``, the checks whose inputs did not change since it was kept are not run again."""
    found = check_all(repo, memo)
    kept, waived = apply_waivers([*loading, *found], active_waivers(repo))
    rules = all_rules()
    return tuple(sorted(with_hints([*kept, *stale_waivers(repo, waived, rules)], rules)))


def snapshot_of(repo: Repository, findings: tuple[Finding, ...]) -> Snapshot:
    """The side ``repo`` holds, with its (already checked) ``findings``."""
    records: dict[RecordKey, LoadedRecord] = {}
    for entry in repo.entries:
        # A duplicate id is a finding already; like the repository, the first one counts.
        records.setdefault((entry.kind, entry.id), LoadedRecord(entry.path, entry=entry))
    unread = {u.id: u for u in repo.unread}
    return Snapshot(records, findings, repo.config.risk_method.appetite, unread)

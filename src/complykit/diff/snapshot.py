"""One side of a diff, loaded: every valid record, the findings, the appetite.

A record's fields are turned into JSON data only when the comparison asks for them: the two
sides of a diff share every record of the files the change did not touch, and a shared record
(the very same object on both sides) is unchanged without looking at its fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.findings import Finding
from complykit.load.declared import UnreadRecord
from complykit.model.base import Record
from complykit.validate.engine import all_rules, check_all, run_keeping_records
from complykit.validate.waivers import active_waivers, apply_waivers, stale_waivers
from complykit.workspace.repository import Repository

RecordKey = tuple[str, str]


class LoadedRecord:
    """A record and the file it came from; its fields as JSON data (defaults left out) on demand."""

    __slots__ = ("_data", "path", "record")

    def __init__(
        self,
        path: PurePosixPath,
        data: dict[str, Any] | None = None,
        *,
        record: Record | None = None,
    ) -> None:
        self.path = path
        self.record = record
        self._data = data

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            dumped = (
                {}
                if self.record is None
                else self.record.model_dump(mode="json", exclude_defaults=True)
            )
            self._data = dumped
        return self._data

    def same_as(self, other: LoadedRecord) -> bool:
        """The same record object from the same file: loaded once, shared by both sides."""
        return self.record is not None and self.record is other.record and self.path == other.path


@dataclass(frozen=True, slots=True)
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


def checked(repo: Repository, loading: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The findings ``validate`` reports for ``repo``: loading and rule findings, waived."""
    kept, waived = apply_waivers([*loading, *check_all(repo)], active_waivers(repo))
    return tuple(sorted([*kept, *stale_waivers(repo, waived, all_rules())]))


def snapshot_of(repo: Repository, findings: tuple[Finding, ...]) -> Snapshot:
    """The side ``repo`` holds, with its (already checked) ``findings``."""
    records: dict[RecordKey, LoadedRecord] = {}
    for entry in repo.entries:
        # A duplicate id is a finding already; like the repository, the first one counts.
        records.setdefault(
            (entry.record.kind, entry.record.id), LoadedRecord(entry.path, record=entry.record)
        )
    unread = {u.id: u for u in repo.unread}
    return Snapshot(records, findings, repo.config.risk_method.appetite, unread)

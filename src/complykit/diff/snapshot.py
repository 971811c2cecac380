"""One side of a diff, loaded: every valid record as plain data, the findings, the appetite."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.findings import Finding
from complykit.load.declared import UnreadRecord
from complykit.validate.engine import run_keeping_records

RecordKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class LoadedRecord:
    """A record's fields as JSON data (defaults left out), and the file it came from."""

    path: PurePosixPath
    data: dict[str, Any]


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
    records: dict[RecordKey, LoadedRecord] = {}
    for entry in repo.entries:
        data = entry.record.model_dump(mode="json", exclude_defaults=True)
        # A duplicate id is a finding already; like the repository, the first one counts.
        records.setdefault((entry.record.kind, entry.record.id), LoadedRecord(entry.path, data))
    unread = {u.id: u for u in repo.unread}
    return Snapshot(records, result.findings, repo.config.risk_method.appetite, unread)

"""``complykit diff --format json``."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import with_config
from typing_extensions import TypedDict

from complykit.contracts.base import STRICT, SchemaVersion, ToolInfo
from complykit.contracts.validate import FindingDocument


@with_config(STRICT)
class SideDocument(TypedDict):
    """``revision`` and ``commit`` are null for the working tree."""

    revision: str | None
    commit: str | None
    has_workspace: bool


@with_config(STRICT)
class DiffSummary(TypedDict):
    records_added: int
    records_removed: int
    records_changed: int
    findings_new: int
    findings_fixed: int
    findings_unchanged: int
    notable: int
    exit_code: int


@with_config(STRICT)
class RecordRefDocument(TypedDict):
    kind: str
    id: str
    path: str


@with_config(STRICT)
class FieldChangeDocument(TypedDict):
    field: str
    old: Any
    new: Any


@with_config(STRICT)
class RecordChangeDocument(RecordRefDocument):
    moved_from: str | None
    fields: list[FieldChangeDocument]


@with_config(STRICT)
class RecordsDocument(TypedDict):
    added: list[RecordRefDocument]
    removed: list[RecordRefDocument]
    changed: list[RecordChangeDocument]


@with_config(STRICT)
class FindingChangesDocument(TypedDict):
    new: list[FindingDocument]
    fixed: list[FindingDocument]


@with_config(STRICT)
class NotableDocument(TypedDict):
    rule: str
    kind: str
    id: str
    reason: str


@with_config(STRICT)
class DiffDocument(TypedDict):
    schema_version: SchemaVersion
    tool: ToolInfo
    as_of: str
    fail_on: Literal["error", "warning"]
    base: SideDocument
    head: SideDocument
    summary: DiffSummary
    records: RecordsDocument
    findings: FindingChangesDocument
    notable: list[NotableDocument]

"""``complykit validate --format json``."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import TypedDict

from complykit.contracts.base import STRICT, SchemaVersion, ToolInfo

Severity = Literal["error", "warning", "info"]


@with_config(STRICT)
class FindingDocument(TypedDict):
    """One finding; the same shape in validate and diff output."""

    code: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    hint: str | None
    citation: list[str]
    record: str | None


@with_config(STRICT)
class WaivedFindingDocument(FindingDocument):
    waiver: str


@with_config(STRICT)
class NotShownCounts(TypedDict):
    """Findings per severity that ``--severity`` left out of ``findings``: counted, not listed."""

    errors: int
    warnings: int
    infos: int


@with_config(STRICT)
class ValidateSummary(TypedDict):
    files: int
    records: int
    errors: int
    warnings: int
    infos: int
    not_shown: NotShownCounts
    waived: int
    exit_code: int


@with_config(STRICT)
class NoteDocument(TypedDict):
    """What holds for all the findings of some rules, said once instead of in each hint."""

    codes: list[str]
    text: str


@with_config(STRICT)
class ValidateDocument(TypedDict):
    schema_version: SchemaVersion
    tool: ToolInfo
    as_of: str
    fail_on: Literal["error", "warning"]
    summary: ValidateSummary
    findings: list[FindingDocument]
    waived: list[WaivedFindingDocument]
    notes: list[NoteDocument]

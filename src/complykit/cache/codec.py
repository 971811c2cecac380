"""Validation results to plain JSON and back, checking the shape of everything read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.result import Result, Waived


class BadEntryError(ValueError):
    """A cache entry that does not have the shape this version writes."""


def as_text(value: Any) -> str:
    if not isinstance(value, str):
        raise BadEntryError(f"expected text, got {type(value).__name__}")
    return value


def as_optional_text(value: Any) -> str | None:
    return None if value is None else as_text(value)


def as_number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadEntryError(f"expected a number, got {type(value).__name__}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise BadEntryError("expected a list")
    return tuple(as_text(v) for v in value)


def encode_finding(f: Finding) -> list[Any]:
    return [f.path.as_posix(), *encode_finding_in_file(f)]


def encode_finding_in_file(f: Finding) -> list[Any]:
    """A finding without its path, for entries kept per file (the path is the file's own)."""
    return [
        f.line,
        f.column,
        f.code,
        f.severity.value,
        f.message,
        f.hint,
        list(f.citation),
        f.record,
    ]


def decode_finding(row: Any) -> Finding:
    if not isinstance(row, list) or len(row) != 9:
        raise BadEntryError("a finding is not a list of nine values")
    return decode_finding_in_file(row[1:], PurePosixPath(as_text(row[0])))


def decode_finding_in_file(row: Any, path: PurePosixPath) -> Finding:
    if not isinstance(row, list) or len(row) != 8:
        raise BadEntryError("a finding in a file is not a list of eight values")
    line, column, code, severity, message, hint, citation, record = row
    return Finding(
        path,
        as_number(line),
        as_number(column),
        as_text(code),
        Severity(as_text(severity)),
        as_text(message),
        as_optional_text(hint),
        _texts(citation),
        as_optional_text(record),
    )


def encode_rule(r: RuleInfo) -> list[Any]:
    return [r.code, r.name, r.severity.value, r.summary, list(r.citation), r.hint, r.note]


def decode_rule(row: Any) -> RuleInfo:
    if not isinstance(row, list) or len(row) != 7:
        raise BadEntryError("a rule is not a list of seven values")
    code, name, severity, summary, citation, hint, note = row
    return RuleInfo(
        as_text(code),
        as_text(name),
        Severity(as_text(severity)),
        as_text(summary),
        _texts(citation),
        as_optional_text(hint),
        note=as_optional_text(note),
    )


def encode_result(result: Result) -> dict[str, Any]:
    return {
        "findings": [encode_finding(f) for f in result.findings],
        "waived": [[encode_finding(w.finding), w.waiver] for w in result.waived],
        "rules": [encode_rule(r) for r in result.rules.values()],
        "files": result.files_checked,
        "records": result.records_checked,
    }


def decode_result(
    body: Any, root: Path, as_of: date, fail_on: Severity, notes: tuple[str, ...]
) -> Result:
    """Raises BadEntryError (a ValueError) when anything has the wrong shape or type."""
    if not isinstance(body, dict):
        raise BadEntryError("the entry is not a mapping")
    try:
        waived = tuple(Waived(decode_finding(f), as_text(w)) for f, w in body["waived"])
        rules = [decode_rule(r) for r in body["rules"]]
        return Result(
            root,
            tuple(decode_finding(f) for f in body["findings"]),
            {r.code: r for r in rules},
            as_number(body["files"]),
            as_number(body["records"]),
            as_of,
            fail_on,
            waived,
            notes,
        )
    except (KeyError, TypeError) as error:
        raise BadEntryError(f"missing or malformed field: {error}") from None

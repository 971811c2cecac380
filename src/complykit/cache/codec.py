"""Validation results to plain JSON and back, checking the shape of everything read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.result import Result, Waived


class BadEntryError(ValueError):
    """A cache entry that does not have the shape this version writes."""


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise BadEntryError(f"expected text, got {type(value).__name__}")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadEntryError(f"expected a number, got {type(value).__name__}")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise BadEntryError("expected a list")
    return tuple(_str(v) for v in value)


def encode_finding(f: Finding) -> list[Any]:
    return [
        f.path.as_posix(),
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
    path, line, column, code, severity, message, hint, citation, record = row
    return Finding(
        PurePosixPath(_str(path)),
        _int(line),
        _int(column),
        _str(code),
        Severity(_str(severity)),
        _str(message),
        _optional_str(hint),
        _strings(citation),
        _optional_str(record),
    )


def encode_rule(r: RuleInfo) -> list[Any]:
    return [r.code, r.name, r.severity.value, r.summary, list(r.citation), r.hint]


def decode_rule(row: Any) -> RuleInfo:
    if not isinstance(row, list) or len(row) != 6:
        raise BadEntryError("a rule is not a list of six values")
    code, name, severity, summary, citation, hint = row
    return RuleInfo(
        _str(code),
        _str(name),
        Severity(_str(severity)),
        _str(summary),
        _strings(citation),
        _optional_str(hint),
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
        waived = tuple(Waived(decode_finding(f), _str(w)) for f, w in body["waived"])
        rules = [decode_rule(r) for r in body["rules"]]
        return Result(
            root,
            tuple(decode_finding(f) for f in body["findings"]),
            {r.code: r for r in rules},
            _int(body["files"]),
            _int(body["records"]),
            as_of,
            fail_on,
            waived,
            notes,
        )
    except (KeyError, TypeError) as error:
        raise BadEntryError(f"missing or malformed field: {error}") from None

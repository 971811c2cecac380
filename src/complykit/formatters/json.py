"""A versioned JSON document for tools; docs/reference/output-formats.md states the contract."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Final, cast

import complykit
from complykit.core.findings import Severity
from complykit.escape import defuse_json
from complykit.formatters.notes import closing_notes

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.contracts.validate import (
        FindingDocument,
        ValidateDocument,
        ValidateSummary,
    )
    from complykit.contracts.validate import (
        Severity as SeverityName,
    )
    from complykit.core.findings import Finding
    from complykit.core.result import Result

# Bump on any change that can break a reader: a key removed, renamed or retyped, or a value's
# meaning changed. Adding keys keeps the version.
SCHEMA_VERSION: Final = "1"


class JsonFormatter:
    """One JSON object with a summary and every finding, keys in a fixed order."""

    def render(self, result: Result, stream: TextIO) -> None:
        # ASCII-only output survives any stream encoding and shows no control character raw;
        # readers decode the escapes, and the `##` a CI runner would act on is one of them.
        document = json.dumps(to_document(result), indent=2, ensure_ascii=True)
        stream.write(defuse_json(document) + "\n")


def to_document(result: Result) -> ValidateDocument:
    """The JSON contract as Python values, in output order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "complykit", "version": complykit.__version__},
        "as_of": result.as_of.isoformat(),
        "fail_on": "warning" if result.fail_on == Severity.WARNING else "error",
        "summary": _summary(result),
        "findings": [finding_document(f) for f in result.findings],
        "waived": [{**finding_document(w.finding), "waiver": w.waiver} for w in result.waived],
        "notes": [{"codes": list(codes), "text": text} for codes, text in closing_notes(result)],
    }


def _summary(result: Result) -> ValidateSummary:
    counts = result.severity_counts()
    hidden = Counter(f.severity for f in result.not_shown)
    return {
        "files": result.files_checked,
        "records": result.records_checked,
        "errors": counts[Severity.ERROR],
        "warnings": counts[Severity.WARNING],
        "infos": counts[Severity.INFO],
        # A dashboard reading only `warnings` under `--severity error` would see a clean run.
        "not_shown": {
            "errors": hidden[Severity.ERROR],
            "warnings": hidden[Severity.WARNING],
            "infos": hidden[Severity.INFO],
        },
        "waived": len(result.waived),
        "exit_code": result.exit_code,
    }


def finding_document(finding: Finding) -> FindingDocument:
    """One finding as the JSON contract writes it (shared by `validate` and `diff`)."""
    return {
        "code": finding.code,
        "severity": cast("SeverityName", str(finding.severity)),
        "path": finding.path.as_posix(),
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "hint": finding.hint,
        "citation": list(finding.citation),
        "record": finding.record,
    }

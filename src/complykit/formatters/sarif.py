"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import complykit
from complykit.core.findings import Severity
from complykit.escape import defuse_json, name_bytes

if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO

    from complykit.core.findings import Finding, RuleInfo
    from complykit.core.result import Result

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_BASE_ID = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SarifFormatter:
    """One SARIF run: the rules that fired and one result per finding."""

    def render(self, result: Result, stream: TextIO) -> None:
        # ASCII-only output survives any stream encoding; readers decode the escapes.
        stream.write(defuse_json(json.dumps(to_sarif(result), indent=2, ensure_ascii=True)) + "\n")


def to_sarif(result: Result) -> dict[str, Any]:
    """The SARIF log as Python values."""
    waived = [w.finding for w in result.waived]
    codes = sorted({f.code for f in (*result.findings, *waived)})
    index = {code: i for i, code in enumerate(codes)}
    driver = {
        "name": "complykit",
        "version": complykit.__version__,
        "rules": [_rule(code, result.rules.get(code)) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {ROOT_BASE_ID: {"uri": _directory_uri(result.root)}},
        # Columns come from the YAML loader, which counts characters, not bytes.
        "columnKind": "unicodeCodePoints",
        "results": [
            *(_result(f, index[f.code]) for f in result.findings),
            *(_suppressed(w.finding, index[w.finding.code], w.waiver) for w in result.waived),
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule(code: str, info: RuleInfo | None) -> dict[str, Any]:
    if info is None:
        return {"id": code}
    rule: dict[str, Any] = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": _with_citation(info.summary, info.citation)},
        "help": {"text": _with_hint(info.summary, info.hint)},
        "defaultConfiguration": {"level": _LEVELS[info.severity]},
    }
    if info.citation:
        rule["properties"] = {"tags": list(info.citation)}
    return rule


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    location = {
        "physicalLocation": {
            "artifactLocation": {
                # A file name that is not UTF-8 keeps its original bytes, percent-encoded.
                "uri": quote(name_bytes(finding.path.as_posix())),
                "uriBaseId": ROOT_BASE_ID,
            },
            "region": {"startLine": finding.line, "startColumn": finding.column},
        },
    }
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": _with_hint(finding.message, finding.hint)},
        "locations": [location],
    }


def _suppressed(finding: Finding, rule_index: int, waiver: str) -> dict[str, Any]:
    # SARIF's own way to say "accepted on purpose": viewers show it as suppressed, not open.
    justification = f"waived by complykit waiver record '{waiver}'"
    suppression = {"kind": "external", "status": "accepted", "justification": justification}
    return {**_result(finding, rule_index), "suppressions": [suppression]}


def _with_hint(text: str, hint: str | None) -> str:
    return f"{text}\n\nHint: {hint}" if hint else text


def _with_citation(text: str, citation: tuple[str, ...]) -> str:
    return f"{text}\n\nCitation: {'; '.join(citation)}" if citation else text


def _directory_uri(root: Path) -> str:
    uri = root.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"

"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import complykit
from complykit.core.findings import Severity
from complykit.escape import defuse_json, name_bytes
from complykit.formatters.budget import SARIF_RESULTS
from complykit.formatters.citations import cited

if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO

    from complykit.core.findings import Finding, RuleInfo
    from complykit.core.result import Result, Waived

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_BASE_ID = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SarifFormatter:
    """One SARIF run: the rules that fired and one result per finding."""

    def render(self, result: Result, stream: TextIO) -> None:
        # ASCII-only output survives any stream encoding; readers decode the escapes.
        stream.write(defuse_json(json.dumps(to_sarif(result), indent=2, ensure_ascii=True)) + "\n")


def to_sarif(result: Result, most: int = SARIF_RESULTS) -> dict[str, Any]:
    """The SARIF log as Python values: at most ``most`` results, which code scanning accepts.
    When there are more, the most severe open findings are kept, then waived ones, and the run
    says how many were left out."""
    findings, waived_results = _kept(result, most)
    waived = [w.finding for w in waived_results]
    codes = sorted({f.code for f in (*findings, *waived)})
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
            *(_result(f, index[f.code]) for f in findings),
            *(_suppressed(w.finding, index[w.finding.code], w.waiver) for w in waived_results),
        ],
    }
    left_out = len(result.findings) + len(result.waived) - len(findings) - len(waived_results)
    if left_out:
        run["invocations"] = [_cut_short(left_out, most)]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _kept(result: Result, most: int) -> tuple[list[Finding], list[Waived]]:
    """The findings and waived findings that fit in ``most`` results, in their order."""
    if len(result.findings) + len(result.waived) <= most:
        return list(result.findings), list(result.waived)
    ranked = sorted(range(len(result.findings)), key=lambda i: -result.findings[i].severity.rank)
    chosen = sorted(ranked[:most])
    return [result.findings[i] for i in chosen], list(result.waived[: most - len(chosen)])


def _cut_short(left_out: int, most: int) -> dict[str, Any]:
    text = (
        f"{left_out:,} more result(s) left out: code scanning rejects a run with over "
        f"{most:,} results. The most severe were kept; `complykit validate` lists them all."
    )
    notice = {"level": "warning", "message": {"text": text}}
    return {"executionSuccessful": True, "toolExecutionNotifications": [notice]}


def _rule(code: str, info: RuleInfo | None) -> dict[str, Any]:
    if info is None:
        return {"id": code}
    rule: dict[str, Any] = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": _with_citation(info.summary, info.citation)},
        "help": {"text": _with_note(_with_hint(info.summary, info.hint), info.note)},
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


def _with_note(text: str, note: str | None) -> str:
    return f"{text}\n\nNote: {note}" if note else text


def _with_citation(text: str, citation: tuple[str, ...]) -> str:
    return f"{text}\n\nCitation: {cited(citation)}" if citation else text


def _directory_uri(root: Path) -> str:
    uri = root.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"

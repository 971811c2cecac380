"""GitLab Code Quality: the report the merge-request widget and the pipeline's tab read.

GitLab documents the format at https://docs.gitlab.com/ci/testing/code_quality/ (a subset of
the Code Climate issue spec): a JSON array of issues with description, check_name, fingerprint,
severity and a location whose path is relative to the repository root.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from complykit.core.findings import Severity
from complykit.escape import defuse_json, name_bytes
from complykit.formatters.citations import cited

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.core.findings import Finding
    from complykit.core.result import Result

# GitLab ranks info < minor < major < critical < blocker. An error fails the pipeline and gets
# the middle rank, leaving critical and blocker to tools that find exploitable defects.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabFormatter:
    """One Code Quality issue per finding; waived findings are accepted, so they are left out."""

    def render(self, result: Result, stream: TextIO) -> None:
        # ASCII-only output survives any stream encoding; readers decode the escapes.
        document = json.dumps(to_code_quality(result), indent=2, ensure_ascii=True)
        stream.write(defuse_json(document) + "\n")  # `##` a CI runner would act on, escaped


def to_code_quality(result: Result) -> list[dict[str, Any]]:
    seen: Counter[str] = Counter()
    issues = []
    for finding in result.findings:
        key = _identity(finding)
        seen[key] += 1
        issues.append(_issue(finding, fingerprint(key, seen[key])))
    return issues


def _identity(finding: Finding) -> str:
    # No line number: a finding keeps its fingerprint when lines above it are added or removed,
    # so GitLab shows it as unchanged rather than as fixed and new again.
    parts = (finding.code, finding.path.as_posix(), finding.record or "", finding.message)
    return "\x1f".join(parts)


def fingerprint(identity: str, occurrence: int) -> str:
    """A stable id: the same finding in the same place gets the same fingerprint on every run."""
    # surrogateescape: a file name that is not UTF-8 keeps its own bytes rather than raising.
    return hashlib.sha256(name_bytes(f"{identity}\x1f{occurrence}")).hexdigest()


def _issue(finding: Finding, issue_fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": _description(finding),
        "severity": SEVERITIES[finding.severity],
        "fingerprint": issue_fingerprint,
        "location": {
            "path": finding.path.as_posix(),
            "lines": {"begin": finding.line},
            "positions": {"begin": {"line": finding.line, "column": finding.column}},
        },
    }


def _description(finding: Finding) -> str:
    parts = [f"{finding.code}: {finding.message}"]
    if finding.hint:
        parts.append(f"Hint: {finding.hint}")
    if finding.citation:
        parts.append(f"Citation: {cited(finding.citation)}")
    return " ".join(parts)

"""GitLab Code Quality output fits GitLab's documented format, with stable fingerprints."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from complykit.core.findings import Severity
from complykit.core.frozen import replace
from complykit.formatters.gitlab import GitlabFormatter

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "schemas" / "gitlab-code-quality.schema.json").read_text("utf-8")
)


def _report(result: Result) -> list[dict[str, Any]]:
    stream = io.StringIO()
    GitlabFormatter().render(result, stream)
    report: list[dict[str, Any]] = json.loads(stream.getvalue())
    return report


def test_report_fits_the_documented_format(sample: Result, clean: Result) -> None:
    """Every issue has what GitLab requires; a clean run is an empty array."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(_report(sample), SCHEMA)
    assert _report(clean) == []


def test_severities_map_to_gitlabs_scale(sample: Result) -> None:
    """error, warning and info become major, minor and info, at the finding's place."""
    issues = _report(sample)
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("GDPR005", "major"),
        ("REF001", "minor"),
        ("SOA002", "info"),
    ]
    assert issues[0]["location"] == {
        "path": "records/activities.yaml",
        "lines": {"begin": 12},
        "positions": {"begin": {"line": 12, "column": 3}},
    }
    assert "Hint: Add a retention period" in issues[0]["description"]


def test_fingerprints_are_unique_and_survive_moved_lines(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """Two identical findings differ; the same finding a few lines lower keeps its id."""
    first = make_finding(line=3, severity=Severity.WARNING)
    twin = make_finding(line=9, severity=Severity.WARNING)
    before = [i["fingerprint"] for i in _report(make_result(first, twin))]
    moved = [replace(f, line=f.line + 5) for f in (first, twin)]
    after = [i["fingerprint"] for i in _report(make_result(*moved))]
    assert len(set(before)) == 2
    assert before == after


def test_a_hostile_message_stays_json_text(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """Quotes, newlines and markup in a finding stay inside the description string."""
    hostile = make_finding(message='"}]<script>alert(1)</script>\n\u202e')
    [issue] = _report(make_result(hostile))
    assert issue["description"].endswith('"}]<script>alert(1)</script>\n\u202e')

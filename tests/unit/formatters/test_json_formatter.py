from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import complykit
from complykit.core.findings import Severity
from complykit.core.result import shown_from
from complykit.formatters.json import JsonFormatter

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result


def render(result: Result) -> str:
    stream = io.StringIO()
    JsonFormatter().render(result, stream)
    return stream.getvalue()


EXPECTED_SPECIAL = """\
{
  "schema_version": "1",
  "tool": {
    "name": "complykit",
    "version": "0.1.0"
  },
  "as_of": "2024-05-01",
  "fail_on": "error",
  "summary": {
    "files": 12,
    "records": 140,
    "errors": 1,
    "warnings": 0,
    "infos": 0,
    "not_shown": {
      "errors": 0,
      "warnings": 0,
      "infos": 0
    },
    "waived": 0,
    "exit_code": 1
  },
  "findings": [
    {
      "code": "GDPR005",
      "severity": "error",
      "path": "odd dir/a,b:c%.yaml",
      "line": 2,
      "column": 5,
      "message": "Bad, value: 100%\\nnext | <tag> & \\"quoted\\" [x](y) *z*",
      "hint": "Use | & <",
      "citation": [],
      "record": null
    }
  ],
  "waived": [],
  "notes": []
}
"""


def test_document_matches_the_contract_line_for_line(special: Result) -> None:
    """The document has the contract's keys in order, two-space indents and a final newline."""
    assert render(special) == EXPECTED_SPECIAL.replace("0.1.0", complykit.__version__)


def test_findings_keep_all_fields(sample: Result) -> None:
    """Every finding carries code, severity, position, message, hint, citation and record."""
    findings = json.loads(render(sample))["findings"]
    assert findings[0] == {
        "code": "GDPR005",
        "severity": "error",
        "path": "records/activities.yaml",
        "line": 12,
        "column": 3,
        "message": "Processing activity 'payroll' states no retention period.",
        "hint": "Add a retention period or the criteria that set it.",
        "citation": ["GDPR Art. 30(1)(f)"],
        "record": "payroll",
    }
    assert [f["severity"] for f in findings] == ["error", "warning", "info"]


def test_summary_counts_severities_and_exit_code(sample: Result, clean: Result) -> None:
    """The summary counts each severity and states the exit code."""
    assert json.loads(render(sample))["summary"] == {
        "files": 12,
        "records": 140,
        "errors": 1,
        "warnings": 1,
        "infos": 1,
        "not_shown": {"errors": 0, "warnings": 0, "infos": 0},
        "waived": 0,
        "exit_code": 1,
    }
    assert json.loads(render(clean))["summary"]["exit_code"] == 0


def test_summary_counts_what_severity_left_out(sample: Result) -> None:
    """Under ``--severity error`` the listed counts drop the warnings and infos; ``not_shown``
    keeps them, so a dashboard does not read a clean workspace."""
    summary = json.loads(render(shown_from(sample, Severity.ERROR)))["summary"]
    assert (summary["errors"], summary["warnings"], summary["infos"]) == (1, 0, 0)
    assert summary["not_shown"] == {"errors": 0, "warnings": 1, "infos": 1}


def test_non_ascii_is_escaped(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding]
) -> None:
    """Non-ASCII text is written as JSON escapes and reads back unchanged."""
    message = "Verwerking zonder grondslag: café € ✓"
    output = render(make_result(make_finding(message=message)))
    assert output.isascii()
    assert json.loads(output)["findings"][0]["message"] == message

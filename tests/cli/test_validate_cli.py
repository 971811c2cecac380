"""``complykit validate`` through Typer's runner: every format, every exit code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from conftest import CASES, EXAMPLE, MakeWorkspace

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-23"]

# The five everyday mistakes, each expected as exactly one finding at one place.
MISTAKES = {
    "duplicate key": (CASES / "YAML002" / "duplicate-key", "supplier.yaml", 7, 1, "YAML002"),
    "syntax error": (CASES / "YAML001" / "unclosed-flow", "register.yaml", 4, 5, "YAML001"),
    "wrong type": (CASES / "SCH004" / "wrong-type", "risk.yaml", 5, 24, "SCH004"),
    "unknown field": (CASES / "SCH003" / "unknown-field", "supplier.yaml", 7, 1, "SCH003"),
    "dangling reference": (
        CASES / "REF001" / "dangling-processor",
        "register.yaml",
        6,
        14,
        "REF001",
    ),
}


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("mistake", MISTAKES)
def test_json_reports_one_located_finding(mistake: str, make_workspace: MakeWorkspace) -> None:
    """The JSON contract carries the one finding with its code, path, line and column."""
    case, path, line, column, code = MISTAKES[mistake]
    code_out, out = _invoke(str(make_workspace(case)), "--format", "json", *AS_OF)
    findings = json.loads(out)["findings"]
    assert code_out == 1
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in findings] == [
        (code, path, line, column)
    ]
    assert findings[0]["message"]
    assert set(findings[0]) >= {"severity", "hint", "citation"}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_text_shows_the_location(mistake: str, make_workspace: MakeWorkspace) -> None:
    """The text view names the file and the line:column of the one finding."""
    case, path, line, column, code = MISTAKES[mistake]
    code_out, out = _invoke(str(make_workspace(case)), "--format", "text", *AS_OF)
    assert code_out == 1
    assert path in out
    assert f"{line}:{column}" in out
    assert code in out
    assert "1 error" in out


@pytest.mark.parametrize("mistake", MISTAKES)
def test_github_annotates_the_location(
    mistake: str, make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The github format prints one error workflow command at the location."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    case, path, line, column, code = MISTAKES[mistake]
    workspace = make_workspace(case)
    monkeypatch.chdir(workspace)
    code_out, out = _invoke(".", "--format", "github", *AS_OF)
    commands = [x for x in out.splitlines() if x.startswith("::")]
    assert code_out == 1
    assert len(commands) == 1
    assert commands[0].startswith(f"::error file={path},line={line},col={column},title={code}::")


@pytest.mark.parametrize("mistake", MISTAKES)
def test_sarif_holds_one_result(mistake: str, make_workspace: MakeWorkspace) -> None:
    """SARIF has one result with the rule id and region of the finding."""
    case, path, line, column, code = MISTAKES[mistake]
    code_out, out = _invoke(str(make_workspace(case)), "--format", "sarif", *AS_OF)
    results = json.loads(out)["runs"][0]["results"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert code_out == 1
    assert len(results) == 1
    assert results[0]["ruleId"] == code
    assert location["artifactLocation"]["uri"] == path
    assert location["region"] == {"startLine": line, "startColumn": column}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_junit_holds_one_failure(mistake: str, make_workspace: MakeWorkspace) -> None:
    """JUnit XML has one failing test case named after the code and location."""
    case, path, line, column, code = MISTAKES[mistake]
    code_out, out = _invoke(str(make_workspace(case)), "--format", "junit", *AS_OF)
    document = ET.fromstring(out.encode())  # noqa: S314 - our own output
    failures = document.findall(".//failure")
    assert code_out == 1
    assert len(failures) == 1
    assert failures[0].get("type") == code
    assert path in out
    assert f"{line}:{column}" in out


@pytest.mark.parametrize("mistake", MISTAKES)
def test_markdown_lists_the_finding(mistake: str, make_workspace: MakeWorkspace) -> None:
    """The Markdown summary lists the finding's code and location."""
    case, path, line, _column, code = MISTAKES[mistake]
    code_out, out = _invoke(str(make_workspace(case)), "--format", "markdown", *AS_OF)
    assert code_out == 1
    assert code in out
    assert f"{path}:{line}" in out


def test_clean_workspace_exits_zero(make_workspace: MakeWorkspace) -> None:
    """A valid workspace exits 0 and says so."""
    code_out, out = _invoke(str(make_workspace(CASES / "valid" / "minimal")), *AS_OF)
    assert code_out == 0
    assert "No problems" in out


def test_missing_path_exits_two(tmp_path: Path) -> None:
    """A path that does not exist is a usage error (exit 2) with one line, no traceback."""
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_folder_without_config_exits_two(tmp_path: Path) -> None:
    """A folder outside any workspace is a configuration error (exit 2)."""
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "complykit.yaml" in result.stderr


@pytest.mark.parametrize("bad", ["2026-13-01", "23-11-2026", "tomorrow"])
def test_bad_as_of_exits_two(bad: str, make_workspace: MakeWorkspace) -> None:
    """An --as-of that is not a YYYY-MM-DD date is a usage error."""
    workspace = make_workspace(CASES / "valid" / "minimal")
    result = runner.invoke(app, ["validate", str(workspace), "--as-of", bad])
    assert result.exit_code == 2


def test_unknown_format_exits_two(make_workspace: MakeWorkspace) -> None:
    """An unknown --format is a usage error."""
    workspace = make_workspace(CASES / "valid" / "minimal")
    assert runner.invoke(app, ["validate", str(workspace), "--format", "xml"]).exit_code == 2


def test_fail_on_warning_turns_warnings_into_failure(make_workspace: MakeWorkspace) -> None:
    """--fail-on decides which severities fail the run."""
    workspace = make_workspace(CASES / "valid" / "minimal")
    (workspace / "task.yaml").write_text(
        "kind: task\nid: t-train\ntitle: Awareness training\ntype: training\ncadence: P1Y\n"
        "owner: ciso\nhistory: [{done_on: 2024-01-10}]\n",
        encoding="utf-8",
    )
    code_error, out = _invoke(str(workspace), "--format", "json", *AS_OF)
    severities = {f["severity"] for f in json.loads(out)["findings"]}
    code_warning, _ = _invoke(str(workspace), "--fail-on", "warning", *AS_OF)
    assert severities == {"warning"}
    assert (code_error, code_warning) == (0, 1)


def test_output_option_writes_a_file(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    """--output writes the report to a file instead of standard output."""
    target = tmp_path / "report.sarif"
    workspace = make_workspace(CASES / "REF001" / "dangling-processor")
    code_out, out = _invoke(str(workspace), "--format", "sarif", "--output", str(target), *AS_OF)
    assert code_out == 1
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_broken_config_is_a_finding(make_workspace: MakeWorkspace) -> None:
    """A complykit.yaml with a wrong value is a located finding (exit 1), not a crash."""
    workspace = make_workspace(CASES / "valid" / "minimal")
    config = workspace / "complykit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("headcount: 40", "headcount: many")
    )
    code_out, out = _invoke(str(workspace), "--format", "json", *AS_OF)
    findings = json.loads(out)["findings"]
    assert code_out == 1
    assert [(f["path"], f["code"], f["line"]) for f in findings] == [
        ("complykit.yaml", "SCH004", 6)
    ]


def test_jobs_option_gives_the_same_report(make_workspace: MakeWorkspace) -> None:
    """--jobs 2 reports exactly what --jobs 1 reports."""
    workspace = make_workspace(CASES / "REF001" / "dangling-processor")
    serial = _invoke(str(workspace), "--format", "json", "--jobs", "1", *AS_OF)
    parallel = _invoke(str(workspace), "--format", "json", "--jobs", "2", *AS_OF)
    assert serial == parallel
    assert serial[0] == 1


def test_output_into_missing_folder_exits_two(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    """An --output path whose folder does not exist is an I/O error (exit 2), not a crash."""
    workspace = make_workspace(CASES / "valid" / "minimal")
    target = tmp_path / "no" / "such" / "folder" / "out.json"
    result = runner.invoke(app, ["validate", str(workspace), "--output", str(target)])
    assert result.exit_code == 2
    assert "No such file or directory" in result.stderr


def test_waived_findings_leave_the_exit_code_and_show_in_json(
    make_workspace: MakeWorkspace,
) -> None:
    """A waived finding no longer fails the run; JSON lists it under `waived` with its waiver."""
    workspace = make_workspace(CASES / "WVR001" / "pass-active")
    code_out, out = _invoke(str(workspace), "--format", "json", *AS_OF)
    document = json.loads(out)
    assert code_out == 0
    assert document["findings"] == []
    assert document["summary"]["waived"] == 1
    assert [(w["code"], w["waiver"]) for w in document["waived"]] == [
        ("SUP001", "wv-legacy-crm-dpa")
    ]


def test_waived_findings_are_suppressed_in_sarif(make_workspace: MakeWorkspace) -> None:
    """SARIF keeps a waived finding as a result with an accepted external suppression."""
    workspace = make_workspace(CASES / "WVR001" / "pass-active")
    _, out = _invoke(str(workspace), "--format", "sarif", *AS_OF)
    [result] = json.loads(out)["runs"][0]["results"]
    assert result["ruleId"] == "SUP001"
    assert result["suppressions"][0]["status"] == "accepted"
    assert "wv-legacy-crm-dpa" in result["suppressions"][0]["justification"]


def test_text_summary_counts_waived_findings(make_workspace: MakeWorkspace) -> None:
    """The text view's closing line says how many findings were waived."""
    _, out = _invoke(str(make_workspace(CASES / "WVR001" / "pass-active")), *AS_OF)
    assert out.strip().endswith("(1 waived).")


def test_without_path_the_only_workspace_below_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a repository root, validate finds compliance/; with two candidates it asks which."""
    shutil.copytree(EXAMPLE, tmp_path / "compliance")
    monkeypatch.chdir(tmp_path)
    found = CliRunner().invoke(app, ["validate", "--as-of", "2026-11-23"])
    assert found.exit_code == 0, found.output
    shutil.copytree(EXAMPLE, tmp_path / "docs" / "other")
    ambiguous = CliRunner().invoke(app, ["validate"])
    assert ambiguous.exit_code == 2
    assert "several complykit workspaces below: compliance, docs/other" in ambiguous.stderr


def test_severity_error_lists_errors_and_counts_the_warnings_left_out(
    make_workspace: MakeWorkspace,
) -> None:
    """A new SoA's to-do list (SOA007 warnings) can be set aside while errors are fixed; the
    summary still says how many warnings there are, and the exit code is unchanged."""
    root = make_workspace(CASES / "SOA007" / "undecided")
    shutil.copy(CASES / "SCH004" / "wrong-type" / "risk.yaml", root / "risk.yaml")
    code, everything = _invoke(str(root), "--format", "text", *AS_OF)
    assert "SOA007" in everything
    assert code == 1

    code, out = _invoke(str(root), "--format", "text", "--severity", "error", *AS_OF)
    assert code == 1
    assert "SCH004" in out
    assert "SOA007" not in out
    assert "1 error in 1 file; checked" in out
    assert out.rstrip().endswith("; 1 warning not shown")

    code, out = _invoke(str(root), "--format", "json", "--severity", "error", *AS_OF)
    assert {f["code"] for f in json.loads(out)["findings"]} == {"SCH004"}
    summary = json.loads(out)["summary"]
    assert (summary["warnings"], summary["not_shown"]) == (
        0,
        {"errors": 0, "warnings": 1, "infos": 0},
    )

    code, out = _invoke(str(root), "--format", "markdown", "--severity", "error", *AS_OF)
    assert "; 1 warning not shown." in out


def test_severity_error_on_a_workspace_with_only_warnings_says_no_errors(
    make_workspace: MakeWorkspace,
) -> None:
    root = make_workspace(CASES / "SOA007" / "undecided")
    code, out = _invoke(str(root), "--format", "text", "--severity", "error", *AS_OF)
    assert code == 0
    assert "No errors in" in out
    assert "No problems" not in out
    assert "1 warning not shown" in out


def test_fail_on_below_what_is_listed_is_refused() -> None:
    """Failing on warnings that are not listed would be a red build with nothing to read."""
    result = runner.invoke(app, ["validate", "--severity", "error", "--fail-on", "warning"])
    assert result.exit_code == 2
    assert "--fail-on warning would fail on findings that --severity error does not list" in (
        result.output
    )

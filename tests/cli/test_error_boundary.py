"""The error boundary as users meet it: exit 2 for their mistakes, exit 3 for our bugs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from conftest import BASE_CONFIG, CASES

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-23"]
INCIDENT = CASES / "INC005" / "pass-within-72-hours"


def _workspace(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(INCIDENT, target, ignore=shutil.ignore_patterns("expected.yaml"))
    shutil.copy(BASE_CONFIG, target / "complykit.yaml")
    return target


def _break(monkeypatch: pytest.MonkeyPatch) -> None:
    def bug(*_: object, **__: object) -> None:
        raise RuntimeError("a rule tripped over its own feet")

    monkeypatch.setattr("complykit.validate.engine.check_all", bug)


def test_a_bug_exits_3_with_one_line_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception exits 3, names the bug in one line and points at the debug switch."""
    monkeypatch.delenv("COMPLYKIT_DEBUG", raising=False)
    _break(monkeypatch)
    result = runner.invoke(app, ["validate", str(_workspace(tmp_path)), *AS_OF])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: a rule tripped over its own feet" in result.stderr
    assert "Rerun with COMPLYKIT_DEBUG=1 for the traceback." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_debug_lets_the_traceback_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With COMPLYKIT_DEBUG=1 the original exception escapes the boundary."""
    monkeypatch.setenv("COMPLYKIT_DEBUG", "1")
    _break(monkeypatch)
    result = runner.invoke(app, ["validate", str(_workspace(tmp_path)), *AS_OF])
    assert isinstance(result.exception, RuntimeError)
    assert result.exit_code != 3


def test_a_real_process_prints_the_traceback_only_when_asked(tmp_path: Path) -> None:
    """In a real process, a bug exits 3 quietly, and with COMPLYKIT_DEBUG=1 shows its traceback."""
    script = (
        "import sys, complykit.validate.engine as e\n"
        "def bug(*a, **k): raise RuntimeError('boom')\n"
        "e.check_all = bug\n"
        "from complykit.cli.app import main\n"
        "sys.argv = ['complykit', 'validate', sys.argv[1], '--as-of', '2026-11-23']\n"
        "main()\n"
    )
    workspace = str(_workspace(tmp_path))
    quiet, loud = _run(script, workspace, debug=False), _run(script, workspace, debug=True)
    assert (quiet.returncode, quiet.stderr.count("\n")) == (3, 2)
    assert "Traceback" not in quiet.stderr
    assert loud.returncode == 1
    assert "Traceback" in loud.stderr
    assert "RuntimeError: boom" in loud.stderr


def _run(script: str, workspace: str, *, debug: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COMPLYKIT_DEBUG"}
    if debug:
        env["COMPLYKIT_DEBUG"] = "1"
    command = [sys.executable, "-c", script, workspace]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env)  # noqa: S603 - our own interpreter and script


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "notified_at: 2026-11-13T09:59:00+01:00",
            "notified_at: 2026-11-13T09:59:00",
            "2026-11-13T09:59:00 has no UTC offset: add that of the clock it was read on",
        ),
        (
            "closed_at: 2026-11-12T17:00:00+01:00",
            "closed_at: 2026-02-30T17:00:00+01:00",
            "closed_at: a timestamp is written like 2026-03-31T14:05:00+02:00",
        ),
        (
            "contained_at: 2026-11-10T12:00:00+01:00",
            "contained_at: 2026-11-10T25:00:00+01:00",
            "contained_at: a timestamp is written like",
        ),
    ],
)
def test_date_and_timezone_errors_are_findings(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """An impossible date or a timestamp without timezone is a located SCH004, exit 1."""
    workspace = _workspace(tmp_path)
    record = workspace / "incident.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(workspace), *AS_OF, "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert result.exit_code == 1
    assert [(f["code"], f["path"]) for f in findings] == [("SCH004", "incident.yaml")]
    assert message in findings[0]["message"]
    assert findings[0]["line"] == _line_of(record, new)


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize("as_of", ["2026-02-30", "23-11-2026", "tomorrow"])
def test_an_impossible_as_of_is_a_usage_error(tmp_path: Path, as_of: str) -> None:
    """--as-of that is no calendar day exits 2 and says why, without a traceback."""
    result = runner.invoke(app, ["validate", str(_workspace(tmp_path)), "--as-of", as_of])
    assert result.exit_code == 2
    assert "--as-of" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_writes_every_kind(tmp_path: Path) -> None:
    """`schema --output` writes one parseable schema per record kind and the config."""
    result = runner.invoke(app, ["schema", "--output", str(tmp_path / "out")])
    written = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file())
    assert result.exit_code == 0
    assert "config.schema.json" in written
    assert "incident.schema.json" in written
    assert all(json.loads((tmp_path / "out" / n).read_text(encoding="utf-8")) for n in written)


def test_schema_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    """`schema --output` naming a file, not a folder, exits 2 and changes nothing."""
    target = tmp_path / "file"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--output", str(target)])
    assert result.exit_code == 2
    assert "is a file" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"

"""Command-line conventions every command keeps: entry points, completion, help, --output."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from complykit import __version__
from complykit.cli.app import app
from conftest import EXAMPLE

runner = CliRunner()


def _commands(command: object, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*prefix, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_python_dash_m_runs_complykit() -> None:
    """`python -m complykit --version` prints the version, as the `complykit` script does."""
    done = subprocess.run(
        [sys.executable, "-m", "complykit", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, f"complykit {__version__}\n")


def test_shell_completion_is_offered() -> None:
    """--show-completion prints a completion script for the named shell."""
    result = runner.invoke(app, ["--show-completion", "bash"], prog_name="complykit")
    assert result.exit_code == 0
    assert "_COMPLYKIT_COMPLETE" in result.stdout
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "complykit")
def test_help_shows_no_bool_metavar(command: tuple[str, ...]) -> None:
    """No flag in any --help is labelled <bool>: a flag takes no value."""
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout


def test_validate_output_refuses_an_existing_file(tmp_path: Path) -> None:
    """--output keeps an existing file byte for byte unless --force is given."""
    target = tmp_path / "report.json"
    target.write_text("mine\n", encoding="utf-8")
    args = ["validate", str(EXAMPLE), "-f", "json", "-o", str(target), "--as-of", "2026-11-23"]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 2
    assert "already exists; nothing was written" in refused.stderr
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert re.search(
        rf"Wrote 0 finding\(s\) in \d+ files to {re.escape(str(target))}\.", forced.stderr
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_validate_output_to_a_new_file_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A new --output file appears whole, and nothing else is left beside it."""
    target = tmp_path / "out.sarif"
    result = runner.invoke(app, ["validate", str(EXAMPLE), "-f", "sarif", "-o", str(target)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.sarif"]

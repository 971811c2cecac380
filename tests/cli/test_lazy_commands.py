"""`complykit --help` lists every command without importing any command's module."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from complykit.cli.app import COMMANDS, app
from complykit.cli.lazy import LazyCommands

PROBE = """
import sys
from complykit.cli.app import app, COMMANDS
try:
    app(["--help"], prog_name="complykit")
except SystemExit:
    pass
print("LOADED:" + ",".join(sorted({p.module for p in COMMANDS.values()} & set(sys.modules))))
"""


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").split("\n\n")[0].split())


def test_help_imports_no_command_module() -> None:
    """A fresh interpreter printing the top-level help has imported none of the commands."""
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)  # noqa: S603
    assert "Commands:" in out.stdout
    assert out.stdout.splitlines()[-1] == "LOADED:"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_first_paragraph_of_the_commands_help(name: str) -> None:
    """The summary kept as data is what the command's own help begins with."""
    command = COMMANDS[name].build()
    assert COMMANDS[name].summary == _first_paragraph(command.help)
    assert command.name == name


def test_the_listing_is_the_same_once_every_command_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Help from the summaries equals help from the built commands, line for line."""
    lazy = CliRunner().invoke(app, ["--help"], prog_name="complykit").stdout
    monkeypatch.setattr(LazyCommands, "listed", LazyCommands.__getitem__)
    built = CliRunner().invoke(app, ["--help"], prog_name="complykit").stdout
    assert "Commands:" in lazy
    assert lazy == built


def test_an_unknown_command_is_a_usage_error() -> None:
    """A name that is no command still gets Click's message and exit code 2."""
    outcome = CliRunner().invoke(app, ["valdiate"], prog_name="complykit")
    assert outcome.exit_code == 2
    assert "No such command 'valdiate'" in outcome.stderr

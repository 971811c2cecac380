"""Start-up stays light: --help and --version import no Jinja and no validation machinery."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from complykit import __version__
from conftest import REPO

HEAVY = (
    "jinja2",
    "complykit.validate.engine",
    "complykit.checks",
    "complykit.model",
    "yaml",
    "complykit.catalog",
)

PROBE = """
import sys
from complykit.cli.app import app
try:
    app({args!r})
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'jinja2' or m.startswith({heavy!r}))
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["validate", "--help"],
        ["catalog", "--help"],
        ["catalog", "show", "--help"],
        ["soa", "init", "--help"],
        ["coverage", "--help"],
        ["rules", "--help"],
        ["init", "--help"],
        ["diff", "--help"],
        ["report", "--help"],
        ["export", "--help"],
        ["export", "algoritmeregister", "--help"],
        ["import", "register", "--help"],
        ["explain", "--help"],
    ],
)
def test_light_commands_import_nothing_heavy(args: list[str]) -> None:
    """A fresh interpreter running the command has loaded none of the heavy modules."""
    code = PROBE.format(args=args, heavy=HEAVY)
    command = [sys.executable, "-c", code]
    out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_version_is_answered_without_importing_typer() -> None:
    """`complykit --version` prints the version from a process that never imported Typer."""
    code = (
        "import sys; sys.argv = ['complykit', '--version']\n"
        "from complykit.cli.entry import main; main()\n"
        "print('LOADED:' + ','.join(sorted(m for m in ('typer', 'click', 'pydantic', 'rich')"
        " if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.splitlines() == [f"complykit {__version__}", "LOADED:"]


def test_other_arguments_reach_the_full_cli() -> None:
    """Only a lone --version takes the short path: `validate --version` is a usage error."""
    out = subprocess.run(
        [sys.executable, "-m", "complykit", "validate", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (out.returncode, out.stdout) == (2, "")
    assert "No such option: --version" in out.stderr


def test_the_installed_script_takes_the_short_path() -> None:
    """The console script named in pyproject.toml is the entry with the --version short path."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["complykit"] == "complykit.cli.entry:run"

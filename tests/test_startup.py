"""Start-up stays light: --help and --version import no Jinja and no validation machinery."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = (
    "jinja2",
    "complykit.engine",
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

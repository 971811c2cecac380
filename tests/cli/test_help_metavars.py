"""Every option in ``--help`` names what it takes, never Python's type for it.

(Arguments keep Typer's ``NAME <type>`` form: Typer prints the type beside an argument's name
whatever its metavar.)

Typer prints ``<str>``, ``<list[str]>`` or ``<int range>`` where no metavar is given; a user
reading ``--at <str>`` learns nothing, while ``--at REV`` says it takes a git revision.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app

COMMANDS = [
    [],
    ["init"],
    ["new"],
    ["validate"],
    ["schema"],
    ["coverage"],
    ["diff"],
    ["report"],
    ["rules"],
    ["explain"],
    *(["catalog", name] for name in ("list", "show", "search")),
    ["soa", "init"],
    *(["export", name] for name in ("algoritmeregister", "oscal", "ics", "fides")),
    *(
        ["import", name]
        for name in (
            "register",
            "dpia",
            "fides",
            "algoritmeregister",
            "suppliers",
            "risks",
            "incidents",
            "tasks",
        )
    ),
]
PYTHON_TYPES = re.compile(r"<(?:str|int|float|bool|path|int range|float range|list\[[^>]*\])>")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "complykit")
def test_help_shows_what_an_option_takes_not_its_python_type(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    options = [line for line in result.output.splitlines() if line.lstrip().startswith("-")]
    assert [line for line in options if PYTHON_TYPES.search(line)] == []

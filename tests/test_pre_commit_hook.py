"""The pre-commit hook definition points at the real command."""

from __future__ import annotations

import tomllib

import yaml

from conftest import REPO


def test_hook_runs_the_installed_validate_command() -> None:
    """The hook's entry is the console script pyproject installs, followed by validate."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    [hook] = hooks
    assert hook["id"] == "complykit-validate"
    assert hook["entry"].split() == [*scripts, "validate"]
    assert hook["pass_filenames"] is False

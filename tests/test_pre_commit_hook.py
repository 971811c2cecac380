"""The pre-commit hook definition points at the real command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from unit.diff.gitrepo import example_repo


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


def _try_repo(checkout: Path, home: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "complykit-validate"]
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(  # noqa: S603 - the test's own interpreter
        [*command, "--all-files"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo_finds_a_workspace_in_a_subfolder(tmp_path: Path) -> None:
    """The real pre-commit installs the hook from this repository; it passes on the example in
    compliance/ without any args, and fails once a record breaks."""
    pytest.importorskip("pre_commit", reason="pre-commit is a test extra: pip install -e .[test]")
    repo = example_repo(tmp_path / "repo")
    clean = _try_repo(repo.root, tmp_path / "home")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "complykit validate" in clean.stdout
    assert "Passed" in clean.stdout
    task = repo.workspace / "tasks" / "task-policy-review.yaml"
    task.write_text(task.read_text("utf-8").replace("cadence: P1Y", "cadence: yearly"), "utf-8")
    broken = _try_repo(repo.root, tmp_path / "home")
    assert broken.returncode == 1
    assert "Failed" in broken.stdout
    assert "SCH004" in broken.stdout

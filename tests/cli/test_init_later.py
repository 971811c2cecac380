"""``complykit init --ci`` or ``--pre-commit`` in an existing workspace adds what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app

runner = CliRunner()
OPTIONS = ["--organisation", "Acme Zorg B.V.", "--headcount", "12"]
WORKFLOW = ".github/workflows/complykit.yml"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace in the `compliance` folder of a git repository, started without CI."""
    (tmp_path / ".git").mkdir()  # enough for complykit to see the repository's top
    folder = tmp_path / "compliance"
    assert runner.invoke(app, ["init", str(folder), *OPTIONS]).exit_code == 0
    return folder


def _files(top: Path) -> dict[str, bytes]:
    return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*") if p.is_file()}


def test_init_adds_ci_to_an_existing_workspace(workspace: Path) -> None:
    """`init --ci github` writes the workflow at the repository top, and nothing else."""
    top, before = workspace.parent, _files(workspace.parent)
    result = runner.invoke(app, ["init", str(workspace), "--ci", "github"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"Added to the workspace in {workspace}: ../{WORKFLOW}.\n"
        "Next: replace OWNER in the new file with the account that hosts complykit.\n"
    )
    after = _files(top)
    assert {name: after[name] for name in before} == before
    assert sorted(set(after) - set(before)) == [WORKFLOW]
    workflow = yaml.safe_load(after[WORKFLOW])
    assert workflow["jobs"]["validate"]["steps"][1]["with"] == {"workspace": "compliance"}


def test_init_skips_a_ci_file_that_exists(workspace: Path) -> None:
    """An existing workflow is left byte for byte and named as skipped; the missing
    pre-commit file is still added."""
    mine = workspace.parent / WORKFLOW
    mine.parent.mkdir(parents=True)
    mine.write_text("name: mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(workspace), "--ci", "github", "--pre-commit"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"Added to the workspace in {workspace}: ../.pre-commit-config.yaml.",
        (
            f"Skipped ../{WORKFLOW}: it exists and was left as it is "
            "(docs/guides/ci.md shows what complykit needs in it)."
        ),
    ]
    assert mine.read_text("utf-8") == "name: mine\n"
    again = runner.invoke(app, ["init", str(workspace), "--ci", "github", "--pre-commit"])
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0] == "Nothing added."


def test_init_in_an_existing_workspace_refuses_options_of_a_new_one(workspace: Path) -> None:
    """Options that shape a new workspace, or no --ci/--pre-commit at all, exit 2, write
    nothing, and say how to add CI later."""
    before = _files(workspace.parent)
    shaping = runner.invoke(app, ["init", str(workspace), *OPTIONS, "--ci", "gitlab"])
    assert shaping.exit_code == 2
    assert "so --organisation, --headcount would change nothing; nothing was written" in (
        shaping.stderr
    )
    bare = runner.invoke(app, ["init", str(workspace)])
    assert bare.exit_code == 2
    assert "init never overwrites a file" in bare.stderr
    assert "run `complykit init --ci github` (or gitlab)" in bare.stderr
    assert _files(workspace.parent) == before


def test_a_new_workspace_still_needs_organisation_and_headcount(tmp_path: Path) -> None:
    """Without complykit.yaml, init without --organisation is a usage error writing nothing."""
    result = runner.invoke(app, ["init", str(tmp_path), "--headcount", "3", "--ci", "github"])
    assert result.exit_code == 2
    assert "error: --organisation is required to start a workspace" in result.stderr
    assert list(tmp_path.iterdir()) == []

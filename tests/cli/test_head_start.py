"""``report`` and ``diff`` start parsing the working tree before they import the reports, the
models and the rules (as ``validate`` does), hand the workers to loading, and leave none
behind, whatever the command then does."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.load import early, parsing
from example_copies import example_copy
from forks import Forks, watch_forks
from unit.diff.gitrepo import HEALTH, workspace_repo

if TYPE_CHECKING:
    from pathlib import Path

runner = CliRunner()
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Path], list[bool], Forks]:
    """Workers on a workspace of any size: the roots started, whether loading took them."""
    monkeypatch.setattr(parsing, "PARALLEL_FROM_FILES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    started: list[Path] = []
    taken: list[bool] = []
    start, take = early.start, early.take

    def starting(root: Path, jobs: int | None = None) -> None:
        started.append(root)
        start(root, jobs)

    def taking(*args: object) -> early.Started | None:
        found = take(*args)  # type: ignore[arg-type]
        taken.append(found is not None and found.parsed is not None)
        return found

    monkeypatch.setattr(early, "start", starting)
    monkeypatch.setattr(early, "take", taking)
    return started, taken, watch_forks(monkeypatch)


def test_a_report_is_parsed_by_the_workers_started_first(
    tmp_path: Path, workers: tuple[list[Path], list[bool], Forks]
) -> None:
    """The markdown register from workers started before the imports is the one a single
    process writes; every worker is reaped."""
    started, taken, forks = workers
    workspace = example_copy(tmp_path)
    alone = runner.invoke(app, ["report", "ropa", str(workspace), "--format", "markdown"])
    assert alone.exit_code == 0, alone.output
    started.clear()
    taken.clear()
    result = runner.invoke(app, ["report", "ropa", str(workspace), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert started == [workspace]
    assert taken == [True]
    assert result.stdout == alone.stdout
    assert forks.pids
    assert forks.all_reaped()


def test_a_refused_report_leaves_no_worker_behind(
    tmp_path: Path, workers: tuple[list[Path], list[bool], Forks]
) -> None:
    """A report refused before loading (its output exists) stops the workers it started."""
    _, taken, forks = workers
    workspace = example_copy(tmp_path)
    target = tmp_path / "ropa.html"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["report", "ropa", str(workspace), "-o", str(target)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "mine"
    assert taken == []
    assert forks.pids
    assert forks.all_reaped()


def test_a_path_outside_any_workspace_is_still_reported_as_such(tmp_path: Path) -> None:
    """Starting ahead never hides the command's own error for a path with no workspace."""
    result = runner.invoke(app, ["report", "ropa", str(tmp_path)])
    assert result.exit_code == 2
    assert "not inside a complykit workspace" in result.output


def test_a_pack_compiles_its_templates_while_the_workers_parse(
    tmp_path: Path,
    workers: tuple[list[Path], list[bool], Forks],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The templates are compiled once the workers are parsing and before loading takes them
    over, not on one core between loading and rendering; the pack is still made."""
    from complykit.reports.render import prepare  # noqa: PLC0415 - heavy: only here

    started, taken, _ = workers
    order: list[str] = []

    def preparing(lang: str, formats: tuple[str, ...]) -> None:
        order.append(f"prepare after {len(started)} start(s), {len(taken)} take(s)")
        prepare(lang, formats)

    monkeypatch.setattr("complykit.publish.command.prepare", preparing)
    workspace = example_copy(tmp_path)
    target = tmp_path / "pack.zip"
    result = runner.invoke(
        app, ["report", "pack", str(workspace), "-o", str(target), "-f", "html", "--lang", "nl"]
    )
    assert result.exit_code == 0, result.output
    assert order == ["prepare after 1 start(s), 0 take(s)"]
    assert taken == [True]
    assert target.stat().st_size > 0


def test_a_diff_loads_the_working_tree_from_the_workers_started_first(
    tmp_path: Path, workers: tuple[list[Path], list[bool], Forks]
) -> None:
    """The head of a diff is the working tree: parsed by workers started before the imports,
    with the diff a single process gives; with ``--head`` nothing is started."""
    started, taken, forks = workers
    repo = workspace_repo(tmp_path / "repo")
    repo.edit("register/newsletter.yaml", "  - name: contact details\n", HEALTH)
    command = ["diff", "HEAD", str(repo.workspace), "--format", "json"]
    result = runner.invoke(app, command)
    assert result.exit_code == 1, result.output
    assert started == [repo.workspace]
    assert taken[0] is True
    assert '"GDPR013"' in result.stdout
    assert forks.all_reaped()
    started.clear()
    repo.commit()
    assert runner.invoke(app, [*command[:3], "--head", "HEAD"]).exit_code == 0
    assert started == []

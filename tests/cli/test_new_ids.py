"""``complykit new``: an id another record already holds is refused, naming where it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app

runner = CliRunner()
OPTIONS = ["--organisation", "Acme Zorg B.V.", "--headcount", "12"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    assert runner.invoke(app, ["init", str(tmp_path), *OPTIONS]).exit_code == 0
    assert runner.invoke(app, ["new", "supplier", "acme", str(tmp_path)]).exit_code == 0
    return tmp_path


@pytest.mark.parametrize(("kind", "output"), [("supplier", "suppliers/acme2.yaml"), ("risk", None)])
def test_new_refuses_an_id_a_record_already_holds(
    workspace: Path, kind: str, output: str | None
) -> None:
    """Another file with the same id, of any kind, exits 2 naming the file that holds it."""
    args = ["-o", str(workspace / output)] if output else []
    result = runner.invoke(app, ["new", kind, "acme", str(workspace), *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: suppliers/acme.yaml already holds a supplier record with id 'acme'; "
        "nothing was written\n"
        "hint: Ids are unique across the workspace: choose another id, or edit "
        "suppliers/acme.yaml.\n"
    )
    assert sorted(p.name for p in workspace.rglob("*.yaml") if "schemas" not in p.parts) == [
        "acme.yaml",
        "complykit.yaml",
    ]


def test_new_finds_the_id_in_a_file_that_does_not_parse(workspace: Path) -> None:
    """A file with a syntax error still holds the ids it declares; unreadable files and a
    broken complykit.yaml are passed over without a traceback."""
    (workspace / "tasks" / "broken.yaml").write_text("kind: task\nid: task-a\n  x: [\n", "utf-8")
    (workspace / "tasks" / "latin1.yaml").write_bytes(b"kind: task\nid: task-b\nname: \xff\n")
    if hasattr(os, "mkfifo"):
        os.mkfifo(workspace / "tasks" / "pipe.yaml")
    with (workspace / "complykit.yaml").open("a", encoding="utf-8") as config:
        config.write("organisation: [\n")
    for record_id, holder in (("task-a", "broken.yaml"), ("task-b", "latin1.yaml")):
        refused = runner.invoke(app, ["new", "task", record_id, str(workspace)])
        assert refused.exit_code == 2
        assert f"error: tasks/{holder} already holds a task record with id '{record_id}'" in (
            refused.stderr
        )
    fresh = runner.invoke(app, ["new", "task", "task-c", str(workspace)])
    assert fresh.exit_code == 0, fresh.output
    assert (workspace / "tasks" / "task-c.yaml").is_file()


def test_new_ignores_the_id_in_an_excluded_file_or_another_field(workspace: Path) -> None:
    """Only a record's own `id` counts, in the files the workspace reads: not an excluded
    file, nor the id written as another field's value."""
    config = workspace / "complykit.yaml"
    config.write_text(
        config.read_text("utf-8") + "paths: {exclude: ['drafts/*']}\n", encoding="utf-8"
    )
    (workspace / "drafts").mkdir()
    (workspace / "drafts" / "old.yaml").write_text("kind: risk\nid: risk-a\n", "utf-8")
    (workspace / "tasks" / "t.yaml").write_text("kind: task\nid: t\nrisks: [risk-a]\n", "utf-8")
    result = runner.invoke(app, ["new", "risk", "risk-a", str(workspace)])
    assert result.exit_code == 0, result.output

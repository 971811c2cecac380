"""Both sides' rules at once: the base's in a forked child, with the result of a serial run."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from complykit.diff import checking
from complykit.diff.checking import check_sides
from complykit.diff.snapshot import checked
from complykit.workspace.open import open_workspace
from unit.diff.gitrepo import HEALTH, GitRepo, add_workspace

AS_OF = date(2026, 11, 23)


def _side(folder: Path, *, health: bool) -> checking.Side:
    repo = GitRepo(folder)
    add_workspace(repo)
    if health:
        repo.edit(
            "register/newsletter.yaml",
            "  - name: contact details\n",
            "  - name: contact details\n" + HEALTH,
        )
    opened = open_workspace(repo.workspace, AS_OF)
    assert opened.repo is not None
    return opened.repo, opened.findings


@pytest.fixture
def sides(tmp_path: Path) -> tuple[checking.Side, checking.Side]:
    return _side(tmp_path / "head", health=True), _side(tmp_path / "base", health=False)


def test_each_side_gets_its_own_findings(sides: tuple[checking.Side, checking.Side]) -> None:
    """The head's GDPR013 stays in the head; the base, checked in the child, has none of it."""
    head, base = sides
    head_found, base_found = check_sides(head, base)
    assert (head_found, base_found) == (checked(*head), checked(*base))
    assert "GDPR013" in {f.code for f in head_found}
    assert "GDPR013" not in {f.code for f in base_found}


def test_a_failing_child_leaves_the_work_to_this_process(
    sides: tuple[checking.Side, checking.Side], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A child that dies is not trusted: the base is checked here, with the same result."""
    parent, expected, trace = os.getpid(), checked(*sides[1]), tmp_path / "child-ran"

    def dies_in_child(*side: object) -> object:
        if os.getpid() != parent:
            trace.touch()
            os._exit(7)
        return checked(*side)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "checked", dies_in_child)
    assert check_sides(*sides)[1] == expected
    assert trace.exists()


def test_without_fork_both_sides_are_checked_here(
    sides: tuple[checking.Side, checking.Side], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where fork is missing, the result is the same."""
    monkeypatch.setattr(checking, "can_fork", lambda: False)
    head, base = sides
    assert check_sides(head, base) == (checked(*head), checked(*base))

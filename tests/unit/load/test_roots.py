"""Probes ask one question of a path in the workspace, and never learn what lies outside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from complykit.load.roots import probe_inside


@pytest.fixture
def root(tmp_path: Path) -> Path:
    workspace = tmp_path / "ws"
    (workspace / "evidence" / "reports").mkdir(parents=True)
    (workspace / "evidence" / "policy.md").write_text("# Policy\n", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("secret\n", encoding="utf-8")
    return workspace


@pytest.mark.parametrize(
    ("probe", "holds"),
    [
        ("evidence/policy.md", True),
        ("evidence/policy.md/", False),
        ("evidence/reports", False),
        ("evidence/reports/", True),
        ("evidence/", True),
        ("./", True),
        (".", False),
        ("evidence/missing.md", False),
        ("evidence/missing/", False),
        ("../outside/", False),
        ("../outside/secret.txt", False),
    ],
)
def test_a_path_is_a_file_and_with_a_slash_a_folder(root: Path, probe: str, *, holds: bool) -> None:
    """A probe names a regular file, or with "/" after it a folder, inside the workspace."""
    assert probe_inside(str(root), probe) is holds


def test_links_are_followed_only_while_they_stay_inside(root: Path) -> None:
    """A link inside answers for its target; a link out answers nothing, file or folder."""
    links = root / "links"
    links.mkdir()
    (links / "policy.md").symlink_to(root / "evidence" / "policy.md")
    (links / "reports").symlink_to(root / "evidence" / "reports")
    (links / "out-folder").symlink_to(root.parent / "outside")
    (links / "out-file").symlink_to(root.parent / "outside" / "secret.txt")
    asked = ["policy.md", "reports/", "out-folder/", "out-folder", "out-file", "out-file/"]
    assert [probe_inside(str(root), f"links/{p}") for p in asked] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]


def test_a_pipe_is_neither_a_file_nor_a_folder(root: Path) -> None:
    """A FIFO in the workspace is no evidence, and asking about it never opens it."""
    os.mkfifo(root / "evidence" / "pipe.md")
    assert not probe_inside(str(root), "evidence/pipe.md")
    assert not probe_inside(str(root), "evidence/pipe.md/")

"""Listing a revision by blob id, and telling whether a file on disk still holds that blob."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest

from complykit.load.tree import TreeEntry, list_tree
from complykit.load.worktree import holds
from unit.diff.gitrepo import GitRepo


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("risks/a.yaml", "id: a\n")
    repo.write("b.yaml", "id: b\n")
    (repo.workspace / "link.yaml").symlink_to("b.yaml")
    repo.commit("three files")
    return repo


def _listed(repo: GitRepo) -> dict[str, TreeEntry]:
    commit = repo.git("rev-parse", "HEAD")
    return {e.path.as_posix(): e for e in list_tree(repo.root, commit, PurePosixPath("compliance"))}


def test_entries_carry_git_blob_ids_without_reading_blobs(repo: GitRepo) -> None:
    """Each file's id is git's own blob id; a link is marked and sized by its target's name."""
    listed = _listed(repo)
    assert sorted(listed) == ["b.yaml", "link.yaml", "risks/a.yaml"]
    assert listed["risks/a.yaml"].oid == repo.git("hash-object", "compliance/risks/a.yaml")
    assert (listed["link.yaml"].link, listed["link.yaml"].size) == (True, len("b.yaml"))
    assert not listed["b.yaml"].link


def test_a_folder_the_revision_lacks_lists_nothing(repo: GitRepo) -> None:
    """A workspace folder that did not exist at that commit gives no entries, not an error."""
    commit = repo.git("rev-parse", "HEAD")
    assert list_tree(repo.root, commit, PurePosixPath("elsewhere")) == []


def test_a_file_holds_its_blob_until_edited(repo: GitRepo) -> None:
    """Same bytes hold the blob; an edit of the same size, or removal, does not."""
    entry = _listed(repo)["risks/a.yaml"]
    path = repo.workspace / "risks/a.yaml"
    assert holds(path, entry)
    path.write_text("id: c\n", encoding="utf-8")
    assert not holds(path, entry)
    path.unlink()
    assert not holds(path, entry)


def test_a_link_never_holds_a_file_blob_nor_the_reverse(repo: GitRepo) -> None:
    """A link to a file with the committed bytes is not that file; a link holds a link's blob."""
    listed = _listed(repo)
    b_path, link_path = repo.workspace / "b.yaml", repo.workspace / "link.yaml"
    assert holds(link_path, listed["link.yaml"])
    assert not holds(link_path, listed["b.yaml"])
    assert not holds(b_path, listed["link.yaml"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_or_a_folder_in_a_files_place_holds_nothing_and_never_blocks(
    repo: GitRepo,
) -> None:
    """What stands where the file was is not read: a pipe with no writer would hang a read."""
    entry = _listed(repo)["risks/a.yaml"]
    path = repo.workspace / "risks/a.yaml"
    path.unlink()
    os.mkfifo(path)
    assert not holds(path, entry)
    assert not holds(str(path), entry)  # a diff passes the path as text
    path.unlink()
    path.mkdir()
    assert not holds(path, entry)

"""Where the records came from: the git commit, its tag and uncommitted changes, read with the
git layer ``complykit diff`` uses. Outside git, or without git installed, it says so."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from complykit import __version__
from complykit.core.errors import ComplykitError
from complykit.load.git import git, toplevel
from complykit.load.worktree import worktree_differs
from complykit.reports.request import Provenance


def working_tree(root: Path) -> Provenance:
    """The provenance of the workspace at ``root`` as it is on disk now."""
    try:
        top = toplevel(root)
    except ComplykitError:  # not a repository, or git is not installed
        return Provenance(version=__version__, in_git=False)
    commit = _head(top)
    folder = PurePosixPath(root.resolve().relative_to(top).as_posix())
    return Provenance(
        version=__version__,
        in_git=True,
        commit=commit,
        tag=tag_of(top, commit) if commit else None,
        dirty=_dirty(top, commit, folder) if commit else True,
    )


def at_commit(top: Path, commit: str, revision: str) -> Provenance:
    """The provenance of a workspace read from ``commit``, which the user named ``revision``."""
    return Provenance(
        version=__version__,
        in_git=True,
        commit=commit,
        tag=tag_of(top, commit),
        revision=revision,
    )


def tag_of(top: Path, commit: str) -> str | None:
    """The first tag, in name order, that points at ``commit``."""
    done = git(top, "tag", "--points-at", commit, "--sort=refname")
    tags = done.stdout.decode(errors="replace").split() if done.returncode == 0 else []
    return tags[0] if tags else None


def _head(top: Path) -> str | None:
    done = git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return done.stdout.decode().strip() or None if done.returncode == 0 else None


def _dirty(top: Path, commit: str, folder: PurePosixPath) -> bool:
    # Not `git status`: it runs the clean filters that .gitattributes names.
    return worktree_differs(top, commit, folder)

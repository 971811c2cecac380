"""The workspace as it was at a git revision, written into a scratch folder: the working tree
is never touched. Uses the same object reader as ``complykit diff`` (``load.tree``): no
checkout, archive, filter or hook."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from complykit.core.errors import ComplykitError
from complykit.load.discover import CONFIG_FILENAME, find_root
from complykit.load.git import resolve_commit, toplevel
from complykit.load.tree import materialise, read_tree_at
from complykit.publish.provenance import at_commit
from complykit.reports.request import Provenance


def checkout(path: Path, revision: str, scratch: Path) -> tuple[Path, Provenance]:
    """The workspace around ``path`` at ``revision``, written below ``scratch``."""
    root = find_root(path)
    top = toplevel(root)
    folder = PurePosixPath(root.resolve().relative_to(top).as_posix())
    commit = resolve_commit(top, revision)
    files = read_tree_at(top, commit, folder)
    if not any(f.path == PurePosixPath(CONFIG_FILENAME) and not f.link for f in files):
        raise ComplykitError(
            f"revision {revision!r} has no workspace at {folder.as_posix() or '.'}",
            hint=f"Pick a revision that has {(folder / CONFIG_FILENAME).as_posix()}.",
        )
    materialise(files, scratch)
    return scratch, at_commit(top, commit, revision)

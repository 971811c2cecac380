"""The workspace as it was at a git revision, unpacked into a scratch folder: the working tree
is never touched. Uses the same git reading and safe unpacking as ``complykit diff``."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from complykit.diff.archive import extract
from complykit.diff.git import archive, has_file, resolve_commit, toplevel
from complykit.errors import ComplykitError
from complykit.load.discover import CONFIG_FILENAME, find_root
from complykit.publish.provenance import at_commit
from complykit.reports.request import Provenance


def checkout(path: Path, revision: str, scratch: Path) -> tuple[Path, Provenance]:
    """The workspace around ``path`` at ``revision``, unpacked below ``scratch``."""
    root = find_root(path)
    top = toplevel(root)
    folder = PurePosixPath(root.resolve().relative_to(top).as_posix())
    commit = resolve_commit(top, revision)
    if not has_file(top, commit, folder / CONFIG_FILENAME):
        raise ComplykitError(
            f"revision {revision!r} has no workspace at {folder.as_posix() or '.'}",
            hint=f"Pick a revision that has {(folder / CONFIG_FILENAME).as_posix()}.",
        )
    extract(archive(top, commit, folder), scratch)
    return scratch / folder, at_commit(top, commit, revision)

"""Which record files differ between the base commit and the head, told by blob ids.

A blob id is a hash of a file's content, so a file whose id is the same on both sides holds
the same bytes and gives the same records: it is read once, for the head, and shared. Git
lists the base (``ls-tree``); the head is another listing, or the working tree on disk, whose
files are hashed here the way git hashes them, without running anything the checkout names.

Only a plain case is planned: when the config, the workspace's ``catalogs/`` or a linked file
could make an unchanged file read differently on the two sides, there is no plan and the base
is loaded in full.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

from complykit.core.frozen import frozen
from complykit.load.discover import (
    CONFIG_FILENAME,
    MAX_FOLDER_DEPTH,
    SKIPPED_DIRS,
    YAML_SUFFIXES,
)
from complykit.load.limits import DEFAULT_LIMITS
from complykit.load.tree import TreeEntry
from complykit.load.worktree import holds

CATALOGS = "catalogs"
CONFIG = PurePosixPath(CONFIG_FILENAME)


@frozen
class HeadFiles:
    """The head's files: a revision's listing, or the working tree on disk (``listed`` None)."""

    root: Path
    listed: Mapping[PurePosixPath, TreeEntry] | None = None

    def holds(self, entry: TreeEntry) -> bool:
        """Whether the head has ``entry``'s path with the same content and kind."""
        if self.listed is None:
            return holds(f"{self.root}{os.sep}{entry.path}", entry)  # joined as text: per file
        return self.listed.get(entry.path) == entry

    def below(self, folder: str) -> set[PurePosixPath] | None:
        """The files below ``folder``; None when a link or an unreadable folder is in the way."""
        if self.listed is not None:
            return {path for path in self.listed if path.parts[0] == folder}
        return _files_on_disk(self.root, folder)


@frozen
class Plan:
    """How the base differs from the head, in record files.

    ``dropped``: files the head read whose records the base does not have as they are;
    ``swapped_in``: the base's files to read in their place (or added, for the base only).
    """

    dropped: frozenset[PurePosixPath]
    swapped_in: tuple[TreeEntry, ...]


def plan(base: Sequence[TreeEntry], head: HeadFiles, read: Iterable[PurePosixPath]) -> Plan | None:
    """The files to swap, given the base's listing and the files the head ``read``; None when
    the base must be read in full.

    The head must have read whatever it found (no folder skipped, no file unreadable): then a
    file it did not read and holds unchanged lies where discovery does not look, on both sides.
    """
    by_path = {entry.path: entry for entry in base}
    config = by_path.get(CONFIG)
    if config is None or not head.holds(config) or not _plain(base):
        return None
    if not _catalogs_alike(base, head):
        return None
    read = frozenset(read)
    same = frozenset(path for path in read if path in by_path and head.holds(by_path[path]))
    swapped_in = tuple(
        entry
        for entry in base
        if _may_be_read(entry.path)
        and entry.path not in same
        # Unchanged and not read by the head: the base does not read it either.
        and (entry.path in read or not head.holds(entry))
    )
    if any(entry.size > DEFAULT_LIMITS.max_file_bytes for entry in swapped_in):
        return None
    return Plan(read - same, swapped_in)


def _plain(base: Sequence[TreeEntry]) -> bool:
    """No link (whose content is another file's) and no folder too deep to be read."""
    return not any(e.link or len(e.path.parts) > MAX_FOLDER_DEPTH for e in base)


def _catalogs_alike(base: Sequence[TreeEntry], head: HeadFiles) -> bool:
    """The workspace's own catalogs are the same on both sides (both may have none)."""
    listed = [entry for entry in base if entry.path.parts[0] == CATALOGS]
    return head.below(CATALOGS) == {e.path for e in listed} and all(map(head.holds, listed))


def _may_be_read(path: PurePosixPath) -> bool:
    """Whether discovery could read ``path`` as a record file: more paths than it reads
    (exclusions are left to it), never fewer."""
    *folders, name = path.parts
    return (
        path != CONFIG
        and name.endswith(YAML_SUFFIXES)
        and not any(part.startswith(".") for part in path.parts)
        and not any(folder in SKIPPED_DIRS for folder in folders)
    )


def _files_on_disk(root: Path, folder: str) -> set[PurePosixPath] | None:
    top = root / folder
    if top.is_symlink():
        return None
    if not top.exists():
        return set()
    found: set[PurePosixPath] = set()
    problems: list[OSError] = []
    for current, folders, files in os.walk(top, onerror=problems.append):
        here = Path(current)
        if any((here / name).is_symlink() for name in folders):
            return None
        found.update(PurePosixPath((here / name).relative_to(root).as_posix()) for name in files)
    return None if problems else found

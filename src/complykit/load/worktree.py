"""Whether the working tree's copy of a folder differs from a commit, decided without git
running anything the checkout names.

``git status`` would run the clean filter that ``.gitattributes`` selects for every file whose
timestamps changed. Here git only lists (the commit's tree, the untracked files); the blob ids
of the files on disk are computed in Python, from their raw bytes, as git does without filters.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path, PurePosixPath

from complykit.load.git import git
from complykit.load.tree import TreeEntry, listing

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def worktree_differs(top: Path, commit: str, folder: PurePosixPath) -> bool:
    """True when a file below ``folder`` was added, removed or changed since ``commit``.

    When git cannot answer, the answer is True: calling an unknown state clean is worse.
    """
    treeish = f"{commit}^{{tree}}" if folder == PurePosixPath() else f"{commit}:{folder}"
    tree = git(top, "ls-tree", "-r", "-z", "-l", "--end-of-options", treeish)
    pathspec = folder.as_posix() if folder != PurePosixPath() else "."
    others = git(top, "ls-files", "--others", "--exclude-standard", "-z", "--", pathspec)
    if tree.returncode != 0 or others.returncode != 0:
        return True
    if others.stdout.strip(b"\0"):
        return True
    base = top / folder
    listed = listing(tree.stdout)
    return any(
        _blob_id(base / path, link, size, len(oid)) != oid for oid, path, link, size in listed
    )


def holds(path: Path | str, entry: TreeEntry) -> bool:
    """Whether ``path`` on disk is what ``entry`` is: a regular file, or a link, with its bytes.

    A link where the tree has a file (or the reverse), a named pipe, or a missing file is not.
    """
    return _blob_id(path, entry.link, entry.size, len(entry.oid)) == entry.oid


def _blob_id(path: Path | str, link: bool, size: int, length: int) -> str | None:
    """The git blob id of ``path`` as it is on disk; None when it is gone or not alike."""
    digest = hashlib.sha256() if length == 64 else hashlib.sha1(usedforsecurity=False)
    if link:
        try:
            target = os.fsencode(Path(path).readlink())
        except OSError:
            return None  # removed, or replaced by something else
        digest.update(b"blob %d\0" % len(target) + target)
        return digest.hexdigest()
    # Without blocking, and only a regular file of the committed size is hashed. Plain
    # descriptors, no file objects: a diff hashes every file of the head.
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW)
    except OSError:
        return None
    try:
        mode = os.fstat(descriptor)
        if not stat.S_ISREG(mode.st_mode) or mode.st_size != size:
            return None
        digest.update(b"blob %d\0" % size)
        while chunk := os.read(descriptor, 1 << 20):
            digest.update(chunk)
    except OSError:
        return None  # removed, or replaced by something else
    finally:
        os.close(descriptor)
    return digest.hexdigest()

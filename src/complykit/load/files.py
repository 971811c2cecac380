"""Read one workspace file's bytes, refusing anything that is not a plain, bounded file.

A FIFO, socket or device named ``*.yaml`` is never read: opening a FIFO for reading blocks
until a writer comes, and a device can be endless. The file is opened without blocking and
checked through its descriptor, so a swap between a check and the open changes nothing; at
most one byte more than the size limit is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from complykit.core.findings import Finding, Severity
from complykit.load.limits import DEFAULT_LIMITS, LoadLimits

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


class InsideReader:
    """:func:`read_inside` for the many files of one run, finding each folder's real path once.

    Resolving every file's path (a system call per part of it, and the root's each time) cost
    as much as reading the files. A file that is not itself a link lies where its folder does,
    so only folders are resolved, once per run; a file that is a link is judged in full.
    """

    def __init__(self, root: Path, limits: LoadLimits = DEFAULT_LIMITS) -> None:
        self.root = root.resolve()
        self.limits = limits
        self._inside: dict[Path, bool | None] = {}

    def read(self, path: Path) -> bytes | str:
        folder = path.parent
        inside = self._inside.get(folder)
        if inside is None:
            inside = self._inside[folder] = _resolves_inside(folder, self.root)
        if not inside:
            return _LOOP if inside is None else _OUTSIDE
        read = read_regular_file(path, self.limits, follow=False)
        return read_inside(self.root, path, self.limits) if read is _A_LINK else _listed(read)


_OUTSIDE = "it links to a file outside the workspace, which is not read"
_LOOP = "it is a link that leads back to itself (a loop of links), and is not read"
_A_LINK = "it is a link"
_DANGLING = "it is a link to a file that does not exist"
NOT_FOUND = "cannot read the file: No such file or directory"
VANISHED = (
    "cannot read the file: it was deleted or moved after complykit listed the workspace's "
    "files, while complykit was running"
)
FOLDER_VANISHED = (
    "the folder cannot be read: it was deleted or moved after complykit found it, while "
    "complykit was running"
)
VANISHED_HINT = (
    "Something changed the workspace during the run (a checkout, a build step, an editor "
    "saving by replacing the file). Run complykit again once the files stay put."
)


def unread_finding(rel: PurePosixPath, reason: str) -> Finding:
    """The YAML009 finding for a file or folder not read for ``reason``. One that vanished
    mid-run gets its own hint: the rule's hint is about links and rights, which do not apply."""
    hint = VANISHED_HINT if reason in {VANISHED, FOLDER_VANISHED} else None
    return Finding(rel, 1, 1, "YAML009", Severity.ERROR, reason, hint=hint)


def _listed(read: bytes | str) -> bytes | str:
    """``read`` for a file the run listed: one not found then was there when it was listed."""
    return VANISHED if read == NOT_FOUND else read


def _resolves_inside(path: Path, root: Path) -> bool | None:
    """Whether ``path`` leads inside ``root``; None for a loop of links, which leads nowhere."""
    try:
        return path.resolve(strict=False).is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links, where resolve follows them strictly
        return None


def read_inside(root: Path, path: Path, limits: LoadLimits = DEFAULT_LIMITS) -> bytes | str:
    """Like :func:`read_regular_file`, for a file that must lie inside ``root``.

    A link to /etc/... or another repository, directly or through a linked folder, is not
    read: its text would reach findings and reports.
    """
    inside = _resolves_inside(path, root.resolve())
    if inside is None:
        return _LOOP
    if not inside:
        return _OUTSIDE
    return _listed(read_regular_file(path, limits))


def read_regular_file(
    path: Path, limits: LoadLimits = DEFAULT_LIMITS, *, follow: bool = True
) -> bytes | str:
    """The file's bytes, or a sentence saying why it was not read.

    With ``follow`` False a link is not opened, and the answer is ``_A_LINK``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | (0 if follow else _NO_FOLLOW)
    try:
        # Checked before opening too: opening a socket fails with a less telling error, and a
        # device is better not opened at all.
        mode = path.stat().st_mode if follow else path.lstat().st_mode
        if stat.S_ISLNK(mode):
            return _A_LINK
        if not stat.S_ISREG(mode):
            return not_regular(mode)
        descriptor = os.open(path, flags)
    except OSError as error:
        return _not_opened(path, error, follow=follow)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return not_regular(status.st_mode)
        # One byte past the limit is enough for the parser to report the size.
        return _read_up_to(descriptor, status.st_size, limits.max_file_bytes + 1)
    except OSError as error:
        return f"cannot read the file: {error.strerror or type(error).__name__}"
    finally:
        os.close(descriptor)


def _not_opened(path: Path, error: OSError, *, follow: bool) -> str:
    """Why ``path`` could not be opened: a link to nothing is told from no file at all."""
    if isinstance(error, FileNotFoundError):
        return _DANGLING if follow and os.path.lexists(path) else NOT_FOUND
    return f"cannot read the file: {error.strerror or type(error).__name__}"


def _read_up_to(descriptor: int, size: int, most: int) -> bytes:
    """At most ``most`` bytes. Reads are sized by the file's size (plus one, to see it end):
    a read sized by the limit allocated 5 MiB per file, five times the cost of the read."""
    chunks, total = [], 0
    while total < most:
        want = size + 1 - total  # the file may have grown since fstat: then read on in chunks
        chunk = os.read(descriptor, min(most - total, want if want > 0 else _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_CHUNK = 64 * 1024


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def not_regular(mode: int) -> str:
    """Why a file of ``mode``, no regular file, is not read: what it is instead."""
    return f"it is {_kind(mode)}, not a regular file, and is not read"


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")

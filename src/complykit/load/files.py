"""Read one workspace file's bytes, refusing anything that is not a plain, bounded file.

A FIFO, socket or device named ``*.yaml`` is never read: opening a FIFO for reading blocks
until a writer comes, and a device can be endless. The file is opened without blocking and
checked through its descriptor, so a swap between a check and the open changes nothing; at
most one byte more than the size limit is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from complykit.load.limits import DEFAULT_LIMITS, LoadLimits

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def read_inside(root: Path, path: Path, limits: LoadLimits = DEFAULT_LIMITS) -> bytes | str:
    """Like :func:`read_regular_file`, for a file that must lie inside ``root``.

    A link to /etc/... or another repository, directly or through a linked folder, is not
    read: its text would reach findings and reports.
    """
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        return "it links to a file outside the workspace, which is not read"
    return read_regular_file(path, limits)


def read_regular_file(path: Path, limits: LoadLimits = DEFAULT_LIMITS) -> bytes | str:
    """The file's bytes, or a sentence saying why it was not read."""
    try:
        # Checked before opening too: opening a socket fails with a less telling error.
        if not stat.S_ISREG(mode := path.stat().st_mode):
            return f"it is {_kind(mode)}, not a regular file, and is not read"
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return f"cannot read the file: {error.strerror or type(error).__name__}"
    with os.fdopen(descriptor, "rb") as stream:
        try:
            if not stat.S_ISREG(mode := os.fstat(descriptor).st_mode):
                return f"it is {_kind(mode)}, not a regular file, and is not read"
            # One byte past the limit is enough for the parser to report the size.
            return stream.read(limits.max_file_bytes + 1)
        except OSError as error:
            return f"cannot read the file: {error.strerror or type(error).__name__}"


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")

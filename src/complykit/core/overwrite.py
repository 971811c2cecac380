"""When an output file may not be written: the one policy of every command with ``--output``.

Asked before any work is done, and again where the file is put in place (a file may appear
meanwhile). Writing itself stays with each writer: the command line streams text, reports
write their bytes in one go.
"""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING

from complykit.core.errors import ComplykitError

if TYPE_CHECKING:
    from pathlib import Path


_STANDARD = ("/dev/stdout", "/dev/stderr")
_DESCRIPTOR_FOLDERS = ("/dev/fd/", "/proc/self/fd/")


def streamed(path: Path) -> bool:
    """Whether ``path`` is a character device or a pipe (``/dev/null``, ``/dev/stdout`` on a
    terminal or a pipe, a FIFO), or a standard stream redirected to a file: written into as a
    shell's ``>`` writes, in place. It holds nothing to lose, and moving a file into its place
    would replace the device, or the system's link, itself."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    # /dev/stdout is a link the system keeps, to wherever the standard output goes: into a
    # file too (`> report.html`), which is written through, never replaced.
    descriptor = path.as_posix().startswith(_DESCRIPTOR_FOLDERS) or path.as_posix() in _STANDARD
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or (descriptor and stat.S_ISREG(mode))


def refusal(path: Path, *, force: bool) -> ComplykitError | None:
    """Why ``path`` may not be written, or None: a folder, a folder that does not exist, a
    block device or socket, or (without ``force``) a file that exists."""
    if path.is_dir():
        return ComplykitError(f"{path} is a folder; nothing was written", hint="Name a file.")
    if streamed(path):
        return None
    if path.exists() and not path.is_file():
        return ComplykitError(
            f"{path} is neither a file nor a pipe (a disk or a socket); nothing was written",
            hint="Name a file, or a pipe such as /dev/stdout.",
        )
    if not path.parent.is_dir():  # else the error would name the temporary file beside it
        return ComplykitError(
            f"{path}: No such file or directory (no folder {path.parent}); nothing was written",
            hint="Create the folder first, or name a file in one that exists.",
        )
    return exists(path) if path.exists() and not force else None


def refuse(path: Path, *, force: bool) -> None:
    """Raise ``refusal``'s error, if there is one: before any work is done."""
    refused = refusal(path, force=force)
    if refused is not None:
        raise refused


def exists(path: Path) -> ComplykitError:
    """The refusal of a file that exists, found before or (appearing meanwhile) after."""
    return ComplykitError(
        f"{path} already exists; nothing was written", hint="Add --force to overwrite it."
    )

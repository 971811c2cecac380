"""Opening the file a user names with ``--output``: never through a symbolic link.

A link in the output's place may have come with a pull request; following it would write
wherever it points. New files are created exclusively; replacing one (``--force``, or the
formats that always replace) refuses a link as well.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Literal, TextIO, cast, overload

from complykit.errors import ComplykitError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@overload
def open_output(path: Path, *, replace: bool, binary: Literal[False] = False) -> TextIO: ...
@overload
def open_output(path: Path, *, replace: bool, binary: Literal[True]) -> IO[bytes]: ...
def open_output(path: Path, *, replace: bool, binary: bool = False) -> TextIO | IO[bytes]:
    """``path`` opened for writing; ``replace`` allows an existing regular file."""
    if path.is_symlink():
        raise ComplykitError(
            f"{path} is a symbolic link; complykit does not write through links",
            hint="Name a regular file for --output.",
        )
    flags = os.O_WRONLY | os.O_CREAT | _NOFOLLOW | (os.O_TRUNC if replace else os.O_EXCL)
    descriptor = os.open(path, flags, 0o644)
    if binary:
        return os.fdopen(descriptor, "wb")
    return cast("TextIO", os.fdopen(descriptor, "w", encoding="utf-8", newline=""))

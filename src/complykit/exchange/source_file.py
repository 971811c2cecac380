"""The file an import reads: a regular file of bounded size, or refused with a reason.

The source may be a file a pull request committed (a CI job importing ``data/register.csv``),
and so a link to ``/dev/zero`` (read for ever, until memory runs out) or a named pipe (no
writer ever comes: the job hangs until it is killed). Such a source is refused before anything
reads it, as the workspace's own files are (``load.files``).
"""

from __future__ import annotations

import stat
from pathlib import Path

from complykit.core.errors import ComplykitError
from complykit.load.files import not_regular, read_regular_file
from complykit.load.limits import LoadLimits


def read_source(source: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of ``source``; raises ComplykitError naming it when it is no regular file,
    cannot be read or holds more than ``max_bytes`` (``what`` it then cannot be)."""
    read = read_regular_file(source, LoadLimits(max_file_bytes=max_bytes))
    if isinstance(read, str):
        raise ComplykitError(f"{source}: {read}")
    if len(read) > max_bytes:
        raise ComplykitError(f"{source} is larger than {max_bytes:,} bytes; not {what}")
    return read


def check_source(source: Path) -> int:
    """The size of ``source``, a regular file another library will read by its name; raises
    ComplykitError naming it when it is anything else or cannot be looked at."""
    try:
        status = source.stat()
    except OSError as error:
        raise ComplykitError(f"{source}: {error.strerror or error}") from None
    if not stat.S_ISREG(status.st_mode):
        raise ComplykitError(f"{source}: {not_regular(status.st_mode)}")
    return status.st_size

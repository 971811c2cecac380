"""Writing an output file: never over an existing file unless asked, never half a file.

The bytes go to a temporary file in the same folder, which is then renamed into place; a crash
or a full disk leaves the old file (or none) rather than a truncated document.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from complykit.core.overwrite import exists, refuse, streamed


def write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` in one step; without ``force`` an existing file is kept.
    A device or a pipe is written in place (``core.overwrite.streamed``)."""
    refuse(path, force=force)
    if streamed(path):
        with path.open("wb") as stream:
            stream.write(data)
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path())
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(0o666 & ~_umask())  # mkstemp makes 0600 files
        if force:
            Path(temporary).replace(path)
        else:
            _link_new(Path(temporary), path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _link_new(temporary: Path, path: Path) -> None:
    # A hard link fails when the name exists, so a file created since the check is kept.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise exists(path) from None
    except OSError:  # a file system without hard links: fall back to rename
        if path.exists():
            raise exists(path) from None
        temporary.replace(path)

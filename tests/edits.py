"""Edits that a cache keyed on size and modification time alone would miss."""

from __future__ import annotations

import os
from pathlib import Path


def same_size_edit(path: Path, old: str, new: str) -> None:
    """Rewrite ``old`` as ``new`` (as long) and put the size and mtime back as they were."""
    assert len(old) == len(new)
    before = path.stat()
    data = path.read_bytes()
    assert old.encode() in data
    path.write_bytes(data.replace(old.encode(), new.encode(), 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)

"""Read and parse the record files of a run: in this process, or in a worker's.

Light on purpose (PyYAML and the loader, no models): workers are forked before the record
models are imported (see ``early``).
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from complykit.load.discover import relative
from complykit.load.files import InsideReader, read_inside, unread_finding
from complykit.load.yaml_file import YamlFile, parse_yaml

PARALLEL_FROM_FILES = 50 if hasattr(os, "fork") else 2000
"""Files from which a second process parses. A forked worker, started before the models and
rules are imported (``load.early``), parses while this process imports them: measured on
1,000 records that took a cold run from 0.50 s to 0.31 s, and the bundled example's 104 files
from 228 ms to 206 ms. Where there is no fork (Windows) a pool is spawned, and each of its
processes imports complykit again, which pays only for large workspaces."""
PARALLEL_FROM_BYTES = 512 * 1024 if hasattr(os, "fork") else 24 * 1024 * 1024
"""Or from this many bytes in fewer files: a register kept a department to a file (10,000
records in 34 files of up to 1.1 MB) was parsed by one process, 1.2x the bare parse against
0.8x for the same records in more files. Without fork, about what 2,000 files hold."""
MAX_JOBS = 8

Parsed = tuple[YamlFile, str | None]
"""A file's documents and the SHA-256 of the bytes parsed (None when it could not be read)."""


def read_file(root: Path, path: Path, reader: InsideReader | None = None) -> YamlFile:
    """Parse one file; an unreadable file, or a link out of the workspace, is a finding.

    Many files of one run share a ``reader``, which resolves each folder once.
    """
    rel = relative(root, path)
    raw = read_inside(root, path) if reader is None else reader.read(path)
    if isinstance(raw, str):
        return unreadable(rel, raw)
    return parse_yaml(rel, raw)


def read_hashed(root: Path, path: Path, reader: InsideReader) -> Parsed:
    """``read_file``, and the content hash of the bytes it parsed (None when unreadable)."""
    rel = relative(root, path)
    raw, digest = read_raw(path, reader)
    if isinstance(raw, str):
        return unreadable(rel, raw), None
    return parse_yaml(rel, raw), digest


def read_raw(path: Path, reader: InsideReader) -> tuple[bytes | str, str | None]:
    """The bytes of ``path`` and their content hash, or why it cannot be read and None."""
    raw = reader.read(path)
    return (raw, None) if isinstance(raw, str) else (raw, hashlib.sha256(raw).hexdigest())


def unreadable(rel: PurePosixPath, message: str) -> YamlFile:
    return YamlFile(rel, (), (unread_finding(rel, message),))


def parse_relatives(root: Path, relatives: Sequence[str]) -> list[Parsed]:
    """What one worker does: parse the files named by their path below ``root``, and ship
    their plain data, places and hashes. The path objects are made a chunk at a time, by the
    process that reads them, and no list of them is held."""
    gc.disable()  # see validate.collector
    reader = InsideReader(root)
    return [read_hashed(root, root / relative, reader) for relative in relatives]


def default_jobs(root: Path, relatives: Sequence[str]) -> int:
    """Processes worth parsing the files (by path below ``root``) with: one per core, from
    ``PARALLEL_FROM_FILES`` files or ``PARALLEL_FROM_BYTES`` bytes."""
    if len(relatives) < PARALLEL_FROM_FILES and _bytes_below(root, relatives):
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


def _bytes_below(root: Path, relatives: Sequence[str]) -> bool:
    """Whether the files hold fewer than ``PARALLEL_FROM_BYTES`` bytes (as listed: a link
    counts as itself; a file that cannot be looked at as nothing, as it will not be parsed)."""
    total = 0
    for name in relatives:
        try:
            total += (root / name).lstat().st_size
        except OSError:
            continue
        if total >= PARALLEL_FROM_BYTES:
            return False
    return True


def processes_for(root: Path, relatives: Sequence[str], jobs: int | None) -> int:
    """Processes to parse the files with, as ``--jobs`` asks or as the machine allows."""
    return default_jobs(root, relatives) if jobs is None else min(max(1, jobs), MAX_JOBS)

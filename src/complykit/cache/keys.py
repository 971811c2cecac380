"""What a cached result depends on, hashed: file contents, never sizes or times.

A file edited within the same second and to the same size still changes the key, because every
byte is hashed. The key covers every YAML file discovery can see (before the config's
``exclude``, so a change of the exclusions can only cause a miss, never a stale hit), the
config, the workspace's own catalogs, the as-of day, and the complykit code with its bundled
catalogs, so an upgrade or a local edit of complykit is a miss too.
"""

from __future__ import annotations

import functools
import hashlib
import stat
from datetime import date
from pathlib import Path

import complykit
from complykit.load.discover import CONFIG_FILENAME, record_files

FORMAT = "complykit-cache-1"


class Uncacheable(Exception):  # noqa: N818 - a reason, not an error
    """Something in the workspace cannot be hashed (a FIFO, an unreadable file): do not cache."""


def _file_digest(path: Path) -> str:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise Uncacheable(f"{path} is not a regular file")
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise Uncacheable(f"{path}: {error.strerror or error}") from error


def _tree(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.is_dir() else []


@functools.cache
def code_digest() -> str:
    """complykit's own code and bundled catalogs (in a wheel or a source checkout)."""
    package = Path(complykit.__file__).resolve().parent
    digest = hashlib.sha256(complykit.__version__.encode())
    checkout_catalogs = package.parents[1] / "catalogs"
    for path in (
        *_tree(package, "*.py"),
        *_tree(package, "*.yaml"),
        *_tree(checkout_catalogs, "*.yaml"),
    ):
        digest.update(f"{path.relative_to(package.parents[1])}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_key(root: Path, as_of: date) -> str:
    """The key of a validation run of ``root``; raises Uncacheable when there cannot be one."""
    digest = hashlib.sha256(f"{FORMAT}\0{code_digest()}\0{as_of.isoformat()}\0".encode())
    files = [root / CONFIG_FILENAME, *_tree(root / "catalogs", "*"), *record_files(root)]
    for path in files:
        digest.update(f"{path.relative_to(root).as_posix()}\0{_file_digest(path)}\0".encode())
    return digest.hexdigest()

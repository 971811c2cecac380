"""What a cached result depends on, hashed: the workspace by content, never by size or time.

A file edited within the same second and to the same size still changes the key, because every
byte is hashed. The key covers every YAML file discovery can see (before the config's
``exclude``, so a change of the exclusions can only cause a miss, never a stale hit), the
config, the workspace's own catalogs, the as-of day, and the complykit code with its bundled
catalogs, so an upgrade or a local edit of complykit is a miss too. It also covers what
discovery reports instead of reading (a linked folder, a folder it cannot list, folders nested
too deep), since each is a finding: a marker stands for it in place of a content digest.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys

import complykit
from complykit.load.names import CONFIG_FILENAME, MAX_FOLDER_DEPTH, SKIPPED_DIRS, YAML_SUFFIXES

TYPE_CHECKING = False
if TYPE_CHECKING:  # the start-up path of a cached run imports this module; typing costs 1 ms
    from collections.abc import Iterator, Mapping
    from datetime import date
    from pathlib import Path

FORMAT = "complykit-cache-1"
_CHUNK = 1 << 16  # below malloc's mmap threshold: a chunk read per file stays cheap
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)


class Uncacheable(Exception):  # noqa: N818 - a reason, not an error
    """Something in the workspace cannot be hashed (a FIFO, an unreadable file): do not cache."""


def _file_digest(path: str, regular: bool) -> str:
    """SHA-256 of the file's bytes. ``regular``: its folder entry said it is a regular file,
    which spares the ``fstat`` (a quarter of the system calls of a cached run)."""
    # O_NONBLOCK: opening a FIFO for reading must not wait for a writer; fstat then refuses it.
    # Plain descriptors, no file objects, no helper calls: this runs for every file on every
    # cached run, where a microsecond per file is a tenth of the budget at 1,000 records.
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise Uncacheable(f"{path}: {error.strerror or error}") from error
    try:
        if regular:
            size = _CHUNK - 1  # read a chunk; a regular file reads short only at its end
        else:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise Uncacheable(f"{path} is not a regular file")
            size = info.st_size  # a hint: a longer read means it grew since, and is hashed
        digest = hashlib.sha256(first := os.read(descriptor, size + 1))
        if len(first) > size:
            while chunk := os.read(descriptor, _CHUNK):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError as error:
        raise Uncacheable(f"{path}: {error.strerror or error}") from error
    finally:
        os.close(descriptor)


# What the walk yields for a path besides a file's (regular or not): a marker, in place of a
# content digest, for what discovery reports as a finding instead of reading it.
LINKED_FOLDER = "marker:linked-folder"
UNLISTED_FOLDER = "marker:unlisted-folder"
DEEP_FOLDER = "marker:deep-folder"
_CATALOGS = "catalogs"


def _yaml_files(folder: str, depth: int = 0) -> Iterator[tuple[str, bool | str]]:
    """Every YAML file discovery could read, by the same rules (before exclusions), plus the
    workspace's catalogs, in the order ``os.walk`` gives; with whether its folder entry says it
    is a regular file, or a marker for what discovery reports instead (a linked folder, a
    folder that cannot be listed, folders below ``MAX_FOLDER_DEPTH``). Plain strings, since
    pathlib doubled the cost of a cached run."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=_name)
    except OSError:  # as discovery: a folder that cannot be listed is a finding, not read
        yield folder, UNLISTED_FOLDER
        return
    subfolders = []
    for entry in entries:
        name = entry.name
        if _is_folder(entry):
            hidden_or_skipped = name.startswith(".") or (
                name in SKIPPED_DIRS and not (depth == 0 and name == _CATALOGS)
            )
            if hidden_or_skipped:
                continue
            if not entry.is_symlink() or _catalog_link(name, depth, folder):
                subfolders.append(entry.path)
            else:  # discovery does not follow it, and says so
                yield entry.path, LINKED_FOLDER
        elif name.endswith(YAML_SUFFIXES) and not name.startswith("."):
            yield entry.path, entry.is_file(follow_symlinks=False)
    if subfolders and depth >= MAX_FOLDER_DEPTH:
        yield folder, DEEP_FOLDER  # discovery stops here; the walk goes on, for the catalogs
    for subfolder in subfolders:
        yield from _yaml_files(subfolder, depth + 1)


def _catalog_link(name: str, depth: int, folder: str) -> bool:
    """``catalogs`` and ``catalogs/mappings`` are read through a link (one inside the
    workspace), so what is behind it counts."""
    return (depth == 0 and name == _CATALOGS) or (
        depth == 1 and name == "mappings" and os.path.basename(folder) == _CATALOGS  # noqa: PTH119
    )


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _package_files() -> Iterator[str]:
    """The package's code and catalogs, with plain strings and no pathlib (every cached run)."""
    package = os.path.dirname(os.path.realpath(complykit.__file__))  # noqa: PTH120
    checkout = os.path.dirname(os.path.dirname(package))  # noqa: PTH120
    for top in (package, f"{checkout}{os.sep}catalogs"):  # bundled_dir() in a source checkout
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(_PACKAGE_SUFFIXES):
                    yield f"{folder}{os.sep}{name}"


_PACKAGE_SUFFIXES = (".py", ".yaml", ".json", ".po")
"""What decides a verdict or its words besides the code: catalogs, and what is generated from
code and kept as data (prebuilt validators, parsed catalogs, compiled templates, messages)."""


_READERS = ("yaml", "pydantic", "pydantic_core")
"""The libraries that parse and validate records: another version may read the same bytes
differently, so an upgrade of one of them must not replay what the old one concluded."""


def _reader_files() -> Iterator[str]:
    """Each reader's ``__init__.py`` as the import system would find it, without importing
    anything (``importlib.util`` alone would cost the cached path a third of its time)."""
    for name in _READERS:
        for entry in sys.path:
            init = f"{entry or os.curdir}{os.sep}{name}{os.sep}__init__.py"
            if os.path.isfile(init):  # noqa: PTH113 - plain strings on the cached path
                yield init
                break


@functools.cache
def code_digest() -> str:
    """complykit's own code and bundled catalogs, and the libraries that read records, by
    version, name, size and mtime: unlike the workspace, these change only by installing or
    editing them, which moves the mtime."""
    stamps = [complykit.__version__]
    for path in (*_package_files(), *_reader_files()):
        info = os.stat(path)  # noqa: PTH116
        stamps.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0")
    return hashlib.sha256("".join(stamps).encode("utf-8", "surrogateescape")).hexdigest()


def workspace_digests(root: Path | str) -> dict[str, str]:
    """The content digest of the config and every YAML file, by path relative to ``root``;
    raises Uncacheable when one cannot be read as a regular file."""
    base = str(root)
    start = len(base) + 1
    config = f"{base}{os.sep}{CONFIG_FILENAME}"
    digests = {CONFIG_FILENAME: _linked_digest(config)}
    for path, state in _yaml_files(base):
        relative = path[start:] if os.sep == "/" else path[start:].replace(os.sep, "/")
        if state is True:
            digests[relative] = _file_digest(path, regular=True)
        else:
            digests[relative] = _linked_digest(path) if state is False else str(state)
    return digests


def _linked_digest(path: str) -> str:
    """The digest of a file that may be a link, with where the link leads: the loader reads a
    link inside the workspace and refuses one that leaves it (YAML009), so the same bytes behind
    a link or in a regular file are different inputs."""
    digest = _file_digest(path, regular=False)
    if os.path.islink(path):  # noqa: PTH114 - plain strings on the cached path
        return f"link:{os.path.realpath(path)}:{digest}"
    return digest


def engine_key(digests: Mapping[str, str], as_of: date) -> str:
    """What every check may read besides records: complykit, the config, catalogs, the day."""
    engine = {
        path: digest
        for path, digest in digests.items()
        if path == CONFIG_FILENAME or path.startswith("catalogs/")
    }
    return run_key(engine, as_of)


def run_key(digests: Mapping[str, str], as_of: date) -> str:
    """The key of a validation run over files with these ``digests``, on the day ``as_of``."""
    return day_key(digests, as_of.isoformat())


def day_key(digests: Mapping[str, str], day: str) -> str:
    """``run_key`` for the day written as ``YYYY-MM-DD`` (no datetime import needed)."""
    digest = hashlib.sha256(f"{FORMAT}\0{code_digest()}\0{day}\0".encode())
    for relative, content in digests.items():
        # A file name that is not UTF-8 arrives with its bytes escaped (PEP 383): hash those
        # bytes back, rather than fail on the name.
        digest.update(f"{relative}\0{content}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()

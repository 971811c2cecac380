"""Signed JSON entries in one folder: atomic writes; every read problem a note, not a failure.

The folder may sit in a workspace that a stranger controls (CI runs on pull requests), so it is
opened once per operation without following a symbolic link, and every entry is opened, written,
renamed and removed relative to that open folder, again without following links: a
``.complykit-cache`` that is a link, or links inside it, can never make complykit read or write
anything outside the folder. Reads refuse anything but a regular file of bounded size, so a
FIFO or a device planted as an entry cannot block or exhaust a run.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import Any

from complykit.cache.entries import (
    CACHE_DIRNAME,
    CLOEXEC,
    DIR_FLAGS,
    MAX_ENTRY_BYTES,
    NOFOLLOW,
    RENDERED_PREFIX,
    RESULT_PREFIX,
    UnsafeFolderError,
    UntrustedKeyError,
    cache_folder,
    read_entry,
    sign,
    split_signed,
)
from complykit.cache.jsontext import compact_json, read_exact, read_json
from complykit.cache.signing import key_path, machine_key


def object_pieces(items: Iterable[tuple[str, Any]], batch: int = 1024) -> Iterator[str]:
    """The object with these items as JSON text, in pieces of ``batch`` items each, for a large
    entry written without holding all of it (``spool``). For values complykit made, as
    ``compact_json`` is."""
    yield "{"
    pending = iter(items)
    first = True
    while chunk := list(islice(pending, batch)):
        members = ",".join(f"{compact_json(key)}:{compact_json(value)}" for key, value in chunk)
        yield members if first else f",{members}"
        first = False
    yield "}"


KEEP_RESULTS = 16
"""Older result (and rendered output) entries are removed, so the folder does not grow with
every edit."""

TEMPORARY_PREFIX = ".tmp-"
ABANDONED_AFTER = 24 * 3600
"""Seconds after which a temporary file is a killed run's, not one being written."""

_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC
_GITIGNORE = b"# written by complykit: the cache is never committed\n*\n"

__all__ = [
    "CACHE_DIRNAME",
    "KEEP_RESULTS",
    "MAX_ENTRY_BYTES",
    "RENDERED_PREFIX",
    "RESULT_PREFIX",
    "CacheStore",
    "UnsafeFolderError",
    "cache_dir",
    "open_store",
]


def cache_dir(root: Path) -> Path:
    """``$XDG_CACHE_HOME/complykit/<workspace>`` when that is set, else ``.complykit-cache``."""
    return Path(cache_folder(str(root)))


@contextmanager
def _opened(folder: Path, *, create: bool) -> Iterator[int | None]:
    """The folder's descriptor, or None when it does not exist and ``create`` is false."""
    try:
        descriptor = open_folder(folder, create=create)
    except FileNotFoundError:
        if create:
            raise
        yield None
        return
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def open_folder(folder: Path, *, create: bool) -> int:
    """The folder's descriptor, never through a link; the caller closes it."""
    if create:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    try:
        return os.open(folder, DIR_FLAGS)
    except FileNotFoundError:
        raise
    except OSError as error:  # ELOOP for a link, ENOTDIR for a file
        raise UnsafeFolderError(f"{folder} is a link or not a folder, so it is not used") from error


def create_temporary(folder: int) -> tuple[str, int]:
    """A new file of a random name no entry has, opened for writing, in the open ``folder``."""
    temporary = f"{TEMPORARY_PREFIX}{os.urandom(8).hex()}"
    return temporary, os.open(temporary, _CREATE_FLAGS, 0o600, dir_fd=folder)


def _write_entry(name: str, data: bytes, folder: int) -> None:
    """Write a new file and rename it over ``name``: a rename replaces a link, never follows it."""
    temporary, descriptor = create_temporary(folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        with suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise


class CacheStore:
    """One cache folder; ``notes`` says what went wrong, for the user to see as warnings."""

    __slots__ = ("folder", "key", "notes")

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self.key = key
        self.notes: list[str] = []

    def read(self, name: str, *, exact: bool = False) -> Any | None:
        """The entry's JSON body, or None when missing; a bad entry is a note and None.
        ``exact`` for an entry that holds a user's data (``jsontext``)."""
        try:
            with _opened(self.folder, create=False) as folder:
                if folder is None:
                    return None
                body = split_signed(self.key, name, read_entry(name, folder))
        except FileNotFoundError:
            return None
        except OSError as error:
            return self._bad(name, error)
        if body is None:
            return self._bad(name, "its signature does not match (written elsewhere, or altered)")
        try:
            return read_exact(body) if exact else read_json(body)
        except ValueError:
            return self._bad(name, "it is not valid JSON")

    def has(self, name: str) -> bool:
        """Whether an entry of that name is in the folder (not whether it can be read)."""
        try:
            with _opened(self.folder, create=False) as folder:
                return folder is not None and stat.S_ISREG(
                    os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode
                )
        except OSError:
            return False

    def write(self, name: str, body: Any) -> None:
        """Write atomically, so a concurrent reader sees the old entry or the new, never half."""
        # A file name that is not UTF-8 holds escaped bytes (PEP 383), which UTF-8 cannot
        # encode: compact_json writes those as \u escapes, read back as they were.
        self.write_bytes(name, compact_json(body).encode())

    def write_bytes(self, name: str, data: bytes) -> None:
        """``write`` for a body that is not JSON (read back with ``entries.trusted_body``)."""
        try:
            with _opened(self.folder, create=True) as folder:
                assert folder is not None  # noqa: S101 - create=True never yields None
                with suppress(FileExistsError):
                    _write_entry_once(".gitignore", _GITIGNORE, folder)
                _write_entry(name, self._sign(name, data) + b"\n" + data, folder)
                _prune(folder)
        except OSError as error:
            self.not_written(error)

    def not_written(self, error: OSError) -> None:
        self.notes.append(f"cache not written to {self.folder}: {_why(error)}")

    def discard(self, name: str) -> None:
        with suppress(OSError), _opened(self.folder, create=False) as folder:
            if folder is not None:
                os.unlink(name, dir_fd=folder)

    def _sign(self, name: str, data: bytes) -> bytes:
        return sign(self.key, name, data)

    def _bad(self, name: str, why: OSError | str) -> Any | None:
        """Note why an entry is not used; None, for ``read`` to return."""
        reason = _why(why) if isinstance(why, OSError) else why
        self.notes.append(f"cache entry {self.folder / name} ignored: {reason}")
        return None


def _write_entry_once(name: str, data: bytes, folder: int) -> None:
    """Create ``name`` only if nothing, not even a dangling link, has that name yet."""
    descriptor = os.open(name, _CREATE_FLAGS, 0o600, dir_fd=folder)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


def _prune(folder: int) -> None:
    for prefix in (RESULT_PREFIX, RENDERED_PREFIX):
        entries = [
            (entry.stat(follow_symlinks=False).st_mtime, entry.name)
            for entry in os.scandir(folder)
            if entry.name.startswith(prefix)
        ]
        for _, old in sorted(entries, reverse=True)[KEEP_RESULTS:]:
            with suppress(OSError):
                os.unlink(old, dir_fd=folder)
    _prune_abandoned(folder)


def _prune_abandoned(folder: int) -> None:
    """Temporary files of runs killed before they renamed them (never read: the names are
    not entries' names), once they are old enough that no run can still be writing them."""
    before = time.time() - ABANDONED_AFTER
    for entry in os.scandir(folder):
        if entry.name.startswith(TEMPORARY_PREFIX):
            with suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime < before:
                    os.unlink(entry.name, dir_fd=folder)


def _why(error: OSError) -> str:
    if isinstance(error, UnsafeFolderError):
        return str(error)
    return error.strerror or type(error).__name__


def open_store(root: Path) -> CacheStore | str:
    """The workspace's cache, or why there cannot be one (a note for the user)."""
    if os.open not in os.supports_dir_fd:
        return "cache disabled: this platform cannot open files relative to a folder"
    try:
        return CacheStore(cache_dir(root), machine_key(root))
    except (OSError, UntrustedKeyError) as error:
        return f"cache disabled: no trustworthy signing key at {key_path()} ({error})"

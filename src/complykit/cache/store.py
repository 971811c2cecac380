"""Signed JSON entries in one folder: atomic writes; every read problem a note, not a failure.

The folder may sit in a workspace that a stranger controls (CI runs on pull requests), so it is
opened once per operation without following a symbolic link, and every entry is opened, written,
renamed and removed relative to that open folder, again without following links: a
``.complykit-cache`` that is a link, or links inside it, can never make complykit read or write
anything outside the folder. Reads refuse anything but a regular file of bounded size, so a
FIFO or a device planted as an entry cannot block or exhaust a run.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from complykit.cache.signing import (
    UntrustedKeyError,
    configured_cache_home,
    key_path,
    machine_key,
)

CACHE_DIRNAME = ".complykit-cache"
RESULT_PREFIX = "result-"
KEEP_RESULTS = 16
"""Older result entries are removed, so the folder does not grow with every edit."""
MAX_ENTRY_BYTES = 256 * 1024 * 1024
"""Far above the parsed data of 50,000 records split over the shards; a bigger file is planted."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | os.O_CLOEXEC
_READ_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | os.O_CLOEXEC
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | os.O_CLOEXEC
_GITIGNORE = b"# written by complykit: the cache is never committed\n*\n"


class UnsafeFolderError(OSError):
    """The cache folder is a link or not a folder: it is not used."""


def cache_dir(root: Path) -> Path:
    """``$XDG_CACHE_HOME/complykit/<workspace>`` when that is set, else ``.complykit-cache``."""
    home = configured_cache_home()
    if home is not None:
        name = hashlib.sha256(str(root).encode()).hexdigest()[:24]
        return home / "complykit" / "workspaces" / name
    return root / CACHE_DIRNAME


@contextmanager
def _opened(folder: Path, *, create: bool) -> Iterator[int | None]:
    """The folder's descriptor, or None when it does not exist and ``create`` is false."""
    if create:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    try:
        descriptor = os.open(folder, _DIR_FLAGS)
    except FileNotFoundError:
        if create:
            raise
        yield None
        return
    except OSError as error:  # ELOOP for a link, ENOTDIR for a file
        raise UnsafeFolderError(f"{folder} is a link or not a folder, so it is not used") from error
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def _read_entry(name: str, folder: int) -> bytes:
    try:
        descriptor = os.open(name, _READ_FLAGS, dir_fd=folder)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeFolderError("it is a link, which is never followed") from error
        raise
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFolderError("it is not a regular file")
        if info.st_size > MAX_ENTRY_BYTES:
            raise UnsafeFolderError(f"it is larger than {MAX_ENTRY_BYTES} bytes")
        return stream.read(MAX_ENTRY_BYTES + 1)


def _write_entry(name: str, data: bytes, folder: int) -> None:
    """Write a new file and rename it over ``name``: a rename replaces a link, never follows it."""
    temporary = f".tmp-{secrets.token_hex(8)}"
    descriptor = os.open(temporary, _CREATE_FLAGS, 0o600, dir_fd=folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        with suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise


@dataclass(slots=True)
class CacheStore:
    """One cache folder; ``notes`` says what went wrong, for the user to see as warnings."""

    folder: Path
    key: bytes
    notes: list[str] = field(default_factory=list)

    def read(self, name: str) -> Any | None:
        """The entry's JSON body, or None when missing; a bad entry is a note and None."""
        try:
            with _opened(self.folder, create=False) as folder:
                if folder is None:
                    return None
                signature, _, body = _read_entry(name, folder).partition(b"\n")
        except FileNotFoundError:
            return None
        except OSError as error:
            return self._bad(name, error)
        if not hmac.compare_digest(signature, self._sign(name, body)):
            return self._bad(name, "its signature does not match (written elsewhere, or altered)")
        try:
            return json.loads(body)
        except ValueError:
            return self._bad(name, "it is not valid JSON")

    def write(self, name: str, body: Any) -> None:
        """Write atomically, so a concurrent reader sees the old entry or the new, never half."""
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        try:
            with _opened(self.folder, create=True) as folder:
                assert folder is not None  # noqa: S101 - create=True never yields None
                with suppress(FileExistsError):
                    _write_entry_once(".gitignore", _GITIGNORE, folder)
                _write_entry(name, self._sign(name, data) + b"\n" + data, folder)
                _prune(folder)
        except OSError as error:
            self.notes.append(f"cache not written to {self.folder}: {_why(error)}")

    def discard(self, name: str) -> None:
        with suppress(OSError), _opened(self.folder, create=False) as folder:
            if folder is not None:
                os.unlink(name, dir_fd=folder)

    def _sign(self, name: str, data: bytes) -> bytes:
        # The name is signed too: an entry copied or linked under another run's key is refused.
        message = name.encode() + b"\0" + data
        return hmac.new(self.key, message, hashlib.sha256).hexdigest().encode()

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
    entries = [
        (entry.stat(follow_symlinks=False).st_mtime, entry.name)
        for entry in os.scandir(folder)
        if entry.name.startswith(RESULT_PREFIX) and entry.name.endswith(".json")
    ]
    for _, old in sorted(entries, reverse=True)[KEEP_RESULTS:]:
        with suppress(OSError):
            os.unlink(old, dir_fd=folder)


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

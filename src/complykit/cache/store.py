"""Signed JSON entries in one folder: atomic writes; every read problem a note, not a failure."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CACHE_DIRNAME = ".complykit-cache"
KEY_FILENAME = "cache-key"
KEEP_ENTRIES = 16
"""Older result entries are removed, so the folder does not grow with every edit."""


def user_cache_home() -> Path:
    configured = os.environ.get("XDG_CACHE_HOME")
    return Path(configured) if configured else Path.home() / ".cache"


def cache_dir(root: Path) -> Path:
    """``$XDG_CACHE_HOME/complykit/<workspace>`` when that is set, else ``.complykit-cache``."""
    if os.environ.get("XDG_CACHE_HOME"):
        name = hashlib.sha256(str(root).encode()).hexdigest()[:24]
        return user_cache_home() / "complykit" / "workspaces" / name
    return root / CACHE_DIRNAME


def machine_key() -> bytes:
    """The per-user signing key, created on first use; it never lives inside a workspace."""
    path = user_cache_home() / "complykit" / KEY_FILENAME
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another run created it first
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        stream.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


@dataclass(slots=True)
class CacheStore:
    """One cache folder; ``notes`` says what went wrong, for the user to see as warnings."""

    folder: Path
    key: bytes
    notes: list[str] = field(default_factory=list)

    def read(self, name: str) -> Any | None:
        """The entry's JSON body, or None when missing; a bad entry is a note and None."""
        path = self.folder / name
        try:
            signature, _, body = path.read_bytes().partition(b"\n")
        except FileNotFoundError:
            return None
        except OSError as error:
            return self._bad(path, error.strerror or type(error).__name__)
        if not hmac.compare_digest(signature, self._sign(body)):
            return self._bad(path, "its signature does not match (written elsewhere, or altered)")
        try:
            return json.loads(body)
        except ValueError:
            return self._bad(path, "it is not valid JSON")

    def write(self, name: str, body: Any) -> None:
        """Write atomically, so a concurrent reader sees the old entry or the new, never half."""
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._ignore_in_git()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(self._sign(data) + b"\n" + data)
            Path(temporary).replace(self.folder / name)
        except OSError as error:
            self.notes.append(f"cache not written to {self.folder}: {error.strerror or error}")
            return
        self._prune()

    def discard(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)

    def _sign(self, data: bytes) -> bytes:
        return hmac.new(self.key, data, hashlib.sha256).hexdigest().encode()

    def _bad(self, path: Path, why: str) -> Any | None:
        """Note why an entry is not used; None, for ``read`` to return."""
        self.notes.append(f"cache entry {path} ignored: {why}")
        return None

    def _ignore_in_git(self) -> None:
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# written by complykit: the cache is never committed\n*\n")

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.json"), key=_mtime, reverse=True)
        for old in entries[KEEP_ENTRIES:]:
            old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def open_store(root: Path) -> CacheStore | str:
    """The workspace's cache, or why there cannot be one (a note for the user)."""
    try:
        return CacheStore(cache_dir(root), machine_key())
    except (OSError, ValueError) as error:
        where = user_cache_home() / "complykit" / KEY_FILENAME
        return f"cache disabled: no usable signing key at {where} ({error})"

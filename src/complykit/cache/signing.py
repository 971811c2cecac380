"""The per-user key that signs cache entries, checked before it is believed.

The key is what keeps a cache folder committed by a stranger from being trusted, so it must be
a secret only this user can have written: 32 random bytes in a regular file of their own,
readable and writable by nobody else, outside the workspace being validated. A relative
``XDG_CACHE_HOME`` is ignored, as the XDG specification asks; it would put the key in whatever
folder the run starts from, which in CI is the checkout of the pull request.
"""

from __future__ import annotations

import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path

KEY_FILENAME = "cache-key"
KEY_BYTES = 32
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


class UntrustedKeyError(ValueError):
    """The signing key could be known to someone else: the cache is not used."""


def configured_cache_home() -> Path | None:
    """``XDG_CACHE_HOME`` when it is set to an absolute path."""
    configured = Path(os.environ.get("XDG_CACHE_HOME", ""))
    return configured if configured.is_absolute() else None


def user_cache_home() -> Path:
    return configured_cache_home() or Path.home() / ".cache"


def key_path() -> Path:
    return user_cache_home() / "complykit" / KEY_FILENAME


def machine_key(root: Path) -> bytes:
    """The user's signing key, created on first use; raises UntrustedKeyError or OSError."""
    path = key_path()
    if path.resolve().is_relative_to(root.resolve()):
        raise UntrustedKeyError(f"{path} lies inside the workspace {root}")
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _create_key(path)
    return _read_key(path)


def _create_key(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place, unless another run was first.

    A run starting at the same moment must never read a key file created but not yet written
    (it would refuse it as too short): the key appears under its name only once it is whole.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(secrets.token_hex(KEY_BYTES))
        with suppress(FileExistsError):  # another run's key is as good: use that one
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _read_key(path: Path) -> bytes:
    descriptor = os.open(path, _READ_FLAGS)
    with os.fdopen(descriptor, "rb") as stream:
        _check_owner(path, os.fstat(descriptor))
        text = stream.read(4 * KEY_BYTES)
    try:
        key = bytes.fromhex(text.decode("ascii").strip())
    except ValueError:
        raise UntrustedKeyError(f"{path} does not hold a key") from None
    if len(key) != KEY_BYTES:
        raise UntrustedKeyError(f"{path} holds {len(key)} bytes, not {KEY_BYTES}")
    return key


def _check_owner(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UntrustedKeyError(f"{path} is not a regular file")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise UntrustedKeyError(f"{path} belongs to another user")
    if info.st_mode & 0o077:  # like ssh: a key others can read or write is no secret
        raise UntrustedKeyError(f"{path} can be read or written by other users (chmod 600 it)")

"""The per-user key that signs cache entries, checked before it is believed.

The key is what keeps a cache folder committed by a stranger from being trusted, so it must be
a secret only this user can have written: 32 random bytes in a regular file of their own,
readable and writable by nobody else, outside the workspace being validated. A relative
``XDG_CACHE_HOME`` is ignored, as the XDG specification asks; it would put the key in whatever
folder the run starts from, which in CI is the checkout of the pull request.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from complykit.cache.entries import (
    KEY_BYTES,
    KEY_FILENAME,
    UntrustedKeyError,
    configured_home,
    key_file,
    read_key,
)

__all__ = ["KEY_BYTES", "KEY_FILENAME", "UntrustedKeyError", "key_path", "machine_key"]


def configured_cache_home() -> Path | None:
    """``XDG_CACHE_HOME`` when it is set to an absolute path."""
    configured = configured_home()
    return Path(configured) if configured is not None else None


def user_cache_home() -> Path:
    return configured_cache_home() or Path.home() / ".cache"


def key_path() -> Path:
    return Path(key_file())


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
    temporary = path.with_name(f".{path.name}.{os.urandom(8).hex()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            # The OS's CSPRNG, as secrets.token_hex uses: importing secrets brings random,
            # bisect and sha512 into every run (1 ms) for a key made once per user.
            stream.write(os.urandom(KEY_BYTES).hex())
        with suppress(FileExistsError):  # another run's key is as good: use that one
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _read_key(path: Path) -> bytes:
    return read_key(str(path))

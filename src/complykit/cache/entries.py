"""Signed cache entries read with plain strings and descriptors, for every reader.

:mod:`complykit.cache.store` and :mod:`complykit.cache.signing` build on these; the cached
``complykit validate`` uses them directly before it imports pathlib or dataclasses, so the
rules for what is trusted (no links followed, regular files of bounded size, a key only this
user can have written, a signature over name and content) exist once.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import stat

CACHE_DIRNAME = ".complykit-cache"
RESULT_PREFIX = "result-"
RENDERED_PREFIX = "rendered-"
KEY_FILENAME = "cache-key"
KEY_BYTES = 32
MAX_ENTRY_BYTES = 256 * 1024 * 1024
"""Far above the parsed data of 50,000 records split over the shards; a bigger file is planted."""

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# Windows has none of these flags; os.open makes descriptors non-inheritable there (PEP 446).
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | NOFOLLOW | CLOEXEC
READ_FLAGS = os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | CLOEXEC


class UnsafeFolderError(OSError):
    """The cache folder is a link or not a folder: it is not used."""


class UntrustedKeyError(ValueError):
    """The signing key could be known to someone else: the cache is not used."""


def configured_home() -> str | None:
    """``XDG_CACHE_HOME`` when it is set to an absolute path (a relative one is ignored, as the
    XDG specification asks: in CI it would be the checkout of the pull request)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    return configured if os.path.isabs(configured) else None  # noqa: PTH117


def key_file() -> str:
    home = configured_home() or os.path.join(os.path.expanduser("~"), ".cache")  # noqa: PTH111, PTH118
    return os.path.join(home, "complykit", KEY_FILENAME)  # noqa: PTH118


ENGINE = "engine.json"
"""The engine under which the checks were last judged and kept (``FileCache.checks_kept``):
without it, no run has completed in the folder, and the next run parses every file."""


def cache_folder(root: str) -> str:
    """``$XDG_CACHE_HOME/complykit/workspaces/<workspace>`` when that is set, else
    ``.complykit-cache`` in the (resolved) workspace ``root``."""
    home = configured_home()
    if home is not None:
        name = hashlib.sha256(root.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        return os.path.join(home, "complykit", "workspaces", name)  # noqa: PTH118
    return os.path.join(root, CACHE_DIRNAME)  # noqa: PTH118


def key_inside(key: str, root: str) -> bool:
    """Whether the key file, resolved, lies in the resolved workspace (anyone could write it)."""
    resolved, folder = os.path.realpath(key), os.path.realpath(root)
    return resolved == folder or resolved.startswith(folder.rstrip(os.sep) + os.sep)


def read_key(path: str) -> bytes:
    """The key in ``path``; raises OSError, or UntrustedKeyError when others could know it."""
    descriptor = os.open(path, READ_FLAGS)
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


def _check_owner(path: str, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UntrustedKeyError(f"{path} is not a regular file")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise UntrustedKeyError(f"{path} belongs to another user")
    if info.st_mode & 0o077:  # like ssh: a key others can read or write is no secret
        raise UntrustedKeyError(f"{path} can be read or written by other users (chmod 600 it)")


def read_entry(name: str, folder: int) -> bytes:
    """The bytes of entry ``name`` in the open ``folder``; raises OSError (UnsafeFolderError
    for a link, anything but a regular file, or a file too large to be ours)."""
    try:
        descriptor = os.open(name, READ_FLAGS, dir_fd=folder)
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


def signer(key: bytes, name: str) -> hmac.HMAC:
    """The signature of entry ``name`` under way: ``update`` it with the body, piece by piece."""
    # The name is signed too: an entry copied or linked under another run's key is refused.
    return hmac.new(key, name.encode() + b"\0", hashlib.sha256)


def sign(key: bytes, name: str, data: bytes) -> bytes:
    signature = signer(key, name)
    signature.update(data)
    return signature.hexdigest().encode()


def split_signed(key: bytes, name: str, entry: bytes) -> bytes | None:
    """The body of a signed entry, or None when its signature is not ``key``'s for ``name``."""
    signature, _, body = entry.partition(b"\n")
    return body if hmac.compare_digest(signature, sign(key, name, body)) else None


def trusted_body(root: str, name: str) -> bytes | None:
    """The verified body of entry ``name`` of the workspace at the resolved ``root``, or None
    for anything else: no key yet, an untrusted key, a missing, unsafe or unsigned entry.

    Never writes and never explains: the full command, which does both, handles those cases.
    """
    key = key_file()
    if key_inside(key, root):
        return None
    try:
        secret = read_key(key)
        folder = os.open(cache_folder(root), DIR_FLAGS)
    except (OSError, UntrustedKeyError):
        return None
    try:
        return split_signed(secret, name, read_entry(name, folder))
    except OSError:
        return None
    finally:
        os.close(folder)

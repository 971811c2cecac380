"""Entries written piece by piece while a run goes on, and put in place only at its end.

The parsed data of every file loaded in a cold run is kept for the next run; held in memory
until the end of the run, it kept every parse tree alive (some 500 MiB at 50,000 records).
Here each piece goes to a temporary file in the cache folder as soon as it is known, and the
signature is computed along the way. ``commit`` writes it over the first line, which until then
is blank, and renames the file to the entry's name. Until that rename the file has a name no
reader opens and no valid signature; a run that fails or is killed leaves at most such a file
(``abandon`` removes it, or ``store`` prunes it a day later), never an entry that is trusted.
Every file is created and renamed relative to the folder opened once, without following links,
like every other entry (``store``).
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Iterable
from contextlib import suppress

from complykit.cache.entries import MAX_ENTRY_BYTES, signer
from complykit.cache.store import CacheStore, create_temporary, open_folder

_BLANK = b" " * 64 + b"\n"
"""Room for the signature (64 hexadecimal digits), written last."""


class _Pending:
    __slots__ = ("descriptor", "signature", "size", "temporary")

    def __init__(self, temporary: str, descriptor: int, signature: hmac.HMAC) -> None:
        self.temporary = temporary
        self.descriptor = descriptor
        self.signature = signature
        self.size = 0


class Spool:
    """Entries of one cache folder being written; nothing is an entry before ``commit``."""

    def __init__(self, store: CacheStore) -> None:
        self._store = store
        self._folder: int | None = None
        self._pending: dict[str, _Pending] = {}
        self.failed = False
        """Writing failed once: nothing more is written, nothing is committed."""

    def __contains__(self, name: str) -> bool:
        return name in self._pending

    @property
    def names(self) -> list[str]:
        return list(self._pending)

    def add(self, name: str, data: bytes) -> None:
        """Append ``data`` to the body of entry ``name``."""
        if self.failed:
            return
        try:
            pending = self._pending.get(name) or self._start(name)
            _write_all(pending.descriptor, data)
        except OSError as error:
            self._fail(error)
            return
        pending.signature.update(data)
        pending.size += len(data)

    def write(self, name: str, pieces: Iterable[str]) -> bool:
        """Write entry ``name`` from its text in ``pieces`` (encoded as UTF-8)
        and put it in place, never more than one piece of it in memory; whether it was."""
        for piece in pieces:
            self.add(name, piece.encode())
        return self.commit(name)

    def commit(self, name: str) -> bool:
        """Sign entry ``name`` and put it in place; one too large to be read is dropped.
        Whether the entry is in place."""
        pending = self._pending.pop(name, None)
        if pending is None or self._folder is None:
            return False
        if self.failed or len(_BLANK) + pending.size > MAX_ENTRY_BYTES:
            _remove(pending, self._folder)
            return False
        try:
            os.pwrite(pending.descriptor, pending.signature.hexdigest().encode(), 0)
            os.close(pending.descriptor)
            pending.descriptor = -1
            os.replace(pending.temporary, name, src_dir_fd=self._folder, dst_dir_fd=self._folder)
        except OSError as error:
            _remove(pending, self._folder)
            self._fail(error)
            return False
        return True

    def abandon(self) -> None:
        """Remove every entry not committed, and let the folder go."""
        for pending in self._pending.values():
            if self._folder is not None:
                _remove(pending, self._folder)
        self._pending.clear()
        if self._folder is not None:
            with suppress(OSError):
                os.close(self._folder)
            self._folder = None

    def _start(self, name: str) -> _Pending:
        if self._folder is None:
            self._folder = open_folder(self._store.folder, create=True)
        temporary, descriptor = create_temporary(self._folder)
        pending = _Pending(temporary, descriptor, signer(self._store.key, name))
        self._pending[name] = pending
        _write_all(descriptor, _BLANK)
        return pending

    def _fail(self, error: OSError) -> None:
        if not self.failed:
            self._store.not_written(error)
        self.failed = True


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _remove(pending: _Pending, folder: int) -> None:
    if pending.descriptor >= 0:
        with suppress(OSError):
            os.close(pending.descriptor)
        pending.descriptor = -1
    with suppress(OSError):
        os.unlink(pending.temporary, dir_fd=folder)

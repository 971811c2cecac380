"""What ``validate`` kept in ``.complykit-cache/``, read by ``diff`` for the working tree.

A pull request's workflow validates the working tree and then diffs it against the base
branch, so the diff finds the working tree's files loaded and its checks judged already. The
head's unchanged files are then restored rather than parsed, and each side's checks are judged
as a validation with some files changed would judge them: only the checks that read what moved
since the last validation run again (``validate.reuse``). The base is the head with the
changed files swapped for the base's versions (``swap``), so to the checks it is the head with
a few files changed.

The diff only reads the cache: it never writes an entry, so the next ``validate`` finds what
the last validation kept, not the base. A cache that cannot be opened or read is a note, and
the diff goes on without it, as ``validate`` does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from complykit.cache.entries import ENGINE
from complykit.cache.keys import Uncacheable, code_digest, engine_key, workspace_digests
from complykit.cache.outcomes import FileCache
from complykit.cache.store import CacheStore, open_store
from complykit.core.frozen import frozen

if TYPE_CHECKING:  # the command opens the cache before it imports the checks (0.1 s)
    from complykit.load.tree import TreeFile
    from complykit.validate.reuse import CheckMemo
    from complykit.workspace.repository import Repository


@frozen
class HeadCache:
    """The cache of the workspace at ``root`` as its files are now (``digests``)."""

    store: CacheStore
    digests: Mapping[str, str]
    engine: str
    files: FileCache
    checks: Mapping[str, Any]
    """The kept checks' entries, read once and shared by both sides' memos (read, never
    changed, by either)."""

    @property
    def cold(self) -> bool:
        """Whether nothing usable is kept: every file is parsed and every check judged."""
        return self.files.cold

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(self.store.notes)

    def memo(self, repo: Repository, digests: Mapping[str, str] | None = None) -> CheckMemo | None:
        """The kept findings of ``repo``'s checks, for files with ``digests`` (the head's by
        default); None when a file of ``repo`` was not hashed."""
        from complykit.validate.reuse import CheckMemo  # noqa: PLC0415 - see the imports

        try:
            return CheckMemo(
                self.store,
                self.engine,
                repo,
                self.digests if digests is None else digests,
                self.checks,
            )
        except KeyError:  # a file no digest names: nothing can be keyed by it
            return None

    def base_digests(
        self, dropped: Iterable[PurePosixPath], swapped_in: Iterable[TreeFile]
    ) -> dict[str, str]:
        """The digests of the base: the head's without ``dropped``, with the base's files
        ``swapped_in`` hashed from the bytes git gave (those its records were loaded from)."""
        digests = dict(self.digests)
        for path in dropped:
            digests.pop(path.as_posix(), None)
        for file in swapped_in:
            digests[file.path.as_posix()] = hashlib.sha256(file.data).hexdigest()
        return digests

    def close(self) -> None:
        """Drop whatever loading wrote ahead (outcomes of files not kept yet): a diff keeps
        nothing."""
        self.files.abandon()


def open_head_cache(root: Path, as_of: date) -> tuple[HeadCache | None, tuple[str, ...]]:
    """The cache of the working tree at ``root``, or None, with notes on what was wrong."""
    store = open_store(root)
    if isinstance(store, str):
        return None, (store,)
    # No validation kept its checks here: nothing to reuse, and hashing 10,000 files would cost
    # 0.1 s. Only whether the entry is there: the file cache reads it, once.
    if not store.has(ENGINE):
        return None, tuple(store.notes)
    try:
        digests = workspace_digests(root)
    except Uncacheable:  # a FIFO or an unreadable file: validate does not cache it either
        return None, tuple(store.notes)
    engine = engine_key(digests, as_of)
    files = FileCache(store, digests, code_digest(), engine)
    cache = HeadCache(store, digests, engine, files, files.take_checks())
    return cache, cache.notes

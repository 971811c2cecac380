"""Plain data of files that parsed cleanly before, found again by the hash of their content.

When one file of a large workspace changes, only that file is parsed again; every other file's
documents come from the cache entry as plain JSON data and are validated into records as if
just parsed. Files whose parse found problems are never cached: they are parsed every time,
so their findings keep their places.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Documents = list[Any]


class ParsedCache:
    """Documents by file, for the files whose content digest is known and was seen before."""

    def __init__(self, digests: Mapping[str, str], known: Mapping[str, Any]) -> None:
        self._digests = digests
        self._known = known
        self._fresh: dict[str, Documents] = {}

    def lookup(self, relative: str) -> Documents | None:
        digest = self._digests.get(relative)
        documents = self._known.get(digest) if digest is not None else None
        return documents if isinstance(documents, list) else None

    def remember(self, relative: str, documents: Documents) -> None:
        digest = self._digests.get(relative)
        if digest is not None and digest not in self._known:
            self._fresh[digest] = documents

    def packs(self, shards: int) -> dict[int, dict[str, Documents]]:
        """The shards to write again: those holding a new digest, with only current files.

        Data is split over ``shards`` entries by digest, so that a change of one file rewrites
        one small entry instead of the data of the whole workspace.
        """
        current = set(self._digests.values())
        touched = {shard_of(d, shards) for d in self._fresh}
        packs: dict[int, dict[str, Documents]] = {shard: {} for shard in touched}
        for digest, documents in (*self._known.items(), *self._fresh.items()):
            shard = shard_of(digest, shards)
            if shard in packs and digest in current:
                packs[shard][digest] = documents
        return packs


def shard_of(digest: str, shards: int) -> int:
    return int(digest[:4], 16) % shards

"""Plain data of files that parsed cleanly before, found again by the hash of their content.

When one file of a large workspace changes, only that file is parsed again; every other file's
documents come from the cache entry as plain JSON data, with the places the loader recorded
when it parsed them, and are validated into records as if just parsed. A finding in a cached
file is placed from those places: the file is not read again. Files whose parse found problems
are never cached: they are parsed every time.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any

from complykit.load.positions import Places

Documents = list[Any]
"""Per document ``{"data": ..., "places": [base64 of the packed places, [key, ...]]}``."""


class ParsedCache:
    """Documents by file, for the files whose content digest is known and was seen before."""

    def __init__(self, digests: Mapping[str, str], known: Mapping[str, Any]) -> None:
        self._digests = digests
        self._known = known
        self._fresh: dict[str, Documents] = {}

    def lookup(self, relative: str) -> list[tuple[Any, Places]] | None:
        """Each document's data and places, or None when the file is not cached (or its entry
        is not in the shape this version writes: then it is parsed afresh)."""
        digest = self._digests.get(relative)
        documents = self._known.get(digest) if digest is not None else None
        if not isinstance(documents, list):
            return None
        decoded = [_decode(document) for document in documents]
        found = [d for d in decoded if d is not None]
        return found if len(found) == len(decoded) else None

    def remember(self, relative: str, documents: Sequence[tuple[Any, Places | None]]) -> None:
        digest = self._digests.get(relative)
        if digest is None or digest in self._known:
            return
        encoded = [_encode(data, places) for data, places in documents if places is not None]
        if len(encoded) == len(documents):
            self._fresh[digest] = encoded

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


def _encode(data: Any, places: Places) -> dict[str, Any]:
    return {"data": data, "places": [base64.b64encode(places.code).decode(), list(places.keys)]}


def _decode(document: Any) -> tuple[Any, Places] | None:
    if not isinstance(document, dict) or "data" not in document:
        return None
    packed = document.get("places")
    if not (isinstance(packed, list) and len(packed) == 2 and isinstance(packed[0], str)):
        return None
    code, keys = packed
    if not (isinstance(keys, list) and all(isinstance(k, str) for k in keys)):
        return None
    try:
        return document["data"], Places(base64.b64decode(code, validate=True), tuple(keys))
    except (binascii.Error, ValueError):
        return None


def shard_of(digest: str, shards: int) -> int:
    return int(digest[:4], 16) % shards

"""Plain data of files that parsed cleanly before, found again by the hash of their content.

When one file of a large workspace changes, only that file is parsed again; every other file's
documents come from the cache entry as plain JSON data and are validated into records as if
just parsed. Files whose parse found problems are never cached: they are parsed every time,
so their findings keep their places.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from complykit.cache.codec import BadEntryError

Documents = list[Any]


class ParsedCache:
    """Documents by file, for the files whose content digest is known and was seen before."""

    def __init__(self, digests: Mapping[str, str], known: Any) -> None:
        if known is not None and not isinstance(known, dict):
            raise BadEntryError("the parsed-files entry is not a mapping")
        self._digests = digests
        self._known: dict[str, Any] = known or {}
        self._fresh: dict[str, Documents] = {}

    def lookup(self, relative: str) -> Documents | None:
        digest = self._digests.get(relative)
        documents = self._known.get(digest) if digest is not None else None
        return documents if isinstance(documents, list) else None

    def remember(self, relative: str, documents: Documents) -> None:
        digest = self._digests.get(relative)
        if digest is not None and digest not in self._known:
            self._fresh[digest] = documents

    def pack(self) -> dict[str, Documents] | None:
        """The entry to write (only this workspace's current files), or None if unchanged."""
        if not self._fresh:
            return None
        current = set(self._digests.values())
        kept = {d: docs for d, docs in self._known.items() if d in current}
        return {**kept, **self._fresh}

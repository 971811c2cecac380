"""What loading a file gave, found again by the hash of its content: its records, its schema
findings, its unread records, and the plain data of its valid records.

A file whose outcome is known is neither parsed nor validated again: its records are known by
kind and id, and each is built from the data kept here only when a check reads its kind. The
outcomes of all files sit in one entry; the data is split by record kind (and then by content
hash), so a run whose checks read suppliers only reads the suppliers' data, and a change to one
file rewrites the entries of its kinds only. Files whose YAML had problems are never kept: they
are parsed every time. Everything read back is checked for shape; anything wrong is a miss.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from complykit.cache.codec import (
    BadEntryError,
    as_number,
    as_optional_text,
    as_text,
    decode_finding_in_file,
    encode_finding_in_file,
)
from complykit.cache.store import CacheStore
from complykit.core.findings import Finding
from complykit.load.declared import UnreadRecord
from complykit.load.positions import Places

OUTCOMES_PREFIX = "files-"
OUTCOMES_SHARDS = 16
"""Outcomes are split by content hash, so one changed file rewrites two of these at most."""
DATA_PREFIX = "parsed-"
DATA_SHARDS = 64
"""Data entries per record kind. A run with one file changed builds a few dozen records of
unchanged files, each read from its kind's entry: with 8 entries per kind that parsed 16 MB
of JSON at 10,000 records for 30 records (0.06 s); with 64, a sixty-fourth of a kind each, and
one changed file rewrites as little."""


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """Loading one file: its valid records as (document, kind, id), and what stopped the rest."""

    records: tuple[tuple[int, str, str, Any], ...]
    """(document, kind, id, references): the references as the workspace layer encoded them."""
    findings: tuple[Finding, ...]
    invalid_ids: frozenset[str]
    unread: tuple[UnreadRecord, ...]


def outcomes_name(shard: int) -> str:
    return f"{OUTCOMES_PREFIX}{shard:02d}.json"


def _shard(digest: str, shards: int) -> int:
    return int(digest[:4], 16) % shards


def data_name(kind: str, digest: str) -> str:
    return f"{DATA_PREFIX}{kind}-{_shard(digest, DATA_SHARDS)}.json"


class FileCache:
    """Outcomes and data of files by content digest, for the files of one run (``digests``)."""

    def __init__(self, store: CacheStore, digests: Mapping[str, str], code: str) -> None:
        self._store, self._digests, self._code = store, digests, code
        self._known: dict[str, Any] = {}
        for shard in range(OUTCOMES_SHARDS):
            self._known.update(self._read(outcomes_name(shard)))
        self._fresh: dict[str, Any] = {}
        self._data: dict[str, dict[str, Any]] = {}
        self._fresh_data: dict[str, dict[str, Any]] = {}
        self.raced = False
        """A file read in this run did not hold what was hashed when it began: nothing this
        run learnt may be kept under the run's keys."""

    def read_as(self, relative: str, digest: str | None) -> bool:
        """Whether the bytes read for ``relative`` are those hashed when the run began."""
        same = digest is not None and self._digests.get(relative) == digest
        self.raced = self.raced or (digest is not None and not same)
        return same

    def _read(self, name: str) -> dict[str, Any]:
        body = self._store.read(name)
        if isinstance(body, dict) and isinstance(body.get("files"), dict):
            # Written by another complykit: it may load the same bytes differently. Rewritten.
            return body["files"] if body.get("code") == self._code else {}
        if body is not None:
            self._store.notes.append(f"cache entry {self._store.folder / name} ignored")
        return {}

    def digest(self, relative: str) -> str | None:
        return self._digests.get(relative)

    def outcome(self, relative: str) -> FileOutcome | None:
        """What loading the file gave before, or None (not seen, or an entry of the wrong
        shape: then it is loaded afresh)."""
        digest = self._digests.get(relative)
        row = self._known.get(digest) if digest is not None else None
        if row is None:
            return None
        try:
            return _decode(row, relative)  # the path of this run, not the first
        except (BadEntryError, KeyError, TypeError, ValueError):
            return None

    def data(self, kind: str, digest: str, document: int) -> tuple[Any, Places] | None:
        """The plain data and places of a record kept when its file was loaded, or None."""
        name = data_name(kind, digest)
        if name not in self._data:
            self._data[name] = self._read(name)
        kept = self._data[name].get(digest)
        row = kept.get(str(document)) if isinstance(kept, dict) else None
        return _decode_data(row)

    def remember(
        self,
        relative: str,
        outcome: FileOutcome,
        data: Sequence[tuple[int, str, Any, Places | None]],
    ) -> None:
        """Keep a file's outcome, and per valid record (document, kind, data, places)."""
        digest = self._digests.get(relative)
        if digest is None or any(places is None for *_, places in data):
            return
        if digest not in self._known:
            self._fresh[digest] = _encode(outcome)
        for document, kind, value, places in data:
            self.remember_data(kind, digest, document, value, places)  # type: ignore[arg-type]

    def remember_data(
        self, kind: str, digest: str, document: int, value: Any, places: Places
    ) -> None:
        name = data_name(kind, digest)
        shard = self._data.get(name)
        if shard is not None and str(document) in shard.get(digest, {}):
            return
        encoded = [value, base64.b64encode(places.code).decode(), list(places.keys)]
        self._fresh_data.setdefault(name, {}).setdefault(digest, {})[str(document)] = encoded

    def write(self) -> None:
        """Write what this run learnt, keeping only the files the workspace holds now."""
        current = set(self._digests.values())
        stale = [d for d in self._known if d not in current]
        touched = {_shard(d, OUTCOMES_SHARDS) for d in (*self._fresh, *stale)}
        files = {**self._known, **self._fresh}
        for shard in sorted(touched):
            kept = {
                d: row
                for d, row in files.items()
                if d in current and _shard(d, OUTCOMES_SHARDS) == shard
            }
            self._store.write(outcomes_name(shard), {"code": self._code, "files": kept})
        for name, fresh in self._fresh_data.items():
            old = self._data[name] if name in self._data else self._read(name)
            merged = {d: docs for d, docs in old.items() if d in current}
            for digest, documents in fresh.items():
                merged[digest] = {**merged.get(digest, {}), **documents}
            self._store.write(name, {"code": self._code, "files": merged})


def _encode(outcome: FileOutcome) -> dict[str, Any]:
    return {
        "records": [list(r) for r in outcome.records],
        "findings": [encode_finding_in_file(f) for f in outcome.findings],
        "invalid": sorted(outcome.invalid_ids),
        "unread": [[u.line, u.id, u.kind, u.reason] for u in outcome.unread],
    }


_NONE: frozenset[str] = frozenset()


def _decode(row: Any, relative: str) -> FileOutcome:
    records = tuple(
        (as_number(i), as_text(k), as_text(r), refs) for i, k, r, refs in row["records"]
    )
    found, unread_rows, invalid = row["findings"], row["unread"], row["invalid"]
    if not (found or unread_rows or invalid):  # most files: no path object needed
        return FileOutcome(records, (), _NONE, ())
    path = PurePosixPath(relative)
    findings = tuple(decode_finding_in_file(f, path) for f in found)
    unread = tuple(
        UnreadRecord(path, as_number(line), as_text(rid), as_optional_text(kind), as_text(reason))
        for line, rid, kind, reason in unread_rows
    )
    return FileOutcome(records, findings, frozenset(as_text(i) for i in invalid), unread)


def _decode_data(row: Any) -> tuple[Any, Places] | None:
    if not (isinstance(row, list) and len(row) == 3 and isinstance(row[1], str)):
        return None
    value, code, keys = row
    if not (isinstance(keys, list) and all(isinstance(k, str) for k in keys)):
        return None
    try:
        return value, Places(base64.b64decode(code, validate=True), tuple(keys))
    except (binascii.Error, ValueError):
        return None

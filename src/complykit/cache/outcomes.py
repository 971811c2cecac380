"""What loading a file gave, found again by the hash of its content: its records, its schema
findings, its unread records, and the plain data of some of its valid records.

A file whose outcome is known is neither parsed nor validated again: its records are known by
kind and id, and each is built only when a check reads it, from the data kept here or, when
none is, by parsing its file again (whose bytes are checked against the hash the run began
with). A file whose YAML had problems is kept like any other: its outcome holds those findings
and the records it could not read, and its valid records are built, when read, from the
documents the same parse of the same bytes gives (the composing builder's, for such a file).
Everything read back is checked for shape; anything wrong is a miss.

A run with one file changed builds a few dozen records of unchanged files (the neighbours of
the edit, ``validate.neighbours``); a run under another engine (another day, config, catalogs
or complykit) judges every check again and needs every record, so it parses every file, on
both cores, as a run without the cache does (``cold``). The data of records is therefore kept
only for the records a warm run built, not for every file of a cold run: encoding and signing
it all made a first run a third slower than a run without the cache, and the next run read
the data of a few dozen records of it. The outcomes and data are written as they are known
(``spool``), so no parse tree outlives its file.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from functools import cached_property
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
from complykit.cache.entries import ENGINE
from complykit.cache.jsontext import compact_json, exact_json
from complykit.cache.spool import Spool
from complykit.cache.store import CacheStore
from complykit.core.findings import Finding
from complykit.core.frozen import frozen
from complykit.load.declared import UnreadRecord
from complykit.load.positions import Places

OUTCOMES_PREFIX = "files-"
OUTCOMES_SHARDS = 16
"""Outcomes are split by content hash, so one changed file rewrites two of these at most."""
DATA_PREFIX = "parsed-"
DATA_SHARDS = 64
"""Data entries per record kind: a run reads the entries of the records it builds only, and
one changed file rewrites as little."""
CHECKS = "checks.json"
"""The checks' findings of the engine in ``ENGINE`` (written by ``validate.reuse.CheckMemo``)."""
SUMMARIES = "summaries.json"
"""Per-file summaries the checks over whole kinds read instead of records (``CheckMemo``)."""
CHECKS_ENTRIES = (CHECKS, SUMMARIES)
"""What a warm run reads instead of every record: without either, it needs them all."""


@frozen
class FileOutcome:
    """Loading one file: its valid records as (document, kind, id), and what stopped the rest."""

    records: tuple[tuple[int, str, str, Any, tuple[int, int] | None], ...]
    """(document, kind, id, references, alone_from): the references as the workspace layer
    encoded them, and where the record's document can be read alone in its file
    (``YamlDocument.alone_from``), so that building one record of a file of several parses
    that record only."""
    findings: tuple[Finding, ...]
    invalid_ids: frozenset[str]
    unread: tuple[UnreadRecord, ...]


def outcomes_name(shard: int) -> str:
    return f"{OUTCOMES_PREFIX}{shard:02d}.json"


def _shard(digest: str, shards: int) -> int:
    return int(digest[:4], 16) % shards


def data_name(kind: str, digest: str) -> str:
    return f"{DATA_PREFIX}{kind}-{_shard(digest, DATA_SHARDS)}.json"


def _holds_data(name: str) -> bool:
    """Whether entry ``name`` holds records' data as a user wrote it: JSON kept exact
    (``jsontext``)."""
    return name.startswith(DATA_PREFIX)


class FileCache:
    """Outcomes and data of files by content digest, for the files of one run (``digests``)."""

    def __init__(
        self, store: CacheStore, digests: Mapping[str, str], code: str, engine: str
    ) -> None:
        self._store, self._digests, self._code, self._engine = store, digests, code, engine
        self._known: dict[str, Any] = {}
        for shard in range(OUTCOMES_SHARDS):
            self._known.update(self._read(outcomes_name(shard)))
        kept = store.read(ENGINE)
        self._engine_before = kept.get("engine") if isinstance(kept, dict) else None
        self._kept_checks: dict[str, Any] = {}
        """The checks' entries (``CHECKS_ENTRIES``) as read to decide ``cold``, until the memo
        of checks takes them (``take_checks``); empty when the run is cold before that."""
        self.cold = (
            self._engine_before != engine
            or not any(digest in self._known for digest in digests.values())
            or not self._checks_readable()
        )
        """Whether this run parses every file: none was loaded before, or the checks were last
        judged under another engine, or one of their entries is gone or cannot be trusted, so
        that every check runs again and reads every record. (Without it, each record would be
        built alone from its file: at 10,000 records up to twice the time of a cold run, which
        parses on every core.)"""
        self._fresh_shards: set[int] = set()
        """The outcome shards that gained a file in this run (``spool``): the shards, not the
        digests, which a first run at 50,000 records held twice over (2 MiB)."""
        self._data: dict[str, dict[str, Any]] = {}
        self._fresh_data: dict[str, dict[str, Any]] = {}
        """Data of single records read again (``remember_data``), by entry, then digest."""
        self._spool = Spool(store)
        self._spooled: dict[str, set[str]] = {}
        """The digests whose data is in each entry being written (``remember``)."""
        self.raced = False
        """A file read in this run did not hold what was hashed when it began: nothing this
        run learnt may be kept under the run's keys."""

    def _checks_readable(self) -> bool:
        """Whether every entry of the checks can be read: one that is there but damaged, or
        signed with another key, is as good as gone (and says so in a note, once)."""
        for name in CHECKS_ENTRIES:
            body = self._store.read(name)
            if body is None:
                return False
            self._kept_checks[name] = body
        return True

    def take_checks(self) -> dict[str, Any]:
        """The checks' entries read to decide ``cold``, handed over once: the memo keeps what
        it needs of them (the graph decoded), so the raw bodies are not held for the run."""
        taken, self._kept_checks = self._kept_checks, {}
        return taken

    def read_as(self, relative: str, digest: str | None) -> bool:
        """Whether the bytes read for ``relative`` are those hashed when the run began."""
        same = digest is not None and self._digests.get(relative) == digest
        self.raced = self.raced or (digest is not None and not same)
        return same

    def _read(self, name: str) -> dict[str, Any]:
        body = self._store.read(name, exact=_holds_data(name))
        if isinstance(body, dict) and isinstance(body.get("files"), dict):
            # Written by another complykit: it may load the same bytes differently. Rewritten.
            return body["files"] if body.get("code") == self._code else {}
        if body is not None:
            self._store.notes.append(f"cache entry {self._store.folder / name} ignored")
        return {}

    def knows(self, relative: str) -> bool:
        """Whether the outcome of the file's content is kept already."""
        digest = self._digests.get(relative)
        return digest is not None and digest in self._known

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
        """The plain data and places of a record kept when its file was loaded, or earlier in
        this run (``remember_data``), or None."""
        name = data_name(kind, digest)
        row = self._fresh_data.get(name, {}).get(digest, {}).get(str(document))
        if row is None:
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
        """Keep a file's outcome, and per valid record (document, kind, data, places) unless the
        run is ``cold``."""
        digest = self._digests.get(relative)
        if digest is None or any(places is None for *_, places in data):
            return
        if digest not in self._known:
            self._add(outcomes_name(_shard(digest, OUTCOMES_SHARDS)), digest, _encode(outcome))
            self._fresh_shards.add(_shard(digest, OUTCOMES_SHARDS))
        if self.cold:
            return
        by_entry: dict[str, dict[str, Any]] = {}
        for document, kind, value, places in data:
            by_entry.setdefault(data_name(kind, digest), {})[str(document)] = _encode_data(
                value,
                places,  # type: ignore[arg-type]
            )
        for name, documents in by_entry.items():
            self._add(name, digest, documents)

    def _add(self, name: str, digest: str, value: Any) -> None:
        """Write ``value`` under ``digest`` into entry ``name`` (a file of the same bytes only
        once)."""
        written = self._spooled.setdefault(name, set())
        if digest in written:
            return
        encoded = exact_json(value) if _holds_data(name) else compact_json(value)
        piece = f"{compact_json(digest)}:{encoded}"
        head = f'{{"code":{compact_json(self._code)},"files":{{' if not written else ","
        written.add(digest)
        self._spool.add(name, (head + piece).encode())

    def _finish(self, name: str) -> None:
        if not self._spooled.setdefault(name, set()):
            self._spool.add(name, f'{{"code":{compact_json(self._code)},"files":{{'.encode())
        self._spool.add(name, b"}}")
        self._spool.commit(name)

    def remember_data(
        self, kind: str, digest: str, document: int, value: Any, places: Places
    ) -> None:
        """Keep the data of one record parsed again (no data was kept, or it was damaged),
        unless the run is ``cold``."""
        if self.cold:
            return
        name = data_name(kind, digest)
        shard = self._data.get(name)
        if shard is not None and str(document) in shard.get(digest, {}):
            return
        encoded = _encode_data(value, places)
        self._fresh_data.setdefault(name, {}).setdefault(digest, {})[str(document)] = encoded

    def write(self) -> None:
        """Write what this run learnt, keeping only the files the workspace holds now."""
        stale = [d for d in self._known if d not in self._current] if self._known else []
        touched = self._fresh_shards | {_shard(d, OUTCOMES_SHARDS) for d in stale}
        for digest, row in self._known.items():
            if digest in self._current and _shard(digest, OUTCOMES_SHARDS) in touched:
                self._add(outcomes_name(_shard(digest, OUTCOMES_SHARDS)), digest, row)
        for shard in sorted(touched):
            self._finish(outcomes_name(shard))
        for name in sorted({*self._spooled, *self._fresh_data} - set(map(outcomes_name, touched))):
            self._write_data(name)
        self._spool.abandon()  # every entry is committed by now: this lets the folder go

    @cached_property
    def _current(self) -> set[str]:
        """The digests of the files the workspace holds now, made only to sort what was kept
        before into held and gone: a first run keeps nothing before, and this table of every
        digest was 2 MiB at the peak of its memory at 50,000 records."""
        return set(self._digests.values())

    def checks_kept(self) -> None:
        """Note that the checks of this run's engine are kept (``engine.json``): until then a
        run under it is cold, since without the checks' findings every record is needed."""
        if self._engine_before != self._engine:
            self._store.write(ENGINE, {"engine": self._engine})

    def _write_data(self, name: str) -> None:
        """Finish entry ``name``: the data written during the run, then what it held before
        (for the files the workspace still holds), with records read again added."""
        old = self._data[name] if name in self._data else self._read(name)
        fresh = self._fresh_data.get(name, {})
        held = {d for d in old if d in self._current} if old else set()
        for digest in sorted(held | fresh.keys()):
            self._add(name, digest, {**old.get(digest, {}), **fresh.get(digest, {})})
        self._finish(name)

    def abandon(self) -> None:
        """Drop what was written of this run's data: nothing of it becomes an entry."""
        self._spool.abandon()


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
        (as_number(i), as_text(k), as_text(r), refs, _alone_from(alone))
        for i, k, r, refs, alone in row["records"]
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


def _alone_from(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        raise BadEntryError("expected an offset and a line")
    offset, line = as_number(value[0]), as_number(value[1])
    if offset < 0 or line < 0:
        raise BadEntryError("expected an offset and a line from 0")
    return offset, line


def _encode_data(value: Any, places: Places) -> list[Any]:
    return [value, base64.b64encode(places.code).decode(), list(places.keys)]


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

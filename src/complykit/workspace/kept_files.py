"""A loaded file kept in the cache, and restored from it: the cache's part of loading.

``workspace.open`` imports this module only for a run that uses the cache, so that a run
with ``--no-cache`` imports nothing of the cache (10 ms of start-up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from complykit.cache.outcomes import EntryRows, FileCache, FileOutcome, RecordRow
from complykit.core.errors import ComplykitError
from complykit.load.files import InsideReader
from complykit.load.parsing import read_hashed, read_raw
from complykit.load.positions import Places
from complykit.load.yaml_file import YamlFile, parse_document_at
from complykit.model.base import Record
from complykit.model.validate import try_record
from complykit.workspace import kept_references
from complykit.workspace.open import LoadedRecords
from complykit.workspace.repository import Entry, Kept


def remember(cache: FileCache, parsed: YamlFile, loaded: LoadedRecords) -> None:
    """Keep what loading ``parsed`` gave: its outcome, and its records' data and places.

    The outcome holds each record's references, encoded, and is made only when the cache is
    written, from the entries the run holds anyway (``give_entries``): by then the checks have
    walked them (a first run walked every record twice, once here and once for the REF
    checks), and where the checks ran on two cores the child that walked them writes the
    outcomes too (``FileCache.write_apart``).
    """
    documents = parsed.documents
    entries = loaded.entries
    alone = [documents[e.document].alone_from for e in entries]
    stopped = loaded.findings or loaded.invalid_ids or loaded.unread
    extras = (loaded.findings, loaded.invalid_ids, loaded.unread) if stopped else None
    data = [(e.document, e.kind, documents[e.document].data, e.places) for e in entries]
    cache.remember(parsed.path.as_posix(), alone, extras, data)


def give_entries(cache: FileCache, entries: Sequence[Entry]) -> None:
    """Every entry of the run, in the order their files were loaded: the records of the
    outcomes ``remember`` put off are read from them."""
    cache.take_entries(EntryRows(entries, _path_of, _row_of))


def _path_of(entry: Entry) -> str:
    return entry.path.as_posix()


def _row_of(entry: Entry) -> RecordRow:
    references = kept_references.encode(entry.references_once())
    return entry.document, entry.kind, entry.id, references


def restored(root: Path, rel: str, cache: FileCache) -> LoadedRecords | None:
    """The file at ``rel`` as the cache kept it, its records built when first read; None when
    the cache does not know it as it is now."""
    outcome = cache.outcome(rel)
    digest = cache.digest(rel)
    if outcome is None or digest is None:
        return None
    return _kept_records(root, PurePosixPath(rel), digest, outcome, cache)


def _kept_records(
    root: Path, rel: PurePosixPath, digest: str, outcome: FileOutcome, cache: FileCache
) -> LoadedRecords:
    kinds = tuple((index, kind) for index, kind, *_ in outcome.records)
    entries = tuple(
        Entry(
            None,
            rel,
            index,
            kept=Kept(
                kind,
                rid,
                _Restorer(root, rel, kind, digest, index, cache, kinds, alone_from),
                partial(kept_references.decode, refs),
            ),
        )
        for index, kind, rid, refs, alone_from in outcome.records
    )
    return LoadedRecords(entries, outcome.findings, outcome.invalid_ids, 1, outcome.unread)


@dataclass(frozen=True, slots=True)
class _Restorer:
    """Builds a record of a file restored from the cache, when a check first reads it."""

    root: Path
    path: PurePosixPath
    kind: str
    digest: str
    document: int
    cache: FileCache
    kinds: tuple[tuple[int, str], ...]
    """(document, kind) of every valid record of the file."""
    alone_from: tuple[int, int] | None
    """Where the record's document can be read alone in the file, if it can."""

    def __call__(self) -> tuple[Record, Places | None]:
        kept = self.cache.data(self.kind, self.digest, self.document)
        record = try_record(kept[0]) if kept is not None else None
        if kept is not None and record is not None:
            return record, kept[1]
        alone = self._read_alone()
        if alone is not None:
            return alone
        return self._read_whole()

    def _read_alone(self) -> tuple[Record, Places] | None:
        """The record read from its own document only: in a register kept 25 records to a
        file, the first edit after a first run (which keeps no record data) parsed 1,750
        documents for the hundred neighbours it built."""
        if self.alone_from is None:
            return None
        raw, digest = read_raw(self.root / self.path, InsideReader(self.root))
        if isinstance(raw, str) or not self.cache.read_as(self.path.as_posix(), digest):
            return None  # read whole, which says what went wrong
        read = parse_document_at(raw, self.alone_from)
        record = try_record(read[0]) if read is not None else None
        if read is None or record is None:
            return None
        self.cache.remember_data(self.kind, self.digest, self.document, *read)
        return record, read[1]

    def _read_whole(self) -> tuple[Record, Places | None]:
        # No data is kept (a cold run keeps none; an entry was removed, or failed its check,
        # which is a warning already): the file is parsed again, and its bytes are checked
        # against the hash this run began with, as those of every file parsed are.
        parsed, digest = read_hashed(self.root, self.root / self.path, InsideReader(self.root))
        self.cache.read_as(self.path.as_posix(), digest)
        documents = parsed.documents
        document = documents[self.document] if self.document < len(documents) else None
        record = try_record(document.data) if document is not None else None
        if document is None or record is None or document.places is None:
            raise ComplykitError(f"{self.path} changed while complykit read it; run it again")
        # Kept for every record of the file: the others of a multi-document file are built
        # from it later in this run, not by parsing the file once each.
        for index, kind in self.kinds:
            kept_document = documents[index] if index < len(documents) else None
            if kept_document is not None and kept_document.places is not None:
                self.cache.remember_data(
                    kind, self.digest, index, kept_document.data, kept_document.places
                )
        return record, document.places

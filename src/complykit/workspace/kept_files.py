"""A loaded file kept in the cache, and restored from it: the cache's part of loading.

``workspace.open`` imports this module only for a run that uses the cache, so that a run
with ``--no-cache`` imports nothing of the cache (10 ms of start-up).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path, PurePosixPath

from complykit.cache.outcomes import FileCache, FileOutcome
from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.load.files import InsideReader
from complykit.load.parsing import read_hashed, read_raw
from complykit.load.positions import Places
from complykit.load.yaml_file import YamlFile, decode_file, parse_document_in
from complykit.model.base import Record
from complykit.model.references import PERSON, named_values, reference_rows
from complykit.model.validate import try_record
from complykit.workspace import kept_references
from complykit.workspace.open import LoadedRecords
from complykit.workspace.repository import Entry, Kept


def remember(cache: FileCache, parsed: YamlFile, loaded: LoadedRecords) -> None:
    """Keep what loading ``parsed`` gave: its outcome, and its records' data and places."""
    outcome = FileOutcome(
        tuple(
            (
                e.document,
                e.kind,
                e.id,
                _encoded_references(e),
                parsed.documents[e.document].alone_from,
            )
            for e in loaded.entries
        ),
        loaded.findings,
        loaded.invalid_ids,
        loaded.unread,
    )
    documents = parsed.documents
    data = [(e.document, e.kind, documents[e.document].data, e.places) for e in loaded.entries]
    cache.remember(parsed.path.as_posix(), outcome, data)


def _encoded_references(entry: Entry) -> str:
    """The entry's references as the cache keeps them; the ids they name are left on the entry
    for the graph of the files (``validate.neighbours``), which would walk the record again."""
    found = entry.references_at_hand()
    if found is not None:
        return kept_references.encode(found)
    # Walked once and kept nowhere: kept, the references held 20 MiB more at the peak of a
    # first run at 50,000 records than a cold run, where only the checks' processes walk them.
    rows = reference_rows(entry.record)
    entry.named = named_values(rows, leaving_out=PERSON)
    return kept_references.encode_rows(rows)


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
    # Read once for all its records: not made for a file of one record (most files).
    shared = _FileText(root, rel) if len(kinds) > 1 else None
    entries = tuple(
        Entry(
            None,
            rel,
            index,
            kept=Kept(
                kind,
                rid,
                _Restorer(root, rel, kind, digest, index, cache, kinds, alone_from, shared),
                partial(kept_references.decode, refs),
            ),
        )
        for index, kind, rid, refs, alone_from in outcome.records
    )
    return LoadedRecords(entries, outcome.findings, outcome.invalid_ids, 1, outcome.unread)


@frozen
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
    shared: _FileText | None
    """The file's text, shared by its records (None for a file of one record)."""

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
        text, digest = (self.shared or _FileText(self.root, self.path)).read()
        if text is None or not self.cache.read_as(self.path.as_posix(), digest):
            return None  # read whole, which says what went wrong
        read = parse_document_in(text, self.alone_from)
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


class _FileText:
    """A file's text and content hash, read once for all of its records that are read alone.

    Kept in one file, a register of 600 suppliers was read, hashed and decoded again for each
    record that the first edit after a first run (which keeps no record data) built: 0.6 of
    its 2.5 s, at 5,000 records kept one file to a folder.
    """

    __slots__ = ("_read", "path", "root")

    def __init__(self, root: Path, path: PurePosixPath) -> None:
        self.root = root
        self.path = path
        self._read: tuple[str | None, str | None] | None = None

    def read(self) -> tuple[str | None, str | None]:
        """The text (None when unreadable or not UTF-8) and the hash of the bytes read."""
        if self._read is None:
            raw, digest = read_raw(self.root / self.path, InsideReader(self.root))
            self._read = (None if isinstance(raw, str) else decode_file(raw), digest)
        return self._read

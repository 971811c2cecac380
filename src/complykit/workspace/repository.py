"""The workspace as checks see it: valid records by id and kind, the config and the catalogs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from complykit.catalog.catalogset import CatalogSet
from complykit.core.frozen import frozen
from complykit.load.declared import UnreadRecord
from complykit.load.discover import CONFIG_FILENAME
from complykit.load.positions import Loc, Places
from complykit.load.roots import probe_inside
from complykit.model.base import Record
from complykit.model.config import WorkspaceConfig
from complykit.model.references import Marker, Reference, references
from complykit.model.suggestions import Suggester

if TYPE_CHECKING:
    from complykit.workspace.scope import KindSlice

RecordT = TypeVar("RecordT", bound=Record)
Listed = tuple[int, "Entry", RecordT]
"""A record with its entry and its place among the records of its kind, in file order."""
Summarise = Callable[[Any, CatalogSet], list[str]]
"""What a check over a whole kind needs of one record, from that record and the catalogs."""
SummarySource = Callable[["Repository", type[Record], Summarise], list[list[str]]]


def kind_of(model: type[Record]) -> str:
    """The ``kind`` a record model holds (its field is a one-value Literal)."""
    kind: str = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
    return kind


@frozen
class Kept:
    """A record the cache knows: its kind and id, how to build it, and its references."""

    kind: str
    id: str
    build: Callable[[], tuple[Record, Places | None]]
    """Builds the record, known to be valid, from the data the cache kept, with its places."""
    references: Callable[[], list[Reference]]
    """Decodes the references the cache kept; raises ValueError or TypeError when it cannot."""


class Entry:
    """A valid record and where it was written.

    A record restored from the cache is built on first use (``restore``): its kind and id are
    known without it, so a run whose checks read other kinds never builds it. ``digest`` is
    that of the record's text where it was parsed in this run from a file of several documents
    (``load.yaml_file.digests``), else None; ``start_line`` the line (from 0) that text starts
    on, where it starts a line, else None.
    """

    __slots__ = (
        "_kept",
        "_places",
        "_record",
        "_refs",
        "digest",
        "document",
        "id",
        "kind",
        "named",
        "path",
        "start_line",
    )

    def __init__(
        self,
        record: Record | None,
        path: PurePosixPath,
        document: int,
        places: Places | None = None,
        *,
        kept: Kept | None = None,
    ) -> None:
        self.path, self.document = path, document
        self.digest: str | None = None
        self.start_line: int | None = None
        self.named: tuple[str, ...] | None = None
        """The record ids it names, where a walk made for another purpose found them (a first
        run's copy for the cache): the graph of the files need not walk it again."""
        self._record, self._places, self._kept = record, places, kept
        self._refs: list[Reference] | None = None
        if record is not None:
            self.kind, self.id = record.kind, record.id
        elif kept is not None:
            self.kind, self.id = kept.kind, kept.id
        else:
            raise ValueError("an entry needs its record or what the cache kept of it")

    @property
    def record(self) -> Record:
        if self._record is None:
            self._build()
        return self._record  # type: ignore[return-value] # _build sets it

    @property
    def places(self) -> Places | None:
        """Where its values were written, from the bytes the loader read (or that the cache
        kept from when it read them)."""
        if self._record is None:
            self._build()
        return self._places

    @property
    def built(self) -> bool:
        """Whether the record exists yet (a restored one is built on first use)."""
        return self._record is not None

    def references(self) -> list[Reference]:
        """Every marked value in the record, walked once (or as the cache kept them)."""
        if self._refs is None:
            found = self.references_at_hand()
            # Shared with the other records' (one object per value and path), as they are kept;
            # copied to a list of their number (the walk's appends leave a third of it spare:
            # 2 MiB of the REF child at 50,000 records).
            self._refs = references(self.record)[:] if found is None else found
        return self._refs

    def references_at_hand(self) -> list[Reference] | None:
        """``references`` when they need no walk (walked before, or kept by the cache)."""
        if self._refs is not None:
            return self._refs
        return _decoded(self._kept) if self._kept is not None else None

    def _build(self) -> None:
        assert self._kept is not None  # noqa: S101 - set whenever no record was given
        self._record, self._places = self._kept.build()

    def __repr__(self) -> str:
        return f"Entry({self.kind} {self.id} at {self.path}#{self.document})"


def _decoded(kept: Kept) -> list[Reference] | None:
    try:
        return kept.references()
    except (TypeError, ValueError, KeyError):
        return None  # not what this version keeps: the record is walked instead


class Repository:
    """Records that passed schema validation; ids of those that did not, so none cascade.

    A plain class with slots rather than a dataclass: ``dataclasses`` imports ``inspect``
    (ast, dis, tokenize), 6-9 ms of every run, and nothing compares or copies repositories.
    """

    __slots__ = (
        "_by_kind",
        "_holding",
        "_in_scope",
        "_indexes",
        "_references",
        "_suggesters",
        "_summaries",
        "_typed",
        "as_of",
        "by_id",
        "catalogs",
        "config",
        "config_places",
        "entries",
        "invalid_ids",
        "parts",
        "probes",
        "root",
        "slices",
        "summary_source",
        "unread",
    )

    def __init__(  # noqa: PLR0913, PLR0917 - the parts of a workspace, in the order all callers give them
        self,
        root: Path,
        config: WorkspaceConfig,
        catalogs: CatalogSet,
        as_of: date,
        entries: Sequence[Entry],
        invalid_ids: frozenset[str] = frozenset(),
        unread: tuple[UnreadRecord, ...] = (),
        config_places: Places | None = None,
    ) -> None:
        self.root = root
        self.config = config
        self.catalogs = catalogs
        self.as_of = as_of
        self.entries = entries
        self.invalid_ids = invalid_ids
        self.unread = unread
        """Records that could not be read (YAML or schema errors), as far as their ids are
        known."""
        self.config_places = config_places
        self.by_id: dict[str, Entry] = {}
        self._by_kind: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            self.by_id.setdefault(entry.id, entry)
            self._by_kind[entry.kind].append(entry)
        self._references: list[tuple[Entry | None, list[Reference]]] | None = None
        self._holding: dict[type[Marker], list[tuple[Entry | None, list[Reference]]]] | None = None
        self._in_scope: frozenset[str] | None = None
        self._typed: dict[type[Record], list[tuple[Entry, Record]]] = {}
        self._indexes: dict[tuple[type[Record], str], dict[str, list[Listed[Record]]]] = {}
        self._suggesters: dict[tuple[str, ...], Suggester] = {}
        self.probes: dict[str, bool] = {}
        """The probes checks asked (``probe``: a file at this path? a folder?) and their
        answers: the cache asks them again."""
        self.slices: dict[frozenset[str], KindSlice] = {}
        """The records of some kinds, for the checks that read only those
        (``scope.scoped``)."""
        self.parts: dict[frozenset[PurePosixPath], Repository] = {}
        """The records of some files, for checks that judge each record alone
        (``scope.only_files``)."""
        self.summary_source: SummarySource | None = None
        """Gives ``summaries`` with those of unchanged files kept from an earlier run (the
        cache)."""
        self._summaries: dict[tuple[type[Record], Summarise], list[list[str]]] = {}

    def drop_lookups(self) -> None:
        """Let go of what the checks built to look records up: indexes, views by kind and by
        file, the walk of references, suggesters and summaries. The records stay. The views
        refer back to this repository, a cycle the collector, held off during a run, would
        keep alive to the end: at 50,000 records the cache's memos and the result were written
        beside them, 9 MiB more at the peak of a first run. Letting go of the records as well
        was measured to lower that peak no further, and freeing them took 0.1 s."""
        self._references = self._holding = None
        self._typed, self._indexes, self._suggesters, self._summaries = {}, {}, {}, {}
        self.slices, self.parts = {}, {}
        self.summary_source = None

    def in_scope(self, framework: str) -> bool:
        """Whether ``frameworks`` in complykit.yaml names this catalog id, or an alias of it."""
        if self._in_scope is None:
            found = (self.catalogs.framework(name) for name in self.config.frameworks)
            self._in_scope = frozenset(c.id for c in found if c is not None)
        return framework in self._in_scope

    def unread_of_kind(self, kinds: Sequence[str]) -> list[UnreadRecord]:
        """Unread records that are, or may be (kind unknown), of one of ``kinds``."""
        return [u for u in self.unread if u.kind is None or u.kind in kinds]

    def of_kind(self, kind: str) -> list[Entry]:
        return self._by_kind.get(kind, [])

    def records(self, model: type[RecordT]) -> list[tuple[Entry, RecordT]]:
        """Entries whose record is of ``model``, typed, in file order.

        Listed once per run (some hundred rules ask); each caller gets its own copy to keep.
        """
        listed = self._typed.get(model)
        if listed is None:
            listed = [
                (e, e.record) for e in self.of_kind(kind_of(model)) if isinstance(e.record, model)
            ]
            self._typed[model] = listed
        return list(listed)  # type: ignore[arg-type]

    def summaries(
        self, model: type[RecordT], summarise: Callable[[RecordT, CatalogSet], list[str]]
    ) -> list[list[str]]:
        """``summarise`` of each record of ``model``, in file order, once per run.

        For checks over a whole kind ("the register has a controller activity that transfers
        data out of the EEA"): ``summarise`` must read the one record and the catalogs alone,
        so the cache can keep its texts for unchanged files and build none of their records.
        """
        key = (model, summarise)
        found = self._summaries.get(key)
        if found is None:
            source = self.summary_source
            if source is None:
                found = [summarise(record, self.catalogs) for _, record in self.records(model)]
            else:
                found = source(self, model, summarise)
            self._summaries[key] = found
        return found

    def index_by(self, model: type[RecordT], field: str) -> dict[str, list[Listed[RecordT]]]:
        """Records of ``model`` by the value of ``field`` (a text or a list of texts), each with
        its place in file order: "which activities name this AI system" in one look-up instead
        of a scan of every activity per system. Built once per run and field."""
        index = self._indexes.get((model, field))
        if index is None:
            index = defaultdict(list)
            for place, (entry, record) in enumerate(self.records(model)):
                value = getattr(record, field)
                for key in dict.fromkeys(value) if isinstance(value, list) else (value,):
                    index[key].append((place, entry, record))
            self._indexes[model, field] = index
        return index  # type: ignore[return-value]

    def references(self) -> Iterator[tuple[Entry | None, Reference]]:
        """Every marked value in the config (entry None) and every record, walked once."""
        return ((entry, r) for entry, found in self._walked() for r in found)

    def references_to(self, marker: type[Marker]) -> Iterator[tuple[Entry | None, Reference]]:
        """``references`` whose marker is a ``marker`` (a country, a control list, evidence, a
        record): each check reads the records that hold such a reference, not every other
        one. At 50,000 records six checks each passed over half a million references, 0.4 s
        of the slower core's work; a list per marker type of the walk's own pairs costs a
        pointer per record that holds one."""
        if self._holding is None:
            holding: dict[type[Marker], list[tuple[Entry | None, list[Reference]]]] = {}
            for pair in self._walked():
                for held in {type(r.marker) for r in pair[1]}:
                    holding.setdefault(held, []).append(pair)
            self._holding = holding
        for entry, found in self._holding.get(marker, ()):
            for reference in found:
                if type(reference.marker) is marker:
                    yield entry, reference

    def _walked(self) -> list[tuple[Entry | None, list[Reference]]]:
        if self._references is None:
            # Kept per record, not as one pair per reference: a tuple less for each of them.
            walked: list[tuple[Entry | None, list[Reference]]] = [(None, references(self.config))]
            walked.extend((e, found) for e in self.entries if (found := e.references()))
            self._references = walked
        return self._references

    @property
    def person_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.config.people)

    def probe(self, probe: str) -> bool:
        """Whether ``probe`` holds: a path names a file of the workspace, or with a "/" after
        it a folder (a link leading out of it names nothing: see ``load.roots.probe_inside``);
        remembered so a cached result can ask again."""
        found = probe_inside(str(self.root), probe)
        self.probes[probe] = found
        return found

    def is_file(self, relative: PurePosixPath) -> bool:
        return self.probe(relative.as_posix())

    def is_folder(self, relative: PurePosixPath) -> bool:
        return self.probe(f"{relative.as_posix()}/")

    def suggest_id(self, word: str, kinds: tuple[str, ...]) -> str | None:
        """'Did you mean' among the people (kinds ``("person",)``) or records of ``kinds`` (any
        kind when empty). Checks with many words to place ask ``suggest_ids`` once."""
        return self.suggest_ids([(word, kinds)])[word, kinds]

    def suggest_ids(
        self, asked: Iterable[tuple[str, tuple[str, ...]]]
    ) -> dict[tuple[str, tuple[str, ...]], str | None]:
        """``suggest_id`` for many (word, kinds) at once: the ids of each kind are read once
        for all the words, however many references are broken."""
        by_kinds: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        for word, kinds in asked:
            by_kinds[kinds].add(word)
        hints: dict[tuple[str, tuple[str, ...]], str | None] = {}
        for kinds, words in by_kinds.items():
            found = self._suggester(kinds).suggest_many(words)
            hints.update(((word, kinds), found[word]) for word in words)
        return hints

    def _suggester(self, kinds: tuple[str, ...]) -> Suggester:
        suggester = self._suggesters.get(kinds)
        if suggester is None:
            if kinds == ("person",):
                options: list[str] = list(self.person_ids)
            else:
                options = [e.id for e in self.id_table() if not kinds or e.kind in kinds]
            suggester = self._suggesters[kinds] = Suggester(options)
        return suggester

    def id_table(self) -> Sequence[Entry]:
        """The entries ids are looked up among (``by_id``, hints): the records themselves here;
        a view of some records near a change looks ids up in the whole workspace."""
        return self.entries

    def locate(self, where: Entry | None, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """Line and column of ``loc`` in a record (``where`` None: in complykit.yaml), from the
        places the loader recorded while it read the file (or that the parsed-file cache kept
        from when it did). No file is read again: one edited since cannot move a finding."""
        places = self.config_places if where is None else where.places
        return (1, 1) if places is None else places.locate(loc, at_key=at_key)

    def config_path(self) -> PurePosixPath:
        return PurePosixPath(CONFIG_FILENAME)

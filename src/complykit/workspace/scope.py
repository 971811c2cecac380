"""The repository as one check sees it: only the record kinds the check declared it reads.

A check's findings may be kept and reused while the files holding records of its kinds are
unchanged, so what it sees must be a function of those records alone (plus the config, the
catalogs and the day). The view makes that true by construction rather than by trust: asking
for a kind by name (``records``, ``of_kind``, ``index_by``, ``unread_of_kind``,
``suggest_ids``) that was not declared raises ``UndeclaredKindError`` (a bug in the
declaration, exit 3), and everything that spans kinds (``entries``, ``by_id``,
``references``, ``unread``, ``invalid_ids``) holds only records of the declared kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import PurePosixPath

from complykit.catalog.catalogset import CatalogSet
from complykit.core.frozen import frozen
from complykit.load.declared import UnreadRecord
from complykit.workspace.repository import Entry, Listed, RecordT, Repository, kind_of

EVERY_KIND = "*"
"""In ``reads``: the check reads records of every kind (it then sees the whole repository)."""


class UndeclaredKindError(RuntimeError):
    """A check asked for records of a kind it does not declare in ``reads``."""


@frozen
class KindSlice:
    """What spans kinds, restricted to some kinds; shared by every view over the same kinds."""

    entries: tuple[Entry, ...]
    by_id: dict[str, Entry]
    unread: tuple[UnreadRecord, ...]
    table: Sequence[Entry]
    """The entries of the kinds that ids are looked up among (``Repository.id_table``)."""


def _slice(repo: Repository, kinds: frozenset[str]) -> KindSlice:
    entries = tuple(e for e in repo.entries if e.kind in kinds)
    whole = repo.id_table()
    table = entries if whole is repo.entries else tuple(e for e in whole if e.kind in kinds)
    by_id: dict[str, Entry] = {}
    for entry in table:
        by_id.setdefault(entry.id, entry)  # the first in file order wins, as in the whole
    unread = tuple(u for u in repo.unread if u.kind is None or u.kind in kinds)
    return KindSlice(entries, by_id, unread, table)


class ScopedRepository(Repository):
    """``base`` restricted to the record kinds ``reads``; paths and probes go to ``base``."""

    __slots__ = ("_base", "_table", "reads")

    def __init__(self, base: Repository, reads: frozenset[str], cut: KindSlice) -> None:
        # Not Repository.__init__: the fields are the base's, shared, not built again.
        self._base = base
        self.reads = reads
        self.root, self.config, self.catalogs = base.root, base.config, base.catalogs
        self.as_of, self.config_places = base.as_of, base.config_places
        self.entries, self.by_id, self.unread = cut.entries, cut.by_id, cut.unread
        self._table = cut.table
        self.invalid_ids = frozenset(u.id for u in cut.unread) & base.invalid_ids
        self._by_kind, self._typed, self._indexes = base._by_kind, base._typed, base._indexes  # noqa: SLF001 - memos of records by kind: the same for every view
        self._references, self._holding, self._in_scope = None, None, None
        self._suggesters = {}
        self.probes = {}

    def id_table(self) -> Sequence[Entry]:
        return self._table

    def _allow(self, kinds: Iterable[str]) -> None:
        for kind in kinds:
            if kind != "person" and kind not in self.reads:
                raise UndeclaredKindError(
                    f"a check that reads {sorted(self.reads)} asked for records of kind {kind!r}"
                )

    def of_kind(self, kind: str) -> list[Entry]:
        self._allow((kind,))
        return super().of_kind(kind)

    def records(self, model: type[RecordT]) -> list[tuple[Entry, RecordT]]:
        self._allow((kind_of(model),))
        return super().records(model)

    def index_by(self, model: type[RecordT], field: str) -> dict[str, list[Listed[RecordT]]]:
        self._allow((kind_of(model),))
        return super().index_by(model, field)

    def summaries(
        self, model: type[RecordT], summarise: Callable[[RecordT, CatalogSet], list[str]]
    ) -> list[list[str]]:
        self._allow((kind_of(model),))
        return self._base.summaries(model, summarise)  # the kind whole, as the base has it

    def unread_of_kind(self, kinds: Sequence[str]) -> list[UnreadRecord]:
        self._allow(kinds)
        return super().unread_of_kind(kinds)

    def suggest_ids(
        self, asked: Iterable[tuple[str, tuple[str, ...]]]
    ) -> dict[tuple[str, tuple[str, ...]], str | None]:
        asked = list(asked)
        for _, kinds in asked:
            self._allow(kinds or (EVERY_KIND,))
        return super().suggest_ids(asked)

    def probe(self, probe: str) -> bool:
        found = self._base.probe(probe)  # the base may answer for another tree (diff)
        self.probes[probe] = found
        return found


def scoped(repo: Repository, reads: frozenset[str]) -> Repository:
    """The view of ``repo`` for a check that reads ``reads``: ``repo`` itself for every kind.

    Each call gives a view with its own ``probes``, so the paths one check asked about are
    known apart from the others'; the records of the kinds are listed once per set of kinds.
    """
    if EVERY_KIND in reads:
        return repo
    cut = repo.slices.get(reads)
    if cut is None:
        cut = repo.slices[reads] = _slice(repo, reads)
    return ScopedRepository(repo, reads, cut)


def only_files(repo: Repository, paths: Collection[PurePosixPath]) -> Repository:
    """The records written in ``paths`` alone, for checks that judge each record on its own.

    Made once per set of paths and shared by those checks; paths are asked about in ``repo``.
    """
    key = frozenset(paths)
    part = repo.parts.get(key)
    if part is None:
        entries = [e for e in repo.entries if e.path in key]
        unread = tuple(u for u in repo.unread if u.path in key)
        invalid = frozenset(u.id for u in unread) & repo.invalid_ids
        part = repo.parts[key] = _Part(repo, entries, invalid, unread)
    return part


def near(repo: Repository, ids: Collection[str]) -> Repository:
    """The records whose id is one of ``ids``, for checks that judge each record with its
    neighbours (``Check.local``): ids are still looked up in the whole of ``repo`` (``by_id``,
    unread records, hints), but only these records are listed, in file order."""
    entries = [e for e in repo.entries if e.id in ids]
    return _Near(repo, entries)


class _Part(Repository):
    """A repository of some of ``base``'s files; probes go to ``base`` (it may answer for
    another tree, as diff's does)."""

    __slots__ = ("_whole",)

    def __init__(
        self,
        base: Repository,
        entries: Sequence[Entry],
        invalid: frozenset[str],
        unread: tuple[UnreadRecord, ...],
    ) -> None:
        super().__init__(
            base.root,
            base.config,
            base.catalogs,
            base.as_of,
            entries,
            invalid,
            unread,
            base.config_places,
        )
        self._whole = base

    def probe(self, probe: str) -> bool:
        found = self._whole.probe(probe)
        self.probes[probe] = found
        return found


class _Near(_Part):
    """Some of ``base``'s records, looking ids up in all of them; probes go to ``base``."""

    __slots__ = ()

    def __init__(self, base: Repository, entries: Sequence[Entry]) -> None:
        super().__init__(base, entries, base.invalid_ids, base.unread)
        self.by_id = base.by_id

    def id_table(self) -> Sequence[Entry]:
        return self._whole.id_table()

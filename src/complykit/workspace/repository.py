"""The workspace as checks see it: valid records by id and kind, the config and the catalogs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TypeVar

from complykit.catalog.catalogset import CatalogSet
from complykit.load.declared import UnreadRecord
from complykit.load.discover import CONFIG_FILENAME
from complykit.load.positions import Loc, locate
from complykit.load.yaml_file import YamlFile, parse_yaml
from complykit.model.base import Record
from complykit.model.config import WorkspaceConfig
from complykit.model.references import Reference, references
from complykit.model.suggestions import Suggester

RecordT = TypeVar("RecordT", bound=Record)


@dataclass(frozen=True, slots=True)
class Entry:
    """A valid record and where it was written."""

    record: Record
    path: PurePosixPath
    document: int


@dataclass(slots=True)
class Repository:
    """Records that passed schema validation; ids of those that did not, so none cascade."""

    root: Path
    config: WorkspaceConfig
    catalogs: CatalogSet
    as_of: date
    entries: Sequence[Entry]
    invalid_ids: frozenset[str] = frozenset()
    unread: tuple[UnreadRecord, ...] = ()
    """Records that could not be read (YAML or schema errors), as far as their ids are known."""
    by_id: dict[str, Entry] = field(init=False)
    _by_kind: dict[str, list[Entry]] = field(init=False)
    _parsed: dict[PurePosixPath, YamlFile] = field(init=False, default_factory=dict)
    _references: list[tuple[Entry | None, Reference]] | None = field(init=False, default=None)
    _in_scope: frozenset[str] | None = field(init=False, default=None)
    _suggesters: dict[tuple[str, ...], Suggester] = field(init=False, default_factory=dict)
    probes: dict[str, bool] = field(init=False, default_factory=dict)
    """Workspace paths that checks asked about, and whether they existed: the cache re-asks."""

    def __post_init__(self) -> None:
        self.by_id = {}
        self._by_kind = defaultdict(list)
        for entry in self.entries:
            self.by_id.setdefault(entry.record.id, entry)
            self._by_kind[entry.record.kind].append(entry)

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
        """Entries whose record is of ``model``, typed, in file order."""
        kind = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
        return [(e, e.record) for e in self.of_kind(kind) if isinstance(e.record, model)]

    def references(self) -> list[tuple[Entry | None, Reference]]:
        """Every marked value in the config (entry None) and every record, walked once."""
        if self._references is None:
            found: list[tuple[Entry | None, Reference]] = [
                (None, r) for r in references(self.config)
            ]
            found.extend((e, r) for e in self.entries for r in references(e.record))
            self._references = found
        return self._references

    @property
    def person_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.config.people)

    def exists(self, relative: PurePosixPath) -> bool:
        """Whether a path in the workspace exists, remembered so a cached result can re-check."""
        found = (self.root / relative).exists()
        self.probes[relative.as_posix()] = found
        return found

    def suggest_id(self, word: str, kinds: tuple[str, ...]) -> str | None:
        """'Did you mean' among the people (kinds ``("person",)``) or records of ``kinds`` (any
        kind when empty); indexed once per run, however many references are broken."""
        suggester = self._suggesters.get(kinds)
        if suggester is None:
            if kinds == ("person",):
                options: list[str] = list(self.person_ids)
            else:
                options = [e.record.id for e in self.entries if not kinds or e.record.kind in kinds]
            suggester = self._suggesters[kinds] = Suggester(options)
        return suggester.suggest(word)

    def position(
        self, path: PurePosixPath, document: int, loc: Loc, *, at_key: bool = False
    ) -> tuple[int, int]:
        """Line and column of ``loc`` in a file, re-reading it only when a finding needs it."""
        parsed = self._parsed.get(path)
        if parsed is None:
            parsed = parse_yaml(path, (self.root / path).read_bytes())
            self._parsed[path] = parsed
        if document >= len(parsed.documents):
            return 1, 1
        return locate(parsed.documents[document].node, loc, at_key=at_key)

    def config_path(self) -> PurePosixPath:
        return PurePosixPath(CONFIG_FILENAME)

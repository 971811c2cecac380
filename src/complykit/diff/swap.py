"""The base side of a diff built from the head's: the records of unchanged files are shared,
the changed files are swapped for the base's versions, read from a scratch folder.

What the full load of the base would give, without reading, validating or writing the files the
change did not touch: entries and unread records keep discovery's order (a duplicate id keeps
the same winner), and findings, positions and evidence paths answer as the base tree would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from complykit.core.findings import Finding
from complykit.diff.changed import Plan
from complykit.load.declared import UnreadRecord
from complykit.load.positions import Loc
from complykit.load.tree import TreeEntry
from complykit.load.yaml_file import YamlFile, parse_yaml
from complykit.workspace.open import LoadedRecords, OpenedWorkspace
from complykit.workspace.repository import Repository


@dataclass(slots=True)
class SwappedRepository(Repository):
    """A repository whose files are the head's, except ``swapped`` ones, read from ``scratch``.

    ``tree`` holds every file and folder of the base revision, for ``exists``.
    """

    scratch: Path = field(default_factory=Path)
    swapped: frozenset[PurePosixPath] = frozenset()
    tree: frozenset[PurePosixPath] = frozenset()
    _read: dict[PurePosixPath, YamlFile] = field(default_factory=dict)

    def exists(self, relative: PurePosixPath) -> bool:
        found = relative in self.tree
        self.probes[relative.as_posix()] = found
        return found

    def position(
        self, path: PurePosixPath, document: int, loc: Loc, *, at_key: bool = False
    ) -> tuple[int, int]:
        parsed = self._read.get(path)
        if parsed is None:
            folder = self.scratch if path in self.swapped else self.root
            parsed = self._read[path] = parse_yaml(path, (folder / path).read_bytes())
        if document >= len(parsed.documents):
            return 1, 1
        places = parsed.documents[document].places
        return (1, 1) if places is None else places.locate(loc, at_key=at_key)


@dataclass(frozen=True, slots=True)
class SwappedBase:
    repo: Repository
    findings: tuple[Finding, ...]
    """The loading findings, before rules and waivers."""


def swap(
    head: OpenedWorkspace,
    plan: Plan,
    base: Sequence[TreeEntry],
    swapped_in: LoadedRecords,
    scratch: Path,
) -> SwappedBase | None:
    """The base: ``head`` without the files ``plan`` drops, with ``swapped_in`` (the base's
    versions, loaded from ``scratch``). None when the head's invalid ids cannot be told apart
    by file, so that the base's could be wrong."""
    repo = head.repo
    if repo is None or _invalid_ids(repo.unread, head.findings) != repo.invalid_ids:
        return None
    dropped = plan.dropped
    kept_unread = [u for u in repo.unread if u.path not in dropped]
    kept_findings = [f for f in head.findings if f.path not in dropped]
    entries = sorted(
        [*(e for e in repo.entries if e.path not in dropped), *swapped_in.entries],
        key=lambda e: (discovery_order(e.path), e.document),
    )
    unread = sorted([*kept_unread, *swapped_in.unread], key=lambda u: discovery_order(u.path))
    based = SwappedRepository(
        repo.root,
        repo.config,
        repo.catalogs,
        repo.as_of,
        entries,
        _invalid_ids(kept_unread, kept_findings) | swapped_in.invalid_ids,
        tuple(unread),
        scratch=scratch,
        swapped=frozenset(e.path for e in plan.swapped_in),
        tree=_tree(base),
    )
    return SwappedBase(based, (*kept_findings, *swapped_in.findings))


def discovery_order(path: PurePosixPath) -> tuple[tuple[int, str], ...]:
    """Where discovery lists ``path``: in each folder its files by name, then its subfolders."""
    *folders, name = path.parts
    return (*((1, folder) for folder in folders), (0, name))


def _invalid_ids(unread: Iterable[UnreadRecord], findings: Iterable[Finding]) -> frozenset[str]:
    """The ids loading could not validate: those named unread, or by a loading finding."""
    named = {u.id for u in unread}
    return frozenset(named.union(f.record for f in findings if f.record is not None))


def _tree(base: Sequence[TreeEntry]) -> frozenset[PurePosixPath]:
    found = {PurePosixPath()}
    for entry in base:
        found.add(entry.path)
        found.update(entry.path.parents)
    return frozenset(found)

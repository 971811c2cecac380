"""The base side of a diff built from the head's: the records of unchanged files are shared,
the changed files are swapped for the base's versions, read from a scratch folder.

What the full load of the base would give, without reading, validating or writing the files the
change did not touch: entries and unread records keep discovery's order (a duplicate id keeps
the same winner), and findings, positions and evidence paths answer as the base tree would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any

from complykit.core.findings import Finding
from complykit.core.frozen import frozen
from complykit.diff.changed import Plan
from complykit.load.declared import UnreadRecord
from complykit.load.tree import TreeEntry
from complykit.workspace.open import LoadedRecords, OpenedWorkspace
from complykit.workspace.repository import Repository


class SwappedRepository(Repository):
    """A repository whose paths exist as in the base tree (``tree``: every file and folder of
    the base revision, as the probes that hold there), not as in the head's folder it was
    loaded from.

    Positions need nothing of the kind: each entry carries the places its loader recorded,
    from the head's bytes for a shared file and from the base's for a swapped one.
    """

    __slots__ = ("tree",)

    def __init__(self, tree: frozenset[str], *parts: Any) -> None:
        """``tree``, then what ``Repository`` is made of, in its order."""
        super().__init__(*parts)
        self.tree = tree

    def probe(self, probe: str) -> bool:
        found = probe in self.tree
        self.probes[probe] = found
        return found


@frozen
class SwappedBase:
    repo: Repository
    findings: tuple[Finding, ...]
    """The loading findings, before rules and waivers."""


def swap(
    head: OpenedWorkspace,
    plan: Plan,
    base: Sequence[TreeEntry],
    swapped_in: LoadedRecords,
) -> SwappedBase | None:
    """The base: ``head`` without the files ``plan`` drops, with ``swapped_in`` (the base's
    versions, loaded from a scratch folder). None when the head's invalid ids cannot be told apart
    by file, so that the base's could be wrong."""
    repo = head.repo
    if repo is None or _invalid_ids(repo.unread, head.findings) != repo.invalid_ids:
        return None
    dropped = plan.dropped
    kept_unread = [u for u in repo.unread if u.path not in dropped]
    kept_findings = [f for f in head.findings if f.path not in dropped]
    order = _Order()
    entries = sorted(
        [*(e for e in repo.entries if e.path not in dropped), *swapped_in.entries],
        key=lambda e: (order.of(e.path), e.document),
    )
    unread = sorted([*kept_unread, *swapped_in.unread], key=lambda u: order.of(u.path))
    based = SwappedRepository(
        _tree(base),
        repo.root,
        repo.config,
        repo.catalogs,
        repo.as_of,
        entries,
        _invalid_ids(kept_unread, kept_findings) | swapped_in.invalid_ids,
        tuple(unread),
        repo.config_places,  # the config is the same on both sides, or there is no swap
    )
    return SwappedBase(based, (*kept_findings, *swapped_in.findings))


def discovery_order(path: PurePosixPath) -> tuple[tuple[int, str], ...]:
    """Where discovery lists ``path``: in each folder its files by name, then its subfolders."""
    *folders, name = path.parts
    return (*((1, folder) for folder in folders), (0, name))


class _Order:
    """``discovery_order`` computed once per file, not once per record of it."""

    def __init__(self) -> None:
        self._known: dict[PurePosixPath, tuple[tuple[int, str], ...]] = {}

    def of(self, path: PurePosixPath) -> tuple[tuple[int, str], ...]:
        found = self._known.get(path)
        if found is None:
            found = self._known[path] = discovery_order(path)
        return found


def _invalid_ids(unread: Iterable[UnreadRecord], findings: Iterable[Finding]) -> frozenset[str]:
    """The ids loading could not validate: those named unread, or by a loading finding."""
    named = {u.id for u in unread}
    return frozenset(named.union(f.record for f in findings if f.record is not None))


def _tree(base: Sequence[TreeEntry]) -> frozenset[str]:
    """The probes that hold in ``base`` (``load.roots.probe_inside``): every file as its posix
    path, and every folder above one with a "/" after it, "./" for the top."""
    found = {"./"}
    for entry in base:
        path = entry.path.as_posix()
        found.add(path)
        while (folder := f"{path.rpartition('/')[0] or '.'}/") not in found:
            found.add(folder)
            path = folder[:-1]
    return frozenset(found)

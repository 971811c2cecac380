"""Which records a change of files can reach, for checks that judge a record with its neighbours.

A check declared ``local`` judges each record from that record and the records it names or
that name it (through reference fields, by id). When files change, the verdict on a record can
change only when the record is in a changed file (as it was, or as it is), when it names an id
that a changed file held or holds, or when a changed file's record named it or names it: those
are the *affected* records. Each is judged again on a view holding it with all its neighbours
(``workspace.scope.near``); every other record keeps its findings.

What each file's records name is kept from the previous run as a small graph, so finding the
records that name a changed id reads no record and decodes no reference.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from complykit.model.references import PERSON, referred_values
from complykit.model.types import RefTo
from complykit.workspace.repository import Entry, Repository

Row = tuple[str, str, list[str], str | None, int | None]
"""A record as (id, kind, ids it names, digest of its text or None: ``Entry.digest``, the
line its text starts on or None: ``Entry.start_line``)."""
FileRow = tuple[list[Row], list[str]]
"""One file's records, and the ids of its unread records."""
Graph = dict[str, FileRow]
"""Files by path."""


def named_ids(entry: Entry) -> list[str]:
    """The record ids an entry names through reference fields, once each (people are not
    records: they live in the config, which every check's key holds)."""
    if entry.named is not None:
        return list(entry.named)
    found = entry.references_at_hand()
    named = (
        referred_values(entry.record, leaving_out=PERSON)
        if found is None
        else (r.value for r in found if isinstance(r.marker, RefTo) and r.marker.kinds != PERSON)
    )
    return list(dict.fromkeys(v for v in named if isinstance(v, str)))


def current(before: Graph | None, repo: Repository, changed: Collection[str]) -> Graph:
    """The graph of the repository's files now: the rows of files unchanged since ``before``
    are kept (no record is read for them), the others are made from the repository."""
    return dict(file_rows(before, repo, changed))


def file_rows(
    before: Graph | None, repo: Repository, changed: Collection[str]
) -> Iterator[tuple[str, FileRow]]:
    """``current`` one file at a time, in path order, for a graph written without being held."""
    unread: dict[str, list[str]] = {}
    for record in repo.unread:
        unread.setdefault(record.path.as_posix(), []).append(record.id)
    for path, entries in _entries_by_file(repo.entries, unread.keys()):
        kept = before.get(path) if before is not None and path not in changed else None
        yield path, kept or _file_row(entries, unread.get(path, []))


def _entries_by_file(
    entries: Iterable[Entry], other_paths: Iterable[str]
) -> Iterator[tuple[str, list[Entry]]]:
    """Each file's entries, in path order with ``other_paths`` among them (with none), made one
    file at a time: a table of every file's entries was 3 MiB at the peak of a first run's
    memory at 50,000 records. The sort is stable, so a file's records keep their order."""
    grouped = (
        (path, list(group)) for path, group in groupby(sorted(entries, key=_path), key=_path)
    )
    others: Iterator[tuple[str, list[Entry]]] = ((path, []) for path in sorted(other_paths))
    merged = heapq.merge(grouped, others, key=itemgetter(0))
    for path, pairs in groupby(merged, key=itemgetter(0)):
        yield path, [entry for _, found in pairs for entry in found]


def _path(entry: Entry) -> str:
    return entry.path.as_posix()


def _file_row(entries: list[Entry], unread: list[str]) -> FileRow:
    return [(e.id, e.kind, named_ids(e), e.digest, e.start_line) for e in entries], unread


def encoded(rows: Iterable[tuple[str, FileRow]]) -> Iterator[tuple[str, list[Any]]]:
    """The graph's rows as (path, JSON row) pairs, one file at a time (``decode`` reads them
    back)."""
    return ((path, [[_encoded(r) for r in records], unread]) for path, (records, unread) in rows)


def _encoded(row: Row) -> list[Any]:
    rid, kind, named, digest, line = row
    if digest is None:
        return [rid, kind, named]
    return [rid, kind, named, digest] if line is None else [rid, kind, named, digest, line]


def decode(body: Any) -> Graph | None:
    """The graph kept in a cache entry, or None when it is not what ``encode`` writes."""
    if not isinstance(body, dict):
        return None
    graph: Graph = {}
    try:
        for path, (rows, unread) in body.items():
            graph[path] = ([_row(r) for r in rows], _texts(unread))
    except (TypeError, ValueError):
        return None
    return graph


def _row(row: Any) -> Row:
    rid, kind, named, *rest = row
    if type(rid) is not str or type(kind) is not str:
        raise TypeError("a record's id and kind are texts")
    digest, line = (*rest, None, None)[:2]
    if len(rest) > 2 or (digest is not None and type(digest) is not str):
        raise TypeError("a record's digest is one text")
    if line is not None and (type(line) is not int or line < 0):
        raise TypeError("a record's first line is a number")
    return rid, kind, _texts(named), digest, line


def _texts(value: Any) -> list[str]:
    # map() keeps the loop in C: this checks every id of the graph on every run.
    if type(value) is not list or not all(map(_is_text, value)):
        raise TypeError("expected a list of texts")
    return value


def _is_text(value: object) -> bool:
    return type(value) is str


class Reach:
    """The records a change reaches, from the graphs of the files before and after it.

    Two records are neighbours when one names the other (either way). A check that is local
    within ``radius`` judges a record from the records at most ``radius`` steps away, through
    records of the kinds it reads (it sees no other). Such a record's verdict can move only
    when a record of a changed file, as it was or as it is, lies within that distance; each
    of those *affected* records is judged again on a view holding everything within
    ``radius`` of it. Steps are taken over the union of the graphs before and after the
    change, so a link that the change removed still counts: more records are judged again,
    never fewer.
    """

    def __init__(self, before: Graph, now: Graph, changed: Collection[str]) -> None:
        self.changed = frozenset(changed)
        paths = sorted(self.changed)
        self._old = [before.get(p, ([], [])) for p in paths]
        new = [now.get(p, ([], [])) for p in paths]
        self._now = now
        self.touched = frozenset(
            rid for rows, unread in (*self._old, *new) for rid in (*unread, *(r[0] for r in rows))
        )
        """Ids of the records, read or not, that a changed file held or holds."""
        self.rewritten, self.shifts = _compared(paths, self._old, new)
        """``rewritten``: those of ``touched`` whose data may have changed; the others only moved
        within their file (an edit of another record of it), and nothing they reach is judged
        again. ``shifts``: for each of those others, the lines its text moved by: its findings
        are the same, that many lines further down (up, when negative)."""
        self.ids_moved = _ids(self._old) != _ids(new)
        """Whether ids appeared or vanished: hints that look at every id may change anywhere."""
        self._links: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None
        self._balls: dict[tuple[frozenset[str], frozenset[str] | None, int], frozenset[str]] = {}

    def _graph(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Each id's neighbours (named or naming, either way) and kinds, made on first use."""
        if self._links is None:
            near: defaultdict[str, set[str]] = defaultdict(set)
            kinds: defaultdict[str, set[str]] = defaultdict(set)
            for rows, _ in (*self._now.values(), *self._old):
                for rid, kind, named, *_ in rows:
                    kinds[rid].add(kind)
                    near[rid].update(named)
                    for target in named:
                        near[target].add(rid)
            self._links = near, kinds
        return self._links

    def ball(
        self, ids: frozenset[str], kinds: frozenset[str] | None, radius: int
    ) -> frozenset[str]:
        """``ids`` and every id within ``radius`` steps of them through records of ``kinds``
        (None: every kind)."""
        key = (ids, kinds, radius)
        known = self._balls.get(key)
        if known is None:
            near, held = self._graph()

            def passable(rid: str) -> bool:
                # An id no valid record holds (unread, or named but missing) passes too: a
                # check sees it through ``by_id`` and ``invalid_ids``.
                of = held.get(rid)
                return kinds is None or not of or not kinds.isdisjoint(of)

            found, edge = set(ids), set(ids)
            for _ in range(radius):
                step = {
                    other
                    for rid in edge
                    if passable(rid)
                    for other in near.get(rid, ())
                    if passable(other)
                }
                edge = step - found
                found |= edge
            known = self._balls[key] = frozenset(found)
        return known


def _compared(
    paths: Sequence[str], old: Sequence[FileRow], new: Sequence[FileRow]
) -> tuple[frozenset[str], dict[str, int]]:
    """The ids in the changed files ``paths`` whose record may differ between ``old`` and
    ``new`` (the files' rows, in the order of ``paths``), and how many lines each of the others
    moved by. A record may differ when it is unread, held on one side only or more than once,
    or in another file, or when its row differs (but for the line it starts on) or has no
    digest (a file of one document, or a record restored from the cache) or no first line (its
    text starts after other text on its line)."""
    before, after = _row_by_id(paths, old), _row_by_id(paths, new)
    rewritten = {rid for _, unread in (*old, *new) for rid in unread}
    shifts: dict[str, int] = {}
    for rid in before.keys() | after.keys():
        lines = _lines_moved(before.get(rid), after.get(rid))
        if lines is None or rid in rewritten:
            rewritten.add(rid)
        else:
            shifts[rid] = lines
    return frozenset(rewritten), shifts


def _lines_moved(held: tuple[str, Row] | None, holds: tuple[str, Row] | None) -> int | None:
    """The lines a record held once before and once now, in the same file, with the same text
    (and so the same data) starting a line both times, moved by; None for any other."""
    if held is None or holds is None or held[0] != holds[0]:
        return None
    (*was, line_was), (*now, line_now) = held[1], holds[1]
    if was[3] is None or line_was is None or line_now is None or was != now:
        return None
    return line_now - line_was


def _row_by_id(paths: Sequence[str], files: Sequence[FileRow]) -> dict[str, tuple[str, Row] | None]:
    """Each id's file and row; None for an id held more than once."""
    found: dict[str, tuple[str, Row] | None] = {}
    for path, (rows, _) in zip(paths, files, strict=True):
        for row in rows:
            found[row[0]] = None if row[0] in found else (path, row)
    return found


def _ids(rows: Iterable[FileRow]) -> set[tuple[str, str]]:
    return {
        pair
        for records, unread in rows
        for pair in (*((r[1], r[0]) for r in records), *(("", u) for u in unread))
    }

"""Each check's findings, kept between runs and reused while nothing it reads has changed.

A check sees only the record kinds it declares (``workspace.scope``), the config, the catalogs,
the day and the paths it asks about. Its findings are therefore kept under a key made of the
engine's inputs (complykit's code and bundled catalogs, the config, the workspace's catalogs,
the as-of day) and, per kind it reads, a digest of the path and content hash of every file
holding a record of that kind, valid or not; a record whose kind is unknown (a file that did
not parse) counts for every check. The paths it asked about are asked again before reuse.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from functools import cached_property
from itertools import chain
from pathlib import PurePosixPath
from typing import Any

from complykit.cache.codec import BadEntryError, decode_finding, encode_finding
from complykit.cache.jsontext import compact_json
from complykit.cache.outcomes import CHECKS, SUMMARIES
from complykit.cache.spool import Spool
from complykit.cache.store import CacheStore, object_pieces
from complykit.checks.registry import EVERY_KIND, Check, Reuse
from complykit.core.findings import Finding
from complykit.core.frozen import replace
from complykit.model.base import Record
from complykit.validate import neighbours
from complykit.workspace.repository import Entry, Repository, Summarise, kind_of
from complykit.workspace.scope import near, only_files

UNKNOWN_KIND = "?"
"""Stands for the kind of an unread record whose kind could not be told: every check reads it."""


def files_by_kind(repo: Repository) -> dict[str, set[str]]:
    """The files holding records of each kind, valid or unread (``UNKNOWN_KIND`` if unsure).

    As texts: sorting and hashing ten thousand paths as pathlib objects took a tenth of a
    second of every run with one file changed."""
    paths: defaultdict[str, set[str]] = defaultdict(set)
    for entry in repo.entries:
        paths[entry.kind].add(entry.path.as_posix())
    for unread in repo.unread:
        paths[unread.kind or UNKNOWN_KIND].add(unread.path.as_posix())
    return paths


def _digest(lines: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        # Names may hold escaped bytes (PEP 383): hash those bytes back.
        digest.update(f"{line}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


class CheckMemo:
    """The findings of checks whose inputs are unchanged; what ran is kept for the next run.

    A check over whole kinds is keyed by the files holding them. A per-record check is keyed
    by the engine alone, with its findings by file and the files' content hashes as they were
    (the snapshot): the files whose hash moved since are judged again, the rest reused. A local
    check whose kinds changed judges again the records the change reaches
    (``validate.neighbours``), with the graph of what each file's records named kept beside
    the snapshot.
    """

    def __init__(
        self,
        store: CacheStore,
        engine: str,
        repo: Repository,
        digests: Mapping[str, str],
        kept: Mapping[str, Any] | None = None,
    ) -> None:
        """``kept``: the entries as read already (``FileCache.take_checks``); None to read them
        here. Neither is held once the memo is made."""
        self._store, self._engine, self._repo = store, engine, repo
        entries = {name: store.read(name) for name in (CHECKS, SUMMARIES)} if kept is None else kept
        self._files = files_by_kind(repo)
        held = set().union(*self._files.values())
        self._now = {p: digests[p] for p in sorted(held)}
        self._kinds = {
            kind: _digest(f"{p}\0{self._now[p]}" for p in sorted(paths))
            for kind, paths in self._files.items()
        }
        self._now_id = _snapshot_id(engine, self._now)
        self._known, before, kept_graph = self._read(entries.get(CHECKS))
        moved = _moved(self._now, before)
        self._moved = moved
        self._before_id = _snapshot_id(engine, before)
        # Without a kept graph nothing is reached from it: the graph is only written, at the
        # end, one file at a time (held whole, it was 14 MiB at 50,000 records).
        self._graph: neighbours.Graph | None = None
        self._reach: neighbours.Reach | None = None
        if kept_graph:
            self._graph = neighbours.current(kept_graph, repo, moved)
            self._reach = neighbours.Reach(kept_graph, self._graph, moved)
        self._fresh: dict[str, Any] = {}
        self._reused: dict[str, list[Any]] = {}
        self._summaries = _kept_summaries(entries.get(SUMMARIES), engine)
        self._fresh_summaries: dict[str, dict[str, list[Any]]] = {}
        repo.summary_source = self._summarised

    def _read(self, body: Any) -> tuple[dict[str, Any], dict[str, str], neighbours.Graph | None]:
        """The kept findings, the snapshot of files they were judged on, and the graph, from
        the body of ``checks.json`` (None when there is none)."""
        if body is None:
            return {}, {}, None
        if isinstance(body, dict) and isinstance(body.get("checks"), dict):
            snapshot = body.get("snapshot")
            if isinstance(snapshot, dict) and all(isinstance(v, str) for v in snapshot.values()):
                graph = neighbours.decode(body.get("graph"))
                # The graph answers for every file of the snapshot, or for none.
                usable = graph if graph is not None and graph.keys() == snapshot.keys() else None
                return body["checks"], snapshot, usable
        self._store.notes.append(f"cache entry {self._store.folder / CHECKS} ignored")
        return {}, {}, None

    def key(self, check: Check) -> str:
        if check.per_record:
            return _digest([self._engine, "per-record"])
        every = EVERY_KIND in check.reads
        kinds = self._kinds if every else check.reads | {UNKNOWN_KIND}
        return _digest([self._engine, *(f"{k}\0{self._kinds.get(k, '')}" for k in sorted(kinds))])

    def _paths(self, check: Check) -> set[str]:
        every = EVERY_KIND in check.reads
        kinds = self._files if every else check.reads | {UNKNOWN_KIND}
        return set().union(*(self._files.get(k, set()) for k in kinds))

    def recall(self, check: Check) -> Reuse | None:
        row = self._known.get(check.info.code)
        if not isinstance(row, list) or len(row) != 4:
            return None
        same = row[0] == self.key(check)
        if not same and not (check.local and row[1] == self._before_id):
            return None
        decoded = self._decoded(row)
        if decoded is None:
            return None
        findings, probes = decoded
        if check.per_record:
            return self._per_record(check, row, findings, probes)
        if same:
            self._reused[check.info.code] = row
            return Reuse(findings, probes)
        return self._near(check, findings, probes)

    def _decoded(self, row: list[Any]) -> tuple[list[Finding], dict[str, bool]] | None:
        """A row's findings and probes, while each path it asked about is still as it was."""
        try:
            findings = [decode_finding(f) for f in row[2]]
            probes = _probes(row[3])
        except (BadEntryError, TypeError, ValueError) as error:
            self._store.notes.append(f"cache entry {self._store.folder / CHECKS}: {error}")
            return None
        # Asked of the repository, which may answer for another tree than its folder (the
        # base of a diff, built from the working tree's records).
        holds = self._repo.probe
        if any(holds(probe) != found for probe, found in probes.items()):
            return None
        return findings, probes

    def _per_record(
        self, check: Check, row: list[Any], findings: list[Finding], probes: dict[str, bool]
    ) -> Reuse | None:
        if row[1] != self._before_id:
            return None  # kept against other files than the last run's: judge everything
        judged = self._paths(check)
        rerun = judged & self._moved
        kept = [f for f in findings if (p := f.path.as_posix()) in judged and p not in rerun]
        if not rerun and len(kept) == len(findings):
            self._reused[check.info.code] = row
            return Reuse(kept, probes)
        # Also with no file to judge again when findings were left out: those at the config
        # (not in any record file) come back from the run on no file.
        return Reuse(kept, probes, only_files(self._repo, {PurePosixPath(p) for p in rerun}))

    @cached_property
    def _changed(self) -> frozenset[PurePosixPath]:
        """The files that moved, as findings name them: asked by local reuse only, and made
        then (a path object per file of a cold run was 10 MiB at 50,000 records)."""
        return frozenset(PurePosixPath(p) for p in self._moved)

    def _near(self, check: Check, findings: list[Finding], probes: dict[str, bool]) -> Reuse | None:
        """Reuse for a local check: the records the change reaches are judged again."""
        reach = self._reach
        if reach is None:
            return None
        kinds = None if EVERY_KIND in check.reads else check.reads
        # Only a changed record's neighbours can get another verdict. The records of a changed
        # file whose text did not change keep their findings, moved with their text.
        shifts = reach.shifts
        affected = reach.ball(reach.rewritten, kinds, check.local) | (reach.touched - shifts.keys())
        if reach.ids_moved:
            # Ids appeared or vanished: a "did you mean" may now point elsewhere, so the
            # records with findings are judged again too.
            affected |= {f.record for f in findings if f.record is not None}
        changed = self._changed

        def fresh(finding: Finding) -> bool:
            record = finding.record
            if record is None or record in affected:
                return True
            return finding.path in changed and record not in shifts

        kept = [_shifted(f, shifts, changed) for f in findings if not fresh(f)]
        view = near(self._repo, reach.ball(affected, kinds, check.local))
        return Reuse(kept, probes, view, fresh)

    def _summarised(
        self, repo: Repository, model: type[Record], summarise: Summarise
    ) -> list[list[str]]:
        """``Repository.summaries`` with the texts of unchanged files as an earlier run kept
        them (by file content hash), so their records are not built."""
        name = f"{summarise.__module__}.{summarise.__qualname__}"
        kept = self._summaries.get(name)
        files: dict[str, list[Entry]] = {}
        for entry in repo.of_kind(kind_of(model)):
            files.setdefault(entry.path.as_posix(), []).append(entry)
        rows: dict[str, list[Any]] = {}
        for path, entries in files.items():
            row: Any = kept.get(path) if isinstance(kept, dict) else None
            digest = self._now.get(path)
            values = row[1] if _summary_row(row, digest, len(entries)) else None
            if values is None:
                values = [_texts(summarise(e.record, repo.catalogs)) for e in entries]
            rows[path] = [digest, values]
        self._fresh_summaries[name] = rows
        at = dict.fromkeys(files, 0)
        found = []
        for entry in repo.of_kind(kind_of(model)):
            path = entry.path.as_posix()
            found.append(rows[path][1][at[path]])
            at[path] += 1
        return found

    def keep(self, check: Check, findings: list[Finding], probes: dict[str, bool]) -> None:
        encoded = [encode_finding(f) for f in findings]
        self._fresh[check.info.code] = [self.key(check), self._now_id, encoded, probes]

    def _graph_rows(self) -> Iterable[tuple[str, neighbours.FileRow]]:
        if self._graph is not None:
            return self._graph.items()
        return neighbours.file_rows(None, self._repo, ())

    def write(self) -> bool:
        """Keep the findings, snapshot and graph for the next run; whether they were kept."""
        # Rows reused as they were hold for these files too: they are kept against them.
        reused = {code: [row[0], self._now_id, *row[2:]] for code, row in self._reused.items()}
        checks = {**self._known, **reused, **self._fresh}
        # Written piece by piece: at 50,000 records this entry is 10 MB of JSON, and encoding
        # it whole (its text, its bytes, the signed copy) was the peak of a first run's memory.
        body = chain(
            ['{"snapshot":'],
            object_pieces(self._now.items()),
            [',"graph":'],
            object_pieces(neighbours.encoded(self._graph_rows())),
            [',"checks":'],
            object_pieces(checks.items(), batch=16),
            ["}"],
        )
        spool = Spool(self._store)
        kept = spool.write(CHECKS, body)  # not when writing failed, or it was too large to read
        spool.write(SUMMARIES, _summaries_pieces(self._engine, self._kept_and_fresh_summaries()))
        spool.abandon()
        return kept

    def _kept_and_fresh_summaries(self) -> dict[str, dict[str, Any]]:
        """The summaries to keep: those kept before that still hold for their file, and this
        run's."""
        summaries = {
            name: {
                p: r for p, r in rows.items() if isinstance(r, list) and r[:1] == [self._now.get(p)]
            }
            for name, rows in self._summaries.items()
            if isinstance(rows, dict)
        }
        summaries.update(self._fresh_summaries)
        return summaries


def _summaries_pieces(engine: str, summaries: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    """The summaries entry as JSON text in pieces (``object_pieces``): at 50,000 records it is
    3 MB, and encoding it whole (its text, its bytes, the signed copy) was the peak of a first
    run's memory once ``checks.json`` was written in pieces."""
    yield f'{{"engine":{compact_json(engine)},"summaries":{{'
    for index, (name, rows) in enumerate(summaries.items()):
        yield f"{',' if index else ''}{compact_json(name)}:"
        yield from object_pieces(rows.items())
    yield "}}"


def _shifted(
    finding: Finding, shifts: Mapping[str, int], changed: AbstractSet[PurePosixPath]
) -> Finding:
    """A kept finding, moved by the lines its record's unchanged text moved within a changed
    file (the columns are those of the same text)."""
    lines = shifts.get(finding.record or "", 0) if finding.path in changed else 0
    return replace(finding, line=finding.line + lines) if lines else finding


def _snapshot_id(engine: str, files: Mapping[str, str]) -> str:
    """The files' paths and hashes under one engine: a kept row holds for exactly these."""
    # A generator, not a list: at 50,000 records the list's texts were 6 MiB at a first
    # run's peak of memory.
    return _digest(chain([engine], (f"{p}\0{d}" for p, d in files.items())))


def _moved(now: Mapping[str, str], before: Mapping[str, str]) -> AbstractSet[str]:
    """The files added, changed or removed since the snapshot ``before``. With none kept (a
    first run) that is every file, as the keys of ``now`` rather than a set of them: a second
    table of every path, and a third while it was made, at the peak of a first run's memory."""
    if not before:
        return now.keys()
    moved = {p for p, digest in now.items() if before.get(p) != digest}
    moved.update(p for p in before if p not in now)
    return moved


def _kept_summaries(body: Any, engine: str) -> dict[str, Any]:
    """Kept summaries by name, then by file: [content hash, texts per record]; checked when
    used. Only under the same engine (complykit, config, catalogs, day)."""
    if isinstance(body, dict) and body.get("engine") == engine:
        found = body.get("summaries")
        if isinstance(found, dict):
            return found
    return {}


def _summary_row(row: Any, digest: str | None, records: int) -> bool:
    """Whether a kept row is for this content, with one list of texts per record."""
    return (
        isinstance(row, list)
        and len(row) == 2
        and digest is not None
        and row[0] == digest
        and isinstance(row[1], list)
        and len(row[1]) == records
        and all(isinstance(v, list) and all(isinstance(t, str) for t in v) for v in row[1])
    )


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"a summary must be a list of texts, not {value!r}")
    return value


def _probes(value: Any) -> dict[str, bool]:
    if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
        raise BadEntryError("probes is not a mapping of paths to true or false")
    return value

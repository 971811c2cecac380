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
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from complykit.cache.codec import BadEntryError, decode_finding, encode_finding
from complykit.cache.keys import run_key
from complykit.cache.store import CacheStore
from complykit.checks.registry import EVERY_KIND, Check, Reuse
from complykit.core.findings import Finding
from complykit.load.discover import CONFIG_FILENAME
from complykit.workspace.repository import Repository

CHECKS = "checks.json"
UNKNOWN_KIND = "?"
"""Stands for the kind of an unread record whose kind could not be told: every check reads it."""


def engine_key(digests: Mapping[str, str], as_of: date) -> str:
    """What every check may read besides records: complykit, the config, catalogs, the day."""
    engine = {
        path: digest
        for path, digest in digests.items()
        if path == CONFIG_FILENAME or path.startswith("catalogs/")
    }
    return run_key(engine, as_of)


def files_by_kind(repo: Repository) -> dict[str, set[PurePosixPath]]:
    """The files holding records of each kind, valid or unread (``UNKNOWN_KIND`` if unsure)."""
    paths: defaultdict[str, set[PurePosixPath]] = defaultdict(set)
    for entry in repo.entries:
        paths[entry.kind].add(entry.path)
    for unread in repo.unread:
        paths[unread.kind or UNKNOWN_KIND].add(unread.path)
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
    (the snapshot): the files whose hash moved since are judged again, the rest reused.
    """

    def __init__(
        self, store: CacheStore, engine: str, repo: Repository, digests: Mapping[str, str]
    ) -> None:
        self._store, self._engine, self._root = store, engine, repo.root
        self._files = files_by_kind(repo)
        held = set().union(*self._files.values())
        self._now = {p.as_posix(): digests[p.as_posix()] for p in sorted(held)}
        self._kinds = {
            kind: _digest(f"{p.as_posix()}\0{self._now[p.as_posix()]}" for p in sorted(paths))
            for kind, paths in self._files.items()
        }
        self._now_id = _digest(f"{p}\0{d}" for p, d in self._now.items())
        self._known, before = self._read()
        self._changed = {PurePosixPath(p) for p, d in self._now.items() if before.get(p) != d}
        self._before_id = _digest(f"{p}\0{d}" for p, d in before.items())
        self._fresh: dict[str, Any] = {}

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        body = self._store.read(CHECKS)
        if body is None:
            return {}, {}
        if isinstance(body, dict) and isinstance(body.get("checks"), dict):
            snapshot = body.get("snapshot")
            if isinstance(snapshot, dict) and all(isinstance(v, str) for v in snapshot.values()):
                return body["checks"], snapshot
        self._store.notes.append(f"cache entry {self._store.folder / CHECKS} ignored")
        return {}, {}

    def key(self, check: Check) -> str:
        if check.per_record:
            return _digest([self._engine, "per-record"])
        every = EVERY_KIND in check.reads
        kinds = self._kinds if every else check.reads | {UNKNOWN_KIND}
        return _digest([self._engine, *(f"{k}\0{self._kinds.get(k, '')}" for k in sorted(kinds))])

    def _paths(self, check: Check) -> set[PurePosixPath]:
        every = EVERY_KIND in check.reads
        kinds = self._files if every else check.reads | {UNKNOWN_KIND}
        return set().union(*(self._files.get(k, set()) for k in kinds))

    def recall(self, check: Check) -> Reuse | None:
        row = self._known.get(check.info.code)
        if not isinstance(row, list) or len(row) != 4 or row[0] != self.key(check):
            return None
        try:
            findings = [decode_finding(f) for f in row[2]]
            probes = _probes(row[3])
        except (BadEntryError, TypeError, ValueError) as error:
            self._store.notes.append(f"cache entry {self._store.folder / CHECKS}: {error}")
            return None
        if any((self._root / path).exists() != found for path, found in probes.items()):
            return None
        if not check.per_record:
            return Reuse(findings, probes)
        if row[1] != self._before_id:
            return None  # kept against other files than the last run's: judge everything
        judged = self._paths(check)
        rerun = frozenset(judged & self._changed)
        kept = [f for f in findings if f.path in judged and f.path not in rerun]
        return Reuse(kept, probes, rerun)

    def keep(self, check: Check, findings: list[Finding], probes: dict[str, bool]) -> None:
        encoded = [encode_finding(f) for f in findings]
        self._fresh[check.info.code] = [self.key(check), self._now_id, encoded, probes]

    def write(self) -> None:
        if self._fresh or self._changed:
            checks = {**self._known, **self._fresh}
            self._store.write(CHECKS, {"snapshot": self._now, "checks": checks})


def _probes(value: Any) -> dict[str, bool]:
    if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
        raise BadEntryError("probes is not a mapping of paths to true or false")
    return value

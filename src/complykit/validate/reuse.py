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
from collections.abc import Mapping
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.cache.codec import BadEntryError, decode_finding, encode_finding
from complykit.cache.keys import run_key
from complykit.cache.store import CacheStore
from complykit.checks.registry import EVERY_KIND, Check
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


def kind_digests(repo: Repository, digests: Mapping[str, str]) -> dict[str, str] | None:
    """Per record kind, a digest of the files holding records of it; None when a file's
    content was not hashed (then nothing is reused)."""
    paths: defaultdict[str, set[PurePosixPath]] = defaultdict(set)
    for entry in repo.entries:
        paths[entry.kind].add(entry.path)
    for unread in repo.unread:
        paths[unread.kind or UNKNOWN_KIND].add(unread.path)
    found: dict[str, str] = {}
    for kind, held in paths.items():
        digest = hashlib.sha256()
        for path in sorted(held):
            content = digests.get(path.as_posix())
            if content is None:
                return None
            digest.update(f"{path.as_posix()}\0{content}\0".encode())
        found[kind] = digest.hexdigest()
    return found


class CheckMemo:
    """The findings of checks whose key is unchanged; what ran is kept for the next run."""

    def __init__(self, store: CacheStore, engine: str, kinds: dict[str, str], root: Path) -> None:
        self._store, self._engine, self._kinds, self._root = store, engine, kinds, root
        body = store.read(CHECKS)
        self._known: dict[str, Any] = body if isinstance(body, dict) else {}
        if body is not None and not isinstance(body, dict):
            store.notes.append(f"cache entry {store.folder / CHECKS} ignored")
        self._fresh: dict[str, Any] = {}

    def key(self, reads: frozenset[str]) -> str:
        kinds = self._kinds if EVERY_KIND in reads else reads | {UNKNOWN_KIND}
        digest = hashlib.sha256(self._engine.encode())
        for kind in sorted(kinds):
            digest.update(f"{kind}\0{self._kinds.get(kind, '')}\0".encode())
        return digest.hexdigest()

    def recall(self, check: Check) -> tuple[list[Finding], dict[str, bool]] | None:
        row = self._known.get(check.info.code)
        if not isinstance(row, list) or len(row) != 3 or row[0] != self.key(check.reads):
            return None
        try:
            findings = [decode_finding(f) for f in row[1]]
            probes = _probes(row[2])
        except (BadEntryError, TypeError, ValueError) as error:
            self._store.notes.append(f"cache entry {self._store.folder / CHECKS}: {error}")
            return None
        if any((self._root / path).exists() != found for path, found in probes.items()):
            return None
        return findings, probes

    def keep(self, check: Check, findings: list[Finding], probes: dict[str, bool]) -> None:
        encoded = [encode_finding(f) for f in findings]
        self._fresh[check.info.code] = [self.key(check.reads), encoded, probes]

    def write(self) -> None:
        if self._fresh:
            self._store.write(CHECKS, {**self._known, **self._fresh})


def _probes(value: Any) -> dict[str, bool]:
    if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
        raise BadEntryError("probes is not a mapping of paths to true or false")
    return value

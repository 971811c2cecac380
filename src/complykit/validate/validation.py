"""``validate`` with the result cache: answer from the cache when nothing the run reads changed.

On a hit nothing heavy is imported (no models, no rules), which is what makes a second run on
an unchanged workspace cost little more than hashing its files. Every cache problem becomes a
note on the result and the run goes on without the cache.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from complykit.cache.codec import encode_result
from complykit.cache.keys import Uncacheable, code_digest, workspace_digests
from complykit.cache.parsed import ParsedCache
from complykit.cache.results import read_result, result_name
from complykit.cache.store import CacheStore, open_store
from complykit.core.findings import Severity
from complykit.core.result import Result
from complykit.load.discover import find_root

PARSED_PREFIX = "parsed-"
PARSED_SHARDS = 32
"""Parsed data is split over this many entries, so one changed file rewrites one of them."""


def validate(
    path: Path,
    *,
    as_of: date,
    fail_on: Severity = Severity.ERROR,
    jobs: int | None = None,
    use_cache: bool = True,
) -> Result:
    """The result of validating the workspace around ``path``, from the cache when possible."""
    root = find_root(path)
    store = open_store(root) if use_cache else None
    if store is None or isinstance(store, str):
        result = _fresh(root, as_of, fail_on, jobs)[0]
        return replace(result, notes=(store,)) if isinstance(store, str) else result
    try:
        digests = workspace_digests(root)
    except Uncacheable:
        return _fresh(root, as_of, fail_on, jobs)[0]
    name = result_name(digests, as_of)
    cached = read_result(store, name, root, as_of, fail_on)
    if cached is not None:
        return cached
    parsed = _parsed_cache(store, digests)
    result, probes = _fresh(root, as_of, fail_on, jobs, parsed)
    store.write(name, {"result": encode_result(result), "probes": probes})
    for shard, files in parsed.packs(PARSED_SHARDS).items():
        store.write(_shard_name(shard), {"code": code_digest(), "files": files})
    return replace(result, notes=tuple(store.notes))


def _parsed_cache(store: CacheStore, digests: dict[str, str]) -> ParsedCache:
    known: dict[str, Any] = {}
    for shard in range(PARSED_SHARDS):
        body = store.read(_shard_name(shard))
        if isinstance(body, dict) and isinstance(body.get("files"), dict):
            # Data parsed by another complykit version may differ: skip it, it is rewritten.
            if body.get("code") == code_digest():
                known.update(body["files"])
        elif body is not None:
            store.notes.append(f"cache entry {store.folder / _shard_name(shard)} ignored")
    return ParsedCache(digests, known)


def _shard_name(shard: int) -> str:
    return f"{PARSED_PREFIX}{shard:02d}.json"


def _fresh(
    root: Path, as_of: date, fail_on: Severity, jobs: int | None, parsed: ParsedCache | None = None
) -> tuple[Result, dict[str, bool]]:
    from complykit.validate.engine import run_keeping_records  # noqa: PLC0415 - only on a cache miss

    result, repo = run_keeping_records(root, as_of=as_of, fail_on=fail_on, jobs=jobs, cache=parsed)
    return result, dict(repo.probes) if repo is not None else {}

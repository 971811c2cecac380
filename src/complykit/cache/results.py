"""Stored validation results: named by the run key, read back only when still true.

Reading a result imports nothing heavy (no models, no rules, no Typer), so that the start-up
fast path of ``complykit validate`` can answer an unchanged workspace with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from complykit.cache.codec import BadEntryError, decode_result
from complykit.cache.keys import Uncacheable, run_key, workspace_digests
from complykit.cache.store import RESULT_PREFIX, CacheStore, open_store
from complykit.core.findings import Severity
from complykit.core.result import Result
from complykit.load.roots import probe_inside


def result_name(digests: Mapping[str, str], as_of: date) -> str:
    return f"{RESULT_PREFIX}{run_key(digests, as_of)}.json"


def read_result(
    store: CacheStore, name: str, root: Path, as_of: date, fail_on: Severity
) -> Result | None:
    """The stored result called ``name``, or None when missing, corrupt or out of date.

    A corrupt entry is a note on the store and is removed, so the next run rewrites it.
    """
    body = store.read(name)
    if body is None:
        return None
    try:
        if not isinstance(body, dict) or not _probes_hold(root, body["probes"]):
            return None
        return decode_result(body["result"], root, as_of, fail_on, tuple(store.notes))
    except (BadEntryError, KeyError) as error:
        store.notes.append(f"cache entry {store.folder / name} ignored: {error}")
        store.discard(name)
        return None


def stored_result(root: Path, as_of: date, fail_on: Severity) -> Result | None:
    """The stored result of the workspace at ``root`` exactly as it is now, or None.

    None also whenever the cache has anything to say (a corrupt entry, an untrusted key): the
    full run then says it, as a warning, and repairs what it can.
    """
    store = open_store(root)
    if isinstance(store, str):
        return None
    try:
        digests = workspace_digests(root)
    except Uncacheable:
        return None
    result = read_result(store, result_name(digests, as_of), root, as_of, fail_on)
    return result if result is not None and not store.notes else None


def _probes_hold(root: Path, probes: Any) -> bool:
    """Every probe a check asked (a file here? a folder?) still holds, or still does not."""
    if not isinstance(probes, dict):
        raise BadEntryError("probes is not a mapping")
    return all(isinstance(v, bool) and probe_inside(str(root), k) == v for k, v in probes.items())

"""``validate`` with the result cache: answer from the cache when nothing the run reads changed.

On a hit nothing heavy is imported (no models, no rules), which is what makes a second run on
an unchanged workspace cost little more than hashing its files. Every cache problem becomes a
note on the result and the run goes on without the cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.core.frozen import replace
from complykit.core.result import Result
from complykit.load.discover import find_root
from complykit.validate.collector import no_cyclic_gc

if TYPE_CHECKING:
    from complykit.cache.outcomes import FileCache
    from complykit.cache.store import CacheStore
    from complykit.validate.reuse import CheckMemo
    from complykit.workspace.repository import Repository


def validate(  # noqa: PLR0913 - keyword-only options of one run
    path: Path,
    *,
    as_of: date,
    fail_on: Severity = Severity.ERROR,
    jobs: int | None = None,
    use_cache: bool = True,
    hashed: dict[str, dict[str, str]] | None = None,
    plain_records: bool = False,
) -> Result:
    """The result of validating the workspace around ``path``, from the cache when possible.

    ``hashed``: workspaces' digests by root, as ``cache.rendered.replay`` fills it. Those the
    caller hashed just before are used when theirs is the root found here (every byte read
    later is checked against them); those this run hashes are added, so that a caller keeping
    what it writes under them need not hash every file again.
    ``plain_records``: the caller's process does nothing but validate, so on a cache miss its
    records may be plain classes rather than pydantic models (``model.plain``)."""
    root = find_root(path)
    if not use_cache:  # nothing of the cache is even imported
        return _fresh(root, as_of, fail_on, jobs, plain=plain_records)[0]
    hashed = {} if hashed is None else hashed
    if str(root) in hashed or _run_before(root):
        return _through_cache(root, as_of, fail_on, jobs, plain=plain_records, hashed=hashed)
    _start_parsing(root, jobs)  # nothing kept: every file is parsed, so begin before hashing
    try:
        return _through_cache(root, as_of, fail_on, jobs, plain=plain_records, hashed=hashed)
    finally:
        _stop_parsing()  # workers not taken (a kept result after all) are not left running


def _through_cache(  # noqa: PLR0913 - the options of validate
    root: Path,
    as_of: date,
    fail_on: Severity,
    jobs: int | None,
    *,
    plain: bool,
    hashed: dict[str, dict[str, str]],
) -> Result:
    """``validate`` through the cache, with the digests the caller hashed, or hashed here."""
    # Imported here: a run with --no-cache has no use for the cache's modules (10 ms).
    from complykit.cache.codec import encode_result  # noqa: PLC0415
    from complykit.cache.keys import (  # noqa: PLC0415
        Uncacheable,
        code_digest,
        engine_key,
        workspace_digests,
    )
    from complykit.cache.outcomes import FileCache  # noqa: PLC0415
    from complykit.cache.results import read_result, result_name  # noqa: PLC0415
    from complykit.cache.store import open_store  # noqa: PLC0415

    store = open_store(root)
    if isinstance(store, str):
        return replace(_fresh(root, as_of, fail_on, jobs, plain=plain)[0], notes=(store,))
    try:
        if str(root) not in hashed:
            hashed[str(root)] = workspace_digests(root)
        digests = hashed[str(root)]
    except Uncacheable:
        return _fresh(root, as_of, fail_on, jobs, plain=plain)[0]
    name = result_name(digests, as_of)
    cached = read_result(store, name, root, as_of, fail_on)
    if cached is not None:
        return cached
    with no_cyclic_gc():
        engine = engine_key(digests, as_of)
        files = FileCache(store, digests, code_digest(), engine)
        memos: list[CheckMemo] = []
        try:
            memo = _memo(store, files, digests, memos)
            result, probes, repo = _fresh(
                root, as_of, fail_on, jobs, files=files, memo=memo, plain=plain
            )
            if files.raced:  # a file was edited while being read: keep nothing of this run
                return replace(result, notes=tuple(store.notes))
            files.write()
            if repo is not None:
                repo.drop_lookups()  # the checks are done; the memos read the records only
            written = [memo.write() for memo in memos]  # each, even after one failed
            if written and all(written):
                files.checks_kept()
            memos.clear()
            # Last: a run killed before this line leaves no answer for the next to reuse.
            store.write(name, {"result": encode_result(result), "probes": probes})
        finally:
            files.abandon()  # whatever was not written in full is removed, never trusted
    return replace(result, notes=tuple(store.notes))


def _memo(
    store: CacheStore, files: FileCache, digests: dict[str, str], made: list[CheckMemo]
) -> Callable[[Repository], CheckMemo | None]:
    """Makes the memo of checks once the repository is known (its files' kinds are needed)."""

    def make(repo: Repository) -> CheckMemo | None:
        from complykit.cache.keys import engine_key  # noqa: PLC0415 - only with the cache
        from complykit.validate.reuse import CheckMemo  # noqa: PLC0415 - only on a cache miss

        try:
            engine = engine_key(digests, repo.as_of)
            memo = CheckMemo(store, engine, repo, digests, kept=files.take_checks())
        except KeyError:  # a file that was not hashed: nothing can be keyed by it
            return None
        made.append(memo)
        return memo

    return make


def _run_before(root: Path) -> bool:
    """Whether a run has completed in the workspace's cache folder (its engine entry is there;
    whether it can be trusted is for the run to find out)."""
    from complykit.cache.entries import ENGINE, cache_folder  # noqa: PLC0415 - light

    return os.path.isfile(os.path.join(cache_folder(str(root)), ENGINE))  # noqa: PTH113, PTH118


def _start_parsing(root: Path, jobs: int | None) -> None:
    """Discover the files and fork their parse workers (``load.early``), unless done already.

    A first run (a fresh CI runner: no cache yet) starts them before it hashes the workspace,
    so that the other core parses while this one hashes (a twentieth of a first run)."""
    from complykit.load import early  # noqa: PLC0415 - imports PyYAML: only on a cache miss

    if not early.started(root, jobs):
        early.start(root, jobs)


def _stop_parsing() -> None:
    from complykit.load import early  # noqa: PLC0415 - imported by _start_parsing already

    early.discard()


def _fresh(  # noqa: PLR0913 - the cache parts are keyword-only
    root: Path,
    as_of: date,
    fail_on: Severity,
    jobs: int | None,
    *,
    files: FileCache | None = None,
    memo: Callable[[Repository], CheckMemo | None] | None = None,
    plain: bool = False,
) -> tuple[Result, dict[str, bool], Repository | None]:
    from complykit.load import early  # noqa: PLC0415 - imports PyYAML: only on a cache miss

    if files is None or files.cold:  # every file is parsed: start the workers before the imports
        _start_parsing(root, jobs)
    if plain:  # after the workers start (it imports pydantic-core), before any model module
        from complykit.model.plain import use_plain_records  # noqa: PLC0415 - only on a miss

        use_plain_records()
    try:
        # Importing the models, rules and pydantic makes ~100,000 objects that live as long as
        # the process: the cyclic collector would scan them several times on their way to the
        # oldest generation (about 5% of a cold run of a small workspace).
        with no_cyclic_gc():
            from complykit.validate.engine import run_keeping_records  # noqa: PLC0415 - only on a cache miss

        result, repo = run_keeping_records(
            root, as_of=as_of, fail_on=fail_on, jobs=jobs, cache=files, memo=memo
        )
    finally:
        early.discard()
    return result, dict(repo.probes) if repo is not None else {}, repo

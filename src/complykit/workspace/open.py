"""Read a workspace: its config, then every record file, into entries and findings."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.load import load_catalogs
from complykit.catalog.workspace_files import workspace_catalogs as read_workspace_catalogs
from complykit.core.errors import ComplykitError
from complykit.core.findings import Finding, Severity, first_finding
from complykit.core.frozen import frozen
from complykit.load import early
from complykit.load.declared import UnreadRecord
from complykit.load.discover import (
    CONFIG_FILENAME,
    Skipped,
    discover,
    find_root,
)
from complykit.load.files import InsideReader, unread_finding
from complykit.load.parsing import (
    Parsed,
    parse_relatives,
    processes_for,
    read_file,
    read_hashed,
)
from complykit.load.positions import Places, forget_shared_places
from complykit.load.workers import parse_forked
from complykit.load.yaml_file import YamlDocument, YamlFile
from complykit.model.compact import forget_shared
from complykit.model.config import WorkspaceConfig
from complykit.model.prebuilt import validate_python
from complykit.model.references import forget_shared_references
from complykit.model.validate import (
    SchemaListing,
    error_finding,
    to_record,
    too_many_values,
)
from complykit.workspace.repository import Entry, Repository

if TYPE_CHECKING:
    import multiprocessing.context

    from complykit.cache.outcomes import FileCache

KEPT_AS_VALIDATED = 500
"""The first records a load validates are kept as validated, not compacted: compacting saves
memory where there are thousands of records, and costs a small workspace more than it saves
(its first use builds tables for every class: 5 of the 8 ms it took for the bundled example's
103 records, about 5% of a cold run)."""

SLICES_PER_WORKER = 4
MAX_SLICE = 500
"""Files per worker task at most: a slice's parsed data arrives in this process all at once,
so at 50,000 records a quarter of a worker's share held some 20 MiB more at the peak."""


@frozen
class OpenedWorkspace:
    """A workspace read from disk: the repository of valid records, or None when the config
    itself is unusable; plus every loading finding and the number of files read."""

    root: Path
    repo: Repository | None
    findings: tuple[Finding, ...]
    files: int


@frozen
class LoadedRecords:
    entries: tuple[Entry, ...]
    findings: tuple[Finding, ...]
    invalid_ids: frozenset[str]
    files: int
    unread: tuple[UnreadRecord, ...] = ()


def load_config(root: Path) -> tuple[WorkspaceConfig | None, tuple[Finding, ...]]:
    """The workspace config, or the findings that make it unusable."""
    config, findings, _ = _config(root)
    return config, findings


def _config(root: Path) -> tuple[WorkspaceConfig | None, tuple[Finding, ...], Places | None]:
    """``load_config``, and the places of the config's values."""
    path = root / CONFIG_FILENAME
    if not path.is_file():
        raise ComplykitError(f"{root}: no {CONFIG_FILENAME} found")
    parsed = read_file(root, path)
    if parsed.findings:
        return None, parsed.findings, None
    if not parsed.documents or not isinstance(parsed.documents[0].data, dict):
        rel = PurePosixPath(CONFIG_FILENAME)
        return (
            None,
            (
                Finding(
                    rel,
                    1,
                    1,
                    "SCH005",
                    Severity.ERROR,
                    f"{CONFIG_FILENAME} must be a mapping with `organisation` and `risk_method`",
                    hint="See docs/reference/configuration.md.",
                ),
            ),
            None,
        )
    if len(parsed.documents) > 1:
        return None, (_second_config_document(parsed.documents[1]),), None
    document = parsed.documents[0]
    oversized = too_many_values(parsed.path, document)
    if oversized is not None:
        return None, (oversized,), None
    try:
        return validate_python(WorkspaceConfig, document.data), (), document.places
    except ValueError as error:
        errors = error.errors(include_url=False)  # type: ignore[attr-defined]
        found = tuple(error_finding(parsed.path, document, e, WorkspaceConfig) for e in errors)
        return None, found, None


def _second_config_document(document: YamlDocument) -> Finding:
    """A second document in the config was read by no one: what it set (a second
    ``organisation``, another ``paths.exclude``) silently did not apply. Now neither document
    is used, and the workspace is not checked, until the file holds one."""
    line, column = document.places.start() if document.places is not None else (1, 1)
    return Finding(
        PurePosixPath(CONFIG_FILENAME),
        line,
        column,
        "SCH005",
        Severity.ERROR,
        f"{CONFIG_FILENAME} holds more than one YAML document; complykit uses none of them, "
        "and checks nothing in the workspace, until it holds one",
        hint="Merge the settings into the first document and remove the `---` line above.",
    )


def _records(parsed: YamlFile, *, compact: bool = True) -> LoadedRecords:
    """Validate one parsed file's documents into entries, or findings at their places;
    ``compact``: store the records compactly (``model.compact``)."""
    entries: list[Entry] = []
    findings: list[Finding] = list(parsed.findings)
    invalid: set[str] = {u.id for u in parsed.unread}
    unread: list[UnreadRecord] = list(parsed.unread)
    listed = SchemaListing()  # per file, as the file's YAML problems are
    for document in parsed.documents:
        record, problems = to_record(parsed.path, document, listed, compact=compact)
        if record is not None:
            entry = Entry(record, parsed.path, document.index, document.places)
            entry.digest = document.digest
            entry.start_line = document.alone_from[1] if document.alone_from else None
            entries.append(entry)
        findings.extend(problems)
        invalid.update(p.record for p in problems if p.record)
        unread.extend(_unread(document.data, problems))
    findings.extend(listed.left_out())
    return LoadedRecords(tuple(entries), tuple(findings), frozenset(invalid), 1, tuple(unread))


def _unread(data: object, problems: Sequence[Finding]) -> Iterator[UnreadRecord]:
    """The record a document failed to be, when it says which one it meant to be."""
    first = first_finding(problems)
    if first is None or first.record is None:
        return
    kind = data.get("kind") if isinstance(data, dict) else None
    yield UnreadRecord(
        first.path,
        first.line,
        first.record,
        kind if isinstance(kind, str) else None,
        f"{first.code} {first.message}",
    )


def _merge(parts: Sequence[LoadedRecords]) -> LoadedRecords:
    return LoadedRecords(
        tuple(e for part in parts for e in part.entries),
        tuple(f for part in parts for f in part.findings),
        frozenset().union(*(part.invalid_ids for part in parts)),
        sum(part.files for part in parts),
        tuple(u for part in parts for u in part.unread),
    )


def load_records(
    root: Path,
    config: WorkspaceConfig,
    jobs: int | None = None,
    cache: FileCache | None = None,
) -> LoadedRecords:
    """Every record below ``root``; schema findings for the documents that do not validate.

    Large workspaces are parsed by worker processes, in slices of the sorted files that are
    joined in order, while this process validates; the result is the same either way. With a
    ``cache``, a file loaded before is neither parsed nor validated: its records are built from
    the kept data when first read.
    """
    # Started only where every file is parsed (no cache, or a cache that knows none of them).
    started = early.take(root, config.paths.exclude, jobs)
    found = discover(root, config.paths.exclude) if started is None else started.found
    skipped = LoadedRecords((), tuple(_skipped(s) for s in found.skipped), frozenset(), 0)
    parsed = None if started is None else started.parsed
    files = _loaded_files(root, found.relatives, jobs, cache, parsed=parsed)
    loaded = _merge([skipped, *files])
    # The records (and their references) keep what they share; the look-up tables are not needed.
    forget_shared()
    forget_shared_references()
    forget_shared_places()
    return loaded


def _skipped(skipped: Skipped) -> Finding:
    return unread_finding(skipped.path, skipped.reason)


def _loaded_files(
    root: Path,
    relatives: Sequence[str],
    jobs: int | None,
    cache: FileCache | None,
    parsed: Iterator[Parsed] | None,
) -> Iterator[LoadedRecords]:
    """Each file (by its path below ``root``) loaded, or restored from the cache, in order."""
    # By position, not in a dict by path: hashing ten thousand paths cost more than the rest.
    # A cold run restores nothing: every check runs again and reads every record, so every
    # file is parsed (by the workers started early, where the workspace is large enough).
    if cache is not None:  # the cache's part of loading, imported only when it is used
        from complykit.workspace import kept_files  # noqa: PLC0415

    restored: list[LoadedRecords | None] = (
        [kept_files.restored(root, relative, cache) for relative in relatives]
        if cache is not None and parsed is None and not cache.cold
        else [None] * len(relatives)
    )
    if parsed is None:  # else: workers started before the models were imported (load.early)
        todo = [rel for rel, hit in zip(relatives, restored, strict=True) if hit is None]
        parsed = _parsed(root, todo, processes_for(root, todo, jobs))
    validated = 0
    for hit in restored:
        if hit is not None:
            yield hit
            continue
        fresh, digest = next(parsed)
        loaded = _records(fresh, compact=validated >= KEPT_AS_VALIDATED)
        validated += len(loaded.entries)
        rel = fresh.path.as_posix()
        same = cache is not None and cache.read_as(rel, digest)
        if cache is not None and same and not cache.knows(rel):
            kept_files.remember(cache, fresh, loaded)
        yield loaded


def _parsed(root: Path, relatives: Sequence[str], processes: int) -> Iterator[Parsed]:
    if processes == 1:
        reader = InsideReader(root)
        return (read_hashed(root, root / relative, reader) for relative in relatives)
    return _parse_in_parallel(root, relatives, processes)


def _parse_in_parallel(
    root: Path, relatives: Sequence[str], processes: int
) -> Iterator[tuple[YamlFile, str | None]]:
    """Parsed files in their original order, by ``processes`` processes in all.

    Forked, this process is one of them: it validates what the workers parsed, and parses the
    next chunk itself whenever the one it needs is not there yet. One process per core in all,
    not one worker per core: measured at 10,000 records, a second worker beside this process
    took CPU from it (three processes on two cores) and pickled more, for no gain in time.
    """
    if hasattr(os, "fork"):
        return parse_forked(root, relatives, processes - 1, parse_relatives)
    return _parse_in_pool(root, relatives, processes)


def _parse_in_pool(
    root: Path, relatives: Sequence[str], workers: int
) -> Iterator[tuple[YamlFile, str | None]]:
    """``_parse_in_parallel`` where processes cannot be forked (Windows): a spawned pool."""
    size = max(1, min(MAX_SLICE, -(-len(relatives) // (workers * SLICES_PER_WORKER))))
    slices = [relatives[i : i + size] for i in range(0, len(relatives), size)]
    # Imported here: multiprocessing costs 10 ms to import, and small workspaces never use it.
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    with ProcessPoolExecutor(max_workers=workers, mp_context=_spawn()) as pool:
        for parsed_slice in pool.map(parse_relatives, [root] * len(slices), slices):
            yield from parsed_slice


def _spawn() -> multiprocessing.context.BaseContext:
    import multiprocessing  # noqa: PLC0415 - see _parse_in_pool

    return multiprocessing.get_context("spawn")


def workspace_catalogs(root: Path | None) -> tuple[CatalogSet, tuple[Finding, ...]]:
    """The bundled catalogs plus the valid files of the workspace's ``catalogs/`` folder, and
    findings for the files that cannot be used."""
    bundled = load_catalogs()
    return (bundled, ()) if root is None else read_workspace_catalogs(root, bundled)


def open_workspace(
    root: Path,
    as_of: date,
    jobs: int | None = None,
    cache: FileCache | None = None,
) -> OpenedWorkspace:
    """Read the config, the catalogs and every record of the workspace at ``root``."""
    config, config_findings, config_places = _config(root)
    if config is None:
        return OpenedWorkspace(root, None, config_findings, 1)
    loaded = load_records(root, config, jobs, cache)
    catalogs, catalog_findings = workspace_catalogs(root)
    repo = Repository(
        root,
        config,
        catalogs,
        as_of,
        loaded.entries,
        loaded.invalid_ids,
        loaded.unread,
        config_places,
    )
    findings = (*catalog_findings, *loaded.findings)
    return OpenedWorkspace(root, repo, findings, loaded.files + 1)


def open_repository(path: Path, as_of: date) -> tuple[Repository, int]:
    """The valid records of the workspace around ``path``, and how many loading errors there
    were, for commands that read records (reports, coverage) rather than judge them."""
    opened = open_workspace(find_root(path), as_of)
    if opened.repo is None:
        raise ComplykitError(
            f"{opened.root / CONFIG_FILENAME} is not valid",
            hint="Run `complykit validate` to see what to fix.",
        )
    errors = sum(1 for f in opened.findings if f.severity == Severity.ERROR)
    return opened.repo, errors

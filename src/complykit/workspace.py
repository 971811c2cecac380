"""Read a workspace: its config, then every record file, into entries and findings."""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from complykit.config import WorkspaceConfig
from complykit.errors import ComplykitError
from complykit.findings import Finding, Severity
from complykit.load.discover import CONFIG_FILENAME, record_files, relative
from complykit.load.yaml_file import YamlFile, parse_yaml
from complykit.model.validate import error_finding, to_record
from complykit.repository import Entry


PARALLEL_FROM_FILES = 2000
MAX_JOBS = 8


@dataclass(frozen=True, slots=True)
class LoadedRecords:
    entries: tuple[Entry, ...]
    findings: tuple[Finding, ...]
    invalid_ids: frozenset[str]
    files: int


def read_file(root: Path, path: Path) -> YamlFile:
    """Parse one file; an unreadable file is a finding, not a crash."""
    rel = relative(root, path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return YamlFile(
            rel,
            (),
            (Finding(rel, 1, 1, "YAML009", Severity.ERROR, f"cannot read the file: {reason}"),),
        )
    return parse_yaml(rel, raw)


def load_config(root: Path) -> tuple[WorkspaceConfig | None, tuple[Finding, ...]]:
    """The workspace config, or the findings that make it unusable."""
    path = root / CONFIG_FILENAME
    if not path.is_file():
        raise ComplykitError(f"{root}: no {CONFIG_FILENAME} found")
    parsed = read_file(root, path)
    if parsed.findings:
        return None, parsed.findings
    if not parsed.documents or not isinstance(parsed.documents[0].data, dict):
        rel = PurePosixPath(CONFIG_FILENAME)
        return None, (
            Finding(
                rel,
                1,
                1,
                "SCH005",
                Severity.ERROR,
                f"{CONFIG_FILENAME} must be a mapping with `organisation` and `risk_method`",
                hint="See docs/reference/configuration.md.",
            ),
        )
    document = parsed.documents[0]
    try:
        return WorkspaceConfig.model_validate(document.data), ()
    except ValueError as error:
        errors = error.errors(include_url=False)  # type: ignore[attr-defined]
        return None, tuple(error_finding(parsed.path, document, e, WorkspaceConfig) for e in errors)


def _load_files(root: Path, files: Sequence[Path]) -> LoadedRecords:
    """Parse and validate ``files`` in order; what one worker does in a parallel run."""
    entries: list[Entry] = []
    findings: list[Finding] = []
    invalid: set[str] = set()
    for path in files:
        parsed = read_file(root, path)
        findings.extend(parsed.findings)
        for document in parsed.documents:
            record, problems = to_record(parsed.path, document)
            if record is not None:
                entries.append(Entry(record, parsed.path, document.index))
            else:
                findings.extend(problems)
                invalid.update(p.record for p in problems if p.record)
    return LoadedRecords(tuple(entries), tuple(findings), frozenset(invalid), len(files))


def _load_files_quietly(root: Path, files: Sequence[Path]) -> LoadedRecords:
    # Each worker builds many acyclic objects too; see engine._no_cyclic_gc.
    gc.disable()
    return _load_files(root, files)


def _merge(parts: Sequence[LoadedRecords]) -> LoadedRecords:
    return LoadedRecords(
        tuple(e for part in parts for e in part.entries),
        tuple(f for part in parts for f in part.findings),
        frozenset().union(*(part.invalid_ids for part in parts)),
        sum(part.files for part in parts),
    )


def default_jobs(file_count: int) -> int:
    """Worker processes worth starting: one per core, but only for large workspaces."""
    if file_count < PARALLEL_FROM_FILES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


def load_records(root: Path, config: WorkspaceConfig, jobs: int | None = None) -> LoadedRecords:
    """Every record below ``root``; schema findings for the documents that do not validate.

    Large workspaces are read by several processes, each taking a contiguous slice of the
    sorted files, and the slices are joined in order, so the result is the same either way.
    """
    files = record_files(root, config.paths.exclude)
    workers = default_jobs(len(files)) if jobs is None else max(1, jobs)
    if workers == 1:
        return _load_files(root, files)
    size = -(-len(files) // workers)
    slices = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        parts = list(pool.map(_load_files_quietly, [root] * len(slices), slices))
    return _merge(parts)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the already imported modules, so workers start in milliseconds.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")

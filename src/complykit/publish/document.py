"""One report as a file's bytes: open the workspace (now, or at a git revision), note what could
not be read and where the records came from, then render."""

from __future__ import annotations

import gc
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.core.findings import Finding, Severity
from complykit.core.forked import ForkedCall, can_fork
from complykit.core.frozen import frozen
from complykit.load.discover import CONFIG_FILENAME, find_root
from complykit.publish.provenance import working_tree
from complykit.publish.revision import checkout
from complykit.reports.render import (
    BINARY_FORMATS,
    build_context,
    render_binary_context,
    render_text,
)
from complykit.reports.request import FindingCount, Provenance, Request, Unreadable
from complykit.validate.engine import run_keeping_records
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

# Findings of these families come from reading files: their records are missing.
_LOADING_FAMILIES = ("YAML", "SCH")


@frozen
class Source:
    """A workspace opened for reports: its valid records, their provenance, what did not load."""

    repo: Repository
    provenance: Provenance
    unreadable: tuple[Unreadable, ...]
    findings: tuple[FindingCount, ...] | None = None

    def request(
        self, lang: str, audience: str = "internal", record_id: str | None = None
    ) -> Request:
        return Request(lang, audience, record_id, self.provenance, self.unreadable, self.findings)

    @property
    def languages(self) -> list[str]:
        return list(self.repo.config.languages) or ["en"]


@contextmanager
def open_source(
    path: Path, as_of: date, revision: str | None = None, *, check: bool = False
) -> Iterator[Source]:
    """The workspace around ``path``, or as it was at git ``revision``; valid while open.

    With ``check`` the records are also validated, for reports that summarise the findings.
    """
    with tempfile.TemporaryDirectory(prefix="complykit-report-") as scratch:
        if revision is None:
            root = find_root(path)
            apart = _ProvenanceApart(root)
            try:
                repo, findings, counts = _load(root, as_of, check=check)
            except BaseException:
                apart.abandon()
                raise
            provenance = apart.result()
        else:
            root, provenance = checkout(path, revision, Path(scratch))
            repo, findings, counts = _load(root, as_of, check=check)
        unreadable = tuple(
            Unreadable(f.path.as_posix(), f.line, f.code, f.message)
            for f in sorted(findings)
            if f.severity == Severity.ERROR and f.code.startswith(_LOADING_FAMILIES)
        )
        with _frozen_heap():
            yield Source(repo, provenance, unreadable, counts)


class _ProvenanceApart:
    """``working_tree(root)`` found in a forked child while this process loads the records.

    It mostly waits: on git to list the commit's tree (with each blob's size) and the
    untracked files, then on reading and hashing every file. That was 0.15-0.2 s before
    loading began at 10,000 records, 4% of an audit pack. Without fork, or when the child
    fails, it is found here, with the same answer.
    """

    def __init__(self, root: Path) -> None:
        self._root = root
        self._child = ForkedCall.start(lambda: working_tree(root)) if can_fork() else None

    def result(self) -> Provenance:
        found = self._child.result() if self._child is not None else None
        return found if found is not None else working_tree(self._root)

    def abandon(self) -> None:
        if self._child is not None:
            self._child.abandon()


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the loaded records while reports are rendered.

    Rendering allocates millions of short-lived objects; each full collection they trigger
    walked every loaded record again, a fifth of an audit pack's time on 10,000 records. The
    records live as long as the source anyway. Forked pack workers also share the frozen
    objects' pages instead of copying them.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _load(
    root: Path, as_of: date, *, check: bool
) -> tuple[Repository, tuple[Finding, ...], tuple[FindingCount, ...] | None]:
    if check:
        result, repo = run_keeping_records(root, as_of=as_of)
        findings = result.findings
    else:
        opened = open_workspace(root, as_of)
        repo, findings = opened.repo, opened.findings
    if repo is None:
        raise ComplykitError(
            f"{root / CONFIG_FILENAME} is not valid",
            hint="Run `complykit validate` to see what to fix.",
        )
    return repo, findings, _counts(findings) if check else None


def _counts(findings: tuple[Finding, ...]) -> tuple[FindingCount, ...]:
    counted = Counter((_family(f.code), f.severity.value) for f in findings)
    return tuple(
        FindingCount(family, severity, n) for (family, severity), n in sorted(counted.items())
    )


def _family(code: str) -> str:
    return code.rstrip("0123456789")


def render(name: str, source: Source, request: Request, output_format: str) -> bytes:
    """The report's file content: UTF-8 text for HTML and Markdown, bytes for xlsx and PDF."""
    context = build_context(name, source.repo, lang=request.lang, request=request)
    return render_context(name, context, request.lang, output_format)


def render_context(name: str, context: Mapping[str, Any], lang: str, output_format: str) -> bytes:
    """A built context in one format, as the bytes of a file."""
    if output_format in BINARY_FORMATS:
        return render_binary_context(name, context, lang=lang, output_format=output_format)
    return render_text(name, context, lang=lang, output_format=output_format).encode("utf-8")

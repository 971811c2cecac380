"""The audit pack: every report in the chosen languages and formats, in one zip with a manifest.

Two runs on the same commit and as-of date give the same bytes: files are added in name order,
every zip entry carries the as-of date and fixed permissions, the manifest is sorted JSON and
the reports themselves are deterministic (xlsx and PDF are dated by the as-of date too).
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from complykit.publish.document import Source, render_context
from complykit.publish.zipped import Packed, archive, packed
from complykit.reports import REPORTS, Report
from complykit.reports.render import prepare

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
EXTENSIONS = {"html": "html", "markdown": "md", "xlsx": "xlsx", "pdf": "pdf"}
PARALLEL_FROM = 60  # documents; below this, starting workers costs more than it saves
MAX_WORKERS = 8
_SHARED: list[Source] = []  # the source forked workers render from
# A spreadsheet is a register: one workbook lists every record of a per-record report.
_REGISTER_FORMATS = ("xlsx",)


@dataclass(frozen=True, slots=True)
class Document:
    """One file of the pack: which report, for whom, in which language."""

    report: Report
    lang: str
    audience: str = "internal"
    record_id: str | None = None

    def stem(self) -> str:
        parts = [self.report.name]
        if self.audience != "internal":
            parts.append(self.audience)
        if self.record_id is not None:
            parts.append(self.record_id)
        return f"{self.lang}/{'-'.join(parts)}"


Job = tuple[Document, tuple[str, ...]]  # a document and the formats to render it in


def documents(source: Source, languages: Sequence[str], formats: Sequence[str]) -> list[Job]:
    """Every document of every report, with its formats: each audience, and for per-record
    reports one document per record, except the workbook, which is one register of them all."""
    found: list[Job] = []
    for lang in languages:
        for report in REPORTS.values():
            for audience in report.audiences:
                found.extend(_per_record(source, Document(report, lang, audience), formats))
    return found


def _per_record(source: Source, whole: Document, formats: Sequence[str]) -> list[Job]:
    kind = whole.report.per_record
    if kind is None:
        return [(whole, tuple(formats))]
    single = tuple(f for f in formats if f not in _REGISTER_FORMATS)
    ids = sorted({entry.record.id for entry in source.repo.of_kind(kind)})
    found = [(replace(whole, record_id=record_id), single) for record_id in ids if single]
    register = tuple(f for f in formats if f in _REGISTER_FORMATS)
    return [*found, (whole, register)] if register else found


def pack(source: Source, languages: Sequence[str], formats: Sequence[str]) -> bytes:
    """The zip archive's bytes: the documents, then ``manifest.json`` describing them."""
    files = list(_files(source, documents(source, languages, formats)))
    manifest = packed(MANIFEST, _manifest(source, languages, formats, files))
    return archive([*files, manifest], source.repo.as_of)


def _files(source: Source, docs: Sequence[Job]) -> Iterator[Packed]:
    """Every file of the pack, in the order of ``docs``; large packs render in worker processes."""
    workers = _workers(len(docs))
    if workers == 1:
        for job in docs:
            yield from _render(source, job)
        return
    # Forked workers inherit the loaded records, the compiled templates and the imported
    # writers, so only the jobs and the bytes cross over.
    for lang, formats in sorted({(doc.lang, formats) for doc, formats in docs}):
        prepare(lang, formats)
    _SHARED[:] = [source]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            size = max(1, len(docs) // (workers * 4))
            for files in pool.map(_render_shared, docs, chunksize=size):
                yield from files
    finally:
        _SHARED.clear()


def _workers(count: int) -> int:
    if count < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _render_shared(job: Job) -> list[Packed]:
    return _render(_SHARED[0], job)


def _render(source: Source, job: Job) -> list[Packed]:
    doc, formats = job
    request = source.request(doc.lang, doc.audience, doc.record_id)
    context = doc.report.build(source.repo, request)
    # One context per document, laid out in every format: the same records everywhere.
    return [
        packed(
            f"{doc.stem()}.{EXTENSIONS[f]}",
            render_context(doc.report.name, context, doc.lang, f),
        )
        for f in formats
    ]


def _manifest(
    source: Source, languages: Sequence[str], formats: Sequence[str], files: Sequence[Packed]
) -> bytes:
    provenance = source.provenance
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "organisation": source.repo.config.organisation.name,
        "as_of": source.repo.as_of.isoformat(),
        "complykit": provenance.version,
        "git": {
            "in_repository": provenance.in_git,
            "commit": provenance.commit,
            "tag": provenance.tag,
            "revision": provenance.revision,
            "uncommitted_changes": provenance.dirty,
        },
        "languages": list(languages),
        "formats": list(formats),
        "unreadable": [
            {"path": u.path, "line": u.line, "code": u.code, "message": u.message}
            for u in source.unreadable
        ],
        "files": [
            {"path": file.path, "sha256": file.sha256, "bytes": file.size}
            for file in sorted(files, key=lambda file: file.path)
        ],
    }
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

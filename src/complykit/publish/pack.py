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

from complykit.publish.document import Source, render_context
from complykit.publish.plan import Batch, Job, batches, documents
from complykit.publish.zipped import Packed, archive, packed
from complykit.reports.render import prepare

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
EXTENSIONS = {"html": "html", "markdown": "md", "xlsx": "xlsx", "pdf": "pdf"}
PARALLEL_FROM = 60  # documents; below this, starting workers costs more than it saves
MAX_WORKERS = 8
_SHARED: list[Source] = []  # the source forked workers render from


def pack(source: Source, languages: Sequence[str], formats: Sequence[str]) -> bytes:
    """The zip archive's bytes: the documents, then ``manifest.json`` describing them."""
    files = list(_files(source, documents(source, languages, formats)))
    manifest = packed(MANIFEST, _manifest(source, languages, formats, files))
    return archive([*files, manifest], source.repo.as_of)


def _files(source: Source, jobs: Sequence[Job]) -> Iterator[Packed]:
    """Every file of the pack (the archive puts them in order); large packs render in worker
    processes."""
    workers = _workers(sum(len(job.documents) for job in jobs))
    if workers == 1:
        for job in jobs:
            yield from _render(source, job)
        return
    # Forked workers inherit the loaded records, the compiled templates and the imported
    # writers, so only the jobs and the bytes cross over.
    for lang, formats in sorted({(doc.lang, job.formats) for job in jobs for doc in job.documents}):
        prepare(lang, formats)
    _SHARED[:] = [source]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for files in pool.map(_render_shared, batches(jobs, workers)):
                yield from files
    finally:
        _SHARED.clear()


def _workers(count: int) -> int:
    if count < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _render_shared(batch: Batch) -> list[Packed]:
    return [file for job in batch for file in _render(_SHARED[0], job)]


def _render(source: Source, job: Job) -> list[Packed]:
    first = job.documents[0]
    request = source.request(first.lang, first.audience, first.record_id)
    context = first.report.build(source.repo, request)
    # One context per job, laid out in every format and language: the same records everywhere.
    return [
        packed(
            f"{doc.stem()}.{EXTENSIONS[f]}",
            render_context(doc.report.name, context, doc.lang, f),
        )
        for doc in job.documents
        for f in job.formats
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

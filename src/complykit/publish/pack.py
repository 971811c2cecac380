"""The audit pack: every report in the chosen languages and formats, in one zip with a manifest.

Two runs on the same commit and as-of date give the same bytes: files are added in name order,
every zip entry carries the as-of date and fixed permissions, the manifest is sorted JSON and
the reports themselves are deterministic (xlsx and PDF are dated by the as-of date too).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from complykit.publish.document import Source, render_context
from complykit.reports import REPORTS, Report

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
EXTENSIONS = {"html": "html", "markdown": "md", "xlsx": "xlsx", "pdf": "pdf"}
_ZIP_EPOCH = date(1980, 1, 1)  # the earliest date a zip entry can hold


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


def documents(source: Source, languages: Sequence[str]) -> list[Document]:
    """Every document of every report: each audience, and each record of per-record reports."""
    found: list[Document] = []
    for lang in languages:
        for report in REPORTS.values():
            ids = _record_ids(source, report)
            found.extend(
                Document(report, lang, audience, record_id)
                for audience in report.audiences
                for record_id in ids
            )
    return found


def _record_ids(source: Source, report: Report) -> list[str | None]:
    if report.per_record is None:
        return [None]
    ids: list[str | None] = [
        *sorted({entry.record.id for entry in source.repo.of_kind(report.per_record)})
    ]
    return ids


def pack(source: Source, languages: Sequence[str], formats: Sequence[str]) -> bytes:
    """The zip archive's bytes: the documents, then ``manifest.json`` describing them."""
    files = dict(_files(source, documents(source, languages), formats))
    files[MANIFEST] = _manifest(source, languages, formats, files)
    return _zip(files, max(source.repo.as_of, _ZIP_EPOCH))


def _files(
    source: Source, docs: Sequence[Document], formats: Sequence[str]
) -> Iterator[tuple[str, bytes]]:
    for doc in docs:
        request = source.request(doc.lang, doc.audience, doc.record_id)
        context = doc.report.build(source.repo, request)
        for output_format in formats:
            name = f"{doc.stem()}.{EXTENSIONS[output_format]}"
            # One context per document, laid out in every format: the same records everywhere.
            yield name, render_context(doc.report.name, context, doc.lang, output_format)


def _manifest(
    source: Source, languages: Sequence[str], formats: Sequence[str], files: dict[str, bytes]
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
            {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for path, data in sorted(files.items())
        ],
    }
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _zip(files: dict[str, bytes], day: date) -> bytes:
    written = BytesIO()
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with ZipFile(written, "w", ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(files):
            info = ZipInfo(path, stamp)
            info.compress_type = ZIP_DEFLATED
            info.create_system, info.external_attr = 3, 0o100644 << 16  # Unix, rw-r--r--
            archive.writestr(info, files[path], compresslevel=6)
    return written.getvalue()

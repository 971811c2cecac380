"""Which documents an audit pack holds, and how their rendering is shared out.

A document is one report for one audience (and, for per-record reports, one record) in one
language. Documents whose context does not depend on the language are built once for all
languages (a Job), and Jobs are handed to workers largest first, so that no worker is left
with the heaviest register while the others wait.
"""

from __future__ import annotations

from collections.abc import Sequence

from complykit.core.frozen import frozen
from complykit.publish.document import Source
from complykit.reports import REPORTS, Report

# A spreadsheet is a register: one workbook lists every record of a per-record report.
_REGISTER_FORMATS = ("xlsx",)
BATCHES_PER_WORKER = 4  # per-record documents are handed out in this many batches a worker


@frozen
class Document:
    """One file of the pack, without its extension: which report, for whom, in which language."""

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


@frozen
class Job:
    """Documents rendered from one context: the same report, audience and record in each of
    ``documents``' languages (one, when the report's context is translated), in ``formats``."""

    documents: tuple[Document, ...]
    formats: tuple[str, ...]


Batch = tuple[Job, ...]  # what one worker renders at a time


def documents(source: Source, languages: Sequence[str], formats: Sequence[str]) -> list[Job]:
    """Every document of every report, with its formats: each audience, and for per-record
    reports one document per record, except the workbook, which is one register of them all."""
    found: list[Job] = []
    for report in REPORTS.values():
        shared = [tuple(languages)] if not report.translated else [(lang,) for lang in languages]
        for langs in shared:
            for audience in report.audiences:
                found.extend(_per_record(source, report, langs, audience, formats))
    return found


def _per_record(
    source: Source, report: Report, langs: tuple[str, ...], audience: str, formats: Sequence[str]
) -> list[Job]:
    def job(record_id: str | None, kept: tuple[str, ...]) -> Job:
        return Job(tuple(Document(report, lang, audience, record_id) for lang in langs), kept)

    kind = report.per_record
    if kind is None:
        return [job(None, tuple(formats))]
    single = tuple(f for f in formats if f not in _REGISTER_FORMATS)
    ids = sorted({entry.record.id for entry in source.repo.of_kind(kind)})
    found = [job(record_id, single) for record_id in ids if single]
    register = tuple(f for f in formats if f in _REGISTER_FORMATS)
    return [*found, job(None, register)] if register else found


def batches(jobs: Sequence[Job], workers: int) -> list[Batch]:
    """Whole-workspace documents one by one, in the registry's order (the register of
    processing activities, the largest, first), then per-record documents in a few batches."""
    whole = [(job,) for job in jobs if job.documents[0].record_id is None]
    single = [job for job in jobs if job.documents[0].record_id is not None]
    size = max(1, -(-len(single) // (workers * BATCHES_PER_WORKER)))
    return [*whole, *(tuple(single[i : i + size]) for i in range(0, len(single), size))]

"""The audit pack does each piece of work once, and forked workers give the same bytes."""

from __future__ import annotations

import gc
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from complykit.publish import document, pack, plan
from complykit.publish.command import Order, run
from complykit.reports import REPORTS, Report
from complykit.validate.engine import run_keeping_records
from conftest import EXAMPLE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from complykit.reports.request import Request
    from complykit.workspace.repository import Repository

AS_OF = date(2026, 11, 23)
FORMATS = ("html", "xlsx")


def _pack(target: Path, formats: tuple[str, ...] = FORMATS) -> Path:
    order = Order("pack", EXAMPLE, AS_OF, formats=formats, output=target, force=True)
    assert run(order).exit_code == 0
    return target


def test_a_pack_loads_and_checks_the_workspace_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every report in every language and format renders from one load of the records."""
    calls: list[Path] = []

    def counting(root: Path, **options: Any) -> Any:
        calls.append(root)
        return run_keeping_records(root, **options)

    def unexpected(*_args: object) -> None:
        pytest.fail("the pack opened the workspace a second time")

    monkeypatch.setattr("complykit.publish.document.run_keeping_records", counting)
    monkeypatch.setattr("complykit.publish.document.open_workspace", unexpected)
    _pack(tmp_path / "audit.zip")
    assert calls == [EXAMPLE]


def test_each_document_is_built_once_for_all_its_formats_and_shared_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A context is built once, then laid out as HTML and as a workbook, in every language
    unless the report translates its context."""
    built: Counter[tuple[str, str, str, str | None]] = Counter()
    build = Report.build

    def counting(self: Report, repo: Repository, request: Request) -> Mapping[str, Any]:
        built[(self.name, request.lang, request.audience, request.record_id)] += 1
        return build(self, repo, request)

    monkeypatch.setattr(Report, "build", counting)
    _pack(tmp_path / "audit.zip")
    assert set(built.values()) == {1}
    assert {(name, lang) for name, lang, _, _ in built} == {
        (report.name, lang)
        for report in REPORTS.values()
        for lang in (("en", "nl") if report.translated else ("en",))
    }


@pytest.mark.parametrize(
    "report", [r for r in REPORTS.values() if not r.translated], ids=lambda r: r.name
)
def test_a_context_shared_by_the_languages_is_the_same_in_each(report: Report) -> None:
    """A report whose context a pack shares builds the same context in English and Dutch."""
    with document.open_source(EXAMPLE, AS_OF, check=report.checks) as source:
        ids: list[str | None] = [None]
        if report.per_record is not None:
            ids += sorted(entry.record.id for entry in source.repo.of_kind(report.per_record))
        assert ids != [None] or report.per_record is None
        for audience in report.audiences:
            for record_id in ids:
                english = report.build(source.repo, source.request("en", audience, record_id))
                dutch = report.build(source.repo, source.request("nl", audience, record_id))
                assert english == dutch


def test_large_packs_hand_out_the_whole_registers_first() -> None:
    """Whole-workspace documents go to workers one by one, the largest register first, and
    per-record documents follow in a few batches."""
    with document.open_source(EXAMPLE, AS_OF) as source:
        jobs = plan.documents(source, ["en", "nl"], FORMATS)
    handed = plan.batches(jobs, workers=2)
    assert handed[0][0].documents[0].report.name == "ropa"
    assert [job for batch in handed for job in batch] == [
        *(job for job in jobs if job.documents[0].record_id is None),
        *(job for job in jobs if job.documents[0].record_id is not None),
    ]
    assert len(handed) <= len(REPORTS) + 2 + 2 * plan.BATCHES_PER_WORKER


def test_forked_workers_write_the_same_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack rendered in worker processes is byte for byte the pack rendered in one."""
    monkeypatch.setattr(pack, "PARALLEL_FROM", 10**9)
    alone = _pack(tmp_path / "alone.zip").read_bytes()
    monkeypatch.setattr(pack, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pack, "_workers", lambda _count: 2)
    assert _pack(tmp_path / "forked.zip").read_bytes() == alone


def test_workbooks_are_stored_and_text_is_deflated(tmp_path: Path) -> None:
    """A workbook, already a zip, is stored as it is; HTML and the manifest are compressed."""
    with zipfile.ZipFile(_pack(tmp_path / "audit.zip")) as archive:
        entries = archive.infolist()
    methods = {info.filename.rsplit(".", 1)[-1]: info.compress_type for info in entries}
    assert methods == {
        "xlsx": zipfile.ZIP_STORED,
        "html": zipfile.ZIP_DEFLATED,
        "json": zipfile.ZIP_DEFLATED,
    }


def test_the_collector_sees_the_records_again_once_the_source_closes() -> None:
    """Records are frozen out of garbage collection only while reports are rendered."""
    assert gc.get_freeze_count() == 0
    with document.open_source(EXAMPLE, AS_OF) as source:
        assert source.repo.entries
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0

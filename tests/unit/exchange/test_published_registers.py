"""register_import on whole registers shaped as Dutch and Belgian public bodies publish them
(published_registers.py builds them): the records written and the findings printed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from tests.unit.exchange.published_registers import BUILDERS, municipality_xlsx

from complykit.exchange.outcome import ImportReport, Status
from complykit.exchange.register_import import import_register


def _import(workspace: Path, source: Path) -> ImportReport:
    return import_register(workspace, source)


def _record(root: Path, name: str) -> dict[str, object]:
    data = yaml.safe_load((root / "register" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _messages(report: ImportReport, row: int) -> tuple[str, ...]:
    return next(o.messages for o in report.outcomes if o.row == row)


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_row_becomes_a_record_or_a_told_remark(
    workspace: Path, tmp_path: Path, name: str
) -> None:
    """Each published shape imports without a reported row: every data row is a record, the
    notes under the table are told as remarks."""
    report = _import(workspace, BUILDERS[name](tmp_path / name))
    assert report.reported == ()
    assert {o.status for o in report.outcomes} <= {Status.CREATED, Status.SKIPPED}
    assert report.records >= 1


def test_merged_group_row_above_the_header(workspace: Path, tmp_path: Path) -> None:
    """A merged row grouping the columns ("Algemeen", "Verwerking", "Gegevens") sits between
    the title and the header; its "Verwerking" names a field by chance, yet the row under it,
    which names more, is the header, so the header is no activity and every column is read."""
    report = _import(workspace, municipality_xlsx(tmp_path / "gemeente.xlsx"))
    created = [o.path.name for o in report.outcomes if o.path is not None]
    assert created == [
        "pa-bijstandsverlening.yaml",
        "pa-huwelijk-en-geregistreerd-partnerschap.yaml",
        "pa-nieuwsbrief.yaml",
        "pa-parkeervergunningen.yaml",
    ]
    record = _record(workspace, "pa-bijstandsverlening.yaml")
    assert record["purposes"] == [
        {"description": "Vaststellen recht op bijstand", "legal_basis": "legal-obligation",
         "legal_provision": "Participatiewet art. 17"},
        {"description": "Terugvordering en verhaal", "legal_basis": "legal-obligation",
         "legal_provision": "Participatiewet art. 17"},
    ]  # fmt: skip
    assert record["retention"] == {"period": "P10Y", "trigger": "beëindiging uitkering"}
    skipped = next(o for o in report.outcomes if o.status is Status.SKIPPED)
    assert skipped.row == 10


def test_cell_under_no_header_is_kept_in_notes(workspace: Path, tmp_path: Path) -> None:
    """A value in a column whose header cell is blank (a merged header left it so) is kept in
    notes under its column letter, with a warning naming the column."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam verwerking", "Doel", None, None])
    sheet.append(["Werving", "Werving en selectie", "zie HR-beleid", None])
    source = tmp_path / "register.xlsx"
    book.save(source)
    report = _import(workspace, source)
    assert report.unknown_columns == ()
    assert "a value in column C, which has no header; kept in notes" in _messages(report, 2)
    assert _record(workspace, "pa-werving.yaml")["notes"] == "Column C (no header): zie HR-beleid"

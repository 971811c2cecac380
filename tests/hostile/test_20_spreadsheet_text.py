"""Class 20: a workbook shows a record's text as the HTML and Markdown reports do.

The HTML, Markdown and PDF reports show controls, bidirectional overrides and invisible
format characters as escapes (``\\u202e``). The xlsx writer deleted the C0 controls instead,
so a value lost characters without a trace, and wrote the rest as they were: a right-to-left
override in a name reversed what the reader of the register saw in Excel. Formula, number and
link conversion stay off: a cell starting with ``=`` is text.

A cell holds 32,767 characters and a value up to 100,000: XlsxWriter cut longer text at the
limit without a trace, so the register showed part of a text as if it were all of it. The cut
now ends in a mark.

A sheet is named after an SoA's framework id, which a workspace catalog may make 100,000
characters long; the name was cut to Excel's 31 a character at a time, encoding the whole id
again for each, and took 7 seconds per statement.
"""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from pathlib import Path

import openpyxl

from complykit.reports.xlsx import sheet_titles
from conftest import EXAMPLE
from hostile.harness import RAW_CONTROL, run

HOSTILE = (
    'title: "=HYPERLINK(\\"https://evil.example\\")\\x01\\x1b[2J \\u202eRLO\\u202c \\u200bend"'
)


def test_workbook_cells_and_title_show_controls_escaped(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root)
    dpias = sorted((root / "dpia").glob("*.yaml"))
    for extra in dpias[1:]:  # one DPIA: the workbook is titled after it
        extra.unlink()
    text = dpias[0].read_text(encoding="utf-8")
    dpias[0].write_text(re.sub(r"(?m)^title: .*$", lambda _: HOSTILE, text, count=1))
    output = tmp_path / "dpia.xlsx"
    run("report", "dpia", str(root), "--format", "xlsx", "--output", str(output)).assert_inert(
        allowed=(0,)
    )
    with zipfile.ZipFile(output) as archive:
        title = archive.read("docProps/core.xml").decode("utf-8")
    assert "\\u202eRLO\\u202c" in title
    assert "\u202e" not in title
    book = openpyxl.load_workbook(output)
    cells = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]
    assert cells, "the title must reach the workbook to prove anything"
    for cell in cells:
        value = str(cell.value)
        assert cell.data_type == "s"
        assert not cell.hyperlink
        assert not RAW_CONTROL.search(value), value
        assert "\u200b" not in value
        assert value.startswith('=HYPERLINK("https://evil.example")\\x01\\x1b[2J \\u202eRLO')


def test_a_text_longer_than_a_cell_ends_in_a_mark(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root)
    dpia = min((root / "dpia").glob("*.yaml"))
    text = dpia.read_text(encoding="utf-8")
    long_title = "title: " + "A" * 40_000 + "END"
    dpia.write_text(re.sub(r"(?m)^title: .*$", lambda _: long_title, text, count=1))
    output = tmp_path / "dpia.xlsx"
    run("report", "dpia", str(root), "--format", "xlsx", "--output", str(output)).assert_inert(
        allowed=(0,)
    )
    book = openpyxl.load_workbook(output)
    cells = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("AAAA")
    ]
    assert cells, "the title must reach the workbook to prove anything"
    assert all(len(cell) <= 32_767 and cell.endswith("A […]") for cell in cells)


def test_long_framework_ids_name_their_sheets_at_once() -> None:
    """Ten statements of framework ids of 99,000 characters (a workspace catalog's own) took
    about a minute to name; each name is now one cut."""
    ids = [f"{n}" + "a" * 99_000 for n in range(10)]
    started = time.perf_counter()
    names = sheet_titles(ids)
    assert time.perf_counter() - started < 5
    assert names[0] == "0" + "a" * 30
    assert len(set(names)) == len(ids)

"""Reports as .xlsx workbooks: an "About" sheet, then one filterable sheet per section.

Only ``render_workbook`` imports this module, so HTML, Markdown and ``--help`` never load
openpyxl. The same records and as-of date give the same bytes: the document properties and
every zip entry carry the as-of date instead of the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from io import BytesIO
from typing import TYPE_CHECKING
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from complykit.reports.xlsx_book import Book, Cell, Sheet

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as XlCell
    from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 10, 50
TITLE_LENGTH = 31  # Excel's limit for a sheet name
_NOT_IN_TITLES = re.compile(r"[\\/?*\[\]:]")
_ZIP_EPOCH = date(1980, 1, 1)  # the earliest date a zip entry can carry


def write(book: Book) -> bytes:
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    titles = sheet_titles([book.about_title, *(sheet.title for sheet in book.sheets)])
    _about(wb.create_sheet(titles[0]), book)
    for title, sheet in zip(titles[1:], book.sheets, strict=True):
        _table(wb.create_sheet(title), sheet)
    stamp = datetime.combine(book.as_of, time())
    wb.properties.title = book.title
    wb.properties.creator = "complykit"
    wb.properties.created = wb.properties.modified = stamp
    return _save(wb, max(book.as_of, _ZIP_EPOCH))


def sheet_titles(titles: list[str]) -> list[str]:
    """Valid, unique sheet names: no ``\\ / ? * [ ] :``, at most 31 characters."""
    seen: set[str] = set()
    valid: list[str] = []
    for title in titles:
        base = _NOT_IN_TITLES.sub("-", title).strip(" '")[:TITLE_LENGTH] or "-"
        candidate, number = base, 1
        while candidate.casefold() in seen:  # Excel compares sheet names case-insensitively
            number += 1
            suffix = f" ({number})"
            candidate = base[: TITLE_LENGTH - len(suffix)] + suffix
        seen.add(candidate.casefold())
        valid.append(candidate)
    return valid


def _about(ws: Worksheet, book: Book) -> None:
    _put(ws, 1, 1, book.title).font = Font(bold=True, size=14)
    for row, note in enumerate(book.notes, start=2):
        _put(ws, row, 1, note)
    first = len(book.notes) + 3
    for row, (label, value) in enumerate(book.about, start=first):
        _put(ws, row, 1, label).font = Font(bold=True)
        _put(ws, row, 2, value, wrap=True)
    ws.column_dimensions["A"].width = _width(label for label, _ in book.about)
    ws.column_dimensions["B"].width = _width(value for _, value in book.about)


def _table(ws: Worksheet, sheet: Sheet) -> None:
    bold, shade = Font(bold=True), PatternFill("solid", start_color="DDDDDD")
    for column, label in enumerate(sheet.columns, start=1):
        cell = _put(ws, 1, column, label, wrap=True)
        cell.font, cell.fill = bold, shade
    for row, values in enumerate(sheet.rows, start=2):
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value, wrap=True)
    for column, label in enumerate(sheet.columns, start=1):
        cells = [values[column - 1] for values in sheet.rows]
        ws.column_dimensions[get_column_letter(column)].width = _width(cells, heading=label)
    last = get_column_letter(len(sheet.columns))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"


def _put(ws: Worksheet, row: int, column: int, value: Cell, *, wrap: bool = False) -> XlCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell: XlCell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # record text is text, never a formula: "=cmd|..." stays inert
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    return cell


def _width(values: Iterable[Cell], heading: str = "") -> float:
    """Characters for the longest line, with room for the heading's filter button."""
    lengths = [len(line) for value in values for line in _text(value).splitlines()]
    longest = max([len(heading) + 4 if heading else 0, *lengths])
    return float(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))


def _text(value: Cell) -> str:
    if isinstance(value, date):
        return "2026-11-23"  # as wide as any date in the yyyy-mm-dd format
    return "" if value is None else str(value)


def _save(wb: Workbook, day: date) -> bytes:
    # ExcelWriter rather than Workbook.save, which stamps "modified" with the clock.
    written = BytesIO()
    with ZipFile(written, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    day = max(day, date(1980, 1, 1))  # the zip format cannot hold an earlier date
    return _restamped(written.getvalue(), (day.year, day.month, day.day, 0, 0, 0))


def _restamped(data: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """The same zip archive with every entry dated ``date_time`` instead of when it was written."""
    stamped = BytesIO()
    with ZipFile(BytesIO(data)) as source, ZipFile(stamped, "w", ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = ZipInfo(entry.filename, date_time)
            info.compress_type = ZIP_DEFLATED
            info.create_system, info.external_attr = 3, 0o100644 << 16  # Unix, rw-r--r--
            target.writestr(info, source.read(entry))
    return stamped.getvalue()

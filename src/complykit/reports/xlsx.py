"""Reports as .xlsx workbooks: an "About" sheet, then one filterable sheet per section.

Only ``render_workbook`` imports this module, so HTML, Markdown and ``--help`` never load
XlsxWriter. XlsxWriter rather than openpyxl: it formats the XML as text instead of building
an object per cell, which wrote an audit pack's workbooks more than twice as fast
(docs/performance.md, "Report pack"). The same records and as-of date give the same bytes:
the document properties carry the as-of date instead of the clock, and XlsxWriter dates every
zip entry 1980-01-01, as Excel does.

Every data sheet prints as a register should: landscape A4, one page wide, the header row
repeated on each page, text wrapped at the top of its cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from io import BytesIO
from typing import TYPE_CHECKING

from xlsxwriter import Workbook

from complykit.escape import spreadsheet
from complykit.reports.xlsx_book import Book, Cell, Sheet

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 10, 50
TITLE_LENGTH = 31  # Excel's limit for a sheet name, in UTF-16 code units
CELL_LENGTH = 32_767  # Excel's limit for the text of a cell, in UTF-16 code units
CUT = " […]"  # what ends a text cut to fit a cell, in every language
A4 = 9  # Excel's paper size code
_NOT_IN_TITLES = re.compile(r"[\\/?*\[\]:]")
# Record text is text: never a formula ("=cmd|..." stays inert), a number or a link. Its
# controls are escaped by `spreadsheet`, never dropped: XML 1.0 has no place for most of them
# (Excel would call the file corrupt), and a right-to-left override would reorder what is read.
_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


class _Styles:
    """The few cell formats a report uses, made once per workbook."""

    def __init__(self, wb: Workbook) -> None:
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.label = wb.add_format({"bold": True, "valign": "top"})
        self.text = wb.add_format({"valign": "top"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.date = wb.add_format({"num_format": DATE_FORMAT, "valign": "top"})
        self.heading = wb.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "pattern": 1, "bg_color": "#DDDDDD"}
        )


def write(book: Book) -> bytes:
    written = BytesIO()
    wb = Workbook(written, _OPTIONS)
    stamp = datetime.combine(book.as_of, time())  # XlsxWriter writes it as created and modified
    wb.set_properties({"title": spreadsheet(book.title), "author": "complykit", "created": stamp})
    styles = _Styles(wb)
    titles = sheet_titles([book.about_title, *(sheet.title for sheet in book.sheets)])
    _about(wb.add_worksheet(titles[0]), book, styles)
    for title, sheet in zip(titles[1:], book.sheets, strict=True):
        _table(wb.add_worksheet(title), sheet, styles)
    wb.close()
    return written.getvalue()


def sheet_titles(titles: list[str]) -> list[str]:
    """Valid, unique sheet names: no ``\\ / ? * [ ] :``, at most 31 characters."""
    seen: set[str] = set()
    valid: list[str] = []
    for title in titles:
        base = _fit(_NOT_IN_TITLES.sub("-", title).strip(" '"), TITLE_LENGTH) or "-"
        candidate, number = base, 1
        while candidate.casefold() in seen:  # Excel compares sheet names case-insensitively
            number += 1
            suffix = f" ({number})"
            candidate = _fit(base, TITLE_LENGTH - len(suffix)).rstrip(" '") + suffix
        seen.add(candidate.casefold())
        valid.append(candidate)
    return valid


def _fit(text: str, units: int) -> str:
    """The longest start of ``text`` that Excel counts as at most ``units`` long.

    Cut once in UTF-16 rather than a character at a time, which encoded the text again for
    each character: a framework id of 100,000 characters took seconds to become a sheet name.
    """
    encoded = text.encode("utf-16-le", "surrogatepass")
    if len(encoded) <= 2 * units:
        return text
    # "ignore" drops half a surrogate pair where the cut falls inside one.
    return encoded[: 2 * units].decode("utf-16-le", "ignore")


def _about(ws: Worksheet, book: Book, styles: _Styles) -> None:
    ws.write_string(0, 0, _text(book.title), styles.title)
    for row, note in enumerate(book.notes, start=1):
        ws.write_string(row, 0, _text(note), styles.text)
    first = len(book.notes) + 2
    for row, (label, value) in enumerate(book.about, start=first):
        ws.write_string(row, 0, _text(label), styles.label)
        _put(ws, row, 1, value, styles)
    ws.set_column(0, 0, _width(label for label, _ in book.about))
    ws.set_column(1, 1, _width(value for _, value in book.about))
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)


def _table(ws: Worksheet, sheet: Sheet, styles: _Styles) -> None:
    for column, label in enumerate(sheet.columns):
        ws.write_string(0, column, _text(label), styles.heading)
    for row, values in enumerate(sheet.rows, start=1):
        for column, value in enumerate(values):
            _put(ws, row, column, value, styles)
    for column, label in enumerate(sheet.columns):
        cells = [values[column] for values in sheet.rows]
        ws.set_column(column, column, _width(cells, heading=label))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)
    _print_setup(ws)


def _print_setup(ws: Worksheet) -> None:
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)  # one page wide, as many pages long as the rows need
    ws.repeat_rows(0)  # the header row on every printed page


def _put(ws: Worksheet, row: int, column: int, value: Cell, styles: _Styles) -> None:
    if isinstance(value, str):
        ws.write_string(row, column, _text(value), styles.wrap)
    elif isinstance(value, date):
        ws.write_datetime(row, column, datetime.combine(value, time()), styles.date)
    elif value is None:
        ws.write_blank(row, column, None, styles.wrap)
    elif isinstance(value, bool):  # a bool is an int too; Excel has a type for it
        ws.write_boolean(row, column, value, styles.wrap)
    else:
        ws.write_number(row, column, value, styles.wrap)


def _text(text: str) -> str:
    """``text`` escaped for a cell, cut to what a cell holds with a mark that says so.

    XlsxWriter cuts a longer text at the limit without a trace; a value may hold 100,000
    characters (a DPIA's description), and the reader of the register must see that the rest
    is in the HTML report rather than take the cut text for the whole.
    """
    escaped = spreadsheet(text)
    if len(escaped) <= CELL_LENGTH // 2:  # no text this short passes the limit in UTF-16
        return escaped
    fitted = _fit(escaped, CELL_LENGTH)
    return escaped if fitted == escaped else _fit(escaped, CELL_LENGTH - len(CUT)) + CUT


def _width(values: Iterable[Cell], heading: str = "") -> float:
    """Characters for the longest line, with room for the heading's filter button."""
    longest = max([len(heading) + 4 if heading else 0, *map(_longest_line, values)])
    return float(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))


def _longest_line(value: Cell) -> int:
    if isinstance(value, str):
        return max(map(len, value.splitlines())) if "\n" in value else len(value)
    if isinstance(value, date):
        return len("2026-11-23")  # as wide as any date in the yyyy-mm-dd format
    return 0 if value is None else len(str(value))

"""Rows of text from a spreadsheet: a workbook (.xlsx, .xlsm, .ods) or a CSV file.

Every cell becomes a string as the privacy officer sees it: dates as YYYY-MM-DD, whole numbers
without ``.0``, empty cells as "". Row numbers are the ones the spreadsheet shows. Workbooks pass
workbook_limits before python-calamine (one reader for Excel and OpenDocument, in Rust) opens
them.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.exchange.shown import shown
from complykit.exchange.source_file import MAX_BYTES, read_source
from complykit.exchange.workbook_limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, check_workbook

if TYPE_CHECKING:
    import python_calamine

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "pipes"}
FORMATS_HINT = "Save the register as a workbook (.xlsx or .ods) or as CSV (UTF-8)."
WINDOWS_1252 = "read as Windows-1252 (not UTF-8); check accented letters, or save as CSV UTF-8"


@frozen
class Row:
    """One spreadsheet row: its number as the spreadsheet shows it, and its cells as text."""

    number: int
    cells: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any(self.cells)


@frozen
class Sheet:
    """A named sheet and its rows, empty ones included; a CSV file is one sheet."""

    name: str
    rows: tuple[Row, ...]
    warnings: tuple[str, ...] = ()
    """What the import should warn about the whole sheet, e.g. how its text was decoded."""
    delimiter: str | None = None
    """The delimiter a CSV file was read with (a guess: CSV does not say); None for a workbook."""
    hidden: bool = False
    """The workbook hides the sheet: never taken for the table of activities unless named."""
    merged: tuple[tuple[int, int, int], ...] = ()
    """The cells merged over more than one row: column index (0 for A), first and last row
    number. The workbook holds the value in the first row only (``merged_cells``)."""


HeaderWord = Callable[[str], bool]
"""Whether a cell names a column the import knows: it tells the header row, and so the
delimiter of a CSV file."""


def read_sheets(
    path: Path,
    header_word: HeaderWord | None = None,
    *,
    workspace: Path,
    delimiter: str | None = None,
) -> list[Sheet]:
    """Every sheet of ``path`` in workbook order, or the one table of a CSV file, split at
    ``delimiter`` when one is given (a ``DELIMITER_WORDS`` key or value), else at the delimiter
    that makes a header row of ``header_word`` cells (``_delimiter``). ``path`` must not lead
    out of the repository around ``workspace`` (``source_file``).

    Raises ComplykitError when the file cannot be read or exceeds a limit, or when a delimiter
    is given for a workbook or is none the import knows.
    """
    suffix = path.suffix.casefold()
    if suffix not in WORKBOOK_SUFFIXES + CSV_SUFFIXES:
        raise ComplykitError(f"{path}: not a .xlsx, .ods or .csv file", hint=FORMATS_HINT)
    told = None if delimiter is None else delimiter_of(delimiter)
    if told is not None and suffix in WORKBOOK_SUFFIXES:
        raise ComplykitError(
            f"{path}: --delimiter is for CSV files; a workbook has no delimiter",
            hint="Leave out --delimiter.",
        )
    # Read once: the limits are checked on, and the sheets parsed from, the same bytes, which a
    # file swapped between a check and a parse by name would not be.
    data = read_source(path, MAX_BYTES, workspace=workspace)
    if suffix in WORKBOOK_SUFFIXES:
        check_workbook(path, io.BytesIO(data))
        return _workbook_sheets(path, data)
    text, warnings = _csv_text(path, data)
    used = told or _delimiter(text, header_word)
    return [Sheet(path.stem, tuple(_csv_rows(path, text, used)), warnings, used)]


DELIMITER_WORDS = {"semicolon": ";", "comma": ",", "tab": "\t", "pipe": "|"}
"""What ``--delimiter`` takes: a word, or the character itself (a tab as ``\\t``)."""


def delimiter_of(told: str) -> str:
    """The character ``told`` names: ``semicolon`` or ``;``, ``comma`` or ``,``, ``tab`` (or a
    tab, or ``\\t``), ``pipe`` or ``|``. Raises ComplykitError for any other."""
    word = told.strip().casefold() if told.strip() else told
    if word in DELIMITER_WORDS:
        return DELIMITER_WORDS[word]
    if told in {"\t", "\\t"}:
        return "\t"
    if told in DELIMITER_WORDS.values():
        return told
    choices = ", ".join(DELIMITER_WORDS)
    raise ComplykitError(f"--delimiter '{shown(told)}' is none of: {choices}")


def read_as(sheets: Sequence[Sheet]) -> str:
    """For an error about finding no header: how a CSV file was split into columns, since a
    wrong guess of its delimiter hides the header ("" for workbooks)."""
    delimiter = next((s.delimiter for s in sheets if s.delimiter is not None), None)
    if delimiter is None:
        return ""
    return f" (the CSV file was read as separated by {DELIMITER_NAMES[delimiter]})"


DELIMITER_HINT = (
    "If its columns are separated by another character, name it with --delimiter (semicolon, "
    "comma, tab or pipe), or save it as a workbook (.xlsx or .ods), which has no delimiter to "
    "guess, or as 'CSV UTF-8 (comma delimited)'."
)


def header_hint(sheets: Sequence[Sheet], hint: str) -> str:
    """``hint``, followed for a CSV file by how to avoid a wrong guess of its delimiter."""
    return f"{hint} {DELIMITER_HINT}" if read_as(sheets) else hint


def read_rows(path: Path, sheet: str | None = None, *, workspace: Path) -> list[Row]:
    """The rows of one sheet of ``path``: the named one, or the first.

    Raises ComplykitError when the file cannot be read or the sheet does not exist.
    """
    sheets = read_sheets(path, workspace=workspace)
    if sheet is None:
        return list(sheets[0].rows)
    return list(pick_sheet(path, sheets, sheet).rows)


def sheet_warnings(sheets: Sequence[Sheet]) -> tuple[tuple[str, str], ...]:
    """Each warning about a whole sheet, with the sheet's name, for an import report."""
    return tuple((sheet.name, warning) for sheet in sheets for warning in sheet.warnings)


def pick_sheet(path: Path, sheets: list[Sheet], name: str) -> Sheet:
    """The sheet called ``name``; raises ComplykitError naming the sheets there are."""
    for candidate in sheets:
        if candidate.name == name:
            return candidate
    names = ", ".join(f"'{shown(s.name)}'" for s in sheets)
    raise ComplykitError(f"{path} has no sheet '{shown(name)}'", hint=f"Sheets: {names}.")


def _workbook_sheets(path: Path, data: bytes) -> list[Sheet]:
    import python_calamine as calamine  # noqa: PLC0415 - only imports read workbooks

    errors = (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError, OSError)
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            hidden = _hidden_sheets(book)
            return [
                _sheet(book.get_sheet_by_name(name), hidden=name in hidden)
                for name in book.sheet_names
            ]
        finally:
            book.close()
    except calamine.PasswordError:
        raise ComplykitError(f"{path} is protected by a password", hint=FORMATS_HINT) from None
    except errors as error:
        reason = shown(str(error), 200)
        raise ComplykitError(f"{path}: cannot read the workbook ({reason})") from None


HIDDEN = (
    "hidden in the workbook; read as the other sheets are, but not taken for the table of "
    "activities unless --sheet names it"
)


def _hidden_sheets(book: python_calamine.CalamineWorkbook) -> frozenset[str]:
    """The names of the sheets the workbook hides (hidden or "very hidden"): a register's
    lookup lists, or an old version of the register kept out of sight."""
    import python_calamine as calamine  # noqa: PLC0415 - only imports read workbooks

    shown_sheet = calamine.SheetVisibleEnum.Visible
    return frozenset(m.name for m in book.sheets_metadata if m.visible != shown_sheet)


def _sheet(sheet: python_calamine.CalamineSheet, *, hidden: bool = False) -> Sheet:
    values = sheet.to_python(skip_empty_area=False)
    return Sheet(
        sheet.name,
        tuple(Row(n, tuple(_cell(v) for v in cells)) for n, cells in enumerate(values, 1)),
        (HIDDEN,) if hidden else (),
        hidden=hidden,
        merged=_merged_down(sheet),
    )


def _merged_down(sheet: python_calamine.CalamineSheet) -> tuple[tuple[int, int, int], ...]:
    """Each merged cell that spans rows, as (column, first row, last row); the reader gives
    ranges 0-based, or None for a format it does not read them from."""
    ranges = sheet.merged_cell_ranges or []
    return tuple((start[1], start[0] + 1, end[0] + 1) for start, end in ranges if end[0] > start[0])


def _csv_text(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of a CSV file, and a warning when it was not UTF-8.

    Excel in Dutch saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252, so text
    that is not UTF-8 is read as that when it can be. Bytes that Windows-1252 leaves undefined,
    NUL bytes (UTF-16) or a UTF-8 byte-order mark before bytes that are not UTF-8 are refused.
    """
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    if not data.startswith(codecs.BOM_UTF8) and b"\0" not in data:
        try:
            return data.decode("cp1252"), (WINDOWS_1252,)
        except UnicodeDecodeError:
            pass
    raise ComplykitError(
        f"{path} is not UTF-8 text (nor Windows-1252)",
        hint="In Excel, save as 'CSV UTF-8 (comma delimited)'.",
    )


def _csv_rows(path: Path, text: str, delimiter: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    cells_read = 0
    try:
        for number, cells in enumerate(reader, 1):
            cells_read += len(cells)
            _check_extent(path, number, len(cells), cells_read)
            rows.append(Row(number, tuple(c.strip() for c in cells)))
    except csv.Error as error:
        raise ComplykitError(f"{path}: not a readable CSV file ({error})") from None
    return rows


def _check_extent(path: Path, row: int, columns: int, cells: int) -> None:
    """The limits a workbook's sheet passes (``workbook_limits``), for a CSV file as it is
    read: 50 MB of commas is a million empty columns, or millions of rows that take minutes."""
    if row > MAX_ROWS:
        reason = f"it reaches row {row:,} (limit {MAX_ROWS:,})"
    elif columns > MAX_COLUMNS:
        reason = f"row {row:,} has {columns:,} columns (limit {MAX_COLUMNS:,})"
    elif cells > MAX_CELLS:
        reason = f"it holds more than {MAX_CELLS:,} cells by row {row:,}"
    else:
        return
    raise ComplykitError(f"{path}: refused: {reason}", hint=FORMATS_HINT)


_DELIMITER_ROWS = 20
"""Rows read to tell the delimiter: as many as a header is looked for in (``HEADER_ROWS``)."""


def _delimiter(text: str, header_word: HeaderWord | None) -> str:
    """The delimiter that splits the first non-empty rows best; a comma when none splits any.

    Best is, in order: the most cells of one row that name a known column (the header row,
    below any title); the most rows of one width above one column; the most columns. Rows are
    split as a CSV reader splits them, so a delimiter inside a quoted cell counts for nothing.
    An unquoted comma in a cell of a semicolon file (Dutch Excel quotes only cells holding a
    semicolon) gives rows of many widths when split at commas, and no header.
    """
    scores = {d: _split_score(text, d, header_word) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: scores[d])  # ties: the first in DELIMITERS
    return best if scores[best][1] else ","


def _split_score(text: str, delimiter: str, header_word: HeaderWord | None) -> tuple[int, int, int]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(islice((r for r in reader if any(c.strip() for c in r)), _DELIMITER_ROWS))
    except csv.Error:  # e.g. a field past the size limit: the real read reports it
        return (0, 0, 0)
    known = max((sum(map(header_word, row)) for row in rows), default=0) if header_word else 0
    widths = Counter(len(row) for row in rows if len(row) > 1)
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]), default=(1, 0))
    return (known, count, width)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time | timedelta):
        return str(value) if isinstance(value, timedelta) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

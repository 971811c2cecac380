"""Rows of text from a spreadsheet: an Excel sheet (.xlsx) or a CSV file.

Every cell becomes a string as the privacy officer sees it: dates as YYYY-MM-DD, whole numbers
without ``.0``, empty cells as "". Row numbers are the ones the spreadsheet shows.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from complykit.errors import ComplykitError

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
DELIMITERS = (";", ",", "\t")
MAX_BYTES = 50_000_000  # far above any register; a larger file is not one


@dataclass(frozen=True, slots=True)
class Row:
    """One spreadsheet row: its number as the spreadsheet shows it, and its cells as text."""

    number: int
    cells: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any(self.cells)


def read_rows(path: Path, sheet: str | None = None) -> list[Row]:
    """The rows of ``path`` (a sheet of a workbook, or a CSV file), empty ones included.

    Raises ComplykitError when the file cannot be read or the sheet does not exist.
    """
    suffix = path.suffix.casefold()
    if suffix in EXCEL_SUFFIXES:
        return _excel_rows(path, sheet)
    if suffix in CSV_SUFFIXES:
        if sheet is not None:
            raise ComplykitError("--sheet applies to .xlsx workbooks; a CSV file has one table")
        return _csv_rows(path)
    raise ComplykitError(
        f"{path}: not a .xlsx or .csv file",
        hint="Save the register as an Excel workbook (.xlsx) or as CSV (UTF-8).",
    )


def _excel_rows(path: Path, sheet: str | None) -> list[Row]:
    from openpyxl import load_workbook  # noqa: PLC0415 - openpyxl is slow to import
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    _check_size(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as error:
        raise ComplykitError(f"{path}: cannot read the workbook ({error})") from None
    try:
        names = book.sheetnames
        if sheet is not None and sheet not in names:
            raise ComplykitError(f"{path} has no sheet '{sheet}'", hint=f"Sheets: {_list(names)}.")
        worksheet = book[sheet if sheet is not None else names[0]]
        rows = worksheet.iter_rows(values_only=True)
        return [Row(n, tuple(_cell(v) for v in values)) for n, values in enumerate(rows, 1)]
    finally:
        book.close()


def _csv_rows(path: Path) -> list[Row]:
    _check_size(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ComplykitError(
            f"{path} is not UTF-8 text",
            hint="In Excel, save as 'CSV UTF-8 (comma delimited)'.",
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return [Row(n, tuple(c.strip() for c in cells)) for n, cells in enumerate(reader, 1)]
    except csv.Error as error:
        raise ComplykitError(f"{path}: not a readable CSV file ({error})") from None


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ComplykitError(f"{path}: {error.strerror or error}") from None
    if size > MAX_BYTES:
        raise ComplykitError(f"{path} is {size:,} bytes; a register is far smaller")


def _delimiter(text: str) -> str:
    """The delimiter used most on the first non-empty line; a comma when there is none."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _list(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)

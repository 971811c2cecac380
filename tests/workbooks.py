"""Workbooks for import tests: XLSX through openpyxl, ODS written as LibreOffice does, and raw
zip parts for hostile files."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from openpyxl import Workbook

Cell = str | int | float | date | None
Sheets = Mapping[str, Sequence[Sequence[Cell]]]
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    f'manifest:media-type="{ODS_MIME}"/><manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>'
)


def xlsx(path: Path, sheets: Sheets) -> Path:
    """An Excel workbook with one sheet per entry, in order."""
    book = Workbook()
    book.remove(book.worksheets[0])
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def ods(path: Path, sheets: Sheets) -> Path:
    """An OpenDocument spreadsheet, with the trailing repeated empty rows LibreOffice writes."""
    tables = "".join(_table(name, rows) for name, rows in sheets.items())
    return ods_content(path, tables)


def ods_content(path: Path, tables: str) -> Path:
    """An OpenDocument spreadsheet whose body is the given table XML."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f"{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME)
        archive.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _table(name: str, rows: Sequence[Sequence[Cell]]) -> str:
    body = "".join(_row(row) for row in rows)
    tail = (
        '<table:table-row table:number-rows-repeated="1048500">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    return f"<table:table table:name={quoteattr(name)}>{body}{tail}</table:table>"


def _row(row: Sequence[Cell]) -> str:
    return "<table:table-row>" + "".join(_cell(value) for value in row) + "</table:table-row>"


def _cell(value: Cell) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, datetime | date):
        day = value.isoformat()[:10]
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{day}">'
            f"<text:p>{day}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def rewrite_part(source: Path, target: Path, part: str, text: str) -> Path:
    """A copy of the zip ``source`` with ``part`` replaced by ``text``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = text.encode("utf-8") if info.filename == part else original.read(info)
            copy.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return target


def register_cell(book: bytes, record_id: str, label: str, sheet: int = 1) -> object:
    """The value in a rendered register workbook's ``sheet`` for the record ``record_id``
    (its id is the last column) under the column headed ``label``."""
    from io import BytesIO  # noqa: PLC0415 - only the report tests read workbooks back

    from openpyxl import load_workbook  # noqa: PLC0415

    rows = list(load_workbook(BytesIO(book)).worksheets[sheet].iter_rows(values_only=True))
    header = next(row for row in rows if label in row)
    return next(row for row in rows if row[-1] == record_id)[header.index(label)]

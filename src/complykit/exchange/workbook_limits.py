"""Limits a workbook (.xlsx or .ods) passes before a spreadsheet library reads it.

A workbook is a zip of XML parts, and both layers can be made hostile: a zip bomb declares (or
hides) gigabytes behind a few kilobytes, an XML part may carry a DTD with entity definitions, and a
single cell at XFD1048576 makes calamine allocate the whole rectangle up to it (it aborts the
process on a failed allocation, which no ``except`` catches). So the zip directory is checked
first, then every XML part is streamed through expat, which refuses any DTD and measures the
extent of every sheet, before calamine sees the file.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.parsers import expat

from complykit.core.errors import ComplykitError
from complykit.exchange.shown import shown

MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 100_000_000  # all parts together, as the zip directory declares them
MAX_RATIO = 200  # deflate rarely beats 1:20 on spreadsheet XML; bombs reach 1:1000
RATIO_FLOOR = 1_000_000  # small parts may compress well without harm
MAX_ROWS = 100_000
MAX_COLUMNS = 1_024
MAX_CELLS = 2_000_000  # rows times columns of a sheet's used rectangle
CHUNK = 1 << 16
HINT = "Open the file in a spreadsheet program, copy the register to a new workbook and save that."
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_XML_SUFFIXES = (".xml", ".rels")
SPREADSHEETML = frozenset(
    {
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",  # ISO/IEC 29500 strict
    }
)


class _RefusedError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_workbook(path: Path, data: IO[bytes]) -> None:
    """Raise ComplykitError naming ``path`` when ``data``, its bytes as read once, is no zip,
    or exceeds a limit of this module."""
    try:
        with zipfile.ZipFile(data) as archive:
            _check_directory(archive.infolist())
            for info in archive.infolist():
                if info.filename.endswith(_XML_SUFFIXES):
                    _check_part(archive, info)
    except _RefusedError as refused:
        raise ComplykitError(f"{path}: refused: {refused.reason}", hint=HINT) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise ComplykitError(f"{path}: not a readable workbook ({error})", hint=HINT) from None


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _RefusedError(f"the archive holds {len(infos):,} parts (limit {MAX_MEMBERS:,})")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise _RefusedError(
            f"the parts declare {total:,} bytes uncompressed (limit {MAX_UNCOMPRESSED:,})"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise _RefusedError(
                f"a part expands {ratio:,.0f} times (limit {MAX_RATIO}), a zip bomb"
            )


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    extent = _extent_counter(info.filename)
    # Namespaces resolved, so a renamed prefix cannot hide an attribute from the counters.
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_entity
    parser.StartElementHandler = extent.start
    parser.EndElementHandler = extent.end
    try:
        with archive.open(info) as stream:
            _feed(parser, stream)
    except expat.ExpatError as error:
        raise _RefusedError(f"{shown(info.filename)} is not well-formed XML ({error})") from None


def _feed(parser: expat.XMLParserType, stream: IO[bytes]) -> None:
    # zipfile never returns more than the declared size and checks the CRC at the end, so a
    # part cannot inflate beyond what _check_directory accepted.
    while chunk := stream.read(CHUNK):
        parser.Parse(chunk, False)  # noqa: FBT003 - expat's positional flag
    parser.Parse(b"", True)  # noqa: FBT003


def _no_doctype(*_: object) -> None:
    raise _RefusedError("an XML part declares a DTD; workbooks never need one")


def _no_entity(*_: object) -> None:
    raise _RefusedError("an XML part defines entities; workbooks never need them")


def _extent_counter(name: str) -> _XlsxExtent | _OdsExtent:
    # Every part is measured, not only xl/worksheets/: the workbook's relationships may place a
    # sheet anywhere in the archive, and calamine follows them.
    if name == "content.xml":
        return _OdsExtent(name)
    return _XlsxExtent(shown(name))


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _attributes(attributes: dict[str, str]) -> dict[str, str]:
    return {_local(key): value for key, value in attributes.items()}


def _check_extent(part: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise _RefusedError(f"a sheet in {part} reaches row {rows:,} (limit {MAX_ROWS:,})")
    if columns > MAX_COLUMNS:
        raise _RefusedError(f"a sheet in {part} reaches column {columns:,} (limit {MAX_COLUMNS:,})")
    if rows * columns > MAX_CELLS:
        raise _RefusedError(
            f"a sheet in {part} spans {rows:,} rows by {columns:,} columns "
            f"(limit {MAX_CELLS:,} cells)"
        )


def column_number(letters: str) -> int:
    """The 1-based column number of an A1-style column: A is 1, AA is 27."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


@dataclass(slots=True)
class _XlsxExtent:
    """The furthest row and column of an Office Open XML sheet, declared or used."""

    part: str
    row: int = 0
    column: int = 0
    max_row: int = 0
    max_column: int = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag.rpartition(" ")[0] not in SPREADSHEETML:
            return  # a chart's or drawing's <c> is no cell
        name, attributes = _local(tag), _attributes(attributes)
        if name == "dimension":
            self._dimension(attributes.get("ref", ""))
        elif name == "row":
            self.row = _int(attributes.get("r"), self.row + 1)
            self.column = 0
            self._grow(self.row, self.max_column)
        elif name == "c":
            reference = _REFERENCE.fullmatch(attributes.get("r", ""))
            self.column = column_number(reference[1]) if reference else self.column + 1
            self._grow(self.row, self.column)

    def end(self, tag: str) -> None:
        """Nothing to do when an element closes."""

    def _dimension(self, ref: str) -> None:
        corners = [_REFERENCE.fullmatch(part) for part in ref.split(":")]
        for corner in filter(None, corners):
            _check_extent(self.part, int(corner[2]), column_number(corner[1]))

    def _grow(self, row: int, column: int) -> None:
        self.max_row, self.max_column = max(self.max_row, row), max(self.max_column, column)
        _check_extent(self.part, self.max_row, self.max_column)


@dataclass(slots=True)
class _OdsExtent:
    """The rows and columns an OpenDocument table fills once repeats are expanded.

    Empty rows and cells repeated to the sheet's edge (LibreOffice writes them) count only when
    content follows them, as calamine reads them.
    """

    part: str
    row: int = 0
    column: int = 0
    row_repeat: int = 1
    cell_repeat: int = 1
    row_width: int = 0
    cell_filled: bool = False
    depth_in_cell: int = 0
    filled_rows: int = 0
    width: int = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        name, attributes = _local(tag), _attributes(attributes)
        if self.depth_in_cell:
            self.depth_in_cell += 1
            self.cell_filled = True
        elif name == "table":
            self.row = self.filled_rows = self.width = 0
        elif name == "table-row":
            self.row_repeat = _int(attributes.get("number-rows-repeated"), 1)
            self.column = self.row_width = 0
        elif name in {"table-cell", "covered-table-cell"}:
            self.cell_repeat = _int(attributes.get("number-columns-repeated"), 1)
            self.cell_filled = "value-type" in attributes
            self.depth_in_cell = 1

    def end(self, tag: str) -> None:
        name = _local(tag)
        if self.depth_in_cell > 1:
            self.depth_in_cell -= 1
        elif self.depth_in_cell == 1:
            self.depth_in_cell = 0
            self.column += self.cell_repeat
            if self.cell_filled:
                self.row_width = self.column
        elif name == "table-row":
            self.row += self.row_repeat
            if self.row_width:
                self.filled_rows = self.row
                self.width = max(self.width, self.row_width)
                _check_extent(self.part, self.filled_rows, self.width)


def _int(text: str | None, default: int) -> int:
    if text is None:
        return default
    if not text.isdigit() or len(text) > 9:
        raise _RefusedError("a row number or repeat count is not a whole number below 10^9")
    return int(text)

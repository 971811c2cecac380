"""Cells merged over several rows of a register's table, read as the spreadsheet shows them.

A workbook stores a merged cell's value in its top cell only; the rows below it read as empty.
Registers merge a cell down for two reasons. A value that applies to several activities (one
legal basis, one department, one retention period for three rows) is shown once: each row it
covers has that value. An activity whose purposes, recipients or systems take a row each is
shown under one name cell merged over those rows: the rows are one activity. Read as stored,
the first gives activities without a basis and the second activities named after their
purposes, neither of which the register says.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from complykit.core.frozen import frozen
from complykit.exchange.row_source import column_letters
from complykit.exchange.sheet import Row


@frozen
class Span:
    """A cell merged over rows ``first`` to ``last`` (row numbers as the spreadsheet shows
    them) in the column at ``column`` (0 for A); for a cell merged across columns as well, its
    first column, which holds the value."""

    column: int
    first: int
    last: int

    @property
    def reference(self) -> str:
        letters = column_letters(self.column)
        return f"{letters}{self.first}:{letters}{self.last}"


@frozen
class Spread:
    """A table's data rows with its merged cells spread, and what the import says about it."""

    rows: tuple[Row, ...]
    warnings: tuple[str, ...]


def spread_merged(
    rows: Sequence[Row], spans: Sequence[Span], header: int, key_columns: Collection[int] = ()
) -> Spread:
    """``rows`` (a table's data rows, below the header row numbered ``header``) with each span
    below the header spread: one in a ``key_columns`` column (the activity's name or id) makes
    the rows it covers one activity, its first row holding each column's values a line each;
    any other gives its value to every row it covers. Rows absent from ``rows`` (empty ones)
    stay absent: a merged cell alone makes no activity."""
    cells = {row.number: list(row.cells) for row in rows}
    below = [span for span in spans if span.first > header and span.first in cells]
    # Values first, then groups: a group's rows then hold the values merged over them too.
    keys = [span for span in below if span.column in key_columns]
    values = [span for span in below if span.column not in key_columns and not _within(span, keys)]
    filled = [span for span in values if _fill_down(cells, span)]
    grouped = [span for span in keys if _join_rows(cells, span)]
    warnings = [
        f"cell {span.reference} is merged over rows {span.first}-{span.last}; its value is read "
        "for each of them"
        for span in filled
    ] + [
        f"rows {span.first}-{span.last} share the merged cell {span.reference}; read as one "
        "activity, their other cells joined a line each"
        for span in grouped
    ]
    return Spread(tuple(Row(n, tuple(c)) for n, c in sorted(cells.items())), tuple(warnings))


def _within(span: Span, groups: Sequence[Span]) -> bool:
    """Whether ``span`` lies within the rows of one group: its value is the group's anyway."""
    return any(g.first <= span.first and span.last <= g.last for g in groups)


def _fill_down(cells: dict[int, list[str]], span: Span) -> bool:
    """Give the span's value to the empty cells it covers; whether any row took it."""
    value = _at(cells[span.first], span.column)
    filled = False
    for number in range(span.first + 1, span.last + 1):
        row = cells.get(number)
        if value and row is not None and not _at(row, span.column):
            _put(row, span.column, value)
            filled = True
    return filled


def _join_rows(cells: dict[int, list[str]], span: Span) -> bool:
    """Make the rows a key cell covers one row; whether there was more than one."""
    numbers = [n for n in range(span.first, span.last + 1) if n in cells]
    if len(numbers) < 2:  # one row is no group
        return False
    width = max(len(cells[n]) for n in numbers)
    # Repeats are kept: the nth purpose pairs with the nth basis, so two rows with the same
    # basis need it twice. Nothing repeats by accident: a span within the group is not filled
    # down (``_within``), so its rows below the top cell are still empty here.
    joined = ["\n".join(_filled(_at(cells[n], i) for n in numbers)) for i in range(width)]
    cells[span.first] = joined
    for number in numbers[1:]:
        del cells[number]
    return True


def _filled(values: Iterable[str]) -> list[str]:
    """The values that are not empty, in order, repeats included."""
    return [value for value in values if value]


def _at(row: list[str], column: int) -> str:
    return row[column].strip() if column < len(row) else ""


def _put(row: list[str], column: int, value: str) -> None:
    row.extend([""] * (column + 1 - len(row)))
    row[column] = value

"""Rows of the other sheets joined to the main-sheet row of the activity they name.

A row names its activity by the activity's name or by its id in the register, whatever the case,
accents and spacing; a row that names no activity of the main sheet is reported, not dropped.
"""

from __future__ import annotations

import unicodedata

from complykit.core.frozen import frozen
from complykit.exchange.layout import LINK, Kind, Layout, Table
from complykit.exchange.outcome import Outcome, Status
from complykit.exchange.row_source import Child, Source, unheaded
from complykit.exchange.shown import shown


@frozen
class Joined:
    """A source per main-sheet row, and the outcomes of rows that joined no activity."""

    sources: tuple[Source, ...]
    unmatched: tuple[Outcome, ...]


def key(text: str) -> str:
    """A name or id as rows compare it: lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def join(found: Layout) -> Joined:
    """Each main row with the rows that name it; the rows that name no activity, as outcomes."""
    main = found.main
    index = _index(main)
    children: dict[int, list[Child]] = {row.number: [] for row in main.rows}
    unmatched: list[Outcome] = []
    for kind, table in found.children:
        for child in _children(kind, table):
            link = key(child.values.get(LINK, ""))
            number = index.get(link) if link else None
            if number is None:
                reason = _unmatched_reason(child, main.sheet)
                unmatched.append(Outcome(child.sheet, child.row, Status.UNMATCHED, None, (reason,)))
            else:
                children[number].append(child)
    sources = tuple(
        Source(main.sheet, row, main.columns, tuple(children[row.number])) for row in main.rows
    )
    return Joined(sources, tuple(unmatched))


def _index(main: Table) -> dict[str, int]:
    """Main rows by id and by name; the first row wins where two share one."""
    index: dict[str, int] = {}
    for field in ("id", "name"):
        column = main.columns.fields.get(field)
        if column is None:
            continue
        for row in main.rows:
            value = key(row.cells[column]) if column < len(row.cells) else ""
            if value:
                index.setdefault(value, row.number)
    return index


def _children(kind: Kind, table: Table) -> list[Child]:
    found = []
    for row in table.rows:
        values = {
            field: row.cells[i].strip()
            for field, i in table.columns.fields.items()
            if i < len(row.cells) and row.cells[i].strip()
        }
        extra = tuple(
            f"{header}: {row.cells[i].strip()}"
            for i, header in table.columns.unknown.items()
            if i < len(row.cells) and row.cells[i].strip()
        ) + tuple(f"Column {at} (no header): {value}" for at, value in unheaded(row, table.columns))
        found.append(Child(kind.name, table.sheet, row.number, values, extra))
    return found


def _unmatched_reason(child: Child, main_sheet: str) -> str:
    link = child.values.get(LINK, "")
    if not link:
        return "names no activity"
    return f"names activity '{shown(link)}', which sheet '{shown(main_sheet)}' does not list"

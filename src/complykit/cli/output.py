"""How commands other than validate print: JSON documents and plain Rich tables."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated

import typer

SCHEMA_VERSION = "1"
UNVERIFIED_NOTE = "unverified: complykit's own reading, not confirmed by an authority"
_SHORT = 16  # cells up to this wide (ids, dates, flags) never wrap


class ViewFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    ViewFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
]


def print_json(document: object) -> None:
    # ASCII-only output survives any stream encoding, as in the validate JSON format.
    typer.echo(json.dumps(document, indent=2, ensure_ascii=True))


def print_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A plain Rich table; ids and other short values never wrap, long text does."""
    from rich.console import Console  # noqa: PLC0415 - Rich is slow to import
    from rich.table import Table  # noqa: PLC0415

    cells = [[_cell(value) for value in row] for row in rows]
    table = Table(box=None, header_style="bold", pad_edge=False)
    for index, column in enumerate(columns):
        widest = max((len(row[index]) for row in cells), default=0)
        table.add_column(column, no_wrap=widest <= _SHORT)
    for row in cells:
        table.add_row(*row)
    Console(highlight=False, markup=False, emoji=False).print(table)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "-" if value is None else str(value)

"""How commands print: messages, JSON documents and plain Rich tables, all made inert; and the
``--output`` files (opened by ``output_files``, which imports no Typer).

Every line passes through :mod:`complykit.escape`: workspace text (record fields, file names,
catalog titles) must not steer a CI runner or a terminal, whatever the command.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any, Final

import typer

SCHEMA_VERSION: Final = "1"
UNVERIFIED_NOTE = "unverified: complykit's own reading, not confirmed by an authority"
_SHORT = 16  # cells up to this wide (ids, dates, flags) never wrap


class ViewFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    ViewFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
]


def say(message: str = "", *, err: bool = False) -> None:
    """Print one message; controls show escaped and no line is a runner command."""
    from complykit.escape import plain  # noqa: PLC0415

    typer.echo(plain(message), err=err)


def print_json(document: object) -> None:
    from complykit.escape import defuse_json  # noqa: PLC0415

    # ASCII-only output survives any stream encoding, as in the validate JSON format.
    typer.echo(defuse_json(json.dumps(document, indent=2, ensure_ascii=True)))


def print_document(document_type: Any, document: object, output_format: ViewFormat) -> Any:
    """The document as JSON values, printed when the format is JSON.

    Dumped through the document's own type, the one `complykit schema` publishes in
    schemas/output/, so what is printed is what the schema describes.
    """
    from pydantic import TypeAdapter  # noqa: PLC0415 - pydantic is slow to import

    values = TypeAdapter(document_type).dump_python(document, mode="json")
    if output_format == ViewFormat.JSON:
        print_json(values)
    return values


def print_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A plain Rich table; ids and other short values never wrap, long text does."""
    from rich.console import Console  # noqa: PLC0415 - Rich is slow to import
    from rich.table import Table  # noqa: PLC0415

    from complykit.escape import defusing  # noqa: PLC0415

    cells = [[_cell(value) for value in row] for row in rows]
    table = Table(box=None, header_style="bold", pad_edge=False)
    for index, column in enumerate(columns):
        widest = max((len(row[index]) for row in cells), default=0)
        table.add_column(column, no_wrap=widest <= _SHORT)
    for row in cells:
        table.add_row(*row)
    # Rich wraps long cells: whole lines are checked again as they are written.
    with defusing(sys.stdout) as stream:
        Console(file=stream, highlight=False, markup=False, emoji=False).print(table)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    from complykit.escape import one_line  # noqa: PLC0415

    return "-" if value is None else one_line(str(value))


ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")]

"""How commands print: messages, JSON documents and plain Rich tables, all made inert; and
how they open ``--output`` files.

Every line passes through :mod:`complykit.escape`: workspace text (record fields, file names,
catalog titles) must not steer a CI runner or a terminal, whatever the command.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Final, TextIO

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


@contextmanager
def open_output(path: Path, *, force: bool) -> Iterator[TextIO]:
    """A UTF-8 text ``--output`` file, under the one overwrite policy (see `_replacing`)."""
    with _replacing(path, force=force) as temp, temp.open("x", encoding="utf-8") as stream:
        yield stream


@contextmanager
def open_binary_output(path: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A binary ``--output`` file (xlsx, PDF), under the same policy."""
    with _replacing(path, force=force) as temp, temp.open("xb") as stream:
        yield stream


@contextmanager
def _replacing(path: Path, *, force: bool) -> Iterator[Path]:
    """Refuse an existing file without --force; write beside it, then move into place.

    A failed or interrupted run never leaves half a report where a good one was, and without
    --force a file created meanwhile is still refused (a hard link never replaces its target).
    """
    from complykit.core.errors import ComplykitError  # noqa: PLC0415 - keep --help fast

    refusal = ComplykitError(
        f"{path} already exists; nothing was written", hint="Add --force to overwrite it."
    )
    if path.is_dir():
        raise ComplykitError(f"{path} is a folder; nothing was written", hint="Name a file.")
    if path.exists() and not force:
        raise refusal
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temp
        if force:
            temp.replace(path)
        else:
            try:
                os.link(temp, path)
            except FileExistsError:
                raise refusal from None
            except OSError:  # a file system without hard links: check, then move
                if path.exists():
                    raise refusal from None
                temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")]

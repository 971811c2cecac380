"""Options and arguments shared by commands: workspace path, dates, output files, fail level."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_as_of(value: str | None) -> date:
    """``--as-of``: a YYYY-MM-DD date, or today when absent."""
    if value is None:
        return date.today()  # noqa: DTZ011 - a calendar date in the user's own zone is meant
    if not _DATE.match(value):
        raise typer.BadParameter("use YYYY-MM-DD, e.g. 2026-12-31", param_hint="--as-of")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--as-of") from None


WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="The workspace folder, or any path inside one.",
        show_default="the workspace around the current directory",
        metavar="PATH",
    ),
]


DeprecatedWorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        hidden=True,  # kept so existing scripts work; the PATH argument replaces it
        help="Deprecated: pass the workspace as the PATH argument.",
    ),
]


def workspace_argument(path: Path, workspace: Path | None) -> Path:
    """The PATH argument, or the deprecated -w/--workspace with a warning when it is used."""
    if workspace is None:
        return path
    typer.echo(
        "warning: -w/--workspace is deprecated here; pass the workspace as the PATH argument",
        err=True,
    )
    return workspace


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class LowestShown(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


PathArgument = Annotated[
    Path,
    typer.Argument(
        help="A workspace folder, or any path inside one.", show_default="the current directory"
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        metavar="YYYY-MM-DD", help="Judge dates as on this day (YYYY-MM-DD). Default: today."
    ),
]
# Every export writes one document: to standard output, or to a file that --force may replace.
ExportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help="Write the export to this file (see --force).",
        show_default="standard output",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file instead of standard output.",
        dir_okay=False,
    ),
]


# Every `import` command writes new record files: these two say how carefully.
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Print the files that would be written; write none.")
]
StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict", help="Write nothing and exit 1 if any row or item is reported (not imported)."
    ),
]
# The table imports (suppliers, risks, soa) read one sheet; without this, the one whose header
# names their key column.
# CSV does not say what separates its cells: the imports guess it from the header row, and this
# names it when the guess cannot be made (a header row that splits at more than one).
DelimiterOption = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        help="What separates the cells of a CSV file: semicolon, comma, tab or pipe (or the "
        "character itself).",
        show_default="guessed from the header row",
        metavar="DELIMITER",
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet", help="The sheet with the table.", show_default="found", metavar="SHEET"
    ),
]

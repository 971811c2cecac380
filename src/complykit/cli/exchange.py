"""``complykit export`` and ``complykit import``: the Algoritmeregister, spreadsheet registers."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.output import open_binary_output, say

if TYPE_CHECKING:
    from complykit.exchange.register_import import ImportReport

export_app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="export",
    help="Export records in a format other registers take.",
    no_args_is_help=True,
)
import_app = typer.Typer(
    rich_markup_mode=None,  # plain help: no Rich panels with <bool> metavars on flags
    name="import",
    help="Import records from the spreadsheets a register was kept in before.",
    no_args_is_help=True,
)

MESSAGE_LIMIT = 2_000
PathArgument = Annotated[
    Path,
    typer.Argument(
        help="A workspace folder, or any path inside one.", show_default="the current directory"
    ),
]


@export_app.command("algoritmeregister")
@exits
def algoritmeregister(
    path: PathArgument = Path(),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write the JSON to this file, which must not exist yet.",
            show_default="standard output",
        ),
    ] = None,
    system: Annotated[
        list[str] | None,
        typer.Option(
            "--system",
            metavar="ID",
            help="An AI system id to export; repeat it for several.",
            show_default="all",
        ),
    ] = None,
) -> int:
    """Export AI systems as Algoritmeregister publication records (standard 1.0) in JSON."""
    import json  # noqa: PLC0415 - keep --help fast

    from complykit.errors import ComplykitError  # noqa: PLC0415
    from complykit.exchange.algoritmeregister import export_algoritmeregister  # noqa: PLC0415
    from complykit.workspace import open_repository  # noqa: PLC0415

    if output is not None and output.exists():
        raise ComplykitError(f"{output} already exists; nothing was written", "Name a new file.")
    repo, errors = open_repository(path, date.today())  # noqa: DTZ011 - dates play no part
    if errors:
        say(
            f"warning: {errors} error(s) in the workspace; the export uses the records that "
            "loaded. Run `complykit validate` for details.",
            err=True,
        )
    exported = export_algoritmeregister(repo, system or ())
    for warning in exported.warnings:
        say(f"warning: {warning}", err=True)
    from complykit.escape import defuse_json  # noqa: PLC0415

    text = defuse_json(json.dumps(exported.records, indent=2, ensure_ascii=False))
    data = (text + "\n").encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        with open_binary_output(output, force=False) as stream:
            stream.write(data)
    return 0


@import_app.command("register")
@exits
def register(
    source: Annotated[
        Path,
        typer.Argument(
            help="The register: an Excel workbook (.xlsx) or a CSV file with a header row.",
            dir_okay=False,
        ),
    ],
    path: PathArgument = Path(),
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="The workbook sheet to read.", show_default="the first"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the files that would be written; write none.")
    ] = False,
) -> int:
    """Create a processing activity in register/ for each row of a spreadsheet register."""
    from complykit.exchange.register_import import import_register  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    report = import_register(find_root(path), source, sheet, dry_run=dry_run)
    _print_report(report, dry_run=dry_run)
    return report.exit_code


def _print_report(report: ImportReport, *, dry_run: bool) -> None:
    from complykit.exchange.register_import import Status  # noqa: PLC0415
    from complykit.exchange.shown import shown  # noqa: PLC0415

    def tell(message: str, *, err: bool = True) -> None:
        say(shown(message, MESSAGE_LIMIT), err=err)

    for column in report.unknown_columns:
        tell(f"warning: column '{column}' is not a register field; its values go into notes")
    for outcome in report.outcomes:
        where = f"row {outcome.row}"
        if outcome.status in {Status.CREATED, Status.WOULD_CREATE}:
            verb = "would create" if dry_run else "created"
            tell(f"{verb} {outcome.path} ({where})", err=False)
            if dry_run and outcome.text:
                say(outcome.text)
            for message in outcome.messages:
                tell(f"warning: {where}: {message}")
        else:
            for message in outcome.messages:
                tell(f"error: {where} skipped: {message}")
    done = sum(o.status in {Status.CREATED, Status.WOULD_CREATE} for o in report.outcomes)
    skipped = len(report.outcomes) - done
    verb = "would be imported" if dry_run else "imported"
    say(f"{done} of {len(report.outcomes)} row(s) {verb}; {skipped} skipped.", err=True)

"""``complykit report``: an audit document as HTML, Markdown, xlsx or PDF, or the audit pack."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.ahead import parsed_ahead
from complykit.cli.boundary import exits
from complykit.cli.options import OutputOption, PathArgument, parse_as_of
from complykit.cli.output import say
from complykit.reports import REPORTS

PACK = "pack"
REPORT_NAMES = (*REPORTS, PACK)


class Language(StrEnum):
    EN = "en"
    NL = "nl"


class ReportFormat(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    PDF = "pdf"


class Audience(StrEnum):  # complykit.reports.AUDIENCES; tests/cli/test_report_cli.py compares
    INTERNAL = "internal"
    PUBLIC = "public"


@exits
def report(
    name: Annotated[
        str,
        typer.Argument(
            help=f"The report: {', '.join(REPORTS)}; or {PACK} for all of them in one zip."
        ),
    ],
    path: PathArgument = Path(),
    lang: Annotated[
        list[Language] | None,
        typer.Option(
            "--lang",
            case_sensitive=False,
            help="The language; for pack, repeat it for several.",
            show_default="the first of `languages` in complykit.yaml; pack: all of them",
            metavar="en|nl",
        ),
    ] = None,
    output_format: Annotated[
        list[ReportFormat] | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Output format; xlsx, pdf and pack need --output. For pack, repeat it.",
            show_default="html; pack: all four",
            metavar="html|markdown|xlsx|pdf",
        ),
    ] = None,
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            help="Report as on this day (YYYY-MM-DD), shown in the header. Default: today.",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="Render the registers as they were at this git revision (a tag, branch or "
            "commit); the working tree is not touched.",
            metavar="REV",
        ),
    ] = None,
    record_id: Annotated[
        str | None,
        typer.Option("--id", help="For one-per-record reports (dpia): this record.", metavar="ID"),
    ] = None,
    audience: Annotated[
        Audience,
        typer.Option(help="Who the document is for; suppliers has a public variant."),
    ] = Audience.INTERNAL,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="Render even when some records could not be read; the document lists them.",
        ),
    ] = False,
) -> int:
    """Render an audit-ready report of the workspace in English or Dutch, or the audit pack."""
    with parsed_ahead(path, working_tree=at is None):
        from complykit.publish.command import Order, run  # noqa: PLC0415 - keep --help fast

        outcome = run(
            Order(
                name=name,
                path=path,
                languages=tuple(language.value for language in lang or ()),
                formats=tuple(f.value for f in output_format or ()),
                output=output,
                force=force,
                as_of=parse_as_of(as_of),
                revision=at,
                record_id=record_id,
                audience=audience.value,
                partial=partial,
            )
        )
    for line in outcome.warnings:
        say(line, err=True)
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
    return outcome.exit_code

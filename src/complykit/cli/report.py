"""``complykit report``: an audit document as HTML, Markdown, xlsx or PDF."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.files import open_output
from complykit.cli.options import OutputOption, PathArgument, parse_as_of
from complykit.cli.output import say

# Listed here rather than read from complykit.reports.REPORTS so that --help stays light;
# tests/cli/test_report_cli.py checks that the two agree.
REPORT_NAMES = ("ropa", "soa", "risks", "ai-register", "tasks")


class Language(StrEnum):
    EN = "en"
    NL = "nl"


class ReportFormat(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    PDF = "pdf"


@exits
def report(
    name: Annotated[str, typer.Argument(help=f"The report: {', '.join(REPORT_NAMES)}.")],
    path: PathArgument = Path(),
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            case_sensitive=False,
            help="The report's language.",
            show_default="the first of `languages` in complykit.yaml",
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Output format; xlsx and pdf need --output.",
        ),
    ] = ReportFormat.HTML,
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            help="Report as on this day (YYYY-MM-DD), shown in the header. Default: today."
        ),
    ] = None,
) -> int:
    """Render an audit-ready report of the workspace in English or Dutch."""
    from complykit.errors import ComplykitError  # noqa: PLC0415
    from complykit.reports.render import (  # noqa: PLC0415
        BINARY_FORMATS,
        render_binary,
        render_report,
    )
    from complykit.workspace import open_repository  # noqa: PLC0415 - keep --help fast

    if name not in REPORT_NAMES:
        raise ComplykitError(
            f"unknown report '{name}'", hint=f"Reports: {', '.join(REPORT_NAMES)}."
        )
    binary = output_format.value in BINARY_FORMATS
    if binary and output is None:
        raise ComplykitError(
            f"--format {output_format.value} writes a binary file, not text for the terminal",
            hint=f"Name the file with --output, e.g. --output {name}.{output_format.value}.",
        )
    if output is not None and output.exists() and not force:
        raise ComplykitError(f"{output} already exists", hint="Add --force to overwrite it.")
    repo, errors = open_repository(path, parse_as_of(as_of))
    if errors:
        say(
            f"warning: {errors} error(s) in the workspace; the report shows the records that "
            "loaded. Run `complykit validate` for details.",
            err=True,
        )
    language = lang.value if lang else (repo.config.languages or ["en"])[0]
    if binary and output is not None:
        with open_output(output, replace=force, binary=True) as stream:
            stream.write(
                render_binary(name, repo, lang=language, output_format=output_format.value)
            )
        return 0
    text = render_report(name, repo, lang=language, output_format=output_format.value)
    if output is None:
        sys.stdout.write(text)
    else:
        with open_output(output, replace=force) as stream:
            stream.write(text)
    return 0

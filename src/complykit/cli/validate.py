"""``complykit validate``: check a workspace against its schemas, references and rules."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from complykit.cli.boundary import exits
from complykit.cli.options import AsOfOption, FailOn, LowestShown, OutputOption, parse_as_of
from complykit.cli.output import ForceOption, say
from complykit.cli.output_files import open_output
from complykit.cli.presentation import presentation
from complykit.cli.result_output import rendered, write_result, written_message
from complykit.formatters import FORMATTERS

if TYPE_CHECKING:
    from complykit.core.result import Result

# Choices come from the registry, so a new formatter needs no edit here.
OutputFormat = StrEnum("OutputFormat", {name.upper(): name for name in FORMATTERS})  # type: ignore[misc]


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@exits
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A workspace folder, or any path inside one.",
            show_default="the workspace around the current directory, or the only one below it",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Output format. Default: github under GitHub Actions, else text.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")
    ] = FailOn.ERROR,
    severity: Annotated[
        LowestShown,
        typer.Option(
            "--severity",
            help="Lowest severity to list; the summary counts the findings left out"
            " (`--severity error` hides warnings while a new Statement of Applicability is"
            " being filled in).",
        ),
    ] = LowestShown.INFO,
    as_of: AsOfOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes that parse and check, this one included; 1 forks none. Default:"
            " one per core from 50 files (from 2,000 where processes cannot be forked).",
            show_default="auto",
            metavar="N",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    path_base: Annotated[
        Path | None,
        typer.Option(
            "--path-base",
            file_okay=False,
            help="Write file paths relative to this folder. Default: the git repository's top "
            "folder for github, sarif and gitlab (where CI resolves paths), else the workspace.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Validate everything afresh; neither read nor write .complykit-cache/.",
        ),
    ] = False,
) -> int:
    """Validate a workspace: YAML safety, schemas, references and compliance rules."""
    from complykit.core.findings import Severity  # noqa: PLC0415 - keep --help fast
    from complykit.core.result import shown_from  # noqa: PLC0415
    from complykit.load.discover import find_root_or_below  # noqa: PLC0415
    from complykit.validate.validation import validate as run  # noqa: PLC0415

    lowest = Severity(severity.value)
    if not Severity(fail_on.value).at_least(lowest):
        raise typer.BadParameter(
            f"--fail-on {fail_on.value} would fail on findings that --severity"
            f" {severity.value} does not list; raise --fail-on or lower --severity",
            param_hint="--severity",
        )
    day = parse_as_of(as_of)
    if path is None:  # e.g. the pre-commit hook at the root of a repository with compliance/
        path = find_root_or_below(Path.cwd())
    result = run(
        path, as_of=day, fail_on=Severity(fail_on.value), jobs=jobs, use_cache=not no_cache
    )
    for note in result.notes:
        say(f"warning: {note}", err=True)
    result = shown_from(result, lowest)
    name = output_format.value if output_format else _default_format()
    plain = path_base is None and not no_cache and not result.notes and not result.not_shown
    if output is None and plain and lowest == Severity.INFO:
        _write_and_keep(result, name, fail_on.value)
    elif output is None:
        write_result(result, name, sys.stdout, path_base)
    else:
        with open_output(output, force=force) as stream:
            write_result(result, name, stream, path_base)
        say(written_message(result, output), err=True)
    return result.exit_code


def _write_and_keep(result: Result, output_format: str, fail_on: str) -> None:
    """Write to stdout and keep the text, for the next run with the same presentation to write
    without rendering (see cli/cached.py)."""
    from complykit.cache.rendered import remember  # noqa: PLC0415

    text = rendered(result, output_format, sys.stdout)
    sys.stdout.write(text)
    shown = presentation(output_format, fail_on, str(result.root), sys.stdout)
    if shown is not None:
        remember(result.root, result.as_of, shown, result, text)

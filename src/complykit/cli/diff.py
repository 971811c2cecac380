"""``complykit diff``: what a change does to the workspace, for review in a pull request."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from complykit.cli.ahead import parsed_ahead
from complykit.cli.boundary import exits
from complykit.cli.options import AsOfOption, FailOn, OutputOption, PathArgument, parse_as_of
from complykit.cli.output import ForceOption, say
from complykit.cli.output_files import open_output
from complykit.diff.formats import DIFF_FORMATTERS

if TYPE_CHECKING:
    from datetime import date

    from complykit.diff.changes import Diff
    from complykit.diff.head_cache import HeadCache

# Choices come from the registry, so a new format needs no edit here.
DiffFormat = StrEnum("DiffFormat", {name.upper(): name for name in DIFF_FORMATTERS})  # type: ignore[misc]


@exits
def diff(
    base: Annotated[
        str,
        typer.Argument(
            help="The git revision to compare with: a branch, tag or commit, e.g. origin/main.",
            show_default=False,
        ),
    ],
    path: PathArgument = Path(),
    head: Annotated[
        str | None,
        typer.Option(
            help="Compare with this git revision instead of the working tree.",
            show_default="the working tree",
            metavar="REV",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Output format."),
    ] = DiffFormat.TEXT,  # type: ignore[attr-defined]
    fail_on: Annotated[
        FailOn,
        typer.Option(help="Lowest severity of a NEW finding that makes the exit code 1."),
    ] = FailOn.ERROR,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Load and judge the working tree afresh; do not read .complykit-cache/ "
            "(diff never writes it).",
        ),
    ] = False,
) -> int:
    """Compare the workspace with a git revision: records, findings and notable changes.

    Exits 1 when the change introduces findings at or above --fail-on; old ones do not count.
    """
    day = parse_as_of(as_of)
    cache, notes = (None, ()) if no_cache or head is not None else _head_cache(path, day)
    # Parsing ahead pays only where every file of the working tree is parsed.
    with parsed_ahead(path, working_tree=head is None and (cache is None or cache.cold)):
        from complykit.core.findings import Severity  # noqa: PLC0415
        from complykit.diff.run import run_diff  # noqa: PLC0415 - keep --help fast

        result = run_diff(
            base, path, as_of=day, head=head, fail_on=Severity(fail_on.value), cache=cache
        )
    for note in notes if cache is None else cache.notes:
        say(f"warning: {note}", err=True)
    formatter = DIFF_FORMATTERS[output_format.value]()
    if output is None:
        formatter.render(result, sys.stdout)
    else:
        with open_output(output, force=force) as stream:
            formatter.render(result, stream)
        say(f"Wrote {_what(result)} to {output}.", err=True)
    return result.exit_code


def _head_cache(path: Path, day: date) -> tuple[HeadCache | None, tuple[str, ...]]:
    """What ``validate`` kept of the working tree, and notes on why not (warnings, never
    failures)."""
    from complykit.core.errors import ComplykitError  # noqa: PLC0415
    from complykit.diff.head_cache import open_head_cache  # noqa: PLC0415
    from complykit.load.discover import find_root  # noqa: PLC0415

    try:
        return open_head_cache(find_root(path), day)
    except (ComplykitError, OSError):  # no workspace there: the diff itself says so
        return None, ()


def _what(result: Diff) -> str:
    records = result.records
    changed = len(records.added) + len(records.removed) + len(records.changed)
    findings = result.findings
    return f"the diff ({changed} record(s) changed, {len(findings.new)} new finding(s))"

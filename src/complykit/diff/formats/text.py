"""The human view of a diff: coloured at a terminal, plain when piped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.diff.formats.display import (
    describe_side,
    finding_counts,
    record_counts,
    show,
    verdict,
)
from complykit.escape import defusing, one_line

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import TextIO

    from rich.console import Console
    from rich.text import Text

    from complykit.core.findings import Finding
    from complykit.diff.changes import Diff, RecordChange, RecordRef

_SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class TextDiffFormatter:
    """Sides and counts, notable changes, record changes, new and fixed findings, a verdict."""

    def render(self, diff: Diff, stream: TextIO) -> None:
        with defusing(stream) as safe:
            console = _console(safe)
            for line in _lines(diff):
                console.print(line)


def _console(stream: TextIO) -> Console:
    from rich.console import Console  # noqa: PLC0415 - Rich is slow to import

    # Rich drops colour when the stream is no TTY, and honours NO_COLOR and FORCE_COLOR.
    return Console(file=stream, soft_wrap=True, highlight=False, markup=False, emoji=False)


def _lines(diff: Diff) -> Iterator[Text | str]:
    from rich.text import Text  # noqa: PLC0415 - see _console

    yield Text(f"{describe_side(diff.base)} -> {describe_side(diff.head)}", style="bold")
    yield f"Records: {record_counts(diff)}"
    yield f"Findings: {finding_counts(diff)}"
    if diff.notable:
        yield Text("\nNotable changes", style="bold underline")
        for notable in diff.notable:
            yield Text.assemble(
                "  ! ",
                (one_line(f"{notable.kind} {notable.id}"), "bold"),
                f": {one_line(notable.reason)}",
            )
    yield from _records(diff)
    yield from _findings("New findings", diff.findings.new)
    yield from _findings("Fixed findings", diff.findings.fixed)
    yield Text(f"\n{verdict(diff)}", style="bold red" if diff.exit_code else "bold green")


def _records(diff: Diff) -> Iterator[Text | str]:
    from rich.text import Text  # noqa: PLC0415 - see _console

    records = diff.records
    if records.added or records.removed or records.changed:
        yield Text("\nRecords", style="bold underline")
    yield from _refs("+", "green", records.added)
    yield from _refs("-", "red", records.removed)
    for change in records.changed:
        yield from _change(change)


def _refs(sign: str, style: str, refs: Sequence[RecordRef]) -> Iterator[Text]:
    from rich.text import Text  # noqa: PLC0415 - see _console

    for ref in refs:
        text = one_line(f"{ref.kind} {ref.id}  ({ref.path.as_posix()})")
        yield Text(f"  {sign} {text}", style=style)


def _change(change: RecordChange) -> Iterator[Text | str]:
    from rich.text import Text  # noqa: PLC0415 - see _console

    where = change.path.as_posix()
    if change.moved_from is not None:
        where = f"moved from {change.moved_from.as_posix()} to {where}"
    yield Text(one_line(f"  ~ {change.kind} {change.id}  ({where})"), style="yellow")
    for field in change.fields:
        yield f"      {one_line(field.field)}: {show(field.old)} -> {show(field.new)}"


def _findings(title: str, findings: Sequence[Finding]) -> Iterator[Text | str]:
    from rich.text import Text  # noqa: PLC0415 - see _console

    if not findings:
        return
    yield Text(f"\n{title}", style="bold underline")
    for finding in findings:
        yield Text.assemble(
            one_line(f"  {finding.path.as_posix()}:{finding.line}:{finding.column}  "),
            (str(finding.severity), _SEVERITY_STYLES[finding.severity]),
            "  ",
            (one_line(finding.code), "bold"),
            f"  {one_line(finding.message)}",
        )

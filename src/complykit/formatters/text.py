"""The human view: findings grouped by file, coloured at a terminal and plain when piped."""

from __future__ import annotations

import os
from itertools import groupby
from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.core.frozen import frozen
from complykit.escape import defusing, one_line, plain
from complykit.formatters.citations import cited
from complykit.formatters.counts import summary_line
from complykit.formatters.notes import note_lines

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import TextIO

    from rich.console import Console
    from rich.text import Text

    from complykit.core.findings import Finding
    from complykit.core.result import Result

_SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_SEVERITY_WIDTH = max(len(s) for s in Severity)
_INDENT = "  "
_GAP = "  "


class TextFormatter:
    """Findings grouped by file, each as ``line:col  severity  CODE  message``, then a summary."""

    def render(self, result: Result, stream: TextIO) -> None:
        blocks = text_blocks(result)
        with defusing(stream) as safe:
            if _never_coloured(safe):
                write_plain(blocks, safe)
                return
            console = _console(safe)
            if console.color_system is None:
                write_plain(blocks, safe, console.tab_size)
            else:
                write_styled(blocks, console)


@frozen
class Line:
    """One line of the view: its pieces, each a text or a (text, Rich style) pair, and the
    style of the whole line."""

    pieces: tuple[str | tuple[str, str], ...]
    style: str = ""

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p[0] for p in self.pieces)

    def rich(self) -> Text:
        from rich.text import Text  # noqa: PLC0415 -- see _console

        return Text.assemble(*self.pieces, style=self.style)


def text_blocks(result: Result) -> list[list[Line]]:
    """The lines of each file's findings, each block ending in a blank line, the closing notes,
    then the summary."""
    blocks = [
        [*_file_block(list(group)), Line(())]
        for _, group in groupby(result.findings, key=lambda f: f.path)
    ]
    notes = note_lines(result)
    if notes:
        blocks.append([*(Line((plain(note),), "dim") for note in notes), Line(())])
    blocks.append([_summary(result)])
    return blocks


def write_plain(blocks: Sequence[Sequence[Line]], stream: TextIO, tab_size: int = 8) -> None:
    """The lines as Rich writes them without colour: their text, tabs expanded as Rich expands
    them, nothing else (the texts were made visible and kept on their lines already). Rich costs
    about 60 us a line, which was a quarter of a second for the thousand findings of a
    50,000-record workspace, in a log; and 10 ms to import, a twentieth of a small run."""
    stream.write("".join(f"{_expanded(line, tab_size)}\n" for block in blocks for line in block))


def _expanded(line: Line, tab_size: int) -> str:
    text = line.text
    if "\t" not in text:
        return text
    rich = line.rich()  # a tab stop counts cells, not characters: as Rich counts them
    rich.expand_tabs(tab_size)
    return rich.plain


def write_styled(blocks: Sequence[Sequence[Line]], console: Console) -> None:
    """The lines in colour, one print per file: Rich's cost is per print and per line, and one
    print of every line at once grew faster than the lines did."""
    from rich.text import Text  # noqa: PLC0415 -- see _console

    for block in blocks:
        console.print(Text("\n").join(line.rich() for line in block))


def _never_coloured(stream: TextIO) -> bool:
    """Whether Rich would surely write ``stream`` without colour, told without importing it:
    no terminal, and none of the variables by which Rich takes a stream for one."""
    if os.environ.get("TTY_COMPATIBLE", "") == "0":
        return True
    if "FORCE_COLOR" in os.environ or os.environ.get("TTY_COMPATIBLE", ""):
        return False
    try:
        return not stream.isatty()
    except ValueError:  # closed: Rich says no terminal too
        return True


def _console(stream: TextIO) -> Console:
    # Rich costs tens of milliseconds to import; only a terminal needs it.
    from rich.console import Console  # noqa: PLC0415

    # Rich drops colour by itself when the stream is no TTY (and honours NO_COLOR and
    # FORCE_COLOR); soft_wrap keeps long paths and messages on one line for logs and pipes.
    return Console(file=stream, soft_wrap=True, highlight=False, markup=False, emoji=False)


@frozen
class _Columns:
    position: int
    code: int

    @property
    def detail_indent(self) -> str:
        width = len(_INDENT) + self.position + self.code + _SEVERITY_WIDTH + 3 * len(_GAP)
        return " " * width


def _file_block(findings: Sequence[Finding]) -> Iterator[Line]:
    yield Line((one_line(findings[0].path.as_posix()),), "bold underline")
    columns = _Columns(
        position=max(len(_position(f)) for f in findings),
        code=max(len(one_line(f.code)) for f in findings),
    )
    for finding in findings:
        yield from _finding_lines(finding, columns)


def _finding_lines(finding: Finding, columns: _Columns) -> Iterator[Line]:
    first, *rest = plain(finding.message).split("\n")
    yield Line(
        (
            _INDENT,
            _position(finding).ljust(columns.position),
            _GAP,
            (str(finding.severity).ljust(_SEVERITY_WIDTH), _SEVERITY_STYLES[finding.severity]),
            _GAP,
            (one_line(finding.code).ljust(columns.code), "bold"),
            _GAP,
            first,
        )
    )
    indent = columns.detail_indent
    for line in rest:
        yield Line((indent + line,))
    for line in plain(finding.hint or "").splitlines():
        yield Line((indent + line,), "dim")
    if finding.citation:
        yield Line((indent + one_line(cited(finding.citation)),), "dim cyan")


def _position(finding: Finding) -> str:
    return f"{finding.line}:{finding.column}"


def _summary(result: Result) -> Line:
    if result.exit_code:
        style = "bold red"
    elif result.findings:
        style = "bold yellow"
    else:
        style = "bold green"
    return Line((summary_line(result),), style)

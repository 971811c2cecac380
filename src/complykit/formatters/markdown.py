"""A Markdown summary for pull-request comments and GitHub job summaries."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.escape import markdown
from complykit.formatters.budget import COMMENT_BUDGET, Rows, fitted
from complykit.formatters.citations import cited, message_with_hint
from complykit.formatters.counts import (
    describe_counts,
    describe_none_found,
    describe_not_shown,
    describe_scope,
    describe_where,
)
from complykit.formatters.notes import note_lines

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.core.findings import Finding
    from complykit.core.result import Result

HEADING = "## complykit validate"
SEVERITY_ICONS = {
    Severity.ERROR: ":x:",
    Severity.WARNING: ":warning:",
    Severity.INFO: ":information_source:",
}


class MarkdownFormatter:
    """A heading, the counts and a table of findings, or "No problems found" when clean."""

    def render(self, result: Result, stream: TextIO) -> None:
        stream.write(markdown_summary(result))


MORE_FINDINGS = (
    "\n_{count:,} more finding(s) not listed here (a pull-request comment holds at most 65,536 "
    "characters); errors are listed first. `complykit validate` shows every finding._"
)


def markdown_summary(result: Result, budget: int = COMMENT_BUDGET) -> str:
    """The whole Markdown document, ending in a newline, within ``budget`` characters: when
    every finding does not fit, the most severe are listed and the rest are counted."""
    as_of = result.as_of.isoformat()
    if not result.findings:
        scope = describe_scope(result)
        hidden = describe_not_shown(result)
        none = describe_none_found(result)
        lines = [f":white_check_mark: {none} found in {scope}, as of {as_of}{hidden}."]
        return "\n".join([HEADING, "", *lines]) + "\n"
    icon = ":x:" if result.exit_code else ":warning:"
    counts = f"**{describe_counts(result)}** in {describe_where(result)}"
    head = [
        HEADING,
        "",
        f"{icon} {counts}, as of {as_of}{describe_not_shown(result)}.",
        "",
        "| Severity | Code | Location | Message |",
        "|---|---|---|---|",
    ]
    rows = Rows(
        [_row(f) for f in result.findings],
        0,
        MORE_FINDINGS,
        ranks=[f.severity.rank for f in result.findings],
        cut=[partial(cut_finding_row, f) for f in result.findings],
    )
    notes = [line for note in note_lines(result) for line in ("", escape(note))]
    return "\n".join(fitted([head, rows, notes], budget)) + "\n"


def _row(finding: Finding) -> str:
    severity = f"{SEVERITY_ICONS[finding.severity]} {finding.severity}"
    location = escape(f"{finding.path.as_posix()}:{finding.line}:{finding.column}")
    return f"| {severity} | {escape(finding.code)} | {location} | {_message_cell(finding)} |"


def _message_cell(finding: Finding) -> str:
    parts = [escape(finding.message)]
    if finding.hint:
        parts.append(escape(f"Hint: {finding.hint}"))
    if finding.citation:
        parts.append(escape(f"Citation: {cited(finding.citation)}"))
    return "<br>".join(parts)


def cut_finding_row(finding: Finding, room: int) -> str | None:
    """The finding's table row in at most ``room`` characters, its message cell cut."""
    return cut_row(_fixed_cells(finding), _message_text(finding), room)


def cut_row(cells: str, text: str, room: int) -> str | None:
    """A table row of ``cells`` (escaped, up to the "| " that opens the last cell) and the last
    cell's ``text`` cut to fit in ``room`` characters, ending in " […]"; None when the row
    does not fit with no text at all. The text is cut before it is escaped, so no escape is
    split and nothing in it can become markup."""

    def row(length: int) -> str:
        return f"{cells}{escape(text[:length])} […] |"

    if len(row(0)) > room:
        return None
    text = text[:room]  # escaping never shortens: more than this cannot fit
    fits, too_long = 0, len(text) + 1
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        fits, too_long = (middle, too_long) if len(row(middle)) <= room else (fits, middle)
    return row(fits)


def _fixed_cells(finding: Finding) -> str:
    severity = f"{SEVERITY_ICONS[finding.severity]} {finding.severity}"
    location = escape(f"{finding.path.as_posix()}:{finding.line}:{finding.column}")
    return f"| {severity} | {escape(finding.code)} | {location} | "


def _message_text(finding: Finding) -> str:
    """The message cell's text before escaping: its line breaks become the cell's ``<br>``."""
    return message_with_hint(finding)


def escape(text: str) -> str:
    """Make text safe inside one Markdown table cell: literal, and on one line."""
    return markdown(text)

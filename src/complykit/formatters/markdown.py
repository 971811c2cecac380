"""A Markdown summary for pull-request comments and GitHub job summaries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.core.findings import Severity
from complykit.escape import markdown
from complykit.formatters.counts import describe_counts, describe_scope, describe_where

if TYPE_CHECKING:
    from collections.abc import Iterator
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


def markdown_summary(result: Result) -> str:
    """The whole Markdown document, ending in a newline."""
    return "\n".join([HEADING, "", *_body(result)]) + "\n"


def _body(result: Result) -> Iterator[str]:
    as_of = result.as_of.isoformat()
    scope = describe_scope(result)
    if not result.findings:
        yield f":white_check_mark: No problems found in {scope}, as of {as_of}."
        return
    icon = ":x:" if result.exit_code else ":warning:"
    yield f"{icon} **{describe_counts(result)}** in {describe_where(result)}, as of {as_of}."
    yield ""
    yield "| Severity | Code | Location | Message |"
    yield "|---|---|---|---|"
    yield from (_row(f) for f in result.findings)


def _row(finding: Finding) -> str:
    severity = f"{SEVERITY_ICONS[finding.severity]} {finding.severity}"
    location = escape(f"{finding.path.as_posix()}:{finding.line}:{finding.column}")
    return f"| {severity} | {escape(finding.code)} | {location} | {_message_cell(finding)} |"


def _message_cell(finding: Finding) -> str:
    parts = [escape(finding.message)]
    if finding.hint:
        parts.append(escape(f"Hint: {finding.hint}"))
    if finding.citation:
        parts.append(escape(f"Citation: {'; '.join(finding.citation)}"))
    return "<br>".join(parts)


def escape(text: str) -> str:
    """Make text safe inside one Markdown table cell: literal, and on one line."""
    return markdown(text)

"""A pull-request comment: counts, notable changes, findings, and the field changes folded away.

Every value from the workspace or the user is escaped, so a pipe, backtick or ``<script>`` in
a record shows as itself. The output depends only on the diff: no timestamps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.diff.formats.display import (
    describe_side,
    finding_counts,
    record_counts,
    show,
    verdict,
)
from complykit.formatters.markdown import SEVERITY_ICONS, escape

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import TextIO

    from complykit.core.findings import Finding
    from complykit.diff.changes import Diff, RecordChange, RecordRef

HEADING = "## complykit diff"


class MarkdownDiffFormatter:
    """The whole comment; sections without content are left out."""

    def render(self, diff: Diff, stream: TextIO) -> None:
        stream.write(markdown_diff(diff))


def markdown_diff(diff: Diff) -> str:
    """The Markdown document, ending in a newline."""
    sections = [
        _header(diff),
        _notable(diff),
        _findings_table("New findings", diff.findings.new),
        _findings_table("Fixed findings", diff.findings.fixed),
        _details(diff),
    ]
    return "\n\n".join("\n".join(s) for s in sections if s) + "\n"


def _header(diff: Diff) -> list[str]:
    icon = ":x:" if diff.exit_code else ":white_check_mark:"
    base, head = escape(describe_side(diff.base)), escape(describe_side(diff.head))
    return [
        HEADING,
        "",
        f"Comparing {base} with {head}, as of {diff.as_of.isoformat()}.",
        "",
        f"{icon} {verdict(diff)}",
        "",
        f"**Records:** {record_counts(diff)} · **Findings:** {finding_counts(diff)}",
    ]


def _notable(diff: Diff) -> list[str]:
    if not diff.notable:
        return []
    lines = [f"**{escape(n.kind)} {escape(n.id)}**: {escape(n.reason)}" for n in diff.notable]
    return ["### Notable changes", "", *(f"- {line}" for line in lines)]


def _findings_table(title: str, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    header = ["| Severity | Code | Location | Message |", "|---|---|---|---|"]
    return [f"### {title}", "", *header, *(_finding_row(f) for f in findings)]


def _finding_row(finding: Finding) -> str:
    severity = f"{SEVERITY_ICONS[finding.severity]} {finding.severity}"
    location = escape(f"{finding.path.as_posix()}:{finding.line}:{finding.column}")
    message = escape(finding.message)
    if finding.hint:
        message += "<br>" + escape(f"Hint: {finding.hint}")
    return f"| {severity} | {escape(finding.code)} | {location} | {message} |"


def _details(diff: Diff) -> list[str]:
    records = diff.records
    if not (records.added or records.removed or records.changed):
        return []
    body = [
        *_ref_list("Added", records.added),
        *_ref_list("Removed", records.removed),
        *_change_table(records.changed),
    ]
    summary = f"Record changes: {record_counts(diff)}"
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "</details>"]


def _ref_list(title: str, refs: Sequence[RecordRef]) -> Iterator[str]:
    if refs:
        yield f"**{title}:**"
        yield ""
        for ref in refs:
            yield f"- {escape(ref.kind)} {escape(ref.id)} ({escape(ref.path.as_posix())})"
        yield ""


def _change_table(changes: Sequence[RecordChange]) -> Iterator[str]:
    if not changes:
        return
    yield "**Changed:**"
    yield ""
    yield "| Record | Field | Before | After |"
    yield "|---|---|---|---|"
    for change in changes:
        record = f"{escape(change.kind)} {escape(change.id)}"
        if change.moved_from is not None:
            old, new = change.moved_from.as_posix(), change.path.as_posix()
            yield f"| {record} | (file) | {escape(old)} | {escape(new)} |"
        for field in change.fields:
            cells = (escape(field.field), escape(show(field.old)), escape(show(field.new)))
            yield f"| {record} | {' | '.join(cells)} |"
    yield ""

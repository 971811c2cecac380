"""A pull-request comment: counts, notable changes, findings, and the field changes folded away.

Every value from the workspace or the user is escaped, so a pipe, backtick or ``<script>`` in
a record shows as itself. The output depends only on the diff: no timestamps.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from complykit.diff.formats.display import (
    describe_side,
    finding_counts,
    record_counts,
    show,
    verdict,
)
from complykit.formatters.budget import COMMENT_BUDGET, Rows, fitted
from complykit.formatters.citations import cited
from complykit.formatters.markdown import SEVERITY_ICONS, cut_finding_row, escape
from complykit.formatters.notes import notes_of, said

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


def markdown_diff(diff: Diff, budget: int = COMMENT_BUDGET) -> str:
    """The Markdown document, ending in a newline, within ``budget`` characters: when the
    whole diff does not fit in a comment, new findings keep their rows first, then the notable
    changes, the fixed findings and the record changes, and each cut section says how many
    rows it left out."""
    sections = [
        _header(diff),
        *_notable(diff),
        *_findings_table("New findings", diff.findings.new, 0),
        _notes(diff),
        *_findings_table("Fixed findings", diff.findings.fixed, 2),
        *_details(diff),
    ]
    parts = [part for part in sections if isinstance(part, Rows) or part]
    return "\n".join(fitted(parts, budget)) + "\n"


_MORE = "\n_{{count:,}} more {what} not shown here (a pull-request comment holds at most 65,536 \
characters): `complykit diff` shows them all._"


def _more(what: str) -> str:
    return _MORE.format(what=what)


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


def _notable(diff: Diff) -> list[list[str] | Rows]:
    if not diff.notable:
        return []
    lines = [f"**{escape(n.kind)} {escape(n.id)}**: {escape(n.reason)}" for n in diff.notable]
    rows = Rows([f"- {line}" for line in lines], 1, _more("notable change(s)"))
    return [["", "### Notable changes", ""], rows]


def _findings_table(
    title: str, findings: Sequence[Finding], priority: int
) -> list[list[str] | Rows]:
    if not findings:
        return []
    header = [
        "",
        f"### {title}",
        "",
        "| Severity | Code | Location | Message |",
        "|---|---|---|---|",
    ]
    rows = [_finding_row(f) for f in findings]
    ranks = [f.severity.rank for f in findings]  # when cut, the errors are the ones kept
    cut = [partial(cut_finding_row, f) for f in findings]  # a long error is cut, not left out
    return [header, Rows(rows, priority, _more("finding(s)"), ranks, cut)]


def _finding_row(finding: Finding) -> str:
    severity = f"{SEVERITY_ICONS[finding.severity]} {finding.severity}"
    location = escape(f"{finding.path.as_posix()}:{finding.line}:{finding.column}")
    message = escape(finding.message)
    if finding.hint:
        message += "<br>" + escape(f"Hint: {finding.hint}")
    if finding.citation:
        message += "<br>" + escape(f"Citation: {cited(finding.citation)}")
    return f"| {severity} | {escape(finding.code)} | {location} | {message} |"


def _notes(diff: Diff) -> list[str]:
    """The closing notes of the rules behind the new findings, as ``validate`` prints them."""
    from complykit.validate.engine import all_rules  # noqa: PLC0415 - registered by now

    return [
        line
        for note in said(notes_of(diff.findings.new, all_rules()))
        for line in ("", escape(note))
    ]


def _details(diff: Diff) -> list[list[str] | Rows]:
    records = diff.records
    if not (records.added or records.removed or records.changed):
        return []
    summary = f"Record changes: {record_counts(diff)}"
    return [
        ["", "<details>", f"<summary>{summary}</summary>", ""],
        *_ref_list("Added", records.added),
        *_ref_list("Removed", records.removed),
        *_change_table(records.changed),
        ["</details>"],
    ]


def _ref_list(title: str, refs: Sequence[RecordRef]) -> list[list[str] | Rows]:
    if not refs:
        return []
    rows = [
        f"- {escape(ref.kind)} {escape(ref.id)} ({escape(ref.path.as_posix())})" for ref in refs
    ]
    return [[f"**{title}:**", ""], Rows(rows, 3, _more("record(s)")), [""]]


def _change_table(changes: Sequence[RecordChange]) -> list[list[str] | Rows]:
    if not changes:
        return []
    header = ["**Changed:**", "", "| Record | Field | Before | After |", "|---|---|---|---|"]
    return [header, Rows(list(_change_rows(changes)), 3, _more("field change(s)")), [""]]


def _change_rows(changes: Sequence[RecordChange]) -> Iterator[str]:
    for change in changes:
        record = f"{escape(change.kind)} {escape(change.id)}"
        if change.moved_from is not None:
            old, new = change.moved_from.as_posix(), change.path.as_posix()
            yield f"| {record} | (file) | {escape(old)} | {escape(new)} |"
        for field in change.fields:
            cells = (escape(field.field), escape(show(field.old)), escape(show(field.new)))
            yield f"| {record} | {' | '.join(cells)} |"

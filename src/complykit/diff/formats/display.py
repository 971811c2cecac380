"""Wording shared by the human formats: sides, counts and values shortened to one line."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from complykit.escape import one_line
from complykit.formatters.counts import plural

if TYPE_CHECKING:
    from complykit.diff.changes import Diff, Side

VALUE_WIDTH = 60
ABSENT = "(none)"


def show(value: Any, width: int = VALUE_WIDTH) -> str:
    """A value on one line, at most ``width`` characters, controls and runner commands escaped;
    ``(none)`` when absent."""
    if value is None:
        return ABSENT
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = one_line(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_side(side: Side) -> str:
    """``origin/main (1a2b3c4d5e6f)`` or ``the working tree``; says when it has no workspace."""
    label = one_line(side.label)
    text = f"{label} ({side.commit[:12]})" if side.commit else f"the {label}"
    return text if side.has_workspace else f"{text}, which has no workspace"


def record_counts(diff: Diff) -> str:
    records = diff.records
    added, removed, changed = len(records.added), len(records.removed), len(records.changed)
    return f"{added} added, {removed} removed, {changed} changed"


def finding_counts(diff: Diff) -> str:
    findings = diff.findings
    return f"{len(findings.new)} new, {len(findings.fixed)} fixed, {findings.unchanged} unchanged"


def verdict(diff: Diff) -> str:
    """One sentence on the exit code: what the change introduces at or above the threshold."""
    failing = len(diff.failing)
    if failing:
        return (
            f"This change introduces {plural(failing, 'new finding')} at or above {diff.fail_on}."
        )
    return f"This change introduces no new finding at or above {diff.fail_on}."

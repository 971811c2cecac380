"""The one-line summary every human-facing format closes with: counts and scope."""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.core.findings import Severity

if TYPE_CHECKING:
    from complykit.core.result import Result

# Highest first, so a summary reads "2 errors, 1 warning" rather than the other way round.
_REPORTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def describe_counts(result: Result) -> str:
    """Name the non-zero severity counts, e.g. ``"3 errors, 1 warning"``; empty when clean."""
    counts = result.severity_counts()
    return ", ".join(plural(counts[s], str(s)) for s in _REPORTED if counts[s])


def describe_scope(result: Result) -> str:
    """Say what was checked, e.g. ``"12 files (140 records)"``."""
    files = plural(result.files_checked, "file")
    return f"{files} ({plural(result.records_checked, 'record')})"


def summary_line(result: Result) -> str:
    """``"3 errors, 1 warning in 12 files (140 records)"`` or ``"No problems in ..."``."""
    counts = describe_counts(result)
    waived = f" ({len(result.waived)} waived)" if result.waived else ""
    if not counts:
        return f"No problems in {describe_scope(result)}{waived}."
    return f"{counts} in {describe_scope(result)}{waived}"

"""The one-line summary every human-facing format closes with: counts and scope."""

from __future__ import annotations

from collections import Counter
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


def describe_not_shown(result: Result) -> str:
    """``"; 93 warnings not shown"`` when ``--severity`` left findings out; else empty."""
    counts = Counter(f.severity for f in result.not_shown)
    named = ", ".join(plural(counts[s], str(s)) for s in _REPORTED if counts[s])
    return f"; {named} not shown" if named else ""


def describe_none_found(result: Result) -> str:
    """``"No problems"``, or ``"No errors"`` when ``--severity error`` hid the rest."""
    if result.lowest_shown == Severity.INFO:
        return "No problems"
    listed = [f"{s}s" for s in _REPORTED if s.at_least(result.lowest_shown)]
    return "No " + " or ".join(listed)


def describe_scope(result: Result) -> str:
    """Say what was checked, e.g. ``"12 files (140 records)"``."""
    files = plural(result.files_checked, "file")
    return f"{files} ({plural(result.records_checked, 'record')})"


def describe_where(result: Result) -> str:
    """Where the findings are and what was checked: ``"2 files; checked 12 files (140 records)"``.

    "3 errors in 12 files" would read as if all twelve held one, when the errors sit in two.
    """
    with_findings = plural(len({finding.path for finding in result.findings}), "file")
    return f"{with_findings}; checked {describe_scope(result)}"


def summary_line(result: Result) -> str:
    """``"3 errors, 1 warning in 2 files; checked 12 files (140 records)"`` or ``"No problems
    in 12 files (140 records)."``."""
    counts = describe_counts(result)
    waived = f" ({len(result.waived)} waived)" if result.waived else ""
    not_shown = describe_not_shown(result)
    if not counts:
        return f"{describe_none_found(result)} in {describe_scope(result)}{waived}{not_shown}."
    return f"{counts} in {describe_where(result)}{waived}{not_shown}"

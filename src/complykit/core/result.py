"""The outcome of one validation run, as the formatters receive it."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path, PurePosixPath

from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.frozen import frozen, replace


@frozen
class Waived:
    """A finding set aside by a waiver record, and that waiver's id."""

    finding: Finding
    waiver: str


@frozen
class Result:
    """Sorted findings plus what a reader needs to judge them."""

    root: Path
    findings: tuple[Finding, ...]
    rules: Mapping[str, RuleInfo]
    files_checked: int
    records_checked: int
    as_of: date
    fail_on: Severity = Severity.ERROR
    waived: tuple[Waived, ...] = ()
    """Findings that waivers set aside; they do not count towards the exit code."""
    notes: tuple[str, ...] = ()
    """What complykit worked around without changing the findings (an unreadable cache, say);
    the CLI shows each as a warning on standard error."""
    lowest_shown: Severity = Severity.INFO
    """The lowest severity listed (``--severity``)."""
    not_shown: tuple[Finding, ...] = ()
    """Findings below ``lowest_shown``: counted, not listed."""

    def count(self, severity: Severity) -> int:
        return self.severity_counts()[severity]

    def severity_counts(self) -> Counter[Severity]:
        counts: Counter[Severity] = Counter(dict.fromkeys(Severity, 0))
        counts.update(f.severity for f in self.findings)
        return counts

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.at_least(self.fail_on))

    @property
    def exit_code(self) -> int:
        return 1 if self.failing else 0


def shown_from(result: Result, lowest: Severity) -> Result:
    """``result`` listing only findings of ``lowest`` severity or above; the others are kept
    in ``not_shown``, so a summary can still say how many there are. The exit code is left
    as it was: the CLI refuses a ``--fail-on`` below what is shown."""
    if lowest == Severity.INFO:
        return result
    kept = tuple(f for f in result.findings if f.severity.at_least(lowest))
    left_out = tuple(f for f in result.findings if not f.severity.at_least(lowest))
    waived = tuple(w for w in result.waived if w.finding.severity.at_least(lowest))
    return replace(result, findings=kept, waived=waived, lowest_shown=lowest, not_shown=left_out)


def rebased(result: Result, base: Path) -> Result:
    """``result`` with every path relative to ``base`` instead of the workspace root.

    CI tools resolve paths from the repository root; a workspace in a subfolder would otherwise
    give annotations and code-scanning alerts on files that do not exist.
    """
    prefix = PurePosixPath(Path(os.path.relpath(result.root.resolve(), base.resolve())).as_posix())

    def move(finding: Finding) -> Finding:
        return replace(finding, path=prefix / finding.path)

    return replace(
        result,
        root=base.resolve(),
        findings=tuple(move(f) for f in result.findings),
        waived=tuple(replace(w, finding=move(w.finding)) for w in result.waived),
    )

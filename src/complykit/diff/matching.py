"""Pair the findings of two revisions, ignoring line and column: edits above a finding move it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from complykit.core.findings import Finding
from complykit.diff.changes import FindingDiff

FindingKey = tuple[str, str, str, str]


def finding_key(finding: Finding) -> FindingKey:
    """The same problem on both sides: by code, record and message; by file without a record.

    A record that moves to another file keeps its findings; a file-level finding (a YAML
    error, say) has no record and is matched within its file.
    """
    if finding.record is not None:
        return (finding.code, "record", finding.record, finding.message)
    return (finding.code, "path", finding.path.as_posix(), finding.message)


def match_findings(base: Sequence[Finding], head: Sequence[Finding]) -> FindingDiff:
    """Head findings without a partner in the base are new; base ones without a partner, fixed.

    Equal keys pair up one to one, so a second copy of an old problem still counts as new.
    """
    unpaired = _by_key(base)
    new: list[Finding] = []
    for finding in head:
        waiting = unpaired.get(finding_key(finding))
        if waiting:
            waiting.pop(0)
        else:
            new.append(finding)
    fixed = sorted(f for waiting in unpaired.values() for f in waiting)
    return FindingDiff(tuple(new), tuple(fixed), len(head) - len(new))


def _by_key(findings: Iterable[Finding]) -> dict[FindingKey, list[Finding]]:
    grouped: dict[FindingKey, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding_key(finding)].append(finding)
    return grouped

"""Findings are values: every problem complykit reports, from a YAML syntax error to a legal rule.

This module is the bottom of the pipeline and imports nothing else from complykit.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import PurePosixPath

from complykit.core.frozen import field, frozen


class Severity(StrEnum):
    """How serious a finding is; ordered so that ``ERROR`` ranks highest."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def at_least(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@frozen(order=True)
class Finding:
    """One problem at one place in one file.

    ``path`` is relative to the workspace root, ``line`` and ``column`` are 1-based.
    The field order is the sort order: by file, then position, then code.
    """

    path: PurePosixPath
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)
    citation: tuple[str, ...] = field(default=(), compare=False)
    record: str | None = field(default=None, compare=False)


def first_finding(findings: Iterable[Finding]) -> Finding | None:
    """The finding a report lists first: by place and code, then by message. Of two findings
    at one place with one code (two missing fields of a record, say) the same one comes first
    whatever order they were found in; pydantic's own validators and the prebuilt ones
    (``model.prebuilt``) list a record's errors in different orders."""
    return min(findings, key=_place_then_message, default=None)


def _place_then_message(finding: Finding) -> tuple[Finding, str]:
    return finding, finding.message


@frozen
class RuleInfo:
    """What a finding code means: the metadata formatters, docs and ``explain`` show."""

    code: str
    name: str
    severity: Severity
    summary: str
    citation: tuple[str, ...] = ()
    hint: str | None = None
    framework: str | None = None
    """The catalog id whose presence in ``frameworks`` turns the rule on; None: always on."""
    note: str | None = None
    """What holds for all the rule's findings and is said once per run, not in every hint
    (the closing notes of text and Markdown output, the rule's help in SARIF, ``explain``)."""

    @property
    def family(self) -> str:
        """The code without its three digits: exactly ``NIS2`` for ``NIS2001``."""
        return self.code[:-3]

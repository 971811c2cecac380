"""The outcome of one diff, as the formats receive it: values only, no loading or git."""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath
from typing import Any

from complykit.core.findings import Finding, Severity
from complykit.core.frozen import frozen

WORKING_TREE = "working tree"


@frozen
class Side:
    """One side of the comparison: a git revision, or the working tree when ``revision`` is None."""

    revision: str | None
    commit: str | None
    has_workspace: bool = True

    @property
    def label(self) -> str:
        return self.revision if self.revision is not None else WORKING_TREE


@frozen
class FieldChange:
    """One leaf value that differs; ``None`` stands for absent on that side.

    ``parts`` is the path split for matching, list items as ``[key]`` or ``[index]``.
    """

    parts: tuple[str, ...]
    old: Any
    new: Any

    @property
    def field(self) -> str:
        """The dotted path users read, e.g. ``purposes[0].legal_basis``."""
        text = ""
        for part in self.parts:
            text += part if part.startswith("[") or not text else f".{part}"
        return text


@frozen
class RecordRef:
    """A record by kind and id, and the file it lives in."""

    kind: str
    id: str
    path: PurePosixPath


@frozen
class RecordChange:
    """A record on both sides whose fields differ or whose file changed."""

    kind: str
    id: str
    path: PurePosixPath
    fields: tuple[FieldChange, ...]
    moved_from: PurePosixPath | None = None


@frozen
class Notable:
    """A change a privacy reviewer should look at, and why, in one line."""

    rule: str
    kind: str
    id: str
    reason: str


@frozen
class RecordDiff:
    added: tuple[RecordRef, ...] = ()
    removed: tuple[RecordRef, ...] = ()
    changed: tuple[RecordChange, ...] = ()


@frozen
class FindingDiff:
    """Findings only the head has (``new``), only the base had (``fixed``), and the rest."""

    new: tuple[Finding, ...] = ()
    fixed: tuple[Finding, ...] = ()
    unchanged: int = 0


@frozen
class Diff:
    """Everything ``complykit diff`` reports about the change from ``base`` to ``head``."""

    base: Side
    head: Side
    records: RecordDiff
    findings: FindingDiff
    notable: tuple[Notable, ...]
    as_of: date
    fail_on: Severity = Severity.ERROR

    @property
    def failing(self) -> tuple[Finding, ...]:
        """New findings at or above the threshold: what a pull request must not introduce."""
        return tuple(f for f in self.findings.new if f.severity.at_least(self.fail_on))

    @property
    def exit_code(self) -> int:
        return 1 if self.failing else 0

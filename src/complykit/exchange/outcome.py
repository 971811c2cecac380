"""What an import did with each row of a spreadsheet, and the report of the whole import."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePosixPath

from complykit.core.frozen import frozen


class Status(StrEnum):
    CREATED = "created"
    WOULD_CREATE = "would-create"
    JOINED = "joined"
    EXISTS = "exists"
    INVALID = "invalid"
    UNMATCHED = "unmatched"
    SKIPPED = "skipped"
    """A row that is no data: a remark below the table ("Toelichting: ..."), told, not counted
    against the import (``--strict`` still writes the rest)."""


DONE = frozenset({Status.CREATED, Status.WOULD_CREATE, Status.JOINED})


@frozen
class Outcome:
    """What happened to one row: the file written or planned, or why there is none."""

    sheet: str
    row: int
    status: Status
    path: PurePosixPath | None
    messages: tuple[str, ...]
    text: str | None = None
    warned: bool = False
    """A skipped row told as a warning, not a note: a row taken for a section heading, which
    the user may have meant as an activity."""

    @property
    def reported(self) -> bool:
        return self.status not in DONE and self.status is not Status.SKIPPED


@frozen
class ImportReport:
    """Every data row's outcome, the columns no field claims, and the sheets left unused."""

    unknown_columns: tuple[tuple[str, str], ...]
    unused_sheets: tuple[tuple[str, str], ...]
    outcomes: tuple[Outcome, ...]
    strict: bool = False
    written: bool = True
    places: tuple[str, str] = ("sheet", "row")
    """How messages name an outcome's place: a spreadsheet's sheet and row, a JSON part and item."""
    sheet_warnings: tuple[tuple[str, str], ...] = ()
    """Warnings about a whole sheet, e.g. a CSV file read as Windows-1252."""
    unknown_labels: tuple[tuple[str, str], ...] = ()
    """The labels of form sheets (one activity per sheet) that name no register field."""

    @property
    def reported(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.reported)

    @property
    def skipped(self) -> int:
        return sum(o.status is Status.SKIPPED for o in self.outcomes)

    @property
    def records(self) -> int:
        return sum(o.status in {Status.CREATED, Status.WOULD_CREATE} for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        """1 when --strict and a row was reported (then nothing was written), else 0."""
        return 1 if self.strict and self.reported else 0

"""``task``: recurring work (trainings, audits, reviews); the next due date is derived."""

from __future__ import annotations

from datetime import date
from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.duration import DurationField
from complykit.model.types import AnyRecordRef, EvidenceRef, IsoDate, NonEmptyStr, Text


class Occurrence(StrictModel):
    done_on: IsoDate
    evidence: list[EvidenceRef] = []
    notes: Text | None = None


class Task(Record):
    kind: Literal["task"]
    title: NonEmptyStr
    type: Literal[
        "training",
        "internal-audit",
        "management-review",
        "access-review",
        "risk-review",
        "supplier-review",
        "policy-review",
        "dpia-review",
        "continuity-test",
        "penetration-test",
        "ai-monitoring-review",
        "record-review",
        "other",
    ]
    cadence: DurationField
    description: Text | None = None
    first_due: IsoDate | None = None
    """When the task is first due, if it has never been done."""
    history: list[Occurrence] = []
    """Past occurrences in any order; the latest is 'last done'."""
    relates_to: list[AnyRecordRef] = []
    clause: NonEmptyStr | None = None
    """The requirement the task serves, e.g. 'ISO/IEC 27001:2022 9.2'."""

    @property
    def latest_index(self) -> int:
        """Index in ``history`` of the most recent occurrence (the first, on a tie)."""
        dates = [o.done_on for o in self.history]
        return dates.index(max(dates))

    @property
    def last_done(self) -> date | None:
        return max((o.done_on for o in self.history), default=None)

    @property
    def next_due(self) -> date | None:
        last = self.last_done
        return self.first_due if last is None else self.cadence.after(last)

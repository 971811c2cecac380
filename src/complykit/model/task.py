"""``task``: recurring work (trainings, audits, reviews); the next due date is derived."""

from datetime import date
from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field
from complykit.model.duration import DurationField
from complykit.model.empty import EMPTY
from complykit.model.types import AnyRecordRef, EvidenceRef, IsoDate, NonEmptyStr, Text


class Occurrence(StrictModel):
    """One time the task was done, with its proof."""

    done_on: IsoDate
    """When the task was done."""
    evidence: list[EvidenceRef] = EMPTY
    """Proof it was done, e.g. minutes or an attendance list: repository files or https URLs."""
    notes: Text | None = None
    """Anything worth knowing about this occurrence, e.g. findings or who took part."""


class Task(Record):
    """Recurring compliance work, such as a training, audit or review, and when it was done."""

    kind: Literal["task"]
    """Always `task`."""
    title: NonEmptyStr
    """A short name for the task, e.g. 'Annual internal audit ISMS'."""
    type: Literal[
        "training",
        "ai-literacy",
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
    """What kind of work the task is; `ai-literacy` is the recurring work that keeps the AI
    literacy of staff who build or use AI systems sufficient (AI Act Art. 4)."""
    cadence: DurationField = Field(
        description="How often the task recurs: ISO 8601 duration (P1Y, P3M) or {months: 3}."
    )
    description: Text | None = None
    """What the task involves and how it is done."""
    first_due: IsoDate | None = None
    """When the task is first due, if it has never been done."""
    history: list[Occurrence] = EMPTY
    """Past occurrences in any order; the latest is 'last done'."""
    relates_to: list[AnyRecordRef] = EMPTY
    """The records the task concerns, e.g. the supplier to review or the DPIA to revisit."""
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

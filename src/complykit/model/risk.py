"""``risk``: an entry of the risk register, scored on the scales in complykit.yaml."""

from datetime import date
from typing import Literal, Self

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field, PositiveInt, model_validator
from complykit.model.duration import DurationField
from complykit.model.empty import EMPTY
from complykit.model.types import (
    AnyRecordRef,
    ControlRecordRef,
    FrameworkControls,
    IsoDate,
    NonEmptyStr,
    PersonRef,
    Text,
)


class Score(StrictModel):
    """A likelihood and impact on the scales of complykit.yaml; the score is their product."""

    likelihood: PositiveInt
    """How likely the risk is to occur: a `value` from `risk_method.likelihood`."""
    impact: PositiveInt
    """How bad it would be if it occurred: a `value` from `risk_method.impact`."""

    @property
    def value(self) -> int:
        return self.likelihood * self.impact


class Acceptance(StrictModel):
    """A formal decision to accept a residual risk above appetite."""

    by: PersonRef = Field(
        description="Who accepted the risk: a person id from `people`, the risk's owner "
        "(ISO/IEC 27001 6.1.3 f)); top management's endorsement goes in the rationale."
    )
    on: IsoDate
    """When the risk was accepted."""
    until: IsoDate
    """When the acceptance expires and must be decided again."""
    rationale: Text = Field(description="Why the risk is accepted rather than treated further.")
    within_appetite: bool = False
    """Whether the risk is accepted because its score is within the appetite; recorded, so
    that an acceptance under the appetite is a decision and not an assumption."""

    def in_force_on(self, day: date) -> bool:
        """Whether the acceptance has been given by that day and has not yet lapsed."""
        return self.on <= day <= self.until

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Self:
        if self.until < self.on:
            raise ValueError(
                f"the acceptance ends ({self.until.isoformat()}) before it was given "
                f"({self.on.isoformat()}): `until` is the day it must be decided again"
            )
        return self


class TreatmentAction(StrictModel):
    """One action of a risk treatment plan (ISO/IEC 27001 6.1.3 e), 8.3)."""

    action: Text = Field(description="What is done, e.g. 'Roll out phishing-resistant MFA'.")
    owner: PersonRef = Field(description="Who carries the action out: a person id.")
    due: IsoDate
    """When the action must be done."""
    status: Literal["planned", "in-progress", "done", "cancelled"] = "planned"
    """How far the action is; `cancelled` actions no longer count."""
    done_on: IsoDate | None = None
    """When the action was completed."""


class Risk(Record):
    """An entry of the risk register: a risk, how it is scored and how it is treated."""

    kind: Literal["risk"]
    """Always `risk`."""
    title: NonEmptyStr
    """A short name for the risk, e.g. 'Ransomware encrypts the patient database'."""
    description: Text | None = None
    """The risk in full: cause, event and consequence."""
    category: Literal[
        "security", "privacy", "ai", "compliance", "operational", "supplier", "legal", "continuity"
    ]
    """The area the risk belongs to."""
    affects: list[AnyRecordRef] = EMPTY
    """The records the risk concerns, e.g. processing activities, AI systems or suppliers."""
    inherent: Score
    """The score before treatment."""
    treatment: Literal["mitigate", "accept", "transfer", "avoid"]
    """The chosen risk treatment option (ISO/IEC 27001 6.1.3)."""
    treatment_plan: Text | None = None
    """What will be done, by whom and when, to carry out the treatment, in prose."""
    actions: list[TreatmentAction] = EMPTY
    """The treatment plan as actions with owner, due date and status."""
    controls: FrameworkControls = Field(
        default={},
        description="The catalog controls the treatment relies on, by framework, "
        "e.g. {iso27001-2022: [A.8.13]}.",
    )
    measures: list[ControlRecordRef] = EMPTY
    """Our own measures (control records) that treat the risk."""
    residual: Score | None = None
    """The score after treatment; above the appetite it needs a formal acceptance."""
    acceptance: Acceptance | None = None
    """The formal acceptance of the risk: required above the appetite, and whenever the
    treatment is `accept`."""
    last_assessed: IsoDate | None = None
    """When the risk was last assessed (ISO/IEC 27001 8.2); `identified` counts until then."""
    assessment_interval: DurationField | None = None
    """How often the risk is assessed again, e.g. P1Y; when missing, `risk_method`'s
    `assessment_interval` in complykit.yaml applies."""
    identified: IsoDate | None = None
    """When the risk was first identified."""
    source: NonEmptyStr | None = None
    """Where the risk came from, e.g. 'DPIA patient portal' or 'internal audit 2026'."""

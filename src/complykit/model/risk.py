"""``risk``: an entry of the risk register, scored on the scales in complykit.yaml."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt

from complykit.model.base import Record, StrictModel
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

    by: PersonRef = Field(description="Who accepted the risk: a person id from `people`.")
    on: IsoDate
    """When the risk was accepted."""
    until: IsoDate
    """When the acceptance expires and must be decided again."""
    rationale: Text = Field(description="Why the risk is accepted rather than treated further.")


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
    affects: list[AnyRecordRef] = []
    """The records the risk concerns, e.g. processing activities, AI systems or suppliers."""
    inherent: Score
    """The score before treatment."""
    treatment: Literal["mitigate", "accept", "transfer", "avoid"]
    """The chosen risk treatment option (ISO/IEC 27001 6.1.3)."""
    treatment_plan: Text | None = None
    """What will be done, by whom and when, to carry out the treatment."""
    controls: FrameworkControls = Field(
        default={},
        description="The catalog controls the treatment relies on, by framework, "
        "e.g. {iso27001-2022: [A.8.13]}.",
    )
    measures: list[ControlRecordRef] = []
    """Our own measures (control records) that treat the risk."""
    residual: Score | None = None
    """The score after treatment; above the appetite it needs a formal acceptance."""
    acceptance: Acceptance | None = None
    """The formal acceptance of a residual risk above the appetite."""
    identified: IsoDate | None = None
    """When the risk was first identified."""
    source: NonEmptyStr | None = None
    """Where the risk came from, e.g. 'DPIA patient portal' or 'internal audit 2026'."""

"""``risk``: an entry of the risk register, scored on the scales in complykit.yaml."""

from __future__ import annotations

from typing import Literal

from pydantic import PositiveInt

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
    likelihood: PositiveInt
    impact: PositiveInt

    @property
    def value(self) -> int:
        return self.likelihood * self.impact


class Acceptance(StrictModel):
    """A formal decision to accept a residual risk above appetite."""

    by: PersonRef
    on: IsoDate
    until: IsoDate
    rationale: Text


class Risk(Record):
    kind: Literal["risk"]
    title: NonEmptyStr
    description: Text | None = None
    category: Literal[
        "security", "privacy", "ai", "compliance", "operational", "supplier", "legal", "continuity"
    ]
    affects: list[AnyRecordRef] = []
    inherent: Score
    treatment: Literal["mitigate", "accept", "transfer", "avoid"]
    treatment_plan: Text | None = None
    controls: FrameworkControls = {}
    measures: list[ControlRecordRef] = []
    residual: Score | None = None
    acceptance: Acceptance | None = None
    identified: IsoDate | None = None
    source: NonEmptyStr | None = None

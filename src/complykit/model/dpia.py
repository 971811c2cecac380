"""``dpia``: a data protection impact assessment (GDPR Art. 35)."""

from __future__ import annotations

from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.types import (
    AiSystemRef,
    ControlRecordRef,
    EvidenceRef,
    IsoDate,
    PersonRef,
    ProcessingRef,
    RiskRef,
    Text,
)


class DpoAdvice(StrictModel):
    """The DPO's advice (Art. 35(2)) and whether it was followed."""

    given_on: IsoDate
    summary: Text
    followed: bool
    deviation_reason: Text | None = None


class DataSubjectViews(StrictModel):
    """Views of data subjects or their representatives (Art. 35(9))."""

    sought: bool
    summary: Text | None = None
    reason_not_sought: Text | None = None


class PriorConsultation(StrictModel):
    """Consultation of the supervisory authority when high risk remains (Art. 36)."""

    required: bool
    submitted_on: IsoDate | None = None
    reference: str | None = None


class Dpia(Record):
    kind: Literal["dpia"]
    title: str
    status: Literal["planned", "in-progress", "completed", "approved", "needs-update"]
    processing_activities: list[ProcessingRef] = []
    ai_systems: list[AiSystemRef] = []
    description: Text | None = None
    """Systematic description of the processing and purposes (Art. 35(7)(a))."""
    necessity_and_proportionality: Text | None = None
    """Art. 35(7)(b)."""
    risks: list[RiskRef] = []
    """Risks to the rights and freedoms of data subjects (Art. 35(7)(c))."""
    measures: list[ControlRecordRef] = []
    """Measures to address the risks (Art. 35(7)(d))."""
    measures_description: Text | None = None
    residual_risk: Literal["low", "medium", "high"] | None = None
    dpo_advice: DpoAdvice | None = None
    data_subject_views: DataSubjectViews | None = None
    prior_consultation: PriorConsultation | None = None
    assessors: list[PersonRef] = []
    approved_by: PersonRef | None = None
    approved_on: IsoDate | None = None
    document: EvidenceRef | None = None

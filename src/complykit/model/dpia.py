"""``dpia``: a data protection impact assessment (GDPR Art. 35)."""

from typing import Annotated, Literal

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field
from complykit.model.empty import EMPTY
from complykit.model.types import (
    AiSystemRef,
    ControlRecordRef,
    EvidenceRef,
    IsoDate,
    NonEmptyStr,
    PersonRef,
    ProcessingRef,
    RiskRef,
    Text,
)


class DpoAdvice(StrictModel):
    """The DPO's advice (Art. 35(2)) and whether it was followed."""

    given_on: IsoDate
    """When the DPO gave the advice."""
    summary: Text = Field(description="What the DPO advised, in short.")
    followed: bool
    """Whether the advice was followed."""
    deviation_reason: Text | None = None
    """Why the advice was not, or not fully, followed."""


class DataSubjectViews(StrictModel):
    """Views of data subjects or their representatives (Art. 35(9))."""

    sought: bool
    """Whether the views of data subjects or their representatives were sought."""
    summary: Text | None = None
    """What they said, and what was done with it."""
    reason_not_sought: Text | None = None
    """Why their views were not sought, e.g. disproportionate effort."""


class PriorConsultation(StrictModel):
    """Consultation of the supervisory authority when high risk remains (Art. 36)."""

    required: bool
    """Whether high residual risk makes prior consultation necessary (Art. 36(1))."""
    submitted_on: IsoDate | None = None
    """When the request was submitted to the supervisory authority."""
    reference: str | None = None
    """The supervisory authority's case reference."""


FearedEvent = Literal["illegitimate-access", "unwanted-modification", "disappearance"]
CnilLevel = Annotated[
    int,
    Field(
        ge=1,
        le=4,
        description="1 negligible, 2 limited, 3 significant, 4 maximum (the CNIL PIA scale).",
    ),
]


class FearedEventRisk(StrictModel):
    """One risk to data subjects scored as the CNIL PIA method does, per feared event."""

    event: FearedEvent
    """The feared event: `illegitimate-access` to, `unwanted-modification` of, or
    `disappearance` of the personal data."""
    impacts: Text | None = None
    """What it would mean for the people concerned, e.g. discrimination or identity fraud."""
    threats: Text | None = None
    """How it could happen, e.g. a stolen laptop or a misdirected export."""
    sources: Text | None = None
    """Who or what could cause it, e.g. an attacker, a careless employee or a supplier."""
    measures: Text | None = None
    """The existing or planned measures the scores take into account."""
    severity: CnilLevel
    """How severe the impact on the people would be, with the measures (1-4)."""
    likelihood: CnilLevel
    """How likely the event is, with the measures (1-4)."""

    @property
    def upper_right(self) -> bool:
        """Significant or maximum on both scales: the risks the method says to avoid or reduce."""
        return self.severity >= 3 and self.likelihood >= 3


class Dpia(Record):
    """A data protection impact assessment of high-risk processing (GDPR Art. 35)."""

    kind: Literal["dpia"]
    """Always `dpia`."""
    title: NonEmptyStr
    """A short name for the assessment, e.g. 'DPIA patient portal'."""
    status: Literal["planned", "in-progress", "completed", "approved", "needs-update"]
    """Where the assessment stands; `needs-update` when the processing or its risks changed."""
    processing_activities: list[ProcessingRef] = EMPTY
    """The processing activities the assessment covers."""
    ai_systems: list[AiSystemRef] = EMPTY
    """The AI systems the assessment covers."""
    description: Text | None = None
    """Systematic description of the processing and purposes (Art. 35(7)(a))."""
    necessity_and_proportionality: Text | None = None
    """Why the processing is necessary and proportionate to its purposes (Art. 35(7)(b))."""
    risks: list[RiskRef] = EMPTY
    """Ids of the risk records that assess the risks to the rights and freedoms of data subjects
    (Art. 35(7)(c)), e.g. [risk-profiling]."""
    feared_events: list[FearedEventRisk] = EMPTY
    """The risks scored per feared event as in the CNIL PIA method (illegitimate access,
    unwanted modification, disappearance), beside or instead of the generic risk records."""
    measures: list[ControlRecordRef] = EMPTY
    """Ids of the control records that address the risks (Art. 35(7)(d)), e.g.
    [ctl-access-review]; say the rest in `measures_description`."""
    measures_description: Text | None = None
    """The measures in prose, including safeguards not kept as control records."""
    residual_risk: Literal["low", "medium", "high"] | None = None
    """The risk left after the measures; if high, consult the authority first (Art. 36(1))."""
    dpo_advice: DpoAdvice | None = None
    """The DPO's advice and whether it was followed (Art. 35(2))."""
    data_subject_views: DataSubjectViews | None = None
    """Whether and how the views of data subjects were sought (Art. 35(9))."""
    prior_consultation: PriorConsultation | None = None
    """Consultation of the supervisory authority (Art. 36)."""
    assessors: list[PersonRef] = EMPTY
    """The people who carried out the assessment."""
    approved_by: PersonRef | None = None
    """Who approved the assessment on behalf of the controller."""
    approved_on: IsoDate | None = None
    """When the assessment was approved."""
    document: EvidenceRef | None = None
    """The full DPIA report: a file in the repository or an https URL."""

"""``ai-system``: an AI system we provide or deploy (EU AI Act, ISO/IEC 42001)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from complykit.model.base import Record, StrictModel
from complykit.model.duration import DurationField
from complykit.model.types import (
    DpiaRef,
    EvidenceRef,
    IsoDate,
    NonEmptyStr,
    PersonRef,
    ProcessingRef,
    SupplierRef,
    Text,
)

AiActRole = Literal[
    "provider",
    "deployer",
    "importer",
    "distributor",
    "authorised-representative",
    "product-manufacturer",
]
RiskClass = Literal["prohibited", "high-risk", "transparency", "minimal"]
Art5Practice = Literal["a", "b", "c", "d", "e", "f", "g", "h"]


class AnnexIIIBasis(StrictModel):
    """The Annex III area (1-8) and point that makes the system high-risk (Art. 6(2))."""

    area: int = Field(ge=1, le=8)
    point: Literal["a", "b", "c", "d"] | None = None


class Art6Exception(StrictModel):
    """An Art. 6(3) claim that an Annex III system is not high-risk, with its condition."""

    condition: Literal["a", "b", "c", "d"]
    reasoning: Text
    documented: IsoDate | None = None


class Transparency(StrictModel):
    """Art. 50 situations."""

    interacts_with_people: bool = False
    synthetic_content: bool = False
    emotion_recognition: bool = False
    biometric_categorisation: bool = False
    deep_fake: bool = False
    public_interest_text: bool = False
    disclosure: Text | None = None
    """How people are told, where a situation applies."""


class Classification(StrictModel):
    """The AI Act risk class and the facts it rests on."""

    risk_class: RiskClass
    reasoning: Text
    annex_iii: AnnexIIIBasis | None = None
    annex_i: NonEmptyStr | None = None
    """The Annex I Union harmonisation legislation, e.g. 'Regulation (EU) 2017/745 (MDR)'."""
    art6_3_exception: Art6Exception | None = None
    suspected_art5_practice: Art5Practice | None = None
    """The Art. 5(1) point, if a prohibited practice is suspected."""
    transparency: Transparency = Transparency()


class GeneralPurposeModel(StrictModel):
    name: NonEmptyStr
    provider: NonEmptyStr
    supplier: SupplierRef | None = None
    systemic_risk: bool = False


class HumanOversight(StrictModel):
    description: Text
    overseers: list[PersonRef] = []
    can_override: bool = True
    trained: bool = False


class Logging(StrictModel):
    enabled: bool
    retention: DurationField | None = None
    description: Text | None = None


class VendorTraining(StrictModel):
    """Whether the vendor may train its models on what we send it."""

    our_data: Literal["allowed", "prohibited", "opt-out", "unknown"]
    customer_data: Literal["allowed", "prohibited", "opt-out", "unknown", "not-applicable"]
    clause: NonEmptyStr | None = None


class ImpactAssessment(StrictModel):
    type: Literal["dpia", "fria", "iama", "aisia"]
    """dpia (GDPR Art. 35), fria (AI Act Art. 27), iama (Dutch), aisia (ISO/IEC 42001 6.1.4)."""
    status: Literal["not-started", "in-progress", "completed"]
    dpia: DpiaRef | None = None
    completed: IsoDate | None = None
    document: EvidenceRef | None = None


class AiSystem(Record):
    """An AI system in the AI register."""

    kind: Literal["ai-system"]
    name: NonEmptyStr
    purpose: Text
    description: Text | None = None
    roles: list[AiActRole] = Field(min_length=1)
    classification: Classification
    general_purpose_model: GeneralPurposeModel | None = None
    human_oversight: HumanOversight | None = None
    logging: Logging | None = None
    accuracy_and_robustness: Text | None = None
    data_sources: list[NonEmptyStr] = []
    model_source: Literal["in-house", "vendor", "open-source", "fine-tuned"] | None = None
    vendor: SupplierRef | None = None
    vendor_training: VendorTraining | None = None
    processing_activities: list[ProcessingRef] = []
    impact_assessments: list[ImpactAssessment] = []
    lifecycle: Literal[
        "idea", "design", "development", "validation", "deployment", "operation", "retired"
    ]
    in_use_since: IsoDate | None = None
    affected_persons: list[NonEmptyStr] = []

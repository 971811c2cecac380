"""``supplier``: a vendor, and as processor, its DPA and sub-processors (GDPR Art. 28)."""

from __future__ import annotations

from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.duration import DurationField
from complykit.model.types import CountryCode, EvidenceRef, IsoDate, NonEmptyStr, Text


class DataProcessingAgreement(StrictModel):
    signed_on: IsoDate
    document: EvidenceRef | None = None
    version: NonEmptyStr | None = None


class Location(StrictModel):
    country: CountryCode
    purpose: NonEmptyStr | None = None


class SubProcessor(StrictModel):
    name: NonEmptyStr
    service: NonEmptyStr
    country: CountryCode


class Certification(StrictModel):
    name: NonEmptyStr
    expires: IsoDate | None = None
    certificate: EvidenceRef | None = None


class AiTrainingClause(StrictModel):
    """Whether the supplier may use customer data to train AI models."""

    customer_data: Literal["allowed", "prohibited", "opt-out", "not-applicable", "unknown"]
    clause: NonEmptyStr | None = None


class BreachCommitment(StrictModel):
    """How quickly the supplier promises to tell us of a breach (Art. 33(2))."""

    within: DurationField
    clause: NonEmptyStr | None = None


class Supplier(Record):
    kind: Literal["supplier"]
    name: NonEmptyStr
    services: list[NonEmptyStr]
    role: Literal["processor", "sub-processor", "controller", "joint-controller", "none"]
    """Our relationship in GDPR terms: processor (Art. 28), independent controller, or none."""
    country: CountryCode
    """Where the supplier is established."""
    criticality: Literal["low", "medium", "high", "critical"] = "medium"
    dpa: DataProcessingAgreement | None = None
    locations: list[Location] = []
    sub_processors: list[SubProcessor] = []
    certifications: list[Certification] = []
    ai_training: AiTrainingClause | None = None
    breach_notification: BreachCommitment | None = None
    contract_end: IsoDate | None = None
    description: Text | None = None

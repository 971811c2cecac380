"""``supplier``: a vendor, and as processor, its DPA and sub-processors (GDPR Art. 28)."""

from typing import Literal

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field
from complykit.model.duration import DurationField
from complykit.model.empty import EMPTY
from complykit.model.enums import TransferMechanismValue
from complykit.model.types import (
    CountryCode,
    EvidenceRef,
    IsoDate,
    NonEmptyStr,
    ProcessingRef,
    SupplierRef,
    Text,
)

PROCESSOR_ROLES = ("processor", "sub-processor")
"""The supplier roles that process personal data on our behalf (GDPR Art. 28)."""


class ProcessorTerms(StrictModel):
    """Where the agreement makes each commitment GDPR Art. 28(3) requires of a processor: a
    clause, section or annex for each, e.g. `§ 7.2`. Record them once the agreement has been
    read against Art. 28(3); a commitment left out is one the agreement lacks."""

    documented_instructions: NonEmptyStr | None = None
    """Art. 28(3)(a): it processes only on our documented instructions, transfers included."""
    confidentiality: NonEmptyStr | None = None
    """Art. 28(3)(b): the people it authorises are bound to confidentiality."""
    security: NonEmptyStr | None = None
    """Art. 28(3)(c): it takes the security measures of Art. 32."""
    sub_processors: NonEmptyStr | None = None
    """Art. 28(3)(d): it engages sub-processors only as Art. 28(2) and (4) allow (a clause
    recorded under `sub_processing` counts for this point too)."""
    data_subject_rights: NonEmptyStr | None = None
    """Art. 28(3)(e): it helps us answer requests of data subjects."""
    compliance_assistance: NonEmptyStr | None = None
    """Art. 28(3)(f): it helps us with security, breach notification, DPIAs and prior
    consultation (Arts. 32-36)."""
    deletion_or_return: NonEmptyStr | None = None
    """Art. 28(3)(g): at the end of the service it deletes or returns the data, as we choose."""
    audits: NonEmptyStr | None = None
    """Art. 28(3)(h): it gives us the information to show compliance and allows audits."""
    unlawful_instructions: NonEmptyStr | None = None
    """Art. 28(3), second subparagraph: it tells us at once of an instruction it believes
    infringes data protection law."""


class SubProcessing(StrictModel):
    """How the agreement lets the processor engage sub-processors (GDPR Art. 28(2))."""

    authorisation: Literal["specific", "general", "none"]
    """`specific`: we approve each sub-processor in writing (record `approved_on` on each);
    `general`: a written general authorisation, under which the processor tells us of every
    intended change so that we can object; `none`: it may engage no sub-processor."""
    objection_period: DurationField | None = None
    """Under a general authorisation: how long we have to object to an intended change, e.g.
    P30D (ISO 8601 duration)."""
    clause: NonEmptyStr | None = None
    """The clause of the agreement that says so."""


class DataProcessingAgreement(StrictModel):
    """The data processing agreement with a processor (GDPR Art. 28(3))."""

    signed_on: IsoDate
    """When the agreement was signed."""
    document: EvidenceRef | None = None
    """The signed agreement: a file in the repository or an https URL."""
    version: NonEmptyStr | None = None
    """The version of the agreement or the supplier's standard terms."""
    terms: ProcessorTerms | None = None
    """Where the agreement makes each commitment of Art. 28(3), once it has been checked."""
    sub_processing: SubProcessing | None = None
    """Whether and how the processor may engage sub-processors (Art. 28(2))."""


class Location(StrictModel):
    """A country where the supplier processes or stores data."""

    country: CountryCode = Field(
        description="Where the supplier processes or stores data (ISO 3166-1 alpha-2, e.g. IE)."
    )
    purpose: NonEmptyStr | None = None
    """What happens there, e.g. 'hosting' or '24/7 support'."""
    transfer_mechanism: TransferMechanismValue | None = None
    """For a country outside the EEA: the Chapter V tool the transfer to this location rests
    on, e.g. adequacy-decision (Art. 45) or standard-contractual-clauses (Art. 46(2)(c))."""
    within_adequacy_scope: bool | None = None
    """For a partial adequacy decision: whether the supplier is covered, e.g. is certified
    under the EU-US Data Privacy Framework (false: it is not; left out: not yet confirmed)."""
    transfer_impact_assessment: EvidenceRef | None = None
    """The transfer impact assessment for this location: a repository file or an https URL."""


SupplierRole = Literal["processor", "sub-processor", "controller", "joint-controller", "none"]


class ActivityRole(StrictModel):
    """The role a supplier has in one of our processing activities, where it differs."""

    activity: ProcessingRef
    """The processing activity."""
    role: SupplierRole
    """The supplier's role in that activity, e.g. sub-processor in an activity where we act
    as processor for a client (the supplier is our processor there, so a data processing
    agreement with us is still needed), or controller where it uses the data for its own
    purposes."""


class SubProcessor(StrictModel):
    """A processor the supplier engages for our data (Art. 28(2) and (4))."""

    name: NonEmptyStr
    """The sub-processor's name."""
    service: NonEmptyStr
    """What the sub-processor does, e.g. 'cloud hosting'."""
    country: CountryCode = Field(
        description="Where the sub-processor processes the data (ISO 3166-1 alpha-2, e.g. US)."
    )
    approved_on: IsoDate | None = None
    """Under a specific authorisation (`dpa.sub_processing`): when we approved this
    sub-processor in writing."""


class Certification(StrictModel):
    """A certificate the supplier holds, e.g. ISO/IEC 27001."""

    name: NonEmptyStr
    """The certificate, e.g. 'ISO/IEC 27001:2022' or 'SOC 2 Type II'."""
    expires: IsoDate | None = None
    """When the certificate expires."""
    certificate: EvidenceRef | None = None
    """The certificate: a file in the repository or an https URL."""


class AiTrainingClause(StrictModel):
    """Whether the supplier may use customer data to train AI models."""

    customer_data: Literal["allowed", "prohibited", "opt-out", "not-applicable", "unknown"]
    """What the contract says; `opt-out` means allowed unless we object."""
    clause: NonEmptyStr | None = None
    """The contract clause or terms section that says so."""
    opted_out: IsoDate | None = None
    """Under `opt-out` terms, the day we objected (opted out), so the supplier may not train
    on our customer data; keep `customer_data: opt-out`, which is what the terms say."""


class BreachCommitment(StrictModel):
    """How quickly the supplier promises to tell us of a breach (Art. 33(2))."""

    within: DurationField = Field(
        description="The promised time to notify us, e.g. PT24H or P2D (ISO 8601 duration)."
    )
    clause: NonEmptyStr | None = None
    """The contract clause that makes the promise."""


class Supplier(Record):
    """A vendor or service provider, and as processor, its agreement and sub-processors."""

    kind: Literal["supplier"]
    """Always `supplier`."""
    name: NonEmptyStr
    """The supplier's name."""
    services: list[NonEmptyStr]
    """What the supplier provides to us, e.g. 'electronic health record'."""
    role: SupplierRole
    """The supplier's main GDPR role: processor (Art. 28), sub-processor, (joint) controller, or
    none. As main role, `sub-processor` means our processor's processor: our processor engages
    it and we have no contract with it, so it needs no `dpa` here but should be listed under
    that processor's `sub_processors`. A supplier that works for us while we act as processor
    for a client is our processor: give it `processor` here (with a `dpa`) and, if you like,
    `sub-processor` under `activity_roles` for those activities."""
    activity_roles: list[ActivityRole] = EMPTY
    """Other roles the supplier holds in particular activities, e.g. processor for one,
    sub-processor for another, controller for a third."""
    country: CountryCode = Field(
        description="Where the supplier is established (ISO 3166-1 alpha-2 code, e.g. NL)."
    )
    criticality: Literal["low", "medium", "high", "critical"] = "medium"
    """How much the organisation depends on the supplier."""
    dpa: DataProcessingAgreement | None = None
    """Our data processing agreement with the supplier, for a processor (Art. 28(3)); not
    needed for our processor's sub-processor."""
    locations: list[Location] = EMPTY
    """The countries where the supplier processes or stores our data."""
    sub_processors: list[SubProcessor] = EMPTY
    """The processors the supplier engages for our data (Art. 28(2))."""
    engaged_by: list[SupplierRef] = EMPTY
    """For a sub-processor: our processors that engage it for our data, each of which should
    list it under its `sub_processors` (Art. 28(2) and (4))."""
    certifications: list[Certification] = EMPTY
    """The supplier's certificates, e.g. ISO/IEC 27001."""
    ai_service: bool = False
    """Whether the supplier provides an AI service or model that our data passes through;
    a supplier named as an AI system's `vendor` or model supplier counts as one anyway."""
    ai_training: AiTrainingClause | None = None
    """Whether the supplier may use customer data to train AI models; an AI vendor that
    processes for us must state it."""
    breach_notification: BreachCommitment | None = None
    """How quickly the supplier must tell us of a personal-data breach (Art. 33(2))."""
    contract_end: IsoDate | None = None
    """When the contract ends or must be renewed."""
    description: Text | None = None
    """Anything else about the relationship worth knowing."""

    def role_in(self, activity: str) -> SupplierRole:
        """The supplier's role in ``activity``: its activity role there, else its main role."""
        return next((r.role for r in self.activity_roles if r.activity == activity), self.role)

    def processes_for_us_in(self, activity: str) -> bool:
        """Whether the supplier is a processor (or sub-processor) in ``activity``."""
        return self.role_in(activity) in PROCESSOR_ROLES

    def processes_for_us(self) -> bool:
        """Whether the supplier is a processor (or sub-processor) in any activity it serves."""
        roles = [self.role, *(r.role for r in self.activity_roles)]
        return any(role in PROCESSOR_ROLES for role in roles)

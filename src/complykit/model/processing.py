"""``processing-activity``: one entry of the GDPR Art. 30 register of processing activities."""

from __future__ import annotations

from typing import Literal

from pydantic import NonNegativeInt

from complykit.model.base import Record, StrictModel
from complykit.model.duration import DurationField
from complykit.model.enums import (
    Art9ConditionValue,
    Art22ExceptionValue,
    LegalBasisValue,
    ProcessingRoleValue,
    SpecialCategoryValue,
    TransferMechanismValue,
)
from complykit.model.screening import DpiaScreening
from complykit.model.types import (
    AiSystemRef,
    ControlRecordRef,
    CountryCode,
    DpiaRef,
    EvidenceRef,
    FrameworkControls,
    IsoDate,
    NonEmptyStr,
    SupplierRef,
    Text,
)


class Party(StrictModel):
    """A controller, joint controller or representative named in the register.

    GDPR Art. 30(1)(a) and 30(2)(a).
    """

    name: NonEmptyStr
    contact: NonEmptyStr | None = None
    country: CountryCode | None = None


class ConsentMechanism(StrictModel):
    """How consent is asked, recorded and withdrawn (Art. 7)."""

    how_obtained: Text
    how_recorded: Text
    how_withdrawn: Text


class LegitimateInterestAssessment(StrictModel):
    """The balancing test behind Art. 6(1)(f)."""

    interest: Text
    document: EvidenceRef | None = None
    assessed: IsoDate | None = None


class Purpose(StrictModel):
    """One purpose and the Art. 6(1) legal basis it rests on."""

    description: Text
    legal_basis: LegalBasisValue
    consent: ConsentMechanism | None = None
    """Required when the legal basis is consent."""
    legitimate_interest: LegitimateInterestAssessment | None = None
    """Required when the legal basis is legitimate interests."""
    legal_provision: NonEmptyStr | None = None
    """The law that imposes the obligation or task, for legal-obligation and public-task."""


class DataCategory(StrictModel):
    """A category of personal data; special (Art. 9) and criminal (Art. 10) data are marked."""

    name: NonEmptyStr
    special_category: SpecialCategoryValue | None = None
    art9_condition: Art9ConditionValue | None = None
    """The Art. 9(2) point that allows processing this special category."""
    art9_provision: NonEmptyStr | None = None
    """The Union or member-state law relied on, where the Art. 9(2) point needs one (b, g-j)."""
    criminal_offence_data: bool = False
    art10_basis: NonEmptyStr | None = None
    """The official authority or law that allows processing criminal-offence data (Art. 10)."""
    retention: DurationField | None = None
    """A retention period specific to this category, if it differs from the activity's."""


class DataSource(StrictModel):
    type: Literal["data-subject", "customer", "third-party", "public", "generated"]
    description: NonEmptyStr | None = None


class Recipient(StrictModel):
    """A recipient or category of recipients (Art. 30(1)(d))."""

    name: NonEmptyStr
    type: Literal["internal", "processor", "controller", "public-authority", "other"]
    supplier: SupplierRef | None = None
    country: CountryCode | None = None


class Transfer(StrictModel):
    """A transfer to a third country or international organisation (Chapter V)."""

    country: CountryCode
    recipient: NonEmptyStr
    supplier: SupplierRef | None = None
    mechanism: TransferMechanismValue
    derogation: Literal["a", "b", "c", "d", "e", "f", "g"] | None = None
    """The Art. 49(1) point, when the mechanism is a derogation."""
    transfer_impact_assessment: EvidenceRef | None = None
    safeguards: Text | None = None


class Retention(StrictModel):
    """How long the data is kept, and from when the clock runs (Art. 30(1)(f))."""

    period: DurationField
    trigger: NonEmptyStr
    """The event the period counts from, e.g. 'end of the treatment relationship'."""
    legal_provision: NonEmptyStr | None = None
    """A law that prescribes the period, e.g. 'WGBO art. 7:454 BW'."""


class DataLocation(StrictModel):
    """Where the data lives, including logs and backups."""

    system: NonEmptyStr
    type: Literal["primary", "backup", "logs", "analytics", "archive", "cache"] = "primary"
    country: CountryCode
    supplier: SupplierRef | None = None


class AutomatedDecisionMaking(StrictModel):
    """Solely automated decisions with legal or similarly significant effects (Art. 22)."""

    used: bool
    exception: Art22ExceptionValue | None = None
    logic: Text | None = None
    safeguards: Text | None = None


class ProcessingActivity(Record):
    """An entry of the register of processing activities (GDPR Art. 30)."""

    kind: Literal["processing-activity"]
    name: NonEmptyStr
    description: Text | None = None
    role: ProcessingRoleValue
    """Whether we act as controller (Art. 30(1)) or processor (Art. 30(2)) for this activity."""
    controllers: list[Party] = []
    """For processor activities: the controllers we act for (Art. 30(2)(a))."""
    joint_controllers: list[Party] = []
    purposes: list[Purpose] = []
    data_subjects: list[NonEmptyStr] = []
    personal_data: list[DataCategory] = []
    sources: list[DataSource] = []
    recipients: list[Recipient] = []
    processors: list[SupplierRef] = []
    transfers: list[Transfer] = []
    retention: Retention | None = None
    data_locations: list[DataLocation] = []
    security_measures: list[ControlRecordRef] = []
    controls: FrameworkControls = {}
    security_description: Text | None = None
    automated_decisions: AutomatedDecisionMaking | None = None
    dpia_screening: DpiaScreening | None = None
    dpia: DpiaRef | None = None
    ai_systems: list[AiSystemRef] = []
    data_subject_count: NonNegativeInt | None = None
    """Approximate number of data subjects, the number behind 'large scale'."""

"""What a deployer (Art. 26, 49(3)) and a provider (Art. 11-49, 72) of a high-risk system did."""

from typing import Literal

from complykit.model.base import StrictModel
from complykit.model.declaring import Field
from complykit.model.types import EvidenceRef, IsoDate, NonEmptyStr, Text

ConformityRoute = Literal["internal-control", "notified-body", "product-legislation"]


class EuDatabaseRegistration(StrictModel):
    """An entry in the EU database for high-risk AI systems (Art. 49, Art. 71)."""

    registered: IsoDate
    """When the system, or our use of it, was registered."""
    reference: NonEmptyStr | None = None
    """The registration number or link the EU database gave."""


class NationalRegistration(StrictModel):
    """A registration at national level, which Art. 49(5) asks for the high-risk systems of
    Annex III point 2 (critical infrastructure) in place of the EU database."""

    registered: IsoDate
    """When the system was registered."""
    authority: NonEmptyStr
    """The national authority that keeps the register, or the register's name, as the Member
    State designates."""
    reference: NonEmptyStr | None = None
    """The registration number or link the national register gave."""


class DeployerDuties(StrictModel):
    """What we did as deployer of a high-risk system (Art. 26, Art. 49(3))."""

    monitoring: Text | None = None
    """How we monitor the system's operation on the basis of the instructions for use, and how
    we inform the provider and, where a risk or serious incident arises, the market
    surveillance authority (Art. 26(5))."""
    used_at_workplace: bool | None = None
    """Whether the system is put into service or used at the workplace; when not stated, an
    Annex III area 4 (employment) system or one with `practices.settings: [workplace]` is."""
    workers_informed: IsoDate | None = None
    """When workers' representatives and the affected workers were told that they will be
    subject to the system, before it was put into service (Art. 26(7))."""
    decisions_about_people: bool = True
    """Whether the system makes, or assists in making, decisions about natural persons; then
    they must be told that they are subject to it (Art. 26(11))."""
    persons_informed: Text | None = None
    """How the people the system decides about are told that they are subject to it
    (Art. 26(11)), e.g. the privacy notice or a notice at the point of decision."""
    eu_database_registration: EuDatabaseRegistration | None = None
    """Our registration of the use, required of public authorities and Union bodies that deploy
    an Annex III system (Art. 49(3), Art. 26(8))."""


class ConformityAssessment(StrictModel):
    """The conformity assessment of a high-risk system and its route (Art. 43)."""

    route: ConformityRoute
    """`internal-control` (Annex VI), `notified-body` (Annex VII, only for Annex III point 1
    biometrics), or `product-legislation`: the procedure of the Annex I act (Art. 43(3))."""
    completed: IsoDate | None = None
    """When the assessment was completed, or the certificate issued."""
    notified_body: NonEmptyStr | None = None
    """The notified body's name and four-digit number, for a third-party route."""
    certificate: NonEmptyStr | None = None
    """The certificate number, for a third-party route."""


class AnnexIProduct(StrictModel):
    """The Annex I product legislation a high-risk system falls under (Art. 6(1))."""

    legislation: NonEmptyStr
    """The Union harmonisation act, e.g. 'Regulation (EU) 2017/745 (MDR)'."""
    annex_i_point: int = Field(ge=1, le=20)
    """The Annex I point that lists the act, e.g. 11 for the MDR. Points 13-20 (Section B:
    vehicles, aviation, marine equipment, rail) are reached by the AI Act only through Art.
    6(1), 102-109 and 112 (Art. 2(2)), so no provider or deployer duty is checked for them."""
    conformity_class: NonEmptyStr | None = None
    """The product's class under that act, e.g. `IIa` for a medical device (MDR Annex VIII)."""
    third_party_assessment: bool = True
    """Whether the act requires a third-party (notified body) conformity assessment; only then
    is the AI system high-risk under Art. 6(1)(b). With `false`, Annex I is no basis for a
    high-risk class, and no high-risk duty is checked on that basis."""
    notified_body: NonEmptyStr | None = None
    """The notified body, with its number, that assesses the product."""


class ProviderDuties(StrictModel):
    """What we did as provider of a high-risk system (Art. 16)."""

    quality_management_system: EvidenceRef | None = None
    """The quality management system's documentation (Art. 17), e.g. the QMS manual."""
    technical_documentation: EvidenceRef | None = None
    """The technical documentation with the Annex IV contents (Art. 11)."""
    conformity_assessment: ConformityAssessment | None = None
    """The conformity assessment and its route (Art. 43)."""
    declaration_of_conformity: IsoDate | None = None
    """When the EU declaration of conformity was signed (Art. 47)."""
    ce_marking: bool = False
    """Whether the CE marking is affixed to the system, its packaging or documentation
    (Art. 48)."""
    eu_database_registration: EuDatabaseRegistration | None = None
    """The system's registration in the EU database, for Annex III systems other than point 2
    (Art. 49(1))."""
    national_registration: NationalRegistration | None = None
    """For an Annex III point 2 (critical infrastructure) system: its registration at national
    level, which takes the place of the EU database (Art. 49(5))."""
    post_market_monitoring_plan: EvidenceRef | None = None
    """The post-market monitoring plan (Art. 72), part of the technical documentation."""
    annex_i_product: AnnexIProduct | None = None
    """The Annex I product legislation, class and notified body, for an Art. 6(1) system."""

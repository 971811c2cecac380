"""``complykit.yaml``: the organisation, its people and scope, and how it scores risk."""

from typing import Literal

from complykit.model.base import StrictModel
from complykit.model.declaring import Field, NonNegativeInt, PositiveInt
from complykit.model.duration import DurationField
from complykit.model.empty import EMPTY
from complykit.model.prebuilt import instance
from complykit.model.types import (
    CountryCode,
    Email,
    FrameworkId,
    IsoDate,
    NonEmptyStr,
    PersonRef,
    RecordId,
    Text,
)


class PersonEntry(StrictModel):
    """A person that records can name as owner, overseer or approver."""

    id: RecordId = Field(
        description="The id records use to name this person, e.g. in `owner` or `approved_by`."
    )
    name: NonEmptyStr
    """The person's full name."""
    role: NonEmptyStr
    """The person's job title or role, e.g. 'CISO' or 'Privacy officer'."""
    email: Email | None = None
    """The person's work e-mail address."""


class SupervisoryAuthority(StrictModel):
    """The data protection supervisory authority the organisation answers to."""

    name: NonEmptyStr
    """The authority's name, e.g. 'Autoriteit Persoonsgegevens'."""
    country: CountryCode = Field(
        description="The member state of the authority (ISO 3166-1 alpha-2 code, e.g. NL)."
    )
    competence: Text | None = None
    """Why this authority is competent although it sits in another country than
    `organisation.country`: e.g. it leads for the cross-border processing of our main
    establishment in the Union, where decisions on the processing are taken (GDPR Art. 56(1))."""


class DataProtectionOfficer(StrictModel):
    """The data protection officer (GDPR Art. 37-39), on staff or external."""

    person: PersonRef | None = None
    """A person id from ``people``; or give name and email for an external DPO."""
    name: NonEmptyStr | None = None
    """The DPO's name, for an external DPO not listed in ``people``."""
    email: Email | None = None
    """The DPO's contact e-mail address, as published (Art. 37(7))."""
    registered_with_authority: bool = False
    """Whether the DPO's contact details were communicated to the authority (Art. 37(7))."""


class EuRepresentative(StrictModel):
    """The representative in the Union of a controller or processor outside it (Art. 27)."""

    name: NonEmptyStr
    """The representative's legal name."""
    country: CountryCode = Field(
        description="The Member State where the representative is established."
    )
    contact: NonEmptyStr
    """Address or e-mail where data subjects and authorities reach the representative."""
    mandate_date: IsoDate | None = None
    """When the written mandate (Art. 27(1)) was signed."""


class Organisation(StrictModel):
    """The organisation the workspace describes, and the facts that decide its duties."""

    name: NonEmptyStr
    """The organisation's legal name."""
    country: CountryCode = Field(
        description="Where the organisation has its main establishment (ISO 3166-1 alpha-2 code)."
    )
    registration: NonEmptyStr | None = None
    """Chamber of Commerce (KvK/KBO) number."""
    address: NonEmptyStr | None = None
    """The registered address."""
    roles: list[Literal["controller", "processor"]] = Field(min_length=1)
    """The GDPR roles the organisation has in any of its processing."""
    sector: Literal["private", "public-authority", "public-body"] = "private"
    """Public authorities have extra duties (GDPR Art. 37(1)(a), AI Act Art. 27)."""
    provides_public_services: bool = False
    """Private bodies providing public services have the FRIA duty too (AI Act Art. 27(1))."""
    headcount: NonNegativeInt
    """Staff count: the Art. 30(5) exemption for fewer than 250 employees depends on it."""
    dpo: DataProtectionOfficer | None = None
    """The data protection officer, if one is designated (Art. 37)."""
    dpo_not_required: Text | None = None
    """Why no data protection officer is designated although some processing is large scale:
    the documented assessment that our core activities do not consist of large-scale
    systematic monitoring or large-scale processing of special-category or criminal-offence
    data (Art. 37(1)(b) and (c)), e.g. security logging only supports the service we sell.
    Not for a public authority or body, which needs a DPO anyway (Art. 37(1)(a))."""
    supervisory_authority: SupervisoryAuthority
    """The supervisory authority that is competent for the organisation."""
    privacy_contact: Email | None = None
    """Where people send privacy questions and data subject requests."""
    security_contact: Email | None = None
    """Where security incidents and vulnerabilities are reported."""
    eu_representative: EuRepresentative | None = None
    """The representative in the Union, for an organisation established outside it that
    offers goods or services to, or monitors, people in the Union (GDPR Art. 27)."""
    eu_representative_not_required: Text | None = None
    """Why no representative is designated although we are established outside the Union,
    e.g. occasional processing of no special categories, unlikely to be a risk (Art. 27(2))."""


class ScaleLevel(StrictModel):
    """One level of a likelihood or impact scale."""

    value: PositiveInt
    """The number risks use for this level, e.g. 3."""
    label: NonEmptyStr
    """The level's name, e.g. 'Possible'."""
    description: str | None = None
    """What the level means in practice, so that scorers agree."""


# Twice the longest scale in common use (1 to 10). The risk reports draw a heat map of
# likelihood x impact cells: two scales of 2,000 levels, a few kilobytes of complykit.yaml in a
# pull request, made `report risks` run for two minutes, take 5 GB and write 780 MB of HTML.
MAX_SCALE_LEVELS = 20


class RiskMethod(StrictModel):
    """Likelihood and impact scales; a risk's score is likelihood x impact."""

    likelihood: list[ScaleLevel] = Field(min_length=2, max_length=MAX_SCALE_LEVELS)
    """The levels of the likelihood scale (at least two, at most twenty)."""
    impact: list[ScaleLevel] = Field(min_length=2, max_length=MAX_SCALE_LEVELS)
    """The levels of the impact scale (at least two, at most twenty)."""
    appetite: PositiveInt
    """The highest residual score accepted without a formal acceptance."""
    assessment_interval: DurationField | None = None
    """How often every risk is assessed again (ISO/IEC 27001 8.2), e.g. P1Y; a risk's own
    `assessment_interval` overrides it."""


class Paths(StrictModel):
    """Which files below the workspace are not read as records."""

    exclude: list[NonEmptyStr] = EMPTY
    """Glob patterns (relative to the workspace) of YAML files that are not records."""


class AiActSettings(StrictModel):
    """How complykit applies the EU AI Act."""

    dates: Literal["art-113", "digital-omnibus"] = "art-113"
    """Which dates decide from when a duty applies: `art-113`, the dates of AI Act Art. 113 as
    adopted (the default), or `digital-omnibus`, the later dates the Digital Omnibus on AI
    gives some duties (high-risk obligations of Annex III systems from 2027-12-02, of Annex I
    systems from 2028-08-02). complykit has not verified the Omnibus: choose it once you have
    checked its publication in the Official Journal."""


class GdprSettings(StrictModel):
    """How complykit applies the GDPR where it leaves a choice to the Member States."""

    child_consent_age: int | None = Field(default=None, ge=13, le=16)
    """The age below which a child cannot consent alone to an information society service
    offered to it directly (Art. 8(1)): 16, or the lower age, at least 13, that the Member
    State's law sets. Left out, complykit takes it from `organisation.country` where it knows
    the national age (Netherlands 16, UAVG art. 5; Belgium 13, act of 30 July 2018 art. 7;
    neither verified against the national text), and 16 elsewhere. Set it once you have
    checked the law that applies, e.g. that of the country whose children the service
    addresses."""


class WorkspaceConfig(StrictModel):
    """The contents of ``complykit.yaml``."""

    complykit: Literal[1] = 1
    """The configuration format version."""
    organisation: Organisation
    """The organisation, its GDPR roles, DPO and supervisory authority."""
    frameworks: list[FrameworkId] = EMPTY
    """Catalog ids in scope, e.g. iso27001-2022, iso27701-2019, gdpr, eu-ai-act."""
    languages: list[Literal["en", "nl"]] = ["en"]
    """The languages the organisation works and documents in."""
    people: list[PersonEntry] = EMPTY
    """The people records can name as owner, overseer, assessor or approver."""
    risk_method: RiskMethod
    """How risks are scored: the likelihood and impact scales and the risk appetite."""
    paths: Paths = instance(Paths)
    """Which YAML files below the workspace are not records."""
    ai_act: AiActSettings = instance(AiActSettings)
    """How the EU AI Act is applied: which dates of application decide."""
    gdpr: GdprSettings = instance(GdprSettings)
    """How the GDPR is applied where Member States choose: the age of a child's consent."""

"""``ai-system``: an AI system we provide or deploy (EU AI Act, ISO/IEC 42001)."""

from typing import Literal

from complykit.model.ai_duties import DeployerDuties, EuDatabaseRegistration, ProviderDuties
from complykit.model.ai_practices import PracticeFacts
from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field
from complykit.model.duration import DurationField
from complykit.model.empty import EMPTY
from complykit.model.prebuilt import instance
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
TransparencyGround = Literal[
    "obvious",
    "law-enforcement",
    "assistive-editing",
    "no-substantial-alteration",
    "artistic-work",
    "editorial-responsibility",
]


class AnnexIIIBasis(StrictModel):
    """The Annex III area (1-8) and point that makes the system high-risk (Art. 6(2))."""

    area: int = Field(ge=1, le=8)
    """The Annex III area, e.g. 4 for employment or 5 for essential services."""
    point: Literal["a", "b", "c", "d", "e"] | None = None
    """The point within the area, e.g. `a` in 4(a) recruitment and selection; the catalog
    decides which points an area has."""


class Art6Exception(StrictModel):
    """An Art. 6(3) claim that an Annex III system is not high-risk, with its condition."""

    condition: Literal["a", "b", "c", "d"]
    """The Art. 6(3) condition relied on, e.g. `a` for a narrow procedural task."""
    reasoning: Text = Field(
        description="Why the system poses no significant risk of harm; never valid if it profiles."
    )
    documented: IsoDate | None = None
    """When the assessment was documented (Art. 6(4))."""
    eu_database_registration: EuDatabaseRegistration | None = None
    """For a system we provide: our entry, and the system's, in the EU database, made before the
    system was placed on the market or put into service. A provider that relies on the
    exception registers as one whose system is high-risk would (Art. 6(4), Art. 49(2)), so
    that authorities can see and question the claim."""


class TransparencyException(StrictModel):
    """An exception that Art. 50 itself makes to one of its duties, relied on for the system."""

    ground: TransparencyGround
    """The exception relied on, in the article's own words: `obvious` (Art. 50(1): it is
    obvious to a reasonably well-informed, observant and circumspect person, taking into
    account the circumstances and the context of use, that they are dealing with an AI
    system); `law-enforcement` (Art. 50(1) to (4): the system or its use is authorised, or
    for paragraph 3 permitted, by law to detect, prevent, investigate or prosecute criminal
    offences; for paragraph 1 not if the public can use it to report a criminal offence);
    `assistive-editing` (Art. 50(2): the system performs an assistive function for standard
    editing); `no-substantial-alteration` (Art. 50(2): it does not substantially alter the
    input data the deployer provides, or its meaning); `artistic-work` (Art. 50(4), first
    subparagraph: the deep fake is part of an evidently artistic, creative, satirical,
    fictional or analogous work or programme; this only limits the duty, to disclosing that
    such content exists in a manner that does not hamper the display or enjoyment of the work,
    so a `disclosure` is still needed); `editorial-responsibility` (Art. 50(4), second
    subparagraph: the AI-generated text has undergone human review or editorial control, and
    a natural or legal person holds editorial responsibility for its publication)."""
    reasoning: Text | None = None
    """Why the exception holds for this system: the circumstances that make the AI obvious, the
    law that authorises the use, what the editing function does, the work the deep fake is part
    of, or who reviews the text and who holds editorial responsibility. Left out, the
    exception lifts no duty: AIA010 still asks for the `disclosure` or `marking`, and AIA031
    asks for the reasoning, since an exception relied on without its reason cannot be
    checked."""


class Transparency(StrictModel):
    """The Art. 50 situations in which people must be told they are dealing with AI."""

    interacts_with_people: bool = False
    """Whether the system interacts directly with people, e.g. a chatbot (Art. 50(1))."""
    synthetic_content: bool = False
    """Whether it generates synthetic audio, images, video or text (Art. 50(2))."""
    emotion_recognition: bool = False
    """Whether it recognises emotions (Art. 50(3)): infers people's emotions or intentions from
    their biometric data (face, voice, gait, keystrokes...); sentiment analysis of written
    text is not emotion recognition."""
    biometric_categorisation: bool = False
    """Whether it sorts people into categories from biometric data (Art. 50(3))."""
    deep_fake: bool = False
    """Whether it generates or manipulates deep fakes (Art. 50(4))."""
    public_interest_text: bool = False
    """Whether it writes text published to inform the public on public matters (Art. 50(4))."""
    disclosure: Text | None = None
    """How people are told that they are dealing with AI, for the situations of Art. 50(1),
    (3) and (4): a notice in the chat window, a label on the image, a sentence under the
    article. Telling people does not mark the content itself: see `marking`."""
    marking: Text | None = None
    """For a system that generates synthetic audio, images, video or text (Art. 50(2)): how its
    provider makes each output recognisable by machines as AI-generated or manipulated, e.g. an
    invisible watermark, C2PA content credentials or other signed metadata, a fingerprint or
    logging that a detector can match. A notice to the reader is a `disclosure`, not a
    marking."""
    exceptions: list[TransparencyException] = EMPTY
    """The exceptions Art. 50 itself makes that apply to the system, each with its reasoning.
    An exception with its `reasoning` stands in for the `disclosure` or `marking` the paragraph
    would otherwise need, except `artistic-work`, which only limits the deep-fake disclosure;
    one without reasoning lifts nothing."""


class Classification(StrictModel):
    """The AI Act risk class and the facts it rests on."""

    risk_class: RiskClass
    """The risk class: prohibited (Art. 5), high-risk (Art. 6), transparency (Art. 50), minimal."""
    reasoning: Text = Field(description="Why the system falls in this risk class.")
    annex_iii: AnnexIIIBasis | None = None
    """The Annex III area and point, when the system is high-risk through Art. 6(2)."""
    annex_i: NonEmptyStr | None = None
    """The Annex I Union harmonisation legislation, e.g. 'Regulation (EU) 2017/745 (MDR)'.
    Name the act by its number: without `provider_duties.annex_i_product`, the number tells
    its Annex I point, and an act of Section B (points 13-20, Art. 2(2)) brings no provider
    or deployer duties of the AI Act."""
    art6_3_exception: Art6Exception | None = None
    """An Art. 6(3) claim that the Annex III system is nevertheless not high-risk. It derogates
    only from Art. 6(2): it needs an Annex III use case, and an Annex I product that needs a
    third-party conformity assessment stays high-risk under Art. 6(1)."""
    profiling: bool | None = None
    """Whether the system itself profiles natural persons (GDPR Art. 4(4)): evaluates them
    automatically, e.g. by scoring or ranking them. An Annex III system that does is always
    high-risk, whatever Art. 6(3) condition it meets (Art. 6(3), last subparagraph). Left
    out, AIA004 falls back on the DPIA screening of the linked processing activities, which
    may profile through other tools."""
    suspected_art5_practice: Art5Practice | None = None
    """The Art. 5(1) point, if a prohibited practice is suspected."""
    transparency: Transparency = instance(Transparency)
    """Which Art. 50 transparency situations apply, whatever the risk class."""


class GeneralPurposeModel(StrictModel):
    """The general-purpose AI model the system is built on (AI Act Chapter V)."""

    name: NonEmptyStr
    """The model's name and version, as its provider names it."""
    provider: NonEmptyStr
    """The organisation that provides the model."""
    supplier: SupplierRef | None = None
    """The supplier record, when we obtain the model from one of our suppliers."""
    systemic_risk: bool = False
    """Whether the model is classified as a model with systemic risk (Art. 51)."""


class HumanOversight(StrictModel):
    """How people oversee the system and can step in (Art. 14, Art. 26(2))."""

    description: Text = Field(
        description="How oversight works in practice: who looks at what, and when."
    )
    overseers: list[PersonRef] = EMPTY
    """The people assigned to oversee the system."""
    can_override: bool = True
    """Whether overseers can disregard, override or reverse the system's output."""
    trained: bool = False
    """Whether overseers have the competence, training and authority they need (Art. 26(2))."""


class Logging(StrictModel):
    """Automatic recording of events while the system runs (Art. 12, Art. 19, Art. 26(6))."""

    enabled: bool
    """Whether the system keeps logs of its operation."""
    retention: DurationField | None = None
    """How long logs are kept; for high-risk systems at least six months (Art. 19, 26(6))."""
    description: Text | None = None
    """What is logged and where the logs are kept."""


class VendorTraining(StrictModel):
    """Whether the vendor may train its models on what we send it."""

    our_data: Literal["allowed", "prohibited", "opt-out", "unknown"]
    """Whether the vendor may train on our own data; `opt-out` means allowed unless we object."""
    customer_data: Literal["allowed", "prohibited", "opt-out", "unknown", "not-applicable"]
    """Whether the vendor may train on our customers' data we send it."""
    clause: NonEmptyStr | None = None
    """The contract clause or terms section that says so."""
    opted_out: IsoDate | None = None
    """Under `opt-out` terms, the day we objected (opted out), for our data and our customers'
    alike; keep `opt-out`, which is what the terms say."""


class ImpactScope(StrictModel):
    """Whom an AI system impact assessment looked at (ISO/IEC 42001 A.5.4, A.5.5)."""

    individuals: Text | None = None
    """The impacts found on individuals, e.g. an applicant wrongly ranked low (A.5.4)."""
    groups: Text | None = None
    """The impacts found on groups of individuals, e.g. older applicants as a group (A.5.4)."""
    society: Text | None = None
    """The impacts found on society, e.g. on access to care or to work (A.5.5)."""


class ImpactAssessment(StrictModel):
    """An impact assessment done, under way, or considered and found not required."""

    type: Literal["dpia", "fria", "iama", "aisia"]
    """dpia (GDPR Art. 35), fria (AI Act Art. 27), iama (Dutch), aisia (ISO/IEC 42001 8.4, A.5)."""
    status: Literal["not-started", "in-progress", "completed", "not-required"]
    """How far the assessment is; `not-required` means it was considered and found not
    required, with the `reasoning`."""
    reasoning: Text | None = None
    """Why the assessment is not required, or a summary of its conclusion."""
    dpia: DpiaRef | None = None
    """The DPIA record, for a DPIA kept in this repository."""
    completed: IsoDate | None = None
    """When the assessment was completed."""
    authority_notified: IsoDate | None = None
    """For a fundamental rights impact assessment: when its results were notified to the
    market surveillance authority (AI Act Art. 27(3))."""
    document: EvidenceRef | None = None
    """The assessment report: a file in the repository or an https URL."""
    impacts: ImpactScope | None = None
    """For an AI system impact assessment: the impacts found on individuals, groups and society
    (ISO/IEC 42001 A.5.4, A.5.5)."""
    consequences: Text | None = None
    """The potential consequences considered of the system's deployment, intended use and
    foreseeable misuse (ISO/IEC 42001 8.4)."""
    last_reviewed: IsoDate | None = None
    """When the assessment was last reviewed; `completed` counts when it never was."""
    review_interval: DurationField | None = None
    """How often the assessment is reviewed, e.g. P1Y; the planned interval of ISO/IEC 42001
    8.4."""


class LegacyReview(StrictModel):
    """For a high-risk system in use before 2 August 2026: whether its design has changed
    significantly since (AI Act Art. 111(2)), which is when its high-risk duties start."""

    significant_change: bool
    """Whether the design changed significantly on or after 2 August 2026."""
    changed_on: IsoDate | None = None
    """The day of that change, with `significant_change: true`; the duties apply from it."""
    reviewed: IsoDate
    """When this was last looked at."""
    reasoning: Text | None = None
    """What changed, or why the changes made were not significant."""


class AiSystem(Record):
    """An AI system in the AI register."""

    kind: Literal["ai-system"]
    """Always `ai-system`."""
    name: NonEmptyStr
    """The system's name as people in the organisation know it."""
    purpose: Text = Field(
        description="The intended purpose: what the system is used for, and by whom (Art. 3(12))."
    )
    description: Text | None = None
    """How the system works: inputs, outputs and the people or processes it supports."""
    roles: list[AiActRole] = Field(min_length=1)
    """Our AI Act roles for this system, e.g. provider or deployer (Art. 3)."""
    classification: Classification
    """The AI Act risk class and the reasoning behind it."""
    general_purpose_model: GeneralPurposeModel | None = None
    """The general-purpose AI model the system builds on, if any."""
    human_oversight: HumanOversight | None = None
    """How people oversee the system (Art. 14, Art. 26(2))."""
    logging: Logging | None = None
    """Whether and how the system's events are logged (Art. 12, Art. 26(6))."""
    accuracy_and_robustness: Text | None = None
    """How accuracy, robustness and cybersecurity are measured and kept up (Art. 15)."""
    data_sources: list[NonEmptyStr] = EMPTY
    """The data the system is trained on or works with, e.g. 'appointment history'."""
    model_source: Literal["in-house", "vendor", "open-source", "fine-tuned"] | None = None
    """Where the model comes from: built in-house, bought, open source, or fine-tuned by us."""
    vendor: SupplierRef | None = None
    """The supplier that provides the system or model."""
    vendor_training: VendorTraining | None = None
    """Whether the vendor may train its models on our data or our customers' data."""
    processes_personal_data: bool | None = None
    """Whether the system processes personal data, in training or in use; if so, it must be
    linked to the processing activities it serves (GDPR Art. 30(1))."""
    processing_activities: list[ProcessingRef] = EMPTY
    """The processing activities in which the system processes personal data."""
    practices: PracticeFacts | None = None
    """What the system does and where, from which AI Act Art. 5(1) prohibitions are decided."""
    deployer_duties: DeployerDuties | None = None
    """What we did as deployer of a high-risk system (Art. 26, Art. 49(3))."""
    provider_duties: ProviderDuties | None = None
    """What we did as provider of a high-risk system (Art. 11, 17, 43, 47-49, 72)."""
    impact_assessments: list[ImpactAssessment] = EMPTY
    """The impact assessments done for the system (DPIA, FRIA, IAMA, AI system impact)."""
    lifecycle: Literal[
        "idea", "design", "development", "validation", "deployment", "operation", "retired"
    ]
    """The life-cycle stage the system is in."""
    in_use_since: IsoDate | None = None
    """When the system was put into service."""
    legacy_review: LegacyReview | None = None
    """For a high-risk system in service before 2 August 2026: whether its design changed
    significantly since (AI Act Art. 111(2)). Unchanged, its high-risk duties do not apply, or
    for a system intended to be used by public authorities (`intended_for_public_authorities`)
    apply from 2 August 2030; left out, they are reported with a hint."""
    intended_for_public_authorities: bool | None = None
    """Whether the system's intended purpose is use by public authorities, whoever provides it.
    For a high-risk system already in service before 2 August 2026 and not significantly
    changed since, Art. 111(2) still gives its providers and deployers until 2 August 2030 to
    comply; one meant for other users stays out of scope until its design changes. Left out,
    it is yes for the Annex III use cases that name only public authorities as users (5(a)
    public benefits, area 6 law enforcement, area 7 migration and borders) or when we are a
    public authority or body, and no otherwise; 8(a) also covers alternative dispute
    resolution, often private, so say yes here for a system meant for judicial authorities. A
    public authority or body that deploys the system uses it itself, whatever this says."""
    affected_persons: list[NonEmptyStr] = EMPTY
    """The groups of people the system's outputs affect, e.g. patients or applicants."""

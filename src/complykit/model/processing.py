"""``processing-activity``: one entry of the GDPR Art. 30 register of processing activities."""

from typing import Any, Literal, Self

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import ConfigDict, Field, NonNegativeInt, model_validator
from complykit.model.duration import DurationField
from complykit.model.empty import EMPTY
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
    """A controller, joint controller or representative (Art. 30(1)(a), 30(2)(a))."""

    name: NonEmptyStr
    """The organisation's legal name."""
    contact: NonEmptyStr | None = None
    """Contact details: an address, e-mail or phone number for privacy matters."""
    country: CountryCode | None = None
    """Where the party is established. For a controller we process for, or a joint controller,
    outside the EEA: personal data returned or shared with it, or its access to the personal
    data with us, is a transfer to that country, to be listed under `transfers` (Art. 44, Art.
    30(1)(e), 30(2)(c)). Art. 30(2)(a) does not ask for the country, but without it complykit
    cannot tell whether the data leaves the EEA (GDPR026 does not ask for it)."""
    receives_personal_data: bool | None = None
    """Whether personal data of this activity reaches the party from us: sent or returned to
    it, or reached by it in our systems. Say `false` only where nothing personal does, e.g. a
    controller that sends us data and gets back only anonymous totals, with no access to the
    data we hold; a party outside the EEA then receives no transfer. Left out, a controller we
    process for or a joint controller outside the EEA is taken to receive it (GDPR026)."""


class JointArrangement(StrictModel):
    """The arrangement in which joint controllers set out their respective responsibilities
    (GDPR Art. 26(1)), and where the people concerned find its essence (Art. 26(2))."""

    agreed_on: IsoDate
    """When the arrangement was agreed."""
    document: EvidenceRef | None = None
    """The arrangement: a file in the repository or an https URL."""
    contact_point: NonEmptyStr | None = None
    """The contact point for data subjects, where the arrangement designates one."""
    essence_published: NonEmptyStr | None = None
    """Where the people concerned can read the essence of the arrangement, e.g. 'privacy
    notice, section 4'."""


class ConsentMechanism(StrictModel):
    """How consent is asked, recorded and withdrawn (Art. 7)."""

    how_obtained: Text = Field(
        description="How and when consent is asked, e.g. an unticked box on the intake form."
    )
    how_recorded: Text = Field(
        description="Where consent is stored, so it can be demonstrated (Art. 7(1))."
    )
    how_withdrawn: Text = Field(
        description="How people withdraw consent; it must be as easy as giving it (Art. 7(3))."
    )
    explicit: bool = False
    """Whether this consent is explicit: the person states in so many words that they agree
    to this data being used for this purpose, for instance in a form they sign, an e-mail, or
    a statement they confirm in a second step. Consent read from what someone does ('by
    continuing you agree'), a pre-ticked box or acceptance of general terms is not explicit.
    Special categories on Art. 9(2)(a) need explicit consent; set it to true only where
    `how_obtained` describes such a statement."""


class LegitimateInterestAssessment(StrictModel):
    """The balancing test behind Art. 6(1)(f)."""

    interest: Text = Field(
        description="The legitimate interest pursued, by us or a third party (Art. 6(1)(f))."
    )
    document: EvidenceRef | None = None
    """The written balancing test: a file in the repository or an https URL."""
    assessed: IsoDate | None = None
    """When the balancing test was done."""


class Purpose(StrictModel):
    """One purpose and the Art. 6(1) legal basis it rests on."""

    description: Text = Field(
        description="The purpose, specific and explicit (Art. 5(1)(b), Art. 30(1)(b))."
    )
    legal_basis: LegalBasisValue | None = None
    """The Art. 6(1) lawful basis for this purpose, points (a) to (f); a purpose without one
    is kept (an imported register may not state it) and reported by GDPR029."""
    consent: ConsentMechanism | None = None
    """Required when the legal basis is consent."""
    legitimate_interest: LegitimateInterestAssessment | None = None
    """Required when the legal basis is legitimate interests."""
    legal_provision: NonEmptyStr | None = None
    """The law that imposes the obligation or task, for legal-obligation and public-task: the
    basis Art. 6(3) asks to be laid down by law. On another basis it is read as no basis, only
    as context: for consent, a law that asks for consent (e.g. for cookies); for a contract,
    the law that governs the contract. A law that requires the processing itself calls for
    the legal-obligation basis, not for consent, which would have to be free to refuse."""


class DataCategory(StrictModel):
    """A category of personal data; special (Art. 9) and criminal (Art. 10) data are marked."""

    name: NonEmptyStr
    """The category as the register names it, e.g. 'contact details' or 'diagnosis'."""
    special_category: SpecialCategoryValue | None = None
    """The Art. 9(1) special category this data belongs to, if any."""
    art9_condition: Art9ConditionValue | None = None
    """The Art. 9(2) point that allows processing this special category."""
    art9_provision: NonEmptyStr | None = None
    """The Union or member-state law relied on, where the Art. 9(2) point needs one (b, g-j)."""
    explicit_consent: ConsentMechanism | None = None
    """For a special category processed on explicit consent (Art. 9(2)(a)): how that consent
    is asked, recorded and withdrawn. The purposes keep their own Art. 6(1) basis: an app
    that rests on a contract with its user still needs the user's explicit consent for the
    health data it holds, and records it here. Explicit means that the person expresses
    their agreement to this data being used in a statement of their own (a signed form, an
    e-mail, a statement confirmed in a second step), not through what they do; describe that
    statement in `how_obtained`. Consent recorded here is read as explicit unless it says
    `explicit: false`. Not needed when a consent purpose of the activity already asks for it
    in so many words and says `explicit: true`."""
    criminal_offence_data: bool = False
    """Whether this is data on criminal convictions and offences (Art. 10)."""
    art10_basis: NonEmptyStr | None = None
    """The official authority or law that allows processing criminal-offence data (Art. 10)."""
    national_id: Literal["bsn", "rrn", "other"] | None = None
    """Whether this is a national identification number: `bsn` for the Dutch
    burgerservicenummer, `rrn` for the Belgian national register number
    (rijksregisternummer, numéro de registre national), `other` for another country's (GDPR
    Art. 87)."""
    national_id_provision: NonEmptyStr | None = None
    """The law that allows using the number for this purpose; for the BSN, the act that
    prescribes it (UAVG art. 46), e.g. 'Wet aanvullende bepalingen verwerking persoonsgegevens
    in de zorg, art. 8' or 'Wet op de loonbelasting 1964'."""
    retention: DurationField | None = None
    """A retention period specific to this category, if it differs from the activity's. A
    period only: records a law has kept for good are recorded on the activity, as `retention:
    {permanent: true, legal_provision: ...}`; a period longer than anyone lives is read as
    keeping the data for good (GDPR042)."""


class DataSource(StrictModel):
    """Where the personal data comes from; relevant to the information duty of Art. 14."""

    type: Literal["data-subject", "customer", "third-party", "public", "generated"]
    """Who supplies the data; `generated` is data we create ourselves, e.g. logs or scores."""
    description: NonEmptyStr | None = None
    """Which source exactly, e.g. 'referral letter from the GP'."""


class Recipient(StrictModel):
    """A recipient or category of recipients (Art. 30(1)(d))."""

    name: NonEmptyStr
    """The recipient, or the category of recipients, e.g. 'health insurers'."""
    type: Literal["internal", "processor", "controller", "public-authority", "other"]
    """The recipient's relation to us: internal, processor, controller, public authority.
    `internal` is our own employees and departments, the same legal person as us; a group
    company (a parent or a subsidiary) or a contractor is a controller or processor of its own,
    even within the group. Our employees abroad (on a business trip, working remotely) who
    reach our systems stay internal; complykit has not verified how the EDPB treats the staff
    of our own branch in a third country, and counts such a branch as a transfer (GDPR026)."""
    supplier: SupplierRef | None = None
    """The supplier record, when the recipient is one of our suppliers."""
    country: CountryCode | None = None
    """Where the recipient is located; outside the EEA, also list a transfer, unless the
    recipient is our own employees there, e.g. on a business trip, who are part of us and
    receive no transfer (EDPB Guidelines 05/2021). An `internal` recipient that names a
    `supplier`, or whose name gives a legal form (Inc., Pvt Ltd, B.V.), a group relation
    (parent, subsidiary) or a branch, is counted as any recipient (GDPR026)."""


class SaAuthorisation(StrictModel):
    """The supervisory authority's authorisation of an Art. 46(3) safeguard: ad hoc contractual
    clauses or an administrative arrangement carry a transfer only once the competent authority
    has authorised them, applying the consistency mechanism (Art. 46(3), 46(4)). An
    authorisation given under Art. 26(2) of Directive 95/46/EC stays valid until amended,
    replaced or repealed (Art. 46(5)) and is recorded the same way."""

    authority: NonEmptyStr
    """The supervisory authority that authorised the safeguard, e.g. 'Autoriteit
    Persoonsgegevens'."""
    authorised_on: IsoDate
    """The date of the authorisation decision."""
    reference: NonEmptyStr | None = None
    """The decision's reference number, or where the decision is kept."""


class Transfer(StrictModel):
    """A transfer to a third country or international organisation (Chapter V)."""

    country: CountryCode = Field(
        description="The third country the data goes to (ISO 3166-1 alpha-2 code, e.g. US)."
    )
    recipient: NonEmptyStr
    """Who receives the data there (Art. 30(1)(e))."""
    supplier: SupplierRef | None = None
    """The supplier record, when the recipient is one of our suppliers."""
    mechanism: TransferMechanismValue
    """The Chapter V ground: adequacy (Art. 45), safeguards (Art. 46-47), derogation (Art. 49)."""
    derogation: (
        Literal["a", "b", "c", "d", "e", "f", "g", "compelling-legitimate-interests"] | None
    ) = None
    """The Art. 49(1) point when the mechanism is a derogation, or the second subparagraph's
    compelling legitimate interests of the controller."""
    within_adequacy_scope: bool | None = None
    """For an adequacy decision that covers only some recipients: whether this recipient is
    covered, e.g. is certified under the EU-US Data Privacy Framework (false: it is not, so the
    decision cannot carry the transfer; left out: not yet confirmed)."""
    transfer_impact_assessment: EvidenceRef | None = None
    """The transfer impact assessment: a file in the repository or an https URL."""
    safeguards: Text | None = None
    """Supplementary measures, e.g. encryption with keys held in the EU."""
    sa_authorisation: SaAuthorisation | None = None
    """For ad hoc contractual clauses (Art. 46(3)(a)) or an administrative arrangement (Art.
    46(3)(b)): the supervisory authority's authorisation, without which they carry no
    transfer (GDPR045)."""


def _given(key: str) -> dict[str, Any]:
    """JSON Schema for "``key`` holds a value": present, and not null."""
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


def _kept_for_good() -> dict[str, Any]:
    """JSON Schema for ``permanent: true``."""
    return {"required": ["permanent"], "properties": {"permanent": {"const": True}}}


class Retention(StrictModel):
    """How long the data is kept (Art. 30(1)(f)): a period and the event it counts from, the
    event at which the data is erased, or for good, as an archive in the public interest."""

    # Editors and check-jsonschema see the same choice that validation makes: period with
    # trigger, until, or permanent, one of them. A key written as null is no value, for them
    # as for the model: `{period: null, trigger: null, until: ...}` is an until.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {
                    "allOf": [_given("period"), _given("trigger")],
                    "not": {"anyOf": [_given("until"), _kept_for_good()]},
                },
                {
                    "allOf": [_given("until")],
                    "not": {"anyOf": [_given("period"), _given("trigger"), _kept_for_good()]},
                },
                {
                    "allOf": [_kept_for_good()],
                    "not": {"anyOf": [_given("period"), _given("trigger"), _given("until")]},
                },
            ]
        }
    )

    period: DurationField | None = Field(
        default=None,
        description="How long the data is kept after the trigger: ISO 8601 (P20Y) or "
        "{years: 20}. Give `period` and `trigger` together, or `until` alone.",
    )
    trigger: NonEmptyStr | None = None
    """The event the period counts from, e.g. 'end of the treatment relationship'."""
    until: NonEmptyStr | None = None
    """Instead of a period: the event at which the data is erased, e.g. 'the subscriber
    unsubscribes'. An event, not 'as long as necessary', which sets no limit."""
    permanent: bool = False
    """Kept for good: records a law says are to be kept permanently, e.g. 'blijvend te
    bewaren' under the Archiefwet and its selection list, transferred to an archive in the
    public interest (Art. 5(1)(e), Art. 89). Name that law in `legal_provision` (GDPR042)."""
    legal_provision: NonEmptyStr | None = None
    """A law that prescribes the period, or the permanent keeping, e.g. 'WGBO art. 7:454 BW'
    or 'Archiefwet 1995 art. 3; Selectielijst gemeenten 2020'."""

    @model_validator(mode="after")
    def _one_way_to_end(self) -> Self:
        counted = self.period is not None or self.trigger is not None
        if self.permanent and (counted or self.until is not None):
            raise ValueError(
                "`permanent: true` keeps the data for good: give no `period`, `trigger` or "
                "`until` with it"
            )
        if self.permanent:
            return self
        if self.until is not None and counted:
            raise ValueError(
                "give either `period` with its `trigger`, or `until`, not both: `until` says "
                "the data is erased when that event happens"
            )
        if self.until is None and (self.period is None or self.trigger is None):
            raise ValueError(
                "give `period` with the `trigger` it counts from (e.g. {period: P7Y, trigger: "
                "end of employment}), or `until` with the event that ends it (e.g. {until: "
                "the subscriber unsubscribes}), or `permanent: true` for records a law says "
                "are kept for good"
            )
        return self


class DataLocation(StrictModel):
    """Where the data lives, including logs and backups."""

    system: NonEmptyStr
    """The application, database or storage that holds the data."""
    type: Literal["primary", "backup", "logs", "analytics", "archive", "cache"] = "primary"
    """What kind of copy this location holds."""
    country: CountryCode = Field(
        description="Where the data is stored (ISO 3166-1 alpha-2 code, e.g. NL)."
    )
    supplier: SupplierRef | None = None
    """The supplier that hosts this location, if any."""


class ControllerList(StrictModel):
    """Where the maintained list of the controllers we process for is kept (Art. 30(2)(a)).
    complykit does not read the list: a controller on it outside the EEA, to which personal
    data returns, is a transfer only the activity's `transfers` can show (Art. 30(2)(c))."""

    location: NonEmptyStr
    """Where the list is kept and who keeps it, e.g. 'CRM, view Active clinic contracts'."""
    updated: IsoDate
    """When the list was last brought up to date or exported."""
    contents: NonEmptyStr | None = None
    """What the list holds for each controller, e.g. 'legal name, address, practice manager'."""


class Art30Exemption(StrictModel):
    """A claim that Art. 30(5) exempts this processing from the register."""

    occasional: bool
    """Whether the processing is occasional, e.g. a one-off event; regular processing is not."""
    reasoning: Text = Field(
        description="Why the processing is occasional and unlikely to result in a risk."
    )


class AutomatedDecisionMaking(StrictModel):
    """Solely automated decisions with legal or similarly significant effects (Art. 22)."""

    used: bool
    """Whether the activity makes such decisions."""
    exception: Art22ExceptionValue | None = None
    """The Art. 22(2) exception that allows them: contract, law or explicit consent."""
    logic: Text | None = None
    """Meaningful information about the logic involved, as people must be told (Art. 13(2)(f))."""
    safeguards: Text | None = None
    """Safeguards: human intervention, a say and a way to contest the decision (Art. 22(3))."""


class ProcessingActivity(Record):
    """An entry of the register of processing activities (GDPR Art. 30)."""

    kind: Literal["processing-activity"]
    """Always `processing-activity`."""
    name: NonEmptyStr
    """A short name for the activity, e.g. 'Patient scheduling'."""
    description: Text | None = None
    """What the processing involves; as processor, the categories of processing (Art. 30(2)(b))."""
    role: ProcessingRoleValue
    """Whether we act as controller (Art. 30(1)) or processor (Art. 30(2)) for this activity."""
    controllers: list[Party] = EMPTY
    """For processor activities: each controller we act for, by name (Art. 30(2)(a))."""
    controller_list: ControllerList | None = None
    """For processor activities with many controllers: the maintained list that names them,
    with its location and date, instead of naming them under `controllers`."""
    joint_controllers: list[Party] = EMPTY
    """The other controllers we determine purposes and means with (Art. 26, Art. 30(1)(a))."""
    joint_arrangement: JointArrangement | None = None
    """With joint controllers: the arrangement on who does what (Art. 26)."""
    purposes: list[Purpose] = EMPTY
    """The purposes of the processing, each with its legal basis (Art. 30(1)(b), Art. 6(1))."""
    data_subjects: list[NonEmptyStr] = EMPTY
    """The categories of data subjects, e.g. patients or employees (Art. 30(1)(c))."""
    personal_data: list[DataCategory] = EMPTY
    """The categories of personal data processed (Art. 30(1)(c))."""
    sources: list[DataSource] = EMPTY
    """Where the data comes from."""
    recipients: list[Recipient] = EMPTY
    """Who the data is disclosed to, including in third countries (Art. 30(1)(d))."""
    no_recipients: Text | None = None
    """An explicit statement that no one receives the data, with the reason; an empty
    `recipients` list is otherwise read as unfilled."""
    processors: list[SupplierRef] = EMPTY
    """The suppliers that process the data on our behalf (Art. 28)."""
    transfers: list[Transfer] = EMPTY
    """Transfers to third countries or international organisations (Art. 30(1)(e), 30(2)(c))."""
    retention: Retention | None = None
    """How long the data is kept (Art. 30(1)(f))."""
    public_powers: bool | None = None
    """For a public authority: whether this activity is carried out in the exercise of its
    public powers (official authority over citizens, such as levying taxes or granting
    permits), which closes the first three derogations of Art. 49(1) and its compelling
    interests to the activity's transfers (Art. 49(3), GDPR037). Art. 49(3) turns on the
    capacity in which the authority acts, whatever the basis in Art. 6(1). Left out, complykit
    asks the question (GDPR037, conditionally) for an activity whose purposes all rest on the
    public-task basis (Art. 6(1)(e)) or on legal obligations (Art. 6(1)(c)), and not for one
    with a purpose on any other basis. Say `false` where the authority acts as any
    organisation would: a public task carried out without public powers, or a legal
    obligation met as any employer or customer meets it (withholding wage tax on salaries);
    say `true` where it exercises its powers, as in an exchange with a foreign tax
    administration."""
    data_locations: list[DataLocation] = EMPTY
    """The systems and countries where the data is stored, including backups and logs."""
    security_measures: list[ControlRecordRef] = EMPTY
    """Our own measures (control records) that protect this processing (Art. 32)."""
    controls: FrameworkControls = Field(
        default={},
        description="Catalog controls that apply to this activity, by framework, "
        "e.g. {iso27701-2019: [A.7.2.8]}.",
    )
    security_description: Text | None = None
    """A general description of the security measures (Art. 30(1)(g), 30(2)(d), Art. 32(1))."""
    automated_decisions: AutomatedDecisionMaking | None = None
    """Whether and how solely automated decisions are made (Art. 22)."""
    dpia_screening: DpiaScreening | None = None
    """The facts that decide whether a DPIA is needed (Art. 35(1), WP248 criteria)."""
    dpia: DpiaRef | None = None
    """The DPIA that covers this activity, if one was done."""
    ai_systems: list[AiSystemRef] = EMPTY
    """The AI systems used in this activity."""
    art30_exemption: Art30Exemption | None = None
    """A claim that the Art. 30(5) exemption for organisations under 250 staff applies."""
    data_subject_count: NonNegativeInt | None = None
    """Approximate number of data subjects, the number behind 'large scale'. Where no screening
    judges the scale, complykit counts 100,000 or more as large scale (DPIA013, GDPR028)."""

"""``incident``: a security incident, and the personal-data breach facts when there is one.

All moments are timestamps with a UTC offset: the Art. 33(1) clock runs 72 hours from the
moment the organisation became aware, and a clock without a timezone can be off by hours.
"""

from typing import Literal, Self

from complykit.model.base import Record, StrictModel
from complykit.model.declaring import Field, NonNegativeInt, model_validator
from complykit.model.empty import EMPTY
from complykit.model.serious_incident import SeriousIncident
from complykit.model.types import (
    AnyRecordRef,
    NonEmptyStr,
    ProcessingRef,
    SupplierRef,
    Text,
    Timestamp,
)


class Notification(StrictModel):
    """A notification made, or the decision not to make one."""

    required: bool
    """Whether the notification is required, given the risk the breach poses."""
    notified_at: Timestamp | None = None
    """When the notification was made, with its UTC offset."""
    to: NonEmptyStr | None = None
    """Who was notified, e.g. 'Autoriteit Persoonsgegevens' or 'all affected patients'."""
    reference: NonEmptyStr | None = None
    """The case or report number the recipient gave."""
    reason: Text | None = None
    """Why it is not required, or why it was late (for the authority: Art. 33(1))."""
    notified_by: Literal["us", "controller", "processor"] | None = None
    """Who made the notification: `us`, the `controller` we process for (as processor), or
    our `processor` on our behalf."""


class SubjectNotification(Notification):
    """The communication of a breach to the data subjects (Art. 34), or why none was made."""

    exemption: Literal["a", "b", "c"] | None = None
    """The Art. 34(3) point that makes notifying data subjects individually unnecessary. Under
    `c` (disproportionate effort) a public communication or similar measure informs them
    instead: record it in `method` and `notified_at`. Say in `reason` the facts the exemption
    rests on: the measures applied to the data (`a`), the measures taken since (`b`), or why
    the effort would be disproportionate (`c`)."""
    method: NonEmptyStr | None = None
    """How people were told, e.g. e-mail or letter, or a public notice under Art. 34(3)(c)."""


class OtherNotification(StrictModel):
    """A notification of the incident to an authority other than the data protection one."""

    authority_type: Literal["police", "sector-regulator", "ai-act-authority", "csirt", "other"]
    """What kind of authority: `police` (aangifte), `sector-regulator` (e.g. IGJ, DNB, AFM),
    `ai-act-authority` (market surveillance under the AI Act), `csirt` (NIS2), `other`."""
    to: NonEmptyStr
    """The authority notified, e.g. 'Politie Utrecht' or 'Inspectie Gezondheidszorg en Jeugd'."""
    required: bool = False
    """Whether a law requires this notification, e.g. NIS2 or MDR vigilance."""
    notified_at: Timestamp | None = None
    """When the notification was made, with its UTC offset."""
    reference: NonEmptyStr | None = None
    """The case or report number the authority gave."""
    notified_by: Literal["us", "controller", "processor"] | None = None
    """Who made the notification."""


class RecipientAssurance(StrictModel):
    """What a recipient of personal data it was not meant to get has assured us of: the facts
    that can make a disclosure unlikely to result in a risk."""

    bound_by: NonEmptyStr
    """The duty of confidentiality the recipient is bound by, e.g. 'medical professional secrecy'
    or 'the confidentiality clause of our contract with it'."""
    confirmed_at: Timestamp
    """When the recipient confirmed that it deleted or returned the data without reading,
    copying or passing it on."""
    confirmation: NonEmptyStr | None = None
    """How it confirmed, e.g. 'signed statement by the practice manager'."""


class Breach(StrictModel):
    """Personal-data breach details (GDPR Art. 4(12), 33, 34)."""

    our_role: Literal["controller", "processor"]
    """Our role for the affected data: a controller notifies, a processor tells the controller."""
    nature: list[Literal["confidentiality", "integrity", "availability"]]
    """What kind of breach: data disclosed, altered, or lost or made unavailable."""
    data_subject_categories: list[NonEmptyStr] = EMPTY
    """The categories of people affected, e.g. patients (Art. 33(3)(a))."""
    approximate_data_subjects: NonNegativeInt | None = None
    """Approximate number of people affected (Art. 33(3)(a))."""
    approximate_records: NonNegativeInt | None = None
    """Approximate number of personal-data records concerned (Art. 33(3)(a))."""
    data_categories: list[NonEmptyStr] = EMPTY
    """The categories of personal data concerned (Art. 33(3)(a))."""
    special_categories: bool = False
    """Whether special categories of personal data (Art. 9(1)) are concerned."""
    risk_to_individuals: Literal["none", "risk", "high-risk"]
    """`risk`: notify the authority (Art. 33); `high-risk`: also tell the people (Art. 34)."""
    risk_reasoning: Text = Field(
        description="Why the breach poses this level of risk to the people affected."
    )
    likely_consequences: Text | None = None
    """The likely consequences of the breach for the people affected (Art. 33(3)(c))."""
    restored_at: Timestamp | None = None
    """For data lost or made unavailable (`availability`): when it was available again, e.g.
    restored from a backup. How soon data comes back weighs in the risk. complykit reads the
    EDPB's examples as holding a ransomware attack whose data was restored from a backup
    within hours unlikely to result in a risk, and one without a proper backup notifiable
    (Guidelines 01/2021, cases 1 and 2; not among complykit's checked facts, so unverified)."""
    still_available: NonEmptyStr | None = None
    """For data lost (`availability`) of which only a copy was lost: where the data stayed in
    use all along, without interruption, e.g. 'in the CRM; the stick held a copy of the client
    list'. The people then lose no access to their data, so INC025 does not ask when it was
    back. A backup the data had to be restored from is not such a place: until the restore the
    data was unavailable, so record when it was back in `restored_at` (which INC025 judges
    whatever this field says). A no, a placeholder, an unknown or a bare yes ('nee', 'n.v.t.',
    '-', 'onbekend', 'ja') names no place and is refused: leave the field out instead."""
    recipient_assurance: RecipientAssurance | None = None
    """For data disclosed to a known recipient: its duty of confidentiality and its confirmation
    that it deleted the data unused, the facts on which a disclosure may be rated as posing no
    risk."""
    controller_notified_at: Timestamp | None = None
    """When we, as processor, told the controller (Art. 33(2))."""
    authority: Notification | None = None
    """The notification to the supervisory authority (Art. 33); required as controller. As
    processor the controller notifies, so only the controller's notification is ours to record
    (`controller_notified_at`), unless we know of the controller's notification."""
    other_notifications: list[OtherNotification] = EMPTY
    """Notifications to other authorities: the police, a sector regulator (e.g. IGJ, DNB), the
    AI Act market surveillance authority, or a CSIRT."""
    data_subjects: SubjectNotification | None = None
    """The communication to the data subjects (Art. 34)."""

    @model_validator(mode="after")
    def _still_available_names_a_place(self) -> Self:
        # A "nee" or "n.v.t." here would read as "the data stayed available" and silence
        # INC025's question when the data was back: the field cannot say no, so refuse it.
        if self.still_available is None:
            return self
        # Imported here: its word lists are of use only to a breach that fills this field.
        from complykit.model.wording.meant import names_no_place  # noqa: PLC0415

        if names_no_place(self.still_available):
            raise ValueError(
                f"`still_available: {self.still_available}` names no place where the data "
                "stayed available: say where it stayed in use (e.g. 'in the CRM'), or leave "
                "the field out when it did not, and record in `restored_at` when it was back"
            )
        return self


class Incident(Record):
    """A security incident, with the personal-data breach facts where personal data is affected."""

    kind: Literal["incident"]
    """Always `incident`."""
    title: NonEmptyStr
    """A short name for the incident, e.g. 'Laptop stolen from car'."""
    description: Text = Field(description="What happened, as far as is known.")
    severity: Literal["low", "medium", "high", "critical"]
    """How severe the incident is for the organisation."""
    status: Literal["open", "contained", "resolved", "closed"]
    """Where handling stands."""
    occurred_at: Timestamp | None = None
    """When the incident started, if known."""
    detected_at: Timestamp
    """When the incident was detected."""
    aware_at: Timestamp | None = None
    """When the organisation became aware that personal data was affected."""
    contained_at: Timestamp | None = None
    """When the incident was contained."""
    closed_at: Timestamp | None = None
    """When the incident was closed."""
    personal_data_involved: bool
    """Whether personal data is affected; if so, fill in `breach`."""
    breach: Breach | None = None
    """The breach facts every personal-data breach must be documented with (Art. 33(5))."""
    ai_act: SeriousIncident | None = None
    """The AI Act facts, when a high-risk AI system is involved: is it a serious incident, and
    when were the provider and the market surveillance authority told (Art. 26(5), Art. 73)."""
    processing_activities: list[ProcessingRef] = EMPTY
    """The processing activities whose data is affected."""
    suppliers: list[SupplierRef] = EMPTY
    """The suppliers involved, e.g. where the incident happened at a processor."""
    affects: list[AnyRecordRef] = EMPTY
    """Other records the incident touches, e.g. AI systems or risks."""
    root_cause: Text | None = None
    """Why the incident happened."""
    actions: list[Text] = EMPTY
    """What was done, or is planned, to contain it and stop it happening again (Art. 33(3)(d))."""
    lessons_learned: Text | None = None
    """What the organisation learned, to prevent a repeat."""

"""The register of processing activities (GDPR Art. 30): controller and processor sections."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.model.duration import Duration
from complykit.model.enums import LegalBasis, ProcessingRole
from complykit.model.processing import DataCategory, ProcessingActivity, Transfer
from complykit.reports.header import Header, header
from complykit.reports.labels import N_
from complykit.reports.names import person_name, record_label, sort_key
from complykit.reports.render import translations
from complykit.reports.request import Request
from complykit.reports.ropa_links import Backlinks, Links, backlinks, links
from complykit.reports.xlsx_book import Words
from complykit.workspace.repository import Repository

NOT_STATED = "not-stated"  # the label of a purpose without a legal basis

_ROLE_ORDER = {role.value: index for index, role in enumerate(ProcessingRole)}


class Party(TypedDict):
    name: str
    contact: str | None
    country: str | None


class Purpose(TypedDict):
    description: str
    legal_basis: str
    point: str | None
    provision: str | None


class DataRow(TypedDict):
    name: str
    special_category: str | None
    art9_condition: str | None
    art9_provision: str | None
    criminal: bool
    art10_basis: str | None
    national_id: str | None
    national_id_provision: str | None
    retention: Duration | None


class Recipient(TypedDict):
    name: str
    type: str
    country: str | None


class TransferRow(TypedDict):
    country: str
    recipient: str
    mechanism: str
    derogation: str | None
    safeguards: str | None
    assessment: str | None
    authorisation: str | None
    """The supervisory authority's authorisation of an Art. 46(3) safeguard, if recorded, as
    one sentence in the report's language."""


class Retention(TypedDict):
    period: Duration | None
    trigger: str | None
    until: str | None
    """The event that ends the retention, where no period is given."""
    permanent: bool
    """Kept for good, as an archive (neither a period nor an event)."""
    provision: str | None


class Exemption(TypedDict):
    occasional: bool
    reasoning: str


class Activity(TypedDict):
    id: str
    name: str
    description: str | None
    role: str
    controllers: list[Party]
    joint_controllers: list[Party]
    arrangement_agreed: date | None
    """When the Art. 26 arrangement with the joint controllers was agreed, if recorded."""
    arrangement_essence: str | None
    """Where the people concerned read the arrangement's essence (Art. 26(2))."""
    purposes: list[Purpose]
    data_subjects: list[str]
    personal_data: list[DataRow]
    recipients: list[Recipient]
    no_recipients: str | None
    processors: list[str]
    transfers: list[TransferRow]
    retention: Retention | None
    security_measures: list[str]
    security_description: str | None
    dpia: str | None
    owner: str | None
    next_review: date | None
    art30_exemption: Exemption | None
    public_powers: str | None
    """The Art. 49(3) answer as a sentence in the report's language, for an activity that
    transfers data and whose record gives it; else None."""
    links: Links


class RopaContext(TypedDict):
    header: Header
    controller_activities: list[Activity]
    processor_activities: list[Activity]


def build(repo: Repository, request: Request) -> RopaContext:
    words = Words(request.lang, translations(request.lang))
    records = sorted(
        (record for _, record in repo.records(ProcessingActivity)),
        key=lambda r: (_ROLE_ORDER[r.role.value], *sort_key(r.name, r.id)),
    )
    back = backlinks(repo)
    activities = [_activity(repo, record, back, words) for record in records]
    return RopaContext(
        header=header(repo, request),
        controller_activities=[a for a in activities if a["role"] != ProcessingRole.PROCESSOR],
        processor_activities=[a for a in activities if a["role"] == ProcessingRole.PROCESSOR],
    )


def _controllers(record: ProcessingActivity) -> list[Party]:
    """Each named controller, and the maintained list that names the others (Art. 30(2)(a))."""
    named = [Party(name=p.name, contact=p.contact, country=p.country) for p in record.controllers]
    kept = record.controller_list
    if kept is None:
        return named
    where = f"{kept.location} ({kept.updated.isoformat()})"
    return [*named, Party(name=where, contact=kept.contents, country=None)]


def _activity(
    repo: Repository, record: ProcessingActivity, back: Backlinks, words: Words
) -> Activity:
    arrangement = record.joint_arrangement
    return Activity(
        id=record.id,
        name=record.name,
        description=record.description,
        role=record.role.value,
        controllers=_controllers(record),
        joint_controllers=[
            Party(name=p.name, contact=p.contact, country=p.country)
            for p in record.joint_controllers
        ],
        arrangement_agreed=arrangement.agreed_on if arrangement else None,
        arrangement_essence=arrangement.essence_published if arrangement else None,
        purposes=[
            Purpose(
                description=p.description,
                legal_basis=p.legal_basis.value if p.legal_basis else NOT_STATED,
                point="abcdef"[list(LegalBasis).index(p.legal_basis)] if p.legal_basis else None,
                provision=p.legal_provision,
            )
            for p in record.purposes
        ],
        data_subjects=list(record.data_subjects),
        personal_data=[_data(category) for category in record.personal_data],
        recipients=[
            Recipient(name=r.name, type=r.type, country=r.country) for r in record.recipients
        ],
        no_recipients=record.no_recipients,
        processors=[record_label(repo, supplier) for supplier in record.processors],
        transfers=[_transfer(transfer, words) for transfer in record.transfers],
        retention=_retention(record),
        security_measures=[record_label(repo, measure) for measure in record.security_measures],
        security_description=record.security_description,
        dpia=_dpia(repo, record.dpia),
        owner=person_name(repo, record.owner),
        next_review=record.next_review,
        art30_exemption=Exemption(
            occasional=record.art30_exemption.occasional,
            reasoning=record.art30_exemption.reasoning,
        )
        if record.art30_exemption
        else None,
        public_powers=_public_powers(record, words),
        links=links(repo, record, back),
    )


def _data(category: DataCategory) -> DataRow:
    special = category.special_category
    condition = category.art9_condition
    return DataRow(
        name=category.name,
        special_category=special.value if special else None,
        art9_condition=condition.value if condition else None,
        art9_provision=category.art9_provision,
        criminal=category.criminal_offence_data,
        art10_basis=category.art10_basis,
        national_id=category.national_id,
        national_id_provision=category.national_id_provision,
        retention=category.retention,
    )


def _transfer(transfer: Transfer, words: Words) -> TransferRow:
    return TransferRow(
        country=transfer.country,
        recipient=transfer.recipient,
        mechanism=transfer.mechanism.value,
        derogation=transfer.derogation,
        safeguards=transfer.safeguards,
        assessment=transfer.transfer_impact_assessment,
        authorisation=_authorisation(transfer, words),
    )


def _authorisation(transfer: Transfer, words: Words) -> str | None:
    """The authorisation of an Art. 46(3) safeguard, written once for every format."""
    given = transfer.sa_authorisation
    if given is None:
        return None
    who, on = given.authority, words.long_date(given.authorised_on)
    if given.reference:
        return words.gettext(
            "authorised by %(authority)s on %(on)s, reference %(reference)s (Art. 46(3))",
            authority=who,
            on=on,
            reference=given.reference,
        )
    return words.gettext("authorised by %(authority)s on %(on)s (Art. 46(3))", authority=who, on=on)


def _public_powers(record: ProcessingActivity, words: Words) -> str | None:
    """The Art. 49(3) answer, where the record gives one and the activity transfers data: it
    decides which derogations those transfers may rest on."""
    if not record.transfers or record.public_powers is None:
        return None
    if record.public_powers:
        return words.gettext(_IN_PUBLIC_POWERS)
    return words.gettext(_NOT_IN_PUBLIC_POWERS)


_IN_PUBLIC_POWERS = N_(
    "Carried out by a public authority in the exercise of its public powers (Art. 49(3))"
)
_NOT_IN_PUBLIC_POWERS = N_(
    "Not carried out by a public authority in the exercise of its public powers (Art. 49(3))"
)


def _retention(record: ProcessingActivity) -> Retention | None:
    retention = record.retention
    if retention is None:
        return None
    return Retention(
        period=retention.period,
        trigger=retention.trigger,
        until=retention.until,
        permanent=retention.permanent,
        provision=retention.legal_provision,
    )


def _dpia(repo: Repository, dpia_id: str | None) -> str | None:
    if dpia_id is None:
        return None
    title = record_label(repo, dpia_id)
    return dpia_id if title == dpia_id else f"{title} ({dpia_id})"

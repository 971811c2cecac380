"""The register of processors and other suppliers (GDPR Art. 28; ISO/IEC 27001 A.5.19-A.5.22,
ISO/IEC 27701 A.7.2.6 and B.8.5.6-B.8.5.8), and its public variant: the list of sub-processors a
processor publishes for its customers (Art. 28(2) and (4))."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.facts.processor_terms import missing_terms, point_of
from complykit.model.duration import Duration
from complykit.model.enums import ProcessingRole
from complykit.model.processing import ProcessingActivity
from complykit.model.supplier import PROCESSOR_ROLES, DataProcessingAgreement, Supplier
from complykit.reports.header import Header, header
from complykit.reports.labels import N_
from complykit.reports.names import person_name, record_label, sort_key
from complykit.reports.request import Request
from complykit.workspace.repository import Repository

TransferTools = dict[tuple[str, str], str]  # (supplier id, country) -> mechanism


class Place(TypedDict):
    country: str
    purpose: str | None
    tool: str
    """A transfer-mechanism value, or ``eea`` or ``not-recorded`` (vocabulary transfer-tool)."""


class SubProcessorRow(TypedDict):
    name: str
    service: str
    place: Place
    approved_on: date | None


class Certificate(TypedDict):
    name: str
    expires: date | None
    expired: bool
    certificate: str | None


class ActivityRoleRow(TypedDict):
    activity: str
    role: str


class SupplierRow(TypedDict):
    id: str
    name: str
    role: str
    activity_roles: list[ActivityRoleRow]
    """Where the supplier's role differs per activity, e.g. sub-processor in one."""
    ai_service: bool
    services: list[str]
    country: str
    criticality: str
    dpa_signed: date | None
    dpa_version: str | None
    dpa_document: str | None
    dpa_terms_missing: list[str] | None
    """The Art. 28(3) commitments a reading of the agreement did not find, as points ("(g)",
    or SECOND_SUBPARAGRAPH); None when the agreement has not been read against it."""
    places: list[Place]
    engaged_by: list[str]
    """Our processors that engage this supplier as their sub-processor, by name."""
    sub_authorisation: str | None
    """How the agreement lets the supplier engage sub-processors (Art. 28(2)), if recorded."""
    sub_objection: Duration | None
    sub_processors: list[SubProcessorRow]
    breach_within: Duration | None
    breach_clause: str | None
    ai_training: str | None
    ai_training_clause: str | None
    ai_training_opted_out: date | None
    """The day we objected to `opt-out` terms, if we did."""
    certifications: list[Certificate]
    contract_end: date | None
    activities: list[str]
    owner: str | None
    next_review: date | None


# The one part of Art. 28(3) ``point_of`` names in words; the templates translate it.
SECOND_SUBPARAGRAPH = N_("second subparagraph")


def _terms_missing(dpa: DataProcessingAgreement | None) -> list[str] | None:
    if dpa is None or dpa.terms is None:
        return None
    return [point_of(field) for field in missing_terms(dpa.terms, dpa.sub_processing)]


class SuppliersContext(TypedDict):
    header: Header
    audience: str
    processors: list[SupplierRow]
    others: list[SupplierRow]
    sub_processors: list[SupplierRow]
    """Public: the processors we engage for the processing we do for our customers."""


def build(repo: Repository, request: Request) -> SuppliersContext:
    tools = transfer_tools(repo)
    uses = _activities_by_supplier(repo)
    records = sorted((r for _, r in repo.records(Supplier)), key=lambda r: sort_key(r.name, r.id))
    rows = [_row(repo, record, tools, uses) for record in records]
    ours = _engaged_as_processor(repo)
    return SuppliersContext(
        header=header(repo, request),
        audience=request.audience,
        processors=[r for r in rows if r["role"] in PROCESSOR_ROLES],
        others=[r for r in rows if r["role"] not in PROCESSOR_ROLES],
        sub_processors=[r for r in rows if r["id"] in ours],
    )


def transfer_tools(repo: Repository) -> TransferTools:
    """The Chapter V mechanism the register records per supplier and country."""
    tools: TransferTools = {}
    for _, activity in repo.records(ProcessingActivity):
        for transfer in activity.transfers:
            if transfer.supplier is not None:
                tools.setdefault((transfer.supplier, transfer.country), transfer.mechanism.value)
    return tools


def _tool(repo: Repository, tools: TransferTools, supplier: str, country: str) -> str:
    if repo.catalogs.countries.in_eea(country):
        return "eea"
    return tools.get((supplier, country), "not-recorded")


def _activities_by_supplier(repo: Repository) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for _, activity in sorted(repo.records(ProcessingActivity), key=lambda e: e[1].name):
        for supplier in dict.fromkeys(activity.processors):
            found.setdefault(supplier, []).append(activity.name)
    return found


def _engaged_as_processor(repo: Repository) -> set[str]:
    """Suppliers that process data we process as processor: our sub-processors."""
    return {
        supplier
        for _, activity in repo.records(ProcessingActivity)
        if activity.role == ProcessingRole.PROCESSOR
        for supplier in activity.processors
    }


def _row(
    repo: Repository, record: Supplier, tools: TransferTools, uses: dict[str, list[str]]
) -> SupplierRow:
    dpa, breach, training = record.dpa, record.breach_notification, record.ai_training
    sub = dpa.sub_processing if dpa else None
    return SupplierRow(
        id=record.id,
        name=record.name,
        role=record.role,
        activity_roles=[
            ActivityRoleRow(activity=record_label(repo, r.activity), role=r.role)
            for r in record.activity_roles
        ],
        ai_service=record.ai_service or training is not None,
        services=list(record.services),
        country=record.country,
        criticality=record.criticality,
        dpa_signed=dpa.signed_on if dpa else None,
        dpa_version=dpa.version if dpa else None,
        dpa_document=dpa.document if dpa else None,
        dpa_terms_missing=_terms_missing(dpa),
        places=_places(repo, record, tools),
        sub_authorisation=sub.authorisation if sub else None,
        sub_objection=sub.objection_period if sub else None,
        sub_processors=[
            SubProcessorRow(
                name=s.name,
                service=s.service,
                place=Place(
                    country=s.country, purpose=None, tool=_tool(repo, tools, record.id, s.country)
                ),
                approved_on=s.approved_on,
            )
            for s in record.sub_processors
        ],
        breach_within=breach.within if breach else None,
        breach_clause=breach.clause if breach else None,
        ai_training=training.customer_data if training else None,
        ai_training_clause=training.clause if training else None,
        ai_training_opted_out=training.opted_out if training else None,
        certifications=[
            Certificate(
                name=c.name,
                expires=c.expires,
                expired=c.expires is not None and c.expires < repo.as_of,
                certificate=c.certificate,
            )
            for c in record.certifications
        ],
        contract_end=record.contract_end,
        activities=uses.get(record.id, []),
        engaged_by=[record_label(repo, i) for i in record.engaged_by],
        owner=person_name(repo, record.owner),
        next_review=record.next_review,
    )


def _places(repo: Repository, record: Supplier, tools: TransferTools) -> list[Place]:
    return [
        Place(
            country=location.country,
            purpose=location.purpose,
            tool=_tool(repo, tools, record.id, location.country),
        )
        for location in record.locations
    ]

"""The Statements of Applicability: every catalog control, per framework, with counts."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TypedDict

from complykit.catalog.models import Catalog
from complykit.model.enums import ImplementationStatus
from complykit.model.soa import SoaEntry, StatementOfApplicability
from complykit.reports.header import Header, header
from complykit.reports.names import person_name, record_label
from complykit.reports.request import Request
from complykit.workspace.repository import Repository

_SUMMARY_ORDER = (
    ImplementationStatus.IMPLEMENTED,
    ImplementationStatus.PARTIALLY_IMPLEMENTED,
    ImplementationStatus.PLANNED,
    ImplementationStatus.NOT_IMPLEMENTED,
    ImplementationStatus.TO_DECIDE,
    ImplementationStatus.NOT_APPLICABLE,
)


class Row(TypedDict):
    control: str
    title: str
    applicable: bool | None
    justification: str | None
    status: str | None
    owner: str | None
    evidence: list[str]
    reasons: list[str]
    risks: list[str]
    measures: list[str]


class StatusCount(TypedDict):
    status: str | None
    count: int


class Approval(TypedDict):
    by: str
    on: date
    version: str | None


class Statement(TypedDict):
    id: str
    framework: str
    framework_name: str
    title: str | None
    scope: str | None
    approval: Approval | None
    owner: str | None
    rows: list[Row]
    counts: list[StatusCount]


class SoaContext(TypedDict):
    header: Header
    statements: list[Statement]


def build(repo: Repository, request: Request) -> SoaContext:
    records = sorted(
        (record for _, record in repo.records(StatementOfApplicability)),
        key=lambda r: (r.framework, r.id),
    )
    return SoaContext(
        header=header(repo, request),
        statements=[_statement(repo, record, request.lang) for record in records],
    )


def _statement(repo: Repository, record: StatementOfApplicability, lang: str) -> Statement:
    catalog = repo.catalogs.framework(record.framework)
    rows = _rows(repo, record, catalog, lang)
    approval = record.approval
    return Statement(
        id=record.id,
        framework=record.framework,
        framework_name=catalog.framework.name if catalog else record.framework,
        title=record.title,
        scope=record.scope,
        approval=Approval(
            by=person_name(repo, approval.by) or approval.by,
            on=approval.on,
            version=approval.version,
        )
        if approval
        else None,
        owner=person_name(repo, record.owner),
        rows=rows,
        counts=_counts(rows),
    )


def _rows(
    repo: Repository, record: StatementOfApplicability, catalog: Catalog | None, lang: str
) -> list[Row]:
    """One row per catalog control in catalog order, then entries the catalog does not know."""
    entries = {entry.control: entry for entry in record.entries}
    rows: list[Row] = []
    for item in catalog.controls if catalog else []:
        title = item.title_nl if lang == "nl" and item.title_nl else item.title
        rows.append(_row(repo, item.id, title, entries.pop(item.id, None)))
    rows.extend(_row(repo, control, "", entries[control]) for control in sorted(entries))
    return rows


def _row(repo: Repository, control: str, title: str, entry: SoaEntry | None) -> Row:
    if entry is None:  # the statement has no line for this control yet
        return Row(
            control=control,
            title=title,
            applicable=None,
            justification=None,
            status=None,
            owner=None,
            evidence=[],
            reasons=[],
            risks=[],
            measures=[],
        )
    return Row(
        control=control,
        title=title,
        applicable=entry.applicable,
        justification=entry.justification,
        status=entry.status.value,
        owner=person_name(repo, entry.owner),
        evidence=list(entry.evidence),
        reasons=list(entry.reasons),
        risks=[record_label(repo, risk) for risk in entry.risks],
        measures=[record_label(repo, measure) for measure in entry.measures],
    )


def _counts(rows: list[Row]) -> list[StatusCount]:
    """Rows per status in the order of the status scale; rows without a line count as None."""
    counted = Counter(row["status"] for row in rows)
    order: list[str | None] = [status.value for status in _SUMMARY_ORDER]
    return [StatusCount(status=s, count=counted[s]) for s in [*order, None] if counted[s]]

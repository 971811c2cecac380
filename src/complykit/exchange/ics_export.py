"""The workspace's dates as an RFC 5545 calendar: reviews, recurring tasks, supplier contracts
and certificates, acceptance and waiver expiries, open breach deadlines and the dates EU AI Act
provisions start to apply.

Each event's UID is derived from the record id and what the date is, so a calendar that
subscribes to the export updates an event when its date moves instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time

from complykit.exchange.ics_text import Event, calendar
from complykit.exchange.record_files import slug
from complykit.facts.incident_clock import CLOCK
from complykit.model.base import Record
from complykit.model.duration import Duration
from complykit.model.incident import Incident
from complykit.model.risk import Risk
from complykit.model.supplier import Supplier
from complykit.model.task import Task
from complykit.model.waiver import Waiver
from complykit.workspace.repository import Repository

AI_ACT = "eu-ai-act"
_OPEN = ("open", "contained")


def export_ics(repo: Repository) -> str:
    """The calendar of ``repo``'s dates, events sorted by date and UID."""
    domain = f"{slug(repo.config.organisation.name) or 'workspace'}.complykit"
    events = sorted(_events(repo, domain), key=lambda e: (_day(e.start), e.uid))
    stamp = datetime.combine(repo.as_of, time(), UTC)
    return calendar(f"{repo.config.organisation.name}: compliance", events, stamp)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _events(repo: Repository, domain: str) -> Iterator[Event]:
    for entry in repo.by_id.values():
        record = entry.record
        if isinstance(record, Record) and record.next_review is not None:
            yield Event(
                f"{record.id}.review@{domain}",
                f"Review {record.kind}: {record.label}",
                record.next_review,
                f"Next review of {record.id} ({entry.path}).",
                categories=("review",),
            )
    yield from _tasks(repo, domain)
    yield from _suppliers(repo, domain)
    yield from _expiries(repo, domain)
    yield from _breaches(repo, domain)
    yield from _ai_act(repo, domain)


def _tasks(repo: Repository, domain: str) -> Iterator[Event]:
    for _, task in repo.records(Task):
        due = task.next_due
        if due is None:
            continue
        yield Event(
            f"{task.id}.task@{domain}",
            f"Due: {task.title}",
            due,
            task.description or f"Recurring {task.type} task {task.id}.",
            rule=recurrence(task.cadence),
            categories=("task", task.type),
        )


def recurrence(cadence: Duration) -> str | None:
    """An RRULE for a cadence in one unit (every 6 months, every year); None for mixed ones."""
    units = [
        (cadence.years, "YEARLY"),
        (cadence.months, "MONTHLY"),
        (cadence.weeks, "WEEKLY"),
        (cadence.days, "DAILY"),
        (cadence.hours, "HOURLY"),
    ]
    used = [(amount, frequency) for amount, frequency in units if amount]
    if len(used) != 1:
        return None
    amount, frequency = used[0]
    return f"FREQ={frequency};INTERVAL={amount}"


def _suppliers(repo: Repository, domain: str) -> Iterator[Event]:
    for _, supplier in repo.records(Supplier):
        if supplier.contract_end is not None:
            yield Event(
                f"{supplier.id}.contract-end@{domain}",
                f"Contract ends: {supplier.name}",
                supplier.contract_end,
                "Decide on renewal, exit and the return or deletion of data (GDPR Art. 28(3)(g)).",
                categories=("supplier",),
            )
        for certification in supplier.certifications:
            if certification.expires is not None:
                yield Event(
                    f"{supplier.id}.certificate-{slug(certification.name)}@{domain}",
                    f"Certificate expires: {supplier.name}, {certification.name}",
                    certification.expires,
                    "Ask the supplier for the renewed certificate.",
                    categories=("supplier",),
                )


def _expiries(repo: Repository, domain: str) -> Iterator[Event]:
    for _, risk in repo.records(Risk):
        if risk.acceptance is not None:
            yield Event(
                f"{risk.id}.acceptance@{domain}",
                f"Risk acceptance expires: {risk.title}",
                risk.acceptance.until,
                f"Accepted by {risk.acceptance.by} on {risk.acceptance.on}; decide again.",
                categories=("risk",),
            )
    for _, waiver in repo.records(Waiver):
        yield Event(
            f"{waiver.id}.expiry@{domain}",
            f"Waiver expires: {waiver.code}",
            waiver.expires,
            waiver.reason,
            categories=("waiver",),
        )


def _breaches(repo: Repository, domain: str) -> Iterator[Event]:
    """The Art. 33(1) deadline of each open breach not yet notified to the authority."""
    for _, incident in repo.records(Incident):
        breach = incident.breach
        if breach is None or not incident.personal_data_involved or incident.status not in _OPEN:
            continue
        start = incident.aware_at or incident.detected_at  # as validate's clock counts
        if breach.our_role != "controller" or breach.risk_to_individuals == "none":
            continue
        # As controller, a breach with no authority decision yet is still on the clock.
        if breach.authority is not None and breach.authority.notified_at is not None:
            continue
        yield Event(
            f"{incident.id}.authority-deadline@{domain}",
            f"Breach notification deadline: {incident.title}",
            CLOCK.after_moment(start).astimezone(UTC),
            "72 hours after becoming aware: notify the supervisory authority (GDPR Art. 33(1)).",
            categories=("breach",),
        )


def _ai_act(repo: Repository, domain: str) -> Iterator[Event]:
    """The dates provisions of the AI Act start to apply, when the workspace is in its scope."""
    catalog = repo.catalogs.framework(AI_ACT)
    in_scope = any(
        (c := repo.catalogs.framework(name)) is not None and c.id == AI_ACT
        for name in repo.config.frameworks
    )
    if catalog is None or not in_scope:
        return
    by_date: dict[date, list[str]] = {}
    for item in catalog.items:
        parent = catalog.by_id.get(item.parent) if item.parent else None
        # A paragraph is listed only where it starts on another day than its article.
        if item.applies_from is not None and (
            parent is None or parent.applies_from != item.applies_from
        ):
            by_date.setdefault(item.applies_from, []).append(item.id)
    for day, articles in sorted(by_date.items()):
        yield Event(
            f"ai-act-{day:%Y%m%d}@{domain}",
            "EU AI Act provisions apply",
            day,
            f"From this day apply: {', '.join(articles)} (Regulation (EU) 2024/1689, Art. 113).",
            categories=("ai-act",),
        )

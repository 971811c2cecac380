"""The breach register of GDPR Art. 33(5): every incident, and for personal-data breaches the
facts, effects and remedial action, the 72-hour clock, the notifications and their reasons."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict

from complykit.facts.incident_clock import CLOCK, end_of_day
from complykit.facts.serious_incident_clock import SeriousClock, term_of
from complykit.model.incident import Breach, Incident, Notification, SubjectNotification
from complykit.model.serious_incident import SeriousIncident
from complykit.reports.header import Header, header
from complykit.reports.names import person_name, record_label
from complykit.reports.render import translations
from complykit.reports.request import Request
from complykit.reports.xlsx_book import Words
from complykit.workspace.repository import Repository

_OPEN = ("open", "contained")


class NotificationRow(TypedDict):
    required: bool
    notified_at: datetime | None
    to: str | None
    reference: str | None
    reason: str | None
    exemption: str | None
    method: str | None
    by: str | None


class Clock(TypedDict):
    aware_at: datetime | None
    deadline: datetime | None
    hours_taken: int | None
    late: bool
    running: bool
    from_detection: bool
    """No moment of awareness is recorded: the clock counts from detection, as validate's."""


class BreachRow(TypedDict):
    our_role: str
    nature: list[str]
    subject_categories: list[str]
    approximate_subjects: int | None
    approximate_records: int | None
    data_categories: list[str]
    special_categories: bool
    risk: str
    risk_reasoning: str
    consequences: str | None
    availability: list[str]
    """The "Availability of the data" row, one line each, in the report's language: where the
    data stayed available, when it was available again, or, for data lost or made
    unavailable, that neither is recorded (Art. 33(5), its effects). Empty: no such row."""
    controller_notified_at: datetime | None
    authority: NotificationRow
    data_subjects: NotificationRow | None
    others: list[OtherNoticeRow]
    clock: Clock


class OtherNoticeRow(TypedDict):
    authority_type: str
    to: str
    required: bool
    notified_at: datetime | None
    reference: str | None
    by: str | None


class AiActRow(TypedDict):
    ai_systems: list[str]
    serious: bool
    consequences: list[str]
    widespread: bool
    aware_at: datetime | None
    reasoning: str | None
    provider_informed_at: datetime | None
    reported_at: datetime | None
    authority: str | None
    reference: str | None
    deadline: datetime | None
    """When the Art. 73 term ends, for a serious incident: the midnight after its last day."""
    term: str | None
    """The paragraph of Art. 73 that sets the term, e.g. '2' for Art. 73(2)."""
    term_days: int | None


class IncidentRow(TypedDict):
    id: str
    title: str
    description: str
    severity: str
    status: str
    occurred_at: datetime | None
    detected_at: datetime
    contained_at: datetime | None
    closed_at: datetime | None
    breach: BreachRow | None
    ai_act: AiActRow | None
    personal_data: bool
    activities: list[str]
    suppliers: list[str]
    root_cause: str | None
    actions: list[str]
    lessons: str | None
    owner: str | None


class IncidentsContext(TypedDict):
    header: Header
    notified: list[IncidentRow]
    not_notified: list[IncidentRow]
    undocumented: list[IncidentRow]
    """Incidents that involve personal data but record no breach yet (INC001): breaches all
    the same, so the register lists them as such, never among the other incidents."""
    other: list[IncidentRow]


def build(repo: Repository, request: Request) -> IncidentsContext:
    words = Words(request.lang, translations(request.lang))
    rows = [_row(repo, record, words) for _, record in repo.records(Incident)]
    rows.sort(key=lambda r: (r["detected_at"], r["id"]), reverse=True)  # newest first
    breaches = [r for r in rows if r["breach"] is not None]
    return IncidentsContext(
        header=header(repo, request),
        notified=[r for r in breaches if _notified(r)],
        not_notified=[r for r in breaches if not _notified(r)],
        undocumented=[r for r in rows if r["breach"] is None and r["personal_data"]],
        other=[r for r in rows if r["breach"] is None and not r["personal_data"]],
    )


def _notified(row: IncidentRow) -> bool:
    breach = row["breach"]
    return breach is not None and breach["authority"]["notified_at"] is not None


def _row(repo: Repository, record: Incident, words: Words) -> IncidentRow:
    return IncidentRow(
        id=record.id,
        title=record.title,
        description=record.description,
        severity=record.severity,
        status=record.status,
        occurred_at=record.occurred_at,
        detected_at=record.detected_at,
        contained_at=record.contained_at,
        closed_at=record.closed_at,
        # A breach block on an incident without personal data is no breach (INC018 says so).
        breach=_breach(record, record.breach, repo.as_of, words)
        if record.breach and record.personal_data_involved
        else None,
        ai_act=_ai_act(repo, record, record.ai_act) if record.ai_act else None,
        personal_data=record.personal_data_involved,
        activities=[record_label(repo, a) for a in record.processing_activities],
        suppliers=[record_label(repo, s) for s in record.suppliers],
        root_cause=record.root_cause,
        actions=list(record.actions),
        lessons=record.lessons_learned,
        owner=person_name(repo, record.owner),
    )


def _breach(record: Incident, breach: Breach, as_of: date, words: Words) -> BreachRow:
    subjects = breach.data_subjects
    return BreachRow(
        our_role=breach.our_role,
        nature=list(breach.nature),
        subject_categories=list(breach.data_subject_categories),
        approximate_subjects=breach.approximate_data_subjects,
        approximate_records=breach.approximate_records,
        data_categories=list(breach.data_categories),
        special_categories=breach.special_categories,
        risk=breach.risk_to_individuals,
        risk_reasoning=breach.risk_reasoning,
        consequences=breach.likely_consequences,
        availability=_availability(breach, words),
        controller_notified_at=breach.controller_notified_at,
        authority=_notification(breach.authority or _CONTROLLER_NOTIFIES),
        data_subjects=_notification(subjects) if subjects else None,
        others=[
            OtherNoticeRow(
                authority_type=o.authority_type,
                to=o.to,
                required=o.required,
                notified_at=o.notified_at,
                reference=o.reference,
                by=o.notified_by,
            )
            for o in breach.other_notifications
        ],
        clock=_clock(record, breach, as_of),
    )


def _availability(breach: Breach, words: Words) -> list[str]:
    """What the register says of the data's availability, written once for every format."""
    said = []
    if breach.still_available:
        where = breach.still_available
        said.append(words.gettext("still available elsewhere: %(where)s", where=where))
    if breach.restored_at:
        on = words.moment(breach.restored_at)
        said.append(words.gettext("available again on %(on)s", on=on))
    if not said and "availability" in breach.nature:
        said.append(words.gettext("not recorded as available again"))
    return said


# As processor we record no authority notification of our own: shown as not required of us.
_CONTROLLER_NOTIFIES = Notification(required=False)


def _notification(notice: Notification) -> NotificationRow:
    subject = notice if isinstance(notice, SubjectNotification) else None
    # Art. 34(3)(c) lifts only the individual notices: a public communication is still owed.
    public = subject is not None and subject.exemption == "c"
    return NotificationRow(
        required=notice.required or public,
        notified_at=notice.notified_at,
        to=notice.to,
        reference=notice.reference,
        reason=notice.reason,
        exemption=subject.exemption if subject else None,
        method=subject.method if subject else None,
        by=_field(notice, "notified_by"),
    )


def _field(value: object, name: str) -> str | None:
    # Fields that newer models add (who notified) show once the records can hold them.
    found = getattr(value, name, None)
    return found if isinstance(found, str) else None


def _clock(record: Incident, breach: Breach, as_of: date) -> Clock:
    """The Art. 33(1) clock: 72 hours from awareness (from detection when no moment of
    awareness is recorded, as validate counts it), for a breach the authority must hear of."""
    aware = record.aware_at
    start = aware or record.detected_at
    authority = breach.authority
    clock = Clock(
        aware_at=aware,
        deadline=None,
        hours_taken=None,
        late=False,
        running=False,
        from_detection=aware is None,
    )
    if breach.our_role != "controller" or not (authority and authority.required):
        return clock
    deadline = CLOCK.after_moment(start)  # 72 hours, GDPR Art. 33(1); stays on the calendar
    notified = authority.notified_at
    clock["deadline"] = deadline
    if notified is None:
        # As INC006 judges it: passed when it falls before the end of the as-of day in UTC,
        # not by the calendar date in the deadline's own offset.
        clock["late"] = deadline < end_of_day(as_of)
        clock["running"] = record.status in _OPEN
    else:
        clock["hours_taken"] = int((notified - start).total_seconds() // 3600)
        clock["late"] = notified > deadline
    return clock


def _ai_act(repo: Repository, record: Incident, facts: SeriousIncident) -> AiActRow:
    """The AI Act serious-incident facts (Art. 3(49), Art. 26(5), Art. 73) and the term."""
    term = term_of(facts) if facts.serious else None
    start = facts.aware_at or record.aware_at or record.detected_at
    return AiActRow(
        ai_systems=[record_label(repo, s) for s in facts.ai_systems],
        serious=facts.serious,
        consequences=list(facts.consequences),
        widespread=facts.widespread_infringement,
        aware_at=facts.aware_at,
        reasoning=facts.reasoning,
        provider_informed_at=facts.provider_informed_at,
        reported_at=facts.reported_at,
        authority=facts.authority,
        reference=facts.reference,
        deadline=SeriousClock(start, term).deadline if term else None,
        term=term.paragraph.removeprefix("Art. 73(").rstrip(")") if term else None,
        term_days=term.days if term else None,
    )

"""The AI Act serious-incident clock: which incidents it runs for, from when, and how long.

Art. 73(2) gives 15 days from becoming aware, 73(4) 10 days when a person died, and 73(3)
2 days for a widespread infringement or a serious disruption of critical infrastructure. The
shortest term that applies wins.

A term in days is counted as Regulation (EEC, Euratom) No 1182/71 counts the periods of EU
law (Art. 3): the day of becoming aware does not count, the term ends with the last hour of
its last day, and a term whose last day is a Saturday or Sunday runs to the end of the next
Monday. Days are those of the offset the moment of awareness was recorded in. Public
holidays, which also move the end (Art. 3(4)), differ per Member State and are not known
here, so a term ending on one is held to that day: earlier than the law, never later.

Moments are compared as instants (in UTC), and a date without a time, such as the day Art. 73
starts to apply, is a day in UTC, as the breach clock's ``--as-of`` day is
(``incident_clock``). A term has passed once the ``--as-of`` day begins after its end: on its
last day a report is due, not late (the 72 hours of the GDPR, counted in hours, have passed
on the day they end).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from complykit.core.frozen import frozen
from complykit.facts.ai_act_index import high_risk_route, start_of, system_start, systems
from complykit.facts.incident_clock import day_start
from complykit.model.ai_system import AiSystem
from complykit.model.calendar import LAST_MOMENT, days_after
from complykit.model.incident import Incident
from complykit.model.serious_incident import SeriousIncident
from complykit.workspace.repository import Entry, Repository

# Annex I points 11 (MDR) and 12 (IVDR): Art. 73(10) limits AI Act reporting to
# fundamental-rights infringements; the device's own vigilance rules cover the rest.
_DEVICE_POINTS = frozenset({11, 12})
FACTS = ("ai_act",)


@frozen
class Term:
    """How long the provider has, the paragraph that says so, and why."""

    days: int
    paragraph: str
    why: str


@frozen
class SeriousClock:
    start: datetime
    term: Term

    @property
    def last_day(self) -> date:
        """The term's last day: ``days`` after the day of awareness, past a weekend."""
        day = days_after(self.start.date(), self.term.days)
        while day.weekday() >= _SATURDAY and day < date.max:
            day += timedelta(days=1)
        return day

    @property
    def deadline(self) -> datetime:
        """The instant the term ends: midnight after its last day, in the awareness's offset;
        a term that would end past the calendar never ends."""
        if self.last_day == date.max:
            return LAST_MOMENT
        return datetime.combine(self.last_day + timedelta(days=1), time(), self.start.tzinfo)

    def passed(self, as_of: date) -> bool:
        """Whether the term ended before the ``--as-of`` day (a day in UTC) began: on its last
        day the report is due, not late, for the term runs to that day's end."""
        return self.deadline <= day_start(as_of)

    @property
    def moved(self) -> bool:
        """Whether a weekend moved the last day."""
        return self.last_day != days_after(self.start.date(), self.term.days)


_SATURDAY = 5


def term_end(clock: SeriousClock) -> str:
    """When the term ends, as a reader checks it: ``the end of 2026-11-23 (UTC+01:00;
    2026-11-23 23:00 UTC)``, and that a weekend moved it, when one did."""
    offset = clock.deadline.utcoffset() or timedelta(0)
    text = f"the end of {clock.last_day.isoformat()}"
    if offset:
        sign, minutes = (
            ("+" if offset >= timedelta(0) else "-"),
            abs(offset) // timedelta(minutes=1),
        )
        instant = clock.deadline.astimezone(UTC)
        text += f" (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}; {instant:%Y-%m-%d %H:%M} UTC)"
    else:
        text += " (UTC)"
    if clock.moved:
        text += ", a Monday: the term's last day fell in a weekend"
    return text


def term_of(facts: SeriousIncident) -> Term:
    if facts.widespread_infringement:
        return Term(2, "Art. 73(3)", "a widespread infringement")
    if "critical-infrastructure" in facts.consequences:
        return Term(2, "Art. 73(3)", "a serious disruption of critical infrastructure")
    if "death" in facts.consequences:
        return Term(10, "Art. 73(4)", "a person died")
    return Term(15, "Art. 73(2)", "the general term")


def serious(repo: Repository) -> Iterator[tuple[Entry, Incident, SeriousIncident, list[AiSystem]]]:
    """Serious incidents with the high-risk systems they involve, when the AI Act is in scope."""
    high_risk = {s.id: s for _, s in systems(repo) if high_risk_route(repo, s)}
    for entry, incident in repo.records(Incident):
        facts = incident.ai_act
        involved = [high_risk[i] for i in facts.ai_systems if i in high_risk] if facts else []
        if facts is not None and facts.serious and involved:
            yield entry, incident, facts, involved


def provider_clocks(
    repo: Repository, *, reported: bool = False
) -> Iterator[tuple[Entry, SeriousIncident, SeriousClock]]:
    """Serious incidents of systems we provide, once Art. 73 applies to them: those not yet
    reported, or with ``reported`` those that were."""
    for entry, incident, facts, involved in serious(repo):
        provided = [s for s in involved if "provider" in s.roles and _reportable(s, facts)]
        if (facts.reported_at is not None) is not reported:
            continue
        aware = aware_at(incident, facts)
        if _bound(repo, provided, "Art. 73", aware):
            yield entry, facts, SeriousClock(aware, term_of(facts))


def deployed_when_aware(repo: Repository) -> Iterator[tuple[Entry, SeriousIncident, list[str]]]:
    """Serious incidents with the names of the systems we deploy that the Art. 26(5) duty to
    tell their provider bound when we became aware of the incident."""
    for entry, incident, facts, involved in serious(repo):
        aware = aware_at(incident, facts)
        deployed = [s for s in involved if "deployer" in s.roles]
        bound = [s.name for s in deployed if _bound(repo, [s], "Art. 26(5)", aware)]
        if bound:
            yield entry, facts, bound


def aware_at(incident: Incident, facts: SeriousIncident) -> datetime:
    return facts.aware_at or incident.aware_at or incident.detected_at


def _bound(repo: Repository, involved: list[AiSystem], duty: str, aware: datetime) -> bool:
    """Whether ``duty`` applied to one of the systems when we became aware: from its date of
    application (Art. 113), and for a system in use before 2 August 2026 from the date Art.
    111(2) gives, as the AIA duty rules judge it; never for one the article keeps out of scope."""
    applies = [d for d in (_applies(repo, s, duty) for s in involved) if d is not None]
    return bool(applies) and aware >= day_start(min(applies))


def _applies(repo: Repository, system: AiSystem, duty: str) -> date | None:
    start = start_of(repo, [str(high_risk_route(repo, system)), duty])
    found = system_start(repo, system, start)
    return found.applies if found is not None else None


def _reportable(system: AiSystem, facts: SeriousIncident) -> bool:
    duties = system.provider_duties
    product = duties.annex_i_product if duties else None
    if product is not None and product.annex_i_point in _DEVICE_POINTS:
        return "fundamental-rights" in facts.consequences
    return True

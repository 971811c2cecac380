"""The AI Act serious-incident clock: which incidents it runs for, from when, and how long.

Art. 73(2) gives 15 days from becoming aware, 73(4) 10 days when a person died, and 73(3)
2 days for a widespread infringement or a serious disruption of critical infrastructure. The
shortest term that applies wins. Terms are counted in whole days from the moment of awareness,
keeping its time of day and offset; moments are compared as instants (in UTC), and a date
without a time, such as the day Art. 73 starts to apply, is a day in UTC, as the breach
clock's ``--as-of`` day is (``incident_clock``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from complykit.core.frozen import frozen
from complykit.facts.ai_act_index import high_risk_route, start_of, systems
from complykit.facts.incident_clock import day_start
from complykit.model.ai_system import AiSystem
from complykit.model.duration import Duration
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
    def deadline(self) -> datetime:
        return Duration(days=self.term.days).after_moment(self.start)


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
    high_risk = {s.id: s for _, s in systems(repo) if high_risk_route(s)}
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
        if not provided or (facts.reported_at is not None) is not reported:
            continue
        start = facts.aware_at or incident.aware_at or incident.detected_at
        if start >= day_start(min(_applies(repo, s) for s in provided)):
            yield entry, facts, SeriousClock(start, term_of(facts))


def _applies(repo: Repository, system: AiSystem) -> date:
    return start_of(repo, [str(high_risk_route(system)), "Art. 73"]).applies


def _reportable(system: AiSystem, facts: SeriousIncident) -> bool:
    duties = system.provider_duties
    product = duties.annex_i_product if duties else None
    if product is not None and product.annex_i_point in _DEVICE_POINTS:
        return "fundamental-rights" in facts.consequences
    return True

"""INC: serious incidents with high-risk AI systems, reported to the provider and the authority.

These run only with ``eu-ai-act`` in ``frameworks``.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.ai_act_index import high_risk_route, systems
from complykit.facts.incident_clock import at
from complykit.facts.problem import Problem
from complykit.facts.serious_incident_clock import (
    FACTS,
    deployed_when_aware,
    provider_clocks,
    term_end,
)
from complykit.model.incident import Incident
from complykit.workspace.repository import Repository


@check(
    code="INC012",
    reads=("ai-system", "incident"),
    local=1,
    name="serious-incident-report-overdue",
    severity=Severity.ERROR,
    citation=("AI Act Art. 73",),
    hint="Report to the market surveillance authority now (an incomplete first report is "
    "allowed, Art. 73(5)) and record `ai_act.reported_at`.",
)
def serious_incident_report_overdue(repo: Repository) -> Iterator[Problem]:
    """As provider, a serious incident is not reported and its Art. 73 term has passed.

    15 days after becoming aware (73(2)); 10 days when a person died (73(4)); 2 days for a
    widespread infringement or a serious disruption of critical infrastructure (73(3)). For a
    system that is a medical device (Annex I points 11 and 12), only fundamental-rights
    infringements are reported under the AI Act (Art. 73(10): not in our checked reference
    facts, treat as unverified); the device's vigilance rules cover the rest.

    Days are counted as Regulation (EEC, Euratom) No 1182/71 counts the periods of EU law:
    the day of awareness does not count, the term ends with its last day (in the offset
    awareness was recorded in), and a last day on a Saturday or Sunday moves to the Monday;
    public holidays, which differ per Member State, do not move it here. The end is compared
    as an instant: the term has passed when it ended before the ``--as-of`` day (in UTC)
    began, so on its last day a report is due (INC013), not late. The clock runs for awareness
    from the day Art. 73 applies to the system, a day in UTC too; for a system in use before
    2 August 2026, from the day Art. 111(2) gives (``legacy_review``), as for the AIA provider
    rules, and not at all for a system the article keeps out of scope.

    PASS: ``ai_act: {serious: true, consequences: [serious-harm-to-health], reported_at: ...}``.
    FAIL: ``ai_act: {serious: true, consequences: [death]}``, aware 12 days ago, not reported.
    """
    for entry, _, clock in provider_clocks(repo):
        if clock.passed(repo.as_of):
            yield Problem(
                entry,
                (*FACTS, "serious"),
                f"the serious incident had to be reported to the market surveillance authority "
                f"by {term_end(clock)} ({clock.term.days} days after the day of becoming aware, "
                f"at {at(clock.start)}: {clock.term.why}); no report is recorded",
                citation=(f"AI Act {clock.term.paragraph}",),
            )


@check(
    code="INC019",
    reads=("ai-system", "incident"),
    local=1,
    name="serious-incident-reported-late",
    severity=Severity.WARNING,
    citation=("AI Act Art. 73",),
    hint="Record in the incident why the report came late and what changes so that the next "
    "one is on time (post-market monitoring, Art. 72); the authority may ask.",
)
def serious_incident_reported_late(repo: Repository) -> Iterator[Problem]:
    """As provider, a serious incident was reported after its Art. 73 term.

    The same terms as INC012 (15, 10 or 2 days from becoming aware); INC012 reports the ones
    not reported at all.

    PASS: ``consequences: [death]``, reported on the tenth day after becoming aware.
    FAIL: ``consequences: [death]``, reported on the twelfth day after becoming aware.
    """
    for entry, facts, clock in provider_clocks(repo, reported=True):
        reported = facts.reported_at
        if reported is not None and reported > clock.deadline:
            yield Problem(
                entry,
                (*FACTS, "reported_at"),
                f"the serious incident was reported at {at(reported)}, after its term ended at "
                f"{term_end(clock)} ({clock.term.days} days after the day of becoming aware, at "
                f"{at(clock.start)}: {clock.term.why})",
                citation=(f"AI Act {clock.term.paragraph}",),
            )


@check(
    code="INC013",
    reads=("ai-system", "incident"),
    local=1,
    name="serious-incident-report-due",
    severity=Severity.WARNING,
    citation=("AI Act Art. 73",),
    hint="Report to the market surveillance authority before the deadline; record "
    "`ai_act.reported_at`.",
)
def serious_incident_report_due(repo: Repository) -> Iterator[Problem]:
    """As provider, a serious incident is not reported yet, and its Art. 73 term is running.

    PASS: ``ai_act: {serious: true, reported_at: 2026-11-20T10:00:00+01:00}``.
    FAIL: ``ai_act: {serious: true}``, aware yesterday, not reported.
    """
    for entry, _, clock in provider_clocks(repo):
        if not clock.passed(repo.as_of):
            yield Problem(
                entry,
                (*FACTS, "serious"),
                f"the serious incident must be reported to the market surveillance authority "
                f"by {term_end(clock)} ({clock.term.days} days after the day of becoming aware: "
                f"{clock.term.why})",
                citation=(f"AI Act {clock.term.paragraph}",),
            )


@check(
    code="INC014",
    reads=("ai-system", "incident"),
    local=1,
    name="serious-incident-provider-not-told",
    severity=Severity.ERROR,
    citation=("AI Act Art. 26(5)",),
    hint="Inform the provider immediately, then the importer or distributor and the market "
    "surveillance authority; record `ai_act.provider_informed_at`.",
)
def serious_incident_provider_not_told(repo: Repository) -> Iterator[Problem]:
    """As deployer, a serious incident with a high-risk system was not reported to its provider.

    The duty is part of Art. 26(5), so it binds for incidents we became aware of once the
    article applies to the system: from 2 August 2026 for an Annex III system, 2 August 2027
    for an Annex I product, and for a system in use before 2 August 2026 only as Art. 111(2)
    says (``legacy_review``), as the AIA deployer rules judge it.

    PASS: ``roles: [deployer]`` and ``ai_act: {serious: true, provider_informed_at: ...}``.
    FAIL: ``roles: [deployer]`` and ``ai_act: {serious: true}`` with no
    ``provider_informed_at``.
    """
    for entry, facts, deployed in deployed_when_aware(repo):
        if facts.provider_informed_at is None:
            yield Problem(
                entry,
                (*FACTS, "serious"),
                f"a serious incident with '{deployed[0]}', which we deploy, is recorded, but "
                "no `provider_informed_at` shows that its provider was told",
            )


@check(
    code="INC015",
    reads=("ai-system", "incident"),
    local=1,
    name="ai-incident-unassessed",
    severity=Severity.WARNING,
    citation=("AI Act Art. 3(49)", "AI Act Art. 73"),
    hint="Add an `ai_act` block that says whether it is a serious incident (Art. 3(49)) and "
    "why, so that the reporting clock can be checked.",
)
def ai_incident_unassessed(repo: Repository) -> Iterator[Problem]:
    """An incident affects a high-risk AI system and does not say whether it is serious.

    PASS: ``affects: [ai-triage]`` and ``ai_act: {ai_systems: [ai-triage], serious: false,
    reasoning: ...}``.
    FAIL: ``affects: [ai-triage]`` (a high-risk system) and no ``ai_act``.
    """
    high_risk = {s.id: s for _, s in systems(repo) if high_risk_route(repo, s)}
    for entry, incident in repo.records(Incident):
        named = [high_risk[i].name for i in incident.affects if i in high_risk]
        if named and incident.ai_act is None:
            yield Problem(
                entry,
                ("affects",),
                f"the incident affects the high-risk AI system '{named[0]}', but does not say "
                "whether it is a serious incident under the AI Act",
            )

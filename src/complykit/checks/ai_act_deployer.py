"""AIA: what a deployer of a high-risk system must do besides oversight, logs and assessments.

Reported as errors once the duty applies on ``--as-of`` (Art. 113); AIA012 warns before.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts import ai_act_deployer_gaps as gaps
from complykit.facts.ai_act_index import OMNIBUS_NOTE, dated
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository


@check(
    code="AIA015",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="deployer-monitoring-missing",
    severity=Severity.ERROR,
    citation=("AI Act Art. 26(5)",),
)
def deployer_monitoring_missing(repo: Repository) -> Iterator[Problem]:
    """We deploy a high-risk system and record no monitoring of its operation.

    PASS: ``deployer_duties: {monitoring: "Weekly review of overrides; provider informed ..."}``.
    FAIL: a high-risk system we deploy with no ``deployer_duties.monitoring``.
    """
    hint = (
        "Describe in `deployer_duties.monitoring` how you monitor the system per the "
        "instructions for use, inform the provider, and suspend use and inform the market "
        "surveillance authority when it presents a risk or a serious incident occurs."
    )
    yield from dated(repo, gaps.monitoring_gaps(repo), hint)


@check(
    code="AIA016",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="workers-not-informed",
    severity=Severity.ERROR,
    citation=("AI Act Art. 26(7)",),
)
def workers_not_informed(repo: Repository) -> Iterator[Problem]:
    """A high-risk system used at the workplace, and no record that workers were told before use.

    Used at the workplace: ``deployer_duties.used_at_workplace``, or when not stated, an Annex
    III area 4 (employment) system or ``practices.settings: [workplace]``.

    PASS: ``annex_iii: {area: 4, point: a}`` and ``deployer_duties: {workers_informed:
    2025-11-12}``.
    FAIL: ``annex_iii: {area: 4, point: a}`` and no ``workers_informed``.
    """
    hint = (
        "Inform the workers' representatives (the works council: ondernemingsraad, conseil "
        "d'entreprise) and the affected workers before use, and record the date in "
        "`deployer_duties.workers_informed`."
    )
    yield from dated(repo, gaps.workers_gaps(repo), hint)


@check(
    code="AIA017",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="affected-persons-not-informed",
    severity=Severity.ERROR,
    citation=("AI Act Art. 26(11)",),
)
def affected_persons_not_informed(repo: Repository) -> Iterator[Problem]:
    """An Annex III system decides or helps decide about people, who are not told of it.

    PASS: ``deployer_duties: {persons_informed: "The privacy notice and the vacancy text ..."}``.
    FAIL: an Annex III system we deploy with no ``persons_informed`` and no
    ``decisions_about_people: false``.
    """
    hint = (
        "Tell the people the system decides about that it is used on them, and say how in "
        "`deployer_duties.persons_informed`; if it takes or supports no decisions about people, "
        "set `decisions_about_people: false`."
    )
    yield from dated(repo, gaps.persons_gaps(repo), hint)


@check(
    code="AIA018",
    reads=("ai-system",),
    per_record=True,
    framework="eu-ai-act",
    note=OMNIBUS_NOTE,
    name="public-deployer-unregistered",
    severity=Severity.ERROR,
    citation=("AI Act Art. 49(3)", "AI Act Art. 26(8)"),
)
def public_deployer_unregistered(repo: Repository) -> Iterator[Problem]:
    """A public authority uses an Annex III system without registering the use in the EU database.

    Annex III point 2 (critical infrastructure) is registered nationally instead (Art. 49(5)),
    so it is left out.

    Only ``sector: public-authority`` is judged. Art. 49(3) binds deployers that are public
    authorities, Union institutions, bodies, offices or agencies, or persons acting on their
    behalf. A body governed by public law (``sector: public-body``) that is no authority is
    not named there, while Art. 27(1) names such bodies expressly for the fundamental rights
    impact assessment (AIA009): the Act draws the line in two places, and complykit's
    reference facts do not settle on which side of Art. 49(3) such a body falls. So this rule
    stays silent for it rather than report a duty the text may not impose. A body governed
    by public law that deploys the system on behalf of a public authority (a municipal
    implementing agency, say) is covered as a person acting on its behalf: register the use
    all the same, and record it in ``deployer_duties.eu_database_registration``.

    PASS: ``sector: public-authority`` and ``deployer_duties: {eu_database_registration:
    {registered: 2026-07-01}}``.
    FAIL: ``sector: public-authority``, ``annex_iii: {area: 5, point: a}`` and no registration.
    """
    hint = (
        "Register the organisation, select the system and register its use in the EU database "
        "before use; record it in `deployer_duties.eu_database_registration`."
    )
    yield from dated(repo, gaps.registration_gaps(repo), hint)

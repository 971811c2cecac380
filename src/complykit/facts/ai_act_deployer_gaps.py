"""The deployer duties of Art. 26(5), 26(7), 26(11) and 49(3) a high-risk system leaves unmet."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from complykit.core.frozen import replace
from complykit.facts.ai_act_index import Gap, high_risk_route, is_legacy, start_of, systems
from complykit.model.ai_duties import DeployerDuties
from complykit.model.ai_system import AiSystem
from complykit.model.prebuilt import instance
from complykit.workspace.repository import Entry, Repository

GapFinder = Callable[[Repository], Iterator[Gap]]

_NONE = instance(DeployerDuties)


def _deployed(repo: Repository) -> Iterator[tuple[Entry, AiSystem, str, DeployerDuties]]:
    for entry, system in systems(repo, in_use=True):
        route = high_risk_route(repo, system)
        if route and "deployer" in system.roles:
            yield entry, system, route, system.deployer_duties or _NONE


def _loc(system: AiSystem) -> tuple[str, ...]:
    return ("deployer_duties",) if system.deployer_duties else ("roles",)


def _gap(repo: Repository, found: tuple[Entry, AiSystem, str], duty: str, message: str) -> Gap:
    entry, system, route = found
    return Gap(
        entry,
        _loc(system),
        message,
        (f"AI Act {duty}",),
        start_of(repo, [route, duty]),
        is_legacy(repo, system),
    )


def monitoring_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, route, duties in _deployed(repo):
        if duties.monitoring is None:
            message = (
                f"'{system.name}' is a high-risk system we deploy, but no `monitoring` says how "
                "we monitor it and inform the provider"
            )
            yield _gap(repo, (entry, system, route), "Art. 26(5)", message)


def at_workplace(system: AiSystem) -> bool:
    """Stated, or implied by an Annex III area 4 (employment) use or a workplace setting."""
    duties = system.deployer_duties
    if duties is not None and duties.used_at_workplace is not None:
        return duties.used_at_workplace
    area = system.classification.annex_iii.area if system.classification.annex_iii else None
    settings = system.practices.settings if system.practices else []
    return area == 4 or "workplace" in settings


def workers_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, route, duties in _deployed(repo):
        if not at_workplace(system):
            continue
        told, since = duties.workers_informed, system.in_use_since
        if told is None:
            message = (
                f"'{system.name}' is a high-risk system we use at the workplace, but no "
                "`workers_informed` date shows that workers' representatives and the affected "
                "workers were told before use"
            )
            yield _gap(repo, (entry, system, route), "Art. 26(7)", message)
        elif since is not None and told > since:
            message = (
                f"'{system.name}' was put into service on {since.isoformat()}, but the workers "
                f"were told on {told.isoformat()}, after it; Art. 26(7) asks before"
            )
            gap = _gap(repo, (entry, system, route), "Art. 26(7)", message)
            # In service before the duty applied: told by the day it applied is in time.
            if told > max(since, gap.start.applies):
                yield replace(gap, loc=("deployer_duties", "workers_informed"))


def persons_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, route, duties in _deployed(repo):
        annex_iii = system.classification.annex_iii is not None
        if annex_iii and duties.decisions_about_people and duties.persons_informed is None:
            message = (
                f"'{system.name}' is an Annex III system that decides, or helps decide, about "
                "people, but no `persons_informed` says how they are told it is used on them"
            )
            yield _gap(repo, (entry, system, route), "Art. 26(11)", message)


def registration_gaps(repo: Repository) -> Iterator[Gap]:
    # Art. 49(3) names public authorities, Union bodies and persons acting on their behalf;
    # a body governed by public law that is no authority is not named (Art. 27(1) names it
    # separately), so it is left to the user, as AIA018's explanation says.
    public = repo.config.organisation.sector == "public-authority"
    for entry, system, route, duties in _deployed(repo):
        basis = system.classification.annex_iii
        if public and basis is not None and basis.area != 2 and not duties.eu_database_registration:
            message = (
                f"'{system.name}' is an Annex III system we deploy as a public "
                "authority, but no `eu_database_registration` shows "
                "our use registered in the EU database"
            )
            yield _gap(repo, (entry, system, route), "Art. 49(3)", message)


FINDERS: tuple[GapFinder, ...] = (
    monitoring_gaps,
    workers_gaps,
    persons_gaps,
    registration_gaps,
)

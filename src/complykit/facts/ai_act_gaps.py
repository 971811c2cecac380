"""The AI Act duties a system's record leaves unmet, each with the date the duty applies.

Each finder yields ``Gap``s whatever ``--as-of`` says; the checks in ``ai_act_duties`` report
those that apply as errors and AIA012 reports the rest as warnings, so one rule text serves both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from complykit.facts.ai_act_index import (
    Gap,
    Start,
    activities,
    completed,
    completed_assessments,
    high_risk_route,
    is_legacy,
    start_of,
    systems,
)
from complykit.facts.ai_act_practices import prohibited_gaps
from complykit.facts.ai_act_transparency import transparency_gaps
from complykit.load.positions import Loc
from complykit.model.ai_system import AiSystem
from complykit.model.dpia import Dpia
from complykit.model.duration import Duration
from complykit.model.prebuilt import instance
from complykit.workspace.repository import Entry, Repository

GapFinder = Callable[[Repository], Iterator[Gap]]
_RISK_CLASS: Loc = ("classification", "risk_class")
_LOG_DUTY = {"deployer": "Art. 26(6)", "provider": "Art. 19"}
_SIX_MONTHS = instance(Duration, months=6)


def art6_4_gaps(repo: Repository) -> Iterator[Gap]:
    """Art. 6(3) claims without a documented assessment, of systems we provide: Art. 6(4)
    binds the provider that relies on the exception, not a deployer."""
    for entry, system in systems(repo, in_use=True):
        claim = system.classification.art6_3_exception
        if claim is not None and claim.documented is None and "provider" in system.roles:
            yield Gap(
                entry,
                ("classification", "art6_3_exception"),
                f"'{system.name}' relies on the Art. 6(3)({claim.condition}) exception, but the "
                "assessment behind it has no `documented` date",
                ("AI Act Art. 6(4)",),
                start_of(repo, ["Art. 6(4)", "Art. 6(2)"]),
            )


def _deployed_high_risk(
    repo: Repository, duty: str
) -> Iterator[tuple[Entry, AiSystem, Start, bool]]:
    """High-risk systems we deploy and use, when ``duty`` applies to them, and if legacy."""
    for entry, system in systems(repo, in_use=True):
        route = high_risk_route(repo, system)
        if route and "deployer" in system.roles:
            yield entry, system, start_of(repo, [route, duty]), is_legacy(repo, system)


def oversight_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, start, legacy in _deployed_high_risk(repo, "Art. 26(2)"):
        oversight = system.human_oversight
        if oversight is None:
            loc, lack = _RISK_CLASS, "no human oversight is recorded"
        elif not oversight.overseers:
            loc, lack = ("human_oversight",), "no overseers are assigned"
        elif not oversight.trained:
            loc, lack = ("human_oversight", "trained"), "its overseers are not marked as trained"
        else:
            continue
        message = f"'{system.name}' is a high-risk system we deploy, but {lack}"
        yield Gap(entry, loc, message, ("AI Act Art. 26(2)",), start, legacy)


def logging_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system in systems(repo, in_use=True):
        route = high_risk_route(repo, system)
        duties = [item for role, item in _LOG_DUTY.items() if role in system.roles]
        if route is None or not duties:
            continue
        logs = system.logging
        if logs is None:
            loc, lack = _RISK_CLASS, "keeps no logs"
        elif not logs.enabled:
            loc, lack = ("logging", "enabled"), "has logging switched off"
        elif logs.retention is None:
            loc, lack = ("logging",), "states no log retention period"
        elif logs.retention.after(repo.as_of) < _SIX_MONTHS.after(repo.as_of):
            loc, lack = ("logging", "retention"), f"keeps logs for {logs.retention.iso()} only"
        else:
            continue
        yield Gap(
            entry,
            loc,
            f"'{system.name}' is high-risk and {lack}; logs must be kept at least six months",
            tuple(f"AI Act {d}" for d in duties),
            start_of(repo, [route, *duties]),
            is_legacy(repo, system),
        )


def _needing_fria(
    repo: Repository, duty: str
) -> Iterator[tuple[Entry, AiSystem, Start, bool, str]]:
    """Deployed high-risk systems that need a FRIA before use, with why (Art. 27(1))."""
    for entry, system, start, legacy in _deployed_high_risk(repo, duty):
        basis = system.classification.annex_iii
        reason = _fria_reason(repo, system)
        if basis is not None and basis.area != 2 and reason is not None:
            yield entry, system, start, legacy, reason


def fria_notification_gaps(repo: Repository) -> Iterator[Gap]:
    """Completed FRIAs whose results the market surveillance authority was not told of."""
    for entry, system, start, legacy, _ in _needing_fria(repo, "Art. 27(3)"):
        done = completed_assessments(system, "fria", "iama")
        if done and not any(a.authority_notified for _, a in done):
            yield Gap(
                entry,
                ("impact_assessments", done[0][0], "status"),
                f"'{system.name}' has a completed fundamental rights impact assessment, but no "
                "notification of its results to the market surveillance authority is recorded",
                ("AI Act Art. 27(3)",),
                start,
                legacy,
            )


def fria_gaps(repo: Repository) -> Iterator[Gap]:
    for entry, system, start, legacy, reason in _needing_fria(repo, "Art. 27(1)"):
        if not completed(system, "fria", "iama"):
            yield Gap(
                entry,
                ("classification", "annex_iii"),
                f"'{system.name}' needs a fundamental rights impact assessment before use "
                f"({reason}), but none is completed",
                ("AI Act Art. 27(1)",),
                start,
                legacy,
            )


def _fria_reason(repo: Repository, system: AiSystem) -> str | None:
    basis = system.classification.annex_iii
    organisation = repo.config.organisation
    if basis is not None and basis.area == 5 and basis.point in ("b", "c"):
        return f"a deployer of an Annex III 5({basis.point}) system"
    public = _PUBLIC_SECTOR.get(organisation.sector)
    if public is not None:
        return public
    return "we provide public services" if organisation.provides_public_services else None


# Art. 27(1) in its own words: the config values are not sentences.
_PUBLIC_SECTOR = {
    "public-authority": "we are a public authority",
    "public-body": "we are a body governed by public law",
}


def dpia_missing(repo: Repository) -> Iterator[tuple[Entry, AiSystem, list[str]]]:
    """High-risk systems we deploy that process personal data without a completed DPIA.

    A system that says it processes personal data but is linked to no activity is returned with
    no activities: without the link no DPIA can be found, and silence would read as a pass.
    """
    for entry, system, _, _ in _deployed_high_risk(repo, "Art. 26(9)"):
        used_in = activities(repo, system)
        unlinked = not used_in and system.processes_personal_data
        linked_dpias = [a.dpia for a in used_in if a.dpia]
        if unlinked or (used_in and not _has_dpia(repo, system, linked_dpias)):
            yield entry, system, [a.id for a in used_in]


def _has_dpia(repo: Repository, system: AiSystem, linked: list[str]) -> bool:
    if completed(system, "dpia"):
        return True
    by_id = repo.index_by(Dpia, "id")
    named = [dpia for name in linked for _, _, dpia in by_id.get(name, ())]
    naming = [dpia for _, _, dpia in repo.index_by(Dpia, "ai_systems").get(system.id, ())]
    return any(dpia.status in ("completed", "approved") for dpia in (*named, *naming))


FINDERS: tuple[GapFinder, ...] = (
    prohibited_gaps,
    art6_4_gaps,
    oversight_gaps,
    logging_gaps,
    fria_gaps,
    fria_notification_gaps,
    transparency_gaps,
)

"""What the AI Act checks share: scope, when an obligation applies, and a system's surroundings.

The dates live in ``ai_act_dates``, the Annex I reading in ``ai_act_annex_i`` and Art. 111(2)
in ``ai_act_legacy``; this module gathers them with the rest, so that the checks import one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from complykit.facts.ai_act_annex_i import annex_i_section, needs_third_party
from complykit.facts.ai_act_dates import (
    AI_ACT,
    GENERAL_APPLICATION,
    LEGACY,
    OMNIBUS,
    OMNIBUS_BASIS,
    OMNIBUS_DATES,
    OMNIBUS_NOTE,
    Gap,
    Start,
    catalog,
    start_of,
)
from complykit.facts.ai_act_legacy import (
    for_public_authorities,
    gap_start,
    is_legacy,
    legacy_sentence,
    legacy_start,
    system_start,
    unreviewed_legacy,
)
from complykit.facts.problem import Problem
from complykit.model.ai_system import AiSystem, ImpactAssessment
from complykit.model.processing import ProcessingActivity
from complykit.workspace.repository import Entry, Repository

__all__ = [
    "AI_ACT",
    "GENERAL_APPLICATION",
    "IN_USE",
    "LEGACY",
    "OMNIBUS",
    "OMNIBUS_BASIS",
    "OMNIBUS_DATES",
    "OMNIBUS_NOTE",
    "Gap",
    "Start",
    "activities",
    "catalog",
    "completed",
    "completed_assessments",
    "dated",
    "for_public_authorities",
    "gap_start",
    "high_risk_route",
    "is_legacy",
    "legacy_sentence",
    "legacy_start",
    "needs_third_party",
    "start_of",
    "system_start",
    "systems",
    "unreviewed_legacy",
]

IN_USE = ("deployment", "operation")


def systems(
    # `*` mutated to `/` only changes how `in_use` may be passed, which no caller notices.
    repo: Repository,
    *,  # pragma: no mutate
    in_use: bool = False,
) -> Iterator[tuple[Entry, AiSystem]]:
    """AI systems, when the AI Act is in scope; with ``in_use``, only those deployed or in use."""
    if catalog(repo) is None:
        return
    for entry, system in repo.records(AiSystem):
        if not in_use or system.lifecycle in IN_USE:
            yield entry, system


def high_risk_route(repo: Repository, system: AiSystem) -> str | None:
    """The Art. 6 paragraph whose high-risk duties a system carries: 6(2) Annex III first,
    else 6(1). None for an Annex I product that needs no third-party conformity assessment,
    which is not high-risk under Art. 6(1)(b) (AIA002 reports the classification), and for a
    product under Annex I Section B (vehicles, aviation, marine equipment, rail): of the AI
    Act only Art. 6(1), 102-109 and 112 apply to it (Art. 2(2)), so its requirements reach it
    through the sectoral type-approval acts, not as provider or deployer duties of the AI Act."""
    basis = system.classification
    if basis.risk_class != "high-risk":
        return None
    if basis.annex_iii is not None:
        return "Art. 6(2)"
    if not needs_third_party(system) or annex_i_section(catalog(repo), system) == "B":
        return None
    return "Art. 6(1)"


def activities(repo: Repository, system: AiSystem) -> list[ProcessingActivity]:
    """Processing activities the system names, or that name the system, in file order."""
    by_id = repo.index_by(ProcessingActivity, "id")
    found = {
        place: activity
        for name in system.processing_activities
        for place, _, activity in by_id.get(name, ())
    }
    found.update(
        (place, activity)
        for place, _, activity in repo.index_by(ProcessingActivity, "ai_systems").get(system.id, ())
    )
    return [found[place] for place in sorted(found)]


def completed_assessments(system: AiSystem, *types: str) -> list[tuple[int, ImpactAssessment]]:
    """The system's completed impact assessments of ``types``, with their places in its list."""
    return [
        (index, a)
        for index, a in enumerate(system.impact_assessments)
        if a.type in types and a.status == "completed"
    ]


def completed(system: AiSystem, *types: str) -> bool:
    return bool(completed_assessments(system, *types))


def dated(repo: Repository, gaps: Iterable[Gap], hint: str) -> Iterator[Problem]:
    """The gaps whose duty applies on ``--as-of``, with when it applied in the hint."""
    for gap in gaps:
        start = gap_start(repo, gap)
        if start is not None and start.applies <= repo.as_of:
            extra = [start.sentence(repo.as_of), *unreviewed_legacy(repo, gap)]
            yield Problem(gap.where, gap.loc, gap.message, " ".join([hint, *extra]), gap.citation)

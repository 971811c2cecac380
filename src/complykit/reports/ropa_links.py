"""What the register shows besides the Art. 30 fields: where the data comes from and lives,
automated decisions, the DPIA screening, and the records that point at an activity (AI systems,
DPIAs, risks), so that a reader can follow links both ways."""

from __future__ import annotations

from typing import TypedDict

from complykit.model.ai_system import AiSystem
from complykit.model.dpia import Dpia
from complykit.model.processing import ProcessingActivity
from complykit.model.risk import Risk
from complykit.reports.names import record_label
from complykit.workspace.repository import Repository


class Source(TypedDict):
    type: str
    description: str | None


class Location(TypedDict):
    system: str
    type: str
    country: str
    supplier: str | None


class AutomatedDecisions(TypedDict):
    used: bool
    exception: str | None
    logic: str | None
    safeguards: str | None


class Screening(TypedDict):
    conclusion: str
    criteria: int
    ap_items: list[int]
    rationale: str | None


class Links(TypedDict):
    sources: list[Source]
    locations: list[Location]
    automated: AutomatedDecisions | None
    screening: Screening | None
    ai_systems: list[str]
    dpias: list[str]
    risks: list[str]


Backlinks = dict[str, dict[str, set[str]]]  # activity id -> kind -> ids that point at it


def backlinks(repo: Repository) -> Backlinks:
    """For each activity, the AI systems, DPIAs and risks whose records name it."""
    found: Backlinks = {}

    def add(activity: str, kind: str, record_id: str) -> None:
        found.setdefault(activity, {}).setdefault(kind, set()).add(record_id)

    for _, system in repo.records(AiSystem):
        for activity in system.processing_activities:
            add(activity, "ai", system.id)
    for _, dpia in repo.records(Dpia):
        for activity in dpia.processing_activities:
            add(activity, "dpia", dpia.id)
    for _, risk in repo.records(Risk):
        for target in risk.affects:
            add(target, "risk", risk.id)
    return found


def links(repo: Repository, record: ProcessingActivity, back: Backlinks) -> Links:
    mine = back.get(record.id, {})
    ai = {*record.ai_systems, *mine.get("ai", ())}
    dpias = {*([record.dpia] if record.dpia else []), *mine.get("dpia", ())}
    return Links(
        sources=[Source(type=s.type, description=s.description) for s in record.sources],
        locations=[
            Location(
                system=d.system,
                type=d.type,
                country=d.country,
                supplier=record_label(repo, d.supplier) if d.supplier else None,
            )
            for d in record.data_locations
        ],
        automated=_automated(record),
        screening=_screening(record),
        ai_systems=_labels(repo, ai),
        dpias=_labels(repo, dpias),
        risks=_labels(repo, mine.get("risk", set())),
    )


def _labels(repo: Repository, ids: set[str]) -> list[str]:
    return sorted((record_label(repo, i) for i in ids), key=str.casefold)


def _automated(record: ProcessingActivity) -> AutomatedDecisions | None:
    decisions = record.automated_decisions
    if decisions is None:
        return None
    exception = decisions.exception
    return AutomatedDecisions(
        used=decisions.used,
        exception=str(exception.value if hasattr(exception, "value") else exception)
        if exception
        else None,
        logic=decisions.logic,
        safeguards=decisions.safeguards,
    )


_FLAGS = (
    "evaluation_or_scoring",
    "automated_decision_legal_effect",
    "systematic_monitoring",
    "highly_personal_data",
    "matching_or_combining",
    "innovative_technology",
    "prevents_exercising_rights",
)


def _screening(record: ProcessingActivity) -> Screening | None:
    screening = record.dpia_screening
    if screening is None:
        return None
    count = sum(1 for flag in _FLAGS if getattr(screening, flag))
    count += bool(screening.scale and screening.scale.large_scale)
    count += bool(screening.vulnerable_data_subjects)
    sensitive = any(d.special_category or d.criminal_offence_data for d in record.personal_data)
    count += sensitive and not screening.highly_personal_data
    return Screening(
        conclusion=screening.conclusion,
        criteria=count,
        ap_items=sorted(screening.ap_list_items),
        rationale=screening.rationale,
    )

"""The AI register: each AI system's role, risk class and its basis, oversight and assessments."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.model.ai_system import AiSystem, Classification, HumanOversight
from complykit.reports.ai_register_details import Fact, details
from complykit.reports.header import Header, header
from complykit.reports.names import person_name, record_label, sort_key
from complykit.reports.render import translations
from complykit.reports.request import Request
from complykit.reports.xlsx_book import Words
from complykit.workspace.repository import Repository


class AnnexIII(TypedDict):
    ref: str
    title: str | None


class Basis(TypedDict):
    reasoning: str
    annex_iii: AnnexIII | None
    annex_i: str | None
    art6_3_condition: str | None


class Oversight(TypedDict):
    description: str
    overseers: list[str]
    can_override: bool
    trained: bool


class Assessment(TypedDict):
    type: str
    status: str
    completed: date | None
    reference: str | None


class System(TypedDict):
    id: str
    name: str
    purpose: str
    roles: list[str]
    risk_class: str
    basis: Basis
    oversight: Oversight | None
    assessments: list[Assessment]
    vendor: str | None
    lifecycle: str
    owner: str | None
    next_review: date | None
    details: list[Fact]


class AiRegisterContext(TypedDict):
    header: Header
    systems: list[System]


def build(repo: Repository, request: Request) -> AiRegisterContext:
    records = sorted((r for _, r in repo.records(AiSystem)), key=lambda r: sort_key(r.name, r.id))
    words = Words(request.lang, translations(request.lang))
    return AiRegisterContext(
        header=header(repo, request),
        systems=[_system(repo, record, words) for record in records],
    )


def _system(repo: Repository, record: AiSystem, words: Words) -> System:
    lang = words.lang
    return System(
        id=record.id,
        name=record.name,
        purpose=record.purpose,
        roles=list(record.roles),
        risk_class=record.classification.risk_class,
        basis=_basis(repo, record.classification, lang),
        oversight=_oversight(repo, record.human_oversight),
        assessments=[
            Assessment(
                type=a.type,
                status=a.status,
                completed=a.completed,
                reference=record_label(repo, a.dpia) if a.dpia else a.document,
            )
            for a in record.impact_assessments
        ],
        vendor=record_label(repo, record.vendor) if record.vendor else None,
        lifecycle=record.lifecycle,
        owner=person_name(repo, record.owner),
        next_review=record.next_review,
        details=details(repo, record, words),
    )


def _basis(repo: Repository, classification: Classification, lang: str) -> Basis:
    exception = classification.art6_3_exception
    return Basis(
        reasoning=classification.reasoning,
        annex_iii=_annex_iii(repo, classification, lang),
        annex_i=classification.annex_i,
        art6_3_condition=exception.condition if exception else None,
    )


def _annex_iii(repo: Repository, classification: Classification, lang: str) -> AnnexIII | None:
    basis = classification.annex_iii
    if basis is None:
        return None
    point = f"({basis.point})" if basis.point else ""
    catalog = repo.catalogs.framework("eu-ai-act")
    item = catalog.item(f"Annex III({basis.area}){point}") if catalog else None
    ref = f"{basis.area}{point}"
    if item is None:
        return AnnexIII(ref=ref, title=None)
    return AnnexIII(ref=ref, title=item.title_nl if lang == "nl" and item.title_nl else item.title)


def _oversight(repo: Repository, oversight: HumanOversight | None) -> Oversight | None:
    if oversight is None:
        return None
    return Oversight(
        description=oversight.description,
        overseers=[person_name(repo, p) or p for p in oversight.overseers],
        can_override=oversight.can_override,
        trained=oversight.trained,
    )

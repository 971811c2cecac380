"""AI systems as records of the Algoritmeregister Publicatiestandaard 1.0.0.

The published standard (MinBZK/Algoritmeregister ``schema.json``) names its fields
``purpose_and_impact``, ``considerations``, ``risk_management`` and so on; the register's backend
(``register-api``, see algoritmeregister.py) uses another vocabulary. Which complykit fact fills
which field is complykit's own reading, explained in docs/guides/import-export.md. The register
renders text as HTML, so every text is one line: list items are joined with "; ".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from complykit.exchange.algoritmeregister import (
    STATUS,
    Export,
    chosen_systems,
    lawful_bases,
    limited,
    linked_activities,
    one_line,
    provider,
    publication_category,
    risk_titles,
)
from complykit.model.ai_system import AiSystem, ImpactAssessment
from complykit.model.risk import Risk
from complykit.workspace.repository import Repository

SCHEMA_VERSION = "1.0.0"
CATEGORY = {
    "Hoog-risico AI-systeem": "Hoog-risico AI-systeem (Categorie A)",
    "Impactvolle algoritmes": "Impactvolle algoritmes (Categorie B)",
    "Overige algoritmes": "Overige algoritmes (Categorie C)",
}
LIMITS = {
    "name": 99, "description_short": 399, "organization": 99, "purpose_and_impact": 2499,
    "considerations": 2499, "human_intervention": 2499, "risk_management": 2499,
    "legal_basis": 2499, "impact_assessment_explanation": 2499, "data": 2499,
    "technical_operation": 4999, "supplier": 199,
}  # fmt: skip
MANDATORY = (
    "name", "description_short", "organization", "theme", "status", "start_date", "contact",
    "publication_category", "purpose_and_impact", "considerations", "human_intervention",
    "risk_management", "impact_assessments", "data", "technical_operation", "supplier",
)  # fmt: skip
RISK_CLASS_NL = {
    "prohibited": "verboden praktijk",
    "high-risk": "hoog risico",
    "transparency": "transparantieverplichtingen (art. 50)",
    "minimal": "minimaal risico",
}
SOURCE_NL = {
    "in-house": "Model ontwikkeld in eigen beheer.",
    "vendor": "Model van een leverancier.",
    "open-source": "Open-sourcemodel.",
    "fine-tuned": "Bestaand model, door ons verder getraind.",
}
ASSESSMENT_NL = {"dpia": "DPIA", "fria": "FRIA", "iama": "IAMA", "aisia": "AISIA"}
STATUS_NL = {
    "not-started": "niet gestart", "in-progress": "in uitvoering", "completed": "afgerond",
    "not-required": "niet vereist",
}  # fmt: skip


def export_publicatiestandaard(
    repo: Repository, system_ids: Sequence[str] = (), register_base: str | None = None
) -> Export:
    """A Publicatiestandaard record for each AI system, or the named ones. A system lacking a
    mandatory fact is left out and named in ``skipped``; an empty theme is a warning."""
    records: list[dict[str, Any]] = []
    warnings: list[str] = []
    skipped: list[str] = []
    for system in chosen_systems(repo, system_ids):
        record = standard_record(repo, system, register_base)
        if not record.get("theme"):
            warnings.append(
                f"{system.id}: theme is empty; choose from the OWMS theme list before publishing"
            )
        if lacking := missing(record):
            skipped.append(f"{system.id}: not exported, it lacks {', '.join(lacking)}")
            continue
        records.append(limited(record, system.id, warnings, LIMITS))
    return Export(records, warnings, skipped)


def standard_record(
    repo: Repository, system: AiSystem, register_base: str | None
) -> dict[str, Any]:
    """The Publicatiestandaard record of ``system``; mandatory fields without a fact are left
    out, so the caller can name them."""
    organisation = repo.config.organisation
    record: dict[str, Any] = {
        "name": system.name,
        "description_short": system.description or system.purpose,
        "organization": organisation.name,
        "theme": [],
        "status": STATUS[system.lifecycle],
        "start_date": system.in_use_since.strftime("%Y-%m") if system.in_use_since else None,
        "contact": organisation.privacy_contact
        or (organisation.dpo.email if organisation.dpo else None),
        "publication_category": CATEGORY[publication_category(repo, system)],
        "purpose_and_impact": _purpose_and_impact(system),
        "considerations": _considerations(system),
        "human_intervention": system.human_oversight.description
        if system.human_oversight
        else None,
        "risk_management": _risk_management(repo, system.id),
        "legal_basis": _joined(lawful_bases(repo, system)),
        "impact_assessments": _assessments(system.impact_assessments),
        "data": _joined(system.data_sources),
        "technical_operation": _technical(system),
        "supplier": provider(repo, system),
        "language": "nld",
        "schema": SCHEMA_VERSION,
        "source_id": system.id,
    }
    record.update(_links(repo, system, register_base))
    return {key: _clean(value) for key, value in record.items() if value not in (None, "")}


def missing(record: dict[str, Any]) -> list[str]:
    """The mandatory fields ``record`` lacks."""
    return [key for key in MANDATORY if key not in record]


def _purpose_and_impact(system: AiSystem) -> str:
    parts = [system.purpose]
    if system.affected_persons:
        parts.append(f"Betrokkenen: {', '.join(system.affected_persons)}.")
    return " ".join(parts)


def _considerations(system: AiSystem) -> str:
    classification = system.classification
    risk_class = RISK_CLASS_NL[classification.risk_class]
    parts = [f"AI-verordening: {risk_class}. {classification.reasoning}"]
    parts += [a.consequences for a in system.impact_assessments if a.consequences]
    return " ".join(parts)


def _risk_management(repo: Repository, system_id: str) -> str:
    risks = {r.title: r for _, r in repo.records(Risk) if system_id in r.affects}
    lines = [
        f"{title}: {risks[title].treatment_plan}" if risks[title].treatment_plan else title
        for title in risk_titles(repo, system_id)
    ]
    return _joined(lines) or "Geen risico's vastgelegd."


def _assessments(assessments: Sequence[ImpactAssessment]) -> str:
    done = [
        f"{ASSESSMENT_NL[a.type]} ({STATUS_NL[a.status]})"
        for a in assessments
        if a.status != "not-started"
    ]
    return _joined(done) or "Geen"


def _technical(system: AiSystem) -> str | None:
    parts = [SOURCE_NL[system.model_source]] if system.model_source else []
    parts += [text for text in (system.description, system.accuracy_and_robustness) if text]
    return " ".join(parts) or None


def _links(repo: Repository, system: AiSystem, register_base: str | None) -> dict[str, str]:
    links: dict[str, str] = {}
    documents = [a.document for a in system.impact_assessments if a.document]
    https = [d for d in documents if d[:8].lower() == "https://"]  # a scheme is case-insensitive
    if https:
        links["impact_assessment_link"] = https[0]
    activities = linked_activities(repo, system)
    if register_base and activities:
        links["processing_register_link"] = register_link(register_base, activities[0].id)
    return links


def register_link(base: str, record_id: str) -> str:
    """The entry of a processing activity in the published register at ``base``."""
    return f"{base.rstrip('/')}/{record_id}"


def _joined(items: Sequence[str]) -> str:
    return "; ".join(one_line(item) for item in items)


def _clean(value: Any) -> Any:
    return one_line(value) if isinstance(value, str) else value

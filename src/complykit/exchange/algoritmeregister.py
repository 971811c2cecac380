"""AI systems as records of the Dutch Algoritmeregister publication standard 1.0.

The machine keys and length limits are those of the register's backend schema
(MinBZK/Algoritmeregister, ``backend/app/schemas/config/v1_0.json``). Which complykit field fills
which key is complykit's own reading of the standard; docs/guides/import-export.md explains
each choice. Publishing is government policy, not a statutory duty.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.core.frozen import field, frozen
from complykit.model.ai_system import AiSystem, ImpactAssessment
from complykit.model.dpia import Dpia
from complykit.model.enums import LegalBasis
from complykit.model.processing import ProcessingActivity, Purpose
from complykit.model.risk import Risk
from complykit.model.supplier import Supplier
from complykit.workspace.repository import Repository

STANDARD_VERSION = "1.0"
LANGUAGE = "nld"
HIGH_RISK = "Hoog-risico AI-systeem"
IMPACTFUL = "Impactvolle algoritmes"
OTHER = "Overige algoritmes"
ELLIPSIS = "\u2026"
WORD_MARGIN = 30  # a cut moves back to the last space within this many characters
# The length limits of the v1_0 schema; description_short follows the document's 350.
LIMITS = {
    "name": 100,
    "description_short": 350,
    "organization": 100,
    "contact_email": 500,
    "goal": 2500,
    "human_intervention": 2500,
    "risks": 2500,
    "lawful_basis": 2500,
    "source_data": 2500,
    "provider": 200,
    "source_id": 100,
}
STATUS = {
    "idea": "In ontwikkeling",
    "design": "In ontwikkeling",
    "development": "In ontwikkeling",
    "validation": "In ontwikkeling",
    "deployment": "In gebruik",
    "operation": "In gebruik",
    "retired": "Buiten gebruik",
}
BASIS_NL = {
    LegalBasis.CONSENT: "toestemming",
    LegalBasis.CONTRACT: "uitvoering van een overeenkomst",
    LegalBasis.LEGAL_OBLIGATION: "wettelijke verplichting",
    LegalBasis.VITAL_INTERESTS: "vitale belangen",
    LegalBasis.PUBLIC_TASK: "taak van algemeen belang of openbaar gezag",
    LegalBasis.LEGITIMATE_INTERESTS: "gerechtvaardigd belang",
}
ASSESSMENT_NL = {
    "dpia": "DPIA (gegevensbeschermingseffectbeoordeling)",
    "fria": "FRIA (beoordeling van de gevolgen voor grondrechten, AI-verordening art. 27)",
    "iama": "IAMA (Impact Assessment Mensenrechten en Algoritmes)",
    "aisia": "AI-systeemimpactbeoordeling (ISO/IEC 42001)",
}
ASSESSMENT_STATUS_NL = {
    "in-progress": "in uitvoering",
    "completed": "afgerond",
    "not-required": "overwogen, niet vereist",
}


@frozen
class Export:
    """The publication records, in the order of the systems, a warning per cut field, and the
    systems left out because the standard's mandatory facts are missing."""

    records: list[dict[str, Any]]
    warnings: list[str]
    skipped: list[str] = field(default_factory=list)


def export_algoritmeregister(
    repo: Repository, system_ids: Sequence[str] = (), register_base: str | None = None
) -> Export:
    """A record in the register's backend vocabulary for each AI system, or the named ones.

    Raises ComplykitError when a named system is not a valid AI system of the workspace.
    """
    warnings: list[str] = []
    records = [
        limited(_record(repo, system, register_base), system.id, warnings, LIMITS)
        for system in chosen_systems(repo, system_ids)
    ]
    return Export(records, warnings)


def chosen_systems(repo: Repository, wanted: Sequence[str]) -> list[AiSystem]:
    """The named AI systems, or all; raises ComplykitError for an unknown one."""
    systems = {record.id: record for _, record in repo.records(AiSystem)}
    unknown = [i for i in dict.fromkeys(wanted) if i not in systems]
    if unknown:
        invalid = [i for i in unknown if i in repo.invalid_ids]
        hint = "Run `complykit validate` to see what to fix." if invalid else None
        known = ", ".join(systems) or "none"
        raise ComplykitError(
            f"no valid AI system '{unknown[0]}' in the workspace (AI systems: {known})", hint
        )
    return [systems[i] for i in dict.fromkeys(wanted)] if wanted else list(systems.values())


def _record(repo: Repository, system: AiSystem, register_base: str | None) -> dict[str, Any]:
    organisation = repo.config.organisation
    oversight = system.human_oversight
    activities = linked_activities(repo, system)
    record = {
        "name": system.name,
        "description_short": system.description or system.purpose,
        "organization": organisation.name,
        "status": STATUS[system.lifecycle],
        "begin_date": system.in_use_since.strftime("%Y-%m") if system.in_use_since else None,
        "contact_email": organisation.privacy_contact
        or (organisation.dpo.email if organisation.dpo else None),
        "publication_category": publication_category(repo, system),
        "goal": system.purpose,
        "human_intervention": oversight.description if oversight else None,
        "risks": _lines(risk_titles(repo, system.id)),
        "lawful_basis": _lines(lawful_bases(repo, system)),
        "impacttoetsen_grouping": _assessments(repo, system.impact_assessments),
        "source_data": _lines(system.data_sources),
        "provider": provider(repo, system),
        "lang": LANGUAGE,
        "standard_version": STANDARD_VERSION,
        "source_id": system.id,
    }
    if register_base and activities:
        record["process_index_url"] = f"{register_base.rstrip('/')}/{activities[0].id}"
    return {key: one_line(v) if isinstance(v, str) else v for key, v in record.items()}


def publication_category(repo: Repository, system: AiSystem) -> str:
    """High-risk for AI Act high-risk systems; impactful when the recorded facts show effects
    on people; other algorithms otherwise.

    Impactful means: a prohibited practice is classified or suspected, a linked processing
    activity makes solely automated decisions (GDPR Art. 22), the system recognises emotions or
    categorises people by biometrics, or an IAMA or FRIA was done for it.
    """
    classification = system.classification
    if classification.risk_class == "high-risk":
        return HIGH_RISK
    transparency = classification.transparency
    impactful = (
        classification.risk_class == "prohibited"
        or classification.suspected_art5_practice is not None
        or transparency.emotion_recognition
        or transparency.biometric_categorisation
        or any(a.type in {"iama", "fria"} for a in system.impact_assessments)
        or any(
            activity.automated_decisions is not None and activity.automated_decisions.used
            for activity in linked_activities(repo, system)
        )
    )
    return IMPACTFUL if impactful else OTHER


def linked_activities(repo: Repository, system: AiSystem) -> list[ProcessingActivity]:
    """The processing activities the system names, or that name the system, in file order."""
    linked = set(system.processing_activities)
    return [
        record
        for _, record in repo.records(ProcessingActivity)
        if record.id in linked or system.id in record.ai_systems
    ]


def risk_titles(repo: Repository, system_id: str) -> list[str]:
    risks = [record for _, record in repo.records(Risk) if system_id in record.affects]
    return [risk.title for risk in sorted(risks, key=lambda r: r.id)]


def lawful_bases(repo: Repository, system: AiSystem) -> list[str]:
    """Per linked activity, its name and the legal bases of its purposes, in Dutch."""
    return [
        f"{activity.name}: {', '.join(dict.fromkeys(_basis(p) for p in activity.purposes))}"
        for activity in linked_activities(repo, system)
        if activity.purposes
    ]


def _basis(purpose: Purpose) -> str:
    if purpose.legal_basis is None:
        return "grondslag niet vermeld"
    basis = LegalBasis(purpose.legal_basis)
    point = "abcdef"[list(LegalBasis).index(basis)]
    provision = f", {purpose.legal_provision}" if purpose.legal_provision else ""
    return f"{BASIS_NL[basis]} (art. 6 lid 1 sub {point} AVG{provision})"


def _assessments(
    repo: Repository, assessments: Sequence[ImpactAssessment]
) -> list[dict[str, str | None]]:
    grouping: list[dict[str, str | None]] = []
    for assessment in assessments:
        if assessment.status == "not-started":
            continue
        entry = repo.by_id.get(assessment.dpia) if assessment.dpia else None
        title = entry.record.title if entry and isinstance(entry.record, Dpia) else None
        label = ASSESSMENT_NL[assessment.type]
        status = ASSESSMENT_STATUS_NL[assessment.status]
        link = assessment.document if _is_url(assessment.document) else None
        full = f"{label}: {title}" if title else label
        grouping.append({"title": f"{full} ({status})", "link": link})
    return grouping


def provider(repo: Repository, system: AiSystem) -> str | None:
    """The organisation itself for an in-house model (a vendor there only hosts it); else the
    vendor's name."""
    if system.model_source == "in-house":
        return repo.config.organisation.name
    entry = repo.by_id.get(system.vendor) if system.vendor else None
    return entry.record.name if entry and isinstance(entry.record, Supplier) else None


def _is_url(value: str | None) -> bool:
    return value is not None and value[:8].lower() == "https://"  # a scheme is case-insensitive


def _lines(items: Sequence[str]) -> str | None:
    # The register renders its texts as HTML, where a raw line break is lost or breaks markup.
    return "; ".join(one_line(item) for item in items) if items else None


def one_line(text: str) -> str:
    """``text`` with every run of white space, line breaks included, as one space."""
    return " ".join(text.split())


def _cut(text: str, limit: int) -> str:
    """``text`` shortened to ``limit`` characters with an ellipsis, at a space where one is near."""
    cut = text[: limit - 1]
    space = cut.rfind(" ", limit - 1 - WORD_MARGIN)
    return (cut[:space] if space > 0 else cut).rstrip() + ELLIPSIS


def limited(
    record: dict[str, Any], record_id: str, warnings: list[str], limits: dict[str, int]
) -> dict[str, Any]:
    """``record`` with each text cut to the register's limit, and a warning per cut."""
    for key, limit in limits.items():
        value = record.get(key)
        if isinstance(value, str) and len(value) > limit:
            record[key] = _cut(value, limit)
            warnings.append(
                f"{record_id}: {key} has {len(value)} characters; cut to the "
                f"Algoritmeregister limit of {limit}"
            )
    return record

"""Data protection impact assessments (GDPR Art. 35): one document per DPIA, with the screening
that made it necessary (WP248 criteria and the Dutch AP list), the four parts of Art. 35(7),
a risk map, the DPO's advice (35(2)), the data subjects' views (35(9)) and Art. 36."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.core.errors import ComplykitError
from complykit.facts.dpia_screening import DecisionsOnScore, art35_3_a
from complykit.model.control import Control
from complykit.model.dpia import DataSubjectViews, Dpia, DpoAdvice, PriorConsultation
from complykit.model.processing import ProcessingActivity
from complykit.model.risk import Risk
from complykit.model.screening import DpiaScreening
from complykit.reports.header import Header, header
from complykit.reports.heatmap import HeatMap, heat_map
from complykit.reports.names import person_name, record_label, sort_key
from complykit.reports.request import Request
from complykit.reports.risks import ScoreCell, score_cell
from complykit.workspace.repository import Repository

_FLAGS = (
    "evaluation_or_scoring",
    "automated_decision_legal_effect",
    "systematic_monitoring",
    "matching_or_combining",
    "innovative_technology",
    "prevents_exercising_rights",
)


class Screening(TypedDict):
    activity: str
    criteria: list[str]
    """WP248 criterion keys (vocabulary ``wp248``) the activity meets."""
    vulnerable: list[str]
    public_area: bool
    """The monitoring is of a publicly accessible area: on a large scale, Art. 35(3)(c)."""
    ap_items: list[str]
    conclusion: str
    rationale: str | None
    screened_on: date | None
    decisions_on_score: DecisionsOnScore | None
    """Why decisions with legal or similarly significant effects rest on the evaluation,
    whoever takes them (Art. 35(3)(a)), as DPIA003 and DPIA004 read it (``art35_3_a``):
    ``stated`` by the screening, or how complykit inferred it (vocabulary
    ``decisions-inferred``), which the report shows as holding only for a systematic,
    extensive and automated evaluation; None without an evaluation or when the screening
    states ``decisions_with_significant_effect: false`` or
    ``systematic_extensive_automated: false``."""
    art35_3_a: str | None
    """How far Art. 35(3)(a) reaches (vocabulary ``art35-3-a``): ``applies`` when the screening
    states both halves of the point, ``applies-if-systematic`` when it states the decisions but not
    that the evaluation is systematic, extensive and automated, ``may-apply`` and
    ``may-apply-if-systematic`` when complykit infers the decisions; None when it does not
    reach the evaluation."""
    art35_10: tuple[str, str] | None
    """The law and its general impact assessment that exempt the activity (Art. 35(10))."""


class DpiaRisk(TypedDict):
    id: str
    title: str
    inherent: ScoreCell
    residual: ScoreCell | None


class Measure(TypedDict):
    id: str
    title: str
    status: str | None


class FearedRow(TypedDict):
    """A risk scored per feared event, as the CNIL PIA method does."""

    event: str
    impacts: str | None
    threats: str | None
    sources: str | None
    measures: str | None
    severity: str
    likelihood: str
    upper_right: bool


class Document(TypedDict):
    id: str
    title: str
    status: str
    activities: list[str]
    ai_systems: list[str]
    screenings: list[Screening]
    description: str | None
    necessity: str | None
    risks: list[DpiaRisk]
    feared_events: list[FearedRow]
    inherent_map: HeatMap
    residual_map: HeatMap
    measures: list[Measure]
    measures_description: str | None
    residual_risk: str | None
    dpo_advice: DpoAdvice | None
    views: DataSubjectViews | None
    prior_consultation: PriorConsultation | None
    assessors: list[str]
    approved_by: str | None
    approved_on: date | None
    document: str | None
    owner: str | None
    next_review: date | None


class DpiaContext(TypedDict):
    header: Header
    documents: list[Document]


def build(repo: Repository, request: Request) -> DpiaContext:
    records = [r for _, r in repo.records(Dpia)]
    if request.record_id is not None:  # a pack asks for each of hundreds: filter before sorting
        records = [r for r in records if r.id == request.record_id]
        if not records:
            raise ComplykitError(
                f"no DPIA with id '{request.record_id}'",
                hint="Leave out --id for every DPIA, or use one of the ids in dpia records.",
            )
    records.sort(key=lambda r: sort_key(r.title, r.id))
    return DpiaContext(
        header=header(repo, request), documents=[_document(repo, r) for r in records]
    )


def _document(repo: Repository, record: Dpia) -> Document:
    risks = [_risk(repo, risk_id) for risk_id in record.risks]
    known = [r for r in risks if r is not None]
    residual = [(r["id"], *_pair(r["residual"] or r["inherent"])) for r in known]
    return Document(
        id=record.id,
        title=record.title,
        status=record.status,
        activities=[record_label(repo, a) for a in record.processing_activities],
        ai_systems=[record_label(repo, a) for a in record.ai_systems],
        screenings=_screenings(repo, record),
        description=record.description,
        necessity=record.necessity_and_proportionality,
        risks=known,
        feared_events=[
            FearedRow(
                event=f.event,
                impacts=f.impacts,
                threats=f.threats,
                sources=f.sources,
                measures=f.measures,
                # Levels as strings: the label filter names them on the CNIL scale.
                severity=str(f.severity),
                likelihood=str(f.likelihood),
                upper_right=f.upper_right,
            )
            for f in record.feared_events
        ],
        inherent_map=heat_map(repo, [(r["id"], *_pair(r["inherent"])) for r in known]),
        residual_map=heat_map(repo, residual),
        measures=[_measure(repo, m) for m in record.measures],
        measures_description=record.measures_description,
        residual_risk=record.residual_risk,
        dpo_advice=record.dpo_advice,
        views=record.data_subject_views,
        prior_consultation=record.prior_consultation,
        assessors=[person_name(repo, p) or p for p in record.assessors],
        approved_by=person_name(repo, record.approved_by),
        approved_on=record.approved_on,
        document=record.document,
        owner=person_name(repo, record.owner),
        next_review=record.next_review,
    )


def _pair(cell: ScoreCell) -> tuple[int, int]:
    return cell["likelihood"], cell["impact"]


def _risk(repo: Repository, risk_id: str) -> DpiaRisk | None:
    entry = repo.by_id.get(risk_id)
    if entry is None or not isinstance(entry.record, Risk):
        return None
    risk = entry.record
    return DpiaRisk(
        id=risk.id,
        title=risk.title,
        inherent=score_cell(repo, risk.inherent),
        residual=score_cell(repo, risk.residual) if risk.residual else None,
    )


def _measure(repo: Repository, control_id: str) -> Measure:
    entry = repo.by_id.get(control_id)
    status = entry.record.status if entry and isinstance(entry.record, Control) else None
    return Measure(id=control_id, title=record_label(repo, control_id), status=status)


def _screenings(repo: Repository, record: Dpia) -> list[Screening]:
    found: list[Screening] = []
    for activity_id in record.processing_activities:
        entry = repo.by_id.get(activity_id)
        if entry is None or not isinstance(entry.record, ProcessingActivity):
            continue
        screening = entry.record.dpia_screening
        if screening is not None:
            found.append(_screening(entry.record, screening))
    return found


def _screening(activity: ProcessingActivity, screening: DpiaScreening) -> Screening:
    criteria = [flag for flag in _FLAGS if getattr(screening, flag)]
    sensitive = screening.highly_personal_data or any(
        d.special_category or d.criminal_offence_data for d in activity.personal_data
    )
    if sensitive:
        criteria.append("sensitive_data")
    if screening.scale is not None and screening.scale.large_scale:
        criteria.append("large_scale")
    if screening.vulnerable_data_subjects:
        criteria.append("vulnerable_data_subjects")
    order = list(_WP248_ORDER)
    return Screening(
        activity=activity.name,
        criteria=sorted(criteria, key=order.index),
        vulnerable=list(screening.vulnerable_data_subjects),
        public_area=screening.publicly_accessible_area,
        ap_items=[str(item) for item in sorted(screening.ap_list_items)],
        conclusion=screening.conclusion,
        rationale=screening.rationale,
        screened_on=screening.screened_on,
        decisions_on_score=(reading := art35_3_a(activity, screening)),
        art35_3_a=_reach(reading, screening.systematic_extensive_automated),
        art35_10=(basis.law, basis.impact_assessment)
        if (basis := screening.art35_10_basis)
        else None,
    )


def _reach(reading: DecisionsOnScore | None, systematic: bool | None) -> str | None:
    """The ``art35-3-a`` key for decisions read as ``reading`` and a systematic, extensive,
    automated evaluation stated as ``systematic`` (None: not stated)."""
    if reading is None:
        return None
    reach = "applies" if reading == "stated" else "may-apply"
    return reach if systematic else f"{reach}-if-systematic"


_WP248_ORDER = (
    "evaluation_or_scoring",
    "automated_decision_legal_effect",
    "systematic_monitoring",
    "sensitive_data",
    "large_scale",
    "matching_or_combining",
    "vulnerable_data_subjects",
    "innovative_technology",
    "prevents_exercising_rights",
)

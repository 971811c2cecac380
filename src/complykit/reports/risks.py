"""The risk register: scores on the configured scales, highest residual risk first."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.model.config import ScaleLevel
from complykit.model.control import Control
from complykit.model.duration import Duration
from complykit.model.risk import Acceptance, Risk, Score
from complykit.model.soa import StatementOfApplicability
from complykit.reports.header import Header, header
from complykit.reports.heatmap import HeatMap, heat_map
from complykit.reports.names import person_name, record_label
from complykit.reports.request import Request
from complykit.workspace.repository import Repository


class ScoreCell(TypedDict):
    likelihood: int
    likelihood_label: str
    impact: int
    impact_label: str
    score: int


class AcceptanceRow(TypedDict):
    by: str
    on: date
    until: date
    rationale: str
    within_appetite: bool


class ActionRow(TypedDict):
    action: str
    owner: str
    due: date
    status: str
    done_on: date | None


class Level(TypedDict):
    value: int
    label: str
    description: str | None


class ControlRow(TypedDict):
    framework: str
    control: str
    status: str | None
    """The control's status in the framework's Statement of Applicability, ``missing`` when
    that statement has no line for it, None when the framework has no statement (e.g. a law)."""


class MeasureRow(TypedDict):
    id: str
    title: str
    status: str | None


class RiskRow(TypedDict):
    id: str
    title: str
    description: str | None
    category: str
    inherent: ScoreCell
    residual: ScoreCell | None
    above_appetite: bool
    treatment: str
    treatment_plan: str | None
    controls: list[ControlRow]
    measures: list[MeasureRow]
    acceptance: AcceptanceRow | None
    identified: date | None
    last_assessed: date | None
    assessment_interval: Duration | None
    """The risk's own interval, else the workspace's (ISO/IEC 27001 8.2)."""
    actions: list[ActionRow]
    source: str | None
    owner: str | None
    next_review: date | None


class RisksContext(TypedDict):
    header: Header
    appetite: int
    likelihood: list[Level]
    impact: list[Level]
    risks: list[RiskRow]
    inherent_map: HeatMap
    residual_map: HeatMap


def build(repo: Repository, request: Request) -> RisksContext:
    method = repo.config.risk_method
    statuses = soa_statuses(repo)
    rows = [_row(repo, record, statuses) for _, record in repo.records(Risk)]
    rows.sort(key=lambda r: (-_current(r)["score"], -r["inherent"]["score"], r["id"]))
    inherent = [(r["id"], r["inherent"]["likelihood"], r["inherent"]["impact"]) for r in rows]
    residual = [(r["id"], _current(r)["likelihood"], _current(r)["impact"]) for r in rows]
    return RisksContext(
        header=header(repo, request),
        appetite=method.appetite,
        likelihood=_levels(method.likelihood),
        impact=_levels(method.impact),
        risks=rows,
        inherent_map=heat_map(repo, inherent),
        residual_map=heat_map(repo, residual),
    )


def soa_statuses(repo: Repository) -> dict[tuple[str, str], str]:
    """(framework, control) -> the status its Statement of Applicability gives it; (framework,
    "") marks a framework that has a statement."""
    found: dict[tuple[str, str], str] = {}
    for _, statement in repo.records(StatementOfApplicability):
        found[(statement.framework, "")] = "missing"
        for entry in statement.entries:
            found[(statement.framework, entry.control)] = entry.status.value
    return found


def _status(statuses: dict[tuple[str, str], str], framework: str, control: str) -> str | None:
    return statuses.get((framework, control), statuses.get((framework, "")))


def _current(row: RiskRow) -> ScoreCell:
    """The residual score, or the inherent one while the risk has no residual score yet."""
    return row["residual"] or row["inherent"]


def _levels(levels: list[ScaleLevel]) -> list[Level]:
    ordered = sorted(levels, key=lambda level: level.value)
    return [Level(value=v.value, label=v.label, description=v.description) for v in ordered]


def _row(repo: Repository, record: Risk, statuses: dict[tuple[str, str], str]) -> RiskRow:
    residual = score_cell(repo, record.residual) if record.residual else None
    inherent = score_cell(repo, record.inherent)
    current = residual or inherent
    return RiskRow(
        id=record.id,
        title=record.title,
        description=record.description,
        category=record.category,
        inherent=inherent,
        residual=residual,
        above_appetite=current["score"] > repo.config.risk_method.appetite,
        treatment=record.treatment,
        treatment_plan=_text(record.treatment_plan),
        controls=[
            ControlRow(
                framework=framework, control=control, status=statuses.get((framework, control))
            )
            for framework, controls in sorted(record.controls.items())
            for control in controls
        ],
        measures=[_measure(repo, measure) for measure in record.measures],
        acceptance=_acceptance(repo, record.acceptance),
        identified=record.identified,
        last_assessed=record.last_assessed,
        assessment_interval=record.assessment_interval
        or repo.config.risk_method.assessment_interval,
        actions=[
            ActionRow(
                action=a.action,
                owner=person_name(repo, a.owner) or a.owner,
                due=a.due,
                status=a.status,
                done_on=a.done_on,
            )
            for a in record.actions
        ],
        source=record.source,
        owner=person_name(repo, record.owner),
        next_review=record.next_review,
    )


def score_cell(repo: Repository, score: Score) -> ScoreCell:
    method = repo.config.risk_method
    return ScoreCell(
        likelihood=score.likelihood,
        likelihood_label=_label(method.likelihood, score.likelihood),
        impact=score.impact,
        impact_label=_label(method.impact, score.impact),
        score=score.value,
    )


def _label(levels: list[ScaleLevel], value: int) -> str:
    return next((level.label for level in levels if level.value == value), str(value))


def _acceptance(repo: Repository, acceptance: Acceptance | None) -> AcceptanceRow | None:
    if acceptance is None:
        return None
    return AcceptanceRow(
        by=person_name(repo, acceptance.by) or acceptance.by,
        on=acceptance.on,
        until=acceptance.until,
        rationale=acceptance.rationale,
        within_appetite=acceptance.within_appetite,
    )


def _measure(repo: Repository, control_id: str) -> MeasureRow:
    entry = repo.by_id.get(control_id)
    status = entry.record.status if entry and isinstance(entry.record, Control) else None
    return MeasureRow(id=control_id, title=record_label(repo, control_id), status=status)


def _text(value: object) -> str | None:
    # A treatment plan is prose today; a structured plan (owner, due date, status) shows as
    # its fields until the templates lay it out.
    if value is None or isinstance(value, str):
        return value
    fields: dict[str, object] = getattr(value, "model_dump", dict)()
    return "; ".join(f"{k}: {v}" for k, v in fields.items() if v is not None) or None

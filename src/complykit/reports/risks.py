"""The risk register: scores on the configured scales, highest residual risk first."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from complykit.config import ScaleLevel
from complykit.model.risk import Acceptance, Risk, Score
from complykit.reports.header import Header, header
from complykit.reports.names import person_name
from complykit.reports.request import Request
from complykit.repository import Repository


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


class Level(TypedDict):
    value: int
    label: str
    description: str | None


class RiskRow(TypedDict):
    id: str
    title: str
    category: str
    inherent: ScoreCell
    residual: ScoreCell | None
    above_appetite: bool
    treatment: str
    treatment_plan: str | None
    acceptance: AcceptanceRow | None
    owner: str | None
    next_review: date | None


class RisksContext(TypedDict):
    header: Header
    appetite: int
    likelihood: list[Level]
    impact: list[Level]
    risks: list[RiskRow]


def build(repo: Repository, request: Request) -> RisksContext:
    method = repo.config.risk_method
    rows = [_row(repo, record) for _, record in repo.records(Risk)]
    rows.sort(key=lambda r: (-_current(r)["score"], -r["inherent"]["score"], r["id"]))
    return RisksContext(
        header=header(repo, request),
        appetite=method.appetite,
        likelihood=_levels(method.likelihood),
        impact=_levels(method.impact),
        risks=rows,
    )


def _current(row: RiskRow) -> ScoreCell:
    """The residual score, or the inherent one while the risk has no residual score yet."""
    return row["residual"] or row["inherent"]


def _levels(levels: list[ScaleLevel]) -> list[Level]:
    ordered = sorted(levels, key=lambda level: level.value)
    return [Level(value=v.value, label=v.label, description=v.description) for v in ordered]


def _row(repo: Repository, record: Risk) -> RiskRow:
    residual = score_cell(repo, record.residual) if record.residual else None
    inherent = score_cell(repo, record.inherent)
    current = residual or inherent
    return RiskRow(
        id=record.id,
        title=record.title,
        category=record.category,
        inherent=inherent,
        residual=residual,
        above_appetite=current["score"] > repo.config.risk_method.appetite,
        treatment=record.treatment,
        treatment_plan=record.treatment_plan,
        acceptance=_acceptance(repo, record.acceptance),
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
    )

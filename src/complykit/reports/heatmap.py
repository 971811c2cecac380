"""A risk map on the workspace's own scales: likelihood rows (highest first), impact columns,
and in each cell the risks that sit there. Templates draw it as inline SVG or a table."""

from __future__ import annotations

from typing import TypedDict

from complykit.model.config import ScaleLevel
from complykit.workspace.repository import Repository

CellRisk = tuple[str, int, int]  # (risk id, likelihood, impact)


class Axis(TypedDict):
    value: int
    label: str


class HeatCell(TypedDict):
    likelihood: int
    impact: int
    score: int
    band: str
    """``within`` the appetite, ``above`` it, or ``far`` (at least twice the appetite)."""
    risks: list[str]


class HeatMap(TypedDict):
    likelihood: list[Axis]
    impact: list[Axis]
    rows: list[list[HeatCell]]
    appetite: int
    count: int


def heat_map(repo: Repository, risks: list[CellRisk]) -> HeatMap:
    """The grid of the configured likelihood and impact scales with ``risks`` placed in it."""
    method = repo.config.risk_method
    likelihood = _axis(method.likelihood)
    impact = _axis(method.impact)
    placed: dict[tuple[int, int], list[str]] = {}
    for risk_id, row, column in risks:
        placed.setdefault((row, column), []).append(risk_id)
    rows = [
        [_cell(row["value"], column["value"], method.appetite, placed) for column in impact]
        for row in reversed(likelihood)
    ]
    return HeatMap(
        likelihood=likelihood, impact=impact, rows=rows, appetite=method.appetite, count=len(risks)
    )


def _axis(levels: list[ScaleLevel]) -> list[Axis]:
    return [Axis(value=v.value, label=v.label) for v in sorted(levels, key=lambda v: v.value)]


def _cell(
    likelihood: int, impact: int, appetite: int, placed: dict[tuple[int, int], list[str]]
) -> HeatCell:
    score = likelihood * impact
    band = "within" if score <= appetite else "far" if score >= 2 * appetite else "above"
    return HeatCell(
        likelihood=likelihood,
        impact=impact,
        score=score,
        band=band,
        risks=sorted(placed.get((likelihood, impact), [])),
    )

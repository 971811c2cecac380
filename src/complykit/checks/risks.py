"""SCH: risk scores must lie on the scales the organisation configured."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.repeats import repeats
from complykit.model.risk import Risk
from complykit.workspace.repository import Repository


@check(
    code="SCH006",
    reads=("risk",),
    per_record=True,
    name="score-off-scale",
    severity=Severity.ERROR,
    hint="Use a value from `risk_method` in complykit.yaml.",
)
def score_off_scale(repo: Repository) -> Iterator[Problem]:
    """A likelihood or impact is not a level of the configured risk scale.

    PASS: ``inherent: {likelihood: 3, impact: 4}`` on 1-5 scales.
    FAIL: ``inherent: {likelihood: 7, impact: 4}`` on 1-5 scales.
    """
    method = repo.config.risk_method
    scales = {
        "likelihood": {level.value for level in method.likelihood},
        "impact": {level.value for level in method.impact},
    }
    for entry, risk in repo.records(Risk):
        for stage in ("inherent", "residual"):
            score = getattr(risk, stage)
            for axis, allowed in scales.items():
                value = getattr(score, axis) if score is not None else None
                if value is not None and value not in allowed:
                    yield Problem(
                        entry,
                        (stage, axis),
                        f"{stage} {axis} {value} is not on the scale "
                        f"({', '.join(map(str, sorted(allowed)))})",
                    )


@check(
    code="SCH008",
    reads=(),
    name="duplicate-scale-level",
    severity=Severity.ERROR,
    hint="Give each level of the scale its own value, counting up: 1, 2, 3, 4, 5.",
)
def duplicate_scale_level(repo: Repository) -> Iterator[Problem]:
    """A likelihood or impact scale in complykit.yaml lists the same value twice.

    The scale then misses a level that risks use, and each risk scored on that level is
    reported as off the scale (SCH006) rather than the one line at fault.

    PASS: ``likelihood`` levels 1, 2, 3, 4, 5.
    FAIL: ``likelihood`` levels 1, 1, 3, 4, 5.
    """
    method = repo.config.risk_method
    for axis, levels in (("likelihood", method.likelihood), ("impact", method.impact)):
        for index, level, first in repeats(levels, attrgetter("value"), attrgetter("label")):
            yield Problem(
                None,
                ("risk_method", axis, index, "value"),
                f"{axis} value {level.value} is already the level '{first}'",
            )

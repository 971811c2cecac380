"""DPIA: risks scored per feared event (the CNIL PIA method) cover all three and agree with
the residual risk the DPIA states."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.dpia import Dpia, FearedEvent
from complykit.workspace.repository import Repository

_EVENTS: tuple[str, ...] = get_args(FearedEvent)


@check(
    code="DPIA010",
    reads=("dpia",),
    per_record=True,
    framework="gdpr",
    name="dpia-feared-event-unscored",
    severity=Severity.WARNING,
    citation=("GDPR Art. 35(7)(c)",),
    hint="Score the missing feared events too (severity and likelihood, 1-4), or explain in "
    "`impacts` why the event cannot occur.",
)
def dpia_feared_event_unscored(repo: Repository) -> Iterator[Problem]:
    """A DPIA scores risks per feared event but leaves one of the three out.

    The CNIL method assesses illegitimate access, unwanted modification and disappearance of
    the data; a DPIA that uses it and skips one has not assessed that risk.

    PASS: ``feared_events`` for illegitimate-access, unwanted-modification and disappearance.
    FAIL: ``feared_events`` for illegitimate-access only.
    """
    for entry, dpia in repo.records(Dpia):
        scored = {risk.event for risk in dpia.feared_events}
        missing = [event for event in _EVENTS if event not in scored]
        if scored and missing:
            yield Problem(
                entry,
                ("feared_events",),
                f"the DPIA scores risks per feared event, but not {', '.join(missing)}",
                at_key=True,
            )


@check(
    code="DPIA011",
    reads=("dpia",),
    per_record=True,
    framework="gdpr",
    name="dpia-residual-risk-understated",
    severity=Severity.WARNING,
    citation=("GDPR Art. 36(1)", "GDPR Art. 35(7)(c)"),
    hint="Reduce the risk further and score it again, or set `residual_risk: high` and "
    "consult the supervisory authority (DPIA008).",
)
def dpia_residual_risk_understated(repo: Repository) -> Iterator[Problem]:
    """A feared event stays significant or worse on both scales, yet the DPIA calls the
    residual risk less than high.

    In the CNIL method a risk of significant or maximum severity and likelihood must be
    avoided or reduced; left as it is, the residual risk is high.

    PASS: every feared event below 3 on severity or likelihood, with ``residual_risk: medium``.
    FAIL: ``{event: illegitimate-access, severity: 3, likelihood: 3}`` with ``residual_risk:
    medium``.
    """
    for entry, dpia in repo.records(Dpia):
        high = [(i, r) for i, r in enumerate(dpia.feared_events) if r.upper_right]
        if high and dpia.residual_risk in ("low", "medium"):
            index, risk = high[0]
            yield Problem(
                entry,
                ("feared_events", index, "severity"),
                f"{risk.event} is scored severity {risk.severity} and likelihood "
                f"{risk.likelihood} after the measures, but the DPIA states a "
                f"{dpia.residual_risk} residual risk",
            )

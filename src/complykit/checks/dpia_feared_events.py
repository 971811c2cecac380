"""DPIA: risks scored per feared event (the CNIL PIA method) cover all three and agree with
the residual risk the DPIA states."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.model.dpia import Dpia, FearedEvent, FearedEventRisk
from complykit.workspace.repository import Entry, Repository

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


_FINISHED = ("completed", "approved")


@check(
    code="DPIA011",
    reads=("dpia",),
    per_record=True,
    framework="gdpr",
    name="dpia-residual-risk-understated",
    severity=Severity.WARNING,
    citation=("GDPR Art. 36(1)", "GDPR Art. 35(7)(c)", "GDPR Art. 35(7)(d)"),
    hint="Reduce the risk further and score it again, or set `residual_risk: high` and "
    "consult the supervisory authority (DPIA008).",
)
def dpia_residual_risk_understated(repo: Repository) -> Iterator[Problem]:
    """A feared event stays significant or worse on both scales, yet the DPIA calls the
    residual risk less than high or, once completed or approved, states none.

    In the CNIL method a risk of significant or maximum severity and likelihood must be
    avoided or reduced; left as it is, the residual risk is high. A finished DPIA that leaves
    `residual_risk` out would otherwise escape the prior-consultation check (DPIA008) however
    high its own scores are.

    PASS: every feared event below 3 on severity or likelihood, with ``residual_risk: medium``.
    FAIL: ``{event: illegitimate-access, severity: 3, likelihood: 3}`` with ``residual_risk:
    medium``, or with ``status: approved`` and no ``residual_risk``.
    """
    for entry, dpia in repo.records(Dpia):
        high = [(i, r) for i, r in enumerate(dpia.feared_events) if r.upper_right]
        if high:
            index, risk = high[0]
            yield from _understated(entry, dpia, index, risk)


def _understated(entry: Entry, dpia: Dpia, index: int, risk: FearedEventRisk) -> Iterator[Problem]:
    """The residual risk is called less than high, or a finished DPIA leaves it unstated."""
    where = ("feared_events", index, "severity")
    scored = (
        f"{risk.event} is scored severity {risk.severity} and likelihood {risk.likelihood} "
        "after the measures"
    )
    if dpia.residual_risk in ("low", "medium"):
        yield Problem(
            entry,
            where,
            f"{scored}, but the DPIA states a {dpia.residual_risk} residual risk",
            citation=("GDPR Art. 36(1)", "GDPR Art. 35(7)(c)"),
        )
    elif dpia.residual_risk is None and dpia.status in _FINISHED:
        # The residual risk is what the measures of Art. 35(7)(d) leave; unstated, the DPIA
        # does not show whether Art. 36(1) requires prior consultation.
        yield Problem(
            entry,
            where,
            f"{scored}, but the {dpia.status} DPIA states no residual risk, so it does not "
            "show whether the supervisory authority must be consulted first",
            citation=("GDPR Art. 36(1)", "GDPR Art. 35(7)(d)"),
        )

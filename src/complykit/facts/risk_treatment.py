"""What a risk's treatment leaves: the score it carries, and whether its plan is under way.

ISO/IEC 27001:2022 6.1.3 asks for a treatment plan and for the residual risk to be accepted;
8.3 carries the plan out over time. RSK001, RSK002 and RSK005 hold the score a risk carries
against the appetite, RSK001 and RSK004 wait while the plan is under way, and RSK006 reports
its late actions: they share these facts.
"""

from __future__ import annotations

from datetime import date

from complykit.model.config import RiskMethod
from complykit.model.risk import Risk, Score, TreatmentAction

OPEN = ("planned", "in-progress")


def plan_open(risk: Risk) -> bool:
    """Whether an action of the risk's treatment plan is still planned or in progress."""
    return any(action.status in OPEN for action in risk.actions)


def overdue(action: TreatmentAction, as_of: date) -> bool:
    """Whether the action is still open after its due date."""
    return action.status in OPEN and action.due < as_of


def behind_since(risk: Risk, as_of: date) -> date | None:
    """The earliest due date of an action still open after it, if the plan is behind."""
    return min((a.due for a in risk.actions if overdue(a, as_of)), default=None)


def nothing_carried_yet(risk: Risk, as_of: date) -> bool:
    """Whether no score remains to hold against the appetite on ``as_of``.

    Two cases, both without a residual score: a treatment plan still under way and on
    schedule (8.3 carries the plan out over time, and the residual it leaves is known only
    then), and an avoided risk whose avoidance is done (the activity that gave rise to the
    risk has stopped, so no risk is carried). A plan with an open action past its due date is
    no longer on schedule: the risk is carried as it is.
    """
    if risk.treatment == "accept" or risk.residual is not None:
        return False
    if plan_open(risk):
        return behind_since(risk, as_of) is None
    return risk.treatment == "avoid"


def on_scale(score: Score, method: RiskMethod) -> bool:
    """Whether both levels of ``score`` are levels of the configured scales. A score built on a
    level the scale lacks is SCH006's finding; its product is no number to weigh against the
    appetite, and a second finding on it would only repeat the first."""
    return score.likelihood in {level.value for level in method.likelihood} and (
        score.impact in {level.value for level in method.impact}
    )


def remaining(risk: Risk) -> tuple[Score, str]:
    """The score that remains after treatment, and the field it comes from.

    Accepting a risk does nothing to it: an accepted risk keeps its inherent score, whatever
    residual the record states, so the owner accepts the risk as it is (6.1.3 f)).
    """
    if risk.residual is None or risk.treatment == "accept":
        return risk.inherent, "inherent"
    return risk.residual, "residual"

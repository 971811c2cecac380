"""RSK: residual risk above appetite is accepted by its owner, and acceptances lapse.

ISO/IEC 27001:2022 clause 6.1.3 f) asks that risk owners approve the treatment plan and accept
the residual risk; the appetite in complykit.yaml is the line above which that acceptance must
be on the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.problem import Problem
from complykit.facts.risk_treatment import behind_since, nothing_carried_yet, on_scale, remaining
from complykit.model.risk import Risk
from complykit.workspace.repository import Repository

_ACCEPTANCE = ("ISO/IEC 27001:2022 6.1.3 f)",)


@check(
    code="RSK001",
    reads=("risk",),
    per_record=True,
    name="residual-risk-unaccepted",
    severity=Severity.ERROR,
    citation=_ACCEPTANCE,
    hint="Treat the risk further, or record the owner's `acceptance` (by, on, until, rationale).",
)
def residual_risk_unaccepted(repo: Repository) -> Iterator[Problem]:
    """A risk whose remaining score is above the appetite has no acceptance in force.

    The remaining score is the residual one, except under ``treatment: accept``: accepting
    lowers nothing, so an accepted risk is judged on its inherent score. Without a residual
    score the inherent one remains, but nothing is judged while the treatment plan is under
    way and on schedule (8.3; RSK004 waits for the same plan and RSK006 reports an action
    past its due date, from which day this rule judges the inherent score again), nor once
    a risk is avoided (``treatment: avoid`` with no open action): an avoided risk is not
    carried, so there is nothing to accept. An acceptance is in
    force from its ``on`` day to its ``until`` day: one whose ``until`` has passed accepts
    nothing any more, and one dated after the day judged was not yet given. Above the appetite
    the residual risk is then as unaccepted as without one (6.1.3 f)). A score with a level
    that is not on the configured scale is left to SCH006: its product judges nothing.

    PASS: ``residual: {likelihood: 2, impact: 5}`` (10) above appetite 8, with ``acceptance``;
    ``treatment: avoid`` and no residual; no residual while an action due 2027-03-01 is
    ``in-progress``, as of 2026-11-23.
    FAIL: the same residual score and no ``acceptance``, one whose ``until`` has passed, or one
    dated ``on: 2027-06-01``, as of 2026-11-23; or no residual, inherent 25 and an open action
    due 2026-09-30, as of 2026-11-23.
    """
    method = repo.config.risk_method
    appetite = method.appetite
    for entry, risk in repo.records(Risk):
        score, field = remaining(risk)
        if score.value <= appetite or nothing_carried_yet(risk, repo.as_of):
            continue
        if not on_scale(score, method):
            continue  # SCH006 reports the level; a score built on it judges nothing
        above = f"the {field} score {score.value} is above the appetite of {appetite}"
        if risk.acceptance is None:
            yield Problem(
                entry, (field,), f"{above}, and nobody has accepted it{_behind(risk, repo.as_of)}"
            )
        elif risk.acceptance.on > repo.as_of:
            yield Problem(
                entry,
                ("acceptance", "on"),
                f"{above}, and its acceptance is dated {risk.acceptance.on.isoformat()}, after "
                f"{repo.as_of.isoformat()}: on that day nobody had accepted it",
                hint="If the owner has accepted the risk, correct `on`; if not, treat the risk "
                "further or have the owner accept it.",
            )
        elif _expired(repo, risk):
            yield Problem(
                entry,
                ("acceptance", "until"),
                f"{above}, and its acceptance ran until {risk.acceptance.until.isoformat()}: "
                "the residual risk is no longer accepted",
                hint="Treat the risk further, or have the owner renew the acceptance with a new "
                "`until` (and `on`, `rationale`).",
            )


def _behind(risk: Risk, as_of: date) -> str:
    """Why a risk with an open treatment plan is judged after all: the plan is late."""
    late = behind_since(risk, as_of)
    if risk.residual is not None or late is None:
        return ""
    return (
        f" (its treatment plan is behind: an open action was due on {late.isoformat()}, "
        "so the risk is carried as it is)"
    )


def _expired(repo: Repository, risk: Risk) -> bool:
    return risk.acceptance is not None and risk.acceptance.until < repo.as_of


@check(
    code="RSK002",
    reads=("risk",),
    per_record=True,
    name="risk-acceptance-expired",
    severity=Severity.WARNING,
    citation=_ACCEPTANCE,
    hint="Review the risk: treat it further, or renew the acceptance with a new `until`.",
)
def risk_acceptance_expired(repo: Repository) -> Iterator[Problem]:
    """A risk acceptance within the appetite has passed its ``until`` date.

    Above the appetite an expired acceptance leaves the residual risk unaccepted, which
    RSK001 reports as an error; within it, the lapse calls for a review.

    PASS: ``acceptance: {until: 2027-06-30, ...}``, as of 2026-11-23.
    FAIL: ``acceptance: {until: 2026-06-30, ...}`` and a score within the appetite, as of
    2026-11-23.
    """
    appetite = repo.config.risk_method.appetite
    for entry, risk in repo.records(Risk):
        if risk.acceptance is not None and _expired(repo, risk):
            if remaining(risk)[0].value > appetite:
                continue
            yield Problem(
                entry,
                ("acceptance", "until"),
                f"the acceptance of '{risk.title}' ran until {risk.acceptance.until.isoformat()}",
            )


@check(
    code="RSK008",
    reads=("risk",),
    per_record=True,
    name="risk-accepted-by-non-owner",
    severity=Severity.WARNING,
    citation=_ACCEPTANCE,
    hint="Have the risk owner accept the residual risk and record them in `acceptance.by`. "
    "Top management may endorse an acceptance above the appetite as well: say so in the "
    "rationale. If the person who decides is the one accountable for the risk, make them its "
    "`owner`.",
)
def risk_accepted_by_non_owner(repo: Repository) -> Iterator[Problem]:
    """A risk's acceptance is recorded for someone other than its owner.

    The risk owners accept the residual risks (6.1.3 f)). An escalation to top management
    above the appetite is allowed, but it adds to the owner's acceptance, not replaces it;
    whoever has the authority to decide on a risk should own it.

    PASS: ``owner: ciso`` and ``acceptance: {by: ciso, ...}``.
    FAIL: ``owner: ciso`` and ``acceptance: {by: ceo, ...}``.
    """
    for entry, risk in repo.records(Risk):
        accepted = risk.acceptance
        if accepted is not None and risk.owner is not None and accepted.by != risk.owner:
            yield Problem(
                entry,
                ("acceptance", "by"),
                f"the risk '{risk.title}' was accepted by {accepted.by}, who is not its "
                f"owner ({risk.owner})",
            )

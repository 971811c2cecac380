"""INC: who must hear of a breach: the authority block a controller keeps, and notifications to
other authorities that a law requires."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import (
    Clock,
    breaches,
    deadline_at,
    end_of,
    term_stands,
    undecided,
)
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository


@check(
    code="INC016",
    reads=("incident",),
    per_record=True,
    name="breach-authority-decision-missing",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)", "GDPR Art. 33(5)"),
    hint="Add `breach.authority` with `required` (and `notified_at`, or the `reason` it is not "
    "required).",
)
def breach_authority_decision_missing(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach does not record whether the supervisory authority is notified,
    and the 72 hours of Art. 33(1) have passed.

    The decision is due by the time a notification would be, so while the 72 hours after
    becoming aware run, a breach still being assessed is not yet in breach of the law: INC007
    asks for the decision then, as a warning, and this rule reports it, as an error, from the
    day the 72 hours run out ("now" is the end of the ``--as-of`` day in UTC, as for INC006).
    As processor no authority block is needed: the controller notifies, and we tell the
    controller (INC008).

    PASS: ``our_role: controller`` with ``authority: {required: false, reason: ...}``; or
    ``our_role: processor`` with ``controller_notified_at`` and no ``authority``.
    FAIL: ``our_role: controller``, no ``authority``, and ``aware_at`` more than 72 hours ago.
    """
    for entry, clock in undecided(repo):
        if clock.deadline < end_of(repo):
            yield Problem(entry, ("breach", "our_role"), _undecided(clock, repo.as_of))


def _undecided(clock: Clock, as_of: date) -> str:
    said = (
        "as controller we decide whether to notify the supervisory authority, but the breach "
        "records no `authority` decision"
    )
    hours = f"the 72 hours {clock.since}"
    stands = term_stands(
        hours,
        clock.deadline,
        as_of,
        lead=f"{said}; ",
        passed=f"{said}, and {hours} ended at {deadline_at(clock.deadline)}",
    )
    return f"{stands}{clock.note}"


@check(
    code="INC017",
    reads=("incident",),
    per_record=True,
    name="other-notification-pending",
    severity=Severity.WARNING,
    hint="Make the notification and record `notified_at` and the authority's `reference`.",
)
def other_notification_pending(repo: Repository) -> Iterator[Problem]:
    """A notification a law requires to another authority (police, sector regulator, AI Act
    authority, CSIRT) is not made yet.

    PASS: ``other_notifications: [{authority_type: sector-regulator, to: IGJ, required: true,
    notified_at: ...}]``.
    FAIL: ``other_notifications: [{authority_type: sector-regulator, to: IGJ, required: true}]``.
    """
    for entry, _, breach in breaches(repo):
        for index, notice in enumerate(breach.other_notifications):
            if notice.required and notice.notified_at is None:
                yield Problem(
                    entry,
                    ("breach", "other_notifications", index, "required"),
                    f"the notification to {notice.to} ({notice.authority_type}) is required, "
                    "but not recorded as made",
                )

"""INC: breach notifications to the authority that are overdue or due soon, or owed to the
controller; what the people affected are owed is in ``incident_subjects``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import (
    AUTHORITY,
    PROCESSOR_PROMPT,
    Clock,
    breaches,
    clock_of,
    deadline_at,
    duration,
    end_of,
    ends_during,
    runs_out,
    unnotified,
)
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository


@check(
    code="INC006",
    reads=("incident",),
    per_record=True,
    name="breach-notification-overdue",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)",),
    hint="Notify the authority now and, once the 72 hours have passed, give it the reasons "
    "for the delay; record `notified_at`.",
)
def breach_notification_overdue(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach to be notified is not, and the 72 hours have passed or run out
    on the ``--as-of`` day.

    "Now" is the end of the ``--as-of`` day in UTC, so a deadline later that day is reported
    too (the day may be over before anyone reads the finding), but the message then says when
    the 72 hours run out rather than that they have, as INC022 does for its 7 days.

    PASS: ``required: true`` and ``notified_at`` recorded.
    FAIL: ``required: true``, no ``notified_at``, and ``aware_at`` more than 72 hours ago.
    """
    for entry, clock in unnotified(repo):
        if clock.deadline < end_of(repo):
            yield Problem(entry, (*AUTHORITY, "required"), _overdue(clock, repo.as_of))


def _overdue(clock: Clock, as_of: date) -> str:
    if ends_during(clock.deadline, as_of):
        hours = runs_out(f"the 72 hours {clock.since}", clock.deadline, as_of)
        return (
            f"the authority must be notified within 72 hours and no notification is recorded; "
            f"{hours}: once that time has passed, the notification is late{clock.note}"
        )
    return (
        f"the authority had to be notified by {deadline_at(clock.deadline)} (72 hours "
        f"{clock.since}); no notification is recorded{clock.note}"
    )


@check(
    code="INC007",
    reads=("incident",),
    per_record=True,
    name="breach-notification-due",
    severity=Severity.WARNING,
    citation=("GDPR Art. 33(1)",),
    hint="Notify the authority before the deadline; record `notified_at`.",
)
def breach_notification_due(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach to be notified is not yet, and the 72 hours are still running.

    PASS: ``required: true`` and ``notified_at`` recorded.
    FAIL: ``required: true``, no ``notified_at``, and ``aware_at`` less than 72 hours ago.
    """
    for entry, clock in unnotified(repo):
        if clock.deadline >= end_of(repo):
            yield Problem(
                entry,
                (*AUTHORITY, "required"),
                f"the authority must be notified by {deadline_at(clock.deadline)} "
                f"(72 hours {clock.since})",
            )


@check(
    code="INC008",
    reads=("incident",),
    per_record=True,
    name="breach-controller-not-told",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(2)",),
    hint="Tell the controller without undue delay and record `controller_notified_at`.",
)
def breach_controller_not_told(repo: Repository) -> Iterator[Problem]:
    """As processor, no record shows that the controller was told of the breach.

    PASS: ``our_role: processor`` and ``controller_notified_at`` recorded.
    FAIL: ``our_role: processor`` and no ``controller_notified_at``.
    """
    for entry, _, breach in breaches(repo, "processor"):
        if breach.controller_notified_at is None:
            yield Problem(
                entry,
                ("breach", "our_role"),
                "as processor we must tell the controller of the breach without undue delay, "
                "but no `controller_notified_at` is recorded",
            )


@check(
    code="INC009",
    reads=("incident",),
    per_record=True,
    name="breach-controller-told-slowly",
    severity=Severity.INFO,
    citation=("GDPR Art. 33(2)",),
    hint="Check the notification term in the data processing agreement with the controller.",
)
def breach_controller_told_slowly(repo: Repository) -> Iterator[Problem]:
    """As processor, the controller was told more than 24 hours after we became aware.

    The law says "without undue delay" and sets no hours; 24 hours is a common contract term,
    so this is only information.

    PASS: ``controller_notified_at`` 3 hours after ``aware_at``.
    FAIL: ``controller_notified_at`` 40 hours after ``aware_at``.
    """
    for entry, incident, breach in breaches(repo, "processor"):
        told, clock = breach.controller_notified_at, clock_of(incident)
        if told is not None and told - clock.start > PROCESSOR_PROMPT:
            yield Problem(
                entry,
                ("breach", "controller_notified_at"),
                f"the controller was told {duration(told - clock.start)} {clock.since}, beyond "
                "the 24 hours processing agreements commonly promise (the law says 'without "
                f"undue delay' and sets no hours){clock.note}",
            )

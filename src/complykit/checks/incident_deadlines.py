"""INC: breach notifications to the authority that are overdue or due soon, or owed to the
controller; what the people affected are owed is in ``incident_subjects``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

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
    term_stands,
    undecided,
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
    stands = term_stands(
        f"the 72 hours {clock.since}",
        clock.deadline,
        as_of,
        lead="the authority must be notified within 72 hours and no notification is recorded; ",
        then=": once that time has passed, the notification is late",
        passed=f"the authority had to be notified by {deadline_at(clock.deadline)} (72 hours "
        f"{clock.since}); no notification is recorded",
    )
    return f"{stands}{clock.note}"


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
    """As controller, a breach to be notified is not yet, or records no decision on notifying,
    and the 72 hours are still running.

    A breach without an ``authority`` block is asked about here while the 72 hours run: the
    decision is due by the time a notification would be, so an hours-old breach still being
    assessed is not yet late. Once the 72 hours have passed, INC016 reports it as an error.

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
    for entry, clock in undecided(repo):
        if clock.deadline >= end_of(repo):
            yield Problem(
                entry,
                ("breach", "our_role"),
                f"the breach records no `authority` decision yet; unless it is unlikely to "
                f"result in a risk, the authority must be notified by "
                f"{deadline_at(clock.deadline)} (72 hours {clock.since}){clock.note}",
                hint="Assess the risk and add `breach.authority` with `required` (and "
                "`notified_at`, or the `reason` it is not required).",
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
    """As processor, no record shows that the controller was told of the breach, more than 24
    hours after we became aware of it.

    Art. 33(2) asks for "without undue delay" and sets no hours, so a breach we learnt of an
    hour ago is not yet told late. A rule's severity is fixed, so the first hours cannot be a
    warning as the 72 hours are for a controller (INC007): within the first 24 hours after
    becoming aware (``aware_at``, else ``detected_at``) this rule says nothing, and after them
    it is an error. The 24 hours are complykit's yardstick, the term processing agreements
    commonly promise (as for INC009), not the law's; an agreement that promises less binds
    sooner. "Now" is the end of the ``--as-of`` day in UTC, as for INC006, so 24 hours that run
    out that day are reported, with the time they do.

    PASS: ``our_role: processor`` and ``controller_notified_at`` recorded; or no
    ``controller_notified_at`` and ``aware_at`` 3 hours before the end of the ``--as-of`` day.
    FAIL: ``our_role: processor``, no ``controller_notified_at``, and ``aware_at`` 2 days ago.
    """
    for entry, incident, breach in breaches(repo, "processor"):
        if breach.controller_notified_at is not None:
            continue
        clock = clock_of(incident)
        prompt_end = PROCESSOR_PROMPT.after_moment(clock.start)
        if prompt_end < end_of(repo):
            yield Problem(
                entry,
                ("breach", "our_role"),
                _controller_not_told(clock, prompt_end, repo.as_of),
            )


def _controller_not_told(clock: Clock, prompt_end: datetime, as_of: date) -> str:
    said = (
        "as processor we must tell the controller of the breach without undue delay, but no "
        "`controller_notified_at` is recorded"
    )
    stands = term_stands(
        f"the first 24 hours {clock.since}",
        prompt_end,
        as_of,
        lead=f"{said}; ",
        passed=f"{said} more than 24 hours {clock.since}",
    )
    return f"{stands}{clock.note}"


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
        if told is not None and told > PROCESSOR_PROMPT.after_moment(clock.start):
            yield Problem(
                entry,
                ("breach", "controller_notified_at"),
                f"the controller was told {duration(told - clock.start)} {clock.since}, beyond "
                "the 24 hours processing agreements commonly promise (the law says 'without "
                f"undue delay' and sets no hours){clock.note}",
            )

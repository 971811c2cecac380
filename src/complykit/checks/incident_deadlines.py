"""INC: breach notifications that are overdue, due soon, or owed to the controller or to the
people affected."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import (
    AUTHORITY,
    PROCESSOR_PROMPT,
    breaches,
    clock_of,
    deadline_at,
    duration,
    end_of,
    unnotified,
)
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.workspace.repository import Repository


@check(
    code="INC006",
    reads=("incident",),
    per_record=True,
    name="breach-notification-overdue",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)",),
    hint="Notify the authority now, with the reasons for the delay; record `notified_at`.",
)
def breach_notification_overdue(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach to be notified is not, and 72 hours have passed.

    PASS: ``required: true`` and ``notified_at`` recorded.
    FAIL: ``required: true``, no ``notified_at``, and ``aware_at`` more than 72 hours ago.
    """
    for entry, clock in unnotified(repo):
        if clock.deadline < end_of(repo):
            yield Problem(
                entry,
                (*AUTHORITY, "required"),
                f"the authority had to be notified by {deadline_at(clock.deadline)} (72 hours "
                f"{clock.since}); no notification is recorded{clock.note}",
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
                f"the controller was told {duration(told - clock.start)} {clock.since}{clock.note}",
            )


@check(
    code="INC010",
    reads=("incident",),
    per_record=True,
    name="breach-data-subjects-not-told",
    severity=Severity.ERROR,
    citation=("GDPR Art. 34",),
    hint="Tell the people affected, or name the Art. 34(3) exemption under `data_subjects`.",
)
def breach_data_subjects_not_told(repo: Repository) -> Iterator[Problem]:
    """As controller, a high-risk breach is not to be communicated to the people affected.

    A high risk means telling them, unless an Art. 34(3) exemption applies.

    PASS: ``risk_to_individuals: high-risk`` and ``data_subjects: {required: true, notified_at:
    ...}``, or ``{required: false, exemption: a}``.
    FAIL: ``risk_to_individuals: high-risk`` and no ``data_subjects``, or ``{required: false}``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        people = breach.data_subjects
        if breach.risk_to_individuals != "high-risk":
            continue
        if people is None:
            loc: Loc = ("breach", "risk_to_individuals")
            told = "no communication to them is recorded"
        elif people.required or people.exemption or people.notified_at:
            continue
        else:
            loc = ("breach", "data_subjects", "required")
            told = "the record says they need not be told"
        yield Problem(
            entry,
            loc,
            f"the breach poses a high risk to people, but {told} and no Art. 34(3) exemption "
            "is given",
        )


@check(
    code="INC011",
    reads=("incident",),
    per_record=True,
    name="breach-data-subjects-pending",
    severity=Severity.WARNING,
    citation=("GDPR Art. 34",),
    hint="Tell the people affected without undue delay and record `notified_at`.",
)
def breach_data_subjects_pending(repo: Repository) -> Iterator[Problem]:
    """As controller, people affected by a high-risk breach are to be told and are not yet.

    PASS: ``data_subjects: {required: true, notified_at: 2026-11-20T10:00:00+01:00}``.
    FAIL: ``data_subjects: {required: true}`` and no ``notified_at``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        people = breach.data_subjects
        high = breach.risk_to_individuals == "high-risk"
        if high and people and people.required and not people.exemption and not people.notified_at:
            yield Problem(
                entry,
                ("breach", "data_subjects", "required"),
                "the people affected by this high-risk breach must be told without undue delay; "
                "no communication is recorded yet",
            )

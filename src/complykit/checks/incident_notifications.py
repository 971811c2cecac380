"""INC: who must hear of a breach: the authority block a controller keeps, and notifications to
other authorities that a law requires."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import breaches
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
    """As controller, a breach does not record whether the supervisory authority is notified.

    As processor no authority block is needed: the controller notifies, and we tell the
    controller (INC008).

    PASS: ``our_role: controller`` with ``authority: {required: false, reason: ...}``; or
    ``our_role: processor`` with ``controller_notified_at`` and no ``authority``.
    FAIL: ``our_role: controller`` and no ``authority``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        if breach.authority is None:
            yield Problem(
                entry,
                ("breach", "our_role"),
                "as controller we decide whether to notify the supervisory authority, but the "
                "breach records no `authority` decision",
            )


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

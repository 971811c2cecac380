"""INC: incidents with personal data are documented as breaches, and notified when required.

The Art. 33(1) clock runs 72 hours from the moment we became aware (``aware_at``, or
``detected_at`` when that is missing). "Now" is the end of the ``--as-of`` day in UTC, so a
deadline falling any time on that day counts as passed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.incident_clock import (
    AUTHORITY,
    at,
    breaches,
    clock_of,
    duration,
)
from complykit.facts.problem import Problem
from complykit.model.incident import Incident
from complykit.workspace.repository import Repository


@check(
    code="INC001",
    reads=("incident",),
    per_record=True,
    name="breach-undocumented",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(5)",),
    hint="Add a `breach` block: our role, the risk to people and the notification decisions.",
)
def breach_undocumented(repo: Repository) -> Iterator[Problem]:
    """An incident involves personal data but records no breach details.

    Every personal-data breach is documented, including those not notified.

    PASS: ``personal_data_involved: true`` with a ``breach`` block.
    FAIL: ``personal_data_involved: true`` and no ``breach``.
    """
    for entry, incident in repo.records(Incident):
        if incident.personal_data_involved and incident.breach is None:
            yield Problem(
                entry,
                ("personal_data_involved",),
                "personal data is involved, so this is a personal-data breach, but the breach "
                "is not documented",
            )


@check(
    code="INC018",
    reads=("incident",),
    per_record=True,
    name="breach-without-personal-data",
    severity=Severity.WARNING,
    citation=("GDPR Art. 4(12)",),
    hint="If personal data is affected, set `personal_data_involved: true`; if it is not, "
    "remove the `breach` block and record other notifications (a CSIRT, the police) in "
    "`actions`.",
)
def breach_without_personal_data(repo: Repository) -> Iterator[Problem]:
    """An incident says no personal data is involved, yet documents a personal-data breach.

    Only a breach of security affecting personal data is a personal-data breach (Art. 4(12)),
    so the GDPR breach rules (the 72-hour clock, telling the people affected) are not applied
    to it; one of the two facts is wrong, and the record should not leave the reader to guess.

    PASS: ``personal_data_involved: false`` and no ``breach``.
    FAIL: ``personal_data_involved: false`` with a ``breach`` block.
    """
    for entry, incident in repo.records(Incident):
        if not incident.personal_data_involved and incident.breach is not None:
            yield Problem(
                entry,
                ("personal_data_involved",),
                "the incident involves no personal data, yet documents a personal-data breach; "
                "the GDPR breach rules are not applied to it",
            )


_NOTIFIED = {
    ("breach", "controller_notified_at"): "the controller was told",
    (*AUTHORITY, "notified_at"): "the authority was notified",
    ("breach", "data_subjects", "notified_at"): "the people affected were told",
}
_MOMENTS: dict[tuple[str, ...], str] = {
    ("occurred_at",): "it occurred",
    ("detected_at",): "it was detected",
    ("aware_at",): "you became aware",
    ("contained_at",): "it was contained",
    ("closed_at",): "it was closed",
    ("breach", "restored_at"): "the data was available again",
    **_NOTIFIED,
}
# (earlier, later): the later moment can never come before the earlier one.
_ORDER = (
    (("occurred_at",), ("detected_at",)),
    (("detected_at",), ("aware_at",)),
    (("detected_at",), ("contained_at",)),
    (("detected_at",), ("closed_at",)),
    (("contained_at",), ("closed_at",)),
    # Lost data cannot be back before it was lost; it may be back before detection or
    # awareness (a failover nobody noticed at first), so only the occurrence bounds it.
    (("occurred_at",), ("breach", "restored_at")),
    *((("detected_at",), told) for told in _NOTIFIED),
)


def _moment(incident: Incident, loc: tuple[str, ...]) -> datetime | None:
    value: object = incident
    for part in loc:
        value = getattr(value, part, None)
    return value if isinstance(value, datetime) else None


@check(
    code="INC002",
    reads=("incident",),
    per_record=True,
    name="incident-timeline-impossible",
    severity=Severity.ERROR,
    hint="Correct the times: it occurs, then is detected; awareness, containment, "
    "notifications and closing come after detection, and the data comes back after it "
    "occurs (check the time zones).",
)
def incident_timeline_impossible(repo: Repository) -> Iterator[Problem]:
    """The incident's timestamps are in an impossible order.

    It occurs before it is detected; awareness, containment, closing and every notification
    come no earlier than detection, closing no earlier than containment, and lost data is
    available again (``breach.restored_at``) no earlier than the incident occurred.

    PASS: ``detected_at: 2026-06-04T18:40:00+02:00`` and ``aware_at: 2026-06-04T19:05:00+02:00``.
    FAIL: ``detected_at: 2026-06-04T18:40:00+02:00`` and ``aware_at: 2026-06-04T17:00:00+02:00``.
    """
    for entry, incident in repo.records(Incident):
        for earlier, later in _ORDER:
            first, then = _moment(incident, earlier), _moment(incident, later)
            if first is not None and then is not None and then < first:
                yield Problem(
                    entry,
                    later,
                    f"the record says {_MOMENTS[later]} at {at(then)}, before "
                    f"{_MOMENTS[earlier]} at {at(first)}",
                )


@check(
    code="INC003",
    reads=("incident",),
    per_record=True,
    name="breach-notification-skipped",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)",),
    hint="Notify the supervisory authority. If on reassessment the breach is unlikely to "
    "result in a risk to people, set `risk_to_individuals: none` and explain why in "
    "`risk_reasoning`.",
)
def breach_notification_skipped(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach that poses a risk to people is marked as not to be notified.

    Only a breach unlikely to result in a risk may go unreported to the authority.

    PASS: ``risk_to_individuals: risk`` and ``authority: {required: true, ...}``.
    FAIL: ``risk_to_individuals: risk`` and ``authority: {required: false}``.
    """
    for entry, _, breach in breaches(repo, "controller"):
        authority = breach.authority
        if breach.risk_to_individuals != "none" and authority and not authority.required:
            yield Problem(
                entry,
                (*AUTHORITY, "required"),
                f"the breach poses a {breach.risk_to_individuals.replace('-', ' ')} to people, "
                "so the supervisory authority must be notified, but the record says it need not be",
            )


@check(
    code="INC004",
    reads=("incident",),
    per_record=True,
    name="breach-notification-unneeded",
    severity=Severity.INFO,
    citation=("GDPR Art. 33(1)",),
    hint="Notifying is allowed; check that `risk_to_individuals: none` is what you meant.",
)
def breach_notification_unneeded(repo: Repository) -> Iterator[Problem]:
    """A breach judged to pose no risk is marked as to be notified to the authority.

    PASS: ``risk_to_individuals: none`` and ``authority: {required: false, reason: ...}``.
    FAIL: ``risk_to_individuals: none`` and ``authority: {required: true}``.
    """
    for entry, _, breach in breaches(repo):
        if breach.risk_to_individuals == "none" and breach.authority and breach.authority.required:
            yield Problem(
                entry,
                (*AUTHORITY, "required"),
                "the breach is judged to pose no risk to people, so notifying the authority "
                "is not required, though the record says it is",
            )


@check(
    code="INC005",
    reads=("incident",),
    per_record=True,
    name="breach-notified-late-without-reason",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)",),
    hint="A notification after 72 hours must give the authority the reasons for the delay: "
    "send them if the notification did not, and record them in `authority.reason`.",
)
def breach_notified_late_without_reason(repo: Repository) -> Iterator[Problem]:
    """As controller, the authority was notified after 72 hours and no reason is recorded.

    PASS: notified 30 hours after ``aware_at``, or after 80 hours with ``reason``.
    FAIL: notified 80 hours after ``aware_at`` and no ``reason``.
    """
    for entry, incident, breach in breaches(repo, "controller"):
        authority, clock = breach.authority, clock_of(incident)
        if authority is None:
            continue
        notified = authority.notified_at if authority.required else None
        if notified and notified > clock.deadline and authority.reason is None:
            yield Problem(
                entry,
                (*AUTHORITY, "notified_at"),
                f"the authority was notified {duration(notified - clock.start)} "
                f"{clock.since}, later than 72 hours, and no reason for the delay is recorded"
                f"{clock.note}",
            )

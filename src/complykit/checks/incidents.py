"""INC: incidents with personal data are documented as breaches and notified in time.

The Art. 33(1) clock runs 72 hours from the moment we became aware (``aware_at``, or
``detected_at`` when that is missing). "Now" is the end of the ``--as-of`` day in UTC, so a
deadline falling any time on that day counts as passed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from complykit.checks.registry import Problem, check
from complykit.findings import Severity
from complykit.load.positions import Loc
from complykit.model.incident import Breach, Incident
from complykit.repository import Entry, Repository

_CLOCK = timedelta(hours=72)
# Art. 33(2) sets no hours for a processor, only "without undue delay"; 24 hours is the term
# data processing agreements commonly promise, so beyond it we only inform.
_PROCESSOR_PROMPT = timedelta(hours=24)
_AUTHORITY = ("breach", "authority")


@dataclass(frozen=True, slots=True)
class Clock:
    """When the breach clock started, and from which field."""

    start: datetime
    field: str

    @property
    def deadline(self) -> datetime:
        return self.start + _CLOCK

    @property
    def since(self) -> str:
        moment = "becoming aware" if self.field == "aware_at" else "detection"
        return f"after {moment} at {_at(self.start)}"

    @property
    def note(self) -> str:
        if self.field == "aware_at":
            return ""
        return "; `aware_at` is missing, so the clock counts from `detected_at`"


def _at(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _hours(span: timedelta) -> int:
    return int(span.total_seconds() // 3600)


def _clock(incident: Incident) -> Clock:
    if incident.aware_at is not None:
        return Clock(incident.aware_at, "aware_at")
    return Clock(incident.detected_at, "detected_at")


def _breaches(
    repo: Repository, role: str | None = None
) -> Iterator[tuple[Entry, Incident, Breach]]:
    for entry, incident in repo.records(Incident):
        breach = incident.breach
        if breach is not None and role in (None, breach.our_role):
            yield entry, incident, breach


@check(
    code="INC001",
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


_NOTIFIED = {
    ("breach", "controller_notified_at"): "the controller was told",
    (*_AUTHORITY, "notified_at"): "the authority was notified",
    ("breach", "data_subjects", "notified_at"): "the people affected were told",
}
_MOMENTS: dict[tuple[str, ...], str] = {
    ("occurred_at",): "it occurred",
    ("detected_at",): "it was detected",
    ("aware_at",): "you became aware",
    ("contained_at",): "it was contained",
    ("closed_at",): "it was closed",
    **_NOTIFIED,
}
# (earlier, later): the later moment can never come before the earlier one.
_ORDER = (
    (("occurred_at",), ("detected_at",)),
    (("detected_at",), ("aware_at",)),
    (("detected_at",), ("contained_at",)),
    (("detected_at",), ("closed_at",)),
    (("contained_at",), ("closed_at",)),
    *((("detected_at",), told) for told in _NOTIFIED),
)


def _moment(incident: Incident, loc: tuple[str, ...]) -> datetime | None:
    value: object = incident
    for part in loc:
        value = getattr(value, part, None)
    return value if isinstance(value, datetime) else None


@check(code="INC002", name="incident-timeline-impossible", severity=Severity.ERROR)
def incident_timeline_impossible(repo: Repository) -> Iterator[Problem]:
    """The incident's timestamps are in an impossible order.

    It occurs before it is detected; awareness, containment, closing and every notification
    come no earlier than detection, and closing no earlier than containment.

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
                    f"the record says {_MOMENTS[later]} at {_at(then)}, before "
                    f"{_MOMENTS[earlier]} at {_at(first)}",
                )


@check(
    code="INC003",
    name="breach-notification-skipped",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)",),
    hint="Notify the supervisory authority, or lower the risk with the reasoning to back it.",
)
def breach_notification_skipped(repo: Repository) -> Iterator[Problem]:
    """As controller, a breach that poses a risk to people is marked as not to be notified.

    Only a breach unlikely to result in a risk may go unreported to the authority.

    PASS: ``risk_to_individuals: risk`` and ``authority: {required: true, ...}``.
    FAIL: ``risk_to_individuals: risk`` and ``authority: {required: false}``.
    """
    for entry, _, breach in _breaches(repo, "controller"):
        if breach.risk_to_individuals != "none" and not breach.authority.required:
            yield Problem(
                entry,
                (*_AUTHORITY, "required"),
                f"the breach poses a {breach.risk_to_individuals.replace('-', ' ')} to people, "
                "so the supervisory authority must be notified, but the record says it need not be",
            )


@check(
    code="INC004",
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
    for entry, _, breach in _breaches(repo):
        if breach.risk_to_individuals == "none" and breach.authority.required:
            yield Problem(
                entry,
                (*_AUTHORITY, "required"),
                "the breach is judged to pose no risk to people, so notifying the authority "
                "is not required, though the record says it is",
            )


@check(
    code="INC005",
    name="breach-notified-late-without-reason",
    severity=Severity.ERROR,
    citation=("GDPR Art. 33(1)",),
    hint="Record in `authority.reason` why the notification took longer than 72 hours.",
)
def breach_notified_late_without_reason(repo: Repository) -> Iterator[Problem]:
    """As controller, the authority was notified after 72 hours and no reason is recorded.

    PASS: notified 30 hours after ``aware_at``, or after 80 hours with ``reason``.
    FAIL: notified 80 hours after ``aware_at`` and no ``reason``.
    """
    for entry, incident, breach in _breaches(repo, "controller"):
        authority, clock = breach.authority, _clock(incident)
        notified = authority.notified_at if authority.required else None
        if notified and notified > clock.deadline and authority.reason is None:
            yield Problem(
                entry,
                (*_AUTHORITY, "notified_at"),
                f"the authority was notified {_hours(notified - clock.start)} hours "
                f"{clock.since}, later than 72 hours, and no reason for the delay is recorded"
                f"{clock.note}",
            )


def _unnotified(repo: Repository) -> Iterator[tuple[Entry, Clock]]:
    for entry, incident, breach in _breaches(repo, "controller"):
        if breach.authority.required and breach.authority.notified_at is None:
            yield entry, _clock(incident)


def _end_of(repo: Repository) -> datetime:
    return datetime.combine(repo.as_of + timedelta(days=1), time(), tzinfo=UTC)


@check(
    code="INC006",
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
    for entry, clock in _unnotified(repo):
        if clock.deadline < _end_of(repo):
            yield Problem(
                entry,
                (*_AUTHORITY, "required"),
                f"the authority had to be notified by {_at(clock.deadline)} (72 hours "
                f"{clock.since}); no notification is recorded{clock.note}",
            )


@check(
    code="INC007",
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
    for entry, clock in _unnotified(repo):
        if clock.deadline >= _end_of(repo):
            yield Problem(
                entry,
                (*_AUTHORITY, "required"),
                f"the authority must be notified by {_at(clock.deadline)} (72 hours {clock.since})",
            )


@check(
    code="INC008",
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
    for entry, _, breach in _breaches(repo, "processor"):
        if breach.controller_notified_at is None:
            yield Problem(
                entry,
                ("breach", "our_role"),
                "as processor we must tell the controller of the breach without undue delay, "
                "but no `controller_notified_at` is recorded",
            )


@check(
    code="INC009",
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
    for entry, incident, breach in _breaches(repo, "processor"):
        told, clock = breach.controller_notified_at, _clock(incident)
        if told is not None and told - clock.start > _PROCESSOR_PROMPT:
            yield Problem(
                entry,
                ("breach", "controller_notified_at"),
                f"the controller was told {_hours(told - clock.start)} hours {clock.since}"
                f"{clock.note}",
            )


@check(
    code="INC010",
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
    for entry, _, breach in _breaches(repo, "controller"):
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
    for entry, _, breach in _breaches(repo, "controller"):
        people = breach.data_subjects
        high = breach.risk_to_individuals == "high-risk"
        if high and people and people.required and not people.exemption and not people.notified_at:
            yield Problem(
                entry,
                ("breach", "data_subjects", "required"),
                "the people affected by this high-risk breach must be told without undue delay; "
                "no communication is recorded yet",
            )

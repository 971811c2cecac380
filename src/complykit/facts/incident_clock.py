"""The breach clock: when it started, its deadline, and which breaches it concerns.

The Art. 33(1) clock runs 72 hours from the moment we became aware (``aware_at``, or
``detected_at`` when that is missing). "Now" is the end of the ``--as-of`` day in UTC, so a
deadline falling any time on that day counts as passed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from complykit.core.frozen import frozen
from complykit.model.calendar import day_after
from complykit.model.duration import Duration
from complykit.model.incident import Breach, Incident
from complykit.model.prebuilt import instance
from complykit.workspace.repository import Entry, Repository

CLOCK = instance(Duration, hours=72)
# Art. 33(2) sets no hours for a processor, only "without undue delay"; 24 hours is the term
# data processing agreements commonly promise, so beyond it we only inform.
PROCESSOR_PROMPT = instance(Duration, hours=24)
AUTHORITY = ("breach", "authority")
# Art. 34(1) sets no term for telling the people affected, only "without undue delay". Past 7
# days after becoming aware complykit calls the delay undue (INC022): the 72 hours for the
# authority are long gone, yet finding and reaching the people may fairly take longer than 72
# hours. The number is complykit's reading, not the law's.
SUBJECTS_TERM = instance(Duration, days=7)


@frozen
class Clock:
    """When the breach clock started, and from which field."""

    start: datetime
    field: str

    @property
    def deadline(self) -> datetime:
        return CLOCK.after_moment(self.start)

    @property
    def since(self) -> str:
        moment = "becoming aware" if self.field == "aware_at" else "detection"
        return f"after {moment} at {at(self.start)}"

    @property
    def note(self) -> str:
        if self.field == "aware_at":
            return ""
        return "; `aware_at` is missing, so the clock counts from `detected_at`"


def at(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def deadline_at(moment: datetime) -> str:
    """A deadline in the offset it was counted from, and in UTC when that differs: 72 hours
    after 12:00+02:00 on a Friday in October is 12:00+02:00 on Monday, after the clocks went
    back, so 11:00 in Amsterdam; the UTC time says the instant without a reader's sum."""
    written = at(moment)
    if moment.utcoffset() == timedelta(0):
        return written
    return f"{written} ({moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC)"


def duration(span: timedelta) -> str:
    """Whole hours, then the minutes and seconds when there are any: 72 h 1 min is late, and so
    is 72 h 30 s, which 'notified 72 hours after ..., later than 72 hours' would contradict.
    A fraction of a second counts as a whole one, so a span past a limit never prints as on it."""
    whole_hours, rest = divmod(math.ceil(span.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [_count(whole_hours, "hour")]
    parts += [
        _count(amount, unit)
        for amount, unit in ((minutes, "minute"), (seconds, "second"))
        if amount
    ]
    return " ".join(parts)


def _count(amount: int, unit: str) -> str:
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


def clock_of(incident: Incident) -> Clock:
    if incident.aware_at is not None:
        return Clock(incident.aware_at, "aware_at")
    return Clock(incident.detected_at, "detected_at")


def breaches(repo: Repository, role: str | None = None) -> Iterator[tuple[Entry, Incident, Breach]]:
    """Personal-data breaches (of our ``role``): incidents that involve personal data and
    document the breach. A breach block on an incident without personal data is no breach
    under Art. 4(12); INC018 asks which of the two is wrong."""
    for entry, incident in repo.records(Incident):
        breach = incident.breach
        if breach is None or not incident.personal_data_involved:
            continue
        if role in (None, breach.our_role):
            yield entry, incident, breach


def unnotified(repo: Repository) -> Iterator[tuple[Entry, Clock]]:
    for entry, incident, breach in breaches(repo, "controller"):
        authority = breach.authority
        if authority is not None and authority.required and authority.notified_at is None:
            yield entry, clock_of(incident)


def undecided(repo: Repository) -> Iterator[tuple[Entry, Clock]]:
    """Breaches of which we are controller that record no decision on notifying the authority."""
    for entry, incident, breach in breaches(repo, "controller"):
        if breach.authority is None:
            yield entry, clock_of(incident)


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of ``day``: a date without a time of day is a day in UTC, as
    the ``--as-of`` day is, whatever offset the moments compared with it carry."""
    return datetime.combine(day, time(), tzinfo=UTC)


def term_stands(  # noqa: PLR0913 - the wording is the caller's; only the choice is shared
    what: str,
    term: datetime,
    day: date,
    *,
    passed: str,
    lead: str = "",
    then: str = "",
) -> str:
    """How a term stands at the end of ``day``, in words: ``passed`` when it ended before
    ``day``, else ``lead``, "``what`` run out on <day>, at <time>" and ``then``.

    "Now" is the end of the ``--as-of`` day, so a term ending within that day (in UTC) counts
    as passed too, but at the start of the day it was still running: a message must then say
    when it runs out, not that it has run out. ``what`` is plural ('the 72 hours after ...').
    """
    if day_start(day) <= term < end_of_day(day):
        return f"{lead}{what} run out on {day.isoformat()}, at {deadline_at(term)}{then}"
    return passed


def end_of(repo: Repository) -> datetime:
    return end_of_day(repo.as_of)


def end_of_day(day: date) -> datetime:
    """Midnight UTC after ``day``: a deadline before it has passed on that day."""
    return day_start(day_after(day))

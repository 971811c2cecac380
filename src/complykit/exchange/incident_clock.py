"""The moments of a breach register row placed in time, and the 72-hour clock of Art. 33(1)
GDPR judged from them.

A moment without a time of day is read so that the clock is judged conservatively, never in the
organisation's favour: a moment that starts the clock at the start of its day (or at the time of
an earlier step that day), a notification at the end of its day, the latest it can have been.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from complykit.exchange.incident_words import LABELS, kept
from complykit.exchange.moment_cells import (
    EXCEL_NUMBER_HINT,
    ZONES,
    Placed,
    Written,
    Zone,
    looks_like_excel_serial,
    place,
    read_clock,
    read_moment,
)
from complykit.exchange.row_source import Notes
from complykit.exchange.table_import import Cells
from complykit.facts.incident_clock import CLOCK

# The 72 hours of Art. 33(1) GDPR, as the rules count them (INC005), so the import and the
# rules never disagree on the deadline.
CLOCK_HOURS = CLOCK.as_timedelta()


DAY = timedelta(days=1)


END_OF_DAY = time(23, 59)


# The moments that end a deadline (the 72 hours of Art. 33(1), "without undue delay" of Art.
# 34(1)): a date alone is read at the end of its day, since its start would be the reading
# most favourable to the organisation and would keep INC005 silent for good.
# The data coming back ends the 72 hours INC025 counts, so it is read the same way.
_CLOCK_ENDS = frozenset({"authority_date", "subjects_date", "restored"})
_AS_LATE_AS = {"restored": "the data came back as late as it can have"}


# The moments a row gives, in the order they happen, each with its label, the field
# of a separate time column, and the moments it cannot come before.
MOMENTS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    field: (LABELS[field], time_field, after)
    for field, time_field, after in (
        ("occurred", "occurred_time", ()),
        ("detected", None, ("occurred",)),
        ("aware", "aware_time", ("occurred", "detected")),
        ("contained", None, ("detected", "aware")),
        ("restored", None, ("occurred", "detected")),
        ("controller_date", None, ("detected", "aware")),
        ("authority_date", "authority_time", ("detected", "aware")),
        ("subjects_date", None, ("detected", "aware")),
        ("closed", None, ("detected", "aware", "contained")),
    )
}


class Moments:
    """A row's moments placed in time: its dates read on the organisation's clocks, a date
    without a time of day at the start of that day, or at the time of an earlier step that day
    when there is one (no step can come before the one it follows)."""

    def __init__(self, cells: Cells, country: str, notes: Notes) -> None:
        self.placed: dict[str, datetime] = {}
        self.assumed: set[str] = set()
        # The day of each moment read from a date alone, from its start to the start of the
        # next day on the local clock (23 or 25 hours long when the clocks change).
        self._days: dict[str, tuple[datetime, datetime]] = {}
        self._cells, self._country, self._notes = cells, country, notes
        for field in MOMENTS:
            moment = self._moment(field)
            if moment is not None:
                self.placed[field] = moment
        if "detected" not in self.placed and "aware" in self.placed:
            # A breach register dates the discovery of the breach: the incident was detected
            # then at the latest, and the 72 hours run from it (aware_at).
            self.placed["detected"] = self.placed["aware"]
            if "aware" in self.assumed:
                self.assumed.add("detected")
                self._days["detected"] = self._days["aware"]

    def day_of(self, field: str) -> tuple[datetime, datetime] | None:
        """The start of the day a moment read from a date alone falls on, and the start of the
        next day, on the local clock: the day it may have been at any time of; None for a
        moment with a time of day."""
        return self._days.get(field)

    def __call__(self, field: str) -> datetime | None:
        return self.placed.get(field)

    def _moment(self, field: str) -> datetime | None:
        label, time_field, after = MOMENTS[field]
        text = self._cells(field)
        if not text:
            return None
        written = self._written(field, text)
        if written is None:
            return None
        if written.clock is None and time_field and (clock := self._clock(time_field)):
            written = written.at(clock)
        elif time_field and self._cells(time_field):  # the date's own time wins; keep the other
            kept(self._notes, time_field, self._cells(time_field))
        if written.offset is not None and written.clock is not None:
            return datetime.combine(written.day, written.clock, timezone(written.offset))
        zone = ZONES.get(self._country)
        if zone is None:
            self._notes.warn(
                f"{label.lower()} '{text}' has no UTC offset, and complykit knows no time zone "
                f"for {self._country} (write it like 2025-03-12T14:05+01:00); kept in notes"
            )
            kept(self._notes, field, text)
            return None
        if written.clock is not None:
            return self._placed(place(written.day, written.clock, zone.base), label, text)
        return (
            self._end_of_day(field, written, text, zone)
            if field in _CLOCK_ENDS
            else self._start_of_day(field, written, after, text, zone)
        )

    def _written(self, field: str, text: str) -> Written | None:
        label = LABELS[field]
        written: Written | None = None
        reason: str | None
        try:
            written = read_moment(text)
        except ValueError:  # a day or time that does not exist, such as 31-02 or 25:00
            reason = "is not a real date or time (dates are read day first: dd-mm-yyyy)"
        else:
            reason = _no_moment(written, text)
        if written is not None and reason is None:
            return written
        self._notes.warn(f"{label.lower()} '{text}' {reason}; kept in notes")
        kept(self._notes, field, text)
        return None

    def _clock(self, field: str) -> time | None:
        text = self._cells(field)
        if not text:
            return None
        try:
            clock = read_clock(text)
        except ValueError:
            clock = None
        if clock is None:
            self._notes.warn(f"{LABELS[field].lower()} '{text}' is no time of day; kept in notes")
            kept(self._notes, field, text)
        return clock

    def _placed(self, placed: Placed, label: str, text: str) -> datetime:
        if placed.doubt:
            self._notes.warn(f"{label.lower()} '{text}': that hour is {placed.doubt}")
        return placed.moment

    def _end_of_day(self, field: str, written: Written, text: str, zone: Zone) -> datetime:
        """A notification (or the data back) dated without a time, at the last minute of its
        day: the latest it can have been, so a deadline counted to it is never met by an
        assumed hour."""
        self.assumed.add(field)
        self._days[field] = _local_day(written, zone)
        kept(
            self._notes,
            field,
            text,
            " (no time of day; read as 23:59, the end of that day, so the deadline is judged "
            f"as if {_AS_LATE_AS.get(field, 'it was made as late as it can have been')})",
        )
        return place(written.day, END_OF_DAY, zone.base).moment

    def _start_of_day(
        self, field: str, written: Written, after: tuple[str, ...], text: str, zone: Zone
    ) -> datetime:
        start = place(written.day, time(), zone.base).moment
        same_day = [
            moment
            for earlier in after
            if (moment := self.placed.get(earlier)) is not None and start < moment < start + DAY
        ]
        moment = max([start, *same_day])
        self.assumed.add(field)
        self._days[field] = _local_day(written, zone)
        read_as = (
            "00:00"
            if moment == start
            else f"{moment.astimezone(start.tzinfo):%H:%M}, the time of an earlier step that day"
        )
        kept(self._notes, field, text, f" (no time of day; read as {read_as})")
        return moment


def _no_moment(written: Written | None, text: str) -> str | None:
    """Why a cell read as ``written`` gives no moment of a breach, or None when it gives one."""
    if written is None:
        if looks_like_excel_serial(text):
            return EXCEL_NUMBER_HINT
        return "is no date (write dd-mm-yyyy hh:mm or yyyy-mm-dd hh:mm)"
    if written.day == date.max:
        # A placeholder for "no date yet", and a day no clock can run on: a day read without
        # a time ends at the start of the next one, which is past the calendar.
        return "is the last day of the calendar, a placeholder rather than a date"
    return None


def _local_day(written: Written, zone: Zone) -> tuple[datetime, datetime]:
    first = place(written.day, time(), zone.base).moment
    return first, place(written.day + DAY, time(), zone.base).moment


def clock_doubt(moments: Moments, notes: Notes) -> None:
    """Warn when whole days cannot tell whether the authority was notified within 72 hours.

    The record holds the latest the notification can have come after the discovery (the
    discovery at the start of its day, the notification at the end of its day), so INC005
    reports a notification that could have been late; the warning says why and what to add."""
    start_field = "aware" if moments("aware") is not None else "detected"
    start, told = moments(start_field), moments("authority_date")
    if start is None or told is None:
        return
    if start_field not in moments.assumed and "authority_date" not in moments.assumed:
        return
    latest = told - start
    # The earliest: the notification at the start of its day, the discovery at the end of its
    # own. A day is not 24 hours on the local clock where the clocks change (25 hours on the
    # last Sunday of October), so the ends of the days are placed, not counted.
    start_day, told_day = moments.day_of(start_field), moments.day_of("authority_date")
    earliest = (told_day[0] if told_day else told) - (start_day[1] if start_day else start)
    if earliest <= CLOCK_HOURS < latest:
        notes.warn(
            "the register gives dates without times, so the authority may have been notified "
            "within 72 hours or after them; recorded as late as the dates allow (the discovery "
            "at the start of its day, the notification at the end of its day), so INC005 "
            "reports it: add the times of discovery and notification, or a reason for the delay"
        )

"""Date arithmetic that stays on the calendar.

``--as-of`` can name the calendar's last day; the day after it is the same day, not an error.
Durations saturate the same way (``Duration.after``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def day_after(day: date) -> date:
    """The next day; the calendar's last day stays itself."""
    return day if day == date.max else day + timedelta(days=1)


LAST_MOMENT = datetime.max.replace(tzinfo=UTC)
"""The calendar's last instant: where a term that would end past it ends (it never does)."""


def days_after(day: date, days: int) -> date:
    """``days`` days after ``day``; past the calendar's last day, that day."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


def on_the_calendar(moment: datetime) -> datetime:
    """``moment``, or ``LAST_MOMENT`` when its instant is past the calendar's end in UTC:
    23:00-14:00 on 31 December 9999 is written on the calendar, yet it is 13:00 UTC on a day
    that does not exist, and converting it to UTC, as deadlines are shown, would fail."""
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return LAST_MOMENT
    return moment

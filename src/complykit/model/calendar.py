"""Date arithmetic that stays on the calendar.

A record can hold a date in the year 9999 and ``--as-of`` can name one; adding to them would
leave Python's calendar and raise. Sums past its end are the end: a deadline that never comes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

_LAST_MOMENT = datetime.max.replace(tzinfo=UTC)


def plus(moment: datetime, span: timedelta) -> datetime:
    """``moment + span``, or the calendar's last moment when the sum is past it."""
    try:
        return moment + span
    except OverflowError:
        return _LAST_MOMENT  # record timestamps always carry an offset


def day_after(day: date) -> date:
    """The next day; the calendar's last day stays itself."""
    return day if day == date.max else day + timedelta(days=1)

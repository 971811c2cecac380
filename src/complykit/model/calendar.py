"""Date arithmetic that stays on the calendar.

``--as-of`` can name the calendar's last day; the day after it is the same day, not an error.
Durations saturate the same way (``Duration.after``).
"""

from __future__ import annotations

from datetime import date, timedelta


def day_after(day: date) -> date:
    """The next day; the calendar's last day stays itself."""
    return day if day == date.max else day + timedelta(days=1)

"""Moments as a breach register writes them, read into timestamps with a UTC offset.

A register writes "12-03-2025", "12-3-2025 14:05", "2025-03-12T14:05", "12 maart 2025" or an
Excel date (which the sheet reader gives as ``2025-03-12`` or ``2025-03-12 14:05:00``). The
incident model needs a UTC offset on every moment, because the 72 hours of Art. 33(1) GDPR are
counted between instants; a register almost never writes one. A time without an offset is read
as the time on the organisation's own clocks: for most of the EU Central European Time, +01:00
in winter and +02:00 in summer; Western European Time (Ireland, Portugal) an hour less, Eastern
European Time (Finland, the Baltic states, Greece, Bulgaria, Romania, Cyprus) an hour more.
The European Union changes the clocks on the last Sunday of March and of
October at 01:00 UTC (Directive 2000/84/EC); that rule is computed here rather than read from
a time zone database, which Windows does not ship.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from complykit.core.frozen import frozen
from complykit.model.wording.folding import words_of

CET = timedelta(hours=1)
SUMMER = timedelta(hours=1)


@frozen
class Zone:
    """A country's clocks: the time zone a message names, its standard (winter) UTC offset,
    and where part of the country keeps another time."""

    name: str
    base: timedelta
    elsewhere: str = ""

    def offsets(self) -> str:
        """``+01:00 in winter, +02:00 in summer``."""
        return f"{shown_offset(self.base)} in winter, {shown_offset(self.base + SUMMER)} in summer"


_WET, _EET = timedelta(0), timedelta(hours=2)
# The EU and EEA countries (and Switzerland) whose clocks keep the EU's summer time, by their
# standard offset: Western (IE, PT), Central and Eastern European Time. Iceland is left out:
# it keeps UTC all year, without summer time.
ZONES: dict[str, Zone] = {
    "IE": Zone("Europe/Dublin", _WET),
    "PT": Zone("Europe/Lisbon", _WET, "the Azores keep an hour less"),
    **{country: Zone(name, CET) for country, name in (
        ("NL", "Europe/Amsterdam"), ("BE", "Europe/Brussels"), ("LU", "Europe/Luxembourg"),
        ("DE", "Europe/Berlin"), ("FR", "Europe/Paris"), ("AT", "Europe/Vienna"),
        ("DK", "Europe/Copenhagen"), ("IT", "Europe/Rome"), ("SE", "Europe/Stockholm"),
        ("PL", "Europe/Warsaw"), ("CZ", "Europe/Prague"), ("SK", "Europe/Bratislava"),
        ("HU", "Europe/Budapest"), ("SI", "Europe/Ljubljana"), ("HR", "Europe/Zagreb"),
        ("MT", "Europe/Malta"), ("NO", "Europe/Oslo"), ("CH", "Europe/Zurich"),
        ("LI", "Europe/Vaduz"),
    )},
    "ES": Zone("Europe/Madrid", CET, "the Canary Islands keep an hour less"),
    **{country: Zone(name, _EET) for country, name in (
        ("FI", "Europe/Helsinki"), ("GR", "Europe/Athens"), ("BG", "Europe/Sofia"),
        ("RO", "Europe/Bucharest"), ("CY", "Asia/Nicosia"), ("EE", "Europe/Tallinn"),
        ("LV", "Europe/Riga"), ("LT", "Europe/Vilnius"),
    )},
}  # fmt: skip


def shown_offset(offset: timedelta) -> str:
    """``+01:00``, as an ISO timestamp writes the offset."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# Month words in Dutch, French and English, with their usual abbreviations; shared with the
# calendar import (task_cells), so a date reads the same in a breach register and a calendar.
MONTHS = {
    **dict.fromkeys(("januari", "jan", "janvier", "janv", "january"), 1),
    **dict.fromkeys(("februari", "feb", "febr", "fevrier", "fevr", "fev", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "mars", "march"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr"), 4),
    **dict.fromkeys(("mei", "mai", "may"), 5),
    **dict.fromkeys(("juni", "jun", "juin", "june"), 6),
    **dict.fromkeys(("juli", "jul", "juillet", "juil", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "aout", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "octobre", "october"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("december", "dec", "decembre"), 12),
}
_WEEKDAYS = frozenset((
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma", "di", "wo", "do", "vr", "za", "zo", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
))  # fmt: skip

# A time of day after the date: "14:05", "14.05", "14u05" (Flemish), "14h05" (French), with
# seconds and a fraction (Excel), and "uur"; then perhaps an offset: "Z", "+01:00", "+0100".
_TIME = (
    r"(?:\s*,?\s*(?:om|at|a|te|le)?\s*|t)"
    r"(?P<hour>[0-9]{1,2})(?:[:.hu](?P<minute>[0-9]{2})(?:[:.](?P<second>[0-9]{2})"
    r"(?:[.,](?P<fraction>[0-9]{1,9}))?)?|\s*(?:uur|u|h))\s*(?:uur|u|h)?"
    r"\s*(?P<offset>z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
# A time in a cell of its own: as after a date, without the "T" of an ISO timestamp.
_CLOCK_ONLY = re.compile(_TIME.replace("|t)", ")"))
_ISO = re.compile(
    rf"(?P<year>[0-9]{{4}})-(?P<month>[0-9]{{1,2}})-(?P<day>[0-9]{{1,2}})(?:{_TIME})?"
)
_DAY_FIRST = re.compile(
    rf"(?P<day>[0-9]{{1,2}})(?P<sep>[-/.])(?P<month>[0-9]{{1,2}})(?P=sep)(?P<year>[0-9]{{4}})"
    rf"(?:{_TIME})?"
)
_IN_WORDS = re.compile(
    rf"(?P<day>[0-9]{{1,2}})(?:e|er|ste|de|st|nd|rd|th)?\.?\s+(?P<month>[a-z]+)\.?,?\s+"
    rf"(?P<year>[0-9]{{4}})(?:{_TIME})?"
)


@frozen
class Written:
    """A moment as a cell writes it: its day, its time of day if any, its UTC offset if any."""

    day: date
    clock: time | None = None
    offset: timedelta | None = None

    def at(self, clock: time) -> Written:
        """The same day at ``clock``, for a date whose time is in another column."""
        return Written(self.day, clock, self.offset)


def read_moment(text: str) -> Written | None:
    """The moment ``text`` writes, day first or ISO, in figures or with the month in Dutch,
    French or English words; None when it writes none.

    Raises ValueError when it writes a day, time or offset that does not exist (31-02-2025,
    25:00).
    """
    plain = _plain(text)
    for pattern in (_ISO, _DAY_FIRST, _IN_WORDS):
        found = pattern.fullmatch(plain)
        if found is not None:
            return _written(found)
    return None


# A date or date-time cell the sheet gives as Excel's serial number (days since 1899-12-30, the
# time as a fraction), because the column is formatted as General: 45721.5 is 2025-03-05 12:00.
_EXCEL_SERIAL = re.compile(r"[0-9]{5}(?:[.,][0-9]+)?")
EXCEL_NUMBER_HINT = "looks like an Excel date number: format the column as a date"
"""What an import says of a cell ``looks_like_excel_serial`` holds."""


def looks_like_excel_serial(text: str) -> bool:
    """Whether ``text`` is a bare five-digit number, as Excel shows a date in a General cell."""
    return _EXCEL_SERIAL.fullmatch(text.strip()) is not None


def read_clock(text: str) -> time | None:
    """The time of day a cell of its own writes ("14:05", "14u05", "14:05:00"); None if none.

    Raises ValueError for a time that does not exist (25:00)."""
    found = _CLOCK_ONLY.fullmatch(_plain(text))
    if found is None or found["offset"]:
        return None
    return _clock(found)


def _plain(text: str) -> str:
    words = words_of(text).split()
    if len(words) > 1 and words[0].strip(",.") in _WEEKDAYS:
        words = words[1:]
    return " ".join(words)


def _written(found: re.Match[str]) -> Written | None:
    month_text = found["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    if month is None:  # "12 items 2025" writes no date
        return None
    day = date(int(found["year"]), month, int(found["day"]))
    if found["hour"] is None:
        return Written(day)
    return Written(day, _clock(found), _offset(found["offset"]))


def _clock(found: re.Match[str]) -> time:
    seconds = int(found["second"] or 0)
    fraction = found["fraction"]
    clock = time(int(found["hour"]), int(found["minute"] or 0), seconds)
    if fraction and int(fraction[0]) >= 5:  # Excel stores 14:05 as 14:04:59.9999...
        moment = datetime.combine(date(2000, 1, 1), clock) + timedelta(seconds=1)
        clock = moment.time() if moment.day == 1 else clock
    return clock


def _offset(text: str | None) -> timedelta | None:
    if not text:
        return None
    if text == "z":
        return timedelta(0)
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:  # the widest offsets in use are +-14:00
        raise ValueError(f"{text} is no UTC offset")
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=hours, minutes=minutes)


@frozen
class Placed:
    """A moment placed in time, and what had to be assumed to place it."""

    moment: datetime
    doubt: str = ""
    """Why the local time is not one instant (the hour the clocks skip or repeat); "" if it is."""


def summer_time(year: int) -> tuple[datetime, datetime]:
    """The instants (UTC) the EU's summer time starts and ends in ``year``: 01:00 UTC on the
    last Sunday of March and of October."""
    return _last_sunday(year, 3), _last_sunday(year, 10)


def _last_sunday(year: int, month: int) -> datetime:
    last = date(year, month, 31)
    sunday = last - timedelta(days=(last.weekday() + 1) % 7)
    return datetime.combine(sunday, time(1), tzinfo=UTC)


def place(day: date, clock: time, base: timedelta = CET) -> Placed:
    """``clock`` on ``day`` on a clock whose standard offset is ``base`` (Central European Time
    unless said) with the EU's summer time, an hour more.

    The hour skipped in March is read as winter time, as the clock read it before it was
    moved; the hour repeated in October as summer time, its first pass, so the 72 hours are
    never counted from later than they may have started."""
    naive = datetime.combine(day, clock)
    starts, ends = summer_time(day.year)
    in_winter = naive.replace(tzinfo=timezone(base))
    in_summer = naive.replace(tzinfo=timezone(base + SUMMER))
    summer_by_winter = starts <= in_winter < ends
    summer_by_summer = starts <= in_summer < ends
    if summer_by_winter and summer_by_summer:
        return Placed(in_summer)
    if not summer_by_winter and not summer_by_summer:
        return Placed(in_winter)
    if summer_by_summer:  # October: the hour happens twice
        summer = shown_offset(base + SUMMER)
        return Placed(
            in_summer, f"repeated when the clocks go back; read as summer time ({summer})"
        )
    return Placed(
        in_winter, f"skipped when the clocks go forward; read as winter time ({shown_offset(base)})"
    )

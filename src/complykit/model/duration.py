"""Durations are explicit: an ISO 8601 string (``P2Y``, ``PT72H``) or a mapping (``{years: 2}``)."""

import re
from datetime import MAXYEAR, date, datetime, timedelta
from typing import Annotated, Any, Self

from complykit.model.base import StrictModel
from complykit.model.calendar import LAST_MOMENT, on_the_calendar
from complykit.model.declaring import (
    BeforeValidator,
    Field,
    NonNegativeInt,
    WithJsonSchema,
    model_validator,
)

# Plain numbered groups and ASCII digit classes: the pattern is published in the JSON Schemas,
# whose patterns are ECMA-262 (no Python named groups), and must mean the same there.
_ISO = re.compile(
    r"^P(?!$)(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?=[0-9])(?:([0-9]+)H)?)?$"
)
_PARTS = ("years", "months", "weeks", "days", "hours")
# An ISO 8601 duration with minutes or seconds (or a fraction): valid, but not one complykit's
# terms use, so it gets its own message rather than "write a duration as ISO 8601".
_FINER = re.compile(r"P(?:\d+[YMWD])*T(?:\d+H)?(?:\d+(?:[.,]\d+)?[MS])+\Z")


class Duration(StrictModel):
    """A length of time; calendar parts (years, months) are added as calendar steps."""

    # Each part is bounded at about a thousand years: longer is a typo, and unbounded numbers
    # would leave the calendar when added to a date.
    years: Annotated[NonNegativeInt, Field(le=1000)] = 0
    """Whole calendar years."""
    months: Annotated[NonNegativeInt, Field(le=12_000)] = 0
    """Whole calendar months."""
    weeks: Annotated[NonNegativeInt, Field(le=52_000)] = 0
    """Weeks of seven days."""
    days: Annotated[NonNegativeInt, Field(le=365_000)] = 0
    """Days."""
    hours: Annotated[NonNegativeInt, Field(le=8_760_000)] = 0
    """Hours, for short clocks such as the 72 hours of GDPR Art. 33(1)."""

    @model_validator(mode="after")
    def _not_zero(self) -> Self:
        if not any((self.years, self.months, self.weeks, self.days, self.hours)):
            raise ValueError("a duration must be longer than zero")
        return self

    def after(self, start: date) -> date:
        """The date this long after ``start`` (month ends clamp: 31 Jan + 1 month = 28/29 Feb).

        A date has no time of day, so only whole days of ``hours`` count. A date past the end
        of the calendar (year 9999) is the calendar's last day: never.
        """
        days = self.days + self.hours // 24
        try:
            return self._calendar_step(start) + timedelta(weeks=self.weeks, days=days)
        except OverflowError:
            return date.max

    def after_moment(self, start: datetime) -> datetime:
        """The moment this long after ``start``, keeping its time of day and offset.

        A 24-hour term from 18:00 ends at 18:00 the next day; calendar parts step as in
        ``after``, so one month after 31 January 09:00 is 28 or 29 February 09:00.
        """
        shifted = datetime.combine(self._calendar_step(start.date()), start.timetz())
        try:
            end = shifted + timedelta(weeks=self.weeks, days=self.days, hours=self.hours)
        except OverflowError:
            return LAST_MOMENT
        return on_the_calendar(end)

    def _calendar_step(self, start: date) -> date:
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        if year > MAXYEAR:
            return date.max
        return date(year, month, min(start.day, _days_in_month(year, month)))

    def as_timedelta(self) -> timedelta:
        """Approximate length (a year is 365 days, a month 30); for clocks in hours, exact."""
        days = self.years * 365 + self.months * 30 + self.weeks * 7 + self.days
        return timedelta(days=days, hours=self.hours)

    def iso(self) -> str:
        parts = [
            f"{v}{u}"
            for v, u in ((self.years, "Y"), (self.months, "M"), (self.weeks, "W"), (self.days, "D"))
            if v
        ]
        time = f"T{self.hours}H" if self.hours else ""
        return "P" + "".join(parts) + time


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


# Units as people write them in English, Dutch and French ("72 hours", "72 uur", "6 mois"),
# for a "did you mean" only: a bare "m" (minutes or months?) is left out, and nothing is
# rewritten.
_UNITS = {
    "years": ("y", "yr", "yrs", "year", "years", "j", "jr", "jaar", "jaren", "an", "ans"),
    "months": ("mo", "mos", "mth", "mths", "month", "months", "mnd", "maand", "maanden", "mois"),
    "weeks": ("w", "wk", "wks", "week", "weeks", "wkn", "weken", "semaine", "semaines"),
    "days": ("d", "day", "days", "dag", "dagen", "jour", "jours"),
    "hours": ("h", "hr", "hrs", "hour", "hours", "u", "uur", "uren", "heure", "heures"),
}
_UNIT_PART = {word: part for part, words in _UNITS.items() for word in words}
_WORDED = re.compile(r"\s*([0-9]+)\s*([a-z]+)\s*(?:,|\band\b|\ben\b|\bet\b)?", re.IGNORECASE)
_ISO_UNIT = {"years": "Y", "months": "M", "weeks": "W", "days": "D"}
_MOST = {"years": 1000, "months": 12_000, "weeks": 52_000, "days": 365_000, "hours": 8_760_000}


class NotADurationError(ValueError):
    """A duration that is neither ISO 8601 nor a mapping; ``meant`` is the ISO 8601 spelling
    of one written in words (``72 uur``: ``PT72H``), for a "did you mean", or None."""

    def __init__(self, message: str, meant: str | None = None) -> None:
        super().__init__(message)
        self.meant = meant


def in_words(text: str) -> str | None:
    """The ISO 8601 duration ``text`` spells out in English or Dutch words (``72 hours``,
    ``20 jaar``, ``1 year and 6 months``: ``PT72H``, ``P20Y``, ``P1Y6M``), or None."""
    parts: dict[str, int] = {}
    position = 0
    for match in _WORDED.finditer(text):
        part = _UNIT_PART.get(match[2].lower())
        if match.start() != position or part is None or part in parts:
            return None
        parts[part], position = int(match[1]), match.end()
    if position != len(text) or not any(parts.values()):
        return None
    if any(count > _MOST[part] for part, count in parts.items()):
        return None  # "5000 jaar": no duration either way
    dated = "".join(f"{parts[p]}{u}" for p, u in _ISO_UNIT.items() if parts.get(p))
    return "P" + dated + (f"T{parts['hours']}H" if parts.get("hours") else "")


def _parse(value: Any) -> Any:
    if isinstance(value, str):
        match = _ISO.fullmatch(value)  # its $ alone would let a final newline through
        if not match and _FINER.match(value):  # valid ISO 8601, but finer than complykit counts
            raise ValueError(
                "a duration counts whole hours at the finest: write PT72H or P3D, not minutes "
                "or seconds"
            )
        if not match:
            raise NotADurationError(
                "write a duration as ISO 8601 (P2Y, P6M, P30D, PT72H) "
                "or a mapping such as {years: 2}",
                in_words(value),
            )
        return {part: int(v) for part, v in zip(_PARTS, match.groups(), strict=True) if v}
    return value


DurationField = Annotated[
    Duration,
    BeforeValidator(_parse),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _ISO.pattern, "examples": ["P2Y", "P30D", "PT72H"]},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "minProperties": 1,
                    "properties": {k: {"type": "integer", "minimum": 0} for k in _PARTS},
                },
            ],
            "description": "ISO 8601 duration or a mapping of years/months/weeks/days/hours.",
        }
    ),
    Field(description="ISO 8601 duration (P2Y) or {years: 2}."),
]

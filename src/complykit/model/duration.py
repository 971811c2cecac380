"""Durations are explicit: an ISO 8601 string (``P2Y``, ``PT72H``) or a mapping (``{years: 2}``)."""

from __future__ import annotations

import re
from datetime import MAXYEAR, date, timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, NonNegativeInt, WithJsonSchema, model_validator

from complykit.model.base import StrictModel

_ISO = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?)?$"
)


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
    def _not_zero(self) -> Duration:
        if not any((self.years, self.months, self.weeks, self.days, self.hours)):
            raise ValueError("a duration must be longer than zero")
        return self

    def after(self, start: date) -> date:
        """The date this long after ``start`` (month ends clamp: 31 Jan + 1 month = 28/29 Feb).

        A date past the end of the calendar (year 9999) is the calendar's last day: never.
        """
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        if year > MAXYEAR:
            return date.max
        day = min(start.day, _days_in_month(year, month))
        try:
            return date(year, month, day) + timedelta(
                weeks=self.weeks, days=self.days, hours=self.hours
            )
        except OverflowError:
            return date.max

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


def _parse(value: Any) -> Any:
    if isinstance(value, str):
        match = _ISO.match(value)
        if not match:
            raise ValueError(
                "write a duration as ISO 8601 (P2Y, P6M, P30D, PT72H) "
                "or a mapping such as {years: 2}"
            )
        return {k: int(v) for k, v in match.groupdict().items() if v}
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
                    "properties": {
                        k: {"type": "integer", "minimum": 0}
                        for k in ("years", "months", "weeks", "days", "hours")
                    },
                },
            ],
            "description": "ISO 8601 duration or a mapping of years/months/weeks/days/hours.",
        }
    ),
    Field(description="ISO 8601 duration (P2Y) or {years: 2}."),
]

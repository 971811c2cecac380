"""Durations added to dates and to moments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from complykit.model.duration import Duration, DurationField, in_words

AMSTERDAM_WINTER = timezone(timedelta(hours=1))


def test_hours_keep_the_time_of_day() -> None:
    """A 24-hour term after an 18:00 awareness ends at 18:00 the next day."""
    aware = datetime(2026, 11, 20, 18, 0, tzinfo=AMSTERDAM_WINTER)
    assert Duration(hours=24).after_moment(aware) == datetime(
        2026, 11, 21, 18, 0, tzinfo=AMSTERDAM_WINTER
    )


def test_seventy_two_hours_cross_a_month_end() -> None:
    """72 hours from 30 November 21:30 end on 3 December 21:30, in the same offset."""
    aware = datetime(2026, 11, 30, 21, 30, tzinfo=UTC)
    assert Duration(hours=72).after_moment(aware) == datetime(2026, 12, 3, 21, 30, tzinfo=UTC)


def test_calendar_parts_clamp_and_keep_the_time() -> None:
    """One month after 31 January 09:15 is 28 February 09:15 in a common year."""
    start = datetime(2027, 1, 31, 9, 15, tzinfo=AMSTERDAM_WINTER)
    assert Duration(months=1).after_moment(start) == datetime(
        2027, 2, 28, 9, 15, tzinfo=AMSTERDAM_WINTER
    )


def test_days_on_a_date_count_whole_days_of_hours() -> None:
    """On a date, 48 hours are two days and 30 hours one."""
    assert Duration(hours=48).after(date(2026, 3, 1)) == date(2026, 3, 3)
    assert Duration(hours=30).after(date(2026, 3, 1)) == date(2026, 3, 2)


@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis takes naive bounds
        max_value=datetime(2100, 1, 1),  # noqa: DTZ001 - hypothesis takes naive bounds
        timezones=st.just(UTC),
    ),
    st.integers(min_value=0, max_value=2000),
    st.integers(min_value=0, max_value=400),
)
def test_days_and_hours_are_exact(start: datetime, hours: int, days: int) -> None:
    """Without calendar parts, a moment moves by exactly its days and hours."""
    if hours == days == 0:
        return
    moved = Duration(days=days, hours=hours).after_moment(start)
    assert moved - start == timedelta(days=days, hours=hours)


@pytest.mark.parametrize("text", ["PT1S", "PT30M", "P1DT2H30M", "PT0.5S"])
def test_minutes_and_seconds_are_named_as_too_fine(text: str) -> None:
    """Valid ISO 8601 that complykit does not count in: the message says why, rather than
    asking for ISO 8601 the user already wrote."""
    with pytest.raises(ValidationError, match="counts whole hours at the finest"):
        TypeAdapter(DurationField).validate_python(text)


def test_a_final_newline_is_no_part_of_a_duration() -> None:
    """As the published JSON Schema pattern reads it (ECMA-262's $ is the very end), so does
    validate: "P2Y\\n" is not a duration, where Python's $ alone would have let it pass."""
    with pytest.raises(ValidationError, match="write a duration as ISO 8601"):
        TypeAdapter(DurationField).validate_python("P2Y\n")
    assert TypeAdapter(DurationField).validate_python("P2Y").years == 2


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("72 uur", "PT72H"),
        ("72 hours", "PT72H"),
        ("20 jaar", "P20Y"),
        ("6 maanden", "P6M"),
        ("2 weken", "P2W"),
        ("30 dagen", "P30D"),
        ("1 Year", "P1Y"),
        ("1 year and 6 months", "P1Y6M"),
        ("2 jaar en 6 maanden", "P2Y6M"),
        ("72h", "PT72H"),
        ("10 ans", "P10Y"),
        ("6 mois", "P6M"),
        ("1 an et 6 mois", "P1Y6M"),
        ("72 heures", "PT72H"),
    ],
)
def test_a_duration_in_words_is_named_in_iso_8601(text: str, meant: str) -> None:
    """English, Dutch and French words get the ISO 8601 spelling as a "did you mean"; the value
    itself stays an error (complykit rewrites nothing)."""
    assert in_words(text) == meant
    with pytest.raises(ValidationError, match="write a duration as ISO 8601") as raised:
        TypeAdapter(DurationField).validate_python(text)
    assert raised.value.errors()[0]["ctx"]["error"].meant == meant


@pytest.mark.parametrize(
    "text", ["72", "0 days", "72 minutes", "6 m", "3 dagen 3 dagen", "5000 jaar", "72 uur extra"]
)
def test_words_that_are_no_duration_get_no_suggestion(text: str) -> None:
    """Minutes, a bare 'm' (minutes or months?), zero, a repeated unit, more than a duration
    holds or extra words: nothing is guessed."""
    assert in_words(text) is None

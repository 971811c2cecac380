"""The AI Act's terms in days are counted as Regulation 1182/71 counts the periods of EU law:
from the day after awareness, to the end of the last day, past a weekend."""

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.facts.serious_incident_clock import SeriousClock, Term, term_end

CET = timezone(timedelta(hours=1))
DEATH = Term(10, "Art. 73(4)", "a person died")
WIDESPREAD = Term(2, "Art. 73(3)", "a widespread infringement")


def test_the_term_ends_with_its_last_day() -> None:
    clock = SeriousClock(datetime(2026, 11, 10, 10, 0, tzinfo=CET), DEATH)
    assert clock.last_day == date(2026, 11, 20)
    assert clock.deadline == datetime(2026, 11, 21, 0, 0, tzinfo=CET)
    assert term_end(clock) == "the end of 2026-11-20 (UTC+01:00; 2026-11-20 23:00 UTC)"


@pytest.mark.parametrize(
    ("aware", "last"),
    [
        (date(2026, 11, 19), date(2026, 11, 23)),  # Thursday + 2 = Saturday: Monday
        (date(2026, 11, 20), date(2026, 11, 23)),  # Friday + 2 = Sunday: Monday
        (date(2026, 11, 21), date(2026, 11, 23)),  # Saturday + 2 = Monday itself
    ],
)
def test_a_last_day_in_a_weekend_moves_to_monday(aware: date, last: date) -> None:
    clock = SeriousClock(datetime.combine(aware, time(18, 0), CET), WIDESPREAD)
    assert clock.last_day == last
    assert clock.moved == (aware != date(2026, 11, 21))


def test_on_its_last_day_the_term_has_not_passed() -> None:
    clock = SeriousClock(datetime(2026, 11, 10, 10, 0, tzinfo=CET), DEATH)
    assert not clock.passed(date(2026, 11, 20))
    assert clock.passed(date(2026, 11, 21))


@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2035, 12, 31)),  # noqa: DTZ001 - naive: hypothesis wants them so
    st.integers(min_value=-12 * 60, max_value=14 * 60),
    st.sampled_from([DEATH, WIDESPREAD, Term(15, "Art. 73(2)", "the general term")]),
)
def test_the_end_is_a_weekday_midnight_at_least_the_term_away(
    moment: datetime, minutes: int, term: Term
) -> None:
    start = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    clock = SeriousClock(start, term)
    assert clock.last_day.weekday() < 5
    assert clock.deadline.timetz() == time(0, 0, tzinfo=start.tzinfo)
    assert timedelta(days=term.days) < clock.deadline - start <= timedelta(days=term.days + 3)
    assert clock.deadline.astimezone(UTC) > start.astimezone(UTC)

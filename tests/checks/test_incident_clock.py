"""How the breach clock words a span of time in findings (whole hours, then minutes and
seconds) and a term that runs out on the ``--as-of`` day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from complykit.facts.incident_clock import duration, term_stands


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (timedelta(0), "0 hours"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=2), "2 hours"),
        (timedelta(hours=72, minutes=1), "72 hours 1 minute"),
        (timedelta(hours=72, minutes=59, seconds=59), "72 hours 59 minutes 59 seconds"),
        (timedelta(hours=24, seconds=59), "24 hours 59 seconds"),
        (timedelta(hours=72, seconds=1), "72 hours 1 second"),
        (timedelta(hours=72, microseconds=1), "72 hours 1 second"),
    ],
)
def test_duration_reads_like_a_sentence(span: timedelta, words: str) -> None:
    """A span is whole hours with the remaining minutes and seconds, singular where one: a
    span past 72 or 24 hours never reads as exactly 72 or 24 hours."""
    assert duration(span) == words


@pytest.mark.parametrize(
    ("term", "words"),
    [
        (
            datetime(2026, 11, 20, 0, 0, tzinfo=UTC),
            "; the 72 hours run out on 2026-11-20, at 2026-11-20T00:00+00:00: late then",
        ),
        (
            datetime(2026, 11, 20, 23, 59, tzinfo=UTC),
            "; the 72 hours run out on 2026-11-20, at 2026-11-20T23:59+00:00: late then",
        ),
        (datetime(2026, 11, 19, 23, 59, tzinfo=UTC), "they ended"),
        (datetime(2026, 11, 21, 0, 0, tzinfo=UTC), "they ended"),
    ],
)
def test_term_stands_says_when_a_term_runs_out_that_day(term: datetime, words: str) -> None:
    """A term ending within the day in UTC is said to run out then; any other is the caller's
    wording."""
    day = date(2026, 11, 20)
    said = term_stands(
        "the 72 hours", term, day, lead="; ", then=": late then", passed="they ended"
    )
    assert said == words

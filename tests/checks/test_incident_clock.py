"""How the breach clock words a span of time in findings: whole hours, then minutes and
seconds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from complykit.facts.incident_clock import duration


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

"""How the breach clock words an elapsed time in its messages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from complykit.facts.incident_clock import duration


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (timedelta(hours=72), "72 hours"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=72, minutes=1), "72 hours 1 minute"),
        (timedelta(hours=72, minutes=59, seconds=59), "72 hours 59 minutes 59 seconds"),
        (timedelta(hours=73, seconds=30), "73 hours 30 seconds"),
    ],
)
def test_duration_names_whole_hours_minutes_and_seconds(span: timedelta, words: str) -> None:
    """Hours always, minutes and seconds only when there are any, each in singular or plural."""
    assert duration(span) == words

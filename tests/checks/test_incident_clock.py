"""How the breach clock words a span of time in findings: whole hours, then minutes."""

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
        (timedelta(hours=72, minutes=59, seconds=59), "72 hours 59 minutes"),
        (timedelta(hours=24, seconds=59), "24 hours"),
    ],
)
def test_duration_reads_like_a_sentence(span: timedelta, words: str) -> None:
    """A span is whole hours with the remaining whole minutes, singular where one."""
    assert duration(span) == words

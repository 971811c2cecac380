"""RFC 5545 text: escaped values, folded lines, CRLF endings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from complykit.core.frozen import frozen
from complykit.escape.controls import visible

FOLD = 75  # octets per line before folding (RFC 5545 section 3.1)


@frozen
class Event:
    """One calendar entry: a whole day, or a moment in UTC, optionally repeating."""

    uid: str
    summary: str
    start: date | datetime
    description: str = ""
    rule: str | None = None
    categories: tuple[str, ...] = ()


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (section 3.3.11).

    Characters a terminal acts on or hides (escapes, C1 controls, bidirectional overrides,
    zero-width spaces) are spelled out as ``\\u202e`` (``escape.controls``): the format has no
    escape of its own for them, and the calendar may be printed to a terminal."""
    cleaned = visible(text.replace("\r\n", "\n").replace("\t", " "))
    return (
        cleaned.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """``line`` split into lines of at most 75 octets, continuations starting with a space."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > FOLD:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def calendar(name: str, events: Sequence[Event], stamp: datetime) -> str:
    """A VCALENDAR with ``events`` in order; ``stamp`` is every event's DTSTAMP."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//complykit//compliance calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines.extend(_event(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(event: Event, stamp: datetime) -> Iterable[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{event.uid}"
    yield f"DTSTAMP:{_moment(stamp)}"
    if isinstance(event.start, datetime):
        yield f"DTSTART:{_moment(event.start)}"
    else:
        yield f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}"
    if event.rule:
        yield f"RRULE:{event.rule}"
    yield f"SUMMARY:{escape(event.summary)}"
    if event.description:
        yield f"DESCRIPTION:{escape(event.description)}"
    if event.categories:
        yield f"CATEGORIES:{','.join(escape(c) for c in event.categories)}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def _moment(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")

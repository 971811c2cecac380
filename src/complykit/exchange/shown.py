"""Text from an imported file, made safe to print in a message.

A cell or a part name may hold line breaks, ANSI escapes or a CI command (``::error::``) that
would forge output in a terminal or a CI log; messages show such text escaped, on one line, cut
to a readable length.
"""

from __future__ import annotations

from complykit.escape import one_line

LIMIT = 80
ELLIPSIS = "\u2026"


def shown(text: str, limit: int = LIMIT) -> str:
    """``text`` escaped by :func:`complykit.escape.one_line`, cut to ``limit`` characters."""
    escaped = one_line(text)
    return escaped if len(escaped) <= limit else escaped[: limit - 1] + ELLIPSIS

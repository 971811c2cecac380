"""Text from an imported file, made safe to print in a message.

A cell or a part name may hold line breaks, ANSI escapes or a CI command (``::error::``) that
would forge output in a terminal or a CI log; messages show such text escaped, on one line, cut
to a readable length.
"""

from __future__ import annotations

import unicodedata

LIMIT = 80
ELLIPSIS = "\u2026"


def shown(text: str, limit: int = LIMIT) -> str:
    """``text`` with control and format characters escaped, cut to ``limit`` characters."""
    escaped = "".join(_escaped(char) for char in text)
    return escaped if len(escaped) <= limit else escaped[: limit - 1] + ELLIPSIS


def _escaped(char: str) -> str:
    if unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}:
        return char.encode("unicode_escape").decode("ascii") if ord(char) < 0x10000 else "?"
    return char

"""Turn offsets and parser marks into 1-based positions that lie inside the text."""

from __future__ import annotations


def clamp(text: str, line: int, column: int) -> tuple[int, int]:
    """Keep a (line, column) inside ``text``: parsers may point just past the last line."""
    lines = text.split("\n")
    line = min(max(line, 1), len(lines))
    column = min(max(column, 1), len(lines[line - 1]) + 1)
    return line, column


def offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    offset = min(max(offset, 0), len(text))
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1

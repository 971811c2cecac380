"""Turn offsets and parser marks into 1-based positions that lie inside the text."""

from __future__ import annotations


class TextLines:
    """The lengths of a text's lines, measured once (on first use) for placing any number of
    problems in it.

    Splitting the text for each problem made a file of 200,000 duplicate keys (1 MB) take
    minutes: one split per finding."""

    __slots__ = ("_lengths", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lengths: list[int] | None = None

    def clamp(self, line: int, column: int) -> tuple[int, int]:
        """Keep a (line, column) inside the text: parsers may point just past the last line."""
        if self._lengths is None:
            self._lengths = [len(text) for text in self._text.split("\n")]
        line = min(max(line, 1), len(self._lengths))
        column = min(max(column, 1), self._lengths[line - 1] + 1)
        return line, column


def offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    offset = min(max(offset, 0), len(text))
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1

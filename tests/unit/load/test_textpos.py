"""Positions placed inside the text, however many problems a file has."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from complykit.load.textpos import TextLines


@given(st.text(alphabet="ab\n\r", max_size=40), st.integers(-3, 12), st.integers(-3, 12))
def test_positions_are_clamped_into_the_text(text: str, line: int, column: int) -> None:
    """A parser may point past the last line or column; the place found is inside the text,
    and a place already inside it is kept."""
    lines = text.split("\n")
    found_line, found_column = TextLines(text).clamp(line, column)
    assert 1 <= found_line <= len(lines)
    assert 1 <= found_column <= len(lines[found_line - 1]) + 1
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1:
        assert (found_line, found_column) == (line, column)

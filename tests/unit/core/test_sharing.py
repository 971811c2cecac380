"""The tables that keep equal values once stay bounded and never hand back a different value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from complykit.core.sharing import SharedValues


def test_an_equal_value_is_found_as_the_first_one_kept() -> None:
    table: SharedValues[str, str] = SharedValues(10)
    word = "retention period"
    first = "".join([word[:2], word[2:]])
    table.keep(first, first)
    second = "".join([word[:3], word[3:]])
    assert second is not first
    assert table.get(second) is first


def test_a_full_table_forgets_everything_before_keeping_the_next() -> None:
    table: SharedValues[int, int] = SharedValues(3)
    for number in range(3):
        table.keep(number, number)
    assert table.keep(3, 3) == 3
    assert dict(table) == {3: 3}


@given(st.lists(st.text(max_size=3)), st.integers(min_value=1, max_value=5))
def test_it_never_holds_more_than_its_limit_and_only_keys_with_their_own_value(
    texts: list[str], limit: int
) -> None:
    table: SharedValues[str, str] = SharedValues(limit)
    for text in texts:
        found = table.get(text)
        kept = table.keep(text, text) if found is None else found
        assert kept == text
        assert len(table) <= limit

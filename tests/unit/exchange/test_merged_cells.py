"""Merged cells spread over a table's rows: nothing the table holds is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.exchange.merged_cells import Span, spread_merged
from complykit.exchange.sheet import Row

_CELLS = st.lists(st.sampled_from(["", "", "A", "B", "6.1.b", "NAW\nBSN"]), min_size=1, max_size=4)
_ROWS = st.lists(_CELLS, min_size=1, max_size=8)
_SPANS = st.lists(
    st.tuples(st.integers(0, 4), st.integers(1, 10), st.integers(0, 4)).map(
        lambda t: Span(t[0], t[1], t[1] + t[2])
    ),
    max_size=4,
)


@settings(max_examples=200, deadline=None)
@given(_ROWS, _SPANS, st.sets(st.integers(0, 4), max_size=2))
def test_every_value_is_kept(rows: list[list[str]], spans: list[Span], keys: set[int]) -> None:
    """Whatever is merged, every value of every row is in some row after spreading, and no row
    is added."""
    table = [Row(n, tuple(cells)) for n, cells in enumerate(rows, 2)]
    spread = spread_merged(table, spans, header=1, key_columns=keys)
    kept = "\n".join(cell for row in spread.rows for cell in row.cells)
    for row in table:
        for cell in row.cells:
            assert cell.strip() in kept
    assert {r.number for r in spread.rows} <= {r.number for r in table}


def test_a_span_above_the_header_is_left_alone() -> None:
    """A header cell merged down over two header rows is the header's business."""
    rows = [Row(3, ("Verlof", "")), Row(4, ("Ziekte", ""))]
    spread = spread_merged(rows, [Span(1, 1, 4)], header=2)
    assert spread.rows == tuple(rows)
    assert spread.warnings == ()

"""Merged cells spread over a table's rows: nothing the table holds is lost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from complykit.exchange.merged_cells import Span, spread_merged
from complykit.exchange.register_import import import_register
from complykit.exchange.sheet import Row
from unit.exchange.imported import written_record

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
    """Whatever is merged, every value of every row is in some row after spreading, as often as
    it was (a merged value given to more rows may occur more often), and no row is added.
    Counting matters: a value repeated in two joined rows and kept once loses the pairing of
    purposes with their bases."""
    table = [Row(n, tuple(cells)) for n, cells in enumerate(rows, 2)]
    spread = spread_merged(table, spans, header=1, key_columns=keys)
    before = _line_counts(cell for row in table for cell in row.cells)
    after = _line_counts(cell for row in spread.rows for cell in row.cells)
    assert before <= after, before - after
    assert {r.number for r in spread.rows} <= {r.number for r in table}


def _line_counts(cells: Iterable[str]) -> Counter[str]:
    """How often each non-empty line occurs in ``cells`` (a joined cell holds a line per row)."""
    return Counter(line.strip() for cell in cells for line in cell.splitlines() if line.strip())


def test_a_repeated_value_under_one_name_stays_a_line_per_row() -> None:
    """Two of four rows under one merged name have the same basis: the joined cell still has
    four lines, one per row, in the rows' order."""
    rows = [
        Row(2, ("HR", "Salaris", "Overeenkomst")),
        Row(3, ("", "Belasting", "Wettelijke verplichting")),
        Row(4, ("", "Pensioen", "Wettelijke verplichting")),
        Row(5, ("", "Reiskosten", "Overeenkomst")),
    ]
    spread = spread_merged(rows, [Span(0, 2, 5)], header=1, key_columns={0})
    assert spread.rows == (
        Row(
            2,
            (
                "HR",
                "Salaris\nBelasting\nPensioen\nReiskosten",
                "Overeenkomst\nWettelijke verplichting\nWettelijke verplichting\nOvereenkomst",
            ),
        ),
    )


def test_each_purpose_keeps_its_basis_under_one_merged_name(
    workspace: Path, tmp_path: Path
) -> None:
    """Four rows under one merged name, each with a purpose and its basis (Art. 30(1)(b),
    Art. 6(1)), two bases repeated. Kept once each, the four purposes met two bases, did not
    pair, and the activity was imported with no basis at all: the basis the register gives for
    every purpose was lost. Each purpose now keeps its own."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Register"
    rows: list[list[str | None]] = [
        ["Naam", "Doel", "Grondslag"],
        ["Personeelsadministratie", "Salaris betalen", "Overeenkomst"],
        [None, "Loonheffing afdragen", "Wettelijke verplichting"],
        [None, "Verzuim melden aan UWV", "Wettelijke verplichting"],
        [None, "Reiskosten vergoeden", "Overeenkomst"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:A5")
    book.save(tmp_path / "register.xlsx")
    import_register(workspace, tmp_path / "register.xlsx")
    record = written_record(workspace, "pa-personeelsadministratie.yaml")
    assert record["purposes"] == [
        {"description": "Salaris betalen", "legal_basis": "contract"},
        {"description": "Loonheffing afdragen", "legal_basis": "legal-obligation"},
        {"description": "Verzuim melden aan UWV", "legal_basis": "legal-obligation"},
        {"description": "Reiskosten vergoeden", "legal_basis": "contract"},
    ]


def test_a_span_above_the_header_is_left_alone() -> None:
    """A header cell merged down over two header rows is the header's business."""
    rows = [Row(3, ("Verlof", "")), Row(4, ("Ziekte", ""))]
    spread = spread_merged(rows, [Span(1, 1, 4)], header=2)
    assert spread.rows == tuple(rows)
    assert spread.warnings == ()

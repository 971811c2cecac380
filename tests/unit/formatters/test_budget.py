"""Rows cut to fit the places reports are posted to (``formatters.budget``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from complykit.formatters.budget import COMMENT_BUDGET, COMMENT_CHARACTERS, Rows, fitted

NOTE = "_{count} more_"
lines = st.lists(st.text(alphabet="ab|", max_size=30), max_size=4)
rows = st.builds(
    Rows,
    st.lists(st.text(alphabet="xy-", max_size=40), max_size=12),
    st.integers(0, 3),
    st.just(NOTE),
)
sections = st.lists(st.one_of(lines, rows), max_size=6)


def _length(document: list[str]) -> int:
    """Characters of the lines, each ended by a newline, as the formatters write them."""
    return sum(len(line) + 1 for line in document)


def _rebuilt(parts: list[list[str] | Rows], document: list[str]) -> list[str]:
    """``parts`` with each section's rows left out where ``document`` does not show them."""
    rebuilt: list[str] = []
    for part in parts:
        if not isinstance(part, Rows):
            rebuilt.extend(part)
            continue
        shown = 0
        for row in part.rows:  # the rows it shows, in order, passing over those it does not
            if document[len(rebuilt) : len(rebuilt) + 1] == [row]:
                rebuilt.append(row)
                shown += 1
        if shown < len(part.rows):
            rebuilt.append(NOTE.format(count=len(part.rows) - shown))
    return rebuilt


@given(sections, st.integers(0, 400))
def test_a_document_fits_whenever_its_fixed_lines_and_notes_do(
    parts: list[list[str] | Rows], budget: int
) -> None:
    """Rows are cut until the document fits; fixed lines are never dropped or reordered, each
    section shows rows of its own in their order, and a cut one says how many it left out."""
    document = fitted(parts, budget)
    fixed = sum(len(line) + 1 for part in parts if not isinstance(part, Rows) for line in part)
    notes = sum(len(NOTE.format(count=len(p.rows))) + 1 for p in parts if isinstance(p, Rows))
    if fixed + notes <= budget:
        assert _length(document) <= budget
    assert document == _rebuilt(parts, document)


@given(sections)
def test_everything_is_kept_when_it_fits(parts: list[list[str] | Rows]) -> None:
    flat = [line for part in parts for line in (part.rows if isinstance(part, Rows) else part)]
    assert fitted(parts, _length(flat)) == flat


def test_rows_first_in_line_are_kept_first() -> None:
    """With room for three rows, the section of priority 0 keeps its rows, in its place."""
    later = Rows(["later-1", "later-2"], 1, NOTE)
    first = Rows(["first-1", "first-2"], 0, NOTE)
    budget = _length(["head", "first-1", "first-2", NOTE.format(count=2)])
    assert fitted([["head"], later, first], budget) == ["head", "_2 more_", "first-1", "first-2"]


def test_room_is_left_for_the_actions_marker_line() -> None:
    marker = "<!-- complykit-action:diff -->"
    assert COMMENT_BUDGET + len(marker) + 1 < COMMENT_CHARACTERS


def test_a_cut_section_keeps_its_highest_ranks_and_a_whole_one_its_order() -> None:
    """Ranks (severities) decide what a cut keeps, shown first; a section that fits keeps
    the order it was given."""
    rows = Rows(["warn-1", "error-1", "warn-2", "error-2"], 0, NOTE, ranks=[1, 2, 1, 2])
    whole = fitted([["head"], rows], _length(["head", *rows.rows]))
    assert whole == ["head", "warn-1", "error-1", "warn-2", "error-2"]
    cut = fitted([["head"], rows], _length(["head", "error-1", "error-2", NOTE.format(count=4)]))
    assert cut == ["head", "error-1", "error-2", "_2 more_"]


def test_a_row_too_long_for_the_room_hides_no_row_after_it() -> None:
    """One finding with a huge value, first in its table, once took the whole table with it:
    every shorter row after it was counted as left out, none was shown."""
    rows = Rows(["x" * 500, "short-1", "short-2"], 0, NOTE)
    budget = _length(["head", "short-1", "short-2", NOTE.format(count=3)])
    assert fitted([["head"], rows], budget) == ["head", "short-1", "short-2", "_1 more_"]


def test_a_long_error_is_never_left_out_for_shorter_warnings() -> None:
    """An error too long for the room was passed over while the warnings after it were shown:
    the comment listed warnings and hid the error (a pull request could push its own error
    out by making its message long). A section that cannot cut its rows now takes no row of
    a lower rank once one was left out."""
    rows = Rows(["ERROR " + "x" * 500, "warning a", "warning b"], 0, NOTE, ranks=(2, 1, 1))
    assert fitted([["head"], rows], 60) == ["head", "_3 more_"]


def test_a_long_error_is_cut_to_the_room_left() -> None:
    """Where the section can cut a row, the long error is shown cut, ending in " […]", before
    the warnings that still fit."""

    def cut(room: int) -> str:
        return ("ERROR " + "x" * 500)[: room - 4] + " […]"

    def uncut(room: int) -> None:
        return None

    rows = Rows(
        ["ERROR " + "x" * 500, "warning a", "warning b"],
        0,
        NOTE,
        ranks=(2, 1, 1),
        cut=(cut, uncut, uncut),
    )
    document = fitted([["head"], rows], 60)
    assert document == ["head", document[1], "_2 more_"]
    assert document[1].startswith("ERROR xx")
    assert document[1].endswith(" […]")
    assert _length(document) <= 60

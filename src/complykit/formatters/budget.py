"""What the places a report is posted to accept, and rows cut to fit them.

A pull-request comment on GitHub holds at most 65,536 characters: a longer body is refused
("Body is too long") and the comment is not posted at all. A job summary holds 1 MiB per step,
and code scanning rejects a SARIF run with more than 25,000 results. A workspace adopting
complykit with a few thousand findings, or a stranger's pull request that adds a record with
thousands of wrong items, reached these limits, and then the reader got nothing. So the
Markdown outputs list the rows that fit, the most important first, and say how many more there
are and where to see them; SARIF keeps the most severe results (``formatters.sarif``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from complykit.core.frozen import frozen

COMMENT_CHARACTERS = 65_536
"""GitHub's limit on the body of an issue or pull-request comment."""
COMMENT_BUDGET = COMMENT_CHARACTERS - 1_536
"""What a Markdown document may use: the action puts a marker line before it, and a user's
workflow may add a line or two of its own."""
SARIF_RESULTS = 25_000
"""Code scanning rejects a SARIF run with more results than this (and shows 5,000)."""
CUT_ROW = 2_000
"""The most characters a row cut to fit keeps: cut to all the room left, one huge row would
take the place of every row after it."""


@frozen
class Rows:
    """A section's rows, of which as many are shown as the budget allows, in their order.

    ``priority``: lower first in line for the budget (the section keeps its place in the
    document). ``more``: the line that says how many rows were left out, given the count.
    """

    rows: Sequence[str]
    priority: int
    more: str
    ranks: Sequence[int] = ()
    """A rank per row (a severity): a section that is cut keeps its highest-ranked rows, in
    their order, and shows them first. Without ranks it keeps its first rows. A row too long
    for the room left is cut to it (to at most ``CUT_ROW``) where ``cut`` can, else passed
    over: the rows after it of the same rank still get their turn, but no row of a lower
    rank does, so a long error never leaves its place to a warning."""
    cut: Sequence[Callable[[int], str | None]] = ()
    """Per row, when given: the row in at most the given number of characters, its text cut
    and ending in " […]", or None when even its fixed cells take more."""

    def note(self, left_out: int) -> str:
        return self.more.format(count=left_out)

    def ranked(self) -> list[int]:
        """The indexes of the rows in the order a cut takes them."""
        if not self.ranks:
            return list(range(len(self.rows)))
        return sorted(range(len(self.rows)), key=lambda i: -self.ranks[i])

    def rank(self, index: int) -> int:
        return self.ranks[index] if self.ranks else 0


def fitted(sections: Sequence[Sequence[str] | Rows], budget: int = COMMENT_BUDGET) -> list[str]:
    """The lines of ``sections`` in order, each ``Rows`` cut so that the joined document (one
    newline after each line) stays within ``budget`` characters, if its fixed lines and the
    notes fit at all.

    Fixed lines are always kept. Room for every section's note is set aside first; rows get
    what is left, section by section in order of priority, and a section shown whole gives
    its note's room back."""
    cuttable = {i: s for i, s in enumerate(sections) if isinstance(s, Rows)}
    fixed = sum(_length(s) for s in sections if not isinstance(s, Rows))
    left = budget - fixed - sum(map(_note_room, cuttable.values()))
    kept: dict[int, list[str]] = {}
    for index in sorted(cuttable, key=lambda i: (cuttable[i].priority, i)):
        kept[index], left = _taken(cuttable[index], left)
    lines: list[str] = []
    for index, section in enumerate(sections):
        if not isinstance(section, Rows):
            lines.extend(section)
            continue
        lines.extend(kept[index])
        if len(kept[index]) < len(section.rows):
            lines.append(section.note(len(section.rows) - len(kept[index])))
    return lines


def _note_room(section: Rows) -> int:
    """The room set aside for the section: its note at the longest (the count is at most the
    number of rows), or its rows when they are shorter than that, and never cut."""
    return min(len(section.note(len(section.rows))) + 1, _length(section.rows))


def _length(lines: Sequence[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def _taken(section: Rows, left: int) -> tuple[list[str], int]:
    """The section's rows that fit in ``left`` characters, and what is left after."""
    total = _length(section.rows)
    if total <= left + _note_room(section):  # shown whole, as it is: no note
        return list(section.rows), left + _note_room(section) - total
    taken: list[str] = []
    passed_over: int | None = None  # the rank of a row that found no room
    for index in section.ranked():
        if passed_over is not None and section.rank(index) < passed_over:
            break  # ranked order: every row from here on ranks lower than one left out
        row = _fitting(section, index, left)
        # A row that does not fit even cut is passed over, not the end of the section: one
        # finding with a 100,000-character value would otherwise hide every row after it.
        if row is None:
            passed_over = section.rank(index)
            continue
        left -= len(row) + 1
        taken.append(row)
    return taken, left


def _fitting(section: Rows, index: int, left: int) -> str | None:
    """The row as it is if it fits in ``left`` characters (with its newline), else cut to fit
    where the section can cut it; None when it does not fit either way."""
    row = section.rows[index]
    if len(row) + 1 <= left:
        return row
    if not section.cut or left < 1:
        return None
    shorter = section.cut[index](min(left - 1, CUT_ROW))
    return shorter if shorter is not None and len(shorter) + 1 <= left else None

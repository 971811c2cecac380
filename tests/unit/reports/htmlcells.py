"""The text of every table cell of an HTML report, as a reader of the page sees it."""

from __future__ import annotations

from html.parser import HTMLParser

_CELLS = ("td", "th")
_SKIPPED = ("svg", "style", "title", "head")


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self._open: list[list[str]] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _CELLS:
            self._open.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping -= 1
        elif tag in _CELLS and self._open:
            self.cells.append(" ".join("".join(self._open.pop()).split()))

    def handle_data(self, data: str) -> None:
        if self._open and not self._skipping:
            self._open[-1].append(data)


def table_cells(html: str) -> list[str]:
    """Each non-empty cell's text, whitespace collapsed, in document order."""
    parser = _Cells()
    parser.feed(html)
    return [cell for cell in parser.cells if cell]

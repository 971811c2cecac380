"""Output formats for ``complykit diff``, chosen by name; the CLI's choices are the keys.

Importing this package stays cheap: Rich is imported only when the text format renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from complykit.diff.formats.json import JsonDiffFormatter
from complykit.diff.formats.markdown import MarkdownDiffFormatter
from complykit.diff.formats.text import TextDiffFormatter

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.diff.changes import Diff


class DiffFormatter(Protocol):
    """Writes one diff to a text stream in one output format."""

    def render(self, diff: Diff, stream: TextIO) -> None: ...


DIFF_FORMATTERS: dict[str, type[DiffFormatter]] = {
    "text": TextDiffFormatter,
    "json": JsonDiffFormatter,
    "markdown": MarkdownDiffFormatter,
}

__all__ = ["DIFF_FORMATTERS", "DiffFormatter"]

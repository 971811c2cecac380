"""Untrusted text made safe for where complykit shows it.

Every byte of a workspace may come from a stranger's pull request. Text from it reaches a
reviewer's terminal, a CI log that the runner scans for commands, a pull-request comment,
Markdown reports and spreadsheets; each destination has one function here, and every formatter
calls it.
"""

from __future__ import annotations

from complykit.escape.controls import visible
from complykit.escape.markdown import markdown
from complykit.escape.runner import (
    DefusingWriter,
    defuse,
    defuse_json,
    defuse_markup,
    defusing,
    has_command,
)


def plain(text: str) -> str:
    """Text for a terminal or a CI log: controls visible, runner commands defused."""
    return defuse(visible(text))


def one_line(text: str) -> str:
    """Like :func:`plain`, with line breaks shown as ``\\n`` so the text stays on one line."""
    return defuse(visible(text, keep_newlines=False))


def spreadsheet(text: str) -> str:
    """Text for a spreadsheet cell or document property: controls, bidirectional overrides and
    invisible format characters shown as escapes, as the HTML and Markdown reports show them,
    line breaks kept. (That no text becomes a formula, number or link is the writer's part:
    it writes every string as a string.)"""
    return visible(text)


def name_bytes(text: str) -> bytes:
    """A file name's own bytes: undecodable bytes come back as they were on disk.

    A lone surrogate that no file system gave us (only a property test or a hand-made path) is
    written as a visible escape instead of raising.
    """
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace")


__all__ = [
    "DefusingWriter",
    "defuse",
    "defuse_json",
    "defuse_markup",
    "defusing",
    "has_command",
    "markdown",
    "name_bytes",
    "one_line",
    "plain",
    "spreadsheet",
    "visible",
]

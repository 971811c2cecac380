"""Untrusted text made safe for where complykit shows it.

Every byte of a workspace may come from a stranger's pull request. Text from it reaches a
reviewer's terminal, a CI log that the runner scans for commands, a pull-request comment and
Markdown reports; each destination has one function here, and every formatter calls it.
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


__all__ = [
    "DefusingWriter",
    "defuse",
    "defuse_json",
    "defuse_markup",
    "defusing",
    "has_command",
    "markdown",
    "one_line",
    "plain",
    "visible",
]

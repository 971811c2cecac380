"""CI runner commands, defused: text from a workspace must never steer the job that prints it.

Runners read every line a job prints. GitHub Actions runs ``::command::`` when it starts a line
(after leading whitespace, which it trims) and the legacy ``##[command]`` anywhere in a line;
Azure Pipelines runs ``##vso[...]`` anywhere in a line, in any letter case, and TeamCity
``##teamcity[...]``. Each is broken by
spelling its first character as a visible escape (``\\x3a``, ``\\x23``).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TYPE_CHECKING

from complykit.escape.controls import unsafe_chars, visible
from complykit.escape.passthrough import StandIn

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import TextIO


def _json_unsafe(text: str) -> str:
    return unsafe_chars(text, _json_escape)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


# Leading whitespace, and the colour codes Rich puts before a line when FORCE_COLOR is set.
_LINE_START = r"(?:\s|\x1b\[[0-9;]*m)*"
# Any colon that starts a line is escaped, not just `::`: a field that is a lone `:` must not
# become a command when a formatter puts a `:` of its own after it.
_GITHUB = re.compile(f"^({_LINE_START}):", re.MULTILINE)
# `##[cmd]` (GitHub, legacy), `##vso[` (Azure) and `##teamcity[` (TeamCity service messages):
# any `##` before a word and a `[` is treated as a command prefix.
_ANYWHERE = re.compile(r"#(?=#[A-Za-z]*\[)")


# A line that starts with a colon after white space only: all that _GITHUB can match without a
# colour code. Anchored on the newline, so the search skips from line to line instead of
# trying `^` at every character (a fifth of the time of a page's escaping).
_AFTER_NEWLINE = re.compile(r"\n\s*:")
_AT_START = re.compile(r"\s*:")


def _colon_starts_a_line(text: str) -> bool:
    """False only when ``_GITHUB`` cannot match: no line starts with a colon or an escape."""
    return "\x1b" in text or bool(_AT_START.match(text) or _AFTER_NEWLINE.search(text))


def defuse(text: str) -> str:
    """``text`` with no runner command left in any of its lines."""
    text = _ANYWHERE.sub(r"\\x23", text)
    if not _colon_starts_a_line(text):
        return text
    return _GITHUB.sub(lambda match: f"{match.group(1)}\\x3a", text)


_COMMAND = re.compile(f"^{_LINE_START}::|##[A-Za-z]*\\[", re.MULTILINE)


def has_command(text: str) -> bool:
    """Whether any line of ``text`` holds something a GitHub or Azure runner would execute."""
    return _COMMAND.search(text) is not None


def defuse_json(text: str) -> str:
    """Serialised JSON with every ``##`` written ``#\\u0023`` and every unsafe character as a
    ``\\uNNNN`` escape: the same data, inert in a log and a terminal.

    ``#`` and non-ASCII characters only occur inside JSON strings, where escapes are valid.
    """
    return _json_unsafe(text.replace("##", "#\\u0023"))


def defuse_markup(text: str) -> str:
    """A serialised HTML or XML document with ``##`` and a line-starting ``::`` written as character
    references, and control characters shown visibly: the same page, inert in a log."""
    text = visible(text).replace("##", "#&#35;")
    if not _colon_starts_a_line(text):
        return text
    return _GITHUB.sub(lambda match: f"{match.group(1)}&#58;", text)


class DefusingWriter(StandIn):
    """A text stream that defuses each line before passing it on.

    Rich wraps table cells and folds long words, so a field that was safe on its own can start
    a new line with ``::``. Checking whole lines as they are written closes that gap.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            self._stream.write(defuse(line) + "\n")
        return len(text)

    def flush(self) -> None:
        # A partial line stays pending: its start decides whether it is a command.
        self._stream.flush()

    def close(self) -> None:
        """Write the last, unfinished line; the underlying stream stays open."""
        if self._pending:
            self._stream.write(defuse(self._pending))
            self._pending = ""
        self._stream.flush()
        super().close()


@contextmanager
def defusing(stream: TextIO) -> Iterator[TextIO]:
    """``stream`` wrapped in a :class:`DefusingWriter` that is closed, flushing all, on exit."""
    writer = DefusingWriter(stream)
    try:
        yield writer  # type: ignore[misc]
    finally:
        writer.close()

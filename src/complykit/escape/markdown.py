"""Untrusted text made literal in GitHub-flavoured Markdown: a PR comment or a Markdown report.

Nothing from a field may become markup: no raw HTML, link, image (a tracking pixel), heading,
emphasis, code span, table-cell boundary or line break, and no ``@user`` or ``@org/team``
mention that would notify people. Mentions get a zero-width space after the ``@``, as
Dependabot does: GitHub links mentions in the rendered text, where a backslash no longer is.
"""

from __future__ import annotations

import re

from complykit.escape.controls import visible
from complykit.escape.runner import defuse

_HTML = {"<": "&lt;", ">": "&gt;"}
# An `&` only matters where it starts a character reference: `&#64;` would be an `@`.
_REFERENCE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Punctuation that is markup anywhere in a line (emphasis, code, links and images, table cells,
# headings, math). Line-start markup (lists, quotes) cannot occur: a field never starts a line.
# `#` also breaks `##vso[`, and `[` the links and images that `(`, `!` and `:` would need.
_MARKUP = re.compile(r"([\\`*_~\[\]|#$])")
# GitHub links `@name` where the `@` follows no ASCII letter, digit or underscore; an e-mail
# address stays as it is.
_MENTION = re.compile("(?<![A-Za-z0-9_])@")
_NEWLINES = re.compile(r"\r\n|\r|\n")
BREAK = "<br>"


def markdown(text: str, *, breaks: bool = True) -> str:
    """``text`` shown literally inside a Markdown paragraph, list item or table cell.

    Line breaks become ``<br>`` when ``breaks``, otherwise every run of whitespace becomes
    one space; either way the result is one line.
    """
    text = _NEWLINES.sub("\n", text)
    if not breaks:
        text = " ".join(text.split())
    text = visible(text)
    text = _REFERENCE.sub("&amp;", text)
    text = "".join(_HTML.get(char, char) for char in text)
    text = _MARKUP.sub(r"\\\1", text)
    text = _MENTION.sub("@&#8203;", text)
    return defuse(text.replace("\n", BREAK))

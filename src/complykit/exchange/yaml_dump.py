"""YAML that complykit writes for people to keep, which reads back as the very same values.

YAML reads four characters besides "\\n" as line breaks (CR, NEL U+0085, and the Unicode line
and paragraph separators) and folds them into "\\n" or a space unless they are escaped, which
only a double-quoted scalar does. PyYAML's emitter writes them raw in other styles: "a\\x85b"
(a NEL, which is what "…" becomes in a cp1252 file read as latin-1) was written as 'a\\x85  b'
and read back as "a b". Text holding one of them is therefore written double-quoted, with the
break escaped; all other text is written as PyYAML would.
"""

from __future__ import annotations

from typing import Any

import yaml

from complykit.escape.controls import visible

OTHER_BREAKS = frozenset("\r\x85\u2028\u2029")
"""Characters YAML reads as line breaks besides "\\n"."""


class SafeTextDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing text so that it reads back unchanged."""

    multiline: str | None = None
    """The style of text with "\\n" in it ("|" for a literal block); None for PyYAML's choice."""


def _text(dumper: SafeTextDumper, value: str) -> yaml.ScalarNode:
    """Double-quoted when the text holds another line break, else as the dumper prefers."""
    if OTHER_BREAKS.intersection(value):
        style: str | None = '"'
    else:
        style = dumper.multiline if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


SafeTextDumper.add_representer(str, _text)


def dump_text(data: Any) -> str:
    """``data`` as YAML in complykit's layout: keys in their order, UTF-8 text as it is, lines
    folded at 100 characters.

    Text holding a character a terminal acts on or hides (an escape, a bidirectional override,
    a zero-width space: ``escape.controls``) is never written raw: such a document is written
    in ASCII, every other character escaped in double quotes, which reads back the same."""
    text = _dumped(data, allow_unicode=True)
    return _dumped(data, allow_unicode=False) if visible(text) != text else text


def _dumped(data: Any, *, allow_unicode: bool) -> str:
    return yaml.dump(
        data, Dumper=SafeTextDumper, sort_keys=False, allow_unicode=allow_unicode, width=100
    )

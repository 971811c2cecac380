"""YAML that complykit writes for people to keep, which reads back as the very same values.

YAML reads four characters besides "\\n" as line breaks (CR, NEL U+0085, and the Unicode line
and paragraph separators) and folds them into "\\n" or a space unless they are escaped, which
only a double-quoted scalar does. PyYAML's emitter writes them raw in other styles: "a\\x85b"
(a NEL, which is what "…" becomes in a cp1252 file read as latin-1) was written as 'a\\x85  b'
and read back as "a b". Text holding one of them is therefore written double-quoted, with the
break escaped; all other text is written as PyYAML would.

PyYAML's emitter in Python took about half the CPU time of a 10,000-record Fides export
(choosing each scalar's style); libyaml's (``CSafeDumper``) writes the same text for a
fraction of that. The two
differ only where libyaml escapes a character outside Unicode's Basic Multilingual Plane (an
emoji becomes ``"\\U0001F600"``) and in where long escaped lines are folded; both read back
the same, but people keep these files, so such text is written by the Python emitter.

Compacted records (``model.compact``) hold frozen lists and mappings (``FrozenList``,
``FrozenDict``, the one empty list ``EMPTY``), and hold one instance wherever equal lists recur.
Both dumpers write them as the plain lists and mappings they equal, each in full where it
occurs: PyYAML's safe dumper refuses them ("cannot represent an object"), and would write an
instance met twice as an anchor and an alias. A dump is then the same for a workspace of 500
records or more (whose records are compacted) as for a smaller one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from complykit.escape.controls import visible
from complykit.load.resolver import FLOAT_PATTERN, INT_PATTERN
from complykit.model.empty import FrozenDict, FrozenList

OTHER_BREAKS = frozenset("\r\x85\u2028\u2029")
"""Characters YAML reads as line breaks besides "\\n"."""


class SafeTextDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing text so that it reads back unchanged."""

    multiline: str | None = None
    """The style of text with "\\n" in it ("|" for a literal block); None for PyYAML's choice."""

    def ignore_aliases(self, data: Any) -> bool:
        return _written_in_full(data) or super().ignore_aliases(data)


class _LibyamlTextDumper(yaml.CSafeDumper):
    """The same representation as ``SafeTextDumper``, emitted by libyaml."""

    multiline: str | None = None

    def ignore_aliases(self, data: Any) -> bool:
        return _written_in_full(data) or super().ignore_aliases(data)


def _written_in_full(data: Any) -> bool:
    """Whether ``data`` is a list or mapping that compacted records share (see the module):
    written in full at each place, as the separate lists of an uncompacted record are."""
    return isinstance(data, (FrozenList, FrozenDict))


def _text(dumper: SafeTextDumper | _LibyamlTextDumper, value: str) -> yaml.ScalarNode:
    """Double-quoted when the text holds another line break, else as the dumper prefers."""
    if OTHER_BREAKS.intersection(value):
        style: str | None = '"'
    elif INT_PATTERN.match(value) or FLOAT_PATTERN.match(value):
        # PyYAML's YAML 1.1 leaves "1e5" and "0o17" plain, which complykit reads as numbers.
        style = "'"
    else:
        style = dumper.multiline if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: SafeTextDumper | _LibyamlTextDumper, value: FrozenList) -> yaml.SequenceNode:
    return dumper.represent_list(value)


def _mapping(dumper: SafeTextDumper | _LibyamlTextDumper, value: FrozenDict) -> yaml.MappingNode:
    return dumper.represent_dict(value)


for _dumper in (SafeTextDumper, _LibyamlTextDumper):
    _dumper.add_representer(str, _text)
    # "multi": for their subclasses too (``EMPTY`` is an ``EmptyList``, a ``FrozenList``).
    _dumper.add_multi_representer(FrozenList, _list)
    _dumper.add_multi_representer(FrozenDict, _mapping)


def dump_text(data: Any) -> str:
    """``data`` as YAML in complykit's layout: keys in their order, UTF-8 text as it is, lines
    folded at 100 characters.

    Text holding a character a terminal acts on or hides (an escape, a bidirectional override,
    a zero-width space: ``escape.controls``) is never written raw: such a document is written
    in ASCII, every other character escaped in double quotes, which reads back the same."""
    text = _dumped(data, allow_unicode=True)
    return _dumped(data, allow_unicode=False) if visible(text) != text else text


def _dumped(data: Any, *, allow_unicode: bool) -> str:
    plain = allow_unicode and not any(max(text, default="") > _LAST_BMP for text in _texts(data))
    dumper = _LibyamlTextDumper if plain else SafeTextDumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=allow_unicode, width=100)


_LAST_BMP = "\uffff"


def _texts(data: Any) -> Iterator[str]:
    """Every text in ``data``, keys included."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(key)
            yield from _texts(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            yield from _texts(value)

"""Where each key and value of a document sits in the text it was parsed from, kept compactly.

The loader records every place while it builds a document's data, from the bytes it read,
once. A finding located later (a schema error, a rule's finding after the checks ran) is
placed from this record: no file is read again, so a file edited after loading cannot move a
finding, and no node tree is kept.

Places are kept as they are written, in document order, as bytes: one byte per mapping,
sequence, scalar, key or end of a collection (its kind, and how many lines down from the
previous place it starts), then its column (one byte below 128). Keys are kept once per
document, and each key place names its key by number. The places of the 10,000 records of the
benchmark workspace take 5.4 MiB this way (0.55 KiB a record, a third of its YAML); a node
tree takes some hundred bytes per value. Locating a finding unpacks one document's places into
an index (``_Index``) and walks it: only documents with findings pay for that.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from complykit.core.sharing import SharedValues

if TYPE_CHECKING:
    from complykit.load.pyyaml import yaml

Loc = Sequence[str | int]

MAPPING, SEQUENCE, SCALAR, KEY, END = 0, 1, 2, 3, 4
_ESCAPE = 31
"""A line step this large or larger is written as a number after the kind byte."""
_CONTAINER_WORDS = 4
_SCALAR_WORDS = 3
_KEY_WORDS = 2
_Found = tuple[int, int, tuple[int, int]]
_KEY_LISTS: SharedValues[tuple[str, ...], tuple[str, ...]] = SharedValues(50_000)
_SAME: SharedValues[bytes, Places] = SharedValues(200_000)
"""The places of documents of the same shape, kept once while a workspace loads: records of a
kind written from one template place their values alike, line for line (half the documents of
the benchmark's 50,000 records: 5 of 15 MiB of places)."""


class Places:
    """The places of one document, packed as the module docstring says."""

    __slots__ = ("code", "keys")

    def __init__(self, code: bytes, keys: tuple[str, ...]) -> None:
        self.code = code
        self.keys = _shared(keys)

    @staticmethod
    def of(code: bytes, keys: tuple[str, ...]) -> Places:
        """The places ``code`` with ``keys``: while a workspace loads, the one instance for every
        document placed the same way (``_SAME``)."""
        found = _SAME.get(code)
        if found is not None and found.keys == keys:
            return found
        made = Places(code, keys)
        return _SAME.keep(code, made) if found is None else made

    def __reduce__(self) -> tuple[Callable[..., Places], tuple[bytes, tuple[str, ...]]]:
        return _unpickled, (self.code, self.keys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Places) and (self.code, self.keys) == (other.code, other.keys)

    def __hash__(self) -> int:
        return hash(self.code)

    def start(self) -> tuple[int, int]:
        """1-based line and column where the document's value starts."""
        return _index(self).start(0)

    def locate(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """Position of the deepest value along ``loc``.

        Parts that name nothing (pydantic's union branch labels, a missing field) are skipped,
        so an error on a missing field points at its nearest existing parent. With ``at_key``
        a mapping entry is located at its key rather than its value, which reads better for
        "unknown field" errors.
        """
        return _index(self).locate(loc, at_key=at_key)


@lru_cache(maxsize=16)
def _index(places: Places) -> _Index:
    """The unpacked index of ``places``, kept for the next few look-ups: a record's findings
    are placed one after another, and unpacking the document for each made a record with
    20,000 wrong list items take minutes."""
    return _Index.of(places)


def _unpickled(code: bytes, keys: tuple[str, ...]) -> Places:
    """Places sent by a parse worker, shared as those made here are."""
    return Places.of(code, keys)


def forget_shared_places() -> None:
    """Drop the table that finds equal places (not the places documents hold): a loader calls
    this once every document of a run is read."""
    _SAME.clear()


def _shared(keys: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple for every document that names the same keys in the same order.

    Records of one kind mostly do, and the tuple (with the names, which arrive as fresh
    strings from each worker's slice) took a third of the places' memory.
    """
    found = _KEY_LISTS.get(keys)
    return _KEY_LISTS.keep(keys, tuple(map(sys.intern, keys))) if found is None else found


class PlacesRecorder:
    """Packs places while a builder walks a document in order; marks are 0-based."""

    __slots__ = ("buffer", "key_numbers", "line")

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.key_numbers: dict[str, int] = {}
        self.line = 0

    def put(self, kind: int, line: int, column: int) -> None:
        """A mapping, sequence or scalar starting at ``line``, ``column``; ``close`` ends the
        first two. Once per value of the workspace, so the usual case takes one step."""
        step = line - self.line
        self.line = line
        if step < _ESCAPE and column < 0x80:
            self.buffer.extend((kind | step << 3, column))
        else:
            self._put_far(kind, step, column)

    def _put_far(self, kind: int, step: int, column: int) -> None:
        buffer = self.buffer
        if step < _ESCAPE:
            buffer.append(kind | step << 3)
        else:
            buffer.append(kind | _ESCAPE << 3)
            _number(buffer, step)
        _number(buffer, column)

    def close(self) -> None:
        self.buffer.append(END)

    def key(self, text: str, line: int, column: int) -> None:
        numbers = self.key_numbers
        number = numbers.setdefault(text, len(numbers))
        step = line - self.line
        self.line = line
        if step < _ESCAPE and column < 0x80 and number < 0x80:
            self.buffer.extend((KEY | step << 3, column, number))
        else:
            self._put_far(KEY, step, column)
            _number(self.buffer, number)

    def done(self) -> Places:
        # Interned: the same few field names recur in every record of a workspace.
        return Places.of(bytes(self.buffer), tuple(self.key_numbers))


def _number(buffer: bytearray, value: int) -> None:
    """``value`` in base 128, low digits first, the high bit set on all but the last byte."""
    while value >= 0x80:
        buffer.append(value & 0x7F | 0x80)
        value >>= 7
    buffer.append(value)


class _Reader:
    __slots__ = ("at", "code")

    def __init__(self, code: bytes) -> None:
        self.code, self.at = code, 0

    def number(self) -> int:
        value, shift = 0, 0
        while True:
            byte = self.code[self.at]
            self.at += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value
            shift += 7


class _Index:
    """One document's places unpacked into a flat list that can skip whole subtrees.

    A value takes a header word (its size in words, shifted left by two, or'ed with its kind),
    its line and its column; a mapping or sequence adds how many keys lie below it. A mapping
    entry's key takes its line and column, just before the value; ``keys`` holds the key
    texts in the same order.
    """

    __slots__ = ("children", "keys", "words")

    def __init__(self, words: list[int], keys: list[str]) -> None:
        self.words, self.keys = words, keys
        self.children: dict[int, dict[str | int, _Found]] = {}
        """Per container looked into, its children by key or index (``_child``)."""

    @classmethod
    def of(cls, places: Places) -> _Index:
        words: list[int] = []
        keys: list[str] = []
        opened: list[int] = []
        reader, line = _Reader(places.code), 0
        while reader.at < len(places.code):
            byte = places.code[reader.at]
            reader.at += 1
            kind = byte & 7
            if kind == END:
                at = opened.pop()
                words[at] |= (len(words) - at) << 2
                words[at + 3] = len(keys) - words[at + 3]
                continue
            step = byte >> 3
            line += reader.number() if step == _ESCAPE else step
            column = reader.number()
            if kind == KEY:
                words += (line + 1, column + 1)
                keys.append(places.keys[reader.number()])
            elif kind == SCALAR:
                words += (_SCALAR_WORDS << 2 | SCALAR, line + 1, column + 1)
            else:
                opened.append(len(words))
                words += (kind, line + 1, column + 1, len(keys))
        return cls(words, keys)

    def start(self, at: int) -> tuple[int, int]:
        """1-based line and column of the value whose header is at word ``at``."""
        return self.words[at + 1], self.words[at + 2]

    def locate(self, loc: Loc, *, at_key: bool) -> tuple[int, int]:
        at, first_key, key_at = 0, 0, self.start(0)
        for part in loc:
            found = self._child(at, first_key, part)
            if found is not None:
                at, first_key, key_at = found
        return key_at if at_key else self.start(at)

    def _child(self, at: int, first_key: int, part: str | int) -> _Found | None:
        """(header, first key below it, key or item position) of the child ``part`` names."""
        children = self.children.get(at)
        if children is None:  # listed once: looking each one up from the first was quadratic
            children = self.children[at] = self._children(at, first_key)
        return children.get(part)

    def _children(self, at: int, first_key: int) -> dict[str | int, _Found]:
        words, keys = self.words, self.keys
        kind, end = words[at] & 3, at + (words[at] >> 2)
        child, key, item = at + _CONTAINER_WORDS, first_key, 0
        found: dict[str | int, _Found] = {}
        while child < end:  # a scalar has no words past its header, so no children
            if kind == MAPPING:
                key_place = (words[child], words[child + 1])
                child += _KEY_WORDS
                found.setdefault(keys[key], (child, key + 1, key_place))
                key += 1
            else:
                found[item] = (child, key, self.start(child))
                item += 1
            key += words[child + 3] if words[child] & 3 != SCALAR else 0
            child += words[child] >> 2
        return found


def places_of(root: yaml.nodes.Node) -> Places:
    """The places of a composed node tree (used where the loader composed nodes)."""
    from complykit.load.pyyaml import yaml  # noqa: PLC0415 - keeps import light

    mapping_node, sequence_node = yaml.nodes.MappingNode, yaml.nodes.SequenceNode

    recorder = PlacesRecorder()

    def visit(node: yaml.nodes.Node) -> None:
        line, column = node.start_mark.line, node.start_mark.column
        if isinstance(node, mapping_node):
            recorder.put(MAPPING, line, column)
            for key, value in node.value:
                recorder.key(str(key.value), key.start_mark.line, key.start_mark.column)
                visit(value)
            recorder.close()
        elif isinstance(node, sequence_node):
            recorder.put(SEQUENCE, line, column)
            for item in node.value:
                visit(item)
            recorder.close()
        else:
            recorder.put(SCALAR, line, column)

    visit(root)
    return recorder.done()

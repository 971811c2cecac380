"""A record's references as plain JSON, kept with its file's outcome in the cache.

The checks over every record (unknown, wrong-kind and duplicate references) run again whenever
any file changes; with the references of unchanged files kept, they need no record built.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from complykit.cache.jsontext import compact_json, read_json
from complykit.model.references import (
    MARKER_NAMES,
    Marker,
    Reference,
    Row,
    marker_key,
)
from complykit.model.types import ControlsMarker, RefTo

_NAMED: dict[str, Marker] = {name: marker() for marker, name in MARKER_NAMES.items()}


def encode(found: list[Reference]) -> str:
    """As JSON text inside the file's outcome: a run reads every outcome but decodes the
    references of a few records, and a text is parsed several times faster than the lists."""
    # Tuples are written as lists, by orjson and json alike: no copies made to write them.
    return encode_rows([(marker_key(r.marker), r.value, r.loc) for r in found])


def encode_rows(rows: list[Row]) -> str:
    """``encode`` for references walked as rows (``model.references.reference_rows``)."""
    return compact_json(rows)


def decode(text: Any) -> list[Reference]:
    """Raises ValueError (or TypeError) when ``text`` is not what ``encode`` writes."""
    if not isinstance(text, str):
        raise TypeError("references are not a text")
    rows = read_json(text)
    if not isinstance(rows, list):
        raise TypeError("references are not a list")
    return [_reference(row) for row in rows]


def _reference(row: Any) -> Reference:
    name, value, loc = row
    if not isinstance(loc, list) or not all(isinstance(p, str | int) for p in loc):
        raise TypeError("a reference's place is not a list of keys and indexes")
    marker = _refers_to(tuple(name)) if isinstance(name, list) else _NAMED[name]
    if not isinstance(value, dict if isinstance(marker, ControlsMarker) else str):
        raise TypeError("a reference's value has the wrong type")
    return Reference(tuple(loc), value, marker)


@cache
def _refers_to(kinds: tuple[str, ...]) -> RefTo:
    if not all(isinstance(kind, str) for kind in kinds):
        raise TypeError("a reference's kinds are not texts")
    return RefTo(kinds)

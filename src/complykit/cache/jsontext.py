"""The cache's JSON text: orjson's for what complykit made, the standard library's for user data.

Most entries hold values complykit made itself: the outcome of each file, findings, the
summaries and references of records, what each check read. They are text, small whole
numbers (lines, indexes), booleans, lists and mappings, which orjson writes about fifteen
times and reads about twice as fast as the standard library. At 10,000 records that made a
first run 6% faster and a run with one file changed 8% faster (``docs/performance.md``).

Data entries hold what a user's YAML held, and there the two differ: orjson writes a float
that is not a number as ``null`` and reads an integer past 64 bits back as a float. A record
built from such an entry would not be the record its file holds, so data entries keep the
standard library's exact round trip (``exact_json``, ``read_exact``).

orjson also refuses a few values the standard library takes: a file name whose bytes are not
UTF-8 (held as surrogate escapes, PEP 383), a mapping with keys that are not text. Those are
written by the standard library, as before, and read back by it when orjson refuses the text.
Every entry is checked for shape when read, so a value of the wrong type is a miss.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

exact_json: Callable[[Any], str] = json.JSONEncoder(separators=(",", ":")).encode
"""``json.dumps(value, separators=(",", ":"))``: the same text, from one encoder made once
(``json.dumps`` makes a new encoder on every call given an option)."""

read_exact: Callable[[str | bytes], Any] = json.loads


def compact_json(value: Any) -> str:
    """``value`` as compact JSON text, for values complykit made (not a user's data)."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return exact_json(value)


def read_json(text: str | bytes) -> Any:
    """The value of JSON text written by ``compact_json``; raises ValueError when not JSON."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)

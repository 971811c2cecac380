"""The cache's JSON: complykit's own values through orjson, a user's data exactly as written."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from complykit.cache.jsontext import compact_json, read_json
from complykit.cache.outcomes import FileCache, data_name
from complykit.load.positions import Places
from stores import cache_store

# File names whose bytes are not UTF-8 reach the cache as surrogate escapes (PEP 383).
_ESCAPED_BYTES = st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)
_TEXT = st.text(max_size=8) | st.text(_ESCAPED_BYTES, min_size=1, max_size=3)
_OWN_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)


@given(_OWN_VALUES)
def test_own_values_come_back_as_they_went_in(value: Any) -> None:
    text = compact_json(value)
    assert read_json(text) == value
    assert read_json(text.encode("utf-8")) == value  # as a cache entry's body is read
    assert json.loads(text) == value  # and it is plain JSON


def test_a_users_numbers_are_kept_exactly(tmp_path: Path) -> None:
    """YAML reads ``1e400`` as infinity and takes integers of any size; the data kept for a
    record gives them back as they were, never as null or as a rounded float."""
    files = {"risks/far.yaml": "ab" * 32, "risks/big.yaml": "cd" * 32}
    records = {
        "ab" * 32: {"kind": "risk", "id": "r-1", "x-far": math.inf, "x-near": -0.0},
        "cd" * 32: {"kind": "risk", "id": "r-2", "x-big": 2**80 + 1},
    }
    places = Places(b"\x01\x02", ("kind", "id"))
    store = cache_store(tmp_path)
    writer = FileCache(store, files, "code", "engine")
    writer.cold = False  # a warm run: it keeps the data of the records it read again
    for digest, data in records.items():
        writer.remember_data("risk", digest, 0, data, places)
    writer.write()
    assert all((store.folder / data_name("risk", digest)).is_file() for digest in records)

    reader = FileCache(cache_store(tmp_path), files, "code", "engine")
    kept = {digest: reader.data("risk", digest, 0) for digest in records}
    assert kept == {digest: (data, places) for digest, data in records.items()}
    assert math.copysign(1, kept["ab" * 32][0]["x-near"]) == -1  # type: ignore[index]
    assert type(kept["cd" * 32][0]["x-big"]) is int  # type: ignore[index]

"""Hypothesis strategies for YAML-ish text: valid fragments, near misses and raw bytes."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

_TOKENS = st.sampled_from(
    [
        "kind: supplier\n",
        "id: sup-x\n",
        "name: ",
        "- ",
        ": ",
        "&a ",
        "*a",
        "<<: ",
        "!!str ",
        "!!python/object ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\n",
        "  ",
        "---\n",
        "...\n",
        "'",
        '"',
        "#",
        "? ",
        "|\n",
        ">\n",
        "NO",
        "2024-01-01",
        "true",
        "yes",
        "0x1F",
        "1e9",
        "~",
        "\t",
        "\x00",
        "é",
        "\ufeff",
        "%YAML 1.2\n",
        "!custom ",
    ]
)

yaml_like_text = st.lists(_TOKENS | st.text(max_size=8), max_size=40).map("".join)
any_bytes = st.binary(max_size=400)

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["NO", "yes", "2024-01-01", "1:20", "0x1F", "~", "<<", "null", "-"])
)
plain_data = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
"""Plain data of every scalar type YAML 1.1 gives, nested in lists and mappings."""


def typed(value: Any) -> Any:
    """``value`` with each scalar paired with its type, so 1, 1.0 and True differ."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value), value)

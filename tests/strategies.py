"""Hypothesis strategies for YAML-ish text: valid fragments, near misses and raw bytes."""

from __future__ import annotations

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

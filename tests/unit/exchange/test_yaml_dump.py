"""YAML that complykit writes reads back as the very same values (``exchange.yaml_dump``).

PyYAML's emitter wrote a NEL (U+0085) raw inside quotes, and a reader folded it into a space:
an imported cell "a\\x85b" became "a b" in the record written for it, and the Fides export did
the same. Every text is now written so that it reads back unchanged.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from complykit.exchange.record_files import yaml_text
from complykit.exchange.yaml_dump import SafeTextDumper, dump_text
from complykit.load.resolver import FLOAT_PATTERN, INT_PATTERN
from complykit.model.empty import EMPTY, FrozenDict, FrozenList

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
KEYS = st.from_regex(r"[a-z][a-z_]{0,12}", fullmatch=True)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=20,
)
DATA = st.dictionaries(KEYS, VALUES, min_size=1, max_size=5)


@given(DATA)
def test_an_export_reads_back_as_written(data: dict[str, Any]) -> None:
    assert yaml.safe_load(dump_text(data)) == data


@given(DATA)
def test_a_record_file_reads_back_as_written(data: dict[str, Any]) -> None:
    text = yaml_text("imported from row 2", data)
    assert yaml.safe_load(text) == data


@given(st.dictionaries(KEYS, st.text(st.characters(codec="ascii"), max_size=40), min_size=1))
def test_text_without_other_line_breaks_is_written_as_before(data: dict[str, str]) -> None:
    """Only text holding CR, NEL or a Unicode separator, or text complykit's loader reads as
    a number ("1e5": see below), is written differently."""
    data = {key: value.replace("\r", "") for key, value in data.items()}
    assume(not any(INT_PATTERN.match(v) or FLOAT_PATTERN.match(v) for v in data.values()))
    expected = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    assert dump_text(data) == expected


def test_a_nel_is_escaped_not_folded() -> None:
    assert dump_text({"a": "a\x85b"}) == 'a: "a\\Nb"\n'
    assert yaml_text("c", {"a": "x\u2028y\nz"}) == '# c\na: "x\\Ly\\nz"\n'


PLAIN_TEXT = st.text(
    st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs", "Cc", "Cf"]), max_size=300
)


@given(st.dictionaries(KEYS, st.one_of(PLAIN_TEXT, st.lists(PLAIN_TEXT, max_size=3)), min_size=1))
def test_text_is_laid_out_as_pyyamls_python_emitter_lays_it_out(data: dict[str, Any]) -> None:
    """libyaml writes most exports; the files read as they did when Python wrote them."""
    python_layout = yaml.dump(
        data, Dumper=SafeTextDumper, sort_keys=False, allow_unicode=True, width=100
    )
    assert dump_text(data) == python_layout


def test_text_beyond_the_basic_plane_is_written_as_it_is_not_escaped() -> None:
    """libyaml would write an emoji as an escape; such a document is written by Python."""
    assert dump_text({"name": "Team 🚀", "notes": ["中 😀"]}) == "name: Team 🚀\nnotes:\n- 中 😀\n"


def test_text_that_complykit_reads_as_a_number_is_quoted() -> None:
    """PyYAML (YAML 1.1) writes "1e5" and "0o17" plain, and complykit's loader (YAML 1.2
    core) reads them as numbers: a breach described as "0E0" made a record the model refused."""
    from pathlib import PurePosixPath  # noqa: PLC0415

    from complykit.exchange.record_files import validation_problems  # noqa: PLC0415

    for text in ("1e5", "0E0", "0o17", "0x1F", ".5"):
        assert f"title: '{text}'" in yaml_text("c", {"title": text})
        assert f"'{text}'" in dump_text({"a": text})
    record = {"kind": "risk", "id": "risk-x", "title": "1e5", "category": "security",
              "inherent": {"likelihood": 1, "impact": 1}, "treatment": "accept"}  # fmt: skip
    assert validation_problems(PurePosixPath("risks/risk-x.yaml"), yaml_text("c", record)) == ()


def _as_compacted(data: Any) -> Any:
    """``data`` as a compacted record holds it: lists and mappings frozen, every empty list
    the one ``EMPTY``, equal lists one shared instance (``model.compact``)."""
    if isinstance(data, list):
        return FrozenList(map(_as_compacted, data)) if data else EMPTY
    if isinstance(data, dict):
        return FrozenDict({key: _as_compacted(value) for key, value in data.items()})
    return data


@given(DATA)
def test_frozen_lists_and_mappings_are_written_as_lists_and_mappings(data: dict[str, Any]) -> None:
    """A compacted record's lists and mappings are written as the ones the user wrote, by
    every dumper complykit writes with."""
    frozen = _as_compacted(data)
    assert dump_text(frozen) == dump_text(data)
    assert yaml_text("c", frozen) == yaml_text("c", data)


def test_shared_lists_are_written_out_where_they_occur_not_as_aliases() -> None:
    """Compacted records share one instance for equal lists (and one for every empty list):
    each is written in full where it occurs, as an uncompacted record's lists are, never as
    a YAML anchor and alias that a person reading the file would have to follow."""
    shared = FrozenList(["mail", "hosting"])
    controls = FrozenDict({"iso27001": shared})
    data = {"a": shared, "b": shared, "c": EMPTY, "d": EMPTY, "e": controls, "f": controls}
    services = ["mail", "hosting"]
    plain = {"a": list(services), "b": list(services), "c": [], "d": [],
             "e": {"iso27001": list(services)}, "f": {"iso27001": list(services)}}  # fmt: skip
    assert dump_text(data) == dump_text(plain)
    assert dump_text({**data, "name": "Team 🚀"}) == dump_text({**plain, "name": "Team 🚀"})
    assert yaml_text("c", data) == yaml_text("c", plain)
    assert "&" not in dump_text(data)

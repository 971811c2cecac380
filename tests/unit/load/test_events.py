"""The loader's fast path (built from events) agrees with the composing builder, or steps aside."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.load import yaml_file
from complykit.load.limits import DEFAULT_LIMITS, LoadLimits
from strategies import plain_data, typed, yaml_like_text

PATH = PurePosixPath("records/x.yaml")


@st.composite
def dumped(draw: st.DrawFn) -> str:
    """Plain data written as PyYAML writes it, in block or flow style, one or more documents."""
    documents = draw(st.lists(plain_data, min_size=1, max_size=3))
    flow = draw(st.sampled_from([False, True, None]))
    width = draw(st.sampled_from([20, 80]))
    return yaml.safe_dump_all(documents, default_flow_style=flow, width=width, allow_unicode=True)


def _same_as_composed(text: str, limits: LoadLimits = DEFAULT_LIMITS) -> None:
    fast = yaml_file._from_events(text, limits)
    composed = yaml_file._compose_all(PATH, text, limits)
    if fast is None:
        return
    assert composed.findings == ()
    assert [(d.index, typed(d.data), d.places) for d in fast] == [
        (d.index, typed(d.data), d.places) for d in composed.documents
    ]


@settings(max_examples=300, deadline=None)
@given(dumped())
def test_written_data_builds_as_composed(text: str) -> None:
    """Data PyYAML writes builds to the same values and places on both paths."""
    _same_as_composed(text)


@settings(max_examples=500, deadline=None)
@given(yaml_like_text)
def test_any_text_builds_as_composed_or_steps_aside(text: str) -> None:
    """For any text the fast path either matches the composing builder or gives up."""
    _same_as_composed(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: !custom x\n",
        "? [1, 2]\n: x\n",
        "<<: {a: 1}\n",
        "a: 1\na: 2\n",
        "a: {b: {c: {d: 1}}}\n",
        "'a': 1\nb: " + "x" * 50 + "\n",
        "a: 1\n---\nb: 2\n---\nc: 3\n",
        "a: [1, 2\n",
        "a\tb: 1\n",
        "'a\t': 1\n",
    ],
)
def test_the_fast_path_gives_up_on_what_it_does_not_judge(text: str) -> None:
    """Anchors, aliases, tags, complex and merge keys, duplicates, keys holding a tab, bad
    values, limits and syntax errors go to the composing builder, which reports them at
    their places."""
    limits = LoadLimits(max_depth=2, max_scalar_chars=40, max_documents=2)
    assert yaml_file._from_events(text, limits) is None


def test_a_value_python_cannot_convert_goes_to_the_composing_builder() -> None:
    """An integer too long for int() is reported by the composing builder, not raised."""
    text = "a: " + "1" * 5000 + "\n"
    assert yaml_file._from_events(text, DEFAULT_LIMITS) is None
    assert [f.code for f in yaml_file.parse_yaml(PATH, text.encode()).findings] == ["YAML004"]


def test_empty_documents_are_skipped_but_counted_against_the_limit() -> None:
    """An empty document holds no record, yet counts as a document for the limit, as before."""
    assert yaml_file._from_events("a: 1\n---\n---\nb: 2\n", DEFAULT_LIMITS) is not None
    assert yaml_file._from_events("a: 1\n---\n", LoadLimits(max_documents=1)) is None
    parsed = yaml_file.parse_yaml(PATH, b"a: 1\n---\n")
    assert [d.data for d in parsed.documents] == [{"a": 1}]


def test_plain_files_are_not_composed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain file is built from events alone; composing is left for files with problems."""

    def composed(*_args: object) -> None:
        raise AssertionError("composed a plain file")

    monkeypatch.setattr(yaml_file, "_compose_all", composed)
    parsed = yaml_file.parse_yaml(PATH, b"kind: supplier\nid: sup-x\ncountry: NO\n")
    assert parsed.documents[0].data == {"kind": "supplier", "id": "sup-x", "country": "NO"}


@settings(max_examples=100, deadline=None)
@given(dumped())
def test_the_pure_python_parser_builds_the_same(text: str) -> None:
    """Without libyaml the events come from PyYAML's own parser, with the same data and places."""
    with_libyaml = yaml_file._from_events(text, DEFAULT_LIMITS)
    pure = yaml_file._PureLoader(text)
    try:
        from complykit.load.events import build_from_events  # noqa: PLC0415

        without = build_from_events(pure, DEFAULT_LIMITS)
    finally:
        pure.dispose()
    if with_libyaml is None or without is None:
        assert with_libyaml is None
        assert without is None
        return
    assert [(typed(d.data), d.places) for d in with_libyaml] == [
        (typed(data), places) for data, places, _ in without
    ]
    # Where each document's text starts, as its digest cuts it, is the same too.
    again = yaml_file.digests(text, [start[0] for *_, start in without])
    assert again == [d.digest for d in with_libyaml]
    assert [yaml_file._alone_from(start) for *_, start in without] == [
        d.alone_from for d in with_libyaml
    ]

"""A document of a file of several, read alone from where its value starts, reads as it does
in the whole file: the same data and the same places (``yaml_file.parse_document_in``).

A run that needs one record of a file kept in the cache parses that record only; these tests
hold it to the whole file's reading, on both builders' files (plain ones, and files that the
composing builder reads because another document has a problem)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.load.yaml_file import decode_file, parse_document_in, parse_yaml
from strategies import plain_data, typed, yaml_like_text

PATH = PurePosixPath("register/together.yaml")

SEPARATORS = ("---\n", "--- # next\n", "\n# a comment\n---\n\n", "...\n---\n", "---\n# lead\n")
BROKEN = ("a: 1\na: 2\n", "b: &x 1\nc: *x\n", "t: !custom x\n")


def parse_document_at(raw: bytes, alone_from: tuple[int, int]) -> Any:
    """A document of the file ``raw`` read alone, decoded as a run decodes it."""
    text = decode_file(raw)
    return None if text is None else parse_document_in(text, alone_from)


def _read_alone_as_whole(raw: bytes) -> int:
    """Check that every document read alone reads as in the whole file; return how many were
    (one the fast path gives up on alone, such as a quoted "<<" key, is None: its caller then
    reads the whole file, as it did before)."""
    whole = parse_yaml(PATH, raw)
    alone = 0
    for document in whole.documents:
        if document.alone_from is None:
            continue
        read = parse_document_at(raw, document.alone_from)
        if read is not None:
            assert (typed(read[0]), read[1]) == (typed(document.data), document.places)
            alone += 1
    return alone


@st.composite
def several(draw: st.DrawFn) -> bytes:
    """Documents PyYAML writes, between varied separators, sometimes one the fast path gives up
    on (so the composing builder reads the file), with either line ending."""
    documents = [
        yaml.safe_dump(data, default_flow_style=draw(st.sampled_from([False, None])))
        for data in draw(st.lists(st.dictionaries(st.text(max_size=6), plain_data), max_size=4))
    ]
    if draw(st.booleans()):
        documents.insert(draw(st.integers(0, len(documents))), draw(st.sampled_from(BROKEN)))
    text = draw(st.sampled_from(["", "# head\n", "%YAML 1.1\n---\n"]))
    for document in documents:
        text += document + draw(st.sampled_from(SEPARATORS))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8") if draw(st.booleans()) else b"\xef\xbb\xbf" + text.encode()


@settings(max_examples=300, deadline=None)
@given(several())
def test_each_document_reads_alone_as_in_its_file(raw: bytes) -> None:
    _read_alone_as_whole(raw)


def test_the_records_of_a_register_read_alone() -> None:
    """Records as users write them, several to a file, every one of them read alone."""
    records = [
        f"kind: processing-activity\nid: pa-{n}\nname: Activity {n}\n"
        f"description: >-\n  Long text\n  on two lines.\nprocessors: [sup-a, sup-b]\n"
        f"retention:\n  - data: logs\n    period: P1Y\n"
        for n in range(25)
    ]
    raw = ("# The register\n---\n" + "---\n".join(records)).encode()
    assert _read_alone_as_whole(raw) == 25
    assert _read_alone_as_whole(raw.replace(b"\n", b"\r\n")) == 25


@settings(max_examples=300, deadline=None)
@given(yaml_like_text)
def test_any_text_reads_alone_as_whole_or_says_it_cannot(text: str) -> None:
    _read_alone_as_whole(text.encode("utf-8", "surrogatepass"))


def test_records_in_a_file_with_a_problem_read_alone() -> None:
    """The composing builder keeps the documents around a broken one; each reads alone."""
    raw = b"kind: supplier\nid: sup-a\n---\nkind: supplier\nid: sup-b\nid: sup-c\n---\nid: z\n"
    assert _read_alone_as_whole(raw) == 2


@pytest.mark.parametrize("text", ["--- {a: 1}\n", "a: 1\n--- [1, 2]\n", "--- >\n  folded\n"])
def test_a_value_after_other_text_on_its_line_is_not_read_alone(text: str) -> None:
    documents = parse_yaml(PATH, text.encode()).documents
    assert documents[-1].alone_from is None


@pytest.mark.parametrize(
    ("raw", "alone_from"),
    [
        (b"a: 1\n---\nb: 2\n", (7, 1)),  # not at the start of a line
        (b"a: 1\n", (99, 0)),  # past the end
        (b"\xff\xfe", (0, 0)),  # not UTF-8
        (b"a: [1\n", (0, 0)),  # not YAML the fast path reads
        (b"a: 1\n---\nb: 2\n", (9, 10**12)),  # more lines before it than characters
    ],
)
def test_a_place_that_does_not_start_a_document_reads_nothing(
    raw: bytes, alone_from: tuple[int, int]
) -> None:
    assert parse_document_at(raw, alone_from) is None


def test_places_are_those_of_the_file() -> None:
    raw = b"# head\nkind: a\n---\n\n# lead\nkind: b\nlist:\n  - x\n"
    second = parse_yaml(PATH, raw).documents[1]
    read: Any = parse_document_at(raw, second.alone_from)  # type: ignore[arg-type]
    assert read[0] == {"kind": "b", "list": ["x"]}
    assert read[1].locate(("list", 0)) == (8, 5)

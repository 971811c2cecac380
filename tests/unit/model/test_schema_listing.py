"""A file's schema findings are listed up to a bound per code (``model.validate``)."""

from __future__ import annotations

from pathlib import PurePosixPath

from complykit.load.yaml_file import parse_yaml
from complykit.model.validate import SchemaListing, to_record

PATH = PurePosixPath("suppliers/s.yaml")
HEAD = """\
kind: supplier
name: A
services: [mail]
role: processor
country: NL
dpa: {signed_on: 2025-01-10}
breach_notification: {within: PT24H}
"""
"""A valid supplier but for its id: its unknown fields start on line 9."""


def _keys(count: int) -> str:
    return "".join(f"k{n}: {n}\n" for n in range(count))


def test_a_files_schema_problems_are_bounded_and_every_record_says_why() -> None:
    """Two records of one file share the bound: the first lists 100 unknown fields, the
    second still lists its first (so that it too says why it could not be read), and one
    more finding, at the first left out, counts the 51 others."""
    text = f"id: a\n{HEAD}{_keys(150)}---\nid: b\n{HEAD}x1: 1\nx2: 2\n"
    parsed = parse_yaml(PATH, text.encode())
    listed = SchemaListing(most=100)
    first, first_found = to_record(PATH, parsed.documents[0], listed)
    second, second_found = to_record(PATH, parsed.documents[1], listed)
    assert (first, second) == (None, None)
    assert [f.message for f in first_found[:2]] == ["unknown field 'k0'", "unknown field 'k1'"]
    assert len(first_found) == 100
    assert [(f.message, f.record) for f in second_found] == [("unknown field 'x1'", "b")]
    [more] = listed.left_out()
    assert (more.code, more.line, more.column, more.record) == ("SCH003", 109, 1, "a")
    assert more.message == "51 more SCH003 problems in this file from here on, not listed"


def test_a_record_on_its_own_is_listed_in_full_below_the_bound() -> None:
    """Without a listing shared by a file, each record is bounded alone; under the bound
    nothing is left out, as before."""
    parsed = parse_yaml(PATH, f"id: a\n{HEAD}{_keys(3)}".encode())
    record, found = to_record(PATH, parsed.documents[0])
    assert record is None
    assert [f.line for f in found] == [9, 10, 11]

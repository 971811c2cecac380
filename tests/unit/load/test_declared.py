"""What a file that could not be parsed meant to hold: the ids other records may still name."""

from __future__ import annotations

from pathlib import PurePosixPath

from hypothesis import given
from hypothesis import strategies as st

from complykit.load.declared import UnreadRecord, declared_records
from complykit.load.yaml_file import parse_yaml

PATH = PurePosixPath("x.yaml")


def test_each_document_declares_its_id_kind_and_line() -> None:
    """Top-level id and kind are found per document, quoted or not, with the id's line."""
    text = "kind: supplier\nid: sup-a\nrole: [\n---\nid: 'sup-b'  # quoted\nkind: control\n"
    found = declared_records(PATH, text, "YAML001 x")
    assert found == (
        UnreadRecord(PATH, 2, "sup-a", "supplier", "YAML001 x"),
        UnreadRecord(PATH, 5, "sup-b", "control", "YAML001 x"),
    )


def test_nested_ids_and_read_records_are_not_declared() -> None:
    """An indented id belongs to a nested mapping; an id that was read is not unread."""
    text = "kind: risk\nid: risk-a\nacceptance:\n  id: nested\n---\nkind: risk\nid: risk-b\n"
    found = declared_records(PATH, text, "r", skip=frozenset({"risk-b"}))
    assert [u.id for u in found] == ["risk-a"]


def test_a_duplicate_key_leaves_the_record_unread() -> None:
    """parse_yaml names the record a duplicate key stopped, with the finding as the reason."""
    parsed = parse_yaml(PATH, b"kind: task\nid: task-a\nid: task-a\n")
    assert [(u.id, u.kind, u.line) for u in parsed.unread] == [("task-a", "task", 2)]
    assert parsed.unread[0].reason.startswith("YAML002 duplicate key 'id'")


def test_a_clean_file_has_nothing_unread() -> None:
    """A file that parses declares nothing unread, even when its documents have ids."""
    assert parse_yaml(PATH, b"kind: task\nid: task-a\n").unread == ()


@given(st.text())
def test_any_text_gives_records_inside_it(text: str) -> None:
    """For any text the scan returns, never raises, and every line lies inside the text."""
    for unread in declared_records(PATH, text, "r"):
        assert 1 <= unread.line <= text.count("\n") + 1
        assert unread.id


def test_only_the_documents_a_file_may_hold_are_scanned() -> None:
    """A file holds at most ``max_documents`` documents: ids past them are not declared."""
    text = "".join(f"---\nkind: risk\nid: risk-{n}\n" for n in range(5))
    found = declared_records(PATH, text, "r", most=3)
    assert [u.id for u in found] == ["risk-0", "risk-1"]  # the first document is empty


def test_lines_stay_right_over_many_documents() -> None:
    """Lines are counted on from id to id, across documents with and without ids."""
    documents = [f"kind: risk\nid: risk-{n}\n" if n % 3 else "note: none\n" for n in range(3000)]
    text = "---\n".join(documents)
    found = declared_records(PATH, text, "r")
    lines = text.split("\n")
    assert len(found) == 2000
    assert all(lines[u.line - 1] == f"id: {u.id}" for u in found)

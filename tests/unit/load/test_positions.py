"""Places recorded while loading locate any value or key of a document, without the file."""

from __future__ import annotations

import pickle
from pathlib import PurePosixPath

import pytest

from complykit.load.positions import Places
from complykit.load.yaml_file import parse_yaml

TEXT = """\
kind: processing-activity
id: pa-one
recipients:
  - supplier: sup-a
    role: processor
  - supplier: sup-b
nested: {a: [x, {b: y}], '1': one}
list:
- - deep
empty: []
"""


def _places(text: str = TEXT) -> Places:
    parsed = parse_yaml(PurePosixPath("r.yaml"), text.encode())
    assert parsed.findings == ()
    places = parsed.documents[0].places
    assert places is not None
    return places


@pytest.mark.parametrize(
    ("loc", "at_key", "expected"),
    [
        ((), False, (1, 1)),
        (("id",), False, (2, 5)),
        (("id",), True, (2, 1)),
        (("recipients",), False, (4, 3)),
        (("recipients",), True, (3, 1)),
        (("recipients", 1, "supplier"), False, (6, 15)),
        (("recipients", 1), True, (6, 5)),
        (("recipients", 0, "role"), True, (5, 5)),
        (("recipients", 5, "role"), False, (4, 3)),
        (("nested", "a", 1, "b"), False, (7, 21)),
        (("nested", 1), False, (7, 9)),
        (("nested", "1"), False, (7, 31)),
        (("list", 0, 0), False, (9, 5)),
        (("empty", 0), False, (10, 8)),
        (("missing", "id"), False, (2, 5)),
        (("kind", "x"), False, (1, 7)),
    ],
)
def test_locates_keys_values_and_items(
    loc: tuple[str | int, ...], at_key: bool, expected: tuple[int, int]
) -> None:
    """Each part is followed as far as it names something; the rest is skipped."""
    assert _places().locate(loc, at_key=at_key) == expected


def test_later_documents_have_their_own_places() -> None:
    """The second document's places count lines from the top of the file."""
    parsed = parse_yaml(PurePosixPath("r.yaml"), b"a: 1\n---\nb:\n  c: 2\n")
    places = parsed.documents[1].places
    assert places is not None
    assert places.locate(("b", "c")) == (4, 6)


def test_places_survive_a_process_boundary() -> None:
    """Parse workers ship places with the data; they arrive equal."""
    places = _places()
    assert pickle.loads(pickle.dumps(places)) == places  # noqa: S301 - our own bytes


def test_documents_naming_the_same_keys_share_one_key_list() -> None:
    """Two documents with the same keys, parsed apart or sent from a worker, share one tuple."""
    first = parse_yaml(PurePosixPath("a.yaml"), b"kind: task\nid: t-1\ntitle: A\n")
    second = parse_yaml(PurePosixPath("b.yaml"), b"kind: task\nid: t-2\ntitle: B\n")
    places = [doc.places for doc in (*first.documents, *second.documents)]
    assert places[0] is not None
    assert places[1] is not None
    shipped = pickle.loads(pickle.dumps(places[1]))  # noqa: S301 - our own bytes
    assert places[0].keys is places[1].keys is shipped.keys
    assert shipped.locate(["title"]) == (3, 8)


def test_every_item_of_a_long_list_is_found_in_any_order() -> None:
    """Look-ups reuse what earlier ones unpacked (a record's findings are placed one after
    another): each item of a long list still gets its own line, whatever the order asked."""
    items = 2_000
    places = _places(
        "kind: supplier\nid: s\ntags:\n" + "".join(f"  - t{n}\n" for n in range(items))
    )
    for n in [*range(items - 1, -1, -7), *range(0, items, 13)]:
        assert places.locate(("tags", n)) == (4 + n, 5)
        assert places.locate(("tags",), at_key=True) == (3, 1)

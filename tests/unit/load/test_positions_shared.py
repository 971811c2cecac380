"""Documents placed alike share one ``Places`` while a workspace loads."""

from __future__ import annotations

import pickle
from pathlib import PurePosixPath

from complykit.load.positions import forget_shared_places
from complykit.load.yaml_file import parse_yaml


def _places(text: str) -> object:
    parsed = parse_yaml(PurePosixPath("a.yaml"), text.encode())
    return parsed.documents[0].places


def test_documents_placed_alike_share_their_places() -> None:
    # As a loader starts: an earlier test may have kept a document of the same layout with
    # other keys, which (rightly) is never shared with these.
    forget_shared_places()
    first = _places("kind: supplier\nid: sup-a\n")
    second = _places("kind: supplier\nid: sup-b\n")
    assert first is second
    assert pickle.loads(pickle.dumps(first)) is first  # noqa: S301 - as a parse worker sends them
    assert _places("kind: supplier\nname: sup-b\n") is not first  # other keys
    assert _places("kind: supplier\n\nid: sup-b\n") is not first  # another line


def test_forgetting_the_table_keeps_the_places() -> None:
    first = _places("kind: risk\nid: r-1\n")
    forget_shared_places()
    second = _places("kind: risk\nid: r-2\n")
    assert second is not first
    assert second == first

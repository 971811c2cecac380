"""taken_ids: which file holds a record id, found by parsing only the files that mention it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from complykit.authoring import taken_ids
from complykit.authoring.taken_ids import Holder, id_holder
from complykit.load.yaml_file import YamlFile, parse_yaml


def test_only_files_that_mention_the_id_are_parsed(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of a hundred records, only those whose bytes contain the id are parsed, up to the one
    that holds it."""
    for index in range(100):
        (workspace / f"task-{index}.yaml").write_text(f"kind: task\nid: t-{index}\n", "utf-8")
    (workspace / "a-note.yaml").write_text("kind: task\nid: other\ntitle: about acme\n", "utf-8")
    (workspace / "acme.yaml").write_text("kind: supplier\nid: acme\n", "utf-8")
    parsed: list[PurePosixPath] = []

    def counted(path: PurePosixPath, raw: bytes) -> YamlFile:
        parsed.append(path)
        return parse_yaml(path, raw)

    monkeypatch.setattr(taken_ids, "parse_yaml", counted)
    assert id_holder(workspace, "acme") == Holder(PurePosixPath("acme.yaml"), "supplier")
    assert parsed == [PurePosixPath("a-note.yaml"), PurePosixPath("acme.yaml")]


def test_a_file_is_skipped_when_it_is_the_one_to_write(workspace: Path) -> None:
    """The file `new` is about to write is left to the write, which says it exists."""
    (workspace / "acme.yaml").write_text("kind: supplier\nid: acme\n", "utf-8")
    assert id_holder(workspace, "acme", skip=workspace / "acme.yaml") is None

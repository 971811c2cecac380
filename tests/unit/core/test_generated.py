"""Files generated ahead are a speed-up only: anything wrong with one reads as nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from complykit.core.generated import generated_document

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    "content",
    [None, b"", b"{not json", b"[1, 2]", b'{"format": 2, "files": {}}', b'{"files": {}}', b"\xff"],
    ids=["missing", "empty", "not json", "not an object", "other version", "no version", "bytes"],
)
def test_a_file_that_cannot_be_used_reads_as_nothing(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "generated.json"
    if content is not None:
        path.write_bytes(content)
    assert generated_document(path, 1) == {}


def test_a_file_of_this_version_reads_as_written(tmp_path: Path) -> None:
    path = tmp_path / "generated.json"
    path.write_text('{"format": 1, "files": {"a.yaml": {}}}', encoding="utf-8")
    assert generated_document(path, 1) == {"format": 1, "files": {"a.yaml": {}}}

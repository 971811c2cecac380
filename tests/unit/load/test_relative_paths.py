"""Paths below the workspace root, as the findings and the cache name them."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from complykit.load.discover import relative


@pytest.mark.parametrize(
    "below",
    ["a.yaml", "register/hr/pa-hr.yaml", "folder with spaces/ë.yml", "a/b/c/d/e.yaml"],
)
def test_a_path_below_the_root_is_named_from_the_root(tmp_path: Path, below: str) -> None:
    assert relative(tmp_path, tmp_path / below) == PurePosixPath(below)


def test_a_root_whose_name_prefixes_a_sibling_is_not_taken_for_it(tmp_path: Path) -> None:
    """``/x/ws`` is not a prefix folder of ``/x/ws2/a.yaml``: that path is not below the root."""
    with pytest.raises(ValueError, match="not in the subpath"):
        relative(tmp_path / "ws", tmp_path / "ws2" / "a.yaml")


def test_the_root_itself_is_named_as_the_root(tmp_path: Path) -> None:
    assert relative(tmp_path, tmp_path) == PurePosixPath(".")

"""Findings are placed from the bytes the loader read, never by reading a file again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from complykit.validate.engine import check_all
from complykit.workspace.open import open_workspace
from conftest import CASES, MakeWorkspace

CASE = CASES / "REF001" / "dangling-processor"
AS_OF = date(2026, 11, 23)


def _ref001_places(root: Path, change: str) -> list[tuple[str, int, int]]:
    opened = open_workspace(root, AS_OF, jobs=1)
    assert opened.repo is not None
    register = root / "register.yaml"
    if change == "edited":
        register.write_text("# moved down\n\n\n" + register.read_text(encoding="utf-8"))
    elif change == "deleted":
        register.unlink()
    return [
        (f.path.as_posix(), f.line, f.column) for f in check_all(opened.repo) if f.code == "REF001"
    ]


@pytest.mark.parametrize("change", ["kept", "edited", "deleted"])
def test_a_file_changed_after_loading_does_not_move_its_finding(
    make_workspace: MakeWorkspace, change: str
) -> None:
    """The finding stays where the loaded text had it, whatever happens to the file later."""
    assert _ref001_places(make_workspace(CASE), change) == [("register.yaml", 6, 14)]


def test_checks_never_open_a_record_file(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once loaded, no record file is read to place a finding."""
    root = make_workspace(CASE)
    opened = open_workspace(root, AS_OF, jobs=1)
    assert opened.repo is not None

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"read {self} again")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert [f.line for f in check_all(opened.repo) if f.code == "REF001"] == [6]

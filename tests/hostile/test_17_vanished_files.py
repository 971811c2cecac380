"""Class 17: a file or folder deleted between discovery and reading (a checkout or build step
running beside complykit) is a finding that says so, not one about links or rights."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from hostile.harness import run, workspace

RECORD = "kind: supplier\nid: sup-gone\nname: Gone\n"


def _findings(root: Path) -> list[dict[str, Any]]:
    outcome = run("validate", str(root), "--format", "json")
    outcome.assert_inert(allowed=(1,))
    findings: list[dict[str, Any]] = json.loads(outcome.stdout)["findings"]
    return findings


def test_a_file_deleted_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is listed, then gone when opened: YAML009 says it was deleted or moved during
    the run, and the hint says to run again, not to replace a link."""
    root = workspace(tmp_path, {"suppliers/sup-gone.yaml": RECORD})
    opened = os.open

    def deleted_first(path: Any, *args: Any, **kwargs: Any) -> int:
        if isinstance(path, str | os.PathLike) and Path(path).name == "sup-gone.yaml":
            Path(path).unlink(missing_ok=True)
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deleted_first)
    (finding,) = _findings(root)
    assert (finding["path"], finding["line"], finding["column"], finding["code"]) == (
        "suppliers/sup-gone.yaml",
        1,
        1,
        "YAML009",
    )
    assert "deleted or moved after complykit listed the workspace's files" in finding["message"]
    assert "Run complykit again" in finding["hint"]
    assert "link" not in finding["hint"]


def test_a_folder_deleted_before_it_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder found in its parent and gone when listed is named with the same advice."""
    root = workspace(tmp_path, {"suppliers/sup-gone.yaml": RECORD})
    scan = os.scandir

    def removed_first(path: Any = ".") -> Any:
        if isinstance(path, str | os.PathLike) and Path(path).name == "suppliers":
            shutil.rmtree(path, ignore_errors=True)
        return scan(path)

    monkeypatch.setattr(os, "scandir", removed_first)
    (finding,) = _findings(root)
    assert (finding["path"], finding["code"]) == ("suppliers", "YAML009")
    assert "deleted or moved after complykit found it" in finding["message"]
    assert "Run complykit again" in finding["hint"]


def test_a_dangling_link_is_told_from_a_vanished_file(tmp_path: Path) -> None:
    """A link to nothing is no file gone mid-run: it keeps the rule's hint about links."""
    root = workspace(tmp_path)
    (root / "sup-link.yaml").symlink_to(root / "nowhere.yaml")
    (finding,) = _findings(root)
    assert finding["message"] == "it is a link to a file that does not exist"
    assert "where a link stands" in finding["hint"]

"""The run key sees every byte of the workspace and never blocks on special files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from complykit.cache.keys import Uncacheable, workspace_digests


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "complykit.yaml").write_text("complykit: 1\n", encoding="utf-8")
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "pa.yaml").write_text("kind: processing-activity\n")
    return tmp_path


def test_digests_follow_content_not_size(tmp_path: Path) -> None:
    """Two files of the same size and different bytes get different digests."""
    root = _workspace(tmp_path)
    before = workspace_digests(root)
    (root / "register" / "pa.yaml").write_text("kind: processing-activitx\n")
    after = workspace_digests(root)
    assert set(before) == {"complykit.yaml", "register/pa.yaml"}
    assert before["register/pa.yaml"] != after["register/pa.yaml"]
    assert before["complykit.yaml"] == after["complykit.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_makes_the_workspace_uncacheable_without_blocking(tmp_path: Path) -> None:
    """A named pipe with a YAML name is refused at once instead of waiting for a writer."""
    root = _workspace(tmp_path)
    os.mkfifo(root / "register" / "pipe.yaml")
    with pytest.raises(Uncacheable, match="not a regular file"):
        workspace_digests(root)

"""What the import and export tests share: an empty workspace to import into."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BASE_CONFIG


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with the base complykit.yaml and no records, at ``tmp_path / "ws"``."""
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    return root

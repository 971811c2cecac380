"""Fixtures for catalog tests: the bundled set and the reference facts in /work/shared."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from complykit.catalog import CatalogSet, load_catalogs

if TYPE_CHECKING:
    from collections.abc import Callable

REFERENCE_DIR = Path(__file__).parents[3].parent / "shared" / "reference"


@pytest.fixture(scope="session")
def catalogs() -> CatalogSet:
    return load_catalogs()


@pytest.fixture(scope="session")
def reference() -> Callable[[str], Any]:
    """Read one reference file, or skip when the reference folder is not there."""
    if not REFERENCE_DIR.is_dir():
        pytest.skip(f"reference facts not found at {REFERENCE_DIR} (only in the project workspace)")

    def read(name: str) -> Any:
        return yaml.safe_load((REFERENCE_DIR / name).read_text(encoding="utf-8"))

    return read

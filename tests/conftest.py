"""Shared fixtures: mini-workspaces built from the file-based cases."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
BASE_CONFIG = CASES / "_base" / "complykit.yaml"
REPO = Path(__file__).parents[1]
EXAMPLE = REPO / "examples" / "tulip-health"

MakeWorkspace = Callable[[Path], Path]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/golden/ from what complykit renders now (review the diff!).",
    )


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own cache folder and signing key, never the user's or the repo's,
    outside its tmp_path so that tests listing tmp_path see only their own files."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture(autouse=True)
def _outside_a_workflow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no GitHub Actions job of their own, even when the suite runs inside one: its
    workspace and summary file would change where annotations point and what gets appended."""
    for variable in ("GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)


def copy_case(case: Path, target: Path) -> Path:
    """A case folder copied to ``target``, without its expected.yaml, with the base
    complykit.yaml when it has none of its own."""
    shutil.copytree(case, target, ignore=shutil.ignore_patterns("expected.yaml"))
    if not (target / "complykit.yaml").exists():
        shutil.copy(BASE_CONFIG, target / "complykit.yaml")
    return target


@pytest.fixture
def make_workspace(tmp_path: Path) -> MakeWorkspace:
    """Copy a case folder into tmp_path, adding the base complykit.yaml when it has none."""
    return lambda case: copy_case(case, tmp_path / case.name)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with the base complykit.yaml and no records, at ``tmp_path / "ws"``; test
    modules whose workspace holds more define their own ``workspace``."""
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    return root

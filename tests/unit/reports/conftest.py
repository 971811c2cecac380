"""Golden files for reports: compared by default, rewritten with --update-goldens."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date

import pytest

from complykit.reports.request import Provenance
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository
from conftest import EXAMPLE, REPO

GOLDEN = REPO / "tests" / "golden" / "reports"
AS_OF = date(2026, 11, 23)
UPDATE_ENV = "COMPLYKIT_UPDATE_GOLDENS"
MARKER = (
    "<!-- Golden file: rewritten by `pytest --update-goldens` "
    "(or COMPLYKIT_UPDATE_GOLDENS=1); do not edit by hand. -->\n"
)

CheckGolden = Callable[[str, str], None]
# Goldens show a fixed provenance: the real one changes with every commit.
GOLDEN_PROVENANCE = Provenance(
    version="0.0.0+golden",
    in_git=True,
    commit="4b825dc642cb6eb9a060e54bf8d69288fbee4904",
    tag="audit-2026",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    # pytest reads this hook only from conftests it loads before parsing the command line: a
    # run that names this folder, not a bare `pytest` from the root. If the root conftest
    # registers the option too, this one steps aside.
    with contextlib.suppress(ValueError):
        parser.addoption(
            "--update-goldens",
            action="store_true",
            help="Rewrite tests/golden/reports/* from the current templates instead of comparing.",
        )


def _updating(config: pytest.Config) -> bool:
    # The option exists only when pytest loaded this conftest before parsing the command line
    # (i.e. when the run names this folder); the variable works from anywhere.
    return bool(config.getoption("--update-goldens", default=False)) or bool(
        os.environ.get(UPDATE_ENV)
    )


@pytest.fixture(scope="session")
def example_repo() -> Repository:
    """The worked example, opened as on the goldens' as-of date."""
    repo = open_workspace(EXAMPLE, AS_OF).repo
    assert repo is not None
    return repo


@pytest.fixture
def check_golden(request: pytest.FixtureRequest) -> CheckGolden:
    """Compare text with tests/golden/reports/<name>, or rewrite that file when updating."""
    updating = _updating(request.config)

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if updating:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(MARKER + text, encoding="utf-8", newline="\n")
            return
        assert path.is_file(), f"{path} is missing; run pytest --update-goldens"
        golden = path.read_text(encoding="utf-8").removeprefix(MARKER)
        assert text == golden, f"{name} differs from its golden file; run pytest --update-goldens"

    return check

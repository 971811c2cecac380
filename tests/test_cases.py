"""File-based cases: each folder under tests/cases/<CODE>/ is a workspace with expected findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from complykit.engine import run
from conftest import CASES, MakeWorkspace

AS_OF = date(2026, 11, 23)
CASE_DIRS = sorted(p.parent for p in CASES.glob("*/*/expected.yaml"))


def _spec(case: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    return loaded


def _expected(case: Path) -> list[str]:
    findings: list[str] = _spec(case)["findings"]
    return sorted(findings)


def _as_of(case: Path) -> date:
    """The day the case is judged on: its own ``as_of``, for duties that apply later."""
    written = _spec(case).get("as_of")
    return date.fromisoformat(str(written)) if written else AS_OF


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_gives_expected_findings(case: Path, make_workspace: MakeWorkspace) -> None:
    """A case workspace yields exactly its expected findings, located by path, line and column."""
    result = run(make_workspace(case), as_of=_as_of(case))
    found = sorted(f"{f.path}:{f.line}:{f.column} {f.code}" for f in result.findings)
    told = " | ".join(f"{f.message} {f.hint}" for f in result.findings)
    assert found == _expected(case)
    for words in _spec(case).get("contains", []):
        assert words in told


def test_every_case_folder_states_its_code() -> None:
    """A failing case expects its folder's code; a pass-* case expects none of it."""
    for case in CASE_DIRS:
        code = case.parent.name
        if code == "valid":
            continue
        expects_code = any(line.endswith(code) for line in _expected(case))
        assert expects_code != case.name.startswith("pass-"), case

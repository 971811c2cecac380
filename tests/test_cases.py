"""File-based cases: each folder under tests/cases/<CODE>/ is a workspace with expected findings.

``expected.yaml`` pins the whole verdict of every finding (code, place, severity, citation), so a
rule that drifts by a day, a paragraph or a severity fails its case. ``as_of`` sets the day the
case is judged on; without it the case is judged on ``AS_OF``. ``contains`` lists words the
messages and hints must hold, ``absent`` words they must not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from complykit.core.findings import Finding
from complykit.validate.engine import run
from conftest import CASES, MakeWorkspace

AS_OF = date(2026, 11, 23)
CASE_DIRS = sorted(p.parent for p in CASES.glob("*/*/expected.yaml"))
FINDING_KEYS = {"code", "at", "severity", "citation"}


def _spec(case: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    return loaded


def _as_of(spec: dict[str, Any]) -> date:
    given = spec.get("as_of", AS_OF)
    return given if isinstance(given, date) else date.fromisoformat(given)


def _expected(spec: dict[str, Any]) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = spec["findings"]
    for expected in findings:
        assert set(expected) == FINDING_KEYS, f"a finding states exactly {sorted(FINDING_KEYS)}"
    return sorted(findings, key=_sort_key)


def _sort_key(finding: dict[str, Any]) -> tuple[str, str]:
    return finding["at"], finding["code"]


def _verdict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "at": f"{finding.path}:{finding.line}:{finding.column}",
        "severity": finding.severity.value,
        "citation": list(finding.citation),
    }


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_gives_expected_findings(case: Path, make_workspace: MakeWorkspace) -> None:
    """A case workspace yields exactly its expected findings: code, place, severity, citation."""
    spec = _spec(case)
    result = run(make_workspace(case), as_of=_as_of(spec))
    found = sorted((_verdict(f) for f in result.findings), key=_sort_key)
    assert found == _expected(spec)
    told = " | ".join(f"{f.message} {f.hint}" for f in result.findings)
    for words in spec.get("contains", []):
        assert words in told
    for words in spec.get("absent", []):
        assert words not in told


def test_every_case_folder_states_its_code() -> None:
    """A failing case expects its folder's code; a pass-* case expects none of it."""
    for case in CASE_DIRS:
        code = case.parent.name
        if code == "valid":
            continue
        expects_code = any(f["code"] == code for f in _expected(_spec(case)))
        assert expects_code != case.name.startswith("pass-"), case

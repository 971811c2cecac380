"""What a findings test compares: each finding's verdict (code, place, severity, citation), in
one order, and the words its messages must or must not hold. Shared by the file-based cases
(test_cases), the regulators' worked examples (test_scenarios) and the EDPB's breach examples
(test_edpb_breach_examples), so the three read ``expected.yaml`` the same way."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from complykit.core.findings import Finding

AS_OF = date(2026, 11, 23)
"""The day a case is judged on unless its ``expected.yaml`` gives an ``as_of``."""
FINDING_KEYS = {"code", "at", "severity", "citation"}


def load_spec(folder: Path) -> dict[str, Any]:
    """A folder's ``expected.yaml``."""
    loaded: dict[str, Any] = yaml.safe_load((folder / "expected.yaml").read_text("utf-8"))
    return loaded


def as_of(spec: dict[str, Any]) -> date:
    given = spec.get("as_of", AS_OF)
    return given if isinstance(given, date) else date.fromisoformat(given)


def sort_key(finding: dict[str, Any]) -> tuple[str, str]:
    return finding["at"], finding["code"]


def verdict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "at": f"{finding.path}:{finding.line}:{finding.column}",
        "severity": finding.severity.value,
        "citation": list(finding.citation),
    }


def expected_verdicts(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The spec's findings in order, each stating exactly code, place, severity, citation."""
    findings: list[dict[str, Any]] = spec["findings"]
    for expected in findings:
        assert set(expected) == FINDING_KEYS, f"a finding states exactly {sorted(FINDING_KEYS)}"
    return sorted(findings, key=sort_key)


def found_verdicts(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    return sorted((verdict(f) for f in findings), key=sort_key)


def assert_told(spec: dict[str, Any], findings: Iterable[Finding]) -> None:
    """The messages and hints hold the spec's ``contains`` words and none of its ``absent``."""
    told = " | ".join(f"{f.message} {f.hint}" for f in findings)
    for words in spec.get("contains", []):
        assert words in told, f"the findings do not say {words!r}; they say: {told}"
    for words in spec.get("absent", []):
        assert words not in told, f"the findings say {words!r}, which they must not: {told}"

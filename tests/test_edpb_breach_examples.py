"""complykit's breach verdicts on the worked examples of the EDPB's Guidelines 01/2021 on
examples regarding personal data breach notification (version 2.0, 14 December 2021).

Each folder under tests/scenarios/edpb-breach-examples/ is one EDPB case: ``as-decided.yaml``
records the incident as the EDPB decides it (documented, notified to the authority or not, the
people told or not), and any other record is the same incident with a decision the EDPB rejects.
``expected.yaml`` holds the EDPB's verdict and complykit's findings: none on the decision the
EDPB takes, and the finding that says what is wrong on the others.

Only the verdict is pinned here. The EDPB does not give every count or data category, and
complykit does not invent them, so INC021 (a breach record thin on facts) is left to its own
cases in tests/cases/INC021.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from complykit.core.findings import Finding
from complykit.validate.engine import run
from conftest import MakeWorkspace
from test_cases import AS_OF

SCENARIOS = Path(__file__).parent / "scenarios" / "edpb-breach-examples"
CASE_DIRS = sorted(p.parent for p in SCENARIOS.glob("*/expected.yaml"))
NOT_A_VERDICT = {"INC021"}


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _verdict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "at": f"{finding.path}:{finding.line}:{finding.column}",
        "severity": finding.severity.value,
        "citation": list(finding.citation),
    }


def _key(finding: dict[str, Any]) -> tuple[str, str]:
    return finding["at"], finding["code"]


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_complykit_agrees_with_the_edpb(case: Path, make_workspace: MakeWorkspace) -> None:
    """complykit finds nothing wrong with the EDPB's own decision, and flags the rejected ones."""
    expected = sorted(_load(case / "expected.yaml")["findings"], key=_key)
    result = run(make_workspace(case), as_of=AS_OF)
    found = [_verdict(f) for f in result.findings if f.code not in NOT_A_VERDICT]
    assert sorted(found, key=_key) == expected


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_as_decided_record_states_the_edpb_verdict(case: Path) -> None:
    """The record of the EDPB's decision says what the EDPB concluded: the breach is
    documented (Art. 33(5)), notified to the authority or not (Art. 33(1)), the people told or
    not (Art. 34)."""
    edpb = _load(case / "expected.yaml")["edpb"]
    record = _load(case / "as-decided.yaml")
    breach = record["breach"]
    assert edpb["document"]
    assert record["personal_data_involved"]
    assert breach
    assert breach["authority"]["required"] is edpb["authority"]
    people = breach.get("data_subjects") or {}
    assert bool(people.get("required")) is edpb["people"]
    assert (breach["risk_to_individuals"] == "high-risk") is edpb["people"]
    assert (breach["risk_to_individuals"] != "none") is edpb["authority"]

"""The notable-changes rules, one case per rule plus the changes that are not notable."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import pytest

from complykit.diff.compare import compare_records
from complykit.diff.notable import FIELD_RULES, RECORD_RULES, notable_changes
from complykit.diff.snapshot import LoadedRecord, Snapshot

PA = "processing-activity"
SOA = "statement-of-applicability"
PURPOSE = {"description": "Newsletter", "legal_basis": "consent"}
Data = dict[str, Any] | None

# name: (kind, base data or None when absent, head data or None, expected (rule, reason))
CASES: dict[str, tuple[str, Data, Data, list[tuple[str, str]]]] = {
    "activity added": (
        PA,
        None,
        {"name": "x"},
        [("activity-added", "A new processing activity enters the Art. 30 register.")],
    ),
    "activity removed": (
        PA,
        {"name": "x"},
        None,
        [
            (
                "activity-removed",
                "A processing activity leaves the Art. 30 register: has the processing stopped?",
            )
        ],
    ),
    "legal basis changed": (
        PA,
        {"purposes": [PURPOSE]},
        {"purposes": [{**PURPOSE, "legal_basis": "legitimate-interests"}]},
        [
            (
                "legal-basis-changed",
                (
                    "Legal basis changed from consent to legitimate-interests: "
                    "check Art. 6(1) and the notice."
                ),
            )
        ],
    ),
    "special category added": (
        PA,
        {"personal_data": [{"name": "email"}]},
        {"personal_data": [{"name": "email"}, {"name": "scan", "special_category": "health"}]},
        [
            (
                "special-category-added",
                "New special-category data (health) in 'scan': Art. 9 applies.",
            )
        ],
    ),
    "transfer added": (
        PA,
        {},
        {
            "transfers": [
                {"country": "US", "recipient": "Acme", "mechanism": "standard-contractual-clauses"}
            ]
        },
        [("transfer-added", "New transfer to third country US: check the Chapter V ground.")],
    ),
    "residual above appetite": (
        "risk",
        {"residual": {"likelihood": 2, "impact": 2}},
        {"residual": {"likelihood": 3, "impact": 3}},
        [("residual-above-appetite", "Residual score rises to 9, above the appetite of 8.")],
    ),
    "new risk above appetite": (
        "risk",
        None,
        {"residual": {"likelihood": 5, "impact": 2}},
        [("residual-above-appetite", "Residual score rises to 10, above the appetite of 8.")],
    ),
    "control excluded": (
        SOA,
        {"entries": [{"control": "A.5.1", "applicable": True}]},
        {"entries": [{"control": "A.5.1", "applicable": False}]},
        [
            (
                "control-excluded",
                "Control A.5.1 is now excluded from the Statement of Applicability.",
            )
        ],
    ),
    "control status down": (
        SOA,
        {"entries": [{"control": "A.5.1", "status": "implemented"}]},
        {"entries": [{"control": "A.5.1", "status": "planned"}]},
        [("control-status-down", "Control A.5.1 went down from implemented to planned.")],
    ),
    "ai risk class changed": (
        "ai-system",
        {"classification": {"risk_class": "minimal"}},
        {"classification": {"risk_class": "high-risk"}},
        [
            (
                "ai-risk-class-changed",
                "AI Act risk class changed from minimal to high-risk: its obligations change too.",
            )
        ],
    ),
    "ai system added": (
        "ai-system",
        None,
        {"name": "Triage"},
        [("ai-system-added", "A new AI system: check its AI Act risk class.")],
    ),
    "not notable: residual stays above appetite": (
        "risk",
        {"residual": {"likelihood": 3, "impact": 3}},
        {"residual": {"likelihood": 5, "impact": 3}},
        [],
    ),
    "not notable: status goes up": (
        SOA,
        {"entries": [{"control": "A.5.1", "status": "planned"}]},
        {"entries": [{"control": "A.5.1", "status": "implemented"}]},
        [],
    ),
    "not notable: a purpose added": (
        PA,
        {"purposes": [PURPOSE]},
        {"purposes": [PURPOSE, PURPOSE]},
        [],
    ),
    "not notable: exclusions in a new SoA": (
        SOA,
        None,
        {"entries": [{"control": "A.5.1", "applicable": False}]},
        [],
    ),
}


def _snapshot(kind: str, data: Data) -> Snapshot:
    records = {} if data is None else {(kind, "rec"): LoadedRecord(PurePosixPath("r.yaml"), data)}
    return Snapshot(records, (), appetite=8)


@pytest.mark.parametrize("case", CASES)
def test_notable_changes(case: str) -> None:
    """Each case raises exactly the listed rules with their one-line reasons."""
    kind, before, after = CASES[case][:3]
    base, head = _snapshot(kind, before), _snapshot(kind, after)
    found = notable_changes(compare_records(base, head), base, head)
    assert [(n.rule, n.reason) for n in found] == CASES[case][3]
    assert all((n.kind, n.id) == (kind, "rec") for n in found)


def test_every_rule_has_a_case() -> None:
    """Each field and record rule is exercised by at least one case above."""
    covered = {rule for case in CASES.values() for rule, _ in case[3]}
    assert covered == {r.rule for r in FIELD_RULES} | {r for r, _ in RECORD_RULES.values()}

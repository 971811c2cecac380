"""complykit's breach verdicts on the worked examples of the EDPB's Guidelines 01/2021 on
examples regarding personal data breach notification (version 2.0, 14 December 2021).

Each folder under tests/scenarios/edpb-breach-examples/ is one EDPB case: ``as-decided.yaml``
records the incident as the EDPB decides it (documented, notified to the authority or not, the
people told or not), and any other record is the same incident with a decision the EDPB rejects.
``expected.yaml`` holds the EDPB's verdict (``edpb``) and complykit's exact findings on all of
them, as a user who re-entered the case would see them, with ``contains`` words as in
tests/cases.

The EDPB does not give every count, and complykit does not invent one, so on most records
INC021 asks for the approximate number of people affected (Art. 33(3)(a), 33(5)): that finding
is pinned like any other, not filtered out, and docs/guides/incidents.md says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.validate.engine import run
from conftest import MakeWorkspace
from verdicts import AS_OF, assert_told, expected_verdicts, found_verdicts, load_spec

SCENARIOS = Path(__file__).parent / "scenarios" / "edpb-breach-examples"
CASE_DIRS = sorted(p.parent for p in SCENARIOS.glob("*/expected.yaml"))
# The one finding an as-decided record may carry: a count the EDPB's text does not give.
ASKS_FOR_A_COUNT = "INC021"


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_complykit_findings_on_the_edpb_case(case: Path, make_workspace: MakeWorkspace) -> None:
    """The findings on the EDPB's decision and on the rejected ones are exactly those pinned."""
    spec = load_spec(case)
    result = run(make_workspace(case), as_of=AS_OF)
    assert found_verdicts(result.findings) == expected_verdicts(spec)
    assert_told(spec, result.findings)


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_complykit_agrees_with_the_edpb_decision(case: Path, make_workspace: MakeWorkspace) -> None:
    """What a user sees: on the record of the EDPB's own decision complykit finds nothing wrong
    with the decision (at most INC021 asks for a count the EDPB does not give), and on every
    record of a decision the EDPB rejects it reports something else, which says what is wrong."""
    findings = found_verdicts(run(make_workspace(case), as_of=AS_OF).findings)
    records = sorted(p.name for p in case.glob("*.yaml") if p.name != "expected.yaml")
    assert "as-decided.yaml" in records
    for record in records:
        codes = {f["code"] for f in findings if f["at"].startswith(f"{record}:")}
        if record == "as-decided.yaml":
            assert codes <= {ASKS_FOR_A_COUNT}, (record, codes)
        else:
            assert codes - {ASKS_FOR_A_COUNT}, f"{record}: the rejected decision goes unflagged"

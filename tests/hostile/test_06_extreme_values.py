"""Class 6: dates and durations that leave the calendar are findings or usage errors.

Exit 3 means a bug; no record value or ``--as-of`` may reach it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.reports import REPORTS
from hostile.harness import run, workspace

TASK = "kind: task\nid: t-{n}\ntitle: T\ntype: training\ncadence: {cadence}\n{when}\n"
INCIDENT = """\
kind: incident
id: inc-{n}
title: X
owner: dpo
description: d
severity: medium
status: open
occurred_at: {stamp}
detected_at: {stamp}
aware_at: {stamp}
personal_data_involved: true
breach:
  our_role: {role}
  nature: [confidentiality]
  risk_to_individuals: risk
  risk_reasoning: r
  authority:
    required: true
"""
RECORDS = {
    "cadence P9999Y": TASK.format(n=1, cadence="P9999Y", when="first_due: 2026-01-01"),
    "huge cadence": TASK.format(
        n=2, cadence="P99999999999999999999Y", when="first_due: 2026-01-01"
    ),
    "huge hours": TASK.format(n=3, cadence="{hours: 99999999999999999999}", when=""),
    "last day plus a year": TASK.format(
        n=4, cadence="P1Y", when="history:\n  - done_on: 9999-12-31"
    ),
    "first day": TASK.format(n=5, cadence="P1M", when="history:\n  - done_on: 0001-01-01"),
    "breach at the end of time": INCIDENT.format(
        n=6, stamp="9999-12-31T23:59:00-14:00", role="controller"
    ),
    "processor breach at the end of time": INCIDENT.format(
        n=7, stamp="9999-12-31T23:59:00+00:00", role="processor"
    ),
    "breach at the start of time": INCIDENT.format(
        n=8, stamp="0001-01-01T00:00:00+14:00", role="controller"
    ),
    "supplier review in 9999": "kind: supplier\nid: s\nname: S\nnext_review: 9999-12-31\n",
}


@pytest.mark.parametrize("as_of", ["2026-06-01", "9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("case", RECORDS)
def test_extreme_record_values_are_findings(tmp_path: Path, case: str, as_of: str) -> None:
    """validate judges the record on any day without leaving the calendar: exit 0 or 1."""
    root = workspace(tmp_path, {"record.yaml": RECORDS[case]})
    run("validate", str(root), "--as-of", as_of).assert_inert(allowed=(0, 1))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_reports_on_the_last_day(tmp_path: Path, name: str) -> None:
    """Every report renders with every extreme record, as of 9999-12-31."""
    files = {f"r{i}.yaml": text for i, text in enumerate(RECORDS.values())}
    root = workspace(tmp_path, files)
    args = ("report", name, str(root), "--as-of", "9999-12-31", "--format", "markdown")
    run(*args).assert_inert(allowed=(1,))  # the invalid records keep the report back
    run(*args, "--partial").assert_inert(allowed=(0,))


def test_a_huge_cadence_is_a_located_finding(tmp_path: Path) -> None:
    """P9999Y is refused where it is written."""
    root = workspace(tmp_path, {"task.yaml": RECORDS["cadence P9999Y"]})
    outcome = run("validate", str(root), "--format", "json")
    outcome.assert_inert(allowed=(1,))
    assert '"path": "task.yaml"' in outcome.stdout
    assert "less than or equal to 1000" in outcome.stdout


@pytest.mark.parametrize("as_of", ["10000-01-01", "9999-13-01", "0000-01-01", "-1-01-01"])
def test_an_impossible_as_of_is_a_usage_error(tmp_path: Path, as_of: str) -> None:
    """--as-of outside the calendar exits 2 with one line."""
    root = workspace(tmp_path)
    for command in (("validate",), ("report", "tasks")):
        run(*command, str(root), "--as-of", as_of).assert_inert(allowed=(2,))

"""Class 15: a clock that runs past the end of the calendar ends there.

Class 6 puts records at the calendar's very edges. A moment a few days before the end, in an
offset west of UTC, is harder: it is on the calendar, and so is its deadline as written
(23:00-14:00 on 31 December 9999), but the deadline's instant in UTC is not, and every
command that showed the deadline in UTC, or counted a term in days past it, ended in an
OverflowError (exit 3).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import run, workspace
from hostile.test_06_extreme_values import INCIDENT

# A breach on the clock: 72 hours later is 23:00-14:00 on the last day, 13:00 UTC the next.
BREACH = INCIDENT.format(n=1, stamp="9999-12-28T23:00:00-14:00", role="controller")
SERIOUS = """\
kind: ai-system
id: ai-triage
name: Triage
description: Suggests how urgent a call is.
owner: dpo
role: deployer
status: in-use
risk_class: high-risk
high_risk_basis: {annex_iii: "5(d)"}
---
kind: incident
id: inc-ai
title: Triage too low
owner: dpo
description: d
severity: high
status: open
occurred_at: 9999-12-25T10:00:00+01:00
detected_at: 9999-12-25T10:00:00+01:00
aware_at: 9999-12-25T10:00:00+01:00
personal_data_involved: false
ai_act:
  ai_systems: [ai-triage]
  serious: true
  reasoning: harm to health
"""
COMMANDS = [
    ("validate", "--as-of", "9999-12-31"),
    ("validate", "--as-of", "2026-06-01"),
    ("report", "incidents", "--format", "markdown", "--partial"),
    ("report", "summary", "--format", "html", "--as-of", "9999-12-31", "--partial"),
    ("export", "ics"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("record", [BREACH, SERIOUS], ids=["breach", "serious-ai-incident"])
def test_a_deadline_past_the_calendar_is_its_last_moment(
    tmp_path: Path, record: str, command: tuple[str, ...]
) -> None:
    root = workspace(tmp_path, {"incident.yaml": record})
    name, *rest = command
    words = rest[:1] if name in ("report", "export") else []
    options = rest[len(words) :]
    run(name, *words, str(root), *options).assert_inert(allowed=(0, 1))


def test_the_breach_deadline_is_shown_at_the_calendars_end(tmp_path: Path) -> None:
    """The 72 hours run to the calendar's last moment: the finding and the calendar say so."""
    root = workspace(tmp_path, {"incident.yaml": BREACH})
    outcome = run("validate", str(root), "--as-of", "9999-12-31")
    assert "must be notified by 9999-12-31T23:59+00:00" in outcome.stdout
    calendar = run("export", "ics", str(root))
    assert "DTSTART:99991231T235959Z" in calendar.stdout


def test_a_serious_incident_report_is_due_on_the_calendars_last_day(tmp_path: Path) -> None:
    """15 days from 25 December 9999 pass the calendar: the report is due by its last day,
    not by the day before it."""
    root = workspace(tmp_path, {"incident.yaml": SERIOUS})
    outcome = run("report", "incidents", str(root), "--format", "markdown", "--partial")
    outcome.assert_inert(allowed=(0,))
    assert "end of 31 December 9999 (UTC)" in outcome.stdout

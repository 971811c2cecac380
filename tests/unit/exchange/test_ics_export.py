"""export ics: an RFC 5545 calendar the icalendar package parses, with stable UIDs."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar, Event
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.exchange.ics_export import export_ics, recurrence
from complykit.exchange.ics_text import fold
from complykit.model.duration import Duration
from complykit.workspace.open import open_repository
from conftest import BASE_CONFIG, EXAMPLE

OPEN_BREACH = """\
kind: incident
id: inc-mailing
title: Newsletter sent with all addresses in CC
description: The monthly newsletter went out with every recipient visible to the others.
severity: medium
status: open
detected_at: 2026-12-04T09:00:00+01:00
aware_at: 2026-12-04T10:30:00+01:00
personal_data_involved: true
breach:
  our_role: controller
  nature: [confidentiality]
  risk_to_individuals: risk
  risk_reasoning: 2,400 e-mail addresses, some revealing patient status, seen by all recipients.
  authority:
    required: true
"""
WAIVER = """\
kind: waiver
id: wvr-retention
code: GDPR005
records: [pa-newsletter]
reason: Retention policy for the newsletter is being rewritten; decided in Q1.
owner: dpo
expires: 2027-03-31
"""


def _events(text: str) -> list[Event]:
    calendar = Calendar.from_ical(text)
    return [c for c in calendar.walk() if isinstance(c, Event)]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    (root / "inc.yaml").write_text(OPEN_BREACH, encoding="utf-8")
    (root / "waiver.yaml").write_text(WAIVER, encoding="utf-8")
    return root


def test_example_calendar_parses_with_unique_uids() -> None:
    """The bundled example exports a calendar icalendar reads, every UID unique and stable."""
    repo, _ = open_repository(EXAMPLE, date(2026, 12, 5))
    text = export_ics(repo)
    events = _events(text)
    uids = [str(e["UID"]) for e in events]
    assert len(events) > 50
    assert len(set(uids)) == len(uids)
    assert export_ics(repo) == text
    assert all(line.endswith("\r") or not line for line in text.split("\n"))
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75


def test_recurring_tasks_repeat() -> None:
    """A task every three months repeats monthly with interval 3 from its next due date."""
    repo, _ = open_repository(EXAMPLE, date(2026, 12, 5))
    events = {str(e["UID"]): e for e in _events(export_ics(repo))}
    task = events["task-phishing-simulation.task@tulip-health-b-v.complykit"]
    assert task["RRULE"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
    assert task.decoded("DTSTART") == date(2026, 12, 8)


def test_open_breach_deadline_and_waiver_expiry(workspace: Path) -> None:
    """An open, unreported breach gets its 72-hour deadline in UTC; a waiver its expiry."""
    repo, errors = open_repository(workspace, date(2026, 12, 5))
    assert errors == 0
    events = {str(e["UID"]): e for e in _events(export_ics(repo))}
    deadline = events["inc-mailing.authority-deadline@casus-b-v.complykit"]
    assert deadline.decoded("DTSTART") == datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    assert str(deadline["SUMMARY"]) == (
        "Breach notification deadline: Newsletter sent with all addresses in CC"
    )
    waiver = events["wvr-retention.expiry@casus-b-v.complykit"]
    assert waiver.decoded("DTSTART") == date(2027, 3, 31)
    assert str(waiver["DESCRIPTION"]).startswith("Retention policy for the newsletter")


def test_a_breach_without_a_moment_of_awareness_counts_from_detection(workspace: Path) -> None:
    """As validate's clock does: 72 hours from detection when `aware_at` is left out (before,
    such a breach got no deadline in the calendar at all); an incident without personal data
    is no breach and gets none."""
    incident = workspace / "inc.yaml"
    text = incident.read_text(encoding="utf-8")
    incident.write_text(text.replace("aware_at: 2026-12-04T10:30:00+01:00\n", ""), "utf-8")
    repo, _ = open_repository(workspace, date(2026, 12, 5))
    events = {str(e["UID"]): e for e in _events(export_ics(repo))}
    deadline = events["inc-mailing.authority-deadline@casus-b-v.complykit"]
    assert deadline.decoded("DTSTART") == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    incident.write_text(
        text.replace("personal_data_involved: true", "personal_data_involved: false"), "utf-8"
    )
    repo, _ = open_repository(workspace, date(2026, 12, 5))
    assert not [e for e in _events(export_ics(repo)) if "authority-deadline" in str(e["UID"])]


@pytest.mark.parametrize(
    ("cadence", "rule"),
    [
        (Duration(years=1), "FREQ=YEARLY;INTERVAL=1"),
        (Duration(months=6), "FREQ=MONTHLY;INTERVAL=6"),
        (Duration(weeks=2), "FREQ=WEEKLY;INTERVAL=2"),
        (Duration(months=1, days=15), None),
    ],
)
def test_recurrence(cadence: Duration, rule: str | None) -> None:
    """A cadence in one unit gives an RRULE; a mixed one none."""
    assert recurrence(cadence) == rule


def test_fold_keeps_characters_whole() -> None:
    """Folding never splits a multi-byte character and keeps lines within 75 octets."""
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_cli_writes_a_new_file_only(tmp_path: Path) -> None:
    """--output writes the calendar once and refuses to overwrite it."""
    target = tmp_path / "compliance.ics"
    runner = CliRunner()
    first = runner.invoke(app, ["export", "ics", str(EXAMPLE), "--output", str(target)])
    second = runner.invoke(app, ["export", "ics", str(EXAMPLE), "--output", str(target)])
    assert (first.exit_code, second.exit_code) == (0, 2)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert "already exists" in second.stderr

"""The breach register, DPIAs, suppliers and the summary show what an investigation asks for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builders import write_workspace
from complykit.core.errors import ComplykitError
from complykit.reports.render import render_report
from complykit.reports.request import Request
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF


def _md(repo: Repository, name: str, lang: str = "en", **options: str) -> str:
    request = Request(lang, **options)  # type: ignore[arg-type]
    return render_report(name, repo, lang=lang, output_format="markdown", request=request)


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = text.find("\n## ", start + 1)
    return text[start : following if following != -1 else None]


def test_breach_not_notified_appears_with_its_reasoning(example_repo: Repository) -> None:
    """The stolen-laptop breach is listed as not notified, with the Art. 33(1) reasoning."""
    text = _md(example_repo, "incidents")
    not_notified = _section(text, "## Personal-data breaches not notified")
    assert "Encrypted company laptop stolen on the train (`inc-2026-009`)" in not_notified
    assert "Unlikely to result in a risk to the rights and freedoms" in not_notified
    assert "Art. 34(3)(a): data unintelligible" in not_notified
    notified = _section(text, "## Personal-data breaches notified")
    assert "reference AP-2026-0917-18833" in notified
    assert "inc-2026-009" not in notified


def test_incident_without_personal_data_is_not_a_breach(example_repo: Repository) -> None:
    """The leaked staging key is an incident in its own section, with no breach facts."""
    other = _section(_md(example_repo, "incidents"), "## Other security incidents")
    assert "### Staging AWS access key published in a public GitHub repository" in other
    assert "Risk to individuals" not in other


BREACH = """\
kind: incident
id: inc-late
title: Mail to the wrong list
description: A mailing went to the wrong list.
severity: medium
status: open
detected_at: 2026-11-01T09:00:00+01:00
aware_at: 2026-11-01T10:00:00+01:00
personal_data_involved: true
breach:
  our_role: controller
  nature: [confidentiality]
  risk_to_individuals: risk
  risk_reasoning: Names and e-mail addresses of 40 people.
  authority:
    required: true
    notified_at: 2026-11-05T12:30:00+01:00
    to: Autoriteit Persoonsgegevens
    reason: The facts took four days to establish.
"""


@pytest.fixture
def breach_repo(tmp_path: Path) -> Repository:
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "inc-late.yaml").write_text(BREACH, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return repo


def test_late_notification_shows_the_clock_and_the_reason(breach_repo: Repository) -> None:
    """A notification after 72 hours shows the deadline, the hours taken, late, and the reason."""
    text = _md(breach_repo, "incidents")
    assert "72 hours after awareness: 4 November 2026, 10:00 (UTC+01:00)" in text
    assert "notified after 98 hours **late**" in text
    assert "The facts took four days to establish." in text


def test_open_breach_is_in_the_summary(breach_repo: Repository) -> None:
    """An open breach appears in the summary's open breaches with its deadline."""
    text = _section(_md(breach_repo, "summary"), "## Open personal-data breaches")
    assert "| Mail to the wrong list (`inc-late`) | 1 November 2026, 10:00 (UTC+01:00) |" in text


def test_dpia_id_renders_one_document(example_repo: Repository) -> None:
    """--id picks one DPIA: its title is the document's title and the others are absent."""
    text = _md(example_repo, "dpia", record_id="dpia-cv-screening")
    title = re.search(r"^# (.+)$", text, re.MULTILINE)
    assert title is not None
    assert "dpia-cv-screening" in text
    assert "dpia-patient-platform" not in text
    assert "### Why a DPIA is needed: the screening" in text


def test_unknown_dpia_id_is_an_error(example_repo: Repository) -> None:
    """An --id that names no DPIA is a user error, not an empty document."""
    with pytest.raises(ComplykitError, match="no DPIA with id 'dpia-nope'"):
        _md(example_repo, "dpia", record_id="dpia-nope")


def test_dpia_shows_art_35_parts_and_risk_maps(example_repo: Repository) -> None:
    """Every DPIA shows the four Art. 35(7) parts, both risk maps, DPO advice and Art. 36."""
    text = _md(example_repo, "dpia")
    for part in ("(a)", "(b)", "(c)", "(d)"):
        assert text.count(f"(Art. 35(7){part})") == 3
    assert text.count("**Inherent risk map**") == text.count("**Residual risk map**") > 0
    assert "Advice of the data protection officer (Art. 35(2))" in text
    assert "7. health data" in text


def test_public_suppliers_hold_only_what_a_processor_publishes(example_repo: Repository) -> None:
    """The public list names sub-processors, purpose, location and tool; nothing internal."""
    text = _md(example_repo, "suppliers", audience="public")
    assert "# Sub-processors" in text
    assert "| Zendesk, Inc. group entities (engaged by Zendesk, Inc.) |" in text
    assert "binding corporate rules (Art. 47)" in text
    for internal in ("Criticality", "Owner", "Data processing agreement", "Contract end"):
        assert internal not in text
    assert "Selectiq" not in text  # a processor for our own recruitment, not for customers


def test_dutch_wording_is_the_aps(example_repo: Repository) -> None:
    """Dutch reports say subverwerkers and verwerkingsverantwoordelijke, never 'verantwoordelijke'
    alone."""
    texts = [
        _md(example_repo, "suppliers", "nl"),
        _md(example_repo, "suppliers", "nl", audience="public"),
        _md(example_repo, "incidents", "nl"),
    ]
    assert "Subverwerkers" in texts[1]
    assert "verwerkingsverantwoordelijke geïnformeerd op" in texts[2]
    for text in texts:
        assert not re.search(
            r"(?<![a-z])verantwoordelijke", text.replace("verwerkingsverantwoordelijke", "")
        )

"""The DPIA report says when the monitoring a screening found is of a publicly accessible
area, the case Art. 35(3)(c) names, in every format and language."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import write_workspace
from complykit.reports.render import render_report, render_workbook
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF

ACTIVITY = """\
kind: processing-activity
id: pa-cameras
name: Camera surveillance of the shop entrance
role: controller
purposes:
  - {description: Preventing theft, legal_basis: legitimate-interests}
data_subjects: [Visitors]
personal_data:
  - {name: Camera images}
retention: {period: P28D, trigger: Recording}
security_description: Images viewed only after an incident.
no_recipients: The data stays with the security team.
dpia: dpia-cameras
dpia_screening:
  systematic_monitoring: true
  publicly_accessible_area: PUBLIC
  innovative_technology: true
  conclusion: dpia-required
"""
DPIA = """\
kind: dpia
id: dpia-cameras
title: DPIA camera surveillance
status: in-progress
processing_activities: [pa-cameras]
"""
SHOWN = {
    "en": "3. systematic monitoring: of a publicly accessible area (Art. 35(3)(c))",
    "nl": "van een openbaar toegankelijke ruimte (art. 35 lid 3 sub c AVG)",
}


def _repo(tmp_path: Path, *, public: bool) -> Repository:
    root = write_workspace(tmp_path / "ws", soa=None)
    for folder, name, text in (
        ("register", "pa-cameras.yaml", ACTIVITY.replace("PUBLIC", str(public).lower())),
        ("dpia", "dpia-cameras.yaml", DPIA),
    ):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / name).write_text(text, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return repo


def _cells(repo: Repository, lang: str) -> list[str]:
    book = load_workbook(BytesIO(render_workbook("dpia", repo, lang=lang)))
    return [str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_monitoring_of_a_public_area_is_named(tmp_path: Path, lang: str) -> None:
    repo = _repo(tmp_path, public=True)
    for output_format in ("html", "markdown"):
        assert SHOWN[lang] in render_report("dpia", repo, lang=lang, output_format=output_format)
    assert any(SHOWN[lang] in cell for cell in _cells(repo, lang))


def test_other_monitoring_is_not_said_to_be_public(tmp_path: Path) -> None:
    repo = _repo(tmp_path, public=False)
    assert "publicly accessible" not in render_report("dpia", repo, lang="en", output_format="html")
    assert not any("publicly accessible" in cell for cell in _cells(repo, "en"))

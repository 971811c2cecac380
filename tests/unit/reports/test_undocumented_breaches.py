"""An incident that involves personal data but records no breach yet (INC001) is a breach all
the same: the Art. 33(5) register lists it as one still to document, never among the other
security incidents, and the management summary counts it among the open breaches. Otherwise
the reports an auditor reads said "no open breaches" while a stolen laptop with payroll data
was on file."""

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

STOLEN = """\
kind: incident
id: inc-laptop
title: Laptop stolen from car
description: An unencrypted HR laptop was stolen from a car.
severity: high
status: open
detected_at: 2026-11-01T09:00:00+01:00
personal_data_involved: true
"""
SECTION = {
    "en": "Personal-data breaches not yet documented",
    "nl": "Datalekken die nog niet zijn gedocumenteerd",
}
OTHER = {"en": "Other security incidents", "nl": "Overige beveiligingsincidenten"}
FLAG = {"en": "breach not documented", "nl": "datalek niet gedocumenteerd"}


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    (root / "incidents" / "laptop.yaml").write_text(STOLEN, encoding="utf-8")
    opened = open_workspace(root, AS_OF).repo
    assert opened is not None
    return opened


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_register_lists_it_as_a_breach_to_document(repo: Repository, lang: str) -> None:
    text = render_report("incidents", repo, lang=lang, output_format="markdown")
    undocumented, other = text.index(f"## {SECTION[lang]}"), text.index(f"## {OTHER[lang]}")
    assert undocumented < text.index("### Laptop stolen from car") < other
    assert "Laptop stolen from car" not in text[other:]
    html = render_report("incidents", repo, lang=lang, output_format="html")
    assert html.index(f"<h2>{SECTION[lang]}</h2>") < html.index("Laptop stolen from car")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_register_workbook_has_it_on_a_sheet_of_its_own(repo: Repository, lang: str) -> None:
    book = load_workbook(BytesIO(render_workbook("incidents", repo, lang=lang)))
    titles = {"en": "Undocumented breaches", "nl": "Ongedocumenteerde datalekken"}
    rows = list(book[titles[lang]].iter_rows(min_row=2, values_only=True))
    assert [row[-1] for row in rows] == ["inc-laptop"]
    other = book[OTHER[lang][:31]]
    assert list(other.iter_rows(min_row=2, values_only=True)) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_summary_counts_it_among_the_open_breaches(repo: Repository, lang: str) -> None:
    text = render_report("summary", repo, lang=lang, output_format="markdown")
    row = next(line for line in text.splitlines() if "(`inc-laptop`)" in line)
    assert f"**{FLAG[lang]}**" in row
    html = render_report("summary", repo, lang=lang, output_format="html")
    assert f'<strong class="flag">{FLAG[lang]}</strong>' in html
    book = load_workbook(BytesIO(render_workbook("summary", repo, lang=lang)))
    cells = [v for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r]
    assert FLAG[lang] in cells

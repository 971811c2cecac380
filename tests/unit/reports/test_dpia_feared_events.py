"""A DPIA scored per feared event (CNIL PIA method) shows each event with its severity and
likelihood, in every format and language."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from complykit.reports.render import render_report, render_workbook
from complykit.workspace.repository import Repository

EXPECTED = {
    "en": ("illegitimate access to personal data", "3 significant", "2 limited", "Feared events"),
    "nl": (
        "onrechtmatige toegang tot persoonsgegevens",
        "3 aanzienlijk",
        "2 beperkt",
        "Gevreesde gebeurtenissen",
    ),
}
THREAT = "Credential stuffing on staff accounts"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_markdown_scores_each_feared_event(example_repo: Repository, lang: str) -> None:
    event, severity, likelihood, _ = EXPECTED[lang]
    text = render_report("dpia", example_repo, lang=lang, output_format="markdown", request=None)
    row = next(line for line in text.splitlines() if line.startswith(f"| {event} |"))
    assert row.endswith(f" | {severity} | {likelihood} |")
    assert THREAT in row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_scores_each_feared_event(example_repo: Repository, lang: str) -> None:
    event, severity, likelihood, _ = EXPECTED[lang]
    html = render_report("dpia", example_repo, lang=lang, output_format="html")
    row = next(r for r in html.split("<tr>") if r.startswith(f"<td>{event}</td>"))
    assert f"<td>{severity}</td><td>{likelihood}</td>" in row
    assert THREAT in row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_has_a_sheet_of_feared_events(example_repo: Repository, lang: str) -> None:
    event, severity, likelihood, title = EXPECTED[lang]
    book = load_workbook(BytesIO(render_workbook("dpia", example_repo, lang=lang)))
    sheet = next(s for s in book.worksheets if s.title.startswith(title))
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    row = next(r for r in rows if r[1] == event and r[-1] == "dpia-patient-platform")
    assert (row[6], row[7]) == (severity, likelihood)
    assert THREAT in str(row[3])

"""The supplier register shows a supplier's role per processing activity (processor in one,
sub-processor in another) and whether it provides an AI service, in every format and language."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from complykit.reports.render import render_report, render_workbook
from complykit.workspace.repository import Repository
from workbooks import register_cell

ROLE = {
    "en": ("Role per processing activity", "AI service", "sub-processor", "yes"),
    "nl": ("Rol per verwerkingsactiviteit", "AI-dienst", "subverwerker", "ja"),
}
SCHEDULING = "Patient appointment scheduling and reminders (on behalf of clinics)"


def _aws(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_markdown_shows_the_role_per_activity(example_repo: Repository, lang: str) -> None:
    label, service, sub, yes = ROLE[lang]
    text = render_report("suppliers", example_repo, lang=lang, output_format="markdown")
    aws = text[: text.index("`sup-aws`")].rsplit("\n### ", 1)[1]
    row = next(line for line in aws.splitlines() if line.startswith(f"| **{label}** |"))
    assert f"{SCHEDULING}: {sub}" in row
    assert f"| **{service}** | {yes} |" in aws


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_shows_the_role_per_activity(example_repo: Repository, lang: str) -> None:
    label, service, sub, yes = ROLE[lang]
    html = render_report("suppliers", example_repo, lang=lang, output_format="html")
    aws = _aws(html, 'id="sup-aws"', "</table>")
    assert f'<th scope="row">{label}</th>' in aws
    assert f"<li>{SCHEDULING}: {sub}</li>" in aws
    assert f'<th scope="row">{service}</th><td>{yes}</td>' in aws


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_role_cell_lists_each_activity(example_repo: Repository, lang: str) -> None:
    _, service, sub, yes = ROLE[lang]
    sheet = load_workbook(
        BytesIO(render_workbook("suppliers", example_repo, lang=lang))
    ).worksheets[1]
    aws = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[-1] == "sup-aws")
    assert f"{SCHEDULING}: {sub}" in str(aws[1]).splitlines()
    assert any(str(v).startswith(f"{service}: {yes}") for v in aws)


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Sub-processor of"), ("nl", "Subverwerker van")]
)
def test_the_workbook_names_the_processors_that_engage_a_sub_processor(
    example_repo: Repository, lang: str, label: str
) -> None:
    """``engaged_by`` is a column of the supplier sheet, one processor per line."""
    book = render_workbook("suppliers", example_repo, lang=lang)
    engaging = "Zendesk, Inc.\nHubSpot Ireland Limited\nWhereby AS"
    assert register_cell(book, "sup-aws", label) == engaging

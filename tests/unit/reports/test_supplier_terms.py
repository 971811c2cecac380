"""The supplier register says, per processor, which Art. 28(3) commitments its agreement was
found to lack, in every format and language."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from complykit.reports.render import render_report, render_workbook
from complykit.reports.request import Request
from complykit.reports.suppliers import build
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository
from conftest import CASES, MakeWorkspace
from unit.reports.conftest import AS_OF
from workbooks import register_cell

LACKING = {
    "en": ("Commitments required by Art. 28(3)", "no clause recorded for (g), (h)"),
    "nl": ("Verplichtingen uit art. 28 lid 3 AVG", "geen bepaling vastgelegd voor (g), (h)"),
}


@pytest.fixture
def lacking_repo(make_workspace: MakeWorkspace) -> Repository:
    repo = open_workspace(make_workspace(CASES / "SUP011" / "terms-missing"), AS_OF).repo
    assert repo is not None
    return repo


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_and_markdown_name_the_missing_points(lacking_repo: Repository, lang: str) -> None:
    label, lacking = LACKING[lang]
    html = render_report("suppliers", lacking_repo, lang=lang, output_format="html")
    assert f'<th scope="row">{label}</th><td>{lacking}</td>' in html
    text = render_report("suppliers", lacking_repo, lang=lang, output_format="markdown")
    assert f"| **{label}** | {lacking} |" in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_has_a_column_for_the_commitments(lacking_repo: Repository, lang: str) -> None:
    label, lacking = LACKING[lang]
    book = render_workbook("suppliers", lacking_repo, lang=lang)
    assert register_cell(book, "sup-cloudnest", label) == lacking


def test_the_second_subparagraph_is_named_in_words(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(CASES / "SUP011" / "pass-all-terms")
    supplier = root / "supplier.yaml"
    supplier.write_text(
        supplier.read_text(encoding="utf-8").replace('    unlawful_instructions: "§ 2.3"\n', ""),
        encoding="utf-8",
    )
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    html = render_report("suppliers", repo, lang="nl", output_format="html")
    assert "geen bepaling vastgelegd voor tweede alinea" in html


SPECIFIC = {
    "en": ("each approved by us in writing (specific authorisation)", "approved on 1 April 2025"),
    "nl": (
        "elk door ons schriftelijk goedgekeurd (specifieke toestemming)",
        "goedgekeurd op 1 april 2025",
    ),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_register_says_how_sub_processors_are_authorised(
    make_workspace: MakeWorkspace, lang: str
) -> None:
    how, approved = SPECIFIC[lang]
    repo = open_workspace(make_workspace(CASES / "SUP013" / "pass-approved"), AS_OF).repo
    assert repo is not None
    html = render_report("suppliers", repo, lang=lang, output_format="html")
    assert f"<td>{how}</td>" in html
    assert "Nordic Backup AB — off-site backups; " in html
    assert f"; {approved}</li>" in html
    text = render_report("suppliers", repo, lang=lang, output_format="markdown")
    assert f"| {how} |" in text
    sheet = load_workbook(BytesIO(render_workbook("suppliers", repo, lang=lang))).worksheets[1]
    cloudnest = next(r for r in sheet.iter_rows(values_only=True) if r[-1] == "sup-cloudnest")
    cell = next(str(v) for v in cloudnest if v and "Nordic Backup AB" in str(v))
    assert cell.splitlines()[0].endswith(how)
    assert cell.splitlines()[1].endswith(approved)


def test_the_sub_processing_clause_is_not_listed_as_missing(make_workspace: MakeWorkspace) -> None:
    repo = open_workspace(
        make_workspace(CASES / "SUP011" / "pass-sub-processing-clause"), AS_OF
    ).repo
    assert repo is not None
    context = build(repo, Request("en", findings=()))
    assert [row["dpa_terms_missing"] for row in context["processors"]] == [[]]


OPTED_OUT = {
    "en": "allowed unless we object (opt-out); we opted out on 2 April 2025; AI terms 4.1",
    "nl": "toegestaan tenzij wij bezwaar maken (opt-out); "
    "wij hebben bezwaar gemaakt op 2 april 2025; AI terms 4.1",
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_register_says_when_we_opted_out_of_training(
    make_workspace: MakeWorkspace, lang: str
) -> None:
    """Under opt-out terms, the day we objected is shown beside them, in every format."""
    repo = open_workspace(make_workspace(CASES / "SUP003" / "pass-opt-out-exercised"), AS_OF).repo
    assert repo is not None
    html = render_report("suppliers", repo, lang=lang, output_format="html")
    assert OPTED_OUT[lang] in html
    text = render_report("suppliers", repo, lang=lang, output_format="markdown")
    assert OPTED_OUT[lang] in text
    book = load_workbook(BytesIO(render_workbook("suppliers", repo, lang=lang)))
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert any(OPTED_OUT[lang] in cell for cell in cells)

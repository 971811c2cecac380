"""The risk register shows each treatment plan's actions, the reassessment interval and whether
an acceptance sits within the appetite, in every format and language (ISO/IEC 27001 6.1.3, 8.2)."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from complykit.reports.render import render_report, render_workbook
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository
from example_copies import example_copy

ACTION = "Exit plan for Datadog with an EU-owned alternative, tested on staging"
WORDS = {
    "en": {
        "plans": "Treatment plans",
        "status": "in progress",
        "due": "31 March 2027",
        "done": "done, 14 October 2026",
        "interval": "every year",
        "accepted": "accepted by Sanne de Vries on",
        "within": "within appetite",
    },
    "nl": {
        "plans": "Behandelplannen",
        "status": "in uitvoering",
        "due": "31 maart 2027",
        "done": "afgerond, 14 oktober 2026",
        "interval": "elk jaar",
        "accepted": "geaccepteerd door Sanne de Vries op",
        "within": "binnen de risicobereidheid",
    },
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_markdown_lists_each_action_with_owner_due_and_status(
    example_repo: Repository, lang: str
) -> None:
    words = WORDS[lang]
    text = render_report("risks", example_repo, lang=lang, output_format="markdown")
    plans = text[text.index(f"## {words['plans']}") :]
    row = next(line for line in plans.splitlines() if ACTION in line)
    assert row.split(" | ")[2:] == ["Bram Dekker", words["due"], f"{words['status']} |"]
    assert any(words["done"] in line for line in plans.splitlines() if "Transfer impact" in line)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_shows_interval_acceptance_and_actions(example_repo: Repository, lang: str) -> None:
    words = WORDS[lang]
    html = render_report("risks", example_repo, lang=lang, output_format="html")
    risk = html[html.index('<tr id="risk-us-transfer-dpf">') :]
    risk = risk[: risk.index("</tr>")]
    assert words["interval"] in risk
    # Accepted without saying it is within the appetite: nothing claims it is, or is not.
    assert words["accepted"] in risk
    assert words["within"] not in risk
    plans = html[html.index(f"<h2>{words['plans']}</h2>") :]
    row = next(r for r in plans.split("<tr>") if ACTION in r)
    assert "<td>Bram Dekker</td>" in row
    assert f"<td>{words['due']}</td>" in row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_has_a_sheet_of_actions(example_repo: Repository, lang: str) -> None:
    words = WORDS[lang]
    book = load_workbook(BytesIO(render_workbook("risks", example_repo, lang=lang)))
    sheet = book[words["plans"]]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    row = next(r for r in rows if r[1] == ACTION)
    assert (row[2], row[4], row[6]) == ("Bram Dekker", words["status"], "risk-us-transfer-dpf")
    register = [tuple(c.value for c in r) for r in book.worksheets[1].iter_rows(min_row=2)]
    dpf = next(r for r in register if r[-1] == "risk-us-transfer-dpf")
    assert dpf[-2] == {"en": "1 year", "nl": "1 jaar"}[lang]  # the interval column: a length
    assert any(isinstance(v, str) and words["accepted"] in v for v in dpf)
    assert not any(isinstance(v, str) and words["within"] in v for v in dpf)


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "accepted as within the appetite"),
        ("nl", "geaccepteerd als binnen de risicobereidheid"),
    ],
)
def test_an_acceptance_within_the_appetite_says_so(tmp_path: Path, lang: str, shown: str) -> None:
    """``within_appetite: true`` records why the risk was accepted, and the report says it."""
    root = example_copy(tmp_path)
    risk = root / "risks" / "risk-us-transfer-dpf.yaml"
    text = risk.read_text(encoding="utf-8")
    risk.write_text(
        text.replace("acceptance:\n", "acceptance:\n  within_appetite: true\n"), "utf-8"
    )
    repo = open_workspace(root, date(2026, 12, 1)).repo
    assert repo is not None
    html = render_report("risks", repo, lang=lang, output_format="html")
    row = html[html.index('<tr id="risk-us-transfer-dpf">') :]
    assert shown in row[: row.index("</tr>")]

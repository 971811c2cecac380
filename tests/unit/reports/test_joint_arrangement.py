"""The register of processing activities shows the Art. 26 arrangement beside the joint
controllers it binds, or says that none is recorded, in every format and language."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from complykit.reports.render import render_report, render_workbook
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository
from conftest import CASES, MakeWorkspace
from unit.reports.conftest import AS_OF

NOTICE = "Privacy notice for staff, section 4"
SHOWN = {
    "en": (
        f"Arrangement (Art. 26) agreed on 1 June 2025; its essence is published in: {NOTICE}",
        "No arrangement (Art. 26) recorded",
    ),
    "nl": (
        f"Regeling (art. 26 AVG) overeengekomen op 1 juni 2025; de hoofdlijnen staan in: {NOTICE}",
        "Geen regeling (art. 26 AVG) vastgelegd",
    ),
}


def _repo(make_workspace: MakeWorkspace, case: str) -> Repository:
    repo = open_workspace(make_workspace(CASES / "GDPR040" / case), AS_OF).repo
    assert repo is not None
    return repo


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("case", "which"), [("pass-arrangement-published", 0), ("no-arrangement", 1)]
)
def test_every_format_shows_the_arrangement(
    make_workspace: MakeWorkspace, lang: str, case: str, which: int
) -> None:
    repo = _repo(make_workspace, case)
    shown = SHOWN[lang][which]
    html = render_report("ropa", repo, lang=lang, output_format="html")
    assert f"</ul>{shown}</td>" in html
    text = render_report("ropa", repo, lang=lang, output_format="markdown")
    assert f"<br>{shown} |" in text
    sheet = load_workbook(BytesIO(render_workbook("ropa", repo, lang=lang))).worksheets[1]
    assert any(shown in str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)

"""A report header without a DPO shows why none is designated, as the organisation recorded
it (GDPR Art. 37(1)), in every format and language."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from complykit.reports.render import render_report, render_workbook
from complykit.workspace.open import open_workspace
from conftest import CASES, MakeWorkspace
from unit.reports.conftest import AS_OF


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "none designated: "), ("nl", "niet aangewezen: ")],
)
def test_the_reason_no_dpo_is_designated_is_in_the_header(
    make_workspace: MakeWorkspace, lang: str, shown: str
) -> None:
    """An organisation without a DPO shows auditors the reason it recorded (Art. 37(1))."""
    root = make_workspace(CASES / "GDPR040" / "pass-arrangement-published")
    config = root / "complykit.yaml"
    reason = "Our core activities are payroll for 40 staff, no large-scale monitoring"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  headcount:", f"  dpo_not_required: {reason}\n  headcount:", 1
        ),
        encoding="utf-8",
    )
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    assert repo.config.organisation.dpo is None
    html = render_report("ropa", repo, lang=lang, output_format="html")
    assert f"<dd>{shown}{reason}</dd>" in html
    text = render_report("ropa", repo, lang=lang, output_format="markdown")
    assert f":** {shown}{reason}" in text
    sheet = load_workbook(BytesIO(render_workbook("ropa", repo, lang=lang))).worksheets[0]
    assert any(
        f"{shown}{reason}" == str(c) for row in sheet.iter_rows(values_only=True) for c in row
    )

"""``complykit init``: the risk scales and comments of complykit.yaml in the first language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.validate.engine import run

runner = CliRunner()
OPTIONS = ["init", "--organisation", "Bakkerij De Vries B.V.", "--headcount", "40"]
RISK = """\
kind: risk
id: risk-fire
title: Brand in de bakkerij
category: continuity
inherent: {likelihood: 5, impact: 1}
treatment: avoid
"""


def _scales(folder: Path) -> list[tuple[str, str]]:
    method = yaml.safe_load((folder / "complykit.yaml").read_text("utf-8"))["risk_method"]
    return [(v["label"], v["description"]) for v in method["likelihood"] + method["impact"]]


def test_a_dutch_workspace_gets_a_dutch_risk_scale(tmp_path: Path) -> None:
    """With nl first, the labels and descriptions are Dutch, the comments too, and it validates."""
    result = runner.invoke(app, [*OPTIONS, str(tmp_path), "--language", "nl", "--language", "en"])
    assert result.exit_code == 0, result.output
    assert [label for label, _ in _scales(tmp_path)] == [
        *("Zeldzaam", "Onwaarschijnlijk", "Mogelijk", "Waarschijnlijk", "Bijna zeker"),
        *("Minimaal", "Beperkt", "Gemiddeld", "Groot", "Ernstig"),
    ]
    assert _scales(tmp_path)[1] == ("Onwaarschijnlijk", "Eens per drie tot tien jaar")
    text = (tmp_path / "complykit.yaml").read_text("utf-8")
    assert "risk_method:  # de score van een risico is kans x impact" in text
    assert "role: Functionaris gegevensbescherming}" in text
    assert not re.search(r"\b(Rare|Likely|Negligible|Severe|edit the scales|add who)\b", text)
    assert run(tmp_path, as_of=date(2026, 12, 7)).findings == ()


def test_an_english_first_workspace_keeps_the_english_scale(tmp_path: Path) -> None:
    """With en first (or no --language), the scale is the English one, even when nl follows."""
    result = runner.invoke(app, [*OPTIONS, str(tmp_path), "--language", "en", "--language", "nl"])
    assert result.exit_code == 0, result.output
    assert _scales(tmp_path)[0] == ("Rare", "Less than once in ten years")
    assert _scales(tmp_path)[-1] == ("Severe", "Lasting harm; regulatory action likely")


def test_the_dutch_risk_report_shows_the_scale_whole(tmp_path: Path) -> None:
    """The Dutch risk report names the levels in Dutch, none cut short in the risk map."""
    runner.invoke(app, [*OPTIONS, str(tmp_path), "--language", "nl"])
    (tmp_path / "risks" / "risk-fire.yaml").write_text(RISK, encoding="utf-8")
    markdown = runner.invoke(app, ["report", "risks", str(tmp_path), "--format", "markdown"])
    assert "(kans 5 Bijna zeker \u00d7 impact 1 Minimaal)" in markdown.stdout
    html = runner.invoke(app, ["report", "risks", str(tmp_path), "--format", "html"]).stdout
    shown = re.findall(r'font-size="[89]">([^<]*)</text>', html)
    for label, _ in _scales(tmp_path):
        assert any(text.endswith(label) for text in shown), label
    assert not [text for text in shown if "…" in text]


@pytest.mark.parametrize(
    ("language", "comment"),
    [
        ("en", "# the register names our contact details (GDPR Art. 30(1)(a))"),
        ("nl", "# het register noemt onze contactgegevens (art. 30 lid 1 sub a AVG)"),
    ],
)
def test_the_contact_details_the_register_opens_with_are_there_to_fill_in(
    tmp_path: Path, language: str, comment: str
) -> None:
    """complykit.yaml offers `address` and `privacy_contact`, commented, in the first language:
    the Art. 30 register names the controller's contact details, and a privacy officer does
    not know these keys exist. Uncommented as they stand, the workspace still validates, and
    the register shows the address."""
    assert runner.invoke(app, [*OPTIONS, str(tmp_path), "--language", language]).exit_code == 0
    config = tmp_path / "complykit.yaml"
    text = config.read_text("utf-8")
    assert comment in text
    filled = re.sub(r"(?m)^  # (address|privacy_contact): ", r"  \1: ", text)
    assert filled.count("\n  address: ") == filled.count("\n  privacy_contact: ") == 1
    config.write_text(filled, "utf-8")
    assert run(tmp_path, as_of=date(2026, 12, 8)).findings == ()
    address = yaml.safe_load(filled)["organisation"]["address"]
    report = runner.invoke(app, ["report", "ropa", str(tmp_path), "--format", "markdown"])
    assert report.exit_code == 0, report.output
    assert address in report.stdout

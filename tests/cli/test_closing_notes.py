"""``complykit validate``: what holds for all of a rule's findings is said once per run.

The AI Act rules give a duty's Digital Omnibus date in brief in each hint; what that date means
(unverified, check the Official Journal) is the rules' note, said once in every format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from conftest import CASES, MakeWorkspace

runner = CliRunner()
# Two high-risk systems without human oversight (AIA006), as of a day their duty applies.
CASE = CASES / "AIA006" / "no-oversight"
ARGS = ["--as-of", "2026-12-07", "--no-cache"]
NOTE = "The Omnibus is not verified: check the Official Journal before relying on it."


@pytest.fixture
def ai_workspace(make_workspace: MakeWorkspace) -> Path:
    return make_workspace(CASE)


def _validate(root: Path, output_format: str) -> str:
    result = runner.invoke(app, ["validate", str(root), *ARGS, "--format", output_format])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_text_says_the_omnibus_note_once_after_the_findings(ai_workspace: Path) -> None:
    """Each hint gives its Omnibus date in brief; the note closes the output, once."""
    text = _validate(ai_workspace, "text")
    assert text.count("(AI Act Art. 113); 2027-12-02 under the Digital Omnibus.") == 2
    assert text.count("Official Journal") == 1
    *_, note, blank, summary = text.splitlines()
    assert note.startswith('Note (AIA006): A date "under the Digital Omnibus" in a hint is ')
    assert NOTE in note
    assert (blank, summary) == ("", "2 errors in 1 file; checked 3 files (3 records)")


def test_machine_formats_carry_the_note_once(ai_workspace: Path) -> None:
    """JSON lists it under `notes`, SARIF in the rule's help, Markdown and GitHub once each."""
    document = json.loads(_validate(ai_workspace, "json"))
    [note] = document["notes"]
    assert note["codes"] == ["AIA006"]
    assert NOTE in note["text"]
    assert not [f for f in document["findings"] if "Official Journal" in f["hint"]]
    sarif = json.loads(_validate(ai_workspace, "sarif"))
    [rule] = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert NOTE in rule["help"]["text"]
    results = sarif["runs"][0]["results"]
    assert not [r for r in results if "Official Journal" in r["message"]["text"]]
    for output_format in ("markdown", "github"):
        assert _validate(ai_workspace, output_format).count("Official Journal") == 1


def test_explain_gives_the_note() -> None:
    """`complykit explain` shows the note with the rule, where the hints leave it out."""
    result = runner.invoke(app, ["explain", "AIA012"])
    assert result.exit_code == 0
    assert "Note: A date" in result.stdout
    assert NOTE in result.stdout

"""Class 16: complykit.yaml is a file of the pull request like any record.

A setting the user wrote must either apply or be a finding: never be read by no one.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BASE_CONFIG
from hostile.harness import run, workspace


def test_a_second_document_in_the_config_is_a_finding(tmp_path: Path) -> None:
    """Everything after a `---` line in complykit.yaml was ignored without a word, so a
    setting written there (here: exclude every file) looked applied and was not."""
    config = BASE_CONFIG.read_text(encoding="utf-8")
    lines = config.count("\n")
    root = workspace(tmp_path)
    (root / "complykit.yaml").write_text(
        config + "---\npaths:\n  exclude: ['**']\n", encoding="utf-8"
    )
    outcome = run("validate", str(root), "--format", "json")
    outcome.assert_inert(allowed=(1,))
    (finding,) = json.loads(outcome.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["code"]) == (
        "complykit.yaml",
        lines + 2,
        "SCH005",
    )
    # Neither document is used (the run checks no record): the message said "only one is read".
    assert finding["message"] == (
        "complykit.yaml holds more than one YAML document; complykit uses none of them, and "
        "checks nothing in the workspace, until it holds one"
    )
    report = run("report", "summary", str(root), "--format", "markdown")
    report.assert_inert(allowed=(2,))
    assert "complykit.yaml is not valid" in report.stderr


def test_an_empty_document_after_the_config_is_no_second_one(tmp_path: Path) -> None:
    """A trailing `---` (some editors add one) or a comment after it holds no setting."""
    root = workspace(tmp_path)
    with (root / "complykit.yaml").open("a", encoding="utf-8") as config:
        config.write("---\n# the end\n")
    run("validate", str(root)).assert_inert(allowed=(0,))

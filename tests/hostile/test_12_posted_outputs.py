"""Class 12: what a pull request makes complykit post stays within what the platform accepts.

A record that names thousands of records nobody wrote is thousands of findings (the schema
problems of a file are listed up to a bound, class 11; broken references are judged each on
its own). Listed in full, the Markdown
summary and the pull-request comment passed GitHub's 65,536 characters (the comment was then
refused, and the reader got nothing), and the SARIF run passed the 25,000 results code scanning
accepts (the upload was rejected). The outputs list what fits, the errors first, and count the
rest; the text and JSON outputs still list every finding.
"""

from __future__ import annotations

import json
from pathlib import Path

from complykit.formatters.budget import COMMENT_CHARACTERS, SARIF_RESULTS
from hostile.harness import git_commit_all, run_process, workspace
from hostile.test_11_large_files import RISK as RISK_A

BROKEN = 30_000
NAMES = "".join(f"  - pa-missing-{n:06d}\n" for n in range(BROKEN))
RISK = RISK_A.replace("[sup-000007]", f"\n{NAMES}")
MARKER = "<!-- complykit-action:diff -->\n"  # what the GitHub Action puts before the comment


def test_validate_outputs_fit_where_they_are_posted(tmp_path: Path) -> None:
    root = workspace(tmp_path, {"risks/a.yaml": RISK})
    every = run_process("validate", str(root), "--format", "json", cwd=tmp_path)
    every.assert_inert(allowed=(1,))
    assert len(json.loads(every.stdout)["findings"]) >= BROKEN

    summary = tmp_path / "summary.md"
    github = run_process(
        "validate", str(root), "--format", "github", cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    github.assert_inert(allowed=(1,))
    markdown = summary.read_text(encoding="utf-8")
    assert len(MARKER) + len(markdown) <= COMMENT_CHARACTERS
    assert "more finding(s) not listed here" in markdown

    sarif = run_process("validate", str(root), "--format", "sarif", cwd=tmp_path)
    sarif.assert_inert(allowed=(1,))
    run = json.loads(sarif.stdout)["runs"][0]
    assert len(run["results"]) == SARIF_RESULTS
    assert run["invocations"][0]["toolExecutionNotifications"][0]["level"] == "warning"


def test_a_diff_comment_fits_however_large_the_change(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    git_commit_all(root, "base")
    (root / "risks").mkdir()
    (root / "risks" / "a.yaml").write_text(RISK, encoding="utf-8")
    outcome = run_process("diff", "HEAD", str(root), "--format", "markdown", cwd=tmp_path)
    outcome.assert_inert(allowed=(1,))
    assert len(MARKER) + len(outcome.stdout) <= COMMENT_CHARACTERS
    assert "more finding(s) not shown here" in outcome.stdout

"""Class 19: one oversized value cannot hide the rest of a pull-request comment.

A value may hold up to 100,000 characters, and a finding that quotes it makes one table row
longer than a whole comment may be. The rows that fit were taken in order until the first one
that did not, so a pull request that put such a value in a file named to sort first (evidence
a few lines long, repeated) left every other finding out of the job summary and the diff
comment: the reviewer read "4 more finding(s) not listed" and none of them, among them the one
about the change that mattered. A row too long for the room was then passed over, but that let
a pull request push its own error out of the comment, behind shorter warnings. A row too long
for the room is now cut (to at most a couple of thousand characters, ending in " […]"), and
the rest are shown.
"""

from __future__ import annotations

from pathlib import Path

from hostile.harness import git_commit_all, run_process, workspace

HUGE = "x|" * 40_000
CONTROL = "kind: control\nid: {id}\ntitle: T\nstatus: implemented\nevidence: [{evidence}]\n"
FILES = {
    "0-huge.yaml": CONTROL.format(id="ctl-huge", evidence=f"'{HUGE}1', '{HUGE}2'"),
    "z-small.yaml": CONTROL.format(id="ctl-small", evidence="SMALL-AND-REAL.md"),
}


def test_the_job_summary_lists_what_fits_after_a_huge_finding(tmp_path: Path) -> None:
    root = workspace(tmp_path, FILES)
    summary = tmp_path / "summary.md"
    outcome = run_process(
        "validate", str(root), "--format", "github", cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    outcome.assert_inert(allowed=(1,))
    markdown = summary.read_text(encoding="utf-8")
    assert "SMALL-AND-REAL.md" in markdown
    assert markdown.count(" […] |") == 2  # the huge ones shown, cut
    assert "not listed here" not in markdown


def test_the_diff_comment_lists_what_fits_after_a_huge_finding(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    git_commit_all(root, "base")
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    outcome = run_process("diff", "HEAD", str(root), "--format", "markdown", cwd=tmp_path)
    outcome.assert_inert(allowed=(1,))
    assert "SMALL-AND-REAL.md" in outcome.stdout
    assert outcome.stdout.count(" […] |") == 2  # the huge ones shown, cut
    assert "finding(s) not shown here" not in outcome.stdout

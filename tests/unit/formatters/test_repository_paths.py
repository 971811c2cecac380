"""Paths for CI tools: relative to the repository root, and annotations within GitHub's limit."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from complykit.core.findings import Severity
from complykit.core.result import rebased
from complykit.formatters.github import MAX_ANNOTATIONS, GithubFormatter

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.findings import Finding
    from complykit.core.result import Result


def test_rebased_paths_start_at_the_base(
    make_result: Callable[..., Result], make_finding: Callable[..., Finding], tmp_path: Path
) -> None:
    """A workspace in repo/compliance gives paths like compliance/risks/x.yaml from repo/."""
    root = tmp_path / "repo" / "compliance"
    root.mkdir(parents=True)
    result = make_result(make_finding(path="risks/x.yaml"), root=root)
    moved = rebased(result, tmp_path / "repo")
    assert [f.path.as_posix() for f in moved.findings] == ["compliance/risks/x.yaml"]
    assert moved.root == (tmp_path / "repo").resolve()
    assert rebased(result, root).findings == result.findings


def test_annotations_stop_at_githubs_limit(
    make_result: Callable[..., Result],
    make_finding: Callable[..., Finding],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """At most 10 annotations per severity; the rest are counted and all are in the summary."""
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    errors = [make_finding(line=n) for n in range(1, 15)]
    warnings = [make_finding(line=n, severity=Severity.WARNING) for n in range(20, 23)]
    stream = io.StringIO()
    GithubFormatter().render(make_result(*errors, *warnings), stream)
    lines = stream.getvalue().splitlines()
    assert sum(line.startswith("::error ") for line in lines) == MAX_ANNOTATIONS
    assert sum(line.startswith("::warning ") for line in lines) == 3
    assert "4 more finding(s) not annotated" in lines[-1]
    assert summary.read_text(encoding="utf-8").count("| :x: error |") == 14

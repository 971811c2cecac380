from __future__ import annotations

import io
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pytest

from complykit.formatters.github import GithubFormatter, annotation_path, checkout_folder

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.core.result import Result


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    # Under GitHub Actions the real variable is set; tests must not write to the real summary.
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def in_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work from a checkout whose complykit workspace is the ``compliance`` folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path / "compliance"


def render(result: Result) -> list[str]:
    stream = io.StringIO()
    GithubFormatter().render(result, stream)
    return stream.getvalue().splitlines()


def test_one_command_per_finding_then_summary(
    sample: Result, in_checkout: Path, make_result: Callable[..., Result]
) -> None:
    """Errors, warnings and infos become error, warning and notice commands."""
    result = make_result(*sample.findings, root=in_checkout)
    assert render(result) == [
        (
            "::error file=compliance/records/activities.yaml,line=12,col=3,title=GDPR005"
            "::Processing activity 'payroll' states no retention period."
            "%0AHint: Add a retention period or the criteria that set it."
            "%0ACitation: GDPR Art. 30(1)(f)"
        ),
        (
            "::warning file=compliance/records/activities.yaml,line=40,col=7,title=REF001"
            "::Unknown processor 'acme-cloud'."
        ),
        (
            "::notice file=compliance/soa.yaml,line=3,col=1,title=SOA002"
            "::Control A.5.1 is applicable but has no owner.%0ACitation: ISO/IEC 27001:2022 A.5.1"
        ),
        "1 error, 1 warning, 1 info in 2 files; checked 12 files (140 records)",
    ]


def test_properties_and_data_are_escaped(special: Result) -> None:
    """Percent signs and newlines are escaped everywhere; commas and colons only in properties."""
    assert render(special)[0] == (
        "::error file=/srv/privacy-register/odd dir/a%2Cb%3Ac%25.yaml,line=2,col=5,title=GDPR005"
        '::Bad, value: 100%25%0Anext | <tag> & "quoted" [x](y) *z*%0AHint: Use | & <'
    )


def test_clean_run_prints_only_the_summary(clean: Result) -> None:
    """A clean run writes no workflow command."""
    assert render(clean) == ["No problems in 12 files (140 records)."]


def test_path_is_relative_to_the_working_directory(tmp_path: Path) -> None:
    """A finding under the working directory is given relative to it."""
    path = annotation_path(tmp_path / "a" / ".." / "b", PurePosixPath("x.yaml"), tmp_path)
    assert path == "b/x.yaml"


def test_path_outside_the_working_directory_stays_as_is(tmp_path: Path) -> None:
    """A finding outside the working directory keeps its full path."""
    path = annotation_path(Path("/elsewhere"), PurePosixPath("x.yaml"), tmp_path)
    assert path == "/elsewhere/x.yaml"


def test_relative_root_is_taken_from_the_working_directory(in_checkout: Path) -> None:
    """A relative workspace root resolves against the working directory."""
    assert annotation_path(Path("compliance"), PurePosixPath("x.yaml"), Path.cwd()) == (
        "compliance/x.yaml"
    )


def test_step_summary_is_appended(
    sample: Result, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Markdown summary is appended to GITHUB_STEP_SUMMARY, after what is already there."""
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render(sample)
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["earlier step", "## complykit validate"]
    assert "| Severity | Code | Location | Message |" in lines


def test_path_is_relative_to_the_job_workspace_not_the_step_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``working-directory: compliance`` the step runs in a subfolder, but GitHub reads
    ``file`` from GITHUB_WORKSPACE: the annotation names compliance/x.yaml, not x.yaml."""
    step_folder = tmp_path / "compliance"
    step_folder.mkdir()
    monkeypatch.chdir(step_folder)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert annotation_path(step_folder, PurePosixPath("x.yaml"), checkout_folder()) == (
        "compliance/x.yaml"
    )


def test_without_a_job_workspace_the_working_directory_is_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a workflow (or with a GITHUB_WORKSPACE that is not a full path) the working
    directory stands in for the checkout."""
    monkeypatch.chdir(tmp_path)
    assert checkout_folder() == tmp_path
    monkeypatch.setenv("GITHUB_WORKSPACE", "relative/folder")
    assert checkout_folder() == tmp_path

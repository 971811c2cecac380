"""``complykit diff`` through Typer's runner: formats, --head, --output and every exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from unit.diff.gitrepo import HEALTH, GitRepo, workspace_repo

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-23"]
RETENTION = "retention:\n  period: P2Y\n  trigger: unsubscription\n"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args, *AS_OF])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    # No git repository above tmp_path may answer for the "not a repository" case.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return workspace_repo(tmp_path / "repo")


def test_no_change_exits_0(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside the workspace, with nothing changed, the text view says so and exits 0."""
    monkeypatch.chdir(repo.workspace / "risks")
    code, out, _ = _invoke("HEAD")
    assert code == 0
    assert "Records: 0 added, 0 removed, 0 changed" in out
    assert "This change introduces no new finding at or above error." in out


def test_a_new_error_exits_1(repo: GitRepo) -> None:
    """A change that introduces an error exits 1, and the JSON lists the new finding."""
    repo.edit(
        "register/newsletter.yaml",
        "  - name: contact details\n",
        "  - name: contact details\n" + HEALTH,
    )
    code, out, _ = _invoke("HEAD", str(repo.workspace), "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert [f["code"] for f in document["findings"]["new"]] == ["GDPR013"]
    assert [n["rule"] for n in document["notable"]] == ["special-category-added"]


def test_after_validate_the_same_diff_from_the_cache(repo: GitRepo) -> None:
    """The workflow of a pull request: validate, then diff. The diff reads what validate kept
    and says the same as with --no-cache; a damaged cache is a warning, not a failure."""
    repo.edit(
        "register/newsletter.yaml",
        "  - name: contact details\n",
        "  - name: contact details\n" + HEALTH,
    )
    validated = runner.invoke(app, ["validate", str(repo.workspace), *AS_OF])
    assert validated.exit_code == 1, validated.output
    cached = _invoke("HEAD", str(repo.workspace), "--format", "json")
    fresh = _invoke("HEAD", str(repo.workspace), "--format", "json", "--no-cache")
    assert cached == fresh
    assert cached[0] == 1
    for entry in _cache_folder(repo).glob("*.json"):
        entry.write_text("[", encoding="utf-8")
    code, out, err = _invoke("HEAD", str(repo.workspace), "--format", "json")
    assert (code, out) == fresh[:2]
    assert "warning: cache entry" in err


def _cache_folder(repo: GitRepo) -> Path:
    from complykit.cache.store import cache_dir  # noqa: PLC0415 - a test of the CLI above

    return cache_dir(repo.workspace)


def test_fail_on_warning_counts_new_warnings(repo: GitRepo) -> None:
    """A new warning passes by default and fails with --fail-on warning."""
    repo.edit("register/newsletter.yaml", RETENTION, "")
    assert _invoke("HEAD", str(repo.workspace))[0] == 0
    assert _invoke("HEAD", str(repo.workspace), "--fail-on", "warning")[0] == 1


def test_markdown_to_a_file(repo: GitRepo, tmp_path: Path) -> None:
    """--output writes the Markdown comment to the file and nothing to standard output."""
    repo.edit("register/newsletter.yaml", "legal_basis: consent", "legal_basis: contract")
    target = tmp_path / "comment.md"
    code, out, _ = _invoke(
        "HEAD", str(repo.workspace), "--format", "markdown", "--output", str(target)
    )
    text = target.read_text(encoding="utf-8")
    assert (code, out) == (0, "")
    assert text.startswith("## complykit diff\n")
    assert (
        "**processing-activity pa-newsletter**: Legal basis changed from consent to contract"
        in text
    )


def test_head_option_compares_commits(repo: GitRepo) -> None:
    """--head compares two revisions and ignores uncommitted edits."""
    base = repo.git("rev-parse", "HEAD")
    repo.edit("register/newsletter.yaml", "name: Newsletter", "name: Monthly newsletter")
    repo.commit("rename")
    repo.edit("register/newsletter.yaml", "name: Monthly newsletter", "name: Weekly newsletter")
    code, out, _ = _invoke(base, str(repo.workspace), "--head", "HEAD", "--format", "json")
    (changed,) = json.loads(out)["records"]["changed"]
    assert code == 0
    assert changed["fields"] == [
        {"field": "name", "old": "Newsletter", "new": "Monthly newsletter"}
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-ref"], "error: unknown git revision 'no-such-ref'"),
        (["HEAD", "--head", "nope"], "error: unknown git revision 'nope'"),
    ],
)
def test_unknown_revision_exits_2(repo: GitRepo, args: list[str], message: str) -> None:
    """An unknown base or head revision exits 2 with the reason on stderr."""
    code, out, err = _invoke(args[0], str(repo.workspace), *args[1:])
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == message


def test_not_a_repository_exits_2(repo: GitRepo, tmp_path: Path) -> None:
    """A workspace outside git exits 2 and says it is not inside a git repository."""
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "complykit.yaml").write_bytes((repo.workspace / "complykit.yaml").read_bytes())
    code, _, err = _invoke("HEAD", str(loose))
    assert code == 2
    assert "not inside a git repository" in err


def test_importing_the_command_stays_light() -> None:
    """Importing the command module loads neither the engine nor the models nor YAML."""
    probe = (
        "import sys, complykit.cli.diff\n"
        "heavy = ('complykit.validate.engine', 'complykit.model', 'complykit.checks',"
        " 'yaml', 'rich')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("role: controller\n", "role: controller\nrole: controller\n", "YAML002"),
        ("role: controller\n", "role: controler\n", "SCH004"),
        ("name: Newsletter\n", "name: [Newsletter\n", "YAML001"),
    ],
)
def test_a_broken_record_could_not_be_read_rather_than_removed(
    repo: GitRepo, old: str, new: str, code: str
) -> None:
    """A record broken in the working tree is reported as unreadable, never as removed."""
    repo.edit("register/newsletter.yaml", old, new)
    exit_code, out, _ = _invoke("HEAD", str(repo.workspace))
    assert exit_code == 1
    assert "0 removed" in out
    assert "leaves the Art. 30 register" not in out
    assert f"pa-newsletter could not be read in working tree ({code} " in out
    document = json.loads(_invoke("HEAD", str(repo.workspace), "--format", "json")[1])
    assert document["records"]["removed"] == []
    assert [n["rule"] for n in document["notable"]] == ["record-unreadable"]

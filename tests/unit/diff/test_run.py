"""``run_diff`` on real git repositories: records, findings, sides and git errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

import pytest

from complykit.core.errors import ComplykitError
from complykit.diff.changes import FieldChange
from complykit.diff.run import run_diff
from conftest import BASE_CONFIG
from unit.diff.gitrepo import HEALTH, RISK, GitRepo, add_workspace, workspace_repo

AS_OF = date(2026, 11, 23)
# Art. 9(2)(a) is complete only with the record of how the explicit consent is obtained (GDPR015).
EXPLICIT_CONSENT = (
    "    explicit_consent: {how_obtained: Signed statement on the allergies, "
    "how_recorded: Scanned into the file, how_withdrawn: E-mail to the organiser}\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return workspace_repo(tmp_path / "repo")


def _fields(
    repo: GitRepo, base: str = "HEAD"
) -> dict[tuple[str, str], list[tuple[str, object, object]]]:
    diff = run_diff(base, repo.workspace, as_of=AS_OF)
    return {
        (c.kind, c.id): [(f.field, f.old, f.new) for f in c.fields] for c in diff.records.changed
    }


def test_unchanged_working_tree_reports_nothing(repo: GitRepo) -> None:
    """A working tree equal to the base has no record changes and no findings."""
    diff = run_diff("HEAD", repo.workspace, as_of=AS_OF)
    assert (diff.records.added, diff.records.removed, diff.records.changed) == ((), (), ())
    assert (diff.findings.new, diff.findings.fixed, diff.exit_code) == ((), (), 0)


def test_changed_fields_are_dotted_paths(repo: GitRepo) -> None:
    """A changed legal basis and residual score are listed as dotted paths with both values."""
    repo.edit("register/newsletter.yaml", "legal_basis: consent", "legal_basis: contract")
    repo.edit("risks/leak.yaml", "likelihood: 2", "likelihood: 4")
    assert _fields(repo) == {
        ("processing-activity", "pa-newsletter"): [
            ("purposes[0].legal_basis", "consent", "contract")
        ],
        ("risk", "risk-leak"): [("residual.likelihood", 2, 4)],
    }


def test_added_and_removed_records_are_listed_with_their_files(repo: GitRepo) -> None:
    """A new risk file is an added record and a deleted activity a removed one."""
    repo.write("risks/outage.yaml", RISK.replace("risk-leak", "risk-outage"))
    (repo.workspace / "register/newsletter.yaml").unlink()
    diff = run_diff("HEAD", repo.workspace, as_of=AS_OF)
    assert [(r.kind, r.id, r.path) for r in diff.records.added] == [
        ("risk", "risk-outage", PurePosixPath("risks/outage.yaml"))
    ]
    assert [(r.kind, r.id) for r in diff.records.removed] == [
        ("processing-activity", "pa-newsletter")
    ]


def test_a_moved_record_names_its_old_file(repo: GitRepo) -> None:
    """A record moved to another file, unchanged, is a change with only its old file noted."""
    repo.git("mv", "compliance/risks/leak.yaml", "compliance/risks/mailing-leak.yaml")
    (change,) = run_diff("HEAD", repo.workspace, as_of=AS_OF).records.changed
    assert (change.path, change.moved_from, change.fields) == (
        PurePosixPath("risks/mailing-leak.yaml"),
        PurePosixPath("risks/leak.yaml"),
        (),
    )


def test_new_finding_fails_and_shifted_lines_do_not_count(repo: GitRepo) -> None:
    """Health data without a condition is one new error; an old warning moved down stays old."""
    repo.edit(
        "register/newsletter.yaml", "retention:\n  period: P2Y\n  trigger: unsubscription\n", ""
    )
    base = repo.commit("drop retention: GDPR003 warning")
    repo.edit("register/newsletter.yaml", "role: controller\n", "role: controller\n# note\n\n")
    repo.edit(
        "register/newsletter.yaml",
        "  - name: contact details\n",
        "  - name: contact details\n" + HEALTH,
    )
    diff = run_diff(base, repo.workspace, as_of=AS_OF)
    assert [(f.code, f.path.as_posix(), f.line) for f in diff.findings.new] == [
        ("GDPR013", "register/newsletter.yaml", 18)
    ]
    assert (diff.findings.fixed, diff.findings.unchanged, diff.exit_code) == ((), 1, 1)


def test_a_removed_problem_is_fixed_and_passes(repo: GitRepo) -> None:
    """Fixing the base's error lists it as fixed, and the exit code is 0."""
    repo.edit(
        "register/newsletter.yaml",
        "  - name: contact details\n",
        "  - name: contact details\n" + HEALTH,
    )
    base = repo.commit("health data")
    repo.edit(
        "register/newsletter.yaml",
        "special_category: health\n",
        "special_category: health\n    art9_condition: a\n" + EXPLICIT_CONSENT,
    )
    diff = run_diff(base, repo.workspace, as_of=AS_OF)
    assert [f.code for f in diff.findings.fixed] == ["GDPR013"]
    assert (diff.findings.new, diff.exit_code) == ((), 0)


def test_old_findings_alone_do_not_fail(repo: GitRepo) -> None:
    """An error present on both sides is unchanged and leaves the exit code at 0."""
    repo.edit(
        "register/newsletter.yaml",
        "  - name: contact details\n",
        "  - name: contact details\n" + HEALTH,
    )
    base = repo.commit("health data")
    repo.edit("risks/leak.yaml", "title: Mailing list leaks", "title: The mailing list leaks")
    diff = run_diff(base, repo.workspace, as_of=AS_OF)
    assert (len(diff.findings.new), diff.findings.unchanged, diff.exit_code) == (0, 1, 0)


def test_head_revision_compares_two_commits(repo: GitRepo) -> None:
    """With a head revision the working tree is ignored and both sides come from git."""
    base = repo.git("rev-parse", "HEAD")
    repo.edit("risks/leak.yaml", "category: privacy", "category: security")
    head = repo.commit("recategorise")
    repo.edit("risks/leak.yaml", "category: security", "category: legal")
    diff = run_diff(base, repo.workspace, head=head, as_of=AS_OF)
    (change,) = diff.records.changed
    assert change.fields == (FieldChange(("category",), "privacy", "security"),)
    assert (diff.head.revision, diff.head.commit) == (head, head)


def test_base_without_the_workspace_is_empty(tmp_path: Path) -> None:
    """A workspace that did not exist at the base makes every record added, not an error."""
    repo = GitRepo(tmp_path)
    (tmp_path / "README.md").write_text("hello\n", encoding="utf-8")
    base = repo.commit("before complykit")
    add_workspace(repo)
    diff = run_diff(base, repo.workspace, as_of=AS_OF)
    assert diff.base.has_workspace is False
    assert [r.id for r in diff.records.added] == ["pa-newsletter", "risk-leak"]


def test_workspace_at_the_repository_root(tmp_path: Path) -> None:
    """A workspace that is the repository root itself is archived whole."""
    repo = workspace_repo(tmp_path)
    root_repo = GitRepo(repo.workspace, workspace=".")
    root_repo.commit("nested repository")
    root_repo.edit("risks/leak.yaml", "impact: 2}", "impact: 1}")
    (change,) = run_diff("HEAD", root_repo.workspace, as_of=AS_OF).records.changed
    assert change.fields == (FieldChange(("residual", "impact"), 2, 1),)


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        ("no-such-branch", "unknown git revision 'no-such-branch'"),
        ("--output=/tmp/x", "'--output=/tmp/x' is not a git revision"),
    ],
)
def test_bad_revisions_are_errors(repo: GitRepo, revision: str, message: str) -> None:
    """An unknown revision, or one that looks like an option, stops with a clear message."""
    with pytest.raises(ComplykitError) as raised:
        run_diff(revision, repo.workspace, as_of=AS_OF)
    assert raised.value.message == message
    assert raised.value.exit_code == 2


def test_outside_a_git_repository_is_an_error(tmp_path: Path) -> None:
    """A workspace outside any git working tree stops with 'not inside a git repository'."""
    (tmp_path / "complykit.yaml").write_bytes(BASE_CONFIG.read_bytes())
    with pytest.raises(ComplykitError, match="not inside a git repository"):
        run_diff("HEAD", tmp_path, as_of=AS_OF)

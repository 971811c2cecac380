"""The base built by swapping changed files into the head equals the base loaded in full.

Each test runs ``run_diff`` twice: once as users get it, where only the files whose blob ids
differ are read for the base, and once with that plan refused, so the base revision is written
out and loaded whole. Both must give the same diff, in every output format.
"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from complykit.diff.changes import Diff, RecordDiff
from complykit.diff.formats import DIFF_FORMATTERS
from complykit.diff.head_cache import open_head_cache
from complykit.diff.run import run_diff
from complykit.diff.swap import swap
from complykit.validate.validation import validate
from conftest import CASES
from unit.diff.gitrepo import ACTIVITY, CONTACT, CONTROL, HEALTH, RISK, GitRepo, workspace_repo

AS_OF = date(2026, 11, 23)
ART9 = "    art9_condition: a\n"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return workspace_repo(tmp_path / "repo")


class Runs:
    """Runs a diff both ways and says whether the swapped base was used."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.swapped: list[bool] = []
        self.warm = False
        """Whether the diff after ``validate`` found the cache warm (a link, say, is not kept)."""

        def spy(*args: Any, **kwargs: Any) -> Any:
            built = swap(*args, **kwargs)
            self.swapped.append(built is not None)
            return built

        monkeypatch.setattr("complykit.diff.run.swap", spy)

    def diff(self, repo: GitRepo, base: str = "HEAD", head: str | None = None) -> Diff:
        """The diff as users get it, after checking that a full load of the base agrees, and
        for the working tree, that a diff reading what ``validate`` kept agrees too."""
        fast = run_diff(base, repo.workspace, as_of=AS_OF, head=head)
        with self.monkeypatch.context() as patched:
            patched.setattr("complykit.diff.run.plan", lambda *_args: None)
            full = run_diff(base, repo.workspace, as_of=AS_OF, head=head)
        assert fast == full
        assert _rendered(fast) == _rendered(full)
        if head is None:
            cached, self.warm = diff_after_validate(repo, base)
            assert cached == full
            assert _rendered(cached) == _rendered(full)
        self.swapped = self.swapped[:1]  # what the diff as users get it took
        return fast

    @property
    def took_swap(self) -> bool:
        return self.swapped == [True]


def diff_after_validate(repo: GitRepo, base: str) -> tuple[Diff, bool]:
    """The diff of the working tree run right after ``validate``, reading its cache, and
    whether the cache was warm (else nothing of it was read)."""
    validate(repo.workspace, as_of=AS_OF)
    cache, notes = open_head_cache(repo.workspace, AS_OF)
    assert notes == ()
    warm = cache is not None and not cache.cold
    return run_diff(base, repo.workspace, as_of=AS_OF, cache=cache), warm


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Runs:
    return Runs(monkeypatch)


def _rendered(diff: Diff) -> dict[str, str]:
    out = {}
    for name, formatter in DIFF_FORMATTERS.items():
        stream = io.StringIO()
        formatter().render(diff, stream)
        out[name] = stream.getvalue()
    return out


def test_a_changed_file(repo: GitRepo, runs: Runs) -> None:
    """A changed field is found, and only that file was read again for the base."""
    repo.edit("register/newsletter.yaml", "legal_basis: consent", "legal_basis: contract")
    diff = runs.diff(repo)
    assert runs.took_swap
    assert runs.warm
    (change,) = diff.records.changed
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("purposes[0].legal_basis", "consent", "contract")
    ]


def test_added_deleted_and_renamed_files(repo: GitRepo, runs: Runs) -> None:
    """A new file is added records, a deleted one removed records, a moved one a move."""
    repo.write("risks/outage.yaml", RISK.replace("risk-leak", "risk-outage"))
    (repo.workspace / "register/newsletter.yaml").unlink()
    repo.git("mv", "compliance/risks/leak.yaml", "compliance/risks/mailing-leak.yaml")
    diff = runs.diff(repo)
    assert runs.took_swap
    assert [r.id for r in diff.records.added] == ["risk-outage"]
    assert [r.id for r in diff.records.removed] == ["pa-newsletter"]
    (moved,) = diff.records.changed
    assert (moved.id, moved.moved_from, moved.fields) == (
        "risk-leak",
        PurePosixPath("risks/leak.yaml"),
        (),
    )


def test_a_change_that_leaves_the_records_alone(repo: GitRepo, runs: Runs) -> None:
    """A comment and a reordered key change the blob, not the records: nothing to report."""
    repo.edit("risks/leak.yaml", "owner: ciso\n", "# reviewed\nowner: ciso\n")
    repo.edit("risks/leak.yaml", "title: Mailing list leaks\n", "")
    repo.edit("risks/leak.yaml", "category:", "title: Mailing list leaks\ncategory:")
    diff = runs.diff(repo)
    assert runs.took_swap
    assert diff.records == RecordDiff()
    assert (diff.findings.new, diff.findings.fixed) == ((), ())


def test_a_base_whose_changed_file_is_broken(repo: GitRepo, runs: Runs) -> None:
    """A syntax error in the base's version is fixed by the head, at the base's own line."""
    repo.edit("register/newsletter.yaml", "name: Newsletter\n", "name: [Newsletter\n")
    base = repo.commit("broken")
    repo.edit("register/newsletter.yaml", "name: [Newsletter\n", "name: Newsletter\n")
    diff = runs.diff(repo, base)
    assert runs.took_swap
    assert [(f.code, f.path.as_posix()) for f in diff.findings.fixed] == [
        ("YAML001", "register/newsletter.yaml")
    ]
    assert diff.findings.new == ()


def test_a_base_finding_made_without_a_hint_reads_as_validate_gives_it(
    repo: GitRepo, runs: Runs
) -> None:
    """A loading finding whose loader gave no hint (a control character, YAML006) carries
    its rule's, as in validate, whether the base was swapped in or loaded in full."""
    repo.edit("register/newsletter.yaml", "name: Newsletter\n", 'name: "News\x07letter"\n')
    base = repo.commit("a bell in the name")
    repo.edit("register/newsletter.yaml", 'name: "News\x07letter"\n', "name: Newsletter\n")
    diff = runs.diff(repo, base)
    assert runs.took_swap
    [fixed] = diff.findings.fixed
    assert (fixed.code, fixed.hint) == ("YAML006", "Save the file as UTF-8.")


def test_a_fixed_finding_keeps_its_place_in_the_base(repo: GitRepo, runs: Runs) -> None:
    """A rule finding the head fixed is placed by the base's text, not the head's."""
    repo.edit("register/newsletter.yaml", "role: controller\n", "role: controller\n# a\n# b\n")
    repo.edit("register/newsletter.yaml", CONTACT, CONTACT + HEALTH)
    base = repo.commit("health data, two comments")
    repo.write("register/newsletter.yaml", ACTIVITY.replace(CONTACT, CONTACT + HEALTH + ART9))
    diff = runs.diff(repo, base)
    assert runs.took_swap
    (fixed,) = diff.findings.fixed
    base_text = repo.git("show", f"{base}:compliance/register/newsletter.yaml")
    assert (fixed.code, fixed.path.as_posix(), fixed.line) == (
        "GDPR013",
        "register/newsletter.yaml",
        base_text.splitlines().index("    special_category: health") + 1,
    )


def test_a_record_broken_in_the_head_is_unreadable_not_removed(repo: GitRepo, runs: Runs) -> None:
    """A duplicate key in the head's changed file: the record could not be read."""
    repo.edit("register/newsletter.yaml", "role: controller\n", "role: controller\n" * 2)
    diff = runs.diff(repo)
    assert runs.took_swap
    assert diff.records.removed == ()
    assert [n.rule for n in diff.notable] == ["record-unreadable"]


def test_two_revisions_without_the_working_tree(repo: GitRepo, runs: Runs) -> None:
    """With a head revision, uncommitted edits are ignored and the swap still applies."""
    base = repo.git("rev-parse", "HEAD")
    repo.edit("register/newsletter.yaml", CONTACT, CONTACT + HEALTH)
    head = repo.commit("health data")
    repo.edit("risks/leak.yaml", "category: privacy", "category: legal")
    diff = runs.diff(repo, base, head)
    assert runs.took_swap
    assert [f.code for f in diff.findings.new] == ["GDPR013"]
    assert [c.id for c in diff.records.changed] == ["pa-newsletter"]


def test_evidence_is_looked_for_in_each_side(repo: GitRepo, runs: Runs) -> None:
    """An evidence file deleted by the change is a new finding: the base still had it."""
    repo.write("controls/mfa.yaml", CONTROL)
    repo.write("evidence/mfa.md", "MFA rolled out.\n")
    base = repo.commit("evidence")
    (repo.workspace / "evidence/mfa.md").unlink()
    diff = runs.diff(repo, base)
    assert runs.took_swap
    assert [(f.code, f.record) for f in diff.findings.new] == [("REF007", "ctl-mfa")]
    assert diff.findings.fixed == ()


def test_a_duplicate_id_keeps_the_record_discovery_reads_first(repo: GitRepo, runs: Runs) -> None:
    """A folder's own files come before its subfolders', in the base as in a full load."""
    repo.write("risks/archive/leak.yaml", RISK.replace("Mailing list leaks", "Old leak"))
    base = repo.commit("a duplicate in a subfolder")
    repo.edit("risks/archive/leak.yaml", "Old leak", "Older leak")
    diff = runs.diff(repo, base)
    assert runs.took_swap
    assert diff.records == RecordDiff()


@pytest.mark.parametrize(
    "change",
    ["config", "catalogs", "link"],
)
def test_the_base_is_loaded_in_full_when_more_than_records_changed(
    repo: GitRepo, runs: Runs, change: str
) -> None:
    """A changed config or catalog, or a link in the base, is not swapped in: all is reread."""
    if change == "link":
        (repo.workspace / "risks/again.yaml").symlink_to("leak.yaml")
        repo.commit("a link")
    if change == "catalogs":
        repo.write("catalogs/README.md", "our own catalogs\n")
    if change == "config":
        repo.edit("complykit.yaml", "appetite: 8", "appetite: 3")
    repo.edit("risks/leak.yaml", "likelihood: 2", "likelihood: 3")
    diff = runs.diff(repo)
    assert not runs.took_swap
    assert [c.id for c in diff.records.changed] == ["risk-leak"]


def test_evidence_added_by_the_change_fixes_the_finding(repo: GitRepo, runs: Runs) -> None:
    """An evidence file the base lacked and the head adds: the base's finding is fixed."""
    repo.write("controls/mfa.yaml", CONTROL)
    base = repo.commit("evidence promised")
    repo.write("evidence/mfa.md", "MFA rolled out.\n")
    diff = runs.diff(repo, base)
    assert runs.took_swap
    assert [(f.code, f.record) for f in diff.findings.fixed] == [("REF007", "ctl-mfa")]


@pytest.mark.parametrize("base_has", ["folder", "file"])
def test_evidence_a_folder_on_one_side_is_a_finding_there(
    repo: GitRepo, runs: Runs, base_has: str
) -> None:
    """A folder named as evidence is no evidence in the base's tree as on disk: a file that
    replaces it fixes the finding, and a folder that replaces a file makes one."""
    repo.write("controls/mfa.yaml", CONTROL)
    folder, file = "evidence/mfa.md/rollout.md", "evidence/mfa.md"
    repo.write(folder if base_has == "folder" else file, "MFA rolled out.\n")
    base = repo.commit(f"evidence as a {base_has}")
    shutil.rmtree(repo.workspace / "evidence")
    repo.write(file if base_has == "folder" else folder, "MFA rolled out.\n")
    diff = runs.diff(repo, base)
    assert runs.took_swap
    changed = diff.findings.fixed if base_has == "folder" else diff.findings.new
    assert [(f.code, f.record) for f in changed] == [("REF007", "ctl-mfa")]


def test_what_the_head_cannot_read_is_read_in_the_base(repo: GitRepo, runs: Runs) -> None:
    """A link named like a record file, to a folder of records: the base has that folder."""
    repo.write("more.yaml/risk.yaml", RISK.replace("risk-leak", "risk-more"))
    base = repo.commit("records in a folder named more.yaml")
    (repo.workspace / "more.yaml").rename(repo.workspace / ".stash")
    (repo.workspace / "more.yaml").symlink_to(".stash")
    diff = runs.diff(repo, base)
    assert not runs.took_swap
    assert [r.id for r in diff.records.removed] == ["risk-more"]  # the base did read it
    assert "YAML009" in {f.code for f in diff.findings.new}


def test_a_fixed_finding_in_the_config_keeps_its_place(repo: GitRepo, runs: Runs) -> None:
    """A Statement of Applicability added by the change fixes SOA001, placed in the config."""
    repo.edit("complykit.yaml", "frameworks: [gdpr]", "frameworks: [gdpr, iso27001-2022]")
    base = repo.commit("ISO 27001 in scope")
    repo.write("soa.yaml", (CASES / "SOA002" / "incomplete" / "soa.yaml").read_text("utf-8"))
    diff = runs.diff(repo, base)
    assert runs.took_swap
    (fixed,) = diff.findings.fixed
    config = (repo.workspace / "complykit.yaml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.startswith("frameworks:"))
    assert (fixed.code, fixed.path.as_posix(), fixed.line) == ("SOA001", "complykit.yaml", line)

"""A diff of the working tree reads what ``validate`` kept, and answers as without it.

Every test of ``test_swap`` also runs its diff after a validation (``Runs.diff``); these tests
cover what that harness does not: a working tree edited after the validation, that the
working tree's files are then not parsed again, that nothing is written, and a cache that
cannot be trusted.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from complykit.cache.entries import ENGINE
from complykit.checks.registry import _run as run_check
from complykit.diff.changes import Diff
from complykit.diff.head_cache import open_head_cache
from complykit.diff.run import run_diff
from complykit.diff.swap import SwappedRepository
from complykit.validate.validation import validate
from unit.diff.gitrepo import CONTACT, CONTROL, HEALTH, GitRepo, workspace_repo

AS_OF = date(2026, 11, 23)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = workspace_repo(tmp_path / "repo")
    repo.write("controls/mfa.yaml", CONTROL)
    repo.write("evidence/mfa.md", "MFA rolled out.\n")
    repo.commit("a control with its evidence")
    return repo


def _cached_diff(repo: GitRepo, base: str = "HEAD") -> Diff:
    cache, notes = open_head_cache(repo.workspace, AS_OF)
    assert cache is not None
    assert notes == ()
    assert not cache.cold
    return run_diff(base, repo.workspace, as_of=AS_OF, cache=cache)


def _edit(repo: GitRepo, how: str) -> None:
    if how == "a field":
        repo.edit("risks/leak.yaml", "likelihood: 2", "likelihood: 3")
    elif how == "a new finding":
        repo.edit("register/newsletter.yaml", CONTACT, CONTACT + HEALTH)
    elif how == "evidence removed":
        (repo.workspace / "evidence/mfa.md").unlink()
    elif how == "a new file":
        risk = (repo.workspace / "risks/leak.yaml").read_text(encoding="utf-8")
        repo.write("risks/outage.yaml", risk.replace("leak", "outage"))
    elif how == "broken YAML":
        repo.edit("risks/leak.yaml", "title: Mailing list leaks", "title: [Mailing list leaks")
    elif how == "a file removed":
        (repo.workspace / "controls/mfa.yaml").unlink()


EDITS = ["a field", "a new finding", "evidence removed", "a new file", "broken YAML"]


@pytest.mark.parametrize(
    ("before", "after"),
    [(b, a) for b in [*EDITS, "a file removed"] for a in EDITS if a != b],
)
def test_edits_after_the_validation(repo: GitRepo, before: str, after: str) -> None:
    """The working tree edited, validated, edited again: the cache holds neither side as it
    is, and the diff is the one made without it."""
    _edit(repo, before)
    validate(repo.workspace, as_of=AS_OF)
    _edit(repo, after)
    assert _cached_diff(repo) == run_diff("HEAD", repo.workspace, as_of=AS_OF)


def test_the_working_tree_is_not_parsed_again(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Right after a validation only the base's versions of the changed files are parsed."""
    _edit(repo, "a new finding")
    validate(repo.workspace, as_of=AS_OF)
    parsed: list[tuple[Path, list[str]]] = []
    real = "complykit.workspace.open._parsed"
    original = __import__("complykit.workspace.open", fromlist=["_parsed"])._parsed

    def spy(root: Path, relatives: list[str], processes: int) -> Any:
        parsed.append((root, list(relatives)))
        return original(root, relatives, processes)

    monkeypatch.setattr(real, spy)
    diff = _cached_diff(repo)
    assert [code.code for code in diff.findings.new] == ["GDPR013"]
    read = [(root == repo.workspace, names) for root, names in parsed if names]
    assert read == [(False, ["register/newsletter.yaml"])]


def test_a_base_as_validated_runs_no_check(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Validated at the base's content, then edited: the base's swapped-in files hash as
    validate hashed them, so every check of the base is served from the memo, and only the
    head's checks that read the edited kind run again."""
    validate(repo.workspace, as_of=AS_OF)
    _edit(repo, "a field")
    ran: list[tuple[str, bool]] = []

    def spy(registered: Any, repo_: Any, target: Any) -> Any:
        ran.append((registered.info.code, isinstance(repo_, SwappedRepository)))
        return run_check(registered, repo_, target)

    monkeypatch.setattr("complykit.diff.checking.can_fork", lambda: False)  # both sides here
    monkeypatch.setattr("complykit.checks.registry._run", spy)
    diff = _cached_diff(repo)
    assert [c.id for c in diff.records.changed] == ["risk-leak"]
    assert ran
    assert not [code for code, on_base in ran if on_base]


def test_the_diff_writes_nothing_to_the_cache(repo: GitRepo) -> None:
    """The next validation finds what the last one kept, whatever the diff read."""
    _edit(repo, "a field")
    validate(repo.workspace, as_of=AS_OF)
    cache, _ = open_head_cache(repo.workspace, AS_OF)
    assert cache is not None
    folder = cache.store.folder
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    _edit(repo, "a new finding")
    run_diff("HEAD", repo.workspace, as_of=AS_OF, cache=cache)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_a_damaged_cache_is_a_note_and_the_same_diff(repo: GitRepo) -> None:
    """Entries overwritten with rubbish: said in a note, and the diff is the one without it."""
    _edit(repo, "a new finding")
    validate(repo.workspace, as_of=AS_OF)
    cache, _ = open_head_cache(repo.workspace, AS_OF)
    assert cache is not None
    for entry in cache.store.folder.glob("*.json"):
        if entry.name != ENGINE:  # which says checks were kept: their entries are read
            entry.write_bytes(b"{not json")
    damaged, notes = open_head_cache(repo.workspace, AS_OF)
    assert damaged is not None
    assert damaged.cold
    assert notes
    without = run_diff("HEAD", repo.workspace, as_of=AS_OF)
    assert run_diff("HEAD", repo.workspace, as_of=AS_OF, cache=damaged) == without


def test_a_cache_of_another_day_is_not_used(repo: GitRepo) -> None:
    """Checks judged on another day may judge otherwise (a review date passed): cold."""
    validate(repo.workspace, as_of=date(2026, 1, 1))
    cache, _ = open_head_cache(repo.workspace, AS_OF)
    assert cache is not None
    assert cache.cold


def test_a_workspace_never_validated_has_no_cache(repo: GitRepo) -> None:
    """Nothing kept: no cache, and no note (a first run is no problem)."""
    assert open_head_cache(repo.workspace, AS_OF) == (None, ())


def test_an_unhashable_file_means_no_cache(repo: GitRepo) -> None:
    """A FIFO among the record files: validate keeps nothing of it, and diff reads nothing."""
    validate(repo.workspace, as_of=AS_OF)
    os.mkfifo(repo.workspace / "risks/pipe.yaml")
    cache, _ = open_head_cache(repo.workspace, AS_OF)
    assert cache is None

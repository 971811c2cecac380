"""Kept findings of checks are reused only while what the check reads is unchanged.

Each test edits the workspace between two cached runs and requires the second run's findings
to equal a run without the cache, and to differ from the first run's where the edit matters:
the cache may save work, never change a verdict.
"""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from complykit.cache import keys
from complykit.cache.keys import workspace_digests
from complykit.cache.outcomes import CHECKS, SUMMARIES
from complykit.cache.store import CACHE_DIRNAME
from complykit.checks import REGISTRY
from complykit.core.frozen import replace
from complykit.core.result import Result
from complykit.facts.problem import Problem
from complykit.load import early
from complykit.validate.validation import validate
from complykit.workspace.repository import Repository
from edits import same_size_edit
from example_copies import example_copy, generated_workspace

AS_OF = date(2026, 11, 23)
SELECTIQ = Path("suppliers/sup-selectiq.yaml")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return example_copy(tmp_path, monkeypatch)


def _places(result: Result) -> set[tuple[str, str, int]]:
    return {(f.code, f.path.as_posix(), f.line) for f in result.findings}


def _cached_then_fresh(workspace: Path) -> tuple[Result, Result]:
    return validate(workspace, as_of=AS_OF), validate(workspace, as_of=AS_OF, use_cache=False)


def test_renaming_a_supplier_an_ai_system_names_is_seen(workspace: Path) -> None:
    """An id renamed in place (same size and mtime) breaks references in files left unchanged."""
    before = validate(workspace, as_of=AS_OF)
    same_size_edit(workspace / SELECTIQ, "id: sup-selectiq", "id: sup-selectiX")
    cached, fresh = _cached_then_fresh(workspace)
    assert cached.findings == fresh.findings
    assert ("REF001", "ai/ai-cv-screening.yaml", 60) in _places(cached) - _places(before)


def test_a_supplier_role_change_reaches_the_activities_naming_it(workspace: Path) -> None:
    """A check reading activities and suppliers judges an unchanged activity again."""
    before = validate(workspace, as_of=AS_OF)
    path = workspace / SELECTIQ
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("role: processor", "role: controller", 1), encoding="utf-8")
    cached, fresh = _cached_then_fresh(workspace)
    assert cached.findings == fresh.findings
    assert ("GDPR020", "register/pa-recruitment.yaml", 56) in _places(cached) - _places(before)
    path.write_text(text, encoding="utf-8")
    assert validate(workspace, as_of=AS_OF).findings == before.findings


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("role: processor", "role: processoX"),  # a schema error: the record becomes unread
        ("role: processor", "role processor:"),  # no longer a mapping entry: a YAML error
        ("kind: supplier", "kind: supplieX"),  # a kind no check reads
    ],
)
def test_a_supplier_broken_in_place_gives_the_fresh_findings(
    workspace: Path, old: str, new: str
) -> None:
    """A record that stops loading, edited to the same size and mtime, is judged afresh."""
    before = validate(workspace, as_of=AS_OF)
    same_size_edit(workspace / SELECTIQ, old, new)
    cached, fresh = _cached_then_fresh(workspace)
    assert cached.findings == fresh.findings
    assert cached.findings != before.findings


REAL = {code: registered.function for code, registered in REGISTRY.items()}


def _counting(monkeypatch: pytest.MonkeyPatch, codes: list[str]) -> list[str]:
    """Which of the checks ``codes`` run, in order."""
    ran: list[str] = []
    for code in codes:
        registered = REGISTRY[code]

        def counted(repo: Repository, code: str = code) -> Iterator[Problem]:
            ran.append(code)
            return REAL[code](repo)

        monkeypatch.setitem(REGISTRY, code, replace(registered, function=counted))
    return ran


def test_only_checks_reading_the_changed_kind_run_again(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a supplier edit, supplier checks run and activity-only checks are reused."""
    validate(workspace, as_of=AS_OF)
    ran = _counting(monkeypatch, ["GDPR001", "RSK001", "SUP001", "GDPR020", "REF001"])
    path = workspace / SELECTIQ
    path.write_text(path.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    cached = validate(workspace, as_of=AS_OF)
    assert sorted(ran) == ["GDPR020", "REF001", "SUP001"]
    assert cached.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings


@pytest.mark.parametrize(
    ("name", "damage"), [(CHECKS, "garbage"), (CHECKS, "half"), (SUMMARIES, "half")]
)
def test_a_corrupt_checks_entry_is_a_warning_and_a_cold_run(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, name: str, damage: str
) -> None:
    """A damaged entry of kept findings is ignored with one warning, and the run is a cold
    one: every check runs again and reads every record, so every file is parsed at once, on
    every core, rather than each record built alone from its file (twice a cold run's time)."""
    validate(workspace, as_of=AS_OF)
    entry = workspace / CACHE_DIRNAME / name
    text = entry.read_text(encoding="utf-8")
    entry.write_text("garbage" if damage == "garbage" else text[: len(text) // 2], "utf-8")
    same_size_edit(workspace / SELECTIQ, "id: sup-selectiq", "id: sup-selectiX")
    started: list[Path] = []
    monkeypatch.setattr(early, "start", lambda root, _jobs=None: started.append(root))
    cached = validate(workspace, as_of=AS_OF)
    assert started == [workspace]
    assert cached.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings
    assert len([n for n in cached.notes if name in n]) == 1


def test_a_deleted_evidence_file_is_seen(workspace: Path) -> None:
    """A check that asked whether a path exists asks again before its findings are reused."""
    before = validate(workspace, as_of=AS_OF)
    evidence = next(p for p in (workspace / "evidence").rglob("*") if p.is_file())
    evidence.unlink()  # no record changes: only the paths asked about tell
    cached, fresh = _cached_then_fresh(workspace)
    assert cached.findings == fresh.findings
    assert "REF007" in {f.code for f in cached.findings} - {f.code for f in before.findings}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated workspace of every kind with many defects, so most checks have findings."""
    target = tmp_path_factory.mktemp("generated") / "ws"
    return generated_workspace(target, 300, 0.3)


def _edits(text: str) -> Iterator[str]:
    lines = text.splitlines(keepends=True)
    yield text + "# reviewed\n"
    yield "".join(lines[:-3])  # the tail cut off: fields lost, or the YAML broken
    yield "".join(line for line in lines if "id:" not in line or line.startswith("id:"))


def test_every_edit_of_every_kind_gives_the_fresh_findings(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits to a file of each kind, one after another, give the findings of an uncached run."""
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    workspace = tmp_path / "ws"
    shutil.copytree(generated, workspace)
    first = validate(workspace, as_of=AS_OF)
    found = Counter(workspace / f.path for f in first.findings)
    folders = sorted(p for p in workspace.iterdir() if p.is_dir() and p.name != CACHE_DIRNAME)
    for folder in folders:  # in each, the file with most findings: kept ones must not linger
        path = max(sorted(folder.rglob("*.yaml")), key=lambda p: found[p])
        original = path.read_text(encoding="utf-8")
        for edited in (*_edits(original), original):
            path.write_text(edited, encoding="utf-8")
            cached, fresh = _cached_then_fresh(workspace)
            assert cached.findings == fresh.findings, (path, edited[-200:])
            assert not cached.notes


def test_a_file_changed_between_hashing_and_reading_is_not_kept_under_the_old_hash(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a run read is kept only under the hash of the bytes it read, never the earlier one."""
    validate(workspace, as_of=AS_OF)
    path = workspace / SELECTIQ
    original = path.read_text(encoding="utf-8")
    later = original + "# three\n"
    real = workspace_digests

    def hashed_before_an_edit(root: Path) -> dict[str, str]:
        digests = real(root)  # as if hashed while the file still held ``later``
        digests[SELECTIQ.as_posix()] = hashlib.sha256(later.encode()).hexdigest()
        return digests

    path.write_text(original.replace("\nowner: ", "\nonwer: ", 1), encoding="utf-8")
    monkeypatch.setattr(keys, "workspace_digests", hashed_before_an_edit)
    validate(workspace, as_of=AS_OF)
    monkeypatch.setattr(keys, "workspace_digests", real)
    path.write_text(later, encoding="utf-8")
    cached, fresh = _cached_then_fresh(workspace)
    assert cached.findings == fresh.findings
    assert "SCH003" not in {f.code for f in cached.findings}

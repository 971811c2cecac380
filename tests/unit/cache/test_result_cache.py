"""The result cache answers unchanged workspaces, never serves a stale result, and shrugs off
corrupt or foreign entries with a warning."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from typer.testing import CliRunner

from complykit.cache.keys import run_key, workspace_digests
from complykit.cache.store import CACHE_DIRNAME, RESULT_PREFIX
from complykit.cli.app import app
from complykit.validate import engine
from complykit.validate.validation import validate
from conftest import EXAMPLE

AS_OF = date(2026, 11, 23)
RISK = PurePosixPath("risks/risk-ransomware.yaml")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    target = tmp_path / "tulip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    return target


@pytest.fixture
def local_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """No XDG_CACHE_HOME: the cache lives in the workspace's .complykit-cache/."""
    home = Path(os.environ["XDG_CACHE_HOME"]).parent / "home"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(home))


def _entries(folder: Path) -> list[Path]:
    """The result entries, without the entries of parsed files."""
    return sorted(folder.glob(f"{RESULT_PREFIX}*.json"))


def _forbid_fresh_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("validated afresh instead of using the cache")

    monkeypatch.setattr(engine, "run_keeping_records", fail)


def test_an_unchanged_workspace_is_answered_from_the_cache(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run returns the first run's result without validating again."""
    first = validate(workspace, as_of=AS_OF)
    _forbid_fresh_runs(monkeypatch)
    second = validate(workspace, as_of=AS_OF)
    assert second.findings == first.findings
    assert (second.files_checked, second.records_checked) == (
        first.files_checked,
        first.records_checked,
    )
    assert second.notes == ()


def test_an_edit_keeping_size_and_mtime_is_seen(workspace: Path) -> None:
    """A same-size edit with the old mtime restored still changes the result."""
    assert validate(workspace, as_of=AS_OF).findings == ()
    path = workspace / RISK
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("owner: fatima-elamrani", "owner: fatima-elamranX", 1)
    assert len(edited) == len(text)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    findings = validate(workspace, as_of=AS_OF).findings
    assert [(f.code, f.path, f.line) for f in findings] == [("REF001", RISK, 5)]


def test_a_corrupt_entry_gives_a_warning_and_a_correct_result(
    workspace: Path, local_cache: None
) -> None:
    """Garbage in the cache file is reported as a warning; the result is computed afresh."""
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    validate(workspace, as_of=AS_OF)
    [entry] = _entries(workspace / CACHE_DIRNAME)
    entry.write_bytes(b"\x00not a cache entry")
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == fresh.findings
    assert result.records_checked == fresh.records_checked
    assert len(result.notes) == 1
    assert "ignored" in result.notes[0]


def test_the_cli_shows_a_corrupt_cache_as_a_warning_and_keeps_the_exit_code(
    workspace: Path, local_cache: None
) -> None:
    """`complykit validate` prints the warning on stderr and still exits 0 on a clean workspace."""
    runner = CliRunner()
    args = ["validate", str(workspace), "--as-of", AS_OF.isoformat(), "--format", "json"]
    assert runner.invoke(app, args).exit_code == 0
    [entry] = _entries(workspace / CACHE_DIRNAME)
    entry.write_text("{}", encoding="utf-8")
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0
    assert "warning: cache entry" in outcome.stderr
    assert '"errors": 0' in outcome.stdout


def test_an_entry_signed_elsewhere_is_not_believed(
    workspace: Path, local_cache: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A cache entry committed by someone else, filed under the key of a broken workspace to
    make it look clean, is ignored with a warning: its signature is not this machine's."""
    monkeypatch.setenv("HOME", str(tmp_path / "attacker"))
    assert validate(workspace, as_of=AS_OF).findings == ()
    [clean_entry] = _entries(workspace / CACHE_DIRNAME)
    path = workspace / RISK
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("owner: fatima-elamrani", "owner: nobody"), encoding="utf-8")
    clean_entry.rename(
        clean_entry.with_name(f"{run_key(workspace_digests(workspace), AS_OF)}.json")
    )
    monkeypatch.setenv("HOME", str(tmp_path / "victim"))
    result = validate(workspace, as_of=AS_OF)
    assert [f.code for f in result.findings] == ["REF001"]
    assert any("signature" in note for note in result.notes)


def test_removing_an_evidence_file_is_seen(workspace: Path) -> None:
    """A result that relied on an evidence file existing is not reused once it is deleted."""
    assert validate(workspace, as_of=AS_OF).findings == ()
    evidence = next((workspace / "evidence").rglob("*.md"))
    evidence.unlink()
    codes = {f.code for f in validate(workspace, as_of=AS_OF).findings}
    assert "REF007" in codes


def test_evidence_linked_out_of_the_workspace_tells_nothing_of_what_is_there(
    workspace: Path, tmp_path: Path
) -> None:
    """An evidence file replaced by a link out of the workspace is missing, whether or not its
    target exists: the verdict never says which files the validating machine has. A link that
    stays inside is followed, and the cached result follows the link as it changes."""
    evidence = next((workspace / "evidence").rglob("*.md"))
    outside = tmp_path / "on-the-runner.txt"
    outside.write_text("secret", encoding="utf-8")
    inside = workspace / "evidence" / "kept-copy.md"
    shutil.copy(evidence, inside)
    evidence.unlink()
    evidence.symlink_to(outside)
    present = _evidence_messages(workspace)
    evidence.unlink()
    evidence.symlink_to(tmp_path / "not-on-the-runner.txt")
    assert _evidence_messages(workspace) == present
    assert present
    assert all(m.endswith("does not exist in the workspace") for m in present)
    evidence.unlink()
    evidence.symlink_to(inside)
    assert _evidence_messages(workspace) == []
    assert validate(workspace, as_of=AS_OF, use_cache=False).findings == ()


def test_evidence_that_becomes_a_folder_is_seen(workspace: Path) -> None:
    """A folder is no evidence: an evidence file replaced by a folder of the same name is a
    REF007 finding, and the cached result follows it back to a file."""
    assert validate(workspace, as_of=AS_OF).findings == ()
    evidence = next((workspace / "evidence").rglob("*.md"))
    text = evidence.read_text(encoding="utf-8")
    evidence.unlink()
    evidence.mkdir()
    (evidence / "inside.md").write_text(text, encoding="utf-8")
    found = _evidence_messages(workspace)
    assert found
    assert all(m.endswith("is a folder, not a file") for m in found)
    shutil.rmtree(evidence)
    evidence.write_text(text, encoding="utf-8")
    assert validate(workspace, as_of=AS_OF).findings == ()


def test_evidence_linked_to_a_folder_outside_tells_nothing_of_what_is_there(
    workspace: Path, tmp_path: Path
) -> None:
    """A link to a folder out of the workspace is missing, like a link to nothing: the verdict
    never says that the runner has such a folder. A link to a folder inside is a folder."""
    evidence = next((workspace / "evidence").rglob("*.md"))
    evidence.unlink()
    evidence.symlink_to(tmp_path)
    outside = _evidence_messages(workspace)
    evidence.unlink()
    evidence.symlink_to(tmp_path / "no-such-folder")
    assert _evidence_messages(workspace) == outside
    assert outside
    assert all(m.endswith("does not exist in the workspace") for m in outside)
    evidence.unlink()
    evidence.symlink_to(workspace / "evidence")
    assert all(m.endswith("is a folder, not a file") for m in _evidence_messages(workspace))


def _evidence_messages(workspace: Path) -> list[str]:
    """What REF007 says of the workspace's evidence, through the cache."""
    found = validate(workspace, as_of=AS_OF).findings
    return [f.message for f in found if f.code == "REF007"]


def test_no_cache_neither_reads_nor_writes(workspace: Path, local_cache: None) -> None:
    """With the cache off nothing is written into the workspace."""
    validate(workspace, as_of=AS_OF, use_cache=False)
    assert not (workspace / CACHE_DIRNAME).exists()


def test_the_cache_folder_ignores_itself_in_git(workspace: Path, local_cache: None) -> None:
    """.complykit-cache/ carries a .gitignore so that it is never committed by accident."""
    validate(workspace, as_of=AS_OF)
    ignore = workspace / CACHE_DIRNAME / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_different_day_is_a_different_entry(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The as-of day is part of the key: date rules are judged again for another day."""
    validate(workspace, as_of=AS_OF)
    _forbid_fresh_runs(monkeypatch)
    with pytest.raises(AssertionError, match="afresh"):
        validate(workspace, as_of=date(2026, 11, 24))

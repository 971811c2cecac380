"""A cache folder planted in a stranger's pull request is never read or written outside the
workspace, and never trusted: links are refused, and only this user's own key signs entries."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path, PurePosixPath
from types import FrameType

import pytest

from complykit.cache.keys import run_key, workspace_digests
from complykit.cache.outcomes import CHECKS
from complykit.cache.signing import key_path
from complykit.cache.store import CACHE_DIRNAME, RESULT_PREFIX
from complykit.validate.validation import validate
from conftest import EXAMPLE
from stores import cache_store

AS_OF = date(2026, 11, 23)
RISK = PurePosixPath("risks/risk-ransomware.yaml")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No XDG_CACHE_HOME: the key is in ~/.cache, the cache in the workspace's own folder."""
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def workspace(tmp_path: Path, home: Path) -> Path:
    target = tmp_path / "tulip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    return target


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the workspace with a file the user cares about."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    return folder


@pytest.fixture
def deadline() -> Iterator[None]:
    """A run that blocks on a planted FIFO fails the test instead of hanging it."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _break(workspace: Path) -> None:
    path = workspace / RISK
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("owner: fatima-elamrani", "owner: nobody"), encoding="utf-8")


def _result_name(workspace: Path) -> str:
    return f"{RESULT_PREFIX}{run_key(workspace_digests(workspace), AS_OF)}.json"


def test_a_cache_folder_linked_outside_is_neither_written_nor_read(
    workspace: Path, outside: Path
) -> None:
    """A .complykit-cache that links to another folder is left alone, with a warning."""
    (workspace / CACHE_DIRNAME).symlink_to(outside, target_is_directory=True)
    before = _snapshot(outside)
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    result = validate(workspace, as_of=AS_OF)
    assert _snapshot(outside) == before
    assert result.findings == fresh.findings
    assert any("is a link or not a folder" in note for note in result.notes)


def test_a_linked_folder_holding_trusted_entries_is_not_read(
    tmp_path: Path, workspace: Path
) -> None:
    """Entries this user signed for a clean workspace are not served through a link to them."""
    clean = tmp_path / "clean"
    shutil.copytree(workspace, clean)
    validate(clean, as_of=AS_OF)
    _break(workspace)
    (workspace / CACHE_DIRNAME).symlink_to(clean / CACHE_DIRNAME, target_is_directory=True)
    [entry] = (clean / CACHE_DIRNAME).glob(f"{RESULT_PREFIX}*.json")
    entry.rename(entry.with_name(_result_name(workspace)))
    result = validate(workspace, as_of=AS_OF)
    assert [f.code for f in result.findings] == ["REF001"]


def test_a_cache_folder_linked_to_a_file_leaves_the_file_alone(
    workspace: Path, outside: Path
) -> None:
    """A .complykit-cache that links to a file neither changes it nor fails the run."""
    target = outside / "notes.txt"
    (workspace / CACHE_DIRNAME).symlink_to(target)
    result = validate(workspace, as_of=AS_OF)
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert result.findings == ()
    assert any("is a link or not a folder" in note for note in result.notes)


def test_links_inside_the_cache_folder_are_not_followed(workspace: Path, outside: Path) -> None:
    """An entry or .gitignore that is a link is replaced or skipped, never written through."""
    folder = workspace / CACHE_DIRNAME
    folder.mkdir()
    (folder / ".gitignore").symlink_to(outside / "created-by-complykit")
    (folder / _result_name(workspace)).symlink_to(outside / "notes.txt")
    (folder / "parsed-00.json").symlink_to(outside / "notes.txt")
    before = _snapshot(outside)
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == ()
    assert _snapshot(outside) == before
    assert not (outside / "created-by-complykit").exists()


def test_a_signed_entry_linked_in_from_elsewhere_is_not_believed(
    tmp_path: Path, workspace: Path
) -> None:
    """A link to an entry this user signed for another workspace does not answer this one."""
    clean = tmp_path / "clean"
    shutil.copytree(workspace, clean)
    validate(clean, as_of=AS_OF)
    [entry] = (clean / CACHE_DIRNAME).glob(f"{RESULT_PREFIX}*.json")
    _break(workspace)
    folder = workspace / CACHE_DIRNAME
    folder.mkdir()
    (folder / _result_name(workspace)).symlink_to(entry)
    result = validate(workspace, as_of=AS_OF)
    assert [f.code for f in result.findings] == ["REF001"]
    assert any("it is a link" in note for note in result.notes)


def test_a_signed_entry_copied_under_another_name_is_not_believed(
    tmp_path: Path, workspace: Path
) -> None:
    """An entry is signed with its name: a copy filed under another run's key is refused."""
    clean = tmp_path / "clean"
    shutil.copytree(workspace, clean)
    validate(clean, as_of=AS_OF)
    [entry] = (clean / CACHE_DIRNAME).glob(f"{RESULT_PREFIX}*.json")
    _break(workspace)
    (workspace / CACHE_DIRNAME).mkdir()
    shutil.copy(entry, workspace / CACHE_DIRNAME / _result_name(workspace))
    result = validate(workspace, as_of=AS_OF)
    assert [f.code for f in result.findings] == ["REF001"]
    assert any("signature" in note for note in result.notes)


@pytest.mark.usefixtures("deadline")
def test_a_fifo_planted_as_an_entry_does_not_block_the_run(workspace: Path) -> None:
    """A FIFO where an entry should be is ignored with a warning instead of waited on."""
    folder = workspace / CACHE_DIRNAME
    folder.mkdir()
    os.mkfifo(folder / _result_name(workspace))
    os.mkfifo(folder / "parsed-00.json")
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == ()
    assert any("not a regular file" in note for note in result.notes)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)  # noqa: S603, S607


def test_a_cache_committed_to_a_fresh_clone_is_not_trusted(
    tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries committed by the author of a pull request, signed with their key, are ignored."""
    monkeypatch.setenv("HOME", str(tmp_path / "attacker"))
    validate(workspace, as_of=AS_OF)
    _break(workspace)
    [entry] = (workspace / CACHE_DIRNAME).glob(f"{RESULT_PREFIX}*.json")
    entry.rename(entry.with_name(_result_name(workspace)))
    _git(workspace, "init", "-q")
    _git(workspace, "add", "-f", ".")
    _git(workspace, "-c", "user.name=a", "-c", "user.email=a@a", "commit", "-qm", "pr")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(workspace), str(clone))
    assert (clone / CACHE_DIRNAME / _result_name(clone)).is_file()
    monkeypatch.setenv("HOME", str(tmp_path / "ci-runner"))
    result = validate(clone, as_of=AS_OF)
    assert [f.code for f in result.findings] == ["REF001"]
    assert any("signature" in note for note in result.notes)


def test_a_key_inside_the_workspace_is_not_used(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XDG_CACHE_HOME inside the checkout would let the pull request ship its own key."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(workspace / ".cache"))
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == ()
    assert any("inside the workspace" in note for note in result.notes)
    assert not (workspace / ".cache").exists()


def test_a_relative_cache_home_does_not_put_the_key_in_the_workspace(
    workspace: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative XDG_CACHE_HOME is ignored, as the XDG specification asks."""
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("XDG_CACHE_HOME", ".cache")
    validate(workspace, as_of=AS_OF)
    assert key_path() == home / ".cache" / "complykit" / "cache-key"
    assert key_path().is_file()
    assert not (workspace / ".cache").exists()


def _private(key: Path, text: str, mode: int = 0o600) -> None:
    key.write_text(text, encoding="ascii")
    key.chmod(mode)


@pytest.mark.parametrize(
    ("plant", "why"),
    [
        (lambda key: _private(key, ""), "holds 0 bytes"),
        (lambda key: _private(key, "not hex"), "does not hold a key"),
        (lambda key: _private(key, "00" * 4), "holds 4 bytes"),
        (lambda key: _private(key, "ab" * 32, 0o644), "other users"),
        (lambda key: key.symlink_to(key.with_name("elsewhere")), "Too many levels"),
    ],
    ids=["empty", "not-hex", "short", "readable-by-others", "a-link"],
)
def test_a_key_others_could_know_disables_the_cache(
    workspace: Path, plant: object, why: str
) -> None:
    """An empty, short, shared or linked key is not trusted: the cache is off, with a warning."""
    key = key_path()
    key.parent.mkdir(parents=True)
    _private(key.with_name("elsewhere"), "ab" * 32)
    plant(key)  # type: ignore[operator]
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == ()
    assert any(note.startswith("cache disabled") and why in note for note in result.notes)
    assert not (workspace / CACHE_DIRNAME).exists()


def test_a_record_swapped_for_a_link_to_the_same_bytes_outside_is_not_answered_from_the_cache(
    workspace: Path, outside: Path
) -> None:
    """The bytes are unchanged, but a link that leaves the workspace is not read (YAML009):
    a result kept for the regular file must not answer for the link."""
    validate(workspace, as_of=AS_OF)
    record = workspace / RISK
    copy = outside / record.name
    shutil.copyfile(record, copy)
    record.unlink()
    record.symlink_to(copy)
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    result = validate(workspace, as_of=AS_OF)
    assert "YAML009" in {finding.code for finding in fresh.findings}
    assert result.findings == fresh.findings


def test_a_link_turned_back_into_the_file_it_pointed_to_is_read_again(
    workspace: Path, outside: Path
) -> None:
    record = workspace / RISK
    copy = outside / record.name
    shutil.copyfile(record, copy)
    record.unlink()
    record.symlink_to(copy)
    validate(workspace, as_of=AS_OF)
    record.unlink()
    shutil.copyfile(copy, record)
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    assert validate(workspace, as_of=AS_OF).findings == fresh.findings


def test_a_file_name_that_is_not_utf8_is_kept_and_answered_from_the_cache(
    workspace: Path,
) -> None:
    """A name with bytes that are not UTF-8 (PEP 383 escapes them) is hashed and stored as
    bytes, not an internal error; the cached run gives the same findings as a fresh one."""
    odd = os.fsencode(workspace / "risks") + b"/risk-\xff.yaml"
    text = (workspace / RISK).read_bytes().replace(b"risk-ransomware", b"risk-odd")
    text = text.replace(b"owner: fatima-elamrani", b"owner: nobody")  # a finding in the file
    try:
        with open(odd, "wb") as handle:  # noqa: PTH123 - a bytes path, which pathlib cannot hold
            handle.write(text)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    first = validate(workspace, as_of=AS_OF)
    second = validate(workspace, as_of=AS_OF)
    assert first.findings == second.findings == fresh.findings
    assert any("\udcff" in finding.path.as_posix() for finding in fresh.findings)


def test_a_link_in_place_of_the_checks_entry_counts_as_no_entry(
    workspace: Path, outside: Path
) -> None:
    """Whether the checks' entry is there is asked without following links: a link planted in
    its place is no entry (the run is cold), and what it points at is left alone."""
    validate(workspace, as_of=AS_OF)
    store = cache_store(workspace)
    assert store.has(CHECKS)
    (workspace / CACHE_DIRNAME / CHECKS).unlink()
    (workspace / CACHE_DIRNAME / CHECKS).symlink_to(outside / "notes.txt")
    before = _snapshot(outside)
    assert not store.has(CHECKS)
    assert validate(workspace, as_of=AS_OF).findings == ()
    assert _snapshot(outside) == before

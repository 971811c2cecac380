"""A run that fails or is killed while writing the cache leaves nothing a later run trusts:
entries are written under temporary names and signed last, so what is left half-written is
never read, and the next run gives what a run without the cache gives."""

from __future__ import annotations

import json
import os
import signal
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.cache import spool as spool_module
from complykit.cache.jsontext import compact_json
from complykit.cache.outcomes import DATA_PREFIX, OUTCOMES_PREFIX, FileCache
from complykit.cache.spool import Spool
from complykit.cache.store import (
    TEMPORARY_PREFIX,
    cache_dir,
    object_pieces,
)
from complykit.validate.validation import validate
from example_copies import example_copy, with_an_unknown_owner
from stores import cache_store

AS_OF = date(2026, 11, 23)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return with_an_unknown_owner(example_copy(tmp_path))


def _entries(root: Path) -> list[str]:
    folder = cache_dir(root)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _all_trusted_or_temporary(root: Path) -> None:
    """Every entry a reader opens is whole and signed; the rest are temporary files whose
    blank first line no key signs, even when renamed to an entry's name."""
    store = cache_store(root)
    for name in _entries(root):
        if name.startswith(TEMPORARY_PREFIX):
            target = f"{DATA_PREFIX}planted.json"
            (cache_dir(root) / name).replace(cache_dir(root) / target)
            assert store.read(target) is None
            assert "its signature does not match" in store.notes[-1]
        elif name.endswith(".json"):
            assert store.read(name) is not None, name


def test_a_run_that_fails_mid_write_leaves_no_half_entry(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = validate(workspace, as_of=AS_OF, use_cache=False)
    finished = FileCache._finish
    calls: list[str] = []

    def failing(self: FileCache, name: str) -> None:
        calls.append(name)
        if len(calls) > 1:  # the first entry is in place, the second never will be
            message = "the disk went away"
            raise RuntimeError(message)
        finished(self, name)

    monkeypatch.setattr(FileCache, "_finish", failing)
    with pytest.raises(RuntimeError, match="the disk went away"):
        validate(workspace, as_of=AS_OF)
    assert all(name.startswith(OUTCOMES_PREFIX) for name in calls)
    assert not [n for n in _entries(workspace) if n.startswith(TEMPORARY_PREFIX)]
    assert [n for n in _entries(workspace) if n.startswith(OUTCOMES_PREFIX)] == calls[:1]
    _all_trusted_or_temporary(workspace)
    monkeypatch.undo()
    assert validate(workspace, as_of=AS_OF).findings == expected.findings
    # Not answered from the result kept: the files' outcomes are kept, and their records are
    # built by parsing them again (a cold run keeps no data).
    supplier = workspace / "suppliers" / "sup-aws.yaml"
    supplier.write_text(supplier.read_text(encoding="utf-8") + "# seen\n", encoding="utf-8")
    again = validate(workspace, as_of=AS_OF)
    assert again.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings
    assert again.notes == ()


def test_a_run_killed_while_writing_leaves_nothing_trusted(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = validate(workspace, as_of=AS_OF, use_cache=False)
    pid = os.fork()
    if pid == 0:  # the run to kill: it dies in the middle of writing a file's data
        added = Spool.add

        def dying(self: Spool, name: str, data: bytes) -> None:
            added(self, name, data)
            if len(self.names) > 1:
                os.kill(os.getpid(), signal.SIGKILL)

        monkeypatch.setattr(Spool, "add", dying)
        try:
            validate(workspace, as_of=AS_OF)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    left = _entries(workspace)
    assert [n for n in left if n.startswith(TEMPORARY_PREFIX)], "killed while writing"
    assert not [n for n in left if n.endswith(".json")]
    _all_trusted_or_temporary(workspace)
    assert validate(workspace, as_of=AS_OF).findings == expected.findings
    assert validate(workspace, as_of=AS_OF).findings == expected.findings


def test_an_entry_too_large_to_be_read_is_not_written(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spool_module, "MAX_ENTRY_BYTES", 100)
    spool = Spool(cache_store(workspace))
    spool.add("small.json", b"{}")
    spool.add("large.json", b"[" + b"0," * 100 + b"0]")
    assert spool.commit("small.json")
    assert not spool.commit("large.json")  # it says so: a caller relying on it knows
    spool.abandon()
    assert _entries(workspace) == ["small.json"]
    assert cache_store(workspace).read("small.json") == {}


def test_temporary_files_of_killed_runs_are_removed_a_day_later(workspace: Path) -> None:
    store = cache_store(workspace)
    store.write("first.json", {})
    folder = cache_dir(workspace)
    old, recent = folder / f"{TEMPORARY_PREFIX}old", folder / f"{TEMPORARY_PREFIX}recent"
    old.write_bytes(b"half")
    recent.write_bytes(b"being written")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    store.write("second.json", {})
    assert not old.exists()
    assert recent.exists()


@given(
    st.dictionaries(
        st.text(max_size=8),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=8),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
            max_leaves=6,
        ),
        max_size=12,
    ),
    st.integers(1, 5),
)
def test_an_object_in_pieces_is_the_object_whole(value: dict[str, object], batch: int) -> None:
    """A large entry written piece by piece (``object_pieces``) holds the object written whole.

    (Not always the same text: a value orjson refuses, such as an integer past 64 bits, is
    written by the standard library, which escapes the rest of its text too.)"""
    whole = "".join(object_pieces(value.items(), batch))
    assert json.loads(whole) == json.loads(compact_json(value)) == value

"""Runs started at the same moment share one cache without a warning or a wrong answer."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from complykit.cache import signing
from complykit.cache.store import CACHE_DIRNAME
from example_copies import example_copy, with_an_unknown_owner

RUNS = 4


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return with_an_unknown_owner(example_copy(tmp_path))


def _start(workspace: Path, env: dict[str, str], *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "complykit", "validate", str(workspace), "-f", "json"]
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [*command, "--as-of", "2026-11-23", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def test_simultaneous_first_runs_agree_and_leave_a_working_cache(
    workspace: Path, tmp_path: Path
) -> None:
    """Four runs racing to create the key and write the entries each give the fresh answer,
    warn about nothing, and the next run is answered from what they wrote."""
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": ""}
    fresh = _start(workspace, env, "--no-cache").communicate()
    runs = [_start(workspace, env) for _ in range(RUNS)]
    outcomes = [(run.communicate(), run.returncode) for run in runs]
    assert all(outcome == (fresh, 1) for outcome in outcomes), outcomes
    assert fresh[1] == b""
    assert (tmp_path / "home" / ".cache" / "complykit" / "cache-key").is_file()
    assert sorted((workspace / CACHE_DIRNAME).glob("result-*.json"))
    assert not sorted((workspace / CACHE_DIRNAME).glob(".tmp-*"))
    assert _start(workspace, env).communicate() == fresh


def test_runs_creating_the_key_at_once_all_get_the_same_whole_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No run ever reads a key file that another run has created but not yet written, even
    when writing the key is slow."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real = secrets.token_hex

    def slow_token_hex(size: int) -> str:
        time.sleep(0.05)
        return real(size)

    monkeypatch.setattr(secrets, "token_hex", slow_token_hex)
    start = threading.Barrier(RUNS)

    def create(_: int) -> bytes:
        start.wait()
        return signing.machine_key(tmp_path / "workspace")

    with ThreadPoolExecutor(max_workers=RUNS) as pool:
        keys = list(pool.map(create, range(RUNS)))
    assert len(set(keys)) == 1
    assert len(keys[0]) == signing.KEY_BYTES
    assert [p.name for p in (tmp_path / "cache" / "complykit").iterdir()] == ["cache-key"]

"""A first run (a fresh CI runner, no cache folder yet) starts parsing before it hashes, and
hashes every file once: the cache's bookkeeping waits on the other core's parsing, not the
other way round."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from complykit.cache import keys, rendered
from complykit.cache.entries import cache_folder
from complykit.cli.entry import main
from complykit.load import early
from complykit.validate.validation import validate
from example_copies import example_copy, generated_workspace

AS_OF = date(2026, 11, 23)


def _steps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records, in order, each early start of the parse workers and each hashing of the
    workspace, both still done for real."""
    steps: list[str] = []
    real_start, real_digests = early.start, keys.workspace_digests

    def start(root: Path, jobs: int | None = None) -> None:
        steps.append("start")
        real_start(root, jobs)

    def digests(root: str | Path) -> dict[str, str]:
        steps.append("hash")
        return real_digests(root)

    monkeypatch.setattr(early, "start", start)
    monkeypatch.setattr(keys, "workspace_digests", digests)
    monkeypatch.setattr(rendered, "workspace_digests", digests)
    return steps


def test_a_first_run_starts_parsing_before_it_hashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large enough for workers: they are forked first, once, and the result is the one a
    run without the cache gives."""
    workspace = generated_workspace(tmp_path / "ws", 400, 0.02)
    steps = _steps(monkeypatch)
    result = validate(workspace, as_of=AS_OF)
    assert steps == ["start", "hash"]
    assert result.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings
    steps.clear()
    validate(workspace, as_of=AS_OF)  # answered from the cache: nothing to parse
    assert steps == ["hash"]


def test_a_run_after_a_completed_one_hashes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cache filled, a run hashes first: most files are not parsed at all."""
    workspace = example_copy(tmp_path, monkeypatch)
    validate(workspace, as_of=AS_OF)
    steps = _steps(monkeypatch)
    (workspace / "suppliers/sup-aws.yaml").write_text(
        (workspace / "suppliers/sup-aws.yaml").read_text(encoding="utf-8") + "# seen\n",
        encoding="utf-8",
    )
    validate(workspace, as_of=AS_OF)
    assert steps == ["hash"]


def test_the_command_hashes_a_new_workspace_once_and_keeps_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``complykit validate`` on a workspace without a cache folder: no look-up for a kept
    text (there is none), one hashing for the run and the text it keeps, and the next run
    is answered from that text."""
    workspace = example_copy(tmp_path, monkeypatch)
    assert not Path(cache_folder(str(workspace))).exists()
    steps = _steps(monkeypatch)
    first = _command(monkeypatch, workspace)
    assert steps.count("hash") == 1
    steps.clear()
    assert _command(monkeypatch, workspace) == first
    assert steps == ["hash"]  # the look-up that found the kept text


def _command(monkeypatch: pytest.MonkeyPatch, workspace: Path) -> dict[str, object]:
    arguments = ["complykit", "validate", str(workspace), "-f", "json", "--as-of", "2026-11-23"]
    monkeypatch.setattr(sys, "argv", arguments)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main() in (0, 1)
    written: dict[str, object] = json.loads(out.getvalue())
    return written

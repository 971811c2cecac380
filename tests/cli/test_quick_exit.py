"""The console script leaves without tearing the interpreter down (cli/entry.run):
everything it wrote must still arrive, whole, with the exit code of the run."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from example_copies import example_copy, generated_workspace, with_an_unknown_owner

if TYPE_CHECKING:
    from pathlib import Path


def _script(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``complykit ARGS`` as the installed script runs it (``python -m`` calls the same run)."""
    command = [sys.executable, "-m", "complykit", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)  # noqa: S603


def test_output_larger_than_a_pipe_arrives_whole(tmp_path: Path) -> None:
    """Findings worth more than a pipe's buffer reach the reader in full, and the run still
    says it found something (exit 1)."""
    workspace = generated_workspace(tmp_path / "ws", entities=600, defects=0.5)
    out = _script("validate", str(workspace), "--format", "json", "--no-cache")
    assert out.returncode == 1, out.stderr
    assert len(out.stdout) > 1 << 16
    findings = json.loads(out.stdout)["findings"]
    assert findings
    assert all(set(f) >= {"path", "line", "column", "code"} for f in findings)


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_exit_codes_and_text_survive_the_quick_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: list[str]
) -> None:
    """A clean example exits 0 with its summary; one broken owner exits 1 and names the file,
    both on a first run and on a run answered from the cache."""
    clean = example_copy(tmp_path, monkeypatch)
    for _ in range(2):  # the second run is answered from the cache, unless it is off
        ran = _script("validate", str(clean), *cache)
        assert (ran.returncode, ran.stderr) == (0, "")
        assert ran.stdout.strip().splitlines()[-1].startswith("No problems in")
    broken = with_an_unknown_owner(clean)
    for _ in range(2):
        ran = _script("validate", str(broken), *cache)
        assert ran.returncode == 1
        assert "risks/risk-ransomware.yaml" in ran.stdout


def test_a_usage_error_still_exits_two(tmp_path: Path) -> None:
    """A path that is not there is a usage error (exit 2), with its message on stderr."""
    out = _script("validate", str(tmp_path / "nowhere"))
    assert out.returncode == 2
    assert "nowhere" in out.stderr


def test_other_commands_finish_their_files_before_leaving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report written through the script is complete when the process has gone, and a
    refusal to overwrite it keeps its exit code and message."""
    workspace = example_copy(tmp_path, monkeypatch)
    target = tmp_path / "ropa.html"
    made = _script("report", "ropa", str(workspace), "-o", str(target))
    assert made.returncode == 0, made.stderr
    assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")
    again = _script("report", "ropa", str(workspace), "-o", str(target))
    assert again.returncode == 2
    assert "already exists" in again.stderr

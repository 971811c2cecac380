"""Class 10: the operator's own environment: a non-UTF-8 pipe, a closed stdout, `| head`.

These need a real child process (its own standard streams), so they are few; each runs under
the 2 GiB memory limit and a time limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.harness import TIME_LIMIT, assert_inert, bounded, planted, run_process, workspace

_MAIN = "from complykit.cli.app import main; main()"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = planted(workspace(tmp_path_factory.mktemp("env")))
    (root / "risks" / "names.yaml").write_text(
        'kind: risk\nid: r-names\n"Zoë 中文 😀 \\u202e": 1\n', encoding="utf-8"
    )
    return root


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_a_narrow_stdout_encoding_degrades(hostile: Path, encoding: str) -> None:
    """Characters the encoding lacks are written as escapes; exit 1, no traceback."""
    outcome = run_process(
        "validate", str(hostile), cwd=hostile.parent, env={"PYTHONIOENCODING": encoding}
    )
    outcome.assert_inert(allowed=(1,))
    assert "INJECTED" in outcome.stdout


def _closed_stdout() -> None:  # pragma: no cover - runs in the child
    bounded()
    os.close(1)


def test_a_closed_stdout_is_no_crash(hostile: Path) -> None:
    """With stdout closed (`>&-`) the command still exits with its own code, quietly."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _MAIN, "validate", str(hostile)],
        stderr=subprocess.PIPE,
        preexec_fn=_closed_stdout,
        timeout=TIME_LIMIT,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "backslashreplace")
    assert done.returncode in (1, 2), stderr
    assert_inert(stderr)


@pytest.mark.parametrize("command", [("validate",), ("rules",)])
def test_a_reader_that_goes_away_ends_the_command_quietly(
    hostile: Path, command: tuple[str, ...]
) -> None:
    """`complykit ... | head -1`: no traceback and no exit 3 when the pipe closes early."""
    args = [*command, str(hostile)] if command == ("validate",) else list(command)
    with subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", _MAIN, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=bounded,  # noqa: PLW1509
    ) as child:
        assert child.stdout is not None
        child.stdout.readline()
        child.stdout.close()
        _, stderr = child.communicate(timeout=TIME_LIMIT)
    text = stderr.decode("utf-8", "backslashreplace")
    assert child.returncode not in (3, 120), text
    assert_inert(text)

"""The cold path gives the result a single process gives, to the byte, in every format.

A cold ``validate`` of a large workspace parses in forked workers while the main process
parses too, and judges the REF checks in a forked child (``validate.forked_checks``). Each is
a place where findings could be lost, doubled or reordered: a worker that meets a file beyond
a limit, a file it cannot read, a link out of the workspace, the child's probes. Here the same
workspace (generated with defects, plus hostile files) is validated serially and on the cold
path, and the findings and the text, json and sarif outputs must be identical; the real CLI
is run too, with ``--jobs 1`` and ``--jobs 2``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from complykit.core.forked import ForkedCall
from complykit.load import early, parsing
from complykit.validate import forked_checks
from complykit.validate.validation import validate
from example_copies import generated_workspace
from unit.cache.test_differential import FORMATS, seen

AS_OF = date(2026, 11, 23)


def _hostile(workspace: Path) -> None:
    """Files that make a parser stop at a limit, or that cannot be read as records."""
    hostile = workspace / "hostile"
    hostile.mkdir()
    (hostile / "deep.yaml").write_text("a: " + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
    (hostile / "huge.yaml").write_text("k: " + "x" * 120_000 + "\n", encoding="utf-8")
    (hostile / "unclosed.yaml").write_text("kind: supplier\nid: sup-x\nname: [a\n")
    (hostile / "latin1.yaml").write_bytes(b"kind: supplier\nid: sup-caf\nname: caf\xe9\n")
    (hostile / "empty.yaml").write_text("", encoding="utf-8")
    (hostile / "tabs.yaml").write_text("kind: risk\n\tid: risk-tab\n", encoding="utf-8")
    (hostile / "many.yaml").write_text("---\n" * 50 + "kind: task\n", encoding="utf-8")
    (hostile / "python.yaml").write_text("a: !!python/object:os.system ls\n", encoding="utf-8")
    (hostile / "outside.yaml").symlink_to("/etc/hostname")
    (hostile / "dangling.yaml").symlink_to("nowhere.yaml")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("cold") / "ws"
    _hostile(generated_workspace(target, 150, 0.3))
    return target


@pytest.mark.parametrize("jobs", [2, 3, None])
def test_workers_and_the_forked_child_give_the_serial_result(
    generated: Path, monkeypatch: pytest.MonkeyPatch, jobs: int | None
) -> None:
    """With the thresholds lowered, workers parse and a child judges the REF checks even on a
    small workspace; the result is the single process's, findings, order and outputs."""
    serial = seen(validate(generated, as_of=AS_OF, jobs=1, use_cache=False))
    monkeypatch.setattr(parsing, "PARALLEL_FROM_FILES", 10)
    monkeypatch.setattr(forked_checks, "PARALLEL_FROM_FILES", 10)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    collected: list[object] = []
    collect = ForkedCall.result

    def counted(child: ForkedCall[object]) -> object:
        collected.append(found := collect(child))
        return found

    monkeypatch.setattr(ForkedCall, "result", counted)
    cold = seen(validate(generated, as_of=AS_OF, jobs=jobs, use_cache=False))
    assert cold == serial
    assert collected
    assert collected[0] is not None  # the child judged the REF checks
    findings = serial[0]
    assert isinstance(findings, list)
    codes = {f[3] for f in findings}
    assert {"YAML009", "REF001"} <= codes  # the hostile files and the defects were judged


def _cli(workspace: Path, output_format: str, *options: str) -> tuple[int, str, str]:
    command = [sys.executable, "-m", "complykit", "validate", str(workspace), "--no-cache"]
    command += ["--format", output_format, "--as-of", AS_OF.isoformat(), *options]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our CLI
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("output_format", FORMATS)
def test_the_command_writes_the_same_with_one_or_two_jobs(
    generated: Path, output_format: str
) -> None:
    """The real command, cold: ``--jobs 2`` writes exactly what ``--jobs 1`` writes."""
    serial = _cli(generated, output_format, "--jobs", "1")
    assert serial[0] == 1, serial[2]
    assert _cli(generated, output_format, "--jobs", "2") == serial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="without fork, workers pay from far more")
def test_a_few_large_files_are_parsed_on_every_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A register kept a department to a file: few files, many bytes. They are parsed by
    workers as many small files are, and the result is the single process's."""
    workspace = generated_workspace(tmp_path / "ws", 600, 0.05, per_file=100)
    files = sorted(str(p.relative_to(workspace)) for p in workspace.rglob("*.yaml"))
    assert len(files) < parsing.PARALLEL_FROM_FILES
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert parsing.default_jobs(workspace, files) == 2
    assert parsing.default_jobs(workspace, files[:3]) == 1  # a few small files: one process
    workers: list[int] = []
    real = early.parse_forked  # type: ignore[attr-defined] # the name early calls

    def counted(root: Path, files: list[str], count: int, parse: Any) -> Any:
        workers.append(count)
        return real(root, files, count, parse)

    serial = seen(validate(workspace, as_of=AS_OF, jobs=1, use_cache=False))
    monkeypatch.setattr(early, "parse_forked", counted)
    assert seen(validate(workspace, as_of=AS_OF, use_cache=False)) == serial
    assert workers == [1]  # one worker beside this process, started early

"""Checks judged half in a forked child give exactly what one process gives: the same findings
in the same order, the same paths asked about, and a check that raises still raises."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from complykit.checks import registry
from complykit.core.forked import ForkedCall
from complykit.core.result import Result
from complykit.validate import forked_checks
from complykit.validate.engine import run_keeping_records
from conftest import CASES, EXAMPLE, MakeWorkspace
from forks import Forks, watch_forks

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked checks need fork")

DAY = date(2026, 11, 23)
# Cases of rule families only: a SCH or YAML case may have no config that loads, so no checks.
SOME_CASES = sorted(
    p.parent
    for p in CASES.glob("*/*/expected.yaml")
    if not p.parent.parent.name.startswith(("SCH", "YAML"))
)[::25]
PARENT = os.getpid()


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Forks:
    return watch_forks(monkeypatch)


def _run(root: Path) -> tuple[Result, dict[str, bool]]:
    result, repo = run_keeping_records(root, as_of=DAY, jobs=None)
    assert repo is not None
    return result, dict(repo.probes)


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Forks on workspaces of any size; counts the children that sent findings back."""
    sent: list[int] = []
    collect = ForkedCall.result

    def counting(child: ForkedCall[object]) -> object:
        found = collect(child)
        sent.append(int(found is not None))
        return found

    monkeypatch.setattr(forked_checks, "PARALLEL_FROM_FILES", 0)
    monkeypatch.setattr(ForkedCall, "result", counting)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    return sent


@pytest.mark.parametrize("case", [EXAMPLE, *SOME_CASES], ids=lambda p: p.name)
def test_two_cores_find_what_one_finds(
    forks: Forks,
    case: Path,
    make_workspace: MakeWorkspace,
    forked: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_workspace(case)
    with monkeypatch.context() as one_core:
        one_core.setattr(forked_checks, "PARALLEL_FROM_FILES", 10**9)
        alone, alone_probes = _run(root)
    together, together_probes = _run(root)
    assert forked == [1], "a child judged half of the checks"
    assert together.findings == alone.findings
    assert together.waived == alone.waived
    assert together_probes == alone_probes
    assert forks.pids
    assert forks.all_reaped()


def test_a_child_that_fails_leaves_its_checks_to_this_process(
    forks: Forks, make_workspace: MakeWorkspace, forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace(EXAMPLE)
    alone = _run(root)[0]
    forked.clear()
    judge = registry.judge

    def failing_in_child(*args: object) -> object:
        if os.getpid() != PARENT:
            os._exit(3)
        return judge(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(forked_checks, "judge", failing_in_child)
    assert _run(root)[0].findings == alone.findings
    assert forked == [0]
    assert forks.pids
    assert forks.all_reaped()


def test_a_check_that_raises_raises_here_too(
    forks: Forks, make_workspace: MakeWorkspace, forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace(EXAMPLE)
    judge = registry.judge

    def raising(checks: list[registry.Check], *args: object) -> object:
        if any(c.info.code == "REF001" for c in checks):
            message = "a bug in a check"
            raise RuntimeError(message)
        return judge(checks, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(forked_checks, "judge", raising)
    with pytest.raises(RuntimeError, match="a bug in a check"):
        _run(root)
    assert forks.pids
    assert forks.all_reaped()


def test_one_job_forks_no_child(
    forks: Forks, make_workspace: MakeWorkspace, forked: list[int]
) -> None:
    """``--jobs 1`` is one process from start to end, whatever the size and the cores."""
    result, repo = run_keeping_records(make_workspace(EXAMPLE), as_of=DAY, jobs=1)
    assert repo is not None
    assert result.findings is not None
    assert forked == []
    assert forks.pids == []

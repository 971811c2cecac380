"""A first run with the cache on (a miss) judges as ``--no-cache`` does, with the parse workers
started early and the checks on two cores, and writes the cache for the runs after it: those
still give what a run without the cache gives, unchanged and after an edit."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from complykit.cache.store import CACHE_DIRNAME
from complykit.cli.entry import main
from complykit.load import early
from complykit.validate import forked_checks
from conftest import EXAMPLE

AS_OF = "2026-11-23"
RISK = Path("risks/risk-ransomware.yaml")

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the cold path forks")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The example with a finding (an owner nobody is)."""
    target = tmp_path / "tulip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    risk = target / RISK
    text = risk.read_text(encoding="utf-8")
    risk.write_text(text.replace("owner: fatima-elamrani", "owner: nobody"), encoding="utf-8")
    return target


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Workers and a forked child on a workspace of any size; counts both."""
    seen = {"early": 0, "forked": 0}
    start, judged = early.start, forked_checks.judged_on_two_cores

    def starting(*args: object) -> None:
        seen["early"] += 1
        start(*args)  # type: ignore[arg-type]

    def forking(*args: object) -> object:
        found = judged(*args)  # type: ignore[arg-type]
        seen["forked"] += found is not None
        return found

    monkeypatch.setattr(early, "start", starting)
    monkeypatch.setattr(forked_checks, "judged_on_two_cores", forking)
    monkeypatch.setattr("complykit.validate.engine.judged_on_two_cores", forking)
    monkeypatch.setattr(forked_checks, "PARALLEL_FROM_FILES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    return seen


def _validate(
    capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int | None, str]:
    monkeypatch.setattr(sys, "argv", ["complykit", "validate", *args, "--as-of", AS_OF])
    try:
        code = main()
    except SystemExit as ended:
        code = ended.code  # type: ignore[assignment]
    return code, capfd.readouterr().out


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_a_cache_miss_writes_what_no_cache_writes_and_so_do_the_runs_after_it(
    workspace: Path,
    output_format: str,
    two_cores: dict[str, int],
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = (str(workspace), "--format", output_format, "--jobs", "2")

    def fresh() -> tuple[int | None, str]:
        return _validate(capfd, monkeypatch, *args, "--no-cache")

    expected = fresh()
    assert expected[0] == 1
    assert "risk-ransomware.yaml" in expected[1]
    assert two_cores == {"early": 1, "forked": 1}
    miss = _validate(capfd, monkeypatch, *args)
    assert miss == expected
    assert two_cores == {"early": 2, "forked": 2}, "the miss ran as --no-cache runs"
    assert _validate(capfd, monkeypatch, *args) == expected
    risk = workspace / RISK
    risk.write_text(risk.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    supplier = workspace / "suppliers" / "sup-aws.yaml"
    text = supplier.read_text(encoding="utf-8")
    supplier.write_text(text.replace("id: sup-aws", "id: sup-aws2", 1), encoding="utf-8")
    edited = _validate(capfd, monkeypatch, *args)
    assert edited == fresh()
    assert edited != expected, "the edit changed the findings"
    assert _validate(capfd, monkeypatch, *args) == edited

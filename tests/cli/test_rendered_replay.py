"""A cached run writes the text kept for its exact presentation, importing almost nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from complykit.cache.store import CACHE_DIRNAME, RENDERED_PREFIX
from conftest import EXAMPLE

AS_OF = "2026-11-23"
HEAVY = (
    "pathlib",
    "datetime",
    "dataclasses",
    "typing",
    "rich",
    "typer",
    "pydantic",
    "yaml",
    "complykit.formatters",
    "complykit.core",
)
PROBE = f"""
import sys
from complykit.cli.entry import main
code = main()
loaded = sorted(m for m in {HEAVY!r} if m in sys.modules)
sys.stderr.write("FAST PATH, LOADED:" + ",".join(loaded) + "\\n")
raise SystemExit(code)
"""
REPLAYED = b"FAST PATH, LOADED:\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    target = tmp_path / "repo" / "tulip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    return target


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "NO_COLOR"}}
    command = [sys.executable, "-c", PROBE, "validate", *args]
    return subprocess.run(  # noqa: S603
        command, capture_output=True, check=False, env={**environment, **env}
    )


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_the_third_run_writes_the_kept_text_and_imports_nothing_heavy(
    workspace: Path, output_format: str
) -> None:
    """A fresh run keeps its text; the next writes it as is, without pathlib, Rich or models."""
    args = (str(workspace), "-f", output_format, "--as-of", AS_OF)
    fresh = _run(*args, "--no-cache")
    _run(*args)  # the full command, which keeps the result and its text
    replayed = _run(*args)
    assert (replayed.returncode, replayed.stdout, replayed.stderr) == (0, fresh.stdout, REPLAYED)


def test_forced_colour_is_kept_apart_from_plain_text(workspace: Path) -> None:
    """FORCE_COLOR changes what Rich writes, so a text kept without it is not written with it."""
    args = (str(workspace), "--as-of", AS_OF)
    plain = _run(*args, "--no-cache")
    coloured = _run(*args, "--no-cache", FORCE_COLOR="1")
    assert b"\x1b[" in coloured.stdout
    assert b"\x1b[" not in plain.stdout
    for _ in range(2):
        assert _run(*args).stdout == plain.stdout
        assert _run(*args, FORCE_COLOR="1").stdout == coloured.stdout
    assert _run(*args, FORCE_COLOR="1").stderr == REPLAYED


def test_deleting_an_evidence_file_is_seen_after_a_replay(workspace: Path) -> None:
    """The kept text carries the result's probes: a deleted evidence file is a miss."""
    args = (str(workspace), "-f", "json", "--as-of", AS_OF)
    _run(*args)
    assert _run(*args).stderr == REPLAYED
    next((workspace / "evidence").rglob("*.md")).unlink()
    after = _run(*args)
    assert after.stderr != REPLAYED
    assert "REF007" in {f["code"] for f in json.loads(after.stdout)["findings"]}


def test_an_evidence_file_made_a_folder_is_seen_after_a_replay(workspace: Path) -> None:
    """The probes ask what the check asked: a file there, not anything there."""
    args = (str(workspace), "-f", "json", "--as-of", AS_OF)
    _run(*args)
    assert _run(*args).stderr == REPLAYED
    evidence = next((workspace / "evidence").rglob("*.md"))
    evidence.unlink()
    evidence.mkdir()
    (evidence / "inside.md").write_text("# moved in\n", encoding="utf-8")
    after = _run(*args)
    assert after.stderr != REPLAYED
    assert "REF007" in {f["code"] for f in json.loads(after.stdout)["findings"]}


def test_annotations_with_a_job_summary_are_rendered_every_time(
    workspace: Path, tmp_path: Path
) -> None:
    """The github format also appends to GITHUB_STEP_SUMMARY, which a kept text cannot do."""
    summary = tmp_path / "summary.md"
    args = (str(workspace), "-f", "github", "--as-of", AS_OF)
    runs = [_run(*args, GITHUB_STEP_SUMMARY=str(summary)) for _ in range(3)]
    assert len({run.stdout for run in runs}) == 1
    assert REPLAYED not in {run.stderr for run in runs}
    once = _run(*args, "--no-cache", GITHUB_STEP_SUMMARY=str(tmp_path / "once.md"))
    assert summary.read_text(encoding="utf-8") == 3 * (tmp_path / "once.md").read_text("utf-8")
    assert once.stdout == runs[0].stdout


def test_kept_texts_are_pruned_like_results(workspace: Path) -> None:
    """Each presentation keeps its own text, and old ones are removed as old results are."""
    home = Path(os.environ["XDG_CACHE_HOME"]).parent / "rendered-home"
    for columns in range(20, 37):  # 17 presentations, one more than is kept
        _run(
            str(workspace),
            "--as-of",
            AS_OF,
            HOME=str(home),
            XDG_CACHE_HOME="",
            COLUMNS=str(columns),
        )
    kept = list((workspace / CACHE_DIRNAME).glob(f"{RENDERED_PREFIX}*.txt"))
    assert 1 < len(kept) <= 16


def test_a_run_after_a_miss_validates_against_the_digests_of_the_look_up(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for a kept text hashes every file; the run that follows the miss validates
    against those digests instead of hashing again, and finds what a run without the cache
    finds; digests of another root are not used."""
    from datetime import date  # noqa: PLC0415

    from complykit.cache import keys, rendered  # noqa: PLC0415
    from complykit.cache.keys import workspace_digests  # noqa: PLC0415
    from complykit.validate import validation  # noqa: PLC0415

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(workspace.parent / "home"))
    day = date.fromisoformat(AS_OF)
    validation.validate(workspace, as_of=day)
    path = workspace / "suppliers" / "sup-exact.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "contract_end: 2026-01-31\n", "utf-8")
    hashed: dict[str, dict[str, str]] = {}
    assert rendered.replay(str(workspace), AS_OF, "json", hashed) is None
    assert hashed == {str(workspace): workspace_digests(workspace)}

    def refused(root: Path | str) -> dict[str, str]:
        raise AssertionError(f"{root} hashed again")

    monkeypatch.setattr(keys, "workspace_digests", refused)  # validate imports it when it runs
    cached = validation.validate(workspace, as_of=day, hashed=dict(hashed))
    fresh = validation.validate(workspace, as_of=day, use_cache=False)
    assert [(f, f.message) for f in cached.findings] == [(f, f.message) for f in fresh.findings]
    with pytest.raises(AssertionError, match="hashed again"):
        validation.validate(workspace, as_of=day, hashed={"/elsewhere": hashed[str(workspace)]})


def test_a_text_kept_under_the_digests_of_the_run_is_not_replayed_once_a_file_changed(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text is kept under the files as the run hashed them before reading any: when one
    changes before the text is kept, a later run (hashing the files as they are) never
    replays it, and gets the fresh result."""
    from datetime import date  # noqa: PLC0415

    from complykit.cache import rendered  # noqa: PLC0415
    from complykit.cache.keys import workspace_digests  # noqa: PLC0415
    from complykit.validate.validation import validate  # noqa: PLC0415

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(workspace.parent / "home"))
    day = date.fromisoformat(AS_OF)
    before = workspace_digests(workspace)
    result = validate(workspace, as_of=day, hashed={str(workspace): before})
    path = workspace / "suppliers" / "sup-exact.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "contract_end: 2026-01-31\n", "utf-8")
    rendered.remember(workspace, day, "text", result, "kept text\n", digests=before)
    assert rendered.replay(str(workspace), AS_OF, "text") is None
    path.write_text(path.read_text(encoding="utf-8").replace("contract_end: 2026-01-31\n", ""))
    assert rendered.replay(str(workspace), AS_OF, "text") == ("kept text\n", result.exit_code)

"""After one file changes, only that file is parsed again, and the result is the fresh one.

A cold run keeps the outcome of every file but the data of none: the run after it parses the
changed file and the few files whose records the checks read, and keeps their data, so the runs
after that parse the changed file alone."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from complykit.cache import spool as spool_module
from complykit.cache.outcomes import CHECKS, SUMMARIES
from complykit.cache.outcomes import DATA_PREFIX as PARSED_PREFIX
from complykit.cache.store import CACHE_DIRNAME, CacheStore, cache_dir, open_store
from complykit.core.result import Result
from complykit.load import early
from complykit.load import parsing as parsing_module
from complykit.load.yaml_file import YamlFile, parse_yaml
from complykit.validate.reuse import CheckMemo
from complykit.validate.validation import validate
from complykit.workspace.repository import Entry
from edits import same_size_edit
from example_copies import example_copy, generated_workspace

AS_OF = date(2026, 11, 23)
SUPPLIER = Path("suppliers/sup-aws.yaml")
RISK = Path("risks/risk-ransomware.yaml")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return example_copy(tmp_path, monkeypatch)


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = parse_yaml

    def counting(path: PurePosixPath, raw: bytes) -> YamlFile:
        parsed.append(path.as_posix())
        return real(path, raw)

    monkeypatch.setattr(parsing_module, "parse_yaml", counting)
    return parsed


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")


def _early_starts(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The roots parse workers are started early for: one per cold run."""
    started: list[Path] = []
    monkeypatch.setattr(early, "start", lambda root, _jobs: started.append(root))
    # As the real one: workers started for a root are not started twice in one run.
    monkeypatch.setattr(early, "started", lambda root, _jobs: root in started)
    return started


def _next_two_runs_are_cold_then_warm(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """After an edit the run is cold (every file parsed by early workers) and right; having kept
    its checks, the run after the next edit is warm again. The cold run's result."""
    started = _early_starts(monkeypatch)
    _edit(workspace / SUPPLIER)
    result = validate(workspace, as_of=AS_OF)
    assert started == [workspace]
    assert result.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings
    started.clear()
    _edit(workspace / SUPPLIER)
    validate(workspace, as_of=AS_OF)
    assert started == []
    return result


def _warmed(workspace: Path, edited: Path) -> None:
    """A cold run, then a run after editing ``edited``: the data of the records that the
    checks read around that file is kept from then on."""
    validate(workspace, as_of=AS_OF, jobs=1)
    _edit(workspace / edited)
    validate(workspace, as_of=AS_OF, jobs=1)


def test_after_a_cold_run_only_the_changed_file_and_what_checks_read_are_parsed(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run after a cold one parses the changed file and the few its checks read again,
    far from every file, and gives the fresh findings."""
    every = validate(workspace, as_of=AS_OF, jobs=1).files_checked
    _edit(workspace / SUPPLIER)
    parsed = _count_parses(monkeypatch)
    result = validate(workspace, as_of=AS_OF, jobs=1)
    assert parsed[:2] == ["complykit.yaml", SUPPLIER.as_posix()]
    assert len(parsed) < every / 2
    assert result.findings == ()


def test_only_the_changed_file_is_parsed_again(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the records around a file were built, a run after editing it again parses the
    config and that file, nothing else."""
    _warmed(workspace, SUPPLIER)
    _edit(workspace / SUPPLIER)
    parsed = _count_parses(monkeypatch)
    result = validate(workspace, as_of=AS_OF, jobs=1)
    assert parsed == ["complykit.yaml", SUPPLIER.as_posix()]
    assert result.findings == ()


def test_a_new_day_judges_afresh_and_keeps_no_data(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another day judges every check again, which reads every record: the run is cold, as
    without the cache (its files parsed by workers started before the imports, where the
    workspace is large enough), writes no parsed data, and gives the findings of that day."""
    _warmed(workspace, SUPPLIER)
    started = _early_starts(monkeypatch)
    _edit(workspace / SUPPLIER)
    validate(workspace, as_of=AS_OF)
    assert started == []  # the same day: the few records needed are built one by one
    folder = workspace / CACHE_DIRNAME
    kept = {p.name: p.read_bytes() for p in folder.glob(f"{PARSED_PREFIX}*.json")}
    later = date(2027, 6, 1)
    result = validate(workspace, as_of=later)
    assert started == [workspace]
    assert {p.name: p.read_bytes() for p in folder.glob(f"{PARSED_PREFIX}*.json")} == kept
    assert result.findings == validate(workspace, as_of=later, use_cache=False).findings
    assert result.notes == ()


def test_a_corrupt_parsed_files_entry_is_a_warning(workspace: Path) -> None:
    """A damaged entry of parsed files is ignored with a warning; the result stays correct."""
    _warmed(workspace, SUPPLIER)
    for shard in (workspace / CACHE_DIRNAME).glob(f"{PARSED_PREFIX}*.json"):
        shard.write_text("garbage", encoding="utf-8")
    path = workspace / SUPPLIER
    path.write_text(path.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings
    assert [n for n in result.notes if PARSED_PREFIX in n]


def test_one_changed_file_rewrites_one_shard_of_parsed_data(workspace: Path) -> None:
    """The parsed data of the other files is not written again when one file changes."""
    _warmed(workspace, SUPPLIER)
    folder = workspace / CACHE_DIRNAME
    before = {p.name: p.read_bytes() for p in folder.glob(f"{PARSED_PREFIX}*.json")}
    path = workspace / SUPPLIER
    path.write_text(path.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    validate(workspace, as_of=AS_OF)
    after = {p.name: p.read_bytes() for p in folder.glob(f"{PARSED_PREFIX}*.json")}
    assert len(before) > 1
    assert len([name for name in after if after[name] != before.get(name)]) == 1


def test_a_file_edited_to_the_same_size_and_mtime_is_parsed_again(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed data is found by content, so an edit invisible to stat is still read."""
    validate(workspace, as_of=AS_OF, jobs=1)
    same_size_edit(workspace / RISK, "owner: fatima-elamrani", "owner: fatima-elamranX")
    parsed = _count_parses(monkeypatch)
    result = validate(workspace, as_of=AS_OF, jobs=1)
    assert RISK.as_posix() in parsed
    assert [(f.code, f.path.as_posix(), f.line) for f in result.findings] == [
        ("REF001", RISK.as_posix(), 5)
    ]


def test_a_parsed_entry_altered_to_the_same_size_and_mtime_is_a_warning(
    workspace: Path,
) -> None:
    """Altered parsed data fails its signature: a warning, and the files are parsed afresh."""
    _warmed(workspace, SUPPLIER)
    folder = workspace / CACHE_DIRNAME
    # The data of a record built around the supplier (not the supplier's own, which changes).
    shard = next(
        p
        for p in sorted(folder.glob(f"{PARSED_PREFIX}*.json"))
        if b'"id"' in (body := p.read_bytes()) and b"sup-aws" not in body
    )
    text = shard.read_bytes().decode()
    record_id = text.split('"id":"', 1)[1].split('"', 1)[0]
    same_size_edit(shard, f'"id":"{record_id}"', f'"id":"{record_id[:-1]}~"')
    _edit(workspace / SUPPLIER)  # the same records are built again, this time from the data
    result = validate(workspace, as_of=AS_OF)
    assert result.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings
    assert [n for n in result.notes if shard.name in n and "signature" in n]


def test_a_finding_in_a_file_from_the_cache_is_placed_without_reading_it(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed-file cache keeps the places the loader recorded: a rule's finding in a file
    that was not parsed again sits where a fresh run puts it (#9: no second read)."""
    supplier = workspace / SUPPLIER
    text = supplier.read_text(encoding="utf-8")
    supplier.write_text(text.replace("activity: pa-video-consults", "activity: pa-video-consult"))
    _warmed(workspace, RISK)
    _edit(workspace / RISK)
    parsed = _count_parses(monkeypatch)
    real_read_bytes = Path.read_bytes

    def refusing(path: Path) -> bytes:
        assert path.name != SUPPLIER.name, "the supplier file was read again to place a finding"
        return real_read_bytes(path)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", refusing)
        cached = validate(workspace, as_of=AS_OF, jobs=1)
    assert SUPPLIER.as_posix() not in parsed
    fresh = validate(workspace, as_of=AS_OF, use_cache=False)
    assert cached.findings == fresh.findings
    placed = [f for f in cached.findings if f.path.as_posix() == SUPPLIER.as_posix()]
    assert [(f.code, f.line) for f in placed] == [("REF001", 17)]


def test_a_file_of_several_records_is_parsed_once_to_rebuild_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the checks memo every record is built again from its file (no data was kept
    by the cold run): a file holding several records is parsed once for all of them, and the
    findings are those of a run without the cache."""
    workspace = generated_workspace(tmp_path / "ws", entities=40, defects=0.1)
    several = [p for p in workspace.rglob("*.yaml") if "\n---" in p.read_text(encoding="utf-8")]
    assert several, "the generator writes some files with several records"
    validate(workspace, as_of=AS_OF, jobs=1)
    (cache_dir(workspace) / "checks.json").unlink()
    single = next(p for p in sorted(workspace.rglob("*.yaml")) if p not in several)
    _edit(single)  # so that the run is not answered by the result kept
    parsed = _count_parses(monkeypatch)
    result = validate(workspace, as_of=AS_OF, jobs=1)
    assert max(Counter(parsed).values()) == 1
    assert {p.relative_to(workspace).as_posix() for p in several} <= set(parsed)
    assert result.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings


def test_a_run_whose_checks_were_not_kept_leaves_the_next_one_cold(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the checks' findings every check runs again and reads every record: a run
    after one whose memo could not be written parses every file, as a cold run does."""
    with monkeypatch.context() as failing:
        failing.setattr(CheckMemo, "write", lambda _self: False)
        validate(workspace, as_of=AS_OF)
    _next_two_runs_are_cold_then_warm(workspace, monkeypatch)


def test_a_checks_memo_too_large_to_keep_leaves_the_next_run_cold(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A memo dropped for its size is not kept: the next run is cold, as after a failure."""
    with monkeypatch.context() as small:
        small.setattr(spool_module, "MAX_ENTRY_BYTES", 1000)
        validate(workspace, as_of=AS_OF)
    _next_two_runs_are_cold_then_warm(workspace, monkeypatch)


@pytest.mark.parametrize("entry", [CHECKS, SUMMARIES])
def test_a_run_after_a_checks_entry_was_deleted_is_cold(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, entry: str
) -> None:
    """The cache is safe to delete in part too: with the checks' findings or summaries gone,
    the checks read every record again, so the run parses every file on every core as a cold
    run does, rather than building each record alone from its file (at 10,000 records twice
    a cold run's time without the findings, 1.1 times without the summaries)."""
    validate(workspace, as_of=AS_OF)
    (cache_dir(workspace) / entry).unlink()
    cold = _next_two_runs_are_cold_then_warm(workspace, monkeypatch)
    assert not cold.notes  # a missing entry is no fault: nothing to warn about


def test_the_summaries_written_in_pieces_read_back_whole(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summaries entry is written a piece at a time (as checks.json is); what the next run
    reads is every summary this run kept, under this run's engine."""
    kept: dict[str, Any] = {}
    original = CheckMemo._kept_and_fresh_summaries

    def keeping(memo: CheckMemo) -> dict[str, Any]:
        kept.update(original(memo))
        return kept

    with monkeypatch.context() as watching:
        watching.setattr(CheckMemo, "_kept_and_fresh_summaries", keeping)
        validate(workspace, as_of=AS_OF)
    store = open_store(workspace)
    assert isinstance(store, CacheStore)
    body = store.read(SUMMARIES)
    assert isinstance(body, dict)
    assert body["summaries"] == kept
    assert any(kept.values())  # the example's SoA scope summaries, one row per file
    assert isinstance(body["engine"], str)


@pytest.mark.parametrize("folder", ["risks", "ai", "tasks"])
def test_an_edit_of_one_file_builds_few_records_of_its_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """An edit builds the records the checks must judge again, not every record of the kind:
    SOA010 (a join of risks and SoAs by framework) and AIA027 (any literacy task, any system
    of ours) read per-file summaries the cache keeps, and the AI Act duties of one system are
    judged per record. A risk edit built every risk, an AI system or task edit every system."""
    workspace = generated_workspace(tmp_path / "ws", 600, 0.2)
    total = validate(workspace, as_of=AS_OF).records_checked
    path = sorted((workspace / folder).rglob("*.yaml"))[3]
    _edit(path)
    validate(workspace, as_of=AS_OF)  # the records around the file are kept from here on
    built: list[str] = []
    real = Entry._build

    def counting(entry: Entry) -> None:
        built.append(entry.kind)
        real(entry)

    monkeypatch.setattr(Entry, "_build", counting)
    _edit(path)
    result = validate(workspace, as_of=AS_OF)
    assert len(built) < total / 20, Counter(built)
    assert result.findings == validate(workspace, as_of=AS_OF, use_cache=False).findings

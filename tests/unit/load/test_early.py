"""Workers started before the models are imported: the same result as loading afresh, and
never a worker left behind, whatever the config turns out to say."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from complykit.load import early
from complykit.validate.engine import run
from complykit.validate.validation import validate
from conftest import BASE_CONFIG
from forks import Forks, watch_forks

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="early workers need fork")

DAY = date(2026, 11, 23)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Forks:
    return watch_forks(monkeypatch)


def _workspace(root: Path, extra_config: str = "") -> Path:
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    with (root / "complykit.yaml").open("a", encoding="utf-8") as config:
        config.write(extra_config)
    for index in range(150):
        folder = root / ("drafts" if index % 10 == 0 else "suppliers")
        folder.mkdir(exist_ok=True)
        (folder / f"s{index:03}.yaml").write_text(
            f"kind: supplier\nid: sup-{index}\nname: Vendor {index}\nservices: [x]\n"
            f"role: processor\ncountry: {'NL' if index % 3 else 'UK'}\n"
            "dpa: {signed_on: 2025-01-10}\nbreach_notification: {within: PT24H}\n"
            + ("extra: field\n" if index % 7 == 0 else "")
            + ("bad: [\n" if index == 77 else ""),
            encoding="utf-8",
        )
    return root


def test_a_cold_run_with_early_workers_finds_what_a_serial_run_finds(
    forks: Forks, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _workspace(tmp_path, "paths:\n  exclude: ['drafts/*']\n")
    serial = run(root, as_of=DAY, jobs=1)
    taken: list[early.Started | None] = []
    take = early.take

    def spy(*args: object) -> early.Started | None:
        taken.append(take(*args))  # type: ignore[arg-type]
        return taken[-1]

    monkeypatch.setattr(early, "take", spy)
    cold = validate(root, as_of=DAY, jobs=2, use_cache=False)
    assert len(taken) == 1
    assert taken[0] is not None, "the run used the workers started before the imports"
    assert cold.findings == serial.findings
    assert cold.records_checked == serial.records_checked
    assert {f.code for f in serial.findings} >= {"SCH003", "YAML001"}
    assert forks.pids
    assert forks.all_reaped()


def test_workers_started_for_other_exclusions_are_stopped(forks: Forks, tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    early.start(root, 2)
    assert early.take(root, ["drafts/*"], 2) is None
    assert forks.pids
    assert forks.all_reaped()
    early.start(root, 2)
    assert early.take(root, [], 3) is None
    assert forks.all_reaped()


def test_workers_for_a_config_that_does_not_validate_are_discarded(
    forks: Forks, tmp_path: Path
) -> None:
    root = _workspace(tmp_path, "unknown_setting: 1\n")
    result = validate(root, as_of=DAY, jobs=2, use_cache=False)
    assert [f.code for f in result.findings] == ["SCH003"]
    assert forks.pids
    assert forks.all_reaped()


@pytest.mark.parametrize(
    "config",
    [
        "paths:\n  exclude: drafts\n",  # not a list: the validated config says what it means
        "paths: &a\n  exclude: []\n",  # not plain YAML
        "paths:\n  exclude: [1]\n",
    ],
)
def test_no_head_start_when_the_exclusions_are_not_plain_texts(
    forks: Forks, tmp_path: Path, config: str
) -> None:
    root = _workspace(tmp_path, config)
    early.start(root, 2)
    assert early.take(root, [], 2) is None
    assert not forks.pids, "no worker is forked for exclusions that are not plain texts"

"""The six checks that read DPIA screenings share one reading of each activity per run, and
a later run (another workspace, or the same one edited) reads its own activities afresh."""

from __future__ import annotations

from datetime import date

import pytest

from complykit.facts import dpia_screening
from complykit.validate.engine import run
from conftest import EXAMPLE, MakeWorkspace

DAY = date(2026, 11, 23)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    mandatory = dpia_screening._mandatory

    def counting(catalog: object, activity: object, screening: object, *, dutch: bool) -> object:
        read.append(activity.id)  # type: ignore[attr-defined]
        return mandatory(catalog, activity, screening, dutch=dutch)  # type: ignore[arg-type]

    monkeypatch.setattr(dpia_screening, "_mandatory", counting)
    return read


def test_each_activity_is_read_once_per_run(
    make_workspace: MakeWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace(EXAMPLE)
    read = _counting(monkeypatch)
    first = run(root, as_of=DAY, jobs=1)
    assert read, "the example screens activities"
    assert len(read) == len(set(read))
    read.clear()
    second = run(root, as_of=DAY, jobs=1)
    assert len(read) == len(set(read)) > 0, "a new run reads its own records again"
    assert second.findings == first.findings


def test_an_edited_screening_is_judged_afresh(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(EXAMPLE)
    before = {f.code for f in run(root, as_of=DAY, jobs=1).findings}
    screened = [
        p for p in root.rglob("*.yaml") if "conclusion: dpia-required" in p.read_text("utf-8")
    ]
    assert screened
    for path in screened:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("conclusion: dpia-required", "conclusion: dpia-not-required"), "utf-8"
        )
    after = {f.code for f in run(root, as_of=DAY, jobs=1).findings}
    assert after != before

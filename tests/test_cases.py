"""File-based cases: each folder under tests/cases/<CODE>/ is a workspace with expected findings.

``expected.yaml`` pins the whole verdict of every finding (code, place, severity, citation), so a
rule that drifts by a day, a paragraph or a severity fails its case. ``as_of`` sets the day the
case is judged on; without it the case is judged on ``AS_OF``. ``contains`` lists words the
messages and hints must hold, ``absent`` words they must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.validate.engine import run
from conftest import CASES, MakeWorkspace
from verdicts import as_of, assert_told, expected_verdicts, found_verdicts, load_spec

CASE_DIRS = sorted(p.parent for p in CASES.glob("*/*/expected.yaml"))


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_gives_expected_findings(case: Path, make_workspace: MakeWorkspace) -> None:
    """A case workspace yields exactly its expected findings: code, place, severity, citation."""
    spec = load_spec(case)
    result = run(make_workspace(case), as_of=as_of(spec))
    assert found_verdicts(result.findings) == expected_verdicts(spec)
    assert_told(spec, result.findings)


def test_every_case_folder_states_its_code() -> None:
    """A failing case expects its folder's code; a pass-* case expects none of it."""
    for case in CASE_DIRS:
        code = case.parent.name
        if code == "valid":
            continue
        expects_code = any(f["code"] == code for f in expected_verdicts(load_spec(case)))
        assert expects_code != case.name.startswith("pass-"), case

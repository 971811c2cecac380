"""Class 18: an evidence value is a path complykit asks the file system about, and a pull
request writes it.

YAML spells a NUL as ``\\0`` in a double-quoted scalar. No file name can hold one, and
Python's path functions raise ValueError on it, which ended ``validate`` (and every command
that runs the rules) as an internal error, exit 3: one record could stop every check of a
pull request. It is evidence that names no file, shown escaped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile.harness import run, workspace

CONTROL = 'kind: control\nid: ctl-a\ntitle: A\nstatus: implemented\nevidence: ["{evidence}"]\n'


@pytest.mark.parametrize("evidence", ["a\\0b", "evidence/\\0/", "\\0"])
def test_evidence_holding_a_nul_names_no_file(tmp_path: Path, evidence: str) -> None:
    root = workspace(tmp_path, {"control.yaml": CONTROL.format(evidence=evidence)})
    outcome = run("validate", str(root), "--format", "json")
    outcome.assert_inert(allowed=(1,))
    findings = json.loads(outcome.stdout)["findings"]
    assert [finding["code"] for finding in findings] == ["REF007"]
    assert "does not exist in the workspace" in findings[0]["message"]
    text = run("validate", str(root))
    text.assert_inert(allowed=(1,))
    assert "\\x00" in text.stdout

"""A record that cannot be read is reported where it is, once; nothing cascades from it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path, PurePosixPath

import pytest

from complykit.validate.engine import run
from conftest import EXAMPLE

AS_OF = date(2026, 11, 23)
# Records of the example that many others name: a control, a supplier, a DPIA, a risk, an SoA.
BROKEN = [
    "controls/ctl-mfa.yaml",
    "suppliers/sup-aws.yaml",
    "soa/soa-iso27001-2022.yaml",
]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "example"
    shutil.copytree(EXAMPLE, target)
    return target


def _duplicate_first_key(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("kind:"))
    path.write_text("".join([*lines[: at + 1], lines[at], *lines[at + 1 :]]), encoding="utf-8")


@pytest.mark.parametrize("record", BROKEN)
def test_a_duplicate_key_gives_findings_in_that_file_only(tmp_path: Path, record: str) -> None:
    """One broken record in the example yields findings in its own file and nowhere else."""
    workspace = _copy(tmp_path)
    _duplicate_first_key(workspace / record)
    findings = run(workspace, as_of=AS_OF).findings
    assert {f.path for f in findings} == {PurePosixPath(record)}
    assert [f.code for f in findings if f.code != "REF009"] == ["YAML002"]
    assert len([f for f in findings if f.code == "REF009"]) <= 1

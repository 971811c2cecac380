"""Class 23: the risk scales of complykit.yaml cannot make a report unbounded.

The risk reports draw a heat map with a cell for every likelihood and impact pair. Nothing
bounded the number of levels: two scales of 2,000 levels, a few kilobytes of a pull request's
complykit.yaml, made `report risks` run for two minutes in 5 GB and write 780 MB of HTML (and
20,000 levels, which still fit in the file, would never end). A scale has at most 20 levels;
more is a located finding, and the report refuses at once.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from complykit.model.config import MAX_SCALE_LEVELS
from conftest import EXAMPLE
from hostile.harness import run, run_process


def _with_scales(tmp_path: Path, levels: int) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root)
    config = root / "complykit.yaml"
    scale = "".join(f"    - {{value: {n}, label: L{n}}}\n" for n in range(1, levels + 1))
    text = re.sub(
        r"(?ms)^  likelihood:\n.*?(?=^  appetite)",
        lambda _: f"  likelihood:\n{scale}  impact:\n{scale}",
        config.read_text(encoding="utf-8"),
    )
    config.write_text(text, encoding="utf-8")
    return root


def test_scales_of_thousands_of_levels_are_a_finding_and_no_report(tmp_path: Path) -> None:
    root = _with_scales(tmp_path, 2000)
    validated = run("validate", str(root))
    validated.assert_inert(allowed=(1,))
    assert "risk_method.likelihood: List should have at most 20 items" in validated.stdout
    report = run_process("report", "risks", str(root), "--format", "html", cwd=tmp_path)
    report.assert_inert(allowed=(2,))
    assert len(report.stdout) < 1_000_000


@pytest.mark.parametrize("output_format", ["html", "markdown"])
def test_the_longest_scales_allowed_still_make_a_heat_map(
    tmp_path: Path, output_format: str
) -> None:
    root = _with_scales(tmp_path, MAX_SCALE_LEVELS)
    run("validate", str(root)).assert_inert(allowed=(0, 1))
    report = run("report", "risks", str(root), "--format", output_format)
    report.assert_inert(allowed=(0,))
    assert f"L{MAX_SCALE_LEVELS}" in report.stdout

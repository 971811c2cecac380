"""Scenario tests: worked examples from regulators' guidance and the law's own text.

Each folder ``tests/scenarios/<source>/<example>/<variant>/`` is a workspace with an
``expected.yaml``, as in tests/cases, but judged as a whole rather than per rule: the variant
whose screening or classification agrees with the regulator's conclusion must come out clean,
and the one that contradicts it must give the finding, with the citation, that says why.

``expected.yaml`` states the ``example`` (our own one-line description), the ``conclusion``
the source reaches and the exact ``findings``; ``contains`` lists words the messages must hold.
A ``complykit.yaml`` in the variant, else in the example folder, else in the source folder,
is the workspace's config; without one the base config of tests/cases is used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from complykit.validate.engine import run
from conftest import BASE_CONFIG
from verdicts import as_of, assert_told, expected_verdicts, found_verdicts, load_spec

SCENARIOS = Path(__file__).parent / "scenarios"
VARIANTS = sorted(p.parent for p in SCENARIOS.glob("*/*/*/expected.yaml"))


def _config(variant: Path) -> Path:
    """The nearest complykit.yaml: the variant's, the example's, the source's, or the base."""
    for folder in (variant, variant.parent, variant.parent.parent):
        if (folder / "complykit.yaml").exists():
            return folder / "complykit.yaml"
    return BASE_CONFIG


def _workspace(variant: Path, target: Path) -> Path:
    shutil.copytree(variant, target, ignore=shutil.ignore_patterns("expected.yaml"))
    if not (target / "complykit.yaml").exists():
        shutil.copy(_config(variant), target / "complykit.yaml")
    return target


@pytest.mark.parametrize(
    "variant", VARIANTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}"
)
def test_scenario_gives_expected_findings(variant: Path, tmp_path: Path) -> None:
    """A scenario variant yields exactly its expected findings, and says what it pins."""
    spec = load_spec(variant)
    assert spec.get("example"), "state the example, in our own words"
    assert spec.get("conclusion"), "state the conclusion the source reaches"
    result = run(_workspace(variant, tmp_path / variant.name), as_of=as_of(spec))
    assert found_verdicts(result.findings) == expected_verdicts(spec)
    assert_told(spec, result.findings)


def test_each_example_agrees_clean() -> None:
    """Every example has an ``agrees`` variant, and it gives no finding at all: a record that
    follows the source must not be told it is wrong."""
    examples = {v.parent for v in VARIANTS}
    assert examples, "no scenarios found"
    for example in examples:
        agrees = example / "agrees"
        assert (agrees / "expected.yaml").exists(), example
        assert load_spec(agrees)["findings"] == [], agrees


def test_each_contradicting_variant_expects_a_finding() -> None:
    """Every variant other than ``agrees`` expects at least one finding: a record that departs
    from the source must be told so, and a spec edited to ``findings: []`` would say nothing."""
    others = [v for v in VARIANTS if v.name != "agrees"]
    assert others, "no contradicting variants found"
    for variant in others:
        assert load_spec(variant)["findings"], f"{variant} expects no finding"

"""A record gets a "did you mean" for its first hundred wrong values (``checks.hinting``).

A pull request can add one record that names tens of thousands of ids nobody wrote: each
hint was a search through every id or control it might have meant, tens of seconds in all.
Past the first hundred of a record, the values are still reported, with the rule's hint.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from complykit.checks.hinting import PER_RECORD, HintBudget
from complykit.validate.validation import validate
from example_copies import example_copy

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

RISK = """\
kind: risk
id: risk-many-typos
title: T
description: D
category: privacy
owner: sanne-devries
inherent: {{likelihood: 3, impact: 3}}
treatment: mitigate
treatment_plan: P
residual: {{likelihood: 2, impact: 2}}
affects: [{affects}]
controls:
  iso27001-2022: [{controls}]
"""


def test_the_first_hundred_wrong_values_of_a_record_get_their_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = example_copy(tmp_path, monkeypatch)
    wrong = PER_RECORD + 50
    affects = ", ".join(f"pa-client-record{n}" for n in range(wrong))
    controls = ", ".join(f"A.5.{n}x" for n in range(wrong))
    risk = RISK.format(affects=affects, controls=controls)
    (workspace / "risks" / "many-typos.yaml").write_text(risk, encoding="utf-8")
    result = validate(workspace, as_of=date(2026, 11, 23), use_cache=False)
    for code in ("REF001", "REF005"):
        found = [f for f in result.findings if f.code == code and f.record == "risk-many-typos"]
        assert len(found) == wrong, code
        hinted = [f for f in found if f.hint is not None and "Did you mean" in f.hint]
        assert len(hinted) == PER_RECORD, code


def test_a_budget_counts_per_record() -> None:
    budget = HintBudget(per_record=2)
    first, second = object(), object()
    assert [budget.allows(first) for _ in range(3)] == [True, True, False]  # type: ignore[arg-type]
    assert budget.allows(second)  # type: ignore[arg-type]
    assert [budget.allows(None), budget.allows(None), budget.allows(None)] == [True, True, False]

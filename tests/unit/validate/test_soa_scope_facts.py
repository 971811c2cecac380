"""SOA014 judges every scope rule on a real workspace: each fact it asks for is one it may read.

Each fact is only asked for when a control it concerns is excluded, so a fact reading a kind
the check did not declare went unnoticed until a user excluded ISO/IEC 42001 A.5.2 (exit 3).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from complykit.facts.soa_scope_rules import SCOPE_RULES
from complykit.validate.engine import run
from example_copies import example_copy

AS_OF = date(2026, 12, 1)
_SOA_FILES = {
    "iso27001-2022": "soa-iso27001-2022.yaml",
    "iso27701-2019": "soa-iso27701-2019.yaml",
    "iso42001-2023": "soa-iso42001-2023.yaml",
}


def _exclude_every_scoped_control(root: Path) -> dict[str, set[str]]:
    """Every control a scope rule names marked excluded, editing the example's text (a YAML
    round trip would turn its `approval: {on: ...}` into `true`, as YAML 1.1 reads `on`)."""
    excluded: dict[str, set[str]] = {}
    for framework, name in _SOA_FILES.items():
        controls = {c for rule in SCOPE_RULES if rule.framework == framework for c in rule.controls}
        path = root / "soa" / name
        lines, current = [], None
        for line in path.read_text(encoding="utf-8").splitlines():
            if found := _CONTROL.match(line):
                current = found[1]
            excluding = current in controls and not found
            lines.append(_excluded(line) if excluding else line)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        excluded[framework] = controls
    return excluded


def _excluded(line: str) -> str:
    return _APPLICABLE.sub(r"\1false", _STATUS.sub(r"\1not-applicable", line))


_CONTROL = re.compile(r"^\s*- control: (\S+)")
_APPLICABLE = re.compile(r"^(\s+applicable: )true$")
_STATUS = re.compile(r"^(\s+status: )\S+$")


def test_every_scope_fact_is_judged_without_an_undeclared_read(tmp_path: Path) -> None:
    """The example has suppliers, incidents, AI systems (from a vendor) and transfers: with
    every scoped control excluded, each rule whose fact holds there is reported, none crashes."""
    root = example_copy(tmp_path)
    excluded = _exclude_every_scoped_control(root)
    result = run(root, as_of=AS_OF)
    assert not [f for f in result.findings if f.code == "REF009"]  # no rule failed to run
    reported = {f.message.split(" is excluded")[0] for f in result.findings if f.code == "SOA014"}
    for fact in ("suppliers", "incidents", "ai-systems", "ai-vendors"):
        rule = next(r for r in SCOPE_RULES if r.fact == fact)
        assert set(rule.controls) <= reported, (fact, rule.controls)
    assert reported <= set().union(*excluded.values())

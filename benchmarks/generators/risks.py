"""Risks with inherent and residual scores that respect the appetite."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from generators.text import annex, common_head, day, flow, prose, q, sentences
from generators.vocabulary import APPETITE, COMMON_DATA, FRAMEWORK, RISK_THREATS

if TYPE_CHECKING:
    import random

    from generators.plan import Plan


def residual_for(rng: random.Random, likelihood: int, impact: int) -> tuple[int, int]:
    options = [
        (lk, im)
        for lk in range(1, likelihood + 1)
        for im in range(1, impact + 1)
        if lk * im <= APPETITE
    ]
    return rng.choice(options)


def render_risk(plan: Plan, rid: str) -> tuple[str, str]:
    rng = plan.rng(rid)
    category = rng.choice(
        (
            "security",
            "privacy",
            "privacy",
            "supplier",
            "continuity",
            "ai",
            "compliance",
            "operational",
        )
    )
    affects = plan.some(rng, "processing-activity", 1, 2) + plan.some(rng, "supplier", 0, 1)
    asset = rng.choice((*COMMON_DATA, "health data", "access logs", "payroll data"))
    likelihood, impact = rng.randint(2, 5), rng.randint(2, 5)
    accept = rng.random() < 0.1
    res_l, res_i = (likelihood, impact) if accept else residual_for(rng, likelihood, impact)
    measures = plan.some(rng, "control", 1, 3)
    head = common_head(plan, rng, "risk", rid)
    owner = next(line for line in head if line.startswith("owner: ")).removeprefix("owner: ")
    lines = [
        *head,
        f"title: {q(rng.choice(RISK_THREATS).capitalize() + ' ' + asset)}",
        *prose("description", "Threat scenario: " + sentences(rng, 1, 3)),
        f"category: {category}",
        f"affects: {flow(affects)}",
        "inherent:",
        f"  likelihood: {likelihood}",
        f"  impact: {impact}",
        f"treatment: {'accept' if accept else 'mitigate'}",
        *prose("treatment_plan", "Apply the listed measures; " + sentences(rng, 1, 2)),
        "controls:",
        f"  {FRAMEWORK}: {annex(rng, 2)}",
    ]
    if measures:
        lines.append(f"measures: {flow(measures)}")
    lines += ["residual:", f"  likelihood: {res_l}", f"  impact: {res_i}"]
    within_appetite = res_l * res_i <= APPETITE
    if accept or not within_appetite:  # accepting is the owner's recorded decision either way
        lines += [
            "acceptance:",
            f"  by: {owner}",  # the risk owner accepts (ISO/IEC 27001 6.1.3 f), RSK008)
            "  on: 2026-02-10",
            "  until: 2027-12-31",
            "  rationale: Accepted by the owner with management, until the migration completes",
        ]
        if within_appetite:
            lines.append("  within_appetite: true")
    lines += [f"identified: {day(rng, date(2024, 1, 8), 700)}", "source: Annual risk workshop"]
    return f"risks/{category}/{rid}.yaml", "\n".join(lines) + "\n"

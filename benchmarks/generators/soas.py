"""Statements of Applicability: one per ISO framework, a line for every control of its catalog."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from complykit.catalog.load import load_catalogs
from generators.text import common_head, flow, prose, sentences
from generators.vocabulary import INTRANET, SOA_FRAMEWORKS

if TYPE_CHECKING:
    import random

    from generators.plan import Plan

REASONS = ("risk-treatment", "legal", "contractual", "business", "best-practice")


@cache
def catalog_controls(framework: str) -> tuple[str, ...]:
    """The framework's control ids in catalog order, read from the bundled catalog."""
    catalog = load_catalogs([]).framework(framework)
    if catalog is None:
        raise SystemExit(f"generate: no bundled catalog {framework}")
    return tuple(item.id for item in catalog.controls)


def entry_lines(plan: Plan, rng: random.Random, control: str) -> list[str]:
    risks = plan.some(rng, "risk", 0, 3)
    measures = plan.some(rng, "control", 1, 3)
    lines = [
        f"  - control: {control}",
        "    applicable: true",
        *prose("justification", sentences(rng, 2, 4), 4),
        f"    reasons: {flow(sorted(rng.sample(REASONS, rng.randint(1, 2))))}",
        "    status: implemented",
        f"    owner: {plan.person(rng)}",
        f"    evidence: [{INTRANET}/soa/{control}.pdf]",
    ]
    lines += [f"    measures: {flow(measures)}"] if measures else []
    lines += [f"    risks: {flow(risks)}"] if risks else []
    return lines


def render_soa(plan: Plan, soa: str) -> tuple[str, str]:
    framework = SOA_FRAMEWORKS[int(soa.rsplit("-", 1)[1]) - 1]
    rng = plan.rng(soa)
    lines = [
        *common_head(plan, rng, "statement-of-applicability", soa),
        f"framework: {framework}",
        f"title: Statement of Applicability {framework}",
        *prose("scope", "All business processes, systems and sites. " + sentences(rng, 2, 3)),
        "approval:",
        f"  by: {plan.people[1].id}",
        "  on: 2026-06-23",
        "  version: '4.0'",
        "entries:",
    ]
    for control in catalog_controls(framework):
        lines += entry_lines(plan, rng, control)
    return f"soa/{framework}.yaml", "\n".join(lines) + "\n"

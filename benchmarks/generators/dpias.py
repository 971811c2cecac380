"""DPIAs (GDPR Art. 35) for the large-scale activities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generators.text import common_head, flow, prose, q, sentences
from generators.vocabulary import INTRANET

if TYPE_CHECKING:
    from generators.plan import Plan


def dpia_title(plan: Plan, did: str) -> str:
    departments = sorted({plan.department[pa].key for pa in plan.dpia_pas[did]})
    return f"DPIA {' and '.join(departments) or 'general'} processing ({did})"


def render_dpia(plan: Plan, did: str) -> tuple[str, str]:
    rng = plan.rng(did)
    activities = plan.dpia_pas[did]
    ais = sorted({ai for pa in activities for ai in plan.pa_ais.get(pa, [])})
    lines = [
        *common_head(plan, rng, "dpia", did),
        f"title: {q(dpia_title(plan, did))}",
        "status: approved",
        f"processing_activities: {flow(activities)}",
    ]
    if ais:
        lines.append(f"ai_systems: {flow(ais)}")
    risks, measures = plan.some(rng, "risk", 2, 4), plan.some(rng, "control", 2, 4)
    lines += [
        *prose("description", sentences(rng, 3, 5)),
        *prose("necessity_and_proportionality", sentences(rng, 2, 3)),
    ]
    lines += [f"risks: {flow(risks)}"] if risks else []
    lines += [f"measures: {flow(measures)}"] if measures else []
    lines += [
        *prose("measures_description", sentences(rng, 2, 3)),
        "residual_risk: low",
        "dpo_advice:",
        "  given_on: 2025-11-03",
        "  summary: Proceed once the retention schedule is enforced.",
        "  followed: true",
        "data_subject_views:",
        "  sought: true",
        "  summary: Patient council consulted; no objections.",
        "prior_consultation:",
        "  required: false",
        f"assessors: {flow([plan.people[0].id, plan.person(rng)])}",
        f"approved_by: {plan.people[1].id}",
        "approved_on: 2025-12-01",
        f"document: {INTRANET}/dpia/{did}.pdf",
    ]
    return f"dpia/{did}.yaml", "\n".join(lines) + "\n"

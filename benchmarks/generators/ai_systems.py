"""AI systems (EU AI Act): classification, oversight, vendor and linked activities."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from generators.text import common_head, day, flow, prose, q, sentences

if TYPE_CHECKING:
    import random

    from generators.plan import Plan


def classification_lines(rng: random.Random, high_risk: bool) -> list[str]:
    if high_risk:
        return [
            "classification:",
            "  risk_class: high-risk",
            "  reasoning: Used to rank job applicants (Annex III, area 4(a)).",
            "  annex_iii:",
            "    area: 4",
            "    point: a",
        ]
    if rng.random() < 0.5:
        return [
            "classification:",
            "  risk_class: transparency",
            "  reasoning: A chatbot that talks with customers (Art. 50(1)).",
            "  transparency:",
            "    interacts_with_people: true",
            "    disclosure: The chat window states that the assistant is an AI system.",
        ]
    return [
        "classification:",
        "  risk_class: minimal",
        "  reasoning: Internal productivity aid without effect on individuals.",
    ]


def render_ai(plan: Plan, aid: str) -> tuple[str, str]:
    rng = plan.rng(aid)
    activities = plan.ai_pas[aid]
    dpias = sorted({plan.pa_dpia[pa] for pa in activities if pa in plan.pa_dpia})
    high_risk = bool(dpias) and rng.random() < 0.5
    vendor = rng.choice(plan.processors) if plan.processors else None
    lines = [
        *common_head(plan, rng, "ai-system", aid),
        f"name: {q(rng.choice(AI_NAMES) + ' ' + aid.rsplit('-', 1)[1])}",
        *prose("purpose", "Supports staff by " + rng.choice(AI_PURPOSES) + "."),
        *prose("description", sentences(rng, 1, 3)),
        "roles: [deployer]",
        *classification_lines(rng, high_risk),
        "human_oversight:",
        "  description: A trained employee reviews each output.",
        f"  overseers: {flow([plan.person(rng)])}",
        "  trained: true",
        "logging:",
        "  enabled: true",
        "  retention: P6M",
        "data_sources: [customer tickets, internal knowledge base]",
        "model_source: vendor",
    ]
    if vendor:
        lines += [
            f"vendor: {vendor}",
            "vendor_training:",
            "  our_data: prohibited",
            "  customer_data: prohibited",
            "  clause: DPA clause 4.7",
        ]
    lines += [f"processing_activities: {flow(activities)}"]
    if high_risk:
        # A deployer of an Annex III system used on applicants (Art. 26(1), (5), (7), (11)).
        lines += [
            "deployer_duties:",
            "  monitoring: The system owner reviews a sample of outputs each month and reports",
            "    anomalies to the provider under the contract's incident clause.",
            "  used_at_workplace: true",
            f"  workers_informed: {day(rng, date(2024, 1, 15), 60)}",
            "  decisions_about_people: true",
            "  persons_informed: The vacancy text and the privacy notice say that an AI tool",
            "    ranks applications and that a recruiter reads every application.",
        ]
    if dpias:
        lines += [
            "impact_assessments:",
            "  - type: dpia",
            "    status: completed",
            f"    dpia: {dpias[0]}",
            f"    completed: {day(rng, date(2025, 9, 1), 200)}",
        ]
    lines += [
        "lifecycle: operation",
        f"in_use_since: {day(rng, date(2024, 3, 1), 500)}",
        "affected_persons: [customers, employees]",
    ]
    return f"ai/{aid}.yaml", "\n".join(lines) + "\n"


AI_NAMES = (
    "Ticket triage assistant",
    "Transcription service",
    "CV screening model",
    "Customer chatbot",
    "Fraud signal model",
    "Document summariser",
)
AI_PURPOSES = (
    "routing incoming tickets to the right team",
    "transcribing consultations",
    "ranking incoming applications",
    "answering frequent customer questions",
    "flagging unusual invoices",
    "summarising long case files",
)

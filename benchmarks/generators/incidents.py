"""Incidents, some of them personal data breaches notified to the authority."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from generators.text import common_head, flow, prose, q, sentences

if TYPE_CHECKING:
    import random

    from generators.plan import Plan


def breach_lines(rng: random.Random, aware: date) -> list[str]:
    return [
        "breach:",
        "  our_role: controller",
        "  nature: [confidentiality]",
        "  data_subject_categories: [customers]",
        f"  approximate_data_subjects: {rng.randrange(10, 2000)}",
        f"  approximate_records: {rng.randrange(10, 5000)}",
        "  data_categories: [name and contact details, order history]",
        "  risk_to_individuals: risk",
        "  risk_reasoning: Contact details only; phishing risk for the people affected.",
        "  likely_consequences: Phishing e-mails that quote the order history to look genuine.",
        "  authority:",
        "    required: true",
        f"    notified_at: {aware.isoformat()}T16:30:00+01:00",
        "    to: Autoriteit Persoonsgegevens",
        f"    reference: M{rng.randrange(10**6, 10**7)}",
        "  data_subjects:",
        "    required: false",
        "    reason: The risk is not high; affected customers were informed as a courtesy.",
    ]


def render_incident(plan: Plan, iid: str) -> tuple[str, str]:
    rng = plan.rng(iid)
    detected = date(2025, 1, 6) + timedelta(days=rng.randrange(600))
    personal = rng.random() < 0.4
    lines = [
        *common_head(plan, rng, "incident", iid),
        f"title: {q(rng.choice(INCIDENT_TITLES))}",
        *prose("description", "Reported via the service desk. " + sentences(rng, 1, 3)),
        f"severity: {rng.choice(('low', 'medium', 'high'))}",
        "status: closed",
        f"occurred_at: {detected.isoformat()}T08:10:00+01:00",
        f"detected_at: {detected.isoformat()}T09:05:00+01:00",
    ]
    if personal:
        lines.append(f"aware_at: {detected.isoformat()}T11:00:00+01:00")
    lines += [
        f"contained_at: {detected.isoformat()}T15:45:00+01:00",
        f"closed_at: {(detected + timedelta(days=14)).isoformat()}T12:00:00+01:00",
        f"personal_data_involved: {str(personal).lower()}",
    ]
    if personal:
        lines += breach_lines(rng, detected)
    activities = plan.some(rng, "processing-activity", 1, 2)
    suppliers = plan.some(rng, "supplier", 0, 1)
    lines += [f"processing_activities: {flow(activities)}"] if activities else []
    lines += [f"suppliers: {flow(suppliers)}"] if suppliers else []
    lines += [
        *prose("root_cause", sentences(rng, 1, 1)),
        "actions:",
        "  - Revoked the exposed credentials",
        "  - Informed the team lead",
        *prose("lessons_learned", sentences(rng, 1, 2)),
    ]
    return f"incidents/{detected.year}/{iid}.yaml", "\n".join(lines) + "\n"


INCIDENT_TITLES = (
    "E-mail sent to the wrong recipient",
    "Lost laptop",
    "Phishing e-mail clicked",
    "Misconfigured storage bucket",
    "Outage of the scheduling system",
    "Unauthorised access attempt blocked",
)

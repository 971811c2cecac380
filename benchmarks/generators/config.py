"""complykit.yaml: the organisation, its people and the risk method."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generators.vocabulary import APPETITE, SOA_FRAMEWORKS

if TYPE_CHECKING:
    from generators.plan import Plan


def frameworks(plan: Plan) -> str:
    """GDPR, and each ISO framework that has a Statement of Applicability."""
    soas = len(plan.ids["statement-of-applicability"])
    return "[" + ", ".join(["gdpr", "eu-ai-act", *SOA_FRAMEWORKS[:soas]]) + "]"


def render_config(plan: Plan) -> str:
    lines = [
        "complykit: 1",
        "organisation:",
        "  name: Zorg en Data Groep B.V.",
        "  country: NL",
        '  registration: "81234567"',
        "  address: Stationsplein 1, 3511 ED Utrecht",
        "  roles: [controller, processor]",
        "  headcount: 1200",
        "  dpo:",
        f"    person: {plan.people[0].id}",
        "    registered_with_authority: true",
        "  supervisory_authority:",
        "    name: Autoriteit Persoonsgegevens",
        "    country: NL",
        "  privacy_contact: privacy@example.nl",
        "  security_contact: security@example.nl",
        f"frameworks: {frameworks(plan)}",
        "languages: [en, nl]",
        "people:",
    ]
    for person in plan.people:
        email = person.id.split("-")[0] + "@example.nl"
        lines += [
            f"  - id: {person.id}",
            f"    name: {person.name}",
            f"    role: {person.role}",
            f"    email: {email}",
        ]
    lines.append("risk_method:")
    labels = ("very low", "low", "medium", "high", "very high")
    for scale in ("likelihood", "impact"):
        lines.append(f"  {scale}:")
        for value, label in enumerate(labels, 1):
            lines += [f"    - value: {value}", f"      label: {label}"]
    lines.append(f"  appetite: {APPETITE}")
    return "\n".join(lines) + "\n"

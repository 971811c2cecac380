"""Processing activities (GDPR Art. 30 register entries), about 85 lines each."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from generators.text import annex, common_head, day, flow, prose, q, sentences
from generators.vocabulary import ADEQUATE, COMMON_DATA, EEA, FRAMEWORK, INTRANET, LOCATIONS

if TYPE_CHECKING:
    import random

    from generators.departments import Department
    from generators.plan import Plan

LEGAL_BASES = ("contract", "legal-obligation", "legitimate-interests", "consent")
STAFF_BASES = LEGAL_BASES[:3]
"""An employer does not rest its staff's data on their consent (GDPR034): activities whose data
subjects include employees don't."""


def purpose_lines(rng: random.Random, activity: str, *, staff: bool = False) -> list[str]:
    lines = ["purposes:"]
    for basis in rng.sample(STAFF_BASES if staff else LEGAL_BASES, rng.randint(1, 3)):
        text = f"{activity}: {rng.choice(PURPOSE_TEXT[basis])}."
        lines += prose("description", text, 2, item=True)
        lines.append(f"    legal_basis: {basis}")
        lines += purpose_detail(rng, basis)
    return lines


PURPOSE_TEXT = {
    "contract": (
        "carrying out the agreement with the data subject",
        "delivering the services that were ordered",
        "invoicing and payment",
    ),
    "legal-obligation": (
        "keeping the records the law requires",
        "reporting to the competent authority",
    ),
    "legitimate-interests": (
        "securing our systems and premises",
        "evaluating and improving the quality of the service",
    ),
    "consent": (
        "sending news and offers to subscribers",
        "contacting the data subject for a satisfaction survey",
    ),
}


def purpose_detail(rng: random.Random, basis: str) -> list[str]:
    if basis == "consent":
        return [
            "    consent:",
            "      how_obtained: Unticked checkbox in the sign-up form",
            "      how_recorded: Consent log with timestamp and form version",
            "      how_withdrawn: Unsubscribe link and the privacy preference centre",
        ]
    if basis == "legitimate-interests":
        return [
            "    legitimate_interest:",
            "      interest: Efficient operation and securing of our services",
            f"      document: {INTRANET}/lia/{rng.randrange(100, 999)}.pdf",
            f"      assessed: {day(rng, date(2025, 1, 6), 600)}",
        ]
    if basis == "legal-obligation":
        return [f"    legal_provision: {q(rng.choice(LEGAL_PROVISIONS))}"]
    return []


LEGAL_PROVISIONS = (
    "Art. 52 Algemene wet inzake rijksbelastingen",
    "Art. 7:454 Burgerlijk Wetboek (WGBO)",
    "Wet op de loonbelasting 1964",
    "Wet ter voorkoming van witwassen en financieren van terrorisme",
)


# The law that prescribes the BSN where a department keeps it (UAVG art. 46), as a careful
# register names it: an unmarked BSN is a GDPR041 finding, not one of the planted defects.
BSN_PROVISIONS = {"care": "Wabvpz art. 10", "hr": "Wet op de loonbelasting 1964, art. 28"}


def data_lines(rng: random.Random, dept: Department, special: bool) -> list[str]:
    names = rng.sample(COMMON_DATA, 2) + rng.sample(dept.data, min(3, len(dept.data)))
    lines = ["personal_data:"]
    for name in names:
        lines.append(f"  - name: {q(name)}")
        if "(BSN)" in name:
            provision = BSN_PROVISIONS.get(dept.key, "Wet op de loonbelasting 1964")
            lines += ["    national_id: bsn", f"    national_id_provision: {q(provision)}"]
    if special:
        condition, provision = dept.art9
        lines += [
            "  - name: health data",
            "    special_category: health",
            f"    art9_condition: {condition}",
            f"    art9_provision: {q(provision)}",
            "    retention: P15Y" if dept.key == "care" else "    retention: P2Y",
        ]
    return lines


def recipient_lines(plan: Plan, processors: list[str], rng: random.Random) -> list[str]:
    lines = ["recipients:", "  - name: Authorised staff of the department", "    type: internal"]
    for sid in processors:
        fact = plan.suppliers[sid]
        lines += [
            f"  - name: {q(fact.name)}",
            "    type: processor",
            f"    supplier: {sid}",
            f"    country: {fact.country}",
        ]
    if rng.random() < 0.4:
        lines += [
            "  - name: Tax and Customs Administration",
            "    type: public-authority",
            "    country: NL",
        ]
    return lines


def transfer_lines(plan: Plan, processors: list[str]) -> list[str]:
    lines: list[str] = []
    for sid in processors:
        fact = plan.suppliers[sid]
        if fact.country in EEA:
            continue
        lines += [
            f"  - country: {fact.country}",
            f"    recipient: {q(fact.name)}",
            f"    supplier: {sid}",
        ]
        if fact.country in ADEQUATE:
            # Partial decisions (the US one covers certified organisations) need the flag.
            lines += ["    mechanism: adequacy-decision", "    within_adequacy_scope: true"]
        else:
            lines += [
                "    mechanism: standard-contractual-clauses",
                f"    transfer_impact_assessment: {INTRANET}/tia/{sid}.pdf",
                "    safeguards: Encryption with keys held in the EU; access logging",
            ]
    return ["transfers:", *lines] if lines else []


def location_lines(plan: Plan, processors: list[str], activity: str) -> list[str]:
    lines = ["data_locations:"]
    for sid in processors:
        fact = plan.suppliers[sid]
        lines += [
            f"  - system: {q(fact.name + ' ' + fact.service)}",
            "    type: primary",
            f"    country: {fact.country}",
            f"    supplier: {sid}",
        ]
    lines += [
        f"  - system: {q(activity + ' backups')}",
        "    type: backup",
        "    country: NL",
        f"  - system: {q(activity + ' audit logs')}",
        "    type: logs",
        "    country: NL",
    ]
    return lines


VULNERABLE = {"care": "patients", "hr": "employees"}


def subject_count(plan: Plan, rng: random.Random, pa: str) -> int:
    """Large scale (a DPIA criterion) only for activities that have a DPIA."""
    return rng.randrange(20_000, 500_000) if pa in plan.pa_dpia else rng.randrange(50, 5000)


def screening_lines(plan: Plan, rng: random.Random, pa: str, facts: tuple[bool, int]) -> list[str]:
    """Screening facts that agree with the outcome: two or more criteria only with a DPIA."""
    special, subjects = facts
    screened = f"  screened_on: {day(rng, date(2025, 6, 2), 300)}"
    if pa in plan.pa_dpia:
        vulnerable = VULNERABLE.get(plan.department[pa].key)
        return [
            "dpia_screening:",
            "  evaluation_or_scoring: true",
            "  highly_personal_data: true",
            "  scale:",
            f"    data_subjects: {subjects}",
            "    geographic_extent: national",
            "    large_scale: true",
            f"  vulnerable_data_subjects: {flow([vulnerable] if vulnerable else [])}",
            f"  innovative_technology: {str(pa in plan.pa_ais).lower()}",
            "  conclusion: dpia-required",
            "  rationale: Large-scale processing of highly personal data; DPIA performed.",
            screened,
        ]
    ai_flag = pa in plan.pa_ais and not special
    return [
        "dpia_screening:",
        f"  innovative_technology: {str(ai_flag).lower()}",
        "  scale:",
        f"    data_subjects: {subjects}",
        "    geographic_extent: regional",
        "    large_scale: false",
        "  conclusion: dpia-not-required",
        "  rationale: At most one WP248 criterion applies and the scale is limited.",
        screened,
    ]


def render_activity(plan: Plan, pa: str) -> tuple[str, str]:
    rng = plan.rng(pa)
    dept = plan.department[pa]
    base = rng.choice(dept.activities)
    name = f"{base} - {rng.choice(LOCATIONS)}"
    special = rng.random() < dept.health_share and (pa in plan.pa_dpia or pa not in plan.pa_ais)
    processors = plan.processors_for(rng, pa)
    subjects = subject_count(plan, rng, pa)
    people = rng.sample(dept.subjects, 2)
    # Staff are in HR's activities and among others' data subjects: no consent there (GDPR034).
    staff = dept.key == "hr" or "employees" in people
    lines = [
        *common_head(plan, rng, "processing-activity", pa),
        f"name: {q(name)}",
        f"tags: [{dept.key}, art30]",
        *prose(
            "description",
            f"{base} for the {dept.key} department in "
            f"{name.rsplit(' - ', 1)[1]}. " + sentences(rng, 3, 7),
        ),
        "role: controller",
        *purpose_lines(rng, base, staff=staff),
        f"data_subjects: {flow(people)}",
        f"data_subject_count: {subjects}",
        *data_lines(rng, dept, special),
        "sources:",
        "  - type: data-subject",
        "    description: Provided by the data subject via forms and e-mail",
        *recipient_lines(plan, processors, rng),
        f"processors: {flow(processors)}",
        *transfer_lines(plan, processors),
        "retention:",
        f"  period: {rng.choice(('P2Y', 'P7Y', 'P1Y', 'P6M'))}",
        "  trigger: End of the relationship with the data subject",
        *location_lines(plan, processors, base),
    ]
    lines += activity_security(plan, rng, pa, (special, subjects))
    return f"register/{dept.key}/{pa}.yaml", "\n".join(lines) + "\n"


def activity_security(
    plan: Plan, rng: random.Random, pa: str, facts: tuple[bool, int]
) -> list[str]:
    measures = plan.some(rng, "control", 2, 5)
    lines = [f"security_measures: {flow(measures)}"] if measures else []
    lines += [
        "controls:",
        f"  {FRAMEWORK}: {annex(rng, 3)}",
        *prose("security_description", sentences(rng, 2, 3)),
        "automated_decisions:",
        "  used: false",
        *screening_lines(plan, rng, pa, facts),
    ]
    if pa in plan.pa_dpia:
        lines.append(f"dpia: {plan.pa_dpia[pa]}")
    if pa in plan.pa_ais:
        lines.append(f"ai_systems: {flow(plan.pa_ais[pa])}")
    return lines

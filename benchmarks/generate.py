"""Write a valid synthetic complykit workspace of N records, for benchmarks.

    python benchmarks/generate.py --entities 10000 --out /tmp/ws [--seed 7] [--force]

The records mix every kind except statements of applicability in roughly the proportions of a
real register (mostly processing activities, risks, controls, suppliers and tasks; a few AI
systems, DPIAs and incidents), with entries about as long as real ones, and every reference
resolves to a generated record of the right kind or to a person in complykit.yaml. Most files
hold one record; tasks are grouped eight to a multi-document file. The output depends only on
``--entities`` and ``--seed``. The YAML is written as text templates so keys keep their natural
order and writing 10,000 records takes about a second.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

KIND_SHARES: tuple[tuple[str, float], ...] = (
    ("processing-activity", 0.30),
    ("risk", 0.20),
    ("control", 0.15),
    ("supplier", 0.12),
    ("task", 0.12),
    ("ai-system", 0.04),
    ("dpia", 0.04),
    ("incident", 0.03),
)
ID_PREFIX = {
    "processing-activity": "pa",
    "risk": "risk",
    "control": "ctl",
    "supplier": "sup",
    "task": "task",
    "ai-system": "ai",
    "dpia": "dpia",
    "incident": "inc",
}
TASKS_PER_FILE = 8
FRAMEWORK = "iso27001-2022"
ANNEX_A = tuple(
    [f"A.5.{n}" for n in range(1, 38)]
    + [f"A.6.{n}" for n in range(1, 9)]
    + [f"A.7.{n}" for n in range(1, 15)]
    + [f"A.8.{n}" for n in range(1, 35)]
)
APPETITE = 8
AS_OF = "2026-11-23"
"""The day the generated dates are planned around: nothing is overdue or expired on it."""
INTRANET = "https://intranet.example.com/compliance"

FIRST_NAMES = (
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Eva",
    "Femke",
    "Gijs",
    "Hanna",
    "Iris",
    "Jeroen",
    "Karin",
    "Lars",
    "Mila",
    "Noah",
    "Olga",
    "Pieter",
    "Roos",
    "Sanne",
)
LAST_NAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "de Boer",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
)
ROLES = (
    "Data Protection Officer",
    "CISO",
    "Privacy Officer",
    "HR Manager",
    "Finance Director",
    "Head of Sales",
    "Marketing Lead",
    "IT Manager",
    "Medical Director",
    "Support Lead",
    "Legal Counsel",
    "Facility Manager",
    "Security Engineer",
    "Quality Manager",
    "Procurement Lead",
    "AI Governance Lead",
    "Product Owner",
    "Internal Auditor",
    "Operations Manager",
    "Chief Executive Officer",
)

EEA = ("NL", "DE", "IE", "FR", "BE", "SE", "DK", "FI")
THIRD_COUNTRIES = ("US", "GB", "CH", "IN")
# Countries whose adequacy decision is full and verified in catalogs/countries.yaml.
ADEQUATE = frozenset({"CH"})


@dataclass(frozen=True, slots=True)
class Department:
    """A business area: the activities it runs, whom they concern and what data they use."""

    key: str
    activities: tuple[str, ...]
    subjects: tuple[str, ...]
    data: tuple[str, ...]
    health_share: float = 0.0
    art9: tuple[str, str] = ("h", "UAVG art. 30 lid 3 onder a")


DEPARTMENTS = (
    Department(
        "hr",
        (
            "Payroll administration",
            "Recruitment and selection",
            "Absence and sick-leave registration",
            "Performance reviews",
            "Training administration",
            "Pension administration",
        ),
        ("employees", "job applicants", "former employees", "contractors"),
        (
            "bank account number",
            "salary and benefits",
            "citizen service number (BSN)",
            "employment contract details",
            "performance assessments",
        ),
        0.4,
        ("b", "UAVG art. 30 lid 1 onder b"),
    ),
    Department(
        "finance",
        (
            "Accounts receivable",
            "Accounts payable",
            "Expense claims",
            "Credit checks",
            "Debt collection",
        ),
        ("customers", "contact persons of suppliers", "employees"),
        ("invoice and payment history", "bank account number", "VAT number", "credit rating"),
    ),
    Department(
        "sales",
        (
            "Customer relationship management",
            "Quotations and orders",
            "Contract management",
            "Partner portal",
        ),
        ("customers", "prospects", "contact persons of customers"),
        ("order history", "contract details", "correspondence", "job title"),
    ),
    Department(
        "marketing",
        (
            "Newsletter",
            "Website analytics",
            "Event registration",
            "Customer satisfaction surveys",
            "Social media campaigns",
        ),
        ("newsletter subscribers", "website visitors", "event attendees"),
        (
            "e-mail address",
            "online identifiers (cookies)",
            "IP address",
            "survey answers",
            "marketing preferences",
        ),
    ),
    Department(
        "it",
        (
            "Identity and access management",
            "Security logging and monitoring",
            "Service desk",
            "Backup and recovery",
            "Mobile device management",
        ),
        ("employees", "contractors", "customers using the portal"),
        (
            "user account and credentials",
            "IP address",
            "device identifiers",
            "access logs",
            "ticket history",
        ),
    ),
    Department(
        "care",
        (
            "Patient scheduling",
            "Electronic health record",
            "Telehealth consultations",
            "Lab results exchange",
            "Referral handling",
        ),
        ("patients", "referring physicians", "relatives of patients"),
        (
            "citizen service number (BSN)",
            "insurance details",
            "appointment history",
            "treatment notes",
        ),
        0.9,
    ),
    Department(
        "support",
        ("Customer support tickets", "Complaint handling", "Call recording", "Chat support"),
        ("customers", "callers", "chat users"),
        ("ticket history", "call recordings", "chat transcripts", "order history"),
    ),
    Department(
        "legal",
        ("Data subject requests", "Whistleblower reports", "Litigation files", "Contract archive"),
        ("data subjects", "reporters", "counterparties"),
        ("correspondence", "case files", "identity document copy"),
    ),
    Department(
        "facilities",
        (
            "Visitor registration",
            "Access badge system",
            "Camera surveillance",
            "Parking management",
        ),
        ("visitors", "employees", "contractors"),
        ("licence plate", "camera images", "badge access logs", "visit times"),
    ),
)
LOCATIONS = (
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Antwerp",
    "Berlin",
    "Dublin",
)
COMMON_DATA = (
    "name and contact details",
    "date of birth",
    "e-mail address",
    "telephone number",
    "postal address",
    "customer number",
)
SERVICES = (
    "cloud hosting",
    "payroll processing",
    "CRM software",
    "e-mail delivery",
    "backup storage",
    "analytics platform",
    "telephony",
    "ticketing software",
    "electronic health record software",
    "identity provider",
    "document signing",
    "managed security monitoring",
    "AI speech transcription",
    "translation service",
)
VENDOR_PARTS = (
    "Nord",
    "Polder",
    "Delta",
    "Lumen",
    "Kestrel",
    "Atlas",
    "Vireo",
    "Brava",
    "Orbit",
    "Tessel",
    "Quanta",
    "Helix",
)
VENDOR_SUFFIX = (
    "Cloud B.V.",
    "Systems GmbH",
    "Software Ltd",
    "Services SAS",
    "Data AB",
    "Labs Inc.",
    "Solutions NV",
)
CONTROL_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Multi-factor authentication", "technical", ("A.5.17", "A.8.5")),
    ("Role-based access control", "technical", ("A.5.15", "A.5.18", "A.8.3")),
    ("Quarterly access reviews", "organisational", ("A.5.18",)),
    ("Encryption at rest", "technical", ("A.8.24",)),
    ("TLS for data in transit", "technical", ("A.8.20", "A.8.24")),
    ("Daily backups with restore tests", "technical", ("A.8.13",)),
    ("Security logging and alerting", "technical", ("A.8.15", "A.8.16")),
    ("Vulnerability scanning and patching", "technical", ("A.8.8",)),
    ("Secure development lifecycle", "organisational", ("A.8.25", "A.8.28", "A.8.29")),
    ("Supplier security assessment", "organisational", ("A.5.19", "A.5.20", "A.5.22")),
    ("Privacy awareness training", "organisational", ("A.6.3",)),
    ("Screening of new staff", "organisational", ("A.6.1",)),
    ("Data retention and deletion procedure", "organisational", ("A.5.33", "A.8.10")),
    ("Incident response procedure", "organisational", ("A.5.24", "A.5.25", "A.5.26")),
    ("Clear desk and clear screen", "physical", ("A.7.7",)),
    ("Physical access control to offices", "physical", ("A.7.1", "A.7.2")),
    ("Data processing agreements", "legal", ("A.5.20", "A.5.34")),
    ("Endpoint protection", "technical", ("A.8.1", "A.8.7")),
    ("Network segmentation", "technical", ("A.8.22",)),
    ("Pseudonymisation of analytics data", "technical", ("A.8.11",)),
    ("Business continuity plan", "organisational", ("A.5.29", "A.5.30")),
    ("Change management", "organisational", ("A.8.32",)),
)
RISK_THREATS = (
    "unauthorised access to",
    "loss of",
    "accidental disclosure of",
    "unlawful further use of",
    "excessive retention of",
    "ransomware encrypting",
    "a supplier breach exposing",
    "inaccurate processing of",
)
TASK_TYPES = (
    ("training", "Annual privacy and security awareness training", "ISO/IEC 27001:2022 7.3"),
    ("internal-audit", "Internal ISMS audit", "ISO/IEC 27001:2022 9.2"),
    ("management-review", "Management review of the ISMS", "ISO/IEC 27001:2022 9.3"),
    ("access-review", "Access review of critical systems", "ISO/IEC 27001:2022 A.5.18"),
    ("risk-review", "Review of the risk register", "ISO/IEC 27001:2022 6.1.2"),
    ("supplier-review", "Supplier performance and DPA review", "GDPR Art. 28"),
    ("policy-review", "Review of the information security policy", "ISO/IEC 27001:2022 5.2"),
    ("dpia-review", "Re-assessment of DPIA outcomes", "GDPR Art. 35(11)"),
    ("continuity-test", "Continuity and restore test", "ISO/IEC 27001:2022 A.5.30"),
    ("record-review", "Review of the register of processing activities", "GDPR Art. 30"),
)
CADENCE_DAYS = {"P1Y": 365, "P6M": 182, "P3M": 91}
CADENCES = tuple(CADENCE_DAYS)
SENTENCES = (
    "The data is only accessible to staff who need it for their work.",
    "Access is granted through the identity provider and reviewed every quarter.",
    "Records are deleted automatically when the retention period ends.",
    "Exports are logged and limited to named roles.",
    "The process was reviewed with the privacy officer during the last annual review.",
    "Data subjects are informed through the privacy statement on the website.",
    "Changes to the process are recorded in the change log of the department.",
    "Paper copies are not made; documents are kept in the document management system.",
    "The supplier hosts the application in a certified data centre.",
    "Test environments use synthetic or pseudonymised data only.",
)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class SupplierFact:
    id: str
    name: str
    role: str
    country: str
    service: str


@dataclass(slots=True)
class Plan:
    """Every id and every cross-reference, decided before any record is written."""

    seed: int
    ids: dict[str, list[str]]
    people: list[Person]
    suppliers: dict[str, SupplierFact] = field(default_factory=dict)
    processors: list[str] = field(default_factory=list)
    department: dict[str, Department] = field(default_factory=dict)
    pa_dpia: dict[str, str] = field(default_factory=dict)
    dpia_pas: dict[str, list[str]] = field(default_factory=dict)
    pa_ais: dict[str, list[str]] = field(default_factory=dict)
    ai_pas: dict[str, list[str]] = field(default_factory=dict)

    def rng(self, record_id: str) -> random.Random:
        """A generator of its own per record, so one record's choices never shift another's."""
        return random.Random(f"{self.seed}/{record_id}")  # noqa: S311 - not for security

    def some(self, rng: random.Random, kind: str, low: int, high: int) -> list[str]:
        """Between low and high distinct ids of ``kind`` (fewer when there are fewer)."""
        pool = self.ids[kind]
        return sorted(rng.sample(pool, min(len(pool), rng.randint(low, high))))

    def person(self, rng: random.Random) -> str:
        return rng.choice(self.people).id


# --- YAML text helpers ---------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .,;/()'_+-]*$")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
_RESERVED = frozenset({"true", "false", "null", "Null", "NULL", "yes", "no", "on", "off"})


def q(text: str, *, in_flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain where that is safe, else double-quoted."""
    safe = _PLAIN.match(text) and text not in _RESERVED and not text.endswith(" ")
    if safe and not (in_flow and _FLOW_UNSAFE.search(text)):
        return text
    return json.dumps(text)


def annex(rng: random.Random, count: int) -> str:
    """``count`` ISO/IEC 27001:2022 Annex A control ids in catalog order."""
    return flow(sorted(rng.sample(ANNEX_A, count), key=ANNEX_A.index))


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(q(i, in_flow=True) for i in items) + "]"


def prose(key: str, text: str, indent: int = 0, *, item: bool = False) -> list[str]:
    """A text field: one line when short, else a folded block wrapped at 96 columns.

    With ``item`` the field opens a sequence entry (``- key: ...``) at ``indent``.
    """
    head = " " * indent + ("- " if item else "") + key
    if len(head) + len(text) < 94:
        return [f"{head}: {q(text)}"]
    body = " " * (indent + (4 if item else 2))
    return [f"{head}: >-", *(body + line for line in textwrap.wrap(text, 96 - len(body)))]


def day(rng: random.Random, start: date, span_days: int) -> str:
    return (start + timedelta(days=rng.randrange(span_days))).isoformat()


def sentences(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(low, high)))


def common_head(plan: Plan, rng: random.Random, kind: str, record_id: str) -> list[str]:
    return [
        f"kind: {kind}",
        f"id: {record_id}",
        f"owner: {plan.person(rng)}",
        f"next_review: {day(rng, date(2027, 1, 4), 360)}",
    ]


# --- planning --------------------------------------------------------------------------------


def allocate(total: int) -> dict[str, int]:
    """Records per kind for ``total`` records (largest remainder, so the counts add up)."""
    exact = {kind: total * share for kind, share in KIND_SHARES}
    counts = {kind: int(value) for kind, value in exact.items()}
    by_remainder = sorted(exact, key=lambda k: (counts[k] - exact[k], k))
    for kind in by_remainder[: total - sum(counts.values())]:
        counts[kind] += 1
    return counts


def make_people() -> list[Person]:
    people = []
    for n, role in enumerate(ROLES):
        first, last = FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[n % len(LAST_NAMES)]
        slug = f"{first[0]}.{last.split()[-1]}".lower()
        people.append(Person(f"{slug}-{n + 1:02d}", f"{first} {last}", role))
    return people


def plan_suppliers(plan: Plan, rng: random.Random) -> None:
    for n, sid in enumerate(plan.ids["supplier"]):
        roll = rng.random()
        role = "processor" if roll < 0.7 else "controller" if roll < 0.85 else "none"
        third = rng.random() < 0.2
        country = rng.choice(THIRD_COUNTRIES if third else EEA)
        stem = f"{VENDOR_PARTS[n % len(VENDOR_PARTS)]}{n // len(VENDOR_PARTS) + 1}"
        name = f"{stem} {rng.choice(VENDOR_SUFFIX)}"
        plan.suppliers[sid] = SupplierFact(sid, name, role, country, rng.choice(SERVICES))
        if role == "processor":
            plan.processors.append(sid)


def plan_links(plan: Plan, rng: random.Random) -> None:
    """Pair DPIAs and AI systems with processing activities, recording both directions."""
    activities = plan.ids["processing-activity"]
    shuffled = rng.sample(activities, len(activities))
    for n, dpia in enumerate(plan.ids["dpia"]):
        covered = shuffled[2 * n : 2 * n + 2]
        plan.dpia_pas[dpia] = covered
        plan.pa_dpia.update(dict.fromkeys(covered, dpia))
    for ai in plan.ids["ai-system"]:
        used_by = sorted(rng.sample(activities, min(len(activities), rng.randint(1, 2))))
        plan.ai_pas[ai] = used_by
        for pa in used_by:
            plan.pa_ais.setdefault(pa, []).append(ai)


def make_plan(entities: int, seed: int) -> Plan:
    counts = allocate(entities)
    ids = {
        kind: [f"{ID_PREFIX[kind]}-{n:05d}" for n in range(1, counts[kind] + 1)]
        for kind, _ in KIND_SHARES
    }
    rng = random.Random(seed)  # noqa: S311 - not for security
    departments = [rng.choice(DEPARTMENTS) for _ in ids["processing-activity"]]
    ids["processing-activity"] = [f"pa-{d.key}-{n:05d}" for n, d in enumerate(departments, 1)]
    plan = Plan(
        seed,
        ids,
        make_people(),
        department=dict(zip(ids["processing-activity"], departments, strict=True)),
    )
    plan_suppliers(plan, rng)
    plan_links(plan, rng)
    return plan


# --- complykit.yaml --------------------------------------------------------------------------


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
        "frameworks: [gdpr]",
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


# --- processing activities -------------------------------------------------------------------

LEGAL_BASES = ("contract", "legal-obligation", "legitimate-interests", "consent")


def purpose_lines(rng: random.Random, activity: str) -> list[str]:
    lines = ["purposes:"]
    for basis in rng.sample(LEGAL_BASES, rng.randint(1, 3)):
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


def data_lines(rng: random.Random, dept: Department, special: bool) -> list[str]:
    names = rng.sample(COMMON_DATA, 2) + rng.sample(dept.data, min(3, len(dept.data)))
    lines = ["personal_data:", *(f"  - name: {q(n)}" for n in names)]
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
    processors = sorted(rng.sample(plan.processors, min(len(plan.processors), rng.randint(1, 3))))
    subjects = subject_count(plan, rng, pa)
    lines = [
        *common_head(plan, rng, "processing-activity", pa),
        f"name: {q(name)}",
        f"tags: [{dept.key}, art30]",
        *prose(
            "description",
            f"{base} for the {dept.key} department in "
            f"{name.rsplit(' - ', 1)[1]}. " + sentences(rng, 2, 4),
        ),
        "role: controller",
        *purpose_lines(rng, base),
        f"data_subjects: {flow(rng.sample(dept.subjects, 2))}",
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


# --- risks, controls, suppliers, tasks -------------------------------------------------------


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
    lines = [
        *common_head(plan, rng, "risk", rid),
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
    if res_l * res_i > APPETITE:
        lines += [
            "acceptance:",
            f"  by: {plan.people[1].id}",
            "  on: 2026-02-10",
            "  until: 2027-12-31",
            "  rationale: Accepted by management until the platform migration completes",
        ]
    lines += [f"identified: {day(rng, date(2024, 1, 8), 700)}", "source: Annual risk workshop"]
    return f"risks/{category}/{rid}.yaml", "\n".join(lines) + "\n"


def render_control(plan: Plan, cid: str) -> tuple[str, str]:
    rng = plan.rng(cid)
    title, kind, annex = CONTROL_TOPICS[int(cid.rsplit("-", 1)[1]) % len(CONTROL_TOPICS)]
    status = rng.choice(
        ("implemented", "implemented", "implemented", "partially-implemented", "planned")
    )
    lines = [
        *common_head(plan, rng, "control", cid),
        f"title: {q(title + ' - ' + rng.choice(LOCATIONS))}",
        *prose("description", sentences(rng, 1, 3)),
        f"type: {kind}",
        f"status: {status}",
        "implements:",
        f"  {FRAMEWORK}: {flow(annex)}",
        "evidence:",
        f"  - {INTRANET}/evidence/{cid}/procedure.pdf",
        f"  - {INTRANET}/evidence/{cid}/last-check.pdf",
    ]
    return f"controls/{kind}/{cid}.yaml", "\n".join(lines) + "\n"


def render_supplier(plan: Plan, sid: str) -> tuple[str, str]:
    rng = plan.rng(sid)
    fact = plan.suppliers[sid]
    lines = [
        *common_head(plan, rng, "supplier", sid),
        f"name: {q(fact.name)}",
        f"services: {flow([fact.service, 'support and maintenance'])}",
        f"role: {fact.role}",
        f"country: {fact.country}",
        f"criticality: {rng.choice(('low', 'medium', 'high', 'critical'))}",
    ]
    if fact.role == "processor":
        lines += [
            "dpa:",
            f"  signed_on: {day(rng, date(2022, 1, 3), 1200)}",
            f"  document: {INTRANET}/dpa/{sid}.pdf",
            "  version: '2.1'",
            "locations:",
            f"  - country: {fact.country}",
            "    purpose: hosting",
            "  - country: NL",
            "    purpose: support",
            "sub_processors:",
            "  - name: Hyperscale Cloud Europe",
            "    service: hosting",
            "    country: IE",
            "  - name: Mailrelay GmbH",
            "    service: e-mail delivery",
            "    country: DE",
            "breach_notification:",
            "  within: PT48H",
            "  clause: DPA clause 9.2",
            "ai_training:",
            "  customer_data: prohibited",
            "  clause: DPA clause 4.7",
        ]
    lines += [
        "certifications:",
        "  - name: ISO/IEC 27001:2022",
        f"    expires: {day(rng, date(2027, 6, 1), 700)}",
        f"    certificate: {INTRANET}/certificates/{sid}.pdf",
        f"contract_end: {day(rng, date(2027, 1, 4), 1000)}",
        *prose("description", f"Provides {fact.service}. " + sentences(rng, 1, 2)),
    ]
    return f"suppliers/{sid}.yaml", "\n".join(lines) + "\n"


def history_lines(rng: random.Random, tid: str, cadence_days: int) -> list[str]:
    """One to three past occurrences a cadence apart, the latest recent enough not to be due
    before 2026-12 (so the workspace is not overdue on the day the figures were taken)."""
    latest = date(2026, 9, 7) + timedelta(days=rng.randrange(75))
    done = [latest - timedelta(days=cadence_days * k) for k in reversed(range(rng.randint(1, 3)))]
    lines = ["history:"]
    for when in done:
        lines += [
            f"  - done_on: {when.isoformat()}",
            "    evidence:",
            f"      - {INTRANET}/tasks/{tid}/{when.isoformat()}.pdf",
        ]
    return lines


def render_task(plan: Plan, tid: str) -> tuple[str, str]:
    rng = plan.rng(tid)
    kind, title, clause = rng.choice(TASK_TYPES)
    cadence = rng.choice(CADENCES)
    lines = [
        *common_head(plan, rng, "task", tid),
        f"title: {q(title)}",
        f"type: {kind}",
        f"cadence: {cadence}",
        *prose("description", sentences(rng, 1, 2)),
    ]
    if rng.random() < 0.8:
        lines += history_lines(rng, tid, CADENCE_DAYS[cadence])
    else:
        lines.append(f"first_due: {day(rng, date(2027, 2, 1), 200)}")
    related = plan.some(rng, "control", 0, 2) + plan.some(rng, "processing-activity", 0, 1)
    lines += [f"relates_to: {flow(sorted(related))}", f"clause: {q(clause)}"]
    number = int(tid.rsplit("-", 1)[1]) - 1
    return f"tasks/plan-{number // TASKS_PER_FILE + 1:03d}.yaml", "\n".join(lines) + "\n"


# --- AI systems, DPIAs, incidents -------------------------------------------------------------


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

RENDERERS: dict[str, Callable[[Plan, str], tuple[str, str]]] = {
    "processing-activity": render_activity,
    "risk": render_risk,
    "control": render_control,
    "supplier": render_supplier,
    "task": render_task,
    "ai-system": render_ai,
    "dpia": render_dpia,
    "incident": render_incident,
}


# --- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    """What was written: ids by kind and the number of files (complykit.yaml included)."""

    ids: dict[str, list[str]]
    files: int
    people: list[str]


def render_files(plan: Plan) -> dict[str, list[str]]:
    """Relative path -> the documents it holds, in generation order."""
    files: dict[str, list[str]] = {}
    for kind, _ in KIND_SHARES:
        for record_id in plan.ids[kind]:
            path, text = RENDERERS[kind](plan, record_id)
            files.setdefault(path, []).append(text)
    return files


def check_target(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SystemExit(f"generate: {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise SystemExit(
            f"generate: {out} is not empty; refusing to write into it "
            "(pass --force to write anyway)"
        )


def generate(out: Path, entities: int, seed: int = 0, force: bool = False) -> Summary:
    """Write a workspace of ``entities`` records into ``out`` and say what was written."""
    if entities < 1:
        raise SystemExit("generate: --entities must be at least 1")
    check_target(out, force)
    plan = make_plan(entities, seed)
    files = render_files(plan)
    out.mkdir(parents=True, exist_ok=True)
    (out / "complykit.yaml").write_text(render_config(plan), encoding="utf-8")
    for relative, documents in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\n".join(documents), encoding="utf-8")
    return Summary(plan.ids, len(files) + 1, [p.id for p in plan.people])


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entities", type=int, required=True, help="number of records")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (new or empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    summary = generate(args.out, args.entities, args.seed, args.force)
    counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in summary.ids.items())
    print(
        f"Wrote {sum(map(len, summary.ids.values()))} records in {summary.files} files "
        f"to {args.out}: {counts}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

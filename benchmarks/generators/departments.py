"""Business areas: the activities they run, whom they concern, what data they use."""

from __future__ import annotations

from dataclasses import dataclass


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

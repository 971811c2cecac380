"""Words, names and shares the generated records are made of."""

from __future__ import annotations

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
    "statement-of-applicability": "soa",
}
SOA_FRAMEWORKS = ("iso27001-2022", "iso27701-2019")
"""One Statement of Applicability each, for workspaces of at least ``RECORDS_PER_SOA`` records."""
RECORDS_PER_SOA = 20
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
    ("ai-literacy", "AI literacy training for staff who use or oversee AI", "EU AI Act Art. 4"),
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
    (
        "Where the department asks for a new report, the privacy officer first checks whether the"
        " data it needs is already covered by the purposes above, and records the outcome."
    ),
    (
        "The team lead confirms once a year that every person with access still needs it; access of"
        " people who changed roles is withdrawn within five working days."
    ),
    (
        "Incidents involving this process are reported to the service desk and handled"
        " under the incident response procedure, including the assessment"
        " of whether a breach must be notified."
    ),
    (
        "The retention schedule was agreed with the records manager and is enforced by a nightly"
        " job that deletes or anonymises records whose period has ended."
    ),
    (
        "Data subjects can exercise their rights through the privacy contact; requests are logged"
        " and answered within one month, or within three months for complex requests with notice."
    ),
    (
        "Before a supplier is engaged, its security and privacy measures are assessed and a data"
        " processing agreement is signed; the assessment is repeated every two years."
    ),
    (
        "Only the minimum data needed for the purpose is collected; optional fields in the forms"
        " are marked as such and left empty by default."
    ),
    (
        "Changes that could affect the risk to data subjects are discussed in the change advisory"
        " board, which decides whether the DPIA screening must be repeated."
    ),
)

"""A register kept as a multi-sheet workbook, shaped like the ones Dutch and Belgian organisations
publish, imports with every row accounted for and every value in a field or the notes; validate
and the Art. 30 report then show what was imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from complykit.exchange.outcome import ImportReport, Status
from complykit.exchange.register_import import import_register
from complykit.reports.render import render_report
from complykit.validate.engine import run
from complykit.workspace.open import open_repository
from unit.exchange.imported import written_record
from workbooks import Sheets, ods, xlsx

# A municipality-style register: an instructions sheet first (as the AP and VNG templates have),
# a main sheet with a title row, and sheets of purposes and processors that name the activity.
DUTCH: Sheets = {
    "Toelichting": [
        ["Toelichting bij het verwerkingsregister"],
        ["Vul per verwerking een regel in. Zie ook het tabblad Doeleinden."],
    ],
    "Verwerkingsregister": [
        ["Register van verwerkingsactiviteiten Stichting Voorbeeld (art. 30 AVG)"],
        [None],
        ["Nr.", "Naam verwerking", "Doel van de verwerking", "Grondslag",
         "Categorieën betrokkenen", "Categorieën persoonsgegevens", "Bijzondere persoonsgegevens",
         "Ontvangers", "Doorgifte buiten de EER", "Bewaartermijn", "Beveiligingsmaatregelen",
         "Rol", "Proceseigenaar"],
        ["V-001", "Personeelsadministratie", "Salarisbetaling\nLoonaangifte",
         "Uitvoering overeenkomst (6.1.b)\nWettelijke verplichting (6.1.c)",
         "Medewerkers; oud-medewerkers", "NAW-gegevens, BSN, IBAN",
         "Gezondheidsgegevens (verzuim)", "Belastingdienst", "Nee",
         "7 jaar na uitdiensttreding", "Toegang alleen voor HR, MFA",
         "Verwerkingsverantwoordelijke", "Hoofd HR"],
        ["V-002", "Cliëntdossier", "Verlenen van zorg",
         "Overeenkomst (art. 6 lid 1 sub b AVG); art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG",
         "Cliënten", "NAW-gegevens\nMedische gegevens (diagnose)", None, "Zorgverzekeraars",
         "n.v.t.", "20 jaar na einde behandeling", "Versleuteling, logging", "verantwoordelijke",
         "Zorgmanager"],
        ["V-003", "Nieuwsbrief", "Versturen van de nieuwsbrief", None, "Abonnees",
         "E-mailadres", "Nee", None,
         "Verenigde Staten (Mailchimp), EU-US Data Privacy Framework", "Tot afmelding", None,
         "Verwerkingsverantwoordelijke", "Communicatie"],
        ["V-004", None, "Beveiliging van het pand", "gerechtvaardigd belang", "Bezoekers",
         "Camerabeelden", None, None, None, "4 weken", "Beelden in afgesloten ruimte", None,
         "Facilitair"],
        ["V-005", "Werving en selectie", None, None, "Sollicitanten", "Cv, motivatiebrief", None,
         None, None, "4 weken na afronding procedure", None, "verwerkingsverantwoordelijke",
         "HR"],
        [None] * 13,
        [None, None, None, None, None, None, None, None, None, None, None, None, "Facilitair"],
    ],
    "Doeleinden": [
        ["Verwerking", "Doel", "Grondslag"],
        ["V-005", "Beoordelen van sollicitaties", "6.1.b"],
        ["werving en selectie", "Portfolio bewaren voor toekomstige vacatures", "toestemming"],
        ["Ledenadministratie", "Contributie innen", "overeenkomst"],
    ],
    "Verwerkers": [
        ["Verwerking", "Naam verwerker", "Land", "Doorgiftemechanisme"],
        ["Nieuwsbrief", "Mailchimp (Intuit Inc.)", "VS", "EU-US Data Privacy Framework"],
        ["Personeelsadministratie", "Loket.nl", "Nederland", None],
    ],
    "Lijsten": [["Grondslagen"], ["toestemming"], ["overeenkomst"]],
}  # fmt: skip

# A Belgian-style register in English, saved from LibreOffice as ODS: one sheet per list.
ENGLISH: Sheets = {
    "Register": [
        ["Processing activity", "Purposes", "Lawful basis", "Personal data", "Third country",
         "Transfer mechanism", "Retention period", "Security measures", "Role"],
        ["Customer support", "Answering questions\nHandling complaints", "Art. 6(1)(b)",
         "Name, e-mail address, ticket history", "India", "Standard contractual clauses",
         "2 years after the ticket is closed", "Role-based access; encryption at rest",
         "controller"],
        ["Payroll for clients", "Running payroll for our clients", "6.1.c", "Salary data",
         None, None, "7 years", "ISO 27001 certified hosting", "processor"],
    ],
    "Data subjects": [
        ["Activity", "Data subject category"],
        ["Customer support", "Customers"],
        ["Customer support", "Prospects"],
        ["Payroll for clients", "Employees of clients"],
    ],
    "Recipients": [
        ["Activity", "Recipient"],
        ["Customer support", "Zendesk (support platform)"],
    ],
    "Notes": [["Last reviewed by the DPO in March"]],
}  # fmt: skip


def _accounting(report: ImportReport) -> list[tuple[str, int, Status]]:
    return [(o.sheet, o.row, o.status) for o in report.outcomes]


def test_every_row_of_a_dutch_workbook_is_accounted_for(workspace: Path, tmp_path: Path) -> None:
    """Each data row becomes a record, joins one, or is reported; unused sheets are named."""
    report = import_register(workspace, xlsx(tmp_path / "avg.xlsx", DUTCH))
    main = "Verwerkingsregister"
    assert _accounting(report) == [
        (main, 4, Status.CREATED),
        (main, 5, Status.CREATED),
        (main, 6, Status.CREATED),
        (main, 7, Status.CREATED),
        (main, 8, Status.CREATED),
        (main, 10, Status.INVALID),
        ("Doeleinden", 2, Status.JOINED),
        ("Doeleinden", 3, Status.JOINED),
        ("Doeleinden", 4, Status.UNMATCHED),
        ("Verwerkers", 2, Status.JOINED),
        ("Verwerkers", 3, Status.JOINED),
    ]
    assert report.unused_sheets == (
        ("Toelichting", "no header row of a register sheet"),
        ("Lijsten", "no header row of a register sheet"),
    )
    assert report.outcomes[5].messages == ("no name, purpose or id for the activity",)
    assert report.outcomes[8].messages == (
        "names activity 'Ledenadministratie', which sheet 'Verwerkingsregister' does not list",
    )
    assert report.exit_code == 0


def test_dutch_values_land_in_their_fields(workspace: Path, tmp_path: Path) -> None:
    """Bases pair with purposes, Art. 9(2) conditions reach special data, transfers are parsed."""
    import_register(workspace, xlsx(tmp_path / "avg.xlsx", DUTCH))
    staff = written_record(workspace, "pa-personeelsadministratie.yaml")
    assert staff["purposes"] == [
        {"description": "Salarisbetaling", "legal_basis": "contract"},
        {"description": "Loonaangifte", "legal_basis": "legal-obligation"},
    ]
    assert staff["personal_data"] == [
        {"name": "NAW-gegevens"}, {"name": "BSN", "national_id": "bsn"}, {"name": "IBAN"},
        {"name": "Gezondheidsgegevens (verzuim)", "special_category": "health"},
    ]  # fmt: skip
    assert staff["data_subjects"] == ["Medewerkers", "oud-medewerkers"]
    assert staff["recipients"] == [
        {"name": "Belastingdienst", "type": "public-authority"},
        {"name": "Loket.nl", "type": "processor"},
    ]
    assert "transfers" not in staff
    assert staff["security_description"] == "Toegang alleen voor HR, MFA"
    assert staff["retention"] == {"period": "P7Y", "trigger": "uitdiensttreding"}
    assert staff["notes"].splitlines() == [
        "Id in the register: V-001",
        "Owner as written in the register: Hoofd HR",
    ]
    care = written_record(workspace, "pa-clientdossier.yaml")
    assert care["purposes"] == [{"description": "Verlenen van zorg", "legal_basis": "contract"}]
    assert care["personal_data"] == [
        {"name": "NAW-gegevens"},
        {"name": "Medische gegevens (diagnose)", "special_category": "health",
         "art9_condition": "h"},
    ]  # fmt: skip
    assert "jo. art. 30 lid 3 UAVG" in care["notes"]


def test_dutch_purposes_without_basis_and_joined_rows(workspace: Path, tmp_path: Path) -> None:
    """A purpose without a basis stays a purpose; joined sheets add purposes and transfers."""
    import_register(workspace, xlsx(tmp_path / "avg.xlsx", DUTCH))
    news = written_record(workspace, "pa-nieuwsbrief.yaml")
    assert news["purposes"] == [{"description": "Versturen van de nieuwsbrief"}]
    assert news["transfers"] == [
        {"country": "US", "recipient": "Mailchimp (Intuit Inc.)", "mechanism": "adequacy-decision",
         "within_adequacy_scope": True},
    ]  # fmt: skip
    assert news["retention"] == {"until": "afmelding"}  # "Tot afmelding": an event, no period
    camera = written_record(workspace, "pa-beveiliging-van-het-pand.yaml")
    assert camera["name"] == "Beveiliging van het pand"
    assert camera["purposes"] == [
        {"description": "Beveiliging van het pand", "legal_basis": "legitimate-interests"}
    ]
    hiring = written_record(workspace, "pa-werving-en-selectie.yaml")
    assert hiring["purposes"] == [
        {"description": "Beoordelen van sollicitaties", "legal_basis": "contract"},
        {"description": "Portfolio bewaren voor toekomstige vacatures", "legal_basis": "consent"},
    ]


def test_imported_workbook_validates_and_reports(workspace: Path, tmp_path: Path) -> None:
    """The imported records load without schema errors, GDPR029 flags the missing basis, and the
    Art. 30 report shows the imported values."""
    import_register(workspace, xlsx(tmp_path / "avg.xlsx", DUTCH))
    result = run(workspace, as_of=date(2026, 12, 5))
    assert result.records_checked == 5
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH", "REF"))]
    missing = [f for f in result.findings if f.code == "GDPR029"]
    assert [(str(f.path), f.line) for f in missing] == [("register/pa-nieuwsbrief.yaml", 7)]
    repo, errors = open_repository(workspace, date(2026, 12, 5))
    assert errors == 0
    page = render_report("ropa", repo, lang="nl", output_format="markdown")
    for value in (
        "Salarisbetaling",
        "Gezondheidsgegevens (verzuim)",
        "Loket.nl",
        "Mailchimp",
        "geen grondslag vermeld",
        "Beelden in afgesloten ruimte",
        "Zorgverzekeraars",
    ):
        assert value in page, value


def test_english_ods_with_list_sheets(workspace: Path, tmp_path: Path) -> None:
    """An ODS register in English joins its data-subject and recipient sheets by activity name."""
    report = import_register(workspace, ods(tmp_path / "gba.ods", ENGLISH))
    assert [o.status for o in report.outcomes].count(Status.JOINED) == 4
    assert report.unused_sheets == (("Notes", "no header row of a register sheet"),)
    assert not report.reported
    support = written_record(workspace, "pa-customer-support.yaml")
    assert support["purposes"] == [
        {"description": "Answering questions", "legal_basis": "contract"},
        {"description": "Handling complaints", "legal_basis": "contract"},
    ]
    assert support["data_subjects"] == ["Customers", "Prospects"]
    assert support["recipients"] == [{"name": "Zendesk (support platform)", "type": "other"}]
    assert support["transfers"] == [
        {"country": "IN", "recipient": "not stated in the imported register",
         "mechanism": "standard-contractual-clauses"},
    ]  # fmt: skip
    assert support["security_description"] == "Role-based access; encryption at rest"
    payroll = written_record(workspace, "pa-payroll-for-clients.yaml")
    assert payroll["role"] == "processor"
    assert payroll["data_subjects"] == ["Employees of clients"]


def test_strict_writes_nothing_when_a_row_is_reported(workspace: Path, tmp_path: Path) -> None:
    """With --strict a reported row makes the import fail and no file is written."""
    report = import_register(workspace, xlsx(tmp_path / "avg.xlsx", DUTCH), strict=True)
    assert report.exit_code == 1
    assert not report.written
    assert not (workspace / "register").exists()

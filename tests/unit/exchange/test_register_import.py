"""register_import: spreadsheet rows become valid processing activities, never overwriting one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from complykit.core.errors import ComplykitError
from complykit.exchange.outcome import Status
from complykit.exchange.register_import import import_register, slug
from complykit.validate.engine import run
from unit.exchange.imported import written_record

DUTCH: list[list[object]] = [
    ["Verwerkingsregister Casus B.V.", None, None, None, None, None, None, None, None],
    ["Naam", "Doeleinden", "Grondslag", "Betrokkenen", "Persoonsgegevens", "Bewaartermijn",
     "Rol", "Ontvangers", "Afdeling"],
    ["Salarisadministratie", "Salaris betalen\nLoonaangifte doen", "Wettelijke verplichting",
     "Medewerkers; oud-medewerkers", "NAW (naam, adres, woonplaats), BSN, IBAN",
     "7 jaar na einde dienstverband", "Verwerkingsverantwoordelijke", "Belastingdienst", "HR"],
    ["Nieuwsbrief", "Nieuws sturen", "weet niet", "Klanten", "E-mailadres", "2 jaar",
     "verwerkingsverantwoordelijke", None, "Marketing"],
    [None, None, None, None, None, None, None, None, None],
    ["Hosting klantdata", "Hosting voor klanten", "art. 6 lid 1 sub b", "Patiënten", "Dossier",
     "onbepaald", "verwerker", None, None],
    ["Verjaardagen", "Felicitaties", "toestemming", "Medewerkers", "Geboortedatum",
     datetime(2026, 1, 31), None, None, 12.0],  # noqa: DTZ001 - Excel cells have no zone
]  # fmt: skip
ENGLISH = (
    "\ufeffName,Purpose,Legal basis,Data subjects,Personal data,Retention,Role,Notes\n"
    'CRM,"Sales follow-up",Art. 6(1)(f),"Prospects, customers",Contact details,P2Y,'
    "controller,From the 2025 register\n"
    "Payroll,Pay salaries,6.1.c,Employees,Bank account,6 months,processor,\n"
)


def _xlsx(path: Path, rows: list[list[object]], sheet: str = "Register") -> Path:
    book = Workbook()
    worksheet = book.active
    assert worksheet is not None
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    book.create_sheet("Toelichting")
    book.save(path)
    return path


def test_xlsx_with_dutch_headers(workspace: Path, tmp_path: Path) -> None:
    """Dutch headers below a title row map to fields, with bases and retention normalised."""
    report = import_register(workspace, _xlsx(tmp_path / "avg.xlsx", DUTCH))
    salary = written_record(workspace, "pa-salarisadministratie.yaml")
    assert salary["purposes"] == [
        {"description": "Salaris betalen", "legal_basis": "legal-obligation"},
        {"description": "Loonaangifte doen", "legal_basis": "legal-obligation"},
    ]
    assert salary["data_subjects"] == ["Medewerkers", "oud-medewerkers"]
    assert salary["personal_data"] == [
        {"name": "NAW (naam, adres, woonplaats)"},
        {"name": "BSN", "national_id": "bsn"},
        {"name": "IBAN"},
    ]
    assert salary["retention"] == {"period": "P7Y", "trigger": "einde dienstverband"}
    assert salary["recipients"] == [{"name": "Belastingdienst", "type": "public-authority"}]
    assert salary["notes"] == "Afdeling: HR"
    assert [(o.row, o.status) for o in report.outcomes] == [
        (3, Status.CREATED), (4, Status.CREATED), (6, Status.CREATED), (7, Status.CREATED)
    ]  # fmt: skip
    assert report.unknown_columns == (("Register", "Afdeling"),)
    assert report.unused_sheets == (("Toelichting", "the sheet is empty"),)


def test_xlsx_cells_become_text(workspace: Path, tmp_path: Path) -> None:
    """A date cell reads as YYYY-MM-DD and a whole number without a decimal point."""
    import_register(workspace, _xlsx(tmp_path / "avg.xlsx", DUTCH))
    birthdays = written_record(workspace, "pa-verjaardagen.yaml")
    assert birthdays["notes"] == ("Retention as written in the register: 2026-01-31\nAfdeling: 12")
    assert birthdays["role"] == "controller"


def test_unrecognised_legal_basis_keeps_the_purpose(workspace: Path, tmp_path: Path) -> None:
    """A legal basis that names no Art. 6(1) ground leaves the purpose without one, the text
    kept in notes and a warning on the row."""
    report = import_register(workspace, _xlsx(tmp_path / "avg.xlsx", DUTCH))
    news = written_record(workspace, "pa-nieuwsbrief.yaml")
    assert news["purposes"] == [{"description": "Nieuws sturen"}]
    assert news["notes"] == "Legal basis as written in the register: weet niet\nAfdeling: Marketing"
    outcome = next(o for o in report.outcomes if o.row == 4)
    assert outcome.messages == (
        "legal basis 'weet niet' not understood; kept in notes",
        "purposes without a legal basis (GDPR029 will report them)",
    )
    assert report.exit_code == 0


def test_unparseable_retention_is_left_out(workspace: Path, tmp_path: Path) -> None:
    """Retention that states no period is left out, reported and kept in the notes."""
    report = import_register(workspace, _xlsx(tmp_path / "avg.xlsx", DUTCH))
    hosting = written_record(workspace, "pa-hosting-klantdata.yaml")
    assert "retention" not in hosting
    assert hosting["notes"] == "Retention as written in the register: onbepaald"
    outcome = next(o for o in report.outcomes if o.row == 6)
    assert outcome.messages == ("retention 'onbepaald' not understood; left out, kept in notes",)


def test_csv_with_english_headers(workspace: Path, tmp_path: Path) -> None:
    """A comma-separated UTF-8 file with a BOM imports every row and exits 0."""
    source = tmp_path / "ropa.csv"
    source.write_text(ENGLISH, encoding="utf-8")
    report = import_register(workspace, source)
    crm = written_record(workspace, "pa-crm.yaml")
    assert report.exit_code == 0
    assert crm["purposes"] == [
        {"description": "Sales follow-up", "legal_basis": "legitimate-interests"}
    ]
    assert crm["data_subjects"] == ["Prospects", "customers"]
    assert crm["retention"] == {"period": "P2Y", "trigger": "not stated in the imported register"}
    assert crm["notes"] == "From the 2025 register"
    payroll = written_record(workspace, "pa-payroll.yaml")
    assert payroll["role"] == "processor"
    assert payroll["retention"] == {
        "period": "P6M",
        "trigger": "not stated in the imported register",
    }


def test_semicolon_csv(workspace: Path, tmp_path: Path) -> None:
    """A semicolon-separated file, as Dutch Excel saves it, is read with its delimiter."""
    source = tmp_path / "avg.csv"
    source.write_text("Naam;Doel;Grondslag\nWerving;Vacatures vullen;6.1.b\n", encoding="utf-8")
    assert import_register(workspace, source).exit_code == 0
    assert written_record(workspace, "pa-werving.yaml")["purposes"] == [
        {"description": "Vacatures vullen", "legal_basis": "contract"}
    ]


def test_existing_file_is_never_overwritten(workspace: Path, tmp_path: Path) -> None:
    """A row whose file or id exists is reported and skipped, and the file stays as it was."""
    source = tmp_path / "ropa.csv"
    source.write_text(ENGLISH, encoding="utf-8")
    (workspace / "register").mkdir()
    (workspace / "register" / "pa-crm.yaml").write_text("# mine\n", encoding="utf-8")
    (workspace / "payroll.yaml").write_text(
        "kind: processing-activity\nid: pa-payroll\nname: Payroll\nrole: controller\n",
        encoding="utf-8",
    )
    report = import_register(workspace, source)
    assert [o.status for o in report.outcomes] == [Status.EXISTS, Status.EXISTS]
    assert (workspace / "register" / "pa-crm.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert not (workspace / "register" / "pa-payroll.yaml").exists()
    assert report.exit_code == 0
    assert import_register(workspace, source, strict=True).exit_code == 1


def test_dry_run_writes_nothing(workspace: Path, tmp_path: Path) -> None:
    """A dry run returns the texts it would write and leaves the workspace untouched."""
    source = tmp_path / "ropa.csv"
    source.write_text(ENGLISH, encoding="utf-8")
    report = import_register(workspace, source, dry_run=True)
    assert [o.status for o in report.outcomes] == [Status.WOULD_CREATE, Status.WOULD_CREATE]
    assert report.outcomes[0].text is not None
    assert "id: pa-crm" in report.outcomes[0].text
    assert not (workspace / "register").exists()


def test_repeated_names_get_distinct_ids(workspace: Path, tmp_path: Path) -> None:
    """Two rows with the same name become pa-<slug> and pa-<slug>-2."""
    source = tmp_path / "dup.csv"
    source.write_text("Name,Role\nCRM,controller\ncrm,processor\n", encoding="utf-8")
    report = import_register(workspace, source)
    assert [str(o.path) for o in report.outcomes] == [
        "register/pa-crm.yaml",
        "register/pa-crm-2.yaml",
    ]


def test_imported_workspace_validates(workspace: Path, tmp_path: Path) -> None:
    """complykit validate finds no YAML or schema problem in any imported file."""
    import_register(workspace, _xlsx(tmp_path / "avg.xlsx", DUTCH))
    source = tmp_path / "ropa.csv"
    source.write_text(ENGLISH, encoding="utf-8")
    import_register(workspace, source)
    result = run(workspace, as_of=date(2026, 11, 23))
    assert len(list((workspace / "register").iterdir())) == 6
    assert result.records_checked == 6
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH"))]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("register.xls", b"old", "not a .xlsx, .ods or .csv file"),
        ("broken.xlsx", b"not a zip", "not a readable workbook"),
        ("latin.csv", b"Naam\nCaf\x81\n", "is not UTF-8 text"),
        ("noheader.csv", b"Foo,Bar\n1,2\n", "no header row with a column for the activity name"),
    ],
)
def test_unreadable_files_raise(
    workspace: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    """A file that is not a readable register raises a ComplykitError naming the problem."""
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(ComplykitError, match=message):
        import_register(workspace, source)


def test_unknown_sheet_raises(workspace: Path, tmp_path: Path) -> None:
    """Naming a sheet the workbook lacks raises, listing the sheets it has."""
    source = _xlsx(tmp_path / "avg.xlsx", DUTCH)
    with pytest.raises(ComplykitError, match="has no sheet 'AVG'") as raised:
        import_register(workspace, source, sheet="AVG")
    assert raised.value.hint == "Sheets: 'Register', 'Toelichting'."


def test_named_sheet_is_read(workspace: Path, tmp_path: Path) -> None:
    """--sheet picks a sheet other than the first."""
    source = tmp_path / "two.xlsx"
    book = Workbook()
    book.create_sheet("AVG").append(["Naam", "Rol"])
    book["AVG"].append(["Ledenadministratie", "controller"])
    book.save(source)
    report = import_register(workspace, source, sheet="AVG")
    assert [str(o.path) for o in report.outcomes] == ["register/pa-ledenadministratie.yaml"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Patiënt-dossier (EPD)", "patient-dossier-epd"), ("???", ""), ("A" * 80, "a" * 60)],
)
def test_slug(name: str, expected: str) -> None:
    """A slug is lower-case ASCII words joined by dashes, at most 60 characters."""
    assert slug(name) == expected


FRENCH = (
    "Traitement;Finalité(s) du traitement;Base légale;Catégories de personnes concernées;"
    "Catégories de données;Destinataires;Transferts hors UE;Durée de conservation;"
    "Mesures de sécurité\n"
    "Gestion du personnel;Paie et administration du personnel;Obligation légale (Code du "
    "travail);Membres du personnel;Identité, coordonnées;SPF Finances, Secrétariat social "
    "(sous-traitant);Non;10 ans après la fin du contrat;Accès restreint\n"
    "Newsletter;Envoi de la lettre d'information;Consentement;Abonnés;Adresse e-mail;Mailchimp "
    "(sous-traitant);États-Unis (Data Privacy Framework);Jusqu'à la désinscription;Chiffrement\n"
)


def test_a_register_kept_in_french(workspace: Path, tmp_path: Path) -> None:
    """A Belgian register kept in French imports as one in Dutch does: headers, legal bases,
    recipients and their types, transfers, retention periods and events."""
    source = tmp_path / "registre.csv"
    source.write_text(FRENCH, encoding="utf-8")
    report = import_register(workspace, source)
    staff = written_record(workspace, "pa-gestion-du-personnel.yaml")
    news = written_record(workspace, "pa-newsletter.yaml")
    assert report.exit_code == 0
    assert staff["purposes"] == [
        {
            "description": "Paie et administration du personnel",
            "legal_basis": "legal-obligation",
            "legal_provision": "Code du travail",
        }
    ]
    assert staff["recipients"] == [
        {"name": "SPF Finances", "type": "public-authority"},
        {"name": "Secrétariat social", "type": "processor"},
    ]
    assert "transfers" not in staff
    assert staff["retention"] == {"period": "P10Y", "trigger": "la fin du contrat"}
    assert news["purposes"] == [
        {"description": "Envoi de la lettre d'information", "legal_basis": "consent"}
    ]
    transfers = news["transfers"]
    assert isinstance(transfers, list)
    assert [t["country"] for t in transfers] == ["US"]
    assert news["retention"] == {"until": "la désinscription"}


def test_retention_while_something_lasts(workspace: Path, tmp_path: Path) -> None:
    """A retention of "Zolang het abonnement loopt" keeps the data until the subscription
    ends: that end is the event, and the cell as written stays in notes."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Verwerking;Doel;Grondslag;Betrokkenen;Persoonsgegevens;Bewaartermijn\n"
        "Abonnementen;Leveren van het abonnement;Overeenkomst;Abonnees;Naam, adres;"
        "Zolang het abonnement loopt\n",
        encoding="utf-8",
    )
    report = import_register(workspace, source)
    record = written_record(workspace, "pa-abonnementen.yaml")
    assert report.exit_code == 0
    assert record["retention"] == {"until": "het einde van het abonnement"}
    assert "Retention as written in the register: Zolang het abonnement loopt" in str(
        record["notes"]
    )
    assert not [f for f in run(workspace, as_of=date(2026, 12, 7)).findings if f.code == "GDPR003"]


@pytest.mark.parametrize("cell", ["Onbeperkt", "Voor onbepaalde tijd", "kept indefinitely"])
def test_retention_without_end_is_no_limit(workspace: Path, tmp_path: Path, cell: str) -> None:
    """A retention kept without end sets no limit: it is left out with a warning, not read as
    permanent retention, so GDPR003 still asks for a time limit for erasure."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Verwerking;Doel;Grondslag;Betrokkenen;Persoonsgegevens;Bewaartermijn\n"
        f"Nieuwsbrief;Versturen van de nieuwsbrief;Toestemming;Abonnees;E-mailadres;{cell}\n",
        encoding="utf-8",
    )
    (outcome,) = import_register(workspace, source).outcomes
    record = written_record(workspace, "pa-nieuwsbrief.yaml")
    assert "retention" not in record
    assert f"Retention as written in the register: {cell}" in str(record["notes"])
    assert f"retention '{cell}' sets no time limit for erasure; left out, kept in notes" in (
        outcome.messages
    )
    findings = run(workspace, as_of=date(2026, 12, 7)).findings
    assert [f.message for f in findings if f.code == "GDPR003"] == [
        "'Nieuwsbrief' states no retention period"
    ]


@pytest.mark.parametrize("cell", ["-", "n.v.t.", "N/A", "\u2013", "niet van toepassing"])
def test_recipients_placeholder_is_no_statement_of_none(
    workspace: Path, tmp_path: Path, cell: str
) -> None:
    """A dash or ``n.v.t.`` in the recipients column is a cell left unfilled, not the register
    saying no one receives the data: the record states neither recipients nor no_recipients,
    the cell is kept in notes with a warning, and GDPR030 still asks for the recipients
    (Art. 30(1)(d))."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam verwerking;Doel;Grondslag;Ontvangers\n"
        f"Salarisadministratie;Salaris betalen;wettelijke verplichting;{cell}\n",
        encoding="utf-8",
    )
    report = import_register(workspace, source)
    (outcome,) = report.outcomes
    assert outcome.status is Status.CREATED
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert "no_recipients" not in record
    assert "recipients" not in record
    assert f"Recipients as written in the register: {cell}" in str(record["notes"])
    assert (
        f"recipients '{cell}' is no statement that no one receives the data; recipients left "
        "unstated (validate will ask for them), kept in notes"
    ) in outcome.messages
    findings = run(workspace, as_of=date(2026, 12, 7)).findings
    assert [f.code for f in findings if f.code == "GDPR030"] == ["GDPR030"]


def test_recipients_saying_none_is_no_recipients(workspace: Path, tmp_path: Path) -> None:
    """``Geen`` is the register's statement that no one receives the data: no_recipients."""
    source = tmp_path / "register.csv"
    source.write_text(
        "Naam verwerking;Doel;Grondslag;Ontvangers\n"
        "Salarisadministratie;Salaris betalen;wettelijke verplichting;Geen\n",
        encoding="utf-8",
    )
    import_register(workspace, source)
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert record["no_recipients"] == "None, as the imported register says: Geen"


def _one_row(workspace: Path, tmp_path: Path, purposes: str, basis: str) -> tuple[str, ...]:
    """Import one activity with these purpose and basis cells; the warnings it got."""
    source = tmp_path / "register.xlsx"
    _xlsx(source, [["Naam", "Doel", "Grondslag"], ["Salarisadministratie", purposes, basis]])
    (outcome,) = import_register(workspace, source).outcomes
    assert outcome.status is Status.CREATED
    return outcome.messages


def test_basis_line_is_not_given_to_the_purpose_beside_a_law(
    workspace: Path, tmp_path: Path
) -> None:
    """``sub b`` on the first line and a law on the second, beside two purposes: the wage-tax
    return rests on the law (Art. 6(1)(c)), not on the contract. The first purpose gets its
    line's basis, the second none (GDPR029 asks for it), and both are warned about."""
    messages = _one_row(
        workspace,
        tmp_path,
        "Salarisbetaling\nAangifte loonheffing",
        "Art. 6 lid 1 sub b AVG\nWet op de loonbelasting 1964",
    )
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert record["purposes"] == [
        {"description": "Salarisbetaling", "legal_basis": "contract"},
        {"description": "Aangifte loonheffing"},
    ]
    assert "purposes paired with the legal basis on the same line; check each pair" in messages
    assert (
        "purpose 'Aangifte loonheffing' is beside 'Wet op de loonbelasting 1964', which names "
        "no Art. 6(1) basis: imported without a basis (GDPR029 will report it), kept in notes"
    ) in messages
    assert "Wet op de loonbelasting 1964" in str(record["notes"])


_LAW_LEFT = (
    "the legal basis cell also names the law 'Wet op de loonbelasting 1964', but no purpose "
    "beside it rests on a legal obligation or a public task (Art. 6(1)(c) or (e)), the only "
    "bases a law is the provision of; kept in notes: check whether a purpose rests on that "
    "law under Art. 6(1)(c) or (e)"
)


def test_basis_and_law_on_one_line_beside_one_purpose_warn_of_the_law(
    workspace: Path, tmp_path: Path
) -> None:
    """Review finding 9: ``sub b / Wet op de loonbelasting 1964`` beside one purpose cell. The
    purpose keeps the one basis the cell names, the law is no provision of a contract (Art.
    6(3) lays down only (c) and (e)), and the import says the law was left to notes."""
    messages = _one_row(
        workspace,
        tmp_path,
        "Salarisbetaling / Aangifte loonheffing",
        "Art. 6 lid 1 sub b AVG / Wet op de loonbelasting 1964",
    )
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert record["purposes"] == [
        {"description": "Salarisbetaling / Aangifte loonheffing", "legal_basis": "contract"},
    ]
    assert _LAW_LEFT in messages
    assert "Wet op de loonbelasting 1964" in str(record["notes"])


def test_basis_and_law_on_one_line_pair_as_on_two_lines(workspace: Path, tmp_path: Path) -> None:
    """``sub b / Wet op de loonbelasting 1964`` beside two purpose lines is read as the same
    basis and law on two lines: the wage-tax return is not given the contract."""
    messages = _one_row(
        workspace,
        tmp_path,
        "Salarisbetaling\nAangifte loonheffing",
        "Art. 6 lid 1 sub b AVG / Wet op de loonbelasting 1964",
    )
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert record["purposes"] == [
        {"description": "Salarisbetaling", "legal_basis": "contract"},
        {"description": "Aangifte loonheffing"},
    ]
    assert (
        "purpose 'Aangifte loonheffing' is beside 'Wet op de loonbelasting 1964', which names "
        "no Art. 6(1) basis: imported without a basis (GDPR029 will report it), kept in notes"
    ) in messages
    assert _LAW_LEFT in messages


def test_law_beside_a_legal_obligation_on_one_line_is_its_provision(
    workspace: Path, tmp_path: Path
) -> None:
    """``sub c / Wet op de loonbelasting 1964``: the law is the provision, nothing is left."""
    messages = _one_row(
        workspace,
        tmp_path,
        "Aangifte loonheffing",
        "Art. 6 lid 1 sub c AVG / Wet op de loonbelasting 1964",
    )
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert record["purposes"] == [
        {
            "description": "Aangifte loonheffing",
            "legal_basis": "legal-obligation",
            "legal_provision": "Wet op de loonbelasting 1964",
        },
    ]
    assert not any("also names the law" in m for m in messages)


def test_basis_lines_that_cannot_pair_give_no_purpose_a_basis(
    workspace: Path, tmp_path: Path
) -> None:
    """Three purposes beside a basis line and a law line: no purpose gets the one basis."""
    messages = _one_row(
        workspace,
        tmp_path,
        "Salarisbetaling\nAangifte loonheffing\nPensioenaangifte",
        "Art. 6 lid 1 sub b AVG\nWet op de loonbelasting 1964",
    )
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert all("legal_basis" not in p for p in record["purposes"])
    assert (
        "3 purposes and 2 legal basis lines, not all naming an Art. 6(1) basis: which purpose "
        "rests on which is unclear; imported without bases (GDPR029 will report them), the "
        "bases are kept in notes"
    ) in messages


def test_law_beside_a_legal_obligation_stays_its_provision(workspace: Path, tmp_path: Path) -> None:
    """A law beside (c) is that basis's provision (Art. 6(3)), so both purposes keep it."""
    _one_row(
        workspace,
        tmp_path,
        "Salarisbetaling\nAangifte loonheffing",
        "Art. 6 lid 1 sub c AVG\nWet op de loonbelasting 1964",
    )
    record = written_record(workspace, "pa-salarisadministratie.yaml")
    assert [p.get("legal_basis") for p in record["purposes"]] == [
        "legal-obligation",
        "legal-obligation",
    ]

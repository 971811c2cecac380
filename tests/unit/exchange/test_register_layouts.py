"""Register layouts and cell wordings met in Dutch, Belgian and German registers.

Where a fixture follows a published template, the comment beside it names the source and says
which parts are taken from it (headers) and which are reconstructed (rows): the templates were
read as published pages, not as their own workbooks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from complykit.exchange.combined_cells import labelled as split_subjects_and_data_labels
from complykit.exchange.register_import import import_register
from complykit.exchange.supplier_rows import SUPPLIERS
from complykit.exchange.table_import import import_table
from complykit.validate.engine import run
from unit.exchange.imported import row_messages, written_record
from workbooks import Cell, xlsx

RANGES: list[list[Cell]] = [
    ["Naam", "Doel", "Grondslag", "Bewaartermijn"],
    ["Werving", "Vacatures vullen", "6.1.b", "12\u201324 mnd"],
    ["Salaris", "Loon betalen", "6.1.c", "2 tot 7 jaar na uitdiensttreding"],
    ["Klantcontact", "Vragen beantwoorden", "6.1.f", "1/2 jaar"],
]


def test_a_retention_range_keeps_the_text_and_says_which_end(
    workspace: Path, tmp_path: Path
) -> None:
    """A range ("12 to 24 mnd" with an en dash) used to become 24 months without a word: the
    longer end is still the period (Art. 30(1)(f) asks for the time limit, and the longer one
    is not understated), but the import now says so, and the cell stays in the notes as written."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": RANGES}))
    werving = written_record(workspace, "pa-werving.yaml")
    assert werving["retention"]["period"] == "P24M"
    assert "Retention as written in the register: 12\u201324 mnd" in werving["notes"]
    assert (
        "retention '12\u201324 mnd' gives a range; its longer end was recorded as the period "
        "(P24M) and the cell kept in notes; record the shorter end if the data is erased then"
    ) in row_messages(report, 2)
    salaris = written_record(workspace, "pa-salaris.yaml")
    assert salaris["retention"] == {"period": "P7Y", "trigger": "uitdiensttreding"}
    assert any("gives a range" in m for m in row_messages(report, 3))


def test_half_a_year_written_as_a_fraction_is_not_two_years(
    workspace: Path, tmp_path: Path
) -> None:
    """ "1/2 jaar" was read as 2 years (the "2 jaar" after the slash): a fraction is not read,
    so the cell is kept with a warning instead of recording four times the period."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": RANGES}))
    klant = written_record(workspace, "pa-klantcontact.yaml")
    assert "retention" not in klant
    assert "Retention as written in the register: 1/2 jaar" in klant["notes"]
    assert any("retention '1/2 jaar'" in m for m in row_messages(report, 4))


# A published municipal-style register with a title above the header and a count below the
# table; reconstructed, with the header words of the registers in test_real_registers.py.
COUNTED: list[list[Cell]] = [
    ["Register van verwerkingen gemeente Voorbeeld, versie 2026"],
    [],
    ["Naam", "Doel", "Grondslag", "Betrokkenen", "Aantal betrokkenen"],
    ["Salarisadministratie", "Salaris betalen", "6.1.c", "Medewerkers", 412],
    ["Aantal bezoekers tellen", "Drukte meten", "6.1.e", "Bezoekers", None],
    [],
    ["Totaal: 2 verwerkingen"],
    ["Totaal", None, None, None, 412],
]


def test_a_total_row_is_no_activity(workspace: Path, tmp_path: Path) -> None:
    """A count under the table ("Totaal: 2 verwerkingen", "Totaal | 412") was imported as an
    activity named after it, a record with no purpose that validate then reports. It is
    skipped as a total, told with its text; an activity whose name starts with "Aantal" and
    holds no number is still one."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": COUNTED}))
    assert sorted(p.name for p in (workspace / "register").iterdir()) == [
        "pa-aantal-bezoekers-tellen.yaml",
        "pa-salarisadministratie.yaml",
    ]
    assert row_messages(report, 7) == ("a total row, not an activity: 'Totaal: 2 verwerkingen'",)
    assert row_messages(report, 8) == ("a total row, not an activity: 'Totaal | 412'",)
    assert report.skipped == 2


# The Belgian DPA's model register, as an English copy of it shows its "register" tab (scribd,
# "Belgian DPA Registry of Processing Activities Template 20170907 en"): a title, a row that
# groups the columns, the header ("Name of Business Process", "Owner of Process", "Number
# Processing", "Functional Description of Processing", "Purpose of Processing", "Basis for
# Processing", "Type of Processing*", "Functional Data Category", "GDPR Data Category*") and a
# row of instructions under it ("Enter the internal ID of the processing activity.", ...).
# Headers and instruction openings are the copy's; which instruction stands under which
# column, the group row's cells and the data row are reconstructed.
GBA_MODEL: list[list[Cell]] = [
    ["Registry of processing activity"],
    ["Identification of Business Process", None, ("Identification of and information about "
     "the processing activity")],
    ["Name of Business Process", "Owner of Process", "Number Processing",
     "Functional Description of Processing", "Purpose of Processing", "Basis for Processing",
     "Type of Processing*", "Functional Data Category", "GDPR Data Category*"],
    ["Report the name and description of the business process.",
     ("Identify the owner(s) (role) of the business process that the processing activity is "
     "part of."), "Enter the internal ID of the processing activity.",
     "Enter the name/functional description of the processing activity.",
     "Enter the purpose of the processing activity.",
     "Provide the legal basis for the processing activity.",
     "Indicate what type of processing is involved.", None, None],
    ["Personeelsbeheer", "HR-directeur", "HR-01", "Loonadministratie", "Lonen uitbetalen",
     "Wettelijke verplichting", "Normal", "Identificatiegegevens; financiële gegevens",
     "Normal"],
]  # fmt: skip


def test_belgian_dpa_model_register(workspace: Path, tmp_path: Path) -> None:
    """No header of the model was known, so the import stopped with "no header row". The
    activity's "Functional Description" names it (the business process stays in the notes),
    "Number Processing" is its id, "Basis for Processing" its basis; the row of instructions
    under the header is skipped as the template's, not imported as an activity."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": GBA_MODEL}))
    (payroll_file,) = (workspace / "register").iterdir()
    assert payroll_file.name == "pa-loonadministratie.yaml"
    payroll = written_record(workspace, payroll_file.name)
    assert payroll["purposes"] == [
        {"description": "Lonen uitbetalen", "legal_basis": "legal-obligation"}
    ]
    assert payroll["personal_data"] == [
        {"name": "Identificatiegegevens"},
        {"name": "financiële gegevens"},
    ]
    assert "Id in the register: HR-01" in payroll["notes"]
    assert "Name of Business Process: Personeelsbeheer" in payroll["notes"]
    assert row_messages(report, 4) == (
        (
            "the template's instructions, not an activity: 'Report the name and description of "
            "the business process.'"
        ),
    )
    assert report.skipped == 1


def test_a_purpose_that_opens_with_an_instruction_word_is_still_an_activity(
    workspace: Path, tmp_path: Path
) -> None:
    """Only a row whose name is an instruction too is the template's: "Provide customer
    support" is a purpose."""
    rows: list[list[Cell]] = [
        ["Naam", "Doel", "Grondslag", "Toelichting"],
        ["Klantenservice", "Provide customer support by phone", "6.1.b",
         "Enter tickets in the helpdesk tool daily"],
    ]  # fmt: skip
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": rows}))
    assert written_record(workspace, "pa-klantenservice.yaml")["name"] == "Klantenservice"


# A German register (Verzeichnis von Verarbeitungstätigkeiten). The headers are the German
# wording of Art. 30(1) DSGVO ("Zwecke der Verarbeitung", "Kategorien betroffener Personen",
# "Kategorien personenbezogener Daten", "Kategorien von Empfängern", "Fristen für die Löschung")
# and the short forms German registers found in public repositories use ("Rechtsgrundlage",
# "Löschfristen", "Drittlandübermittlung"); the first row follows a published small-company
# register (an account administration on Supabase Inc., "Drittländer: Nein"), the rest is
# reconstructed.
GERMAN: list[list[Cell]] = [
    ["Bezeichnung der Verarbeitungstätigkeit", "Zwecke der Verarbeitung", "Rechtsgrundlage",
     "Kategorien betroffener Personen", "Kategorien personenbezogener Daten",
     "Kategorien von Empfängern", "Drittlandübermittlung", "Löschfristen",
     "Technische und organisatorische Maßnahmen"],
    ["Benutzerkontenverwaltung", "Plattformbereitstellung", "Art. 6 Abs. 1 lit. b DSGVO",
     "Registrierte Benutzer", "Name, E-Mail", "Supabase Inc. (Auftragsverarbeiter)",
     "USA (Standardvertragsklauseln)", "10 Jahre nach Vertragsende", "TLS 1.3, 2FA"],
    ["Newsletter", "Werbung per E-Mail", "Art. 6 Abs. 1 lit. a DSGVO", "Abonnenten", "E-Mail",
     "keine", "Nein", "bis zum Widerruf", "TLS"],
]  # fmt: skip


def test_german_register(workspace: Path, tmp_path: Path) -> None:
    """A German register stopped with "no header row"; its headers, its units ("10 Jahre nach
    Vertragsende"), its processor marker and its words for none ("keine", "Nein") now read as
    their Dutch, French and English counterparts do."""
    report = import_register(workspace, xlsx(tmp_path / "vvt.xlsx", {"VVT": GERMAN}))
    assert report.unknown_columns == ()
    accounts = written_record(workspace, "pa-benutzerkontenverwaltung.yaml")
    assert accounts["purposes"] == [
        {"description": "Plattformbereitstellung", "legal_basis": "contract"}
    ]
    assert accounts["data_subjects"] == ["Registrierte Benutzer"]
    assert accounts["recipients"] == [{"name": "Supabase Inc.", "type": "processor"}]
    assert accounts["transfers"] == [
        {"country": "US", "recipient": "Supabase Inc.", "mechanism": "standard-contractual-clauses"}
    ]
    assert accounts["retention"] == {"period": "P10Y", "trigger": "Vertragsende"}
    assert accounts["security_description"] == "TLS 1.3, 2FA"
    newsletter = written_record(workspace, "pa-newsletter.yaml")
    assert "recipients" not in newsletter
    assert "transfers" not in newsletter
    assert newsletter["no_recipients"] == "None, as the imported register says: keine"
    assert newsletter["retention"] == {"until": "Widerruf"}
    findings = run(workspace, as_of=date(2026, 12, 8)).findings
    assert not [f for f in findings if f.code.startswith(("YAML", "SCH"))]


def _merged_workbook(path: Path, rows: list[list[Cell]], merged: list[str]) -> Path:
    """A workbook whose sheet 'Register' has ``rows`` and the cells ``merged`` merged, as Excel
    stores them: the value in the top cell only."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Register"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


# A municipal-style register with a two-row header (cells merged down over both header rows,
# "Persoonsgegevens" merged across its two columns), one activity over two rows under a merged
# name cell, and one legal basis merged down over three activities. Reconstructed: published
# registers are shown this way on municipal sites, but no such workbook could be read here.
MERGED: list[list[Cell]] = [
    ["Register van verwerkingen"],
    [],
    ["Verwerking", "Doel", "Persoonsgegevens", None, "Grondslag", "Bewaartermijn"],
    [None, None, "Categorieën", "Bijzondere persoonsgegevens", None, None],
    ["Personeelsdossier", "Personeel beheren", "NAW", "Nee", "6.1.b", "7 jaar"],
    [None, None, "IBAN", None, None, None],
    ["Verlofregistratie", "Verlof bijhouden", "NAW", "Nee", None, "2 jaar"],
    ["Ziekteverzuim", "Verzuim begeleiden", "Verzuimdata", "Gezondheid", None, "2 jaar"],
]
MERGES = ["A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "A5:A6", "B5:B6", "E5:E8"]


def test_merged_cells_read_as_the_sheet_shows_them(workspace: Path, tmp_path: Path) -> None:
    """A basis merged down over three activities was read for the first only, so the other
    two had purposes without a basis (a false GDPR029); the two rows under one merged name
    became two activities, the second named after its data. The merged basis now counts for
    each row it covers, the rows under one name are one activity, and both are told."""
    source = _merged_workbook(tmp_path / "register.xlsx", MERGED, MERGES)
    report = import_register(workspace, source)
    assert sorted(p.name for p in (workspace / "register").iterdir()) == [
        "pa-personeelsdossier.yaml",
        "pa-verlofregistratie.yaml",
        "pa-ziekteverzuim.yaml",
    ]
    dossier = written_record(workspace, "pa-personeelsdossier.yaml")
    assert dossier["personal_data"] == [{"name": "NAW"}, {"name": "IBAN"}]
    assert dossier["purposes"] == [{"description": "Personeel beheren", "legal_basis": "contract"}]
    leave = written_record(workspace, "pa-verlofregistratie.yaml")
    assert leave["purposes"] == [{"description": "Verlof bijhouden", "legal_basis": "contract"}]
    absence = written_record(workspace, "pa-ziekteverzuim.yaml")
    assert absence["purposes"][0]["legal_basis"] == "contract"
    assert report.sheet_warnings == (
        ("Register", "cell E5:E8 is merged over rows 5-8; its value is read for each of them"),
        (
            "Register",
            (
                "rows 5-6 share the merged cell A5:A6; read as one activity, their other cells "
                "joined a line each"
            ),
        ),
    )


def test_a_hidden_sheet_is_not_taken_for_the_register(workspace: Path, tmp_path: Path) -> None:
    """An older version of the register kept on a hidden sheet before the current one was
    imported instead of it, without a word. The visible sheet is now the register, and the
    hidden one is named as hidden (its rows are still read if it is a list sheet)."""
    path = tmp_path / "register.xlsx"
    book = Workbook()
    old = book.active
    assert old is not None
    old.title = "Register 2019"
    old.append(["Naam", "Doel", "Grondslag"])
    old.append(["Salaris", "Loon betalen", "6.1.b"])
    old.sheet_state = "hidden"
    current = book.create_sheet("Register 2026")
    current.append(["Naam", "Doel", "Grondslag"])
    current.append(["Salarisadministratie", "Loon betalen", "6.1.c"])
    book.save(path)
    report = import_register(workspace, path)
    assert [p.name for p in (workspace / "register").iterdir()] == ["pa-salarisadministratie.yaml"]
    assert (
        "Register 2019",
        (
            "hidden in the workbook; read as the other sheets are, but not taken for the table of "
            "activities unless --sheet names it"
        ),
    ) in report.sheet_warnings
    assert ("Register 2019", "no header row of a register sheet") in report.unused_sheets


# Placeholders for a cell left empty, as Dutch registers write them: "-", "n.v.t.", "N/A", "—".
PLACEHOLDERS: list[list[Cell]] = [
    ["Naam", "Doel", "Grondslag", "Betrokkenen", "Persoonsgegevens", "Ontvangers"],
    ["Support", "Tickets afhandelen", "6.1.b", "Klanten", "-", "n.v.t."],
    ["Archief", "Archiveren", "6.1.c", "n.v.t.", "NAW; —", "N/A"],
]


def test_a_placeholder_names_no_data_subject_or_category(workspace: Path, tmp_path: Path) -> None:
    """ "-" under personal data became a data category named "-", and "n.v.t." under data
    subjects a category of data subjects named "n.v.t.": a record that looks complete where
    the register left the fact out. A placeholder now names nothing, and the cell is kept."""
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": PLACEHOLDERS}))
    support = written_record(workspace, "pa-support.yaml")
    assert "personal_data" not in support
    assert "Personal data as written in the register: -" in support["notes"]
    archive = written_record(workspace, "pa-archief.yaml")
    assert "data_subjects" not in archive
    assert archive["personal_data"] == [{"name": "NAW"}]
    assert "Data subjects as written in the register: n.v.t." in archive["notes"]
    assert "Personal data as written in the register: NAW; —" in archive["notes"]


# Headers in the terms of ISO/IEC 27701 ("PII principal" for the data subject, "PII" for
# personal data), as a register kept for its certification may use them; reconstructed (the
# standard's text is not quoted, and no such register was found published).
ISO_TERMS: list[list[Cell]] = [
    ["Processing activity", "Purpose of processing", "Lawful basis", "PII principals",
     "Categories of PII", "Recipients of PII", "Transfer jurisdiction", "Safeguards",
     "Retention period"],
    ["CRM", "Sales follow-up", "Contract", "Customers", "Contact details",
     "Salesforce (processor)", "United States", "SCCs", "2 years"],
]  # fmt: skip


def test_iso_27701_terms(workspace: Path, tmp_path: Path) -> None:
    """The PII columns and the transfer's jurisdiction went to the notes, so the record lacked
    its data subjects, data and recipients, and the transfer its country."""
    report = import_register(workspace, xlsx(tmp_path / "ropa.xlsx", {"ROPA": ISO_TERMS}))
    assert report.unknown_columns == ()
    crm = written_record(workspace, "pa-crm.yaml")
    assert crm["data_subjects"] == ["Customers"]
    assert crm["personal_data"] == [{"name": "Contact details"}]
    assert crm["recipients"] == [{"name": "Salesforce", "type": "processor"}]
    assert crm["transfers"] == [
        {"country": "US", "recipient": "Salesforce", "mechanism": "standard-contractual-clauses"}
    ]


# Transfers as Dutch and French registers write them beside a processors column that marks
# its processors; the cells follow the forms the brief and published registers use ("VS
# (SCC)"); the French abbreviation "CCT" (clauses contractuelles types) is reconstructed.
TRANSFERS: list[list[Cell]] = [
    ["Naam", "Doel", "Grondslag", "Verwerkers", "Doorgifte buiten de EU"],
    ["Kantoorsoftware", "Samenwerken", "6.1.f", "Microsoft (verwerker)", "VS (SCC)"],
    ["Facturation", "Facturer", "6.1.b", "Stripe (sous-traitant)", "États-Unis (CCT)"],
]


def test_a_marked_processor_is_one_party_and_cct_is_scc(workspace: Path, tmp_path: Path) -> None:
    """A processors column's "Microsoft (verwerker)" stayed a processor named with its marker,
    and the transfer's recipient with it, so the same supplier had two names; "CCT" was no
    transfer tool, so the transfer to the US was left out (kept in notes only)."""
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": TRANSFERS}))
    office = written_record(workspace, "pa-kantoorsoftware.yaml")
    assert office["recipients"] == [{"name": "Microsoft", "type": "processor"}]
    assert office["transfers"] == [
        {"country": "US", "recipient": "Microsoft", "mechanism": "standard-contractual-clauses"}
    ]
    billing = written_record(workspace, "pa-facturation.yaml")
    assert billing["transfers"] == [
        {"country": "US", "recipient": "Stripe", "mechanism": "standard-contractual-clauses"}
    ]


def test_an_excel_day_count_in_a_date_column_says_its_date(workspace: Path, tmp_path: Path) -> None:
    """A date cell that lost its date format shows Excel's day count: "Laatst gewijzigd: 46000"
    in the notes told nothing. The number is kept as written, with the date it stands for;
    a supplier's contract end given so is read as that date, with a warning."""
    rows: list[list[Cell]] = [
        ["Naam", "Doel", "Grondslag", "Laatst gewijzigd", "Postcode"],
        ["Salaris", "Loon betalen", "6.1.c", 46000, 10115],
    ]
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": rows}))
    notes = written_record(workspace, "pa-salaris.yaml")["notes"]
    assert "Laatst gewijzigd: 46000 (Excel's number for 2025-12-09)" in notes
    assert "Postcode: 10115" in notes.splitlines()
    suppliers = tmp_path / "leveranciers.csv"
    suppliers.write_text(
        "Naam verwerker;Vestigingsland;Einddatum contract\nCentric;Nederland;45292\n",
        encoding="utf-8",
    )
    report = import_table(SUPPLIERS, workspace, suppliers)
    (outcome,) = report.outcomes
    assert "contract end '45292' read as Excel's number for 2024-01-01" in outcome.messages
    centric = written_record(workspace, "sup-centric.yaml", "suppliers")
    assert centric["contract_end"] == "2024-01-01"


def test_a_count_under_a_header_with_date_inside_a_word_is_no_date(
    workspace: Path, tmp_path: Path
) -> None:
    """ "Aantal kandidaten per jaar" holds "date" inside "kandidaten": its 25000 was noted as
    Excel's number for 1968-06-11, a false date an auditor reads in the notes. Only a header
    naming a date as a word (or ending a compound in "datum") gets the note."""
    rows: list[list[Cell]] = [
        ["Naam", "Doel", "Grondslag", "Aantal kandidaten per jaar", "Wijzigingsdatum"],
        ["Werving", "Vacatures vullen", "6.1.b", 25000, 46000],
    ]
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Register": rows}))
    notes = written_record(workspace, "pa-werving.yaml")["notes"].splitlines()
    assert "Aantal kandidaten per jaar: 25000" in notes
    assert "Wijzigingsdatum: 46000 (Excel's number for 2025-12-09)" in notes


# A register whose columns follow Art. 30(1) point by point, numbered and in the article's own
# words (the AVG's Dutch text: "de verwerkingsdoeleinden", "een beschrijving van de
# categorieën van betrokkenen", "de categorieën van ontvangers"); the numbering and the row
# are reconstructed.
NUMBERED: list[list[Cell]] = [
    ["1. Naam van de verwerking", "2. De verwerkingsdoeleinden", "3. Grondslag",
     "4. Een beschrijving van de categorieën van betrokkenen",
     "5. Een beschrijving van de categorieën van persoonsgegevens",
     "6. De categorieën van ontvangers", "7. Bewaartermijn"],
    ["Ledenadministratie", "Leden registreren", "6.1.b", "Leden", "NAW", "Bond", "2 jaar"],
]  # fmt: skip


def test_numbered_headers_in_the_words_of_article_30(workspace: Path, tmp_path: Path) -> None:
    """Numbered headers, and headers opening with an article or "een beschrijving van",
    were no field: the import found no header row at all."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"AVG": NUMBERED}))
    assert report.unknown_columns == ()
    members = written_record(workspace, "pa-ledenadministratie.yaml")
    assert members["purposes"] == [{"description": "Leden registreren", "legal_basis": "contract"}]
    assert members["data_subjects"] == ["Leden"]
    assert members["personal_data"] == [{"name": "NAW"}]
    assert members["recipients"] == [{"name": "Bond", "type": "other"}]


# Art. 30(1)(c) as one column, headed in the words of the AVG's Dutch text ("een beschrijving
# van de categorieën van betrokkenen en van de categorieën van persoonsgegevens"), as
# registers copied from the article have it; the rows are reconstructed.
POINT_C: list[list[Cell]] = [
    ["Naam", "Doel", "Grondslag",
     ("Een beschrijving van de categorieën van betrokkenen en van de categorieën van "
     "persoonsgegevens")],
    ["Salaris", "Loon betalen", "6.1.c",
     "Betrokkenen: medewerkers; oud-medewerkers\nPersoonsgegevens: NAW, BSN, IBAN"],
    ["Nieuwsbrief", "Leden informeren", "6.1.a", "Leden, e-mailadres"],
]  # fmt: skip


def test_article_30_1_c_in_one_column(workspace: Path, tmp_path: Path) -> None:
    """The column of point (c) was no field: both lists went to the notes with "no register
    field". A cell that labels them is now read as two lists; one that does not is kept with a
    warning that says how to label it, and no item is guessed to be either."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"AVG": POINT_C}))
    assert report.unknown_columns == ()
    salary = written_record(workspace, "pa-salaris.yaml")
    assert salary["data_subjects"] == ["medewerkers", "oud-medewerkers"]
    assert [c["name"] for c in salary["personal_data"]] == ["NAW", "BSN", "IBAN"]
    newsletter = written_record(workspace, "pa-nieuwsbrief.yaml")
    assert "data_subjects" not in newsletter
    assert "personal_data" not in newsletter
    assert newsletter["notes"].endswith("persoonsgegevens: Leden, e-mailadres")
    assert any("without saying which is which" in m for m in row_messages(report, 3))


def test_a_point_c_cell_of_separators_reads_in_linear_time() -> None:
    """A cell of 99,000 line breaks, or of separators then spaces, is read at once: each
    separator may open a label, and an unbounded run of spaces after each would be rescanned
    from every one of them (minutes, not milliseconds)."""
    for text in ("\n" * 99_000, ";" * 16_000 + " " * 16_000, ". " * 30_000):
        assert split_subjects_and_data_labels(text) == {"subjects": "", "data": ""}

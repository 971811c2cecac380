"""Form-layout registers (one sheet per activity, labels down a column): the CNIL model's fiches.

The CNIL's model register ("registre des activités de traitement") has a first sheet with the
organisation and the list of its activities, then a "fiche de registre" per activity. The labels
used below that are marked "CNIL model" were checked against a filled-in copy of that model
("FICHE DE REGISTRE DE L'ACTIVITÉ : ...", "Objectifs poursuivis", "Catégories de personnes
concernées", "Catégories de données collectées", "Nom du responsable conjoint du traitement",
"Nom du logiciel ou de l'application"). The other French labels ("Nom / sigle", "Finalité(s) du
traitement", "Durées de conservation", "Destinataires", "Transferts hors UE", "Mesures de
sécurité") are a reconstruction of how French registers word their lines, not quotations of an
official model. The Dutch sheet is a reconstruction too: the Belgian GBA/APD's own model is a
table (its "register" tab), which the table import already reads.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from complykit.exchange.form_sheets import is_form, read_form, read_forms
from complykit.exchange.outcome import Status
from complykit.exchange.register_import import import_register
from complykit.exchange.register_rows import Rejected, draft_activity
from complykit.exchange.row_source import NOT_STATED
from complykit.exchange.sheet import Row, Sheet
from complykit.exchange.vocabulary import HEADERS
from complykit.validate.engine import run
from unit.exchange.imported import written_record
from workbooks import Cell, Sheets, xlsx

COVER: list[list[Cell]] = [
    ["Registre des activités de traitement de Boulangerie Martin SARL"],
    ["Coordonnées du responsable de l'organisme", "Paul Martin, 3 rue du Four, 69001 Lyon"],
    [],
    ["Activités", "Désignation des activités"],
    ["Activité 1", "Gestion de la paie"],
    ["Activité 2", "Fichier clients"],
]
PAYROLL: list[list[Cell]] = [
    ["FICHE DE REGISTRE DE L'ACTIVITÉ : Gestion de la paie"],  # CNIL model
    [],
    ["Nom du logiciel ou de l'application", "Silae"],  # CNIL model; no register field
    ["Objectifs poursuivis", "Verser les salaires"],  # CNIL model
    [None, "Effectuer les déclarations sociales"],  # the line above continues
    ["Base juridique", "Obligation légale"],
    ["Catégories de personnes concernées", "Salariés\nStagiaires"],  # CNIL model
    ["Catégories de données collectées", "Identité; coordonnées bancaires"],  # CNIL model
    ["Durées de conservation", "5 ans après le départ du salarié"],
    ["Destinataires", "URSSAF"],
    [None, "Expert-comptable (sous-traitant)"],
    ["Transferts hors UE", "Aucun"],
    ["Mesures de sécurité", "Accès par mot de passe\nSauvegarde chiffrée"],
]
CUSTOMERS: list[list[Cell]] = [
    ["Nom / sigle", "Fichier clients"],
    ["Finalité(s) du traitement", "Facturer les clients\nEnvoyer la lettre d'information"],
    ["Base juridique", "Contrat"],
    ["Catégories de personnes concernées", "Clients"],
    ["Catégories de données", "Nom, adresse, e-mail"],
    ["Durées de conservation", "3 ans"],
    ["Destinataires", "Aucun"],
]
CNIL: Sheets = {"Registre": COVER, "Activité 1": PAYROLL, "Activité 2": CUSTOMERS}
AS_OF = date(2026, 11, 23)


def test_cnil_fiches_become_records(workspace: Path, tmp_path: Path) -> None:
    """Each fiche is one activity, read as a table row is; the cover sheet is no activity."""
    report = import_register(workspace, xlsx(tmp_path / "registre.xlsx", CNIL))
    payroll = written_record(workspace, "pa-gestion-de-la-paie.yaml")
    assert payroll["name"] == "Gestion de la paie"
    assert payroll["purposes"] == [
        {"description": "Verser les salaires", "legal_basis": "legal-obligation"},
        {"description": "Effectuer les déclarations sociales", "legal_basis": "legal-obligation"},
    ]
    assert payroll["data_subjects"] == ["Salariés", "Stagiaires"]
    assert payroll["personal_data"] == [{"name": "Identité"}, {"name": "coordonnées bancaires"}]
    assert payroll["retention"] == {"period": "P5Y", "trigger": "le départ du salarié"}
    assert payroll["recipients"] == [
        {"name": "URSSAF", "type": "other"},
        {"name": "Expert-comptable", "type": "processor"},
    ]
    assert "transfers" not in payroll
    assert payroll["security_description"] == "Accès par mot de passe\nSauvegarde chiffrée"
    assert payroll["notes"] == "Nom du logiciel ou de l'application: Silae"
    customers = written_record(workspace, "pa-fichier-clients.yaml")
    assert [p["legal_basis"] for p in customers["purposes"]] == ["contract", "contract"]
    assert customers["retention"] == {"period": "P3Y", "trigger": NOT_STATED}
    assert customers["no_recipients"].startswith("None, as the imported register says: Aucun")
    assert report.unknown_labels == (("Activité 1", "Nom du logiciel ou de l'application"),)
    assert report.unused_sheets == (
        ("Registre", "neither a table of activities nor the form (fiche) of one"),
    )
    assert [(o.sheet, o.row, o.status) for o in report.outcomes] == [
        ("Activité 1", 3, Status.CREATED),
        ("Activité 2", 1, Status.CREATED),
    ]


def test_records_name_the_sheet_they_came_from(workspace: Path, tmp_path: Path) -> None:
    """The comment atop each file names the fiche's sheet, as a table row's names its row."""
    import_register(workspace, xlsx(tmp_path / "registre.xlsx", CNIL))
    text = (workspace / "register" / "pa-fichier-clients.yaml").read_text(encoding="utf-8")
    assert "from registre.xlsx, sheet Activité 2, row 1." in text


def test_imported_fiches_validate(workspace: Path, tmp_path: Path) -> None:
    """complykit validate finds no YAML or schema problem in the imported fiches."""
    import_register(workspace, xlsx(tmp_path / "registre.xlsx", CNIL))
    result = run(workspace, as_of=AS_OF)
    assert result.records_checked == 2
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH"))]


DUTCH_FORM: list[list[Cell]] = [
    ["Verwerkingsactiviteit", "Ledenadministratie"],
    ["Doel van de verwerking", "Leden registreren"],
    [None, "Contributie innen"],
    ["Rechtsgrond", "art. 6 lid 1 sub b AVG"],
    ["Categorieën van betrokkenen", "Leden; oud-leden"],
    ["Categorieën van persoonsgegevens", "NAW (naam, adres, woonplaats), IBAN"],
    ["Bewaringstermijn", "2 jaar na einde lidmaatschap"],
    ["Ontvangers", "Mailchimp (verwerker)"],
    ["Doorgifte buiten de EU", "Verenigde Staten (Mailchimp), EU-VS Data Privacy Framework"],
    ["Contactpersoon", "de secretaris"],
]


def test_dutch_form_sheet(workspace: Path, tmp_path: Path) -> None:
    """A Dutch form is read with the Dutch words of a table register; an unknown label is kept
    in notes and reported."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Leden": DUTCH_FORM}))
    members = written_record(workspace, "pa-ledenadministratie.yaml")
    assert members["purposes"] == [
        {"description": "Leden registreren", "legal_basis": "contract"},
        {"description": "Contributie innen", "legal_basis": "contract"},
    ]
    assert members["data_subjects"] == ["Leden", "oud-leden"]
    assert members["retention"] == {"period": "P2Y", "trigger": "einde lidmaatschap"}
    assert members["recipients"] == [{"name": "Mailchimp", "type": "processor"}]
    assert members["transfers"][0]["country"] == "US"
    assert "Contactpersoon: de secretaris" in members["notes"]
    assert report.unknown_labels == (("Leden", "Contactpersoon"),)
    findings = run(workspace, as_of=AS_OF).findings
    assert not [f for f in findings if f.code.startswith(("YAML", "SCH"))]


SUMMARY_TABLE: list[list[Cell]] = [
    ["Nom du traitement", "Base juridique", "Service"],
    ["Gestion de la paie", None, "RH"],
    ["Vidéosurveillance", "Intérêt légitime", "Direction"],
]


def test_mixed_workbook_imports_each_activity_once(workspace: Path, tmp_path: Path) -> None:
    """A table sheet beside fiches: a table row that names a fiche's activity joins the fiche's
    record (its other cells go into the notes) instead of making a second record; a row no
    fiche describes is an activity of its own."""
    sheets: Sheets = {"Synthèse": SUMMARY_TABLE, "Paie": PAYROLL, "Clients": CUSTOMERS}
    report = import_register(workspace, xlsx(tmp_path / "registre.xlsx", sheets))
    assert sorted(p.name for p in (workspace / "register").iterdir()) == [
        "pa-fichier-clients.yaml",
        "pa-gestion-de-la-paie.yaml",
        "pa-videosurveillance.yaml",
    ]
    payroll = written_record(workspace, "pa-gestion-de-la-paie.yaml")
    assert "Synthèse, row 2: Service: RH" in payroll["notes"]
    camera = written_record(workspace, "pa-videosurveillance.yaml")
    # Read as any table row is: a basis without a purpose to hold it stays in the notes.
    assert camera["notes"] == (
        "Legal basis as written in the register: Intérêt légitime\nService: Direction"
    )
    assert [(o.sheet, o.row, o.status) for o in report.outcomes] == [
        ("Synthèse", 2, Status.JOINED),
        ("Synthèse", 3, Status.CREATED),
        ("Paie", 3, Status.CREATED),
        ("Clients", 1, Status.CREATED),
    ]
    assert report.unknown_columns == (("Synthèse", "Service"),)
    result = run(workspace, as_of=AS_OF)
    assert result.records_checked == 3
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH"))]


def test_sheet_option_picks_one_fiche(workspace: Path, tmp_path: Path) -> None:
    """--sheet naming a fiche imports that fiche alone."""
    report = import_register(workspace, xlsx(tmp_path / "registre.xlsx", CNIL), "Activité 2")
    assert [(o.sheet, o.status) for o in report.outcomes] == [("Activité 2", Status.CREATED)]


def test_a_value_in_two_columns_is_kept_with_a_warning(workspace: Path, tmp_path: Path) -> None:
    """A label with values in two cells beside it keeps both, one line each, and says so."""
    form: list[list[Cell]] = [*CUSTOMERS[:5], ["Durées de conservation", "3 ans", "à vérifier"]]
    report = import_register(workspace, xlsx(tmp_path / "registre.xlsx", {"Fiche": form}))
    (outcome,) = report.outcomes
    assert outcome.messages[0] == (
        "label 'Durées de conservation' (row 6) has values in 2 columns; read as one value, "
        "a line each"
    )


def test_a_table_sheet_is_no_form() -> None:
    """A table's header row names its fields across a row, not down a column."""
    rows = [["Naam", "Doel", "Grondslag", "Betrokkenen"], ["CRM", "Verkoop", "6.1.f", "Klanten"]]
    sheet = Sheet("Register", tuple(Row(n, tuple(r)) for n, r in enumerate(rows, 1)))
    assert not is_form(sheet)
    assert not is_form(Sheet("Leeg", ()))


_LABELS = st.sampled_from(
    [h for headers in HEADERS.values() for h in headers[:3]]
    + ["Nom / sigle", "Objectifs poursuivis", "Contactpersoon", "", "FICHE : x", "Nom : y"]
)
_CELLS = st.one_of(st.text(max_size=30), st.sampled_from(["", "Aucun", "5 ans", "6.1.c", "-"]))
_ROWS = st.lists(
    st.tuples(_LABELS, st.lists(_CELLS, max_size=3)).map(lambda r: (r[0], *r[1])),
    max_size=15,
)


@settings(max_examples=150, deadline=None)
@given(_ROWS, st.integers(0, 2))
def test_any_label_value_sheet_never_raises(rows: list[tuple[str, ...]], margin: int) -> None:
    """Any sheet of labels and values, however filled, is a form or not, and a form always
    drafts an activity or a reason, never an error."""
    sheet = Sheet("Fiche", tuple(Row(n, ("",) * margin + tuple(r)) for n, r in enumerate(rows, 1)))
    if is_form(sheet):
        draft = draft_activity(read_form(sheet).source)
        assert isinstance(draft, Rejected) or draft.name
        for form in read_forms(sheet):  # one per column when activities stand side by side
            drafted = draft_activity(form.source)
            assert isinstance(drafted, Rejected) or drafted.name


# One activity per column, labels down column A: how Dutch and Belgian organisations often lay
# out a form register when they have a handful of activities. A reconstruction (no published
# workbook of this layout could be read here); the labels are the Dutch words of the table
# registers this import already reads.
SIDE_BY_SIDE: list[list[Cell]] = [
    ["Register van verwerkingsactiviteiten - Stichting Kinderopvang De Vlinder"],
    [],
    ["Onderdeel", "Verwerking 1", "Verwerking 2", "Verwerking 3"],
    ["Naam verwerking", "Personeelsadministratie", "Kindadministratie", "Nieuwsbrief ouders"],
    ["Doel van de verwerking", "Salaris betalen", "Plaatsing van kinderen", "Ouders informeren"],
    [None, "Verlof registreren", None, None],
    ["Grondslag", "6.1.b", "6.1.b", "toestemming"],
    ["Categorieën van betrokkenen", "Medewerkers", "Kinderen; ouders", "Ouders"],
    ["Categorieën van persoonsgegevens", "NAW, IBAN", "NAW, geboortedatum", "e-mailadres"],
    ["Ontvangers", "Belastingdienst", "Geen", "Mailchimp (verwerker)"],
    ["Bewaartermijn", "7 jaar na uitdiensttreding", "2 jaar na vertrek", "tot afmelding"],
]


def test_activities_side_by_side_are_one_record_each(workspace: Path, tmp_path: Path) -> None:
    """Each column beside the labels is an activity of its own: it was read as one activity
    whose every field joined the three columns' values, with a warning per label."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"AVG": SIDE_BY_SIDE}))
    assert [(o.sheet, o.row, o.status) for o in report.outcomes] == [
        ("AVG (column B)", 3, Status.CREATED),
        ("AVG (column C)", 3, Status.CREATED),
        ("AVG (column D)", 3, Status.CREATED),
    ]
    staff = written_record(workspace, "pa-personeelsadministratie.yaml")
    assert staff["purposes"] == [
        {"description": "Salaris betalen", "legal_basis": "contract"},
        {"description": "Verlof registreren", "legal_basis": "contract"},
    ]
    assert staff["retention"] == {"period": "P7Y", "trigger": "uitdiensttreding"}
    children = written_record(workspace, "pa-kindadministratie.yaml")
    assert children["data_subjects"] == ["Kinderen", "ouders"]
    assert "Onderdeel: Verwerking 2" in children["notes"]
    newsletter = written_record(workspace, "pa-nieuwsbrief-ouders.yaml")
    assert newsletter["purposes"] == [
        {"description": "Ouders informeren", "legal_basis": "consent"}
    ]
    assert newsletter["recipients"] == [{"name": "Mailchimp", "type": "processor"}]
    assert not any("columns; read as one value" in m for o in report.outcomes for m in o.messages)
    assert report.unknown_labels == (("AVG", "Onderdeel"),)
    text = (workspace / "register" / "pa-nieuwsbrief-ouders.yaml").read_text(encoding="utf-8")
    assert "from register.xlsx, sheet AVG (column D), row 3." in text
    result = run(workspace, as_of=AS_OF)
    assert result.records_checked == 3
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH"))]


def test_a_column_filled_on_one_line_is_not_lost(workspace: Path, tmp_path: Path) -> None:
    """A fourth column with only a name, beside three filled ones, is an activity too (as a
    table row with only a name is), not dropped."""
    rows = [[*row, "Cameratoezicht" if row and row[0] == "Naam verwerking" else None]
            for row in SIDE_BY_SIDE]  # fmt: skip
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"AVG": rows}))
    assert written_record(workspace, "pa-cameratoezicht.yaml")["name"] == "Cameratoezicht"


HELP_TEXT: list[list[Cell]] = [
    ["Verwerkingsactiviteit", "Ledenadministratie"],
    ["Doel van de verwerking", "Leden registreren"],
    ["Beschrijf zo precies mogelijk waarvoor de gegevens worden gebruikt."],
    ["Rechtsgrond", "6.1.b"],
    ["Wie en wat"],
    ["Categorieën van betrokkenen", "Leden"],
]


def test_lines_without_a_value_are_kept_in_notes(workspace: Path, tmp_path: Path) -> None:
    """A line in the label column with no value and no field (help text, a section title, or
    a remark of the user's own) was dropped; it is kept in the notes, with a warning."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Leden": HELP_TEXT}))
    members = written_record(workspace, "pa-ledenadministratie.yaml")
    assert (
        "Text on the sheet: Beschrijf zo precies mogelijk waarvoor de gegevens worden "
        "gebruikt.\nWie en wat"
    ) in members["notes"]
    (outcome,) = report.outcomes
    assert (
        "2 line(s) between the labels have no value and name no field (help text, a section "
        "title); kept in notes under 'Text on the sheet'"
    ) in outcome.messages
    assert report.unknown_labels == ()


# A Dutch form template with a column that explains each line between the labels and the
# answers ("Vraag | Toelichting | Antwoord"); reconstructed, as is the side-by-side variant.
EXPLAINED: list[list[Cell]] = [
    ["Vraag", "Toelichting", "Antwoord"],
    ["Naam verwerking", "Geef de verwerking een korte naam.", "Ledenadministratie"],
    ["Doel van de verwerking", "Waarvoor gebruikt u de gegevens?", "Leden registreren"],
    ["Rechtsgrond", "Kies een grondslag uit art. 6 AVG.", "6.1.b"],
    ["Categorieën van betrokkenen", "Van wie verwerkt u gegevens?", "Leden"],
]


def test_a_help_column_is_no_answer(workspace: Path, tmp_path: Path) -> None:
    """The "Toelichting" column beside the labels joined every answer ("Geef de verwerking een
    korte naam." became part of the name, the help of the basis a purpose). It is set apart:
    the answers are read alone, the help is kept in the notes, and the warning names it."""
    report = import_register(workspace, xlsx(tmp_path / "register.xlsx", {"Leden": EXPLAINED}))
    members = written_record(workspace, "pa-ledenadministratie.yaml")
    assert members["purposes"] == [{"description": "Leden registreren", "legal_basis": "contract"}]
    assert members["data_subjects"] == ["Leden"]
    assert (
        "Help beside the labels: Naam verwerking: Geef de verwerking een korte naam."
        in (members["notes"])
    )
    (outcome,) = report.outcomes
    assert outcome.messages[0] == (
        "column B ('Toelichting') explains the labels; kept in notes under 'Help beside the "
        "labels', not values"
    )


def test_a_help_column_beside_activities_side_by_side(workspace: Path, tmp_path: Path) -> None:
    """Beside two activities laid out in columns, the help column is no third activity."""
    rows = [[r[0], r[1], r[2], "Nieuwsbrief" if r[0] == "Naam verwerking" else r[2]]
            for r in EXPLAINED]  # fmt: skip
    rows[0][3] = "Antwoord 2"
    import_register(workspace, xlsx(tmp_path / "register.xlsx", {"AVG": rows}))
    assert sorted(p.name for p in (workspace / "register").iterdir()) == [
        "pa-ledenadministratie.yaml",
        "pa-nieuwsbrief.yaml",
    ]


def test_a_single_fiche_with_two_value_columns_stays_one_activity(
    workspace: Path, tmp_path: Path
) -> None:
    """A fiche that gives most lines a second cell (a description, then a retention period),
    but names one activity, is one activity, not one per column."""
    fiche: list[list[Cell]] = [
        ["Nom / sigle", "Fichier clients"],
        ["Finalité(s) du traitement", "Facturer les clients", "Obligatoire"],
        ["Base juridique", "Contrat", "Art. 6.1.b"],
        ["Catégories de personnes concernées", "Clients", "Particuliers"],
        ["Catégories de données", "Identité", "5 ans"],
    ]
    report = import_register(workspace, xlsx(tmp_path / "registre.xlsx", {"Fiche": fiche}))
    assert [o.sheet for o in report.outcomes] == ["Fiche"]

"""register_import on the shapes of published Dutch, Belgian and English registers."""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.exchange.outcome import ImportReport, Status
from complykit.exchange.register_import import import_register
from unit.exchange.imported import row_messages, written_record


def _import(workspace: Path, tmp_path: Path, text: str, *, strict: bool = False) -> ImportReport:
    source = tmp_path / "register.csv"
    source.write_text(text, encoding="utf-8")
    return import_register(workspace, source, strict=strict)


@pytest.mark.parametrize(
    "header",
    [
        "Doel(en) van de verwerking",
        "Doel van de verwerking",
        "Verwerkingsdoeleinden",
        "Doeleinden",
        "Purposes of processing",
        "Purpose of processing (if applicable)",
        "Doel (optioneel)",
    ],
)
def test_purpose_headers(workspace: Path, tmp_path: Path, header: str) -> None:
    """A purpose column under a published register's header, qualifiers and all, is read."""
    report = _import(
        workspace, tmp_path, f"Naam verwerking;{header}\nWerving;Werving en selectie\n"
    )
    assert report.unknown_columns == ()
    assert written_record(workspace, "pa-werving.yaml")["purposes"] == [
        {"description": "Werving en selectie"}
    ]


def test_basis_without_purpose_is_kept_in_notes(workspace: Path, tmp_path: Path) -> None:
    """A legal basis on a row without a purpose is in notes, as its warning says."""
    report = _import(workspace, tmp_path, "Naam;Grondslag\nBRP;Wettelijke verplichting\n")
    record = written_record(workspace, "pa-brp.yaml")
    assert "a legal basis without a purpose; kept in notes" in row_messages(report, 2)
    assert record["notes"] == "Legal basis as written in the register: Wettelijke verplichting"


ICO = (
    "Business function,Purpose of processing,"
    "Name and contact details of joint controller (if applicable),Categories of individuals,"
    "Categories of personal data,Categories of recipients,Link to contract with processor,"
    "Names of third countries or international organisations that personal data are "
    "transferred to (if applicable),"
    "Safeguards for exceptional transfers of personal data to third countries (if applicable),"
    "Retention schedule (if possible),"
    "General description of technical and organisational security measures (if possible),"
    "Article 6 lawful basis for processing personal data,"
    "Article 9 basis for processing special category data\n"
    'HR,Occupational health,"Arbo B.V., privacy@arbo.example",Employees,Sick leave records,'
    "Occupational health service,https://intranet/contracts/arbo.pdf,United States,SCCs,"
    "2 years,MFA,Legal obligation (Dutch Sickness Benefits Act),Article 9(2)(b)\n"
)


def test_ico_template_headers(workspace: Path, tmp_path: Path) -> None:
    """The UK ICO template's columns fill their fields; only the contract link is left over."""
    report = _import(workspace, tmp_path, ICO)
    record = written_record(workspace, "pa-occupational-health.yaml")
    assert report.unknown_columns == (
        ("register", "Business function"),
        ("register", "Link to contract with processor"),
    )
    assert record["role"] == "joint-controller"
    assert record["joint_controllers"] == [{"name": "Arbo B.V.", "contact": "privacy@arbo.example"}]
    assert record["data_subjects"] == ["Employees"]
    assert record["purposes"] == [
        {
            "description": "Occupational health",
            "legal_basis": "legal-obligation",
            "legal_provision": "Dutch Sickness Benefits Act",
        }
    ]
    assert record["retention"] == {
        "period": "P2Y",
        "trigger": "not stated in the imported register",
    }
    assert record["security_description"] == "MFA"
    assert record["transfers"] == [
        {"country": "US", "recipient": "not stated in the imported register",
         "mechanism": "standard-contractual-clauses"},
    ]  # fmt: skip


def test_grc_export_headers(workspace: Path, tmp_path: Path) -> None:
    """A GRC export's id, data elements, vendors, hosting, transfer and security columns fill
    their fields; a transfer's country comes from the hosting location."""
    text = (
        "Processing Activity ID,Processing Activity,Purpose,Data Elements,Vendors,"
        "Hosting Location,Security Controls,Cross-Border Transfer,Transfer Mechanism\n"
        "PA-0001,KYC,Know your customer,Passport copy,Onfido,United States,Encryption,Yes,SCCs\n"
    )
    report = _import(workspace, tmp_path, text)
    record = written_record(workspace, "pa-kyc.yaml")
    assert report.unknown_columns == ()
    assert record["personal_data"] == [{"name": "Passport copy"}]
    assert record["recipients"] == [{"name": "Onfido", "type": "processor"}]
    assert record["data_locations"] == [
        {"system": "not stated in the imported register", "country": "US"}
    ]
    assert record["security_description"] == "Encryption"
    assert record["transfers"] == [
        {"country": "US", "recipient": "Onfido", "mechanism": "standard-contractual-clauses"}
    ]
    assert "Id in the register: PA-0001" in str(record["notes"])


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        ("Gerechtvaardigd belang (geen toestemming nodig)", ["legitimate-interests"]),
        ("Legitimate interest (not consent)", ["legitimate-interests"]),
        ("Niet op toestemming maar gerechtvaardigd belang", ["legitimate-interests"]),
        ("Wettelijke verplichting (BW, arbeidsovereenkomst)", ["legal-obligation"]),
        ("Wettelijke taak", ["public-task"]),
        ("Uitvoering wettelijke taak", ["public-task"]),
        ("Taak van algemeen belang", ["public-task"]),
        ("Openbaar belang", ["public-task"]),
        ("Publiekrechtelijke taak", ["public-task"]),
        ("Wettelijk voorschrift", ["legal-obligation"]),
        ("art. 6, eerste lid, onder e", ["public-task"]),
        ("6.1.c", ["legal-obligation"]),
        ("Algemeen belang / openbaar gezag", ["public-task"]),
        ("Vitaal belang", ["vital-interests"]),
        (
            "Art. 6(1)(c) - Legal obligation; Art. 6(1)(f)",
            ["legal-obligation", "legitimate-interests"],
        ),
    ],
)
def test_legal_bases_as_municipalities_write_them(
    workspace: Path, tmp_path: Path, basis: str, expected: list[str]
) -> None:
    """A basis cell gives the bases it names, not the ones it denies or explains with."""
    _import(workspace, tmp_path, f'Naam;Doel;Grondslag\nCamera;Beveiliging;"{basis}"\n')
    found = written_record(workspace, "pa-camera.yaml")["purposes"]
    assert isinstance(found, list)
    assert [p["legal_basis"] for p in found] == expected


def test_bases_pair_with_purposes_per_line(workspace: Path, tmp_path: Path) -> None:
    """Two purposes and two bases, one per line, still pair in order."""
    text = 'Naam;Doel;Grondslag\nHR;"Salaris\nVerlof";"Wettelijke taak\nOvereenkomst"\n'
    _import(workspace, tmp_path, text)
    assert written_record(workspace, "pa-hr.yaml")["purposes"] == [
        {"description": "Salaris", "legal_basis": "public-task"},
        {"description": "Verlof", "legal_basis": "contract"},
    ]


@pytest.mark.parametrize(
    ("basis", "provision"),
    [
        ("Wettelijke verplichting (Wet BRP)", "Wet BRP"),
        ("Wettelijke taak (Jeugdwet)", "Jeugdwet"),
        ("Algemeen belang \u2013 Participatiewet art. 7", "Participatiewet art. 7"),
        ("Wettelijke taak (Wgs)", "Wgs"),
        ("Wettelijke verplichting (BW, arbeidsovereenkomst)", "BW"),
        # French codes number their articles L., R. and D.: the article stays with its code.
        ("Obligation légale (Code du travail, art. L3243-2)", "Code du travail, art. L3243-2"),
        (
            "Obligation légale (Code du travail, article R. 1234-9)",
            "Code du travail, article R. 1234-9",
        ),
        ("Wettelijke verplichting", None),
        ("art. 6 lid 1 sub e AVG", None),
        ("Art. 6(1)(c) GDPR - Legal Obligation", None),
        ("Gerechtvaardigd belang (Wet camera)", None),
    ],
)
def test_law_in_the_basis_cell(
    workspace: Path, tmp_path: Path, basis: str, provision: str | None
) -> None:
    """A law named beside a legal-obligation or public-task basis is its legal provision."""
    _import(workspace, tmp_path, f"Naam;Doel;Grondslag\nBRP;Bijhouden;{basis}\n")
    found = written_record(workspace, "pa-brp.yaml")["purposes"]
    assert isinstance(found, list)
    assert found[0].get("legal_provision") == provision


@pytest.mark.parametrize(
    ("basis", "provision"),
    [
        ("Art. 6 lid 1 sub e AVG; Participatiewet art. 7", "Participatiewet art. 7"),
        ("Jeugdwet art. 2.3; art. 6 lid 1 sub c AVG", "Jeugdwet art. 2.3"),
        ("Wettelijke taak\nGemeentewet art. 160\nWet BRP", "Gemeentewet art. 160; Wet BRP"),
        ("Toestemming; Telecommunicatiewet art. 11.7", None),
    ],
)
def test_law_in_a_part_of_its_own(
    workspace: Path, tmp_path: Path, basis: str, provision: str | None
) -> None:
    """A law written beside the basis, between semicolons or on a line of its own, is the
    provision of a legal-obligation or public-task basis, and of no other."""
    _import(workspace, tmp_path, f'Naam;Doel;Grondslag\nBRP;Bijhouden;"{basis}"\n')
    found = written_record(workspace, "pa-brp.yaml")["purposes"]
    assert isinstance(found, list)
    assert [p.get("legal_provision") for p in found] == [provision]


def test_a_municipal_register_row_keeps_both_bases_and_the_law(
    workspace: Path, tmp_path: Path
) -> None:
    """A Dutch municipality's row naming two Art. 6(1) points after one article, with the law
    apart, gives a purpose per basis, each with that law, as published."""
    text = (
        "Naam verwerking;Doel(en) van de verwerking;Grondslag\n"
        'Jeugdhulp;Toewijzen van jeugdhulp;"Jeugdwet art. 2.3; art. 6 lid 1 sub c en e AVG"\n'
    )
    _import(workspace, tmp_path, text)
    assert written_record(workspace, "pa-jeugdhulp.yaml")["purposes"] == [
        {
            "description": "Toewijzen van jeugdhulp",
            "legal_basis": "legal-obligation",
            "legal_provision": "Jeugdwet art. 2.3",
        },
        {
            "description": "Toewijzen van jeugdhulp",
            "legal_basis": "public-task",
            "legal_provision": "Jeugdwet art. 2.3",
        },
    ]


@pytest.mark.parametrize(
    "remark",
    [
        "Toelichting: vastgesteld door het college op 17-12-2024",
        "Bron: afdeling Informatievoorziening",
        "Note: figures as of March",
        "Last updated 12 March 2024",
        "Dit register wordt jaarlijks herzien door de FG.",
    ],
)
def test_remark_rows_are_skipped(workspace: Path, tmp_path: Path, remark: str) -> None:
    """A row holding only a remark, below or within the table, is skipped with a note: not
    imported, and not held against the import (--strict still writes the activities)."""
    text = f"Nr.;Naam verwerking;Doel\n1;BRP;Bijhouden BRP\n{remark};;\n2;Wmo;Zorg\n"
    report = _import(workspace, tmp_path, text, strict=True)
    remark_row = next(o for o in report.outcomes if o.row == 3)
    assert remark_row.status is Status.SKIPPED
    assert remark_row.messages == (f"a remark, not an activity: '{remark}'",)
    assert (report.reported, report.skipped, report.exit_code) == ((), 1, 0)
    assert sorted(p.name for p in (workspace / "register").iterdir()) == [
        "pa-brp.yaml", "pa-wmo.yaml"
    ]  # fmt: skip


def test_a_lone_id_still_makes_an_activity(workspace: Path, tmp_path: Path) -> None:
    """A row with only a plausible id is still an activity named after it, as before."""
    report = _import(workspace, tmp_path, "Nr.;Naam verwerking;Doel\nPA-7;;\n")
    assert report.outcomes[0].status is Status.CREATED
    assert written_record(workspace, "pa-pa-7.yaml")["name"] == "PA-7"


@pytest.mark.parametrize(
    ("header", "value", "role"),
    [
        ("Rol", "Verwerker", "processor"),
        ("Rol (verantwoordelijke/verwerker)", "Verwerkingsverantwoordelijke", "controller"),
        ("Role (controller/processor)", "Processor", "processor"),
        ("Role (controller/processor)", "Controller", "controller"),
        ("Rol (verantwoordelijke/verwerker)", "Gezamenlijk verantwoordelijke", "joint-controller"),
    ],
)
def test_role_column(workspace: Path, tmp_path: Path, header: str, value: str, role: str) -> None:
    """A role column, with its choices in brackets, sets the role."""
    report = _import(workspace, tmp_path, f"Naam;Doel;{header}\nHosting;Hosting;{value}\n")
    assert report.unknown_columns == ()
    assert written_record(workspace, "pa-hosting.yaml")["role"] == role


def test_categories_differing_in_case_are_one(workspace: Path, tmp_path: Path) -> None:
    """Categories that differ only in case are one entry, spelled as first written."""
    text = (
        "Naam;Persoonsgegevens;Bijzondere persoonsgegevens\n"
        'Onderzoek;"Genetische gegevens, naam";"genetische gegevens"\n'
    )
    _import(workspace, tmp_path, text)
    assert written_record(workspace, "pa-onderzoek.yaml")["personal_data"] == [
        {"name": "Genetische gegevens", "special_category": "genetic"},
        {"name": "naam"},
    ]


@pytest.mark.parametrize(
    "name", ["Uittreksel strafregister", "uittreksel uit het strafregister", "Strafregister"]
)
def test_belgian_criminal_record_extract(workspace: Path, tmp_path: Path, name: str) -> None:
    """The Belgian criminal record extract is criminal-offence data (Art. 10), like a VOG."""
    _import(workspace, tmp_path, f"Naam;Persoonsgegevens\nWerving;{name}\n")
    assert written_record(workspace, "pa-werving.yaml")["personal_data"] == [
        {"name": name, "criminal_offence_data": True}
    ]


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("BSN", "bsn"),
        ("Burgerservicenummer", "bsn"),
        ("Sofinummer", "bsn"),
        ("Rijksregisternummer", "rrn"),
        ("Numéro de registre national", "rrn"),
    ],
)
def test_national_identification_numbers_are_marked(
    workspace: Path, tmp_path: Path, name: str, number: str
) -> None:
    """A BSN or national register number among the data is marked ``national_id``, so that
    validate asks for the law that allows it (GDPR033), and the import says so."""
    report = _import(workspace, tmp_path, f"Naam;Persoonsgegevens\nSalarisadministratie;{name}\n")
    assert written_record(workspace, "pa-salarisadministratie.yaml")["personal_data"] == [
        {"name": name, "national_id": number}
    ]
    assert any("national identification number (Art. 87)" in m for m in row_messages(report, 2))


def test_a_category_without_the_number_is_not_marked(workspace: Path, tmp_path: Path) -> None:
    """ "Geen BSN" and a word that only starts with the letters name no number."""
    _import(workspace, tmp_path, "Naam;Persoonsgegevens\nWerving;Geen BSN, BSNL-klantnummer\n")
    assert written_record(workspace, "pa-werving.yaml")["personal_data"] == [
        {"name": "Geen BSN"},
        {"name": "BSNL-klantnummer"},
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "Nee, alleen binnen de EER",
        "Geen, data blijft in Nederland",
        "No - all data is hosted in Ireland",
        "Non, hébergé en Belgique",
        "Nee; Azure West-Europa",
    ],
)
def test_a_no_with_its_reason_is_no_transfer(workspace: Path, tmp_path: Path, cell: str) -> None:
    """A transfer cell that says no and why, naming no exception, no country outside the EEA
    and no transfer tool, is no transfer: nothing imported, no warning."""
    report = _import(workspace, tmp_path, f"Naam;Doorgifte buiten de EER\nHR;{cell}\n")
    assert "transfers" not in written_record(workspace, "pa-hr.yaml")
    assert not [m for m in row_messages(report, 2) if "transfer" in m]


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        ("Nee, behalve support vanuit India (SCC)", "IN"),
        ("No, but support from India (SCC)", "IN"),
        ("Nee - servers in de Verenigde Staten (SCC)", "US"),
    ],
)
def test_a_no_with_an_exception_is_a_transfer(
    workspace: Path, tmp_path: Path, cell: str, country: str
) -> None:
    """A no that goes on to name an exception or a third country is a transfer after all."""
    _import(workspace, tmp_path, f"Naam;Doorgifte buiten de EER;Verwerker\nHR;{cell};Acme\n")
    transfers = written_record(workspace, "pa-hr.yaml")["transfers"]
    assert isinstance(transfers, list)
    assert [(t["country"], t["mechanism"]) for t in transfers] == [
        (country, "standard-contractual-clauses")
    ]


def test_a_law_on_its_own_line_is_no_basis_to_pair(workspace: Path, tmp_path: Path) -> None:
    """Two purposes, two bases and a law on a line of its own: the bases pair with the
    purposes in order, and the law is the public task's provision."""
    text = (
        'Naam;Doel;Grondslag\nHR;"Salaris\nVerlof";"Wettelijke taak\nOvereenkomst\nWet X art. 1"\n'
    )
    _import(workspace, tmp_path, text)
    assert written_record(workspace, "pa-hr.yaml")["purposes"] == [
        {"description": "Salaris", "legal_basis": "public-task", "legal_provision": "Wet X art. 1"},
        {"description": "Verlof", "legal_basis": "contract"},
    ]


def test_a_belgian_register_in_french(workspace: Path, tmp_path: Path) -> None:
    """A Belgian row written in French: special categories, a transfer tool and a retention
    until an event are read as they are in Dutch."""
    text = (
        "Nom du traitement;Finalité(s) du traitement;Base juridique;"
        "Catégories de données à caractère personnel;Sous-traitants;"
        "Transferts vers des pays tiers;Délai de conservation\n"
        "Newsletter;Envoi de la newsletter;Consentement;"
        "Adresse e-mail, données de santé, convictions religieuses;Mailchimp;"
        "Oui \u2013 États-Unis (clauses contractuelles types);Jusqu'au désabonnement\n"
    )
    report = _import(workspace, tmp_path, text)
    record = written_record(workspace, "pa-newsletter.yaml")
    assert record["personal_data"] == [
        {"name": "Adresse e-mail"},
        {"name": "données de santé", "special_category": "health"},
        {
            "name": "convictions religieuses",
            "special_category": "religious-or-philosophical-beliefs",
        },
    ]
    assert record["transfers"] == [
        {"country": "US", "recipient": "Mailchimp", "mechanism": "standard-contractual-clauses"}
    ]
    assert record["retention"] == {"until": "désabonnement"}
    assert "Legal basis as written" not in str(record.get("notes", ""))
    assert not [m for m in row_messages(report, 2) if "not understood" in m]


def test_a_vng_model_register_row(workspace: Path, tmp_path: Path) -> None:
    """A row of a municipality's register after the VNG model: the source of the data, whether
    decisions are automated, and the transfer column under its singular header."""
    text = (
        "Naam verwerking;Doel van de verwerking;Bron;Geautomatiseerde besluitvorming;"
        "Doorgifte aan derde land of internationale organisatie\n"
        "Leerlingenvervoer;Verstrekken van leerlingenvervoer;Betrokkene; RNI;"
        "Ja, profilering route-optimalisatie;Nee\n"
    ).replace("Betrokkene; RNI", '"Betrokkene; RNI"')
    report = _import(workspace, tmp_path, text)
    assert report.unknown_columns == ()
    record = written_record(workspace, "pa-leerlingenvervoer.yaml")
    assert record["sources"] == [
        {"type": "data-subject", "description": "Betrokkene"},
        {"type": "third-party", "description": "RNI"},
    ]
    assert record["automated_decisions"] == {"used": True}
    assert "transfers" not in record
    assert (
        "Automated decision-making as written in the register: Ja, profilering "
        "route-optimalisatie" in str(record["notes"])
    )
    assert any("automated decisions (Art. 22)" in m for m in row_messages(report, 2))


@pytest.mark.parametrize(
    ("cell", "types"),
    [
        ("De persoon zelf, werkgever", ["data-subject", "third-party"]),
        ("Openbare bronnen (KvK)", ["public"]),
        ("Zelf gegenereerd (logging)", ["generated"]),
        ("Data subject; HMRC", ["data-subject", "third-party"]),
        ("Klant; KvK", ["data-subject", "third-party"]),
    ],
)
def test_sources_by_type(workspace: Path, tmp_path: Path, cell: str, types: list[str]) -> None:
    """Each source a cell names gets its type, and keeps its words as its description."""
    _import(workspace, tmp_path, f'Naam;Bron\nHR;"{cell}"\n')
    found = written_record(workspace, "pa-hr.yaml")["sources"]
    assert isinstance(found, list)
    assert [s["type"] for s in found] == types


@pytest.mark.parametrize(("cell", "used"), [("Nee", False), ("No", False), ("Ja", True)])
def test_automated_decisions_yes_or_no(
    workspace: Path, tmp_path: Path, cell: str, used: bool
) -> None:
    _import(workspace, tmp_path, f"Naam;Geautomatiseerde besluitvorming\nHR;{cell}\n")
    assert written_record(workspace, "pa-hr.yaml")["automated_decisions"] == {"used": used}


def test_a_processors_customer_is_the_customer_source(workspace: Path, tmp_path: Path) -> None:
    """For a processor activity the customer a source column names is our customer (the
    controller), not the person concerned."""
    _import(workspace, tmp_path, "Naam;Rol;Bron\nSalaris;verwerker;Klant (werkgever)\n")
    found = written_record(workspace, "pa-salaris.yaml")["sources"]
    assert found == [{"type": "customer", "description": "Klant (werkgever)"}]


# The columns of the register Hendrik-Ido-Ambacht publishes, in the order and words its page
# explains them (https://www.h-i-ambacht.nl/Politiek_Bestuur/Totaaloverzicht_Politiek_en_Bestuur
# /Inspraak_en_informatierecht/Verwerkingenregister): "Omschrijving: Om welk proces gaat het",
# "Betrokken", "Ketenpartners", "Rechtmatige grondslag: ... (wettelijke verplichting,
# overeenkomst of algemeen belang)", "Grondslag: De wettelijke grondslag", "Doorgifte naar het
# buitenland". The rows are a reconstruction in the register's style, not copied from it.
HENDRIK_IDO_AMBACHT = (
    "Omschrijving;Verwerkingsdoeleinden;Persoonsgegevens;Betrokken;Ketenpartners;"
    "Rechtmatige grondslag;Grondslag;Bewaartermijn;Doorgifte naar het buitenland\n"
    "Schuldhulpverlening;Bieden van schuldhulpverlening;NAW-gegevens, BSN, financiële gegevens;"
    "Inwoners;Stadsbank;Algemeen belang;Wet gemeentelijke schuldhulpverlening art. 3;7 jaar;Nee\n"
)


def test_a_register_naming_its_process_under_omschrijving(workspace: Path, tmp_path: Path) -> None:
    """Hendrik-Ido-Ambacht's register: the process is named under 'Omschrijving', the Art. 6
    basis under 'Rechtmatige grondslag' and the law under 'Grondslag'; every column is read."""
    report = _import(workspace, tmp_path, HENDRIK_IDO_AMBACHT)
    assert report.unknown_columns == ()
    record = written_record(workspace, "pa-schuldhulpverlening.yaml")
    assert record["name"] == "Schuldhulpverlening"
    assert "description" not in record
    assert record["purposes"] == [
        {
            "description": "Bieden van schuldhulpverlening",
            "legal_basis": "public-task",
            "legal_provision": "Wet gemeentelijke schuldhulpverlening art. 3",
        }
    ]
    assert record["data_subjects"] == ["Inwoners"]
    assert record["recipients"] == [{"name": "Stadsbank", "type": "other"}]
    assert "transfers" not in record
    assert not [m for m in row_messages(report, 2) if "no name" in m]


def test_the_law_and_the_basis_in_each_others_column(workspace: Path, tmp_path: Path) -> None:
    """When the law stands in the first of two basis columns and the Art. 6 basis in the
    second, each is still read as what it is."""
    text = (
        "Naam;Doel;Grondslag;Rechtmatige grondslag\n"
        "Omgevingsvergunning;Verlenen vergunning;Omgevingswet;Wettelijke verplichting\n"
    )
    _import(workspace, tmp_path, text)
    assert written_record(workspace, "pa-omgevingsvergunning.yaml")["purposes"] == [
        {
            "description": "Verlenen vergunning",
            "legal_basis": "legal-obligation",
            "legal_provision": "Omgevingswet",
        }
    ]


def test_a_long_description_does_not_name_the_activity(workspace: Path, tmp_path: Path) -> None:
    """Without a name column, only a description that reads as a title names the activity: a
    sentence stays the description and the first purpose names it."""
    text = (
        "Omschrijving;Doel\n"
        "In dit proces beoordelen wij aanvragen voor bijzondere bijstand.;Verlenen bijstand\n"
    )
    _import(workspace, tmp_path, text)
    record = written_record(workspace, "pa-verlenen-bijstand.yaml")
    assert record["description"].startswith("In dit proces")


# The 17 columns of Amersfoort's Register van Verwerkingen, as its page lists them
# (https://www.amersfoort.nl/register-van-verwerkingen-amersfoort); VNG published it as a model
# for other municipalities. The rows are a reconstruction in the register's style.
AMERSFOORT = (
    "naam afdeling;taak afdeling;verwerking;verwerkingsactiviteit;verwerkingsverantwoordelijken;"
    "publiek/privaat;verwerkingsdoeleinden;rechtmatige grondslag;"
    "categorieën van persoonsgegevens;bewaartermijn;herkomst gegevens;categorieën van ontvangers;"
    "doorgifte aan een derde land of internationale organisatie;samenwerkende partijen;"
    "convenant/privacyprotocol;gezamenlijke verantwoordelijkheid;verdere verwerking\n"
    "Burgerzaken;Basisregistratie personen;BRP;Registreren adreswijziging;college;publiek;"
    "Bijhouden van de BRP;Wettelijke verplichting: Wet BRP art. 2.38;NAW, BSN;Permanent;"
    "betrokkene;Afnemers BRP;Nee;n.v.t.;n.v.t.;Nee;Nee\n"
    "Burgerzaken;Basisregistratie personen;BRP;Registreren geboorte;college;publiek;"
    "Bijhouden van de BRP;Wettelijke verplichting: Wet BRP art. 2.4;NAW, BSN;Permanent;"
    "ziekenhuis;Afnemers BRP;Nee;n.v.t.;n.v.t.;Nee;Nee\n"
)


def test_the_amersfoort_model_register(workspace: Path, tmp_path: Path) -> None:
    """Amersfoort's model: each row is an activity ('verwerkingsactiviteit') of a process
    ('verwerking'), so the activity names the record; the Art. 6 basis is under 'rechtmatige
    grondslag', and 'gezamenlijke verantwoordelijkheid: Nee' names no joint controller."""
    report = _import(workspace, tmp_path, AMERSFOORT)
    record = written_record(workspace, "pa-registreren-adreswijziging.yaml")
    assert written_record(workspace, "pa-registreren-geboorte.yaml")["name"] == (
        "Registreren geboorte"
    )
    assert record["purposes"] == [
        {
            "description": "Bijhouden van de BRP",
            "legal_basis": "legal-obligation",
            "legal_provision": "Wet BRP art. 2.38",
        }
    ]
    assert record["role"] == "controller"
    assert "joint_controllers" not in record
    assert "verwerking: BRP" in str(record["notes"])
    assert {header for _, header in report.unknown_columns} == {
        "naam afdeling", "taak afdeling", "verwerking", "verwerkingsverantwoordelijken",
        "publiek/privaat", "samenwerkende partijen", "convenant/privacyprotocol",
        "verdere verwerking",
    }  # fmt: skip


@pytest.mark.parametrize("cell", ["Ja", "Ja, GGD regio Utrecht"])
def test_a_yes_under_joint_responsibility(workspace: Path, tmp_path: Path, cell: str) -> None:
    """'Gezamenlijke verantwoordelijkheid: Ja' says the activity is under joint control; 'Ja'
    is no party's name: the parties after it are the joint controllers."""
    report = _import(
        workspace, tmp_path, f'Naam;Gezamenlijke verantwoordelijkheid\nJeugdzorg;"{cell}"\n'
    )
    record = written_record(workspace, "pa-jeugdzorg.yaml")
    assert record["role"] == "joint-controller"
    parties = record.get("joint_controllers", [])
    assert {"name": "Ja"} not in parties
    if cell == "Ja":
        assert "joint_controllers" not in record
        assert any("names no joint controller" in m for m in row_messages(report, 2))
    else:
        assert parties == [{"name": "GGD regio Utrecht"}]


# The RoPA template in github.com/wevans311082/cyberask_documentation,
# templates/records-of-processing-template.md: a markdown table with these headers and empty
# rows; the rows below are a reconstruction in its words.
CYBERASK = (
    "Processing Reference,Business Owner,Purpose of Processing,Data Subjects,"
    "Categories of Personal Data,Special Category Data? (Y/N),Lawful Basis,"
    "Processors / Recipients,Transfers Outside UK/EU (Safeguards),Retention Period,"
    "Security Measures,Last Review Date\n"
    'PR-02,Head of Marketing,Newsletter,Subscribers,Email address,N,Consent,"Mailchimp '
    '(processor), HMRC",USA (SCCs),Until unsubscribe,MFA,2024-03-01\n'
)


def test_a_uk_ropa_template(workspace: Path, tmp_path: Path) -> None:
    """The template's reference, special-category question, recipients-and-processors and
    transfers columns are read; only the owner (no person in the workspace) and the review
    date are left over for notes."""
    report = _import(workspace, tmp_path, CYBERASK)
    assert report.unknown_columns == (("register", "Last Review Date"),)
    record = written_record(workspace, "pa-newsletter.yaml")
    assert record["recipients"] == [
        {"name": "Mailchimp", "type": "processor"},
        {"name": "HMRC", "type": "public-authority"},
    ]
    assert record["transfers"] == [
        {"country": "US", "recipient": "Mailchimp", "mechanism": "standard-contractual-clauses"}
    ]
    assert "Id in the register: PR-02" in record["notes"]
    assert "special_category" not in str(record["personal_data"])


# A Dutch register kept as a markdown table in github.com/veighnsche/llama-orch,
# consumers/.business/ondernemersplan_NL_nl/.001-draft/legal/processing_register.md, its header
# and first row as written there.
LLAMA_ORCH = (
    "Proces;Doel;Categorieën data;Betrokkenen;Ontvangers;Locatie;Bewaartermijn;Beveiliging\n"
    "Website/CRM;Leadgeneratie;naam, e\u2011mail, bedrijf, UTM;Leads;CRM/analytics;EU;"
    "12\u201324 mnd;RBAC, TLS\n"
)


def test_a_process_column_names_the_activity(workspace: Path, tmp_path: Path) -> None:
    """'Proces' names the activity, 'Categorieën data' are its data categories and 'Locatie'
    where the data is; every column is read."""
    report = _import(workspace, tmp_path, LLAMA_ORCH)
    assert report.unknown_columns == ()
    record = written_record(workspace, "pa-website-crm.yaml")
    assert record["purposes"] == [{"description": "Leadgeneratie"}]
    assert [c["name"] for c in record["personal_data"]] == [
        "naam", "e\u2011mail", "bedrijf", "UTM"
    ]  # fmt: skip
    assert "Data location as written in the register: EU" in record["notes"]


@pytest.mark.parametrize(
    ("headers", "name"),
    [
        ("Proces;Naam verwerking", "Aanvraag"),
        ("Naam verwerking;Proces", "Aanvraag"),
        ("Verwerking;Verwerkingsactiviteit", "Aanvraag"),
    ],
)
def test_the_activity_column_names_the_record_before_the_process(
    workspace: Path, tmp_path: Path, headers: str, name: str
) -> None:
    """Of a process column and an activity column, the activity names the record, in either
    order; the process is kept in notes."""
    first = headers.split(";", maxsplit=1)[0]
    row = "Vergunningen;Aanvraag" if first in {"Proces", "Verwerking"} else "Aanvraag;Vergunningen"
    _import(workspace, tmp_path, f"{headers};Doel\n{row};Verlenen\n")
    record = written_record(workspace, f"pa-{name.lower()}.yaml")
    assert record["name"] == name
    assert "Vergunningen" in record["notes"]


# "TicketSmith's" processing register, a markdown table in a public GitHub repository that the
# code search showed without its repository's name: "ID | Activity | Data Type | Lawful Basis |
# Location | Retention | Owner". Its first row, as written. "Account life + 2 years" and
# "Employment + 7 years" are retentions several public registers and policies write.
TICKETSMITH = (
    "ID,Activity,Data Type,Lawful Basis,Location,Retention,Owner\n"
    'PR1,User account management,"Name, email, credentials",Contract,PostgreSQL,'
    "Account life + 2 years,Compliance\n"
)


def test_a_period_after_what_lasts(workspace: Path, tmp_path: Path) -> None:
    """'Account life + 2 years' counts the two years from the account's life: that is the
    trigger, not 'not stated'; 'Data Type' lists the data categories."""
    report = _import(workspace, tmp_path, TICKETSMITH)
    record = written_record(workspace, "pa-user-account-management.yaml")
    assert record["retention"] == {"period": "P2Y", "trigger": "Account life"}
    assert [c["name"] for c in record["personal_data"]] == ["Name", "email", "credentials"]
    assert ("register", "Data Type") not in report.unknown_columns


@pytest.mark.parametrize(
    ("cell", "period", "trigger"),
    [
        ("Account life + 2 years", "P2Y", "Account life"),
        ("Employment + 7 years", "P7Y", "Employment"),
        ("Account life + 90 days", "P90D", "Account life"),
        ("Dienstverband + 2 jaar", "P2Y", "Dienstverband"),
    ],
)
def test_a_period_after_what_lasts_is_counted_from_it(
    workspace: Path, tmp_path: Path, cell: str, period: str, trigger: str
) -> None:
    _import(workspace, tmp_path, f"Naam;Bewaartermijn\nHR;{cell}\n")
    record = written_record(workspace, "pa-hr.yaml")
    assert record["retention"] == {"period": period, "trigger": trigger}

"""Registers shaped as Dutch and Belgian public bodies publish them, for import tests.

Each builder writes one file as the body's office software would: a title row and an empty row
above a header, a merged group row over the header, trailing empty columns, a notes row under
the table, multi-line cells, and Dutch Excel's semicolon CSV in Windows-1252. The cells are
worded as published registers word them (``art. 6 lid 1 sub c AVG``, ``7 jaar na
beëindiging``, ``permanent (Archiefwet)``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook

Rows = Sequence[Sequence[str | None]]

MUNICIPALITY_HEADER = (
    "Nr.", "Naam verwerking", "Afdeling", "Proceseigenaar", "Doel(en)", "Grondslag",
    "Categorieën betrokkenen", "Categorieën persoonsgegevens", "Bijzondere persoonsgegevens",
    "Bewaartermijn", "Ontvangers", "Verwerker(s)", "Doorgifte derde landen",
    "Beveiligingsmaatregelen", "DPIA uitgevoerd", "Restrisico",
)  # fmt: skip
MUNICIPALITY_ROWS: Rows = (
    ("1", "Bijstandsverlening", "Werk en Inkomen", "Teamleider Inkomen",
     "Vaststellen recht op bijstand\nTerugvordering en verhaal",
     "art. 6 lid 1 sub c AVG (Participatiewet art. 17)",
     "Aanvragers bijstand; partners", "NAW-gegevens\nBSN\nInkomensgegevens",
     "Gezondheid", "10 jaar na beëindiging uitkering", "UWV, Belastingdienst",
     "Centric", "Nee", "Zie informatiebeveiligingsbeleid", "Ja", "Middel"),
    ("2", "Huwelijk en geregistreerd partnerschap", "Publiekszaken", "Privacy officer",
     "Voltrekken huwelijk en registratie in de BRP", "publiekrechtelijke taak",
     "Bruid en bruidegom, getuigen", "NAW-gegevens, geboortedatum, BSN", "Nee",
     "permanent (Archiefwet)", "Burgerlijke stand", None, "Nee", None, "Nee", "Laag"),
    ("3", "Nieuwsbrief", "Communicatie", "Communicatieadviseur", "Versturen nieuwsbrief",
     "toestemming", "Abonnees", "E-mailadres", "Nee", "tot 2 jaar na afmelding", None,
     "Mailchimp (VS)", "Ja, VS (SCC)", None, "Nee", None),
    ("4", "Parkeervergunningen", "Vergunningen", None,
     "Verlenen parkeervergunning\nHandhaving parkeerregels", "Art. 6 lid 1 sub b en c AVG",
     "Bewoners; bedrijven", "Kenteken, adres", "Nee", "7 jaar", "RDW", None, "Nee",
     "Toegangsbeheer, logging", "Nee", "Laag"),
)  # fmt: skip


def municipality_xlsx(path: Path) -> Path:
    """A municipality's register: title row, empty row, merged group row, trailing empty
    columns and a source note under the table."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Verwerkingsregister"
    width = len(MUNICIPALITY_HEADER)
    sheet.append(["Verwerkingsregister gemeente Voorbeeldstad (art. 30 AVG)"])
    sheet.append([])
    sheet.append(["Algemeen", None, None, None, "Verwerking", None, "Gegevens"])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=4)
    sheet.merge_cells(start_row=3, start_column=5, end_row=3, end_column=6)
    sheet.merge_cells(start_row=3, start_column=7, end_row=3, end_column=width)
    sheet.append([*MUNICIPALITY_HEADER, None, None])
    for row in MUNICIPALITY_ROWS:
        sheet.append([*row, None, None])
    sheet.append([])
    sheet.append(["Bron: verwerkingsregister, vastgesteld door het college op 12-03-2024"])
    book.save(path)
    return path


WATER_BOARD_CSV = (
    "Register van verwerkingsactiviteiten Waterschap De Voorbeelden;;;;;;;;;\n"
    ";;;;;;;;;\n"
    "Verwerking;Doel van de verwerking;Rechtsgrond;Wet/artikel;Categorie betrokkenen;"
    "Categorieën persoonsgegevens;Bewaartermijn;Categorieën ontvangers;"
    "Verwerkingsverantwoordelijke;Bron\n"
    "Heffing watersysteemheffing;Opleggen en innen van belastingen;Wettelijke verplichting;"
    "Waterschapswet art. 117;Eigenaren en gebruikers van onroerende zaken;"
    "NAW, WOZ-waarde, BSN;7 jaar na afhandeling;Gemeentelijke Belastingkantoor;"
    "Dagelijks bestuur;BRP, Kadaster\n"
    'Vergunningverlening;"Beoordelen aanvraag watervergunning\n'
    'Toezicht op naleving";Art. 6 lid 1 sub c en e AVG;Waterwet;Aanvragers;'
    '"NAW-gegevens\nTelefoonnummer";tot 2 jaar na afhandeling;Provincie;'
    "Dagelijks bestuur;Aanvrager\n"
    "Personeelsdossier;Uitvoering arbeidsovereenkomst;"
    "wettelijke verplichting (Ambtenarenwet art. 125);;Medewerkers;"
    "NAW, salaris, ziekteverzuim;zolang nodig;Belastingdienst, ABP;"
    "Secretaris-directeur;Medewerker\n"
    ";;;;;;;;;\n"
    "Toelichting: dit register wordt jaarlijks herzien.;;;;;;;;;\n"
)


def water_board_csv(path: Path) -> Path:
    """A water board's register as Dutch Excel saves CSV: semicolons, Windows-1252."""
    path.write_bytes(WATER_BOARD_CSV.encode("cp1252"))
    return path


HOSPITAL_HEADER = (
    "Verwerkingsactiviteit", "Doeleinden", "Wettelijke grondslag", "Categorieën betrokkenen",
    "Categorieën persoonsgegevens", "Bijzondere persoonsgegevens",
    "Grondslag bijzondere persoonsgegevens", "Bewaartermijn", "Categorieën ontvangers",
    "Doorgifte derde landen", "DPIA uitgevoerd", "Restrisico", "Proceseigenaar",
)  # fmt: skip
HOSPITAL_ROWS: Rows = (
    ("Elektronisch patiëntendossier", "Verlenen van zorg",
     "Art. 6 lid 1 sub b en c AVG (WGBO art. 7:454 BW)", "Patiënten",
     "NAW, BSN, medische gegevens", "Ja (gezondheid)", "Art. 9 lid 2 sub h AVG",
     "20 jaar na laatste behandeling", "Zorgverzekeraars, huisartsen", "Nee", "Ja", "Hoog",
     "Chief Medical Information Officer"),
    ("Cameratoezicht", "Beveiliging van personen en eigendommen", "gerechtvaardigd belang",
     "Bezoekers, medewerkers", "Camerabeelden", "Nee", None, "4 weken", "Politie", "Nee",
     "Ja", "Laag", "Hoofd Beveiliging"),
)  # fmt: skip


def hospital_xlsx(path: Path) -> Path:
    """A hospital's register: an instructions sheet first, then the register with Ja/Nee
    columns for DPIA and special data."""
    book = Workbook()
    intro = book.active
    assert intro is not None
    intro.title = "Toelichting"
    intro.append(["Dit register is opgesteld conform artikel 30 AVG."])
    sheet = book.create_sheet("Register")
    sheet.append(list(HOSPITAL_HEADER))
    for row in HOSPITAL_ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


BELGIAN_FRENCH_HEADER = (
    "N°", "Traitement", "Finalité", "Base juridique", "Catégories de personnes concernées",
    "Catégories de données", "Durée de conservation", "Destinataires", "Transferts hors UE",
    "Responsable du traitement",
)  # fmt: skip
BELGIAN_FRENCH_ROWS: Rows = (
    ("T-01", "Gestion du personnel", "Paiement des salaires",
     "Art. 6.1.c RGPD - obligation légale (loi du 12 avril 1965)", "Membres du personnel",
     "Identification, données financières, numéro de registre national",
     "5 ans après la fin du contrat", "SPF Finances, ONSS", "Non", "Le collège communal"),
    ("T-02", "Population", "Tenue du registre de la population", "Mission d'intérêt public",
     "Habitants", "Nom, adresse, numéro de registre national", "Permanent (archives)",
     "Registre national", "Non", "Le collège communal"),
)  # fmt: skip


def belgian_french_xlsx(path: Path) -> Path:
    """A Walloon commune's register in French."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Registre des traitements"
    sheet.append(["Registre des activités de traitement - Commune de Exemple"])
    sheet.append(list(BELGIAN_FRENCH_HEADER))
    for row in BELGIAN_FRENCH_ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


UNIVERSITY_CSV = (
    "Naam verwerking,Doel(en),Grondslag,Categorieën betrokkenen,Categorieën persoonsgegevens,"
    "Bewaartermijn,Ontvangers,Verwerker(s),Doorgifte derde landen,DPIA uitgevoerd,"
    "Afdeling,\n"
    'Studentenadministratie,"Inschrijving studenten\nUitgifte diploma\'s",'
    '"Art. 6 lid 1 sub c en e AVG\nWHW",Studenten,"NAW, studentnummer, cijfers",'
    "50 jaar na uitschrijving (diploma),DUO,Osiris,Nee,Nee,Onderwijs & Studentzaken,\n"
    'Alumnirelaties,Onderhouden contact met alumni,toestemming,Alumni,"NAW, e-mailadres",'
    'tot intrekking toestemming,,Salesforce,"Ja, Verenigde Staten (Data Privacy Framework)",'
    "Nee,Marketing,\n"
)


def university_csv(path: Path) -> Path:
    """A university's register as CSV UTF-8 with commas and a trailing empty column."""
    path.write_text(UNIVERSITY_CSV, encoding="utf-8")
    return path


FLEMISH_CSV = (
    "Naam verwerking;Doel;Rechtsgrond;Categorieën betrokkenen;Categorieën persoonsgegevens;"
    "Bewaringstermijn;Ontvangers;Verwerker(s)\n"
    "Subsidiedossiers;Toekennen van subsidies;art. 6.1.e AVG (decreet van 18 juli 2008);"
    "Aanvragers;Identificatiegegevens, rijksregisternummer, rekeningnummer;"
    "10 jaar na de laatste uitbetaling;Rekenhof;Digipolis\n"
)


def flemish_csv(path: Path) -> Path:
    """A Flemish body's register in Dutch, with Belgian article notation."""
    path.write_bytes(FLEMISH_CSV.encode("cp1252"))
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "gemeente.xlsx": municipality_xlsx,
    "waterschap.csv": water_board_csv,
    "ziekenhuis.xlsx": hospital_xlsx,
    "commune.xlsx": belgian_french_xlsx,
    "universiteit.csv": university_csv,
    "vlaanderen.csv": flemish_csv,
}

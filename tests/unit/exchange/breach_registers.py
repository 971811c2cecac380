"""Breach registers (registers van datalekken, registres des violations) as Dutch and Belgian
organisations keep them, for import tests.

Each builder writes one file as the organisation's office software would: a title row above
the header, Excel dates and date-times beside dates typed as text ("12-3-2025 14:05", "12 maart
2025"), Ja/Nee columns, a reason column left empty where the officer forgot, and Dutch Excel's
semicolon CSV in Windows-1252.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

Cell = str | int | date | datetime | None
Rows = Sequence[Sequence[Cell]]

CARE_HEADER = (
    "Nummer", "Datum ontdekking", "Datum (begin) inbreuk", "Omschrijving",
    "Aard van de inbreuk", "Oorzaak", "Categorieën betrokkenen", "(Geschat) aantal betrokkenen",
    "Categorieën persoonsgegevens", "Bijzondere persoonsgegevens (ja/nee)", "Mogelijke gevolgen",
    "Genomen maatregelen", "Gemeld bij AP (ja/nee)", "Datum melding AP", "Meldnummer AP",
    "Reden niet gemeld", "Betrokkenen geïnformeerd (ja/nee)", "Datum informeren betrokkenen",
    "Reden betrokkenen niet geïnformeerd", "Verwerker", "Status", "Afgehandeld op",
    "Gegevens elders beschikbaar", "Hersteld op",
)  # fmt: skip
CARE_ROWS: Rows = (
    # Notified 116 hours after discovery, no reason for the delay: INC005.
    ("2025-001", datetime(2025, 3, 12, 14, 5), date(2025, 3, 11),  # noqa: DTZ001 - Excel has no zones
     ("E-mail met ontslagbrieven van 14 cliënten naar een verkeerde huisartsenpraktijk "
      "gestuurd.\nDe ontvanger heeft de e-mail na een dag verwijderd."),
     "Vertrouwelijkheid", "Verkeerd adres gekozen bij automatisch aanvullen", "Cliënten",
     "14", "NAW, BSN, diagnose", "Ja (gezondheid)", "Schaamte, misbruik van BSN",
     "Ontvanger gevraagd te verwijderen\nAutomatisch aanvullen uitgezet", "Ja",
     "17-03-2025 10:00", "M2025-00417", None, "Ja", "14-03-2025", None, None, "Gesloten",
     "2025-04-01", None, None),
    # A decision not to notify, with its reason; the stick held a copy of the rosters.
    ("2025-002", "2-4-2025 09:30", None,
     "Versleutelde USB-stick met roosters verloren in de trein.", "beschikbaarheid",
     "Verlies", "Medewerkers", "ca. 1.200", "Naam, rooster", "Nee", None,
     "Stick op afstand geblokkeerd", "Nee", None, None,
     "Geen risico: stick versleuteld met AES-256, wachtwoord niet gelekt", "Nee", None,
     "Gegevens onleesbaar door versleuteling", None, "Afgehandeld", None,
     "Ja, de roosters staan in het roostersysteem", None),
    # "Nee" under "Gemeld bij AP" and no reason: no decision, kept in notes; INC016.
    ("2025-003", "28 april 2025", None,
     "Inloggegevens van het cliëntportaal gephisht; aanvaller heeft mogelijk dossiers ingezien.",
     "Vertrouwelijkheid, integriteit", "Phishing", "Cliënten; mantelzorgers", "100-200",
     "Zorgdossiers", "Ja", None, None, "Nee", None, None, None, None, None, None,
     "Zorgportaal B.V.", "Open", None, None, None),
    # Notified on the third day, dates only: whether within 72 hours cannot be told.
    ("2025-004", date(2025, 6, 2), None,
     "Back-up van het roostersysteem onbereikbaar na storing bij de hostingpartij.",
     "Beschikbaarheid", "Storing bij verwerker", "Medewerkers", "85", "Naam, rooster", "Nee",
     "Roosters tijdelijk niet beschikbaar", "Terugzetten vanuit tweede back-up", "Ja",
     date(2025, 6, 5), "M2025-01102", None, "Nee", None, "Geen hoog risico", "Hosting B.V.",
     "Gesloten", date(2025, 6, 20), "Nee", date(2025, 6, 4)),
)  # fmt: skip


def care_xlsx(path: Path) -> Path:
    """A care organisation's register: a title row, Excel date-times and dates, and dates
    typed as text in the cells beside them."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Datalekken"
    sheet.append(["Register van datalekken (art. 33 lid 5 AVG) - Zorggroep Voorbeeld"])
    sheet.append(list(CARE_HEADER))
    for row in CARE_ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


BELGIAN_HEADER = (
    "N°", "Date de découverte", "Description", "Nature de la violation",
    "Catégories de personnes concernées", "Nombre de personnes concernées",
    "Catégories de données", "Conséquences probables", "Mesures prises", "Notifié à l'APD",
    "Date de notification", "Motif de non-notification", "Personnes concernées informées",
    "Statut",
)  # fmt: skip
BELGIAN_ROWS: Rows = (
    ("V-2025-01", "1er mars 2025 à 14h05",
     "Liste des membres envoyée en copie visible (CC) à 230 destinataires.", "Confidentialité",
     "Membres", "230", "Nom, adresse e-mail", "Spam, hameçonnage", "Excuses envoyées",
     "Oui", "3 mars 2025 à 09h00", None, "Non", "Clôturé"),
    ("V-2025-02", "30-03-2025 02:30", "Serveur de fichiers chiffré par un rançongiciel.",
     "Disponibilité", "Personnel", "environ 40", "Données RH", None,
     "Restauration depuis la sauvegarde", "Non",
     None, "Sauvegarde restaurée en 4 heures, aucune donnée consultée", "Non", "En cours"),
)  # fmt: skip


def belgian_xlsx(path: Path) -> Path:
    """A Brussels association's register in French, dates written out in words."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Registre des violations"
    sheet.append(list(BELGIAN_HEADER))
    for row in BELGIAN_ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


SHOP_CSV = (
    "Datalekkenregister Webwinkel Voorbeeld;;;;;;;;;;\n"
    "Kenmerk;Datum constatering;Wat is er gebeurd?;Aard;Categorieën persoonsgegevens;"
    "Aantal betrokkenen;Gemeld bij AP;Datum melding AP;Reden niet gemeld;Status;Opmerkingen\n"
    "DL-24-07;12-3-2025 14:05;Klantenbestand per abuis gedeeld via een openbare link.;"
    "Lezen (vertrouwelijkheid);Naam, adres, bestelgeschiedenis;3400;Ja;"
    "2025-03-14T11:30;;Gesloten;Link na 2 uur ingetrokken\n"
    "DL-24-08;31-02-2025;Medewerker stuurt factuur naar verkeerde klant.;Vertrouwelijkheid;"
    "Naam, factuurbedrag;1;Nee;;Eén klant, geen gevoelige gegevens, ontvanger heeft "
    "verwijderd;Gesloten;\n"
    ";;;;;;;;;;\n"
)


def shop_csv(path: Path) -> Path:
    """A web shop's register as Dutch Excel saves CSV: semicolons, Windows-1252."""
    path.write_bytes(SHOP_CSV.encode("cp1252"))
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "datalekken-zorg.xlsx": care_xlsx,
    "registre-violations.xlsx": belgian_xlsx,
    "datalekken-webwinkel.csv": shop_csv,
}

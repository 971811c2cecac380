"""Compliance calendars (jaarplanning ISMS, PDCA-kalender, compliance-agenda, plan annuel) as
Dutch and Belgian organisations keep them, for import tests.

Each builder writes one file as the organisation's office software would: a title row above the
header, Excel dates beside months and quarters typed as text ("maart", "Q2 2026", "week 12"),
owners by role or name, a norm column mixing clauses, controls and articles, a status column,
and Dutch Excel's semicolon CSV in Windows-1252.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

Cell = str | int | date | datetime | None
Rows = Sequence[Sequence[Cell]]

ISMS_HEADER = (
    "Activiteit", "Omschrijving", "Categorie", "Frequentie", "Verantwoordelijke",
    "Laatst uitgevoerd", "Gepland", "Vastlegging", "Norm", "Status", "Opmerkingen",
)  # fmt: skip
ISMS_ROWS: Rows = (
    # Done in March 2025 with its report; planned for next March; due 2026-03-12: overdue.
    ("Interne audit ISMS", "Audit van alle ISMS-processen door extern bureau", "Audit",
     "Jaarlijks", "CISO", date(2025, 3, 12), "maart", "evidence/audits/interne-audit-2025.pdf",
     "ISO 27001 9.2", "Afgerond", "Bureau: Audit & Co"),
    # Never done; planned in a quarter: first_due the quarter's last day.
    ("Directiebeoordeling", None, "Review", "jaarlijks", "Chris Smit", None, "Q2 2026", None,
     "ISO/IEC 27001:2022 9.3", "Gepland", None),
    # A month and year for last done, text for evidence, an owner who is no person.
    ("Hersteltest back-ups", "Terugzetten van een willekeurige back-up", "Test",
     "Per kwartaal", "IT-beheer", "september 2026", None, "Verslag in TOPdesk", "A.8.13",
     "Gedaan", None),
    # A frequency no interval: reported, never given one.
    ("Phishingsimulatie", None, "Awareness", "ad hoc", "CISO", None, None, None, None, None,
     None),
    # Done on time; a plan that agrees with the derived due date.
    ("Review toegangsrechten", None, None, "elk kwartaal", "ciso", date(2026, 10, 5),
     "05-01-2027", "https://intranet.example.nl/isms/access-review-q3", "A.5.18", "Afgerond",
     None),
)  # fmt: skip


def isms_xlsx(path: Path) -> Path:
    """A Dutch ISMS annual plan (jaarplanning): a title row, Excel dates and months as text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Jaarplanning 2026"
    sheet.append(["Jaarplanning ISMS 2026 - Casus B.V."])
    sheet.append(list(ISMS_HEADER))
    for row in ISMS_ROWS:
        sheet.append(list(row))
    notes = book.create_sheet("Toelichting")
    notes.append(["Deze planning wordt elk kwartaal besproken in het MT."])
    book.save(path)
    return path


BELGIAN_HEADER = (
    "Tâche", "Catégorie", "Fréquence", "Responsable", "Dernière fois", "Échéance", "Norme",
    "Statut",
)  # fmt: skip
BELGIAN_ROWS: Rows = (
    ("Revue du registre des traitements", "Registre", "annuel", "dpo@casus.example",
     date(2026, 1, 20), None, "RGPD art. 30", "Fait"),
    ("Test du plan de continuité", "Continuité", "annuel", "Dana Peters", None, "T2 2026",
     None, "Prévu"),
    ("Revue des sous-traitants", "Fournisseurs", "tous les 2 ans", "DPO", None, None,
     "Procédure interne", "À faire"),
)  # fmt: skip


def belgian_xlsx(path: Path) -> Path:
    """A Brussels association's plan annuel in French, with a quarter as its due date."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan annuel"
    sheet.append(list(BELGIAN_HEADER))
    for row in BELGIAN_ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


AGENDA_CSV = (
    "Compliance-agenda privacy;;;;;;;\n"
    "Onderwerp;Type;Periodiciteit;Eigenaar;Laatste keer;Volgende keer;Clausule;Bewijs\n"
    "Bewustwordingstraining AVG;Training;halfjaarlijks;Dana Peters;14-4-2026;week 42;"
    "AVG art. 39;presentatie + presentielijst\n"
    "Herbeoordeling DPIA cliëntportaal;Privacy;elke 3 jaar;dpo;;15-03-2026;AVG art. 35 lid 11;\n"
    "Pentest website;Security;2-jaarlijks;Chris Smit;01-10-2025;;NEN 7510;"
    "evidence/pentest-2025.pdf\n"
    ";;;;;;;\n"
)


def agenda_csv(path: Path) -> Path:
    """A privacy officer's compliance agenda as Dutch Excel saves CSV: semicolons, Windows-1252."""
    path.write_bytes(AGENDA_CSV.encode("cp1252"))
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "jaarplanning-isms.xlsx": isms_xlsx,
    "plan-annuel.xlsx": belgian_xlsx,
    "compliance-agenda.csv": agenda_csv,
}

"""The words of a breach register (Art. 33(5) GDPR): the headers that name each field, the
label a note gives each field's cell, and the words its cells use for the nature of a breach,
the risk to people, status, severity, role, counts and the authorities notified.
"""

from __future__ import annotations

import re

from complykit.exchange.row_source import Notes, placeholder
from complykit.exchange.vocabulary import plain_header, unqualified
from complykit.model.wording.countries import folded

HEADERS: dict[str, tuple[str, ...]] = {
    "description": ("omschrijving", "beschrijving", "omschrijving datalek", "omschrijving incident",
                    "omschrijving inbreuk", "omschrijving van de inbreuk", "wat is er gebeurd",
                    "wat is er gebeurd?", "toedracht", "description", "what happened",
                    "description of the breach", "description de la violation",
                    "description de l'incident", "circonstances"),
    "number": ("nummer", "nr", "nr.", "no", "no.", "kenmerk", "referentie", "id", "volgnummer",
               "registratienummer", "incidentnummer", "nummer datalek", "kenmerk datalek",
               "number", "reference", "ref", "ref.", "numero", "n\u00b0"),
    "title": ("titel", "onderwerp", "korte omschrijving", "naam incident", "title", "subject",
              "titre", "objet"),
    "aware": ("datum ontdekking", "datum constatering", "datum en tijdstip ontdekking",
              "datum en tijd ontdekking", "ontdekt op", "geconstateerd op", "datum ontdekt",
              "datum vastgesteld", "datum kennisname", "date discovered", "date of discovery",
              "discovered", "discovered on", "date aware", "became aware", "aware",
              "date de decouverte", "date de constatation", "date de prise de connaissance"),
    "aware_time": ("tijdstip ontdekking", "tijd ontdekking", "tijdstip constatering",
                   "time discovered", "time of discovery", "heure de decouverte"),
    "detected": ("datum detectie", "gedetecteerd op", "date detected", "detected",
                 "detected on", "date de detection"),
    "occurred": ("datum inbreuk", "datum begin inbreuk", "begindatum inbreuk", "datum incident",
                 "datum datalek", "datum voorval", "datum en tijdstip inbreuk", "date of breach",
                 "breach date", "date of incident", "date occurred", "occurred",
                 "start of breach", "date de la violation", "date de l'incident",
                 "date de debut de la violation"),
    "occurred_time": ("tijdstip inbreuk", "tijdstip incident", "time of breach",
                      "heure de la violation"),
    "restored": ("hersteld op", "datum herstel", "datum hersteld", "gegevens hersteld op",
                 "weer beschikbaar op", "datum weer beschikbaar", "restored", "restored on",
                 "date restored", "available again on", "restaure le", "date de restauration",
                 "date de retablissement"),
    "still_available": ("gegevens elders beschikbaar", "gegevens nog beschikbaar",
                        "nog elders beschikbaar", "elders beschikbaar", "kopie elders",
                        "gegevens nog elders beschikbaar", "data still available",
                        "still available", "data available elsewhere", "available elsewhere",
                        "donnees toujours disponibles", "donnees disponibles ailleurs"),
    "contained": ("ingeperkt op", "datum ingeperkt", "datum inperking", "contained",
                  "contained on", "date contained", "date de confinement"),
    "nature": ("aard van de inbreuk", "aard inbreuk", "aard", "soort inbreuk", "type inbreuk",
               "aard van het datalek", "soort datalek", "type datalek", "nature",
               "nature of breach", "nature of the breach", "type of breach", "breach type",
               "nature de la violation", "type de violation"),
    "cause": ("oorzaak", "oorzaak inbreuk", "oorzaak datalek", "oorzaak incident", "root cause",
              "cause", "cause de la violation"),
    "subject_categories": ("categorieen betrokkenen", "categorie betrokkenen",
                           "categorieen van betrokkenen", "betrokkenen", "soort betrokkenen",
                           "data subjects", "categories of data subjects",
                           "categories de personnes concernees", "personnes concernees"),
    "subject_count": ("aantal betrokkenen", "geschat aantal betrokkenen", "aantal personen",
                      "number of data subjects", "approximate number of data subjects",
                      "nombre de personnes concernees",
                      "nombre approximatif de personnes concernees"),
    "record_count": ("aantal records", "aantal registraties", "number of records",
                     "approximate number of records", "nombre d'enregistrements"),
    "data_categories": ("categorieen persoonsgegevens", "categorie persoonsgegevens",
                        "soort persoonsgegevens", "soorten persoonsgegevens", "persoonsgegevens",
                        "categorieen van persoonsgegevens", "welke persoonsgegevens",
                        "categories of personal data", "personal data", "data categories",
                        "categories de donnees", "categories de donnees a caractere personnel",
                        "donnees concernees"),
    "special": ("bijzondere persoonsgegevens", "bijzondere categorieen persoonsgegevens",
                "bijzondere categorieen van persoonsgegevens", "gevoelige gegevens",
                "special categories", "special category data", "donnees sensibles",
                "categories particulieres de donnees"),
    "consequences": ("gevolgen", "mogelijke gevolgen", "gevolgen voor betrokkenen",
                     "waarschijnlijke gevolgen", "gevolgen van de inbreuk", "likely consequences",
                     "consequences", "consequences probables"),
    "measures": ("genomen maatregelen", "getroffen maatregelen", "maatregelen",
                 "genomen en voorgestelde maatregelen", "acties", "measures taken", "measures",
                 "actions", "remedial action", "mesures prises", "mesures"),
    "risk": ("risico", "risico voor betrokkenen", "risico betrokkenen", "risico-inschatting",
             "risicoinschatting", "inschatting risico", "risk", "risk to individuals",
             "risk to data subjects", "risk level", "risk assessment", "risque",
             "niveau de risque", "risque pour les personnes"),
    "risk_reasoning": ("motivering", "onderbouwing", "motivering risico", "risicoafweging",
                       "onderbouwing risico", "toelichting risico", "risk reasoning",
                       "justification", "motivation"),
    "authority": ("gemeld bij ap", "gemeld aan ap", "gemeld bij de ap", "gemeld aan de ap",
                  "gemeld bij autoriteit persoonsgegevens",
                  "gemeld bij de autoriteit persoonsgegevens", "gemeld bij gba",
                  "gemeld bij de gba", "gemeld aan gba", "gemeld bij toezichthouder",
                  "gemeld bij de toezichthouder", "melding ap", "melding toezichthouder",
                  "notified to authority", "reported to authority",
                  "notified to the supervisory authority", "notified to dpa", "reported to dpa",
                  "notifie a l'apd", "notification a l'apd", "notifie a l'autorite"),
    "authority_date": ("datum melding ap", "datum melding bij ap", "datum melding aan ap",
                       "datum melding gba",
                       "datum melding toezichthouder", "datum en tijdstip melding ap",
                       "date notified", "date of notification", "notification date",
                       "date de notification", "date de la notification"),
    "authority_time": ("tijdstip melding ap", "time notified",
                       "heure de notification"),
    "authority_reference": ("meldnummer ap", "kenmerk ap", "referentie ap", "nummer melding ap",
                            "dossiernummer ap", "dossiernummer gba", "authority reference",
                            "numero de notification", "reference apd"),
    "not_notified_reason": ("reden niet gemeld", "reden niet melden", "reden geen melding",
                            "reden waarom niet gemeld", "motivering niet melden",
                            "waarom niet gemeld", "reden niet gemeld bij ap",
                            "reason not notified", "reason for not notifying",
                            "raison de la non-notification", "motif de non-notification"),
    "late_reason": ("reden te late melding", "reden late melding", "reden vertraging",
                    "reden vertraging melding", "reason for delay", "reasons for delay",
                    "raison du retard", "motif du retard"),
    "subjects": ("betrokkenen geinformeerd", "betrokkenen ingelicht", "melding betrokkenen",
                 "melding aan betrokkenen", "gemeld aan betrokkenen", "informeren betrokkenen",
                 "betrokkenen geinformeerd?", "data subjects informed", "data subjects notified",
                 "individuals informed", "personnes concernees informees",
                 "communication aux personnes concernees"),
    "subjects_date": ("datum informeren betrokkenen", "datum melding betrokkenen",
                      "betrokkenen geinformeerd op", "datum geinformeerd",
                      "date data subjects informed", "date informed",
                      "date d'information des personnes concernees"),
    "subjects_reason": ("reden betrokkenen niet geinformeerd", "reden niet geinformeerd",
                        "reden niet informeren betrokkenen", "reden geen melding betrokkenen",
                        "reason data subjects not informed", "reason not informed",
                        "raison de la non-communication"),
    "subjects_method": ("wijze van informeren", "wijze informeren betrokkenen",
                        "hoe geinformeerd", "how informed", "moyen de communication"),
    "controller_date": ("datum melding verwerkingsverantwoordelijke",
                        "verwerkingsverantwoordelijke geinformeerd op", "controller notified",
                        "date controller notified"),
    "status": ("status", "stand van zaken", "statut"),
    "closed": ("afgehandeld op", "datum afgehandeld", "datum afhandeling", "gesloten op",
               "datum gesloten", "afgesloten op", "closed", "closed on", "date closed",
               "date de cloture", "cloture le"),
    "role": ("rol", "onze rol", "hoedanigheid", "rol avg", "role", "our role", "notre role"),
    "severity": ("ernst", "prioriteit", "ernst incident", "severity", "priority", "gravite",
                 "priorite"),
    "personal_data": ("persoonsgegevens betrokken", "persoonsgegevens betrokken?",
                      "personal data involved", "donnees personnelles concernees"),
    "breach_verdict": ("datalek ja/nee", "is er sprake van een datalek",
                       "is er sprake van een datalek?", "personal data breach?",
                       "is it a personal data breach?"),
}  # fmt: skip


# What a note calls each field's cell: "<label> as written in the register: <cell>". One table,
# so the same column is named the same way whichever path keeps it.
LABELS: dict[str, str] = {
    "description": "Description",
    "number": "Number in the register",
    "title": "Title",
    "aware": "Discovered",
    "aware_time": "Time of discovery",
    "detected": "Detected",
    "occurred": "Start of the breach",
    "occurred_time": "Time of the start of the breach",
    "contained": "Contained",
    "restored": "Data available again",
    "still_available": "Data still available elsewhere",
    "nature": "Nature of the breach",
    "cause": "Cause",
    "subject_categories": "Categories of people affected",
    "subject_count": "Number of people affected",
    "record_count": "Number of records",
    "data_categories": "Categories of personal data",
    "special": "Special categories of personal data",
    "consequences": "Likely consequences",
    "measures": "Measures taken",
    "risk": "Risk to people",
    "risk_reasoning": "Reasoning on the risk",
    "authority": "Notified to the authority",
    "authority_date": "Date notified to the authority",
    "authority_time": "Time notified to the authority",
    "authority_reference": "Authority's reference",
    "not_notified_reason": "Reason not notified",
    "late_reason": "Reason for a late notification",
    "subjects": "People affected told",
    "subjects_date": "Date people affected told",
    "subjects_reason": "Reason people not told",
    "subjects_method": "How people were told",
    "controller_date": "Controller told",
    "status": "Status",
    "closed": "Closed",
    "role": "Our role",
    "severity": "Severity",
    "personal_data": "Personal data involved",
    "breach_verdict": "Personal data breach (the register's verdict)",
}


def kept(notes: Notes, field: str, text: str, how: str = "") -> None:
    """Keep a cell in notes as written, under its field's label, with how it was read."""
    notes.add(f"{LABELS[field]} as written in the register: {text}{how}")


# The words that name a kind of breach, matched at the start of a word ("lost" is not in
# "opgelost", nor "loss" in "glossy"). Dutch joins words: the stems of NATURE_IN_COMPOUNDS
# also end a compound ("gegevensverlies", "datavernietiging").
NATURE: dict[str, tuple[str, ...]] = {
    "confidentiality": (
        "vertrouwelijk", "confidential", "confidentialit", "lezen", "kopieren", "inzage",
        "disclosure", "openbaarmaking", "toegang", "access", "acces", "verzonden", "verstuurd",
        "verstrekt", "gelekt", "leak", "fuite", "divulgation",
    ),
    "integrity": (
        "integriteit", "integrity", "integrite", "veranderen", "gewijzigd", "wijziging",
        "alteration", "altered", "modification",
    ),
    "availability": (
        "beschikbaarheid", "availability", "disponibilite", "verwijder", "vernietig", "verlies",
        "verloren", "loss", "lost", "destruction", "deleted", "ontoegankelijk", "unavailable",
        "indisponib",
    ),
}  # fmt: skip


NATURE_IN_COMPOUNDS = ("verlies", "vernietig", "verwijder", "wijziging")


# Access that was lost is a loss of availability, not an access by someone not entitled.
NO_ACCESS = re.compile(
    r"\b(?:geen|no|loss of|lost|verlies van(?: de)?|pas d|perte d|sans) ?(?:toegang|access|acces)"
)


RISK: dict[str, tuple[str, ...]] = {
    "none": (
        "geen",
        "geen risico",
        "none",
        "no risk",
        "aucun",
        "aucun risque",
        "nihil",
        "onwaarschijnlijk",
        "risico onwaarschijnlijk",
        "unlikely",
        "verwaarloosbaar",
        "negligible",
    ),
    "high-risk": (
        "hoog",
        "hoog risico",
        "high",
        "high risk",
        "high-risk",
        "eleve",
        "risque eleve",
        "zeer hoog",
        "very high",
    ),
    "risk": (
        "risico",
        "risk",
        "risque",
        "gemiddeld",
        "middel",
        "midden",
        "medium",
        "moyen",
        "verhoogd",
    ),
}


# "Low" is still a risk: Art. 33(1) spares only a breach unlikely to result in a risk.
LOW = ("laag", "laag risico", "low", "low risk", "faible", "risque faible", "beperkt")


STATUS: dict[str, tuple[str, ...]] = {
    "open": (
        "open",
        "lopend",
        "in behandeling",
        "in onderzoek",
        "nieuw",
        "new",
        "pending",
        "ouvert",
        "en cours",
        "onderhanden",
    ),
    "contained": ("ingeperkt", "contained", "beheerst"),
    "resolved": ("opgelost", "resolved", "resolu", "hersteld"),
    "closed": (
        "gesloten",
        "afgesloten",
        "afgehandeld",
        "afgerond",
        "closed",
        "clos",
        "cloture",
        "done",
        "gereed",
        "klaar",
    ),
}


SEVERITY: dict[str, tuple[str, ...]] = {
    "low": ("laag", "low", "faible", "gering"),
    "medium": ("midden", "middel", "gemiddeld", "medium", "moyen", "normaal"),
    "high": ("hoog", "high", "eleve", "ernstig"),
    "critical": ("kritiek", "kritisch", "critical", "critique", "zeer hoog", "very high"),
}


ROLES: dict[str, tuple[str, ...]] = {
    "controller": (
        "verwerkingsverantwoordelijke",
        "verantwoordelijke",
        "controller",
        "responsable",
    ),
    "processor": ("verwerker", "processor", "sous-traitant", "sous traitant"),
}


APPROXIMATELY = re.compile(
    r"^(?:ca\.?|circa|ongeveer|ong\.|plm\.?|pl\.m\.|approx\.?|approximately|about|around|"
    r"environ|\u00b1|~|\+/-)\s*"
)


# Tried only where a run of spaces starts: from each of its spaces, a long run is read again.
COUNTED = re.compile(r"(?<!\s)\s*(?:personen|betrokkenen|mensen|people|persons|individuals|"
                      r"personnes|records|registraties|enregistrements)$")  # fmt: skip


GROUPED = re.compile(r"[0-9]{1,3}(?:[.,\s][0-9]{3})+")


WHOLE_FLOAT = re.compile(r"([0-9]+)\.0+")


# The authorities a breach register's headers name, by the abbreviation they use: the
# member state and the authority's own name.
AUTHORITIES: dict[str, tuple[str, str]] = {
    "AP": ("NL", "Autoriteit Persoonsgegevens"),
    "GBA": ("BE", "Gegevensbeschermingsautoriteit"),
    "APD": ("BE", "Autorit\u00e9 de protection des donn\u00e9es"),
}


_AUTHORITY_WORDS = {"ap": "AP", "autoriteit persoonsgegevens": "AP", "gba": "GBA", "apd": "APD",
                    "l'apd": "APD"}  # fmt: skip


NOTIFICATION_FIELDS = frozenset(
    {"authority", "authority_date", "authority_time", "authority_reference"}
)


NAMED = "@"
"""Between a field and the authority its header names: ``authority@GBA``."""


def authority_named(header: str) -> str:
    """The abbreviation of the authority a header names (``Gemeld bij de GBA``: GBA); ""."""
    plain = f" {unqualified(plain_header(header))} "
    return next((a for w, a in _AUTHORITY_WORDS.items() if f" {w} " in plain), "")


def unread(what: str, text: str) -> str:
    """The warning for a cell the import cannot read: a placeholder (``-``, ``n.v.t.``) states
    nothing, which is not "none" (the import's one none-vocabulary, row_source)."""
    if placeholder(text):
        return f"{what} '{text}' states nothing; kept in notes"
    return f"{what} '{text}' not understood; kept in notes"


def found_in(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    """The first of ``choices`` one of whose words starts a word of ``text``; None if none."""
    words = f" {folded(text)} "
    return next((k for k, said in choices.items() if any(f" {w}" in words for w in said)), None)

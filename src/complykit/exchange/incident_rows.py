"""A breach register row (register van datalekken, register van inbreuken: Art. 33(5) GDPR) as
an ``incident`` record with its ``breach`` block.

The register records what the organisation decided; the import records those decisions and
never makes one for it. A "Nee" under "Gemeld bij AP" with no reason is no decision that the
authority need not be notified: it is kept in notes, with a warning, and INC016 asks for the
decision. Where the model needs a fact the register leaves out (the risk to people), the import
fills the one that asks for more, not less, says so in a warning, and keeps what it read in notes.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone
from typing import Any

from complykit.exchange.moment_cells import (
    ZONES,
    Placed,
    Written,
    Zone,
    place,
    read_clock,
    read_moment,
)
from complykit.exchange.record_files import slug
from complykit.exchange.row_source import (
    NOT_STATED,
    Notes,
    placeholder,
    split_items,
    split_lines,
)
from complykit.exchange.row_source import says_none as states_none
from complykit.exchange.table_import import Cells, TableKind
from complykit.exchange.vocabulary import plain_header, unqualified
from complykit.model.config import WorkspaceConfig
from complykit.model.wording.countries import folded
from complykit.model.wording.meant import opening_yes_or_no
from complykit.model.wording.special_data import special_category

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
# "opgelost", nor "loss" in "glossy"). Dutch joins words: the stems of _NATURE_IN_COMPOUNDS
# also end a compound ("gegevensverlies", "datavernietiging").
_NATURE: dict[str, tuple[str, ...]] = {
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
_NATURE_IN_COMPOUNDS = ("verlies", "vernietig", "verwijder", "wijziging")
# Access that was lost is a loss of availability, not an access by someone not entitled.
_NO_ACCESS = re.compile(
    r"\b(?:geen|no|loss of|lost|verlies van(?: de)?|pas d|perte d|sans) ?(?:toegang|access|acces)"
)
_RISK: dict[str, tuple[str, ...]] = {
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
_LOW = ("laag", "laag risico", "low", "low risk", "faible", "risque faible", "beperkt")
_STATUS: dict[str, tuple[str, ...]] = {
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
_SEVERITY: dict[str, tuple[str, ...]] = {
    "low": ("laag", "low", "faible", "gering"),
    "medium": ("midden", "middel", "gemiddeld", "medium", "moyen", "normaal"),
    "high": ("hoog", "high", "eleve", "ernstig"),
    "critical": ("kritiek", "kritisch", "critical", "critique", "zeer hoog", "very high"),
}
_ROLES: dict[str, tuple[str, ...]] = {
    "controller": (
        "verwerkingsverantwoordelijke",
        "verantwoordelijke",
        "controller",
        "responsable",
    ),
    "processor": ("verwerker", "processor", "sous-traitant", "sous traitant"),
}
_APPROXIMATELY = re.compile(
    r"^(?:ca\.?|circa|ongeveer|ong\.|plm\.?|pl\.m\.|approx\.?|approximately|about|around|"
    r"environ|\u00b1|~|\+/-)\s*"
)
_COUNTED = re.compile(r"\s*(?:personen|betrokkenen|mensen|people|persons|individuals|personnes|"
                      r"records|registraties|enregistrements)$")  # fmt: skip
_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,\s][0-9]{3})+")
_WHOLE_FLOAT = re.compile(r"([0-9]+)\.0+")
# A date-time cell the sheet gives as Excel's serial number (days since 1899-12-30, the time as
# a fraction), because the column is formatted as General: 45721.5 is 2025-03-05 12:00.
_EXCEL_SERIAL = re.compile(r"[0-9]{5}(?:[.,][0-9]+)?")
TITLE_LENGTH = 100
CLOCK_HOURS = timedelta(hours=72)
DAY = timedelta(days=1)
END_OF_DAY = time(23, 59)
# The moments that end a deadline (the 72 hours of Art. 33(1), "without undue delay" of Art.
# 34(1)): a date alone is read at the end of its day, since its start would be the reading
# most favourable to the organisation and would keep INC005 silent for good.
_CLOCK_ENDS = frozenset({"authority_date", "subjects_date"})

# The moments a row gives, in the order they happen, each with its label, the field
# of a separate time column, and the moments it cannot come before.
_MOMENTS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    field: (LABELS[field], time_field, after)
    for field, time_field, after in (
        ("occurred", "occurred_time", ()),
        ("detected", None, ("occurred",)),
        ("aware", "aware_time", ("occurred", "detected")),
        ("contained", None, ("detected", "aware")),
        ("controller_date", None, ("detected", "aware")),
        ("authority_date", "authority_time", ("detected", "aware")),
        ("subjects_date", None, ("detected", "aware")),
        ("closed", None, ("detected", "aware", "contained")),
    )
}
_BREACH_FIELDS = (
    "nature", "subject_categories", "subject_count", "record_count", "data_categories",
    "special", "consequences", "risk", "risk_reasoning", "authority", "authority_reference",
    "not_notified_reason", "late_reason", "subjects", "subjects_reason", "subjects_method",
    "role", "authority_date", "authority_time", "subjects_date", "controller_date",
)  # fmt: skip


class _Moments:
    """A row's moments placed in time: its dates read on the organisation's clocks, a date
    without a time of day at the start of that day, or at the time of an earlier step that day
    when there is one (no step can come before the one it follows)."""

    def __init__(self, cells: Cells, country: str, notes: Notes) -> None:
        self.placed: dict[str, datetime] = {}
        self.assumed: set[str] = set()
        self._cells, self._country, self._notes = cells, country, notes
        for field in _MOMENTS:
            moment = self._moment(field)
            if moment is not None:
                self.placed[field] = moment
        if "detected" not in self.placed and "aware" in self.placed:
            # A breach register dates the discovery of the breach: the incident was detected
            # then at the latest, and the 72 hours run from it (aware_at).
            self.placed["detected"] = self.placed["aware"]
            if "aware" in self.assumed:
                self.assumed.add("detected")

    def __call__(self, field: str) -> datetime | None:
        return self.placed.get(field)

    def _moment(self, field: str) -> datetime | None:
        label, time_field, after = _MOMENTS[field]
        text = self._cells(field)
        if not text:
            return None
        written = self._written(field, text)
        if written is None:
            return None
        if written.clock is None and time_field and (clock := self._clock(time_field)):
            written = written.at(clock)
        elif time_field and self._cells(time_field):  # the date's own time wins; keep the other
            kept(self._notes, time_field, self._cells(time_field))
        if written.offset is not None and written.clock is not None:
            return datetime.combine(written.day, written.clock, timezone(written.offset))
        zone = ZONES.get(self._country)
        if zone is None:
            self._notes.warn(
                f"{label.lower()} '{text}' has no UTC offset, and complykit knows no time zone "
                f"for {self._country} (write it like 2025-03-12T14:05+01:00); kept in notes"
            )
            kept(self._notes, field, text)
            return None
        if written.clock is not None:
            return self._placed(place(written.day, written.clock, zone.base), label, text)
        return (
            self._end_of_day(field, written, text, zone)
            if field in _CLOCK_ENDS
            else self._start_of_day(field, written, after, text, zone)
        )

    def _written(self, field: str, text: str) -> Written | None:
        label = LABELS[field]
        try:
            written = read_moment(text)
        except ValueError:
            reason = "is not a real date or time (dates are read day first: dd-mm-yyyy)"
        else:
            if written is not None:
                return written
            reason = (
                "looks like an Excel date number: format the column as a date"
                if _EXCEL_SERIAL.fullmatch(text.strip())
                else "is no date (write dd-mm-yyyy hh:mm or yyyy-mm-dd hh:mm)"
            )
        self._notes.warn(f"{label.lower()} '{text}' {reason}; kept in notes")
        kept(self._notes, field, text)
        return None

    def _clock(self, field: str) -> time | None:
        text = self._cells(field)
        if not text:
            return None
        try:
            clock = read_clock(text)
        except ValueError:
            clock = None
        if clock is None:
            self._notes.warn(f"{LABELS[field].lower()} '{text}' is no time of day; kept in notes")
            kept(self._notes, field, text)
        return clock

    def _placed(self, placed: Placed, label: str, text: str) -> datetime:
        if placed.doubt:
            self._notes.warn(f"{label.lower()} '{text}': that hour is {placed.doubt}")
        return placed.moment

    def _end_of_day(self, field: str, written: Written, text: str, zone: Zone) -> datetime:
        """A notification dated without a time, at the last minute of its day: the latest it
        can have been made, so a deadline counted to it is never met by an assumed hour."""
        self.assumed.add(field)
        kept(
            self._notes,
            field,
            text,
            " (no time of day; read as 23:59, the end of that day, so "
            "the deadline is judged as if it was made as late as it can have been)",
        )
        return place(written.day, END_OF_DAY, zone.base).moment

    def _start_of_day(
        self, field: str, written: Written, after: tuple[str, ...], text: str, zone: Zone
    ) -> datetime:
        start = place(written.day, time(), zone.base).moment
        same_day = [
            moment
            for earlier in after
            if (moment := self.placed.get(earlier)) is not None and start < moment < start + DAY
        ]
        moment = max([start, *same_day])
        self.assumed.add(field)
        read_as = (
            "00:00"
            if moment == start
            else f"{moment.astimezone(start.tzinfo):%H:%M}, the time of an earlier step that day"
        )
        kept(self._notes, field, text, f" (no time of day; read as {read_as})")
        return moment


# The reason columns, each with the yes/no column whose decision it explains.
_REASONS = {"not_notified_reason": "authority", "late_reason": "", "subjects_reason": "subjects"}


def _stated_reasons(cells: Cells, notes: Notes) -> Cells:
    """The row without the reasons that state none: a placeholder (``-``, ``n.v.t.``) or a
    word for none (``Geen``) in a reason column is no reason, so it makes no decision that a
    notification was not required (Art. 33(5) asks the reasons to be documented); the cell is
    kept in notes, with a warning when the decision it would have made is now left open."""
    values = dict(cells.values)
    for field, decision in _REASONS.items():
        text = values.get(field, "")
        if not text or not (placeholder(text) or states_none(text)):
            continue
        del values[field]
        kept(notes, field, text)
        said = values.get(decision, "")
        if decision and opening_yes_or_no(said) is not True:
            notes.warn(f"{LABELS[field].lower()} '{text}' states no reason, so it records no "
                       "decision; kept in notes")  # fmt: skip
    return Cells(values, cells.other)


# The authorities a breach register's headers name, by the abbreviation they use: the
# member state and the authority's own name.
AUTHORITIES: dict[str, tuple[str, str]] = {
    "AP": ("NL", "Autoriteit Persoonsgegevens"),
    "GBA": ("BE", "Gegevensbeschermingsautoriteit"),
    "APD": ("BE", "Autorit\u00e9 de protection des donn\u00e9es"),
}
_AUTHORITY_WORDS = {"ap": "AP", "autoriteit persoonsgegevens": "AP", "gba": "GBA", "apd": "APD",
                    "l'apd": "APD"}  # fmt: skip
_NOTIFICATION_FIELDS = frozenset(
    {"authority", "authority_date", "authority_time", "authority_reference"}
)
NAMED = "@"
"""Between a field and the authority its header names: ``authority@GBA``."""


def authority_named(header: str) -> str:
    """The abbreviation of the authority a header names (``Gemeld bij de GBA``: GBA); ""."""
    plain = f" {unqualified(plain_header(header))} "
    return next((a for w, a in _AUTHORITY_WORDS.items() if f" {w} " in plain), "")


def _named_authority(cells: Cells, notes: Notes) -> Cells:
    """The row with its notification fields unqualified, and the authority their headers name
    as the field ``named_authority`` (none when they name none, or more than one)."""
    values: dict[str, str] = {}
    named: set[str] = set()
    for key, value in cells.values.items():
        field, _, authority = key.partition(NAMED)
        if authority:
            named.add(authority)
        values.setdefault(field, value)
    countries = {AUTHORITIES[a][0] for a in named}
    if len(countries) == 1:
        values["named_authority"] = min(named)
    elif countries:
        notes.warn(f"the columns of the notification name more than one authority "
                   f"({', '.join(sorted(named))}); check which one was notified")  # fmt: skip
    return Cells(values, cells.other)


def draft_incident(cells: Cells, config: WorkspaceConfig, notes: Notes) -> dict[str, Any] | str:
    """The incident a breach register row describes, or why it cannot make one."""
    cells = _stated_reasons(_named_authority(cells, notes), notes)
    moments = _Moments(cells, config.organisation.country, notes)
    detected = moments("detected")
    if detected is None:
        written = cells("aware") or cells("detected")
        why = next((w for w in notes.warnings if written and f"'{written}'" in w), "")
        said = f" ({why.removesuffix('; kept in notes')})" if why else ""
        return f"no date the breach was discovered{said}; an incident record needs it"
    description = cells("description").strip()
    title = _title(cells("title"), description)
    if not title:
        return "no description of what happened"
    personal = _personal_data(cells, notes)
    _breach_verdict(cells("breach_verdict"), notes)
    fields: dict[str, Any] = {
        "title": title,
        "description": description or NOT_STATED,
        "severity": _choice(cells, "severity", _SEVERITY, "medium", notes),
        "status": _status(cells, moments, notes),
    }
    if not description:
        notes.warn("no description of what happened; add one")
    for key, field in (("occurred_at", "occurred"), ("detected_at", "detected"),
                       ("aware_at", "aware"), ("contained_at", "contained"),
                       ("closed_at", "closed")):  # fmt: skip
        if (moment := moments(field)) is not None:
            fields[key] = moment.isoformat()
    if (number := cells("number")) and slug(number) != number:
        notes.add(f"Number in the register: {number}")
    fields["personal_data_involved"] = personal
    if personal:
        fields["breach"] = _breach(cells, config, moments, notes)
    else:
        _breach_in_notes(cells, notes)
    if cells("cause"):
        fields["root_cause"] = cells("cause")
    if actions := split_lines(cells("measures")):
        fields["actions"] = actions
    return fields


def _title(title: str, description: str) -> str:
    """The title column's, or the description's first sentence, cut at a word."""
    if title.strip():
        return " ".join(title.split())
    first = " ".join(description.strip().split("\n", 1)[0].split()) if description else ""
    first = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].rstrip(".") or first
    if len(first) <= TITLE_LENGTH:
        return first
    cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def _personal_data(cells: Cells, notes: Notes) -> bool:
    """Whether personal data is involved: a breach register lists personal-data breaches, so
    yes unless a column says no."""
    text = cells("personal_data")
    said = opening_yes_or_no(text) if text else None
    if text and (said is None or len(text.split()) > 1):
        kept(notes, "personal_data", text)
    if text and said is None:
        notes.warn(f"personal data involved '{text}' not understood; read as yes")
    return said is not False


def _breach_verdict(text: str, notes: Notes) -> None:
    """The register's own verdict on whether the row is a personal data breach, kept in notes.
    "No breach" answers a legal question (Art. 4(12)), not whether personal data were
    involved, and Art. 33(5) documents every breach: it never clears the row of the INC rules."""
    if not text:
        return
    said = opening_yes_or_no(text)
    if said is True and len(text.split()) == 1:
        return
    kept(notes, "breach_verdict", text)
    if said is False:
        notes.warn(
            f"the register judges this no personal data breach ('{text}'): that is a verdict, "
            "not a statement that no personal data were involved, so the row is recorded as a "
            "breach for the INC rules to judge (Art. 33(5) documents every breach); set "
            "personal_data_involved: false if no personal data were involved"
        )
    elif said is None:
        notes.warn(f"personal data breach '{text}' not understood; kept in notes")


def _breach_in_notes(cells: Cells, notes: Notes) -> None:
    """The breach facts of a row that says no personal data is involved, kept as written."""
    for field in _BREACH_FIELDS:
        if cells(field):
            kept(notes, field, cells(field))


def _breach(
    cells: Cells, config: WorkspaceConfig, moments: _Moments, notes: Notes
) -> dict[str, Any]:
    breach: dict[str, Any] = {"our_role": _role(cells, config, notes)}
    breach["nature"] = _nature(cells("nature"), notes)
    if categories := split_items(cells("subject_categories")):
        breach["data_subject_categories"] = categories
    if (count := _count(cells, "subject_count", notes)) is not None:
        breach["approximate_data_subjects"] = count
    if (records := _count(cells, "record_count", notes)) is not None:
        breach["approximate_records"] = records
    if data := split_items(cells("data_categories")):
        breach["data_categories"] = data
    if (special := _special(cells("special"), notes)) is not None:
        breach["special_categories"] = special
    authority = _authority(cells, config, moments, notes)
    risk, reasoning = _risk(cells, authority, notes)
    breach["risk_to_individuals"] = risk
    breach["risk_reasoning"] = reasoning
    if cells("consequences"):
        breach["likely_consequences"] = cells("consequences")
    if (told := moments("controller_date")) is not None:
        breach["controller_notified_at"] = told.isoformat()
    if authority is not None:
        breach["authority"] = authority
    if (people := _people(cells, moments, notes)) is not None:
        breach["data_subjects"] = people
    return breach


def _role(cells: Cells, config: WorkspaceConfig, notes: Notes) -> str:
    """Our role: the role column's, else the organisation's only role, else controller, since
    the Art. 33(5) register is the controller's (a processor tells its controller)."""
    roles = config.organisation.roles
    default = roles[0] if len(roles) == 1 else "controller"
    text = cells("role")
    if not text:
        return default
    found = _found(text, _ROLES)
    if found is None:
        kept(notes, "role", text)
        notes.warn(f"our role '{text}' not understood; recorded as {default}")
        return default
    return found


def _nature(text: str, notes: Notes) -> list[str]:
    """Confidentiality, integrity, availability, as the cell names them; an empty list (not
    known yet) when it names none, the cell kept in notes."""
    words = folded(text)
    found = _natures(words)
    if text and words not in {*_NATURE, "vertrouwelijkheid", "integriteit", "beschikbaarheid"}:
        kept(notes, "nature", text)
    if text and not found:
        notes.warn(
            f"nature of the breach '{text}' names no confidentiality, integrity or availability; "
            "kept in notes"
        )
    return found


def _natures(words: str) -> list[str]:
    """The kinds of breach folded ``words`` name, each stem at the start of a word or, for
    the Dutch nouns that end compounds, anywhere."""
    kinds = set()
    if _NO_ACCESS.search(words):
        kinds.add("availability")
        words = _NO_ACCESS.sub(" ", words)
    for kind, stems in _NATURE.items():
        for stem in stems:
            at = "" if stem in _NATURE_IN_COMPOUNDS else r"\b"
            if re.search(rf"{at}{re.escape(stem)}", words):
                kinds.add(kind)
    return [kind for kind in _NATURE if kind in kinds]


def _count(cells: Cells, field: str, notes: Notes) -> int | None:
    """A whole number of people or records, approximate or not (``ca. 1.200``); a range or any
    other text is kept in notes."""
    text = cells(field)
    if not text:
        return None
    plain = _COUNTED.sub("", _APPROXIMATELY.sub("", text.strip().casefold())).strip()
    if plain.isdigit() and plain.isascii():
        return int(plain)
    if _GROUPED.fullmatch(plain):
        return int(re.sub(r"[.,\s]", "", plain))
    if whole := _WHOLE_FLOAT.fullmatch(plain):  # a number column exported as 200.0
        return int(whole[1])
    kept(notes, field, text)
    notes.warn(f"{LABELS[field].lower()} '{text}' is no single number; kept in notes")
    return None


def _special(text: str, notes: Notes) -> bool | None:
    if not text:
        return None
    said = opening_yes_or_no(text)
    if said is None and special_category(text) is not None:
        said = True  # the cell names the category: "Gezondheid"
    elif said is None and states_none(text):
        said = False
    if said is None or len(text.split()) > 1:
        kept(notes, "special", text)
    if said is None:
        notes.warn(_unread("special categories", text))
    return said


def _unread(what: str, text: str) -> str:
    """The warning for a cell the import cannot read: a placeholder (``-``, ``n.v.t.``) states
    nothing, which is not "none" (the import's one none-vocabulary, row_source)."""
    if placeholder(text):
        return f"{what} '{text}' states nothing; kept in notes"
    return f"{what} '{text}' not understood; kept in notes"


def _authority(
    cells: Cells, config: WorkspaceConfig, moments: _Moments, notes: Notes
) -> dict[str, Any] | None:
    """The notification to the authority, or the decision not to make one, as the register
    records it; None when it records neither (a "Nee" without a reason is no decision)."""
    text, reason, when = cells("authority"), cells("not_notified_reason"), moments("authority_date")
    reference = cells("authority_reference")
    said = opening_yes_or_no(text) if text else None
    if text and (said is None or len(text.split()) > 1):
        kept(notes, "authority", text)
    if text and said is None and not states_none(text):
        notes.warn(_unread("notified to the authority", text))
    made = said is True or (said is None and bool(when or reference))
    if said is False and (when or reference):
        # The register states it was not notified: a date or number beside that is no
        # notification the import may record against it (it may be the internal report's).
        _notification_in_notes(cells, notes)
        notes.warn(f"notified to the authority '{text}', yet a notification date or number is "
                   "given; recorded as not notified, the date and number kept in notes; "
                   "check it")  # fmt: skip
    if made:
        if when is not None:
            _clock_doubt(moments, notes)
        return _notification(cells, config, when, notes)
    if cells("late_reason"):
        kept(notes, "late_reason", cells("late_reason"))
    if reason:
        return {"required": False, "reason": reason}
    if said is False or (text and states_none(text)):
        kept(notes, "authority", text)
        notes.warn(
            f"not notified to the authority ('{text}') and no reason given: that is no "
            "decision that notification was not required; kept in notes (add "
            "breach.authority with the reason, or notify)"
        )
    return None


def _notification_in_notes(cells: Cells, notes: Notes) -> None:
    for field in ("authority_date", "authority_time", "authority_reference"):
        if cells(field):
            kept(notes, field, cells(field))


def _notification(
    cells: Cells, config: WorkspaceConfig, when: datetime | None, notes: Notes
) -> dict[str, Any]:
    reference, reason = cells("authority_reference"), cells("not_notified_reason")
    notification: dict[str, Any] = {"required": True}
    if when is not None:
        notification["notified_at"] = when.isoformat()
    else:
        notes.warn("notified to the authority, but on no date the import could read; add "
                   "breach.authority.notified_at")  # fmt: skip
    notification["to"] = _notified_authority(cells, config, notes)
    if reference:
        notification["reference"] = reference
    if cells("late_reason"):
        notification["reason"] = cells("late_reason")
    if reason:
        kept(notes, "not_notified_reason", reason)
        notes.warn("notified to the authority, yet a reason for not notifying is given; check it")
    return notification


def _notified_authority(cells: Cells, config: WorkspaceConfig, notes: Notes) -> str:
    """The authority notified: the one the register's header names, else the one in
    complykit.yaml. A header naming another member state's authority is taken at its word,
    with a warning, since the record must say which authority received the notification."""
    configured = config.organisation.supervisory_authority
    named = cells("named_authority")
    if not named:
        return configured.name
    country, name = AUTHORITIES[named]
    if country == configured.country:
        return configured.name
    notes.warn(
        f"the register says the breach was notified to the {named} ({name}, {country}), not to "
        f"the supervisory authority in complykit.yaml ({configured.name}, {configured.country}); "
        f"recorded as notified to the {named}: check which authority is competent"
    )
    return name


def _risk(cells: Cells, authority: dict[str, Any] | None, notes: Notes) -> tuple[str, str]:
    """The risk to people and why: the register's own assessment, else the one its decision
    on notifying shows, else ``risk``, the level that asks for a notification (Art. 33(1)
    spares only a breach unlikely to result in a risk), with a warning to assess it."""
    text, reasoning = cells("risk"), cells("risk_reasoning")
    words = folded(text)
    found = next((level for level, said in _RISK.items() if words in said), None)
    if words in _LOW:
        found = "risk"
        notes.warn(
            f"risk '{text}' read as 'risk': Art. 33(1) spares only a breach unlikely to result "
            "in a risk; if that is what was meant, set risk_to_individuals: none"
        )
    if text and (found is None or words not in {"geen", "none", "risico", "risk", "hoog", "high"}):
        kept(notes, "risk", text)
    if text and found is None:
        notes.warn(f"risk '{text}' not understood; kept in notes")
    if found is not None:
        return found, reasoning or NOT_STATED
    if authority is not None and authority["required"]:
        notes.warn("no risk assessment given; recorded as 'risk', since the breach was "
                   "notified to the authority")  # fmt: skip
        return "risk", reasoning or NOT_STATED
    if authority is not None and _states_no_risk(str(authority["reason"])):
        notes.warn("no risk assessment given; recorded as 'none' from the reason the breach was "
                   f"not notified: '{authority['reason']}'; check it")  # fmt: skip
        return "none", reasoning or str(authority["reason"])
    if authority is not None:
        notes.warn(
            "no risk assessment given; recorded as 'risk' (a breach is notified unless it is "
            "unlikely to result in a risk, Art. 33(1)): the reason it was not notified, "
            f"'{authority['reason']}', states no assessment of the risk"
        )
        return "risk", reasoning or NOT_STATED
    notes.warn("no risk assessment given; recorded as 'risk' (a breach is notified unless it "
               "is unlikely to result in a risk, Art. 33(1)) until you assess it")  # fmt: skip
    return "risk", reasoning or NOT_STATED


def _states_no_risk(reason: str) -> bool:
    """Whether a reason for not notifying opens by stating there is no risk ("Geen risico:
    versleuteld"). Any other reason is no risk assessment: "Geen hoog risico" is a risk, and
    "Verwerker meldt zelf" says nothing of it; reading either as 'none' would silence INC003."""
    opening = re.split(r"[:;,.(\n]| - | \u2013 ", reason, maxsplit=1)[0]
    return folded(opening) in _RISK["none"]


def _people(cells: Cells, moments: _Moments, notes: Notes) -> dict[str, Any] | None:
    """The communication to the people affected, or the decision not to make one (with its
    reason); None when the register records neither."""
    text, reason, when = cells("subjects"), cells("subjects_reason"), moments("subjects_date")
    said = opening_yes_or_no(text) if text else None
    if text and (said is None or len(text.split()) > 1):
        kept(notes, "subjects", text)
    if text and said is None and not states_none(text):
        notes.warn(_unread("people affected told", text))
    if said is False and when is not None:
        notes.warn(f"people affected told '{text}', yet a date they were told is given; "
                   "recorded as told, check it")  # fmt: skip
        said = True
    if said is True or (said is None and when is not None):
        return _told(cells, when, notes)
    if cells("subjects_method"):
        kept(notes, "subjects_method", cells("subjects_method"))
    if reason:
        return {"required": False, "reason": reason}
    if said is False:
        kept(notes, "subjects", text)
        notes.warn(f"people affected not told ('{text}') and no reason given; kept in notes")
    return None


def _told(cells: Cells, when: datetime | None, notes: Notes) -> dict[str, Any]:
    people: dict[str, Any] = {"required": True}
    if when is not None:
        people["notified_at"] = when.isoformat()
    else:
        notes.warn("the people affected were told, but on no date the import could read; "
                   "add breach.data_subjects.notified_at")  # fmt: skip
    if cells("subjects_method"):
        people["method"] = cells("subjects_method")
    if reason := cells("subjects_reason"):
        kept(notes, "subjects_reason", reason)
    return people


def _status(cells: Cells, moments: _Moments, notes: Notes) -> str:
    text = cells("status")
    closed = moments("closed") is not None
    default = "closed" if closed else "open"
    if not text:
        if not closed:
            notes.warn("no status given; recorded as open")
        return default
    words = folded(text)
    found = next((s for s, said in _STATUS.items() if words in said), None)
    if found is None and "niet" not in words.split() and "not" not in words.split():
        found = _found(text, _STATUS)
    if found is None:
        kept(notes, "status", text)
        notes.warn(f"status '{text}' not understood; recorded as {default}")
        return default
    if words not in _STATUS[found]:
        kept(notes, "status", text)
    return found


def _choice(
    cells: Cells, field: str, choices: dict[str, tuple[str, ...]], default: str, notes: Notes
) -> str:
    text = cells(field)
    if not text:
        return default
    found = next((c for c, said in choices.items() if folded(text) in said), None)
    if found is None:
        kept(notes, field, text)
        notes.warn(f"{field} '{text}' not understood; recorded as {default}")
        return default
    return found


def _found(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    words = f" {folded(text)} "
    return next((k for k, said in choices.items() if any(f" {w}" in words for w in said)), None)


def _clock_doubt(moments: _Moments, notes: Notes) -> None:
    """Warn when whole days cannot tell whether the authority was notified within 72 hours.

    The record holds the latest the notification can have come after the discovery (the
    discovery at the start of its day, the notification at the end of its day), so INC005
    reports a notification that could have been late; the warning says why and what to add."""
    start_field = "aware" if moments("aware") is not None else "detected"
    start, told = moments(start_field), moments("authority_date")
    if start is None or told is None:
        return
    if start_field not in moments.assumed and "authority_date" not in moments.assumed:
        return
    latest = told - start
    earliest = (latest - (DAY if start_field in moments.assumed else timedelta())
                - (DAY if "authority_date" in moments.assumed else timedelta()))  # fmt: skip
    if earliest <= CLOCK_HOURS < latest:
        notes.warn(
            "the register gives dates without times, so the authority may have been notified "
            "within 72 hours or after them; recorded as late as the dates allow (the discovery "
            "at the start of its day, the notification at the end of its day), so INC005 "
            "reports it: add the times of discovery and notification, or a reason for the delay"
        )


def incident_id(cells: Cells) -> str:
    """The id a row's register number gives (``2025-003`` is ``inc-2025-003``); "" if none."""
    number = slug(cells("number"))
    return number.removeprefix("inc-")


def table_warnings(fields: frozenset[str], config: WorkspaceConfig) -> tuple[str, ...]:
    """What the import assumed for the whole register."""
    warnings = []
    zone = ZONES.get(config.organisation.country)
    if zone is not None and fields & set(_MOMENTS):
        warnings.append(
            f"times without a UTC offset are read as the time in {zone.name} ({zone.offsets()})"
            f"{f' ({zone.elsewhere}: write their times with their offset)' * bool(zone.elsewhere)}"
            ", as the 72-hour clock of Art. 33(1) needs one; a date without a "
            "time as 00:00 that day, or the time of an earlier step that day, and a date of "
            "notification without a time as 23:59 that day, the latest it can have been (see "
            "each record's notes)"
        )
    if "role" not in fields:
        roles = config.organisation.roles
        role = roles[0] if len(roles) == 1 else "controller"
        warnings.append(f"no column for our role; every breach is recorded with our_role {role}")
    if "severity" not in fields:
        warnings.append("no column for the severity; every incident is recorded as medium")
    return tuple(warnings)


class _IncidentTable(TableKind):
    """Breach registers qualify their headers freely (``(Geschat) aantal betrokkenen``,
    ``Gemeld bij AP (ja/nee)``): a header names a field with or without its brackets. A
    header of the notification that names an authority (``Gemeld bij GBA``) names the field
    qualified by it (``authority@GBA``), so the record says which authority was notified."""

    def named(self, header: str) -> tuple[str | None, int]:
        field, rank = super().named(header)
        if field is None:
            bare = unqualified(plain_header(header)).rstrip("?:").strip()
            field, rank = next(
                ((f, names.index(bare)) for f, names in self.headers.items() if bare in names),
                (None, 0),
            )
        if field in _NOTIFICATION_FIELDS and (named := authority_named(header)):
            return f"{field}{NAMED}{named}", rank
        return field, rank


INCIDENTS = _IncidentTable(
    "incident",
    "incidents",
    "inc",
    HEADERS,
    "description",
    draft_incident,
    id_of=incident_id,
    about=table_warnings,
)

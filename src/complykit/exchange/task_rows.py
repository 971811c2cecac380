"""A compliance calendar row (jaarplanning, PDCA-kalender, compliance-agenda, ISMS annual plan)
as a ``task`` record: one recurring activity, how often it recurs, when it was last done and
when it is planned.

A task needs its cadence: a row whose frequency names no one interval ("ad hoc", "bij
wijziging") is reported, not given an interval the calendar does not state. When the task was
last done becomes its history; the planned day is its ``first_due`` only while it has never
been done, since after that complykit derives the next due date from the last one.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from complykit.catalog.catalogset import CatalogSet
from complykit.exchange.moment_cells import EXCEL_NUMBER_HINT, looks_like_excel_serial
from complykit.exchange.people import owner_field
from complykit.exchange.row_source import Notes, split_items
from complykit.exchange.table_import import Cells, TableKind
from complykit.exchange.task_cells import DURATION, cadence_doubt, cadence_of, planned_day
from complykit.exchange.task_clauses import read_clauses
from complykit.model.config import WorkspaceConfig
from complykit.model.wording.folding import spaced_words

HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("activiteit", "taak", "onderwerp", "actie", "naam", "titel", "activity", "task",
              "title", "name", "activite", "tache", "titre"),
    "description": ("omschrijving", "beschrijving", "toelichting", "description", "details"),
    "type": ("type", "categorie", "soort", "soort activiteit", "category", "kind"),
    "cadence": ("frequentie", "periodiciteit", "interval", "cyclus", "herhaling", "frequency",
                "cadence", "recurrence", "periodicity", "frequence", "periodicite"),
    "owner": ("eigenaar", "verantwoordelijke", "verantwoordelijk", "uitvoerder", "wie",
              "owner", "responsible", "responsable", "proprietaire"),
    "last_done": ("laatst uitgevoerd", "laatste keer", "laatste keer uitgevoerd",
                  "laatst gedaan", "uitgevoerd op", "datum uitgevoerd", "datum laatste",
                  "last done", "last performed", "last completed", "completed on", "done on",
                  "derniere fois", "derniere execution", "realise le"),
    "planned": ("volgende keer", "deadline", "gepland", "planning", "gepland op",
                "geplande datum", "volgende", "volgende datum", "uiterlijk", "maand",
                "next due", "due", "due date", "planned", "next", "echeance", "prochaine fois",
                "prevu", "date prevue"),
    "evidence": ("bewijs", "vastlegging", "bewijslast", "verslag", "evidence", "proof",
                 "record", "preuve", "justificatif"),
    "clause": ("norm", "normeis", "clausule", "eis", "norm clausule", "norm/clausule",
               "referentie", "wettelijke basis", "grondslag", "clause", "control", "standard",
               "requirement", "reference", "norme", "exigence"),
    "status": ("status", "stand van zaken", "statut", "etat"),
}  # fmt: skip

# Words for each of the model's task types, most specific first: "risicoregister" is a risk
# review before it is a register review, "AI-geletterdheid" AI literacy before a training.
TYPES: dict[str, tuple[str, ...]] = {
    "ai-literacy": ("ai geletterdheid", "ai literacy", "maitrise de l ia", "ai vaardigheid"),
    "ai-monitoring-review": ("ai monitoring", "monitoring ai", "modelmonitoring",
                             "algoritmemonitoring", "monitoring van algoritmes"),
    "dpia-review": (" dpia", " aipd", "gegevensbeschermingseffectbeoordeling", " pia "),
    "internal-audit": ("interne audit", "internal audit", "audit interne", " isms audit"),
    "management-review": ("directiebeoordeling", "management review", "managementreview",
                          "directiereview", "revue de direction", "managementbeoordeling"),
    "access-review": ("toegangsrechten", "autorisatie", "access review", "access rights",
                      "user access", "gebruikersrechten", "toegangsreview", "revue des acces",
                      "droits d acces"),
    "penetration-test": ("pentest", "penetratietest", "penetration test", " pen test",
                         "test d intrusion"),
    # A restore test is a recovery test: continuity of ICT (ISO/IEC 27001 A.5.30, A.8.13).
    "continuity-test": (" bcp", " bcm", "continuiteit", "continuity", "uitwijk",
                        "disaster recovery", " dr test", "restore", "hersteltest", "terugzet",
                        "back up test", "backup test", "crisisoefening", "calamiteitenoefening",
                        "continuite", "reprise d activite"),
    "supplier-review": ("leverancier", "supplier", "vendor", " verwerkers", "fournisseur",
                        "sous traitant"),
    "risk-review": ("risicoanalyse", "risicobeoordeling", "risico inventarisatie",
                    "risicoinventarisatie", "risicoregister", "risk assessment", "risk review",
                    "risk register", "analyse de risques", "analyse des risques",
                    "risicoherziening"),
    "record-review": ("verwerkingsregister", "register van verwerkingen",
                      "verwerkingsactiviteiten", "register", " ropa ", "record review",
                      "registre"),
    "policy-review": ("beleid", "policy", "policies", "politique"),
    "training": ("awareness", "training", "bewustwording", "opleiding", " e learning",
                 " formation", "sensibilisation", "cursus"),
}  # fmt: skip
_DONE = ("gedaan", "uitgevoerd", "afgerond", "gereed", "klaar", "done", "completed",
         "finished", "realise", "termine", "fait")  # fmt: skip
_URL = re.compile(r"https://\S+")
# A repository path: no spaces or backslashes, at least one folder or a file extension.
_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+|[\w-]+\.[a-z0-9]{2,5}")


def draft_task(cells: Cells, config: WorkspaceConfig, notes: Notes) -> dict[str, Any] | str:
    """The task a row describes, or why it cannot make one."""
    title = " ".join(cells("title").split())
    if not title:
        return "no task title"
    written = cells("cadence")
    cadence = cadence_of(written)
    if cadence is None:
        said = f"frequency '{written}' names no interval" if written else "no frequency given"
        return (
            f"{said}; a task needs the interval it recurs at: write e.g. 'jaarlijks', "
            "'per kwartaal', 'elke 2 jaar' or P1Y"
        )
    if doubt := cadence_doubt(written, cadence):
        notes.warn(doubt)
    if "(" in written:  # "jaarlijks (in maart)" says more than its interval
        notes.add(f"Frequency as written in the calendar: {written}")
    fields: dict[str, Any] = {"title": title}
    if cells("description"):
        fields["description"] = cells("description")
    fields["type"] = _type(cells, title, notes)
    fields["cadence"] = cadence
    owner_field(cells("owner"), config.people, fields, notes, "calendar")
    last = _last_done(cells("last_done"), notes)
    done = last.day if last is not None else None
    _planned(cells("planned"), last, cadence, fields, notes)
    if done is not None:
        fields["history"] = [_occurrence(done, cells("evidence"), notes)]
    elif cells("evidence"):
        notes.add(f"Evidence as written in the calendar: {cells('evidence')}")
        notes.warn(f"evidence '{cells('evidence')}' but no date last done; kept in notes")
    _clause(cells("clause"), config, fields, notes)
    _status(cells("status"), done, notes)
    return fields


def _type(cells: Cells, title: str, notes: Notes) -> str:
    """The type the type column names; without one, the type the title names; else other."""
    written = cells("type")
    if written and (found := _type_named(written)):
        return found
    if found := _type_named(title):
        if written:
            notes.add(f"Type as written in the calendar: {written}")
            notes.warn(f"type '{written}' is no task type; read as {found} from the title")
        return found
    if written:
        notes.add(f"Type as written in the calendar: {written}")
    said = f"type '{written}' is no task type" if written else "no type given"
    notes.warn(f"{said}; imported as other")
    return "other"


def _type_named(text: str) -> str | None:
    """The type ``text`` names: a stem anywhere in a word, as Dutch joins words
    ("informatiebeveiligingsbeleid"), or at its start where the stem begins with a space."""
    words = spaced_words(text)
    return next((kind for kind, stems in TYPES.items() if any(s in words for s in stems)), None)


class LastDone(NamedTuple):
    """When a task was last done: the day recorded, and the end of the period when the cell
    named a period ("Q3 2025") rather than a day."""

    day: date
    period_end: date | None = None


def _last_done(text: str, notes: Notes) -> LastDone | None:
    """The day the task was last done: a date, or a month with its year read as its first day
    (so the next due date is not put later than it may be). Anything else is kept in notes."""
    if not text:
        return None
    try:
        planned = planned_day(text, date.min)
    except ValueError:
        planned = None
    if planned is not None:
        if planned.first is None:  # a date, nothing assumed
            return LastDone(planned.day)
        # A period without a year is not read: after no day in particular, its year is a guess.
        if planned.year_given:
            notes.add(f"Last done as written in the calendar: {text}")
            notes.warn(
                f"last done '{text}' read as {planned.first.isoformat()}, the first day of that "
                "period, so the next due date is not put later than it may be"
            )
            return LastDone(planned.first, planned.day)
    notes.add(f"Last done as written in the calendar: {text}")
    reason = (
        EXCEL_NUMBER_HINT
        if looks_like_excel_serial(text)
        else "is no date (write dd-mm-yyyy or yyyy-mm-dd)"
    )
    notes.warn(f"last done '{text}' {reason}; kept in notes")
    return None


def _planned(
    text: str, last: LastDone | None, cadence: str, fields: dict[str, Any], notes: Notes
) -> None:
    """The planned day as ``first_due`` while the task was never done; once done, complykit
    derives the next due date, and a plan that differs from it is kept in notes.

    A plan without a year, after a period done ("Q3 2025", "maart 2026"), is the first one
    after that period: a plan inside it is the one just done."""
    if not text:
        return
    done = last.day if last is not None else None
    # a plan without a year is the next such period
    after = (last.period_end or last.day) if last is not None else date.today()  # noqa: DTZ011
    try:
        planned = planned_day(text, after, starting=done is not None)
    except ValueError:
        planned = None
    if planned is None:
        notes.add(f"Planned as written in the calendar: {text}")
        reason = (
            EXCEL_NUMBER_HINT
            if looks_like_excel_serial(text)
            else "names no day, month, quarter or week"
        )
        notes.warn(f"planned '{text}' {reason}; kept in notes")
        return
    if planned.assumed:
        notes.warn(f"planned '{text}' read as {planned.day.isoformat()}, {planned.assumed}")
    if done is None:
        fields["first_due"] = planned.day.isoformat()
        return
    derived = DURATION.validate_python(cadence).after(done)
    notes.add(f"Planned as written in the calendar: {text}")
    if not _agrees(planned.day, derived, by_month=last is not None and last.period_end is not None):
        notes.warn(
            f"planned '{text}' ({planned.day.isoformat()}), but the next due date is derived "
            f"from the last done date and the frequency: {derived.isoformat()}; the plan is "
            "kept in notes"
        )


def _agrees(planned: date, derived: date, *, by_month: bool) -> bool:
    """Whether a plan agrees with the derived due date: to the day, or when the last done date
    was read from a period (its first day, an assumption), to the month."""
    if by_month:
        return (planned.year, planned.month) == (derived.year, derived.month)
    return planned == derived


def _occurrence(done: date, evidence: str, notes: Notes) -> dict[str, Any]:
    occurrence: dict[str, Any] = {"done_on": done.isoformat()}
    if not evidence:
        return occurrence
    items = split_items(evidence)
    refs = [item for item in items if _URL.fullmatch(item) or _PATH.fullmatch(item)]
    if refs:
        occurrence["evidence"] = refs
    if len(refs) < len(items):
        occurrence["notes"] = f"Evidence as written in the calendar: {evidence}"
        notes.warn(
            f"evidence '{evidence}' is {'partly ' if refs else ''}no file path in the repository "
            "or https URL; kept in the notes of the last occurrence"
        )
    return occurrence


def _clause(text: str, config: WorkspaceConfig, fields: dict[str, Any], notes: Notes) -> None:
    if not text:
        return
    reading = read_clauses(text, _catalogs(), tuple(config.frameworks))
    if reading.clauses:
        fields["clause"] = "; ".join(reading.clauses)
    if reading.unread:
        notes.add(f"Clause as written in the calendar: {text}")
        unread = ", ".join(f"'{part}'" for part in reading.unread)
        said = f"clause '{text}'" if not reading.clauses else f"clause '{text}': {unread}"
        if reading.others:
            # never cite a clause of a standard or law the cell does not name
            named = ", ".join(f"'{name}'" for name in reading.others)
            notes.warn(
                f"{said} names {named}, which complykit has no catalog for; kept in notes, "
                "not cited as a clause of another standard or law"
            )
            return
        notes.warn(
            f"{said} names no clause or control of one framework complykit knows; kept in "
            "notes (name the standard: 'ISO 27001 9.2', 'AVG art. 39')"
        )


@cache
def _catalogs() -> CatalogSet:
    from complykit.catalog.load import load_catalogs  # noqa: PLC0415 - loaded once, when needed

    return load_catalogs()


def _status(text: str, done: date | None, notes: Notes) -> None:
    if not text:
        return
    notes.add(f"Status as written in the calendar: {text}")
    words = spaced_words(text)
    if done is None and _says_done(words):
        notes.warn(f"status '{text}' but no date last done; kept in notes (add it to history)")


def _says_done(words: str) -> bool:
    """Whether a status says the task was done: a done-word with no negation before it ("nog
    niet uitgevoerd", "not done", "pas fait"), since a task not done has no occurrence to
    record and asking for one would invent evidence."""
    return any(said.search(words) and not denied.search(words) for said, denied in _DONE_SAID)


_NEGATION = r"(?:niet|not|pas|geen|nog niet|never|nooit|jamais)"
# Each done-word, and the same word negated, compiled once rather than on every row; a word
# per pair, so "uitgevoerd, not done" still says done (by its first word).
_DONE_SAID = tuple(
    (re.compile(rf" {word} "), re.compile(rf" {_NEGATION} (?:\w+ )?{word} ")) for word in _DONE
)


def _about(named: frozenset[str], _config: WorkspaceConfig) -> tuple[str, ...]:
    if "cadence" in named:
        return ()
    return (
        (
            "no column for the frequency ('Frequentie', 'Periodiciteit', 'Frequency'); a task "
            "needs one, so no row can be imported"
        ),
    )


TASKS = TableKind("task", "tasks", "task", HEADERS, "title", draft_task, about=_about)

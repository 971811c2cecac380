"""One register row, with the rows other sheets add to it, as the fields of a processing activity.

Nothing a row says is dropped: a value that fits no field, or that the parsers do not fully
understand, goes into ``notes`` as written, with a warning.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from complykit.core.frozen import frozen
from complykit.exchange.activity_origins import automated_decisions, sources
from complykit.exchange.activity_parts import YES, data_categories, purposes, transfers
from complykit.exchange.combined_cells import split_subjects_and_data
from complykit.exchange.people import owner_field
from complykit.exchange.recipient_text import processor_name, recipient
from complykit.exchange.retention import (
    kept_for_good,
    parse_retention,
    parse_until,
    range_warning,
    unread_reason,
)
from complykit.exchange.row_source import (
    NOT_STATED,
    Notes,
    Source,
    listed,
    placeholder,
    read_date,
    says_no,
    says_none,
    split_items,
    split_lines,
    unique,
)
from complykit.exchange.shown import shown
from complykit.exchange.transfer_text import countries_in, says_no_transfer
from complykit.exchange.vocabulary import Columns, plain_header
from complykit.model.config import PersonEntry
from complykit.model.enums import ProcessingRole

NO_TRIGGER = "not stated in the imported register"
NAME_LIMIT = 100
# A lone cell that starts with one of these labels is a remark on the register, not an activity.
_NOTE_LABEL = re.compile(
    r"(?:toelichting|opmerkingen?|bron(?:nen)?|notes?|noot|n\.?b\.?|let op|source|remarks?"
    r"|comments?|disclaimer|legenda)\s*:",
    re.IGNORECASE,
)
_DATED_LABEL = re.compile(
    r"(?:last updated|last modified|laatst bijgewerkt|laatst gewijzigd|bijgewerkt|vastgesteld"
    r"|versie|version|datum)\b.*\d",
    re.IGNORECASE,
)
# The label of a row that counts the rows above it: "Totaal: 14 verwerkingen", "Total | 14",
# "Aantal verwerkingen: 14", "Nombre de traitements", "Anzahl", "Subtotaal".
_TOTAL_LABEL = re.compile(
    r"(?:sub-?)?(?:totaal|total|totale|totaux|gesamt|summe|aantal|anzahl|nombre|count|som)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\d+(?:[.,]\d+)?")
# How a template's line of instructions under its header opens each cell: "Enter the internal ID
# of the processing activity.", "Provide the legal basis..." (the Belgian DPA's model register),
# "Vul hier ... in", "Geef aan ...", "Indiquez ...", "Geben Sie ... an".
INSTRUCTION_WORDS = frozenset(
    {"enter", "provide", "indicate", "report", "identify", "describe", "specify", "mention",
     "list", "give", "state", "fill", "select", "choose", "insert",
     "vul", "geef", "vermeld", "beschrijf", "noem", "omschrijf", "selecteer", "kies",
     "specificeer", "benoem",
     "indiquez", "precisez", "decrivez", "renseignez", "mentionnez", "identifiez", "listez",
     "choisissez", "selectionnez", "saisissez", "inscrivez",
     "geben", "tragen", "beschreiben", "nennen", "wahlen"}
)  # fmt: skip
# What a register's own number looks like: "12", "PA-0001", "3.1.a", "HR/04"; not a sentence.
_PLAUSIBLE_ID = re.compile(r"[\w.\-/#]{1,24}")
_SENTENCE_WORDS = 4


@frozen
class Known:
    """What the workspace already holds that a row may name: its people (an owner) and its
    DPIA records (the DPIA a row says was done)."""

    people: tuple[PersonEntry, ...] = ()
    dpias: frozenset[str] = frozenset()


@frozen
class Draft:
    """A processing activity drafted from one row, still without an id."""

    row: int
    name: str
    fields: dict[str, Any]
    warnings: tuple[str, ...]


@frozen
class Rejected:
    """A row that cannot become a processing activity, and why."""

    row: int
    reason: str
    remark: bool = False
    """The row is a remark on the register, not a broken activity: skipped, not reported."""
    warned: bool = False
    """The skip is told as a warning: the row may be an activity the user meant."""


def draft_activity(source: Source, known: Known = Known(), section: str = "") -> Draft | Rejected:
    """The processing activity ``source`` describes, or why it cannot make one; ``section``
    is the heading of the part of the table it stands in, kept in its notes."""
    notes = Notes()
    if section:
        notes.add(f"Section of the register: {section}")
    if (reason := _no_activity(source)) is not None:
        return Rejected(source.row.number, reason, remark=True)
    source = split_subjects_and_data(source, notes)
    name = _name(source, notes)
    if not name:
        return Rejected(source.row.number, "no name, purpose or id for the activity")
    if source("name") and heading(source) is not None:
        # Kept as an activity (heads_section found it no clear heading), but a mixed-case
        # department name ("HR", "Marketing") may head a section all the same: say so.
        notes.warn(
            "only its name is filled in; imported as an activity (delete it if it heads a section)"
        )
    fields: dict[str, Any] = {"name": name}
    owner_field(source("owner"), known.people, fields, notes, "register")
    if source("description") and not _named_by_description(source):
        fields["description"] = source("description")
    joint, parties = _joint_controllers(source("joint_controllers"), notes)
    fields["role"] = _role(source("role"), notes, joint=joint).value
    if parties:
        fields["joint_controllers"] = parties
    fields.update(_lists(source, notes))
    processor = fields["role"] == ProcessingRole.PROCESSOR
    fields.update(_details(source, notes, processor=processor, dpias=known.dpias))
    for column, _ in source.unheaded():
        notes.warn(f"a value in column {column}, which has no header; kept in notes")
    text = "\n".join(_note_lines(source, notes))
    if text:
        fields["notes"] = text
    return Draft(source.row.number, name, fields, tuple(notes.warnings))


def _details(
    source: Source, notes: Notes, *, processor: bool, dpias: frozenset[str]
) -> dict[str, Any]:
    """The fields a row may leave out: sources, automated decisions, data locations,
    retention and security measures."""
    fields: dict[str, Any] = {}
    texts = [source("data_subjects"), *(c("data_subjects") for c in source.of("data_subjects"))]
    subjects = [item for text in texts for item in split_items(text)]
    if found := sources(source("sources"), processor=processor, subjects=subjects):
        fields["sources"] = found
    if decisions := automated_decisions(source("automated_decisions"), notes):
        fields["automated_decisions"] = decisions
    if locations := _locations(source("data_locations"), notes):
        fields["data_locations"] = locations
    if retention := _retention(_with_unit(source("retention"), source.columns), notes):
        fields["retention"] = retention
    if source("security"):
        fields["security_description"] = source("security")
    if dpia := _dpia(source("dpia"), dpias, notes):
        fields["dpia"] = dpia
    if source("residual_risk"):
        # The activity has no field for it: the DPIA record holds the residual risk.
        notes.add(
            f"Residual risk as written in the register (a dpia record's residual_risk): "
            f"{source('residual_risk')}"
        )
    return fields


@functools.lru_cache(maxsize=4)
def _ids_finder(record_ids: frozenset[str]) -> tuple[re.Pattern[str], dict[str, list[str]]] | None:
    """One pattern finding any of ``record_ids`` as a word of its own (``Ja, dpia-brp``), and
    the ids each found spelling stands for; built once per import (the workspace's DPIA ids do
    not change during it), not once per row and id: a register of 1,000 rows beside 600 DPIAs
    built 600,000 patterns."""
    if not record_ids:
        return None
    longest_first = sorted(record_ids, key=lambda i: (-len(i), i))
    alternatives = "|".join(re.escape(record_id) for record_id in longest_first)
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    by_spelling: dict[str, list[str]] = {}
    for record_id in sorted(record_ids):
        by_spelling.setdefault(record_id.casefold(), []).append(record_id)
    return pattern, by_spelling


def _ids_named(text: str, record_ids: frozenset[str]) -> list[str]:
    """The ids of ``record_ids`` that ``text`` names, each once, in sorted order."""
    finder = _ids_finder(record_ids)
    if finder is None:
        return []
    pattern, by_spelling = finder
    found = {match.group().casefold() for match in pattern.finditer(text)}
    return sorted(i for spelling in found for i in by_spelling.get(spelling, ()))


def _dpia(text: str, dpias: frozenset[str], notes: Notes) -> str | None:
    """The DPIA record the cell names by its id; else None, the cell kept in notes, with a
    warning when it says a DPIA was done, since only a record can show it."""
    if not text:
        return None
    named = _ids_named(text, dpias)
    if len(named) == 1:
        return named[0]
    notes.add(f"DPIA as written in the register: {text}")
    words = plain_header(text).split()
    word = words[0] if words else ""  # a cell of signs alone ("*", ":") has no first word
    first = {word, word.strip(",.;:()"), word.rstrip(",;:")}
    if first & YES or read_date(text) is not None:
        notes.warn(
            f"the register says a DPIA was done ('{_one_line(text)}'); link its dpia record "
            "under dpia (`complykit import dpia` reads one from the CNIL PIA tool); kept in notes"
        )
    elif not any(says_no(w) for w in first):
        notes.warn(f"DPIA '{_one_line(text)}' kept in notes; link its dpia record under dpia")
    return None


def _remark(source: Source) -> str | None:
    """The text of a row that is a remark below or within the table, e.g. ``Toelichting: ...``:
    its one filled cell is labelled as a remark, or is no name or purpose and either a sentence
    or, in the id column, no plausible id. A lone word elsewhere ("HR") stays a row to report."""
    filled = [cell.strip() for cell in source.row.cells if cell.strip()]
    if len(filled) != 1 or source.children:
        return None
    text = filled[0]
    if _NOTE_LABEL.match(text) or _DATED_LABEL.match(text):
        return text
    if source("name") or source("purposes"):
        return None
    in_id = source("id") == text and not _PLAUSIBLE_ID.fullmatch(text)
    return text if in_id or _sentence(text) else None


def _no_activity(source: Source) -> str | None:
    """Why a row holds no activity but text about the register: a remark, the template's
    instructions under its header, or a total; None for a row that may be an activity."""
    if (remark := _remark(source)) is not None:
        return f"a remark, not an activity: '{shown(remark)}'"
    if (told := _instructions(source)) is not None:
        return f"the template's instructions, not an activity: '{shown(told)}'"
    if (total := _total(source)) is not None:
        return f"a total row, not an activity: '{shown(total)}'"
    return None


def _instructions(source: Source) -> str | None:
    """The first cell of a row that tells how to fill in the columns above it, as templates put
    under their header: two or more cells, most of those filled, are sentences opening with an
    instruction (``INSTRUCTION_WORDS``), the name cell among them when filled. A real activity's
    name is no instruction, though its purpose may open with "Provide"."""
    filled = [cell.strip() for cell in source.row.cells if cell.strip()]
    told = [cell for cell in filled if _instruction(cell)]
    if len(told) < 2 or len(told) * 2 <= len(filled) or source.children:
        return None
    if source("name") and not _instruction(source("name")):
        return None
    return told[0]


def _instruction(text: str) -> bool:
    words = plain_header(text).split()
    return len(words) >= _SENTENCE_WORDS and words[0] in INSTRUCTION_WORDS


def _total(source: Source) -> str | None:
    """The cells of a row that counts the activities, below the table or under a part of it:
    its first cell a total's label (``Totaal``, ``Aantal verwerkingen:``), every other cell a
    number, and a number somewhere. An activity named ``Aantal bezoekers tellen`` has no
    number; a real row has other cells that are no numbers."""
    filled = [cell.strip() for cell in source.row.cells if cell.strip()]
    if not filled or source.children or not _TOTAL_LABEL.match(filled[0]):
        return None
    if not all(_COUNT.fullmatch(cell) for cell in filled[1:]):
        return None
    if not any(_COUNT.search(cell) for cell in filled):
        return None
    return " | ".join(filled)


def heading(source: Source) -> str | None:
    """The text of a row that may head a part of the table (``Burgerzaken``, ``2. Sociaal
    domein``): one filled cell, no rows of other sheets joined to it, and neither a labelled
    remark nor a sentence. Whether it is one depends on the row under it (register_import)."""
    filled = [cell.strip() for cell in source.row.cells if cell.strip()]
    if len(filled) != 1 or source.children:
        return None
    text = filled[0]
    if _NOTE_LABEL.match(text) or _DATED_LABEL.match(text) or _sentence(text):
        return None
    return " ".join(text.split())


# "2. Sociaal domein", "A. Personeel", "IV) Financiën": a heading numbered as a part of the table.
_NUMBERED = re.compile(r"(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]\s+\S")
_CAPITALS = 4
_TEXT_COLUMNS = ("name", "purposes", "description")


def heads_section(source: Source, title: str, below: Source) -> bool:
    """Whether the lone cell ``title`` of ``source`` is clearly a heading over ``below`` (a
    filled row), not an activity with only its name filled in: it stands outside the name,
    purpose and description columns (``Burgerzaken`` in the number column), or, above a row
    that has a name, it is numbered (``2. Sociaal domein``), in capitals (``SOCIAAL DOMEIN``)
    or the department the row below names (``Burgerzaken`` above a row of that department).
    Anything else is taken for an activity: a half-filled register is the usual input, and
    an activity with findings for what it misses is better than one lost."""
    if not any(source(field) for field in _TEXT_COLUMNS):
        # A lone number in the id column ("12") is an activity with only its id filled in.
        numbered = any(c.isdigit() for c in title) and not _NUMBERED.match(title)
        return not (source("id") and numbered)
    if not below("name"):
        return False
    # Capitals set a heading apart only where the names below are not in capitals too.
    capitals = _in_capitals(title) and not _in_capitals(below("name"))
    return bool(_NUMBERED.match(title)) or capitals or _names_department(title, below)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= _CAPITALS and all(c.isupper() for c in letters)


def _names_department(title: str, below: Source) -> bool:
    """Whether a cell of ``below`` outside its name, purpose and description says ``title``."""
    text_columns = {below.columns.fields.get(field) for field in _TEXT_COLUMNS}
    wanted = plain_header(title)
    return any(
        plain_header(cell) == wanted
        for index, cell in enumerate(below.row.cells)
        if index not in text_columns and cell.strip()
    )


def _sentence(text: str) -> bool:
    return len(text.split()) >= _SENTENCE_WORDS or text.rstrip().endswith((".", "!", "?"))


def _name(source: Source, notes: Notes) -> str:
    name = " ".join(source("name").split())
    if name:
        return name
    if _named_by_description(source):
        return source("description").strip()
    purpose_texts = [source("purposes"), *(c("purposes") for c in source.of("purposes"))]
    first = next((line for text in purpose_texts for line in split_lines(text)), "")
    if first:
        notes.warn("no name; named after its first purpose")
        return _cut(first)
    if source("id"):
        notes.warn("no name; named after its id in the register")
        return _cut(" ".join(source("id").split()))
    return ""


def _named_by_description(source: Source) -> bool:
    """Whether a register without a name column names the activity in its description column:
    Hendrik-Ido-Ambacht's "Omschrijving" says which process a row is of ("Schuldhulpverlening").
    Only a title does: one line, short, no sentence; a description that explains stays one."""
    if "name" in source.columns.fields:
        return False
    text = source("description").strip()
    return bool(text) and "\n" not in text and len(text) <= NAME_LIMIT and not _sentence(text)


def _cut(text: str) -> str:
    return text if len(text) <= NAME_LIMIT else text[: NAME_LIMIT - 1].rstrip() + "\u2026"


def _lists(source: Source, notes: Notes) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if found := purposes(source, notes):
        fields["purposes"] = found
    subjects = [source("data_subjects"), *(c("data_subjects") for c in source.of("data_subjects"))]
    if items := unique(item for t in subjects for item in listed(t, "Data subjects", notes)):
        fields["data_subjects"] = items
    if categories := data_categories(source, notes):
        fields["personal_data"] = categories
    if recipients := _recipients(source, notes):
        fields["recipients"] = recipients
        if source("recipients") and _names_no_party(source("recipients")):
            # None besides the processors ("Ontvangers: -", "Verwerker: Centric").
            notes.add(f"Recipients as written in the register: {source('recipients')}")
    elif none := _no_recipients(source, notes):
        fields["no_recipients"] = none
    processors = [r["name"] for r in recipients if r["type"] == "processor"]
    if found_transfers := transfers(source, notes, processors):
        fields["transfers"] = found_transfers
    return fields


def _names_no_party(text: str) -> bool:
    """Whether a recipients or processors cell names no party: it says none, or it is a
    placeholder."""
    return says_none(text) or placeholder(text)


def _recipients(source: Source, notes: Notes) -> list[dict[str, str]]:
    """The recipients column(s), each typed by its words (``recipient_text``), then the
    processors column(s), each a processor; a cell saying none names no one."""
    entries: dict[str, dict[str, str]] = {}
    plain = [source("recipients"), *(c("recipients") for c in source.of("recipients"))]
    for text in plain:
        for item in split_items(text):
            if not _names_no_party(item):
                entry = recipient(item)
                entries.setdefault(entry["name"], entry)
    processors = [source("processors"), *(c("processors") for c in source.of("processors"))]
    for text in processors:
        if text and _names_no_party(text):
            notes.add(f"Processors as written in the register: {text}")
        for item in split_items(text):
            if not _names_no_party(item):
                name = processor_name(item)
                entries.setdefault(name, {"name": name, "type": "processor"})
    return list(entries.values())


def _no_recipients(source: Source, notes: Notes) -> str | None:
    """The register's own statement that no one receives the data (``Ontvangers: Geen``), for
    ``no_recipients``, which GDPR030 asks to give the reason too."""
    text = source("recipients")
    if text and placeholder(text):
        # A dash or "n.v.t." is a cell left unfilled, not a statement that no one receives the
        # data: recording it as no_recipients would silence GDPR030 (Art. 30(1)(d)).
        notes.warn(
            f"recipients '{_one_line(text)}' is no statement that no one receives the data; "
            "recipients left unstated (validate will ask for them), kept in notes"
        )
        notes.add(f"Recipients as written in the register: {text}")
        return None
    if not text or not says_none(text):
        return None
    notes.warn(
        f"recipients '{_one_line(text)}' recorded as no_recipients; add why no one receives "
        "the data"
    )
    return f"None, as the imported register says: {_one_line(text)}"


def _role(text: str, notes: Notes, *, joint: bool) -> ProcessingRole:
    if not text and joint:
        notes.warn("no role given; imported as joint controller, since the register says so")
        return ProcessingRole.JOINT_CONTROLLER
    if not text:
        notes.warn("no role given; imported as controller")
        return ProcessingRole.CONTROLLER
    role = parse_role(text)
    if role is None:
        notes.warn(f"role '{_one_line(text)}' not understood; imported as controller")
        notes.add(f"Role as written in the register: {text}")
        return ProcessingRole.CONTROLLER
    return role


def parse_role(text: str) -> ProcessingRole | None:
    """Our GDPR role as the register words it, in English or Dutch; None when unclear."""
    words = plain_header(text).replace("-", " ")
    processor = any(w in words for w in ("processor", "verwerker"))
    controller = any(w in words for w in ("controller", "verantwoordelijke"))
    joint = any(w in words for w in ("joint", "gezamenlijk", "gezamelijk"))
    if processor == controller:
        return None
    if processor:
        return None if joint else ProcessingRole.PROCESSOR
    return ProcessingRole.JOINT_CONTROLLER if joint else ProcessingRole.CONTROLLER


def _names_no_joint_controller(text: str) -> bool:
    """Whether a joint-controllers cell names none: a no or a placeholder (``says_no``), or a
    no and why (``Nee, alleen wij``), read as a transfer cell's no and why is read."""
    return says_no(text) or says_no_transfer(text)


# "Ja", "Ja, GGD regio Utrecht", "Yes - Partner B.V.": a yes, then maybe the parties.
_LEADING_YES = re.compile(r"(?:ja|yes|oui)\b[\s,.:;\-\u2013(]*", re.IGNORECASE)


def _joint_controllers(text: str, notes: Notes) -> tuple[bool, list[dict[str, str]]]:
    """Whether the cell says the control is joint, and the parties it names: one per line,
    its name, then after the first comma its contact details. A column asked as a question
    ("Gezamenlijke verantwoordelijkheid") may open with a yes, which is no party: a bare yes
    says the control is joint but names no one, whom only a person can add (Art. 26)."""
    if _names_no_joint_controller(text):
        return False, []
    if (yes := _LEADING_YES.match(text.strip())) is not None:
        text = text.strip()[yes.end() :].rstrip(")")
        if not text.strip():
            notes.warn(
                "the register says the activity is under joint control, but names no joint "
                "controller; add them under joint_controllers"
            )
            return True, []
    parties = []
    for line in (line.strip() for line in text.splitlines()):
        name, _, contact = (part.strip(" ,") for part in line.partition(","))
        if name:
            parties.append({"name": name, "contact": contact} if contact else {"name": name})
    return bool(parties), parties


def _locations(text: str, notes: Notes) -> list[dict[str, str]]:
    """A data location per country the cell names; the system it is in is not stated."""
    if not text:
        return []
    codes = countries_in(text)
    if not codes:
        notes.warn(f"data location '{_one_line(text)}' not understood; kept in notes")
    # The cell may name the system or data centre too; only the country has a field.
    notes.add(f"Data location as written in the register: {text}")
    return [{"system": NOT_STATED, "country": code} for code in codes]


# A unit in the retention column's header: "Bewaartermijn (jaren)", "Retention (in years)".
_UNIT = re.compile(
    r"\(\s*(?:in\s+|en\s+)?(jaren|jaar|maanden|weken|dagen|years|months|weeks|days|ans|annees|mois"
    r"|semaines|jours)\s*\)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _with_unit(text: str, columns: Columns) -> str:
    """A bare number under a header that names its unit, with that unit: ``7`` under
    ``Bewaartermijn (jaren)`` is ``7 jaren``; any other cell as written."""
    found = _UNIT.search(plain_header(columns.header("retention")))
    if found is None or not _NUMBER.fullmatch(text.strip()):
        return text
    return f"{text.strip()} {found.group(1)}"


def _retention(text: str, notes: Notes) -> dict[str, Any] | None:
    if not text:
        return None
    parsed = parse_retention(text)
    if parsed is None and (event := parse_until(text)) is not None:
        if event not in " ".join(text.split()):  # "Zolang ... loopt", written as its end
            notes.add(f"Retention as written in the register: {text}")
        return {"until": event}
    if parsed is None and (permanent := kept_for_good(text)) is not None:
        if "legal_provision" not in permanent:
            notes.warn(
                f"retention '{_one_line(text)}' kept permanently; name the law that says so "
                "(Archiefwet, selection list) in retention.legal_provision"
            )
            notes.add(f"Retention as written in the register: {text}")
        return permanent
    if parsed is None:
        notes.warn(f"retention '{_one_line(text)}' {unread_reason(text)}; left out, kept in notes")
        notes.add(f"Retention as written in the register: {text}")
        return None
    if parsed.leftover:
        notes.add(f"Retention as written in the register: {text}")
    if (warning := range_warning(text, parsed)) is not None:
        notes.warn(warning)
    return {"period": parsed.period.iso(), "trigger": parsed.trigger or NO_TRIGGER}


def _note_lines(source: Source, notes: Notes) -> list[str]:
    lines = [source("notes")] if source("notes") else []
    if source("id"):
        lines.append(f"Id in the register: {source('id')}")
    lines.extend(notes.lines)
    lines.extend(source.unknown_lines())
    for child in source.children:
        where = f"{child.sheet}, row {child.row}"
        lines.extend(f"{where}: {extra}" for extra in child.extra)
        if child("notes"):
            lines.append(f"{where}: {child('notes')}")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())

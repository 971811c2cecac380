"""The facts of a breach as a register row writes them (Art. 33(3) GDPR): whether personal data
were involved, the nature of the breach, counts, special categories, our role and status.
"""

from __future__ import annotations

import re

from complykit.exchange.incident_clock import Moments
from complykit.exchange.incident_words import (
    APPROXIMATELY,
    COUNTED,
    GROUPED,
    LABELS,
    NATURE,
    NATURE_IN_COMPOUNDS,
    NO_ACCESS,
    ROLES,
    STATUS,
    WHOLE_FLOAT,
    found_in,
    kept,
    unread,
)
from complykit.exchange.row_source import Notes, placeholder, split_items
from complykit.exchange.row_source import says_none as states_none
from complykit.exchange.table_import import Cells
from complykit.model.config import WorkspaceConfig
from complykit.model.wording.countries import folded
from complykit.model.wording.meant import names_no_place, opening_yes_or_no
from complykit.model.wording.special_data import special_category

_BREACH_FIELDS = (
    "nature", "restored", "still_available", "subject_categories", "subject_count",
    "record_count", "data_categories",
    "special", "consequences", "risk", "risk_reasoning", "authority", "authority_reference",
    "not_notified_reason", "late_reason", "subjects", "subjects_reason", "subjects_method",
    "role", "authority_date", "authority_time", "subjects_date", "controller_date",
)  # fmt: skip


def personal_data_involved(cells: Cells, notes: Notes) -> bool:
    """Whether personal data is involved: a breach register lists personal-data breaches, so
    yes unless a column says no."""
    text = cells("personal_data")
    said = opening_yes_or_no(text) if text else None
    if text and (said is None or len(text.split()) > 1):
        kept(notes, "personal_data", text)
    if text and said is None:
        notes.warn(f"personal data involved '{text}' not understood; read as yes")
    return said is not False


def breach_verdict(text: str, notes: Notes) -> None:
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


def breach_in_notes(cells: Cells, notes: Notes) -> None:
    """The breach facts of a row that says no personal data is involved, kept as written."""
    for field in _BREACH_FIELDS:
        if cells(field):
            kept(notes, field, cells(field))


def our_role(cells: Cells, config: WorkspaceConfig, notes: Notes) -> str:
    """Our role: the role column's, else the organisation's only role, else controller, since
    the Art. 33(5) register is the controller's (a processor tells its controller)."""
    roles = config.organisation.roles
    default = roles[0] if len(roles) == 1 else "controller"
    text = cells("role")
    if not text:
        return default
    found = found_in(text, ROLES)
    if found is None:
        kept(notes, "role", text)
        notes.warn(f"our role '{text}' not understood; recorded as {default}")
        return default
    return found


def nature_of(text: str, notes: Notes) -> list[str]:
    """Confidentiality, integrity, availability, as the cell names them; an empty list (not
    known yet) when it names none, the cell kept in notes."""
    words = folded(text)
    found = _natures(words)
    if text and words not in {*NATURE, "vertrouwelijkheid", "integriteit", "beschikbaarheid"}:
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
    if NO_ACCESS.search(words):
        kinds.add("availability")
        words = NO_ACCESS.sub(" ", words)
    kinds.update(kind for kind, stems in _NATURE_STEMS.items() if stems.search(words))
    return [kind for kind in NATURE if kind in kinds]


# One pattern per kind, compiled once: the stems of a kind are alternatives, so a search finds
# the kind exactly when one of its stems would, without building 41 patterns on every row.
_NATURE_STEMS = {
    kind: re.compile(
        "|".join(("" if stem in NATURE_IN_COMPOUNDS else r"\b") + re.escape(stem) for stem in stems)
    )
    for kind, stems in NATURE.items()
}


def whole_count(cells: Cells, field: str, notes: Notes) -> int | None:
    """A whole number of people or records, approximate or not (``ca. 1.200``); a range or any
    other text is kept in notes."""
    text = cells(field)
    if not text:
        return None
    if (count := _count(text)) is not None:
        return count
    kept(notes, field, text)
    notes.warn(f"{LABELS[field].lower()} '{text}' is no single number; kept in notes")
    return None


def _count(text: str) -> int | None:
    """The whole number ``text`` is, approximate or not (``ca. 1.200``, ``200 personen``)."""
    plain = COUNTED.sub("", APPROXIMATELY.sub("", text.strip().casefold())).strip()
    if plain.isdigit() and plain.isascii():
        return int(plain)
    if GROUPED.fullmatch(plain):
        return int(re.sub(r"[.,\s]", "", plain))
    if whole := WHOLE_FLOAT.fullmatch(plain):  # a number column exported as 200.0
        return int(whole[1])
    return None


_NUMBER = r"[0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+"


# "100-150", "100 tot 150", "100 à 150": a count the register could only bound.
_TO = r"\s*(?:-|\u2013|\u2014|tot|to|a|\u00e0|t/m)\s*"
_RANGE = re.compile(rf"({_NUMBER}){_TO}({_NUMBER})")


# "200 patiënten", "patiënten (200)", "patiënten: ca. 200": a count with the people it counts.
# A number at the end only in brackets or after a colon: "leerlingen groep 7" names a class.
_COUNT_FIRST = re.compile(rf"(?:{_NUMBER}{_TO})?({_NUMBER})\s+(\D.*)", re.IGNORECASE)
_COUNT_LAST = re.compile(
    rf"(.*\D)(?:\(|:)\s*(?:ca\.?|circa|ongeveer|ong\.|approx\.?|about|environ|\u00b1|~)?\s*"
    rf"(?:{_NUMBER}{_TO})?({_NUMBER})\s*\)?",
    re.IGNORECASE,
)


def data_subjects(text: str, notes: Notes) -> tuple[list[str], int | None]:
    """The categories of people a 'Betrokkenen' cell names and the number of people it gives,
    if any: registers put the count of Art. 33(3)(a) under that header too (``200``,
    ``ca. 1.500``, ``100-150``, ``200 patiënten``). A cell with a number is kept in notes and
    warned about, since its reading is a guess."""
    if not text:
        return [], None
    if (count := _count(text)) is not None:
        _read_a_count(text, notes, f"read as the approximate number of people affected, {count}")
        return [], count
    plain = APPROXIMATELY.sub("", text.strip().casefold()).strip()
    if bounds := _RANGE.fullmatch(COUNTED.sub("", plain).strip()):
        upper = _plain_number(bounds[2])
        _read_a_count(
            text,
            notes,
            f"a range; its upper bound, {upper}, read as the approximate number of people affected",
        )
        return [], upper
    return _counted_categories(text, notes)


def people_affected(cells: Cells, counted: int | None, notes: Notes) -> int | None:
    """The approximate number of people affected: the count column's, else the number the
    categories cell gave (``counted``); a difference between them is warned about."""
    count = whole_count(cells, "subject_count", notes)
    if count is not None and counted is not None and count != counted:
        notes.warn(
            f"the number of people affected is {count}, but the categories give {counted}; "
            f"recorded as {count}"
        )
    return counted if count is None else count


def _counted_categories(text: str, notes: Notes) -> tuple[list[str], int | None]:
    categories: list[str] = []
    counts: list[int] = []
    ranged = False
    for item in split_items(text):
        about = APPROXIMATELY.match(item.strip().casefold())
        plain = item.strip()[about.end() if about else 0 :]
        counted = _COUNT_FIRST.fullmatch(plain)
        found = (counted[1], counted[2]) if counted else None
        if found is None and (last := _COUNT_LAST.fullmatch(plain)):
            found = (last[2], last[1])
        if found is None:
            categories.append(item)
            continue
        counts.append(_plain_number(found[0]))
        categories.append(found[1].strip(" :(").strip())
        ranged = ranged or _RANGE.search(plain) is not None
    if not counts:
        return categories, None
    total = sum(counts)
    how = (
        f"read as the approximate number of people affected, {total}, and their category"
        if len(counts) == 1
        else f"its numbers added up as the approximate number of people affected, {total}, "
        "which counts anyone in two categories twice; check it"
    )
    if ranged:
        how += "; a range is read as its upper bound"
    _read_a_count(text, notes, how)
    return [c for c in categories if c], total


def _plain_number(written: str) -> int:
    return int(re.sub(r"[.,]", "", written))


def _read_a_count(text: str, notes: Notes, how: str) -> None:
    kept(notes, "subject_categories", text)
    notes.warn(
        f"categories of people affected '{text}' holds a number; {how} (Art. 33(3)(a)); "
        "kept in notes"
    )


def special_categories(text: str, notes: Notes) -> bool | None:
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
        notes.warn(unread("special categories", text))
    return said


def status_of(cells: Cells, moments: Moments, notes: Notes) -> str:
    text = cells("status")
    closed = moments("closed") is not None
    default = "closed" if closed else "open"
    if not text:
        if not closed:
            notes.warn("no status given; recorded as open")
        return default
    words = folded(text)
    found = next((s for s, said in STATUS.items() if words in said), None)
    if found is None and "niet" not in words.split() and "not" not in words.split():
        found = found_in(text, STATUS)
    if found is None:
        kept(notes, "status", text)
        notes.warn(f"status '{text}' not understood; recorded as {default}")
        return default
    if words not in STATUS[found]:
        kept(notes, "status", text)
    return found


def choice_of(
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


def still_available(text: str, notes: Notes) -> str | None:
    """Where the register says the lost data stayed available (``breach.still_available``), as
    it writes it. A text that names no place records nothing, as the record would refuse it
    (``meant.names_no_place``): a no or a placeholder silently, an unknown or a bare yes with a
    warning, so that INC025 still asks when the data was back."""
    if not text:
        return None
    if not names_no_place(text):
        return text.strip()
    kept(notes, "still_available", text)
    said = opening_yes_or_no(text)
    if said is True:
        notes.warn(
            f"data still available elsewhere '{text}' does not say where; kept in notes (say "
            "where the data stayed in use in breach.still_available)"
        )
    elif said is None and not (states_none(text) or placeholder(text)):
        notes.warn(unread("data still available elsewhere", text))
    return None

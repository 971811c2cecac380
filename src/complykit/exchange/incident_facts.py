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
from complykit.exchange.row_source import Notes
from complykit.exchange.row_source import says_none as states_none
from complykit.exchange.table_import import Cells
from complykit.model.config import WorkspaceConfig
from complykit.model.wording.countries import folded
from complykit.model.wording.meant import opening_yes_or_no
from complykit.model.wording.special_data import special_category

_BREACH_FIELDS = (
    "nature", "subject_categories", "subject_count", "record_count", "data_categories",
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
    for kind, stems in NATURE.items():
        for stem in stems:
            at = "" if stem in NATURE_IN_COMPOUNDS else r"\b"
            if re.search(rf"{at}{re.escape(stem)}", words):
                kinds.add(kind)
    return [kind for kind in NATURE if kind in kinds]


def whole_count(cells: Cells, field: str, notes: Notes) -> int | None:
    """A whole number of people or records, approximate or not (``ca. 1.200``); a range or any
    other text is kept in notes."""
    text = cells(field)
    if not text:
        return None
    plain = COUNTED.sub("", APPROXIMATELY.sub("", text.strip().casefold())).strip()
    if plain.isdigit() and plain.isascii():
        return int(plain)
    if GROUPED.fullmatch(plain):
        return int(re.sub(r"[.,\s]", "", plain))
    if whole := WHOLE_FLOAT.fullmatch(plain):  # a number column exported as 200.0
        return int(whole[1])
    kept(notes, field, text)
    notes.warn(f"{LABELS[field].lower()} '{text}' is no single number; kept in notes")
    return None


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

"""The GDPR-specific lists of an imported activity: purposes with their Art. 6(1) bases, data
categories with Art. 9 and Art. 10 marks, and Chapter V transfers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from complykit.exchange.retention import parse_retention, range_warning, unread_reason
from complykit.exchange.row_source import (
    NOT_STATED,
    Notes,
    Source,
    lines_as_written,
    listed,
    says_no,
    split_items,
    split_lines,
)
from complykit.exchange.transfer_text import (
    EEA,
    countries_in,
    mechanism,
    privacy_framework,
    says_no_transfer,
)
from complykit.model.enums import LAID_DOWN_BY_LAW, Art9Condition, LegalBasis
from complykit.model.wording.legal_basis import art9_conditions, law_named, legal_bases, says_more
from complykit.model.wording.national_ids import national_id
from complykit.model.wording.special_data import criminal_reading, special_category

YES = frozenset({"ja", "yes", "j", "y", "x", "true", "waar", "wel", "oui"})
# The bases that rest on a law (Art. 6(3)), so a law named beside them is their provision.


def purposes(source: Source, notes: Notes) -> list[dict[str, str]]:
    """Each purpose with its basis; several bases for one purpose give one entry per basis."""
    basis, law = _in_their_columns(source("legal_basis"), source("legal_provision"))
    pairs = [(source("purposes"), basis)]
    pairs += [(c("purposes"), c("legal_basis")) for c in source.of("purposes")]
    found: list[dict[str, str]] = []
    for purpose_text, basis_text in pairs:
        found.extend(_pair(purpose_text, basis_text, notes))
    _provision(found, law, notes)
    return found


def _in_their_columns(basis: str, law: str) -> tuple[str, str]:
    """The basis and law cells, swapped when the basis column names only a law and the law
    column an Art. 6(1) basis: of two columns both headed as a basis ("Grondslag", "Rechtmatige
    grondslag"), which holds the law differs from register to register."""
    if legal_bases(basis) or not law_named(basis) or not legal_bases(law):
        return basis, law
    return law, basis


def _provision(found: list[dict[str, str]], text: str, notes: Notes) -> None:
    """A law column (``Wet/artikel``) names the law behind the purposes that rest on a legal
    obligation or a public task (Art. 6(3)); it is the ``legal_provision`` of those that name
    none. Where no purpose rests on one, or one names another law, the cell is kept in notes."""
    if not text:
        return
    law = "; ".join(split_lines(text))
    laid = [p for p in found if p.get("legal_basis") in LAID_DOWN_BY_LAW]
    if not laid:
        notes.warn(
            f"law '{_one_line(text)}' named, but no purpose rests on a legal obligation or a "
            "public task (Art. 6(1)(c) or (e)); kept in notes"
        )
    for purpose in laid:
        purpose.setdefault("legal_provision", law)
    if not laid or any(p["legal_provision"] != law for p in laid):
        notes.add(f"Law as written in the register: {text}")


def _pair(purpose_text: str, basis_text: str, notes: Notes) -> list[dict[str, str]]:
    descriptions = split_lines(purpose_text)
    parts = _basis_parts(basis_text, len(descriptions))
    bases = [legal_bases(part) for part in parts]
    kept = says_more(basis_text) or any(not b for b in bases) or not descriptions
    if basis_text and kept:
        notes.add(f"Legal basis as written in the register: {basis_text}")
    flat = list(dict.fromkeys(b for found in bases for b in found))
    if basis_text and not flat and not art9_conditions(basis_text):
        notes.warn(f"legal basis '{_one_line(basis_text)}' not understood; kept in notes")
    for part, found in zip(parts, bases, strict=True):
        if flat and not found and not law_named(part):
            notes.warn(f"legal basis '{_one_line(part)}' not understood; kept in notes")
    if not descriptions:
        if flat:
            notes.warn("a legal basis without a purpose; kept in notes")
        return []
    laws = _laws(parts, bases)
    unpaired = [_unpaired(p, b, flat) for p, b in zip(parts, bases, strict=True)]
    if len(descriptions) > 1 and flat and any(unpaired):
        paired_purposes = _by_line(descriptions, parts, bases, laws, notes)
    else:
        # A part that names only a law is a provision (``_laws``), not a purpose's missing basis.
        paired = [b for part, b in zip(parts, bases, strict=True) if b or not law_named(part)]
        matched = _matched(descriptions, paired, flat, notes)
        paired_purposes = [_purpose(d, b, laws) for d, b in matched]
    _laws_left(parts, paired_purposes, notes)
    return paired_purposes


def _basis_parts(basis_text: str, purposes: int) -> list[str]:
    """The basis cell's lines, repeats dropped unless keeping them gives one line per purpose:
    four purposes beside "Overeenkomst", "Wettelijke verplichting" twice and "Overeenkomst"
    again (a name cell merged over four rows, a basis per row) rest on a basis each, and read
    as two lines they would pair with none. A part naming only an Art. 9(2) condition belongs
    to the data categories, not a purpose."""
    distinct = _parts(split_lines(basis_text))
    repeated = _parts(lines_as_written(basis_text))
    return repeated if len(distinct) != purposes and len(repeated) == purposes else distinct


def _parts(lines: list[str]) -> list[str]:
    pieces = [piece for line in lines for piece in _basis_and_law(line)]
    return [p for p in pieces if legal_bases(p) or not art9_conditions(p)]


# "Art. 6 lid 1 sub b AVG / Wet op de loonbelasting 1964": a spaced slash, as a spreadsheet
# cell writes two lines on one.
_SLASH = re.compile(r"\s+/\s+")


def _basis_and_law(line: str) -> list[str]:
    """A basis line split at a spaced slash when its pieces are bases and laws, at least one a
    law alone, so that it reads as the same basis and law on lines of their own ("sub b" and
    the law of a purpose resting on (c)). "sub b / c" or two bases stay one line."""
    pieces = [piece.strip() for piece in _SLASH.split(line) if piece.strip()]
    if len(pieces) < 2 or not all(legal_bases(p) or law_named(p) for p in pieces):
        return [line]
    law_alone = any(not legal_bases(p) and law_named(p) for p in pieces)
    return pieces if law_alone else [line]


def _laws_left(parts: list[str], found: list[dict[str, str]], notes: Notes) -> None:
    """Warn of a law the basis cell names that became no purpose's ``legal_provision``: only a
    purpose resting on Art. 6(1)(c) or (e) takes one (Art. 6(3)), so beside "sub b" the law is
    only in notes, and the purpose that rests on it may be missing its basis."""
    if not any(p.get("legal_basis") for p in found):
        return  # no basis at all: the cell is already reported as not understood, in notes
    provisions = " ".join(p.get("legal_provision", "") for p in found)
    named = dict.fromkeys(law for part in parts if (law := law_named(part)))
    for law in named:
        if law not in provisions:
            notes.warn(
                f"the legal basis cell also names the law '{_one_line(law)}', but no purpose "
                "beside it rests on a legal obligation or a public task (Art. 6(1)(c) or (e)), "
                "the only bases a law is the provision of; kept in notes: check whether a "
                "purpose rests on that law under Art. 6(1)(c) or (e)"
            )


def _unpaired(part: str, found: list[LegalBasis], flat: list[LegalBasis]) -> bool:
    """Whether a line of the basis cell names no Art. 6(1) basis and is no provision of one it
    names: "Wet op de loonbelasting 1964" beside only "sub b" is the law of a purpose resting
    on (c), not a provision of the contract, so the cell does not say which purpose rests on
    "sub b"."""
    if found:
        return False
    return not (law_named(part) and LAID_DOWN_BY_LAW.intersection(flat))


def _by_line(
    descriptions: list[str],
    parts: list[str],
    bases: list[list[LegalBasis]],
    laws: dict[LegalBasis, str],
    notes: Notes,
) -> list[dict[str, str]]:
    """Purposes beside basis lines of which only some name a basis: a purpose gets only the
    basis on its own line, never one the cell may have meant for another purpose; with as many
    lines as purposes they pair line by line, else no purpose gets a basis."""
    if len(parts) != len(descriptions):
        notes.warn(
            f"{len(descriptions)} purposes and {len(parts)} legal basis lines, not all naming an "
            "Art. 6(1) basis: which purpose rests on which is unclear; imported without bases "
            "(GDPR029 will report them), the bases are kept in notes"
        )
        return [_purpose(d, None, laws) for d in descriptions]
    notes.warn("purposes paired with the legal basis on the same line; check each pair")
    found: list[dict[str, str]] = []
    for description, part, line_bases in zip(descriptions, parts, bases, strict=True):
        if not line_bases:
            notes.warn(
                f"purpose '{_one_line(description)}' is beside '{_one_line(part)}', which names "
                "no Art. 6(1) basis: imported without a basis (GDPR029 will report it), kept in "
                "notes"
            )
        found.extend(
            [_purpose(description, b, laws) for b in line_bases]
            or [_purpose(description, None, laws)]
        )
    return found


def _laws(parts: list[str], bases: list[list[LegalBasis]]) -> dict[LegalBasis, str]:
    """The law each legal-obligation or public-task basis names beside it, first one first.

    A law written as a part of its own ("Art. 6 lid 1 sub e AVG; Participatiewet art. 7") is
    the provision of the bases that name none beside them: the cell names no other basis it
    could belong to, since a law lays down only these two (Art. 6(3))."""
    laws: dict[LegalBasis, str] = {}
    for part, found in zip(parts, bases, strict=True):
        lawful = LAID_DOWN_BY_LAW.intersection(found)
        if lawful and (law := law_named(part)):
            for basis in lawful:
                laws.setdefault(basis, law)
    apart = [
        law
        for part, found in zip(parts, bases, strict=True)
        if not found and (law := law_named(part))
    ]
    if apart:
        for basis in LAID_DOWN_BY_LAW.intersection(b for found in bases for b in found):
            laws.setdefault(basis, "; ".join(dict.fromkeys(apart)))
    return laws


def _matched(
    descriptions: list[str],
    bases: list[list[LegalBasis]],
    flat: list[LegalBasis],
    notes: Notes,
) -> list[tuple[str, LegalBasis | None]]:
    if not flat:
        notes.warn("purposes without a legal basis (GDPR029 will report them)")
        return [(d, None) for d in descriptions]
    if len(descriptions) == 1 or len(flat) == 1:
        return [(d, b) for d in descriptions for b in flat]
    if len(bases) == len(descriptions) and all(bases):
        return [(d, b) for d, found in zip(descriptions, bases, strict=True) for b in found]
    if sum(1 for found in bases if found) == 1:
        # "Art. 6 lid 1 sub b en c AVG" beside two purposes names the bases of the whole row,
        # not which purpose rests on which: each purpose gets each, for the officer to prune.
        points = ", ".join(b.citation for b in flat)
        notes.warn(
            f"{len(descriptions)} purposes and one legal basis cell naming {points}: each purpose "
            "is imported with each basis; delete the pairs that do not hold"
        )
        return [(d, b) for d in descriptions for b in flat]
    notes.warn(
        f"{len(descriptions)} purposes and {len(flat)} legal bases that do not pair one to one; "
        "imported without bases, the bases are kept in notes"
    )
    return [(d, None) for d in descriptions]


def _purpose(
    description: str, basis: LegalBasis | None, laws: dict[LegalBasis, str]
) -> dict[str, str]:
    purpose = {"description": description}
    if basis is not None:
        purpose["legal_basis"] = basis.value
        if basis in laws:
            purpose["legal_provision"] = laws[basis]
    return purpose


def data_categories(source: Source, notes: Notes) -> list[dict[str, Any]]:
    """The categories of personal data, special and criminal ones marked, with Art. 9(2)
    conditions from the legal-basis or condition columns."""
    conditions = _conditions(source)
    categories: dict[str, dict[str, Any]] = {}
    for name in listed(source("personal_data"), "Personal data", notes):
        _add(categories, name, notes)
    _special_column(source("special_data"), categories, notes)
    for child in source.of("personal_data"):
        for name in listed(child("personal_data"), "Personal data", notes):
            entry = _add(categories, name, notes)
            _child_details(child("special_data"), child("retention"), entry, notes)
            if found := art9_conditions(child("art9_condition")):
                entry["art9_condition"] = found[0].value
    _assign_conditions(categories, conditions, notes)
    return list(categories.values())


def _conditions(source: Source) -> list[Art9Condition]:
    texts = [source("legal_basis"), source("art9_condition")]
    texts += [c("legal_basis") for c in source.of("purposes")]
    texts += [c("art9_condition") for c in source.of("purposes")]
    found = [condition for text in texts for condition in art9_conditions(text)]
    return list(dict.fromkeys(found))


# A VOG or a check's status holds such data only if it records a refusal or convictions.
_IF = {
    "named": "",
    "possible": "; unmark it if it records only that a certificate was issued or a check cleared",
}


def _add(categories: dict[str, dict[str, Any]], name: str, notes: Notes) -> dict[str, Any]:
    # "Genetische gegevens" and "genetische gegevens" are one category; the first spelling stays.
    key = name.casefold()
    if key in categories:
        return categories[key]
    entry: dict[str, Any] = {"name": name}
    if (special := special_category(name)) is not None:
        entry["special_category"] = special.value
    elif (reading := criminal_reading(name)) is not None:
        entry["criminal_offence_data"] = True
        notes.warn(f"'{_one_line(name)}' marked as criminal-offence data (Art. 10){_IF[reading]}")
    if (number := national_id(name)) is not None:
        entry["national_id"] = number
        notes.warn(
            f"'{_one_line(name)}' marked as a national identification number (Art. 87); "
            "name the law that allows it in national_id_provision"
        )
    categories[key] = entry
    return entry


def _special_column(text: str, categories: dict[str, dict[str, Any]], notes: Notes) -> None:
    folded = text.strip().casefold()
    if not folded or says_no(text):
        return
    if folded in YES:
        if not any("special_category" in c for c in categories.values()):
            notes.warn("special categories marked, but not which; see notes")
            notes.add(f"Special categories of personal data: {text}")
        return
    for name in split_items(_after_yes(text)):
        entry = _add(categories, name, notes)
        if "special_category" not in entry and not entry.get("criminal_offence_data"):
            notes.warn(f"special category '{_one_line(name)}' not recognised; see notes")
            notes.add(f"Special category as written in the register: {name}")


# "Ja (gezondheid)", "Ja, gezondheidsgegevens", "Ja: medische gegevens": a yes, then which.
_YES_THEN = re.compile(
    r"^\s*(?:ja|yes|oui)\b\s*(?:\((?P<bracketed>.+)\)|[,:;\-\u2013]\s*(?P<after>.+))\s*$",
    re.IGNORECASE | re.DOTALL,
)


def _after_yes(text: str) -> str:
    """The categories a special-data cell names after its yes, or the cell as written."""
    found = _YES_THEN.match(text)
    return (found["bracketed"] or found["after"]) if found else text


def _child_details(special: str, retention: str, entry: dict[str, Any], notes: Notes) -> None:
    flag = special.strip().casefold()
    if flag in YES and "special_category" not in entry:
        notes.warn(f"'{_one_line(entry['name'])}' marked special, but its category is unclear")
        notes.add(f"Marked as special category data in the register: {entry['name']}")
    if retention and (parsed := parse_retention(retention)) is not None:
        entry["retention"] = parsed.period.iso()
        if parsed.trigger or parsed.leftover:
            notes.add(f"Retention of {entry['name']} as written in the register: {retention}")
        if (warning := range_warning(retention, parsed)) is not None:
            notes.warn(f"'{_one_line(entry['name'])}': {warning}")
    elif retention:
        notes.warn(f"retention of '{entry['name']}' {unread_reason(retention)}; kept in notes")
        notes.add(f"Retention of {entry['name']} as written in the register: {retention}")


def _assign_conditions(
    categories: dict[str, dict[str, Any]], conditions: Sequence[Art9Condition], notes: Notes
) -> None:
    special = [c for c in categories.values() if "special_category" in c]
    if not conditions:
        return
    if not special:
        points = ", ".join(f"({c.value})" for c in conditions)
        notes.warn("an Art. 9(2) condition without special category data; kept in notes")
        notes.add(f"Art. 9(2) condition in the register: {points}")
        return
    for category in special:
        category.setdefault("art9_condition", conditions[0].value)
    if len(conditions) > 1:
        points = ", ".join(f"({c.value})" for c in conditions)
        notes.warn("several Art. 9(2) conditions; the first is set, all are in notes")
        notes.add(f"Art. 9(2) conditions in the register: {points}")


def transfers(source: Source, notes: Notes, processors: Sequence[str]) -> list[dict[str, Any]]:
    """Third-country transfers from the transfer columns and the transfer and processor sheets;
    ``processors`` are the activity's processors, from any column that names them (a
    processors column, or a recipient marked ``(processor)``), the recipient of a transfer that
    names none when there is only one."""
    found: list[dict[str, Any]] = []
    # A GRC export names the countries only where the data is hosted, beside "Yes" and a tool.
    country = source("transfer_country") or source("data_locations")
    rows: list[tuple[str, str, str, str]] = [
        (source("transfers"), country, source("transfer_tool"),
         source("transfer_recipient") or (processors[0] if len(processors) == 1 else "")),
    ]  # fmt: skip
    rows += [
        (c("transfers"), c("transfer_country"), c("transfer_tool"), c("transfer_recipient"))
        for c in source.of("transfers")
    ]
    rows += [
        ("", c("transfer_country"), c("transfer_tool"), c("processors"))
        for c in source.of("processors")
        if c("transfer_country")
    ]
    for free, country, tool, recipient in rows:
        for entry in _transfer(free, country, tool, recipient, notes):
            if entry not in found:
                found.append(entry)
    return found


def _transfer(
    free: str, country: str, tool: str, recipient: str, notes: Notes
) -> list[dict[str, Any]]:
    written = "; ".join(t for t in (free, country, tool, recipient) if t)
    if not (free or country or tool) or (says_no_transfer(free or country) and not tool):
        return []
    codes = countries_in(country or free) or countries_in(written)
    third = [code for code in codes if code not in EEA]
    tool_found = mechanism(tool or free) or mechanism(written)
    if codes and not third:
        return []
    if not third or tool_found is None:
        notes.warn(f"transfer '{_one_line(written)}' not fully understood; kept in notes")
        notes.add(f"Transfer as written in the register: {written}")
        return []
    if free:
        notes.add(f"Transfer as written in the register: {written}")
    entries = []
    for code in third:
        entry: dict[str, Any] = {
            "country": code,
            "recipient": " ".join(recipient.split()) or NOT_STATED,
            "mechanism": tool_found.value,
        }
        if privacy_framework(written):
            entry["within_adequacy_scope"] = True
        entries.append(entry)
    if not recipient:
        notes.warn("a transfer without its recipient; recipient left as not stated")
    return entries


def _one_line(text: str) -> str:
    return " ".join(text.split())

"""The column headers the register import understands, in English and Dutch.

Headers match whatever their case, accents, surrounding spaces and a trailing ``:`` or ``*``.
docs/guides/import-export.md prints this table; keep the two in step.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "activity", "processing activity", "processing", "name of the processing",
        "naam", "verwerking", "verwerkingsactiviteit", "naam verwerking",
        "naam van de verwerking",
    ),
    "description": ("description", "omschrijving", "beschrijving", "toelichting verwerking"),
    "purposes": (
        "purpose", "purposes", "purpose of processing", "purposes of processing",
        "doel", "doelen", "doeleinde", "doeleinden", "verwerkingsdoel", "verwerkingsdoelen",
        "doel van de verwerking",
    ),
    "legal_basis": (
        "legal basis", "lawful basis", "legal ground", "legal bases",
        "grondslag", "grondslagen", "rechtsgrond", "wettelijke grondslag",
        "grondslag verwerking",
    ),
    "data_subjects": (
        "data subjects", "categories of data subjects", "data subject categories",
        "betrokkenen", "categorieen betrokkenen", "categorie betrokkenen",
        "categorieen van betrokkenen",
    ),
    "personal_data": (
        "personal data", "categories of personal data", "data categories",
        "persoonsgegevens", "categorieen persoonsgegevens", "soorten persoonsgegevens",
        "categorieen van persoonsgegevens",
    ),
    "retention": ("retention", "retention period", "bewaartermijn", "bewaartermijnen"),
    "role": ("role", "our role", "gdpr role", "rol", "onze rol", "rol avg"),
    "recipients": (
        "recipients", "categories of recipients", "ontvangers", "categorieen ontvangers",
        "categorieen van ontvangers",
    ),
    "notes": ("notes", "remarks", "comments", "opmerkingen", "notities"),
}  # fmt: skip
_FIELD_OF = {header: field for field, headers in HEADERS.items() for header in headers}


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds which field, and the columns no field claims, by index."""

    fields: dict[str, int]
    unknown: dict[int, str]


def plain_header(text: str) -> str:
    """A header as the vocabulary writes it: lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split()).rstrip(":* ").strip()


def field_of(header: str) -> str | None:
    return _FIELD_OF.get(plain_header(header))


def map_columns(headers: Sequence[str]) -> Columns:
    """The field each header names; a second column for the same field counts as unknown."""
    fields: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = field_of(header)
        if field is not None and field not in fields:
            fields[field] = index
        elif header.strip():
            unknown[index] = header.strip()
    return Columns(fields, unknown)

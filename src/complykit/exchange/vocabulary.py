"""The column headers the register import understands, in English and Dutch.

Headers match whatever their case, accents, surrounding spaces and a trailing ``:`` or ``*``.
docs/guides/import-export.md prints this table; keep the two in step.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from complykit.core.frozen import frozen

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
        "categorieen van betrokkenen", "data subject", "data subject category",
        "category of data subjects", "betrokkene", "categorie van betrokkenen",
    ),
    "personal_data": (
        "personal data", "categories of personal data", "data categories",
        "persoonsgegevens", "categorieen persoonsgegevens", "soorten persoonsgegevens",
        "categorieen van persoonsgegevens", "data category", "personal data category",
        "category of personal data", "categorie persoonsgegevens",
        "categorie van persoonsgegevens",
    ),
    "retention": ("retention", "retention period", "bewaartermijn", "bewaartermijnen"),
    "role": ("role", "our role", "gdpr role", "rol", "onze rol", "rol avg"),
    "recipients": (
        "recipients", "categories of recipients", "ontvangers", "categorieen ontvangers",
        "categorieen van ontvangers", "recipient", "ontvanger", "categorie ontvangers",
        "category of recipients",
    ),
    "notes": ("notes", "remarks", "comments", "opmerkingen", "notities", "toelichting"),
    "id": (
        "id", "nr", "nr.", "no", "no.", "nummer", "number", "ref", "ref.", "referentie",
        "reference", "kenmerk", "code", "activity id", "verwerking id", "verwerkingsnummer",
        "id verwerking", "nr verwerking", "verwerking nr",
    ),
    "special_data": (
        "special categories", "special categories of personal data", "special category data",
        "sensitive data", "bijzondere persoonsgegevens", "bijzondere categorieen",
        "bijzondere categorieen persoonsgegevens", "bijzondere categorieen van persoonsgegevens",
        "gevoelige gegevens", "strafrechtelijke persoonsgegevens",
    ),
    "art9_condition": (
        "art. 9 condition", "art 9 condition", "article 9 condition", "art. 9 exception",
        "art. 9(2) condition", "condition for special categories", "uitzondering art. 9",
        "uitzonderingsgrond", "uitzonderingsgrond bijzondere persoonsgegevens",
        "grondslag bijzondere persoonsgegevens", "doorbrekingsgrond",
    ),
    "security": (
        "security", "security measures", "technical and organisational measures",
        "technical and organizational measures", "toms", "security description",
        "beveiliging", "beveiligingsmaatregelen", "technische en organisatorische maatregelen",
        "technische en organisatorische beveiligingsmaatregelen", "maatregelen",
        "passende technische en organisatorische maatregelen",
    ),
    "transfers": (
        "transfers", "transfer", "international transfers", "transfers to third countries",
        "third country transfers", "doorgifte", "doorgiften", "doorgifte buiten de eer",
        "doorgifte buiten eer", "doorgifte derde landen", "doorgifte naar derde landen",
        "doorgifte aan derde landen", "doorgifte naar een derde land",
        "doorgifte aan derde landen of internationale organisaties",
    ),
    "transfer_country": (
        "third country", "third countries", "country", "transfer country", "derde land",
        "derde landen", "land", "land van doorgifte", "land ontvanger",
    ),
    "transfer_tool": (
        "transfer mechanism", "transfer tool", "transfer safeguards", "safeguards",
        "appropriate safeguards", "transfer basis", "doorgiftemechanisme",
        "doorgifte instrument", "doorgifte-instrument", "doorgifte mechanisme",
        "passende waarborgen", "waarborgen", "grondslag doorgifte", "grondslag voor doorgifte",
    ),
    "transfer_recipient": (
        "recipient in third country", "data importer", "importer", "ontvanger derde land",
        "ontvanger buiten de eer", "ontvangende partij",
    ),
    "processors": (
        "processors", "processor", "verwerkers", "verwerker", "sub-processors",
        "subverwerkers", "naam verwerker", "processor name", "verwerker(s)",
    ),
}  # fmt: skip
_FIELD_OF = {header: field for field, headers in HEADERS.items() for header in headers}


@frozen
class Columns:
    """Which column holds which field, and the columns no field claims, by index."""

    fields: dict[str, int]
    unknown: dict[int, str]

    def field_at(self, index: int) -> str | None:
        return next((field for field, at in self.fields.items() if at == index), None)


def plain_header(text: str) -> str:
    """A header as the vocabulary writes it: lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split()).rstrip(":* ").strip().removesuffix(" (optioneel)")


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

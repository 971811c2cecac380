"""One column for both lists of Art. 30(1)(c): the data subjects and the personal data.

Registers copied from the article head a column with its point (c) as a whole ("Een
beschrijving van de categorieën van betrokkenen en van de categorieën van persoonsgegevens")
and write both lists in it. When the cell labels them ("Betrokkenen: medewerkers.
Persoonsgegevens: NAW, BSN"), each list is read as if it had its own column; when it does not,
no guess is made of which item is which: the cell is kept in the notes with a warning.
"""

from __future__ import annotations

import re

from complykit.exchange.row_source import Notes, Source
from complykit.exchange.sheet import Row
from complykit.exchange.vocabulary import Columns

FIELD = "subjects_and_data"
# The label before each list, at the cell's start or after a line break, ";" or ".". The
# spaces around it are bounded: a cell of separators and spaces must not be rescanned from
# every separator (quadratic time on what a spreadsheet cell may hold).
_LABEL = re.compile(
    r"(?:^|(?<=[\n;.]))[ \t]{0,20}(?:"
    r"(?P<subjects>(?:categorie(?:e|ë)n\s+(?:van\s+)?)?betrokkenen|(?:categories\s+of\s+)?data\s+"
    r"subjects|(?:cat(?:e|é)gories\s+de\s+)?personnes\s+concern(?:e|é)es|betroffene\s+personen"
    r"|betroffene)"
    r"|(?P<data>(?:categorie(?:e|ë)n\s+(?:van\s+)?)?persoonsgegevens|gegevens|(?:categories\s+of\s+)?"
    r"personal\s+data|data|(?:cat(?:e|é)gories\s+de\s+)?donn(?:e|é)es(?:\s+personnelles)?"
    r"|personenbezogene\s+daten|datenkategorien|daten)"
    r")[ \t]{0,20}:",
    re.IGNORECASE,
)


def split_subjects_and_data(source: Source, notes: Notes) -> Source:
    """``source`` with the lists of its Art. 30(1)(c) column added to its data subjects and
    personal data, when the cell labels both; else as it is, the cell kept in the notes with
    a warning (it may name either, and validate asks for what is left unstated)."""
    text = source(FIELD)
    if not text:
        return source
    lists = labelled(text)
    header = source.columns.header(FIELD)
    if not lists["subjects"] or not lists["data"]:
        notes.warn(
            f"column '{header}' holds both data subjects and personal data (Art. 30(1)(c)) "
            "without saying which is which; kept in notes: write 'Betrokkenen: ...' and "
            "'Persoonsgegevens: ...' in it, or give each its own column"
        )
        notes.add(f"{header}: {text}")
        return source
    return _with_lists(source, lists["subjects"], lists["data"])


def labelled(text: str) -> dict[str, str]:
    """The text after each label, by the list it labels; "" for a list it does not label."""
    found: dict[str, list[str]] = {"subjects": [], "data": []}
    matches = list(_LABEL.finditer(text))
    if not matches or text[: matches[0].start()].strip(" \n;."):
        return {"subjects": "", "data": ""}  # text before the first label: not labelled
    for match, after in zip(matches, [*matches[1:], None], strict=True):
        end = after.start() if after is not None else len(text)
        kind = "subjects" if match["subjects"] else "data"
        found[kind].append(text[match.end() : end].strip(" \n;.,"))
    return {kind: "\n".join(part for part in parts if part) for kind, parts in found.items()}


def _with_lists(source: Source, subjects: str, data: str) -> Source:
    """``source`` with ``subjects`` and ``data`` as (more) cells of those two fields."""
    cells = list(source.row.cells)
    fields = dict(source.columns.fields)
    headers = list(source.columns.headers) + [""] * (len(cells) - len(source.columns.headers))
    for field, text in (("data_subjects", subjects), ("personal_data", data)):
        if field in fields and fields[field] < len(cells) and cells[fields[field]].strip():
            cells[fields[field]] = f"{cells[fields[field]]}\n{text}"
            continue
        fields[field] = len(cells)
        cells.append(text)
        headers.append(source.columns.header(FIELD))
    columns = Columns(fields, dict(source.columns.unknown), tuple(headers))
    return Source(source.sheet, Row(source.row.number, tuple(cells)), columns, source.children)

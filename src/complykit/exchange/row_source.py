"""A register row and the rows other sheets join to it, read field by field; lists and dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from complykit.core.frozen import frozen
from complykit.exchange.sheet import Row
from complykit.exchange.vocabulary import Columns
from complykit.model.wording.folding import words_of

NOT_STATED = "not stated in the imported register"
"""What an imported record holds where its register left a required fact out."""

# The one vocabulary of the import for a cell that says "none" or says nothing. A word for none
# is the register's statement that there is none ("Geen", "None", "Aucun", "Geen ontvangers");
# a placeholder is a cell left unfilled in a way a spreadsheet shows ("-", "n.v.t.", "n/a"),
# which states nothing: "not applicable" is not "nobody receives the data" (Art. 30(1)(d)).
NONE_WORDS = frozenset(
    {"geen", "nee", "none", "no", "non", "aucun", "aucune", "neant", "nothing", "kein", "keine",
     "nein"}
)  # fmt: skip
PLACEHOLDERS = frozenset(
    {"n.v.t", "nvt", "n/a", "na", "niet van toepassing", "not applicable", "sans objet", "s.o"}
)
NO_WORDS = frozenset({"n", "false", "onwaar"})
"""What a yes/no column writes for no, besides the words for none and the placeholders."""
# What a none may say it is none of: "geen ontvangers", "pas de destinataires", "no transfers".
_NONE_OF = (
    r"(?:\s+(?:ontvangers?|verwerkers?|recipients?|processors?|destinataires?|sous-traitants?"
    r"|doorgiften?|transfers?|transferts?|empfanger|auftragsverarbeiter|ubermittlung(?:en)?))?"
)
_NONE = re.compile(rf"(?:{'|'.join(sorted(NONE_WORDS))}|pas de|aucun\w*){_NONE_OF}")
_DASHES = re.compile(r"[-\u2010-\u2015]+")


def _bare(text: str) -> str:
    return words_of(text).strip(" .")


def says_none(text: str) -> bool:
    """Whether a cell states there is none: a word for none alone, or with what it is none of
    (``Geen ontvangers``). A placeholder (``-``, ``n.v.t.``) is no such statement."""
    return _NONE.fullmatch(_bare(text)) is not None


def placeholder(text: str) -> bool:
    """Whether a cell is filled only to show it was left empty: dashes, ``n.v.t.``, ``n/a``."""
    bare = _bare(text)
    return bare in PLACEHOLDERS or _DASHES.fullmatch(text.strip()) is not None


def says_no(text: str) -> bool:
    """Whether a yes/no cell says no, or leaves the question open (``-``): nothing to record."""
    return _bare(text) in NO_WORDS or says_none(text) or placeholder(text)


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Day first, as the Netherlands and Belgium write dates; never month first.
_DAY_FIRST = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")


@dataclass(slots=True)
class Notes:
    """What a draft says in its notes field, and the warnings the import prints for it."""

    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        if line not in self.lines:
            self.lines.append(line)

    def warn(self, warning: str) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)


@frozen
class Child:
    """A row of another sheet that belongs to an activity: its kind, place and values."""

    kind: str
    sheet: str
    row: int
    values: dict[str, str]
    extra: tuple[str, ...]

    def __call__(self, field: str) -> str:
        return self.values.get(field, "")


@frozen
class Source:
    """A main-sheet row and the rows of other sheets joined to it."""

    sheet: str
    row: Row
    columns: Columns
    children: tuple[Child, ...] = ()

    def __call__(self, field: str) -> str:
        index = self.columns.fields.get(field)
        return self._at(index) if index is not None else ""

    def _at(self, index: int) -> str:
        return self.row.cells[index].strip() if index < len(self.row.cells) else ""

    def unknown_lines(self) -> list[str]:
        """``Header: value`` for each filled cell no field claims; ``Column Q (no header):
        value`` for one under no header, such as a column a merged header row left blank."""
        found = ((header, self._at(i)) for i, header in self.columns.unknown.items())
        headed = [f"{header}: {_dated(header, value)}" for header, value in found if value]
        blank = [f"Column {column} (no header): {value}" for column, value in self.unheaded()]
        return headed + blank

    def unheaded(self) -> list[tuple[str, str]]:
        """The column letter and value of each filled cell in a column without a header."""
        return unheaded(self.row, self.columns)

    def of(self, kind: str) -> list[Child]:
        return [child for child in self.children if child.kind == kind]


# A header that names a date: "Laatst gewijzigd", "Datum vastgesteld", "Last review",
# "Date de mise à jour", "Letzte Änderung", "Wijzigingsdatum". Whole words only: "date" inside
# "Aantal kandidaten per jaar" would put a false date beside a count in the notes an auditor
# reads. "datum" may end a compound (Dutch and German write "Einddatum", "Änderungsdatum").
_DATE_HEADER = re.compile(
    r"\b(?:\w*datum|dates?|gewijzigd|bijgewerkt|vastgesteld|herzien|updated|modified|review"
    r"|revised|mise a jour|anderung|aktualisiert)\b",
    re.IGNORECASE,
)


def _dated(header: str, value: str) -> str:
    """``value`` as written, with the date it stands for when a date column holds Excel's day
    count for it (``46000 (Excel's number for 2025-12-09)``)."""
    counted = excel_date(value) if _DATE_HEADER.search(words_of(header)) else None
    return f"{value} (Excel's number for {counted.isoformat()})" if counted else value


def column_letters(index: int) -> str:
    """The letters a spreadsheet shows above the column at ``index`` (0 is A, 26 is AA)."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def unheaded(row: Row, columns: Columns) -> list[tuple[str, str]]:
    """The column letter and value of each filled cell of ``row`` under no header."""
    claimed = {*columns.fields.values(), *columns.unknown}
    return [
        (column_letters(index), cell.strip())
        for index, cell in enumerate(row.cells)
        if index not in claimed and cell.strip()
    ]


def split_lines(text: str) -> list[str]:
    """Items one per line or between semicolons or pipes, without list bullets; repeats
    dropped."""
    return unique(lines_as_written(text))


def lines_as_written(text: str) -> list[str]:
    """The items of ``split_lines`` with repeats kept, in order: where the nth line pairs with
    the nth line of another cell, a repeat is a line of its own."""
    items = (_BULLET.sub("", part).strip() for part in re.split(r"[\n;|]", text))
    return [" ".join(item.split()) for item in items if item]


def split_items(text: str) -> list[str]:
    """Items on lines or separated by ;, | or , (commas not within brackets); repeats dropped."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "\n;|" or (char == "," and depth == 0):
            parts.append("".join(current))
            current, depth = [], 0 if char != "," else depth
        else:
            current.append(char)
            depth = max(0, depth + (char in "([") - (char in ")]"))
    return split_lines("\n".join([*parts, "".join(current)]))


def listed(text: str, label: str, notes: Notes) -> list[str]:
    """The items of a list cell (``split_items``) without the placeholders among them ("-",
    "n.v.t.", "N/A"), which name no data subject or data category; a cell that held one is
    kept in the notes under ``label``, since it may stand for something left to fill in."""
    items = split_items(text)
    kept = [item for item in items if not placeholder(item)]
    if len(kept) < len(items):
        notes.add(f"{label} as written in the register: {text}")
    return kept


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(" ".join(item.split()), None)
    return list(seen)


def read_date(text: str) -> date | None:
    """The date a cell writes as YYYY-MM-DD or day first (d-m-yyyy, dd/mm/yyyy, dd.mm.yyyy);
    None when it is written otherwise.

    Raises ValueError when it is written as a date that does not exist, such as 31-02-2024.
    """
    text = text.strip()
    if iso := _ISO_DATE.fullmatch(text):
        return date(int(iso[1]), int(iso[2]), int(iso[3]))
    if day_first := _DAY_FIRST.fullmatch(text):
        return date(int(day_first[4]), int(day_first[3]), int(day_first[1]))
    return None


# Excel counts days from 30 December 1899. A date cell that lost its date format (pasted as
# values, a column set to "Number") shows that count: 46000 is 9 December 2025. Only counts
# between 1950 and 2100 are read as dates; a smaller or larger number is something else.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FIRST, _EXCEL_LAST = 18264, 73051
_WHOLE = re.compile(r"\d{5}")


def excel_date(text: str) -> date | None:
    """The date a cell holds as Excel's day count (``46000``), or None."""
    if not _WHOLE.fullmatch(text.strip()):
        return None
    days = int(text)
    return _EXCEL_EPOCH + timedelta(days=days) if _EXCEL_FIRST <= days <= _EXCEL_LAST else None


def date_field(text: str, column: str, label: str, notes: Notes) -> str | None:
    """The ISO date in the cell of ``column``; None when the cell is empty, or else when it
    holds no date, which is then kept in notes under ``label`` with a warning. Excel's day
    count for a date (``46000``) is read as that date, told, and kept in notes too."""
    if not text:
        return None
    try:
        found = read_date(text)
    except ValueError:
        reason = "is not a real date (read day first: dd-mm-yyyy)"
    else:
        if found is not None:
            return found.isoformat()
        if (counted := excel_date(text)) is not None:
            notes.warn(f"{column} '{text}' read as Excel's number for {counted.isoformat()}")
            notes.add(f"{label} as written in the register: {text}")
            return counted.isoformat()
        reason = "is no date (write dd-mm-yyyy or yyyy-mm-dd)"
    notes.warn(f"{column} '{text}' {reason}; kept in notes")
    notes.add(f"{label} as written in the register: {text}")
    return None

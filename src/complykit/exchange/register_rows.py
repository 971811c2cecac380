"""One spreadsheet row as the fields of a processing activity, with what could not be used."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from complykit.exchange.legal_basis import parse_legal_basis, split_bases
from complykit.exchange.retention import parse_retention
from complykit.exchange.sheet import Row
from complykit.exchange.vocabulary import Columns, plain_header
from complykit.model.enums import LegalBasis, ProcessingRole

NO_TRIGGER = "not stated in the imported register"
BASES_HINT = (
    "write one of: consent/toestemming, contract/overeenkomst, legal obligation/wettelijke "
    "verplichting, vital interests/vitaal belang, public task/algemeen belang, legitimate "
    "interests/gerechtvaardigd belang, or an article such as 6.1.a or art. 6 lid 1 sub f"
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+")


@dataclass(frozen=True, slots=True)
class Draft:
    """A processing activity drafted from one row, still without an id."""

    row: int
    name: str
    fields: dict[str, Any]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that cannot become a valid processing activity, and why."""

    row: int
    reason: str


def draft_activity(row: Row, columns: Columns) -> Draft | Rejected:
    """The processing activity ``row`` describes, or why it cannot make one."""
    cell = _Cells(row, columns)
    name = " ".join(cell("name").split())
    if not name:
        return Rejected(row.number, "no name for the activity")
    warnings: list[str] = []
    notes: list[str] = []
    role = _role(cell("role"), warnings)
    purposes = _purposes(cell("purposes"), cell("legal_basis"), warnings, notes)
    if isinstance(role, Rejected):
        return Rejected(row.number, role.reason)
    if isinstance(purposes, Rejected):
        return Rejected(row.number, purposes.reason)
    fields: dict[str, Any] = {"name": name}
    if cell("description"):
        fields["description"] = cell("description")
    fields["role"] = role.value
    if purposes:
        fields["purposes"] = purposes
    fields.update(_lists(cell))
    retention = _retention(cell("retention"), warnings, notes)
    if retention:
        fields["retention"] = retention
    text = "\n".join([*filter(None, [cell("notes")]), *notes, *cell.unknown_lines()])
    if text:
        fields["notes"] = text
    return Draft(row.number, name, fields, tuple(warnings))


class _Cells:
    def __init__(self, row: Row, columns: Columns) -> None:
        self._row = row
        self._columns = columns

    def __call__(self, field: str) -> str:
        index = self._columns.fields.get(field)
        return self._at(index) if index is not None else ""

    def _at(self, index: int) -> str:
        return self._row.cells[index].strip() if index < len(self._row.cells) else ""

    def unknown_lines(self) -> list[str]:
        found = ((header, self._at(i)) for i, header in self._columns.unknown.items())
        return [f"{header}: {value}" for header, value in found if value]


def _role(text: str, warnings: list[str]) -> ProcessingRole | Rejected:
    if not text:
        warnings.append("no role given; imported as controller")
        return ProcessingRole.CONTROLLER
    role = parse_role(text)
    if role is None:
        return Rejected(0, f"role '{text}' is not controller, joint controller or processor")
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


def _purposes(
    purpose_text: str, basis_text: str, warnings: list[str], notes: list[str]
) -> list[dict[str, str]] | Rejected:
    descriptions = split_lines(purpose_text)
    bases: list[LegalBasis] = []
    for part in split_bases(basis_text):
        basis = parse_legal_basis(part)
        if basis is None:
            return Rejected(0, f"legal basis '{part}' is not recognised; {BASES_HINT}")
        bases.append(basis)
    if descriptions and not bases:
        warnings.append("purposes without a legal basis; kept in notes")
        notes.extend(f"Purpose without a legal basis: {d}" for d in descriptions)
        return []
    if bases and not descriptions:
        warnings.append("a legal basis without a purpose; kept in notes")
        notes.extend(f"Legal basis without a purpose: {b.value}" for b in bases)
        return []
    if len(set(bases)) == 1:
        bases = [bases[0]] * len(descriptions)
    if len(bases) != len(descriptions):
        return Rejected(
            0,
            f"{len(descriptions)} purposes but {len(bases)} legal bases; "
            "write one basis for all, or one per purpose line in the same order",
        )
    return [
        {"description": d, "legal_basis": b.value} for d, b in zip(descriptions, bases, strict=True)
    ]


def _lists(cell: _Cells) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if subjects := split_items(cell("data_subjects")):
        fields["data_subjects"] = subjects
    if data := split_items(cell("personal_data")):
        fields["personal_data"] = [{"name": name} for name in data]
    if recipients := split_items(cell("recipients")):
        fields["recipients"] = [{"name": name, "type": "other"} for name in recipients]
    return fields


def _retention(text: str, warnings: list[str], notes: list[str]) -> dict[str, str] | None:
    if not text:
        return None
    parsed = parse_retention(text)
    if parsed is None:
        warnings.append(f"retention '{_one_line(text)}' not understood; left out, kept in notes")
        notes.append(f"Retention as written in the register: {text}")
        return None
    if parsed.leftover:
        notes.append(f"Retention as written in the register: {text}")
    return {"period": parsed.period.iso(), "trigger": parsed.trigger or NO_TRIGGER}


def split_lines(text: str) -> list[str]:
    """Items one per line or between semicolons, without list bullets; repeats dropped."""
    return _unique(_BULLET.sub("", part).strip() for part in re.split(r"[\n;]", text))


def split_items(text: str) -> list[str]:
    """Items on lines or separated by ; or , (not within brackets); repeats dropped."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "\n;" or (char == "," and depth == 0):
            parts.append("".join(current))
            current, depth = [], 0 if char != "," else depth
        else:
            current.append(char)
            depth = max(0, depth + (char in "([") - (char in ")]"))
    return split_lines("\n".join([*parts, "".join(current)]))


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(" ".join(item.split()), None)
    return list(seen)


def _one_line(text: str) -> str:
    return " ".join(text.split())

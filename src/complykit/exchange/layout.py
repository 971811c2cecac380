"""Which sheet of a workbook holds the activities, which sheets add to them, and which are unused.

Registers kept in a workbook often put one activity per row on a main sheet and the longer lists
on their own sheets (purposes, data categories, data subjects, recipients, processors,
transfers), each row naming the activity it belongs to. A sheet is recognised by its name or,
failing that, by its headers; every sheet that is neither is named as unused.
"""

from __future__ import annotations

from collections.abc import Sequence

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.exchange.merged_cells import Span, spread_merged
from complykit.exchange.sheet import Row, Sheet, header_hint, read_as
from complykit.exchange.shown import shown
from complykit.exchange.vocabulary import HEADERS, Columns, field_of, map_columns, unqualified

HEADER_ROWS = 20  # the header row is looked for this far down, below any title rows
LINK = "activity"
GENERIC = (
    "naam", "name", "omschrijving", "description", "beschrijving", "categorie", "category",
    "categorieen", "categories", "soort",
)  # fmt: skip
LINK_HEADERS = (
    "verwerking", "verwerkingen", "verwerkingsactiviteit", "naam verwerking",
    "naam van de verwerking", "activity", "processing activity", "processing", "activity name",
    "naam verwerkingsactiviteit",
)  # fmt: skip


@frozen
class Kind:
    """A sheet that adds one kind of list to the activities: its names and its fields."""

    name: str
    sheet_names: tuple[str, ...]
    main_field: str
    fields: tuple[str, ...]


KINDS = (
    Kind("purposes", ("doeleinden", "doelen", "doel", "verwerkingsdoeleinden", "purposes",
                      "purpose", "grondslagen", "legal bases"),
         "purposes", ("legal_basis", "art9_condition", "notes")),
    Kind("personal_data", ("persoonsgegevens", "categorieen persoonsgegevens", "gegevens",
                           "data categories", "personal data", "categories of personal data"),
         "personal_data", ("special_data", "art9_condition", "retention", "notes")),
    Kind("data_subjects", ("betrokkenen", "categorieen betrokkenen", "data subjects",
                           "categories of data subjects"),
         "data_subjects", ("notes",)),
    Kind("recipients", ("ontvangers", "categorieen ontvangers", "recipients"),
         "recipients", ("transfer_country", "notes")),
    Kind("processors", ("verwerkers", "subverwerkers", "processors", "sub-processors"),
         "processors", ("transfer_country", "transfer_tool", "notes")),
    Kind("transfers", ("doorgiften", "doorgifte", "transfers", "international transfers",
                       "derde landen", "doorgifte derde landen"),
         "transfer_recipient", ("transfer_country", "transfer_tool", "transfers", "notes")),
)  # fmt: skip


@frozen
class Table:
    """A sheet's data rows below its header row, and which column holds which field."""

    sheet: str
    columns: Columns
    rows: tuple[Row, ...]
    warnings: tuple[str, ...] = ()
    """What reading the table warns about, e.g. how its merged cells were read."""


@frozen
class Layout:
    """The main table, the tables that add to it by kind, and the sheets left unused."""

    main: Table
    children: tuple[tuple[Kind, Table], ...]
    unused: tuple[tuple[str, str], ...]


def layout(sheets: Sequence[Sheet], main_name: str | None = None) -> Layout:
    """The layout of ``sheets``; raises ComplykitError when no sheet holds activities."""
    main_sheet = _main_sheet(sheets, main_name)
    main = _main_table(main_sheet)
    children: list[tuple[Kind, Table]] = []
    unused: list[tuple[str, str]] = []
    for sheet in sheets:
        if sheet is main_sheet:
            continue
        found = _child(sheet)
        if isinstance(found, str):
            unused.append((sheet.name, found))
        else:
            children.append(found)
    return Layout(main, tuple(children), tuple(unused))


def has_main_table(sheets: Sequence[Sheet]) -> bool:
    """Whether a sheet of ``sheets`` has a header row that can head a table of activities."""
    return any(_main_header(sheet.rows) is not None for sheet in sheets)


def _main_sheet(sheets: Sequence[Sheet], name: str | None) -> Sheet:
    if name is not None:
        return next(s for s in sheets if s.name == name)
    named_as_kind = {s.name for s in sheets if _kind_by_name(s.name) is not None}
    # A hidden sheet (an old version, lookup lists) is not the register the user sees: it is
    # the table of activities only when no visible sheet can be.
    candidates = sorted(sheets, key=lambda s: (s.hidden, s.name in named_as_kind))
    for sheet in candidates:
        if _main_header(sheet.rows) is not None:
            return sheet
    return sheets[0]


def _main_header(rows: Sequence[Row]) -> int | None:
    """The first row that heads a register, or the row under it when that one heads more
    columns: a merged group row ("Algemeen", "Verwerking", "Gegevens") above the real header
    can name a field by chance, and read as the header it would turn the header into data."""
    heads = [_fields_headed(row) for row in rows[:HEADER_ROWS]]
    for index, count in enumerate(heads):
        if count:
            below = heads[index + 1] if index + 1 < len(heads) else 0
            return index + 1 if below > count else index
    return None


def _fields_headed(row: Row) -> int:
    """How many fields ``row`` names when it can head the main table, else 0."""
    fields = map_columns(row.cells).fields
    if "name" in fields or ({"purposes", "id"} & fields.keys() and len(fields) > 1):
        return len(fields)
    return 0


def _main_table(sheet: Sheet) -> Table:
    index = _main_header(sheet.rows)
    if index is None:
        names = ", ".join(f"'{h}'" for h in HEADERS["name"][:4] + HEADERS["name"][5:8])
        raise ComplykitError(
            f"no header row with a column for the activity name in the first {HEADER_ROWS} "
            f"rows of sheet '{shown(sheet.name)}'{read_as([sheet])}",
            hint=header_hint(
                [sheet],
                f"Name that column {names}, or 'Doel'/'Purpose' "
                "(see docs/guides/import-export.md).",
            ),
        )
    header = sheet.rows[index].cells
    below = sheet.rows[index + 1].cells if index + 1 < len(sheet.rows) else ()
    if _sub_header(header, below):
        header, index = _two_tier(header, below), index + 1
    rows = tuple(row for row in sheet.rows[index + 1 :] if not row.empty)
    columns = map_columns(header)
    keys = {columns.fields[f] for f in ("name", "id") if f in columns.fields}
    spread = spread_merged(rows, _spans(sheet), sheet.rows[index].number, keys)
    return Table(sheet.name, columns, spread.rows, spread.warnings)


def _spans(sheet: Sheet) -> list[Span]:
    return [Span(column, first, last) for column, first, last in sheet.merged]


def _sub_header(header: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``below`` is the second tier of a two-row header: a header cell merged over two
    columns (``Persoonsgegevens``) and the names under it (``Categorieën``, ``Bijzondere
    persoonsgegevens``). Every cell it fills is a field's or a generic header's name, one of
    them under a blank header cell, and it names no activity."""
    filled = [(i, cell) for i, cell in enumerate(below) if cell.strip()]
    name = map_columns(header).fields.get("name")
    if not filled or (name is not None and name < len(below) and below[name].strip()):
        return False
    under_blank = any(i >= len(header) or not header[i].strip() for i, _ in filled)
    names = all(field_of(cell) is not None or unqualified(cell) in GENERIC for _, cell in filled)
    return under_blank and names


def _two_tier(header: Sequence[str], below: Sequence[str]) -> tuple[str, ...]:
    """One header row from two: a lower cell that names a field, or stands under a blank upper
    cell, is the column's header; elsewhere the upper cell stays (``Persoonsgegevens`` over
    ``Categorieën``)."""
    width = max(len(header), len(below))
    merged = []
    for i in range(width):
        upper = header[i] if i < len(header) else ""
        lower = below[i] if i < len(below) else ""
        use_lower = lower.strip() and (field_of(lower) is not None or not upper.strip())
        merged.append(lower if use_lower else upper)
    return tuple(merged)


def _kind_by_name(sheet_name: str) -> Kind | None:
    name = unqualified(sheet_name).lstrip("0123456789.-) ").strip()
    return next((kind for kind in KINDS if name in kind.sheet_names), None)


def _child(sheet: Sheet) -> tuple[Kind, Table] | str:
    """The kind and table of a sheet that adds to the activities, or why it adds nothing."""
    if not any(not row.empty for row in sheet.rows):
        return "the sheet is empty"
    by_name = _kind_by_name(sheet.name)
    kinds = (by_name,) if by_name is not None else KINDS
    for index, row in enumerate(sheet.rows[:HEADER_ROWS]):
        for kind in kinds:
            columns = child_columns(kind, row.cells)
            if LINK in columns.fields and kind.main_field in columns.fields:
                rows = tuple(r for r in sheet.rows[index + 1 :] if not r.empty)
                spread = spread_merged(rows, _spans(sheet), row.number)
                return kind, Table(sheet.name, columns, spread.rows, spread.warnings)
    if by_name is not None:
        return f"no header row names both the activity and the {by_name.name.replace('_', ' ')}"
    return "no header row of a register sheet"


def child_columns(kind: Kind, headers: Sequence[str]) -> Columns:
    """The columns of a sheet of ``kind``: the activity it links to, its value, its details."""
    plain = [unqualified(header) for header in headers]
    link = _first(plain, LINK_HEADERS)
    link = _first(plain, HEADERS["id"]) if link is None else link
    fields: dict[str, int] = {} if link is None else {LINK: link}
    unknown: dict[int, str] = {}
    main = map_columns(headers)
    for index, header in enumerate(headers):
        field = main.field_at(index)
        if index == link:
            continue
        if (field == kind.main_field or plain[index] in GENERIC) and kind.main_field not in fields:
            fields[kind.main_field] = index
        elif field in kind.fields and field not in fields:
            fields[field] = index
        elif header.strip():
            unknown[index] = header.strip()
    return Columns(fields, unknown)


def _first(plain: Sequence[str], names: Sequence[str]) -> int | None:
    return next((index for index, header in enumerate(plain) if header in names), None)

"""One record per spreadsheet row, for the record kinds whose registers are a single table
(suppliers, risks). Each kind is a ``TableKind``: its headers, its folder and id prefix, and a
function that drafts a record from a row. Reading, reporting and writing are shared with the
register import: every row becomes a record or is reported, nothing is overwritten."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.exchange.outcome import ImportReport, Outcome, Status
from complykit.exchange.record_files import Target, slug, unique_ids, write_all
from complykit.exchange.row_source import Notes
from complykit.exchange.sheet import (
    Row,
    Sheet,
    header_hint,
    pick_sheet,
    read_as,
    read_sheets,
    sheet_warnings,
)
from complykit.exchange.shown import shown
from complykit.exchange.vocabulary import plain_header
from complykit.model.config import WorkspaceConfig
from complykit.workspace.open import load_config

HEADER_ROWS = 20


@frozen
class Cells:
    """A row's cells by field, and its other non-empty cells as ``Header: value`` lines."""

    values: dict[str, str]
    other: tuple[str, ...]

    def __call__(self, field: str) -> str:
        return self.values.get(field, "")


Draft = Callable[[Cells, WorkspaceConfig, Notes], dict[str, Any] | str]


@frozen
class TableKind:
    """A record kind imported from a table: where it goes and how a row becomes one."""

    kind: str
    folder: str
    prefix: str
    headers: dict[str, tuple[str, ...]]
    title_field: str
    draft: Draft
    id_of: Callable[[Cells], str] | None = None
    """The id a row gives without the prefix (a register number); "" or None: its title's."""
    about: Callable[[frozenset[str], WorkspaceConfig], tuple[str, ...]] | None = None
    """Warnings about the whole table, given the fields its header names."""

    def field_of(self, header: str) -> str | None:
        return self.named(header)[0]

    def named(self, header: str) -> tuple[str | None, int]:
        """The field ``header`` names, and how plainly: the place of its name among the
        field's names (0 names it most plainly). A scale in brackets (``Kans (1-5)``) is left
        out when the header as written names nothing; other qualifiers are kept, since they
        can matter (``Kans (netto)`` is the residual likelihood)."""
        for plain in dict.fromkeys((plain_header(header), _without_scale(plain_header(header)))):
            for field, names in self.headers.items():
                if plain in names:
                    return field, names.index(plain)
        return None, 0


def import_table(  # noqa: PLR0913 - the import options, all keyword-only but two
    table: TableKind,
    root: Path,
    source: Path,
    sheet: str | None = None,
    *,
    dry_run: bool = False,
    strict: bool = False,
    delimiter: str | None = None,
) -> ImportReport:
    """Import one record of ``table.kind`` per data row of ``source``; a CSV file is split at
    ``delimiter`` when one is given, else at the one guessed."""
    sheets = read_sheets(
        source, lambda cell: table.field_of(cell) is not None, workspace=root, delimiter=delimiter
    )
    chosen = pick_sheet(source, sheets, sheet) if sheet is not None else None
    found, index = _header(table, [chosen] if chosen else sheets)
    target = Target.of(root)  # raises when complykit.yaml is not valid
    config, _ = load_config(root)
    if config is None:
        raise ComplykitError(f"{root}: complykit.yaml is not valid")
    header = found.rows[index].cells
    rows = [row for row in found.rows[index + 1 :] if not row.empty]
    cells = [_cells(table, header, row) for row in rows]
    titles = [(table.id_of and table.id_of(c)) or slug(c(table.title_field)) for c in cells]
    ids = unique_ids([f"{table.prefix}-{t or f'row-{r.number}'}" for t, r in
                      zip(titles, rows, strict=True)])  # fmt: skip
    comment = f"Imported by `complykit import` from {shown(source.name, 200)}, sheet {{}}."
    outcomes = [
        _plan(table, target, config, (found.name, row.number), cell, record_id, comment)
        for row, cell, record_id in zip(rows, cells, ids, strict=True)
    ]
    unknown = tuple((found.name, h.strip()) for h in header if h.strip() and not table.field_of(h))
    unused = tuple((s.name, "not the sheet with the table") for s in sheets if s is not found)
    done, written = write_all(root, outcomes, dry_run=dry_run, strict=strict)
    named = frozenset(f for h in header if (f := table.field_of(h)) is not None)
    about = tuple((found.name, w) for w in table.about(named, config)) if table.about else ()
    return ImportReport(
        unknown, unused, tuple(done), strict, written,
        sheet_warnings=sheet_warnings(sheets) + about,
    )  # fmt: skip


def _header(table: TableKind, sheets: Sequence[Sheet]) -> tuple[Sheet, int]:
    return find_header(
        sheets,
        lambda cell: table.field_of(cell) == table.title_field,
        f"a column for the {table.kind}'s {table.title_field}",
        table.headers[table.title_field],
    )


def find_header(
    sheets: Sequence[Sheet], names_key: Callable[[str], bool], wanted: str, names: Sequence[str]
) -> tuple[Sheet, int]:
    """The sheet and row of the header: the first row, among the first ``HEADER_ROWS`` of each
    sheet, with a cell that ``names_key``; raises ComplykitError naming ``wanted`` and the
    first of its ``names``."""
    for sheet in sheets:
        for index, row in enumerate(sheet.rows[:HEADER_ROWS]):
            if any(names_key(cell) for cell in row.cells):
                return sheet, index
    shown_names = ", ".join(f"'{name}'" for name in names[:6])
    raise ComplykitError(
        f"no header row with {wanted} in the first {HEADER_ROWS} rows{read_as(sheets)}",
        hint=header_hint(
            sheets, f"Name that column {shown_names} (see docs/guides/import-export.md)."
        ),
    )


def _cells(table: TableKind, header: Sequence[str], row: Row) -> Cells:
    """The row's value per field; where two columns name one field, the one whose header names
    it more plainly (``Impact (1-5)`` over ``Gevolg``), the other kept as ``Header: value``."""
    values: dict[str, tuple[int, str, str]] = {}
    other: list[str] = []
    for index, name in enumerate(header):
        value = row.cells[index].strip() if index < len(row.cells) else ""
        field, rank = table.named(name)
        if not value:
            continue
        shown_as = f"{name.strip() or f'Column {index + 1}'}: {value}"
        if field is None:
            other.append(shown_as)
        elif field not in values or rank < values[field][0]:
            if field in values:
                other.append(values[field][2])
            values[field] = (rank, value, shown_as)
        else:
            other.append(shown_as)
    return Cells({field: value for field, (_, value, _) in values.items()}, tuple(other))


# A scale in brackets after a header: "(1-5)", "(1 t/m 5)", "(schaal 1-5)", "[1..5]".
_SCALE = re.compile(
    r"\s*[(\[]\s*(?:schaal|scale|score)?\s*\d+\s*(?:-|\u2013|\u2014|t/m|tot|to|\.\.)\s*\d+\s*[)\]]"
)


def _without_scale(plain: str) -> str:
    return " ".join(_SCALE.sub(" ", plain).split())


def _plan(  # noqa: PLR0913, PLR0917 - one row's whole context
    table: TableKind,
    target: Target,
    config: WorkspaceConfig,
    where: tuple[str, int],
    cells: Cells,
    record_id: str,
    comment: str,
) -> Outcome:
    notes = Notes()
    drafted = table.draft(cells, config, notes)
    if isinstance(drafted, str):
        return Outcome(where[0], where[1], Status.INVALID, None, (drafted,))
    data: dict[str, Any] = {"kind": table.kind, "id": record_id, **drafted}
    lines = [*notes.lines, *cells.other]
    if lines:
        data["notes"] = "\n".join(lines)
    rel = PurePosixPath(table.folder, f"{record_id}.yaml")
    text = target.document(rel, comment.format(shown(where[0])), data)
    return target.plan(where, rel, text, tuple(notes.warnings))

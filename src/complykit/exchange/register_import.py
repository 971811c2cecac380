"""Onboarding: the rows of a spreadsheet register become processing-activity files.

Each row becomes ``register/pa-<slug>.yaml``. A file is written only where none exists and no
record already has its id, and only after its text validated against the models, so an import
never replaces a record and never leaves an invalid one behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.exchange.form_sheets import SHEET_TEXT, Form, read_forms, split_forms
from complykit.exchange.join import Joined, join, key
from complykit.exchange.layout import Layout, has_main_table, layout
from complykit.exchange.outcome import ImportReport, Outcome, Status
from complykit.exchange.record_files import (
    Target,
    existing_kinds,
    slug,
    unique_ids,
    validation_problems,
    write_all,
)
from complykit.exchange.register_rows import (
    Draft,
    Known,
    Rejected,
    draft_activity,
    heading,
    heads_section,
)
from complykit.exchange.row_source import Child, Source
from complykit.exchange.sheet import Sheet, pick_sheet, read_sheets, sheet_warnings
from complykit.exchange.shown import shown
from complykit.exchange.vocabulary import field_of
from complykit.workspace.open import load_config

__all__ = ["import_register", "slug", "validation_problems"]

FOLDER = "register"
KIND = "processing-activity"
SUMMARY = "summary"
"""The kind of a summary sheet's row that joins the form of the activity it lists."""


def import_register(  # noqa: PLR0913 - the import options, keyword-only but two
    root: Path,
    source: Path,
    sheet: str | None = None,
    *,
    dry_run: bool = False,
    strict: bool = False,
    delimiter: str | None = None,
) -> ImportReport:
    """Import the register in ``source`` into the workspace at ``root``; a CSV file is split
    at ``delimiter`` when one is given (``sheet.delimiter_of``), else at the one guessed.

    Every data row of every used sheet gets an outcome: a record, a row joined to one, or a
    reason. A form sheet (one activity per sheet, labels down a column) counts as one row.
    With ``strict``, a reported row means nothing is written.
    Raises ComplykitError when the file cannot be read, the sheet does not exist, no header
    row or form names the activity, or the workspace config is not valid.
    """
    sheets = read_sheets(
        source, lambda cell: field_of(cell) is not None, workspace=root, delimiter=delimiter
    )
    if sheet is not None:
        pick_sheet(source, sheets, sheet)
    form_sheets, table_sheets = split_forms(sheets)
    if sheet is not None and any(s.name == sheet for s in form_sheets):
        form_sheets, table_sheets = [s for s in form_sheets if s.name == sheet], []
    forms = [form for s in form_sheets for form in read_forms(s)]
    found = _table_layout(table_sheets, sheet, has_forms=bool(forms))
    joined = join(found) if found is not None else Joined((), ())
    target = Target.of(root)
    known = _known(root)
    table_sources, summary = _summary_rows(joined.sources, forms)
    drafted = [
        *((s.sheet, d) for s, d in zip(table_sources, _drafts(table_sources, known), strict=True)),
        *((f.source.sheet, _form_draft(f, summary, known)) for f in forms),
    ]
    ids = _ids([(s, d) for s, d in drafted if isinstance(d, Draft)])
    planned = [
        Outcome(s, d.row, _status(d), None, (d.reason,), warned=d.warned)
        if isinstance(d, Rejected)
        else _plan(target, source.name, s, d, ids[s, d.row])
        for s, d in drafted
    ]
    all_sources = [*table_sources, *(_with_summary(f.source, summary) for f in forms)]
    order = {s.name: index for index, s in enumerate(sheets)}
    order.update({f.source.sheet: order[f.sheet] for f in forms})  # a column of a form sheet
    outcomes = sorted(
        [*planned, *_children(all_sources, planned), *joined.unmatched],
        key=lambda o: (order[o.sheet], o.row),
    )
    outcomes, written = write_all(root, outcomes, dry_run=dry_run, strict=strict)
    return ImportReport(
        _unknown_columns(found),
        _unused(found, table_sheets, has_forms=bool(forms)),
        tuple(outcomes),
        strict,
        written,
        sheet_warnings=sheet_warnings(sheets) + _table_warnings(found),
        unknown_labels=tuple(
            dict.fromkeys(
                (f.sheet, label)
                for f in forms
                for label in f.source.columns.unknown.values()
                if label not in SHEET_TEXT
            )
        ),
    )


def _table_layout(sheets: Sequence[Sheet], name: str | None, *, has_forms: bool) -> Layout | None:
    """The layout of the table sheets; None when the workbook's activities are all on form
    sheets and no other sheet has a register's header row (a cover page, instructions)."""
    if not sheets or (has_forms and name is None and not has_main_table(sheets)):
        return None
    return layout(sheets, name)


def _unused(
    found: Layout | None, table_sheets: Sequence[Sheet], *, has_forms: bool
) -> tuple[tuple[str, str], ...]:
    if found is not None:
        return found.unused
    reason = "neither a table of activities nor the form (fiche) of one" if has_forms else ""
    return tuple((s.name, reason or "the sheet is empty") for s in table_sheets)


def _table_warnings(found: Layout | None) -> tuple[tuple[str, str], ...]:
    """What reading the tables warns about (merged cells), by sheet."""
    if found is None:
        return ()
    tables = (found.main, *(t for _, t in found.children))
    return tuple((table.sheet, warning) for table in tables for warning in table.warnings)


def _unknown_columns(found: Layout | None) -> tuple[tuple[str, str], ...]:
    if found is None:
        return ()
    return tuple(
        (table.sheet, header)
        for table in (found.main, *(t for _, t in found.children))
        for header in table.columns.unknown.values()
    )


def _summary_rows(
    sources: Sequence[Source], forms: Sequence[Form]
) -> tuple[list[Source], dict[str, list[Child]]]:
    """The table rows that are activities of their own, and the rows of a summary sheet that
    list an activity a form describes, by the form's sheet. The CNIL's model lists every
    activity on its first sheet and describes each on a fiche: the fiche is the record, and
    the summary row joins it (what it says beyond the name goes into the notes), so no activity
    is imported twice."""
    by_name = {key(f.source("name")): f.source.sheet for f in forms if f.source("name")}
    by_id = {key(f.source("id")): f.source.sheet for f in forms if f.source("id")}
    own: list[Source] = []
    summary: dict[str, list[Child]] = {}
    for source in sources:
        form_sheet = by_id.get(key(source("id"))) or by_name.get(key(source("name")))
        if form_sheet is None or not (source("id") or source("name")):
            own.append(source)
            continue
        extra = tuple(_summary_lines(source))
        row = Child(SUMMARY, source.sheet, source.row.number, {}, extra)
        summary.setdefault(form_sheet, []).extend([row, *source.children])
    return own, summary


def _with_summary(source: Source, summary: dict[str, list[Child]]) -> Source:
    """A form's source with the summary rows (and the rows they joined) that list it."""
    rows = summary.get(source.sheet, [])
    return Source(source.sheet, source.row, source.columns, (*source.children, *rows))


def _summary_lines(source: Source) -> list[str]:
    """What a summary row says besides the activity's name and id, as ``Header: value``."""
    lines = [
        f"{source.columns.header(field)}: {source(field)}"
        for field in source.columns.fields
        if field not in {"name", "id"} and source(field)
    ]
    return lines + source.unknown_lines()


def _form_draft(form: Form, summary: dict[str, list[Child]], known: Known) -> Draft | Rejected:
    """The activity a form describes, with the rows of other sheets that joined it."""
    draft = draft_activity(_with_summary(form.source, summary), known)
    if isinstance(draft, Rejected) or not form.warnings:
        return draft
    return Draft(draft.row, draft.name, draft.fields, (*form.warnings, *draft.warnings))


def _drafts(sources: Sequence[Source], known: Known) -> list[Draft | Rejected]:
    """A draft per row. A lone cell right above a filled activity row may head a part of the
    table (published registers group activities under ``Burgerzaken``, ``2. Sociaal
    domein``): when it clearly does (``heads_section``), it is no activity, it is skipped with
    a warning naming the row, and the rows under it keep it in their notes up to the next
    heading or blank row. A lone name that is not clearly a heading is an activity."""
    drafts: list[Draft | Rejected] = []
    section = ""
    for index, source in enumerate(sources):
        if index and source.row.number > sources[index - 1].row.number + 1:
            section = ""  # a blank row ends the part of the table a heading heads
        below = sources[index + 1] if index + 1 < len(sources) else None
        title = heading(source)
        if title and below is not None and _heads(source, title, below):
            section = title
            reason = (
                f"taken for a section heading, not an activity: '{shown(title)}'; if it is an "
                "activity, fill in more of its row and import it again"
            )
            drafts.append(Rejected(source.row.number, reason, remark=True, warned=True))
        else:
            drafts.append(draft_activity(source, known, section))
    return drafts


def _heads(source: Source, title: str, below: Source) -> bool:
    """Whether ``title`` heads ``below``: the very next row, with more than one cell filled."""
    adjacent = below.row.number == source.row.number + 1
    filled = sum(1 for c in below.row.cells if c.strip()) > 1
    return adjacent and filled and heads_section(source, title, below)


def _known(root: Path) -> Known:
    """The people and DPIA records a row may name; the config is valid (``Target.of``)."""
    config, _ = load_config(root)
    people = tuple(config.people) if config is not None else ()
    dpias = frozenset(i for i, kind in existing_kinds(root).items() if kind == "dpia")
    return Known(people, dpias)


def _children(sources: Sequence[Source], planned: Sequence[Outcome]) -> list[Outcome]:
    by_row = {(o.sheet, o.row): o for o in planned}
    outcomes = []
    for source in sources:
        parent = by_row[source.sheet, source.row.number]
        for child in source.children:
            if parent.reported:
                reason = f"its activity (sheet '{parent.sheet}', row {parent.row}) was not imported"
                outcomes.append(Outcome(child.sheet, child.row, Status.INVALID, None, (reason,)))
            else:
                outcomes.append(Outcome(child.sheet, child.row, Status.JOINED, parent.path, ()))
    return outcomes


def _ids(drafts: Sequence[tuple[str, Draft]]) -> dict[tuple[str, int], str]:
    """An id per row (by sheet and row) from the activity's name; a repeated name gets -2,
    -3, ..."""
    bases = [f"pa-{slug(d.name) or f'row-{d.row}'}" for _, d in drafts]
    ids = unique_ids(bases)
    return {(s, d.row): i for (s, d), i in zip(drafts, ids, strict=True)}


def _plan(target: Target, source_name: str, sheet: str, draft: Draft, record_id: str) -> Outcome:
    rel = PurePosixPath(FOLDER, f"{record_id}.yaml")
    data: dict[str, Any] = {"kind": KIND, "id": record_id, **draft.fields}
    origin = shown(" ".join(f"{source_name}, sheet {sheet}, row {draft.row}".split()), 200)
    text = target.document(rel, f"Imported by `complykit import register` from {origin}.", data)
    return target.plan((sheet, draft.row), rel, text, draft.warnings)


def _status(rejected: Rejected) -> Status:
    return Status.SKIPPED if rejected.remark else Status.INVALID

"""Onboarding: the rows of a spreadsheet register become processing-activity files.

Each row becomes ``register/pa-<slug>.yaml``. A file is written only where none exists and no
record already has its id, and only after its text validated against the models, so an import
never replaces a record and never leaves an invalid one behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.exchange.join import Joined, join
from complykit.exchange.layout import layout
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
from complykit.exchange.row_source import Source
from complykit.exchange.sheet import pick_sheet, read_sheets, sheet_warnings
from complykit.exchange.shown import shown
from complykit.exchange.vocabulary import field_of
from complykit.workspace.open import load_config

__all__ = ["import_register", "slug", "validation_problems"]

FOLDER = "register"
KIND = "processing-activity"


def import_register(
    root: Path,
    source: Path,
    sheet: str | None = None,
    *,
    dry_run: bool = False,
    strict: bool = False,
) -> ImportReport:
    """Import the register in ``source`` into the workspace at ``root``.

    Every data row of every used sheet gets an outcome: a record, a row joined to one, or a
    reason. With ``strict``, a reported row means nothing is written.
    Raises ComplykitError when the file cannot be read, the sheet does not exist, no header
    row names the activity, or the workspace config is not valid.
    """
    sheets = read_sheets(source, lambda cell: field_of(cell) is not None)
    if sheet is not None:
        pick_sheet(source, sheets, sheet)
    found = layout(sheets, sheet)
    joined = join(found)
    target = Target.of(root)
    drafts = _drafts(joined.sources, _known(root))
    ids = _ids([d for d in drafts if isinstance(d, Draft)])
    planned = [
        Outcome(found.main.sheet, d.row, _status(d), None, (d.reason,), warned=d.warned)
        if isinstance(d, Rejected)
        else _plan(target, source.name, found.main.sheet, d, ids[d.row])
        for d in drafts
    ]
    order = {s.name: index for index, s in enumerate(sheets)}
    outcomes = sorted(
        [*planned, *_children(joined, planned), *joined.unmatched],
        key=lambda o: (order[o.sheet], o.row),
    )
    outcomes, written = write_all(root, outcomes, dry_run=dry_run, strict=strict)
    unknown = tuple(
        (table.sheet, header)
        for table in (found.main, *(t for _, t in found.children))
        for header in table.columns.unknown.values()
    )
    return ImportReport(
        unknown,
        found.unused,
        tuple(outcomes),
        strict,
        written,
        sheet_warnings=sheet_warnings(sheets),
    )


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


def _children(joined: Joined, planned: Sequence[Outcome]) -> list[Outcome]:
    by_row = {o.row: o for o in planned}
    outcomes = []
    for source in joined.sources:
        parent = by_row[source.row.number]
        for child in source.children:
            if parent.reported:
                reason = f"its activity (sheet '{parent.sheet}', row {parent.row}) was not imported"
                outcomes.append(Outcome(child.sheet, child.row, Status.INVALID, None, (reason,)))
            else:
                outcomes.append(Outcome(child.sheet, child.row, Status.JOINED, parent.path, ()))
    return outcomes


def _ids(drafts: Sequence[Draft]) -> dict[int, str]:
    """An id per row from the activity's name; a repeated name gets -2, -3, ..."""
    bases = [f"pa-{slug(d.name) or f'row-{d.row}'}" for d in drafts]
    return {d.row: i for d, i in zip(drafts, unique_ids(bases), strict=True)}


def _plan(target: Target, source_name: str, sheet: str, draft: Draft, record_id: str) -> Outcome:
    rel = PurePosixPath(FOLDER, f"{record_id}.yaml")
    data: dict[str, Any] = {"kind": KIND, "id": record_id, **draft.fields}
    origin = shown(" ".join(f"{source_name}, sheet {sheet}, row {draft.row}".split()), 200)
    text = target.document(rel, f"Imported by `complykit import register` from {origin}.", data)
    return target.plan((sheet, draft.row), rel, text, draft.warnings)


def _status(rejected: Rejected) -> Status:
    return Status.SKIPPED if rejected.remark else Status.INVALID

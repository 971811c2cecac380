"""A Statement of Applicability kept as a spreadsheet, as one ``statement-of-applicability``.

ISO implementers keep the SoA as a table: a control per row, whether it applies, why, how far
it is implemented and what shows it. Each row joins the one record, in the catalog's order;
a control the sheet does not list stays to decide, so the record lists every control as
``soa init`` does. A row whose control is not in the catalog, or that lists a control twice,
is reported. Nothing a row says is dropped: what fits no field goes into the record's notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.catalog.models import Catalog
from complykit.exchange.outcome import ImportReport, Outcome, Status
from complykit.exchange.people import person_named
from complykit.exchange.record_files import Target, write_all
from complykit.exchange.sheet import Row, Sheet, pick_sheet, read_sheets, sheet_warnings
from complykit.exchange.shown import shown
from complykit.exchange.soa_controls import catalog_for, control_id
from complykit.exchange.table_import import find_header
from complykit.exchange.vocabulary import plain_header
from complykit.model.config import PersonEntry
from complykit.model.enums import ImplementationStatus
from complykit.model.wording.meant import meant_value, opening_yes_or_no
from complykit.workspace.open import load_config, workspace_catalogs

HEADERS: dict[str, tuple[str, ...]] = {
    # Not "nr", "id" or "ref": tables use those for a running number or a document too.
    "control": ("control", "control id", "control number", "control no", "controle",
                "beheersmaatregel", "maatregel", "annex a", "annex a control", "bijlage a",
                "annex a ref", "clause", "mesure", "controle id", "control ref"),
    "applicable": ("applicable", "applicability", "applicable (y/n)", "applicable?", "included",
                   "in scope", "selected", "van toepassing", "van toepassing?", "toepasbaar",
                   "toepasselijk", "opgenomen", "applicable yes/no", "applicable (yes/no)",
                   "applicable y/n", "applicabilite", "applicable oui/non"),
    "justification": ("justification", "reason", "rationale", "motivation", "motivatie",
                      "onderbouwing", "reden", "toelichting", "justification for inclusion",
                      "justification for exclusion", "reason for inclusion/exclusion",
                      "justification for inclusion/exclusion",
                      "reden van opname/uitsluiting", "verantwoording", "justificatif"),
    "status": ("status", "implementation status", "implemented", "implementatiestatus",
               "geimplementeerd", "stand van zaken", "implementatie", "statut",
               "etat de mise en oeuvre"),
    "evidence": ("evidence", "bewijs", "bewijslast", "documentation", "document", "documenten",
                 "link", "reference document", "referentie", "preuve"),
    "owner": ("owner", "control owner", "eigenaar", "verantwoordelijke", "responsible",
              "proprietaire", "responsable"),
    # One column per reason, marked per row (`X`), as the common SoA templates have them.
    "reason:legal": ("lr", "legal", "legal requirements", "legal requirement",
                     "legal, statutory, regulatory", "wettelijk", "wettelijke eisen",
                     "wet- en regelgeving", "wet en regelgeving", "exigences legales"),
    "reason:contractual": ("co", "contractual", "contractual obligations",
                           "contractual requirements", "contractueel",
                           "contractuele verplichtingen", "contractuele eisen",
                           "obligations contractuelles"),
    "reason:business": ("br", "br/bp", "business", "business requirements",
                        "business requirements/adopted best practices", "bedrijfseisen",
                        "business eisen", "zakelijke eisen", "exigences metier"),
    "reason:best-practice": ("bp", "best practice", "best practices", "adopted best practices",
                             "good practice", "goede praktijk"),
    "reason:risk-treatment": ("rra", "risk assessment", "results of risk assessment",
                              "result of risk assessment", "risk treatment", "risicoanalyse",
                              "risicobeoordeling", "resultaat risicoanalyse",
                              "risicobehandeling", "appreciation des risques"),
}  # fmt: skip
_REASONS = [field.removeprefix("reason:") for field in HEADERS if field.startswith("reason:")]
_NOT_MARKED = ("no", "nee", "non", "n", "0", "-", "false", "onwaar", "n/a", "nvt", "n.v.t.")
_MARKS = ("x", "yes", "ja", "oui", "y", "j", "1", "true", "waar", "v", "✓", "✔", "•", "●")
_STATUSES = [status.value for status in ImplementationStatus]
# Status words meant_value leaves to the field's own spelling, in English and Dutch.
_STATUS_WORDS = {
    "implemented": ("done", "fully implemented", "volledig geimplementeerd", "ingevoerd",
                    "gereed", "in place"),
    "partially-implemented": ("in progress", "in uitvoering", "ongoing", "lopend", "partially",
                              "partial", "deels geimplementeerd"),
    "planned": ("to do", "todo", "te doen", "gepland", "planned"),
}  # fmt: skip
_APPLICABLE = {
    True: ("included", "applicable", "van toepassing", "opgenomen", "in scope"),
    False: ("excluded", "not applicable", "niet van toepassing", "uitgesloten", "n.v.t.",
            "nvt", "n/a", "out of scope", "non applicable", "exclu"),
}  # fmt: skip
_EVIDENCE = re.compile(r"^(?:https://\S+|[\w./-]+\.\w{1,5})$")


def import_soa(  # noqa: PLR0913 - the import options, keyword-only but two
    root: Path,
    source: Path,
    framework: str | None = None,
    sheet: str | None = None,
    *,
    dry_run: bool = False,
    strict: bool = False,
    delimiter: str | None = None,
) -> ImportReport:
    """Import the Statement of Applicability for ``framework`` from the table in ``source``;
    without one, for the framework whose controls the table's rows name (``told_framework``).
    A CSV file is split at ``delimiter`` when one is given, else at the one guessed."""
    catalogs, _ = workspace_catalogs(root)
    config, _ = load_config(root)
    people = config.people if config is not None else ()
    sheets = read_sheets(
        source, lambda cell: _field_of(cell) is not None, workspace=root, delimiter=delimiter
    )
    table, header = _table([pick_sheet(source, sheets, sheet)] if sheet else sheets)
    columns = [_field_of(cell) for cell in table.rows[header].cells]
    rows = [(row, _used_columns(columns, row)) for row in table.rows[header + 1 :] if not row.empty]
    cells = [row.cells[used["control"]] for row, used in rows if "control" in used]
    catalog, reading = catalog_for(catalogs, framework, cells, len(rows))
    told = ((table.name, reading),) if reading else ()
    entries, outcomes, notes = _entries(catalog, table.name, table.rows[header], rows, people)
    target = Target.of(root)
    rel = PurePosixPath("soa") / f"soa-{catalog.id}.yaml"
    data: dict[str, Any] = {
        "kind": "statement-of-applicability",
        "id": f"soa-{catalog.id}",
        "framework": catalog.id,
        "title": f"Statement of Applicability, {(catalog.framework.aliases or [catalog.id])[0]}",
        "entries": entries,
    }
    if notes:
        data["notes"] = "\n".join(notes)
    comment = (
        f"Imported by `complykit import soa` from {shown(source.name, 200)}, sheet {table.name}."
    )
    planned = target.plan(
        (table.name, table.rows[header].number), rel, target.document(rel, comment, data)
    )
    done, written = write_all(root, [planned, *outcomes], dry_run=dry_run, strict=strict)
    unknown = tuple(
        (table.name, cell.strip())
        for cell, field in zip(table.rows[header].cells, columns, strict=True)
        if cell.strip() and field is None and not _is_title(cell)
    )
    unused = tuple((s.name, "not the sheet with the table") for s in sheets if s is not table)
    return ImportReport(
        unknown, unused, tuple(done), strict, written, sheet_warnings=told + sheet_warnings(sheets)
    )


def _field_of(header: str) -> str | None:
    plain = plain_header(header)
    return next((field for field, names in HEADERS.items() if plain in names), None)


def _table(sheets: Sequence[Sheet]) -> tuple[Sheet, int]:
    """The sheet and row of the header: the first row that names a control column."""
    return find_header(
        sheets, lambda cell: _field_of(cell) == "control", "a control column", HEADERS["control"]
    )


def _entries(
    catalog: Catalog,
    sheet: str,
    header: Row,
    rows: list[tuple[Row, dict[str, int]]],
    people: Sequence[PersonEntry],
) -> tuple[list[dict[str, Any]], list[Outcome], list[str]]:
    """One entry per catalog control in its order, the rows' outcomes, and the notes; each row
    comes with the column each field is taken from (``_used_columns``)."""
    ids = {control.id for control in catalog.controls}
    found: dict[str, dict[str, Any]] = {}
    outcomes: list[Outcome] = []
    notes: list[str] = []
    for row, used in rows:
        cells = {field: row.cells[i].strip() for field, i in used.items()}
        control = control_id(cells.get("control", ""), ids)
        if control is None or control in found:
            why = "listed twice" if control else f"is no control of {catalog.id}"
            written = cells.get("control", "") or "(empty)"
            outcomes.append(
                Outcome(sheet, row.number, Status.INVALID, None, (f"control '{written}' {why}",))
            )
            continue
        entry, said = _entry(control, cells, people)
        found[control] = entry
        notes += [f"{control} {line}" for line in said]
        notes += [f"{control} {name}: {value}" for name, value in _others(header, used, row)]
        outcomes.append(
            Outcome(sheet, row.number, Status.JOINED, None, tuple(_warnings(control, cells, entry)))
        )
    entries = [found.get(control.id, {"control": control.id}) for control in catalog.controls]
    return entries, outcomes, notes


def _used_columns(columns: list[str | None], row: Row) -> dict[str, int]:
    """Per field, the column its value is taken from: where two columns name one field, the
    first one filled in this row."""
    used: dict[str, int] = {}
    for index, field in enumerate(columns):
        if field and index < len(row.cells) and row.cells[index].strip():
            used.setdefault(field, index)
    return used


def _others(header: Row, used: dict[str, int], row: Row) -> list[tuple[str, str]]:
    """The filled cells no field took (an owner, a remark, a second column for a field) but
    the control's title, which the catalog has, as ``(header, value)``."""
    taken = set(used.values())
    return [
        (header.cells[i].strip(), value.strip())
        for i, value in enumerate(row.cells)
        if i not in taken
        and value.strip()
        and i < len(header.cells)
        and header.cells[i].strip()
        and not _is_title(header.cells[i])
    ]


def _is_title(header: str) -> bool:
    """The control's title column: the catalog has the title, so it is not kept."""
    return plain_header(header) in {"title", "control title", "control name", "name", "naam",
                                    "titel", "omschrijving", "description", "beschrijving",
                                    "intitule", "libelle"}  # fmt: skip


def _entry(
    control: str, cells: dict[str, str], people: Sequence[PersonEntry]
) -> tuple[dict[str, Any], list[str]]:
    """The entry's fields, and what of the row is kept in notes as written."""
    entry: dict[str, Any] = {"control": control}
    said: list[str] = []
    if owner := person_named(cells.get("owner", ""), people):
        entry["owner"] = owner.id
    if (applicable := _applicable(cells.get("applicable", ""))) is not None:
        entry["applicable"] = applicable
    if cells.get("justification"):
        entry["justification"] = cells["justification"]
    status = _status(cells.get("status", ""))
    if status is not None:
        entry["status"] = status
    elif entry.get("applicable") is False:
        entry["status"] = ImplementationStatus.NOT_APPLICABLE.value
    marked = {r: cells[f"reason:{r}"] for r in _REASONS if f"reason:{r}" in cells}
    reasons = [r for r, mark in marked.items() if mark.casefold() not in _NOT_MARKED]
    if reasons:
        entry["reasons"] = reasons
    said += [  # "AVG art. 32" in the legal column: the reason, and the law it names
        f"{reason} as written in the table: {marked[reason]}"
        for reason in reasons
        if marked[reason].casefold() not in _MARKS
    ]
    evidence = [e for e in re.split(r"[\n;,]\s*", cells.get("evidence", "")) if e.strip()]
    if evidence and all(_EVIDENCE.match(e.strip()) for e in evidence):
        entry["evidence"] = [e.strip() for e in evidence]
    elif evidence:
        said.append(f"evidence as written in the table: {cells['evidence']}")
    said += [
        f"{field} as written in the table: {cells[field]}"
        for field in ("applicable", "status", "owner")
        if cells.get(field) and field not in entry
    ]
    return entry, said


def _warnings(control: str, cells: dict[str, str], entry: dict[str, Any]) -> list[str]:
    said = [
        f"{control}: {field} '{cells[field]}' not understood; kept in notes"
        for field in ("applicable", "status")
        if cells.get(field) and field not in entry
    ]
    if cells.get("owner") and "owner" not in entry:
        said.append(
            f"{control}: owner '{cells['owner']}' is no person in complykit.yaml (by id, name, "
            "e-mail or a role only one person holds); kept in notes"
        )
    return said


def _applicable(text: str) -> bool | None:
    words = " ".join(text.casefold().split())
    if not words:
        return None
    for meant, phrases in ((False, _APPLICABLE[False]), (True, _APPLICABLE[True])):
        if any(words.startswith(phrase) for phrase in phrases):
            return meant
    return opening_yes_or_no(text)


def _status(text: str) -> str | None:
    if not text.strip():
        return None
    spelled = re.sub(r"[\s_]+", "-", text.strip().casefold())
    if spelled in _STATUSES:
        return spelled
    if (meant := meant_value(text, _STATUSES)) is not None:
        return meant
    words = " ".join(plain_header(text).split())
    named = next((s for s, names in _STATUS_WORDS.items() if words in names), None)
    if named is None and (said := opening_yes_or_no(text)) is not None:  # "Implemented: yes"
        return "implemented" if said else "not-implemented"
    return named

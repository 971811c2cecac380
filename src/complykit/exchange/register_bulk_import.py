"""The Algoritmeregister's own bulk downloads as AI-system records, so an organisation can onboard
what it already published.

The register offers its descriptions as CSV (``generate_download_stream`` in
MinBZK/Algoritmeregister: one row per description, the backend's machine keys as headers,
``lars`` renamed ``algorithm_id``, HTML tags removed) and as JSON (a list of the same objects).
Publicatiestandaard 1.0.0 keys are read too. Facts the register does not hold in complykit's
terms (the AI Act risk class outside category A, roles) get a conservative value and a warning;
every other value is kept in notes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.exchange.html_text import plain_text
from complykit.exchange.json_file import read_json_file
from complykit.exchange.outcome import ImportReport, Outcome
from complykit.exchange.record_files import Target, slug, unique_ids, write_all
from complykit.exchange.row_source import Notes, split_lines
from complykit.exchange.sheet import read_sheets, sheet_warnings
from complykit.exchange.shown import shown
from complykit.exchange.source_file import MAX_BYTES, SPLIT_HINT

LIFECYCLE = {"in gebruik": "operation", "in ontwikkeling": "development",
             "buiten gebruik": "retired", "gepland": "design", "in use": "operation",
             "in development": "development", "out of use": "retired", "retired": "retired",
             "planned": "design"}  # fmt: skip
PURPOSE_KEYS = ("goal", "purpose_and_impact", "description_short")
USED = {"name", "description_short", "status", "begin_date", "start_date", "human_intervention",
        "source_data", "data", "publication_category", *PURPOSE_KEYS}  # fmt: skip
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:[T ].*)?")
_YEAR_LAST = re.compile(r"(?:\d{1,2}[-/.])?(\d{1,2})[-/.](\d{4})")


def read_descriptions(
    source: Path,
    *,
    workspace: Path,
) -> tuple[str, list[dict[str, str]], tuple[tuple[str, str], ...]]:
    """The descriptions in a register download, as text by key; the name of the table; the
    warnings about reading it (a CSV read as Windows-1252)."""
    if source.suffix.casefold() == ".json":
        return source.name, _json_items(source, workspace), ()
    sheet = read_sheets(source, workspace=workspace)[0]
    rows = [row for row in sheet.rows if not row.empty]
    if not rows:
        raise ComplykitError(f"{source} holds no descriptions")
    header = [cell.strip() for cell in rows[0].cells]
    if "name" not in header:
        raise ComplykitError(
            f"{source} is not an Algoritmeregister download: no 'name' column",
            hint="Download the descriptions as CSV or JSON from algoritmes.overheid.nl.",
        )
    items = [
        {key: row.cells[i] for i, key in enumerate(header) if key and i < len(row.cells)}
        for row in rows[1:]
    ]
    return sheet.name, items, sheet_warnings([sheet])


def _json_items(source: Path, workspace: Path) -> list[dict[str, str]]:
    data = read_json_file(
        source, MAX_BYTES, "an Algoritmeregister download", workspace=workspace, hint=SPLIT_HINT
    )
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list):
        raise ComplykitError(f"{source} is not an Algoritmeregister download: no list of items")
    items = [item for item in data if isinstance(item, dict)]
    if len(items) < len(data):  # a number or a text where an algorithm's fields belong
        raise ComplykitError(
            f"{source} is not an Algoritmeregister download: item {_first_other(data) + 1} "
            "of its list is not an object of fields"
        )
    return [{str(k): _value(v) for k, v in item.items()} for item in items]


def _first_other(data: list[Any]) -> int:
    return next(i for i, item in enumerate(data) if not isinstance(item, dict))


def _value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items() if v not in (None, ""))
    return "" if value is None else str(value)


def import_register_download(
    root: Path, source: Path, *, dry_run: bool = False, strict: bool = False
) -> ImportReport:
    """One ``ai-system`` record in ai/ per description in ``source``."""
    table, items, read_warnings = read_descriptions(source, workspace=root)
    json = source.suffix.casefold() == ".json"
    target = Target.of(root)
    names = [" ".join(plain_text(item.get("name", "")).split()) for item in items]
    ids = unique_ids([f"ai-{slug(n) or f'item-{i}'}" for i, n in enumerate(names, 1)])
    comment = f"Imported by `complykit import algoritmeregister` from {shown(source.name, 200)}."
    outcomes: list[Outcome] = []
    for index, (item, record_id) in enumerate(zip(items, ids, strict=True), 1):
        where = (table, index + (0 if json else 1))
        notes = Notes()
        data = _system(item, record_id, notes)
        if isinstance(data, str):
            outcomes.append(target.reject(where, data))
            continue
        rel = PurePosixPath("ai", f"{record_id}.yaml")
        text = target.document(rel, comment, data)
        outcomes.append(target.plan(where, rel, text, tuple(notes.warnings)))
    done, written = write_all(root, outcomes, dry_run=dry_run, strict=strict)
    places = ("file", "item") if json else ("sheet", "row")
    return ImportReport((), (), tuple(done), strict, written, places, read_warnings)


def _system(item: dict[str, str], record_id: str, notes: Notes) -> dict[str, Any] | str:
    """The record's fields, or why the description makes none."""
    text = {key: plain_text(value) for key, value in item.items() if value and value.strip()}
    name = " ".join(text.get("name", "").split())
    purpose = next((text[k] for k in PURPOSE_KEYS if k in text), "")
    if not name or not purpose:
        missing = [what for what, there in (("name", name), ("purpose", purpose)) if not there]
        return f"no {' and no '.join(missing)}"
    category = text.get("publication_category", "")
    high_risk = category.casefold().startswith("hoog-risico")
    data: dict[str, Any] = {"kind": "ai-system", "id": record_id, "name": name,
                            "purpose": purpose}  # fmt: skip
    if "description_short" in text and text["description_short"] != purpose:
        data["description"] = text["description_short"]
    data["roles"] = ["deployer"]
    data["classification"] = {
        "risk_class": "high-risk" if high_risk else "minimal",
        "reasoning": f"Imported from the Algoritmeregister, publication category "
        f"'{category or 'not stated'}'; check the AI Act classification.",
    }
    if not high_risk:
        notes.warn("risk class set to minimal from the publication category; check it")
    if category.casefold().startswith("impactvol"):
        notes.warn(
            "published as impactful (category B): record what makes it so (an IAMA, automated "
            "decisions in a linked processing activity), or an export calls it category C"
        )
    data["lifecycle"] = _lifecycle(text.get("status", ""), notes)
    began = text.get("begin_date") or text.get("start_date") or ""
    if began:
        since = _month_start(began)
        if since is None:
            notes.warn(f"begin date '{shown(began, 40)}' not understood; kept in notes")
            notes.add(f"begin date: {began}")
        else:
            data["in_use_since"] = since
    if "human_intervention" in text:
        data["human_oversight"] = {"description": text["human_intervention"]}
    sources = split_lines(text.get("source_data") or text.get("data") or "")
    if sources:
        data["data_sources"] = sources
    lines = [f"{key}: {value}" for key, value in text.items() if key not in USED]
    data["notes"] = "\n".join([*notes.lines, *lines]) or None
    if data["notes"] is None:
        del data["notes"]
    return data


def _lifecycle(status: str, notes: Notes) -> str:
    """complykit's life-cycle stage for the register's status; one it does not know is kept in
    notes and taken as in operation (a published description is most often of a system in use)."""
    found = LIFECYCLE.get(" ".join(status.split()).casefold())
    if found is not None:
        return found
    if status.strip():
        notes.warn(f"status '{shown(status, 40)}' not understood; lifecycle set to operation")
        notes.add(f"status: {status}")
    return "operation"


def _month_start(text: str) -> str | None:
    """The first day of the month a begin date names: 2022-03, 2022-03-15, 03-2022 or
    15-03-2022 (the register's forms; day first, never month first); None when it names none."""
    text = text.strip()
    if found := _YEAR_FIRST.fullmatch(text):
        year, month = int(found[1]), int(found[2])
    elif found := _YEAR_LAST.fullmatch(text):
        year, month = int(found[2]), int(found[1])
    else:
        return None
    return f"{year:04d}-{month:02d}-01" if 1 <= month <= 12 and year >= 1900 else None

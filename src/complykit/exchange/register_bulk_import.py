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
from complykit.exchange.sheet import read_sheets
from complykit.exchange.shown import shown

MAX_BYTES = 50_000_000
LIFECYCLE = {"in gebruik": "operation", "in ontwikkeling": "development",
             "buiten gebruik": "retired"}  # fmt: skip
PURPOSE_KEYS = ("goal", "purpose_and_impact", "description_short")
USED = {"name", "description_short", "status", "begin_date", "start_date", "human_intervention",
        "source_data", "data", "publication_category", *PURPOSE_KEYS}  # fmt: skip
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def read_descriptions(source: Path) -> tuple[str, list[dict[str, str]]]:
    """The descriptions in a register download, as text by key; the name of the table."""
    if source.suffix.casefold() == ".json":
        return "json", _json_items(source)
    sheet = read_sheets(source)[0]
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
    return sheet.name, items


def _json_items(source: Path) -> list[dict[str, str]]:
    data = read_json_file(source, MAX_BYTES, "an Algoritmeregister download")
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
    table, items = read_descriptions(source)
    target = Target.of(root)
    names = [" ".join(plain_text(item.get("name", "")).split()) for item in items]
    ids = unique_ids([f"ai-{slug(n) or f'item-{i}'}" for i, n in enumerate(names, 1)])
    comment = f"Imported by `complykit import algoritmeregister` from {shown(source.name, 200)}."
    outcomes: list[Outcome] = []
    for index, (item, record_id) in enumerate(zip(items, ids, strict=True), 1):
        where = (table, index + (1 if table != "json" else 0))
        notes = Notes()
        data = _system(item, record_id, notes)
        if data is None:
            outcomes.append(target.reject(where, "no name and no purpose"))
            continue
        rel = PurePosixPath("ai", f"{record_id}.yaml")
        text = target.document(rel, comment, data)
        outcomes.append(target.plan(where, rel, text, tuple(notes.warnings)))
    done, written = write_all(root, outcomes, dry_run=dry_run, strict=strict)
    return ImportReport((), (), tuple(done), strict, written)


def _system(item: dict[str, str], record_id: str, notes: Notes) -> dict[str, Any] | None:
    text = {key: plain_text(value) for key, value in item.items() if value and value.strip()}
    name = " ".join(text.get("name", "").split())
    purpose = next((text[k] for k in PURPOSE_KEYS if k in text), "")
    if not name or not purpose:
        return None
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
    data["lifecycle"] = LIFECYCLE.get(text.get("status", "").casefold(), "operation")
    if month := _MONTH.match(text.get("begin_date") or text.get("start_date") or ""):
        data["in_use_since"] = f"{month[1]}-{month[2]}-01"
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

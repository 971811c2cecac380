"""Onboarding: the rows of a spreadsheet register become processing-activity files.

Each row becomes ``register/pa-<slug>.yaml``. A file is written only where none exists and no
record already has its id, and only after its text validated against the models, so an import
never replaces a record and never leaves an invalid one behind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from complykit.errors import ComplykitError
from complykit.exchange.join import Joined, join
from complykit.exchange.layout import layout
from complykit.exchange.outcome import ImportReport, Outcome, Status
from complykit.exchange.register_rows import Draft, Rejected, draft_activity
from complykit.exchange.sheet import pick_sheet, read_sheets
from complykit.exchange.shown import shown
from complykit.load.discover import CONFIG_FILENAME, record_files
from complykit.load.yaml_file import parse_yaml
from complykit.model.validate import to_record
from complykit.scaffold import write_new
from complykit.workspace import load_config, read_file

FOLDER = "register"
KIND = "processing-activity"
_SLUG_LENGTH = 60


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
    sheets = read_sheets(source)
    if sheet is not None:
        pick_sheet(source, sheets, sheet)
    found = layout(sheets, sheet)
    joined = join(found)
    target = _Target(root, source.name, frozenset(_existing_ids(root)))
    drafts = [draft_activity(s) for s in joined.sources]
    ids = _ids([d for d in drafts if isinstance(d, Draft)])
    planned = [
        Outcome(found.main.sheet, d.row, Status.INVALID, None, (d.reason,))
        if isinstance(d, Rejected)
        else _plan(target, d, ids[d.row], found.main.sheet)
        for d in drafts
    ]
    order = {s.name: index for index, s in enumerate(sheets)}
    outcomes = sorted(
        [*planned, *_children(joined, planned), *joined.unmatched],
        key=lambda o: (order[o.sheet], o.row),
    )
    write = not dry_run and not (strict and any(o.reported for o in outcomes))
    if write:
        outcomes = [_write(root, o) for o in outcomes]
    unknown = tuple(
        (table.sheet, header)
        for table in (found.main, *(t for _, t in found.children))
        for header in table.columns.unknown.values()
    )
    return ImportReport(unknown, found.unused, tuple(outcomes), strict, write)


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


def _existing_ids(root: Path) -> set[str]:
    config, _ = load_config(root)
    if config is None:
        raise ComplykitError(
            f"{root / CONFIG_FILENAME} is not valid",
            hint="Run `complykit validate` to see what to fix.",
        )
    return {
        document.data["id"]
        for path in record_files(root, config.paths.exclude)
        for document in read_file(root, path).documents
        if isinstance(document.data, dict) and isinstance(document.data.get("id"), str)
    }


def _ids(drafts: Sequence[Draft]) -> dict[int, str]:
    """An id per row from the activity's name; a repeated name gets -2, -3, ..."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for draft in drafts:
        base = f"pa-{slug(draft.name) or f'row-{draft.row}'}"
        record_id, number = base, 1
        while record_id in used:
            number += 1
            record_id = f"{base}-{number}"
        used.add(record_id)
        ids[draft.row] = record_id
    return ids


def slug(text: str) -> str:
    """Lower-case ASCII words joined by dashes, at most 60 characters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:_SLUG_LENGTH].rstrip("-")


@dataclass(frozen=True, slots=True)
class _Target:
    """Where drafts go: the workspace and the ids its records already have."""

    root: Path
    source_name: str
    taken: frozenset[str]


def _plan(target: _Target, draft: Draft, record_id: str, sheet: str) -> Outcome:
    rel = PurePosixPath(FOLDER, f"{record_id}.yaml")
    if record_id in target.taken or (target.root / rel).exists():
        message = f"{rel} or a record with id '{record_id}' already exists; not overwritten"
        return Outcome(sheet, draft.row, Status.EXISTS, rel, (message,))
    text = record_text(target.source_name, sheet, draft, record_id)
    problems = validation_problems(rel, text)
    if problems:
        return Outcome(sheet, draft.row, Status.INVALID, rel, problems)
    return Outcome(sheet, draft.row, Status.WOULD_CREATE, rel, draft.warnings, text)


def _write(root: Path, outcome: Outcome) -> Outcome:
    if outcome.status is not Status.WOULD_CREATE or outcome.path is None or not outcome.text:
        return outcome
    try:
        write_new(root / outcome.path, outcome.text)
    except ComplykitError as error:
        return replace(outcome, status=Status.EXISTS, messages=(error.message,))
    return replace(outcome, status=Status.CREATED)


def record_text(source_name: str, sheet: str, draft: Draft, record_id: str) -> str:
    """The YAML of the drafted activity, with a comment saying where it came from."""
    data: dict[str, Any] = {"kind": KIND, "id": record_id, **draft.fields}
    origin = shown(" ".join(f"{source_name}, sheet {sheet}, row {draft.row}".split()), 200)
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return f"# Imported by `complykit import register` from {origin}.\n{body}"


class _Dumper(yaml.SafeDumper):
    """Lists indented below their key, and text with line breaks as a literal block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: ARG002 - PyYAML's signature
        super().increase_indent(flow, indentless=False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def validation_problems(rel: PurePosixPath, text: str) -> tuple[str, ...]:
    """Why ``text`` is not one valid record, as parse_yaml and the models see it; () if it is."""
    parsed = parse_yaml(rel, text.encode("utf-8"))
    if parsed.findings or len(parsed.documents) != 1:
        return tuple(f.message for f in parsed.findings) or ("not a single YAML document",)
    record, findings = to_record(rel, parsed.documents[0])
    return () if record is not None else tuple(f.message for f in findings)

"""Onboarding: the rows of a spreadsheet register become processing-activity files.

Each row becomes ``register/pa-<slug>.yaml``. A file is written only where none exists and no
record already has its id, and only after its text validated against the models, so an import
never replaces a record and never leaves an invalid one behind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from complykit.errors import ComplykitError
from complykit.exchange.register_rows import Draft, Rejected, draft_activity
from complykit.exchange.sheet import Row, read_rows
from complykit.exchange.vocabulary import HEADERS, map_columns
from complykit.load.discover import CONFIG_FILENAME, record_files
from complykit.load.yaml_file import parse_yaml
from complykit.model.validate import to_record
from complykit.modeline import schema_target, with_modeline
from complykit.scaffold import write_new
from complykit.workspace import load_config, read_file

FOLDER = "register"
KIND = "processing-activity"
HEADER_ROWS = 20  # the header row is looked for this far down, below any title rows
_SLUG_LENGTH = 60


class Status(StrEnum):
    CREATED = "created"
    WOULD_CREATE = "would-create"
    EXISTS = "exists"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one row: the file written or planned, or why there is none."""

    row: int
    status: Status
    path: PurePosixPath | None
    messages: tuple[str, ...]
    text: str | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Every data row's outcome, and the columns that are no processing-activity field."""

    unknown_columns: tuple[str, ...]
    outcomes: tuple[Outcome, ...]

    @property
    def exit_code(self) -> int:
        """0 when every row was (or would be) written, 1 when a row was skipped."""
        done = {Status.CREATED, Status.WOULD_CREATE}
        return 0 if all(o.status in done for o in self.outcomes) else 1


def import_register(
    root: Path, source: Path, sheet: str | None = None, *, dry_run: bool = False
) -> ImportReport:
    """Import the register in ``source`` into the workspace at ``root``.

    Raises ComplykitError when the file cannot be read, the sheet does not exist, no header
    row names the activity, or the workspace config is not valid.
    """
    header, rows = _table(read_rows(source, sheet))
    columns = map_columns(header.cells)
    target = _Target(root, source.name, frozenset(_existing_ids(root)), dry_run=dry_run)
    drafts = [draft_activity(row, columns) for row in rows if not row.empty]
    ids = _ids([d for d in drafts if isinstance(d, Draft)])
    outcomes = [
        Outcome(d.row, Status.INVALID, None, (d.reason,))
        if isinstance(d, Rejected)
        else _place(target, d, ids[d.row])
        for d in drafts
    ]
    return ImportReport(tuple(columns.unknown.values()), tuple(outcomes))


def _table(rows: Sequence[Row]) -> tuple[Row, list[Row]]:
    """The header row (the first naming the activity) and the rows below it."""
    for index, row in enumerate(rows[:HEADER_ROWS]):
        if "name" in map_columns(row.cells).fields:
            return row, list(rows[index + 1 :])
    names = ", ".join(f"'{h}'" for h in HEADERS["name"][:4] + HEADERS["name"][5:8])
    raise ComplykitError(
        f"no header row with a column for the activity name in the first {HEADER_ROWS} rows",
        hint=f"Name that column {names} (see docs/guides/import-export.md).",
    )


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
    """Where drafts go: the workspace, the ids its records already have, and whether to write."""

    root: Path
    source_name: str
    taken: frozenset[str]
    dry_run: bool


def _place(target: _Target, draft: Draft, record_id: str) -> Outcome:
    rel = PurePosixPath(FOLDER, f"{record_id}.yaml")
    if record_id in target.taken or (target.root / rel).exists():
        message = f"{rel} or a record with id '{record_id}' already exists; not overwritten"
        return Outcome(draft.row, Status.EXISTS, rel, (message,))
    modeline = schema_target(target.root, (target.root / rel).parent, KIND)
    text = with_modeline(record_text(target.source_name, draft, record_id), modeline)
    problems = validation_problems(rel, text)
    if problems:
        return Outcome(draft.row, Status.INVALID, rel, problems)
    if target.dry_run:
        return Outcome(draft.row, Status.WOULD_CREATE, rel, draft.warnings, text)
    try:
        write_new(target.root / rel, text, inside=target.root)
    except ComplykitError as error:
        return Outcome(draft.row, Status.EXISTS, rel, (error.message,))
    return Outcome(draft.row, Status.CREATED, rel, draft.warnings, text)


def record_text(source_name: str, draft: Draft, record_id: str) -> str:
    """The YAML of the drafted activity, with a comment saying where it came from."""
    data: dict[str, Any] = {"kind": KIND, "id": record_id, **draft.fields}
    origin = " ".join(f"{source_name}, row {draft.row}".split())
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

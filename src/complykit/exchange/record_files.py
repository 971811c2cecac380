"""Records an import writes: YAML text, checked against the models, written only where no file
and no record with the id exists, and only when the whole import may write."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from complykit.authoring.modeline import schema_target, with_modeline
from complykit.authoring.scaffold import write_new
from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen, replace
from complykit.exchange.outcome import Outcome, Status
from complykit.exchange.yaml_dump import SafeTextDumper
from complykit.load.discover import CONFIG_FILENAME, record_files
from complykit.load.parsing import read_file
from complykit.load.yaml_file import parse_yaml
from complykit.model.validate import to_record
from complykit.workspace.open import load_config

_SLUG_LENGTH = 60


def existing_ids(root: Path) -> frozenset[str]:
    """The ids of the workspace's records, valid or not; raises when the config is invalid."""
    return frozenset(existing_kinds(root))


def existing_kinds(root: Path) -> dict[str, str]:
    """The kind of each of the workspace's records by id (``""`` where a record names none),
    valid or not; raises when the config is invalid."""
    config, _ = load_config(root)
    if config is None:
        raise ComplykitError(
            f"{root / CONFIG_FILENAME} is not valid",
            hint="Run `complykit validate` to see what to fix.",
        )
    return {
        document.data["id"]: str(document.data.get("kind") or "")
        for path in record_files(root, config.paths.exclude)
        for document in read_file(root, path).documents
        if isinstance(document.data, dict) and isinstance(document.data.get("id"), str)
    }


def slug(text: str, length: int = _SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by dashes, at most ``length`` characters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:length].rstrip("-")


def unique_ids(bases: Sequence[str]) -> list[str]:
    """The ids in order, a repeated one made distinct with -2, -3, ..."""
    used: set[str] = set()
    ids = []
    for base in bases:
        record_id, number = base, 1
        while record_id in used:
            number += 1
            record_id = f"{base}-{number}"
        used.add(record_id)
        ids.append(record_id)
    return ids


@frozen
class Target:
    """The workspace an import writes into, and the record ids it already has."""

    root: Path
    taken: frozenset[str]

    @classmethod
    def of(cls, root: Path) -> Target:
        return cls(root, existing_ids(root))

    def document(self, rel: PurePosixPath, comment: str, data: dict[str, Any]) -> str:
        """``data`` as the YAML of a new file at ``rel``: the editor modeline the workspace
        uses (see complykit.authoring.modeline), a comment, the fields."""
        target = schema_target(self.root, (self.root / rel).parent, str(data["kind"]))
        return with_modeline(yaml_text(comment, data), target)

    def reject(self, where: tuple[str, int], reason: str) -> Outcome:
        """The outcome of a row that makes no record."""
        return Outcome(where[0], where[1], Status.INVALID, None, (reason,))

    def plan(
        self, where: tuple[str, int], rel: PurePosixPath, text: str, warnings: tuple[str, ...] = ()
    ) -> Outcome:
        """What writing ``text`` to ``rel`` would do: create it, or why not."""
        sheet, row = where
        record_id = rel.stem
        if record_id in self.taken or (self.root / rel).exists():
            message = f"{rel} or a record with id '{record_id}' already exists; not overwritten"
            return Outcome(sheet, row, Status.EXISTS, rel, (message,))
        problems = validation_problems(rel, text)
        if problems:
            return Outcome(sheet, row, Status.INVALID, rel, problems)
        return Outcome(sheet, row, Status.WOULD_CREATE, rel, warnings, text)


def write_all(
    root: Path, outcomes: Sequence[Outcome], *, dry_run: bool, strict: bool
) -> tuple[list[Outcome], bool]:
    """The outcomes after writing every planned file, and whether anything was written: not on
    a dry run, and not under ``strict`` when any outcome is reported."""
    if dry_run or (strict and any(o.reported for o in outcomes)):
        return list(outcomes), False
    return [_write(root, o) for o in outcomes], True


def _write(root: Path, outcome: Outcome) -> Outcome:
    if outcome.status is not Status.WOULD_CREATE or outcome.path is None or not outcome.text:
        return outcome
    try:
        write_new(root / outcome.path, outcome.text, inside=root)
    except ComplykitError as error:
        return replace(outcome, status=Status.EXISTS, messages=(error.message,))
    return replace(outcome, status=Status.CREATED)


def yaml_text(comment: str, data: dict[str, Any]) -> str:
    """``data`` as YAML below a one-line comment."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return f"# {comment}\n{body}"


class _Dumper(SafeTextDumper):
    """Lists indented below their key, and text with line breaks as a literal block."""

    multiline = "|"

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: ARG002 - PyYAML's signature
        super().increase_indent(flow, indentless=False)


def validation_problems(rel: PurePosixPath, text: str) -> tuple[str, ...]:
    """Why ``text`` is not one valid record, as parse_yaml and the models see it; () if it is."""
    parsed = parse_yaml(rel, text.encode("utf-8"))
    if parsed.findings or len(parsed.documents) != 1:
        return tuple(f.message for f in parsed.findings) or ("not a single YAML document",)
    record, findings = to_record(rel, parsed.documents[0])
    return () if record is not None else tuple(f.message for f in findings)

"""A versioned JSON document of the diff for tools; docs/guides/pull-requests.md shows it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final

import complykit
from complykit.core.findings import Severity
from complykit.escape import defuse_json
from complykit.formatters.json import finding_document

if TYPE_CHECKING:
    from typing import TextIO

    from complykit.contracts.diff import (
        DiffDocument,
        NotableDocument,
        RecordChangeDocument,
        RecordRefDocument,
        SideDocument,
    )
    from complykit.diff.changes import Diff, Notable, RecordChange, RecordRef, Side

# Bump on any change that can break a reader; adding keys keeps the version.
SCHEMA_VERSION: Final = "1"


class JsonDiffFormatter:
    """One JSON object: sides, counts, records, findings and notable changes, in a fixed order."""

    def render(self, diff: Diff, stream: TextIO) -> None:
        stream.write(defuse_json(json.dumps(to_document(diff), indent=2, ensure_ascii=True)) + "\n")


def to_document(diff: Diff) -> DiffDocument:
    """The JSON contract as Python values, in output order."""
    records, findings = diff.records, diff.findings
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "complykit", "version": complykit.__version__},
        "as_of": diff.as_of.isoformat(),
        "fail_on": "warning" if diff.fail_on == Severity.WARNING else "error",
        "base": _side(diff.base),
        "head": _side(diff.head),
        "summary": {
            "records_added": len(records.added),
            "records_removed": len(records.removed),
            "records_changed": len(records.changed),
            "findings_new": len(findings.new),
            "findings_fixed": len(findings.fixed),
            "findings_unchanged": findings.unchanged,
            "notable": len(diff.notable),
            "exit_code": diff.exit_code,
        },
        "records": {
            "added": [_ref(r) for r in records.added],
            "removed": [_ref(r) for r in records.removed],
            "changed": [_change(c) for c in records.changed],
        },
        "findings": {
            "new": [finding_document(f) for f in findings.new],
            "fixed": [finding_document(f) for f in findings.fixed],
        },
        "notable": [_notable(n) for n in diff.notable],
    }


def _side(side: Side) -> SideDocument:
    """``revision`` and ``commit`` are null for the working tree."""
    return {
        "revision": side.revision,
        "commit": side.commit,
        "has_workspace": side.has_workspace,
    }


def _ref(ref: RecordRef) -> RecordRefDocument:
    return {"kind": ref.kind, "id": ref.id, "path": ref.path.as_posix()}


def _change(change: RecordChange) -> RecordChangeDocument:
    moved = change.moved_from.as_posix() if change.moved_from else None
    return {
        "kind": change.kind,
        "id": change.id,
        "path": change.path.as_posix(),
        "moved_from": moved,
        "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in change.fields],
    }


def _notable(notable: Notable) -> NotableDocument:
    return {"rule": notable.rule, "kind": notable.kind, "id": notable.id, "reason": notable.reason}

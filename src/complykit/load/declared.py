"""Which records a file meant to hold, read from its text when its YAML could not be built.

A file with a syntax error or a duplicate key yields no documents, yet other records still name
the ids it declares. Knowing them lets the checks say "could not be read" instead of reporting
every reference to them as dangling. This is a best-effort scan of top-level ``kind:`` and
``id:`` lines, one document per ``---``; it never decides validity, only names what was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

_DOCUMENT_START = re.compile(r"^---(?:[ \t].*)?$", re.MULTILINE)
_TOP_LEVEL = re.compile(r"""^(id|kind):[ \t]*(["']?)([^"'#\s]+)\2[ \t]*(?:#.*)?$""", re.MULTILINE)


@dataclass(frozen=True, slots=True, order=True)
class UnreadRecord:
    """A record that could not be read: where it is, and its id and kind as far as known."""

    path: PurePosixPath
    line: int
    id: str
    kind: str | None
    reason: str
    """The code and message of the first finding that stopped it, e.g. ``YAML002 ...``."""


def declared_records(
    path: PurePosixPath, text: str, reason: str, *, skip: frozenset[str] = frozenset()
) -> tuple[UnreadRecord, ...]:
    """The records ``text`` declares at top level, except the ids in ``skip`` (those read)."""
    found: list[UnreadRecord] = []
    offset = 0
    for chunk in _DOCUMENT_START.split(text):
        fields: dict[str, tuple[str, int]] = {}
        for match in _TOP_LEVEL.finditer(chunk):
            fields.setdefault(match.group(1), (match.group(3), match.start()))
        if "id" in fields and fields["id"][0] not in skip:
            record_id, start = fields["id"]
            line = text.count("\n", 0, offset + start) + 1
            kind = fields["kind"][0] if "kind" in fields else None
            found.append(UnreadRecord(path, line, record_id, kind, reason))
        offset += len(chunk) + _separator_length(text, offset + len(chunk))
    return tuple(found)


def _separator_length(text: str, at: int) -> int:
    match = _DOCUMENT_START.match(text, at)
    return len(match.group(0)) if match else 0

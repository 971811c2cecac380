"""Which file of a workspace already holds a record id, asked before a new record is written.

Ids are unique across the whole workspace, whatever the kind (REF003), so ``new`` looks in
every record file. Only files whose bytes contain the id are parsed, so the question costs
little more than reading the files. A file that does not parse still names the ids it
declares (``declared``), and a file that cannot be read is passed over: this only spares the
user a duplicate, and ``complykit validate`` reports the rest.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from complykit.core.frozen import frozen
from complykit.load.discover import discover
from complykit.load.files import InsideReader
from complykit.load.yaml_file import parse_yaml
from complykit.workspace.open import load_config


@frozen
class Holder:
    """A record with the id: the file it is in, from the workspace root, and its kind."""

    path: PurePosixPath
    kind: str | None


def id_holder(root: Path, record_id: str, skip: Path | None = None) -> Holder | None:
    """The first record file below ``root`` (but ``skip``) that holds a record ``record_id``."""
    config, _ = load_config(root)
    # A config that does not validate excludes nothing here: better a refusal too many.
    found = discover(root, config.paths.exclude if config is not None else ())
    reader, needle = InsideReader(root), record_id.encode()
    for relative in found.relatives:
        path = root / relative
        raw = reader.read(path)
        if isinstance(raw, bytes) and needle in raw and not _same(path, skip):
            holder = _holder(PurePosixPath(relative), raw, record_id)
            if holder is not None:
                return holder
    return None


def _same(path: Path, other: Path | None) -> bool:
    return other is not None and path.resolve() == other.resolve()


def _holder(relative: PurePosixPath, raw: bytes, record_id: str) -> Holder | None:
    parsed = parse_yaml(relative, raw)
    for document in parsed.documents:
        data = document.data
        if isinstance(data, dict) and data.get("id") == record_id:
            kind = data.get("kind")
            return Holder(relative, kind if isinstance(kind, str) else None)
    for unread in parsed.unread:
        if unread.id == record_id:
            return Holder(relative, unread.kind)
    return None

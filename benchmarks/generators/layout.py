"""Where the generated records are written: as the renderers place them, or many to a file."""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

SEPARATE = frozenset({"soa"})
"""Folders whose files stay as they are: one Statement of Applicability per framework."""


def joined(files: dict[str, list[str]], per_file: int) -> dict[str, list[str]]:
    """``files`` (relative path -> documents) with the files of each folder joined ``per_file``
    to one, in name order, as ``part-NNNN.yaml``: the way registers kept a department to a file
    are. The documents, and so the records and their defects, stay the same."""
    if per_file <= 1:
        return files
    by_folder: defaultdict[PurePosixPath, list[str]] = defaultdict(list)
    for path in files:
        by_folder[PurePosixPath(path).parent].append(path)
    result: dict[str, list[str]] = {}
    for folder, paths in sorted(by_folder.items()):
        if folder.parts[:1] and folder.parts[0] in SEPARATE:
            result.update((path, files[path]) for path in paths)
            continue
        names = sorted(paths)
        for start in range(0, len(names), per_file):
            group = names[start : start + per_file]
            part = (folder / f"part-{start // per_file:04d}.yaml").as_posix()
            result[part] = [_ended(doc) for path in group for doc in files[path]]
    return result


def _ended(document: str) -> str:
    """A document that ends its last line, so the next one's ``---`` starts a line."""
    return document if document.endswith("\n") else f"{document}\n"

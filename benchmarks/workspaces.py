"""Generated benchmark workspaces, committed twice to a scratch git repository.

The first commit is the generated workspace; the second changes one record, so that
``complykit diff HEAD~1`` compares the two the way a pull request with one edit does.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import generate

SEED = 0
EDITED = re.compile(r"^(description: >-\n  )(?:Revised \d+\. )?", re.MULTILINE)
"""The first line of a record's own description, with the sentence an earlier edit put there."""
EDITED_KINDS = {
    "supplier": "suppliers",
    "processing activity": "register",
    "risk": "risks",
    "AI system": "ai",
}
"""Kinds the "one file changed" goal edits, with their folders: the most joined ones, and the
two whose edits judged a whole kind again until 2026-12-06 (SOA010 read every risk, the AI Act
checks every AI system)."""


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    records: int
    files: int
    bytes: int
    edit_targets: dict[str, Path]
    """A record file of each of ``EDITED_KINDS``."""
    per_file: int = 1
    """Files of each folder joined into one (``generate.py --per-file``); 1: as generated."""
    shape: str = "uniform"
    """``generate.py --shape``: the uniform shape, or the skewed one (hubs, long lists)."""

    def describe(self) -> str:
        return f"{self.files:,} files, {self.bytes / 1e6:.1f} MB, at {self.root}"

    @property
    def label(self) -> str:
        """The size as the table shows it, with the layout when files were joined."""
        joined = f", {self.per_file} files to one" if self.per_file > 1 else ""
        shape = f", {self.shape}" if self.shape != "uniform" else ""
        return f"{self.records:,}{joined}{shape}"

    def edit(self, revision: int, kind: str = "supplier") -> None:
        """Change a value of one record of ``kind``, differently each time, keeping it valid:
        a sentence at the start of its description says which revision this is. (A comment
        would change no record, which no real edit is like.)"""
        path = self.edit_targets[kind]
        text = path.read_text(encoding="utf-8")
        edited, count = EDITED.subn(rf"\g<1>Revised {revision}. ", text, count=1)
        if not count:
            raise ValueError(f"{path} has no description to edit")
        path.write_text(edited, encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def prepare(root: Path, records: int, per_file: int = 1, shape: str = "uniform") -> Workspace:
    """Generate (or reuse) the workspace at ``root`` and give it its two commits; with
    ``per_file`` above 1, the files of each folder joined that many to one; ``shape`` as
    ``generate.py --shape``."""
    if not (root / ".git").is_dir():
        _generate(root, records, per_file, shape)
        (root / ".gitignore").write_text(".complykit-cache/\n", encoding="utf-8")
        _git(root, "init", "-q")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "generated")
        workspace = _workspace(root, records, per_file, shape)
        workspace.edit(0)
        _git(root, "commit", "-q", "-am", "one record changed")
    return _workspace(root, records, per_file, shape)


def _generate(root: Path, records: int, per_file: int, shape: str) -> None:
    """``generate.py`` in a child process. Run here, it left this process holding over 120 MiB
    after 50,000 records, and a command it starts reports at least its parent's peak as its
    own (Linux counts the parent's memory in the child's ``ru_maxrss`` until the child runs
    its program): every memory row measured after it read 141 MiB."""
    command = [
        sys.executable,
        str(Path(generate.__file__)),
        *("--entities", str(records), "--out", str(root), "--seed", str(SEED)),
        *("--per-file", str(per_file), "--shape", shape),
    ]
    subprocess.run(command, check=True, capture_output=True)


def _workspace(root: Path, records: int, per_file: int, shape: str) -> Workspace:
    files = [p for p in root.rglob("*.yaml") if ".git" not in p.parts and p.is_file()]
    targets = {
        kind: min(p for p in files if folder in p.parts and EDITED.search(p.read_text("utf-8")))
        for kind, folder in EDITED_KINDS.items()
    }
    size = sum(p.stat().st_size for p in files)
    return Workspace(root, records, len(files), size, targets, per_file, shape)

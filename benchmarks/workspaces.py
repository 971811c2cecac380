"""Generated benchmark workspaces, committed twice to a scratch git repository.

The first commit is the generated workspace; the second changes one record, so that
``complykit diff HEAD~1`` compares the two the way a pull request with one edit does.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import generate

SEED = 0
EDITED = "# edited by the benchmark"


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    records: int
    files: int
    bytes: int
    edit_target: Path

    def describe(self) -> str:
        return f"{self.files:,} files, {self.bytes / 1e6:.1f} MB, at {self.root}"

    def edit(self, revision: int) -> None:
        """Change one record's text, differently each time, keeping it valid."""
        text = self.edit_target.read_text(encoding="utf-8").split(f"\n{EDITED}")[0]
        self.edit_target.write_text(f"{text}\n{EDITED} {revision}\n", encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def prepare(root: Path, records: int) -> Workspace:
    """Generate (or reuse) the workspace at ``root`` and give it its two commits."""
    if not (root / ".git").is_dir():
        generate.generate(root, records, seed=SEED)
        (root / ".gitignore").write_text(".complykit-cache/\n", encoding="utf-8")
        _git(root, "init", "-q")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "generated")
        workspace = _workspace(root, records)
        workspace.edit(0)
        _git(root, "commit", "-q", "-am", "one record changed")
    return _workspace(root, records)


def _workspace(root: Path, records: int) -> Workspace:
    files = [p for p in root.rglob("*.yaml") if ".git" not in p.parts and p.is_file()]
    target = min(p for p in files if "suppliers" in p.parts)
    return Workspace(root, records, len(files), sum(p.stat().st_size for p in files), target)

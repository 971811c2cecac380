"""``run_diff``: read each git revision of the workspace as files, load both sides, compare."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from complykit.core.findings import Severity
from complykit.diff.changes import Diff, Side
from complykit.diff.compare import compare
from complykit.diff.snapshot import Snapshot, load_snapshot
from complykit.load.discover import CONFIG_FILENAME, find_root
from complykit.load.git import resolve_commit, toplevel
from complykit.load.tree import materialise, read_tree_at


@dataclass(frozen=True, slots=True)
class _Checkout:
    """The git repository around the workspace, and the workspace folder inside it."""

    top: Path
    folder: PurePosixPath


def run_diff(
    base: str,
    path: Path,
    *,
    as_of: date,
    head: str | None = None,
    fail_on: Severity = Severity.ERROR,
) -> Diff:
    """Compare the workspace around ``path`` at git revision ``base`` with ``head``.

    ``head`` None means the working tree, uncommitted edits included. A revision without the
    workspace counts as an empty workspace: everything in the other side is added.
    """
    root = find_root(path)
    top = toplevel(root)
    checkout = _Checkout(top, PurePosixPath(root.relative_to(top).as_posix()))
    commits = {rev: resolve_commit(top, rev) for rev in (base, head) if rev is not None}
    with ExitStack() as stack:
        sides = []
        for revision in (base, head):
            if revision is None:
                sides.append((Side(None, None), load_snapshot(root, as_of)))
                continue
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="complykit-")))
            sides.append(_at_revision(checkout, revision, commits[revision], scratch, as_of))
    return compare(sides[0], sides[1], as_of=as_of, fail_on=fail_on)


def _at_revision(
    checkout: _Checkout, revision: str, commit: str, scratch: Path, as_of: date
) -> tuple[Side, Snapshot]:
    files = read_tree_at(checkout.top, commit, checkout.folder)
    if not any(f.path == PurePosixPath(CONFIG_FILENAME) and not f.link for f in files):
        return Side(revision, commit, has_workspace=False), Snapshot()
    materialise(files, scratch)
    return Side(revision, commit), load_snapshot(scratch, as_of)

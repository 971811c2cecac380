"""``run_diff``: load the head once, build the base from it by swapping the changed files, compare.

The head is the working tree, or a revision written to a scratch folder. Git lists the base's
files with their blob ids; only the files whose ids differ from the head's are read from git
(``changed``), and the base shares every other record with the head (``swap``). When that
plain case does not hold (the config or catalogs changed, links), the base revision is written
out and loaded in full, as the head is.
"""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from complykit.core.findings import Severity
from complykit.diff.changed import CONFIG, HeadFiles, plan
from complykit.diff.changes import Diff, Side
from complykit.diff.compare import compare
from complykit.diff.snapshot import Snapshot, checked, load_snapshot, snapshot_of
from complykit.diff.swap import swap
from complykit.load.discover import discover, find_root, relative
from complykit.load.git import resolve_commit, toplevel
from complykit.load.tree import TreeEntry, list_tree, materialise, tree_files
from complykit.workspace.open import OpenedWorkspace, load_records, open_workspace

Scratch = Callable[[], Path]


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
    with ExitStack() as stack, _no_cyclic_gc():

        def scratch() -> Path:
            return Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="complykit-")))

        base_side = Side(base, commits[base])
        base_entries = list_tree(top, commits[base], checkout.folder)
        head_side, files = _head(checkout, head, commits, root, scratch)
        opened = open_workspace(files.root, as_of) if files is not None else None
        head_snapshot = _snapshot(opened)
        if not _has_config(base_entries):
            base_snapshot = Snapshot()
            base_side = Side(base, commits[base], has_workspace=False)
        else:
            base_snapshot = _swapped(checkout, base_entries, files, opened, scratch) or _in_full(
                checkout, base_entries, scratch(), as_of
            )
    return compare(
        (base_side, base_snapshot), (head_side, head_snapshot), as_of=as_of, fail_on=fail_on
    )


def _head(
    checkout: _Checkout,
    head: str | None,
    commits: dict[str, str],
    root: Path,
    scratch: Scratch,
) -> tuple[Side, HeadFiles | None]:
    """The head side, and where its files are; None when that revision has no workspace."""
    if head is None:
        return Side(None, None), HeadFiles(root)
    entries = list_tree(checkout.top, commits[head], checkout.folder)
    if not _has_config(entries):
        return Side(head, commits[head], has_workspace=False), None
    folder = scratch()
    materialise(tree_files(checkout.top, entries), folder)
    return Side(head, commits[head]), HeadFiles(folder, {e.path: e for e in entries})


def _snapshot(opened: OpenedWorkspace | None) -> Snapshot:
    if opened is None:
        return Snapshot()
    if opened.repo is None:
        return Snapshot(findings=tuple(sorted(opened.findings)))
    return snapshot_of(opened.repo, checked(opened.repo, opened.findings))


def _swapped(
    checkout: _Checkout,
    base: list[TreeEntry],
    files: HeadFiles | None,
    opened: OpenedWorkspace | None,
    scratch: Scratch,
) -> Snapshot | None:
    """The base built from the head's records, or None when it must be loaded in full."""
    if files is None or opened is None or opened.repo is None:
        return None
    found = discover(files.root, opened.repo.config.paths.exclude)
    if found.skipped:
        return None  # a folder the head could not read may be readable in the base
    changes = plan(base, files, (relative(files.root, p) for p in found.files))
    if changes is None:
        return None
    folder = scratch()
    materialise(tree_files(checkout.top, list(changes.swapped_in)), folder)
    loaded = load_records(folder, opened.repo.config, jobs=1)
    swapped = swap(opened, changes, base, loaded, folder)
    if swapped is None:
        return None
    return snapshot_of(swapped.repo, checked(swapped.repo, swapped.findings))


def _in_full(checkout: _Checkout, base: list[TreeEntry], folder: Path, as_of: date) -> Snapshot:
    materialise(tree_files(checkout.top, base), folder)
    return load_snapshot(folder, as_of)


def _has_config(entries: list[TreeEntry]) -> bool:
    return any(e.path == CONFIG and not e.link for e in entries)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    # As in validate.engine: loading builds millions of small acyclic objects that the cyclic
    # collector would rescan again and again; reference counting still frees them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

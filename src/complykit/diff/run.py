"""``run_diff``: load the head once, build the base from it by swapping the changed files, compare.

The head is the working tree, or a revision written to a scratch folder. Git lists the base's
files with their blob ids; only the files whose ids differ from the head's are read from git
(``changed``), and the base shares every other record with the head (``swap``); the rules run
over both sides at once (``checking``). When that plain case does not hold (the config or the
catalogs changed, links), the base revision is written out and loaded in full, as before.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path, PurePosixPath

from complykit.core.findings import Severity
from complykit.core.frozen import frozen
from complykit.diff.changed import CONFIG, HeadFiles, plan
from complykit.diff.changes import Diff, Side
from complykit.diff.checking import MemoMaker, check_sides
from complykit.diff.compare import compare
from complykit.diff.head_cache import HeadCache
from complykit.diff.snapshot import Snapshot, checked, load_snapshot, snapshot_of
from complykit.diff.swap import SwappedBase, swap
from complykit.load.discover import discover, find_root
from complykit.load.git import resolve_commit, toplevel
from complykit.load.tree import TreeEntry, list_tree, materialise, tree_files
from complykit.validate.collector import no_cyclic_gc
from complykit.validate.engine import all_rules, with_hints
from complykit.workspace.open import OpenedWorkspace, load_records, open_workspace
from complykit.workspace.repository import Repository

_UNREADABLE = "YAML009"


@frozen
class _Context:
    """The git repository around the workspace, the workspace folder inside it, the day
    judged on, and where scratch folders come from (removed when the diff is done)."""

    top: Path
    folder: PurePosixPath
    as_of: date
    scratch: Callable[[], Path]
    cache: HeadCache | None = None
    """What ``validate`` kept of the working tree, when the head is the working tree and the
    cache holds something of it (``head_cache``)."""

    def memo(self, repo: Repository, digests: dict[str, str] | None = None) -> MemoMaker:
        cache = self.cache
        return lambda: None if cache is None else cache.memo(repo, digests)


def run_diff(  # noqa: PLR0913 - keyword-only options of one diff
    base: str,
    path: Path,
    *,
    as_of: date,
    head: str | None = None,
    fail_on: Severity = Severity.ERROR,
    cache: HeadCache | None = None,
) -> Diff:
    """Compare the workspace around ``path`` at git revision ``base`` with ``head``.

    ``head`` None means the working tree, uncommitted edits included. A revision without the
    workspace counts as an empty workspace: everything in the other side is added. ``cache``:
    what ``validate`` kept of the working tree (``head_cache``), used when ``head`` is None.
    """
    root = find_root(path)
    top = toplevel(root)
    commits = {rev: resolve_commit(top, rev) for rev in (base, head) if rev is not None}
    with ExitStack() as stack, no_cyclic_gc():

        def scratch() -> Path:
            return Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="complykit-")))

        warm = cache if head is None and cache is not None and not cache.cold else None
        if cache is not None:
            stack.callback(cache.close)
        folder = PurePosixPath(root.relative_to(top).as_posix())
        context = _Context(top, folder, as_of, scratch, warm)
        base_entries = list_tree(top, commits[base], context.folder)
        base_side = Side(base, commits[base], has_workspace=_has_config(base_entries))
        head_side, files = _head(context, head, commits.get(head or ""), root)
        kept = None if warm is None else warm.files
        opened = open_workspace(files.root, as_of, cache=kept) if files is not None else None
        base_snapshot, head_snapshot = _snapshots(context, base_entries, files, opened)
    return compare(
        (base_side, base_snapshot), (head_side, head_snapshot), as_of=as_of, fail_on=fail_on
    )


def _head(
    context: _Context, head: str | None, commit: str | None, root: Path
) -> tuple[Side, HeadFiles | None]:
    """The head side, and where its files are; None when that revision has no workspace."""
    if head is None or commit is None:
        return Side(None, None), HeadFiles(root)
    entries = list_tree(context.top, commit, context.folder)
    if not _has_config(entries):
        return Side(head, commit, has_workspace=False), None
    folder = context.scratch()
    materialise(tree_files(context.top, entries), folder)
    return Side(head, commit), HeadFiles(folder, {e.path: e for e in entries})


def _snapshots(
    context: _Context,
    base: list[TreeEntry],
    files: HeadFiles | None,
    opened: OpenedWorkspace | None,
) -> tuple[Snapshot, Snapshot]:
    """The base's snapshot and the head's."""
    if not _has_config(base):
        return Snapshot(), _snapshot(opened, context)
    if files is not None and opened is not None and opened.repo is not None:
        found = _swapped(context, base, files, opened)
        if found is not None:
            swapped, digests = found
            head_found, base_found = check_sides(
                (opened.repo, opened.findings),
                (swapped.repo, swapped.findings),
                (context.memo(opened.repo), context.memo(swapped.repo, digests)),
            )
            return snapshot_of(swapped.repo, base_found), snapshot_of(opened.repo, head_found)
    materialise(tree_files(context.top, base), folder := context.scratch())
    return load_snapshot(folder, context.as_of), _snapshot(opened, context)


def _snapshot(opened: OpenedWorkspace | None, context: _Context) -> Snapshot:
    if opened is None:
        return Snapshot()
    if opened.repo is None:
        return Snapshot(findings=tuple(sorted(with_hints(opened.findings, all_rules()))))
    memo = context.memo(opened.repo)()
    return snapshot_of(opened.repo, checked(opened.repo, opened.findings, memo))


def _swapped(
    context: _Context, base: list[TreeEntry], files: HeadFiles, opened: OpenedWorkspace
) -> tuple[SwappedBase, dict[str, str] | None] | None:
    """The base built from the head's records, with the digests of its files when the head's
    are known (for the memo of its checks); None when it must be loaded in full."""
    if opened.repo is None:
        return None
    found = discover(files.root, opened.repo.config.paths.exclude)
    if found.skipped or any(f.code == _UNREADABLE for f in opened.findings):
        return None  # what the head could not read (a linked folder, say) the base may read
    changes = plan(base, files, map(PurePosixPath, found.relatives))
    if changes is None:
        return None
    folder = context.scratch()
    swapped_in = tree_files(context.top, list(changes.swapped_in))
    materialise(swapped_in, folder)
    loaded = load_records(folder, opened.repo.config, jobs=1)
    swapped = swap(opened, changes, base, loaded)
    if swapped is None:
        return None
    cache = context.cache
    digests = None if cache is None else cache.base_digests(changes.dropped, swapped_in)
    return swapped, digests


def _has_config(entries: list[TreeEntry]) -> bool:
    return any(e.path == CONFIG and not e.link for e in entries)

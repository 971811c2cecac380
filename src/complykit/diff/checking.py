"""Run the rules over both sides of a diff at once: the base's in a forked child process.

A diff needs every rule's findings on both sides, and the rules are a sixth of a validation.
The child shares the loaded records with this process (a fork copies a page only when one side
writes to it) and sends back its findings alone. Where there is no fork, one core only, or the
child fails, the base is checked here after the head, with the same result.
"""

from __future__ import annotations

from collections.abc import Callable

from complykit.checks.registry import Memo
from complykit.core.findings import Finding
from complykit.core.forked import ForkedCall, can_fork
from complykit.diff.snapshot import checked
from complykit.workspace.repository import Repository

Findings = tuple[Finding, ...]
Side = tuple[Repository, Findings]
"""A loaded side: its repository and its loading findings."""


def _no_memo() -> None:
    return None


MemoMaker = Callable[[], Memo | None]
"""Makes the memo of one side where its checks are judged (in the child, for the base)."""


def check_sides(
    head: Side, base: Side, memos: tuple[MemoMaker, MemoMaker] = (_no_memo, _no_memo)
) -> tuple[Findings, Findings]:
    """The findings of ``head`` and of ``base``, each as ``validate`` reports them; ``memos``
    (the head's, the base's) give the findings of checks whose inputs did not change."""
    head_memo, base_memo = memos
    child = ForkedCall.start(lambda: checked(*base, base_memo())) if can_fork() else None
    try:
        head_found = checked(*head, head_memo())
    except BaseException:
        if child is not None:
            child.abandon()
        raise
    base_found = _findings(child.result()) if child is not None else None
    return head_found, checked(*base, base_memo()) if base_found is None else base_found


def _findings(found: object) -> Findings | None:
    """The child's findings, or None when it gave something else (or nothing)."""
    if not isinstance(found, tuple) or not all(isinstance(f, Finding) for f in found):
        return None
    return found

"""Judge the rules of a cold validation on two cores: a forked child takes the REF checks.

After loading, the reference walk and the rules ran alone in this process (0.5 CPU seconds
at 10,000 records) while the second core idled: the parse workers are done by then. The child
shares the loaded records with this process (a fork copies a page only when one side writes
to it), judges the REF checks and sends back their findings and the paths they asked about;
this process judges the others meanwhile. The REF checks are the ones that walk every
record's references (``Repository.references``: 0.2 s, and 17 MiB at 50,000 records that
this process then never holds), so the two halves take about as long, and the walk is done
once. The findings are put together in the registry's order: the result is the one a single
process gives. Where there is no fork, one core only, a small workspace, or the child fails
(a check raising included), this process judges the child's checks itself, with the same
result, or error.
"""

from __future__ import annotations

from collections.abc import Sequence

from complykit.checks.registry import Check, judge
from complykit.core.findings import Finding
from complykit.core.forked import ForkedCall, can_fork
from complykit.load.parsing import PARALLEL_FROM_FILES
from complykit.workspace.repository import Repository

Judged = dict[str, list[Finding]]
Asked = dict[str, dict[str, bool]]
CHILD_FAMILY = "REF"


def judged_on_two_cores(
    checks: Sequence[Check], repo: Repository, asked: Asked | None = None
) -> Judged | None:
    """Every runnable check's findings by code, half of them judged by a forked child; None
    when forking is not worth it here (the caller then runs the checks as usual). ``asked``
    gets the paths each check asked about, by code (``registry.judge``)."""
    if not _worth_forking(repo):
        return None
    theirs = [c for c in checks if c.family == CHILD_FAMILY]
    ours = [c for c in checks if c.family != CHILD_FAMILY]
    child = ForkedCall.start(lambda: _judged_apart(theirs, repo))
    if child is None:
        return None
    try:
        found = judge(ours, repo, asked)
    except BaseException:
        child.abandon()
        raise
    from_child = child.result()
    if from_child is None:
        found.update(judge(theirs, repo, asked))
    else:
        found.update(from_child[0])
        repo.probes.update(from_child[1])
        if asked is not None:
            asked.update(from_child[2])
    return found


def _worth_forking(repo: Repository) -> bool:
    return can_fork() and len(repo.entries) >= PARALLEL_FROM_FILES


def _judged_apart(
    checks: Sequence[Check], repo: Repository
) -> tuple[Judged, dict[str, bool], Asked]:
    """In the child: the findings, and the paths asked about, from a probe table of its own."""
    asked: Asked = {}
    repo.probes = {}
    return judge(checks, repo, asked), repo.probes, asked

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

import os
import pickle
import signal
from collections.abc import Sequence
from contextlib import suppress
from typing import NoReturn

from complykit.checks.registry import Check, judge
from complykit.core.findings import Finding
from complykit.load.parsing import PARALLEL_FROM_FILES
from complykit.workspace.repository import Repository

Judged = dict[str, list[Finding]]
CHILD_FAMILY = "REF"


def judged_on_two_cores(checks: Sequence[Check], repo: Repository) -> Judged | None:
    """Every runnable check's findings by code, half of them judged by a forked child; None
    when forking is not worth it here (the caller then runs the checks as usual)."""
    if not _worth_forking(repo):
        return None
    theirs = [c for c in checks if c.family == CHILD_FAMILY]
    ours = [c for c in checks if c.family != CHILD_FAMILY]
    try:
        reader, writer = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:
        _in_child(theirs, repo, reader, writer)
    os.close(writer)
    try:
        found = judge(ours, repo)
    except BaseException:
        _abandon(pid, reader)
        raise
    from_child = _collect(pid, reader)
    if from_child is None:
        found.update(judge(theirs, repo))
    else:
        found.update(from_child[0])
        repo.probes.update(from_child[1])
    return found


def _worth_forking(repo: Repository) -> bool:
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and len(repo.entries) >= PARALLEL_FROM_FILES
    )


def _in_child(checks: Sequence[Check], repo: Repository, reader: int, writer: int) -> NoReturn:
    code = 1
    try:
        os.close(reader)
        repo.probes = {}
        found = judge(checks, repo)
        with os.fdopen(writer, "wb") as stream:
            stream.write(pickle.dumps((found, repo.probes), pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        # Never return into the parent's code: no atexit handlers, no flushing its buffers.
        os._exit(code)


def _collect(pid: int, reader: int) -> tuple[Judged, dict[str, bool]] | None:
    """The child's findings and probes; None when it did not finish cleanly."""
    with os.fdopen(reader, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    # Our own child wrote this through a private pipe: it is not input from outside.
    found, probes = pickle.loads(payload)  # noqa: S301
    return found, probes


def _abandon(pid: int, reader: int) -> None:
    with suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with suppress(OSError):
        os.close(reader)
    with suppress(OSError):
        os.waitpid(pid, 0)

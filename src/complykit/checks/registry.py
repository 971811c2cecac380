"""Checks register here, once, with their metadata; the engine runs what is registered.

A check is a generator over the repository yielding ``Problem``s; the registry stamps each
with the check's code, severity and citation and places it in the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import takewhile
from typing import Protocol

from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.frozen import frozen
from complykit.facts.problem import Problem
from complykit.load.declared import UnreadRecord
from complykit.workspace.repository import Repository
from complykit.workspace.scope import EVERY_KIND, scoped

__all__ = ["EVERY_KIND", "REGISTRY", "Check", "Memo", "Reuse", "check", "run_checks"]

CheckFunction = Callable[[Repository], Iterator[Problem]]


@frozen
class Check:
    info: RuleInfo
    function: CheckFunction
    family: str
    needs: tuple[str, ...] = ()
    """Record kinds the check must see in full: it would misjudge if one of them were lost."""
    reads: frozenset[str] = frozenset({EVERY_KIND})
    """Record kinds the check reads; it sees only these (``workspace.scope``)."""
    per_record: bool = False
    """Judges each record on its own: a changed file is judged again, apart from the rest."""
    local: int = 0
    """Judges each record from the records at most this many references away (0: not local;
    ``validate.neighbours``): when files change, only the records near them are judged again."""

    def run(self, repo: Repository) -> Iterator[Finding]:
        view = scoped(repo, self.reads)
        for problem in self.function(view):
            yield to_finding(self.info, view, problem)

    def blocked_by(self, repo: Repository) -> list[UnreadRecord]:
        """Unread records of a kind this check needs in full; it must not run without them."""
        return repo.unread_of_kind(self.needs) if self.needs else []


@frozen
class Reuse:
    """Kept findings of a check, the paths it asked about, and what to judge again."""

    findings: list[Finding]
    probes: dict[str, bool]
    target: Repository | None = None
    """The records to judge again (their kept findings are left out of ``findings``)."""
    fresh: Callable[[Finding], bool] | None = None
    """Which findings of the run on ``target`` to take: the others sit on records that are
    there only as neighbours, judged on part of what they see, and their kept findings hold."""


class Memo(Protocol):
    """Findings of checks kept from an earlier run, while what they read is unchanged."""

    def recall(self, check: Check) -> Reuse | None:
        """What may be reused, or None to run the check on everything."""

    def keep(self, check: Check, findings: list[Finding], probes: dict[str, bool]) -> None: ...


def run_checks(
    checks: Iterable[Check],
    repo: Repository,
    memo: Memo | None = None,
    judged: Mapping[str, list[Finding]] | None = None,
) -> Iterator[Finding]:
    """Every check's findings; for each unread record, one finding naming the checks it stopped.

    With a ``memo``, a check whose inputs are unchanged gives its kept findings without running.
    ``judged`` holds the findings of checks that ran already, by code (``judge``).
    """
    stopped: dict[UnreadRecord, list[str]] = {}
    done = judged or {}
    for registered in checks:
        scope = registered.info.framework
        if scope is not None and not repo.in_scope(scope):
            continue
        blocked = registered.blocked_by(repo)
        for unread in blocked:
            stopped.setdefault(unread, []).append(registered.info.code)
        if not blocked:
            found = done.get(registered.info.code)
            yield from _judged(registered, repo, memo) if found is None else found
    for unread, codes in stopped.items():
        yield not_run(unread, codes)


def judge(
    checks: Iterable[Check], repo: Repository, asked: dict[str, dict[str, bool]] | None = None
) -> dict[str, list[Finding]]:
    """The findings of each check that ``run_checks`` would run, by code, without a memo;
    ``asked`` gets the paths each check asked about, by code, for a memo to keep them."""
    found: dict[str, list[Finding]] = {}
    for registered in checks:
        scope = registered.info.framework
        if (scope is None or repo.in_scope(scope)) and not registered.blocked_by(repo):
            code = registered.info.code
            found[code], probes = _run(registered, repo, repo)
            repo.probes.update(probes)
            if asked is not None:
                asked[code] = probes
    return found


def _judged(registered: Check, repo: Repository, memo: Memo | None) -> list[Finding]:
    reuse = memo.recall(registered) if memo is not None else None
    if reuse is None:
        findings, asked = _run(registered, repo, repo)
    elif reuse.target is not None:
        fresh, more = _run(registered, repo, reuse.target)
        taken = fresh if reuse.fresh is None else [f for f in fresh if reuse.fresh(f)]
        findings, asked = [*reuse.findings, *taken], {**reuse.probes, **more}
    else:
        findings, asked = reuse.findings, reuse.probes
    if memo is not None and (reuse is None or reuse.target is not None):
        memo.keep(registered, findings, asked)
    repo.probes.update(asked)
    return findings


def _run(
    registered: Check, repo: Repository, target: Repository
) -> tuple[list[Finding], dict[str, bool]]:
    """The findings on ``target``, and the paths the check asked about, apart from the others':
    its kept findings hold only while each of them still exists, or still does not."""
    outer, repo.probes = repo.probes, {}
    try:
        return list(registered.run(target)), repo.probes
    finally:
        repo.probes = outer


REGISTRY: dict[str, Check] = {}


def check(  # noqa: PLR0913 - keyword-only rule metadata, one argument per field
    *,
    code: str,
    name: str,
    severity: Severity,
    citation: tuple[str, ...] = (),
    hint: str | None = None,
    reads: tuple[str, ...],
    per_record: bool = False,
    local: int = 0,
    needs: tuple[str, ...] = (),
    framework: str | None = None,
    note: str | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check; its docstring's first paragraph is its summary.

    ``needs`` names record kinds the check judges by their absence ("no SoA", "no completed
    DPIA"): when a record of such a kind could not be read, the check does not run and says so
    once (NOT_RUN), rather than report what it cannot see as missing. ``reads`` names every
    record kind the check looks at (``EVERY_KIND`` for all): it sees only those, and its
    findings are reused while no file holding a record of those kinds changes; ``needs`` is
    part of ``reads``. ``per_record`` says the check judges each record alone (with the config,
    catalogs and day, never another record): its findings are kept per file, and only changed
    files are judged again. ``local`` (a number of steps) says each finding sits on one record
    (or on the config, from the config alone) and depends only on the records at most that
    many steps away, a step being a reference field naming another record by id, either way:
    when files change, only the records within reach are judged again
    (``validate.neighbours``). ``framework`` is the catalog id whose presence in
    ``frameworks`` turns the check on; the registry asks the repository, so no check tests its
    own scope. ``note`` is said once per run when the check reports something, rather than
    in each finding's hint.
    """

    def register(function: CheckFunction) -> CheckFunction:
        if code in REGISTRY or any(c.info.name == name for c in REGISTRY.values()):
            raise ValueError(f"check {code} {name} is registered twice")
        if not set(needs) <= set(reads) and EVERY_KIND not in reads:
            raise ValueError(f"check {code} needs kinds it does not read: {needs}")
        summary = _first_paragraph(function.__doc__) or name
        info = RuleInfo(code, name, severity, summary, citation, hint, framework, note)
        if per_record and local:
            raise ValueError(f"check {code} is per record, which is local already")
        REGISTRY[code] = Check(
            info, function, info.family, needs, frozenset(reads), per_record, local
        )
        return function

    return register


NOT_RUN = RuleInfo(
    "REF009",
    "rule-not-run",
    Severity.WARNING,
    "A rule could not run because a record it must see in full could not be read.",
    hint="Fix the record that could not be read; the rule runs again once it loads.",
)


def not_run(unread: UnreadRecord, codes: list[str]) -> Finding:
    """The one finding, at an unread record, naming the checks that could not judge without it."""
    kind = unread.kind or "record"
    return Finding(
        unread.path,
        unread.line,
        1,
        NOT_RUN.code,
        NOT_RUN.severity,
        f"{kind} {unread.id} could not be read ({unread.reason}), so {_listed(codes)} did not run",
        hint=NOT_RUN.hint,
        record=unread.id,
    )


def _listed(codes: list[str]) -> str:
    if len(codes) == 1:
        return codes[0]  # pragma: no mutate - the only code is also the last: [0] and [-1] agree
    return f"{', '.join(codes[:-1])} and {codes[-1]}"


def to_finding(info: RuleInfo, repo: Repository, problem: Problem) -> Finding:
    if problem.where is None:
        path, record = repo.config_path(), None
    else:
        path, record = problem.where.path, problem.where.id
    line, column = repo.locate(problem.where, problem.loc, at_key=problem.at_key)
    return Finding(
        path,
        line,
        column,
        info.code,
        info.severity,
        problem.message,
        hint=problem.hint or info.hint,
        citation=problem.citation or info.citation,
        record=record,
    )


def _first_paragraph(doc: str | None) -> str:
    """A docstring's first paragraph on one line: the rule's summary. Read here rather than
    with ``inspect.getdoc``, whose import (ast, dis, tokenize) cost every run 6-9 ms."""
    lines = (doc or "").strip().splitlines()
    return " ".join(" ".join(takewhile(str.strip, lines)).split())

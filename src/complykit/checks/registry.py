"""Checks register here, once, with their metadata; the engine runs what is registered.

A check is a generator over the repository yielding ``Problem``s; the registry stamps each
with the check's code, severity and citation and places it in the file.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from complykit.findings import Finding, RuleInfo, Severity
from complykit.load.positions import Loc
from complykit.repository import Entry, Repository


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check found; ``where`` None means complykit.yaml."""

    where: Entry | None
    loc: Loc
    message: str
    hint: str | None = None
    citation: tuple[str, ...] = ()
    at_key: bool = False
    """Point at the mapping key rather than its value (for problems with the key itself)."""


CheckFunction = Callable[[Repository], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Check:
    info: RuleInfo
    function: CheckFunction
    family: str

    def run(self, repo: Repository) -> Iterator[Finding]:
        for problem in self.function(repo):
            yield to_finding(self.info, repo, problem)


REGISTRY: dict[str, Check] = {}


def check(
    *,
    code: str,
    name: str,
    severity: Severity,
    citation: tuple[str, ...] = (),
    hint: str | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check; its docstring's first paragraph is its summary."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in REGISTRY or any(c.info.name == name for c in REGISTRY.values()):
            raise ValueError(f"check {code} {name} is registered twice")
        doc = inspect.getdoc(function) or name
        summary = " ".join(doc.split("\n\n")[0].split())
        info = RuleInfo(code, name, severity, summary, citation, hint)
        REGISTRY[code] = Check(info, function, code.rstrip("0123456789"))
        return function

    return register


def to_finding(info: RuleInfo, repo: Repository, problem: Problem) -> Finding:
    if problem.where is None:
        path, document, record = repo.config_path(), 0, None
    else:
        entry = problem.where
        path, document, record = entry.path, entry.document, entry.record.id
    line, column = repo.position(path, document, problem.loc, at_key=problem.at_key)
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

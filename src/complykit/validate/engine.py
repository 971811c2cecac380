"""Run a validation: load, validate, check, sort. Returns a Result; never prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from complykit.checks import REGISTRY
from complykit.checks.registry import NOT_RUN, Memo, run_checks
from complykit.core.findings import Finding, RuleInfo, Severity
from complykit.core.frozen import replace
from complykit.core.result import Result, Waived
from complykit.load.codes import YAML_RULES
from complykit.load.discover import find_root
from complykit.model.codes import SCHEMA_RULES
from complykit.validate.collector import no_cyclic_gc
from complykit.validate.forked_checks import judged_on_two_cores
from complykit.validate.waivers import WAIVER_RULES, active_waivers, apply_waivers, stale_waivers
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

if TYPE_CHECKING:
    from complykit.cache.outcomes import FileCache


def all_rules() -> dict[str, RuleInfo]:
    """Metadata for every code complykit can report."""
    rules = {rule.code: rule for rule in (*YAML_RULES, *SCHEMA_RULES, *WAIVER_RULES, NOT_RUN)}
    taken = sorted(rules.keys() & REGISTRY.keys())
    if taken:  # a code means one thing for as long as it exists (docs/reference/rules.md)
        raise ValueError(f"checks registered under codes the loader reports: {taken}")
    rules.update((code, registered.info) for code, registered in REGISTRY.items())
    return dict(sorted(rules.items()))


def run(
    path: Path, *, as_of: date, fail_on: Severity = Severity.ERROR, jobs: int | None = None
) -> Result:
    """Validate the workspace containing ``path``: load, check, waive, sort.

    ``jobs`` None lets the loader pick its worker processes.
    """
    return run_keeping_records(path, as_of=as_of, fail_on=fail_on, jobs=jobs)[0]


def run_keeping_records(  # noqa: PLR0913 - keyword-only options of one run
    path: Path,
    *,
    as_of: date,
    fail_on: Severity = Severity.ERROR,
    jobs: int | None = None,
    cache: FileCache | None = None,
    memo: Callable[[Repository], Memo | None] | None = None,
) -> tuple[Result, Repository | None]:
    """Like ``run``, and also the repository of valid records, for callers that compare them.

    ``cache`` holds what loading files gave before, so they are not loaded again; ``memo``
    gives, for the repository, the findings of checks whose inputs did not change.
    """
    root = find_root(path)
    with no_cyclic_gc():
        opened = open_workspace(root, as_of, jobs, cache)
        found, waived = list(opened.findings), list[Waived]()
        if opened.repo is not None:
            kept = memo(opened.repo) if memo is not None else None
            two_cores = jobs is None or jobs > 1  # --jobs 1: one process, from start to end
            # A cache that knew no file has no findings to reuse: judged as without it.
            cold = cache is not None and cache.cold
            found, waived = _checked_and_waived(
                opened.repo, found, kept, two_cores=two_cores, cold=cold
            )
    records = len(opened.repo.entries) if opened.repo is not None else 0
    rules = all_rules()
    result = Result(
        root,
        tuple(sorted(with_hints(found, rules), key=_order)),
        rules,
        opened.files,
        records,
        as_of,
        fail_on,
        tuple(sorted(waived, key=lambda w: _order(w.finding))),
    )
    return result, opened.repo


def with_hints(findings: Iterable[Finding], rules: dict[str, RuleInfo]) -> Iterator[Finding]:
    """Every finding with a hint: where the place that made it gave none (most loading and
    schema findings), the one its rule gives. Whatever reports findings (validate, diff)
    passes them through here, so the same finding reads the same everywhere."""
    for finding in findings:
        rule = rules.get(finding.code)
        if finding.hint or rule is None or not rule.hint:
            yield finding
        else:
            yield replace(finding, hint=rule.hint)


def _order(finding: Finding) -> tuple[Finding, str, str, tuple[str, ...], str]:
    """Place, then code, then text: findings at one place with one code (two broken values in
    a flow list, say) come in the same order whether a check judged everything or reused
    part of its findings (``validate.reuse``)."""
    return finding, finding.message, finding.hint or "", finding.citation, finding.record or ""


def _checked_and_waived(
    repo: Repository,
    loaded: list[Finding],
    memo: Memo | None = None,
    *,
    two_cores: bool = True,
    cold: bool = False,
) -> tuple[list[Finding], list[Waived]]:
    found = check_all(repo, memo, two_cores=two_cores, cold=cold)
    kept, waived = apply_waivers([*loaded, *found], active_waivers(repo))
    return [*kept, *stale_waivers(repo, waived, all_rules())], waived


def check_all(
    repo: Repository, memo: Memo | None = None, *, two_cores: bool = False, cold: bool = False
) -> Iterator[Finding]:
    """Every check's findings; with ``two_cores`` (and no memo, or a ``cold`` one: nothing
    to reuse, only findings to keep) half of the checks are judged by a forked child where
    that pays (``forked_checks``)."""
    checks = list(REGISTRY.values())
    asked: dict[str, dict[str, bool]] = {}
    fork = two_cores and (memo is None or cold)
    judged = judged_on_two_cores(checks, repo, asked) if fork else None
    if judged is not None and memo is not None:
        for code, findings in judged.items():
            memo.keep(REGISTRY[code], findings, asked[code])
    return run_checks(checks, repo, memo, judged)

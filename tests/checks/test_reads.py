"""Each check's ``reads`` is enforced: it sees only those kinds, and judges as if it saw all.

A check's findings are reused while the files holding records of the kinds it reads are
unchanged (docs/performance.md, "The cache"), and a check declared ``per_record`` judges only
the changed files again, so a wrong declaration would serve a stale verdict. Asking for an
undeclared kind by name raises; what spans kinds (``by_id``, ``entries``) is cut to the
declared kinds, so a check that looked something up in an undeclared kind would judge
differently on its view than on the whole repository: both runs are compared over the bundled
example, every case workspace and a generated one. A per-record check run on each file alone
must find what it finds on the whole workspace.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from complykit.cache.codec import encode_finding
from complykit.checks import REGISTRY
from complykit.checks.registry import to_finding
from complykit.core.findings import Finding
from complykit.model.records import RECORD_MODELS
from complykit.model.supplier import Supplier
from complykit.validate import neighbours
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository
from complykit.workspace.scope import EVERY_KIND, UndeclaredKindError, near, only_files, scoped
from conftest import CASES, EXAMPLE, REPO, copy_case

AS_OF = date(2026, 11, 23)


def _workspaces(tmp: Path) -> Iterator[Path]:
    yield EXAMPLE
    for expected in sorted(CASES.glob("*/*/expected.yaml")):
        case = expected.parent
        if (case / "complykit.yaml").exists():
            yield case
        else:
            yield copy_case(case, tmp / case.parent.name / case.name)
    generated = tmp / "generated"
    generator = REPO / "benchmarks" / "generate.py"
    command = [sys.executable, str(generator), "--entities", "400", "--defects", "0.2"]
    subprocess.run([*command, "--out", str(generated)], check=True, capture_output=True)  # noqa: S603 - our generator
    yield generated


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> list[Repository]:
    tmp = tmp_path_factory.mktemp("reads")
    opened = (open_workspace(ws, AS_OF).repo for ws in _workspaces(tmp))
    return [repo for repo in opened if repo is not None]


def test_declared_kinds_exist_and_cover_needs() -> None:
    """Every kind a check reads is a record kind (or every kind), and it reads what it needs."""
    for code, registered in REGISTRY.items():
        assert registered.reads <= {*RECORD_MODELS, EVERY_KIND}, code
        assert EVERY_KIND in registered.reads or set(registered.needs) <= registered.reads, code


def _whole(code: str, repo: Repository) -> list[Finding]:
    registered = REGISTRY[code]
    return [to_finding(registered.info, repo, p) for p in registered.function(repo)]


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_check_judges_its_view_as_the_whole_workspace(
    code: str, repositories: list[Repository]
) -> None:
    """A check run on its declared kinds finds exactly what it finds on every record."""
    for repo in repositories:
        try:
            seen = list(REGISTRY[code].run(repo))
        except UndeclaredKindError as error:
            pytest.fail(f"{code} on {repo.root}: {error}")
        assert seen == _whole(code, repo), repo.root


PER_RECORD = sorted(code for code, registered in REGISTRY.items() if registered.per_record)


@pytest.mark.parametrize("code", PER_RECORD)
def test_a_per_record_check_judges_each_file_alone_as_in_the_whole(
    code: str, repositories: list[Repository]
) -> None:
    """A check declared per record finds, file by file, exactly what it finds on everything."""
    registered = REGISTRY[code]
    for repo in repositories:
        files = sorted({e.path for e in repo.entries} | {u.path for u in repo.unread})
        alone = sorted(f for path in files for f in registered.run(only_files(repo, [path])))
        assert alone == sorted(registered.run(repo)), repo.root


def test_asking_for_an_undeclared_kind_raises(repositories: list[Repository]) -> None:
    """The view refuses records of a kind the check did not declare."""
    view = scoped(repositories[0], frozenset({"processing-activity"}))
    with pytest.raises(UndeclaredKindError, match="supplier"):
        view.records(Supplier)
    with pytest.raises(UndeclaredKindError, match="risk"):
        view.of_kind("risk")


def test_ids_and_entries_hold_only_declared_kinds(repositories: list[Repository]) -> None:
    """Looking an id up in the view finds only records of the declared kinds."""
    repo = repositories[0]
    view = scoped(repo, frozenset({"supplier"}))
    suppliers = {e.record.id for e in repo.of_kind("supplier")}
    assert suppliers
    assert set(view.by_id) == suppliers
    assert {e.record.kind for e in view.entries} == {"supplier"}
    activity = repo.of_kind("processing-activity")[0].record.id
    assert activity in repo.by_id
    assert activity not in view.by_id


LOCAL = sorted(code for code, registered in REGISTRY.items() if registered.local)


def _full(findings: Iterable[Finding]) -> list[list[object]]:
    """Every field of each finding (a finding compares by place and code alone), sorted."""
    return sorted(encode_finding(f) for f in findings)


@pytest.mark.parametrize("code", LOCAL)
def test_a_local_check_judges_each_record_from_its_neighbours_alone(
    code: str, repositories: list[Repository]
) -> None:
    """A check declared local within n steps finds on each record, from a view of the records
    at most n references away (either way, through the kinds it reads), exactly what it finds
    there on the whole workspace; at the config it finds the same from no record at all."""
    registered = REGISTRY[code]
    kinds = None if EVERY_KIND in registered.reads else registered.reads
    for repo in repositories:
        whole = list(registered.run(repo))
        graph = neighbours.current(None, repo, ())
        reach = neighbours.Reach(graph, graph, ())
        at_config = [f for f in whole if f.record is None]
        assert all(f.path == repo.config_path() for f in at_config), repo.root
        assert _full(f for f in registered.run(near(repo, ())) if f.record is None) == _full(
            at_config
        )
        for rid in dict.fromkeys(e.id for e in repo.entries if kinds is None or e.kind in kinds):
            view = near(repo, reach.ball(frozenset({rid}), kinds, registered.local))
            seen = [f for f in registered.run(view) if f.record == rid]
            assert _full(seen) == _full(f for f in whole if f.record == rid), (repo.root, rid)


def test_the_ids_a_record_names_are_the_same_with_or_without_its_walk(tmp_path: Path) -> None:
    """The graph of named ids is made without a walk where no references are at hand (a first
    run keeps none); it must name what the walk finds, on every kind of record. The workspaces
    are opened afresh: those of the other tests have been walked."""
    compared = 0
    for workspace in _workspaces(tmp_path):
        repo = open_workspace(workspace, AS_OF).repo
        for entry in repo.entries if repo is not None else ():
            assert entry.references_at_hand() is None, entry
            unwalked = neighbours.named_ids(entry)
            entry.references()  # now at hand
            assert unwalked == neighbours.named_ids(entry), entry
            compared += bool(unwalked)
    assert compared > 400

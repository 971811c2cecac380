"""Mutation testing of the rules with cosmic-ray: how many one-line changes do the tests catch?

Runs module by module, in a throw-away copy of the repository (cosmic-ray edits the file it
mutates), one mutant at a time, and for each module only the fast tests that can see it: the
file-based cases of the rules that module registers or helps (tests/test_cases.py,
tests/checks), plus the valid workspaces. Prints a score per module and in total, and writes
the surviving mutants as diffs.

    python scripts/mutation.py                       # every module of checks/ and facts/
    python scripts/mutation.py gdpr incidents        # some modules
    python scripts/mutation.py --count               # how many mutants each module has
    python scripts/mutation.py --sample 5 --seed 1   # five random mutants per module (CI)

Why cosmic-ray rather than mutmut: mutmut 3 never mutates a decorated function, and every rule
is a function decorated with ``@check``.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkItem, WorkResult

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
# The rules, and the facts they judge: a slip in a shared fact is a slip in every rule using it.
PACKAGES = ("checks", "facts")
COPIED = ("src", "tests", "catalogs", "pyproject.toml")
COSMIC_RAY = (sys.executable, "-m", "cosmic_ray.cli")

# The one-line slips a reviewer fears in a rule: a boundary moved (< for <=), a condition negated
# or dropped, a number changed, and/or swapped, a loop skipped. Operators outside this list
# (bit shifts, `is` for `<`, inserted variables) mostly make code that cannot run, which any
# test kills, and only inflate the score.
KEPT_OPERATORS = (
    "core/NumberReplacer",
    "core/AddNot",
    "core/ReplaceTrueWithFalse",
    "core/ReplaceFalseWithTrue",
    "core/ReplaceAndWithOr",
    "core/ReplaceOrWithAnd",
    "core/ReplaceBreakWithContinue",
    "core/ReplaceContinueWithBreak",
    "core/ZeroIterationForLoop",
    "core/ReplaceBinaryOperator_Add_Sub",
    "core/ReplaceBinaryOperator_Sub_Add",
    "core/ReplaceBinaryOperator_Mul_Div",
    "core/ReplaceBinaryOperator_Div_Mul",
    "core/ReplaceUnaryOperator_Delete_Not",
    *(
        f"core/ReplaceComparisonOperator_{a}_{b}"
        for a, b in (
            ("Lt", "LtE"),
            ("LtE", "Lt"),
            ("Gt", "GtE"),
            ("GtE", "Gt"),
            ("Eq", "NotEq"),
            ("NotEq", "Eq"),
            ("Is", "IsNot"),
            ("IsNot", "Is"),
            ("In", "NotIn"),
            ("NotIn", "In"),
            ("Lt", "Gt"),
            ("Gt", "Lt"),
        )
    ),
)

CONFIG = """\
[cosmic-ray]
module-path = "{module}"
timeout = 60.0
excluded-modules = []
test-command = "{python} -m pytest -x -q -p no:cacheprovider {tests} -k '{selection}'"

[cosmic-ray.distributor]
name = "local"
"""


@dataclass
class Score:
    module: str
    killed: int = 0
    survived: list[str] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)
    """Mutants whose test run timed out or ended abnormally: not counted as killed, since a
    loaded machine rather than a test may have ended them (or the mutant loops forever)."""
    skipped: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.killed + len(self.survived)


def _modules() -> dict[str, Path]:
    """Every module that is mutated, by its name below complykit (``checks.gdpr``)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((SOURCE / "complykit" / package).glob("*.py")):
            if path.stem != "__init__":
                found[f"{package}.{path.stem}"] = path
    return found


def _resolve(wanted: list[str], modules: dict[str, Path]) -> list[str]:
    """Full names for the modules asked for; a bare name (``incident_clock``) is found in
    whichever package holds it, so commands keep working when a helper moves."""
    names = []
    for name in wanted:
        found = [m for m in modules if name in {m, m.partition(".")[2]}]
        if len(found) != 1:
            sys.exit(f"no single module named {name!r} in {', '.join(PACKAGES)}")
        names.extend(found)
    return names


def _imports(module: Path, modules: dict[str, Path]) -> set[str]:
    """The mutated modules that ``module`` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            name = node.module.removeprefix("complykit.")
            found.update(
                n for n in (name, *(f"{name}.{alias.name}" for alias in node.names)) if n in modules
            )
    return found


def _dependents(name: str, modules: dict[str, Path]) -> set[str]:
    """``name`` and every mutated module that imports it, directly or through others."""
    graph = {other: _imports(path, modules) for other, path in modules.items()}
    reached, todo = {name}, [name]
    while todo:
        current = todo.pop()
        for other, imported in graph.items():
            if current in imported and other not in reached:
                reached.add(other)
                todo.append(other)
    return reached


def _codes_by_module() -> dict[str, set[str]]:
    sys.path.insert(0, str(ROOT / "src"))
    from complykit.checks import REGISTRY  # noqa: PLC0415 - after the path is set

    codes: dict[str, set[str]] = {}
    for code, registered in REGISTRY.items():
        module = registered.function.__module__.removeprefix("complykit.")
        codes.setdefault(module, set()).add(code)
    return codes


def _selection(name: str, codes: dict[str, set[str]], modules: dict[str, Path]) -> str:
    """A pytest -k expression for the cases that can see a mutant in ``name``."""
    wanted = sorted(c for module in _dependents(name, modules) for c in codes.get(module, ()))
    if not wanted or name == "checks.registry":
        return "not nothing"
    return " or ".join(["valid", *wanted])


def _wanted(item: WorkItem, source: list[str]) -> bool:
    """A mutant of a kept operator outside decorator lines.

    Decorator arguments are registration metadata (``@check`` severity, citation) that the
    cases pin directly, or dataclass flags such as ``frozen`` whose flip changes no verdict.
    A line marked ``# pragma: no mutate`` holds an equivalent mutant, explained beside it.
    """
    lines = [source[m.start_pos[0] - 1] for m in item.mutations]
    return all(m.operator_name in KEPT_OPERATORS for m in item.mutations) and not any(
        line.lstrip().startswith("@") or "pragma: no mutate" in line for line in lines
    )


def _place(item: WorkItem) -> tuple[str, tuple[int, int], str, int]:
    spec = item.mutations[0]
    return (str(spec.module_path), spec.start_pos, spec.operator_name, spec.occurrence)


def _skip(db: WorkDB, source: list[str], sample: int | None, rng: random.Random) -> int:
    """Mark mutants of other operators, and those outside the sample, as skipped."""
    pending = list(db.pending_work_items)
    # Job ids are random, so the database's order is too: sort by place in the source first,
    # so that one seed picks the same mutants on every run (a CI sample must not be a lottery).
    kept = sorted((w for w in pending if _wanted(w, source)), key=_place)
    if sample is not None and len(kept) > sample:
        kept = rng.sample(kept, sample)
    chosen = {w.job_id for w in kept}
    skipped = [w.job_id for w in pending if w.job_id not in chosen]
    db.set_multiple_results(
        skipped, WorkResult(output="not sampled", worker_outcome=WorkerOutcome.SKIPPED)
    )
    return len(skipped)


def _init_module(name: str, copy: Path, selection: str, args: argparse.Namespace) -> Score:
    """Write the module's cosmic-ray session and mark the mutants that will not run."""
    module = f"src/complykit/{name.replace('.', '/')}.py"
    config, session = copy / f"{name}.toml", copy / f"{name}.sqlite"
    config.write_text(
        CONFIG.format(module=module, python=sys.executable, tests=args.tests, selection=selection),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    subprocess.run([*COSMIC_RAY, "init", config, session], cwd=copy, env=env, check=True)
    score = Score(name)
    with use_db(str(session), WorkDB.Mode.open) as db:
        source = (copy / module).read_text(encoding="utf-8").splitlines()
        score.skipped = _skip(db, source, args.sample, random.Random(args.seed))
        score.pending = db.num_work_items - score.skipped
    return score


def _run_module(name: str, copy: Path, selection: str, args: argparse.Namespace) -> Score:
    score = _init_module(name, copy, selection, args)
    config, session = copy / f"{name}.toml", copy / f"{name}.sqlite"
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    subprocess.run([*COSMIC_RAY, "exec", config, session], cwd=copy, env=env, check=True)
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome is WorkerOutcome.SKIPPED:
                continue
            described = f"{item.mutations[0].operator_name}\n{result.diff}"
            # cosmic-ray reports a test run past its timeout as a kill, with output "timeout".
            timed_out = result.test_outcome is TestOutcome.KILLED and result.output == "timeout"
            if result.worker_outcome is not WorkerOutcome.NORMAL or timed_out:
                score.unclear.append(f"({result.worker_outcome.value}) {described}")
            elif result.test_outcome is TestOutcome.SURVIVED:
                score.survived.append(described)
            else:
                score.killed += 1
    return score


def _copy_repository(target: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)


def _line(label: str, killed: int, survived: int) -> None:
    total = killed + survived
    rate = 100 * killed / total if total else 100.0
    print(f"{label:24} {killed:5} killed {survived:4} survived {rate:6.1f}%", flush=True)


def _report(scores: list[Score], survivors: Path) -> None:
    lines: list[str] = []
    for score in scores:
        _line(score.module, score.killed, len(score.survived))
        lines.extend(f"## {score.module}\n{text}" for text in score.survived)
        lines.extend(f"## {score.module}, unclear\n{text}" for text in score.unclear)
    unclear = sum(len(s.unclear) for s in scores)
    if unclear:
        print(
            f"{unclear} mutants ended abnormally (timeout or crash), counted neither way; "
            "run their modules again on a quieter machine",
            flush=True,
        )
    killed = sum(s.killed for s in scores)
    total = sum(s.total for s in scores)
    _line("total", killed, total - killed)
    survivors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"surviving mutants: {survivors}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "modules",
        nargs="*",
        help="modules by name, e.g. gdpr or facts.incident_clock (default: all)",
    )
    parser.add_argument("--sample", type=int, help="mutants per module, chosen at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tests", default="tests/test_cases.py tests/checks")
    parser.add_argument("--survivors", type=Path, default=Path("mutation-survivors.txt"))
    parser.add_argument("--min-score", type=float, default=0.0, help="exit 1 below this")
    parser.add_argument(
        "--count", action="store_true", help="only count each module's mutants (plan a run)"
    )
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    modules = _modules()
    names = _resolve(args.modules, modules) if args.modules else list(modules)
    codes = _codes_by_module()
    scores = []
    with tempfile.TemporaryDirectory(prefix="complykit-mutation-") as tmp:
        copy = Path(tmp)
        _copy_repository(copy)
        for name in names:
            if args.count:
                selection = _selection(name, codes, modules)
                pending = _init_module(name, copy, selection, args).pending
                print(f"{name:24} {pending:5} mutants", flush=True)
                continue
            scores.append(_run_module(name, copy, _selection(name, codes, modules), args))
            _report(scores, args.survivors)
    killed, total = sum(s.killed for s in scores), sum(s.total for s in scores)
    return 1 if total and 100 * killed / total < args.min_score else 0


if __name__ == "__main__":
    sys.exit(main())

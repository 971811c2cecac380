"""The goals of docs/performance.md: what each measures, against which baseline, within what."""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generators.vocabulary import AS_OF
from measure import Samples, run
from workspaces import EDITED_KINDS

from complykit.cache.store import cache_dir
from complykit.load.discover import SKIPPED_DIRS, YAML_SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workspaces import Workspace

PYTHON = sys.executable
COMPLYKIT = str(Path(PYTHON).with_name("complykit"))
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "tulip-health"
MEMORY_BUDGET_MIB = 256
REGISTERS = ("ropa", "soa", "risks", "ai-register", "tasks")

BARE_PARSE = f"""
import os, sys, yaml
skipped, suffixes, documents = {sorted(SKIPPED_DIRS)!r}, {YAML_SUFFIXES!r}, 0
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = sorted(d for d in dirs if not d.startswith('.') and d not in skipped)
    for name in sorted(files):
        if name.endswith(suffixes) and not name.startswith('.'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                documents += len(list(yaml.load_all(f.read(), Loader=yaml.CSafeLoader)))
print(documents)
"""


@dataclass(frozen=True, slots=True)
class Row:
    """One goal at one size: measured against baseline as best/best and median/median."""

    goal: str
    size: str
    measured: str
    best: float
    median: float
    budget: float
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.best <= self.budget

    def cells(self) -> list[str]:
        verdict = "met" if self.met else "**not met**"
        return [
            self.goal,
            self.size,
            self.measured,
            _num(self.best, self.unit),
            _num(self.median, self.unit),
            f"≤ {_num(self.budget, self.unit)}",
            verdict,
        ]


def _num(value: float, unit: str) -> str:
    return f"{value:.0f} MiB" if unit == "MiB" else f"{value:.2f}x"


def _validate(root: Path, *extra: str) -> list[str]:
    return [COMPLYKIT, "validate", str(root), "--format", "json", "--as-of", AS_OF, *extra]


def _ratio(goal: str, size: str, measured: Samples, base: Samples, budget: float) -> Row:
    times = f"{measured.best:.2f} s / {base.best:.2f} s"
    return Row(goal, size, times, measured.best / base.best, measured.median / base.median, budget)


def alternate(repeat: int, steps: Sequence[Callable[[int], object]]) -> None:
    """Run each step once per round, ``repeat`` rounds, so that noise spreads over all."""
    for round_number in range(1, repeat + 1):
        for step in steps:
            step(round_number)


def size_rows(ws: Workspace, repeat: int, *, with_report: bool) -> list[Row]:
    """Cold, unchanged, one changed and memory at one size; report and diff where asked."""
    base, cold, first, unchanged = Samples(), Samples(), Samples(), Samples()
    changed = {kind: Samples() for kind in EDITED_KINDS}
    size = ws.label

    def timed_changed(kind: str) -> Callable[[int], None]:
        def step(revision: int) -> None:
            # A new text every time, even across runs reusing --keep: never a cache hit.
            ws.edit(time.time_ns() + revision, kind)
            run(_validate(ws.root), changed[kind])

        return step

    def first_run(_: int) -> None:
        # The default command on a fresh checkout (a new CI runner): the cache is on and empty.
        shutil.rmtree(cache_dir(ws.root), ignore_errors=True)
        run(_validate(ws.root), first)

    run(_validate(ws.root))  # warm the cache and the page cache
    alternate(
        repeat,
        [
            lambda _: run([PYTHON, "-c", BARE_PARSE, str(ws.root)], base),
            lambda _: run(_validate(ws.root, "--no-cache"), cold),
            first_run,
            lambda _: run(_validate(ws.root), unchanged),
            *(timed_changed(kind) for kind in EDITED_KINDS),
            lambda _: run(_validate(ws.root)),  # the next "unchanged" sees a warm cache
        ],
    )
    rows = [
        _ratio("cold validate / bare parse", size, cold, base, 1.0),
        _ratio("first run, empty cache / bare parse", size, first, base, 1.0),
        _ratio("unchanged (cached) / bare parse", size, unchanged, base, 0.1),
        *(
            _ratio(f"one {kind} changed / bare parse", size, samples, base, 0.3)
            for kind, samples in changed.items()
        ),
        Row(
            "peak memory (validate, cold)",
            size,
            f"bare parse {base.peak_mib:.0f} MiB",
            cold.peak_mib,
            cold.peak_mib,
            MEMORY_BUDGET_MIB,
            "MiB",
        ),
        Row(
            "peak memory (first run, empty cache)",
            size,
            f"bare parse {base.peak_mib:.0f} MiB",
            first.peak_mib,
            first.peak_mib,
            MEMORY_BUDGET_MIB,
            "MiB",
        ),
    ]
    if with_report:
        rows += report_and_diff_rows(ws, repeat, cold)
    return rows


def report_and_diff_rows(ws: Workspace, repeat: int, cold: Samples) -> list[Row]:
    size = f"{ws.records:,}"
    reports = {name: Samples() for name in REGISTERS}
    diff = Samples()
    steps: list[Callable[[int], object]] = [
        lambda _, name=name: run(  # type: ignore[misc]
            [COMPLYKIT, "report", name, str(ws.root), "--as-of", AS_OF, "-f", "markdown"],
            reports[name],
        )
        for name in REGISTERS
    ]
    # diff gets its own baseline, run right before it each round: a validation measured
    # minutes earlier, under another load, made the ratio swing by half. The working tree was
    # validated last (``size_rows`` ends on a cached run), as a pull request's workflow does
    # before it diffs; the same day, so that the diff may read what that validation kept.
    diff_base = Samples()
    diff_command = [COMPLYKIT, "diff", "HEAD~1", str(ws.root), "--format", "json", "--as-of", AS_OF]
    steps += [
        lambda _: run(_validate(ws.root, "--no-cache"), diff_base),
        lambda _: run(diff_command, diff, ws.root),
    ]
    alternate(repeat, steps)
    rows = [_ratio(f"report {n} / validate", size, s, cold, 3.0) for n, s in reports.items()]
    rows.append(_ratio("diff HEAD~1, one file / validate", size, diff, diff_base, 1.5))
    return rows


def growth_rows(small: Workspace, large: Workspace, repeat: int) -> list[Row]:
    """Cold time and peak memory from ``small`` to ``large`` (10,000 to 50,000 records),
    measured in rounds of their own that alternate the two sizes and their bare parses.

    Taken from the rows of each size, measured minutes apart, the ratio moved with the load in
    between: 4.54x in one run and 5.35x in the next, while the bare parse grew 5.06x and 5.43x
    over the same minutes for a workload that grows exactly 5x."""
    bare = {ws.records: Samples() for ws in (small, large)}
    cold = {ws.records: Samples() for ws in (small, large)}
    steps: list[Callable[[int], object]] = []
    for ws in (small, large):
        steps += [
            lambda _, ws=ws: run([PYTHON, "-c", BARE_PARSE, str(ws.root)], bare[ws.records]),  # type: ignore[misc]
            lambda _, ws=ws: run(_validate(ws.root, "--no-cache"), cold[ws.records]),  # type: ignore[misc]
        ]
    alternate(repeat, steps)
    a, b = cold[small.records], cold[large.records]
    base_a, base_b = bare[small.records], bare[large.records]
    times = f"{a.best:.2f} s → {b.best:.2f} s (bare parse {base_b.best / base_a.best:.2f}x)"
    sizes = f"{small.records // 1000}k → {large.records // 1000}k"
    memory = f"{a.peak_mib:.0f} MiB → {b.peak_mib:.0f} MiB"
    return [
        Row("growth of cold time", sizes, times, b.best / a.best, b.median / a.median, 5.0),
        Row(
            "growth of peak memory",
            sizes,
            memory,
            b.peak_mib / a.peak_mib,
            b.peak_mib / a.peak_mib,
            5.0,
        ),
    ]


def startup_rows(repeat: int, scratch: Path) -> list[Row]:
    """Start-up against bare imports, on a copy of the bundled example (its cache stays there)."""
    example = scratch / "tulip-health"
    if not example.is_dir():
        shutil.copytree(EXAMPLE, example, ignore=shutil.ignore_patterns(".complykit-cache"))
    typer_only, typer_pydantic = Samples(), Samples()
    helps, versions, example_cold, example_cached = Samples(), Samples(), Samples(), Samples()
    run(_validate(example))
    alternate(
        repeat * 2,
        [
            lambda _: run([PYTHON, "-c", "import typer"], typer_only),
            lambda _: run([PYTHON, "-c", "import typer, pydantic"], typer_pydantic),
            lambda _: run([COMPLYKIT, "--help"], helps),
            lambda _: run([COMPLYKIT, "--version"], versions),
            lambda _: run(_validate(example, "--no-cache"), example_cold),
            lambda _: run(_validate(example), example_cached),
        ],
    )
    return [
        _ratio("--help / import typer", "", helps, typer_only, 1.5),
        _ratio("--version / import typer", "", versions, typer_only, 1.5),
        _ratio(
            "validate example, cold / import typer, pydantic", "", example_cold, typer_pydantic, 2.0
        ),
        _ratio(
            "validate example, cached / import typer, pydantic",
            "",
            example_cached,
            typer_pydantic,
            2.0,
        ),
    ]


def render_table(rows: Sequence[Row]) -> str:
    header = ["Goal", "Records", "Best times (goal / baseline)", "Best", "Median", "Budget", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)

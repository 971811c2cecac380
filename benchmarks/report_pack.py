"""Time ``complykit report pack`` (HTML and xlsx) against ``complykit validate`` on one workspace.

    python benchmarks/report_pack.py [--entities 10000] [--repeat 5] [--budget 3.0]
                                     [--keep DIR] [--pdf] [--json]

Generates a valid synthetic workspace (benchmarks/generate.py) into a temporary folder, or
reuses ``--keep DIR``, then times, alternating so machine noise hits both alike:

(a) ``complykit validate DIR --no-cache --format json --as-of 2026-11-23`` (a cold run);
(b) ``complykit report pack DIR --output PACK --force --partial --format html --format xlsx``,
    every report in every configured language, at the same as-of date.

Prints the best and the median of ``--repeat`` runs of each, wall and CPU (user + system of
the command and its worker processes), and their ratios. Exits 1 when the best pack/validate
wall ratio exceeds ``--budget``. ``--pdf`` also times one pack with ``--format pdf`` and
reports it apart: PDF layout is WeasyPrint's work and is not part of the budget.

``benchmarks/run.py`` adds the same comparison to its table through :func:`pack_row`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # benchmarks/ is a folder of scripts, not a package
from goals import Row
from measure import compile_package

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

AS_OF = "2026-11-23"
BUDGET = 3.0
GOAL = "report pack, html + xlsx / validate"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entities", type=int, default=10_000, help="records (10000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (5)")
    parser.add_argument("--budget", type=float, default=BUDGET, help="pack/validate limit (3.0)")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--pdf", action="store_true", help="also time a PDF-only pack")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.entities < 1:
        parser.error("--repeat and --entities must be at least 1")
    return args


@dataclass(slots=True)
class Runs:
    """Wall and CPU seconds of the runs of one command."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "wall_best": min(self.wall),
            "wall_median": statistics.median(self.wall),
            "cpu_best": min(self.cpu),
            "cpu_median": statistics.median(self.cpu),
        }


@contextlib.contextmanager
def folders(keep: Path | None) -> Iterator[tuple[Path, Path]]:
    """The workspace folder and a scratch folder for the packs."""
    with tempfile.TemporaryDirectory(prefix="complykit-pack-bench-") as scratch:
        yield (keep or Path(scratch) / "workspace"), Path(scratch)


def timed(command: list[str], runs: Runs | None = None, output: Path | None = None) -> float:
    """Wall seconds of one run, also recorded in ``runs`` with its CPU seconds.

    With ``output``, the run only counts when it wrote that file: a refused pack is no pack.
    """
    if output is not None:
        output.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    what = " ".join(command[1:3])
    if done.returncode not in (0, 1):  # 1: validate found something; still a full run
        raise SystemExit(f"{what} exited {done.returncode}:\n{done.stderr[-2000:]}")
    if output is not None and not output.is_file():
        raise SystemExit(f"{what} wrote no {output.name}:\n{done.stderr[-2000:]}")
    if runs is not None:
        runs.wall.append(elapsed)
        runs.cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return elapsed


def commands(root: Path, scratch: Path) -> dict[str, list[str]]:
    script = str(Path(sys.executable).parent / "complykit")
    # --partial: run.py's workspaces hold deliberate defects; the pack renders what loaded
    # (and lists the rest) instead of refusing, as validate checks what loaded.
    pack = [script, "report", "pack", str(root), "--force", "--partial", "--as-of", AS_OF]
    validate = [script, "validate", str(root), "--no-cache", "--format", "json"]
    return {
        "validate": [*validate, "--as-of", AS_OF],
        "pack": [*pack, "--output", str(scratch / "pack.zip"), "-f", "html", "-f", "xlsx"],
        "pdf": [*pack, "--output", str(scratch / "pdf.zip"), "-f", "pdf"],
    }


def alternate(root: Path, scratch: Path, repeat: int) -> dict[str, Runs]:
    """Validate and pack ``repeat`` times each, one after the other, after one warm-up each."""
    run = commands(root, scratch)
    outputs = {"validate": None, "pack": scratch / "pack.zip"}
    for name, output in outputs.items():  # the page cache and the imports, for both alike
        timed(run[name], output=output)
    runs = {name: Runs() for name in outputs}
    for _ in range(repeat):
        for name, output in outputs.items():
            timed(run[name], runs[name], output)
    return runs


def pack_row(root: Path, size: str, repeat: int) -> Row:
    """The pack's row in benchmarks/run.py's table: wall best/best and median/median."""
    with tempfile.TemporaryDirectory(prefix="complykit-pack-bench-") as scratch:
        runs = alternate(root, Path(scratch), repeat)
    pack, validate = runs["pack"].summary(), runs["validate"].summary()
    return Row(
        GOAL,
        size,
        f"{pack['wall_best']:.2f} s / {validate['wall_best']:.2f} s",
        pack["wall_best"] / validate["wall_best"],
        pack["wall_median"] / validate["wall_median"],
        BUDGET,
    )


def measure(args: argparse.Namespace) -> dict[str, Any]:
    with folders(args.keep) as (root, scratch):
        if not (root / "complykit.yaml").is_file():
            generate.generate(root, args.entities, 0, defects=0)
        runs = alternate(root, scratch, args.repeat)
        pdf = timed(commands(root, scratch)["pdf"]) if args.pdf else None
        size = (scratch / "pack.zip").stat().st_size
    pack, validate = runs["pack"].summary(), runs["validate"].summary()
    ratios = {key: round(pack[key] / validate[key], 2) for key in pack}
    return {
        "entities": args.entities,
        "runs": {name: {"wall": r.wall, "cpu": r.cpu} for name, r in runs.items()},
        "validate": validate,
        "pack": pack,
        # CPU seconds suffer less from other work on a shared machine than wall time does.
        "ratios": ratios,
        "budget": args.budget,
        "passed": ratios["wall_best"] <= args.budget,
        "pack_bytes": size,
        "pdf_pack_seconds": pdf,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    compile_package()
    result = measure(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("| | validate (cold) | pack, html + xlsx | ratio |\n|---|---:|---:|---:|")
        for key in ("wall_best", "wall_median", "cpu_best", "cpu_median"):
            validate, pack = result["validate"][key], result["pack"][key]
            label = key.replace("_", ", ")
            print(f"| {label} | {validate:.2f} s | {pack:.2f} s | {result['ratios'][key]:.2f} |")
        verdict = "OK" if result["passed"] else "OVER BUDGET"
        print(f"best wall ratio within {result['budget']:.2f}: {verdict}")
        if result["pdf_pack_seconds"] is not None:
            print(f"pack (pdf only): {result['pdf_pack_seconds']:.2f} s")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

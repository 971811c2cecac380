"""Time ``complykit report pack`` (HTML and xlsx) against ``complykit validate`` on one workspace.

    python benchmarks/report_pack.py [--entities 10000] [--repeat 3] [--budget 3.0]
                                     [--keep DIR] [--pdf] [--json]

Generates a valid synthetic workspace (benchmarks/generate.py) into a temporary folder, or
reuses ``--keep DIR``, then times, alternating so machine noise hits both alike:

(a) ``complykit validate DIR --no-cache --format json --as-of 2026-11-23`` (a cold run);
(b) ``complykit report pack DIR --output PACK --force --format html --format xlsx``, every
    report in every configured language, at the same as-of date.

Each is the best wall time of ``--repeat`` runs. Exits 1 when pack/validate exceeds
``--budget``. ``--pdf`` also times one pack with ``--format pdf`` and reports it apart: PDF
layout is WeasyPrint's work and is not part of the budget.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # benchmarks/ is a folder of scripts, not a package

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

AS_OF = "2026-11-23"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entities", type=int, default=10_000, help="records (10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best counts (3)")
    parser.add_argument("--budget", type=float, default=3.0, help="pack/validate limit (3.0)")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--pdf", action="store_true", help="also time a PDF-only pack")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.entities < 1:
        parser.error("--repeat and --entities must be at least 1")
    return args


@contextlib.contextmanager
def folders(keep: Path | None) -> Iterator[tuple[Path, Path]]:
    """The workspace folder and a scratch folder for the packs."""
    with tempfile.TemporaryDirectory(prefix="complykit-pack-bench-") as scratch:
        yield (keep or Path(scratch) / "workspace"), Path(scratch)


def timed(command: list[str], cpu: list[float] | None = None) -> float:
    """Wall seconds of one run; its CPU seconds (user + system) are appended to ``cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if done.returncode not in (0, 1):  # 1: validate found something; still a full run
        what = " ".join(command[1:3])
        raise SystemExit(f"{what} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


def commands(root: Path, scratch: Path) -> dict[str, list[str]]:
    script = str(Path(sys.executable).parent / "complykit")
    pack = [script, "report", "pack", str(root), "--force", "--as-of", AS_OF]
    return {
        "validate": [
            script,
            "validate",
            str(root),
            "--no-cache",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
        "pack": [*pack, "--output", str(scratch / "pack.zip"), "-f", "html", "-f", "xlsx"],
        "pdf": [*pack, "--output", str(scratch / "pdf.zip"), "-f", "pdf"],
    }


def measure(args: argparse.Namespace) -> dict[str, Any]:
    with folders(args.keep) as (root, scratch):
        if not (root / "complykit.yaml").is_file():
            generate.generate(root, args.entities, 0, defects=0)
        run = commands(root, scratch)
        times: dict[str, list[float]] = {"validate": [], "pack": []}
        cpu: dict[str, list[float]] = {"validate": [], "pack": []}
        for _ in range(args.repeat):
            for name, runs in times.items():
                runs.append(timed(run[name], cpu[name]))
        pdf = timed(run["pdf"]) if args.pdf else None
        size = (scratch / "pack.zip").stat().st_size
    best = {name: min(runs) for name, runs in times.items()}
    ratio = best["pack"] / best["validate"]
    return {
        "entities": args.entities,
        "runs": times,
        "best": best,
        # CPU seconds suffer less from other work on a shared machine than wall time does.
        "cpu_best": {name: round(min(runs), 2) for name, runs in cpu.items()},
        "ratio": round(ratio, 2),
        "budget": args.budget,
        "passed": ratio <= args.budget,
        "pack_bytes": size,
        "pdf_pack_seconds": pdf,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    result = measure(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        best = result["best"]
        print(f"validate best {best['validate']:.2f} s, pack (html+xlsx) best {best['pack']:.2f} s")
        print(f"CPU seconds, best: {result['cpu_best']}")
        verdict = "OK" if result["passed"] else "OVER BUDGET"
        print(f"ratio {result['ratio']:.2f} (budget {result['budget']:.2f}): {verdict}")
        if result["pdf_pack_seconds"] is not None:
            print(f"pack (pdf only): {result['pdf_pack_seconds']:.2f} s")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

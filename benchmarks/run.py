"""Measure every performance goal of complykit against its baseline, in one run.

    python benchmarks/run.py [--sizes 1000,10000,50000] [--repeat 3] [--keep DIR] [--write-docs]
    python benchmarks/run.py --sizes 1000 --repeat 2          # quick mode, about a minute

For each size a workspace is generated (benchmarks/generate.py: every kind, SoAs, 2% defects,
seed 0) and committed to a scratch git repository, then each goal runs as a child process
beside its baseline, alternating so that noise on a shared machine hits both alike. Each row
shows the best and the median of the runs and the ratio of each to the baseline's. Goals:

- cold: ``validate --no-cache`` / bare PyYAML ``CSafeLoader`` parse of the same files
- unchanged: ``validate`` with a warm cache / bare parse
- one changed: ``validate`` after editing one record / bare parse
- memory: peak resident memory of ``validate --no-cache`` (absolute budget at 50,000)
- the same goals at 10,000 records once more with the generated files of each folder joined
  25 to one, as many registers are kept (``generate.py --per-file 25``), and once more on the
  second, skewed shape (``generate.py --shape skewed``: hub records, long lists and texts, ids
  with long common prefixes, many broken references and waivers)
- linear growth: cold time and memory at 50,000 / at 10,000
- report: each register report / ``validate --no-cache`` (at 10,000, or the largest size)
- report pack: ``report pack -f html -f xlsx`` / ``validate --no-cache`` (benchmarks/report_pack.py)
- diff: ``diff HEAD~1`` with one file changed in the last commit / ``validate --no-cache``
- start-up: ``--help`` and ``--version`` / ``python -c "import typer"``; ``validate`` on the
  bundled example (cold and cached) / ``python -c "import typer, pydantic"``

``--write-docs`` replaces the table between the benchmark markers in docs/performance.md.
Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from goals import Row, growth_rows, render_table, size_rows, startup_rows
from measure import compile_package
from report_pack import pack_row
from workspaces import Workspace, prepare

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

DOCS = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
GROUPED_SIZE, GROUPED_PER_FILE = 10_000, (25, 400)
"""The size measured again with its files joined 25 to one, and 400 to one (a register kept a
department to a file: 34 files, the largest 1.1 MB), by ``generate.py --per-file``."""
GROWTH_FROM, GROWTH_TO = 10_000, 50_000
"""The sizes the growth rows compare, in rounds of their own (``goals.growth_rows``)."""
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        default="1000,10000,50000",
        help="records per workspace, comma-separated (default 1000,10000,50000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (3)")
    parser.add_argument("--keep", type=Path, help="folder to keep generated workspaces in")
    parser.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    return parser.parse_args(argv)


@contextlib.contextmanager
def scratch(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="complykit-bench-") as folder:
        yield Path(folder)


def write_docs(table: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    stamp = f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC."
    DOCS.write_text(f"{head}{START}\n{stamp}\n\n{table}\n{END}{tail}", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    compile_package()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows: list[Row] = []
    measured: dict[int, Workspace] = {}
    with scratch(args.keep) as folder:
        report_size = 10_000 if 10_000 in sizes else sizes[-1]
        for size in sizes:
            workspace = measured[size] = prepare(folder / f"ws-{size}", size)
            print(f"== {size:,} records: {workspace.describe()}", file=sys.stderr)
            rows += size_rows(workspace, args.repeat, with_report=size == report_size)
            if size == report_size:
                rows.append(pack_row(workspace.root, f"{size:,}", args.repeat))
        for per_file in GROUPED_PER_FILE if GROUPED_SIZE in sizes else ():
            name = "grouped" if per_file == GROUPED_PER_FILE[0] else f"grouped-{per_file}"
            grouped = prepare(folder / f"ws-{GROUPED_SIZE}-{name}", GROUPED_SIZE, per_file)
            print(f"== {grouped.label} records: {grouped.describe()}", file=sys.stderr)
            rows += size_rows(grouped, args.repeat, with_report=False)
        if GROUPED_SIZE in sizes:
            skewed = prepare(folder / f"ws-{GROUPED_SIZE}-skewed", GROUPED_SIZE, shape="skewed")
            print(f"== {skewed.label} records: {skewed.describe()}", file=sys.stderr)
            rows += size_rows(skewed, args.repeat, with_report=False)
        if GROWTH_FROM in measured and GROWTH_TO in measured:
            rows += growth_rows(measured[GROWTH_FROM], measured[GROWTH_TO], args.repeat)
        rows += startup_rows(args.repeat, folder)
    table = render_table(rows)
    print(table)
    if args.write_docs:
        write_docs(table)
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Where the time of one cold validation goes, phase by phase, in one process.

    python benchmarks/phases.py WORKSPACE [--as-of 2026-11-23] [--cpu]

Runs the same steps as ``complykit validate --jobs 1 --no-cache`` one after the other and
prints the seconds each took: imports, config and catalogs, discovery, parsing (libyaml's
events built into plain data and places by our safe builder), record models, positions of
findings (from the places kept while parsing), the repository index, the shared reference
walk, the rules (the five slowest named), waivers and sorting, and the JSON output. Serial on
purpose, so the phases add up. ``--cpu`` counts this process's CPU seconds instead of wall
seconds: on a shared machine they move far less from run to run.

``--passes N`` judges every rule N times over the same records and counts its fastest pass:
what a rule costs once the lookups it shares with others are built, which is what tells a
rule that grows faster than the records apart from one that pays for a shared index first.
``--per-rule`` prints every rule's seconds, to compare two sizes rule by rule.
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class Clock:
    def __init__(self, now: Callable[[], float] = time.perf_counter) -> None:
        self.phases: dict[str, float] = {}
        self.now = now

    def time(self, name: str, step: Callable[[], T]) -> T:
        started = self.now()
        value = step()
        self.phases[name] = self.phases.get(name, 0.0) + self.now() - started
        return value


def run(
    root: Path, as_of: date, *, cpu: bool = False, passes: int = 1, per_rule: bool = False
) -> dict[str, float]:
    clock = Clock(time.process_time if cpu else time.perf_counter)
    gc.disable()  # as the engine does while loading
    clock.time("imports", lambda: __import__("complykit.validate.engine"))
    from complykit.formatters.json import JsonFormatter  # noqa: PLC0415
    from complykit.load.discover import record_files  # noqa: PLC0415
    from complykit.load.files import InsideReader  # noqa: PLC0415
    from complykit.load.parsing import read_file  # noqa: PLC0415
    from complykit.validate.engine import all_rules  # noqa: PLC0415
    from complykit.validate.waivers import active_waivers, apply_waivers, stale_waivers  # noqa: PLC0415
    from complykit.workspace import open as workspace  # noqa: PLC0415
    from complykit.workspace.repository import Repository  # noqa: PLC0415

    config, _ = clock.time("config and catalogs", lambda: workspace.load_config(root))
    if config is None:
        raise SystemExit("phases: the workspace config does not validate")
    catalogs, _ = clock.time("config and catalogs", lambda: workspace.workspace_catalogs(root))
    files = clock.time("discovery", lambda: record_files(root, config.paths.exclude))
    reader = InsideReader(root)  # as a run reads its files
    parsed = clock.time("parse", lambda: [read_file(root, p, reader) for p in files])
    loaded = clock.time(
        "record models",
        lambda: workspace._merge(  # noqa: SLF001
            [workspace._records(p) for p in parsed]  # noqa: SLF001
        ),
    )
    repo = clock.time(
        "repository index",
        lambda: Repository(root, config, catalogs, as_of, loaded.entries, loaded.invalid_ids),
    )
    clock.time("reference walk", repo.references)
    _time_positions(clock, repo)
    first, rule_times, raised = _time_rules(repo, clock.now)
    # The phases add up to one run: the later passes are timed apart, their positions too.
    positions = clock.phases["positions of findings"]
    rule_times = _fastest_passes(repo, clock.now, rule_times, passes)
    clock.phases["positions of findings"] = positions
    clock.phases["rules"] = sum(first.values()) - positions

    def waive() -> tuple[list[Any], list[Any]]:
        kept, waived = apply_waivers([*loaded.findings, *raised], active_waivers(repo))
        kept += stale_waivers(repo, waived, all_rules())
        return sorted(kept), waived

    found = clock.time("waivers and sort", waive)
    result = _result(root, as_of, found, len(files), len(loaded.entries))
    clock.time("JSON output", lambda: JsonFormatter().render(result, io.StringIO()))
    slowest = sorted(rule_times.items(), key=lambda kv: -kv[1])[:5]
    clock.phases["(slowest rules: " + ", ".join(f"{c} {s:.2f}" for c, s in slowest) + ")"] = 0.0
    if per_rule:
        clock.phases.update((f"(rule {code}: {s:.4f})", 0.0) for code, s in rule_times.items())
    return clock.phases


def _time_positions(clock: Clock, repo: Any) -> None:
    """Wrap Repository.locate so its time is counted apart from the rules that call it."""
    real = type(repo).locate

    def timed(self: Any, *args: Any, **kwargs: Any) -> tuple[int, int]:
        position: tuple[int, int] = clock.time(
            "positions of findings", lambda: real(self, *args, **kwargs)
        )
        return position

    type(repo).locate = timed
    clock.phases.setdefault("positions of findings", 0.0)


def _time_rules(
    repo: Any, now: Callable[[], float]
) -> tuple[dict[str, float], dict[str, float], list[Any]]:
    """Each rule's seconds (twice: the first pass, and the fastest one that
    ``_fastest_passes`` lowers) and its findings."""
    from complykit.checks import REGISTRY  # noqa: PLC0415

    times: dict[str, float] = {}
    raised: list[Any] = []
    for code, registered in REGISTRY.items():
        started = now()
        raised += registered.run(repo)
        times[code] = now() - started
    return times, dict(times), raised


def _fastest_passes(
    repo: Any, now: Callable[[], float], times: dict[str, float], passes: int
) -> dict[str, float]:
    """``times`` lowered to each rule's fastest of ``passes`` passes over the same records,
    the later passes after every rule's first (its shared lookups are built by then)."""
    from complykit.checks import REGISTRY  # noqa: PLC0415

    for _ in range(passes - 1):
        for code, registered in REGISTRY.items():
            started = now()
            list(registered.run(repo))
            times[code] = min(times[code], now() - started)
    return times


def _result(root: Path, as_of: date, found: Any, files: int, records: int) -> Any:
    from complykit.core.result import Result  # noqa: PLC0415
    from complykit.validate.engine import all_rules  # noqa: PLC0415

    findings, waived = found
    return Result(
        root,
        tuple(sorted(findings)),
        all_rules(),
        files + 1,
        records,
        as_of,
        waived=tuple(sorted(waived, key=lambda w: w.finding)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--as-of", default="2026-11-23")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU seconds of this process, not wall seconds"
    )
    parser.add_argument(
        "--passes", type=int, default=1, help="judge each rule this many times; count its fastest"
    )
    parser.add_argument("--per-rule", action="store_true", help="print every rule's seconds")
    args = parser.parse_args(argv)
    phases = run(
        args.workspace.resolve(),
        date.fromisoformat(args.as_of),
        cpu=args.cpu,
        passes=args.passes,
        per_rule=args.per_rule,
    )
    total = sum(phases.values())
    print("| Phase | Seconds | Share |\n|---|---:|---:|")
    for name, seconds in phases.items():
        share = f"{seconds / total:.0%}" if seconds else ""
        print(f"| {name} | {seconds:.2f} | {share} |" if seconds else f"| {name} | | |")
    print(f"| total | {total:.2f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

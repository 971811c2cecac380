"""Time ``complykit validate`` against bare YAML parsing of the same workspace.

    python benchmarks/run.py [--entities 10000] [--repeat 3] [--budget 1.5] [--keep DIR] [--json]

Generates a valid synthetic workspace (benchmarks/generate.py) into a temporary folder, or
reuses ``--keep DIR`` when it already holds one, then times two subprocesses, alternating them
so machine noise hits both alike:

(a) baseline: ``python -c`` that walks the same files and loads every YAML document with
    PyYAML's C loader (``yaml.CSafeLoader``) and does nothing else;
(b) ``complykit validate DIR --format json --as-of 2026-11-23 --fail-on warning``, the console
    script of this interpreter's venv; the fixed date keeps date-based rules (overdue tasks,
    expired certificates) from changing the outcome as the calendar moves on.

Each is the best wall time of ``--repeat`` runs, interpreter start-up included. Exits 1 when
validate/baseline exceeds ``--budget`` or when validate reports any error or warning on the
generated workspace.
``--validator models`` makes (b) a subprocess that runs the loader and record models only (no
references, no rules); ``auto`` falls back to it when ``complykit.cli`` is not installed, and the
output says which ran.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from complykit.load.discover import SKIPPED_DIRS, YAML_SUFFIXES

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # benchmarks/ is a folder of scripts, not a package
from generators.vocabulary import AS_OF

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

BASELINE = f"""
import os, sys, yaml
skipped, suffixes, documents = {sorted(SKIPPED_DIRS)!r}, {YAML_SUFFIXES!r}, 0
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = sorted(d for d in dirs if not d.startswith('.') and d not in skipped)
    for name in sorted(files):
        if name.endswith(suffixes) and not name.startswith('.'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                text = f.read()
            if '\\n---' in text:
                documents += len(list(yaml.load_all(text, Loader=yaml.CSafeLoader)))
            else:
                yaml.load(text, Loader=yaml.CSafeLoader)
                documents += 1
print(documents)
"""

MODELS_ONLY = """
import sys
from pathlib import Path
from complykit.config import WorkspaceConfig
from complykit.load.discover import record_files, relative
from complykit.load.yaml_file import parse_yaml
from complykit.model.validate import to_record
root, problems, records = Path(sys.argv[1]), 0, 0
config = parse_yaml(relative(root, root / 'complykit.yaml'), (root / 'complykit.yaml').read_bytes())
WorkspaceConfig.model_validate(config.documents[0].data)
for path in record_files(root):
    parsed = parse_yaml(relative(root, path), path.read_bytes())
    problems += len(parsed.findings)
    for document in parsed.documents:
        record, findings = to_record(parsed.path, document)
        problems, records = problems + len(findings), records + 1
print(records, problems)
sys.exit(1 if problems else 0)
"""


@dataclass(slots=True)
class Timing:
    """Wall times of one command, in seconds, in the order they ran."""

    label: str
    command: list[str]
    runs: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.runs)

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "best": round(self.best, 3),
            "runs": [round(r, 3) for r in self.runs],
        }


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    files: int
    bytes: int
    records: int


class BenchmarkError(Exception):
    """A command failed, so there is nothing honest to time."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entities", type=int, default=10_000, help="records (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (best-of)")
    parser.add_argument(
        "--budget",
        type=float,
        default=1.5,
        help="highest accepted validate/baseline ratio (default 1.5)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="generate into DIR and keep it; reuse it if it already holds a workspace",
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--validator",
        choices=("auto", "cli", "models"),
        default="auto",
        help="what (b) runs: the CLI, or the loader and models only "
        "(auto: the CLI when it is installed)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.entities < 1:
        parser.error("--repeat and --entities must be at least 1")
    return args


@contextlib.contextmanager
def workspace_dir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="complykit-bench-") as folder:
        yield Path(folder)


def prepare(folder: Path, entities: int, seed: int) -> Workspace:
    """Generate into ``folder`` unless it already holds a workspace; then measure it."""
    if not (folder / "complykit.yaml").is_file():
        generate.generate(folder, entities, seed, defects=0)
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix in YAML_SUFFIXES]
    records = sum(
        p.read_text(encoding="utf-8").count("\nkind: ") + 1
        for p in files
        if p.name != "complykit.yaml"
    )
    return Workspace(folder, len(files), sum(p.stat().st_size for p in files), records)


def validator_command(choice: str, root: Path) -> tuple[str, list[str]]:
    script = Path(sys.executable).parent / "complykit"
    cli_present = script.is_file() and importlib.util.find_spec("complykit.cli") is not None
    if choice == "cli" or (choice == "auto" and cli_present):
        return "complykit validate", [
            str(script),
            "validate",
            str(root),
            "--format",
            "json",
            "--as-of",
            AS_OF,
            "--fail-on",
            "warning",
        ]
    return "loader + models only (no CLI)", [sys.executable, "-c", MODELS_ONLY, str(root)]


def run_once(timing: Timing) -> subprocess.CompletedProcess[str]:
    start = time.perf_counter()
    done = subprocess.run(timing.command, capture_output=True, text=True, check=False)
    timing.runs.append(time.perf_counter() - start)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout)[-2000:]
        raise BenchmarkError(f"{timing.label} exited {done.returncode}:\n{tail}")
    return done


def measure(baseline: Timing, validate: Timing, repeat: int) -> dict[str, Any]:
    """Alternate a, b, a, b ...; return validate's JSON summary when it printed one."""
    summary: dict[str, Any] = {}
    for _ in range(repeat):
        run_once(baseline)
        output = run_once(validate).stdout
        with contextlib.suppress(ValueError, AttributeError):
            summary = json.loads(output).get("summary", {})
    return summary


def report(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
        return
    ws, base, val = result["workspace"], result["baseline"], result["validate"]
    print(
        f"workspace  {ws['root']}: {ws['records']} records in {ws['files']} files, "
        f"{ws['bytes'] / 1e6:.1f} MB"
    )
    for timing in (base, val):
        runs = ", ".join(f"{r:.2f}" for r in timing["runs"])
        print(f"{timing['label']:<32} best {timing['best']:6.2f} s   (runs: {runs})")
    verdict = "OK" if result["passed"] else "OVER BUDGET"
    print(f"ratio {result['ratio']:.2f} (budget {result['budget']:.2f}): {verdict}")
    if result["summary"]:
        print("validate summary: " + json.dumps(result["summary"]))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with workspace_dir(args.keep) as folder:
        ws = prepare(folder, args.entities, args.seed)
        label, command = validator_command(args.validator, ws.root)
        baseline = Timing(
            "baseline (yaml.CSafeLoader)", [sys.executable, "-c", BASELINE, str(ws.root)]
        )
        validate = Timing(label, command)
        try:
            summary = measure(baseline, validate, args.repeat)
        except BenchmarkError as error:
            print(f"benchmark: {error}", file=sys.stderr)
            return 1
    ratio = validate.best / baseline.best
    result = {
        "workspace": {**asdict(ws), "root": str(ws.root)},
        "baseline": baseline.as_dict(),
        "validate": validate.as_dict(),
        "ratio": round(ratio, 3),
        "budget": args.budget,
        "passed": ratio <= args.budget,
        "summary": summary,
        "python": sys.version.split()[0],
    }
    report(result, args.json)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

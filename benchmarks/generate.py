"""Write a synthetic complykit workspace of N records, for benchmarks.

    python benchmarks/generate.py --entities 10000 --out /tmp/ws [--seed 7] [--defects 0.02]
    python benchmarks/generate.py --entities 10000 --out /tmp/ws --shape skewed

The records mix every kind in roughly the proportions of a real organisation (mostly processing
activities, risks, controls, suppliers and tasks; a few AI systems, DPIAs and incidents; one
Statement of Applicability per ISO framework that lists every control of its catalog), with
free texts as long as real ones. Every reference resolves to a generated record of the right
kind or to a person in complykit.yaml. Most files hold one record; tasks and a third of the
controls share multi-document files; ``--per-file N`` joins the files of each folder N to one
(the SoAs excepted), as registers kept a department to a file are. About ``--defects`` of the
records (2% by default) carry a mistake that makes a rule fire (see generators/defects.py);
``--defects 0`` writes a clean workspace. The output depends only on ``--entities``,
``--seed``, ``--defects``, ``--per-file`` and ``--shape``.

``--shape skewed`` writes a second, independent shape (generators/skewed_*.py): references that
lean on a few hub records, 3% of records with long lists and 10-20 KB texts, non-ASCII text,
ids with long common prefixes, risks and incidents hundreds to a file, 4% defective records
(mostly broken references, some with three defects) and waivers for half the broken
references. Code linear on one shape can be quadratic on another. The YAML is
written from text templates, one module per kind in generators/, so keys keep their natural
order and writing 10,000 records takes about a second.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generators.activities import render_activity
from generators.ai_systems import render_ai
from generators.config import render_config
from generators.controls import render_control
from generators.defects import DEFECT_RATE, maybe_defective
from generators.dpias import render_dpia
from generators.incidents import render_incident
from generators.layout import joined
from generators.plan import Plan, make_plan
from generators.risks import render_risk
from generators.skewed_defects import SKEWED_DEFECT_RATE, Defects, render_waivers
from generators.skewed_plan import make_skewed_plan
from generators.skewed_records import SKEWED_RENDERERS
from generators.soas import render_soa
from generators.suppliers import render_supplier
from generators.tasks import render_task
from generators.vocabulary import KIND_SHARES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

RENDERERS: dict[str, Callable[[Plan, str], tuple[str, str]]] = {
    "processing-activity": render_activity,
    "risk": render_risk,
    "control": render_control,
    "supplier": render_supplier,
    "task": render_task,
    "ai-system": render_ai,
    "dpia": render_dpia,
    "incident": render_incident,
    "statement-of-applicability": render_soa,
}
KINDS = tuple(RENDERERS)
__all__ = ["DEFECT_RATE", "KINDS", "KIND_SHARES", "Summary", "generate", "main"]


@dataclass(frozen=True, slots=True)
class Summary:
    """What was written: ids by kind and the number of files (complykit.yaml included)."""

    ids: dict[str, list[str]]
    files: int
    people: list[str]


def render_files(plan: Plan, defects: float) -> dict[str, list[str]]:
    """Relative path -> the documents it holds, in generation order."""
    files: dict[str, list[str]] = {}
    for kind in KINDS:
        for record_id in plan.ids[kind]:
            path, text = RENDERERS[kind](plan, record_id)
            text = maybe_defective(plan.seed, kind, record_id, text, defects)
            files.setdefault(path, []).append(text)
    return files


def render_skewed(entities: int, seed: int, defects: float) -> tuple[Plan, dict[str, list[str]]]:
    """The skewed shape's plan and files, its waivers included."""
    plan = make_skewed_plan(entities, seed)
    broken = Defects(seed, SKEWED_DEFECT_RATE if defects == DEFECT_RATE else defects)
    files: dict[str, list[str]] = {}
    for kind in KINDS:
        for record_id in plan.ids[kind]:
            path, text = SKEWED_RENDERERS[kind](plan, record_id)
            files.setdefault(path, []).append(broken.apply(kind, record_id, text))
    files.update(render_waivers([p.id for p in plan.people], broken.broken, seed))
    return plan, files


def check_target(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SystemExit(f"generate: {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise SystemExit(
            f"generate: {out} is not empty; refusing to write into it "
            "(pass --force to write anyway)"
        )


def generate(  # noqa: PLR0913 - the command line's options, each with a default
    out: Path,
    entities: int,
    seed: int = 0,
    force: bool = False,
    defects: float = DEFECT_RATE,
    *,
    per_file: int = 1,
    shape: str = "uniform",
) -> Summary:
    """Write a workspace of ``entities`` records into ``out`` and say what was written."""
    if entities < 1:
        raise SystemExit("generate: --entities must be at least 1")
    check_target(out, force)
    if shape == "skewed":
        plan, rendered = render_skewed(entities, seed, defects)
    else:
        plan = make_plan(entities, seed)
        rendered = render_files(plan, defects)
    files = joined(rendered, per_file)
    out.mkdir(parents=True, exist_ok=True)
    (out / "complykit.yaml").write_text(render_config(plan), encoding="utf-8")
    for relative, documents in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\n".join(documents), encoding="utf-8")
    return Summary(plan.ids, len(files) + 1, [p.id for p in plan.people])


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entities", type=int, required=True, help="number of records")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (new or empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--defects", type=float, default=DEFECT_RATE, help="share of defective records (0.02)"
    )
    parser.add_argument(
        "--per-file",
        type=int,
        default=1,
        help="join the files of each folder this many to one (1: as generated)",
    )
    parser.add_argument(
        "--shape",
        choices=("uniform", "skewed"),
        default="uniform",
        help="uniform (default), or skewed: hubs, long lists and texts, many broken references",
    )
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    summary = generate(
        args.out,
        args.entities,
        args.seed,
        args.force,
        args.defects,
        per_file=args.per_file,
        shape=args.shape,
    )
    counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in summary.ids.items())
    print(
        f"Wrote {sum(map(len, summary.ids.values()))} records in {summary.files} files "
        f"to {args.out}: {counts}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

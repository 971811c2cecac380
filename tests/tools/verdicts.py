"""Verdicts of a batch of workspaces and documents, as JSON, for comparing two ways of running.

Run as a script (``python tests/tools/verdicts.py --plain``) it first declares the model
classes without pydantic (``model.plain``), as the command line's validate path does, and
refuses to go on if it cannot (``--compact-after N``: the loader compacts records after the
first N of a run, not 500); imported, it runs in the test's own process with pydantic's
models. The batch comes on standard input: ``{"workspaces": [[path, as_of], ...],
"documents": [[file name, YAML text], ...], "edits": [[path, as_of, file, old, new], ...]}``;
an edit validates the workspace with the cache, replaces ``old`` by ``new`` in the file, and
validates again (restoring the other files and reusing the checks' findings).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any


def verdicts(batch: dict[str, Any]) -> dict[str, Any]:
    from complykit.load.yaml_file import parse_yaml  # noqa: PLC0415 - after the switch
    from complykit.model.validate import to_record  # noqa: PLC0415
    from complykit.validate.engine import run  # noqa: PLC0415

    workspaces = [
        [_finding(f) for f in run(Path(root), as_of=date.fromisoformat(day), jobs=1).findings]
        for root, day in batch["workspaces"]
    ]
    documents = []
    for name, text in batch["documents"]:
        parsed = parse_yaml(PurePosixPath(name), text.encode())
        for document in parsed.documents:
            record, findings = to_record(parsed.path, document)
            documents.append([repr(record), [_finding(f) for f in findings]])
    return {"workspaces": workspaces, "documents": documents, "edits": _edits(batch)}


def _edits(batch: dict[str, Any]) -> list[list[Any]]:
    from complykit.validate.validation import validate  # noqa: PLC0415 - after the switch

    runs = []
    for root, day, name, old, new in batch.get("edits", []):
        as_of = date.fromisoformat(day)
        before = validate(Path(root), as_of=as_of)
        path = Path(root) / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        after = validate(Path(root), as_of=as_of)
        again = validate(Path(root), as_of=as_of)
        runs.append([[_finding(f) for f in run.findings] for run in (before, after, again)])
    return runs


def _finding(finding: Any) -> list[Any]:
    return [
        str(finding.path),
        finding.line,
        finding.column,
        finding.code,
        finding.severity.value,
        finding.message,
        finding.hint,
        list(finding.citation),
        finding.record,
    ]


def main() -> None:
    from complykit.model.plain import use_plain_records  # noqa: PLC0415

    if "--plain" in sys.argv and not use_plain_records():
        sys.exit("plain records refused: prebuilt validators not usable here")
    if "--compact-after" in sys.argv:
        # The loader keeps its first records as validated and compacts the rest; a few records
        # in, each workspace holds both, as a large one does.
        from complykit.workspace import open as opening  # noqa: PLC0415 - after the switch

        opening.KEPT_AS_VALIDATED = int(sys.argv[sys.argv.index("--compact-after") + 1])
    result = verdicts(json.load(sys.stdin))
    from complykit.model import plain  # noqa: PLC0415

    result["compact_classes"] = sorted(cls.__name__ for cls in plain.SLOTTED)
    result["pydantic_imported"] = sorted(
        name for name in sys.modules if name == "pydantic" or name.startswith("pydantic.")
    )
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()

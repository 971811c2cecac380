"""A DPIA from the CNIL PIA tool: its JSON export becomes a ``dpia`` record and a ``control``
record per measure.

The export (LINCnil/pia, ``PiaService.exportData``) is one object with ``pia`` (the assessment:
name, status, DPO and data-subject opinions), ``answers`` (one per question, HTML text with an
optional gauge and list), ``measures`` (title and HTML content), ``evaluations`` (per question,
item or measure: status, comments, action plan, gauges) and ``comments``. Every answer,
measure, evaluation and comment lands in a field or in notes; each is accounted for in the report
like a spreadsheet row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.exchange.html_text import plain_text
from complykit.exchange.json_file import read_json_file
from complykit.exchange.outcome import ImportReport, Outcome, Status
from complykit.exchange.pia_text import dpia_fields, evaluation_line, measure_id, text
from complykit.exchange.record_files import Target, slug, unique_ids, write_all
from complykit.exchange.shown import shown

MAX_BYTES = 20_000_000  # an export of one PIA, its attachments included, is far smaller
PIA_HINT = "Export the PIA again without attachments, or remove large comments from it."
PARTS = ("answers", "measures", "evaluations", "comments")


@frozen
class PiaExport:
    """The parts of a PIA tool export, each a list of objects."""

    pia: dict[str, Any]
    answers: list[dict[str, Any]]
    measures: list[dict[str, Any]]
    evaluations: list[dict[str, Any]]
    comments: list[dict[str, Any]]


def read_export(source: Path, *, workspace: Path) -> PiaExport:
    """The export in ``source``; raises ComplykitError when it is not a PIA tool export."""
    data = read_json_file(source, MAX_BYTES, "a PIA export", workspace=workspace, hint=PIA_HINT)
    if not isinstance(data, dict) or not isinstance(data.get("pia"), dict):
        raise ComplykitError(
            f"{source} is not a CNIL PIA tool export: it has no 'pia' object",
            hint="In the PIA tool, open the PIA and use Export > JSON.",
        )
    parts = {name: _objects(data.get(name)) for name in PARTS}
    return PiaExport(data["pia"], **parts)


def _objects(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def import_pia(
    root: Path, source: Path, *, dry_run: bool = False, strict: bool = False
) -> ImportReport:
    """Import the PIA tool export in ``source`` into the workspace at ``root``."""
    export = read_export(source, workspace=root)
    name = " ".join(text(export.pia, "name").split()) or source.stem
    dpia_id = f"dpia-{slug(name) or 'pia'}"
    control_ids = _control_ids(dpia_id, export.measures)
    job = _Import(Target.of(root), source.name, export, dpia_id, control_ids)
    dpia = job.dpia()
    controls = [job.control(index) for index in range(len(export.measures))]
    joined = _joined(export, dpia, controls, job.by_measure)
    outcomes, written = write_all(root, [dpia, *controls, *joined], dry_run=dry_run, strict=strict)
    return ImportReport((), (), tuple(outcomes), strict, written, ("part", "item"))


def _control_ids(dpia_id: str, measures: Sequence[dict[str, Any]]) -> list[str]:
    prefix = f"ctl-{dpia_id.removeprefix('dpia-')[:30].rstrip('-')}"
    bases = [
        f"{prefix}-{slug(text(m, 'title'), 40) or f'measure-{index}'}"
        for index, m in enumerate(measures, 1)
    ]
    return unique_ids(bases)


def _measure_ref(evaluation: dict[str, Any]) -> str | None:
    reference = evaluation.get("reference_to")
    if isinstance(reference, str) and reference.startswith("3.1."):
        return reference.removeprefix("3.1.")
    return None


def _reference(item: dict[str, Any]) -> str:
    reference = item.get("reference_to")
    return f"on {reference}" if isinstance(reference, str | int) else "on the PIA"


@frozen
class _Import:
    """One export on its way into a workspace: the records it makes, by id."""

    target: Target
    source_name: str
    export: PiaExport
    dpia_id: str
    control_ids: list[str]

    @property
    def by_measure(self) -> dict[str, str]:
        pairs = zip(self.export.measures, self.control_ids, strict=True)
        return {measure_id(measure): control_id for measure, control_id in pairs}

    @property
    def comment(self) -> str:
        return f"Imported by `complykit import dpia` from {shown(self.source_name, 200)}."

    def dpia(self) -> Outcome:
        export = self.export
        fields = dpia_fields(export.pia, export.answers, export.measures, self.control_ids)
        notes: list[str] = fields.pop("notes", [])
        notes += [
            evaluation_line(e) for e in export.evaluations if _measure_ref(e) not in self.by_measure
        ]
        notes += [
            f"Comment {_reference(c)}: {plain_text(text(c, 'description'))}"
            for c in export.comments
            if text(c, "description")
        ]
        data = {"kind": "dpia", "id": self.dpia_id, **fields}
        if notes:
            data["notes"] = "\n".join(notes)
        rel = PurePosixPath("dpia", f"{self.dpia_id}.yaml")
        return self.target.plan(("pia", 1), rel, self.target.document(rel, self.comment, data))

    def control(self, index: int) -> Outcome:
        measure, control_id = self.export.measures[index], self.control_ids[index]
        title = " ".join(plain_text(text(measure, "title")).split()) or f"Measure {index + 1}"
        data: dict[str, Any] = {"kind": "control", "id": control_id, "title": title}
        if description := plain_text(text(measure, "content")):
            data["description"] = description
        data["status"] = "to-decide"
        mine = [e for e in self.export.evaluations if _measure_ref(e) == measure_id(measure)]
        notes = [f"Measure {measure_id(measure)} of the PIA tool export {self.source_name}."]
        data["notes"] = "\n".join(notes + [evaluation_line(e) for e in mine])
        warnings = () if text(measure, "title") else (f"measure {index + 1} has no title",)
        rel = PurePosixPath("controls", f"{control_id}.yaml")
        text_ = self.target.document(rel, self.comment, data)
        return self.target.plan(("measures", index + 1), rel, text_, warnings)


def _joined(
    export: PiaExport, dpia: Outcome, controls: list[Outcome], by_measure: dict[str, str]
) -> list[Outcome]:
    control_of = dict(zip(by_measure.values(), controls, strict=True))
    outcomes = []
    for part in ("answers", "evaluations", "comments"):
        for index, item in enumerate(getattr(export, part), 1):
            reference = _measure_ref(item) if part == "evaluations" else None
            home = control_of.get(by_measure.get(reference or "", ""), dpia)
            outcomes.append(_join(part, index, home))
    return outcomes


def _join(part: str, index: int, home: Outcome) -> Outcome:
    if home.reported:
        reason = f"the record it belongs to ({home.path}) was not imported"
        return Outcome(part, index, Status.INVALID, None, (reason,))
    return Outcome(part, index, Status.JOINED, home.path, ())

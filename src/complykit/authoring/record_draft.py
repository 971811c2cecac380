"""``complykit new KIND ID``: a record file with its modeline and every required field to fill in.

The fields come from the model's own JSON Schema, so a new required field shows up in drafts
without an edit here. Values are left empty with a comment saying what goes there (and the
allowed values, where the schema lists them); ``complykit validate`` reports each until filled.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

from complykit.authoring.modeline import modeline, schema_target
from complykit.authoring.scaffold import scalar, write_new
from complykit.authoring.taken_ids import id_holder
from complykit.core.errors import ComplykitError
from complykit.core.frozen import frozen
from complykit.model.records import RECORD_MODELS
from complykit.model.types import RECORD_ID_LENGTH, RECORD_ID_PATTERN

# Where `complykit init` makes room for each kind.
FOLDERS = {
    "processing-activity": "register",
    "ai-system": "ai",
    "risk": "risks",
    "statement-of-applicability": "soa",
    "dpia": "dpia",
    "incident": "incidents",
    "supplier": "suppliers",
    "task": "tasks",
    "control": "controls",
    "waiver": "waivers",
}
_WIDTH = 100
# fullmatch, not the pattern's own $: in Python's re that also matches before a final newline.
_RECORD_ID = re.compile(RECORD_ID_PATTERN.removeprefix("^").removesuffix("$"))


@frozen
class Draft:
    path: Path
    kind: str
    fields: tuple[str, ...]


def new_record(root: Path, kind: str, record_id: str, output: Path | None = None) -> Draft:
    """Write a draft ``kind`` record with ``record_id``; never replaces a file.

    Without ``output`` the file goes into the kind's folder of the workspace, named by the id:
    the id must be one the record could hold (so it names no other folder), and neither the
    folder nor the file may be a link leading elsewhere. No record in the workspace may hold
    the id already: ids are unique across the workspace, whatever the kind."""
    if kind not in RECORD_MODELS:
        raise ComplykitError(f"unknown kind '{kind}'", hint=f"Kinds: {', '.join(RECORD_MODELS)}.")
    if not (_RECORD_ID.fullmatch(record_id) and len(record_id) <= RECORD_ID_LENGTH):
        raise ComplykitError(
            f"{record_id!r} is not a record id; nothing was written",
            hint="An id is letters, digits, '.', '_' and '-', starts with a letter or digit "
            f"and has at most {RECORD_ID_LENGTH} characters: `pa-patient-scheduling`.",
        )
    # Not resolved: a link at the file's place is a file that exists (write_new refuses it),
    # never a way to write where it leads.
    path = output.absolute() if output else root / FOLDERS[kind] / f"{record_id}.yaml"
    _refuse_taken(root, record_id, path)
    target = schema_target(root, path.parent, kind)
    text, fields = draft_text(kind, record_id)
    inside = None if output else root  # a folder the user named is the user's choice
    write_new(path, (modeline(target) + "\n" if target else "") + text, inside=inside)
    return Draft(path, kind, fields)


def _refuse_taken(root: Path, record_id: str, path: Path) -> None:
    # The file at ``path`` itself is left to write_new, which says it exists.
    holder = id_holder(root, record_id, skip=path)
    if holder is not None:
        record = f"a {holder.kind} record" if holder.kind else "a record"
        raise ComplykitError(
            f"{holder.path} already holds {record} with id '{record_id}'; nothing was written",
            hint=f"Ids are unique across the workspace: choose another id, or edit {holder.path}.",
        )


def draft_text(kind: str, record_id: str) -> tuple[str, tuple[str, ...]]:
    """The YAML of the draft and the required fields it leaves to fill in."""
    schema = RECORD_MODELS[kind].model_json_schema()
    required = [name for name in schema.get("required", []) if name not in {"kind", "id"}]
    lines = [f"kind: {kind}", f"id: {scalar(record_id)}"]
    for name in required:
        lines += _field(name, schema["properties"][name], schema.get("$defs", {}))
    return "\n".join([*lines, *_EXPECTED.get(kind, ())]) + "\n", tuple(required)


# What the rules go on to ask of a kind whose schema requires little (an imported register must
# load before its gaps can be reported): commented, so the draft stays a draft until filled in.
_EXPECTED = {
    "processing-activity": (
        "",
        "# What the register of processing activities also holds (GDPR Art. 30(1));",
        "# complykit validate reports each until it is there. Uncomment and fill in:",
        "# purposes:",
        "#   - description:",
        "#     legal_basis:  # consent, contract, legal-obligation, vital-interests, public-task,",
        "#                   # legitimate-interests (then also legitimate_interest: {interest:,",
        "#                   # document:, assessed:})",
        "# data_subjects: []  # e.g. [employees, job applicants]",
        "# personal_data:",
        "#   - name:  # e.g. contact details",
        "# recipients:",
        "#   - {name: , type: }  # type: internal, processor, controller, public-authority, other",
        "# retention: {period: , trigger: }  # e.g. {period: P7Y, trigger: end of employment},",
        "#                                   # or {until: the subscriber unsubscribes},",
        "#                                   # or {permanent: true, legal_provision: Archiefwet}",
        "# security_description:",
    ),
}


def _field(name: str, field: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    """The comment saying what goes in the field (and its allowed values), then the empty key."""
    resolved = _resolve(field, defs)
    note = " ".join(str(resolved.get("description") or field.get("description") or "").split())
    choices = resolved.get("enum")
    if choices:
        note = f"{note} One of: {', '.join(str(c) for c in choices)}.".strip()
    # Never at a hyphen: a value such as `to-decide` split over two lines reads as two words.
    comment = textwrap.wrap(note, _WIDTH - 2, break_on_hyphens=False) if note else []
    return ["", *(f"# {line}" for line in comment), f"{name}:"]


def _resolve(field: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    reference = field.get("$ref") or next(
        (f["$ref"] for f in field.get("allOf", []) + field.get("anyOf", []) if "$ref" in f), None
    )
    if isinstance(reference, str):
        resolved: dict[str, Any] = defs.get(reference.rsplit("/", 1)[-1], {})
        return resolved
    return field

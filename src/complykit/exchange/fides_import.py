"""A Fides manifest (YAML or JSON) as processing activities: a system per activity, its privacy
declarations as purposes, their data categories and subjects by the names the manifest gives
them. Datasets and taxonomy entries are accounted for like spreadsheet rows: joined to the
activity that uses them, or reported as unused."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from complykit.core.errors import ComplykitError
from complykit.exchange.fides_terms import ART9_OF, BASIS_OF, SPECIAL_OF
from complykit.exchange.outcome import ImportReport, Outcome, Status
from complykit.exchange.record_files import Target, slug, unique_ids, write_all
from complykit.exchange.retention import kept_for_good, parse_retention, parse_until
from complykit.exchange.row_source import Notes
from complykit.exchange.shown import shown
from complykit.exchange.source_file import SPLIT_HINT, read_source
from complykit.load.limits import DEFAULT_LIMITS
from complykit.load.yaml_file import parse_yaml

TAXONOMY = ("data_category", "data_use", "data_subject")
NO_TRIGGER = "not stated in the imported register"
MAX_BYTES = DEFAULT_LIMITS.max_file_bytes  # the YAML parser reads no more


def read_manifest(source: Path, *, workspace: Path) -> dict[str, list[dict[str, Any]]]:
    """The manifest's resource lists by kind; raises ComplykitError when it is none."""
    raw = read_source(
        source, MAX_BYTES, workspace=workspace, what="a Fides manifest", hint=SPLIT_HINT
    )
    parsed = parse_yaml(PurePosixPath(source.name), raw)
    if parsed.findings:
        raise ComplykitError(f"{source} is not readable YAML or JSON: {parsed.findings[0].message}")
    merged: dict[str, list[dict[str, Any]]] = {}
    for document in parsed.documents:
        if isinstance(document.data, dict):
            for kind, items in document.data.items():
                if isinstance(items, list):
                    merged.setdefault(str(kind), []).extend(i for i in items if isinstance(i, dict))
    if not merged.get("system"):
        raise ComplykitError(
            f"{source} is not a Fides manifest with systems: it has no 'system' list",
            hint="Export the systems with `fides pull` or write them as `system: [...]`.",
        )
    return merged


def import_fides(
    root: Path, source: Path, *, dry_run: bool = False, strict: bool = False
) -> ImportReport:
    """Import the systems of the Fides manifest in ``source`` as processing activities."""
    manifest = read_manifest(source, workspace=root)
    names = {
        str(item.get("fides_key")): str(item.get("name") or item.get("fides_key"))
        for kind in TAXONOMY
        for item in manifest.get(kind, [])
    }
    target = Target.of(root)
    systems = manifest["system"]
    ids = unique_ids([f"pa-{slug(_text(s, 'name') or _text(s, 'fides_key')) or 'system'}"
                      for s in systems])  # fmt: skip
    comment = f"Imported by `complykit import fides` from {shown(source.name, 200)}."
    outcomes = []
    for index, (system, record_id) in enumerate(zip(systems, ids, strict=True), 1):
        notes = Notes()
        data = {"kind": "processing-activity", "id": record_id, **_fields(system, names, notes)}
        if notes.lines:
            data["notes"] = "\n".join(notes.lines)
        rel = PurePosixPath("register", f"{record_id}.yaml")
        text = target.document(rel, comment, data)
        outcomes.append(target.plan(("system", index), rel, text, tuple(notes.warnings)))
    outcomes += _references(manifest, outcomes)
    written_outcomes, written = write_all(root, outcomes, dry_run=dry_run, strict=strict)
    return ImportReport((), (), tuple(written_outcomes), strict, written, ("list", "item"))


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _keys(item: dict[str, Any], key: str) -> list[str]:
    value = item.get(key)
    return [str(v) for v in value if isinstance(v, str | int)] if isinstance(value, list) else []


def _declarations(system: dict[str, Any], notes: Notes) -> list[dict[str, Any]]:
    """The system's privacy declarations, with a warning for what is left out: a value that is
    no list, and each item of the list that is no declaration (a hand-edited manifest can hold
    anything there, e.g. ``privacy_declarations: [marketing]``)."""
    value = system.get("privacy_declarations")
    if value is None:
        return []
    if not isinstance(value, list):
        notes.warn(
            f"'privacy_declarations' is {_kind(value)} in the manifest, not a list of "
            "declarations; left out"
        )
        return []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            notes.warn(
                f"privacy declaration {number} is {_kind(item)} in the manifest, not a "
                "declaration with its fields; left out"
            )
    return _declaration_items(system)


def _declaration_items(system: dict[str, Any]) -> list[dict[str, Any]]:
    """The system's privacy declarations that are declarations, without a word (the warnings
    are the system's own, given once by ``_declarations``)."""
    value = system.get("privacy_declarations")
    return [d for d in value if isinstance(d, dict)] if isinstance(value, list) else []


def _warn_not_text(item: dict[str, Any], keys: tuple[str, ...], notes: Notes) -> None:
    """A warning for each of ``keys`` that holds something other than text: it is left out,
    and the draft would otherwise say nothing of what it lost."""
    for key in keys:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            notes.warn(f"'{key}' is {_kind(value)} in the manifest, not text; left out")


def _kind(value: object) -> str:
    """What a YAML value is, in the words of the person who wrote the manifest."""
    if isinstance(value, bool):
        return "a yes/no"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of named fields"
    return "a date" if value is not None else "empty"


def _name(key: str, names: dict[str, str]) -> str:
    return names.get(key) or key.rpartition(".")[2].replace("_", " ")


def _fields(system: dict[str, Any], names: dict[str, str], notes: Notes) -> dict[str, Any]:
    declarations = _declarations(system, notes)
    responsibility = _keys(system, "responsibility")
    processor = "Controller" not in responsibility and any("Processor" in r for r in responsibility)
    _warn_not_text(system, ("name", "fides_key", "description", "data_security_practices"), notes)
    fields: dict[str, Any] = {
        "name": _text(system, "name") or _text(system, "fides_key") or "Fides system",
    }
    if description := _text(system, "description"):
        fields["description"] = description
    fields["role"] = "processor" if processor else "controller"
    purposes = [_purpose(d, names, notes) for d in declarations]
    if purposes:
        fields["purposes"] = purposes
    subjects = [_name(k, names) for d in declarations for k in _keys(d, "data_subjects")]
    if subjects:
        fields["data_subjects"] = list(dict.fromkeys(subjects))
    if categories := _categories(declarations, names):
        fields["personal_data"] = categories
    parties = [p for d in declarations for p in _text(d, "third_parties").split("; ") if p]
    if parties:
        fields["recipients"] = [{"name": p, "type": "other"} for p in dict.fromkeys(parties)]
    if retention := _retention(declarations, notes):
        fields["retention"] = retention
    if security := _text(system, "data_security_practices"):
        fields["security_description"] = security
    _system_notes(system, notes)
    return fields


def _purpose(declaration: dict[str, Any], names: dict[str, str], notes: Notes) -> dict[str, str]:
    use = _text(declaration, "data_use")
    purpose = {"description": _text(declaration, "name") or _name(use, names) or "unnamed use"}
    basis = BASIS_OF.get(_text(declaration, "legal_basis_for_processing"))
    if basis is not None:
        purpose["legal_basis"] = basis.value
    elif _text(declaration, "legal_basis_for_processing"):
        notes.add(f"Legal basis in Fides: {_text(declaration, 'legal_basis_for_processing')}")
    if use:
        notes.add(f"Fides data use of '{purpose['description']}': {use}")
    return purpose


def _categories(declarations: list[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for declaration in declarations:
        art9 = ART9_OF.get(_text(declaration, "special_category_legal_basis"))
        for key in _keys(declaration, "data_categories"):
            if key == "user":
                continue
            entry = found.setdefault(key, {"name": _name(key, names)})
            special = next((v for p, v in SPECIAL_OF.items() if key.startswith(f"{p}.")), None)
            if special is not None:
                entry["special_category"] = special
                if art9 is not None:
                    entry["art9_condition"] = art9.value
            if key.startswith("user.criminal_history"):
                entry["criminal_offence_data"] = True
    return list(found.values())


def _retention(declarations: list[dict[str, Any]], notes: Notes) -> dict[str, Any] | None:
    periods = [_text(d, "retention_period") for d in declarations if _text(d, "retention_period")]
    if not periods:
        return None
    parsed = parse_retention(periods[0])
    one = parsed is None and len(set(periods)) == 1
    event = parse_until(periods[0]) if one else None
    if event is not None:  # "until ...", as complykit exports a retention without a period
        return {"until": event}
    if one and (permanent := kept_for_good(periods[0])) is not None:  # exported "permanent"
        return permanent
    if parsed is None or len(set(periods)) > 1:
        notes.add(f"Retention in Fides: {'; '.join(dict.fromkeys(periods))}")
        notes.warn("retention not a single period complykit reads; kept in notes")
    if parsed is None:
        return None
    return {"period": parsed.period.iso(), "trigger": parsed.trigger or NO_TRIGGER}


def _system_notes(system: dict[str, Any], notes: Notes) -> None:
    notes.add(f"Fides system: {_text(system, 'fides_key')}")
    if system.get("does_international_transfers") is True:
        grounds = ", ".join(_keys(system, "legal_basis_for_transfers")) or "no ground given"
        notes.add(f"International transfers in Fides ({grounds}); add the countries as transfers")
        notes.warn("international transfers without countries; kept in notes")
    for key in ("dataset_references", "egress", "ingress"):
        if refs := _keys(system, key):
            notes.add(f"Fides {key.replace('_', ' ')}: {', '.join(refs)}")


def _references(manifest: dict[str, list[dict[str, Any]]], systems: list[Outcome]) -> list[Outcome]:
    """Datasets and taxonomy entries, each joined to the first system that uses it."""
    users: dict[str, Outcome] = {}
    for system, outcome in zip(manifest["system"], systems, strict=True):
        for key in _used_keys(system):
            users.setdefault(key, outcome)
    outcomes = []
    for kind in ("dataset", *TAXONOMY):
        for index, item in enumerate(manifest.get(kind, []), 1):
            home = users.get(str(item.get("fides_key")))
            if home is None:
                reason = "no system of the manifest uses it"
                outcomes.append(Outcome(kind, index, Status.UNMATCHED, None, (reason,)))
            elif home.reported:
                reason = f"the system that uses it ({home.path}) was not imported"
                outcomes.append(Outcome(kind, index, Status.INVALID, None, (reason,)))
            else:
                outcomes.append(Outcome(kind, index, Status.JOINED, home.path, ()))
    return outcomes


def _used_keys(system: dict[str, Any]) -> set[str]:
    used = set(_keys(system, "dataset_references"))
    for declaration in _declaration_items(system):
        used.update(_keys(declaration, "data_categories"))
        used.update(_keys(declaration, "data_subjects"))
        used.update(_keys(declaration, "dataset_references"))
        used.add(_text(declaration, "data_use"))
    return used

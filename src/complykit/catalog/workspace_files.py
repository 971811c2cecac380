"""A workspace's own ``catalogs/`` folder, read as the untrusted input it is.

The files go through the record loader (safe tags only, no anchors or aliases, size and depth
limits, no duplicate keys, no link out of the workspace, FIFOs never opened), and every
problem is a finding at file:line:col, relative to the workspace. A file with a problem is
left out; the bundled catalogs and the other workspace files still count.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.errors import CatalogError
from complykit.catalog.load import CatalogFile, Loaded, assemble, model_for
from complykit.core.findings import Finding, Severity
from complykit.load.files import read_inside, unread_finding
from complykit.load.yaml_file import YamlDocument, parse_yaml
from complykit.model.compiled import ValidationError
from complykit.model.prebuilt import validate_python
from complykit.model.validate import error_finding

FOLDER = "catalogs"
MAX_FILES = 200
_CODE = "SCH007"


def workspace_catalogs(root: Path, bundled: CatalogSet) -> tuple[CatalogSet, tuple[Finding, ...]]:
    """The bundled catalogs plus the valid files of ``root/catalogs``, and the findings."""
    folder = root / FOLDER
    if not folder.is_dir() and not folder.is_symlink():
        return bundled, ()
    findings: list[Finding] = []
    paths = [
        *_yaml_files(root, folder, findings),
        *_yaml_files(root, folder / "mappings", findings),
    ]
    if len(paths) > MAX_FILES:
        message = f"catalogs/ holds {len(paths)} files; only the first {MAX_FILES} are read"
        findings.append(_finding(PurePosixPath(FOLDER), message))
    accepted: Loaded = []
    for path in paths[:MAX_FILES]:
        rel = PurePosixPath(path.relative_to(root).as_posix())
        model, problems = _read(root, path, rel)
        if model is not None:
            problems = _clash([*accepted, (Path(rel), model)], rel, bundled)
            accepted += [] if problems else [(Path(rel), model)]
        findings.extend(problems)
    return assemble(accepted, base=bundled), tuple(findings)


def _yaml_files(root: Path, directory: Path, findings: list[Finding]) -> list[Path]:
    rel = PurePosixPath(directory.relative_to(root).as_posix())
    try:
        if not directory.resolve().is_relative_to(root.resolve()):
            message = "the folder links outside the workspace and is not read"
            findings.append(Finding(rel, 1, 1, "YAML009", Severity.ERROR, message))
            return []
        return sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"})
    except (OSError, RuntimeError):
        return []  # no mappings/ folder, or catalogs/ is not a folder: nothing to read


Read = tuple[CatalogFile | None, list[Finding]]


def _read(root: Path, path: Path, rel: PurePosixPath) -> Read:
    raw = read_inside(root, path)
    if isinstance(raw, str):
        return None, [unread_finding(rel, raw)]
    parsed = parse_yaml(rel, raw)
    if parsed.findings:
        return None, list(parsed.findings)
    if len(parsed.documents) != 1 or not isinstance(parsed.documents[0].data, dict):
        message = "a catalog file is one mapping with a 'framework', 'mapping' or 'countries' key"
        return None, [_finding(rel, message)]
    return _validate(rel, parsed.documents[0])


def _validate(rel: PurePosixPath, document: YamlDocument) -> Read:
    model = model_for(document.data)
    try:
        return validate_python(model, document.data), []
    except ValidationError as error:
        errors = error.errors(include_url=False)
        return None, [error_finding(rel, document, e, model) for e in errors[:20]]


def _clash(candidate: Loaded, rel: PurePosixPath, bundled: CatalogSet) -> list[Finding]:
    """A finding when the last file of ``candidate`` cannot join the files before it."""
    try:
        assemble(candidate, base=bundled)
    except CatalogError as error:
        return [_finding(rel, str(error).removeprefix(f"{rel}: "))]
    return []


def _finding(rel: PurePosixPath, message: str) -> Finding:
    return Finding(rel, 1, 1, _CODE, Severity.ERROR, message, hint="Fix or remove the file.")

"""Third-party JSON Schema tools accept the published schemas and agree with complykit.

JSON Schema patterns are ECMA-262 regular expressions: editors (the YAML language server) and
check-jsonschema compile them as such, so a Python-only construct breaks them for every user.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import check_jsonschema  # type: ignore[import-untyped]
import pytest
import regress
import yaml
from click.testing import CliRunner

from complykit.authoring.schema import output_schema_documents, schema_documents
from complykit.load.discover import CONFIG_FILENAME, record_files
from complykit.validate.engine import run
from conftest import CASES, EXAMPLE, REPO

SCHEMAS = REPO / "schemas"
# Findings that mean "this file does not fit its schema"; SCH001 (unknown kind) has no schema
# to ask, and SCH006 depends on the workspace's configured scale, which no schema can know.
# YAML001 and YAML002 are parse errors for check-jsonschema too (its YAML loader refuses
# duplicate keys), so a file either tool cannot parse is a failure for both.
SCHEMA_VERDICT_CODES = frozenset({"SCH002", "SCH003", "SCH004", "SCH005", "YAML001", "YAML002"})
# Files whose fault no JSON Schema can see, each with why: complykit refuses them, the schema
# tools accept them, and the test says so rather than pretending they agree.
BEYOND_JSON_SCHEMA = {
    # Two dates of one record compared: JSON Schema compares a value with constants only.
    CASES / "SCH004" / "acceptance-ends-before-it-was-given" / "risk.yaml",
    # A `still_available` that names no place ("nee", "n.v.t.", "unknown", a bare "ja"): the
    # none-words of four languages, in any case, are a vocabulary, not a pattern a schema holds.
    CASES / "SCH004" / "still-available-says-no" / "incident.yaml",
}
WORKSPACES = [EXAMPLE, *sorted(p.parent for p in CASES.glob("*/*/complykit.yaml"))]
WORKSPACES += sorted(p.parent for p in CASES.glob("SCH*/*/expected.yaml"))


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


ALL_SCHEMAS = {**schema_documents(), **output_schema_documents()}


@pytest.mark.parametrize("name", sorted(ALL_SCHEMAS))
def test_every_pattern_is_ecma_262(name: str) -> None:
    """Every `pattern` in a generated schema compiles as an ECMA-262 regular expression."""
    patterns = set(_patterns(json.loads(ALL_SCHEMAS[name])))
    for pattern in patterns:
        regress.Regex(pattern)  # raises RegressError on Python-only syntax


def test_duration_pattern_means_the_same_in_ecma_262() -> None:
    """The published duration pattern accepts and refuses the same strings as the model."""
    schema = json.loads(schema_documents()["task.schema.json"])
    [pattern] = {p for p in _patterns(schema) if p.startswith("^P")}
    regex = regress.Regex(pattern)
    for text in ("P2Y", "P6M", "P1Y2M3W4D", "PT72H", "P1DT12H"):
        assert regex.find(text) is not None, text
    for text in ("P", "PT", "P1H", "2Y", "P1.5Y", "P-1D", "P1YT"):
        assert regex.find(text) is None, text


def test_check_jsonschema_accepts_every_schema() -> None:
    """check-jsonschema, with default settings, finds every committed schema valid."""
    files = sorted(str(p) for p in SCHEMAS.rglob("*.schema.json"))
    assert len(files) > 15
    done = CliRunner().invoke(check_jsonschema.main, ["--check-metaschema", *files])
    assert done.exit_code == 0, done.output


def _kind(path: Path) -> str | None:
    if path.name == CONFIG_FILENAME:
        return "config"
    try:
        data = yaml.load(path.read_bytes(), Loader=yaml.CBaseLoader)  # noqa: S506 - strings only
    except yaml.YAMLError:
        return None
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None  # `kind: [risk]` names no schema


def _kinds(root: Path) -> dict[Path, str]:
    """Each file of the workspace that has a schema to check it against, and that schema."""
    known = {name.removesuffix(".schema.json") for name in schema_documents()}
    files = [root / CONFIG_FILENAME, *record_files(root, ["expected.yaml"])]
    kinds = {path: _kind(path) for path in files if path.exists()}
    return {path: kind for path, kind in kinds.items() if kind in known}


def _check_jsonschema_failures(files: dict[Path, str]) -> set[Path]:
    # In-process through its own Click command: the same code path as the command line,
    # without paying the interpreter start-up once per schema.
    failing = set()
    for kind in sorted(set(files.values())):
        group = sorted(str(p) for p, k in files.items() if k == kind)
        schema = SCHEMAS / f"{kind}.schema.json"
        args = ["-o", "json", "--schemafile", str(schema), *group]
        report = json.loads(CliRunner().invoke(check_jsonschema.main, args).stdout)
        failing |= {
            Path(e["filename"]) for e in report.get("errors", []) + report.get("parse_errors", [])
        }
    return failing


def _complykit_failures(root: Path, make_workspace: Any) -> set[Path]:
    workspace = root if (root / CONFIG_FILENAME).exists() else make_workspace(root)
    result = run(workspace, as_of=date(2026, 11, 23))
    return {root / f.path for f in result.findings if f.code in SCHEMA_VERDICT_CODES}


def test_check_jsonschema_agrees_with_validate(make_workspace: Any) -> None:
    """On every example and case file, check-jsonschema and complykit give the same verdict."""
    files = {p: k for root in WORKSPACES for p, k in _kinds(root).items()}
    ours = set().union(*(_complykit_failures(root, make_workspace) for root in WORKSPACES))
    theirs = _check_jsonschema_failures(files)
    assert {p for p in ours if p in files} == theirs | BEYOND_JSON_SCHEMA
    assert not theirs & BEYOND_JSON_SCHEMA  # were a schema to see one, it leaves the list
    assert len(files) > 150
    assert len(theirs) >= 4

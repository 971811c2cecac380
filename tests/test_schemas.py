"""schemas/ is generated from the models, fresh, and agrees with the models on real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from complykit.authoring.schema import GENERATED, schema_documents, write_schemas
from complykit.core.errors import ComplykitError
from complykit.load.discover import record_files, relative
from complykit.load.yaml_file import parse_yaml
from conftest import CASES, EXAMPLE, REPO

SCHEMAS = REPO / "schemas"


def test_committed_schemas_are_fresh() -> None:
    """Every committed schema equals what the models generate now (run `complykit schema`)."""
    generated = schema_documents()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == generated


def test_schemas_are_valid_json_schema() -> None:
    """Each generated schema is itself a valid draft 2020-12 schema."""
    for text in schema_documents().values():
        jsonschema.Draft202012Validator.check_schema(json.loads(text))


def _documents(root: Path) -> list[tuple[str, Any]]:
    return [
        (path.name, document.data)
        for path in record_files(root, ["expected.yaml"])
        for document in parse_yaml(relative(root, path), path.read_bytes()).documents
    ]


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_documents()[f"{kind}.schema.json"])
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the example workspace is not present")
def test_example_records_pass_the_published_schemas() -> None:
    """The published schemas accept every record of the bundled example."""
    for name, data in _documents(EXAMPLE):
        errors = list(_validator(data["kind"]).iter_errors(data))
        assert not errors, (name, errors[0].message)


@pytest.mark.parametrize(
    "case", ["SCH002/missing-field", "SCH003/unknown-field", "SCH004/wrong-type"]
)
def test_invalid_records_fail_the_published_schemas(case: str) -> None:
    """Records the models refuse are refused by the published schemas too."""
    [(_, data)] = _documents(CASES / case)
    assert list(_validator(data["kind"]).iter_errors(data))


def test_schema_writer_never_overwrites_a_foreign_file(tmp_path: Path) -> None:
    """A file in the output folder that complykit did not generate is left alone."""
    foreign = tmp_path / "risk.schema.json"
    foreign.write_text('{"mine": true}', encoding="utf-8")
    with pytest.raises(ComplykitError):
        write_schemas(tmp_path)
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}'
    assert not (tmp_path / "supplier.schema.json").exists()


def test_schema_writer_refreshes_its_own_files(tmp_path: Path) -> None:
    """Generated files are rewritten on the next run."""
    write_schemas(tmp_path)
    written = write_schemas(tmp_path)
    assert all(GENERATED in p.read_text(encoding="utf-8") for p in written)

"""schemas/output/ is generated from the output types, fresh, and describes real output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from complykit.authoring.schema import output_schema_documents
from complykit.cli.app import app
from conftest import CASES, EXAMPLE, REPO, MakeWorkspace
from unit.diff.gitrepo import HEALTH, GitRepo, workspace_repo

OUTPUT_SCHEMAS = REPO / "schemas" / "output"
AS_OF = ["--as-of", "2026-11-23"]
runner = CliRunner()


def test_committed_output_schemas_are_fresh() -> None:
    """Every committed output schema equals what the types generate (run `complykit schema`)."""
    committed = {p.name: p.read_text(encoding="utf-8") for p in OUTPUT_SCHEMAS.glob("*.json")}
    assert committed == output_schema_documents()


def _check(schema_name: str, *args: str) -> dict[str, Any] | list[Any]:
    result = runner.invoke(app, list(args))
    assert result.exit_code in {0, 1}, result.output
    document = json.loads(result.stdout)
    schema = json.loads((OUTPUT_SCHEMAS / f"{schema_name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert not errors, [(list(e.absolute_path), e.message) for e in errors[:3]]
    return document  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("schema_name", "args"),
    [
        ("validate", ["validate", str(EXAMPLE), "-f", "json", *AS_OF]),
        ("rules", ["rules", "-f", "json"]),
        ("catalog-list", ["catalog", "list", "-f", "json"]),
        ("catalog-show", ["catalog", "show", "iso27001-2022", "-f", "json"]),
        ("catalog-item", ["catalog", "show", "iso27001-2022", "A.5.1", "-f", "json"]),
        ("catalog-search", ["catalog", "search", "transfer", "-f", "json"]),
        ("coverage", ["coverage", str(EXAMPLE), "-f", "json", *AS_OF]),
        ("coverage", ["coverage", str(EXAMPLE), "--framework", "gdpr", "-f", "json", *AS_OF]),
    ],
)
def test_real_output_fits_its_schema(schema_name: str, args: list[str]) -> None:
    """Each command's JSON output on the example validates against its published schema."""
    _check(schema_name, *args)


def test_validate_output_with_findings_and_waivers_fits(make_workspace: MakeWorkspace) -> None:
    """Findings, hints, citations and waived findings all fit the validate schema."""
    cases = sorted(p.parent for p in CASES.glob("WVR*/*/expected.yaml"))
    cases += sorted(p.parent for p in CASES.glob("GDPR00*/*/expected.yaml"))[:3]
    waived = 0
    for case in cases:
        document = _check("validate", "validate", str(make_workspace(case)), "-f", "json", *AS_OF)
        assert isinstance(document, dict)
        waived += len(document["waived"])
    assert waived


def test_diff_output_fits_its_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A diff with a changed record, a new finding and a notable change fits the diff schema."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo: GitRepo = workspace_repo(tmp_path / "repo")
    repo.edit(
        "register/newsletter.yaml",
        "  - name: contact details\n",
        "  - name: contact details\n" + HEALTH,
    )
    document = _check("diff", "diff", "HEAD", str(repo.workspace), "-f", "json", *AS_OF)
    assert isinstance(document, dict)
    assert document["findings"]["new"]
    assert document["records"]["changed"]

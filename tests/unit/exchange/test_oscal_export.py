"""export oscal: the example's SoAs and controls validate against the official OSCAL JSON
Schemas of both versions, with stable UUIDs and no catalog text copied."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.exchange.oscal.component import component_definition
from complykit.exchange.oscal.ssp import ssp
from complykit.model.soa import StatementOfApplicability
from complykit.workspace.open import open_repository
from complykit.workspace.repository import Repository
from conftest import EXAMPLE
from oscal_schemas import OSCAL, oscal_errors

pytestmark = pytest.mark.skipif(
    not OSCAL.is_dir(), reason="the OSCAL schemas live in ../shared/schemas/oscal, absent here"
)
VERSIONS = ("1.1.2", "1.2.1")


@pytest.fixture(scope="module")
def repo() -> Repository:
    opened, errors = open_repository(EXAMPLE, date(2026, 12, 5))
    assert errors == 0
    return opened


def _soas(repo: Repository) -> list[StatementOfApplicability]:
    return [record for _, record in repo.records(StatementOfApplicability)]


@pytest.mark.parametrize("version", VERSIONS)
def test_every_ssp_validates(repo: Repository, version: str) -> None:
    """The SSP of each of the example's three SoAs has no schema error."""
    for soa in _soas(repo):
        document = ssp(repo, soa, version)
        assert oscal_errors(document, "ssp", version) == [], soa.id
        assert document["system-security-plan"]["metadata"]["oscal-version"] == version


@pytest.mark.parametrize("version", VERSIONS)
def test_component_definition_validates(repo: Repository, version: str) -> None:
    """The component definition of the example's control records has no schema error."""
    document = component_definition(repo, version)
    assert oscal_errors(document, "component-definition", version) == []
    assert len(document["component-definition"]["components"]) == 19


def test_validator_sees_errors(repo: Repository) -> None:
    """The schema check fails a plan whose control id is no OSCAL token."""
    document = ssp(repo, _soas(repo)[0], "1.1.2")
    requirement = document["system-security-plan"]["control-implementation"][
        "implemented-requirements"
    ][0]
    requirement["control-id"] = "A 5.1"
    assert oscal_errors(document, "ssp", "1.1.2")


def test_ssp_content(repo: Repository) -> None:
    """Requirements carry statuses, owners and evidence; UUIDs repeat across exports."""
    soa = next(s for s in _soas(repo) if s.id == "soa-iso27001-2022")
    plan = ssp(repo, soa, "1.2.1")["system-security-plan"]
    assert ssp(repo, soa, "1.2.1")["system-security-plan"] == plan
    requirements = plan["control-implementation"]["implemented-requirements"]
    assert len(requirements) == len(soa.entries) == 93
    first = next(r for r in requirements if r["control-id"] == soa.entries[0].control)
    entry = soa.entries[0]
    assert first["by-components"][0]["description"] == entry.justification
    if entry.owner:
        assert first["responsible-roles"][0]["role-id"] == "control-owner"
    states = {
        by["implementation-status"]["state"] for r in requirements for by in r["by-components"]
    }
    assert states <= {"implemented", "partial", "planned", "not-applicable"}
    assert plan["import-profile"]["href"] == "#" + plan["back-matter"]["resources"][0]["uuid"]


def test_no_catalog_text_is_copied(repo: Repository) -> None:
    """No control title from the bundled ISO catalog appears in the plan."""
    soa = next(s for s in _soas(repo) if s.id == "soa-iso27001-2022")
    text = json.dumps(ssp(repo, soa, "1.1.2"))
    catalog = repo.catalogs.framework("iso27001-2022")
    assert catalog is not None
    copied = [c.title for c in catalog.controls if f'"{c.title}"' in text]
    assert copied == []


def test_cli_needs_a_soa_when_there_are_several(tmp_path: Path) -> None:
    """Without --soa the command exits 2 naming the SoAs; with it, it writes valid JSON."""
    runner = CliRunner()
    code = runner.invoke(app, ["export", "oscal", str(EXAMPLE)]).exit_code
    target = tmp_path / "ssp.json"
    result = runner.invoke(
        app,
        ["export", "oscal", str(EXAMPLE), "--soa", "soa-iso42001-2023", "--oscal-version",
         "1.2.1", "-o", str(target)],
    )  # fmt: skip
    assert (code, result.exit_code) == (2, 0)
    assert oscal_errors(json.loads(target.read_text("utf-8")), "ssp", "1.2.1") == []

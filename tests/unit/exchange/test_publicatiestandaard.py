"""export algoritmeregister --standard publicatiestandaard: records valid against the published
Publicatiestandaard 1.0.0 schema, one-line texts, links to the published register."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.exchange.publicatiestandaard import export_publicatiestandaard
from complykit.workspace.open import open_repository
from complykit.workspace.repository import Repository
from conftest import EXAMPLE, REPO

SCHEMA = REPO.parent / "shared" / "schemas" / "algoritmeregister"
pytestmark = pytest.mark.skipif(
    not SCHEMA.is_dir(), reason="the Algoritmeregister schemas live in ../shared, absent here"
)
BASE = "https://tulip-health.nl/avg/register"


@pytest.fixture(scope="module")
def repo() -> Repository:
    opened, errors = open_repository(EXAMPLE, date(2026, 12, 5))
    assert errors == 0
    return opened


def _validator() -> Draft7Validator:
    schema = json.loads((SCHEMA / "publicatiestandaard-1.0.0.schema.json").read_text("utf-8"))
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def test_every_record_validates(repo: Repository) -> None:
    """Each of the example's AI systems gives a record the published schema accepts."""
    exported = export_publicatiestandaard(repo, (), BASE)
    assert [r["source_id"] for r in exported.records] == [
        "ai-cv-screening",
        "ai-support-chatbot",
        "ai-triage-assistant",
    ]
    validator = _validator()
    for record in exported.records:
        assert [e.message for e in validator.iter_errors(record)] == []
    assert exported.skipped == []


def test_texts_have_no_line_breaks(repo: Repository) -> None:
    """The register renders HTML, so no text carries a raw line break."""
    for record in export_publicatiestandaard(repo, (), BASE).records:
        texts = [v for v in record.values() if isinstance(v, str)]
        assert not [t for t in texts if "\n" in t or "\r" in t]


def test_register_link_and_category(repo: Repository) -> None:
    """The linked activity's entry in the published register, and the category with its letter."""
    cv = export_publicatiestandaard(repo, ("ai-cv-screening",), BASE).records[0]
    assert cv["processing_register_link"] == f"{BASE}/pa-recruitment"
    assert cv["publication_category"] == "Hoog-risico AI-systeem (Categorie A)"
    assert cv["schema"] == "1.0.0"
    assert cv["language"] == "nld"


def test_missing_mandatory_fact_skips_the_system(tmp_path: Path) -> None:
    """A system without a start date is left out and named, so no invalid record is published."""
    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE, workspace)
    source = workspace / "ai" / "ai-cv-screening.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("in_use_since: 2025-12-01\n", ""), encoding="utf-8")
    opened, _ = open_repository(workspace, date(2026, 12, 5))
    exported = export_publicatiestandaard(opened, ("ai-cv-screening",), None)
    assert exported.records == []
    assert exported.skipped == ["ai-cv-screening: not exported, it lacks start_date"]
    result = CliRunner().invoke(app, ["export", "algoritmeregister", str(workspace)])
    assert result.exit_code == 1
    assert "error: ai-cv-screening: not exported, it lacks start_date" in result.stderr


def test_nothing_exported_writes_no_file(tmp_path: Path) -> None:
    """When every system asked for is skipped, no "[]" file is left behind (a second run would
    then refuse to overwrite it): exit 1 and the reason."""
    workspace = tmp_path / "ws"
    shutil.copytree(EXAMPLE, workspace)
    source = workspace / "ai" / "ai-cv-screening.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("in_use_since: 2025-12-01\n", ""), encoding="utf-8")
    target = tmp_path / "register.json"
    arguments = ["export", "algoritmeregister", str(workspace), "--system", "ai-cv-screening"]
    result = CliRunner().invoke(app, [*arguments, "--output", str(target)])
    assert result.exit_code == 1
    assert "nothing written" in result.stderr
    assert not target.exists()


def test_cli_default_is_the_standard() -> None:
    """Without --standard the command writes Publicatiestandaard records; register-api keeps the
    backend vocabulary and its process_index_url."""
    runner = CliRunner()
    standard = runner.invoke(app, ["export", "algoritmeregister", str(EXAMPLE)])
    backend = runner.invoke(
        app,
        ["export", "algoritmeregister", str(EXAMPLE), "--standard", "register-api",
         "--register-url", BASE],
    )  # fmt: skip
    assert (standard.exit_code, backend.exit_code) == (0, 0)
    assert json.loads(standard.stdout)[0]["schema"] == "1.0.0"
    first = json.loads(backend.stdout)[0]
    assert first["standard_version"] == "1.0"
    assert first["process_index_url"] == f"{BASE}/pa-recruitment"


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("HTTPS://Register.Example.nl/verwerkingen", True),  # schemes know no case
        ("https://register.example.nl/verwerkingen", True),
        ("http://register.example.nl/verwerkingen", False),
        ("https:///no-host", False),
        ("register.example.nl", False),
    ],
)
def test_the_register_url_is_any_https_url(url: str, accepted: bool) -> None:
    arguments = ["export", "algoritmeregister", str(EXAMPLE), "--standard", "register-api"]
    result = CliRunner().invoke(app, [*arguments, "--register-url", url])
    assert (result.exit_code == 0) is accepted, result.output
    assert ("must be an https:// URL" in result.stderr) is not accepted

"""A finding that cites a provision the catalogs have not confirmed says "(unverified)" beside
it in every output a person reads; machine outputs keep the citation as an identifier."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from complykit.catalog.load import load_catalogs
from complykit.cli.app import app
from complykit.formatters.citations import UNVERIFIED
from complykit.reference.explain import cite
from complykit.validate.engine import all_rules
from conftest import CASES, MakeWorkspace

runner = CliRunner()


def test_the_list_is_what_the_catalogs_mark() -> None:
    """Every provision a rule cites that the bundled catalogs mark unverified is listed, and
    nothing else: a catalog that confirms one, or a rule that cites a new one, fails here."""
    catalogs = load_catalogs()
    cited = {c for rule in all_rules().values() for c in rule.citation}
    marked = {c for c in cited if (found := cite(catalogs, c)).unverified and not found.title_only}
    assert marked == UNVERIFIED


@pytest.mark.parametrize("output_format", ["text", "markdown", "github", "junit", "sarif"])
def test_people_read_that_the_citation_is_unverified(
    make_workspace: MakeWorkspace, output_format: str
) -> None:
    root = make_workspace(CASES / "GDPR033" / "bsn-without-law")
    shown = runner.invoke(app, ["validate", str(root), "--format", output_format, "--no-cache"])
    assert shown.exit_code == 1, shown.output
    assert "GDPR Art. 87 (unverified)" in shown.output


def test_json_keeps_the_citation_as_written(make_workspace: MakeWorkspace) -> None:
    root = make_workspace(CASES / "GDPR033" / "bsn-without-law")
    shown = runner.invoke(app, ["validate", str(root), "--format", "json", "--no-cache"])
    findings = json.loads(shown.output)["findings"]
    assert ["GDPR Art. 87"] in [f["citation"] for f in findings]

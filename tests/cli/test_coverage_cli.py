"""``complykit coverage`` through Typer's runner: numbers, JSON contract and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from builders import write_workspace
from complykit.cli.app import app

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-23"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws")


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["coverage", *args, *AS_OF])
    return result.exit_code, result.stdout, result.stderr


def _json(workspace: Path, *args: str) -> Any:
    code, out, err = _run(str(workspace), "--format", "json", *args)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_gdpr_summary_counts(workspace: Path) -> None:
    """A 27701 SoA with one implemented and one partial control gives 3 met and 3 partial."""
    document = _json(workspace, "--framework", "gdpr")
    assert (document["schema_version"], document["framework"]) == ("1", "gdpr")
    assert document["summary"] == {
        "requirements": 73,
        "met": 3,
        "met_percent": 4.1,
        "partial": 3,
        "partial_percent": 4.1,
        "not_met": 67,
        "not_met_percent": 91.8,
        "unverified": 73,
    }
    assert document["sources"] == [{"framework": "iso27701-2019", "soa": "soa-iso27701-2019"}]


def test_requirement_names_its_controls(workspace: Path) -> None:
    """Art. 6(1) is met by 27701 A.7.2.2 and flagged as resting on unverified mappings."""
    requirements = {r["id"]: r for r in _json(workspace, "--framework", "gdpr")["requirements"]}
    lawful = requirements["Art. 6(1)"]
    assert (lawful["status"], lawful["unverified"]) == ("met", True)
    assert lawful["controls"] == [
        {"framework": "iso27701-2019", "id": "A.7.2.2", "title": "Identify lawful basis"}
    ]
    assert requirements["Art. 7"]["status"] == "partial"
    assert requirements["Art. 30(1)"]["status"] == "not-met"


def test_default_target_comes_from_the_config(workspace: Path) -> None:
    """Without --framework the gdpr in complykit.yaml's scope is measured."""
    assert _json(workspace)["framework"] == "gdpr"


def test_text_shows_the_summary_and_the_caveat(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text view gives the percentages and says unverified mappings are our reading."""
    monkeypatch.chdir(workspace)
    code, out, _ = _run()
    assert code == 0
    assert "73 requirements: 3 met (4.1%), 3 partial (4.1%), 67 not met (91.8%)" in out
    assert "complykit's own reading" in out
    assert "A.7.2.2" in out


def test_broken_records_warn_but_coverage_runs(workspace: Path) -> None:
    """A broken record file gives a warning on stderr; the valid SoA still counts."""
    (workspace / "broken.yaml").write_text("kind: risk\nid: [oops\n", encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(workspace), "-f", "json", *AS_OF])
    assert result.exit_code == 0
    assert "complykit validate" in result.stderr
    assert json.loads(result.stdout)["summary"]["met"] == 3


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("invalid-config", (), "complykit validate"),
        ("none", ("--framework", "gdrp"), "unknown framework 'gdrp'"),
        ("none", ("--framework", "iso27001-2013"), "no catalog maps controls onto"),
    ],
)
def test_usage_errors_exit_2(
    workspace: Path, setup: str, args: tuple[str, ...], message: str
) -> None:
    """An invalid config or an unusable framework exits 2 with the reason on stderr."""
    if setup == "invalid-config":
        (workspace / "complykit.yaml").write_text("complykit: 1\n", encoding="utf-8")
    code, out, err = _run(str(workspace), *args)
    assert (code, out) == (2, "")
    assert message in err


def test_several_frameworks_in_scope_give_a_json_array(workspace: Path) -> None:
    """With gdpr and eu-ai-act in scope, JSON is an array with one document for each."""
    config = workspace / "complykit.yaml"
    text = config.read_text(encoding="utf-8").replace("[gdpr]", "[gdpr, eu-ai-act, iso27001-2022]")
    config.write_text(text, encoding="utf-8")
    documents = _json(workspace)
    assert [d["framework"] for d in documents] == ["gdpr", "eu-ai-act"]
    assert documents[1]["sources"] == [{"framework": "iso42001-2023", "soa": None}]

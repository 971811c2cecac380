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


def _report(workspace: Path, *args: str) -> Any:
    document = _json(workspace, *args)
    assert document["schema_version"] == "1"
    [report] = document["reports"]
    return report


def test_gdpr_summary_counts(workspace: Path) -> None:
    """Controls behind related, unverified 27701 rows support 6 provisions and meet none."""
    report = _report(workspace, "--framework", "gdpr")
    assert report["framework"] == "gdpr"
    assert report["summary"] == {
        "requirements": 73,
        "measured": 0,
        "met": 0,
        "met_percent": 0.0,
        "partial": 0,
        "partial_percent": 0.0,
        "supported": 6,
        "supported_percent": 0.0,
        "not_met": 67,
        "not_met_percent": 0.0,
        "unverified": 73,
    }
    assert report["sources"] == [{"framework": "iso27701-2019", "soa": "soa-iso27701-2019"}]


def test_requirement_names_its_controls(workspace: Path) -> None:
    """Art. 6(1) is supported by 27701 A.7.2.2 through a related, unverified row, not met."""
    requirements = {r["id"]: r for r in _report(workspace, "--framework", "gdpr")["requirements"]}
    lawful = requirements["Art. 6(1)"]
    assert (lawful["status"], lawful["unverified"], lawful["measured"]) == (
        "supported",
        True,
        False,
    )
    assert lawful["controls"] == []
    assert lawful["supported_by"] == [
        {
            "framework": "iso27701-2019",
            "id": "A.7.2.2",
            "title": "Identify lawful basis",
            "strength": "related, unverified",
        }
    ]
    assert requirements["Art. 7"]["status"] == "supported"
    assert requirements["Art. 30(1)"]["status"] == "not-met"


def test_default_target_comes_from_the_config(workspace: Path) -> None:
    """Without --framework the gdpr in complykit.yaml's scope is measured."""
    assert _report(workspace)["framework"] == "gdpr"


def test_text_shows_the_summary_and_the_caveat(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text view counts, gives no percentage without verified mappings, and shows strength."""
    monkeypatch.chdir(workspace)
    code, out, _ = _run()
    assert code == 0
    assert "73 requirements: 0 met, 0 partial, 6 supported, 67 not met" in out
    assert "No requirement has a verified equivalent or subset mapping: no percentage" in out
    assert "complykit's own reading" in out
    assert "A.7.2.2 (related," in out
    assert "supported  " in out


def test_broken_records_warn_but_coverage_runs(workspace: Path) -> None:
    """A broken record file gives a warning on stderr; the valid SoA still counts."""
    (workspace / "broken.yaml").write_text("kind: risk\nid: [oops\n", encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(workspace), "-f", "json", *AS_OF])
    assert result.exit_code == 0
    assert "complykit validate" in result.stderr
    assert json.loads(result.stdout)["reports"][0]["summary"]["supported"] == 6


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


def test_several_frameworks_in_scope_give_the_same_shape(workspace: Path) -> None:
    """With gdpr and eu-ai-act in scope, JSON has the same shape, one report for each."""
    config = workspace / "complykit.yaml"
    text = config.read_text(encoding="utf-8").replace("[gdpr]", "[gdpr, eu-ai-act, iso27001-2022]")
    config.write_text(text, encoding="utf-8")
    documents = _json(workspace)["reports"]
    assert [d["framework"] for d in documents] == ["gdpr", "eu-ai-act"]
    assert documents[1]["sources"] == [{"framework": "iso42001-2023", "soa": None}]

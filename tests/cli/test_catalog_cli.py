"""``complykit catalog`` through Typer's runner: list, show and search, as text and JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.workspace.open import workspace_catalogs
from conftest import BASE_CONFIG

runner = CliRunner()

OWN_CATALOG = """\
schema_version: 1
framework:
  id: acme-baseline
  name: ACME security baseline
  edition: "1"
  publisher: ACME
  published: "2026"
  sources: [internal]
  licence: internal
  soa: true
items:
  - {id: AB-1, kind: control, title: Keep an asset list}
  - {id: AB-2, kind: control, title: Patch within 14 days}
"""


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["catalog", *args])
    return result.exit_code, result.stdout, result.stderr


def _json(*args: str) -> Any:
    code, out, err = _run(*args, "--format", "json")
    assert (code, err) == (0, "")
    return json.loads(out)


@pytest.fixture(autouse=True)
def outside_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    (root / "catalogs").mkdir(parents=True)
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    (root / "catalogs" / "acme-baseline.yaml").write_text(OWN_CATALOG, encoding="utf-8")
    return root


def test_list_outside_a_workspace_shows_the_bundled_catalogs() -> None:
    """Outside a workspace the list holds the seven bundled catalogs with counts and flags."""
    rows = {row["id"]: row for row in _json("list")["catalogs"]}
    assert sorted(rows) == [
        "dpia-criteria",
        "eu-ai-act",
        "gdpr",
        "iso27001-2013",
        "iso27001-2022",
        "iso27701-2019",
        "iso42001-2023",
    ]
    iso = rows["iso27001-2022"]
    assert (iso["counts"], iso["soa"], iso["unverified"]) == (
        {"clause": 41, "control": 93},
        True,
        False,
    )
    assert {row["source"] for row in rows.values()} == {"bundled"}


def test_list_includes_the_workspace_catalogs(workspace: Path) -> None:
    """--workspace adds the workspace's own catalogs/ folder, marked as such."""
    rows = {row["id"]: row for row in _json("list", "--workspace", str(workspace))["catalogs"]}
    assert rows["acme-baseline"]["source"] == "workspace"
    assert rows["acme-baseline"]["counts"] == {"control": 2}


def test_list_finds_the_workspace_from_the_current_folder(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run inside a workspace, the text list names its own catalog."""
    monkeypatch.chdir(workspace / "catalogs")
    code, out, _ = _run("list")
    assert code == 0
    assert "acme-baseline" in out
    assert "iso27001-2022" in out


def test_list_with_a_missing_workspace_exits_2(tmp_path: Path) -> None:
    """--workspace pointing outside any workspace is a usage error."""
    code, _, err = _run("list", "--workspace", str(tmp_path))
    assert code == 2
    assert "not inside a complykit workspace" in err


def test_show_framework_holds_every_control() -> None:
    """27001:2022 in JSON has 93 controls, A.5.1 among them with its title."""
    document = _json("show", "iso27001-2022")
    controls = [i for i in document["controls"] if i["kind"] == "control"]
    assert document["framework"]["id"] == "iso27001-2022"
    assert len(controls) == 93
    assert len(document["controls"]) == 134
    assert controls[0]["id"] == "A.5.1"
    assert controls[0]["title"] == "Policies for information security"


def test_show_gdpr_holds_articles_paragraphs_and_points() -> None:
    """The GDPR in JSON has every citable unit, Art. 30(1) included, each with a title."""
    items = _json("show", "GDPR")["controls"]
    ids = [item["id"] for item in items]
    assert "Art. 30(1)" in ids
    assert "Art. 30(1)(f)" in ids
    gdpr = workspace_catalogs(None)[0].framework("gdpr")
    assert gdpr is not None
    assert sorted(ids) == sorted(item.id for item in gdpr.items)  # every unit, none twice
    assert all(item["title"] for item in items)


def test_show_item_lists_mappings_out() -> None:
    """27701 A.7.2.2 maps to GDPR Art. 6(1), marked unverified."""
    document = _json("show", "iso27701-2019", "A.7.2.2")
    links = {(m["direction"], m["framework"], m["id"]): m for m in document["mappings"]}
    assert document["control"]["title"] == "Identify lawful basis"
    assert links["to", "gdpr", "Art. 6(1)"]["unverified"] is True


def test_show_item_lists_predecessors() -> None:
    """27001:2022 A.5.16 shows its 2013 predecessor A.9.2.1."""
    document = _json("show", "iso27001-2022", "A.5.16")
    links = [(m["direction"], m["framework"], m["id"]) for m in document["mappings"]]
    assert ("from", "iso27001-2013", "A.9.2.1") in links


def test_show_text_shows_the_item_and_the_unverified_note() -> None:
    """The text view names the item, its mapped provisions and the unverified caveat."""
    code, out, _ = _run("show", "iso27701-2019", "A.7.2.2")
    assert code == 0
    assert "A.7.2.2: Identify lawful basis" in out
    assert "Art. 6(1)" in out
    assert "complykit's own reading" in out


def test_show_framework_text_lists_titles() -> None:
    """The text view of a framework lists ids with titles."""
    code, out, _ = _run("show", "iso27001-2022")
    assert code == 0
    assert "Policies for information security" in out


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (("show", "iso27001-2023"), "unknown framework 'iso27001-2023'", "Did you mean"),
        (("show", "iso27001-2022", "A.9.2.1"), "has no item 'A.9.2.1'", "use A.5.16"),
        (("show", "iso27001-2022", "A.5.99"), "has no item 'A.5.99'", "Did you mean A.5.9"),
        (("search", "backup", "--framework", "gdrp"), "unknown framework", "Did you mean gdpr"),
    ],
)
def test_unknown_names_exit_2_with_a_suggestion(
    args: tuple[str, ...], message: str, hint: str
) -> None:
    """Unknown frameworks and items exit 2 with a suggestion on stderr."""
    code, out, err = _run(*args)
    assert (code, out) == (2, "")
    assert message in err
    assert hint in err


def test_search_filters_by_framework() -> None:
    """Searching 'backup' in 27001:2022 finds A.8.13 Information backup only."""
    document = _json("search", "backup", "--framework", "iso27001-2022")
    assert [(r["framework"], r["id"]) for r in document["results"]] == [("iso27001-2022", "A.8.13")]


def test_search_without_match_says_so() -> None:
    """A search without results says so and exits 0."""
    assert _run("search", "zzzz-nothing") == (0, "No item matches 'zzzz-nothing'.\n", "")


@pytest.mark.parametrize("text", ["", "   "])
def test_search_for_nothing_is_a_usage_error(text: str) -> None:
    """Every item contains the empty text: rather than list nothing (or everything), say so."""
    result = CliRunner().invoke(app, ["catalog", "search", text])
    assert result.exit_code == 2
    assert "give words to search for" in result.stderr

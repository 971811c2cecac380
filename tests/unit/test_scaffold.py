"""scaffold: a Statement of Applicability drafted from a catalog, written only where none exists."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from complykit.authoring.scaffold import init_soa, scalar, soa_text, write_new
from complykit.catalog import load_catalogs
from complykit.core.errors import ComplykitError
from complykit.validate.engine import run
from conftest import REPO

SOA_FRAMEWORKS = {"iso27001-2022": 93, "iso27701-2019": 49, "iso42001-2023": 38}
SCHEMA = REPO / "schemas" / "statement-of-applicability.schema.json"


def test_text_lists_every_control_to_decide() -> None:
    """The draft for 27001:2022 has the 93 Annex A controls, each undecided and to decide."""
    catalog = load_catalogs().framework("iso27001-2022")
    assert catalog is not None
    data = yaml.safe_load(soa_text(catalog, None))
    assert [e["control"] for e in data["entries"]] == [c.id for c in catalog.controls]
    assert len(data["entries"]) == 93
    assert {(e["applicable"], e["status"]) for e in data["entries"]} == {(None, "to-decide")}
    assert (data["kind"], data["id"], data["framework"]) == (
        "statement-of-applicability",
        "soa-iso27001-2022",
        "iso27001-2022",
    )


def test_text_names_each_control_in_a_comment() -> None:
    """Each entry is preceded by a comment with the control's id and title."""
    catalog = load_catalogs().framework("iso27001-2022")
    assert catalog is not None
    lines = soa_text(catalog, None).splitlines()
    at = lines.index("  - control: A.5.1")
    assert lines[at - 1] == "  # A.5.1 Policies for information security"
    assert not lines[0].startswith("# yaml-language-server")


def test_text_passes_the_published_schema() -> None:
    """Every SoA draft validates against schemas/statement-of-applicability.schema.json."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for framework in SOA_FRAMEWORKS:
        catalog = load_catalogs().framework(framework)
        assert catalog is not None
        jsonschema.validate(yaml.safe_load(soa_text(catalog, None)), schema)


@pytest.mark.parametrize("text", ["A.5.1", "Art. 6(1)", "B.8.2.6"])
def test_scalar_keeps_ids_plain(text: str) -> None:
    """Ordinary control ids are written without quotes."""
    assert scalar(text) == text


@pytest.mark.parametrize("text", ["1.2", "yes", "Null", "5.4", "a: b", "x #y", "2024-01-01", ""])
def test_scalar_quotes_look_alikes(text: str) -> None:
    """Numbers, booleans, nulls, dates and indicator characters are quoted."""
    assert scalar(text).startswith('"')


@given(st.text(st.characters(exclude_categories=["Cs"])))
def test_scalar_reads_back_as_the_same_string(text: str) -> None:
    """Whatever the text, control characters and the line breaks YAML knows besides the
    newline (NEL, U+2028, U+2029) included, the scalar loads back as that exact string."""
    assert yaml.safe_load(f"key: {scalar(text)}\n")["key"] == text


@pytest.mark.parametrize(("framework", "controls"), SOA_FRAMEWORKS.items())
def test_init_writes_a_valid_record(workspace: Path, framework: str, controls: int) -> None:
    """After init, validate reports no YAML or schema finding for the new file."""
    draft = init_soa(workspace, framework)
    result = run(workspace, as_of=date(2026, 11, 23))
    mine = [f for f in result.findings if f.path.as_posix() == f"soa/{framework}.yaml"]
    assert draft.path == workspace.resolve() / "soa" / f"{framework}.yaml"
    assert draft.controls == controls
    assert [f for f in mine if f.code.startswith(("YAML", "SCH", "REF"))] == []


def test_init_accepts_an_alias(workspace: Path) -> None:
    """An alias names the framework; the file and id use its canonical id."""
    draft = init_soa(workspace, "ISO/IEC 27001:2022")
    assert draft.path.name == "iso27001-2022.yaml"
    assert "id: soa-iso27001-2022\n" in draft.path.read_text(encoding="utf-8")


def test_init_points_the_modeline_at_a_schemas_folder(tmp_path: Path, workspace: Path) -> None:
    """A schemas/ folder above the workspace gives a relative $schema modeline."""
    (tmp_path / "schemas").mkdir()
    shutil.copy(SCHEMA, tmp_path / "schemas" / SCHEMA.name)
    text = init_soa(workspace, "iso27001-2022").path.read_text(encoding="utf-8")
    expected = (
        "# yaml-language-server: $schema=../../schemas/statement-of-applicability.schema.json"
    )
    assert text.splitlines()[0] == expected


@pytest.mark.parametrize(
    ("existing", "message"),
    [
        ("kind: risk\nid: soa-iso27001-2022\n", "already has a record with id 'soa-iso27001-2022'"),
        (
            "kind: statement-of-applicability\nid: isms-soa\nframework: iso27001-2022\n",
            "already holds a Statement of Applicability for iso27001-2022",
        ),
    ],
)
def test_init_refuses_a_claimed_framework(workspace: Path, existing: str, message: str) -> None:
    """A record with the SoA's id, or another SoA for the framework, blocks a second draft."""
    (workspace / "records.yaml").write_text(existing, encoding="utf-8")
    with pytest.raises(ComplykitError, match=message):
        init_soa(workspace, "iso27001-2022")
    assert not (workspace / "soa").exists()


def test_init_never_overwrites(workspace: Path) -> None:
    """An existing file at the target stays byte-identical."""
    target = workspace / "soa" / "iso27001-2022.yaml"
    target.parent.mkdir()
    target.write_bytes(b"# mine\n")
    with pytest.raises(ComplykitError, match="already exists"):
        init_soa(workspace, "iso27001-2022")
    assert target.read_bytes() == b"# mine\n"


@pytest.mark.parametrize(("framework", "message"), [("gdpr", "soa: false"), ("iso9001", "unknown")])
def test_init_needs_an_soa_framework(workspace: Path, framework: str, message: str) -> None:
    """Frameworks without `soa: true` and unknown names are refused."""
    with pytest.raises(ComplykitError, match=message):
        init_soa(workspace, framework)


def test_write_new_refuses_an_existing_file_and_leaves_no_temp(tmp_path: Path) -> None:
    """write_new fails on an existing file and removes its temporary file either way."""
    target = tmp_path / "out" / "a.yaml"
    write_new(target, "one\n")
    with pytest.raises(ComplykitError, match="already exists"):
        write_new(target, "two\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.yaml"]

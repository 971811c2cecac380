"""import soa: a Statement of Applicability kept as a table becomes the one record, every
control of the catalog listed, each row accounted for."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.core.errors import ComplykitError
from complykit.exchange.outcome import Status
from complykit.exchange.soa_controls import control_id
from complykit.exchange.soa_import import HEADERS, import_soa
from complykit.validate.engine import run
from conftest import REPO
from workbooks import Sheets, xlsx

DUTCH_SOA: Sheets = {
    "VvT": [
        ["Verklaring van toepasselijkheid ISO 27001:2022"],
        [],
        ["Beheersmaatregel", "Titel", "Van toepassing", "Onderbouwing", "Status", "Bewijs",
         "Eigenaar"],
        ["A.5.1", "Beleidsregels voor informatiebeveiliging", "Ja", "Risicobehandeling",
         "Geïmplementeerd", "ISMS-beleid v2.1", "CISO"],
        ["5.2", "Rollen en verantwoordelijkheden", "Ja", "Risicobehandeling", "Gedeeltelijk",
         None, None],
        ["A.7.4", "Monitoren van fysieke beveiliging", "Nee", "Geen eigen kantoor", "n.v.t.",
         None, None],
        ["A 8.13 Back-up van informatie", None, "Ja", "Risico R01", "In uitvoering",
         "policies/backup.md", None],
        ["A.9.9", "Bestaat niet", "Ja", None, None, None, None],
        ["A.5.1", "Dubbel", "Ja", None, None, None, None],
    ],
}  # fmt: skip


def _soa(root: Path) -> dict[str, Any]:
    data = yaml.safe_load((root / "soa" / "soa-iso27001-2022.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_dutch_soa_table(workspace: Path, tmp_path: Path) -> None:
    """Ids written in several ways join their catalog control; words give applicability and
    status; a row for a control not in the catalog, or listed twice, is reported."""
    report = import_soa(workspace, xlsx(tmp_path / "vvt.xlsx", DUTCH_SOA), "iso27001-2022")
    assert [(o.row, o.status) for o in report.outcomes] == [
        (3, Status.CREATED),
        (4, Status.JOINED),
        (5, Status.JOINED),
        (6, Status.JOINED),
        (7, Status.JOINED),
        (8, Status.INVALID),
        (9, Status.INVALID),
    ]
    assert report.outcomes[5].messages == ("control 'A.9.9' is no control of iso27001-2022",)
    assert report.outcomes[6].messages == ("control 'A.5.1' listed twice",)
    assert report.unknown_columns == ()  # the title is the catalog's
    entries = {e["control"]: e for e in _soa(workspace)["entries"]}
    assert len(entries) == 93  # every control, those the table left out still to decide
    assert entries["A.5.1"] == {
        "control": "A.5.1",
        "applicable": True,
        "justification": "Risicobehandeling",
        "status": "implemented",
        "owner": "ciso",  # CISO: the person's id
    }
    assert entries["A.5.2"]["status"] == "partially-implemented"
    assert entries["A.7.4"] == {
        "control": "A.7.4",
        "applicable": False,
        "justification": "Geen eigen kantoor",
        "status": "not-applicable",
    }
    assert entries["A.8.13"]["evidence"] == ["policies/backup.md"]
    assert entries["A.5.3"] == {"control": "A.5.3"}
    notes = _soa(workspace)["notes"]
    assert "A.5.1 evidence as written in the table: ISMS-beleid v2.1" in notes
    assert "Eigenaar" not in notes


TEMPLATE_SOA: Sheets = {
    "SoA": [
        ["Control", "Control title", "Applicable?", "Justification", "LR", "CO", "BR/BP", "RRA",
         "Implementation status"],
        ["A.5.1", "Policies for information security", "Yes", "Required by the ISMS", None,
         None, "X", "x", "Implemented"],
        ["A.5.31", "Legal, statutory, regulatory and contractual requirements", "Yes",
         "Our obligations", "GDPR, NIS2", "✓", None, None, "Partially implemented"],
        ["A.7.4", "Physical security monitoring", "No", "No premises of our own", None, None,
         None, "No", "Not applicable"],
    ],
}  # fmt: skip


def test_reason_columns_of_the_common_templates(workspace: Path, tmp_path: Path) -> None:
    """The LR / CO / BR/BP / RRA columns, marked per row, become the entry's reason codes; a
    cell that says more than a mark (the laws) is kept in notes; a no marks nothing."""
    report = import_soa(workspace, xlsx(tmp_path / "soa.xlsx", TEMPLATE_SOA), "iso27001-2022")
    assert not report.reported
    assert report.unknown_columns == ()
    entries = {e["control"]: e for e in _soa(workspace)["entries"]}
    assert entries["A.5.1"]["reasons"] == ["business", "risk-treatment"]
    assert entries["A.5.31"]["reasons"] == ["legal", "contractual"]
    assert entries["A.5.31"]["status"] == "partially-implemented"
    assert "reasons" not in entries["A.7.4"]
    assert _soa(workspace)["notes"] == "A.5.31 legal as written in the table: GDPR, NIS2"


def test_owners_by_name_or_role(workspace: Path, tmp_path: Path) -> None:
    """An owner is the person complykit.yaml lists by that name, id, e-mail or a role only
    they hold; anyone else is kept in notes, with a warning."""
    table = {
        "SoA": [
            ["Control", "Applicable", "Owner"],
            ["A.5.1", "Yes", "Chris Smit"],
            ["A.5.34", "Yes", "data protection officer"],
            ["A.8.13", "Yes", "IT-afdeling"],
        ]
    }
    report = import_soa(workspace, xlsx(tmp_path / "soa.xlsx", table), "iso27001-2022")
    entries = {e["control"]: e for e in _soa(workspace)["entries"]}
    assert (entries["A.5.1"]["owner"], entries["A.5.34"]["owner"]) == ("ciso", "dpo")
    assert "owner" not in entries["A.8.13"]
    assert _soa(workspace)["notes"] == "A.8.13 owner as written in the table: IT-afdeling"
    warned = "A.8.13: owner 'IT-afdeling' is no person in complykit.yaml"
    assert [o.messages for o in report.outcomes if o.messages] == [
        (f"{warned} (by id, name, e-mail or a role only one person holds); kept in notes",)
    ]


def test_the_imported_soa_validates(workspace: Path, tmp_path: Path) -> None:
    """The record loads without YAML or schema findings; the SoA rules then judge it."""
    import_soa(workspace, xlsx(tmp_path / "vvt.xlsx", DUTCH_SOA), "iso27001-2022")
    found = run(workspace, as_of=date(2026, 12, 7)).findings
    assert not [f for f in found if f.code.startswith(("YAML", "SCH"))]
    assert any(f.code == "SOA007" for f in found)  # controls still to decide


def test_never_overwrites_and_strict_writes_nothing(workspace: Path, tmp_path: Path) -> None:
    source = xlsx(tmp_path / "vvt.xlsx", DUTCH_SOA)
    strict = import_soa(workspace, source, "iso27001-2022", strict=True)
    assert not strict.written
    assert not (workspace / "soa" / "soa-iso27001-2022.yaml").exists()
    import_soa(workspace, source, "iso27001-2022")
    again = import_soa(workspace, source, "iso27001-2022")
    assert again.outcomes[0].status is Status.EXISTS


def test_an_unknown_framework_or_table(workspace: Path, tmp_path: Path) -> None:
    with pytest.raises(ComplykitError, match="unknown framework"):
        import_soa(workspace, xlsx(tmp_path / "vvt.xlsx", DUTCH_SOA), "iso9001")
    other = xlsx(tmp_path / "other.xlsx", {"Sheet": [["Naam", "Doel"], ["x", "y"]]})
    with pytest.raises(ComplykitError, match="no header row with a control column"):
        import_soa(workspace, other, "iso27001-2022")


def test_cli_import_soa(workspace: Path, tmp_path: Path) -> None:
    source = xlsx(tmp_path / "vvt.xlsx", DUTCH_SOA)
    result = CliRunner().invoke(app, ["import", "soa", str(source), str(workspace)])
    assert result.exit_code == 0, result.output
    assert "created soa/soa-iso27001-2022.yaml" in result.output
    assert "controls read as iso27001-2022: 5 of 6 rows" in result.output
    assert (workspace / "soa" / "soa-iso27001-2022.yaml").is_file()


AI_SOA: Sheets = {
    "SoA 42001": [
        ["Control", "Applicable", "Justification"],
        ["A.2.2", "Yes", "Policy"],
        ["A.5.2", "Yes", "Impact assessments"],  # also an ISO/IEC 27001:2022 id
        ["A.6.1.2", "Yes", "Objectives"],
        ["A.7.4", "No", "No data of our own"],  # also an ISO/IEC 27001:2022 id
    ],
}


def test_the_framework_is_told_from_the_control_ids(workspace: Path, tmp_path: Path) -> None:
    """Without --framework, the framework whose controls most rows name: ISO/IEC 42001 here,
    though two of its ids are ISO/IEC 27001:2022 ids too; the import says which it took."""
    report = import_soa(workspace, xlsx(tmp_path / "ai.xlsx", AI_SOA))
    told = "controls read as iso42001-2023: 4 of 4 rows name one of its controls"
    assert report.sheet_warnings == (("SoA 42001", f"{told} (--framework chooses another)"),)
    assert str(report.outcomes[0].path) == "soa/soa-iso42001-2023.yaml"
    assert not report.reported
    named = import_soa(workspace, xlsx(tmp_path / "ai.xlsx", AI_SOA), "ISO 27001", dry_run=True)
    assert [o.messages for o in named.reported] == [
        ("control 'A.2.2' is no control of iso27001-2022",),
        ("control 'A.6.1.2' is no control of iso27001-2022",),
    ]


def test_ids_that_fit_two_frameworks_alike_are_refused(workspace: Path, tmp_path: Path) -> None:
    both = {"SoA": [["Control", "Applicable"], ["A.5.2", "Yes"], ["A.7.4", "No"]]}
    with pytest.raises(ComplykitError, match="fit more than one framework alike") as raised:
        import_soa(workspace, xlsx(tmp_path / "both.xlsx", both))
    assert raised.value.hint == "Pass --framework to say which."
    assert not (workspace / "soa").exists() or not list((workspace / "soa").iterdir())
    nothing = {"SoA": [["Control", "Applicable"], ["Z.1", "Yes"]]}
    with pytest.raises(ComplykitError, match="no row names a control"):
        import_soa(workspace, xlsx(tmp_path / "none.xlsx", nothing))


IDS = {"A.5.1", "A.5.10", "A.8.13", "B.8.2.1"}


@pytest.mark.parametrize(
    ("text", "control"),
    [
        ("A.5.1", "A.5.1"),
        ("5.1", "A.5.1"),
        ("A 5.01", "A.5.1"),
        ("a.5.10 Acceptable use", "A.5.10"),
        ("8.13 Back-up", "A.8.13"),
        ("8.2.1", "B.8.2.1"),  # no A.8.2.1: the B of ISO/IEC 27701's Annex B
        ("A.5", None),
        ("Policies", None),
    ],
)
def test_control_ids_as_tables_write_them(text: str, control: str | None) -> None:
    assert control_id(text, IDS) == control


@given(st.text(max_size=30))
def test_a_control_cell_names_a_catalog_control_or_none(text: str) -> None:
    assert control_id(text, IDS) in {*IDS, None}


def test_an_english_soa_with_a_running_number(workspace: Path, tmp_path: Path) -> None:
    """A running number is no control column; 'Implemented' yes or no is a status; a second
    column for one field keeps its value in notes."""
    table: Sheets = {
        "SoA": [
            ["Nr.", "Control", "Control name", "Applicable", "Implemented", "Justification",
             "Reason"],
            ["1", "5.1", "Policies", "Yes", "Yes", "Required by ISO", "Risk R3"],
            ["2", "5.2", "Roles", "Y", "No", None, None],
        ],
    }  # fmt: skip
    report = import_soa(workspace, xlsx(tmp_path / "soa.xlsx", table), "ISO 27001")
    assert [o.status for o in report.outcomes] == [Status.CREATED, Status.JOINED, Status.JOINED]
    entries = {e["control"]: e for e in _soa(workspace)["entries"]}
    assert entries["A.5.1"]["status"] == "implemented"
    assert entries["A.5.2"]["status"] == "not-implemented"
    assert entries["A.5.1"]["justification"] == "Required by ISO"
    assert "A.5.1 Reason: Risk R3" in _soa(workspace)["notes"]
    assert "A.5.1 Nr.: 1" in _soa(workspace)["notes"]


def test_the_guide_lists_the_soa_headers() -> None:
    """The import guide's SoA header table names exactly the headers the import reads."""
    guide = (REPO / "docs" / "guides" / "import-export.md").read_text(encoding="utf-8")
    section = guide.split("## Import a Statement of Applicability", 1)[1]
    table = section.split("| Field | Headers |", 1)[1].split("\n\n", 1)[0]
    rows = [row.split("|")[2] for row in table.strip().splitlines()[1:]]
    assert [tuple(row.split("`")[1::2]) for row in rows] == list(HEADERS.values())

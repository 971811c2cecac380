"""import dpia: a CNIL PIA tool export becomes a dpia and a control per measure; every answer,
measure, evaluation and comment is accounted for and its text kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.core.errors import ComplykitError
from complykit.exchange.outcome import Status
from complykit.exchange.pia_import import import_pia
from complykit.validate.engine import run

EXPORT = Path(__file__).parent / "files" / "pia-export.json"
CONTROLS = [
    "ctl-videoconsult-huisartsen-versleuteling",
    "ctl-videoconsult-huisartsen-toegangsbeheer",
    "ctl-videoconsult-huisartsen-geen-opnames",
    "ctl-videoconsult-huisartsen-measure-4",
]


def _load(root: Path, rel: str) -> dict[str, Any]:
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_every_item_is_accounted_for(workspace: Path) -> None:
    """The PIA and each measure become files; answers, evaluations and comments join them."""
    report = import_pia(workspace, EXPORT)
    dpia = "dpia/dpia-videoconsult-huisartsen.yaml"
    assert [(o.sheet, o.row, o.status, str(o.path)) for o in report.outcomes] == [
        ("pia", 1, Status.CREATED, dpia),
        *[("measures", n, Status.CREATED, f"controls/{c}.yaml")
          for n, c in enumerate(CONTROLS, 1)],
        *[("answers", n, Status.JOINED, dpia) for n in range(1, 7)],
        ("evaluations", 1, Status.JOINED, dpia),
        ("evaluations", 2, Status.JOINED, dpia),
        ("evaluations", 3, Status.JOINED, f"controls/{CONTROLS[0]}.yaml"),
        ("evaluations", 4, Status.JOINED, f"controls/{CONTROLS[3]}.yaml"),
        ("evaluations", 5, Status.JOINED, dpia),
        ("comments", 1, Status.JOINED, dpia),
    ]  # fmt: skip
    assert report.outcomes[4].messages == ("measure 4 has no title",)


def test_dpia_fields(workspace: Path) -> None:
    """Context answers describe the DPIA, principles answers its necessity; opinions map."""
    import_pia(workspace, EXPORT)
    dpia = _load(workspace, "dpia/dpia-videoconsult-huisartsen.yaml")
    assert dpia["title"] == "Videoconsult huisartsen"
    assert dpia["status"] == "completed"
    assert dpia["description"] == (
        "[1.1.1] Videoconsulten tussen huisarts en patiënt via een zorgplatform.\n"
        "[1.2.1] - NAW-gegevens\n- BSN\n- Medische gegevens"
    )
    assert dpia["necessity_and_proportionality"] == (
        "[2.1.1] Consult op afstand, op verzoek van de patiënt.\n"
        "[2.1.2] Art. 6 lid 1 sub b en art. 9 lid 2 sub h AVG."
    )
    assert dpia["measures"] == CONTROLS
    assert dpia["dpo_advice"] == {
        "given_on": "2026-04-14",
        "summary": "M. Bakker (FG): favourable. Met de voorgestelde maatregelen is het risico "
        "aanvaardbaar.",
        "followed": True,
    }
    assert dpia["data_subject_views"] == {
        "sought": True,
        "summary": "Patiëntenpanel: Het patiëntenpanel steunt videoconsulten mits opname uitstaat.",
    }


def test_every_measure_and_evaluation_survives(workspace: Path) -> None:
    """Each measure's content and each evaluation's comments, plan, person and gauges are kept."""
    import_pia(workspace, EXPORT)
    dpia = _load(workspace, "dpia/dpia-videoconsult-huisartsen.yaml")
    controls = [_load(workspace, f"controls/{c}.yaml") for c in CONTROLS]
    assert [(c["title"], c.get("description"), c["status"]) for c in controls] == [
        ("Versleuteling", "End-to-end versleuteling van beeld en geluid.", "to-decide"),
        ("Toegangsbeheer", "- MFA voor huisartsen\n- Sessielink eenmalig geldig", "to-decide"),
        ("Geen opnames", "Opnemen staat uit en kan niet worden aangezet.", "to-decide"),
        ("Measure 4", "Logging van inlogpogingen.", "to-decide"),
    ]
    assert dpia["measures_description"].splitlines()[0] == (
        "Versleuteling: End-to-end versleuteling van beeld en geluid."
    )
    assert controls[3]["notes"].splitlines()[1] == (
        "Evaluation of 3.1.43: to be corrected; comment: Logging is te beperkt.; "
        "action plan: Ook mislukte sessies loggen."
    )
    notes = dpia["notes"].splitlines()
    assert (
        "Evaluation of 2.1.212: improvable; comment: Grondslag klopt, maar onvolledig "
        "vastgelegd.; action plan: Leg de uitzondering van art. 9 vast in het register.; "
        "person in charge: Sanne de Vries; planned for: 2026-06-01T00:00:00.000Z"
    ) in notes
    assert (
        "Evaluation of 3.2: improvable; comment: Restrisico beperkt.; action plan: "
        "Bewustwording bij huisartsen.; gauges: severity 2, likelihood 1"
    ) in notes
    assert "Risks [3.2.2] Inbreker; Medewerker van de leverancier" in notes
    assert "Risks [3.2.4] Een consult wordt meegekeken door een derde. (gauge 3 of 4)" in notes
    assert "Comment on 3.1.41: Kan de sessielink ook per sms?" in notes
    assert "Author: Sanne de Vries" in notes


def test_imported_dpia_validates(workspace: Path) -> None:
    """The imported files load without YAML, schema or reference errors."""
    import_pia(workspace, EXPORT)
    result = run(workspace, as_of=date(2026, 12, 5))
    assert result.records_checked == 5
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH", "REF"))]


def test_second_import_overwrites_nothing(workspace: Path) -> None:
    """Importing again reports every file as existing; --strict then writes nothing, exit 1."""
    import_pia(workspace, EXPORT)
    before = (workspace / "dpia" / "dpia-videoconsult-huisartsen.yaml").read_bytes()
    again = import_pia(workspace, EXPORT, strict=True)
    assert again.exit_code == 1
    assert {o.status for o in again.outcomes[:5]} == {Status.EXISTS}
    assert {o.status for o in again.outcomes[5:]} == {Status.INVALID}
    assert (workspace / "dpia" / "dpia-videoconsult-huisartsen.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[1, 2]", "is not a CNIL PIA tool export"),
        (b"{not json", "is not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "is not"),
        (b'{"pia": {"id": 1' + b"0" * 5000 + b"}}", "is not JSON .*4300 digits"),
    ],
)
def test_not_a_pia_export(workspace: Path, tmp_path: Path, content: bytes, message: str) -> None:
    """A file that is not a PIA export is an error, never a traceback."""
    source = tmp_path / "x.json"
    source.write_bytes(content)
    with pytest.raises(ComplykitError, match=message):
        import_pia(workspace, source)


def test_cli_import_dpia(workspace: Path) -> None:
    """complykit import dpia prints each file and a summary counting items."""
    result = CliRunner().invoke(app, ["import", "dpia", str(EXPORT), str(workspace)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "created dpia/dpia-videoconsult-huisartsen.yaml (part 'pia', item 1)"
    )
    assert result.stderr.splitlines()[-1] == (
        "17 item(s) read: 17 imported as 5 record(s), 0 reported."
    )
    assert json.loads(EXPORT.read_text(encoding="utf-8"))["pia"]["name"] in result.stdout + (
        (workspace / "dpia" / "dpia-videoconsult-huisartsen.yaml").read_text(encoding="utf-8")
    )

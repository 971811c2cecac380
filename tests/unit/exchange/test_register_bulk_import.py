"""import algoritmeregister: the register's own CSV and JSON downloads become AI-system records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from complykit.core.errors import ComplykitError
from complykit.exchange.outcome import Status
from complykit.exchange.register_bulk_import import import_register_download
from complykit.validate.engine import run

# As generate_download_stream writes it: the backend's machine keys, lars renamed algorithm_id,
# HTML stripped, comma-separated UTF-8 with a byte-order mark.
HEADER = (
    "name,organization,description_short,status,begin_date,contact_email,publication_category,"
    "goal,human_intervention,risks,lawful_basis,source_data,provider,lang,standard_version,"
    "algorithm_id"
)
CSV = (
    "\ufeff" + HEADER + "\n"
    '"Slimme parkeerhandhaving","Gemeente Noorderhaaks","Scanauto herkent kentekens.",'
    '"In gebruik","2023-04","algoritmes@noorderhaaks.nl","Impactvolle algoritmes",'
    '"Controleren of voor geparkeerde auto\'s is betaald.","Een handhaver beoordeelt elke '
    'mogelijke overtreding.","Onterechte boetes","Gemeentewet art. 149","Kentekens; '
    'Parkeerrechten","Scanfabriek B.V.","nld","1.0","86301374"\n'
    '"Toeslagcontrole","Gemeente Noorderhaaks","","In ontwikkeling","","","Hoog-risico '
    'AI-systeem","Aanvragen rangschikken voor controle.","","","","","","nld","1.0",'
    '"11112222"\n'
    '"","Gemeente Noorderhaaks","","","","","","","","","","","","nld","1.0","99999999"\n'
)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_csv_download(workspace: Path, tmp_path: Path) -> None:
    """Each row becomes an AI system; a row without a name or purpose is reported."""
    source = tmp_path / "Algoritmebeschrijvingen 20261205.csv"
    source.write_text(CSV, encoding="utf-8")
    report = import_register_download(workspace, source)
    assert [(o.row, o.status) for o in report.outcomes] == [
        (2, Status.CREATED), (3, Status.CREATED), (4, Status.INVALID),
    ]  # fmt: skip
    parking = _load(workspace / "ai" / "ai-slimme-parkeerhandhaving.yaml")
    assert {k: parking[k] for k in ("name", "purpose", "description", "lifecycle",
                                    "in_use_since", "data_sources")} == {
        "name": "Slimme parkeerhandhaving",
        "purpose": "Controleren of voor geparkeerde auto's is betaald.",
        "description": "Scanauto herkent kentekens.",
        "lifecycle": "operation",
        "in_use_since": "2023-04-01",
        "data_sources": ["Kentekens", "Parkeerrechten"],
    }  # fmt: skip
    assert parking["human_oversight"] == {
        "description": "Een handhaver beoordeelt elke mogelijke overtreding."
    }
    assert parking["classification"]["risk_class"] == "minimal"
    assert "algorithm_id: 86301374" in parking["notes"]
    assert "lawful_basis: Gemeentewet art. 149" in parking["notes"]
    assert report.outcomes[0].messages == (
        "risk class set to minimal from the publication category; check it",
        (
            "published as impactful (category B): record what makes it so (an IAMA, automated "
            "decisions in a linked processing activity), or an export calls it category C"
        ),
    )
    toeslag = _load(workspace / "ai" / "ai-toeslagcontrole.yaml")
    assert (toeslag["classification"]["risk_class"], toeslag["lifecycle"]) == (
        "high-risk",
        "development",
    )


def test_json_download_validates(workspace: Path, tmp_path: Path) -> None:
    """A JSON list with the same keys (HTML in texts) imports into records that validate."""
    source = tmp_path / "algoritmes.json"
    source.write_text(
        json.dumps(
            [
                {
                    "name": "Chatbot Burgerzaken",
                    "goal": "<p>Vragen van inwoners <strong>beantwoorden</strong>.</p>",
                    "status": "In gebruik",
                    "begin_date": "2024-01",
                    "publication_category": "Overige algoritmes",
                    "source_data": ["Website-teksten", "FAQ"],
                }
            ]
        ),
        encoding="utf-8",
    )
    report = import_register_download(workspace, source)
    assert [o.status for o in report.outcomes] == [Status.CREATED]
    bot = _load(workspace / "ai" / "ai-chatbot-burgerzaken.yaml")
    assert bot["purpose"] == "Vragen van inwoners beantwoorden."
    assert bot["data_sources"] == ["Website-teksten", "FAQ"]
    result = run(workspace, as_of=date(2026, 12, 5))
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH", "REF"))]


def test_not_a_download(workspace: Path, tmp_path: Path) -> None:
    """A CSV without a name column is an error naming the problem."""
    source = tmp_path / "x.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ComplykitError, match="no 'name' column"):
        import_register_download(workspace, source)


@pytest.mark.parametrize(
    "content",
    [b'[{"name": 1' + b"0" * 5000 + b"}]", b"{not json", b"\xff\xfe[]", b"[" * 100_000],
)
def test_a_download_that_is_not_json_is_refused_by_name(
    workspace: Path, tmp_path: Path, content: bytes
) -> None:
    """A number too long for Python, bad syntax, bytes that are not UTF-8 or nesting past the
    recursion limit: an error naming the file (exit 2 on the command line), never a crash."""
    source = tmp_path / "algoritmes.json"
    source.write_bytes(content)
    with pytest.raises(ComplykitError, match=r"algoritmes\.json is not JSON"):
        import_register_download(workspace, source)


@pytest.mark.parametrize("content", [b"[1, 2, 3]", b'[{"name": "A"}, "B"]', b'{"items": [null]}'])
def test_a_list_of_other_things_than_algorithms_is_refused(
    workspace: Path, tmp_path: Path, content: bytes
) -> None:
    """A list whose items are not objects of fields is not a download read as empty (exit 0)."""
    source = tmp_path / "algoritmes.json"
    source.write_bytes(content)
    with pytest.raises(ComplykitError, match="is not an Algoritmeregister download: item"):
        import_register_download(workspace, source)


def _one(workspace: Path, tmp_path: Path, **fields: str) -> tuple[dict[str, Any], Any]:
    source = tmp_path / "algoritmes.json"
    item = {"name": "Chatbot Burgerzaken", "goal": "Vragen beantwoorden.", **fields}
    source.write_text(json.dumps([item]), encoding="utf-8")
    report = import_register_download(workspace, source, dry_run=True)
    (outcome,) = report.outcomes
    assert outcome.text is not None
    return yaml.safe_load(outcome.text), outcome


@pytest.mark.parametrize(
    ("began", "since"),
    [("2022-03", "2022-03-01"), ("2022-03-15", "2022-03-01"), ("03-2022", "2022-03-01"),
     ("15-03-2022", "2022-03-01"), ("1/3/2022", "2022-03-01"),
     ("2024-11-05T10:00:00", "2024-11-01")],
)  # fmt: skip
def test_a_begin_date_in_any_of_the_register_forms_is_read(
    workspace: Path, tmp_path: Path, began: str, since: str
) -> None:
    """Year first or year last (day first, never month first): the month it went into use."""
    record, _ = _one(workspace, tmp_path, begin_date=began)
    assert record["in_use_since"] == since


@pytest.mark.parametrize("began", ["maart 2022", "13-2022", "binnenkort"])
def test_a_begin_date_not_understood_is_told_and_kept(
    workspace: Path, tmp_path: Path, began: str
) -> None:
    """Never dropped silently: a warning, and the text in the record's notes."""
    record, outcome = _one(workspace, tmp_path, begin_date=began)
    assert "in_use_since" not in record
    assert f"begin date: {began}" in record["notes"]
    assert any("not understood" in message for message in outcome.messages)


def test_a_status_not_understood_is_told_and_kept(workspace: Path, tmp_path: Path) -> None:
    record, outcome = _one(workspace, tmp_path, status="Pilotfase")
    assert record["lifecycle"] == "operation"
    assert "status: Pilotfase" in record["notes"]
    assert any("status 'Pilotfase' not understood" in m for m in outcome.messages)
    planned, _ = _one(workspace, tmp_path, status="Gepland")
    assert planned["lifecycle"] == "design"


def test_a_json_item_is_named_as_an_item_of_its_file(workspace: Path, tmp_path: Path) -> None:
    """Not "sheet 'json', row 1": the file and the item's number in its list."""
    source = tmp_path / "algoritmes.json"
    source.write_text(json.dumps([{"name": "A", "goal": "B"}, {"goal": "C"}]), encoding="utf-8")
    report = import_register_download(workspace, source, dry_run=True)
    assert report.places == ("file", "item")
    assert [(o.sheet, o.row) for o in report.outcomes] == [
        ("algoritmes.json", 1),
        ("algoritmes.json", 2),
    ]
    assert report.outcomes[1].messages == ("no name",)

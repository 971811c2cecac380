"""import suppliers / import risks: one record per row of a supplier or risk register, every row
accounted for, scores on the workspace's own scales."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from complykit.cli.app import app
from complykit.exchange.outcome import Status
from complykit.exchange.risk_rows import RISKS
from complykit.exchange.supplier_rows import SUPPLIERS
from complykit.exchange.table_import import import_table
from complykit.validate.engine import run
from workbooks import Sheets, ods, xlsx

SUPPLIER_REGISTER: Sheets = {
    "Instructie": [["Vul per verwerker een regel in."]],
    "Verwerkers": [
        ["Leveranciersregister 2026"],
        ["Naam leverancier", "Dienst", "Rol", "Vestigingsland", "Locatie gegevens",
         "Verwerkersovereenkomst", "Einddatum contract", "Certificeringen", "Kritikaliteit",
         "Contactpersoon"],
        ["Microsoft Ireland Operations Ltd", "Microsoft 365; Entra ID", "Verwerker", "Ierland",
         "Nederland, Ierland", date(2024, 3, 1), date(2027, 2, 28), "ISO 27001, SOC 2",
         "Hoog", "Account manager"],
        ["Loket.nl", "Salarisadministratie", "verwerker", "NL", "Nederland", "ja", None,
         "ISO 27001", "midden", None],
        ["Mailchimp", "Nieuwsbrief", "Subverwerker", "Verenigde Staten", "VS", None, None,
         None, None, None],
        ["Koffieleverancier", "Koffie", "geen", None, None, None, None, None, "laag", None],
    ],
}  # fmt: skip
RISK_REGISTER: Sheets = {
    "Risicoregister": [
        ["Risico", "Omschrijving", "Categorie", "Kans", "Impact", "Behandeling",
         "Beheersmaatregelen", "Restkans", "Restimpact", "Eigenaar"],
        ["Phishing leidt tot accountovername", "Medewerker geeft wachtwoord af", "Security",
         "4", "4", "Verminderen", "MFA, training", "2", "3", "Chris Smit"],
        ["Datalek bij verwerker", None, "Leverancier", "Possible", "Major", "Overdragen",
         "Verwerkersovereenkomst met meldplicht", None, None, "Jan de Boer"],
        ["Onbekend risico", None, None, "hoog", "4", None, None, None, None, None],
    ],
}  # fmt: skip


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_supplier_register(workspace: Path, tmp_path: Path) -> None:
    """Dutch headers below a title row become suppliers; a row without a country is reported."""
    report = import_table(SUPPLIERS, workspace, xlsx(tmp_path / "lev.xlsx", SUPPLIER_REGISTER))
    assert [(o.sheet, o.row, o.status) for o in report.outcomes] == [
        ("Verwerkers", 3, Status.CREATED),
        ("Verwerkers", 4, Status.CREATED),
        ("Verwerkers", 5, Status.CREATED),
        ("Verwerkers", 6, Status.INVALID),
    ]
    assert report.outcomes[3].messages == (
        "no country of establishment; a supplier record needs it",
    )
    assert report.unused_sheets == (("Instructie", "not the sheet with the table"),)
    assert report.unknown_columns == (("Verwerkers", "Contactpersoon"),)
    microsoft = _load(workspace / "suppliers" / "sup-microsoft-ireland-operations-ltd.yaml")
    assert microsoft == {
        "kind": "supplier",
        "id": "sup-microsoft-ireland-operations-ltd",
        "name": "Microsoft Ireland Operations Ltd",
        "services": ["Microsoft 365", "Entra ID"],
        "role": "processor",
        "country": "IE",
        "criticality": "high",
        "locations": [{"country": "NL"}, {"country": "IE"}],
        "dpa": {"signed_on": "2024-03-01"},
        "contract_end": "2027-02-28",
        "certifications": [{"name": "ISO 27001"}, {"name": "SOC 2"}],
        "notes": "Contactpersoon: Account manager",
    }
    loket = _load(workspace / "suppliers" / "sup-loket-nl.yaml")
    assert loket["notes"] == "Data processing agreement as written in the register: ja"
    mailchimp = _load(workspace / "suppliers" / "sup-mailchimp.yaml")
    assert (mailchimp["role"], mailchimp["country"]) == ("sub-processor", "US")


SUPPLIER_REGISTER_WITH_DETAILS: Sheets = {
    "Leveranciers": [
        ["Leverancier", "Dienst", "Land", "Verwerkersovereenkomst",
         "Datum verwerkersovereenkomst", "Subverwerkers", "Locatie data", "Contract einddatum",
         "Gebruikt klantdata voor AI-training"],
        ["Zendesk Inc.", "Klantenservice", "Verenigde Staten", "Ja (DPA + SCC)", "15-06-2022",
         "AWS (VS), Google Cloud (US)", "VS, EU", None, "Nee, niet zonder opt-in"],
        ["Microsoft Ireland Operations Ltd", "Microsoft 365", "Ierland", "Ja", None,
         "Zie de subprocessor list van Microsoft", "NL, IE", "28-02-2027", "Ja, met opt-out"],
        ["Schoonmaak B.V.", "Schoonmaak", "NL", "Nee", None, None, None, None, "n.v.t."],
    ],
}  # fmt: skip


def test_supplier_register_with_sub_processors_and_ai_training(
    workspace: Path, tmp_path: Path
) -> None:
    """A yes/no DPA column beside its date, sub-processors with their countries, the data
    locations, the contract end and whether the supplier trains AI on our data are read."""
    source = xlsx(tmp_path / "lev.xlsx", SUPPLIER_REGISTER_WITH_DETAILS)
    report = import_table(SUPPLIERS, workspace, source)
    assert report.unknown_columns == ()
    zendesk = _load(workspace / "suppliers" / "sup-zendesk-inc.yaml")
    assert zendesk["dpa"] == {"signed_on": "2022-06-15"}
    assert zendesk["sub_processors"] == [
        {"name": "AWS", "service": "not stated in the imported register", "country": "US"},
        {"name": "Google Cloud", "service": "not stated in the imported register", "country": "US"},
    ]
    # The one transfer tool the row names ("Ja (DPA + SCC)") for the location outside the EEA.
    assert zendesk["locations"] == [
        {"country": "US", "transfer_mechanism": "standard-contractual-clauses"}
    ]
    assert any("transfer tool for US read as" in m for m in report.outcomes[0].messages)
    assert zendesk["ai_training"] == {"customer_data": "prohibited"}
    microsoft = _load(workspace / "suppliers" / "sup-microsoft-ireland-operations-ltd.yaml")
    assert "dpa" not in microsoft
    assert "sub_processors" not in microsoft
    assert microsoft["ai_training"] == {"customer_data": "opt-out"}
    assert microsoft["contract_end"] == "2027-02-28"
    messages = report.outcomes[1].messages
    assert "DPA 'Ja' gives no day it was signed; add dpa.signed_on" in messages
    assert any(
        "'Zie de subprocessor list van Microsoft' without one country" in m for m in messages
    )
    assert "Sub-processors as written in the register" in microsoft["notes"]
    cleaner = _load(workspace / "suppliers" / "sup-schoonmaak-b-v.yaml")
    assert "dpa" not in cleaner
    assert cleaner["ai_training"] == {"customer_data": "not-applicable"}
    found = run(workspace, as_of=date(2026, 12, 7)).findings
    assert not [f for f in found if f.code.startswith(("YAML", "SCH", "REF"))]
    assert [f.path.name for f in found if f.code == "SUP001"] == [
        "sup-microsoft-ireland-operations-ltd.yaml",  # a DPA without its date is none recorded
        "sup-schoonmaak-b-v.yaml",
    ]


def test_risk_register_on_the_workspace_scales(workspace: Path, tmp_path: Path) -> None:
    """Scores are numbers or labels of complykit.yaml's scales; owners must be people there."""
    report = import_table(RISKS, workspace, ods(tmp_path / "risico.ods", RISK_REGISTER))
    assert [o.status for o in report.outcomes] == [
        Status.CREATED, Status.CREATED, Status.INVALID,
    ]  # fmt: skip
    assert (
        report.outcomes[2]
        .messages[0]
        .startswith(
            "inherent score: likelihood 'hoog' is no level of the workspace's scale: 1 (Rare),"
        )
    )
    phishing = _load(workspace / "risks" / "risk-phishing-leidt-tot-accountovername.yaml")
    assert {k: phishing[k] for k in ("category", "inherent", "treatment", "residual", "owner")} == {
        "category": "security",
        "inherent": {"likelihood": 4, "impact": 4},
        "treatment": "mitigate",
        "residual": {"likelihood": 2, "impact": 3},
        "owner": "ciso",
    }
    leak = _load(workspace / "risks" / "risk-datalek-bij-verwerker.yaml")
    assert leak["inherent"] == {"likelihood": 3, "impact": 4}
    assert (leak["category"], leak["treatment"]) == ("supplier", "transfer")
    assert leak["notes"] == "Owner as written in the register: Jan de Boer"


RISK_REGISTER_WITH_SCALES: Sheets = {
    "Risico's": [
        ["Nr.", "Risico", "Oorzaak", "Gevolg", "Kans (1-5)", "Impact (1 t/m 5)", "Maatregelen",
         "Status", "Datum laatste beoordeling", "Volgende review"],
        ["R01", "Ransomware-aanval", "Phishing", "Uitval dienstverlening", "4", "5",
         "EDR, offline back-ups", "Open", "12-03-2025", "01-03-2026"],
        ["R02", "Verlies laptop", "Diefstal", "Datalek", "3", "4", "Schijfversleuteling",
         "Geaccepteerd", "2025-01-10", None],
    ],
}  # fmt: skip


def test_risk_register_with_scales_in_its_headers(workspace: Path, tmp_path: Path) -> None:
    """``Kans (1-5)`` names the likelihood (a scale in brackets says nothing more), and where
    ``Gevolg`` and ``Impact (1 t/m 5)`` both name the impact, the plainer name wins and the
    other goes to notes; a status of ``Geaccepteerd`` with no treatment column is acceptance;
    ``Volgende review`` is the next review."""
    report = import_table(RISKS, workspace, xlsx(tmp_path / "r.xlsx", RISK_REGISTER_WITH_SCALES))
    assert [o.status for o in report.outcomes] == [Status.CREATED, Status.CREATED]
    assert ("Risico's", "Kans (1-5)") not in report.unknown_columns
    ransomware = _load(workspace / "risks" / "risk-ransomware-aanval.yaml")
    assert ransomware["inherent"] == {"likelihood": 4, "impact": 5}
    assert ransomware["next_review"] == "2026-03-01"
    assert ransomware["treatment"] == "mitigate"
    assert "Gevolg: Uitval dienstverlening" in ransomware["notes"]
    laptop = _load(workspace / "risks" / "risk-verlies-laptop.yaml")
    assert laptop["treatment"] == "accept"
    assert "Status as written in the register: Geaccepteerd" in laptop["notes"]


def test_imported_tables_validate(workspace: Path, tmp_path: Path) -> None:
    """Imported suppliers and risks load without YAML, schema or reference errors."""
    import_table(SUPPLIERS, workspace, xlsx(tmp_path / "lev.xlsx", SUPPLIER_REGISTER))
    import_table(RISKS, workspace, ods(tmp_path / "risico.ods", RISK_REGISTER))
    result = run(workspace, as_of=date(2026, 12, 5))
    assert result.records_checked == 5
    assert not [f for f in result.findings if f.code.startswith(("YAML", "SCH", "REF"))]


def test_cli_strict_writes_nothing(workspace: Path, tmp_path: Path) -> None:
    """With --strict a reported row means no supplier is written, exit 1."""
    source = xlsx(tmp_path / "lev.xlsx", SUPPLIER_REGISTER)
    result = CliRunner().invoke(
        app, ["import", "suppliers", str(source), str(workspace), "--strict"]
    )
    assert result.exit_code == 1
    assert not (workspace / "suppliers").exists()
    assert result.stderr.splitlines()[-1] == (
        "4 row(s) read: 3 would be imported as 3 record(s), 1 reported; "
        "nothing was written (--strict)."
    )

"""import incidents: what a breach register row states, and nothing it does not. Each test is
a row a reviewer found read too favourably (review-later, December 2026): the records written
and the warnings given."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from complykit.exchange.incident_rows import INCIDENTS
from complykit.exchange.outcome import ImportReport
from complykit.exchange.table_import import import_table
from complykit.validate.engine import run
from unit.exchange.imported import written_record

AS_OF = date(2025, 12, 1)


def _imported(workspace: Path, tmp_path: Path, text: str) -> ImportReport:
    source = tmp_path / "datalekken.csv"
    source.write_text(text, encoding="utf-8")
    return import_table(INCIDENTS, workspace, source)


def _breach(workspace: Path, record_id: str) -> dict[str, Any]:
    breach = _record(workspace, record_id)["breach"]
    assert isinstance(breach, dict)
    return breach


def _record(workspace: Path, record_id: str) -> dict[str, Any]:
    return written_record(workspace, f"{record_id}.yaml", "incidents")


def _messages(report: ImportReport, index: int) -> tuple[str, ...]:
    return report.outcomes[index].messages


def test_a_reason_not_to_notify_is_no_risk_assessment(workspace: Path, tmp_path: Path) -> None:
    """ "Geen hoog risico" is a risk, only not a high one, and "Verwerker meldt zelf" says
    nothing of the risk: both are recorded as 'risk' with the reason kept as the decision's,
    so INC003 asks. Only a reason that opens by stating no risk reads as 'none'."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Risico;Gemeld bij AP;Reden niet gemeld\n"
        "R-1;05-03-2025 10:00;Brief naar verkeerd adres;Geen hoog risico;Nee;Geen hoog risico\n"
        "R-2;05-03-2025 10:00;Lijst bij verwerker ingezien;;Nee;Verwerker meldt zelf bij AP\n"
        "R-3;05-03-2025 10:00;Stick verloren;;Nee;Geen risico: versleuteld\n",
    )
    low = _breach(workspace, "inc-r-1")
    assert low["risk_to_individuals"] == "risk"
    assert low["authority"] == {"required": False, "reason": "Geen hoog risico"}
    processor = _breach(workspace, "inc-r-2")
    assert processor["risk_to_individuals"] == "risk"
    assert processor["risk_reasoning"] == "not stated in the imported register"
    assert processor["authority"] == {"required": False, "reason": "Verwerker meldt zelf bij AP"}
    assert (
        "no risk assessment given; recorded as 'risk' (a breach is notified unless it is "
        "unlikely to result in a risk, Art. 33(1)): the reason it was not notified, "
        "'Verwerker meldt zelf bij AP', states no assessment of the risk"
    ) in _messages(report, 1)
    stated = _breach(workspace, "inc-r-3")
    assert stated["risk_to_individuals"] == "none"
    assert stated["risk_reasoning"] == "Geen risico: versleuteld"
    found = sorted((f.path.stem, f.code) for f in run(workspace, as_of=AS_OF).findings)
    assert ("inc-r-1", "INC003") in found
    assert ("inc-r-2", "INC003") in found
    assert ("inc-r-3", "INC003") not in found


def test_a_placeholder_reason_makes_no_decision(workspace: Path, tmp_path: Path) -> None:
    """`n.v.t.` or `-` in a reason column states no reason: no decision not to notify the
    authority or tell the people is recorded (INC016 asks), the cell is kept in notes, and a
    notification with a placeholder reason beside it gives no "yet a reason" warning."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Gemeld bij AP;Reden niet gemeld;"
        "Betrokkenen geinformeerd;Reden niet geinformeerd;Datum melding AP\n"
        "B-1;04-03-2025 09:00;Mail met BSN aan verkeerde ontvanger;Nee;n.v.t.;Nee;-;\n"
        "B-2;04-03-2025 09:00;Dossier in verkeerde map;Ja;n.v.t.;;;05-03-2025 10:00\n"
        "B-3;04-03-2025 09:00;Brief verkeerd bezorgd;;n.v.t.;;;\n",
    )
    mail = _breach(workspace, "inc-b-1")
    assert "authority" not in mail
    assert "data_subjects" not in mail
    assert mail["risk_to_individuals"] == "risk"
    assert mail["risk_reasoning"] == "not stated in the imported register"
    assert _record(workspace, "inc-b-1")["notes"].splitlines() == [
        "Reason not notified as written in the register: n.v.t.",
        "Reason people not told as written in the register: -",
        "Number in the register: B-1",
        "Notified to the authority as written in the register: Nee",
        "People affected told as written in the register: Nee",
    ]
    assert (
        "reason not notified 'n.v.t.' states no reason, so it records no decision; kept in notes"
    ) in _messages(report, 0)
    assert (
        "reason people not told '-' states no reason, so it records no decision; kept in notes"
    ) in _messages(report, 0)
    notified = _breach(workspace, "inc-b-2")["authority"]
    assert notified == {
        "required": True,
        "notified_at": "2025-03-05T10:00:00+01:00",
        "to": "Autoriteit Persoonsgegevens",
    }
    assert not [m for m in _messages(report, 1) if "reason" in m]
    assert "authority" not in _breach(workspace, "inc-b-3")
    assert (
        "reason not notified 'n.v.t.' states no reason, so it records no decision; kept in notes"
    ) in _messages(report, 2)
    found = sorted((f.path.stem, f.code) for f in run(workspace, as_of=AS_OF).findings)
    assert ("inc-b-1", "INC016") in found
    assert ("inc-b-3", "INC016") in found


def test_an_internal_report_date_is_no_notification(workspace: Path, tmp_path: Path) -> None:
    """`Datum melding` beside `Melder` dates the internal report, not a notification to the AP:
    it is kept in notes, and the register's "Nee" with its reason is the decision recorded.
    A "Nee" beside a date under a header that names the AP is still not recorded as notified."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum melding;Melder;Datum ontdekking;Omschrijving;Gemeld bij AP;"
        "Datum melding AP;Reden niet gemeld\n"
        "m-1;04-03-2025;Jan (receptie);04-03-2025 09:00;Brief aan verkeerd adres;Nee;;"
        "Ontvanger heeft brief ongeopend teruggestuurd\n"
        "m-2;04-03-2025;Jan (receptie);04-03-2025 09:00;Pasje verloren;Nee;06-03-2025 10:00;"
        "Pasje op afstand geblokkeerd\n"
        "m-3;04-03-2025;Jan (receptie);04-03-2025 09:00;Map zoek;Nee;06-03-2025 10:00;\n",
    )
    assert report.unknown_columns == (("datalekken", "Datum melding"), ("datalekken", "Melder"))
    letter = _record(workspace, "inc-m-1")
    assert letter["breach"]["authority"] == {
        "required": False,
        "reason": "Ontvanger heeft brief ongeopend teruggestuurd",
    }
    assert letter["notes"].splitlines()[-2:] == [
        "Datum melding: 04-03-2025",
        "Melder: Jan (receptie)",
    ]
    assert not [m for m in _messages(report, 0) if "notification date" in m]
    card = _breach(workspace, "inc-m-2")
    assert card["authority"] == {"required": False, "reason": "Pasje op afstand geblokkeerd"}
    assert (
        "notified to the authority 'Nee', yet a notification date or number is given; recorded "
        "as not notified, the date and number kept in notes; check it"
    ) in _messages(report, 1)
    assert "Date notified to the authority as written in the register: 06-03-2025 10:00" in (
        _record(workspace, "inc-m-2")["notes"].splitlines()
    )
    assert "authority" not in _breach(workspace, "inc-m-3")


def test_a_notification_dated_without_a_time_is_judged_at_the_end_of_its_day(
    workspace: Path, tmp_path: Path
) -> None:
    """Discovered 5 March 14:05, notified "08-03-2025": 00:00 would make it 57.9 hours and
    keep INC005 silent for good; the end of that day (80.9 hours) lets INC005 say it may have
    been late. Notified on the 7th, on time even at 23:59, gives no warning at all."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Gemeld bij AP;Datum melding AP;"
        "Betrokkenen geinformeerd;Datum informeren betrokkenen\n"
        "h-1;05-03-2025 14:05;Hack;Ja;08-03-2025;Ja;09-03-2025\n"
        "h-2;05-03-2025 14:05;Hack;Ja;07-03-2025;;\n",
    )
    hack = _breach(workspace, "inc-h-1")
    assert hack["authority"]["notified_at"] == "2025-03-08T23:59:00+01:00"
    assert hack["data_subjects"]["notified_at"] == "2025-03-09T23:59:00+01:00"
    assert (
        "Date notified to the authority as written in the register: 08-03-2025 (no time of day; "
        "read as 23:59, the end of that day, so the deadline is judged as if it was made as "
        "late as it can have been)"
    ) in _record(workspace, "inc-h-1")["notes"].splitlines()
    assert [m for m in _messages(report, 0) if m.startswith("the register gives dates")] == [
        (
            "the register gives dates without times, so the authority may have been notified "
            "within 72 hours or after them; recorded as late as the dates allow (the discovery "
            "at the start of its day, the notification at the end of its day), so INC005 "
            "reports it: add the times of discovery and notification, or a reason for the delay"
        )
    ]
    assert _breach(workspace, "inc-h-2")["authority"]["notified_at"] == (
        "2025-03-07T23:59:00+01:00"
    )
    assert not [m for m in _messages(report, 1) if m.startswith("the register gives dates")]
    found = sorted((f.path.stem, f.code) for f in run(workspace, as_of=AS_OF).findings)
    assert ("inc-h-1", "INC005") in found
    assert ("inc-h-2", "INC005") not in found


def test_the_72_hour_doubt_counts_the_autumn_clock_change_day_as_25_hours(
    workspace: Path, tmp_path: Path
) -> None:
    """Discovered on 26 October 2025, the day the clocks go back in the Netherlands (25 hours),
    notified 29 October 23:30: discovered at 23:59 that day, the notification came 71.5 hours
    later, so it may have been within 72 hours. The same shape a week earlier is warned about
    too; a fixed 24-hour day missed the autumn one."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Gemeld bij AP;Datum melding AP\n"
        "a;19-10-2025;Hack;Ja;22-10-2025 23:30\n"
        "b;26-10-2025;Hack;Ja;29-10-2025 23:30\n",
    )
    for row in (0, 1):
        assert [m for m in _messages(report, row) if m.startswith("the register gives dates")]


def _in_country(workspace: Path, country: str) -> None:
    config = workspace / "complykit.yaml"
    text = config.read_text(encoding="utf-8").replace("country: NL", f"country: {country}", 1)
    config.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("IE", "Europe/Dublin"),
        ("PT", "Europe/Lisbon"),
        ("FI", "Europe/Helsinki"),
        ("GR", "Europe/Athens"),
        ("LT", "Europe/Vilnius"),
        ("CY", "Asia/Nicosia"),
        ("ES", "Europe/Madrid"),
    ],
)
def test_times_are_read_on_the_organisations_own_clocks(
    workspace: Path, tmp_path: Path, country: str, zone: str
) -> None:
    """An organisation in Ireland, Portugal or on Eastern European Time changes its clocks at
    the EU's instant but from another standard offset: its rows are imported on its own clocks
    (as a time zone database has them), and the warning names them."""
    _in_country(workspace, country)
    report = _imported(
        workspace,
        tmp_path,
        "Ref;Date discovered;Description;Notified to authority;Date notified\n"
        "W-1;04-03-2025 09:00;Letter to the wrong address;Yes;06-03-2025 10:00\n"
        "S-1;2025-07-01 14:05;Laptop stolen;;\n",
    )
    clocks = ZoneInfo(zone)
    winter = datetime(2025, 3, 4, 9, tzinfo=clocks)
    summer = datetime(2025, 7, 1, 14, 5, tzinfo=clocks)
    assert datetime.fromisoformat(_record(workspace, "inc-w-1")["aware_at"]) == winter
    assert str(_record(workspace, "inc-w-1")["aware_at"]).endswith(winter.isoformat()[-6:])
    notified = _breach(workspace, "inc-w-1")["authority"]["notified_at"]
    assert datetime.fromisoformat(notified) == datetime(2025, 3, 6, 10, tzinfo=clocks)
    assert datetime.fromisoformat(_record(workspace, "inc-s-1")["aware_at"]) == summer
    assert _record(workspace, "inc-s-1")["aware_at"].endswith(summer.isoformat()[-6:])
    warning = next(w for _, w in report.sheet_warnings if "UTC offset" in w)
    assert warning.startswith(
        f"times without a UTC offset are read as the time in {zone} ({winter.isoformat()[-6:]} "
        f"in winter, {summer.isoformat()[-6:]} in summer)"
    )


def test_a_country_outside_the_eu_clocks_still_needs_offsets(
    workspace: Path, tmp_path: Path
) -> None:
    """Iceland keeps UTC without summer time: no EU clock is assumed for it."""
    _in_country(workspace, "IS")
    report = _imported(
        workspace, tmp_path, "Ref;Date discovered;Description\nI-1;04-03-2025 09:00;Leak\n"
    )
    assert "complykit knows no time zone for IS" in _messages(report, 0)[0]


def test_the_authority_notified_is_the_one_the_header_names(
    workspace: Path, tmp_path: Path
) -> None:
    """`Gemeld bij GBA` in a Dutch workspace records the notification to the Belgian authority,
    with a warning; `Gemeld bij AP` names the configured authority; a header naming none
    takes the one in complykit.yaml."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Gemeld bij GBA;Datum melding GBA\n"
        "c-1;04-03-2025 09:00;Ledenlijst Antwerpen gelekt;Ja;05-03-2025 10:00\n",
    )
    assert _breach(workspace, "inc-c-1")["authority"] == {
        "required": True,
        "notified_at": "2025-03-05T10:00:00+01:00",
        "to": "Gegevensbeschermingsautoriteit",
    }
    assert (
        "the register says the breach was notified to the GBA (Gegevensbeschermingsautoriteit, "
        "BE), not to the supervisory authority in complykit.yaml (Autoriteit Persoonsgegevens, "
        "NL); recorded as notified to the GBA: check which authority is competent"
    ) in _messages(report, 0)
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Gemeld bij AP;Notified to DPA\n"
        "c-2;04-03-2025 09:00;Brief kwijt;Ja;\n"
        "c-3;04-03-2025 09:00;Map kwijt;;Yes\n",
    )
    assert _breach(workspace, "inc-c-2")["authority"]["to"] == "Autoriteit Persoonsgegevens"
    assert _breach(workspace, "inc-c-3")["authority"]["to"] == "Autoriteit Persoonsgegevens"
    assert not [m for m in _messages(report, 0) if "competent" in m]


def test_a_belgian_workspace_names_its_own_authority(workspace: Path, tmp_path: Path) -> None:
    """In a Belgian workspace, `Notifié à l'APD` is the configured authority: no warning."""
    config = workspace / "complykit.yaml"
    text = config.read_text(encoding="utf-8").replace("country: NL", "country: BE", 1)
    text = text.replace(
        "{name: Autoriteit Persoonsgegevens, country: NL}",
        "{name: Gegevensbeschermingsautoriteit, country: BE}",
    )
    config.write_text(text, encoding="utf-8")
    report = _imported(
        workspace,
        tmp_path,
        "N°;Date de découverte;Description;Notifié à l'APD;Date de notification\n"
        "v-1;04-03-2025 09:00;Liste envoyée en CC;Oui;05-03-2025 10:00\n",
    )
    assert _breach(workspace, "inc-v-1")["authority"]["to"] == "Gegevensbeschermingsautoriteit"
    assert not [m for m in _messages(report, 0) if "competent" in m]


def test_no_data_breach_is_a_verdict_not_a_fact(workspace: Path, tmp_path: Path) -> None:
    """ "Nee, geen datalek want back-up" under "Is er sprake van een datalek?" answers a legal
    question: the row keeps its breach block for the INC rules, the verdict is kept in notes
    with a warning. "Persoonsgegevens betrokken: Nee" still says no personal data."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Aard;Is er sprake van een datalek?;Gemeld bij AP\n"
        "c-2;04-03-2025 09:00;Server kort onbereikbaar, back-up hersteld;Beschikbaarheid;"
        "Nee, geen datalek want back-up;Nee\n"
        "c-4;04-03-2025 09:00;Dossier gelekt;Vertrouwelijkheid;Ja;Ja\n",
    )
    server = _record(workspace, "inc-c-2")
    assert server["personal_data_involved"] is True
    assert server["breach"]["nature"] == ["availability"]
    assert (
        "Personal data breach (the register's verdict) as written in the register: Nee, geen "
        "datalek want back-up"
    ) in (server["notes"].splitlines())
    assert (
        "the register judges this no personal data breach ('Nee, geen datalek want back-up'): "
        "that is a verdict, not a statement that no personal data were involved, so the row is "
        "recorded as a breach for the INC rules to judge (Art. 33(5) documents every breach); "
        "set personal_data_involved: false if no personal data were involved"
    ) in _messages(report, 0)
    leak = _record(workspace, "inc-c-4")
    assert leak["personal_data_involved"] is True
    assert "judged" not in leak.get("notes", "")
    found = sorted((f.path.stem, f.code) for f in run(workspace, as_of=AS_OF).findings)
    assert ("inc-c-2", "INC016") in found


def test_the_nature_is_read_from_whole_words(workspace: Path, tmp_path: Path) -> None:
    """ "opgelost" names no loss and "glossy" none either; the commonest wordings of an access
    by someone not entitled name confidentiality, and access that was lost availability."""
    rows = {
        "n-1": ("Ongeautoriseerde inzage, inmiddels opgelost", ["confidentiality"]),
        "n-2": ("Glossy magazine mailing list leaked", ["confidentiality"]),
        "n-3": ("Unauthorised access", ["confidentiality"]),
        "n-4": ("Onbevoegde toegang", ["confidentiality"]),
        "n-5": ("Verkeerd verzonden", ["confidentiality"]),
        "n-6": ("Gegevensverlies", ["availability"]),
        "n-7": ("Geen toegang tot dossiers", ["availability"]),
        "n-8": ("Accès non autorisé", ["confidentiality"]),
    }
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Aard\n"
        + "".join(
            f"{n};04-03-2025 09:00;Incident {n};{nature}\n" for n, (nature, _) in rows.items()
        ),
    )
    for number, (nature, kinds) in rows.items():
        assert _breach(workspace, f"inc-{number}")["nature"] == kinds, nature
    assert not [m for o in report.outcomes for m in o.messages if "names no confidentiality" in m]


def test_a_placeholder_states_nothing(workspace: Path, tmp_path: Path) -> None:
    """The import's one none-vocabulary (row_source): `n.v.t.` under special categories is no
    "none" (left out, kept in notes), `Geen` is; `-` under "Gemeld bij AP" states nothing,
    which is no "Nee" either."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Bijzondere persoonsgegevens;Gemeld bij AP;"
        "Betrokkenen geinformeerd\n"
        "p-1;04-03-2025 09:00;Brief kwijt;n.v.t.;-;n/a\n"
        "p-2;04-03-2025 09:00;Map kwijt;Geen;Geen;\n",
    )
    unstated = _breach(workspace, "inc-p-1")
    assert "special_categories" not in unstated
    assert "authority" not in unstated
    assert "data_subjects" not in unstated
    assert _record(workspace, "inc-p-1")["notes"].splitlines()[:3] == [
        "Special categories of personal data as written in the register: n.v.t.",
        "Notified to the authority as written in the register: -",
        "People affected told as written in the register: n/a",
    ]
    messages = _messages(report, 0)
    assert "special categories 'n.v.t.' states nothing; kept in notes" in messages
    assert "notified to the authority '-' states nothing; kept in notes" in messages
    assert "people affected told 'n/a' states nothing; kept in notes" in messages
    assert not [m for m in messages if m.startswith("not notified to the authority")]
    stated = _breach(workspace, "inc-p-2")
    assert stated["special_categories"] is False
    assert "authority" not in stated
    assert any(m.startswith("not notified to the authority ('Geen')") for m in _messages(report, 1))


def test_a_column_is_named_alike_in_every_note(workspace: Path, tmp_path: Path) -> None:
    """The breach cells of a row without personal data are kept under the labels every other
    note uses ("Notified to the authority", "Risk to people"), from one table of every field."""
    from complykit.exchange.incident_words import HEADERS, LABELS  # noqa: PLC0415

    assert set(LABELS) == set(HEADERS)
    _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Persoonsgegevens betrokken;Aard;Risico;Gemeld bij AP\n"
        "d-1;04-03-2025 09:00;DDoS;Nee;Beschikbaarheid;Geen;Nee\n"
        "d-2;04-03-2025 09:00;Lek;Ja;Beschikbaarheid (deels);Onduidelijk;Nee\n",
    )
    assert _record(workspace, "inc-d-1")["notes"].splitlines() == [
        "Nature of the breach as written in the register: Beschikbaarheid",
        "Risk to people as written in the register: Geen",
        "Notified to the authority as written in the register: Nee",
    ]
    assert _record(workspace, "inc-d-2")["notes"].splitlines() == [
        "Nature of the breach as written in the register: Beschikbaarheid (deels)",
        "Notified to the authority as written in the register: Nee",
        "Risk to people as written in the register: Onduidelijk",
    ]


def test_numbers_and_dates_exported_from_general_cells(workspace: Path, tmp_path: Path) -> None:
    """`200.0` (a number column exported as a float) is 200; an Excel date number in a
    General-format cell is not guessed at (1900 or 1904 date system), but the warning says
    what it is and how to fix it."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Aantal betrokkenen;Aantal records;Datum melding AP\n"
        "x-1;04-03-2025 09:00;Lijst gelekt;200.0;1.200;45721.5\n"
        "x-2;45721.5;Map kwijt;;;\n",
    )
    listing = _breach(workspace, "inc-x-1")
    assert listing["approximate_data_subjects"] == 200
    assert listing["approximate_records"] == 1200
    assert "notified_at" not in listing.get("authority", {})
    assert (
        "date notified to the authority '45721.5' looks like an Excel date number: format the "
        "column as a date; kept in notes"
    ) in _messages(report, 0)
    assert _messages(report, 1) == (
        (
            "no date the breach was discovered (discovered '45721.5' looks like an Excel date "
            "number: format the column as a date); an incident record needs it"
        ),
    )


def test_a_number_under_betrokkenen_is_the_number_of_people_affected(
    workspace: Path, tmp_path: Path
) -> None:
    """Registers put the count Art. 33(3)(a) asks for under 'Betrokkenen' too: '200' is 200
    people, not a category called '200'; a range gives its upper bound; '200 patiënten' gives
    both the count and the category. The cell is kept in notes and each reading is warned about;
    a cell of categories alone is read as before, and a count column wins over the cell."""
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Betrokkenen\n"
        "n-1;04-03-2025 09:00;Lijst gelekt;200\n"
        "n-2;04-03-2025 09:00;Lijst gelekt;\u00b1200\n"
        "n-3;04-03-2025 09:00;Lijst gelekt;ca. 1.500\n"
        "n-4;04-03-2025 09:00;Lijst gelekt;100-150\n"
        "n-5;04-03-2025 09:00;Lijst gelekt;200 pati\u00ebnten\n"
        "n-6;04-03-2025 09:00;Lijst gelekt;Pati\u00ebnten, leerlingen groep 7\n",
    )
    for row, (record_id, count) in enumerate(
        (("inc-n-1", 200), ("inc-n-2", 200), ("inc-n-3", 1500), ("inc-n-4", 150))
    ):
        breach = _breach(workspace, record_id)
        assert breach["approximate_data_subjects"] == count
        assert "data_subject_categories" not in breach
        assert [m for m in _messages(report, row) if "holds a number" in m]
        cell = ("200", "\u00b1200", "ca. 1.500", "100-150")[row]
        assert f"Categories of people affected as written in the register: {cell}" in (
            _record(workspace, record_id)["notes"].splitlines()
        )
    assert "upper bound, 150" in " ".join(_messages(report, 3))
    mixed = _breach(workspace, "inc-n-5")
    assert mixed["approximate_data_subjects"] == 200
    assert mixed["data_subject_categories"] == ["pati\u00ebnten"]
    assert [m for m in _messages(report, 4) if "holds a number" in m]
    named = _breach(workspace, "inc-n-6")
    assert named["data_subject_categories"] == ["Pati\u00ebnten", "leerlingen groep 7"]
    assert "approximate_data_subjects" not in named
    assert not [m for m in _messages(report, 5) if "holds a number" in m]


def test_a_count_column_wins_over_a_number_under_betrokkenen(
    workspace: Path, tmp_path: Path
) -> None:
    report = _imported(
        workspace,
        tmp_path,
        "Nr;Datum ontdekking;Omschrijving;Betrokkenen;Aantal betrokkenen\n"
        "c-1;04-03-2025 09:00;Lijst gelekt;200 klanten;250\n",
    )
    breach = _breach(workspace, "inc-c-1")
    assert breach["approximate_data_subjects"] == 250
    assert breach["data_subject_categories"] == ["klanten"]
    assert (
        "the number of people affected is 250, but the categories give 200; recorded as 250"
    ) in _messages(report, 0)

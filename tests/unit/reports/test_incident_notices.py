"""The breach register names the other authorities told (police, regulators, CSIRT) and, for an
AI Act serious incident, when the Art. 73 report is due; in every format and language."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import write_workspace
from complykit.reports.render import render_report, render_workbook
from complykit.validate.engine import run
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF

POLICE = {
    "en": "police: Politie (aangifte via politie.nl); notified on 5 June 2026",
    "nl": "politie: Politie (aangifte via politie.nl); gemeld op 5 juni 2026",
}
LABEL = {"en": "Other authorities notified", "nl": "Andere autoriteiten geïnformeerd"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_markdown_names_the_police_report(example_repo: Repository, lang: str) -> None:
    text = render_report("incidents", example_repo, lang=lang, output_format="markdown")
    row = next(line for line in text.splitlines() if POLICE[lang] in line)
    assert row.startswith(f"| **{LABEL[lang]}** |")
    assert "2026148702-1" in row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_html_names_the_police_report(example_repo: Repository, lang: str) -> None:
    html = render_report("incidents", example_repo, lang=lang, output_format="html")
    row = next(
        r
        for r in html.split("<tr>")
        if f'<th scope="row">{LABEL[lang]}</th>' in r and "Politie" in r
    )
    assert POLICE[lang] in row


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_names_the_police_report(example_repo: Repository, lang: str) -> None:
    sheet = load_workbook(
        BytesIO(render_workbook("incidents", example_repo, lang=lang))
    ).worksheets[1]
    header = [c.value for c in sheet[1]]
    column = header.index(LABEL[lang])
    laptop = next(
        r for r in sheet.iter_rows(min_row=2, values_only=True) if r[-1] == "inc-2026-009"
    )
    assert POLICE[lang] in str(laptop[column])


SERIOUS = """\
kind: incident
id: inc-serious
title: Triage advice led to harm
description: A wrong urgency contributed to serious harm to a patient's health.
severity: critical
status: open
detected_at: 2026-11-10T08:00:00+01:00
aware_at: 2026-11-10T09:00:00+01:00
personal_data_involved: false
ai_act:
  ai_systems: [ai-x]
  serious: true
  consequences: [death]
"""
SYSTEM = """\
kind: ai-system
id: ai-x
name: X
purpose: Test.
roles: [provider]
classification:
  risk_class: minimal
  reasoning: Minimal.
lifecycle: operation
"""


@pytest.mark.parametrize(
    ("lang", "due"),
    [
        ("en", "Report due (Art. 73(4), 10 days): end of 20 November 2026 (UTC+01:00)"),
        (
            "nl",
            "Melding uiterlijk (art. 73 lid 4, 10 dagen): einde van 20 november 2026 (UTC+01:00)",
        ),
    ],
)
def test_a_death_gives_ten_days_to_report(tmp_path: Path, lang: str, due: str) -> None:
    """Ten days counted from the day of awareness run to the end of the tenth (Regulation
    1182/71 Art. 3), in every format."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    (root / "incidents" / "inc.yaml").write_text(SERIOUS, encoding="utf-8")
    (root / "ai").mkdir()
    (root / "ai" / "x.yaml").write_text(SYSTEM, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    for output_format in ("markdown", "html"):
        assert due in render_report("incidents", repo, lang=lang, output_format=output_format)
    book = load_workbook(BytesIO(render_workbook("incidents", repo, lang=lang)))
    cells = [str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r]
    assert any(due in cell for cell in cells)


UNAWARE = """\
kind: incident
id: inc-payslips
title: Payslips mailed to the wrong address
description: A payroll run mailed 40 payslips to a former employee's address.
severity: high
status: closed
detected_at: 2026-11-01T09:30:00+01:00
personal_data_involved: true
breach:
  our_role: controller
  nature: [confidentiality]
  approximate_data_subjects: 40
  risk_to_individuals: risk
  risk_reasoning: Salary and bank details of 40 staff were read by a third party.
  authority:
    required: true
    notified_at: 2026-11-05T14:00:00+01:00
    reason: The payroll team only reported it to the DPO on the third day.
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ("notified after 100 hours", "late", "counted from detection")),
        ("nl", ("gemeld na 100 uur", "te laat", "geteld vanaf de detectie")),
    ],
)
def test_without_a_moment_of_awareness_the_clock_counts_from_detection(
    tmp_path: Path, lang: str, said: tuple[str, ...]
) -> None:
    """As validate counts it (INC005): a report that said "not applicable" here hid a late
    notification from the auditor it is made for."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    (root / "incidents" / "inc.yaml").write_text(UNAWARE, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    for output_format in ("markdown", "html"):
        text = render_report("incidents", repo, lang=lang, output_format=output_format)
        for words in said:
            assert words in text, (output_format, words)


PUBLIC = """\
kind: incident
id: inc-tape
title: Backup tape lost in transport
description: A backup tape with the addresses of former customers was lost in transport.
severity: high
status: contained
detected_at: 2026-11-02T09:00:00+01:00
aware_at: 2026-11-02T10:00:00+01:00
personal_data_involved: true
breach:
  our_role: controller
  nature: [confidentiality]
  approximate_data_subjects: 2000000
  risk_to_individuals: high-risk
  risk_reasoning: Citizen service numbers and bank account numbers, unencrypted.
  authority: {required: true, notified_at: 2026-11-03T09:00:00+01:00}
  data_subjects:
    required: false
    exemption: c
    reason: No current addresses for most former customers.
"""


def _incidents(tmp_path: Path, text: str, output_format: str) -> str:
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    (root / "incidents" / "inc.yaml").write_text(text, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return render_report("incidents", repo, lang="en", output_format=output_format)


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_exemption_c_still_owes_the_public_communication(
    tmp_path: Path, output_format: str
) -> None:
    """Art. 34(3)(c) replaces the individual notices, so the register shows the public
    communication as required and not yet made, not as "not required"."""
    planned = PUBLIC + "    method: Notice on the website and in two national newspapers\n"
    text = _incidents(tmp_path, planned, output_format)
    assert "required, not yet notified</strong>; Notice on the website" in text.replace(
        "**", "</strong>"
    )
    assert "not required" not in text.split("Data subjects (Art. 34)", 1)[1]
    assert "public communication instead" in text


def test_exemption_c_shows_the_public_communication_made(tmp_path: Path) -> None:
    """Once made, the register shows when and how people were told publicly."""
    made = PUBLIC + (
        "    method: Notice on the website and in two national newspapers\n"
        "    notified_at: 2026-11-06T08:00:00+01:00\n"
    )
    text = _incidents(tmp_path, made, "markdown")
    row = next(line for line in text.splitlines() if "Communication to data subjects" in line)
    assert "notified on 6 November 2026" in row
    assert "Notice on the website and in two national newspapers" in row


OVERDUE = """\
kind: incident
id: inc-late
title: Customer file on a public share
description: A customer file sat on a publicly shared folder.
severity: high
status: contained
detected_at: 2026-11-20T00:10:00+01:00
aware_at: 2026-11-20T00:30:00+01:00
personal_data_involved: true
breach:
  our_role: controller
  nature: [confidentiality]
  risk_to_individuals: risk
  risk_reasoning: Contact details of customers could be read by anyone with the link.
  authority: {required: true}
"""


@pytest.mark.parametrize(("day", "late"), [(date(2026, 11, 21), False), (date(2026, 11, 22), True)])
def test_late_flag_counts_the_deadline_in_utc_as_inc006_does(
    tmp_path: Path, day: date, late: bool
) -> None:
    """The 72 hours end at 2026-11-23T00:30+01:00, 2026-11-22 23:30 UTC: on 22 November the
    register calls the unmade notification late, as INC006 does, though the local date is 23."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    (root / "incidents" / "inc.yaml").write_text(OVERDUE, encoding="utf-8")
    repo = open_workspace(root, day).repo
    assert repo is not None
    text = render_report("incidents", repo, lang="en", output_format="markdown")
    row = next(line for line in text.splitlines() if "72-hour deadline" in line)
    assert ("**late**" in row) is late
    overdue = [f.code for f in run(root, as_of=day).findings if f.code == "INC006"]
    assert bool(overdue) is late


def test_xlsx_shows_the_planned_public_communication(tmp_path: Path) -> None:
    """The workbook names the public communication still to be made under exemption (c)."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    planned = PUBLIC + "    method: Notice on the website and in two national newspapers\n"
    (root / "incidents" / "inc.yaml").write_text(planned, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    book = load_workbook(BytesIO(render_workbook("incidents", repo, lang="en")))
    cells = [str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r]
    assert any(c.startswith("required, not yet notified; Notice on the website") for c in cells)


AVAILABILITY = """\
kind: incident
id: inc-{name}
title: Ransomware on the file server ({name})
description: Ransomware encrypted the file server.
severity: high
status: closed
detected_at: 2026-11-10T08:00:00+01:00
aware_at: 2026-11-10T09:00:00+01:00
personal_data_involved: true
breach:
  our_role: controller
  nature: [availability]
  risk_to_individuals: none
  risk_reasoning: No data left the network.
  {fact}
  authority: {{required: false, reason: Unlikely to result in a risk.}}
"""
RESTORED = AVAILABILITY.format(name="restored", fact="restored_at: 2026-11-10T13:00:00+01:00")
COPY = AVAILABILITY.format(name="copy", fact="still_available: in the CRM")
UNSHOWN = AVAILABILITY.format(name="unshown", fact="")
SHOWN = {
    "en": (
        "Availability of the data",
        "available again on 10 November 2026",
        "still available elsewhere: in the CRM",
        "not recorded as available again",
    ),
    "nl": (
        "Beschikbaarheid van de gegevens",
        "weer beschikbaar op 10 november 2026",
        "elders nog beschikbaar: in the CRM",
        "niet vastgelegd dat de gegevens weer beschikbaar zijn",
    ),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_register_shows_when_lost_data_was_back(tmp_path: Path, lang: str) -> None:
    """When lost data was available again, or where it stayed, is part of the effects the
    breach register documents (Art. 33(5)), and what INC025 asks about: every format shows it,
    and says so when the record does not."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "incidents").mkdir()
    for text in (RESTORED, COPY, UNSHOWN):
        name = text.split("\n", 2)[1].removeprefix("id: ")
        (root / "incidents" / f"{name}.yaml").write_text(text, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    for output_format in ("markdown", "html"):
        text = render_report("incidents", repo, lang=lang, output_format=output_format)
        for words in SHOWN[lang]:
            assert words in text, (output_format, words)
    sheet = load_workbook(BytesIO(render_workbook("incidents", repo, lang=lang))).worksheets[1]
    header = [c.value for c in sheet[1]]
    column = header.index(SHOWN[lang][0])
    cells = {r[-1]: str(r[column]) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert SHOWN[lang][1] in cells["inc-restored"]
    assert cells["inc-copy"] == SHOWN[lang][2]
    assert cells["inc-unshown"] == SHOWN[lang][3]

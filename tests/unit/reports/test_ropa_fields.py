"""The register of processing activities shows national identification numbers with the law
that allows them, an explicit statement that no one receives the data, and an Art. 30(5)
exemption claim; in every format and language."""

from __future__ import annotations

from pathlib import Path

import pytest

from complykit.reports.render import render_report
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository
from conftest import CASES, MakeWorkspace

from .conftest import AS_OF
from .documents import workbook_cells, workspace_with

BSN = {
    "en": "citizen service number (BSN, UAVG art. 46)",
    "nl": "burgerservicenummer (BSN, art. 46 UAVG)",
}
WAGE_TAX = "Wet op de loonbelasting 1964 art. 28 (wage tax administration)"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("output_format", ["html", "markdown"])
def test_the_bsn_names_its_legal_basis(
    example_repo: Repository, lang: str, output_format: str
) -> None:
    text = render_report("ropa", example_repo, lang=lang, output_format=output_format)
    bold = ("<strong>", "</strong>") if output_format == "html" else ("**", "**")
    assert f"{bold[0]}{BSN[lang]}{bold[1]}: {WAGE_TAX}" in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_names_the_bsn_and_its_legal_basis(example_repo: Repository, lang: str) -> None:
    cells = workbook_cells("ropa", example_repo, lang)
    assert any(f"{BSN[lang]}: {WAGE_TAX}" in cell for cell in cells)


ACTIVITY = """\
kind: processing-activity
id: pa-quiz
name: Staff quiz night
role: controller
purposes:
  - description: Register staff for a one-off quiz night.
    legal_basis: legitimate-interests
data_subjects: [employees]
personal_data:
  - name: Name and team
recipients: []
no_recipients: Only the organiser sees the list; it is deleted after the evening.
art30_exemption:
  occasional: true
  reasoning: A single evening with names only; no risk to the people.
"""
FACTS = {
    "en": ("no recipients: Only the organiser", "Art. 30(5) exemption claimed", "occasional: yes"),
    "nl": (
        "geen ontvangers: Only the organiser",
        "Beroep op de uitzondering van art. 30 lid 5",
        "incidenteel: ja",
    ),
}


@pytest.fixture
def quiz(tmp_path: Path) -> Repository:
    return workspace_with(tmp_path, {"register/pa-quiz.yaml": ACTIVITY})


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_recipients_and_the_exemption_appear(quiz: Repository, lang: str) -> None:
    none, label, occasional = FACTS[lang]
    md = render_report("ropa", quiz, lang=lang, output_format="markdown")
    assert none in md
    row = next(line for line in md.splitlines() if line.startswith(f"| {label} |"))
    assert f"{occasional}<br>A single evening" in row
    html = render_report("ropa", quiz, lang=lang, output_format="html")
    assert f'<th scope="row">{label}</th><td>{occasional}<br>A single evening' in html
    cells = workbook_cells("ropa", quiz, lang)
    assert any(cell.startswith(none) for cell in cells)
    assert f"{occasional}\nA single evening with names only; no risk to the people." in cells


LABEL = {"en": "Retention period", "nl": "Bewaartermijn"}
RETENTIONS = [
    # Data erased when an event happens shows "until <event>", not a period counted from it.
    (
        "{until: the subscriber unsubscribes}",
        {"en": "until the subscriber unsubscribes", "nl": "tot the subscriber unsubscribes"},
    ),
    # Data kept for good shows as kept permanently, with the law that has it kept.
    (
        "{permanent: true, legal_provision: Archiefwet 1995 art. 3}",
        {
            "en": "kept permanently (Archiefwet 1995 art. 3)",
            "nl": "blijvend bewaard (Archiefwet 1995 art. 3)",
        },
    ),
]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("retention", "shown"), RETENTIONS)
def test_retention_without_a_period_reads_as_such(
    tmp_path: Path, lang: str, retention: str, shown: dict[str, str]
) -> None:
    """A retention that is no period reads as what it is, in every format and language."""
    text = ACTIVITY.replace("art30_exemption:", f"retention: {retention}\nart30_exemption:")
    repo = workspace_with(tmp_path, {"register/pa-quiz.yaml": text})
    label, expected = LABEL[lang], shown[lang]
    md = render_report("ropa", repo, lang=lang, output_format="markdown")
    assert f"| {label} | {expected} |" in md
    html = render_report("ropa", repo, lang=lang, output_format="html")
    assert f'<th scope="row">{label}</th><td>{expected}</td>' in html
    assert expected in workbook_cells("ropa", repo, lang)


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "national register number (Belgium)"), ("nl", "rijksregisternummer (België)")],
)
def test_the_belgian_national_register_number_is_named(
    make_workspace: MakeWorkspace, lang: str, label: str
) -> None:
    repo = open_workspace(make_workspace(CASES / "GDPR033" / "rrn-without-law"), AS_OF).repo
    assert repo is not None
    assert label in render_report("ropa", repo, lang=lang, output_format="markdown")


PUBLIC_BODY = """\
kind: processing-activity
id: pa-permits
name: Environmental permits
role: controller
public_powers: true
purposes:
  - description: Decide on applications for environmental permits.
    legal_basis: public-task
    legal_provision: Wet algemene bepalingen omgevingsrecht
data_subjects: [applicants]
personal_data:
  - name: Name and address
recipients: []
no_recipients: Only the permit team sees the applications.
transfers:
  - country: RS
    recipient: Serbian Environmental Protection Agency
    mechanism: administrative-arrangement
    safeguards: Administrative arrangement on exchanging flood-risk data with the agency
    sa_authorisation:
      authority: Autoriteit Persoonsgegevens
      authorised_on: 2025-03-14
      reference: z2025-00123
"""
POWERS = {
    "en": (
        (
            "authorised by Autoriteit Persoonsgegevens on 14 March 2025, reference z2025-00123"
            " (Art. 46(3))"
        ),
        "Carried out by a public authority in the exercise of its public powers (Art. 49(3))",
    ),
    "nl": (
        (
            "toestemming verleend door Autoriteit Persoonsgegevens op 14 maart 2025, kenmerk"
            " z2025-00123 (art. 46 lid 3 AVG)"
        ),
        (
            "Verricht door een overheidsinstantie in de uitoefening van haar openbare bevoegdheden"
            " (art. 49 lid 3 AVG)"
        ),
    ),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_authorised_safeguard_and_public_powers_appear(tmp_path: Path, lang: str) -> None:
    """The authority's authorisation of an Art. 46(3) safeguard and the Art. 49(3) answer are
    what an auditor checks a public body's transfers against; every format shows both."""
    repo = workspace_with(tmp_path, {"register/pa-permits.yaml": PUBLIC_BODY})
    authorised, powers = POWERS[lang]
    for output_format in ("markdown", "html"):
        text = render_report("ropa", repo, lang=lang, output_format=output_format)
        assert authorised in text
        assert powers in text
    cells = workbook_cells("ropa", repo, lang)
    assert any(authorised in cell and cell.endswith(powers) for cell in cells)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_public_powers_stay_out_of_a_register_without_transfers(tmp_path: Path, lang: str) -> None:
    """Art. 49(3) bears only on transfers: an activity without any does not say it."""
    activity = PUBLIC_BODY.partition("transfers:")[0].replace(": true", ": false")
    repo = workspace_with(tmp_path, {"register/pa-permits.yaml": activity})
    words = {"en": "public powers", "nl": "openbare bevoegdheden"}[lang]
    for output_format in ("markdown", "html"):
        assert words not in render_report("ropa", repo, lang=lang, output_format=output_format)
    assert not any(words in cell for cell in workbook_cells("ropa", repo, lang))

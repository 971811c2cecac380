"""The AI register shows every field an AI system record holds, in every format and language."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import write_workspace
from complykit.reports.render import render_report, render_workbook
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF

# (English, Dutch) label and a value from the example that must sit in the same table row.
Fact = tuple[tuple[str, str], str | tuple[str, str]]
FACTS: dict[str, list[Fact]] = {
    "ai-cv-screening": [
        (
            ("Processing activities", "Verwerkingsactiviteiten"),
            "Recruitment and selection, including AI-assisted CV screening",
        ),
        (("Affected persons", "Betrokken personen"), "Applicants for vacancies at Tulip Health"),
        (("In use since", "In gebruik sinds"), ("1 December 2025", "1 december 2025")),
        (
            (
                "Design changed significantly since 2 August 2026 (Art. 111(2))",
                "Ontwerp sinds 2 augustus 2026 ingrijpend gewijzigd (art. 111 lid 2)",
            ),
            ("reviewed: 12 August 2026", "beoordeeld: 12 augustus 2026"),
        ),
        (("Logs (Art. 12, 26(6))", "Logs (art. 12, art. 26 lid 6)"), ("6 months", "6 maanden")),
        (
            ("Deployer duties (Art. 26)", "Verplichtingen als gebruiksverantwoordelijke (art. 26)"),
            ("12 November 2025", "12 november 2025"),
        ),
        (
            (
                "FRIA (AI Act Art. 27)",
                "Grondrechteneffectbeoordeling (FRIA, art. 27 AI-verordening)",
            ),
            ("none recorded", "niet vastgelegd"),
        ),
        (
            ("Practices (Art. 5(1))", "Praktijken (art. 5 lid 1)"),
            "The system reads CV text only",
        ),
        (
            (
                "AI system impact assessment (ISO/IEC 42001)",
                "Effectbeoordeling AI-systeem (ISO/IEC 42001)",
            ),
            "Skew against older applicants",
        ),
        (
            (
                "AI system impact assessment (ISO/IEC 42001)",
                "Effectbeoordeling AI-systeem (ISO/IEC 42001)",
            ),
            ("review interval: 1 year", "herzieningstermijn: 1 jaar"),
        ),
    ],
    "ai-support-chatbot": [
        (
            ("General-purpose AI model", "AI-model voor algemene doeleinden"),
            ("systemic risk (Art. 51): yes", "systeemrisico (art. 51): ja"),
        ),
        (
            ("Transparency (Art. 50)", "Transparantie (art. 50)"),
            (
                "interacts with people (Art. 50(1))",
                "staat in rechtstreekse interactie met personen (art. 50 lid 1)",
            ),
        ),
    ],
    "ai-triage-assistant": [
        (
            ("Provider duties (Art. 16)", "Verplichtingen als aanbieder (art. 16)"),
            ("notified body", "aangemelde instantie"),
        ),
        (("Processes personal data", "Verwerkt persoonsgegevens"), ("yes", "ja")),
    ],
}
CASES = [
    (lang, system, label, value)
    for system, facts in FACTS.items()
    for labels, values in facts
    for lang, label, value in zip(
        ("en", "nl"),
        labels,
        values if isinstance(values, tuple) else (values, values),
        strict=True,
    )
]


def _article(text: str, system: str) -> str:
    start = text.index(f'<article id="{system}">')
    return text[start : text.index("</article>", start)]


@pytest.mark.parametrize(("lang", "system", "label", "value"), CASES)
def test_html_row_holds_the_fact(
    example_repo: Repository, lang: str, system: str, label: str, value: str
) -> None:
    article = _article(
        render_report("ai-register", example_repo, lang=lang, output_format="html"), system
    )
    rows = [row for row in article.split("<tr>") if f'<th scope="row">{label}</th>' in row]
    assert rows, f"no row {label!r}"
    assert any(value in row for row in rows)


@pytest.mark.parametrize(("lang", "system", "label", "value"), CASES)
def test_markdown_row_holds_the_fact(
    example_repo: Repository, lang: str, system: str, label: str, value: str
) -> None:
    text = render_report("ai-register", example_repo, lang=lang, output_format="markdown")
    section = next(part for part in text.split("\n### ") if f"| `{system}` |" in part)
    rows = [line for line in section.splitlines() if line.startswith(f"| {label} |")]
    assert any(value in row for row in rows)


@pytest.mark.parametrize(("lang", "system", "label", "value"), CASES)
def test_xlsx_details_sheet_holds_the_fact(
    example_repo: Repository, lang: str, system: str, label: str, value: str
) -> None:
    book = load_workbook(BytesIO(render_workbook("ai-register", example_repo, lang=lang)))
    sheet = book.worksheets[-1]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert any(r[1] == label and value in str(r[2]) and r[3] == system for r in rows)


HOSTILE = """\
kind: ai-system
id: ai-hostile
name: Hostile
purpose: Test escaping.
roles: [deployer]
classification:
  risk_class: minimal
  reasoning: Minimal.
lifecycle: operation
affected_persons: ["<script>alert(1)</script> | **bold**"]
"""


def test_markup_in_a_new_field_stays_text(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "ai").mkdir()
    (root / "ai" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    html = render_report("ai-register", repo, lang="en", output_format="html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = render_report("ai-register", repo, lang="en", output_format="markdown")
    row = next(line for line in md.splitlines() if line.startswith("| Affected persons |"))
    # The md filter keeps the cell one cell: the pipe escaped, the tag and the emphasis as text.
    assert row.endswith("| &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*bold\\*\\* |")


NOTIFIED_FRIA = """\
kind: ai-system
id: ai-credit
name: Credit check
purpose: Scores the creditworthiness of customers who pay in instalments.
roles: [deployer]
classification:
  risk_class: high-risk
  reasoning: Credit scoring of natural persons.
  annex_iii: {area: 5, point: b}
lifecycle: operation
impact_assessments:
  - {type: fria, status: completed, completed: 2026-07-01, authority_notified: 2026-07-15}
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "results notified to the market surveillance authority: 15 July 2026"),
        ("nl", "resultaten gemeld aan de markttoezichtautoriteit: 15 juli 2026"),
    ],
)
def test_the_fria_row_says_when_the_authority_was_notified(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """The day the results went to the market surveillance authority (Art. 27(3)) is in the
    FRIA's row, for an auditor who asks."""
    assert shown in _article_of_one_system(tmp_path, NOTIFIED_FRIA, "ai-credit", lang)


def _article_of_one_system(tmp_path: Path, text: str, system_id: str, lang: str) -> str:
    """The HTML article of the AI register for a workspace holding only this system."""
    root = write_workspace(tmp_path / "ws", soa=None)
    (root / "ai").mkdir()
    (root / "ai" / f"{system_id}.yaml").write_text(text, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return _article(render_report("ai-register", repo, lang=lang, output_format="html"), system_id)


OPTED_OUT = """\
kind: ai-system
id: ai-notes
name: Meeting notes assistant
purpose: Summarises internal meetings.
roles: [deployer]
classification:
  risk_class: minimal
  reasoning: Internal summaries only.
lifecycle: operation
vendor_training:
  our_data: opt-out
  customer_data: not-applicable
  opted_out: 2025-09-30
  clause: Vendor AI terms 6.2
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "we opted out on 30 September 2025"),
        ("nl", "wij hebben bezwaar gemaakt op 30 september 2025"),
    ],
)
def test_the_vendor_training_row_says_when_we_opted_out(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """Beside opt-out terms, the day we objected, so that a reader sees what we did about them."""
    assert shown in _article_of_one_system(tmp_path, OPTED_OUT, "ai-notes", lang)


MARKED_OUTPUT = """\
kind: ai-system
id: ai-images
name: Campaign image generator
purpose: Generates images for marketing campaigns, which we sell on as a service.
roles: [provider]
classification:
  risk_class: transparency
  reasoning: Generates synthetic images.
  transparency:
    synthetic_content: true
    marking: C2PA content credentials on every image
lifecycle: operation
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "en",
            "machine-readable marking of the output (Art. 50(2)): C2PA content credentials",
        ),
        ("nl", "machineleesbare markering van de output (art. 50 lid 2): C2PA content credentials"),
    ],
)
def test_the_transparency_row_says_how_the_output_is_marked(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """How generated output is marked (Art. 50(2)) is shown apart from how people are told, so
    that a reader does not take a notice for the mark."""
    assert shown in _article_of_one_system(tmp_path, MARKED_OUTPUT, "ai-images", lang)


EDITED_NEWS = """\
kind: ai-system
id: ai-news
name: News writer
purpose: Drafts articles on local politics for our news site.
roles: [deployer]
classification:
  risk_class: transparency
  reasoning: Publishes text on matters of public interest.
  transparency:
    public_interest_text: true
    exceptions:
      - {ground: editorial-responsibility, reasoning: The editor-in-chief signs off each piece}
lifecycle: operation
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "en",
            (
                "exception relied on: human review with editorial responsibility (Art. 50(4)) - "
                "The editor-in-chief signs off each piece"
            ),
        ),
        (
            "nl",
            (
                "beroep op uitzondering: menselijke toetsing met redactionele verantwoordelijkheid "
                "(art. 50 lid 4) - The editor-in-chief signs off each piece"
            ),
        ),
    ],
)
def test_the_transparency_row_shows_the_exception_relied_on(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """An Art. 50 exception stands in for the disclosure, so the register shows it and why."""
    assert shown in _article_of_one_system(tmp_path, EDITED_NEWS, "ai-news", lang)


POLICE_CHATBOT = """\
kind: ai-system
id: ai-tips
name: Investigation assistant
purpose: Answers detectives' questions on case files during investigations.
roles: [provider, deployer]
classification:
  risk_class: transparency
  reasoning: Interacts with people.
  transparency:
    interacts_with_people: true
    exceptions:
      - {ground: law-enforcement, reasoning: The Police Act authorises it for investigations}
lifecycle: operation
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "en",
            (
                "authorised by law to detect, prevent, investigate or prosecute criminal offences "
                "(Art. 50(1)-(4))"
            ),
        ),
        (
            "nl",
            (
                "bij wet toegestaan om strafbare feiten op te sporen, te voorkomen, te onderzoeken "
                "of te vervolgen (art. 50 lid 1-4)"
            ),
        ),
    ],
)
def test_the_law_enforcement_exception_names_what_the_law_authorises(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """Art. 50 excepts systems authorised by law to detect, prevent, investigate or prosecute
    criminal offences: the label must not read as if the law authorised the offences."""
    assert shown in _article_of_one_system(tmp_path, POLICE_CHATBOT, "ai-tips", lang)


NATIONALLY_REGISTERED = """\
kind: ai-system
id: ai-grid
name: Grid load balancer
purpose: Balances load in electricity networks; we sell it to grid operators.
roles: [provider]
classification:
  risk_class: high-risk
  reasoning: Safety component in the supply of electricity.
  annex_iii: {area: 2, point: a}
provider_duties:
  national_registration: {registered: 2026-07-10, authority: National AI register}
lifecycle: operation
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "national registration (Art. 49(5)): National AI register, 10 July 2026"),
        (
            "nl",
            "nationale registratie (art. 49 lid 5): National AI register, 10 juli 2026",
        ),
    ],
)
def test_the_provider_row_shows_the_national_registration(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """A critical infrastructure system is registered nationally (Art. 49(5)), not in the EU
    database, and the register shows where."""
    assert shown in _article_of_one_system(tmp_path, NATIONALLY_REGISTERED, "ai-grid", lang)


URGENT_USE = """\
kind: ai-system
id: ai-rbi
name: Live face matching
purpose: Matches faces in station crowds against a list of wanted suspects.
roles: [deployer]
classification:
  risk_class: prohibited
  reasoning: Real-time remote biometric identification for law enforcement.
practices:
  techniques: [real-time-remote-biometric-identification]
  settings: [law-enforcement, publicly-accessible-spaces]
  law_enforcement_objective: imminent-threat
  urgent_use: {started: 2026-12-05, justification: A bomb threat, requested: 2026-12-05}
lifecycle: retired
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (
            "en",
            (
                "Urgent use before authorisation (Art. 5(3)): 5 December 2026; authorisation "
                "requested: 5 December 2026; A bomb threat"
            ),
        ),
        (
            "nl",
            (
                "Gebruik vóór toestemming wegens spoed (art. 5 lid 3): 5 december 2026; "
                "toestemming gevraagd: 5 december 2026; A bomb threat"
            ),
        ),
    ],
)
def test_the_practices_row_shows_an_urgent_use(tmp_path: Path, lang: str, shown: str) -> None:
    """An urgent use stands in for the prior authorisation only while its request was made in
    time (Art. 5(3)), so the register shows when it began and when the request went out."""
    assert shown in _article_of_one_system(tmp_path, URGENT_USE, "ai-rbi", lang)


REGISTERED_EXCEPTION = """\
kind: ai-system
id: ai-cv-parser
name: CV parser
purpose: Extracts names, dates and diplomas from CVs; we sell it to recruiters.
roles: [provider]
classification:
  risk_class: minimal
  reasoning: Data extraction only.
  annex_iii: {area: 4, point: a}
  profiling: false
  art6_3_exception:
    condition: a
    reasoning: A narrow procedural task that ranks or scores nobody.
    documented: 2026-07-01
    eu_database_registration: {registered: 2026-08-20, reference: EU-AI-0000123}
lifecycle: operation
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "EU database (Art. 49): 20 August 2026, EU-AI-0000123"),
        ("nl", "EU-databank (art. 49): 20 augustus 2026, EU-AI-0000123"),
        ("en", "assessment documented (Art. 6(4)): 1 July 2026"),
        ("nl", "beoordeling gedocumenteerd (art. 6 lid 4): 1 juli 2026"),
    ],
)
def test_the_art6_3_row_says_when_the_provider_registered(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """A provider's documentation and EU database entry for an Art. 6(3) claim (Art. 6(4),
    49(2)) are shown, so that a reader sees the claim was made openly."""
    assert shown in _article_of_one_system(tmp_path, REGISTERED_EXCEPTION, "ai-cv-parser", lang)


FOR_PUBLIC_AUTHORITIES = """\
kind: ai-system
id: ai-hiring
name: Civil service applicant ranking
purpose: Ranks applicants for civil service posts; sold to municipalities only.
roles: [provider]
classification:
  risk_class: high-risk
  reasoning: Evaluates candidates in recruitment.
  annex_iii: {area: 4, point: a}
intended_for_public_authorities: true
lifecycle: operation
in_use_since: 2025-06-01
legacy_review: {significant_change: false, reviewed: 2026-06-01}
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "intended to be used by public authorities: yes"),
        ("nl", "bedoeld voor gebruik door overheidsinstanties: ja"),
    ],
)
def test_the_legacy_row_says_whether_public_authorities_use_it(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """Beside the Art. 111(2) review, whether the system is meant for public authorities, which
    decides whether its duties apply from 2 August 2030 or not at all while it is unchanged."""
    assert shown in _article_of_one_system(tmp_path, FOR_PUBLIC_AUTHORITIES, "ai-hiring", lang)


AUTHORISED_RBI = """\
kind: ai-system
id: ai-rbi
name: Live face matching
purpose: Matches faces in station crowds against a list of missing children.
roles: [deployer]
classification:
  risk_class: high-risk
  reasoning: Remote biometric identification for a listed objective.
  annex_iii: {area: 1, point: a}
practices:
  techniques: [real-time-remote-biometric-identification]
  settings: [law-enforcement, publicly-accessible-spaces]
  law_enforcement_objective: victim-search
  authorisation: {authority: Rechtbank Den Haag, granted: 2026-05-04, reference: RC-2026-0412}
  national_law: Fictional Act on real-time identification
lifecycle: design
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "Prior authorisation (Art. 5(3)): Rechtbank Den Haag, 4 May 2026, RC-2026-0412"),
        ("nl", "Voorafgaande toestemming (art. 5 lid 3): Rechtbank Den Haag, 4 mei 2026"),
        ("en", "National law (Art. 5(5)): Fictional Act on real-time identification"),
        ("nl", "Nationaal recht (art. 5 lid 5): Fictional Act on real-time identification"),
    ],
)
def test_the_practices_row_shows_the_authorisation_and_the_law(
    tmp_path: Path, lang: str, shown: str
) -> None:
    """For real-time remote biometric identification, the authorisation and national law the
    exception rests on (Art. 5(3), 5(5)) are shown, not only its objective."""
    assert shown in _article_of_one_system(tmp_path, AUTHORISED_RBI, "ai-rbi", lang)

"""The DPIA report says when the monitoring a screening found is of a publicly accessible
area, the case Art. 35(3)(c) names, in every format and language."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import write_workspace
from complykit.reports.render import render_report
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

from .conftest import AS_OF
from .documents import workbook_cells, workspace_with

ACTIVITY = """\
kind: processing-activity
id: pa-cameras
name: Camera surveillance of the shop entrance
role: controller
purposes:
  - {description: Preventing theft, legal_basis: legitimate-interests}
data_subjects: [Visitors]
personal_data:
  - {name: Camera images}
retention: {period: P28D, trigger: Recording}
security_description: Images viewed only after an incident.
no_recipients: The data stays with the security team.
dpia: dpia-cameras
dpia_screening:
  systematic_monitoring: true
  publicly_accessible_area: PUBLIC
  innovative_technology: true
  conclusion: dpia-required
"""
DPIA = """\
kind: dpia
id: dpia-cameras
title: DPIA camera surveillance
status: in-progress
processing_activities: [pa-cameras]
"""
SHOWN = {
    "en": "3. systematic monitoring: of a publicly accessible area (Art. 35(3)(c))",
    "nl": "van een openbaar toegankelijke ruimte (art. 35 lid 3 sub c AVG)",
}


def _repo(tmp_path: Path, *, public: bool) -> Repository:
    root = write_workspace(tmp_path / "ws", soa=None)
    for folder, name, text in (
        ("register", "pa-cameras.yaml", ACTIVITY.replace("PUBLIC", str(public).lower())),
        ("dpia", "dpia-cameras.yaml", DPIA),
    ):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / name).write_text(text, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return repo


def _cells(repo: Repository, lang: str) -> list[str]:
    return workbook_cells("dpia", repo, lang)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_monitoring_of_a_public_area_is_named(tmp_path: Path, lang: str) -> None:
    repo = _repo(tmp_path, public=True)
    for output_format in ("html", "markdown"):
        assert SHOWN[lang] in render_report("dpia", repo, lang=lang, output_format=output_format)
    assert any(SHOWN[lang] in cell for cell in _cells(repo, lang))


def test_other_monitoring_is_not_said_to_be_public(tmp_path: Path) -> None:
    repo = _repo(tmp_path, public=False)
    assert "publicly accessible" not in render_report("dpia", repo, lang="en", output_format="html")
    assert not any("publicly accessible" in cell for cell in _cells(repo, "en"))


SCORING = """\
kind: processing-activity
id: pa-benefits
name: Assessing benefit applications
role: controller
purposes:
  - description: Deciding on applications
    legal_basis: public-task
    legal_provision: Participatiewet
data_subjects: [Applicants]
personal_data:
  - {name: Income data}
retention: {period: P7Y, trigger: Decision}
security_description: Access limited to benefit officers.
no_recipients: The data stays with the benefits team.
dpia: dpia-benefits
dpia_screening:
  evaluation_or_scoring: true
  decisions_with_significant_effect: true
  conclusion: dpia-not-required
  rationale: Assessed when the law was made.
  art35_10_basis:
    law: Participatiewet, art. 11
    impact_assessment: Memorie van toelichting, par. 7
"""
SCORING_SHOWN = {
    "en": (
        "1. evaluation or scoring: decisions with legal or similarly significant effects rest",
        "No DPIA of our own (Art. 35(10)): Participatiewet, art. 11; impact assessment",
    ),
    "nl": (
        "besluiten met rechtsgevolgen of vergelijkbare aanmerkelijke gevolgen berusten erop",
        "Geen eigen DPIA (art. 35 lid 10 AVG): Participatiewet, art. 11",
    ),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_decisions_on_a_score_and_the_art35_10_exemption_are_shown(
    tmp_path: Path, lang: str
) -> None:
    """The screening's Art. 35(3)(a) fact and its Art. 35(10) exemption reach the report: the
    first in every format, the exemption beside the conclusion it explains."""
    dpia = DPIA.replace("cameras", "benefits").replace("camera surveillance", "benefits")
    repo = workspace_with(
        tmp_path, {"register/pa-benefits.yaml": SCORING, "dpia/dpia-benefits.yaml": dpia}
    )
    decisions, exemption = SCORING_SHOWN[lang]
    for output_format in ("html", "markdown"):
        text = render_report("dpia", repo, lang=lang, output_format=output_format)
        assert decisions in text
        assert exemption in text
    assert any(decisions in cell for cell in _cells(repo, lang))


INFERRED = {"en": "inferred by complykit", "nl": "afgeleid door complykit"}
REST_ON_IT = {
    "en": "decisions with legal or similarly significant effects rest on it",
    "nl": "besluiten met rechtsgevolgen of vergelijkbare aanmerkelijke gevolgen berusten erop",
}
WHY = {
    "can-refuse": {
        "en": "the screening does not say whether they do, and the processing can stop people",
        "nl": "de pre-scan zegt niet of dat zo is, en door de verwerking kunnen betrokkenen",
    },
    "automated": {
        "en": "inferred by complykit from its automated decisions with such effects",
        "nl": "afgeleid door complykit uit de geautomatiseerde besluiten met zulke gevolgen",
    },
}


def _scoring_repo(tmp_path: Path, facts: str) -> Repository:
    root = write_workspace(tmp_path / "ws", soa=None)
    for folder in ("register", "dpia"):
        (root / folder).mkdir(exist_ok=True)
    screening = "  evaluation_or_scoring: true\n" + facts + "  conclusion: dpia-required\n"
    activity = SCORING.partition("dpia_screening:\n")[0] + "dpia_screening:\n" + screening
    (root / "register" / "pa-benefits.yaml").write_text(activity, encoding="utf-8")
    dpia = DPIA.replace("cameras", "benefits").replace("camera surveillance", "benefits")
    (root / "dpia" / "dpia-benefits.yaml").write_text(dpia, encoding="utf-8")
    repo = open_workspace(root, AS_OF).repo
    assert repo is not None
    return repo


def _shown(repo: Repository, lang: str) -> list[str]:
    """The DPIA report in every format and language: HTML, Markdown and the sheet's cells."""
    texts = [render_report("dpia", repo, lang=lang, output_format=f) for f in ("html", "markdown")]
    return [*texts, "\n".join(_cells(repo, lang))]


MAY_REST_ON_IT = {
    "en": (
        "decisions with legal or similarly significant effects may rest on it: Art. 35(3)(a) if "
        "the evaluation is systematic and extensive and based on automated processing"
    ),
    "nl": (
        "kunnen erop berusten: art. 35 lid 3 sub a AVG als de beoordeling systematisch en "
        "uitgebreid is en gebaseerd op geautomatiseerde verwerking"
    ),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("facts", "why"),
    [
        ("  prevents_exercising_rights: true\n", "can-refuse"),
        ("  automated_decision_legal_effect: true\n", "automated"),
    ],
)
def test_decisions_on_a_score_complykit_infers_are_shown_as_inferred(
    tmp_path: Path, lang: str, facts: str, why: str
) -> None:
    """Decisions DPIA003 takes to rest on the score, though the screening does not say so,
    are shown with the reason complykit infers them, in every format, and as Art. 35(3)(a)
    only if the evaluation is systematic, extensive and automated, which no fact records."""
    repo = _scoring_repo(tmp_path, facts)
    for text in _shown(repo, lang):
        assert MAY_REST_ON_IT[lang] in text
        assert REST_ON_IT[lang] not in text
        assert INFERRED[lang] in text
        assert WHY[why][lang] in text


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    "facts",
    [
        "  decisions_with_significant_effect: false\n  automated_decision_legal_effect: true\n",
        "  decisions_with_significant_effect: false\n  prevents_exercising_rights: true\n",
        # The other half of Art. 35(3)(a): the evaluation is not systematic and extensive.
        "  systematic_extensive_automated: false\n  automated_decision_legal_effect: true\n",
        "  systematic_extensive_automated: false\n  decisions_with_significant_effect: true\n",
    ],
)
def test_a_stated_false_wins_over_what_complykit_would_infer(
    tmp_path: Path, lang: str, facts: str
) -> None:
    """The screening states that no decision with such effects rests on the evaluation: an
    automated decision may rest on a rule instead, so the report shows no Art. 35(3)(a)
    reading of its own against it, as DPIA003 and DPIA004 read none."""
    repo = _scoring_repo(tmp_path, facts)
    for text in _shown(repo, lang):
        assert REST_ON_IT[lang] not in text
        assert MAY_REST_ON_IT[lang] not in text
        assert INFERRED[lang] not in text


@pytest.mark.parametrize(
    ("facts", "rest_on_it"),
    [
        ("  decisions_with_significant_effect: true\n  prevents_exercising_rights: true\n", True),
        ("  decisions_with_significant_effect: false\n  prevents_exercising_rights: true\n", False),
        ("", False),
    ],
)
def test_stated_decisions_on_a_score_are_not_marked_inferred(
    tmp_path: Path, facts: str, rest_on_it: bool
) -> None:
    """A screening that states whether decisions rest on the score is shown as it states."""
    repo = _scoring_repo(tmp_path, facts)
    for text in _shown(repo, "en"):
        assert (REST_ON_IT["en"] in text) is rest_on_it
        assert INFERRED["en"] not in text


REACH = {
    "applies": {
        "en": "decisions with legal or similarly significant effects rest on it (Art. 35(3)(a))",
        "nl": "vergelijkbare aanmerkelijke gevolgen berusten erop (art. 35 lid 3 sub a AVG)",
    },
    "applies-if-systematic": {
        "en": "rest on it: Art. 35(3)(a) if the evaluation is systematic and extensive",
        "nl": "berusten erop: art. 35 lid 3 sub a AVG als de beoordeling systematisch",
    },
    "may-apply": {
        "en": "similarly significant effects may rest on it (Art. 35(3)(a))",
        "nl": "gevolgen kunnen erop berusten (art. 35 lid 3 sub a AVG)",
    },
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    ("facts", "reach"),
    [
        (
            "  decisions_with_significant_effect: true\n  systematic_extensive_automated: true\n",
            "applies",
        ),
        ("  decisions_with_significant_effect: true\n", "applies-if-systematic"),
        (
            "  automated_decision_legal_effect: true\n  systematic_extensive_automated: true\n",
            "may-apply",
        ),
    ],
)
def test_art35_3_a_is_shown_as_far_as_the_screening_states_its_two_halves(
    tmp_path: Path, lang: str, facts: str, reach: str
) -> None:
    """Art. 35(3)(a) asks for decisions resting on the evaluation and for an evaluation that
    is systematic, extensive and automated: the report says the point applies only where the
    screening states both, names the half it does not state, and keeps 'may' for decisions
    complykit infers."""
    repo = _scoring_repo(tmp_path, facts)
    for text in _shown(repo, lang):
        assert REACH[reach][lang] in text
        for other in set(REACH) - {reach}:
            assert REACH[other][lang] not in text

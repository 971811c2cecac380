"""algoritmeregister: AI systems as publication records of the Algoritmeregister standard 1.0."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from complykit.core.errors import ComplykitError
from complykit.exchange.algoritmeregister import LIMITS, export_algoritmeregister
from complykit.workspace.open import open_repository
from complykit.workspace.repository import Repository
from conftest import BASE_CONFIG, EXAMPLE

KEYS = [
    "name", "description_short", "organization", "status", "begin_date", "contact_email",
    "publication_category", "goal", "human_intervention", "risks", "lawful_basis",
    "impacttoetsen_grouping", "source_data", "provider", "lang", "standard_version", "source_id",
]  # fmt: skip
SYSTEM = """\
kind: ai-system
id: ai-{id}
name: {name}
purpose: Sort incoming letters by topic.
description: {description}
roles: [deployer]
classification:
  risk_class: {risk_class}
  reasoning: Sorting letters takes no decision about people.
lifecycle: {lifecycle}
processing_activities: [pa-post]
"""
ACTIVITY = """\
kind: processing-activity
id: pa-post
name: Post sorting
role: controller
purposes:
  - description: Route letters
    legal_basis: public-task
    legal_provision: Gemeentewet art. 160
automated_decisions:
  used: {automated}
"""


def _repo(root: Path) -> Repository:
    return open_repository(root, date(2026, 11, 23))[0]


def _workspace(
    root: Path,
    *,
    description: str = "A classifier.",
    risk_class: str = "minimal",
    lifecycle: str = "development",
    automated: str = "false",
) -> Path:
    root.mkdir()
    shutil.copy(BASE_CONFIG, root / "complykit.yaml")
    text = SYSTEM.format(
        id="post",
        name="Postsorteerder",
        description=description,
        risk_class=risk_class,
        lifecycle=lifecycle,
    )
    (root / "ai-post.yaml").write_text(text, encoding="utf-8")
    (root / "pa-post.yaml").write_text(ACTIVITY.format(automated=automated), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def tulip() -> list[dict[str, object]]:
    exported = export_algoritmeregister(_repo(EXAMPLE))
    return exported.records


def test_example_exports_three_systems_with_every_key(tulip: list[dict[str, object]]) -> None:
    """Each of the three example AI systems has every key, in the standard's order."""
    assert [r["source_id"] for r in tulip] == [
        "ai-cv-screening",
        "ai-support-chatbot",
        "ai-triage-assistant",
    ]
    assert all(list(record) == KEYS for record in tulip)
    assert {(r["lang"], r["standard_version"]) for r in tulip} == {("nld", "1.0")}


def test_example_cv_screening(tulip: list[dict[str, object]]) -> None:
    """The high-risk CV screening tool is published as a high-risk AI system, in use."""
    cv = tulip[0]
    assert cv["publication_category"] == "Hoog-risico AI-systeem"
    assert cv["status"] == "In gebruik"
    assert cv["begin_date"] == "2025-12"
    assert cv["organization"] == "Tulip Health B.V."
    assert cv["contact_email"] == "privacy@tulip-health.nl"
    assert cv["provider"] == "Selectiq B.V."
    assert cv["risks"] == (
        "Recruiters rely on the CV ranking without real review; "
        "CV screening disadvantages applicants on protected grounds"
    )
    assert "gerechtvaardigd belang (art. 6 lid 1 sub f AVG)" in str(cv["lawful_basis"])
    assert cv["impacttoetsen_grouping"] == [
        {
            "title": "DPIA (gegevensbeschermingseffectbeoordeling): "
            "DPIA - AI-assisted CV screening in recruitment (afgerond)",
            "link": None,
        },
        {"title": "AI-systeemimpactbeoordeling (ISO/IEC 42001) (afgerond)", "link": None},
    ]


def test_example_chatbot_and_in_house_triage(tulip: list[dict[str, object]]) -> None:
    """A transparency-only chatbot is an other algorithm; an in-house model is our own."""
    assert tulip[1]["publication_category"] == "Overige algoritmes"
    assert tulip[2]["provider"] == "Tulip Health B.V."


def test_example_texts_fit_the_limits(tulip: list[dict[str, object]]) -> None:
    """No exported text is longer than the register allows."""
    for record in tulip:
        for key, limit in LIMITS.items():
            assert len(str(record[key] or "")) <= limit


@pytest.mark.parametrize(
    ("lifecycle", "status"),
    [("idea", "In ontwikkeling"), ("validation", "In ontwikkeling"),
     ("deployment", "In gebruik"), ("retired", "Buiten gebruik")],
)  # fmt: skip
def test_status_follows_lifecycle(tmp_path: Path, lifecycle: str, status: str) -> None:
    """The life-cycle stage maps onto the register's three statuses."""
    repo = _repo(_workspace(tmp_path / "ws", lifecycle=lifecycle))
    assert export_algoritmeregister(repo).records[0]["status"] == status


def test_long_description_is_cut_with_a_warning(tmp_path: Path) -> None:
    """A description over 350 characters is cut with an ellipsis, and a warning says so."""
    repo = _repo(_workspace(tmp_path / "ws", description="woord " * 100))
    exported = export_algoritmeregister(repo)
    short = str(exported.records[0]["description_short"])
    assert len(short) <= 350
    assert short.endswith("woord\u2026")
    assert exported.warnings == [
        "ai-post: description_short has 599 characters; cut to the Algoritmeregister limit of 350"
    ]


def test_automated_decisions_make_it_impactful(tmp_path: Path) -> None:
    """A minimal-risk system in an activity with solely automated decisions is impactful."""
    repo = _repo(_workspace(tmp_path / "ws", automated="true"))
    record = export_algoritmeregister(repo).records[0]
    assert record["publication_category"] == "Impactvolle algoritmes"
    assert record["lawful_basis"] == (
        "Post sorting: taak van algemeen belang of openbaar gezag "
        "(art. 6 lid 1 sub e AVG, Gemeentewet art. 160)"
    )
    assert record["contact_email"] is None
    assert record["impacttoetsen_grouping"] == []


def test_named_systems_only(tmp_path: Path) -> None:
    """--system picks systems by id, and an unknown id raises naming the known ones."""
    repo = _repo(_workspace(tmp_path / "ws"))
    assert len(export_algoritmeregister(repo, ["ai-post"]).records) == 1
    with pytest.raises(ComplykitError, match=r"no valid AI system 'ai-nope' .*ai-post"):
        export_algoritmeregister(repo, ["ai-nope"])


@pytest.mark.parametrize(
    "document", ["https://x.example/dpia.pdf", "Https://x.example/dpia.pdf", "HTTPS://x.example/a"]
)
def test_an_assessment_link_is_a_url_in_any_case(document: str) -> None:
    from complykit.exchange.algoritmeregister import _is_url  # noqa: PLC0415

    assert _is_url(document)  # a URL's scheme is case-insensitive (RFC 3986)
    assert not _is_url("docs/dpia.pdf")

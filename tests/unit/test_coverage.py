"""coverage.compute: GDPR requirements met by a small ISO/IEC 27701 Statement of Applicability."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builders import write_workspace
from complykit.analysis.coverage import (
    CoverageReport,
    CoverageStatus,
    Requirement,
    Support,
    compute,
    default_targets,
)
from complykit.core.errors import ComplykitError
from complykit.model.enums import ImplementationStatus
from complykit.workspace.open import open_repository

AS_OF = date(2026, 11, 23)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws")


def test_related_unverified_mappings_never_meet(workspace: Path) -> None:
    """27701 controls behind related, unverified rows support 6 provisions and meet none."""
    repo, errors = open_repository(workspace, AS_OF)
    report = compute(repo, "gdpr")
    counts = report.counts()
    assert errors == 0
    assert len(report.requirements) == 73
    assert (counts[CoverageStatus.MET], counts[CoverageStatus.PARTIAL]) == (0, 0)
    assert (counts[CoverageStatus.SUPPORTED], counts[CoverageStatus.NOT_MET]) == (6, 67)
    assert report.measured == ()
    assert [report.percent(status) for status in CoverageStatus] == [0.0, 0.0, 0.0, 0.0]


def test_requirement_lists_the_controls_that_support_it(workspace: Path) -> None:
    """Art. 6(1) is supported by A.7.2.2 through a related, unverified row, and met by none."""
    report = compute(open_repository(workspace, AS_OF)[0], "GDPR")
    by_id = {r.id: r for r in report.requirements}
    lawful = by_id["Art. 6(1)"]
    assert lawful.status == CoverageStatus.SUPPORTED
    assert lawful.met_by == ()
    supported = [(s.framework, s.control, s.strength) for s in lawful.supported_by]
    assert supported == [("iso27701-2019", "A.7.2.2", "related, unverified")]
    assert lawful.unverified
    assert lawful.title == "Lawful bases"
    assert by_id["Art. 7"].status == CoverageStatus.SUPPORTED


def _support(relationship: str, status: ImplementationStatus, *, unverified: bool) -> Support:
    return Support("iso27701-2019", "A.1", "t", relationship, unverified, status, applicable=True)


IMPLEMENTED, PARTLY = ImplementationStatus.IMPLEMENTED, ImplementationStatus.PARTIALLY_IMPLEMENTED


@pytest.mark.parametrize(
    ("relationship", "status", "unverified", "expected"),
    [
        ("equivalent", IMPLEMENTED, False, CoverageStatus.MET),
        ("subset", IMPLEMENTED, False, CoverageStatus.MET),
        ("subset", PARTLY, False, CoverageStatus.PARTIAL),
        ("related", IMPLEMENTED, False, CoverageStatus.SUPPORTED),
        ("equivalent", IMPLEMENTED, True, CoverageStatus.SUPPORTED),
        ("related", PARTLY, True, CoverageStatus.SUPPORTED),
        ("equivalent", ImplementationStatus.PLANNED, False, CoverageStatus.NOT_MET),
    ],
)
def test_only_verified_equivalent_or_subset_mappings_meet(
    relationship: str, status: ImplementationStatus, unverified: bool, expected: CoverageStatus
) -> None:
    """A control meets a requirement only through a verified equivalent or subset mapping."""
    assert _support(relationship, status, unverified=unverified).status == expected


def test_percentages_count_only_measured_requirements() -> None:
    """Percentages are over requirements with a verified strong mapping; others are left out."""
    met = Requirement("a", "A", (_support("equivalent", IMPLEMENTED, unverified=False),))
    open_ = Requirement(
        "b", "B", (_support("subset", ImplementationStatus.PLANNED, unverified=False),)
    )
    loose = Requirement("c", "C", (_support("related", IMPLEMENTED, unverified=True),))
    report = CoverageReport("gdpr", "GDPR", AS_OF, (), (met, open_, loose))
    assert report.measured == (met, open_)
    assert report.percent(CoverageStatus.MET) == 50.0
    assert report.percent(CoverageStatus.SUPPORTED) == 0.0
    assert loose.status == CoverageStatus.SUPPORTED


@pytest.mark.parametrize(
    ("requirement", "why"),
    [("Art. 30(1)", "excluded control"), ("Art. 5(1)(b)", "applicability still to decide")],
)
def test_only_applicable_controls_count(workspace: Path, requirement: str, why: str) -> None:
    """A control counts only when the SoA marks it applicable, whatever its status says."""
    report = compute(open_repository(workspace, AS_OF)[0], "gdpr")
    assert {r.id: r.status for r in report.requirements}[requirement] == CoverageStatus.NOT_MET, why


def test_requirements_follow_catalog_order(workspace: Path) -> None:
    """Requirements are listed in the order the GDPR catalog lists its items."""
    report = compute(open_repository(workspace, AS_OF)[0], "gdpr")
    ids = [r.id for r in report.requirements]
    assert ids.index("Art. 5(1)(b)") < ids.index("Art. 6(1)") < ids.index("Art. 30(1)")


def test_source_without_soa_is_named(tmp_path: Path) -> None:
    """With no SoA for 27701 every requirement is not met and the source shows no SoA."""
    report = compute(open_repository(write_workspace(tmp_path, soa=None), AS_OF)[0], "gdpr")
    assert [(s.framework, s.soa) for s in report.sources] == [("iso27701-2019", None)]
    assert report.counts()[CoverageStatus.NOT_MET] == len(report.requirements)


def test_default_targets_are_mapped_frameworks_in_scope(workspace: Path) -> None:
    """The base workspace has gdpr in scope, so gdpr is the default target."""
    assert default_targets(open_repository(workspace, AS_OF)[0]) == ["gdpr"]


def test_no_default_target_is_an_error(workspace: Path) -> None:
    """A workspace with only ISO frameworks in scope has no default target."""
    config = workspace / "complykit.yaml"
    text = config.read_text(encoding="utf-8").replace("[gdpr]", "[iso27001-2022]")
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ComplykitError, match="no framework in scope"):
        default_targets(open_repository(workspace, AS_OF)[0])


@pytest.mark.parametrize(
    ("target", "message"), [("gdrp", "unknown framework"), ("iso27001-2013", "no catalog maps")]
)
def test_unusable_target_is_an_error(workspace: Path, target: str, message: str) -> None:
    """An unknown framework, or one nothing maps onto, stops with a user-facing error."""
    with pytest.raises(ComplykitError, match=message):
        compute(open_repository(workspace, AS_OF)[0], target)


def test_invalid_config_asks_to_validate(workspace: Path) -> None:
    """An unusable complykit.yaml stops the run and points at complykit validate."""
    (workspace / "complykit.yaml").write_text("complykit: 1\n", encoding="utf-8")
    with pytest.raises(ComplykitError) as caught:
        open_repository(workspace, AS_OF)
    assert "complykit validate" in (caught.value.hint or "")


def test_broken_records_are_counted_and_skipped(workspace: Path) -> None:
    """A broken file adds to the error count while the valid SoA still counts."""
    (workspace / "broken.yaml").write_text("kind: risk\nid: [oops\n", encoding="utf-8")
    repo, errors = open_repository(workspace, AS_OF)
    assert errors == 1
    assert compute(repo, "gdpr").counts()[CoverageStatus.SUPPORTED] == 6

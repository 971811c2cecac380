"""Indexes built once per run answer as the scans they replace, in the same order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from complykit.facts import ai_act_gaps
from complykit.facts.ai_act_index import activities, completed
from complykit.model.ai_system import AiSystem
from complykit.model.dpia import Dpia
from complykit.model.processing import ProcessingActivity
from complykit.model.references import Marker, marker_key, reference_rows
from complykit.model.types import ControlsMarker, CountryMarker, EvidenceMarker, RefTo
from complykit.workspace.open import open_workspace
from complykit.workspace.repository import Repository

EXAMPLE = Path(__file__).parents[3] / "examples" / "tulip-health"


@pytest.fixture(scope="module")
def repo() -> Repository:
    opened = open_workspace(EXAMPLE, date(2026, 11, 23), jobs=1)
    assert opened.repo is not None
    return opened.repo


def test_activities_of_a_system_are_those_a_scan_finds(repo: Repository) -> None:
    """Activities the system names or that name it, in file order, as a full scan gives."""
    systems = repo.records(AiSystem)
    assert systems
    for _, system in systems:
        scanned = [
            a
            for _, a in repo.records(ProcessingActivity)
            if a.id in system.processing_activities or system.id in a.ai_systems
        ]
        assert activities(repo, system) == scanned
    assert any(activities(repo, system) for _, system in systems)


def test_a_system_has_a_dpia_exactly_when_a_scan_finds_one(repo: Repository) -> None:
    """The DPIA look-up by id and by named system agrees with scanning every DPIA."""
    for _, system in repo.records(AiSystem):
        for linked in ([], [d.id for _, d in repo.records(Dpia)], ["dpia-none"]):
            scanned = completed(system, "dpia") or any(
                d.status in ("completed", "approved")
                and (d.id in linked or system.id in d.ai_systems)
                for _, d in repo.records(Dpia)
            )
            assert ai_act_gaps._has_dpia(repo, system, linked) == scanned


def test_index_by_keeps_file_order_and_every_duplicate(repo: Repository) -> None:
    """Each value lists every record holding it, with its place among the records of its kind."""
    index = repo.index_by(ProcessingActivity, "id")
    listed = repo.records(ProcessingActivity)
    for place, (entry, activity) in enumerate(listed):
        assert (place, entry, activity) in index[activity.id]
    assert sum(len(found) for found in index.values()) == len(listed)


@pytest.mark.parametrize("marker", [RefTo, CountryMarker, ControlsMarker, EvidenceMarker])
def test_references_to_a_marker_are_those_a_filter_of_every_reference_finds(
    repo: Repository, marker: type[Marker]
) -> None:
    """The references of one marker type, from the records holding one, in walk order."""
    filtered = [(e, r) for e, r in repo.references() if isinstance(r.marker, marker)]
    assert filtered
    assert list(repo.references_to(marker)) == filtered


def test_kept_references_are_shared_and_a_walk_once_keeps_none() -> None:
    """References an entry keeps (for the REF checks) are one object per value and path across
    records, as the memory budget counts on; a walk for the cache keeps nothing on the entry.
    A workspace of its own: the other tests' has been walked."""
    repo = open_workspace(EXAMPLE, date(2026, 11, 23), jobs=1).repo
    assert repo is not None
    by_value: dict[tuple[object, ...], int] = {}
    for entry in repo.entries:
        once = reference_rows(entry.record)
        assert entry.references_at_hand() is None
        kept = entry.references()
        assert [(marker_key(r.marker), r.value, r.loc) for r in kept] == once
        for reference in kept:
            if isinstance(reference.value, str):
                key = (reference.loc, reference.value, reference.marker)
                assert by_value.setdefault(key, id(reference)) == id(reference), entry
    assert len(by_value) < sum(len(e.references()) for e in repo.entries)

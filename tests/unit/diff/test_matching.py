"""Pairing base and head findings without looking at lines."""

from __future__ import annotations

from pathlib import PurePosixPath

from complykit.core.findings import Finding, Severity
from complykit.diff.matching import match_findings


def _finding(
    code: str, line: int, record: str | None = "pa-x", path: str = "a.yaml", message: str = "m"
) -> Finding:
    return Finding(PurePosixPath(path), line, 1, code, Severity.ERROR, message, record=record)


def test_a_moved_line_is_the_same_finding() -> None:
    """A finding whose line changed is unchanged, neither new nor fixed."""
    diff = match_findings([_finding("GDPR001", 3)], [_finding("GDPR001", 9)])
    assert (diff.new, diff.fixed, diff.unchanged) == ((), (), 1)


def test_a_record_finding_follows_its_record_to_another_file() -> None:
    """A finding on a record that moved files still matches by record."""
    diff = match_findings([_finding("GDPR001", 3)], [_finding("GDPR001", 3, path="b.yaml")])
    assert diff.unchanged == 1


def test_without_a_record_the_file_decides() -> None:
    """A file-level finding in another file is new, and the old one fixed."""
    old, new = _finding("YAML001", 2, record=None), _finding("YAML001", 2, None, "b.yaml")
    diff = match_findings([old], [new])
    assert (diff.new, diff.fixed) == ((new,), (old,))


def test_another_message_is_another_finding() -> None:
    """The same code with a different message is a new finding."""
    old, new = (
        _finding("GDPR013", 5, message="'a' is health"),
        _finding("GDPR013", 5, message="'b' is health"),
    )
    diff = match_findings([old], [new])
    assert (diff.new, diff.fixed) == ((new,), (old,))


def test_a_second_copy_of_an_old_finding_is_new() -> None:
    """Equal keys pair one to one: two in the head against one in the base leave one new."""
    diff = match_findings(
        [_finding("GDPR001", 1)], [_finding("GDPR001", 1), _finding("GDPR001", 7)]
    )
    assert ([f.line for f in diff.new], diff.unchanged) == ([7], 1)

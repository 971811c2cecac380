"""The closing notes of a run: what holds for all the findings of a rule, said once.

A rule's ``note`` would otherwise repeat in the hint of each of its findings, once per record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from complykit.core.findings import Finding, RuleInfo
    from complykit.core.result import Result


def closing_notes(result: Result) -> list[tuple[tuple[str, ...], str]]:
    """Each note of the rules that reported findings, once, with the codes it is about."""
    return notes_of(result.findings, result.rules)


def notes_of(
    findings: Iterable[Finding], rules: Mapping[str, RuleInfo]
) -> list[tuple[tuple[str, ...], str]]:
    """Each note of the rules among ``rules`` that ``findings`` come from, once, with the
    codes it is about."""
    codes: dict[str, list[str]] = {}
    for code in sorted({finding.code for finding in findings}):
        rule = rules.get(code)
        if rule is not None and rule.note:
            codes.setdefault(rule.note, []).append(code)
    return [(tuple(named), note) for note, named in codes.items()]


def note_lines(result: Result) -> list[str]:
    """The closing notes as plain sentences: ``Note (AIA006, AIA012): ...``."""
    return said(closing_notes(result))


def said(notes: list[tuple[tuple[str, ...], str]]) -> list[str]:
    """Notes as plain sentences: ``Note (AIA006, AIA012): ...``."""
    return [f"Note ({', '.join(codes)}): {note}" for codes, note in notes]

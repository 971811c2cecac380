"""What a controller activity's own record says about the WP248 criteria when no screening
judges them, and the head count beyond which 'not large scale' needs explaining."""

from __future__ import annotations

from collections.abc import Iterator

from complykit.core.frozen import frozen
from complykit.facts.dpia_screening import rule_of_thumb
from complykit.model.enums import ProcessingRole
from complykit.model.processing import ProcessingActivity
from complykit.workspace.repository import Entry, Repository

LARGE_SCALE_COUNT = 100_000
"""From this many people on, complykit takes processing as large scale where no screening
judges it, and asks a screening that calls it small to look again.

The GDPR sets no number, and the WP29 guidance (WP243, WP248) weighs the number of people with
the volume, duration and reach of the processing. The one figure we know from a supervisory
authority is the Dutch AP's reading for care providers: patient records of more than 10,000
people in one system are large scale (reported in 2019 in Dutch legal and sector press; not
checked against the AP's own text). Ten times that figure leaves room for every sector and
reading; below it, only the screening's own judgement counts."""


def head_count(activity: ProcessingActivity) -> int | None:
    """The number of people the record gives: the screening's count, else the activity's."""
    screening = activity.dpia_screening
    counted = screening.scale.data_subjects if screening and screening.scale else None
    return counted if counted is not None else activity.data_subject_count


def counted_large(activity: ProcessingActivity) -> bool:
    """Whether the record counts at least ``LARGE_SCALE_COUNT`` people."""
    count = head_count(activity)
    return count is not None and count >= LARGE_SCALE_COUNT


@frozen
class Unscreened:
    """A controller activity with no screening and no DPIA, and the WP248 criteria its own
    record meets, each with the fact that meets it."""

    where: Entry
    activity: ProcessingActivity
    facts: list[tuple[str, str]]
    """(catalog key of the criterion, the record's fact that meets it)."""
    art35_3b: bool
    """Special-category or criminal-offence data counted as large scale: Art. 35(3)(b)."""


def unscreened(repo: Repository) -> Iterator[Unscreened]:
    """Controller activities without a screening or a DPIA whose record meets WP248's rule of
    thumb (two criteria) on the facts it states for sure: automated decisions, special or
    criminal data, and the head count. Free text, such as the data subjects, is not read."""
    threshold = rule_of_thumb(repo.catalogs.framework("dpia-criteria"))
    for entry, activity in repo.records(ProcessingActivity):
        if activity.role is ProcessingRole.PROCESSOR or activity.dpia_screening or activity.dpia:
            continue
        facts = list(_facts(activity))
        sensitive = any(key == "sensitive_or_highly_personal_data" for key, _ in facts)
        if len(facts) >= threshold:
            yield Unscreened(entry, activity, facts, sensitive and counted_large(activity))


def _facts(activity: ProcessingActivity) -> Iterator[tuple[str, str]]:
    decisions = activity.automated_decisions
    if decisions is not None and decisions.used:
        yield "automated_decision_legal_effect", "`automated_decisions.used`"
    sensitive = next(
        (d for d in activity.personal_data if d.special_category or d.criminal_offence_data),
        None,
    )
    if sensitive is not None:
        what = sensitive.special_category or "criminal-offence"
        yield "sensitive_or_highly_personal_data", f"{what} data in '{sensitive.name}'"
    count = activity.data_subject_count
    if count is not None and count >= LARGE_SCALE_COUNT:
        yield "large_scale", f"`data_subject_count: {count}`"

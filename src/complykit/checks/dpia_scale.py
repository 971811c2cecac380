"""DPIA: what a controller activity's own record says when no screening judges it, and a
screening that calls processing of very many people small.

A screening is the place to judge the criteria; these rules only ask for one, or for a second
look, and read no free text, since real registers describe the same facts in many ways.
"""

from __future__ import annotations

from collections.abc import Iterator

from complykit.catalog.models import Item
from complykit.checks.registry import check
from complykit.core.findings import Severity
from complykit.facts.dpia_screening import screened
from complykit.facts.dpia_unscreened import LARGE_SCALE_COUNT, head_count, unscreened
from complykit.facts.problem import Problem
from complykit.workspace.repository import Repository


@check(
    code="DPIA013",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpia-screening-missing",
    severity=Severity.WARNING,
    citation=("GDPR Art. 35(1)",),
    hint="Screen the activity: add a `dpia_screening` with the criteria met and a conclusion, "
    "or carry out the DPIA and link it with `dpia:`.",
)
def dpia_screening_missing(repo: Repository) -> Iterator[Problem]:
    """A controller activity has no screening and no DPIA, yet its own record already meets two
    WP248 criteria.

    Only facts the record states for sure are counted: ``automated_decisions.used`` (criterion
    2), special-category or criminal-offence data (criterion 4) and a ``data_subject_count`` of
    100,000 or more (criterion 5; the GDPR sets no number, so complykit takes ten times the
    Dutch AP's figure for care providers, as reported in the press and not checked against the
    AP's own text). Special or criminal data on that scale is also Art. 35(3)(b).

    PASS: health data, ``data_subject_count: 500000`` and a ``dpia_screening``.
    FAIL: health data, ``data_subject_count: 500000`` and no ``dpia_screening`` or ``dpia``.
    """
    items = _wp248(repo)
    for u in unscreened(repo):
        met = [(items.get(key), fact) for key, fact in u.facts]
        named = ", ".join(f"{_name(item)} ({fact})" for item, fact in met)
        mandatory = (
            "; special-category or criminal-offence data on that scale is Art. 35(3)(b), which "
            "always needs a DPIA"
            if u.art35_3b
            else ""
        )
        yield Problem(
            u.where,
            ("name",),
            f"'{u.activity.name}' has no DPIA screening, but its own record already meets "
            f"{len(met)} WP248 criteria: {named}{mandatory}",
            citation=(
                "GDPR Art. 35(1)",
                *(f"EDPB WP248 {item.id}" for item, _ in met if item),
                *(("GDPR Art. 35(3)(b)",) if u.art35_3b else ()),
            ),
        )


def _wp248(repo: Repository) -> dict[str, Item]:
    catalog = repo.catalogs.framework("dpia-criteria")
    items = catalog.items if catalog else []
    return {str(i.attributes.get("key")): i for i in items if i.group == "wp248"}


def _name(item: Item | None) -> str:
    return f"{item.id} {item.title.lower()}" if item else "a WP248 criterion"


@check(
    code="DPIA014",
    reads=("processing-activity",),
    per_record=True,
    framework="gdpr",
    name="dpia-scale-understated",
    severity=Severity.WARNING,
    citation=("GDPR Art. 35(1)", "EDPB WP248 WP248-5"),
    hint="Look at the judgement again; if it stands, say in `rationale` why so many people do "
    "not make the processing large scale, and waive this finding.",
)
def dpia_scale_understated(repo: Repository) -> Iterator[Problem]:
    """A screening calls the processing not large scale although it counts 100,000 people or
    more.

    Large scale is weighed on the number of people, the data, the duration and the reach; the
    GDPR sets no number. At 100,000 people (ten times the Dutch AP's figure for care
    providers, as reported in the press and not checked against the AP's own text) a 'no'
    needs a second look: it decides WP248 criterion 5, Art. 35(3)(b) and (c), and Art. 37(1).

    PASS: ``scale: {data_subjects: 2000000, large_scale: true}``.
    FAIL: ``scale: {data_subjects: 2000000, large_scale: false}``.
    """
    for s in screened(repo):
        scale = s.screening.scale
        count = head_count(s.activity)
        if scale and not scale.large_scale and count is not None and count >= LARGE_SCALE_COUNT:
            yield Problem(
                s.where,
                ("dpia_screening", "scale", "large_scale"),
                f"the screening says the processing is not large scale, but it concerns about "
                f"{count:,} people",
            )

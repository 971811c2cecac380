"""How a DPIA screening's facts add up: the WP248 criteria met and the reasons that always
require a DPIA (the Dutch AP list, Art. 35(3)(a)-(c)). The DPIA checks read this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from complykit.catalog.models import Catalog, Item
from complykit.core.frozen import frozen
from complykit.model.enums import LAID_DOWN_BY_LAW, ProcessingRole
from complykit.model.processing import ProcessingActivity
from complykit.model.screening import DpiaScreening
from complykit.workspace.repository import Entry, Repository

_RULE_OF_THUMB = 2  # used when the catalog states no threshold
# The Art. 6(1) grounds whose processing Art. 35(10) can exempt from a DPIA.
Criterion = Callable[[ProcessingActivity, DpiaScreening], bool]

# How each WP248 criterion (by its catalog key) is read from an activity and its screening.
_CRITERIA: dict[str, Criterion] = {
    "evaluation_or_scoring": lambda _, s: s.evaluation_or_scoring,
    "automated_decision_legal_effect": lambda a, s: (
        s.automated_decision_legal_effect
        or (a.automated_decisions is not None and a.automated_decisions.used)
    ),
    "systematic_monitoring": lambda _, s: s.systematic_monitoring,
    "sensitive_or_highly_personal_data": lambda a, s: s.highly_personal_data or _sensitive(a),
    "large_scale": lambda _, s: s.scale is not None and s.scale.large_scale,
    "matching_combining_datasets": lambda _, s: s.matching_or_combining,
    "vulnerable_data_subjects": lambda _, s: bool(s.vulnerable_data_subjects),
    "innovative_technology": lambda _, s: s.innovative_technology,
    "prevents_exercising_right_or_service": lambda _, s: s.prevents_exercising_rights,
}


def _sensitive(activity: ProcessingActivity) -> bool:
    """Art. 9 special categories or Art. 10 criminal-offence data among the data categories."""
    return any(d.special_category or d.criminal_offence_data for d in activity.personal_data)


@frozen
class Screened:
    """A controller activity with a screening, and what the screening's facts amount to."""

    where: Entry
    activity: ProcessingActivity
    screening: DpiaScreening
    criteria: list[Item]
    likely_high_risk: bool
    """Whether the criteria met reach WP248's rule of thumb."""
    mandatory: list[tuple[str, str]]
    """(citation, label) of each reason that always requires a DPIA: AP list, Art. 35(3)."""

    @property
    def criteria_named(self) -> str:
        return ", ".join(f"{c.id} {c.title.lower()}" for c in self.criteria)

    @property
    def criteria_cited(self) -> tuple[str, ...]:
        return tuple(f"EDPB WP248 {c.id}" for c in self.criteria)

    @property
    def dpia_needed(self) -> bool:
        # A mandatory item under a `dpia-not-required` conclusion is DPIA003's finding already.
        conclusion = self.screening.conclusion
        always = bool(self.mandatory) and not self.exempt
        return conclusion == "dpia-required" or (conclusion == "to-decide" and always)

    @property
    def exempt(self) -> bool:
        """Whether Art. 35(10) lifts the DPIA duty: a law adopted with a general impact
        assessment is recorded, and every purpose rests on Art. 6(1)(c) or (e), as the
        paragraph asks; a purpose on another ground, or none stated, is not covered."""
        bases = [p.legal_basis for p in self.activity.purposes]
        return (
            self.screening.art35_10_basis is not None
            and bool(bases)
            and all(b in LAID_DOWN_BY_LAW for b in bases)
        )

    def needs(self, noun: str) -> str:
        """``AP list item 11 (...) always needs {noun}``; Art. 35(3)(a) while the screening
        leaves part of it unstated ``needs {noun} if ...``, never "always"."""
        condition = self._a_condition
        certain = [label for c, label in self.mandatory if not (c == _A and condition)]
        said = []
        if certain:
            verb = "always needs" if len(certain) == 1 else "always need"
            said.append(f"{and_joined(certain)} {verb} {noun}")
        if condition:
            label = next(label for c, label in self.mandatory if c == _A)
            said.append(f"{label} needs {noun} if {condition}")
        return ", and ".join(said)

    @property
    def a_clearing(self) -> str:
        """How a conditional Art. 35(3)(a) is settled, to add to a finding; or nothing."""
        return art35_3_a_clearing(self.activity, self.screening) if self._a_condition else ""

    @property
    def _a_condition(self) -> str:
        if not any(c == _A for c, _ in self.mandatory):
            return ""
        return art35_3_a_condition(self.activity, self.screening)

    @property
    def exemption_refused(self) -> str:
        """Why a recorded ``art35_10_basis`` does not count, to add to a finding; or nothing."""
        if self.screening.art35_10_basis is None or self.exempt:
            return ""
        return (
            "; the `art35_10_basis` recorded does not lift it, for Art. 35(10) covers only "
            "processing whose every purpose rests on Art. 6(1)(c) or (e)"
        )


def screened(repo: Repository) -> Iterator[Screened]:
    criteria = _Criteria(repo)
    for entry, activity in repo.records(ProcessingActivity):
        found = criteria.screen(repo, entry, activity)
        if found is not None:
            yield found


def screen(repo: Repository, entry: Entry, activity: ProcessingActivity) -> Screened | None:
    """What one controller activity's screening amounts to; None without a screening."""
    if activity.dpia_screening is None:
        return None
    return _Criteria(repo).screen(repo, entry, activity)


class _Criteria:
    """The catalog's WP248 criteria and threshold, looked up once for many activities."""

    __slots__ = ("catalog", "threshold", "wp248")

    def __init__(self, repo: Repository) -> None:
        self.catalog = repo.catalogs.framework("dpia-criteria")
        self.wp248 = [i for i in self.catalog.items if i.group == "wp248"] if self.catalog else []
        self.threshold = rule_of_thumb(self.catalog)

    def screen(
        self, repo: Repository, entry: Entry, activity: ProcessingActivity
    ) -> Screened | None:
        screening = activity.dpia_screening
        if screening is None or activity.role is ProcessingRole.PROCESSOR:
            return None
        met, mandatory = _MEMO.amounts(repo, self.catalog, self.wp248, activity)
        return Screened(entry, activity, screening, met, len(met) >= self.threshold, mandatory)


_Amounts = tuple[list[Item], list[tuple[str, str]]]


class _Memo:
    """What each activity's screening amounts to, worked out once per run: six checks ask,
    and working it out again took a third of the rules' time at 50,000 records.

    Kept for one run only: the memo starts afresh when asked about another workspace config
    (every view of one run's repository shares its config object). Each value holds the
    activity and catalog it was made for, so an identity is never mistaken for a later
    object's; records are frozen, so what was worked out holds.
    """

    __slots__ = ("config", "found")

    def __init__(self) -> None:
        self.config: object = None
        self.found: dict[int, tuple[ProcessingActivity, Catalog | None, _Amounts]] = {}

    def amounts(
        self,
        repo: Repository,
        catalog: Catalog | None,
        wp248: list[Item],
        activity: ProcessingActivity,
    ) -> _Amounts:
        if repo.config is not self.config:
            self.config, self.found = repo.config, {}
        kept = self.found.get(id(activity))
        if kept is not None and kept[0] is activity and kept[1] is catalog:
            return kept[2]
        screening = activity.dpia_screening
        assert screening is not None  # noqa: S101 - screened() asks only about screened ones
        met = [i for i in wp248 if _meets(i, activity, screening)]
        found = met, _mandatory(catalog, activity, screening, dutch=under_the_ap(repo))
        self.found[id(activity)] = (activity, catalog, found)
        return found


_MEMO = _Memo()


def rule_of_thumb(catalog: Catalog | None) -> int:
    """WP248's rule of thumb: from this many criteria on, a DPIA is needed in most cases."""
    groups = catalog.groups if catalog else []
    found = next((g.attributes.get("threshold") for g in groups if g.id == "wp248"), None)
    return found if isinstance(found, int) else _RULE_OF_THUMB


def _meets(item: Item, activity: ProcessingActivity, screening: DpiaScreening) -> bool:
    reader = _CRITERIA.get(str(item.attributes.get("key")))
    return reader is not None and reader(activity, screening)


def under_the_ap(repo: Repository) -> bool:
    """Whether the Dutch AP supervises us, so that its Art. 35(4) list binds (each authority
    publishes its own; a Belgian controller answers to the GBA's)."""
    return repo.config.organisation.supervisory_authority.country == "NL"


def _mandatory(
    catalog: Catalog | None,
    activity: ProcessingActivity,
    screening: DpiaScreening,
    *,
    dutch: bool,
) -> list[tuple[str, str]]:
    found = []
    for number in screening.ap_list_items if dutch else ():
        item_id = f"AP-{number:02d}"
        found.append(
            (f"AP DPIA list {item_id}", _label(catalog, item_id, f"AP list item {number}"))
        )
    found.extend((f"GDPR {p}", _label(catalog, p, p)) for p in _art35_3(activity, screening))
    return found


def _art35_3(activity: ProcessingActivity, screening: DpiaScreening) -> Iterator[str]:
    """The points of Art. 35(3) the screening's facts meet: the GDPR's own cases that always
    need a DPIA, whatever the rationale says."""
    large = screening.scale is not None and screening.scale.large_scale
    if art35_3_a(activity, screening) is not None:
        yield "Art. 35(3)(a)"
    if large and _sensitive(activity):
        yield "Art. 35(3)(b)"
    if large and screening.systematic_monitoring and screening.publicly_accessible_area:
        yield "Art. 35(3)(c)"


# Why decisions rest on the evaluation: the screening says so, or complykit infers it from
# automated decisions with such effects, or from processing that can refuse people a right,
# a service or a contract (WP248 criterion 9) where the screening does not say.
DecisionsOnScore = Literal["stated", "automated", "can-refuse"]


def decisions_on_score(
    activity: ProcessingActivity, screening: DpiaScreening
) -> DecisionsOnScore | None:
    """Why decisions with legal or similarly significant effects rest on the evaluation, as
    Art. 35(3)(a) asks, or None when they do not. They need not be automated: a person
    deciding on a score is the textbook case. What the screening states wins: ``false`` means
    no such decision rests on the evaluation, even where automated decisions are made (they
    may rest on a rule rather than on the evaluation). Unstated, automated decisions with such
    effects are taken to rest on it, and so is an evaluation of processing that can stop
    people using a right, service or contract (WP248 criterion 9)."""
    stated = screening.decisions_with_significant_effect
    if stated is not None:
        return "stated" if stated else None
    if screening.automated_decision_legal_effect or (
        activity.automated_decisions is not None and activity.automated_decisions.used
    ):
        return "automated"
    if screening.prevents_exercising_rights:
        return "can-refuse"
    return None


def art35_3_a(activity: ProcessingActivity, screening: DpiaScreening) -> DecisionsOnScore | None:
    """Whether, and on what reading, the screening meets Art. 35(3)(a): an evaluation or
    scoring (``evaluation_or_scoring``) on which decisions with legal or similarly significant
    effects rest (``decisions_on_score``). The one reading DPIA003, DPIA004 and the DPIA
    report share.

    The point also asks that the evaluation be systematic and extensive and based on automated
    processing, including profiling (``systematic_extensive_automated``): a stated ``false``
    there, or for the decisions, clears the point. Where either is left unstated the findings
    say what the point depends on (``art35_3_a_condition``) and the report shows an inferred
    reading as conditional."""
    if not screening.evaluation_or_scoring or screening.systematic_extensive_automated is False:
        return None
    return decisions_on_score(activity, screening)


_A = "GDPR Art. 35(3)(a)"
_SYSTEMATIC = (
    "the evaluation is systematic and extensive and based on automated processing, including "
    "profiling"
)
_WHY_INFERRED: dict[DecisionsOnScore, str] = {
    "automated": "from its automated decisions with such effects",
    "can-refuse": "the screening does not say, and the processing can stop people using a "
    "right, a service or a contract",
}


def art35_3_a_condition(activity: ProcessingActivity, screening: DpiaScreening) -> str:
    """What Art. 35(3)(a) still depends on where the screening meets it, in words to follow
    "if": the half of the point the screening does not state (``systematic_extensive_automated``)
    and the decisions complykit only infers; nothing when both are stated."""
    reading = art35_3_a(activity, screening)
    if reading is None:
        return ""
    parts = [] if screening.systematic_extensive_automated else [_SYSTEMATIC]
    if reading != "stated":
        parts.append(
            "decisions with legal or similarly significant effects rest on it, as complykit "
            f"infers ({_WHY_INFERRED[reading]})"
        )
    return ", and ".join(parts)


def art35_3_a_clearing(activity: ProcessingActivity, screening: DpiaScreening) -> str:
    """How a conditional Art. 35(3)(a) is settled, to add to a finding: each unstated fact may
    be set ``false`` only where it is false, with the reason; otherwise the DPIA is carried
    out. Never a prompt to record ``false`` for what is so."""
    reading = art35_3_a(activity, screening)
    if reading is None:
        return ""
    settle = []
    if not screening.systematic_extensive_automated:
        settle.append(
            "`systematic_extensive_automated: false` only if the evaluation is not systematic, "
            "not extensive, or not based on automated processing"
        )
    if reading != "stated":
        settle.append(
            "`decisions_with_significant_effect: false` only if no decision with legal or "
            "similarly significant effects rests on it"
        )
    if not settle:
        return ""
    return (
        f"; set {', or '.join(settle)}, with the reason in `rationale`; otherwise carry out "
        "the DPIA"
    )


def _label(catalog: Catalog | None, item_id: str, name: str) -> str:
    item = catalog.item(item_id) if catalog else None
    return f"{name} ({item.title.lower()})" if item else name


def and_joined(parts: Iterable[str]) -> str:
    """The parts as prose: ``a``, ``a and b``, ``a, b and c``."""
    listed = list(parts)
    return " and ".join([", ".join(listed[:-1]), listed[-1]]) if len(listed) > 1 else listed[0]


def mandatory_citation(mandatory: list[tuple[str, str]]) -> tuple[str, ...]:
    cited = [c for c, _ in mandatory]
    on_ap_list = any(c.startswith("AP ") for c in cited)
    return ("GDPR Art. 35(4)", *cited) if on_ap_list else tuple(cited)

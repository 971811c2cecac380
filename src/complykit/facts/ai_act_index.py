"""What the AI Act checks share: scope, when an obligation applies, and a system's surroundings.

Dates come from the eu-ai-act catalog: ``applies_from`` as in Art. 113, and the Digital
Omnibus deferrals as ``omnibus_applies_from``. The Omnibus is unverified, so by default it never
changes a finding or its severity: messages and hints only mention it. A workspace whose
``complykit.yaml`` sets ``ai_act: {dates: digital-omnibus}`` has confirmed it, and is judged by
the Omnibus dates instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from complykit.catalog.models import Catalog
from complykit.core.frozen import frozen, replace
from complykit.facts.problem import Problem
from complykit.load.positions import Loc
from complykit.model.ai_system import AiSystem, ImpactAssessment, LegacyReview
from complykit.model.processing import ProcessingActivity
from complykit.workspace.repository import Entry, Repository

AI_ACT = "eu-ai-act"
IN_USE = ("deployment", "operation")
GENERAL_APPLICATION = "Art. 113 second paragraph"
LEGACY = "Art. 111(2)"
OMNIBUS = "under the Digital Omnibus"
OMNIBUS_DATES = "digital-omnibus"
OMNIBUS_BASIS = "as amended by the Digital Omnibus, as complykit.yaml chooses"
OMNIBUS_NOTE = (
    f'A date "{OMNIBUS}" in a hint is where the Digital Omnibus on AI would move the date '
    "from which the duty applies. The Omnibus is not verified: check the Official Journal "
    "before relying on it. complykit judges by the dates of AI Act Art. 113 unless "
    "complykit.yaml sets `ai_act: {dates: digital-omnibus}`: a workspace that sets it is "
    'judged by the Omnibus dates, and its hints say so ("as amended by the Digital Omnibus").'
)
"""The note of every rule whose hints may carry an Omnibus date (``Start.sentence``)."""


@frozen
class Start:
    """When an obligation applies, and the date the unverified Digital Omnibus would give."""

    applies: date
    omnibus: date | None = None
    omnibus_note: str | None = None
    basis: str = "Art. 113"
    """The article that sets the date."""

    def sentence(self, as_of: date) -> str:
        """When the duty applies, with the Omnibus date in brief: OMNIBUS_NOTE, the rule's note,
        says what that date means once per run rather than in every hint."""
        verb = "has applied since" if self.applies <= as_of else "applies from"
        text = f"This {verb} {self.applies.isoformat()} (AI Act {self.basis})"
        if self.omnibus is not None and self.omnibus != self.applies:
            note = f", {self.omnibus_note}" if self.omnibus_note else ""
            text += f"; {self.omnibus.isoformat()} {OMNIBUS}{note}"
        return text + "."

    def under_omnibus(self) -> Start:
        """This start judged by the Omnibus date, where the Omnibus gives one. A deferral with a
        condition (its note: e.g. only for systems already on the market) is not applied: the
        record cannot say whether the condition holds, so the earlier date stands."""
        if self.omnibus is None or self.omnibus == self.applies or self.omnibus_note:
            return self
        return Start(self.omnibus, basis=f"{self.basis} {OMNIBUS_BASIS}")


@frozen
class Gap:
    """A missing AI Act duty for one system, with when that duty applies."""

    where: Entry
    loc: Loc
    message: str
    citation: tuple[str, ...]
    start: Start
    legacy: bool = False
    """The system was in use before general application (Art. 111(2)): high-risk, or held not
    high-risk under Art. 6(3), whose registration starts no earlier than the high-risk duties."""


def catalog(repo: Repository) -> Catalog | None:
    """The eu-ai-act catalog when it is in ``frameworks``: AI Act rules run only then."""
    return repo.catalogs.framework(AI_ACT) if repo.in_scope(AI_ACT) else None


def systems(
    # `*` mutated to `/` only changes how `in_use` may be passed, which no caller notices.
    repo: Repository,
    *,  # pragma: no mutate
    in_use: bool = False,
) -> Iterator[tuple[Entry, AiSystem]]:
    """AI systems, when the AI Act is in scope; with ``in_use``, only those deployed or in use."""
    if catalog(repo) is None:
        return
    for entry, system in repo.records(AiSystem):
        if not in_use or system.lifecycle in IN_USE:
            yield entry, system


def start_of(repo: Repository, items: Iterable[str]) -> Start:
    """The latest application date of ``items`` (all must apply), with any Omnibus date."""
    found = catalog(repo)
    known = [i for i in (found.item(x) for x in items) if i and i.applies_from] if found else []
    if not known:
        return Start(date.min)
    applies = max(i.applies_from for i in known if i.applies_from)
    deferred = [i for i in known if "omnibus_applies_from" in i.attributes]
    if not deferred:
        return Start(applies)
    later = [date.fromisoformat(str(i.attributes["omnibus_applies_from"])) for i in deferred]
    notes = [str(i.attributes["omnibus_note"]) for i in deferred if "omnibus_note" in i.attributes]
    start = Start(applies, max(applies, *later), notes[0] if notes else None)
    return start.under_omnibus() if repo.config.ai_act.dates == OMNIBUS_DATES else start


def high_risk_route(repo: Repository, system: AiSystem) -> str | None:
    """The Art. 6 paragraph whose high-risk duties a system carries: 6(2) Annex III first,
    else 6(1). None for an Annex I product that needs no third-party conformity assessment,
    which is not high-risk under Art. 6(1)(b) (AIA002 reports the classification), and for a
    product under Annex I Section B (vehicles, aviation, marine equipment, rail): of the AI
    Act only Art. 6(1), 102-109 and 112 apply to it (Art. 2(2)), so its requirements reach it
    through the sectoral type-approval acts, not as provider or deployer duties of the AI Act."""
    basis = system.classification
    if basis.risk_class != "high-risk":
        return None
    if basis.annex_iii is not None:
        return "Art. 6(2)"
    if not needs_third_party(system) or annex_i_section(repo, system) == "B":
        return None
    return "Art. 6(1)"


def needs_third_party(system: AiSystem) -> bool:
    """Whether the system names Annex I legislation under which its product needs a third-party
    conformity assessment, which with it makes an Annex I system high-risk (Art. 6(1)(b)).
    Taken as needed unless ``annex_i_product`` says not: a record that names the act and
    nothing more is judged as the act's usual case."""
    if not system.classification.annex_i:
        return False
    product = system.provider_duties.annex_i_product if system.provider_duties else None
    return product is None or product.third_party_assessment


def annex_i_section(repo: Repository, system: AiSystem) -> str | None:
    """The Annex I section (A or B) of the system's product legislation, from the catalog."""
    point = annex_i_point(repo, system)
    found = catalog(repo)
    item = found.item(f"Annex I({point})") if found and point is not None else None
    section = item.attributes.get("section") if item else None
    return str(section) if section is not None else None


def annex_i_point(repo: Repository, system: AiSystem) -> int | None:
    """The Annex I point of the system's product: as ``annex_i_product`` states it, else the
    catalog point whose act the ``annex_i`` text names by its number (e.g. 2018/858)."""
    product = system.provider_duties.annex_i_product if system.provider_duties else None
    if product is not None:
        return product.annex_i_point
    named, found = system.classification.annex_i, catalog(repo)
    if not named or found is None:
        return None
    for item in found.items:
        point = _ANNEX_I_POINT.fullmatch(item.id)
        number = _ACT_NUMBER.search(str(item.attributes.get("act", "")))
        if point and number and re.search(rf"(?<!\d){re.escape(number[0])}(?!\d)", named):
            return int(point[1])
    return None


_ANNEX_I_POINT = re.compile(r"Annex I\((\d+)\)")
# The number that names an act: 2018/858, No 300/2008, 2014/90/EU.
_ACT_NUMBER = re.compile(r"\d+/\d+")


def is_legacy(repo: Repository, system: AiSystem) -> bool:
    """In use before the general date of application: Art. 111(2) may keep it out of scope."""
    general = start_of(repo, [GENERAL_APPLICATION]).applies
    return system.in_use_since is not None and system.in_use_since < general


def activities(repo: Repository, system: AiSystem) -> list[ProcessingActivity]:
    """Processing activities the system names, or that name the system, in file order."""
    by_id = repo.index_by(ProcessingActivity, "id")
    found = {
        place: activity
        for name in system.processing_activities
        for place, _, activity in by_id.get(name, ())
    }
    found.update(
        (place, activity)
        for place, _, activity in repo.index_by(ProcessingActivity, "ai_systems").get(system.id, ())
    )
    return [found[place] for place in sorted(found)]


def completed_assessments(system: AiSystem, *types: str) -> list[tuple[int, ImpactAssessment]]:
    """The system's completed impact assessments of ``types``, with their places in its list."""
    return [
        (index, a)
        for index, a in enumerate(system.impact_assessments)
        if a.type in types and a.status == "completed"
    ]


def completed(system: AiSystem, *types: str) -> bool:
    return bool(completed_assessments(system, *types))


def dated(repo: Repository, gaps: Iterable[Gap], hint: str) -> Iterator[Problem]:
    """The gaps whose duty applies on ``--as-of``, with when it applied in the hint."""
    for gap in gaps:
        start = gap_start(repo, gap)
        if start is not None and start.applies <= repo.as_of:
            extra = [start.sentence(repo.as_of), *unreviewed_legacy(repo, gap)]
            yield Problem(gap.where, gap.loc, gap.message, " ".join([hint, *extra]), gap.citation)


def gap_start(repo: Repository, gap: Gap) -> Start | None:
    """When the gap's duty applies to its system: its own date, or for a legacy system the
    date Art. 111(2) gives (None: never, as things stand)."""
    return legacy_start(repo, gap) if gap.legacy else gap.start


def unreviewed_legacy(repo: Repository, gap: Gap) -> list[str]:
    """The Art. 111(2) sentence, for a legacy system whose ``legacy_review`` is not recorded."""
    return [legacy_sentence(repo)] if gap.legacy and _review(gap) is None else []


def legacy_start(repo: Repository, gap: Gap) -> Start | None:
    """When a legacy system's duty applies, by its ``legacy_review`` (Art. 111(2)): from a
    significant change of its design; unchanged, never, or for a system intended to be used by
    public authorities from the article's deadline; not reviewed, as for any system (the hint
    says why not)."""
    system = gap.where.record
    if not isinstance(system, AiSystem):
        return gap.start
    return _by_review(repo, system, gap.start)


def system_start(repo: Repository, system: AiSystem, start: Start) -> Start | None:
    """When a high-risk duty that applies from ``start`` applies to ``system``: for a system in
    use before the general date of application, as Art. 111(2) and its review say."""
    return _by_review(repo, system, start) if is_legacy(repo, system) else start


def _by_review(repo: Repository, system: AiSystem, start: Start) -> Start | None:
    review = system.legacy_review
    if review is None:
        return start
    if review.significant_change:
        changed = review.changed_on or start.applies
        if changed <= start.applies:
            return start
        return replace(start, applies=changed, basis=LEGACY)
    deadline = _legacy_deadline(repo)
    if deadline is None or not for_public_authorities(repo, system):
        return None
    return Start(max(start.applies, deadline), basis=LEGACY)


# Annex III use cases whose users are public authorities by their own words: 5(a) public
# assistance benefits, 6 law enforcement, 7 migration, asylum and border control. Elsewhere the
# intended users may be public or private: 4(a) recruitment, and 8(a), which names judicial
# authorities but also use "in a similar way in alternative dispute resolution", often by
# private bodies; there `intended_for_public_authorities` or our own sector decides.
_PUBLIC_USE_CASES = {(5, "a"), (6, None), (7, None)}


def for_public_authorities(repo: Repository, system: AiSystem) -> bool:
    """Whether the system is intended to be used by public authorities, which Art. 111(2)
    gives until its deadline rather than leaving out of scope. Its providers and deployers are
    bound alike, so a private provider of such a system is too. A public authority or body
    that deploys the system uses it itself; otherwise ``intended_for_public_authorities``
    decides, and left out, the Annex III use case or our own sector."""
    public_sector = repo.config.organisation.sector != "private"
    if public_sector and "deployer" in system.roles:
        return True
    if system.intended_for_public_authorities is not None:
        return system.intended_for_public_authorities
    basis = system.classification.annex_iii
    named = basis is not None and bool(
        {(basis.area, basis.point), (basis.area, None)} & _PUBLIC_USE_CASES
    )
    return named or public_sector


def _review(gap: Gap) -> LegacyReview | None:
    system = gap.where.record
    return system.legacy_review if isinstance(system, AiSystem) else None


def _legacy_deadline(repo: Repository) -> date | None:
    found = catalog(repo)
    item = found.item(LEGACY) if found else None
    deadline = item.attributes.get("deadline") if item else None
    return date.fromisoformat(deadline) if isinstance(deadline, str) else None


def legacy_sentence(repo: Repository) -> str:
    general = start_of(repo, [GENERAL_APPLICATION]).applies.isoformat()
    deadline = _legacy_deadline(repo)
    public = f" (for use by public authorities, by {deadline} at the latest)" if deadline else ""
    return (
        f"The system was in use before {general}: under AI Act {LEGACY} its high-risk duties "
        f"apply only once its design changes significantly{public}; record that review as "
        "`legacy_review` (significant_change, reviewed) and complykit applies it."
    )

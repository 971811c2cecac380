"""Art. 111(2): when the high-risk duties reach a system already in use before the general date
of application.

Such a system is caught only once its design changes significantly; one intended to be used by
public authorities must comply by the article's deadline (2 August 2030) all the same. The
record's ``legacy_review`` says which, and until it is recorded the duties are reported as for
any system, with a hint that says why they may not apply.
"""

from __future__ import annotations

from datetime import date

from complykit.core.frozen import replace
from complykit.facts.ai_act_dates import GENERAL_APPLICATION, LEGACY, Gap, Start, catalog, start_of
from complykit.model.ai_system import AiSystem, LegacyReview
from complykit.workspace.repository import Repository


def is_legacy(repo: Repository, system: AiSystem) -> bool:
    """In use before the general date of application: Art. 111(2) may keep it out of scope."""
    general = start_of(repo, [GENERAL_APPLICATION]).applies
    return system.in_use_since is not None and system.in_use_since < general


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

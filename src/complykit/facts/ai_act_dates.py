"""When an AI Act obligation applies: the catalog's Art. 113 dates and the Omnibus deferrals,
and the ``Gap``, a missing duty with that date.

Dates come from the eu-ai-act catalog: ``applies_from`` as in Art. 113, and the Digital
Omnibus deferrals as ``omnibus_applies_from``. The Omnibus is unverified, so by default it never
changes a finding or its severity: messages and hints only mention it. A workspace whose
``complykit.yaml`` sets ``ai_act: {dates: digital-omnibus}`` has confirmed it, and is judged by
the Omnibus dates instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from complykit.catalog.models import Catalog
from complykit.core.frozen import frozen
from complykit.load.positions import Loc
from complykit.workspace.repository import Entry, Repository

AI_ACT = "eu-ai-act"
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

    def under_omnibus(self, *, condition_met: bool = False) -> Start:
        """This start judged by the Omnibus date, where the Omnibus gives one. A deferral with a
        condition (its note: e.g. only for systems already on the market) is applied only when
        the caller has read from the record that the condition holds (``condition_met``);
        otherwise the record cannot say, so the earlier date stands."""
        if self.omnibus is None or self.omnibus == self.applies:
            return self
        if self.omnibus_note and not condition_met:
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

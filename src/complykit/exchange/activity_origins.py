"""Where an imported activity's data comes from (Art. 14) and whether it decides about people
by automated means alone (Art. 22), as register columns say it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from complykit.exchange.row_source import Notes, split_items
from complykit.model.wording.folding import unaccented
from complykit.model.wording.meant import opening_yes_or_no

# Words for "the person concerned": the data is collected from them (Art. 13, not 14).
_FROM_THEM = re.compile(
    r"(?<!\w)(?:betrokkenen?|de betrokkene|aanvrager|aanvragers|de persoon zelf|"
    r"data subjects?|the individual|individuals? themselves|personne concernee|"
    r"personnes concernees|sollicitant|sollicitanten|klant zelf|client zelf)(?!\w)"
)
_PUBLIC = re.compile(r"(?<!\w)(?:openbare? bronn?e?n?|openbaar|public sources?|publicly available"
                     r"|sources? publiques?)(?!\w)")  # fmt: skip
_GENERATED = re.compile(r"(?<!\w)(?:gegenereerd|zelf gegenereerd|generated|afgeleid|derived"
                        r"|logging|logbestanden|logs)(?!\w)")  # fmt: skip


# "Klant", "customer": for a controller, the person concerned; for a processor, the customer
# on whose behalf it processes.
_CUSTOMER = re.compile(r"(?<!\w)(?:klant|klanten|customer|customers|client|clients|opdrachtgever"
                       r"|opdrachtgevers)(?!\w)")  # fmt: skip


def sources(
    text: str, *, processor: bool = False, subjects: Sequence[str] = ()
) -> list[dict[str, str]]:
    """Each source a cell names, by type: the person concerned (in words, or as one of the
    row's ``subjects``: ``Medewerker`` beside ``Medewerkers``), our customer (as processor), a
    public source, data we generate, or else a third party, with the source as written."""
    found: list[dict[str, str]] = []
    concerned = {_stems(subject) for subject in subjects} - {()}
    for item in split_items(text):
        folded = _folded(item)
        kind = (
            "generated" if _GENERATED.search(folded)
            else "data-subject" if _FROM_THEM.search(folded) or _stems(item) in concerned
            else "public" if _PUBLIC.search(folded)
            else ("customer" if processor else "data-subject") if _CUSTOMER.search(folded)
            else "third-party"
        )  # fmt: skip
        found.append({"type": kind, "description": item})
    return found


def automated_decisions(text: str, notes: Notes) -> dict[str, Any] | None:
    """``used`` from a yes or no the cell opens with; what the cell says besides is kept in
    notes, and a yes is asked for its exception, logic and safeguards by validate (Art. 22)."""
    if not text:
        return None
    said = opening_yes_or_no(text)
    if said is None or len(text.split()) > 1:
        notes.add(f"Automated decision-making as written in the register: {text}")
    if said is None:
        notes.warn(f"automated decision-making '{text}' not understood; kept in notes")
        return None
    if said:
        notes.warn(
            "automated decisions (Art. 22): add their exception, logic and safeguards under "
            "automated_decisions"
        )
    return {"used": said}


# Words a source adds to a category of data subjects: "de medewerker zelf".
_FILLERS = frozenset(("de", "het", "een", "zelf", "the", "themselves", "le", "la", "les", "eux"))


def _stems(text: str) -> tuple[str, ...]:
    """The words of ``text`` without plural endings (Dutch -en, -s, -n, English and French
    -s) and filler words, so ``Patiënt`` and ``de patiënten`` compare equal."""
    words = re.findall(r"\w+", _folded(text))
    return tuple(_singular(w) for w in words if w not in _FILLERS)


def _singular(word: str) -> str:
    for ending in ("en", "s", "n"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word.removesuffix(ending)
    return word


def _folded(text: str) -> str:
    return " ".join(unaccented(text).casefold().split())

"""Retention written as no limit at all ("as long as necessary", "zolang nodig", "indefinitely",
"forever"), or as permanent retention ("blijvend te bewaren", "permanently").

Keeping data for as long as it is needed restates storage limitation (Art. 5(1)(e)); it names
neither an event nor a period, so it is no time limit for erasure (Art. 30(1)(f)). Nor is
keeping it without end ("indefinitely", "onbeperkt", "onbepaalde tijd", "forever", "voor
altijd"): that leaves the limit undetermined, which is not permanent retention, the keeping for
good a law prescribes (the Archiefwet's "blijvend te bewaren", GDPR042). GDPR003 does not take
such words as a `retention.until`, and the register import reads neither an event nor permanent
retention from them: it leaves the retention out, so GDPR003 still asks for a limit.

The words of permanent retention ("blijvend", "permanent", "permanently") say what a law may
prescribe: the import reads them as `permanent: true`, for which GDPR042 asks the law. Written
as a `retention.until` they name no event either, and GDPR003 says to record them as
`permanent: true` with the law.
"""

from __future__ import annotations

import re

from complykit.model.wording.folding import words_of

# Words for "needed", folded (no accents, lower case): "nécessaires" is "necessaires".
_NEEDED = (
    r"(?:nodig|noodzakelijk|vereist|benodigd|necessary|needed|required|necessaires?"
    r"|requis(?:es)?|erforderlich|notwendig)"
)
# "Zolang nodig", "as long as it is necessary", "tant que nécessaire", "solange erforderlich".
_WHILE_NEEDED = (
    r"(?:zolang|zo\s+lang|so\s+long\s+as|as\s+long\s+as|tant\s+que|aussi\s+longtemps\s+que"
    r"|solange|so\s+lange)\b[^.;]*?\b" + _NEEDED
)
# Until no longer needed, in Dutch, English and German ("tot niet langer nodig"), with up to two
# words between, as in "niet meer strikt noodzakelijk"; and French "(ne sont) plus nécessaires",
# where "plus" means "no longer" only just before the word (or after "strictement"): English
# "end of the contract plus the period required by law" adds a period and names an event.
_UNTIL_UNNEEDED = (
    r"(?:(?:niet\s+langer|niet\s+meer|no\s+longer|not\s+(?:any\s+)?longer|nicht\s+mehr"
    r"|nicht\s+langer)\s+(?:[^\W\d_]+\s+){0,2}?" + _NEEDED + ")"
    r"|plus\s+(?:(?:strictement|vraiment|absolument)\s+)?(?:necessaires?|requis(?:es)?|utiles?)"
)
# A cell that is only the word, or the word after "as", "if", "indien": "Nodig", "as needed".
_ONLY_NEEDED = r"^(?:(?:as|if|when|where|indien|waar|voor\s+zover|zover|si)\s+)?" + _NEEDED + "$"
# No end at all: "indefinitely", "onbepaalde tijd", "durée indéterminée", "unbefristet", and
# "forever", "voor altijd", "pour toujours", "für immer", which say no more than these do.
_ENDLESS = (
    r"indefinite(?:ly)?|for\s+an\s+indefinite\s+period|onbepaalde\s+tijd|onbeperkt(?:e)?"
    r"|unlimited|without\s+(?:a\s+)?(?:time\s+)?limit|no\s+(?:time\s+)?limit"
    r"|geen\s+(?:bewaar)?termijn|duree\s+(?:indeterminee|illimitee)|illimitee"
    r"|unbefristet|unbegrenzt|forever|for\s+ever|voor\s+altijd|eeuwig|pour\s+toujours"
    r"|fur\s+immer"
)
_NO_LIMIT = re.compile(
    rf"(?<![^\W\d_])(?:{_WHILE_NEEDED}|{_UNTIL_UNNEEDED}|{_ONLY_NEEDED}|{_ENDLESS})(?![^\W\d_])"
)
_NO_END = re.compile(rf"(?<![^\W\d_])(?:{_ENDLESS})(?![^\W\d_])")


def sets_no_limit(text: str) -> bool:
    """Whether ``text``, said of how long data is kept, sets no limit: it keeps the data while
    it is needed ("as long as necessary", "tot niet langer nodig") or for ever ("indefinitely",
    "onbepaalde tijd", "forever", "voor altijd"). "As long as the contract runs" names an event
    and sets one."""
    return _NO_LIMIT.search(words_of(text).rstrip(" .")) is not None


# Permanent retention, as a law may prescribe it: "blijvend (te) bewaren", "Archiefwet:
# blijvend", "kept permanently", "permanent". The word is the last one, or only "te bewaren" or
# a word for keeping follows it: "7 years after permanent closure" names an event.
_KEPT = r"bewaren|bewaard|bewaring|archief|archiveren|retained|retention|kept|archive|archived"
_FOR_GOOD = re.compile(
    r"(?<![^\W\d_])(?:blijvend|blijvende|permanent|permanently)(?![^\W\d_])"
    rf"(?!\s+(?!te\s+bewaren|(?:{_KEPT})(?![^\W\d_]))[^\W\d_])"
)


def says_kept_for_good(text: str) -> bool:
    """Whether ``text`` says the data is kept permanently, as a law may prescribe: ``Blijvend
    te bewaren``, ``kept permanently (Archiefwet 1995)``, ``permanent``; not ``forever``, which
    leaves the limit undetermined (``says_no_end``), nor ``after permanent closure``."""
    return _FOR_GOOD.search(words_of(text)) is not None


def says_no_end(text: str) -> bool:
    """Whether ``text`` keeps data without end ("indefinitely", "onbepaalde tijd"), anywhere in
    it: beside a period ("7 jaar, daarna onbeperkt") it contradicts that period."""
    return _NO_END.search(words_of(text)) is not None

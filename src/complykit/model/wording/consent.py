"""How a register describes consent: whether it involves the parents, and whether it is given
online.

Art. 8 GDPR asks the holder of parental responsibility to give or authorise a young child's
consent to an information society service offered to the child directly. Whether a register
entry speaks of the parents, and whether its service is online, can only be read from its
words; these lists do that, in Dutch, English, French and German, after folding (lower case,
no accents).
"""

from __future__ import annotations

import re

from complykit.model.wording.folding import words_of

# "Parental consent", "toestemming van de ouders", "wettelijk vertegenwoordiger", "guardian";
# not a "parent company" or "parent organisation", which is a group's holding, not a child's.
_PARENTS = re.compile(
    r"\b(?:parents?(?!\s+(?:compan|organi[sz]|entit|undertaking|firm|group))|parental"
    r"|guardians?|legal representatives?|ouders|ouder(?!\s+dan)"
    r"|ouderlijk\w*|voogd\w*|(?:wettelijke?\s+)?vertegenwoordiger\w*|verzorgers?"
    r"|representant legal|tuteur\w*|eltern\w*|erziehungsberechtigt\w*|sorgeberechtigt\w*"
    r"|vormund\w*)\b"
)
# An app, a website, an online form or account: the marks of an information society service.
# Not "digital" ("numérique") or a bare "e-mail": a paper form may be scanned and stored
# digitally, and a confirmation or withdrawal by e-mail does not put the service itself online.
_ONLINE = re.compile(
    r"\b(?:apps?|online|website\w*|web\w*|site|internet|platform\w*|portal\w*|plateforme"
    r"|accounts?|log-?in|sign-?up|game\w*|spel(?:letje)?s?|social media|sociale media"
    r"|en ligne|chat\w*|streaming|download\w*)\b"
)


def mentions_parents(*texts: str) -> bool:
    """Whether any of the texts speaks of the parents or another legal representative."""
    return any(_PARENTS.search(words_of(text)) for text in texts)


def online(*texts: str) -> bool:
    """Whether any of the texts describes something offered online: an app, a website, an
    online form or account."""
    return any(_ONLINE.search(words_of(text)) for text in texts)

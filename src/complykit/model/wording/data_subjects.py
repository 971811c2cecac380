"""Categories of data subjects as registers name them: our own staff.

An entry names our staff when it opens with a word for them ("Employees", "Medewerkers",
"Personeel", "Werknemers", "Salariés", "Mitarbeiter"), after at most a word such as "our" or
"eigen", and goes on, if at all, to say which of them ("Employees on sick leave", "Medewerkers
en stagiairs"). Staff of someone else ("Staff of client clinics", "Clinic staff", "Medewerkers
van klanten"), people related to staff ("Emergency contacts of employees") and former staff or
job applicants, who depend on us less, are not named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from complykit.model.wording.folding import words_of

# Folded words (no accents, lower case): "salariés" is "salaries", "Beschäftigte" "beschaftigte".
_STAFF = (
    r"(?:employees?|staff|personnel|personeel(?:sleden|slid)?|medewerkers?|werknemers?"
    r"|ambtenaren|salaries?|employes?|collaborateurs?|mitarbeiter(?:innen)?|beschaftigten?"
    r"|arbeitnehmer(?:innen)?)"
)
_OURS = r"(?:(?:our|own|all|current|the|eigen|onze|alle|huidige|nos|les|le|tous|unsere|die)\s+)*"
# What may follow: the end, a bracket or list mark, or words that pick some of them out.
_WHICH = (
    r"(?=\s*(?:$|[(,;/&:+]|-\s|\b(?:and|en|et|und|or|on|with|who|that|die|met|op|tijdens"
    r"|during|qui|including|inclusief|incl|waaronder)\b))"
)
_OWN_STAFF = re.compile(rf"^{_OURS}{_STAFF}(?:\s+(?:members?|leden))?{_WHICH}")


@lru_cache(maxsize=4096)  # registers name the same data subjects in activity after activity
def names_own_staff(text: str) -> bool:
    """Whether a category of data subjects names our own staff: ``Employees``, ``Eigen
    medewerkers``, ``Employees on sick leave``; not ``Staff of client clinics``, ``Former
    employees`` or ``Emergency contacts of employees``."""
    return _OWN_STAFF.match(words_of(text)) is not None

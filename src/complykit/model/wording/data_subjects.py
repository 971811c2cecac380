"""Categories of data subjects as registers name them: our own staff, and children.

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


# Children and minors, folded, in English, Dutch, French and German. Pupils ("leerlingen",
# "élèves", "Schüler") are mostly under 16; an entry that puts them at 16 or older is not read
# as children (below).
_CHILDREN = (
    r"(?:child(?:ren)?|kids?|minors?|pupils?|schoolchildren|kinderen|kind|minderjarigen?"
    r"|leerlingen?|scholieren|jeugdigen|enfants?|mineurs?|eleves?|kinder|minderjahrige[n]?"
    r"|schuler(?:innen)?|jugendliche[n]?)"
)
_OPENS_WITH_CHILDREN = re.compile(rf"^{_OURS}(?:\w+\s+)?{_CHILDREN}\b")
# "Patients under 18", "jonger dan 16 jaar", "onder de 16", "tot 16 jaar": an upper age limit
# of 18 or below takes in people under 16. A lower one is read by ``youngest_age``.
_UNDER_AGE = re.compile(
    r"\b(?:(?:under|below|younger than|jonger dan|onder(?:\s+de)?|moins de|unter)"
    r"\s+(?:1[0-8]|[1-9])\b|tot\s+(?:1[0-8]|[1-9])\s*(?:jaar|years?|ans|jahre[n]?)\b)"
)
# "Parents of pupils", "ouders van leerlingen": people related to children are not children.
_RELATED = re.compile(r"\b(?:of|van|des|de|der|von)\b(?!\s*\d)")


# A number is an age only where the entry says so: "Leerlingen van 25 scholen" counts schools.
# Words for years of age, folded, not followed by what years also count ("years of service").
_YEARS_OLD = (
    r"(?:jaar|jarigen?|years?(?:\s+old)?|yrs|year-olds?|ans|jahre[n]?)(?![^\W\d_])"
    r"(?!\s+(?:of|van|in|de|d|dienst\w*|service|ervaring|experience|employment)\b)"
)
# Words that put an age before the number: "aged 13", "leeftijd van 12", "âgés de 12".
_AGE_WORD = (
    r"(?:aged?|ages|agees?|leeftijd|alter)(?:\s+(?:of|van|von|de|from|vanaf|tussen|between"
    r"|entre|zwischen|ab))?"
)
_LOWER_BOUND = r"(?:van|vanaf|tussen|between|from|over|above|boven|de|des|ab|von|zwischen|entre)"
_RANGE = r"(?:-|to|tot|tot en met|t/m|a|et|bis|und|en|and)"
# The lowest age an entry states: "aged 13 to 17", "vanaf 14 jaar", "12-15 jaar", "14+", "13
# and over", "ouder dan 12" ("over 12" years is read as 12, which errs towards children).
_FROM_AGE = re.compile(
    rf"\b(?:{_AGE_WORD}\s+(\d{{1,2}})\b"
    rf"|(?:ouder dan|older than)\s+(\d{{1,2}})\b"
    rf"|{_LOWER_BOUND}\s+(\d{{1,2}})\s*(?:{_RANGE}\s*\d{{1,2}}\s*)?{_YEARS_OLD}"
    rf"|(\d{{1,2}})\s*{_RANGE}\s*\d{{1,2}}\s*{_YEARS_OLD}"
    r"|(\d{1,2})\s*(?:\+|(?:years?|jaar|ans|jahre)?\s*(?:and|en|or|of|et|und)\s+"
    r"(?:over|older|ouder|plus|alter)))"
)


def youngest_age(text: str) -> int | None:
    """The lowest age a category of data subjects states, if it states one: 13 for ``Pupils
    aged 13 to 17`` or ``Leerlingen vanaf 13 jaar``; None for ``Leerlingen`` or ``Patients
    under 16``, which state only an upper limit."""
    ages = [age for _, age in _lower_ages(words_of(text))]
    return min(ages) if ages else None


def _lower_ages(folded: str) -> list[tuple[int, int]]:
    """Where in ``folded`` each lower age limit is written, and the age."""
    return [(m.start(), int(next(a for a in m.groups() if a))) for m in _FROM_AGE.finditer(folded)]


@lru_cache(maxsize=4096)
def names_children(text: str, age: int = 16) -> bool:
    """Whether a category of data subjects names children who may be under ``age`` (16 unless
    a Member State sets it lower, GDPR Art. 8(1)): ``Children aged 12 to 15``, ``Leerlingen``,
    ``Minderjarige patiënten``, ``Patients under 16``, ``Children aged 12 to 15 and pupils 16
    and over`` (the youngest age stated decides); not ``Pupils aged 16 and over``,
    ``Parents of pupils`` or ``Ouders van leerlingen``, nor, where the age is 13, ``Pupils
    aged 13 to 17``."""
    youngest = youngest_age(text)
    if youngest is not None and youngest >= age:
        return False
    folded = words_of(text)
    if _OPENS_WITH_CHILDREN.match(folded):
        return True
    # "Users aged 12 to 15", "Patiënten onder de 16"; not "Parents of children under 16".
    head = _RELATED.split(folded, maxsplit=1)[0]
    lower_in_head = any(at < len(head) for at, _ in _lower_ages(folded))
    return lower_in_head or _UNDER_AGE.search(head) is not None


# Adults by name: "Volwassenen", "Adult patients", "Ouders", "Bezoekers vanaf 18 jaar".
_ADULTS = re.compile(
    r"\b(?:adults?|volwassen\w*|adultes?|erwachsene\w*|parents?|ouders|eltern"
    r"|meerderjarig\w*|majeurs?|volljahrig\w*)\b"
)


@lru_cache(maxsize=4096)
def names_adults(text: str) -> bool:
    """Whether a category of data subjects names adults: our staff, adults or parents by name,
    or people of 16 and over: ``Employees``, ``Volwassen patiënten``, ``Ouders van leerlingen``,
    ``Visitors aged 18 and over``; not ``Patiënten`` or ``Bezoekers``."""
    youngest = youngest_age(text)
    return (
        names_own_staff(text)
        or _ADULTS.search(words_of(text)) is not None
        or (youngest is not None and youngest >= 16)
    )

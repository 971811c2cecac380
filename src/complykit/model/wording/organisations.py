"""Names that mark an organisation of its own: a legal form or a group relation.

A recipient recorded as ``internal`` is our own staff, part of us. A name such as ``Maple India
Pvt Ltd``, ``Grachtwerk Inc. (US parent)`` or ``onze dochteronderneming in India`` says it is
another legal person, which receives the data as a controller or processor of its own (EDPB
Guidelines 05/2021, the second criterion of a transfer). GDPR026 and the register import read
such a name as not internal, whatever label it carries.

Only words that say so are matched: a team or a department named after a place (``Team Noord``)
stays ours. A branch (``branch office``, ``vestiging``) is part of the same legal person, but
whether its staff in a third country receive a transfer is not settled in what complykit
checked of the EDPB's guidelines, so it is told apart (``names_branch``) and GDPR026 counts it,
as it counts a data location there.
"""

from __future__ import annotations

import re

from complykit.model.wording.countries import folded

# Legal forms (folded: lower case, no accents, dots kept) in NL, BE, the UK, the US, India,
# Germany, France and the other usual transfer countries; each as a whole word.
_LEGAL_FORMS = (
    r"b\.?v\.?|n\.?v\.?|bvba|srl|sprl|s\.a\.|sas|sarl|gmbh|inc\.?|incorporated|llc|l\.l\.c\."
    r"|llp|ltd\.?|limited|plc|corp\.?|corporation|pvt\.?|pty\.?|pte\.?|k\.k\.|s\.p\.a\.|a/s"
)
# Short forms that are also ordinary words or abbreviations (AS, AB, AG, KG, CV, SA) are left
# out: a false match would count our own staff as another company.

# Group relations: another company of the group, in English, Dutch and French.
_GROUP = (
    r"parent company|parent companies|our parent|us parent|subsidiary|subsidiaries|affiliate"
    r"|affiliated company|group company"
    r"|sister company|holding|moederbedrijf|moedermaatschappij|moederonderneming"
    r"|dochterbedrijf|dochtermaatschappij|dochteronderneming|dochterondernemingen"
    r"|groepsmaatschappij|groepsmaatschappijen|zustermaatschappij|zusterbedrijf|filiale"
    r"|societe mere|maison mere"
)
_OTHER_ORGANISATION = re.compile(rf"(?<![\w.])(?:{_LEGAL_FORMS}|{_GROUP})(?![\w])")


def names_other_organisation(name: str) -> bool:
    """Whether ``name`` carries a legal form or a group relation, so names a legal person other
    than us (``Maple India Pvt Ltd``, ``our US parent``, ``dochteronderneming``)."""
    return _OTHER_ORGANISATION.search(folded(name)) is not None


_BRANCH = re.compile(
    r"(?<![\w])(?:branch|branches|branch office|vestiging|bijkantoor|filiaal|succursale"
    r"|etablissement|niederlassung|zweigniederlassung)(?![\w])"
)


def names_branch(name: str) -> bool:
    """Whether ``name`` calls the recipient a branch or an establishment of ours."""
    return _BRANCH.search(folded(name)) is not None

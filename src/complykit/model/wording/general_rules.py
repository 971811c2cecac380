"""Provisions that name only the GDPR's general rules, not the law those rules ask for.

Art. 6(3), 9(2), 10 and 87 each leave it to Union or member-state law to allow or lay down the
processing, and the UAVG's art. 46 only restricts the BSN to the uses another law prescribes.
A provision that cites nothing but such articles ("Art. 6 lid 1 sub c AVG", "Art. 10 AVG",
"AVG art. 87; art. 46 UAVG") names no such law: GDPR011, GDPR015, GDPR016 and GDPR033 ask for
it. Which articles count as general depends on the rule, so each passes its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from complykit.core.frozen import frozen
from complykit.model.wording.folding import words_of
from complykit.model.wording.legal_basis import folded_says_more, gdpr_named


@frozen
class GeneralRule:
    """An article that asks for a law and is none, as registers cite it (folded words)."""

    name: str
    cited: re.Pattern[str]
    # A text that matches this keeps the article's number: it may be another law's article.
    unless: re.Pattern[str] | None = None
    # The name of the act the article belongs to, where that act is not the GDPR: cited
    # beside the article, it adds nothing ("art. 46 UAVG"); alone it names a law.
    act: str | None = None

    def cited_in(self, folded: str) -> bool:
        if self.unless is not None and self.unless.search(folded):
            return False
        return self.cited.search(folded) is not None


def _article(number: int) -> re.Pattern[str]:
    """``art. 87``, ``artikel 87 lid 1``, ``article 87(1)``, or the bare number."""
    return re.compile(
        rf"(?:\bart(?:ikel|icle|\.)?\s*)?(?<!\d){number}(?!\d)(?:\s*(?:lid\s*\d|\(\d\)))?"
    )


# "Art. 10 AVG", "artikel 10 GDPR": the GDPR's article on criminal-offence data. A text that
# names the UAVG keeps its article numbers: "art. 10" may be the UAVG's.
ART_10 = GeneralRule(
    "GDPR Art. 10",
    re.compile(r"\bart(?:ikel|icle)?\.?\s*10(?![0-9])(?:\s*(?:lid\s*[0-9]|\([0-9]\)))?"),
    unless=re.compile(r"\buavg\b|\buitvoeringswet\b"),
)
# The general rules on national identification numbers as registers cite them: "AVG art. 87",
# "Art. 87 GDPR", "art. 46 UAVG", "artikel 46 Uitvoeringswet AVG".
ART_87 = GeneralRule("GDPR Art. 87", _article(87))
UAVG_46 = GeneralRule("UAVG art. 46", _article(46), act="uavg")


def general_rules_only(text: str, rules: Sequence[GeneralRule] = ()) -> tuple[str, ...] | None:
    """The names of the ``rules`` that ``text`` cites, when it cites nothing else but GDPR
    article references and the regulations' names; None when it says more, e.g. names a law.

    Without ``rules``, () for a provision of GDPR references only ("Art. 6 lid 1 sub c AVG").
    """
    folded = words_of(text)
    cited = [rule for rule in rules if rule.cited_in(folded)]
    acts = [rule.act for rule in cited if rule.act is not None]
    if folded_says_more(folded, [rule.cited for rule in cited], acts):
        return None
    return tuple(rule.name for rule in cited)


def named_only(text: str) -> str:
    """What a finding says a provision of general rules only names: the GDPR, where it names
    the regulation, else only an article number ("art. 9"), which may be any act's."""
    return "names only the GDPR" if gdpr_named(text) else "names only an article number"

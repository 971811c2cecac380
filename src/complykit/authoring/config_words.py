"""The words ``complykit init`` writes into complykit.yaml, in the workspace's first language.

Reports show the risk scales' labels and descriptions exactly as the config holds them (they
are the organisation's own method, never translated), so a Dutch workspace gets a Dutch scale.
The keys and fixed values (``private``, ``controller``) stay as the schema spells them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complykit.authoring.scaffold import scalar
from complykit.core.frozen import frozen

if TYPE_CHECKING:
    from collections.abc import Sequence

Level = tuple[str, str]
"""A level's label and description; its value is its place in the scale, from 1."""


@frozen
class ConfigWords:
    likelihood: tuple[Level, ...]
    impact: tuple[Level, ...]
    sector: str
    people: str
    risk_method: str
    contact: tuple[str, str, str]
    """The comment over the contact details, then an example address and e-mail address."""


ENGLISH = ConfigWords(
    likelihood=(
        ("Rare", "Less than once in ten years"),
        ("Unlikely", "Once in three to ten years"),
        ("Possible", "Once in one to three years"),
        ("Likely", "Once or more a year"),
        ("Almost certain", "Several times a year"),
    ),
    impact=(
        ("Negligible", "No noticeable effect on people or the business"),
        ("Minor", "Short inconvenience, easily corrected"),
        ("Moderate", "Real harm or cost, recoverable"),
        ("Major", "Serious harm to people or the business"),
        ("Severe", "Lasting harm; regulatory action likely"),
    ),
    sector="or public-authority / public-body",
    people="add who owns records: - {id: dpo, name: ..., role: Data protection officer}",
    risk_method="a risk's score is likelihood x impact; edit the scales to your method",
    contact=(
        "the register names our contact details (GDPR Art. 30(1)(a)); fill in and uncomment:",
        "Street 1, 1234 AB City",
        "privacy@example.com",
    ),
)
DUTCH = ConfigWords(
    likelihood=(
        ("Zeldzaam", "Minder dan eens per tien jaar"),
        ("Onwaarschijnlijk", "Eens per drie tot tien jaar"),
        ("Mogelijk", "Eens per één tot drie jaar"),
        ("Waarschijnlijk", "Eén keer per jaar of vaker"),
        ("Bijna zeker", "Meerdere keren per jaar"),
    ),
    impact=(
        ("Minimaal", "Geen merkbaar gevolg voor betrokkenen of de organisatie"),
        ("Beperkt", "Kort ongemak, eenvoudig te herstellen"),
        ("Gemiddeld", "Merkbare schade of kosten, te herstellen"),
        ("Groot", "Aanzienlijke schade voor betrokkenen of de organisatie"),
        ("Ernstig", "Blijvende schade; optreden van de toezichthouder waarschijnlijk"),
    ),
    sector="of public-authority / public-body",
    people="eigenaren van records: - {id: fg, name: ..., role: Functionaris gegevensbescherming}",
    risk_method="de score van een risico is kans x impact; pas de schalen aan uw methode aan",
    contact=(
        "het register noemt onze contactgegevens (art. 30 lid 1 sub a AVG); vul in en haal # weg:",
        "Straat 1, 1234 AB Plaats",
        "privacy@voorbeeld.nl",
    ),
)
_BY_LANGUAGE = {"en": ENGLISH, "nl": DUTCH}


def config_words(languages: Sequence[str]) -> ConfigWords:
    """The words for the first of ``languages`` (the reports' default), English otherwise."""
    return _BY_LANGUAGE.get(languages[0] if languages else "en", ENGLISH)


def scale_text(words: ConfigWords, appetite: int) -> str:
    """The ``risk_method`` body: both scales, one flow mapping per level, then the appetite."""
    lines = []
    for name, levels in (("likelihood", words.likelihood), ("impact", words.impact)):
        lines.append(f"  {name}:")
        lines += [
            f"    - {{value: {value}, label: {scalar(label)}, description: {scalar(text)}}}"
            for value, (label, text) in enumerate(levels, start=1)
        ]
    return "\n".join([*lines, f"  appetite: {appetite}"]) + "\n"

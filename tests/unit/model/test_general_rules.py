"""Provisions that cite only the GDPR's general rules, which ask for a law and are none."""

from __future__ import annotations

import pytest

from complykit.model.wording.general_rules import (
    ART_10,
    ART_87,
    UAVG_46,
    general_rules_only,
    named_only,
)

NATIONAL_ID = (ART_87, UAVG_46)


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("AVG art. 87", ("GDPR Art. 87",)),
        ("Art. 87 AVG; art. 46 UAVG", ("GDPR Art. 87", "UAVG art. 46")),
        ("artikel 46 Uitvoeringswet AVG", ("UAVG art. 46",)),
        ("AVG art. 87 lid 1 / UAVG art. 46 jo. i.c.m.", ("GDPR Art. 87", "UAVG art. 46")),
        ("Grondslag: art. 6 lid 1 sub c AVG jo. art. 87 AVG", ("GDPR Art. 87",)),
        ("Art. 6 lid 1 sub c AVG", ()),
        ("AVG", ()),
        ("AVG art. 6; UAVG art. 46", ("UAVG art. 46",)),
        # The UAVG without an article is a law, if an imprecise name for one.
        ("UAVG", None),
        ("Uitvoeringswet AVG", None),
        ("Wet op de loonbelasting 1964", None),
        ("UAVG art. 46 jo. Wet algemene bepalingen burgerservicenummer", None),
        ("art. 870 BW", None),
    ],
)
def test_national_id_provision(text: str, cited: tuple[str, ...] | None) -> None:
    """Art. 87 and UAVG art. 46 are named when nothing but GDPR references stands beside them."""
    assert general_rules_only(text, NATIONAL_ID) == cited


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Art. 10 AVG", ("GDPR Art. 10",)),
        ("Art. 10 jo. art. 6 lid 1 sub c AVG", ("GDPR Art. 10",)),
        ("UAVG art. 33 lid 2 sub a, with Art. 10 GDPR", None),
        ("art. 10 UAVG", None),
    ],
)
def test_art10_basis(text: str, cited: tuple[str, ...] | None) -> None:
    """GDPR Art. 10 is a general rule, unless the text names the UAVG, whose art. 10 it may be."""
    assert general_rules_only(text, (ART_10,)) == cited


@pytest.mark.parametrize(
    ("text", "only_the_gdpr"),
    [
        ("Art. 6 lid 1 sub c AVG", True),
        ("RGPD art. 6.1.c", True),
        ("Artikel 6 lid 1 sub c Algemene verordening gegevensbescherming", True),
        ("Art. 6 lid 1 sub c AVG / Art. 6(1)(c) GDPR", True),
        ("Art. 6 lid 1 sub c AVG i.v.m. Art. 6 lid 1 sub e AVG", True),
        ("AWR art. 52", False),
        ("Art. 6 lid 1 sub c AVG jo. Wet op de loonbelasting 1964", False),
        ("Uitvoeringswet AVG art. 30", False),
        ("Art. 10 AVG", False),
        # The GDPR's Art. 6 or 9 without a point, and the regulation by its name or number.
        ("AVG art. 6", True),
        ("Art. 6(3) GDPR", True),
        ("artikel 6, derde lid, AVG", True),
        ("artikel 9, tweede lid, AVG", True),
        ("Verordening (EU) 2016/679", True),
        ("Regulation (EU) 2016/679, Art. 6(1)(c)", True),
        ("General Data Protection Regulation", True),
        ("Datenschutz-Grundverordnung Art. 6", True),
        ("Règlement général sur la protection des données, art. 6", True),
        ("article 6, paragraphe 3, du RGPD", True),
        ("règlement (UE) 2016/679", True),
        ("Art. 6 Abs. 3 der DSGVO", True),
        ("Art. 6(1)(c) DS-GVO", True),
        ("VO (EU) 2016/679", True),
        ("Artt. 6 en 9 AVG", True),
        ("Art. 6 lid 3 sub b AVG", True),
        ("artikel 6, eerste lid, aanhef en onder c, AVG", True),
        ("art. 9", True),
        # Another law's Art. 6, and the UAVG's, whose numbers the GDPR's share.
        ("Wet basisregistratie personen art. 6", False),
        ("art. 6 UAVG", False),
        ("Regulation (EU) 2017/745 art. 6", False),
        ("Besluit 2016/679", False),
        ("Wet 2016/6790", False),
        ("UAVG art. 30 lid 3 sub a", False),
    ],
)
def test_legal_provision(text: str, only_the_gdpr: bool) -> None:
    """Without general rules of its own, a provision is only the GDPR when it cites nothing else."""
    assert (general_rules_only(text) is not None) is only_the_gdpr


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("AVG art. 6", "names only the GDPR"),
        ("règlement (UE) 2016/679", "names only the GDPR"),
        ("art. 9", "names only an article number"),
        ("UAVG art. 46", "names only an article number"),
    ],
)
def test_what_a_finding_says_is_named(text: str, said: str) -> None:
    """Only a text that names the regulation is said to name the GDPR: "art. 9" may be any
    act's article, and the UAVG is a Dutch act."""
    assert named_only(text) == said

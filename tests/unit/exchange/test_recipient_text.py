"""A recipient named in a register cell gets the type its words give away, and no guess
where they give none."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complykit.exchange.recipient_text import recipient

TYPES = {"processor", "internal", "controller", "public-authority", "other"}


@pytest.mark.parametrize(
    ("item", "name", "kind"),
    [
        ("Mailchimp (verwerker)", "Mailchimp", "processor"),
        ("Payroll Ltd [processor]", "Payroll Ltd", "processor"),
        ("Arbodienst - verwerker", "Arbodienst", "processor"),
        ("Accountant (zelfstandig verwerkingsverantwoordelijke)", "Accountant", "controller"),
        ("Belastingdienst", "Belastingdienst", "public-authority"),
        ("UWV", "UWV", "public-authority"),
        ("Gemeente Utrecht", "Gemeente Utrecht", "public-authority"),
        (
            "Politie Eenheid Midden-Nederland",
            "Politie Eenheid Midden-Nederland",
            "public-authority",
        ),
        ("FOD Financiën", "FOD Financiën", "public-authority"),
        ("afdeling HR", "afdeling HR", "internal"),
        ("Medewerkers Klantcontact", "Medewerkers Klantcontact", "internal"),
        ("Team Nederland", "Team Nederland", "internal"),  # a team at home stays ours
        ("Afdeling IT", "Afdeling IT", "internal"),
        # A team named after a country outside the EEA, a company or a branch may be a group
        # company abroad, an importer: no guess (GDPR026 counts an internal one as no transfer).
        ("Team India", "Team India", "other"),
        ("Team Verenigde Staten", "Team Verenigde Staten", "other"),
        ("Team Maple Threads Pvt Ltd", "Team Maple Threads Pvt Ltd", "other"),
        ("Afdeling IT moederbedrijf", "Afdeling IT moederbedrijf", "other"),
        ("Team branch office Mumbai", "Team branch office Mumbai", "other"),
        ("Zorgverzekeraar", "Zorgverzekeraar", "other"),  # nothing tells
        ("Indeed", "Indeed", "other"),  # "ind" is the IND only as a whole word
        ("Bakker (Utrecht)", "Bakker (Utrecht)", "other"),  # a bracket that is no type stays
        ("HMRC", "HMRC", "public-authority"),
        ("Revenue Commissioners", "Revenue Commissioners", "public-authority"),
        ("Afnemers BRP (overheidsorganen)", "Afnemers BRP (overheidsorganen)", "public-authority"),
        ("Kamer van Koophandel", "Kamer van Koophandel", "public-authority"),
        ("Ombudsman for banking", "Ombudsman for banking", "other"),  # not every ombudsman
    ],
)
def test_the_words_give_the_type(item: str, name: str, kind: str) -> None:
    assert recipient(item) == {"name": name, "type": kind}


@given(st.text(min_size=1, max_size=60).filter(str.strip))
def test_any_item_gives_a_name_and_a_known_type(item: str) -> None:
    """Whatever an item holds (``split_items`` gives none that is blank)."""
    entry = recipient(item)
    assert entry["type"] in TYPES
    assert entry["name"]

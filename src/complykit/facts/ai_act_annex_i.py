"""Annex I (Art. 6(1)): the product legislation a system names, its point and its section.

A system is high-risk under Art. 6(1) when its product falls under an Annex I act and needs a
third-party conformity assessment; Section B acts (vehicles, aviation, marine equipment, rail)
bring only Art. 6(1), 102-109 and 112 of the AI Act (Art. 2(2)). The record names the act in
free text or states its point in ``annex_i_product``; the catalog gives each point's act and
section.
"""

from __future__ import annotations

import re

from complykit.catalog.models import Catalog
from complykit.model.ai_system import AiSystem


def needs_third_party(system: AiSystem) -> bool:
    """Whether the system names Annex I legislation under which its product needs a third-party
    conformity assessment, which with it makes an Annex I system high-risk (Art. 6(1)(b)).
    Taken as needed unless ``annex_i_product`` says not: a record that names the act and
    nothing more is judged as the act's usual case."""
    if not system.classification.annex_i:
        return False
    product = system.provider_duties.annex_i_product if system.provider_duties else None
    return product is None or product.third_party_assessment


def annex_i_section(found: Catalog | None, system: AiSystem) -> str | None:
    """The Annex I section (A or B) of the system's product legislation, from the catalog."""
    point = annex_i_point(found, system)
    item = found.item(f"Annex I({point})") if found and point is not None else None
    section = item.attributes.get("section") if item else None
    return str(section) if section is not None else None


def annex_i_point(found: Catalog | None, system: AiSystem) -> int | None:
    """The Annex I point of the system's product: as ``annex_i_product`` states it, else the
    catalog point whose act the ``annex_i`` text names by its number (e.g. 2018/858)."""
    product = system.provider_duties.annex_i_product if system.provider_duties else None
    if product is not None:
        return product.annex_i_point
    named = system.classification.annex_i
    if not named or found is None:
        return None
    numbers = set(_NAMED_NUMBER.findall(named))
    for item in found.items:
        point = _ANNEX_I_POINT.fullmatch(item.id)
        number = _ACT_NUMBER.search(str(item.attributes.get("act", "")))
        if point and number and number[0] in numbers:
            return int(point[1])
    return None


_ANNEX_I_POINT = re.compile(r"Annex I\((\d+)\)")
# The number that names an act: 2018/858, No 300/2008, 2014/90/EU.
_ACT_NUMBER = re.compile(r"\d+/\d+")
# Every act number a text names, each whole (no digit just before or after it) and overlapping
# ones included, so that 2016/797/2017 names both 2016/797 and 797/2017: an act's number is
# named exactly when it is in this set.
_NAMED_NUMBER = re.compile(r"(?<!\d)(?=(\d+/\d+))")

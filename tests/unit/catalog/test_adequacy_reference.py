"""The countries catalog's adequacy decisions agree with the checked reference facts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.catalog import CatalogSet

    Reference = Callable[[str], Any]


def _in_force(catalogs: CatalogSet, checked_on: date) -> dict[str, Any]:
    countries = catalogs.countries
    found = {c.code: countries.adequacy(c.code, checked_on) for c in countries.countries}
    return {code: decision for code, decision in found.items() if decision is not None}


def test_decisions_in_force_are_the_reference_list(
    catalogs: CatalogSet, reference: Reference
) -> None:
    """On the day the reference was checked, exactly its countries have a decision in force."""
    facts = reference("adequacy.yaml")
    in_force = _in_force(catalogs, facts["checked_on"])
    assert sorted(in_force) == sorted(d["country"] for d in facts["decisions"])


def test_each_decision_matches_its_reference_entry(
    catalogs: CatalogSet, reference: Reference
) -> None:
    """Adoption date, number, scope and verification level follow the reference."""
    facts = reference("adequacy.yaml")
    in_force = _in_force(catalogs, facts["checked_on"])
    for fact in facts["decisions"]:
        decision = in_force[fact["country"]]
        assert decision.adopted == fact.get("renewed", fact["adopted"]), fact["country"]
        assert decision.partial == (not fact["scope"].startswith("full")), fact["country"]
        assert decision.verified == fact["verified"], fact["country"]
        assert decision.expires == fact.get("valid_until"), fact["country"]
        number = fact["decision"].split(",")[0].removeprefix("(EU) ")
        assert number in decision.decision or "renewal" in decision.decision, fact["country"]


def test_a_decision_past_its_sunset_is_not_in_force(catalogs: CatalogSet) -> None:
    """The UK decision of 2021 lapsed after 27 December 2025; the renewal covers the day after."""
    countries = catalogs.countries
    first = countries.adequacy("GB", date(2025, 12, 18))
    later = countries.adequacy("GB", date(2025, 12, 28))
    assert first is not None
    assert first.expires == date(2025, 12, 27)
    assert later is not None
    assert later.adopted == date(2025, 12, 19)
    assert countries.adequacy("GB", date(2031, 12, 28)) is None

"""The DPIA screening catalog agrees with the reference facts in /work/shared/reference."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from complykit.catalog import CatalogSet

    Reference = Callable[[str], Any]


def test_dpia_criteria_match(catalogs: CatalogSet, reference: Reference) -> None:
    """The 9 WP248 criteria, 17 AP types and 3 Art. 35(3) cases match ids, titles and keys."""
    ref = reference("dpia-criteria.yaml")
    catalog = catalogs.framework("dpia-criteria")
    assert catalog is not None
    wp = [
        (c["id"], c["title"], c["nl"], c["key"])
        for c in ref["wp248_high_risk_criteria"]["criteria"]
    ]
    ap = [(t["id"], t["en"], t["nl"], t["key"]) for t in ref["ap_mandatory_dpia_list_nl"]["types"]]

    def rows(group: str) -> list[tuple[str, str, str | None, object]]:
        items = [i for i in catalog.items if i.group == group]
        return [(i.id, i.title, i.title_nl, i.attributes["key"]) for i in items]

    assert rows("wp248") == wp
    assert rows("ap-list") == ap
    assert (len(wp), len(ap)) == (9, ref["ap_mandatory_dpia_list_nl"]["count"]) == (9, 17)
    cases = [(i.id, i.attributes["key"]) for i in catalog.items if i.group == "art35-3"]
    assert cases == [(c["id"], c["key"]) for c in ref["art35_mandatory_cases"]]

"""Loading bundled and workspace catalogs, and the lookups across them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from complykit.catalog import CatalogError, CatalogSet, bundled_dir, load_catalogs

if TYPE_CHECKING:
    from pathlib import Path

NIS2 = """\
schema_version: 1
framework:
  id: {id}
  name: NIS2 Directive
  edition: "2022/2555"
  publisher: European Union
  published: 2022-12-27
  aliases: [{alias}]
  sources: ["Directive (EU) 2022/2555"]
  licence: ids only
  soa: false
items:
  - {{id: "Art. 21", kind: article, title: Cybersecurity risk-management measures}}
  - {{id: "Art. 23", kind: article, title: Reporting obligations, applies_from: 2024-10-18}}
"""

MAPPING = """\
schema_version: 1
mapping:
  id: nis2-to-iso27001-2022
  name: NIS2 to ISO/IEC 27001:2022
  source_framework: nis2-2022
  target_framework: iso27001-2022
  sources: [workspace]
  licence: ids only
rows:
  - {{source: "Art. 23", target: "{target}", relationship: related}}
"""


def _workspace(tmp_path: Path, *, fw_id: str = "nis2-2022", alias: str = "NIS2") -> Path:
    folder = tmp_path / "catalogs"
    folder.mkdir()
    (folder / "nis2.yaml").write_text(NIS2.format(id=fw_id, alias=alias), encoding="utf-8")
    return folder


def _add_mapping(folder: Path, target: str) -> None:
    (folder / "mappings").mkdir()
    text = MAPPING.format(target=target)
    (folder / "mappings" / "nis2-to-iso.yaml").write_text(text, encoding="utf-8")


def test_bundled_catalogs_are_found_and_cached() -> None:
    """The bundled folder exists and loading it twice returns the same object."""
    assert (bundled_dir() / "gdpr.yaml").is_file()
    assert load_catalogs() is load_catalogs()


def test_workspace_catalog_works_like_a_bundled_one(tmp_path: Path) -> None:
    """A workspace catalog and its mapping are found by id, alias, search and mappings_between."""
    folder = _workspace(tmp_path)
    _add_mapping(folder, "A.5.24")
    catalogs = load_catalogs([folder])
    nis2 = catalogs.framework("nis2")
    assert nis2 is not None
    assert nis2.item("Art. 23") is not None
    assert nis2.items[1].applies_from == date(2024, 10, 18)
    assert [m.id for m in catalogs.mappings_between("NIS2", "iso27001")] == [
        "nis2-to-iso27001-2022"
    ]
    assert ("nis2-2022", nis2.items[1]) in catalogs.search("reporting obligations")
    assert catalogs.framework("gdpr") is not None
    assert load_catalogs().framework("nis2-2022") is None


def test_workspace_catalog_cannot_reuse_a_bundled_id(tmp_path: Path) -> None:
    """A workspace catalog with a bundled framework id raises CatalogError naming the file."""
    folder = _workspace(tmp_path, fw_id="gdpr", alias="NIS2")
    with pytest.raises(CatalogError, match=r"nis2\.yaml: framework id or alias gdpr"):
        load_catalogs([folder])


def test_workspace_catalog_cannot_reuse_a_bundled_alias(tmp_path: Path) -> None:
    """A workspace alias that a bundled catalog already uses raises CatalogError."""
    folder = _workspace(tmp_path, alias="AVG")
    with pytest.raises(CatalogError, match="AVG"):
        load_catalogs([folder])


def test_mapping_to_an_unknown_id_raises(tmp_path: Path) -> None:
    """A mapping row whose target is not in the target catalog raises CatalogError."""
    folder = _workspace(tmp_path)
    _add_mapping(folder, "A.5.99")
    with pytest.raises(CatalogError, match=r"target id\(s\) not in iso27001-2022: A\.5\.99"):
        load_catalogs([folder])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("framework: [unclosed", "cannot read"),
        ("- just a list", "expected a mapping"),
        ("schema_version: 1\nframework: {id: x}\nitems: []", "framework.name"),
    ],
)
def test_broken_workspace_file_raises_with_its_path(
    tmp_path: Path, text: str, message: str
) -> None:
    """Unreadable or invalid files raise CatalogError with the path and the problem."""
    (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=message) as caught:
        load_catalogs([tmp_path])
    assert str(tmp_path / "broken.yaml") in str(caught.value)


def test_missing_workspace_folder_raises(tmp_path: Path) -> None:
    """A catalog folder that does not exist raises CatalogError."""
    with pytest.raises(CatalogError, match="catalog folder not found"):
        load_catalogs([tmp_path / "nope"])


def test_framework_lookup_accepts_ids_and_aliases(catalogs: CatalogSet) -> None:
    """Frameworks are found by id or by any alias, ignoring case."""
    found = [catalogs.framework(name) for name in ("gdpr", "AVG", "iso/iec 27001:2022", "AI Act")]
    assert [c.id if c else None for c in found] == ["gdpr", "gdpr", "iso27001-2022", "eu-ai-act"]
    assert catalogs.framework("nist-800-53") is None
    assert [c.id for c in catalogs.frameworks] == sorted(c.id for c in catalogs.frameworks)


def test_suggest_offers_close_ids(catalogs: CatalogSet) -> None:
    """Suggestions add a missing `A.` prefix, fix case and find near misses."""
    assert catalogs.suggest("iso27001-2022", "8.24")[0] == "A.8.24"
    assert catalogs.suggest("iso27001-2022", "a.5.15")[0] == "A.5.15"
    assert "Art. 30(1)(f)" in catalogs.suggest("gdpr", "Art. 30(1)(h)")
    assert catalogs.suggest("unknown", "A.5.1") == []


def test_successor_ids_follow_the_2013_to_2022_mapping(catalogs: CatalogSet) -> None:
    """A 2013 control id leads to its 2022 successor ids."""
    assert catalogs.successor_ids("iso27001-2013", "A.9.2.1") == ["A.5.16"]
    assert catalogs.successor_ids("ISO/IEC 27001:2013", "A.18.2.3") == ["A.5.36", "A.8.8"]
    assert catalogs.successor_ids("iso27001-2013", "A.99") == []
    assert catalogs.successor_ids("iso27001-2022", "A.5.1") == []


def test_search_matches_id_title_and_summary(catalogs: CatalogSet) -> None:
    """Search is a case-insensitive substring match over ids, titles and summaries."""
    hits = {(fw, item.id) for fw, item in catalogs.search("THREAT INTELLIGENCE")}
    assert ("iso27001-2022", "A.5.7") in hits
    assert ("gdpr", "Art. 30(1)(f)") in {(fw, i.id) for fw, i in catalogs.search("30(1)(f)")}
    assert catalogs.search("  ") == []


def test_countries_are_bundled(catalogs: CatalogSet) -> None:
    """The bundled country list knows EEA members and adequacy decisions by date."""
    countries = catalogs.countries
    assert len(countries.countries) == 249
    # The 27 Member States, and the parts of them the Treaties cover that have a code of their
    # own: the outermost regions (Art. 355(1) TFEU) and the Åland Islands (Art. 355(4) TFEU).
    regions = {"GP", "GF", "MQ", "RE", "YT", "MF", "AX"}
    eu = {c.code for c in countries.countries if c.eu}
    assert len(eu - regions) == 27
    assert regions <= eu
    assert not {"BL", "PM", "NC", "AW", "GL"} & eu  # overseas countries and territories
    assert {c.code for c in countries.countries if c.eea and not c.eu} == {"IS", "LI", "NO"}
    assert countries.name("DE") == "Germany"
    us_now = countries.adequacy("US", date(2024, 1, 1))
    assert us_now is not None
    assert "Data Privacy Framework" in us_now.decision
    assert countries.adequacy("US", date(2021, 1, 1)) is None
    assert countries.adequacy("CN", date(2024, 1, 1)) is None

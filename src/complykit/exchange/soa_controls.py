"""Which controls a Statement of Applicability table names, and of which framework."""

from __future__ import annotations

import re
from collections.abc import Sequence

from complykit.authoring.scaffold import soa_catalog
from complykit.catalog.catalogset import CatalogSet
from complykit.catalog.models import Catalog
from complykit.core.errors import ComplykitError
from complykit.model.wording.frameworks import framework_meant

_CONTROL = re.compile(r"^\s*([ab])?[\s.]*([0-9]{1,2}(?:\s*\.\s*[0-9]{1,2})+)", re.IGNORECASE)


def catalog_for(
    catalogs: CatalogSet, framework: str | None, cells: Sequence[str], rows: int
) -> tuple[Catalog, str | None]:
    """The catalog a table of ``rows`` rows is read against, its control column holding
    ``cells``: the ``framework`` named (an id, alias, or a name as people write it: "ISO
    27001"), or else the one its cells name (``told_framework``), with a sentence saying so."""
    if framework is not None:
        return soa_catalog(catalogs, framework_meant(framework) or framework), None
    catalog, named = told_framework(catalogs, cells)
    return catalog, (
        f"controls read as {catalog.id}: {named} of {rows} rows name one of its controls "
        "(--framework chooses another)"
    )


def told_framework(catalogs: CatalogSet, cells: Sequence[str]) -> tuple[Catalog, int]:
    """The framework with a Statement of Applicability whose controls most of ``cells`` name,
    and how many do. ISO/IEC 27001:2022 and 42001 share ids (A.5.2, A.6.1), so the count
    decides, and a tie is for the user to settle."""
    counts = sorted(
        (
            (sum(control_id(cell, ids) is not None for cell in cells), catalog)
            for catalog in catalogs.frameworks
            if catalog.framework.soa
            for ids in [{control.id for control in catalog.controls}]
        ),
        key=lambda counted: -counted[0],
    )
    named = [f"{catalog.id} ({count})" for count, catalog in counts if count]
    if not named:
        raise ComplykitError(
            "no row names a control of a framework with a Statement of Applicability",
            hint="Pass --framework with the framework the table's controls belong to.",
        )
    if len(counts) > 1 and counts[0][0] == counts[1][0]:
        raise ComplykitError(
            f"the control ids fit more than one framework alike: {', '.join(named)}",
            hint="Pass --framework to say which.",
        )
    return counts[0][1], counts[0][0]


def control_id(text: str, ids: set[str]) -> str | None:
    """The catalog id a cell names: ``A.5.1``, ``5.1``, ``A 5.01`` or ``5.1 Policies ...``."""
    found = _CONTROL.match(text)
    if found is None:
        return None
    numbers = ".".join(str(int(n)) for n in re.split(r"\s*\.\s*", found[2]))
    letters = [found[1].upper()] if found[1] else ["A", "B"]
    return next((f"{letter}.{numbers}" for letter in letters if f"{letter}.{numbers}" in ids), None)

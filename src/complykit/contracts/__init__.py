"""The JSON documents complykit prints, as types: schemas/output/ is generated from these.

The code that builds each document is annotated with its type, so mypy keeps the two in step,
and tests/test_output_schemas.py validates real output against the generated schemas.
"""

from __future__ import annotations

from typing import Any

from complykit.contracts.catalog import (
    CatalogItemDocument,
    CatalogListDocument,
    CatalogSearchDocument,
    CatalogShowDocument,
)
from complykit.contracts.coverage import CoverageDocument
from complykit.contracts.diff import DiffDocument
from complykit.contracts.rules import RulesDocument
from complykit.contracts.validate import ValidateDocument

# Output schema name -> the type of the document; one schema file per entry.
OUTPUT_DOCUMENTS: dict[str, Any] = {
    "validate": ValidateDocument,
    "diff": DiffDocument,
    "rules": RulesDocument,
    "catalog-list": CatalogListDocument,
    "catalog-show": CatalogShowDocument,
    "catalog-item": CatalogItemDocument,
    "catalog-search": CatalogSearchDocument,
    "coverage": CoverageDocument,
}

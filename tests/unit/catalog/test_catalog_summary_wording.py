"""ISO catalog summaries are complykit's own words, not the control sentence recast.

ISO text is copyrighted: only ids and short titles may match the standard. A summary that
opens with a run of three or more verbs ("Define, document and apply ...") keeps the verb
skeleton of a control sentence, the pattern a review found across the ISO catalogs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from complykit.catalog import CatalogSet

ISO_CATALOGS = ("iso27001-2022", "iso27701-2019", "iso42001-2023")

# Verbs that open the requirement sentences of the ISO management-system standards.
_REQUIREMENT_VERBS = (
    "analyse|analyze|apply|approve|audit|collect|control|define|determine|direct|dispose|"
    "document|establish|evaluate|format|grant|identify|implement|improve|maintain|manage|"
    "monitor|plan|preserve|produce|protect|publish|record|remove|return|review|run|secure|"
    "select|specify|store|test|write"
)
_VERB_RUN = re.compile(
    rf"^(?:{_REQUIREMENT_VERBS})(?:, [a-z]+)+,? (?:and|or) [a-z]+\b", re.IGNORECASE
)


@pytest.mark.parametrize("framework_id", ISO_CATALOGS)
def test_summaries_do_not_open_with_a_run_of_verbs(catalogs: CatalogSet, framework_id: str) -> None:
    """No ISO summary opens with three or more verbs in a row, as a control sentence does."""
    catalog = catalogs.framework(framework_id)
    assert catalog is not None
    summaries = {item.id: item.summary or "" for item in catalog.items}
    recast = {key: text for key, text in summaries.items() if _VERB_RUN.match(text)}
    assert recast == {}

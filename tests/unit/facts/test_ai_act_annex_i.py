"""Annex I is read from the act number the record names, whole, as the catalog lists it."""

import pytest

from complykit.catalog.load import load_catalogs
from complykit.facts.ai_act_annex_i import annex_i_point, annex_i_section
from complykit.model.ai_system import AiSystem


def _system(annex_i: str) -> AiSystem:
    return AiSystem.model_validate(
        {
            "kind": "ai-system",
            "id": "ai-x",
            "name": "X",
            "purpose": "A safety component",
            "roles": ["provider"],
            "classification": {"risk_class": "high-risk", "reasoning": "x", "annex_i": annex_i},
            "lifecycle": "operation",
        }
    )


@pytest.mark.parametrize(
    ("named", "point", "section"),
    [
        ("Regulation (EU) 2018/858 (type-approval)", 18, "B"),
        ("Directive 2014/90/EU", 16, "B"),
        ("Regulation (EC) No 300/2008", 13, "B"),
        ("Regulation (EU) 2017/745 (MDR)", 11, "A"),
        ("Regulation (EU) 2018/8580", None, None),  # another number, not 2018/858
        ("Regulation 12018/858", None, None),
        ("the machinery rules", None, None),
    ],
)
def test_the_point_is_the_act_the_text_names_by_its_number(
    named: str, point: int | None, section: str | None
) -> None:
    found = load_catalogs().framework("eu-ai-act")
    assert annex_i_point(found, _system(named)) == point
    assert annex_i_section(found, _system(named)) == section

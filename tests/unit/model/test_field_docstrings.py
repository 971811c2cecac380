"""Field docstrings become descriptions as pydantic's use_attribute_docstrings made them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from complykit.model.base import StrictModel


class _Sample(StrictModel):
    plain: int
    """The docstring under a field."""
    typed: Annotated[str, Field(description="Carried by the type.")] = "x"
    """Not used: the type's description wins."""
    explicit: int = Field(default=1, description="Given explicitly.")
    """Not used either."""
    undocumented: int = 0

    class Inner(StrictModel):
        nested: int
        """A nested class's own field."""


class _Child(_Sample):
    plain: int = 2
    """Redefined in the subclass."""


def test_docstrings_describe_fields_unless_a_description_is_given() -> None:
    """Only fields without a description take the string written under them."""
    described = {name: f.description for name, f in _Sample.model_fields.items()}
    assert described == {
        "plain": "The docstring under a field.",
        "typed": "Carried by the type.",
        "explicit": "Given explicitly.",
        "undocumented": None,
    }


def test_nested_and_derived_classes_use_their_own_docstrings() -> None:
    """A nested class is found by its qualified name; a subclass's redefinition keeps its own."""
    assert _Sample.Inner.model_fields["nested"].description == "A nested class's own field."
    assert _Child.model_fields["plain"].description == "Redefined in the subclass."
    assert _Child.model_fields["typed"].description == "Carried by the type."


def test_the_schema_shows_the_descriptions_and_validation_works() -> None:
    """The models are complete at once: the JSON Schema has them, validation runs."""
    schema = _Sample.model_json_schema()
    assert schema["properties"]["plain"]["description"] == "The docstring under a field."
    assert _Sample.model_validate({"plain": 3}).plain == 3

"""References kept in the cache read back as they were, however many records share them."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from complykit.model.references import Reference
from complykit.model.types import ControlsMarker, CountryMarker, EvidenceMarker, RefTo
from complykit.workspace import kept_references

MARKERS = [RefTo(("supplier",)), RefTo(("person",)), CountryMarker(), EvidenceMarker()]
texts = st.text(max_size=20)
places = st.lists(texts | st.integers(0, 50), max_size=4).map(tuple)
shared = st.builds(Reference, loc=places, value=texts, marker=st.sampled_from(MARKERS))
controls = st.builds(
    Reference,
    loc=places,
    value=st.dictionaries(texts, st.lists(texts, max_size=3), max_size=3),
    marker=st.just(ControlsMarker()),
)


@given(st.lists(shared | controls, max_size=12))
def test_references_read_back_as_written(found: list[Reference]) -> None:
    """Each reference comes back with its place, value and marker, in order; the text is
    the JSON of one row per reference, as a reader of the entry expects."""
    for _ in range(2):  # the second time, the rows are the ones written before
        text = kept_references.encode(found)
        assert kept_references.decode(text) == found
        assert json.loads(text) == [
            [
                list(r.marker.kinds) if isinstance(r.marker, RefTo) else _name(r.marker),
                r.value,
                list(r.loc),
            ]
            for r in found
        ]


def _name(marker: object) -> str:
    return {CountryMarker: "country", ControlsMarker: "controls", EvidenceMarker: "evidence"}[
        type(marker)
    ]

"""Reading a catalog file never fails with anything but CatalogError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from complykit.catalog import CatalogError, read_file

YAMLISH = st.text(alphabet=st.sampled_from(list("abAB01:-_ []{}'\"\n#?&*!|>%@`.,")), max_size=80)


@given(text=st.one_of(YAMLISH, st.text(max_size=80)))
@example(text="d: 2024-02-30")
@example(text="? [a]\n: b")
@example(text="schema_version: 1\nmapping: {}\n")
def test_any_text_reads_or_raises_catalog_error(text: str) -> None:
    """Any file content gives a model or a CatalogError that names the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.yaml"
        path.write_text(text, encoding="utf-8")
        message = _outcome(path)
    assert message is None or str(path) in message


def _outcome(path: Path) -> str | None:
    try:
        read_file(path)
    except CatalogError as error:
        return str(error)
    return None

"""Class 14: a command that writes many files into a folder writes them in that folder only.

``complykit schema`` writes into ``schemas/`` by default, a folder of the checkout a pull
request controls; it or its ``output/`` folder can be committed as a link to anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import fingerprint, run


@pytest.mark.parametrize("link", ["schemas", "schemas/output"])
def test_schema_writes_nothing_through_a_linked_folder(tmp_path: Path, link: str) -> None:
    """The schemas of the JSON outputs were written through ``schemas/output``, a link out:
    eight files appeared in the folder it named. Now nothing is written, anywhere."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("precious", encoding="utf-8")
    checkout = tmp_path / "checkout"
    (checkout / link).parent.mkdir(parents=True)
    (checkout / link).symlink_to(outside, target_is_directory=True)
    before = fingerprint(tmp_path)
    outcome = run("schema", cwd=checkout)
    outcome.assert_inert(allowed=(2,))
    assert f"error: {link} " in outcome.stderr
    assert fingerprint(tmp_path) == before


def test_schema_follows_a_link_that_stays_in_the_folder(tmp_path: Path) -> None:
    """A link from ``output`` to a folder beside it, inside the folder asked for, is kept."""
    (tmp_path / "schemas" / "generated").mkdir(parents=True)
    (tmp_path / "schemas" / "output").symlink_to("generated", target_is_directory=True)
    run("schema", cwd=tmp_path).assert_inert(allowed=(0,))
    assert (tmp_path / "schemas" / "generated" / "validate.schema.json").is_file()

"""Class 13: what an import reads is a file of a pull request, and its cells are anyone's.

A CI job that imports ``data/register.csv`` reads whatever the pull request put there: a link
to ``/dev/zero`` or a named pipe where a spreadsheet should be, and cells no register holds.
Each is an ``error:`` line or a warning naming the row, never a hang, a memory error or a
traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.harness import fingerprint, run_process, workspace

NOT_FILES = {
    "/dev/zero as a CSV file": ("register", "zero.csv", "a character device"),
    "/dev/zero as a workbook": ("risks", "zero.xlsx", "a character device"),
    "/dev/zero as a PIA export": ("dpia", "zero.json", "a character device"),
    "/dev/zero as a Fides manifest": ("fides", "zero.yml", "a character device"),
    "/dev/zero as an Algoritmeregister download": (
        "algoritmeregister",
        "zero.json",
        "a character device",
    ),
    "a named pipe as a CSV file": ("incidents", "pipe.csv", "a named pipe (FIFO)"),
    "a named pipe as a PIA export": ("dpia", "pipe.json", "a named pipe (FIFO)"),
}


@pytest.mark.parametrize("case", NOT_FILES)
def test_an_import_source_that_is_no_file_is_refused_unread(tmp_path: Path, case: str) -> None:
    """The source is refused in one line before it is read: /dev/zero ran the process out of
    memory (exit 3 under the harness's limit), a named pipe blocked it until CI killed it."""
    kind, name, what = NOT_FILES[case]
    root = workspace(tmp_path)
    source = tmp_path / name
    if name.startswith("zero"):
        source.symlink_to("/dev/zero")
    else:
        os.mkfifo(source)
    before = fingerprint(root)
    outcome = run_process("import", kind, str(source), str(root), cwd=tmp_path)
    outcome.assert_inert(allowed=(2,))
    assert f"{source}: it is {what}, not a regular file, and is not read" in outcome.stderr
    assert fingerprint(root) == before

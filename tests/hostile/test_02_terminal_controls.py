"""Class 2: escape sequences, C0/C1 controls and bidi overrides show escaped, never raw.

Text output goes to a reviewer's terminal; an OSC 52 sequence there writes the clipboard, an
OSC 8 one makes a disguised link, a CSI one clears the screen, and U+202E reorders what is read.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE
from hostile.harness import RAW_CONTROL, planted, run, workspace

ESCAPES = {
    "OSC 52 clipboard write": "\x1b]52;c;SE9PSw==\x07",
    "OSC 8 link": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "CSI screen clear": "\x1b[2J\x1b[H",
    "8-bit CSI": "\x9b31m",
    "carriage return overwrite": "ok\rFAKE",
    "backspace": "abc\x08\x08\x08",
    "right-to-left override": "\u202eevil",
    "isolate": "\u2066x\u2069",
    "line separator": "a\u2028b",
    "zero-width no-break space": "\ufeff::warning::x",
}


@pytest.mark.parametrize("name", ESCAPES)
def test_record_text_shows_escaped(tmp_path: Path, name: str) -> None:
    """A record field holding the sequence shows its code points as text, in every message."""
    sequence = ESCAPES[name]
    quoted = sequence.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    root = workspace(tmp_path, {"risk.yaml": f'kind: risk\nid: r1\n"k{quoted}": 1\n'})
    outcome = run("validate", str(root))
    outcome.assert_inert(allowed=(1,))
    assert any(mark in outcome.stdout for mark in ("\\x", "\\u", "\\r"))


def test_file_names_show_escaped(tmp_path: Path) -> None:
    """A file name with escapes and an override is shown escaped in text and github output."""
    root = planted(workspace(tmp_path))
    for output_format in ("text", "github", "junit", "markdown"):
        outcome = run("validate", str(root), "--format", output_format)
        outcome.assert_inert(allowed=(1,))
        assert "\\u202e" in outcome.stdout.replace("\\\\", "\\")


def test_error_messages_on_stderr_are_escaped(tmp_path: Path) -> None:
    """A path argument with controls comes back escaped in the one-line error."""
    outcome = run("validate", str(tmp_path / "no\x1b[2Jsuch\u202e"))
    outcome.assert_inert(allowed=(2,))
    assert "\\x1b" in outcome.stderr
    assert not RAW_CONTROL.search(outcome.stderr)


@pytest.mark.parametrize(
    "command",
    [("ics",), ("fides",), ("algoritmeregister",), ("oscal", "--soa", "soa-iso27001-2022")],
)
def test_exports_printed_to_the_terminal_show_escaped(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Every export printed to standard output carries a record's controls escaped, in its
    own escapes where the format has them (JSON, YAML), spelled out where it has none (ICS)."""
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root)
    hostile = json.dumps("X" + "".join(ESCAPES.values()))  # a YAML double-quoted scalar too
    for record in ("register/pa-client-records.yaml", "ai/ai-support-chatbot.yaml"):
        path = root / record
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^name: .*$", lambda _: f"name: {hostile}", text, count=1))
    name, *options = command
    outcome = run("export", name, str(root), *options)
    outcome.assert_inert(allowed=(0,))
    assert name == "oscal" or "202e" in outcome.stdout.casefold()  # the SSP names neither

"""PyYAML imported with its patterns compiled on first use (``load.pyyaml``) still matches as
PyYAML does, and leaves ``re.compile`` as it found it."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from complykit.load.pyyaml import c_parser, yaml


def test_re_compile_is_restored() -> None:
    """Only PyYAML's own import sees the stand-in: every later pattern is a real one."""
    assert isinstance(re.compile("a+"), re.Pattern)


def test_the_pure_reader_still_refuses_non_printable_characters() -> None:
    """The pattern complykit's C parser never runs still works for the pure-Python fallback."""
    with pytest.raises(yaml.reader.ReaderError, match="special characters are not allowed"):
        yaml.reader.Reader("title: ring\x07bell\n")


def test_pyyamls_own_loader_resolves_implicit_types() -> None:
    """The implicit resolvers and the timestamp pattern, left uncompiled at import, match."""
    loaded = yaml.safe_load("count: 12\nratio: 0.5\nopen: true\nday: 2026-12-07\nnone: ~\n")
    assert loaded == {
        "count": 12,
        "ratio": 0.5,
        "open": True,
        "day": dt.date(2026, 12, 7),
        "none": None,
    }


def test_the_c_parser_is_found_where_pyyaml_has_libyaml() -> None:
    assert (c_parser() is not None) == yaml.__with_libyaml__


def test_importing_the_loader_compiles_no_pyyaml_pattern() -> None:
    """In a fresh interpreter, the reader's pattern is still a stand-in after the loader is
    imported: the 5-6 ms it takes to compile are not spent (the reason for the module)."""
    probe = (
        "import complykit.load.yaml_file, yaml.reader, re;"
        "print(isinstance(yaml.reader.Reader.NON_PRINTABLE, re.Pattern))"
    )
    shown = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "False"

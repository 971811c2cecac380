"""Copies of the bundled example for tests that run the cache on them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from complykit.cache.store import CACHE_DIRNAME
from conftest import EXAMPLE


def example_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch | None = None) -> Path:
    """The example without any cache of its own; with ``monkeypatch``, the signing key and
    the cache folder go to a home of this test's own, not the user's."""
    if monkeypatch is not None:
        monkeypatch.delenv("XDG_CACHE_HOME")
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
    target = tmp_path / "tulip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(CACHE_DIRNAME))
    return target


def with_an_unknown_owner(target: Path) -> Path:
    """``target`` with one risk owned by a person nobody declared, so that a rule fires."""
    risk = target / "risks" / "risk-ransomware.yaml"
    text = risk.read_text(encoding="utf-8")
    risk.write_text(text.replace("owner: fatima-elamrani", "owner: nobody"), encoding="utf-8")
    return target

"""The cache and the loader import where the POSIX-only open flags do not exist (Windows)."""

from __future__ import annotations

import subprocess
import sys

_WITHOUT_POSIX_FLAGS = """
import os
for flag in ("O_CLOEXEC", "O_NOFOLLOW", "O_NONBLOCK", "O_DIRECTORY"):
    if hasattr(os, flag):
        delattr(os, flag)
import complykit.cache.store, complykit.cache.keys, complykit.load.files, complykit.cli.cached
"""


def test_the_cache_imports_without_posix_only_open_flags() -> None:
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", _WITHOUT_POSIX_FLAGS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr

"""The ``complykit`` executable: ``--version`` is answered before Typer is imported.

Importing Typer and every command module costs more than a whole ``--version`` should; a
script that asks for the version (pre-commit, bug reports, CI logs) gets it from the package
alone. Everything else goes to the Typer app unchanged.
"""

from __future__ import annotations

import sys

from complykit import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"complykit {__version__}\n")
        return
    from complykit.cli.app import main as run_app  # noqa: PLC0415 - the fast path stays light

    run_app()

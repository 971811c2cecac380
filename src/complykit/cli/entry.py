"""The ``complykit`` executable: ``--version`` and a cached ``validate`` skip Typer.

Importing Typer and every command module costs more than a whole ``--version`` should; a
script that asks for the version (pre-commit, bug reports, CI logs) gets it from the package
alone, and ``validate`` on a workspace whose result is cached is answered from the cache (see
:mod:`complykit.cli.cached`). Everything else goes to the Typer app unchanged.
"""

from __future__ import annotations

import os
import sys

from complykit import __version__

# Pydantic looks for plugins among the entry points of every installed distribution the first
# time a model is built: 30 ms of every run, for hooks that observe each validation. complykit
# wants none: they would see every record, personal data included. A value the user set stays.
_NO_PYDANTIC_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


def run() -> None:
    """The console script: ``main``, then, after ``validate``, an exit that skips tearing down.

    Python frees every object one by one as it exits: at 10,000 records that is 0.1 s, 6% of
    a whole run, spent after the answer is written. Only ``validate``, whose every file and
    cache entry is closed by then, leaves that way; the output is flushed first, and a flush
    that fails goes the ordinary way, where Python reports it as it always does.
    """
    code = main()
    if sys.argv[1:2] == ["validate"] and isinstance(code, int):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def main() -> int | None:
    """Run the command line; the return value is the exit code (None: 0)."""
    os.environ.setdefault(*_NO_PYDANTIC_PLUGINS)
    arguments = sys.argv[1:]
    if arguments == ["--version"]:
        sys.stdout.write(f"complykit {__version__}\n")
        return None
    if arguments[:1] == ["validate"]:
        from complykit.cli.cached import answer  # noqa: PLC0415 - the fast path stays light

        try:
            code = answer(arguments[1:])
        except KeyboardInterrupt:  # as Click ends an interrupted command: no traceback
            sys.stderr.write("\nAborted!\n")
            return 1
        if code is not None:
            return code
    from complykit.cli.app import main as run_app  # noqa: PLC0415 - the fast path stays light

    run_app()
    return None

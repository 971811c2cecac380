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
    """The console script: ``main``, then an exit that skips tearing the interpreter down.

    Python frees every object one by one as it exits: at 10,000 records that is 0.1 s, 6% of
    a whole ``validate``, spent after the answer is written. Every command has closed its files,
    pools and temporary folders by the time it returns (each in a ``with``), so the output is
    flushed and the process leaves with the command's exit code. A flush that fails, an exit
    with a message and an uncaught error go the ordinary way, where Python reports them.
    """
    code: int | str | None
    try:
        code = main()
    except SystemExit as leaving:  # how Click ends every command
        code = leaving.code
    if code is not None and not isinstance(code, int):
        sys.exit(code)  # a message: Python prints it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(code)
    os._exit(code or 0)


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

"""``complykit validate`` answered from the cache before Typer is imported.

Importing Typer, the command modules and their options costs more than reading a stored result;
a pre-commit hook on an unchanged workspace should pay for neither. This path understands only
the plain options (PATH, ``--format``, ``--fail-on``, ``--as-of``, ``--jobs``, ``--output``,
``--force``): anything else it returns None for, and the full command runs as if this module
did not exist.

It answers in one of two ways. When the text an earlier run wrote for this very presentation
is kept (``cache/rendered.py``), it writes that text: nothing is imported but the hashing of
the workspace, not even pathlib or datetime. Otherwise it decodes the stored result and renders
it through the same formatters as the full command, then keeps that text for the next run.
"""

from __future__ import annotations

import os
import sys

from complykit.cli.presentation import presentation
from complykit.load.roots import root_at_or_above, roots_below

_NO_CACHE = "--no-cache"
_FORCE = "--force"
_FLAGS = (_NO_CACHE, _FORCE)
_OPTIONS = {
    "--format": "format",
    "-f": "format",
    "--fail-on": "fail_on",
    "--as-of": "as_of",
    "--jobs": "jobs",
    "-j": "jobs",
    "--output": "output",
    "-o": "output",
}


class Request:
    """The options of a ``validate`` command line this path can answer."""

    __slots__ = ("day", "fail_on", "force", "jobs", "no_cache", "output", "output_format", "path")

    def __init__(
        self,
        path: str | None,
        output_format: str,
        fail_on: str,
        day: str,
        jobs: int | None = None,
        *,
        no_cache: bool = False,
        output: str | None = None,
        force: bool = False,
    ) -> None:
        self.path = path
        self.output_format = output_format
        self.fail_on = fail_on
        self.day = day  # YYYY-MM-DD, perhaps not a day of the calendar: then nothing is found
        self.jobs = jobs
        self.no_cache = no_cache
        self.output = output
        """The ``--output`` file, written as the full command writes it (see cli/direct.py)."""
        self.force = force

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Request) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Request{self._fields()!r}"

    def _fields(self) -> tuple[str | None, str, str, str, int | None, bool, str | None, bool]:
        return (
            self.path,
            self.output_format,
            self.fail_on,
            self.day,
            self.jobs,
            self.no_cache,
            self.output,
            self.force,
        )


def parse(arguments: list[str]) -> Request | None:
    """The request, or None for anything the full command must parse (and perhaps refuse)."""
    values: dict[str, str] = {}
    paths: list[str] = []
    words = iter(arguments)
    for word in words:
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if word in _FLAGS and word not in values:
            values[word] = ""
        elif name in _OPTIONS and _OPTIONS[name] not in values:
            values[_OPTIONS[name]] = value if equals else next(words, "")
        elif word.startswith("-") or paths:
            return None
        else:
            paths.append(word)
    return _request(paths, values)


def _request(paths: list[str], values: dict[str, str]) -> Request | None:
    output_format = values.get("format", _default_format()).lower()
    fail_on = values.get("fail_on", "error")
    jobs = values.get("jobs")
    day = values.get("as_of", _today())
    if not output_format.isidentifier() or fail_on not in {"error", "warning"}:
        return None  # an unknown format is refused below, once the formatters are imported
    if not (_is_day_shaped(day) and (jobs is None or _is_count(jobs))):
        return None
    output = values.get("output")
    if output == "" or (output is not None and output.startswith("-")):
        return None  # Click reads these its own way (or refuses them): leave them to it
    path = paths[0] if paths else None
    workers = int(jobs) if jobs is not None else None
    return Request(
        path,
        output_format,
        fail_on,
        day,
        workers,
        no_cache=_NO_CACHE in values,
        output=output,
        force=_FORCE in values,
    )


def _is_count(text: str) -> bool:
    return text.isascii() and text.isdigit() and int(text) >= 1


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _today() -> str:
    # A calendar date in the user's own zone, as date.today(), without importing datetime.
    now = __import__("time").localtime()
    return f"{now.tm_year:04d}-{now.tm_mon:02d}-{now.tm_mday:02d}"


def _is_day_shaped(text: str) -> bool:
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit()


def answer(arguments: list[str]) -> int | None:
    """Write the result and return the exit code; None when the full command must run."""
    request = parse(arguments)
    if request is None:
        return None
    from complykit.cli.streams import prepare_streams  # noqa: PLC0415 - only for validate

    prepare_streams()
    try:
        root = _root(request.path)
        # A kept text is what was written to standard output: never replayed into a file.
        to_stdout = request.output is None
        shown = (
            _presentation(request, root) if root and to_stdout and not request.no_cache else None
        )
        hashed: dict[str, dict[str, str]] = {}
        kept = _replay(root, request.day, shown, hashed) if root and shown and _kept(root) else None
    except Exception:  # noqa: BLE001 - the full command reports every error properly
        return None
    if kept is not None:
        return write_text(*kept)
    if root is None:
        return None
    from complykit.cli.direct import validate_directly  # noqa: PLC0415 - the heavy part

    return validate_directly(request, root, shown, hashed.get(root))


def _root(path: str | None) -> str | None:
    """The workspace the full command would validate, or None when it would say otherwise."""
    if path is not None:
        return root_at_or_above(path or ".")
    here = os.getcwd()  # noqa: PTH109 - no pathlib on the start-up path
    found = root_at_or_above(here)
    if found is not None:
        return found
    below = roots_below(os.path.realpath(here))
    return root_at_or_above(below[0]) if len(below) == 1 else None


def _presentation(request: Request, root: str) -> str | None:
    return presentation(request.output_format, request.fail_on, root, sys.stdout)


def _kept(root: str) -> bool:
    """Whether the workspace has a cache folder that could hold a kept text. Without one (a
    fresh CI runner) nothing is hashed here: the run starts its parse workers first."""
    from complykit.cache.entries import cache_folder  # noqa: PLC0415 - after the cheap refusals

    return os.path.isdir(cache_folder(root))  # noqa: PTH112 - no pathlib on the start-up path


def _replay(
    root: str, day: str, shown: str | None, hashed: dict[str, dict[str, str]]
) -> tuple[str, int] | None:
    from complykit.cache.rendered import replay  # noqa: PLC0415 - after the cheap refusals

    return replay(root, day, shown, hashed) if shown is not None else None


def write_text(text: str, code: int) -> int:
    """Write ``text`` to stdout and return ``code``; 1 when the reader has gone away."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        from complykit.cli.boundary import silence_stdout  # noqa: PLC0415 - imports Typer

        silence_stdout()
        return 1
    return code

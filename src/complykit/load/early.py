"""Start the parse workers before the record models are imported.

Importing the models, the rules and pydantic takes about 0.2 s of a cold run, and the
discovery of the files some more; until the workers existed, the second core sat idle
through both. A cold run therefore reads the config's exclusions as plain YAML, discovers
the files and forks the workers first (``start``), and only then imports the rest. Loading
takes the workers over (``take``) when the validated config excludes the same files: the
data is only a head start, never trusted, so a config that does not validate, or validates
to other exclusions, simply means the workers are stopped and loading starts afresh.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from complykit.core.frozen import frozen
from complykit.load.discover import CONFIG_FILENAME, Discovery, discover
from complykit.load.files import read_inside
from complykit.load.parsing import Parsed, parse_relatives, processes_for
from complykit.load.workers import Forked, parse_forked
from complykit.load.yaml_file import parse_yaml


@frozen
class Started:
    """The files ``found`` with ``exclude``, and the workers parsing them (None where one
    process parses: the discovery is reused all the same)."""

    root: Path
    exclude: tuple[str, ...]
    jobs: int | None
    found: Discovery
    parsed: Forked[Parsed] | None

    def close(self) -> None:
        if self.parsed is not None:
            self.parsed.close()


_started: list[Started] = []


def start(root: Path, jobs: int | None = None) -> None:
    """Discover the record files of ``root`` and fork their parse workers, when worth it."""
    discard()
    exclude = _exclusions(root)
    if exclude is None:
        return
    found = discover(root, exclude)
    processes = processes_for(root, found.relatives, jobs)
    parsed = None
    if processes > 1 and hasattr(os, "fork"):
        parsed = parse_forked(root, found.relatives, processes - 1, parse_relatives)
    _started.append(Started(root, exclude, jobs, found, parsed))


def started(root: Path, jobs: int | None) -> bool:
    """Whether workers were started (``start``) for ``root`` and ``jobs`` and not yet taken."""
    return any((each.root, each.jobs) == (root, jobs) for each in _started)


def take(root: Path, exclude: Sequence[str], jobs: int | None) -> Started | None:
    """The workers started for this root, exclusions and jobs, or None (after stopping any
    started for something else)."""
    if not _started:
        return None
    started = _started.pop()
    if (started.root, started.exclude, started.jobs) == (root, tuple(exclude), jobs):
        return started
    started.close()
    return None


def discard() -> None:
    """Stop workers that were started but not taken (the config did not validate)."""
    while _started:
        _started.pop().close()


def _exclusions(root: Path) -> tuple[str, ...] | None:
    """``paths.exclude`` of the config as written, or None when it is not plainly a list of
    texts (loading then discovers the files itself, from the validated config)."""
    raw = read_inside(root, root / CONFIG_FILENAME)
    if isinstance(raw, str):
        return None
    parsed = parse_yaml(PurePosixPath(CONFIG_FILENAME), raw)
    if parsed.findings or len(parsed.documents) != 1:
        return None
    data = parsed.documents[0].data
    paths = data.get("paths", {}) if isinstance(data, dict) else None
    exclude = paths.get("exclude", []) if isinstance(paths, dict) else None
    if not isinstance(exclude, list) or not all(isinstance(p, str) for p in exclude):
        return None
    return tuple(exclude)

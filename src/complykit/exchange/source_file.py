"""The file an import reads: a regular file of bounded size, or refused with a reason.

The source may be a file a pull request committed (a CI job importing ``data/register.csv``),
and so a link to ``/dev/zero`` (read for ever, until memory runs out) or a named pipe (no
writer ever comes: the job hangs until it is killed). Such a source is refused before anything
reads it, as the workspace's own files are (``load.files``).

A link committed where the source should be may also lead out of the repository, to a runner's
credentials (``~/.aws/credentials``, ``.git/config`` with the checkout's token): what the import
reads becomes records, messages and reports. A source path that enters the repository (the git
working tree around the workspace or the current folder, else the workspace) must stay inside
it; a path that never enters it (``~/Downloads/register.xlsx``) is the user's own choice.
"""

from __future__ import annotations

from pathlib import Path

from complykit.core.errors import ComplykitError
from complykit.load.confined import area_left, git_repository, repository
from complykit.load.files import read_regular_file
from complykit.load.limits import LoadLimits

MAX_BYTES = 50_000_000
"""The size limit of a spreadsheet or download an import reads: far above a register's text,
and what keeps a file from filling memory. A manifest's or export's own parser may allow less."""
SHEET_SIZE_HINT = (
    "Remove embedded images or other objects, split the register into several files, or save "
    "it as CSV (UTF-8), which holds only the text."
)
SPLIT_HINT = "Split it into several files and import each one."
OUTSIDE_HINT = (
    "An import reads a file of the repository only where it lies in the repository: commit the "
    "file itself rather than a link to it, or name the file's own path outside the repository."
)


def read_source(
    source: Path,
    max_bytes: int = MAX_BYTES,
    *,
    workspace: Path,
    what: str = "an import source",
    hint: str = SHEET_SIZE_HINT,
) -> bytes:
    """The bytes of ``source``; raises ComplykitError naming it when it is no regular file,
    leads out of the repository around ``workspace`` (``confine``), cannot be read or holds
    more than ``max_bytes``, the limit for ``what`` (then with ``hint``)."""
    confine(source, workspace)
    read = read_regular_file(source, LoadLimits(max_file_bytes=max_bytes))
    if isinstance(read, str):
        raise ComplykitError(f"{source}: {read}")
    if len(read) > max_bytes:
        raise ComplykitError(
            f"{source} is {_size(source, max_bytes)}, over complykit's limit of {max_bytes:,} "
            f"bytes for {what}",
            hint=hint,
        )
    return read


def _size(source: Path, max_bytes: int) -> str:
    """How large ``source`` is, for a message: only the limit and a byte were read."""
    try:
        return f"{source.stat().st_size:,} bytes"
    except OSError:
        return f"more than {max_bytes:,} bytes"


def confine(source: Path, workspace: Path) -> None:
    """Raises ComplykitError when ``source``, once inside the repository around ``workspace``
    (else the workspace) or the git working tree around the current folder (``load.confined``),
    leaves it through a link."""
    areas = [repository(workspace)]
    if (checkout := git_repository(Path.cwd())) is not None:
        areas.append(checkout)
    area = area_left(source, areas)
    if area is not None:
        raise ComplykitError(
            f"{source}: it links to a file outside the repository ({area}), which is not read",
            hint=OUTSIDE_HINT,
        )

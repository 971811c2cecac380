"""Run a command as a child process and measure its wall time and peak memory.

Peak memory is the child's own ``ru_maxrss`` as ``os.wait4`` reports it (KiB on Linux): the
resident set of that process at its largest, which is what a CI runner has to hold. Linux
counts the parent's memory in a child's ``ru_maxrss`` until the child runs its program, so a
reading no larger than this process's own peak says nothing of the child: it is refused.
"""

from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

KIB_PER_MIB = 1024


class BenchmarkError(Exception):
    """A command failed, so there is nothing honest to time."""


@dataclass(slots=True)
class Samples:
    """Wall times (s) and peak resident memory (MiB) of repeated runs of one command."""

    seconds: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.mib)


def run(command: Sequence[str], samples: Samples | None = None, cwd: Path | None = None) -> str:
    """Run ``command``; record its time and memory in ``samples``; return its stdout.

    Exit codes 0 and 1 (findings) are outcomes; anything else means the run is not valid.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if code not in (0, 1):
        raise BenchmarkError(f"{' '.join(command)} exited {code}: {stderr[-2000:]}")
    if samples is not None:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if usage.ru_maxrss <= own:
            raise BenchmarkError(
                f"{' '.join(command)}: its peak memory cannot be told from this process's own "
                f"({own / KIB_PER_MIB:.0f} MiB); run the benchmark from a smaller process"
            )
        samples.seconds.append(elapsed)
        samples.mib.append(usage.ru_maxrss / KIB_PER_MIB)
    return stdout


def compile_package() -> None:
    """Write complykit's bytecode, as ``pip install`` does: where PYTHONDONTWRITEBYTECODE is set
    (as on the team's machines), an editable install would otherwise compile every module of
    complykit on every run, while Typer, pydantic and PyYAML, installed, never do."""
    import complykit  # noqa: PLC0415 - the one under test, wherever it is installed

    compileall.compile_dir(Path(complykit.__file__).parent, quiet=1)

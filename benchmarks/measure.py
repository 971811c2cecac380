"""Run a command as a child process and measure its wall time and peak memory.

Peak memory is the child's own ``ru_maxrss`` as ``os.wait4`` reports it (KiB on Linux): the
resident set of that process at its largest, which is what a CI runner has to hold. Linux
counts the parent's memory in a child's ``ru_maxrss`` until the child runs its program, so the
command is started by a small launcher process (``LAUNCHER``), and a peak within reach of the
launcher's own, which would say nothing of the command, is refused (``Samples.peak_mib``).
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

KIB_PER_MIB = 1024
FLOOR_MARGIN_MIB = 2.0


class BenchmarkError(Exception):
    """A command failed, so there is nothing honest to time."""


@dataclass(slots=True)
class Samples:
    """Wall times (s) and peak resident memory (MiB) of repeated runs of one command."""

    seconds: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)
    floor_mib: list[float] = field(default_factory=list)
    """The launcher's peak at each start: what a command reports at the least (see ``run``)."""

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        """The largest peak of the runs; refused when it cannot be told from the launcher's
        (a command that small would be reported as the launcher's size, not its own)."""
        peak, floor = max(self.mib), max(self.floor_mib)
        if peak <= floor + FLOOR_MARGIN_MIB:
            raise BenchmarkError(f"a peak of {peak:.1f} MiB cannot be told from the launcher's")
        return peak


LAUNCHER = """
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
# This process's own peak since it started its program (its ru_maxrss counts its parent's):
# the most a command it starts can report that is not the command's.
with open("/proc/self/status", encoding="ascii") as status:
    own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
started = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
with open(report, "w", encoding="ascii") as written:
    written.write(f"{elapsed!r} {usage.ru_maxrss} {own} {os.waitstatus_to_exitcode(status)}")
"""
"""Starts the measured command from a process of a few MiB and reports its time and peak."""


def run(command: Sequence[str], samples: Samples | None = None, cwd: Path | None = None) -> str:
    """Run ``command``; record its time and memory in ``samples``; return its stdout.

    Exit codes 0 and 1 (findings) are outcomes; anything else means the run is not valid.
    The command is started by ``LAUNCHER``, which times it from its start to its end (its
    own start-up is not counted): Linux counts a parent's memory in the child's
    ``ru_maxrss`` until the child runs its program, and this process holds 30 MiB and more,
    which a command of the 1,000-record workspace would have reported as its own peak.
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        report = Path(folder) / "report"
        launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(report), *command]
        started = subprocess.run(launcher, stdout=out, stderr=err, cwd=cwd, check=False)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
        if started.returncode != 0 or not report.exists():
            raise BenchmarkError(f"{' '.join(command)} could not be started: {stderr[-2000:]}")
        elapsed_text, peak_text, launcher_text, code_text = report.read_text("ascii").split()
    code, peak, launcher_peak = int(code_text), int(peak_text), int(launcher_text)
    if code not in (0, 1):
        raise BenchmarkError(f"{' '.join(command)} exited {code}: {stderr[-2000:]}")
    if samples is not None:
        samples.seconds.append(float(elapsed_text))
        samples.mib.append(peak / KIB_PER_MIB)
        samples.floor_mib.append(launcher_peak / KIB_PER_MIB)
    return stdout


def compile_package() -> None:
    """Write complykit's bytecode, as ``pip install`` does: where PYTHONDONTWRITEBYTECODE is set
    (as on the team's machines), an editable install would otherwise compile every module of
    complykit on every run, while Typer, pydantic and PyYAML, installed, never do."""
    import complykit  # noqa: PLC0415 - the one under test, wherever it is installed

    compileall.compile_dir(Path(complykit.__file__).parent, quiet=1)

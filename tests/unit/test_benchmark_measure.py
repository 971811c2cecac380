"""The benchmark's memory readings are the measured command's own, or refused.

Linux counts a parent's memory in a child's ``ru_maxrss`` until the child runs its program:
a runner that generated a 50,000-record workspace held 141 MiB, and every command it started
read at least that. The commands are started by a small launcher (``measure.LAUNCHER``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

PROBE = """
import sys
sys.path.insert(0, {benchmarks!r})
from measure import BenchmarkError, Samples, run
held = b"x" * (160 << 20)  # the runner's own memory, as after generating a large workspace
samples = Samples()
run([sys.executable, "-c", {child!r}], samples)
try:
    print("measured", round(samples.peak_mib), round(min(samples.seconds), 3))
except BenchmarkError as error:
    print("refused", error)
"""


def _probe(child: str) -> str:
    code = PROBE.format(benchmarks=str(BENCHMARKS), child=child)
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_a_command_s_peak_is_its_own_not_the_runner_s() -> None:
    """The child holds 64 MiB under a runner of 160 MiB: about 64 MiB is read, and its time."""
    shown = _probe("data = b'y' * (64 << 20)").split()
    assert shown[0] == "measured", shown
    assert 64 <= int(shown[1]) < 100
    assert 0 < float(shown[2]) < 10


def test_a_peak_within_reach_of_the_launcher_s_is_refused() -> None:
    """A command smaller than the launcher reads the launcher's size: no figure is given."""
    shown = _probe("pass")
    assert shown.startswith("refused "), shown
    assert "cannot be told from the launcher's" in shown

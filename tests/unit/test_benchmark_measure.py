"""The benchmark's memory readings are the measured command's own, or refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

PROBE = """
import sys
sys.path.insert(0, {benchmarks!r})
from measure import BenchmarkError, Samples, run
held = b"x" * ({held} << 20)  # this process's own peak, as a runner that generated a workspace
samples = Samples()
try:
    run([sys.executable, "-c", "data = b'y' * (64 << 20)"], samples)
except BenchmarkError as error:
    print("refused", error)
else:
    print("measured", round(samples.peak_mib))
"""


def _probe(held_mib: int) -> str:
    code = PROBE.format(benchmarks=str(BENCHMARKS), held=held_mib)
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_a_command_s_peak_is_measured_from_a_small_runner() -> None:
    """The child holds 64 MiB: that is what is read."""
    shown = _probe(held_mib=0)
    assert shown.startswith("measured ")
    assert 64 <= int(shown.split()[1]) < 100


def test_a_peak_that_may_be_the_runner_s_own_is_refused() -> None:
    """Linux counts the parent's memory in the child's peak until the child runs its program:
    with the runner at 160 MiB, a child of 64 MiB would read 160 MiB, so no figure is given."""
    shown = _probe(held_mib=160)
    assert shown.startswith("refused "), shown
    assert "cannot be told from this process's own" in shown

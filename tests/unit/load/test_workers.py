"""Forked parse workers: results come back in file order, whoever parsed them and whenever they
finished; a worker's error or death ends the run with an error, never with files missing."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from complykit.load import workers
from complykit.load.workers import WorkerError, chunks_of, parse_forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers need fork")

ROOT = Path("/nowhere")
MAIN = os.getpid()


def _files(count: int) -> list[Path]:
    return [ROOT / f"f{index:04}.yaml" for index in range(count)]


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _slow_first(root: Path, chunk: Sequence[Path]) -> list[tuple[str, int]]:
    """Earlier chunks take longer, so later ones are done first."""
    first = int(chunk[0].stem[1:])
    time.sleep(0.002 * max(0, 40 - first // 4))
    return [(f"{root.name}/{path.name}", os.getpid()) for path in chunk]


def test_results_come_in_file_order_when_later_chunks_finish_first() -> None:
    files = _files(160)
    got = list(parse_forked(ROOT, files, 2, _slow_first))
    assert [name for name, _ in got] == [f"nowhere/{p.name}" for p in files]
    parsers = {pid for _, pid in got}
    assert len(parsers) > 1, "the work was shared between processes"
    assert _no_children_left()


def test_without_workers_this_process_parses_everything() -> None:
    got = list(parse_forked(ROOT, _files(37), 0, _slow_first))
    assert len(got) == 37
    assert {pid for _, pid in got} == {MAIN}


def _fails_in_workers(root: Path, chunk: Sequence[Path]) -> list[str]:
    if os.getpid() != MAIN:
        message = f"cannot parse {chunk[0].name}"
        raise ValueError(message)
    time.sleep(0.02)  # leave chunks for the workers to take
    return [path.name for path in chunk]


def test_an_error_in_a_worker_is_raised_here() -> None:
    with pytest.raises(ValueError, match=r"cannot parse f\d+\.yaml"):
        list(parse_forked(ROOT, _files(200), 1, _fails_in_workers))
    assert _no_children_left()


class _Unpicklable(Exception):  # noqa: N818 - a test double
    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("not picklable")


def _fails_oddly(root: Path, chunk: Sequence[Path]) -> list[str]:
    if os.getpid() != MAIN:
        raise _Unpicklable
    time.sleep(0.02)
    return [path.name for path in chunk]


def test_an_error_that_cannot_travel_is_described() -> None:
    with pytest.raises(WorkerError, match="_Unpicklable"):
        list(parse_forked(ROOT, _files(200), 1, _fails_oddly))
    assert _no_children_left()


def _dies_in_workers(root: Path, chunk: Sequence[Path]) -> list[str]:
    if os.getpid() != MAIN:
        os._exit(9)  # killed, out of memory: no word sent
    time.sleep(0.02)
    return [path.name for path in chunk]


def test_a_worker_that_dies_ends_the_run_with_an_error() -> None:
    with pytest.raises(WorkerError, match="ended without returning"):
        list(parse_forked(ROOT, _files(200), 1, _dies_in_workers))
    assert _no_children_left()


def test_stopping_early_reaps_the_workers() -> None:
    results = parse_forked(ROOT, _files(400), 2, _slow_first)
    assert next(results)[0] == "nowhere/f0000.yaml"
    results.close()
    assert _no_children_left()


def test_results_larger_than_a_pipe_arrive_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's frames are read in pieces; a frame is used only once it is complete."""
    monkeypatch.setattr(workers, "_READ", 1000)
    big = "x" * 300_000

    def parse(root: Path, chunk: Sequence[Path]) -> list[str]:
        return [f"{path.name}{big}" for path in chunk]

    got = list(parse_forked(ROOT, _files(100), 2, parse))
    assert [text[:10] for text in got] == [p.name for p in _files(100)]
    assert all(len(text) == 300_010 for text in got)


def test_chunks_cover_every_file_once_in_order() -> None:
    for count, workers_ in ((1, 1), (63, 1), (2000, 1), (8686, 2), (100_000, 8), (2_000_000, 1)):
        files = range(count)
        chunks = chunks_of(files, workers_)
        assert [path for chunk in chunks for path in chunk] == list(files)
        assert len(chunks) <= workers.MAX_CHUNKS


def test_few_files_are_cut_into_many_tasks_so_that_the_processes_end_together() -> None:
    """A register kept as 25 records a file gave 350 files; cut into six tasks of 64 files,
    the processes ended far apart. A task holds at most a ``CHUNKS_PER_WORKER``-th of a
    worker's share."""
    for count, workers_ in ((350, 1), (350, 2), (104, 1), (871, 1)):
        chunks = chunks_of(range(count), workers_)
        fair_share = -(-count // (workers_ * workers.CHUNKS_PER_WORKER))
        assert max(map(len, chunks)) <= min(fair_share, workers.CHUNK_FILES), (count, workers_)


def test_the_workers_are_reaped_once_the_last_file_is_handed_over() -> None:
    """Callers take exactly as many results as there are files, never asking for one more."""
    files = _files(300)
    results = parse_forked(ROOT, files, 2, _slow_first)
    taken = [next(results) for _ in files]
    assert len(taken) == 300
    assert _no_children_left()

"""Parse files in forked worker processes, and hand the results back in their order.

``concurrent.futures`` was measured to keep the workers waiting: its threads in this process
feed tasks and read results, and each needs the GIL, which the main thread holds while it
validates records. A result came back through a 64 KiB pipe in many reads, each waiting up to
the interpreter's switch interval (5 ms) for the GIL, while the worker sat blocked on its
write. At 10,000 records, two workers used 1.7 CPU seconds over 1.9 s of wall time.

Here nothing runs in a thread. The chunks to parse are numbered and their numbers written
into a pipe before forking; each worker takes the next number (a 4-byte read from a pipe is
atomic), parses that chunk and writes its results, pickled, to a pipe of its own, which is
made as large as the system allows. This process reads a pipe only when it needs the chunk
it is waiting for, and while that chunk is not there yet it takes the next number itself and
parses that chunk, so it never idles while there is parsing left, and what it parses itself
is never pickled. Frames are unpickled only when their turn comes; until then they wait as
bytes, more compact than the objects they hold.

A worker that raises sends the error, which is raised here in its chunk's turn; a worker that
dies without a word (killed, out of memory) ends the run with an error rather than with a
result missing files.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
S = TypeVar("S")

ParseChunk = Callable[[Path, Sequence[S]], list[T]]
"""Parses one chunk of files (paths, or paths below the root as text) into one result each."""

CHUNK_FILES = 64
"""Files per task: small, so that the last tasks end together and this process's share can be
fine-grained; large enough that a frame's header and pickling cost nothing per file."""
CHUNKS_PER_WORKER = 16
"""At least this many tasks per worker, where the files are too few to fill ``CHUNK_FILES``:
files that hold many records each (a register kept as 25 documents a file) made few, large
tasks, and the processes ended far apart. With four per worker, 9,900 records in 350 files
validated in 0.88x of a bare parse against 0.79x for the same records one to a file; with
sixteen, 0.83x."""
MAX_CHUNKS = 8192
"""Task numbers are 4 bytes in a pipe, which holds 64 KiB before a write would block."""
_TASK = struct.Struct("<I")
_FRAME = struct.Struct("<iQ")
_FAILED = -1
_PIPE_SIZE = 1 << 20
_SET_PIPE_SIZE = 1031  # F_SETPIPE_SZ (Linux): a worker can run ahead by a megabyte
_READ = 1 << 20


class WorkerError(RuntimeError):
    """A parse worker ended without returning its chunk."""


def chunks_of(files: Sequence[S], workers: int) -> list[Sequence[S]]:
    """``files`` cut into consecutive tasks, in order."""
    size = max(1, min(CHUNK_FILES, -(-len(files) // (max(1, workers) * CHUNKS_PER_WORKER))))
    size = max(size, -(-len(files) // MAX_CHUNKS))
    return [files[i : i + size] for i in range(0, len(files), size)]


def parse_forked(
    root: Path, files: Sequence[S], workers: int, parse: ParseChunk[S, T]
) -> Forked[T]:
    """``parse(root, chunk)`` for every chunk of ``files``, by ``workers`` processes forked now
    and this one, each file's result in the order of ``files``."""
    return Forked(_Pool(root, chunks_of(files, workers), workers, parse))


class Forked(Generic[T]):
    """The results of forked workers, file by file. The workers are reaped as the last chunk
    is handed over, or by ``close`` when the caller stops early."""

    def __init__(self, pool: _Pool[Any, T]) -> None:
        self.pool = pool
        self.results = _results(pool)  # no reference back to self: no cycle to collect

    def __iter__(self) -> Iterator[T]:
        return self.results

    def __next__(self) -> T:
        return next(self.results)

    def close(self) -> None:
        self.results.close()
        self.pool.close()


def _results(pool: _Pool[Any, T]) -> Generator[T, None, None]:
    try:
        last = len(pool.chunks) - 1
        for number in range(last + 1):
            parsed = pool.chunk(number)
            if number == last:
                pool.close()  # before the caller has taken them all: it may never ask again
            yield from parsed
    finally:
        pool.close()


class _Pool(Generic[S, T]):
    def __init__(
        self, root: Path, chunks: list[Sequence[S]], workers: int, parse: ParseChunk[S, T]
    ) -> None:
        self.root, self.chunks, self.parse = root, chunks, parse
        self.frames: dict[int, bytes] = {}
        self.own: dict[int, list[T]] = {}
        self.buffers: dict[int, bytearray] = {}
        self.pids: list[int] = []
        self.tasks, feed = os.pipe()
        self.errors: dict[int, bytes] = {}
        try:
            _write_all(feed, b"".join(_TASK.pack(n) for n in range(len(chunks))))
        finally:
            os.close(feed)  # no more tasks: a worker reading past the last one sees the end
        for _ in range(min(workers, len(chunks))):
            self._fork()

    def _fork(self) -> None:
        readable, writable = os.pipe()
        _enlarge(writable)
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the caller's code
            os.close(readable)
            for other in self.buffers:
                os.close(other)
            _serve(self.root, self.chunks, self.parse, self.tasks, writable)
        os.close(writable)
        os.set_blocking(readable, False)
        self.buffers[readable] = bytearray()
        self.pids.append(pid)

    def chunk(self, number: int) -> list[T]:
        while True:
            own = self.own.pop(number, None)
            if own is not None:
                return own
            frame = self.frames.pop(number, None)
            if frame is not None:
                parsed: list[T] = pickle.loads(frame)  # noqa: S301 - our own forked worker's
                return parsed
            if number in self.errors:
                raise pickle.loads(self.errors[number])  # noqa: S301 - as above
            if self._poll(0):
                continue
            if not self._parse_one():
                self._poll(None)

    def _parse_one(self) -> bool:
        """Parse the next chunk no worker has taken; False when every chunk is taken."""
        if self.tasks < 0:
            return False
        taken = os.read(self.tasks, _TASK.size)
        if len(taken) < _TASK.size:
            os.close(self.tasks)
            self.tasks = -1
            return False
        (number,) = _TASK.unpack(taken)
        self.own[number] = self.parse(self.root, self.chunks[number])
        return True

    def _poll(self, timeout: int | None) -> bool:
        """Take in what the workers wrote; with ``timeout`` None, wait until one writes.

        True when something came (which may not be the chunk waited for)."""
        if not self.buffers:
            if timeout is None:
                raise WorkerError("a parse worker ended without returning its files")
            return False
        poller = select.poll()
        for descriptor in self.buffers:
            poller.register(descriptor, select.POLLIN)
        ready = poller.poll(timeout)
        for descriptor, _ in ready:
            self._read(descriptor)
        return bool(ready)

    def _read(self, descriptor: int) -> None:
        buffer = self.buffers[descriptor]
        while True:
            try:
                data = os.read(descriptor, _READ)
            except BlockingIOError:
                break
            if not data:  # the worker is done, or dead: anything unfinished is lost
                os.close(descriptor)
                del self.buffers[descriptor]
                break
            buffer += data
        self._frames(buffer)

    def _frames(self, buffer: bytearray) -> None:
        while len(buffer) >= _FRAME.size:
            number, size = _FRAME.unpack_from(buffer)
            end = _FRAME.size + size
            if len(buffer) < end:
                return
            payload = bytes(buffer[_FRAME.size : end])
            del buffer[:end]
            if number == _FAILED:
                failed, error = pickle.loads(payload)  # noqa: S301 - our own worker's
                self.errors[failed] = error
            else:
                self.frames[number] = payload

    def close(self) -> None:
        """Stop and reap the workers; after a normal end they have exited already."""
        if self.tasks >= 0:
            os.close(self.tasks)
            self.tasks = -1
        for descriptor in self.buffers:
            os.close(descriptor)  # a worker still writing gets a broken pipe and exits
        self.buffers.clear()
        for pid in self.pids:
            os.waitpid(pid, 0)
        self.pids.clear()


def _serve(
    root: Path, chunks: list[Sequence[S]], parse: ParseChunk[S, T], tasks: int, out: int
) -> None:
    """A worker's life: parse the chunks it takes until none is left, then exit."""
    code = 0
    try:
        while len(taken := os.read(tasks, _TASK.size)) == _TASK.size:
            (number,) = _TASK.unpack(taken)
            try:
                result = pickle.dumps(parse(root, chunks[number]), pickle.HIGHEST_PROTOCOL)
            except Exception as error:  # noqa: BLE001 - sent to the main process, raised there
                _write_all(out, _frame(_FAILED, _error_payload(number, error)))
                break
            _write_all(out, _frame(number, result))
    except BaseException:  # noqa: BLE001 - broken pipe, interrupt: the main process decides
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of buffers copied from the parent


def _error_payload(number: int, error: Exception) -> bytes:
    try:
        raised = pickle.dumps(error, pickle.HIGHEST_PROTOCOL)
        pickle.loads(raised)  # noqa: S301 - ours; an exception that cannot come back is described
    except Exception:  # noqa: BLE001
        raised = pickle.dumps(WorkerError(f"a parse worker failed: {error!r}"))
    return pickle.dumps((number, raised), pickle.HIGHEST_PROTOCOL)


def _frame(number: int, payload: bytes) -> bytes:
    return _FRAME.pack(number, len(payload)) + payload


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _enlarge(descriptor: int) -> None:
    try:
        import fcntl  # noqa: PLC0415 - POSIX only, as is fork

        fcntl.fcntl(descriptor, _SET_PIPE_SIZE, _PIPE_SIZE)
    except (ImportError, OSError):
        pass  # the default size works, with more waiting

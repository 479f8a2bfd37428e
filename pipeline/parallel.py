"""Worker processes: each builds its Pipeline once, takes documents in chunks, and results come back in input order.

Segmentation and extraction are CPU-bound Python, so throughput on one
machine grows with processes, not threads. The calling process is one of the
``workers``: it builds its Pipeline first (imports spaCy and underthesea,
loads models and lexicons), then forks the others, which share that Pipeline
copy-on-write: the models are loaded once, and no core spends the start-up a
second time. The caller then processes a chunk itself whenever the others
have enough queued. So N workers are N processes on N cores, and the caller's
writing does not compete with N others. Documents
travel in chunks so that the cost of pickling and of a round trip is shared
by many documents; at most a few chunks per worker are in flight, so memory
stays flat however long the input is. Results are yielded in the order of
the input, so the tables are byte for byte those of one process.

    >>> results = process_documents(load_config(), iter_inputs(["data/raw"]), workers=2)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from .config import Config
from .model import DocumentResult, RawDocument
from .stages import ensure_runnable

if TYPE_CHECKING:  # imported where a pipeline is built: a command that builds none does not load spaCy
    from .core import Pipeline

PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
DEFAULT_CHUNK_SIZE = 16
# chunks queued per worker: enough that no worker waits for the next one, few enough to bound memory
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# the caller's GIL switch interval while workers run (Python's default: 5 ms). The pool's threads in the caller
# move each chunk and each chunk's rows (~400 KB) through 64 KB pipes, taking the GIL from the caller's own
# processing at every turn; at 5 ms a turn a worker waited 1.2 s in all for 1,000 documents, at 0.5 ms 0.3 s
POOL_SWITCH_INTERVAL_S = 0.0005

_worker_pipeline: Pipeline | None = None
_worker_error: Exception | None = None

T = TypeVar("T")
# what the results of a chunk become where they were computed, before they travel back (it and its output pickle)
ChunkTask = Callable[[Iterator[DocumentResult]], T]


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity, which containers and ``taskset`` narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def leave_signals_to_the_parent() -> None:
    """Ctrl-C is the parent's to handle (it reaches the whole process group); a worker whose parent died goes too.

    Forked workers inherit the parent's stop handlers; without this, a ``kill -9``
    of the run would leave its workers waiting for work forever (Linux only:
    PR_SET_PDEATHSIG).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _init_worker(config: Config, pipeline: Pipeline | None) -> None:
    # a forked worker is given the caller's Pipeline (never pickled: fork copies it); a spawned one builds its own,
    # and a bad lexicon must reach the caller as itself, not as a broken pool: keep it for the first chunk to raise
    global _worker_pipeline, _worker_error
    leave_signals_to_the_parent()
    if pipeline is not None:
        _worker_pipeline = pipeline
        return
    from .core import Pipeline

    try:
        _worker_pipeline = Pipeline(config)
    except Exception as exc:  # re-raised in _process_chunk, in the parent, with its own type and message
        _worker_error = exc


def _process_chunk(task: ChunkTask[T], documents: list[RawDocument]) -> T:
    if _worker_error is not None:
        raise _worker_error
    assert _worker_pipeline is not None, "worker used without its initializer"
    return task(_worker_pipeline.process_many(documents))


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork: unlike spawn and forkserver, workers start without re-running the caller's main script, with the
    # caller's Pipeline already built; the pool is started before the writers start any thread (see _pooled)
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def process_documents(config: Config, documents: Iterable[RawDocument], workers: int | None = None,
                      chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[DocumentResult]:
    """Results of ``documents`` in input order, computed by ``workers`` processes (None: one per core).

    With one worker, or when the whole input is smaller than one chunk (not
    worth starting processes for), the documents are processed here. A config
    whose stages cannot run together raises PipelineError before any work.
    """
    for results in process_chunks(config, documents, workers, chunk_size, list):
        yield from results


def process_chunks(config: Config, documents: Iterable[RawDocument], workers: int | None = None,
                   chunk_size: int = DEFAULT_CHUNK_SIZE, task: ChunkTask[T] = list) -> Iterator[T]:  # type: ignore[assignment]
    """What ``task`` makes of the results of each chunk of ``documents``, in input order (see ``process_documents``).

    A worker process returns ``task``'s output rather than the results: a
    writer's encoded rows (``write.RowEncoder``) pickle far faster.
    """
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    ensure_runnable(config)
    chunks = chunked(documents, chunk_size)
    first = next(chunks, [])
    if workers == 1 or len(first) < chunk_size:
        from .core import Pipeline

        pipeline = Pipeline(config)
        with _long_lived():
            for chunk in chain([first] if first else [], chunks):
                yield task(pipeline.process_many(chunk))
        return
    yield from _pooled(config, chain([first], chunks), workers, task)


@contextmanager
def _long_lived() -> Iterator[None]:
    """What exists now (the Pipeline: models, lexicons, registry, some 110,000 objects the collector tracks) is left
    out of garbage collection in the block, and again part of it after.

    Those objects live as long as the run, yet each full collection walked them all: in a run of 2,000 documents
    the collector took 1.0 s with them, 0.5 s without. Forked workers inherit the exemption, so their collections
    do not write to the pages they share with the caller either (what ``gc.freeze`` is for).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _switch_interval(seconds: float) -> Iterator[None]:
    """The GIL switch interval at most ``seconds`` in the block, as it was after."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _pooled(config: Config, chunks: Iterable[list[RawDocument]], workers: int, task: ChunkTask[T]) -> Iterator[T]:
    """The caller and ``workers - 1`` processes; the caller takes a chunk whenever the others have enough queued."""
    # twice the usual queue: while the caller processes a chunk and writes a batch, a worker must not run dry
    in_flight = (workers - 1) * 2 * CHUNKS_IN_FLIGHT_PER_WORKER
    chunks = iter(chunks)
    from .core import Pipeline

    pipeline = Pipeline(config)
    context = _pool_context()
    shared = pipeline if context.get_start_method() == "fork" else None
    with _long_lived(), _switch_interval(POOL_SWITCH_INTERVAL_S), ProcessPoolExecutor(
            max_workers=workers - 1, mp_context=context, initializer=_init_worker, initargs=(config, shared)) as pool:
        # each chunk's outcome in input order: a worker's Future, or one done here (a Future already completed)
        pending: deque[Future[T]] = deque()
        sent: dict[Future[T], list[RawDocument]] = {}  # the documents of each worker's Future

        def send(chunk: list[RawDocument]) -> Future[T]:
            future = pool.submit(_process_chunk, task, chunk)
            sent[future] = chunk
            return future

        def here(chunk: list[RawDocument]) -> Future[T]:
            done: Future[T] = Future()
            done.set_result(task(pipeline.process_many(chunk)))
            return done

        def take(future: Future[T]) -> T:
            # a chunk's outcome (waiting for a worker's)
            sent.pop(future, None)
            return future.result()

        try:
            for chunk in islice(chunks, in_flight):  # the first one forks the other workers
                pending.append(send(chunk))
            for chunk in chunks:
                # a finished chunk waiting for its turn to be yielded no longer keeps a worker busy
                if sum(not future.done() for future in pending) < in_flight:
                    pending.append(send(chunk))
                else:
                    pending.append(here(chunk))
                # yield what is ready; wait for the oldest when too much is held
                while pending and (pending[0].done() or len(pending) > 2 * in_flight):
                    yield take(pending.popleft())
            # the input is exhausted: the caller takes back, last first, the chunks no worker has started, rather
            # than wait while a worker works through its queue (cancel() fails on a started or completed one)
            while pending:
                unstarted = next((k for k in range(len(pending) - 1, 0, -1) if pending[k].cancel()), None)
                if unstarted is not None:
                    pending[unstarted] = here(sent.pop(pending[unstarted]))
                else:
                    yield take(pending.popleft())
                while pending and pending[0].done():
                    yield take(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

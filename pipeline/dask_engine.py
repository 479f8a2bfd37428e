"""The Dask engine: documents partitioned over a ``dask.distributed`` cluster, for corpora beyond one machine.

``Run(..., engine="dask")`` uses it. The client reads the inputs (so they
need not exist on the workers) and sends them in partitions of
``chunk_size`` documents; each worker builds its Pipeline once and keeps it
for every later partition. For ``Run.write`` a worker writes its partition
into the run's staging directory with the local engine's ``TableFiles``, one
Parquet part per table (``mentions/part-00000.parquet`` …), and returns only
its tallies; the client then commits the staging directory like a local run
(the same commit steps, DuckDB database and manifest). Each table is a
dataset that pandas (``pd.read_parquet("out/mentions")``), DuckDB
(``read_parquet('out/mentions/*.parquet')``) and Spark read as is; its rows
are those of the local engine, part files in input order.

The workers must see the output directory and the config's lexicon files at
the same paths as the client (a shared file system on a real cluster). Dask
is an optional extra: ``pip install 'vnextract[dask]'``.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .config import Config
from .manifest import RunRecord
from .model import DocumentResult, RawDocument
from .parallel import CHUNKS_IN_FLIGHT_PER_WORKER
from .write import TableFiles

if TYPE_CHECKING:  # a worker imports it on its first partition; the client, which runs no pipeline, never
    from .core import Pipeline

# a worker thread's pipelines by config fingerprint: built on its first partition, reused for the next ones
_worker_state = threading.local()
Returned = TypeVar("Returned")


class EngineError(ValueError):
    """The Dask engine cannot run: the extra is not installed or the scheduler cannot be reached."""


def _pipeline(config: Config) -> Pipeline:
    from .core import Pipeline

    pipelines: dict[str, Pipeline] = _worker_state.__dict__.setdefault("pipelines", {})
    key = config.fingerprint()
    if key not in pipelines:
        pipelines[key] = Pipeline(config)
    return pipelines[key]


def part_name(index: int) -> str:
    return f"part-{index:05d}"


def partition_results(config: Config, index: int, documents: list[RawDocument]) -> list[DocumentResult]:
    """The results of one partition, sent back to the client (``Run.results``)."""
    return list(_pipeline(config).process_many(documents))


def write_partition(config: Config, index: int, documents: list[RawDocument], stage_dir: str) -> tuple[RunRecord, dict[str, int]]:
    """Run one partition and write its Parquet part of every table into ``stage_dir``; its tallies and row counts."""
    files = TableFiles(Path(stage_dir), ["parquet"], part=part_name(index))
    record = RunRecord()
    results = partition_results(config, index, documents) if documents else []
    files.write_batch(results)
    files.close()
    for result in results:
        record.add(result)
    return record, files.row_counts


@contextmanager
def dask_client(scheduler: str | None, workers: int, processes: bool = True,
                connect_timeout: str = "10s") -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers`` started and closed here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs the Dask extra: pip install 'vnextract[dask]'") from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def in_order(client: Any, task: Callable[..., Returned], config: Config, chunks: Iterable[list[RawDocument]],
             *args: Any) -> Iterator[Returned]:
    """``task(config, index, chunk, *args)`` of every chunk on the cluster, returned in input order,
    with at most a few partitions per worker submitted at a time."""
    in_flight = max(1, len(client.scheduler_info()["workers"])) * CHUNKS_IN_FLIGHT_PER_WORKER
    pending: deque[Any] = deque()
    for index, chunk in enumerate(chunks):
        pending.append(client.submit(task, config, index, chunk, *args, pure=False))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()

"""The Dask engine: documents partitioned over a ``dask.distributed`` cluster, tables as Parquet datasets.

For corpora beyond one machine. The client reads the inputs (so they need
not exist on the workers) and sends them in partitions of ``chunk_size``
documents; each worker builds its Pipeline once and keeps it for every later
partition, runs the partition and writes it with the same TableWriter as the
local engine, one Parquet file per table and partition; when every
partition is written, the client computes the entities from them as the
local engine does at its commit. The output directory holds one directory
per table (``documents/part-00000.parquet`` …), a dataset that pandas (``pd.read_parquet("out/mentions")``), DuckDB
(``read_parquet('out/mentions/*.parquet')``) and Spark read as is; its rows
are those of the local engine, partition files in input order.

The workers must see the output directory and the config's lexicon files at
the same paths as the client (a shared file system on a real cluster). Dask
is an optional extra: ``pip install 'vnextract[dask]'``.

    >>> summary = run_dask(load_config(), ["data/raw"], Path("data/out/dask"), workers=2)
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .core import Pipeline, ensure_runnable
from .entities import IdentityRules, StagedTables, add_entities
from .ingest import iter_inputs
from .model import RawDocument
from .parallel import DEFAULT_CHUNK_SIZE, CHUNKS_IN_FLIGHT_PER_WORKER, chunked, default_workers
from .write import TableWriter

# a worker thread's pipelines by config fingerprint: built on its first partition, reused for the next ones
_worker_state = threading.local()


class EngineError(ValueError):
    """The Dask engine cannot run: the extra is not installed or the scheduler cannot be reached."""


@dataclass
class PartitionSummary:
    """What the client needs from a partition: counts for the run summary, never the rows themselves."""

    n_docs: int = 0
    mention_counts: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class DaskRun:
    n_docs: int
    mention_counts: Counter[str]
    errors: list[tuple[str, str]]
    written: list[Path]


def _pipeline(config: Config) -> Pipeline:
    pipelines: dict[str, Pipeline] = _worker_state.__dict__.setdefault("pipelines", {})
    key = config.fingerprint()
    if key not in pipelines:
        pipelines[key] = Pipeline(config)
    return pipelines[key]


def process_partition(config: Config, index: int, documents: list[RawDocument], stage_dir: str) -> PartitionSummary:
    """Run one partition on a worker and write ``<stage_dir>/<table>/part-<index>.parquet`` for every table."""
    results = list(_pipeline(config).process_many(documents)) if documents else []
    part = f"part-{index:05d}"
    writer = TableWriter(Path(stage_dir) / part, ["parquet"])
    try:
        writer.write_batch(results)
        written = writer.commit()
    except BaseException:
        writer.abort()
        raise
    for path in written:
        if path.suffix == ".parquet":
            table_dir = Path(stage_dir) / path.stem
            table_dir.mkdir(exist_ok=True)
            os.replace(path, table_dir / f"{part}.parquet")
    shutil.rmtree(Path(stage_dir) / part, ignore_errors=True)
    summary = PartitionSummary(n_docs=len(results))
    for result in results:
        summary.mention_counts.update(m.type for m in result.mentions)
        if result.status == "error":
            summary.errors.append((result.doc.doc_id, result.error or ""))
    return summary


def _client(stack: ExitStack, scheduler: str | None, workers: int, processes: bool, connect_timeout: str) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs the Dask extra: pip install 'vnextract[dask]'") from None
    if scheduler is not None:
        try:
            return stack.enter_context(Client(scheduler, timeout=connect_timeout))
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                               dashboard_address=None, silence_logs=logging.ERROR))
    return stack.enter_context(Client(cluster))


def _partitions(client: Any, config: Config, documents: Iterator[list[RawDocument]], stage_dir: Path,
                in_flight: int) -> Iterator[PartitionSummary]:
    """Summaries of the partitions in input order, with at most ``in_flight`` partitions submitted at a time."""
    pending: deque[Any] = deque()
    for index, chunk in enumerate(documents):
        pending.append(client.submit(process_partition, config, index, chunk, str(stage_dir), pure=False))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_dask(config: Config, inputs: Sequence[str | Path], out_dir: Path, scheduler: str | None = None,
             workers: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE, processes: bool = True,
             connect_timeout: str = "10s") -> DaskRun:
    """Run ``inputs`` on a Dask cluster and write one Parquet dataset per table under ``out_dir``.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``);
    without one a LocalCluster of ``workers`` processes (threads when
    ``processes`` is False) is started and closed here; a scheduler that does
    not answer within ``connect_timeout`` is an EngineError. The datasets replace
    those of an earlier run only when every partition has been written.
    """
    ensure_runnable(config)
    documents = chunked(iter_inputs(inputs, config.stage("ingest")["extensions"]), chunk_size)
    workers = default_workers() if workers is None else workers
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stage_dir = Path(tempfile.mkdtemp(prefix=".vnextract-dask-", dir=out_dir))
    total = DaskRun(n_docs=0, mention_counts=Counter(), errors=[], written=[])
    try:
        with ExitStack() as stack:
            client = _client(stack, scheduler, workers, processes, connect_timeout)
            in_flight = max(1, len(client.scheduler_info()["workers"])) * CHUNKS_IN_FLIGHT_PER_WORKER
            for summary in _partitions(client, config, documents, stage_dir, in_flight):
                total.n_docs += summary.n_docs
                total.mention_counts.update(summary.mention_counts)
                total.errors.extend(summary.errors)
        if total.n_docs == 0:  # no input documents: the tables still exist, with no rows
            process_partition(config, 0, [], str(stage_dir))
        add_entities(StagedTables(*(sorted((stage_dir / name).glob("part-*.parquet"))
                                    for name in ("documents", "mentions", "people")),
                                  entities=stage_dir / "entities" / "part-00000.parquet",
                                  scratch=stage_dir / ".entities"), out_dir, IdentityRules.from_config(config))
        for table_dir in sorted(p for p in stage_dir.iterdir() if p.is_dir() and not p.name.startswith("part-")):
            target = out_dir / table_dir.name
            if target.is_dir():
                shutil.rmtree(target)
            os.replace(table_dir, target)
            total.written.append(target)
    finally:
        shutil.rmtree(stage_dir, ignore_errors=True)
    return total

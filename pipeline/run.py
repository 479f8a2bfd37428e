"""A corpus run: input files → results → tables, the one path for the command, a notebook and both engines.

``Run.results()`` yields a DocumentResult per document, in input order, and
writes nothing; ``Run.write()`` writes the tables, ``extraction.duckdb`` and
``manifest.json`` into the output directory and returns a summary.
``vnextract run`` is this class behind options. The local engine runs the
documents in this process and ``workers - 1`` others (``parallel.py``), the
Dask engine on a cluster (``dask_engine.py``); both stage their output and
commit it the same way (``commit.py``), so what a commit step adds reaches
both.

    >>> run = Run(["data/raw"], "data/out", formats=["csv", "parquet"], workers=2)
    >>> people = [p.name for result in run.results() for p in result.people]
    >>> summary = run.write()
    >>> tables = read_tables("data/out")  # pandas DataFrames by table name
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .commit import Staging, commit_steps
from .config import Config, load_config
from .ingest import iter_inputs
from .manifest import RunRecord, build_manifest, now
from .model import DocumentResult, RawDocument
from .parallel import DEFAULT_CHUNK_SIZE, chunked, default_workers, process_chunks, process_documents
from .resume import Resumer, previous_results, results_key
from .schema import DOCUMENT_TABLES
from .stages import ensure_runnable
from .write import EncodedRows, RowEncoder, TableWriter

FORMATS = ("csv", "parquet", "jsonl")
ENGINES = ("local", "dask")

# told how many more documents are finished (one by one locally, a partition at a time on Dask)
Progress = Callable[[int], None]


class RunError(ValueError):
    """Options of a run that cannot go together or are out of range."""


@dataclass
class RunSummary:
    """What ``Run.write`` did: its tallies, the files and datasets it committed, its wall time."""

    record: RunRecord
    written: list[Path]
    seconds: float
    started_at: str
    row_counts: dict[str, int] = field(default_factory=dict)


class Run:
    """A run of ``config`` (a Config, a YAML path, or None for the defaults) over files and directories ``inputs``.

    ``formats`` default to the config's ``write.formats``; ``workers`` to one
    per core. ``resume`` reuses the results in ``out_dir`` of an earlier run
    with the same results key (local engine). ``engine="dask"`` partitions
    the documents over the cluster at ``scheduler`` (a LocalCluster of
    ``workers`` processes, threads with ``dask_processes=False``, without one)
    and writes each table as a Parquet dataset.
    """

    def __init__(self, inputs: str | Path | Sequence[str | Path], out_dir: str | Path = "data/out",
                 config: Config | str | Path | None = None, *, formats: Sequence[str] | None = None,
                 workers: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE, engine: str = "local",
                 scheduler: str | None = None, resume: bool = False, dask_processes: bool = True,
                 connect_timeout: str = "10s"):
        self.config = config if isinstance(config, Config) else load_config(config)
        self.inputs = [Path(inputs)] if isinstance(inputs, (str, Path)) else [Path(p) for p in inputs]
        self.out_dir = Path(out_dir)
        self.engine = engine
        default_formats = ["parquet"] if engine == "dask" else self.config.stage("write")["formats"]
        self.formats = list(formats) if formats is not None else list(default_formats)
        self.workers = default_workers() if workers is None else workers
        self.chunk_size = chunk_size
        self.scheduler = scheduler
        self.resume = resume
        self.dask_options = {"processes": dask_processes, "connect_timeout": connect_timeout}
        self._check()
        ensure_runnable(self.config)

    def _check(self) -> None:
        problems = []
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown:
            problems.append(f"unknown format {', '.join(map(repr, unknown))}; allowed: {', '.join(FORMATS)}")
        if self.engine not in ENGINES:
            problems.append(f"unknown engine {self.engine!r}; allowed: {', '.join(ENGINES)}")
        if self.workers < 1:
            problems.append(f"workers must be at least 1, got {self.workers}")
        if self.chunk_size < 1:
            problems.append(f"chunk size must be at least 1, got {self.chunk_size}")
        if self.engine != "dask" and self.scheduler is not None:
            problems.append("a scheduler is only for the dask engine (--engine dask)")
        if self.engine == "dask" and self.formats != ["parquet"]:
            problems.append("the dask engine writes Parquet datasets only (--format parquet)")
        if self.engine == "dask" and self.resume:
            problems.append("resume works with the local engine only")
        if problems:
            raise RunError("; ".join(problems))

    def documents(self) -> Iterator[RawDocument]:
        """The input documents, read lazily in input order (InputError at once for an input that does not exist)."""
        ingest = self.config.stage("ingest")
        return iter_inputs(self.inputs, ingest["extensions"], ingest["max_chars"])

    def results(self) -> Iterator[DocumentResult]:
        """Every document's result, in input order; nothing is written."""
        if self.engine == "dask":
            return self._dask_results()
        return self._local_results(self._resumer())

    def write(self, progress: Progress | None = None) -> RunSummary:
        """Write the tables, the database and the manifest into the output directory; a summary.

        Nothing in the output directory changes until every document is
        written; an exception (Ctrl-C included) leaves the previous tables as
        they were and, locally, the results written so far for ``resume``.
        """
        started, started_at = time.perf_counter(), now()
        advance = progress or (lambda n: None)
        if self.engine == "dask":
            record, row_counts, written = self._write_dask(advance, started_at)
        else:
            record, row_counts, written = self._write_local(advance, started_at)
        return RunSummary(record, written, time.perf_counter() - started, started_at, row_counts)

    def _resumer(self) -> Resumer:
        return Resumer(previous_results(self.out_dir, results_key(self.config)) if self.resume else {})

    def _local_results(self, resumer: Resumer) -> Iterator[DocumentResult]:
        return resumer.process_many(
            lambda fresh: process_documents(self.config, fresh, self.workers, self.chunk_size), self.documents())

    def _local_rows(self, resumer: Resumer, encoder: RowEncoder) -> Iterator[EncodedRows]:
        """The rows to write, chunk by chunk, encoded where the results were computed."""
        if resumer.stored:  # stored results come back one by one among the fresh ones: encoded here
            for results in chunked(self._local_results(resumer), self.chunk_size):
                yield encoder(results)
            return
        yield from process_chunks(self.config, self.documents(), self.workers, self.chunk_size, encoder)

    def _manifest(self, record: RunRecord, row_counts: dict[str, int], started_at: str) -> dict[str, Any]:
        return build_manifest(config=self.config, results_key=results_key(self.config), inputs=self.inputs,
                              record=record, row_counts=row_counts, started_at=started_at)

    def _write_local(self, advance: Progress, started_at: str) -> tuple[RunRecord, dict[str, int], list[Path]]:
        resumer = self._resumer()
        writer = TableWriter(self.out_dir, self.formats, checkpoint_key=results_key(self.config),
                             steps=commit_steps(self.config, self.workers))
        record = RunRecord()
        batch_size = self.config.stage("write")["batch_size"]
        batch: list[EncodedRows] = []
        try:
            for rows in self._local_rows(resumer, writer.encoder):
                record.merge(rows.record)
                batch.append(rows)
                if sum(done.documents for done in batch) >= batch_size:
                    writer.write_rows(batch)
                    batch = []
                advance(rows.documents)
            writer.write_rows(batch)
            record.resumed = resumer.reused
            written = writer.commit(self._manifest(record, writer.row_counts, started_at))
        except BaseException:
            writer.abort()
            raise
        return record, dict(writer.row_counts), written

    def _dask_client(self) -> Any:
        from .dask_engine import dask_client

        return dask_client(self.scheduler, self.workers, **self.dask_options)

    def _dask_results(self) -> Iterator[DocumentResult]:
        from .dask_engine import in_order, partition_results

        with self._dask_client() as client:
            for results in in_order(client, partition_results, self.config, chunked(self.documents(), self.chunk_size)):
                yield from results

    def _write_dask(self, advance: Progress, started_at: str) -> tuple[RunRecord, dict[str, int], list[Path]]:
        from .dask_engine import in_order, write_partition

        chunks = chunked(self.documents(), self.chunk_size)
        staging = Staging(self.out_dir)
        record = RunRecord()
        row_counts = {name: 0 for name in DOCUMENT_TABLES}
        try:
            with self._dask_client() as client:
                for part, part_rows in in_order(client, write_partition, self.config, chunks, str(staging.dir)):
                    record.merge(part)
                    for name, rows in part_rows.items():
                        row_counts[name] += rows
                    advance(part.documents)
            if record.documents == 0:  # no input documents: the tables still exist, with no rows
                write_partition(self.config, 0, [], str(staging.dir))
            written = staging.commit(self._manifest(record, row_counts, started_at), commit_steps(self.config))
            row_counts.update(staging.row_counts)
        except BaseException:
            staging.abort()
            raise
        return record, row_counts, written

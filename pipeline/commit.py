"""A run's staging directory and its commit: the one way any run, local or Dask, puts its output in place.

A run writes into a staging directory inside the output directory; the
commit then runs the commit steps, which read the finished Parquet tables
of the staging directory and add files beside them (the entities, which
also fill ``people.entity_id``, then ``extraction.duckdb``), writes
``manifest.json`` and moves
everything over the previous output, the manifest removed first and written
last. An interrupted run never leaves a table that looks complete and is
not: tables without a manifest beside them come from a commit cut short.

A table's Parquet in the staging directory is one file (``mentions.parquet``,
the local engine), a dataset of parts (``mentions/part-00000.parquet`` …,
the Dask engine), or, when the run was not asked for Parquet but a step needs
it, a hidden file that the commit removes.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .config import Config
from .interrupt import signals_ignored
from .resume import CHECKPOINT_NAME, COMMITTED_CHECKPOINT, OWNER_NAME, STAGING_PREFIX, remove_abandoned_staging
from .schema import DOCUMENT_TABLES, TABLES

MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "extraction.duckdb"
ENTITIES_JSONL = "entities.jsonl"
HIDDEN_PARQUET_SUFFIX = ".commit-source.parquet"
PART_GLOB = "part-*.parquet"


class Staging:
    """A new staging directory inside ``out_dir``, owned by this process until it commits or aborts."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        (self.dir / OWNER_NAME).write_text(str(os.getpid()), encoding="utf-8")
        # rows of the tables a commit step computes (entities), added to the manifest's row counts
        self.row_counts: dict[str, int] = {}

    def parquet_source(self, table: str) -> str:
        """What DuckDB's ``read_parquet`` reads for ``table``: its file, or a glob over its dataset's parts."""
        if (self.dir / table).is_dir():
            return str(self.dir / table / PART_GLOB)
        visible = self.dir / f"{table}.parquet"
        return str(visible if visible.is_file() else hidden_parquet(self.dir, table))

    def commit(self, manifest: dict[str, Any] | None = None, steps: Sequence[CommitStep] = ()) -> list[Path]:
        """Run ``steps``, then move every staged file and dataset into the output directory; ``manifest`` last.

        Table files of earlier runs that this run did not write (another
        format, another engine, the database switched off) are removed, so the
        directory holds one consistent set.
        """
        early = [step for step in steps if isinstance(step, DatabaseStep) and step.concurrent]
        try:
            for step in early:
                step.start(self)
            for step in steps:
                step(self)
        except BaseException:
            for step in early:
                step.cancel()
            raise
        for hidden in self.dir.glob(f".*{HIDDEN_PARQUET_SUFFIX}"):
            hidden.unlink()
        staged = sorted(p for p in self.dir.iterdir() if p.name not in (MANIFEST_NAME, OWNER_NAME))
        if manifest is not None:
            files = sorted(p.name + ("/" if p.is_dir() else "") for p in staged if p.name != CHECKPOINT_NAME)
            tables = {**manifest.get("tables", {}), **{name: {"rows": rows} for name, rows in self.row_counts.items()}}
            write_json(self.dir / MANIFEST_NAME, {**manifest, "files": files, **({"tables": tables} if tables else {})})
        written = []
        # Ctrl-C here would leave new tables beside old ones; the renames take milliseconds
        with signals_ignored():
            (self.out_dir / MANIFEST_NAME).unlink(missing_ok=True)
            for path in staged:
                target = self.out_dir / (COMMITTED_CHECKPOINT if path.name == CHECKPOINT_NAME else path.name)
                _remove_output(target)
                os.replace(path, target)
                written.append(target)
            for stale in output_names() - {p.name for p in written}:
                _remove_output(self.out_dir / stale)
            if manifest is not None:
                os.replace(self.dir / MANIFEST_NAME, self.out_dir / MANIFEST_NAME)
                written.append(self.out_dir / MANIFEST_NAME)
        shutil.rmtree(self.dir, ignore_errors=True)
        remove_abandoned_staging(self.out_dir)
        return [p for p in written if p.name != COMMITTED_CHECKPOINT]

    def abort(self, keep: Sequence[str] = ()) -> None:
        """Drop what was staged but the files named in ``keep`` (a checkpoint for ``--resume``)."""
        if not self.dir.is_dir():  # already committed
            return
        for path in self.dir.iterdir():
            if path.name not in keep:
                shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        if not keep:
            shutil.rmtree(self.dir, ignore_errors=True)


# a step of the commit: reads the staged Parquet tables (Staging.parquet_source) and adds files to Staging.dir
CommitStep = Callable[[Staging], None]


class DatabaseStep:
    """The step that writes ``extraction.duckdb`` from the finished Parquet tables: DuckDB streams them within its
    memory limit, so a run's memory does not grow with the corpus. A fresh one for each commit.

    ``concurrent``: no step changes the documents, mentions and acronyms tables, so a run given more than one core
    inserts them in a thread started as the commit begins (``start``), while the steps ahead of this one run (the
    entities: mostly Python; DuckDB runs without the GIL). The step itself then inserts people and the tables the
    steps computed, and adds the views. A run on one core does it all in turn: its memory peak stays that of one
    step at a time.
    """

    OWN_TABLES = ("documents", "mentions", "acronyms")

    def __init__(self, concurrent: bool = False) -> None:
        self.concurrent = concurrent
        self.database: Any = None
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self, staging: Staging) -> None:
        from .database import TableDatabase

        self.database = TableDatabase(staging.dir / DATABASE_NAME)
        sources = [(name, staging.parquet_source(name)) for name in self.OWN_TABLES]
        self.thread = threading.Thread(target=self._insert, args=(sources,), name="vnextract-database", daemon=True)
        self.thread.start()

    def _insert(self, sources: list[tuple[str, str]]) -> None:
        try:
            for name, source in sources:
                self.database.insert_parquet(name, source)
        except BaseException as exc:  # raised in the committing thread, when the step runs
            self.error = exc

    def __call__(self, staging: Staging) -> None:
        if self.thread is None:  # not started early: the run's own tables now, in this thread
            self.start(staging)
        assert self.thread is not None
        self.thread.join()
        try:
            if self.error is not None:
                raise self.error
            for name in TABLES:
                # a computed table only when its step ran
                if name not in self.OWN_TABLES and (name in DOCUMENT_TABLES or name in staging.row_counts):
                    self.database.insert_parquet(name, staging.parquet_source(name))
            self.database.finish()
        except BaseException:
            self.database.close()
            raise

    def cancel(self) -> None:
        """Stop the inserts of a commit that failed, and close the file (the staging directory is removed next)."""
        if self.thread is not None and self.thread.is_alive():
            self.database.interrupt()
            self.thread.join()
        if self.database is not None:
            self.database.close()


def commit_steps(config: Config, cores: int = 1) -> list[CommitStep]:
    """The steps a run with ``config`` takes at its commit, for either engine, in order: the entities (people's
    ``entity_id`` and the entities table), then the database of every table; ``cores``: how many the run may use."""
    from .entities import entities_step

    return [entities_step(config, cores)] + (
        [DatabaseStep(concurrent=cores > 1)] if config.stage("write")["duckdb"] else [])


def hidden_parquet(directory: Path, table: str) -> Path:
    """Where a table's Parquet goes when only a commit step reads it."""
    return directory / f".{table}{HIDDEN_PARQUET_SUFFIX}"


def is_dataset(path: Path) -> bool:
    """A directory of Parquet parts written by a run (and nothing else, so removing it loses nothing of the user's)."""
    return path.is_dir() and all(p.is_file() and p.match(PART_GLOB) for p in path.iterdir())


def _remove_output(path: Path) -> None:
    if is_dataset(path):
        shutil.rmtree(path)
    elif not path.is_dir():
        path.unlink(missing_ok=True)


def output_names() -> set[str]:
    """Every name a run may commit into the output directory: table files, Dask datasets, the database."""
    return ({f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")} | set(TABLES)
            | {"records.jsonl", ENTITIES_JSONL, DATABASE_NAME, COMMITTED_CHECKPOINT})


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as indented JSON through a temporary file, so ``path`` is whole or absent."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)

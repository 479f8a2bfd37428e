"""Write stage: the output tables, streamed in batches, moved into place at the end.

The columns of every table are declared once in ``schema.py``. Rows are
appended batch by batch (CSV appended, Parquet in row groups, JSONL line by
line, DuckDB inserts) into a staging directory inside the output directory;
only a run that finishes moves its files over the previous ones, so an
interrupted run never leaves a table that looks complete and is not. The
commit removes ``manifest.json`` first and writes it last: tables without a
manifest beside them come from a commit that was cut short.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .database import DATABASE_NAME, TableDatabase
from .ingest import content_hash
from .interrupt import signals_ignored
from .model import DocumentResult
from .resume import (CHECKPOINT_NAME, COMMITTED_CHECKPOINT, OWNER_NAME, STAGING_PREFIX, Checkpoint,
                     remove_abandoned_staging)
from .schema import TABLES, to_arrow

MANIFEST_NAME = "manifest.json"
DATABASE_SOURCE_SUFFIX = ".duckdb-source.parquet"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def table_rows(result: DocumentResult) -> dict[str, list[dict[str, Any]]]:
    """The rows one document contributes to each table."""
    doc = result.doc
    return {
        "documents": [{
            "doc_id": doc.doc_id, "title": doc.title, "date": doc.date, "n_chars": len(doc.text),
            "n_sentences": result.n_sentences, "status": result.status, "error": result.error,
            "warnings": "; ".join(doc.warnings) or None, "encoding": doc.encoding, "content_hash": content_hash(doc),
            "text_expanded": result.text_expanded, "text": doc.text,
        }],
        "mentions": [{
            "doc_id": doc.doc_id, "mention_id": m.mention_id, "type": m.type, "start": m.start, "end": m.end,
            "text": m.text, "normalized": m.normalized, "sentence_id": m.sentence_id, "attrs": _json(m.attrs),
            "source": m.source,
        } for m in result.mentions],
        "people": [{
            "doc_id": doc.doc_id, "person_id": p.person_id, "name": p.name, "rank": p.rank, "position": p.position,
            "organization": p.organization, "mention_ids": _json(p.mention_ids),
            "roles": _json([vars(role) for role in p.roles]),
        } for p in result.people],
        "acronyms": [{"doc_id": doc.doc_id, **asdict(a)} for a in result.acronyms],
    }


def nested_record(result: DocumentResult) -> dict[str, Any]:
    """One JSON object per document for ``records.jsonl``."""
    rows = table_rows(result)
    record = dict(rows["documents"][0])
    for table in ("mentions", "people", "acronyms"):
        record[table] = [{k: v for k, v in row.items() if k != "doc_id"} for row in rows[table]]
    for mention in record["mentions"]:
        mention["attrs"] = json.loads(mention["attrs"])
    for person in record["people"]:
        person["mention_ids"] = json.loads(person["mention_ids"])
        person["roles"] = json.loads(person["roles"])
    return record


class TableWriter:
    """Streams batches of results to the chosen formats; ``commit`` moves them into ``out_dir``.

    ``duckdb`` also fills ``extraction.duckdb``; ``checkpoint_key`` (the
    results key of the config, see ``resume.results_key``) keeps every result
    in a checkpoint that ``--resume`` reads, even after the run is killed.
    """

    def __init__(self, out_dir: Path, formats: Iterable[str], *, duckdb: bool = False,
                 checkpoint_key: str | None = None):
        self.out_dir = Path(out_dir)
        self.formats = list(formats)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        (self.tmp_dir / OWNER_NAME).write_text(str(os.getpid()), encoding="utf-8")
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.csv_started: set[str] = set()
        self.row_counts: dict[str, int] = {name: 0 for name in TABLES}
        self.duckdb = duckdb
        self.checkpoint = Checkpoint(self.tmp_dir / CHECKPOINT_NAME, checkpoint_key) if checkpoint_key else None

    def write_batch(self, results: list[DocumentResult]) -> None:
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for result in results:
            for name, table_rows_ in table_rows(result).items():
                rows[name].extend(table_rows_)
        for name, batch in rows.items():
            self.row_counts[name] += len(batch)
            if "csv" in self.formats:
                self._csv(name, batch)
            if "parquet" in self.formats or self.duckdb:
                self._parquet(name, to_arrow(name, batch))
        if "jsonl" in self.formats:
            with open(self.tmp_dir / "records.jsonl", "a", encoding="utf-8") as handle:
                for result in results:
                    handle.write(_json(nested_record(result)) + "\n")
        # last: a result in the checkpoint is one --resume may skip, so it must not precede its rows
        if self.checkpoint is not None:
            self.checkpoint.add(results)

    def _csv(self, name: str, batch: list[dict[str, Any]]) -> None:
        path = self.tmp_dir / f"{name}.csv"
        columns = [column for column, _ in TABLES[name]]
        with open(path, "a", encoding="utf-8", newline="") as handle:
            # csv.writer over lists: DictWriter checks every row's keys against the columns, a set operation per row
            writer = csv.writer(handle)
            if name not in self.csv_started:
                writer.writerow(columns)
                self.csv_started.add(name)
            writer.writerows([row.get(column) for column in columns] for row in batch)

    def _parquet_path(self, name: str) -> Path:
        # without the parquet format the database still loads from Parquet: a hidden file, removed at commit
        return self.tmp_dir / (f"{name}.parquet" if "parquet" in self.formats else f".{name}{DATABASE_SOURCE_SUFFIX}")

    def _parquet(self, name: str, arrow: pa.Table) -> None:
        if name not in self.parquet:
            self.parquet[name] = pq.ParquetWriter(self._parquet_path(name), arrow.schema)
        if arrow.num_rows:
            self.parquet[name].write_table(arrow)

    def _close(self) -> None:
        for writer in self.parquet.values():
            writer.close()
        self.parquet.clear()
        if self.checkpoint is not None:
            self.checkpoint.close()

    def commit(self, manifest: dict[str, Any] | None = None) -> list[Path]:
        """Finish every file and move it into the output directory; ``manifest`` goes last.

        Table files of earlier runs that this run did not write (another
        format, the database switched off) are removed, so the directory holds
        one consistent set.
        """
        self.write_batch([])  # tables with no rows still get their header / schema
        self._close()
        if self.duckdb:
            self._build_database()
        staged = sorted(p for p in self.tmp_dir.iterdir() if p.name not in (MANIFEST_NAME, OWNER_NAME))
        if manifest is not None:
            tables = sorted(p.name for p in staged if p.name != CHECKPOINT_NAME)
            write_json(self.tmp_dir / MANIFEST_NAME, {**manifest, "files": tables})
        written = []
        # Ctrl-C here would leave new tables beside old ones; the renames take milliseconds
        with signals_ignored():
            (self.out_dir / MANIFEST_NAME).unlink(missing_ok=True)
            for path in staged:
                target = self.out_dir / (COMMITTED_CHECKPOINT if path.name == CHECKPOINT_NAME else path.name)
                os.replace(path, target)
                written.append(target)
            for stale in output_names() - {p.name for p in written}:
                (self.out_dir / stale).unlink(missing_ok=True)
            if manifest is not None:
                os.replace(self.tmp_dir / MANIFEST_NAME, self.out_dir / MANIFEST_NAME)
                written.append(self.out_dir / MANIFEST_NAME)
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        remove_abandoned_staging(self.out_dir)
        return [p for p in written if p.name != COMMITTED_CHECKPOINT]

    def _build_database(self) -> None:
        """``extraction.duckdb`` from the finished Parquet tables: DuckDB streams them within its memory limit,
        so a run's memory does not grow with the corpus."""
        database = TableDatabase(self.tmp_dir / DATABASE_NAME)
        try:
            for name in TABLES:
                database.insert_parquet(name, self._parquet_path(name))
            database.finish()
        except BaseException:
            database.close()
            raise
        for source in self.tmp_dir.glob(f".*{DATABASE_SOURCE_SUFFIX}"):
            source.unlink()

    def abort(self) -> None:
        """Drop the partial tables; a checkpoint with results stays for ``--resume``."""
        self._close()
        if not self.tmp_dir.is_dir():  # already committed
            return
        keep = self.checkpoint is not None and self.checkpoint.count > 0
        for path in self.tmp_dir.iterdir():
            if not (keep and path.name in (CHECKPOINT_NAME, OWNER_NAME)):
                path.unlink(missing_ok=True)
        if not keep:
            shutil.rmtree(self.tmp_dir, ignore_errors=True)


def output_names() -> set[str]:
    """Every file name a run may commit into the output directory."""
    return ({f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet")}
            | {"records.jsonl", DATABASE_NAME, COMMITTED_CHECKPOINT})


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as indented JSON through a temporary file, so ``path`` is whole or absent."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)

"""Write stage: the output tables, streamed in batches, moved into place at the end.

The columns of every table are declared once in ``TABLES``. Rows are appended
batch by batch (CSV appended, Parquet in row groups, JSONL line by line) into a
temporary directory inside the output directory; only a run that finishes
moves its files over the previous ones, so an interrupted run never leaves a
table that looks complete and is not.
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

from .model import DocumentResult

TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("doc_id", pa.string()), ("title", pa.string()), ("date", pa.string()), ("n_chars", pa.int64()),
        ("n_sentences", pa.int64()), ("status", pa.string()), ("error", pa.string()),
        ("text_expanded", pa.string()), ("text", pa.string()),
    ],
    "mentions": [
        ("doc_id", pa.string()), ("mention_id", pa.string()), ("type", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("text", pa.string()), ("normalized", pa.string()), ("sentence_id", pa.int64()),
        ("attrs", pa.string()), ("source", pa.string()),
    ],
    "people": [
        ("doc_id", pa.string()), ("person_id", pa.string()), ("name", pa.string()), ("rank", pa.string()),
        ("position", pa.string()), ("organization", pa.string()), ("mention_ids", pa.string()),
    ],
    "acronyms": [
        ("doc_id", pa.string()), ("acronym", pa.string()), ("expansion", pa.string()), ("source", pa.string()),
        ("count", pa.int64()),
    ],
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def table_rows(result: DocumentResult) -> dict[str, list[dict[str, Any]]]:
    """The rows one document contributes to each table."""
    doc = result.doc
    error = "; ".join(filter(None, [result.error, *doc.warnings])) or None
    return {
        "documents": [{
            "doc_id": doc.doc_id, "title": doc.title, "date": doc.date, "n_chars": len(doc.text),
            "n_sentences": result.n_sentences, "status": result.status, "error": error,
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
    return record


class TableWriter:
    """Streams batches of results to the chosen formats; ``commit`` moves them into ``out_dir``."""

    def __init__(self, out_dir: Path, formats: Iterable[str]):
        self.out_dir = Path(out_dir)
        self.formats = list(formats)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir = Path(tempfile.mkdtemp(prefix=".vnextract-", dir=self.out_dir))
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.csv_started: set[str] = set()
        self.schemas = {name: pa.schema(columns) for name, columns in TABLES.items()}

    def write_batch(self, results: list[DocumentResult]) -> None:
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for result in results:
            for name, table_rows_ in table_rows(result).items():
                rows[name].extend(table_rows_)
        for name, batch in rows.items():
            if "csv" in self.formats:
                self._csv(name, batch)
            if "parquet" in self.formats:
                self._parquet(name, batch)
        if "jsonl" in self.formats:
            with open(self.tmp_dir / "records.jsonl", "a", encoding="utf-8") as handle:
                for result in results:
                    handle.write(_json(nested_record(result)) + "\n")

    def _csv(self, name: str, batch: list[dict[str, Any]]) -> None:
        path = self.tmp_dir / f"{name}.csv"
        columns = [column for column, _ in TABLES[name]]
        with open(path, "a", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            if name not in self.csv_started:
                writer.writeheader()
                self.csv_started.add(name)
            writer.writerows(batch)

    def _parquet(self, name: str, batch: list[dict[str, Any]]) -> None:
        if name not in self.parquet:
            self.parquet[name] = pq.ParquetWriter(self.tmp_dir / f"{name}.parquet", self.schemas[name])
        if batch:
            self.parquet[name].write_table(pa.Table.from_pylist(batch, schema=self.schemas[name]))

    def commit(self) -> list[Path]:
        """Finish every file and move it into the output directory."""
        self.write_batch([])  # tables with no rows still get their header / schema
        for writer in self.parquet.values():
            writer.close()
        written = []
        for path in sorted(self.tmp_dir.iterdir()):
            target = self.out_dir / path.name
            os.replace(path, target)
            written.append(target)
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        return written

    def abort(self) -> None:
        for writer in self.parquet.values():
            writer.close()
        shutil.rmtree(self.tmp_dir, ignore_errors=True)

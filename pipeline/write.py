"""Write stage: the output tables, streamed in batches, moved into place at the end.

The columns of every table are declared once in ``schema.py``. Rows are
appended batch by batch (CSV appended, Parquet in row groups, JSONL line by
line) into a staging directory inside the output directory; only a run that
finishes moves its files over the previous ones (``commit.py``, the commit
shared with the Dask engine, whose workers write their partitions with the
same ``TableFiles``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .commit import MANIFEST_NAME, CommitStep, DatabaseStep, Staging, hidden_parquet, output_names  # noqa: F401
from .ingest import content_hash
from .model import DocumentResult
from .resume import CHECKPOINT_NAME, OWNER_NAME, Checkpoint
from .schema import DOCUMENT_TABLES, TABLES, to_arrow


# one encoder for every cell: json.dumps with arguments builds a new one per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


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
            "roles": _json([vars(role) for role in p.roles]), "entity_id": None,  # set at the commit
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


class TableFiles:
    """Appends the rows of results to table files in ``directory``: CSV, Parquet (row groups), ``records.jsonl``.

    With ``part``, each table's Parquet is a part of a dataset,
    ``directory/<table>/<part>.parquet`` (the Dask engine writes one per
    partition); with ``parquet_for_commit``, Parquet is written even when it
    is not among ``formats``, as a hidden file that the commit steps read.
    """

    def __init__(self, directory: Path, formats: Iterable[str], *, part: str | None = None,
                 parquet_for_commit: bool = False):
        self.directory = Path(directory)
        self.formats = list(formats)
        self.part = part
        self.parquet_wanted = "parquet" in self.formats or parquet_for_commit
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.csv_started: set[str] = set()
        self.row_counts: dict[str, int] = {name: 0 for name in DOCUMENT_TABLES}

    def write_batch(self, results: list[DocumentResult]) -> None:
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DOCUMENT_TABLES}
        for result in results:
            for name, table_rows_ in table_rows(result).items():
                rows[name].extend(table_rows_)
        for name, batch in rows.items():
            self.row_counts[name] += len(batch)
            if "csv" in self.formats:
                self._csv(name, batch)
            if self.parquet_wanted:
                self._parquet(name, to_arrow(name, batch))
        if "jsonl" in self.formats:
            with open(self.directory / "records.jsonl", "a", encoding="utf-8") as handle:
                for result in results:
                    handle.write(_json(nested_record(result)) + "\n")

    def _csv(self, name: str, batch: list[dict[str, Any]]) -> None:
        columns = [column for column, _ in TABLES[name]]
        header = name not in self.csv_started
        self.csv_started.add(name)
        append_csv(self.directory / f"{name}.csv", columns if header else None,
                   ([row.get(column) for column in columns] for row in batch))

    def parquet_path(self, name: str) -> Path:
        if self.part is not None:
            (self.directory / name).mkdir(exist_ok=True)
            return self.directory / name / f"{self.part}.parquet"
        return self.directory / f"{name}.parquet" if "parquet" in self.formats else hidden_parquet(self.directory, name)

    def _parquet(self, name: str, arrow: pa.Table) -> None:
        if name not in self.parquet:
            self.parquet[name] = pq.ParquetWriter(self.parquet_path(name), arrow.schema)
        if arrow.num_rows:
            self.parquet[name].write_table(arrow)

    def close(self) -> None:
        """Finish every file; tables with no rows still get their header / schema."""
        self.write_batch([])
        for writer in self.parquet.values():
            writer.close()
        self.parquet.clear()


def append_csv(path: Path, header: list[str] | None, rows: Iterable[list[Any]]) -> None:
    """Append ``rows`` to the CSV file ``path`` (``header`` first when given): None is empty, other values str()."""
    with open(path, "a", encoding="utf-8", newline="") as handle:
        # csv.writer over lists: DictWriter checks every row's keys against the columns, a set operation per row
        writer = csv.writer(handle)
        if header is not None:
            writer.writerow(header)
        writer.writerows(rows)


class TableWriter:
    """Streams batches of results to the chosen formats in a staging directory; ``commit`` moves them into ``out_dir``.

    ``steps`` run at the commit on the finished Parquet tables (see
    ``commit.commit_steps``; ``duckdb=True`` is the database step alone);
    ``checkpoint_key`` (the results key of the config, see
    ``resume.results_key``) keeps every result in a checkpoint that
    ``--resume`` reads, even after the run is killed.
    """

    def __init__(self, out_dir: Path, formats: Iterable[str], *, duckdb: bool = False,
                 checkpoint_key: str | None = None, steps: Sequence[CommitStep] | None = None):
        self.staging = Staging(out_dir)
        self.steps = list(steps) if steps is not None else ([DatabaseStep()] if duckdb else [])
        self.files = TableFiles(self.staging.dir, formats, parquet_for_commit=bool(self.steps))
        self.checkpoint = (Checkpoint(self.staging.dir / CHECKPOINT_NAME, checkpoint_key)
                           if checkpoint_key else None)

    @property
    def row_counts(self) -> dict[str, int]:
        """Rows written per table, and those of the tables the commit steps computed once they ran."""
        return {**self.files.row_counts, **self.staging.row_counts}

    def write_batch(self, results: list[DocumentResult]) -> None:
        self.files.write_batch(results)
        # last: a result in the checkpoint is one --resume may skip, so it must not precede its rows
        if self.checkpoint is not None:
            self.checkpoint.add(results)

    def _close(self) -> None:
        self.files.close()
        if self.checkpoint is not None:
            self.checkpoint.close()

    def commit(self, manifest: dict[str, Any] | None = None) -> list[Path]:
        """Finish every file and commit the staging directory (see ``Staging.commit``); ``manifest`` goes last."""
        self._close()
        return self.staging.commit(manifest, self.steps)

    def abort(self) -> None:
        """Drop the partial tables; a checkpoint with results stays for ``--resume``."""
        if self.checkpoint is not None:
            self.checkpoint.close()
        for writer in self.files.parquet.values():
            writer.close()
        keep = (CHECKPOINT_NAME, OWNER_NAME) if self.checkpoint is not None and self.checkpoint.count > 0 else ()
        self.staging.abort(keep)

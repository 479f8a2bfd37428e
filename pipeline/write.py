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
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .commit import MANIFEST_NAME, CommitStep, DatabaseStep, Staging, hidden_parquet, output_names  # noqa: F401
from .ingest import content_hash
from .manifest import RunRecord
from .model import DocumentResult
from .resume import CHECKPOINT_NAME, OWNER_NAME, Checkpoint, checkpoint_lines
from .schema import DOCUMENT_TABLES, TABLES, to_arrow


# one encoder for every cell: json.dumps with arguments builds a new one per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
# and JSONEncoder.encode builds a new C encoder per call, two thirds of the time of a cell (the cells are small: 15,000
# attrs, mention ids and roles per 400 documents); this one is built once, without the check for circular references
# (a cell is made of the values of one mention or person record)
_C_ENCODE = c_make_encoder and c_make_encoder(None, _ENCODER.default, encode_basestring, None, _ENCODER.key_separator,
                                              _ENCODER.item_separator, True, False, True)


def _json(value: Any) -> str:
    """``value`` as JSON text, as ``json.dumps(value, ensure_ascii=False, sort_keys=True)`` writes it."""
    if _C_ENCODE is None:  # a Python without the C accelerator
        return _ENCODER.encode(value)
    return "".join(_C_ENCODE(value, 0))


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
            "organization": p.organization, "birth_year": p.birth_year, "residence": p.residence,
            "byline": p.byline, "mention_ids": _json(p.mention_ids),
            "roles": _json([vars(role) for role in p.roles]), "entity_id": None,  # set at the commit
        } for p in result.people],
        # vars, not dataclasses.asdict: the record's fields are flat values, and asdict's deep copy cost more than
        # the rest of the acronyms' rows
        "acronyms": [{"doc_id": doc.doc_id, **vars(a)} for a in result.acronyms],
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


@dataclass
class EncodedRows:
    """The rows of consecutive results as the writers append them, with the results' tallies.

    Built where the results are computed: a worker process sends these back
    rather than the results, whose thousands of small objects took six times
    as long to pickle and unpickle as these strings and Arrow tables.
    """

    documents: int
    record: RunRecord
    row_counts: dict[str, int]
    csv: dict[str, str] = field(default_factory=dict)  # CSV lines of each table, without the header
    arrow: dict[str, pa.Table] = field(default_factory=dict)
    jsonl: str = ""  # lines of records.jsonl
    checkpoint: list[bytes] = field(default_factory=list)  # lines of the --resume checkpoint


@dataclass(frozen=True)
class RowEncoder:
    """Encodes results into what a run writes of them: CSV, Arrow for Parquet, records.jsonl, checkpoint lines."""

    csv: bool
    arrow: bool
    jsonl: bool
    checkpoint: bool = False

    def __call__(self, results: Iterable[DocumentResult]) -> EncodedRows:
        results = list(results)
        record = RunRecord()
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DOCUMENT_TABLES}
        for result in results:
            record.add(result)
            for name, table_rows_ in table_rows(result).items():
                rows[name].extend(table_rows_)
        encoded = EncodedRows(len(results), record, {name: len(batch) for name, batch in rows.items()})
        for name, batch in rows.items():
            if self.csv:
                encoded.csv[name] = csv_lines(name, batch)
            if self.arrow:
                encoded.arrow[name] = to_arrow(name, batch)
        if self.jsonl:
            encoded.jsonl = "".join(_json(nested_record(result)) + "\n" for result in results)
        if self.checkpoint:
            encoded.checkpoint = checkpoint_lines(results)
        return encoded


# each table's columns of a row, in order (every table has several: a tuple)
_COLUMN_GETTERS = {name: itemgetter(*(column for column, _ in columns)) for name, columns in TABLES.items()}


def csv_lines(table: str, rows: list[dict[str, Any]]) -> str:
    """The CSV lines of ``rows`` of ``table`` (as ``table_rows`` gives them: every column a key; as ``append_csv``
    writes them)."""
    text = io.StringIO(newline="")
    # csv.writer over tuples taken by itemgetter, in C: DictWriter checks every row's keys against the columns, a set
    # operation per row, and a list built by row.get per column took a fifth of the CSV encoding
    csv.writer(text).writerows(map(_COLUMN_GETTERS[table], rows))
    return text.getvalue()


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
        self.encoder = RowEncoder(csv="csv" in self.formats, arrow=self.parquet_wanted, jsonl="jsonl" in self.formats)
        self.parquet: dict[str, pq.ParquetWriter] = {}
        self.csv_started: set[str] = set()
        self.row_counts: dict[str, int] = {name: 0 for name in DOCUMENT_TABLES}

    def write_batch(self, results: list[DocumentResult]) -> None:
        self.write_rows([self.encoder(results)])

    def write_rows(self, batches: Sequence[EncodedRows]) -> None:
        """Append encoded rows (of ``self.encoder``), one Parquet row group per table for all of ``batches``."""
        if not batches:
            return
        for name in DOCUMENT_TABLES:
            self.row_counts[name] += sum(batch.row_counts[name] for batch in batches)
            if self.encoder.csv:
                self._csv(name, "".join(batch.csv[name] for batch in batches))
            if self.encoder.arrow:
                self._parquet(name, pa.concat_tables([batch.arrow[name] for batch in batches]))
        if self.encoder.jsonl:
            with open(self.directory / "records.jsonl", "a", encoding="utf-8") as handle:
                handle.writelines(batch.jsonl for batch in batches)

    def _csv(self, name: str, lines: str) -> None:
        header = name not in self.csv_started
        self.csv_started.add(name)
        with open(self.directory / f"{name}.csv", "a", encoding="utf-8", newline="") as handle:
            if header:
                csv.writer(handle).writerow([column for column, _ in TABLES[name]])
            handle.write(lines)

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
        # what write_rows takes: a worker process may encode its results with it (it pickles)
        self.encoder = replace(self.files.encoder, checkpoint=self.checkpoint is not None)

    @property
    def row_counts(self) -> dict[str, int]:
        """Rows written per table, and those of the tables the commit steps computed once they ran."""
        return {**self.files.row_counts, **self.staging.row_counts}

    def write_batch(self, results: list[DocumentResult]) -> None:
        self.write_rows([self.encoder(results)])

    def write_rows(self, batches: Sequence[EncodedRows]) -> None:
        """Append rows encoded by ``self.encoder``: one Parquet row group per table for all of ``batches``."""
        self.files.write_rows(batches)
        # last: a result in the checkpoint is one --resume may skip, so it must not precede its rows
        if self.checkpoint is not None:
            self.checkpoint.add_lines((line for batch in batches for line in batch.checkpoint),
                                      sum(batch.documents for batch in batches))

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

"""``read_tables``: a run's output tables back in Python, as pandas DataFrames or Arrow tables.

Reads what ``Run.write`` (or ``vnextract run``) left in the output
directory: the Parquet files of the local engine, the Parquet datasets of the
Dask engine, or the CSV files, typed by the declaration in ``schema.py``
either way. pandas is imported here and only when DataFrames are asked for,
so a run never pays for it.

    >>> tables = read_tables("data/out")
    >>> tables["people"][["name", "rank", "position"]].head()
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .schema import TABLE_BY_NAME, TABLES, arrow_schema
from .write import append_csv


class TablesNotFound(FileNotFoundError):
    """The directory holds no complete set of tables in a format ``read_tables`` reads."""


def _read_csv(path: Path, name: str) -> pa.Table:
    schema = arrow_schema(name)
    columns = TABLE_BY_NAME[name].columns
    table = pa_csv.read_csv(
        path,
        # documents.text holds whole documents: a block must hold the longest row
        read_options=pa_csv.ReadOptions(block_size=max(path.stat().st_size + 1, 1 << 20), use_threads=False),
        convert_options=pa_csv.ConvertOptions(
            column_types={c.name: c.type for c in columns}, strings_can_be_null=True,
            # CSV writes null as an empty field; a required string column keeps its empty strings
            null_values=[""], include_columns=[c.name for c in columns]),
    )
    arrays = [table.column(c.name) if c.nullable or not pa.types.is_string(c.type)
              else table.column(c.name).fill_null("") for c in columns]
    return pa.Table.from_arrays(arrays, schema=schema)


def read_arrow(out_dir: str | Path, name: str) -> pa.Table:
    """Table ``name`` of the run in ``out_dir``: its Parquet file or dataset, else its CSV file."""
    out_dir = Path(out_dir)
    for parquet in (out_dir / f"{name}.parquet", out_dir / name):
        if parquet.exists():
            return pq.read_table(parquet, schema=arrow_schema(name))
    csv_path = out_dir / f"{name}.csv"
    if csv_path.is_file():
        return _read_csv(csv_path, name)
    raise TablesNotFound(f"{out_dir}: no {name}.parquet, {name}/ (Parquet dataset) or {name}.csv; "
                         f"run `vnextract run ... --out {out_dir}` first")


def read_tables(out_dir: str | Path, *, arrow: bool = False) -> dict[str, Any]:
    """Every table of the run in ``out_dir`` by name (documents, mentions, people, acronyms).

    pandas DataFrames, or Arrow tables with ``arrow=True``. Parquet is read
    when the run wrote it (the types are the schema's: the document date a
    date, offsets integers); from CSV an empty field is read as null.
    """
    tables = {name: read_arrow(out_dir, name) for name in TABLES}
    if arrow:
        return tables
    return {name: table.to_pandas() for name, table in tables.items()}


def write_csv(table: pa.Table, path: str | Path) -> None:
    """``table`` (as ``read_tables(..., arrow=True)`` gives it) as a CSV file written like a run's own CSV tables:
    the Parquet datasets of a Dask run become the local engine's CSV files, byte for byte."""
    rows = ([value.isoformat() if isinstance(value, dt.date) else value for value in row.values()]
            for row in table.to_pylist())
    path = Path(path)
    path.unlink(missing_ok=True)
    append_csv(path, table.column_names, rows)

"""The table declaration: docs/SCHEMA.md generated from it, Arrow types, the rows the writers produce."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import write
from pipeline.model import AcronymRecord, DocumentResult, Mention, PersonRecord, RawDocument
from pipeline.schema import (DECLARATION, DOCUMENT_TABLES, SCHEMA_VERSION, TABLE_BY_NAME, TABLES, _read_as_json,
                             arrow_schema, main, rows_to_arrow, schema_markdown, to_arrow)

SCHEMA_DOC = Path(__file__).resolve().parents[1] / "docs" / "SCHEMA.md"


def test_schema_doc_matches_the_declaration() -> None:
    assert SCHEMA_DOC.read_text(encoding="utf-8") == schema_markdown(), (
        "docs/SCHEMA.md is out of date: run `make schema` (python -m pipeline.schema docs/SCHEMA.md)")


def test_schema_doc_names_every_column() -> None:
    text = schema_markdown()
    assert f"**{SCHEMA_VERSION}**" in text
    for table in DECLARATION:
        assert f"## {table.name}" in text
        for column in table.columns:
            assert f"| `{column.name}` |" in text


def test_main_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "SCHEMA.md"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_markdown()


def test_tables_keeps_the_writers_shape() -> None:
    assert list(TABLES) == ["documents", "mentions", "people", "acronyms", "entities"]
    assert list(DOCUMENT_TABLES) == ["documents", "mentions", "people", "acronyms"]
    assert write.TABLES is TABLES  # `from pipeline.write import TABLES` keeps working
    for name, columns in TABLES.items():
        assert [c for c, _ in columns] == [c.name for c in TABLE_BY_NAME[name].columns]
        assert all(isinstance(t, pa.DataType) for _, t in columns)


@pytest.mark.parametrize(("table", "column", "arrow_type"), [
    ("documents", "date", pa.date32()),
    ("documents", "n_chars", pa.int64()),
    ("mentions", "start", pa.int64()),
    ("mentions", "end", pa.int64()),
    ("mentions", "attrs", pa.string()),
    ("people", "mention_ids", pa.string()),
    ("acronyms", "count", pa.int64()),
    ("people", "entity_id", pa.string()),
    ("entities", "first_date", pa.date32()),
    ("entities", "n_documents", pa.int64()),
])
def test_explicit_types(table: str, column: str, arrow_type: pa.DataType) -> None:
    schema = arrow_schema(table)
    assert schema.field(column).type == arrow_type
    assert schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    assert schema.field(column).metadata[b"description"]


def test_every_table_has_its_key_and_document_tables_doc_id() -> None:
    for table in DECLARATION:
        names = [c.name for c in table.columns]
        assert set(table.key) <= set(names) and (names[0] == "doc_id") == (table.name in DOCUMENT_TABLES)
        assert len(names) == len(set(names))


def _result() -> DocumentResult:
    doc = RawDocument("a.txt", "date 2025-09-23 Giao ban\nĐại tá Lê Văn An dự.", title="Giao ban", date="2025-09-23",
                      warnings=["HTML markup masked"], encoding="utf-8")
    mention = Mention("RANK", 24, 30, "Đại tá", "Đại tá", "ranks", {"branch": "army"}, 0, "m1")
    return DocumentResult(doc=doc, n_sentences=1, mentions=[mention],
                          people=[PersonRecord("p1", "Lê Văn An", rank="Đại tá", mention_ids=["m1", "m2"])],
                          acronyms=[AcronymRecord("BĐBP", "Bộ đội Biên phòng", "dictionary", 2)])


def test_table_rows_fill_every_declared_column() -> None:
    rows = write.table_rows(_result())
    assert list(rows) == list(DOCUMENT_TABLES)
    for name in DOCUMENT_TABLES:
        columns = TABLES[name]
        assert rows[name], name
        assert list(rows[name][0]) == [c for c, _ in columns], name
    document = rows["documents"][0]
    assert (document["date"], document["warnings"], document["encoding"], document["error"]) == (
        "2025-09-23", "HTML markup masked", "utf-8", None)
    assert len(document["content_hash"]) == 16


def test_to_arrow_types_the_rows() -> None:
    rows = write.table_rows(_result())
    documents = to_arrow("documents", rows["documents"]).to_pylist()[0]
    assert documents["date"] == dt.date(2025, 9, 23)
    mentions = to_arrow("mentions", rows["mentions"])
    assert mentions.schema.field("start").type == pa.int64()
    assert mentions.to_pylist()[0]["attrs"] == '{"branch": "army"}'
    assert to_arrow("people", rows["people"]).to_pylist()[0]["mention_ids"] == '["m1", "m2"]'


@pytest.mark.parametrize(("row", "error"), [
    ({"date": "2025-02-31"}, ValueError),
    ({"n_chars": "many"}, pa.ArrowInvalid),
    ({"n_chars": True}, pa.ArrowInvalid),
    ({"n_chars": 2**63}, pa.ArrowInvalid),
    ({"title": 7}, pa.ArrowInvalid),
    ({"status": None}, ValueError),
])
def test_to_arrow_refuses_bad_values(row: dict, error: type[Exception]) -> None:
    good = write.table_rows(_result())["documents"][0]
    with pytest.raises(error):
        to_arrow("documents", [{**good, **row}])


def test_writing_tables_does_not_import_pandas(tmp_path) -> None:
    """pyarrow imports pandas for ``pa.array`` over Python lists and for empty tables: a third of a second per run."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from tests.test_write import RESULTS, run_writer; "
            f"run_writer(Path({str(tmp_path)!r}), RESULTS, duckdb=True, checkpoint_key='k'); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "False"


# every type rows_to_arrow builds from buffers, and a value of each (None: null, or the key left out)
FLAT_SCHEMA = pa.schema([("text", pa.string()), ("count", pa.int64()), ("part", pa.int32()), ("flag", pa.bool_()),
                         ("day", pa.date32())])
flat_values = {"text": st.none() | st.text(), "count": st.none() | st.integers(-2**63, 2**63 - 1),
               "part": st.none() | st.integers(-2**31, 2**31 - 1), "flag": st.none() | st.booleans(),
               "day": st.none() | st.dates().map(dt.date.isoformat)}
flat_rows = st.lists(st.fixed_dictionaries({}, optional=flat_values), max_size=30)


@settings(max_examples=200, deadline=None)
@given(rows=flat_rows)
def test_flat_columns_are_what_the_json_reader_reads(rows: list[dict]) -> None:
    """Arrays built from their buffers hold what Arrow's JSON reader (the route of the nested types) reads."""
    for schema in (FLAT_SCHEMA, pa.schema([FLAT_SCHEMA.field("text")])):  # one column: no row tuples
        built = rows_to_arrow(rows, schema)
        assert built.schema == schema
        if rows:
            assert built.equals(_read_as_json(rows, schema))
        assert built.to_pylist() == [{f.name: _typed(row.get(f.name), f.type) for f in schema} for row in rows]


def _typed(value: object, type_: pa.DataType) -> object:
    return dt.date.fromisoformat(value) if value is not None and type_ == pa.date32() else value


def test_rows_to_arrow_reads_nested_types_as_json() -> None:
    schema = pa.schema([("uid", pa.string()), ("orgs", pa.list_(pa.string()))])
    table = rows_to_arrow([{"uid": "a", "orgs": ["x", "y"]}, {"uid": "b"}], schema)
    assert table.to_pylist() == [{"uid": "a", "orgs": ["x", "y"]}, {"uid": "b", "orgs": None}]


@pytest.mark.parametrize("texts", [["a\0b", None, "Đà Nẵng"], ["", None, ""], ["\0"], ["Bộ đội", "biên phòng"]])
def test_string_columns_hold_their_texts(texts: list) -> None:
    """A string column is encoded in one piece and split at NUL; texts with a NUL of their own are not."""
    rows = [{"text": text} for text in texts]
    schema = pa.schema([("text", pa.string())])
    assert rows_to_arrow(rows, schema).column("text").to_pylist() == texts
    assert rows_to_arrow(rows, schema).equals(_read_as_json(rows, schema))

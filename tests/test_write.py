"""Writers, checkpoints, manifest and signals, on hand-made results (no models): what lands in the output directory."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import commit, write
from pipeline.config import Config, load_config
from pipeline.database import VIEWS
from pipeline.ingest import content_hash
from pipeline.interrupt import Interrupted, interrupted_message, signals_ignored, stop_on_signals
from pipeline.manifest import RunRecord, build_manifest, input_files
from pipeline.model import AcronymRecord, DocumentResult, Mention, PersonRecord, RawDocument
from pipeline.resume import (CHECKPOINT_NAME, COMMITTED_CHECKPOINT, OWNER_NAME, Checkpoint, Resumer,
                             previous_results, read_checkpoint, remove_abandoned_staging, results_key)
from pipeline.schema import DOCUMENT_TABLES, SCHEMA_VERSION
from pipeline.write import MANIFEST_NAME, TableWriter

ALL_FORMATS = ("csv", "parquet", "jsonl")


def result(doc_id: str, text: str = "Đại tá Lê Văn An, Chỉ huy trưởng BĐBP tỉnh Nghệ An dự họp.",
           date: str | None = "2025-09-23") -> DocumentResult:
    doc = RawDocument(doc_id, text, title="Giao ban", date=date, encoding="utf-8")
    mentions = [Mention("RANK", 0, 6, "Đại tá", "Đại tá", "ranks", {}, 0, "m1"),
                Mention("PERSON", 7, 16, "Lê Văn An", "Lê Văn An", "people", {"cue": "rank"}, 0, "m2"),
                Mention("ACRONYM", 33, 37, "BĐBP", "Bộ đội Biên phòng", "acronyms.dictionary", {}, 0, "m3")]
    return DocumentResult(doc=doc, n_sentences=1, mentions=mentions,
                          people=[PersonRecord("p1", "Lê Văn An", "Đại tá", "Chỉ huy trưởng",
                                               "Bộ đội Biên phòng tỉnh Nghệ An", ["m1", "m2"])],
                          acronyms=[AcronymRecord("BĐBP", "Bộ đội Biên phòng", "dictionary", 1)])


def error_result(doc_id: str) -> DocumentResult:
    return DocumentResult(doc=RawDocument(doc_id, "", error="empty file"), status="error", error="empty file")


RESULTS = [result("a.txt"), error_result("b.txt"), result("c.txt", date=None)]


def run_writer(out: Path, results: list[DocumentResult], formats=ALL_FORMATS, **kwargs) -> list[Path]:
    writer = TableWriter(out, formats, **kwargs)
    writer.write_batch(results[:2])
    writer.write_batch(results[2:])
    return writer.commit({"schema_version": SCHEMA_VERSION})


def snapshot(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


def test_commit_moves_every_file_and_the_manifest_last(tmp_path: Path) -> None:
    written = run_writer(tmp_path, RESULTS, duckdb=True, checkpoint_key="k")
    names = [p.name for p in written]
    assert names[-1] == MANIFEST_NAME
    assert set(names) == {f"{t}.{ext}" for t in DOCUMENT_TABLES for ext in ("csv", "parquet")} | {
        "records.jsonl", "extraction.duckdb", MANIFEST_NAME}
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["files"] == sorted(n for n in names if n != MANIFEST_NAME)
    assert (tmp_path / COMMITTED_CHECKPOINT).is_file()
    assert not [p for p in tmp_path.iterdir() if p.is_dir()]  # the staging directory is gone


def test_row_counts(tmp_path: Path) -> None:
    writer = TableWriter(tmp_path, ["csv"])
    writer.write_batch(RESULTS)
    assert writer.row_counts == {"documents": 3, "mentions": 6, "people": 2, "acronyms": 2}
    writer.abort()


def test_parquet_types_and_metadata(tmp_path: Path) -> None:
    run_writer(tmp_path, RESULTS, formats=["parquet"])
    documents = pq.read_table(tmp_path / "documents.parquet")
    assert str(documents.schema.field("date").type) == "date32[day]"
    assert documents.schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
    assert [str(d) if d else None for d in documents.column("date").to_pylist()] == ["2025-09-23", None, None]
    mentions = pq.read_table(tmp_path / "mentions.parquet")
    assert str(mentions.schema.field("start").type) == "int64"
    assert json.loads(mentions.column("attrs").to_pylist()[1]) == {"cue": "rank"}


def test_empty_run_still_writes_headers_and_schemas(tmp_path: Path) -> None:
    run_writer(tmp_path, [], formats=["csv", "parquet"], duckdb=True)
    assert (tmp_path / "people.csv").read_text(encoding="utf-8").startswith("doc_id,person_id,name")
    assert pq.read_table(tmp_path / "people.parquet").num_rows == 0
    with duckdb.connect(str(tmp_path / "extraction.duckdb"), read_only=True) as db:
        assert db.execute("SELECT count(*) FROM people_with_documents").fetchone() == (0,)


def test_csv_bytes_are_deterministic(tmp_path: Path) -> None:
    run_writer(tmp_path / "one", RESULTS, formats=["csv", "jsonl"])
    run_writer(tmp_path / "two", RESULTS, formats=["csv", "jsonl"])
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert {k: v for k, v in one.items() if k != MANIFEST_NAME} == {k: v for k, v in two.items() if k != MANIFEST_NAME}


def test_duckdb_tables_views_and_types(tmp_path: Path) -> None:
    run_writer(tmp_path, RESULTS, formats=["csv"], duckdb=True)
    with duckdb.connect(str(tmp_path / "extraction.duckdb"), read_only=True) as db:
        for name in DOCUMENT_TABLES:
            assert db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(
                [r for x in RESULTS for r in write.table_rows(x)[name]])
        types = dict(db.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = 'documents'").fetchall())
        assert (types["date"], types["n_chars"]) == ("DATE", "BIGINT")
        assert db.execute("SELECT attrs->>'cue' FROM mentions WHERE type = 'PERSON'").fetchone() == ("rank",)
        people = db.execute("SELECT doc_id, CAST(date AS VARCHAR), name, rank, position, organization "
                            "FROM people_with_documents ORDER BY doc_id").fetchall()
        assert people == [("a.txt", "2025-09-23", "Lê Văn An", "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An"),
                          ("c.txt", None, "Lê Văn An", "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An")]
        assert db.execute("SELECT count(*) FROM mentions_with_documents WHERE title = 'Giao ban'").fetchone() == (6,)
        assert db.execute("SELECT doc_id, error FROM document_problems").fetchall() == [("b.txt", "empty file")]
        assert db.execute("SELECT schema_version FROM schema_info").fetchone() == (SCHEMA_VERSION,)
        views = {name: comment for name, comment in db.execute(
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert set(views) == set(VIEWS) and all(views.values())


def _database_rows(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as db:
        return {name: db.execute(f"SELECT * FROM {name}").fetchall() for name in (*DOCUMENT_TABLES, "entities")}


def test_the_database_built_beside_the_entities_holds_the_rows_of_one_built_after(tmp_path: Path,
                                                                                  config: Config) -> None:
    for cores in (1, 2):
        [database] = commit.commit_steps(config, cores)[1:]
        assert database.concurrent == (cores > 1)
        run_writer(tmp_path / str(cores), RESULTS, formats=["csv"], steps=commit.commit_steps(config, cores))
    one, two = (_database_rows(tmp_path / str(cores) / "extraction.duckdb") for cores in (1, 2))
    assert one == two and one["people"] and one["entities"]


def test_a_failing_step_stops_the_database_inserts_it_ran_beside(tmp_path: Path) -> None:
    run_writer(tmp_path, RESULTS, duckdb=True)
    before = snapshot(tmp_path)
    database = commit.DatabaseStep(concurrent=True)

    def failing(staging: commit.Staging) -> None:
        assert database.thread is not None  # the inserts were started before this step
        raise RuntimeError("a step failed")

    writer = TableWriter(tmp_path, ALL_FORMATS, steps=[failing, database])
    writer.write_batch(RESULTS)
    with pytest.raises(RuntimeError, match="a step failed"):
        writer.commit({"schema_version": SCHEMA_VERSION})
    writer.abort()
    assert database.thread is not None and not database.thread.is_alive()
    assert snapshot(tmp_path) == before and not [p for p in tmp_path.iterdir() if p.is_dir()]


def test_abort_leaves_the_previous_tables_untouched(tmp_path: Path) -> None:
    run_writer(tmp_path, RESULTS, duckdb=True, checkpoint_key="k")
    before = snapshot(tmp_path)
    writer = TableWriter(tmp_path, ALL_FORMATS, duckdb=True, checkpoint_key="k")
    writer.write_batch([result("d.txt")])
    writer.abort()
    assert snapshot(tmp_path) == before
    # what was computed stays in the staging directory for --resume, nothing else
    [staging] = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert sorted(p.name for p in staging.iterdir()) == [CHECKPOINT_NAME, OWNER_NAME]
    assert ("d.txt", content_hash(result("d.txt").doc)) in previous_results(tmp_path, "k")


def test_abort_without_results_leaves_nothing(tmp_path: Path) -> None:
    writer = TableWriter(tmp_path, ALL_FORMATS, duckdb=True, checkpoint_key="k")
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_commit_removes_tables_of_formats_not_written(tmp_path: Path) -> None:
    run_writer(tmp_path, RESULTS, formats=ALL_FORMATS, duckdb=True)
    run_writer(tmp_path, RESULTS, formats=["csv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{t}.csv" for t in DOCUMENT_TABLES] + [MANIFEST_NAME])


def test_commit_cut_short_leaves_no_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_writer(tmp_path, RESULTS, formats=["csv"])
    writer = TableWriter(tmp_path, ["csv"])
    writer.write_batch(RESULTS[:1])
    moved = []

    def replace_twice(src, dst):
        if len(moved) == 2:
            raise KeyboardInterrupt
        moved.append(dst)
        os.rename(src, dst)

    monkeypatch.setattr(commit.os, "replace", replace_twice)
    with pytest.raises(KeyboardInterrupt):
        writer.commit({"schema_version": SCHEMA_VERSION})
    assert not (tmp_path / MANIFEST_NAME).exists()


def test_checkpoint_round_trip_and_resumer(tmp_path: Path) -> None:
    path = tmp_path / CHECKPOINT_NAME
    checkpoint = Checkpoint(path, "key1")
    checkpoint.add(RESULTS)
    checkpoint.close()
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "cut.txt", "content_h')  # a line cut short by kill -9
    stored = read_checkpoint(path, "key1")
    assert len(stored) == 3
    assert read_checkpoint(path, "another key") == {}
    assert read_checkpoint(tmp_path / "missing.jsonl", "key1") == {}

    class Counting:
        calls: list[str] = []

        def process(self, raw: RawDocument) -> DocumentResult:
            self.calls.append(raw.doc_id)
            return result(raw.doc_id, raw.text)

    changed = replace(RESULTS[2].doc, text="Thiếu tá Lò Văn Hùng dự họp.")
    resumer = Resumer(stored)
    pipe = Counting()
    documents = [RESULTS[0].doc, RESULTS[1].doc, changed, RawDocument("new.txt", "Tin mới")]
    out = list(resumer.process_many(lambda docs: map(pipe.process, docs), documents))
    assert pipe.calls == ["c.txt", "new.txt"] and resumer.reused == 2
    assert out[0] == RESULTS[0] and out[1] == RESULTS[1]
    assert [r.doc.doc_id for r in out] == ["a.txt", "b.txt", "c.txt", "new.txt"]


def test_abandoned_staging_is_removed_but_not_a_live_one(tmp_path: Path) -> None:
    dead, live, unowned = tmp_path / ".vnextract-dead", tmp_path / ".vnextract-live", tmp_path / ".vnextract-x"
    for staging in (dead, live, unowned):
        staging.mkdir()
    (dead / OWNER_NAME).write_text("999999999", encoding="utf-8")
    (live / OWNER_NAME).write_text(str(os.getppid()), encoding="utf-8")
    remove_abandoned_staging(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".vnextract-live"]


def test_results_key_follows_what_the_results_depend_on(tmp_path: Path, config: Config) -> None:
    lexicon = tmp_path / "ranks.yaml"
    lexicon.write_bytes(config.lexicon_path("ranks").read_bytes())
    path = tmp_path / "c.yaml"
    path.write_text(f"lexicons: {{ranks: {lexicon}}}\n", encoding="utf-8")
    base = results_key(config)
    assert results_key(load_config(path)) == base  # same lexicon content elsewhere
    path.write_text(f"lexicons: {{ranks: {lexicon}}}\nwrite: {{formats: [csv], duckdb: false}}\n", encoding="utf-8")
    assert results_key(load_config(path)) == base  # output settings do not change results
    lexicon.write_bytes(lexicon.read_bytes() + b"\n# changed\n")
    assert results_key(load_config(path)) != base
    path.write_text("extract: {dates: {enabled: false}}\n", encoding="utf-8")
    assert results_key(load_config(path)) != base


def test_manifest(tmp_path: Path, config: Config) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(b"abc")
    (tmp_path / "in" / "sub" / "b.jsonl").write_bytes(b"{}\n")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    record = RunRecord()
    for item in RESULTS + [DocumentResult(doc=RawDocument("w.txt", "x", warnings=["header date ignored"]))]:
        record.add(item)
    record.resumed = 1
    manifest = build_manifest(config=config, results_key="k", inputs=[tmp_path / "in"], record=record,
                              row_counts={"documents": 4}, started_at="2026-01-01T00:00:00+00:00")
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert set(manifest["versions"]) >= {"underthesea", "spacy", "duckdb", "pyarrow"}
    assert manifest["versions"]["spacy"] and manifest["versions"]["underthesea"]
    assert manifest["config"]["hash"] == config.fingerprint()
    assert manifest["documents"] == {"total": 4, "ok": 3, "error": 1, "resumed": 1}
    assert manifest["errors"] == [{"doc_id": "b.txt", "error": "empty file"}]
    assert manifest["warnings"] == [{"doc_id": "w.txt", "warnings": ["header date ignored"]}]
    assert manifest["tables"] == {"documents": {"rows": 4}}
    inputs = {Path(e["path"]).name: e for e in manifest["inputs"]}
    assert inputs["a.txt"] == {"path": str(tmp_path / "in" / "a.txt"), "size": 3,
                               "sha256": hashlib.sha256(b"abc").hexdigest()}
    assert inputs["b.jsonl"]["size"] == 3
    assert "error" in inputs["gone.txt"]
    assert manifest["started_at"] <= manifest["ended_at"]
    json.dumps(manifest)


def test_input_files_keep_the_reading_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.csv", "z/c.jsonl", "note.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    paths = [Path(e["path"]).relative_to(tmp_path).as_posix() for e in input_files([tmp_path], [".txt", ".csv", ".jsonl"])]
    assert paths == ["a.csv", "b.txt", "z/c.jsonl"]


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signals_raise_interrupted(signum: int, status: int) -> None:
    before = signal.getsignal(signum)
    with pytest.raises(Interrupted) as caught:
        with stop_on_signals():
            os.kill(os.getpid(), signum)
    assert caught.value.exit_status == status
    assert isinstance(caught.value, KeyboardInterrupt)
    assert signal.getsignal(signum) is before
    message, code = interrupted_message(caught.value, "data/out")
    assert code == status and signal.Signals(signum).name in message and "--resume" in message


def test_signals_are_ignored_during_a_commit_block() -> None:
    with stop_on_signals():
        with signals_ignored():
            os.kill(os.getpid(), signal.SIGTERM)  # dropped: the block is not cut in half
        with pytest.raises(Interrupted):
            os.kill(os.getpid(), signal.SIGTERM)  # the run's handler is back after the block


def test_abort_after_commit_does_nothing(tmp_path: Path) -> None:
    writer = TableWriter(tmp_path, ["csv", "parquet"], duckdb=True, checkpoint_key="k")
    writer.write_batch(RESULTS)
    writer.commit()
    before = snapshot(tmp_path)
    writer.abort()
    assert snapshot(tmp_path) == before


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(value=json_values)
def test_a_cell_is_written_as_json_dumps_writes_it(value: object) -> None:
    """The one C encoder the cells share writes what json.dumps does with the writer's options."""
    assert write._json(value) == json.dumps(value, ensure_ascii=False, sort_keys=True)

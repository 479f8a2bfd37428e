"""Worker processes and the Dask engine give the tables of one process; long documents stay linear and correct."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import parallel
from pipeline.config import Config, load_config
from pipeline.core import Pipeline, PipelineError
from pipeline.ingest import iter_inputs
from pipeline.lexicons import LexiconError
from pipeline.model import RawDocument
from pipeline.parallel import chunked, process_chunks, process_documents
from pipeline.run import Run
from pipeline.tables import read_tables
from pipeline.write import RowEncoder, table_rows

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
TABLES = ("documents", "mentions", "people", "acronyms")


def vnextract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=300)


@pytest.mark.parametrize(("n_items", "size", "expected"), [
    (0, 3, []),
    (5, 2, [[0, 1], [2, 3], [4]]),
    (4, 4, [[0, 1, 2, 3]]),
    (3, 10, [[0, 1, 2]]),
])
def test_chunked(n_items: int, size: int, expected: list[list[int]]) -> None:
    assert list(chunked(range(n_items), size)) == expected


@pytest.mark.parametrize("size", [0, -1])
def test_chunked_refuses_empty_chunks(size: int) -> None:
    with pytest.raises(ValueError, match="chunk size"):
        list(chunked(range(3), size))


@pytest.mark.parametrize("workers", [0, -2])
def test_process_documents_refuses_no_workers(config: Config, workers: int) -> None:
    with pytest.raises(ValueError, match="workers must be at least 1"):
        list(process_documents(config, [], workers=workers))


@pytest.mark.parametrize("chunk_size", [1, 2, 3])
def test_workers_give_the_rows_of_one_process_in_input_order(config: Config, pipe: Pipeline, chunk_size: int) -> None:
    """Whichever chunks the caller processes, takes back from the queue at the end, or leaves to the worker."""
    documents = list(iter_inputs([RAW]))
    expected = [table_rows(r) for r in pipe.process_many(documents)]
    before = sys.getswitchinterval()
    pooled = [table_rows(r) for r in process_documents(config, documents, workers=2, chunk_size=chunk_size)]
    assert len(documents) > 2 * chunk_size  # more than one chunk per worker: the pool really ran
    assert pooled == expected
    assert sys.getswitchinterval() == before  # shortened while the pool ran only


def test_workers_send_back_what_the_task_makes_of_each_chunk(config: Config, pipe: Pipeline) -> None:
    """A writer's encoded rows, made in the worker, are those the caller would make of the same chunk."""
    documents = list(iter_inputs([RAW]))
    encoder = RowEncoder(csv=True, arrow=True, jsonl=True, checkpoint=True)
    pooled = list(process_chunks(config, documents, workers=2, chunk_size=2, task=encoder))
    here = [encoder(pipe.process_many(chunk)) for chunk in chunked(documents, 2)]
    assert [rows.documents for rows in pooled] == [len(chunk) for chunk in chunked(documents, 2)]
    for got, expected in zip(pooled, here, strict=True):
        assert (got.csv, got.jsonl, got.checkpoint, got.row_counts) == (
            expected.csv, expected.jsonl, expected.checkpoint, expected.row_counts)
        assert all(got.arrow[name].equals(expected.arrow[name]) for name in TABLES)
        assert got.record.mentions == expected.record.mentions


def test_input_smaller_than_a_chunk_runs_in_process(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a process pool was started for an input smaller than one chunk")

    monkeypatch.setattr(parallel, "_pooled", no_pool)
    documents = [RawDocument("a.txt", "Sáng 23/9, Đại tá Trần Văn Hải dự hội nghị.")]
    results = list(process_documents(config, documents, workers=2, chunk_size=4))
    assert [r.doc.doc_id for r in results] == ["a.txt"]
    assert {m.type for m in results[0].mentions} >= {"RANK", "PERSON"}


def _config_with(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_a_bad_lexicon_in_a_worker_is_raised_as_itself(tmp_path: Path) -> None:
    (tmp_path / "ranks.yaml").write_text("- not a mapping\n", encoding="utf-8")
    config = _config_with(tmp_path, "lexicons:\n  ranks: ranks.yaml\n")
    documents = [RawDocument(f"d{i}.txt", "Đại tá Trần Văn Hải dự hội nghị.") for i in range(4)]
    with pytest.raises(LexiconError, match="ranks.yaml"):
        list(process_documents(config, documents, workers=2, chunk_size=1))


def test_unrunnable_stages_are_refused_before_any_work(tmp_path: Path) -> None:
    config = _config_with(tmp_path, "segment:\n  enabled: false\n")
    with pytest.raises(PipelineError, match="extract needs tokens"):
        list(process_documents(config, [RawDocument("a.txt", "x")] * 40, workers=2, chunk_size=1))


@pytest.fixture(scope="module")
def local_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``vnextract run data/raw`` with one process and with two workers (chunks of 2 so that the pool runs)."""
    root = tmp_path_factory.mktemp("runs")
    runs = {"one": ("--workers", "1"), "two": ("--workers", "2", "--chunk-size", "2")}
    for name, options in runs.items():
        done = vnextract("run", str(RAW), "--out", str(root / name), "--format", "csv,parquet", *options)
        assert done.returncode == 0, done.stderr
    return {name: root / name for name in runs}


@pytest.mark.parametrize("table", TABLES)
def test_two_workers_write_the_same_bytes_as_one_process(local_runs: dict[str, Path], table: str) -> None:
    one, two = local_runs["one"], local_runs["two"]
    assert (one / f"{table}.csv").read_bytes() == (two / f"{table}.csv").read_bytes()
    assert pd.read_parquet(one / f"{table}.parquet").equals(pd.read_parquet(two / f"{table}.parquet"))


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns), na_position="first").reset_index(drop=True)


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    pytest.importorskip("distributed", reason="the Dask extra (vnextract[dask]) is not installed")
    out = tmp_path_factory.mktemp("dask")
    done = vnextract("run", str(RAW), "--out", str(out), "--engine", "dask", "--workers", "1", "--chunk-size", "3")
    assert done.returncode == 0, done.stderr
    return out, done


@pytest.mark.parametrize("table", TABLES)
def test_dask_engine_writes_the_content_of_the_local_engine(local_runs: dict[str, Path], dask_run: tuple,
                                                            table: str) -> None:
    out, _ = dask_run
    parts = sorted((out / table).glob("part-*.parquet"))
    assert len(parts) > 1  # a partitioned dataset, one file per partition
    local = pd.read_parquet(local_runs["one"] / f"{table}.parquet")
    dataset = pd.read_parquet(out / table)
    assert len(dataset) == len(local)
    assert _sorted(dataset).equals(_sorted(local))


def test_duckdb_reads_the_dask_datasets_as_is(local_runs: dict[str, Path], dask_run: tuple) -> None:
    duckdb = pytest.importorskip("duckdb", reason="DuckDB is not installed")
    out, _ = dask_run
    for table in TABLES:
        [(count,)] = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out / table}/*.parquet')").fetchall()
        assert count == len(pd.read_parquet(local_runs["one"] / f"{table}.parquet"))


def test_dask_summary_counts_every_document(dask_run: tuple, local_runs: dict[str, Path]) -> None:
    _, done = dask_run
    n_docs = len(pd.read_parquet(local_runs["one"] / "documents.parquet"))
    assert f"documents  {n_docs}  ({n_docs} ok, 0 error)" in done.stdout
    assert "Parquet datasets" in done.stdout


def test_dask_engine_in_threads_on_an_empty_input(tmp_path: Path, config: Config) -> None:
    pytest.importorskip("distributed", reason="the Dask extra (vnextract[dask]) is not installed")
    (tmp_path / "in").mkdir()
    summary = Run([tmp_path / "in"], tmp_path / "out", config, engine="dask", workers=1, dask_processes=False).write()
    assert summary.record.documents == 0
    # one dataset per table, and the database and manifest of every run
    assert [p.name for p in summary.written] == ["acronyms", "documents", "entities", "extraction.duckdb", "mentions",
                                                 "people", "manifest.json"]
    for table, frame in read_tables(tmp_path / "out").items():
        assert frame.empty, table


def test_unreachable_scheduler_is_an_engine_error(tmp_path: Path, config: Config) -> None:
    pytest.importorskip("distributed", reason="the Dask extra (vnextract[dask]) is not installed")
    from pipeline.dask_engine import EngineError

    run = Run([RAW], tmp_path / "out", config, engine="dask", scheduler="tcp://127.0.0.1:9", connect_timeout="1s")
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run.write()
    assert not list((tmp_path / "out").iterdir())  # nothing half-written is left behind


@pytest.mark.parametrize(("args", "message"), [
    (("--scheduler", "tcp://127.0.0.1:8786"), "only for the dask engine"),
    (("--engine", "dask", "--format", "csv"), "Parquet datasets only"),
    (("--workers", "0"), "--workers"),
    (("--chunk-size", "0"), "--chunk-size"),
    (("--engine", "spark"), "--engine"),
])
def test_run_refuses_bad_engine_options(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    done = vnextract("run", str(RAW), "--out", str(tmp_path), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert not list(tmp_path.glob("*.csv"))


def test_one_megabyte_one_line_document(process) -> None:
    """A whole corpus on one line: every sentence still gives its mentions, at the right offsets."""
    sentence = ("Sáng 23/9, Thiếu tướng Lê Văn Bình, Phó Tư lệnh Bộ đội Biên phòng (BĐBP), làm việc với "
                "Bộ Chỉ huy BĐBP tỉnh Thanh Hóa tại xã Thông Thụ. ")
    repeats = 1_000_000 // len(sentence) + 1
    text = sentence * repeats
    result = process(text)  # asserts status ok and raw[start:end] == text for every mention
    by_type: dict[str, list] = {}
    for mention in result.mentions:
        by_type.setdefault(mention.type, []).append(mention)
    assert len(by_type["RANK"]) == repeats
    assert {m.normalized for m in by_type["RANK"]} == {"Thiếu tướng"}
    assert len(by_type["PERSON"]) == repeats
    assert len(by_type["DATE"]) == repeats
    assert [m.start for m in by_type["RANK"]] == [k * len(sentence) + sentence.index("Thiếu") for k in range(repeats)]
    assert result.n_sentences >= repeats


def test_bench_quick_reports_every_figure(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(tmp_path)], capture_output=True,
                          text=True, cwd=REPO, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "bench-8.json").read_text(encoding="utf-8"))
    measurements = report["measurements"]
    assert set(measurements) == {"a_word_tokenize", "b_one_process", "c_two_workers", "b_one_process_scaled"}
    for figures in measurements.values():
        assert set(figures) >= {"docs", "chars", "seconds", "chars_per_s", "docs_per_s", "peak_rss_mb",
                                "peak_tree_rss_mb", "cpu_seconds"}
        assert figures["docs"] > 0 and figures["chars"] > 0 and figures["peak_rss_mb"] > 0
    assert measurements["b_one_process_scaled"]["docs"] == 2 * measurements["b_one_process"]["docs"]
    assert set(report["ratios"]) == {"b_over_a", "c_over_b", "rss_5n_over_n"}
    assert set(report["targets_met"]) == {"b_over_a", "c_over_b", "rss_5n_over_n", "small_document_seconds"}
    assert report["identical_tables"] is True
    assert report["small_document_seconds"] > 0
    assert report["stage_seconds"]
    entities = report["entities"]
    assert [row["records"] for row in entities["rows"].values()] == [2000, 4000]
    assert all(row["peak_rss_mb"] > 0 and 0 < row["precision"] <= 1 for row in entities["rows"].values())
    assert entities["entities_rss_scaled_over_n"] > 0
    assert set(report["in_process"]) == {"docs", "word_tokenize_seconds", "pipeline_seconds",
                                         "pipeline_over_word_tokenize"}
    assert "b_over_a" in done.stdout

"""The library's corpus run (pipeline.Run, read_tables): the same tables as the command, whatever the engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline import Run, RunError, read_tables
from pipeline import commit as commit_module
from pipeline.commit import Staging
from pipeline.config import Config
from pipeline.core import Pipeline
from pipeline.ingest import iter_inputs
from pipeline.schema import TABLES
from pipeline.tables import TablesNotFound, write_csv
from pipeline.write import table_rows

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"


def vnextract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=300)


def csv_bytes(out: Path) -> dict[str, bytes]:
    return {table: (out / f"{table}.csv").read_bytes() for table in TABLES}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, config: Config) -> dict[str, Path]:
    """data/raw through the command, the Python API with one and two workers, and the Dask engine."""
    root = tmp_path_factory.mktemp("runs")
    done = vnextract("run", str(RAW), "--out", str(root / "cli"), "--format", "csv,parquet", "--workers", "1")
    assert done.returncode == 0, done.stderr
    Run([RAW], root / "api-1", config, formats=["csv", "parquet"], workers=1).write()
    Run([RAW], root / "api-2", config, formats=["csv"], workers=2, chunk_size=2).write()
    pytest.importorskip("distributed", reason="the Dask extra (vnextract[dask]) is not installed")
    Run([RAW], root / "dask", config, engine="dask", workers=1, chunk_size=3).write()
    return {"cli": root / "cli", "api-1": root / "api-1", "api-2": root / "api-2", "dask": root / "dask"}


@pytest.mark.parametrize("name", ["api-1", "api-2"])
def test_python_api_writes_the_bytes_of_the_command(runs: dict[str, Path], name: str) -> None:
    assert csv_bytes(runs[name]) == csv_bytes(runs["cli"])


def test_dask_tables_read_back_are_the_bytes_of_the_command(runs: dict[str, Path], tmp_path: Path) -> None:
    assert all((runs["dask"] / table).is_dir() for table in TABLES)  # datasets of parts
    for table, arrow in read_tables(runs["dask"], arrow=True).items():
        write_csv(arrow, tmp_path / f"{table}.csv")
    assert csv_bytes(tmp_path) == csv_bytes(runs["cli"])


def test_read_tables_gives_the_same_tables_from_parquet_and_from_csv(runs: dict[str, Path]) -> None:
    from_parquet = read_tables(runs["api-1"], arrow=True)
    from_csv = read_tables(runs["api-2"], arrow=True)  # a CSV-only run
    assert not (runs["api-2"] / "documents.parquet").exists()
    for table in TABLES:
        assert from_csv[table].equals(from_parquet[table]), table
        assert from_parquet[table].num_rows > 0


def test_read_tables_gives_dataframes_with_the_schema_types(runs: dict[str, Path]) -> None:
    frames = read_tables(runs["cli"])
    assert set(frames) == set(TABLES)
    mentions = frames["mentions"]
    assert list(mentions.columns) == [name for name, _ in TABLES["mentions"]]
    text = {doc_id: t for doc_id, t in zip(frames["documents"]["doc_id"], frames["documents"]["text"])}
    for row in mentions.head(50).itertuples():
        assert text[row.doc_id][row.start:row.end] == row.text


def test_read_tables_names_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(TablesNotFound, match="no documents.parquet"):
        read_tables(tmp_path)


def test_both_engines_record_the_run_in_a_manifest(runs: dict[str, Path]) -> None:
    import json

    local = json.loads((runs["api-1"] / "manifest.json").read_text(encoding="utf-8"))
    dask = json.loads((runs["dask"] / "manifest.json").read_text(encoding="utf-8"))
    assert dask["tables"] == local["tables"] and dask["documents"] == local["documents"]
    assert "mentions/" in dask["files"] and "extraction.duckdb" in dask["files"]


def test_results_are_those_of_the_pipeline_and_write_nothing(tmp_path: Path, config: Config, pipe: Pipeline) -> None:
    run = Run([RAW], tmp_path / "out", config, workers=2, chunk_size=2)
    expected = [table_rows(r) for r in pipe.process_many(iter_inputs([RAW]))]
    assert [table_rows(r) for r in run.results()] == expected
    assert not (tmp_path / "out").exists()


def test_resume_from_python(tmp_path: Path, config: Config, runs: dict[str, Path]) -> None:
    Run([RAW], tmp_path, config, formats=["csv"], workers=1).write()
    summary = Run([RAW], tmp_path, config, formats=["csv"], workers=1, resume=True).write()
    assert summary.record.resumed == summary.record.documents > 0
    assert csv_bytes(tmp_path) == csv_bytes(runs["cli"])


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_commit_step_reads_the_finished_parquet_tables_of_either_engine(
        tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    """The place a corpus-wide step (DuckDB over the run's Parquet tables) plugs in, for both engines."""
    if engine == "dask":
        pytest.importorskip("distributed", reason="the Dask extra (vnextract[dask]) is not installed")
    import duckdb

    counted: dict[str, int] = {}

    def count_rows(staging: Staging) -> None:
        for table in TABLES:
            [(rows,)] = duckdb.sql(f"SELECT count(*) FROM read_parquet('{staging.parquet_source(table)}')").fetchall()
            counted[table] = rows
        (staging.dir / "row_counts.txt").write_text(repr(counted), encoding="utf-8")

    original = commit_module.commit_steps
    monkeypatch.setattr("pipeline.run.commit_steps", lambda cfg, cores=1: [*original(cfg, cores), count_rows])
    options = {"engine": "dask", "dask_processes": False} if engine == "dask" else {"formats": ["csv"]}
    summary = Run([RAW], tmp_path, config, workers=1, chunk_size=4, **options).write()
    assert counted == summary.row_counts and counted["mentions"] > 0
    assert (tmp_path / "row_counts.txt").is_file()
    assert not list(tmp_path.glob(".*.parquet"))  # the Parquet kept for the steps of a CSV run is gone


@pytest.mark.parametrize(("options", "message"), [
    ({"formats": ["csv", "xml"]}, "unknown format 'xml'"),
    ({"engine": "spark"}, "unknown engine 'spark'"),
    ({"workers": 0}, "workers must be at least 1"),
    ({"chunk_size": 0}, "chunk size must be at least 1"),
    ({"scheduler": "tcp://127.0.0.1:8786"}, "only for the dask engine"),
    ({"engine": "dask", "formats": ["csv"]}, "Parquet datasets only"),
    ({"engine": "dask", "resume": True}, "local engine only"),
])
def test_bad_options_are_refused_before_any_work(tmp_path: Path, config: Config, options: dict, message: str) -> None:
    with pytest.raises(RunError, match=message):
        Run([RAW], tmp_path / "out", config, **options)
    assert not (tmp_path / "out").exists()


def test_run_and_config_commands_import_only_what_they_use(tmp_path: Path) -> None:
    """`run` never imports pandas; `config` does not load spaCy, underthesea or the writers."""
    modules = ('pandas', 'spacy', 'typer', 'underthesea', 'pyarrow', 'duckdb', 'requests', 'rich', 'pyarrow.compute',
               'pipeline.corpora')
    code = ("import sys; from pipeline.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {modules!r} if m in sys.modules))")

    def imported(*args: str) -> str:
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO,
                              check=True)
        return done.stdout.strip().splitlines()[-1]

    assert imported("config") == "[]"
    ran = imported("run", str(RAW / "01_tuan_tra_song_phuong_thong_thu.txt"), "--out", str(tmp_path), "-q")
    assert "pandas" not in ran and "spacy" in ran
    assert "typer" not in ran  # spaCy's command-line interface is left out (pipeline/lazy_imports.py)
    assert "requests" not in ran  # so is underthesea's language detector
    assert "rich" not in ran  # a bar is drawn only on a terminal
    assert "pyarrow.compute" not in ran and "pipeline.corpora" not in ran
    assert isinstance(read_tables(tmp_path, arrow=True)["documents"], pa.Table)


def python_output(code: str) -> str:
    """What ``python -c code`` prints in a fresh interpreter of the project, which must exit 0."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_what_is_left_out_of_spacy_and_underthesea_still_loads_on_demand() -> None:
    """The stand-ins live only while the packages are first imported; the real modules load when asked for."""
    code = ("import sys; import pipeline.core; import spacy, underthesea\n"
            "assert not {'typer', 'underthesea.pipeline.ner', 'underthesea.pipeline.pos_tag', 'requests'} & set(sys.modules)\n"
            "import spacy.cli; assert hasattr(spacy.cli, 'download')\n"
            "from underthesea import ner, pos_tag\n"
            "tags = ner('Thiếu tướng Lê Văn Bình')\n"
            "assert tags[-1][0] == 'Lê Văn Bình' and pos_tag('Hà Nội')[0][0] == 'Hà Nội'\n"
            "import underthesea.pipeline.ner as real; assert hasattr(real, 'ner') and real.__file__\n"
            "print(type(spacy.info()).__name__)")
    assert python_output(code).strip().splitlines()[-1] == "dict"


def test_underthesea_reads_its_normalizer_rules_without_joblib() -> None:
    """joblib is a stand-in while underthesea is imported: its rules are read by the C unpickler, the same dict;
    joblib itself still loads when asked for, and a joblib imported first leaves the other stand-ins in place."""
    code = ("import sys; import pipeline.core\n"
            "assert 'joblib' not in sys.modules\n"
            "import underthesea.pipeline.text_normalize.text_normalizer as tn\n"
            "import joblib; assert joblib.__file__ and joblib.load(tn.join(tn.dirname(tn.__file__), tn.rule_file))"
            "['token'] == tn.token_map\n"
            "import tempfile, os; path = os.path.join(tempfile.mkdtemp(), 'x.z'); joblib.dump({'a': 1}, path, compress=3)\n"
            "assert tn.joblib.load(path) == {'a': 1}  # a compressed file: the stand-in hands it to joblib\n"
            "print('ok')")
    python_output(code)
    first = ("import sys, joblib; import pipeline.core\n"
             "assert 'underthesea.pipeline.pos_tag' not in sys.modules\n"
             "import underthesea.pipeline.text_normalize.text_normalizer as tn; assert tn.joblib is joblib\n"
             "print('ok')")
    python_output(first)

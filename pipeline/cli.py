"""The ``vnextract`` command: a thin click layer over the library.

Library errors (a bad config, a missing input, an unusable CSV) become one
clean message and exit status 2; a document that cannot be read is a row with
status ``error`` and the run goes on (exit 1 only with ``--strict``).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .config import DEFAULT_CONFIG_PATH, ConfigError, load_config
from .core import Pipeline, PipelineError, predict_gold
from .dask_engine import EngineError, run_dask
from .evaluate import format_report, score
from .gold import GoldFormatError, read_gold_dir
from .ingest import InputError, iter_inputs
from .lexicons import LexiconError
from .model import ENTITY_TYPES, RawDocument
from .parallel import DEFAULT_CHUNK_SIZE, default_workers, process_documents
from .write import TableWriter

USAGE_ERRORS = (ConfigError, PipelineError, InputError, LexiconError, GoldFormatError, EngineError)


def _fail(exc: Exception) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnextract")
def main() -> None:
    """Extract dates, places, ranks, positions, people, organizations and acronyms
    from Vietnamese official and military news, into tables.

    \b
    Example:
        vnextract run data/raw --out data/out
        vnextract eval data/gold/dev
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="data/out", show_default=True, type=click.Path(path_type=Path),
              help="Directory for the output tables.")
@click.option("--config", "config_path", default=str(DEFAULT_CONFIG_PATH), show_default="configs/default.yaml",
              type=click.Path(path_type=Path), help="YAML config (merged over the defaults).")
@click.option("--format", "formats", default=None,
              help="Comma-separated output formats: csv, parquet, jsonl. [default: from the config: csv,parquet]")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any document has status error.")
@click.option("--workers", type=click.IntRange(min=1), default=None, show_default="number of cores",
              help="Processes (local engine) or LocalCluster workers (dask engine) that run documents.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK_SIZE, show_default=True,
              help="Documents sent to a worker at a time; an input smaller than one chunk runs in this process.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine; dask: a dask.distributed cluster, tables as Parquet datasets "
                   "(needs the extra vnextract[dask]).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Address of a running Dask scheduler (tcp://host:8786); without it --engine dask starts a "
                   "local cluster.")
def run(inputs: tuple[Path, ...], out_dir: Path, config_path: Path, formats: str | None, strict: bool,
        workers: int | None, chunk_size: int, engine: str, scheduler: str | None) -> None:
    """Run the pipeline on files and directories of .txt, .jsonl and .csv documents.

    Writes documents, mentions, people and acronyms tables to --out and ends
    with a summary. A document that cannot be read gets a documents row with
    status error; the others go on. The tables are the same, row order
    included, whatever --workers is. With --engine dask each table is a
    directory of Parquet files (out/mentions/part-00000.parquet ...).

    \b
    Example:
        vnextract run data/raw --out data/out --format csv,parquet,jsonl
        vnextract run corpus/ --out data/out --workers 2
        vnextract run corpus/ --out data/out/dask --engine dask --scheduler tcp://10.0.0.5:8786
    """
    if engine == "dask":
        _run_dask(inputs, out_dir, config_path, formats, strict, workers, chunk_size, scheduler)
        return
    if scheduler is not None:
        _fail(click.BadParameter("only with --engine dask", param_hint="--scheduler"))
    started = time.perf_counter()
    try:
        config = load_config(config_path)
        chosen = [f.strip() for f in formats.split(",")] if formats else config.stage("write")["formats"]
        bad = [f for f in chosen if f not in ("csv", "parquet", "jsonl")]
        if bad:
            raise click.BadParameter(f"{', '.join(bad)}; allowed: csv, parquet, jsonl", param_hint="--format")
        documents = iter_inputs(inputs, config.stage("ingest")["extensions"])
        writer = TableWriter(out_dir, chosen)
        counts: Counter[str] = Counter()
        errors: list[RawDocument] = []
        n_docs = 0
        batch = []
        batch_size = config.stage("write")["batch_size"]
        try:
            for result in process_documents(config, documents, workers, chunk_size):
                n_docs += 1
                counts.update(m.type for m in result.mentions)
                if result.status == "error":
                    errors.append(result.doc)
                    click.echo(f"error: {result.doc.doc_id}: {result.error}", err=True)
                batch.append(result)
                if len(batch) >= batch_size:
                    writer.write_batch(batch)
                    batch = []
            writer.write_batch(batch)
            written = writer.commit()
        except BaseException:
            writer.abort()
            raise
    except USAGE_ERRORS as exc:
        _fail(exc)
    _summary(n_docs, counts, [doc.doc_id for doc in errors], ", ".join(p.name for p in written) + f" in {out_dir}",
             started)
    if strict and errors:
        sys.exit(1)


def _summary(n_docs: int, counts: Counter[str], error_ids: list[str], tables: str, started: float) -> None:
    click.echo(f"documents  {n_docs}  ({n_docs - len(error_ids)} ok, {len(error_ids)} error)")
    click.echo("mentions   " + "  ".join(f"{t} {counts.get(t, 0)}" for t in ENTITY_TYPES))
    for doc_id in error_ids:
        click.echo(f"  error    {doc_id}")
    click.echo(f"tables     {tables}")
    click.echo(f"time       {time.perf_counter() - started:.1f} s")


def _run_dask(inputs: tuple[Path, ...], out_dir: Path, config_path: Path, formats: str | None, strict: bool,
              workers: int | None, chunk_size: int, scheduler: str | None) -> None:
    started = time.perf_counter()
    if formats and [f.strip() for f in formats.split(",")] != ["parquet"]:
        _fail(click.BadParameter("--engine dask writes Parquet datasets only: use --format parquet or leave it out",
                                 param_hint="--format"))
    try:
        config = load_config(config_path)
        summary = run_dask(config, inputs, out_dir, scheduler=scheduler, workers=workers or default_workers(),
                           chunk_size=chunk_size)
    except USAGE_ERRORS as exc:
        _fail(exc)
    for doc_id, error in summary.errors:
        click.echo(f"error: {doc_id}: {error}", err=True)
    _summary(summary.n_docs, summary.mention_counts, [doc_id for doc_id, _ in summary.errors],
             ", ".join(p.name + "/" for p in summary.written) + f" in {out_dir} (Parquet datasets)", started)
    if strict and summary.errors:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--config", "config_path", default=str(DEFAULT_CONFIG_PATH), show_default="configs/default.yaml",
              type=click.Path(path_type=Path), help="YAML config of the pipeline to evaluate.")
@click.option("--json", "json_path", default=None, type=click.Path(path_type=Path),
              help="Also write the scores, misses and false positives as JSON to this file.")
@click.option("--max-errors", default=20, show_default=True, help="Misses and false positives listed per type.")
def evaluate(gold_dir: Path, config_path: Path, json_path: Path | None, max_errors: int) -> None:
    """Score the pipeline on gold files in the guideline's format (ANNOTATION.md).

    Prints per-type precision, recall and F1, the micro average, normalization
    accuracy, person-record accuracy, then the misses and false positives.

    \b
    Example:
        vnextract eval data/gold/dev --json data/out/eval.json
    """
    try:
        config = load_config(config_path)
        gold = read_gold_dir(gold_dir)
        pipeline = Pipeline(config)
    except USAGE_ERRORS as exc:
        _fail(exc)
    predicted = predict_gold(pipeline, gold)
    report = score(gold, predicted)
    click.echo(format_report(report, max_errors=max_errors))
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")

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
from .evaluate import format_report, score
from .gold import GoldFormatError, read_gold_dir
from .ingest import InputError, iter_inputs
from .interrupt import install_stop_handlers, interrupted_message
from .lexicons import LexiconError
from .manifest import RunRecord, build_manifest, now
from .model import ENTITY_TYPES, RawDocument
from .resume import Resumer, previous_results, results_key
from .write import TableWriter

USAGE_ERRORS = (ConfigError, PipelineError, InputError, LexiconError, GoldFormatError)


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
@click.option("--resume", is_flag=True,
              help="Reuse the results in --out (of a finished or interrupted run) for documents and config unchanged.")
def run(inputs: tuple[Path, ...], out_dir: Path, config_path: Path, formats: str | None, strict: bool,
        resume: bool) -> None:
    """Run the pipeline on files and directories of .txt, .jsonl and .csv documents.

    Writes documents, mentions, people and acronyms tables to --out and ends
    with a summary. A document that cannot be read gets a documents row with
    status error; the others go on. Tables, extraction.duckdb and manifest.json
    are moved into --out only when the run finishes; Ctrl-C stops it cleanly.

    \b
    Example:
        vnextract run data/raw --out data/out --format csv,parquet,jsonl
        vnextract run data/raw --out data/out --resume
    """
    started = time.perf_counter()
    started_at = now()
    install_stop_handlers()
    try:
        config = load_config(config_path)
        chosen = [f.strip() for f in formats.split(",")] if formats else config.stage("write")["formats"]
        bad = [f for f in chosen if f not in ("csv", "parquet", "jsonl")]
        if bad:
            raise click.BadParameter(f"{', '.join(bad)}; allowed: csv, parquet, jsonl", param_hint="--format")
        pipeline = Pipeline(config)
        documents = iter_inputs(inputs, config.stage("ingest")["extensions"], config.stage("ingest")["max_chars"])
        key = results_key(config)
        resumer = Resumer(previous_results(out_dir, key) if resume else {})
        writer = TableWriter(out_dir, chosen, duckdb=config.stage("write")["duckdb"], checkpoint_key=key)
        record = RunRecord()
        counts: Counter[str] = Counter()
        errors: list[RawDocument] = []
        n_docs = 0
        batch = []
        batch_size = config.stage("write")["batch_size"]
        try:
            for result in resumer.process_many(pipeline, documents):
                record.add(result)
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
            record.resumed = resumer.reused
            written = writer.commit(build_manifest(config=config, results_key=key, inputs=inputs, record=record,
                                                   row_counts=writer.row_counts, started_at=started_at))
        except BaseException:
            writer.abort()
            raise
    except USAGE_ERRORS as exc:
        _fail(exc)
    except KeyboardInterrupt as exc:
        message, status = interrupted_message(exc, out_dir)
        click.echo(message, err=True)
        sys.exit(status)
    elapsed = time.perf_counter() - started
    click.echo(f"documents  {n_docs}  ({n_docs - len(errors)} ok, {len(errors)} error)")
    click.echo("mentions   " + "  ".join(f"{t} {counts.get(t, 0)}" for t in ENTITY_TYPES))
    for doc in errors:
        click.echo(f"  error    {doc.doc_id}")
    if record.warnings:
        click.echo(f"warnings   {len(record.warnings)} documents repaired or partly ignored (documents.warnings)")
    if resume:
        click.echo(f"resumed    {resumer.reused} documents from earlier results")
    click.echo(f"tables     {', '.join(p.name for p in written)} in {out_dir}")
    click.echo(f"time       {elapsed:.1f} s")
    if strict and errors:
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

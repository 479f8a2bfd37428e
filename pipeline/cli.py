"""The ``vnextract`` command: a thin click layer over the library.

Library errors (a bad config, a missing input, an unusable CSV) become one
clean message and exit status 2; a document that cannot be read is a row with
status ``error`` and the run goes on (exit 1 only with ``--strict``).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .config import DEFAULT_CONFIG_PATH, ConfigError, effective_yaml, load_config
from .gold import GOLD_FORMATS
from .model import ENTITY_TYPES
from .parallel import DEFAULT_CHUNK_SIZE
from .report import SOURCE_FORMATS, ReportError

# each command imports what it uses when it runs: `vnextract config` or `--help` does not load spaCy


def _usage_errors() -> tuple[type[Exception], ...]:
    """The library errors a command reports as one line and exit status 2."""
    from .dask_engine import EngineError
    from .gold import GoldFormatError
    from .ingest import InputError
    from .lexicons import LexiconError
    from .run import RunError
    from .stages import PipelineError

    return (ConfigError, PipelineError, InputError, LexiconError, GoldFormatError, ReportError, EngineError, RunError)


set_option = click.option(
    "--set", "overrides", multiple=True, metavar="KEY.PATH=VALUE",
    help="Override one config value, read as YAML (extract.dates.enabled=false, write.formats=[csv]); "
         "repeatable. A lexicons.NAME path is relative to the current directory.")


def _fail(exc: Exception) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(2)


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current directory when it is inside it."""
    resolved = Path(path).resolve()
    return str(resolved.relative_to(Path.cwd())) if resolved.is_relative_to(Path.cwd()) else str(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnextract")
def main() -> None:
    """Extract dates, places, ranks, positions, people, organizations and acronyms
    from Vietnamese official and military news, into tables.

    \b
    Example:
        vnextract run data/raw --out data/out --report
        vnextract eval data/gold/dev --compare configs/no_acronyms.yaml
        vnextract show "Đại tá Hà Văn Tú, Chỉ huy trưởng BĐBP tỉnh phát biểu."
        vnextract config --set extract.dates.enabled=false
    """


def entry() -> None:
    """The ``vnextract`` command as a program (``python -m pipeline``, the console script): ``main``, then the
    process ends without tearing down its objects one by one.

    Everything a command writes is closed when it returns; what is left is the interpreter freeing the models,
    lexicons and modules it loaded, object by object: 0.15 s of the 1.3 s of a one-document run.
    """
    try:
        main()
    except SystemExit as exc:
        status = exc.code
    else:  # main (click's standalone mode) always ends with SystemExit
        status = 0
    if isinstance(status, str):
        click.echo(status, err=True)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that went away (`| head`): nothing more to tell it
            stream.flush()
    os._exit(status or 0)


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
@set_option
@click.option("--report", "with_report", is_flag=True, help="Also write OUT/report.html (see `vnextract report`).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (it is drawn only when stderr is a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=None, show_default="number of cores",
              help="Processes that run documents, this one included (local engine), or LocalCluster workers (dask engine).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK_SIZE, show_default=True,
              help="Documents sent to a worker at a time; an input smaller than one chunk runs in this process.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine; dask: a dask.distributed cluster, tables as Parquet datasets "
                   "(needs the extra vnextract[dask]).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Address of a running Dask scheduler (tcp://host:8786); without it --engine dask starts a "
                   "local cluster.")
def run(inputs: tuple[Path, ...], out_dir: Path, config_path: Path, formats: str | None, strict: bool,
        resume: bool, overrides: tuple[str, ...], with_report: bool, quiet: bool, workers: int | None,
        chunk_size: int, engine: str, scheduler: str | None) -> None:
    """Run the pipeline on files and directories of .txt, .jsonl and .csv documents.

    Writes documents, mentions, people and acronyms tables to --out and ends
    with a summary on stdout; a progress bar and errors go to stderr. A
    document that cannot be read gets a documents row with status error; the
    others go on. Tables, extraction.duckdb and manifest.json are moved into
    --out only when the run finishes; Ctrl-C stops it cleanly. The tables are
    the same, row order included, whatever --workers is. With --engine dask
    each table is a directory of Parquet files (out/mentions/part-00000.parquet ...).
    From Python: pipeline.Run (see the README).

    \b
    Example:
        vnextract run data/raw --out data/out --format csv,parquet,jsonl
        vnextract run data/raw --report --set extract.acronyms.enabled=false
        vnextract run data/raw --out data/out --resume
        vnextract run corpus/ --out data/out --workers 2
        vnextract run corpus/ --out data/out/dask --engine dask --scheduler tcp://10.0.0.5:8786
    """
    # before pyarrow is first imported, which reads it: pyarrow's default allocator (mimalloc) keeps the pages it
    # frees for reuse, above all those of the threads that decode Parquet at the commit; with malloc, which gives
    # them back, a run's peak RSS was 40 to 45 MB lower at 2,000 and at 10,000 documents
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    from .interrupt import install_stop_handlers, interrupted_message
    from .progress import count_documents, progress_bar, progress_wanted
    from .run import Run

    install_stop_handlers()
    try:
        corpus = Run(inputs, out_dir, load_config(config_path, overrides),
                     formats=[f.strip() for f in formats.split(",")] if formats else None, workers=workers,
                     chunk_size=chunk_size, engine=engine, scheduler=scheduler, resume=resume)
        if progress_wanted(quiet, sys.stderr):
            from rich.console import Console  # only for the bar: a run without one does not import rich

            total = count_documents(inputs, corpus.config.stage("ingest")["extensions"])
            with progress_bar(total, Console(stderr=True)) as advance:
                summary = corpus.write(advance)
        else:
            summary = corpus.write()
        report_path = None
        if with_report:
            from .report import write_report

            report_path = write_report(out_dir, fmt=next(f for f in SOURCE_FORMATS if f in corpus.formats))
    except _usage_errors() as exc:
        _fail(exc)
    except KeyboardInterrupt as exc:
        message, status = interrupted_message(exc, out_dir)
        click.echo(message, err=True)
        sys.exit(status)
    record = summary.record
    for error in record.errors:
        click.echo(f"error: {error['doc_id']}: {error['error']}", err=True)
    notes = []
    if record.warnings:
        notes.append(f"warnings   {len(record.warnings)} documents repaired or partly ignored (documents.warnings)")
    if resume:
        notes.append(f"resumed    {record.resumed} documents from earlier results")
    tables = ", ".join(p.name + ("/" if p.is_dir() else "") for p in summary.written) + f" in {out_dir}"
    if engine == "dask":
        tables += " (Parquet datasets)"
    if report_path is not None:
        tables += f"\nreport     {report_path}"
    _summary(record.documents, record.mentions, [e["doc_id"] for e in record.errors], tables, summary.seconds, notes)
    if strict and record.errors:
        sys.exit(1)


def _summary(n_docs: int, counts: Counter[str], error_ids: list[str], tables: str, seconds: float,
             notes: list[str] | None = None) -> None:
    click.echo(f"documents  {n_docs}  ({n_docs - len(error_ids)} ok, {len(error_ids)} error)")
    click.echo("mentions   " + "  ".join(f"{t} {counts.get(t, 0)}" for t in ENTITY_TYPES))
    for doc_id in error_ids:
        click.echo(f"  error    {doc_id}")
    for note in notes or []:
        click.echo(note)
    click.echo(f"tables     {tables}")
    click.echo(f"time       {seconds:.1f} s")


@main.command(name="eval")
@click.argument("gold_path", metavar="GOLD", type=click.Path(exists=True, path_type=Path))
@click.option("--gold-format", type=click.Choice(["auto", *GOLD_FORMATS]), default="auto", show_default=True,
              help="markup: our bracket markup (.txt); conll: token per line, BIO tag last (or in the columns "
                   "--types names); bio-jsonl: lines of {\"words\": [...], \"tags\": [...]}. auto: told from the files.")
@click.option("--types", "types", default=None, metavar="MAPPING",
              help="YAML mapping of the corpus's labels to ours (configs/eval/: vlsp2016, vlsp2018, phoner_covid19, "
                   "by name or path). Only the types it maps to are scored; the rest are reported.")
@click.option("--config", "config_path", default=str(DEFAULT_CONFIG_PATH), show_default="configs/default.yaml",
              type=click.Path(path_type=Path), help="YAML config of the pipeline to evaluate.")
@click.option("--json", "json_path", default=None, type=click.Path(path_type=Path),
              help="Also write the scores, misses and false positives as JSON to this file; "
                   "'-' prints only the JSON, on stdout.")
@click.option("--max-errors", default=20, show_default=True, help="Misses and false positives listed per type.")
@click.option("--compare", "compare_path", default=None, type=click.Path(path_type=Path),
              help="A second config (B) to score side by side with --config (A): both tables, B − A, "
                   "and the mentions B gains and loses.")
@set_option
def evaluate(gold_path: Path, gold_format: str, types: str | None, config_path: Path, json_path: Path | None,
             max_errors: int, compare_path: Path | None, overrides: tuple[str, ...]) -> None:
    """Score the pipeline on gold: a file or directory of our markup (ANNOTATION.md) or of a research corpus.

    Prints per-type precision, recall and F1, strict (same type, start and
    end) and by overlap (a prediction overlapping a gold mention of its type),
    the micro average, type confusions on overlapping spans, normalization
    accuracy, person-record accuracy, then the misses and false positives.
    CoNLL and BIO JSON-lines text is rebuilt from the tokens and read as
    pre-tokenized (unless ingest.pretokenized is set to false). With --compare,
    scores two configs (--set applies to both) side by side.

    \b
    Example:
        vnextract eval data/gold/dev --json data/out/eval.json
        vnextract eval vlsp2016/test.txt --types vlsp2016
        vnextract eval PhoNER_COVID19/data/syllable/test_syllable.json --types phoner_covid19
        vnextract eval data/gold/dev --compare configs/no_acronyms.yaml
        vnextract eval data/gold/dev --compare configs/no_acronyms.yaml --json - | jq .differences.micro
    """
    from .core import Pipeline, predict_gold
    from .corpora import load_gold, load_type_mapping, with_pretokenized
    from .entities import entity_ids
    from .evaluate import compare, format_comparison, format_report, score

    try:
        mapping = load_type_mapping(types) if types is not None else None
        gold_set = load_gold(gold_path, gold_format, mapping)
        config = with_pretokenized(load_config(config_path, overrides), gold_set.format)
        config_b = (with_pretokenized(load_config(compare_path, overrides), gold_set.format)
                    if compare_path is not None else None)
        pipeline = Pipeline(config)
        pipeline_b = Pipeline(config_b) if config_b is not None else None
    except _usage_errors() as exc:
        _fail(exc)
    gold, scope = gold_set.documents, gold_set.scope
    # cross-document identity is scored when gold records name their person (key=): entities as a run computes them
    keyed = any("key" in record.fields for doc in gold for record in doc.records)
    predicted = predict_gold(pipeline, gold)
    ids = entity_ids(predicted.values(), config) if keyed else None
    if pipeline_b is not None:
        predicted_b = predict_gold(pipeline_b, gold)
        ids_b = entity_ids(predicted_b.values(), config_b) if keyed else None
        result = compare(gold, predicted, predicted_b, _shown(config_path), _shown(compare_path), scope,
                         (ids, ids_b) if keyed else None)
        text = format_comparison(result, max_errors=max_errors)
    else:
        result = score(gold, predicted, scope, ids)
        text = format_report(result, max_errors=max_errors)
    if gold_set.format != "markup" or mapping is not None:
        text = f"gold: {gold_set.describe()}\n{text}"
    as_json = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    if json_path is not None and str(json_path) == "-":
        click.echo(as_json)
        return
    click.echo(text)
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(as_json, encoding="utf-8")


@main.command()
@click.argument("source")
@click.option("--config", "config_path", default=str(DEFAULT_CONFIG_PATH), show_default="configs/default.yaml",
              type=click.Path(path_type=Path), help="YAML config (merged over the defaults).")
@set_option
def show(source: str, config_path: Path, overrides: tuple[str, ...]) -> None:
    """Extract from one file, or from text given on the command line, and print tables of the results.

    SOURCE is a .txt/.jsonl/.csv file (every document in it is shown) or, when
    no such file exists, the text itself. Prints the text with mentions
    highlighted, then the mentions, people and acronyms.

    \b
    Example:
        vnextract show data/raw/05_canh_sat_bien_cuu_ngu_dan.txt
        vnextract show "Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP dự hội nghị."
        vnextract show "Sáng 23/9, BĐBP tổ chức hội nghị." --set extract.acronyms.enabled=false
    """
    from rich.console import Console

    from .core import Pipeline
    from .show import documents_to_show, print_results

    try:
        config = load_config(config_path, overrides)
        documents = documents_to_show(source, config.stage("ingest")["extensions"])
        pipeline = Pipeline(config)
    except _usage_errors() as exc:
        _fail(exc)
    print_results([pipeline.process(doc) for doc in documents], Console())


@main.command(name="config")
@click.option("--config", "config_path", default=str(DEFAULT_CONFIG_PATH), show_default="configs/default.yaml",
              type=click.Path(path_type=Path), help="YAML config (merged over the defaults).")
@set_option
def show_config(config_path: Path, overrides: tuple[str, ...]) -> None:
    """Print the effective config as YAML: defaults, the config file and --set merged, lexicon paths absolute.

    \b
    Example:
        vnextract config
        vnextract config --config configs/no_acronyms.yaml --set write.formats=[jsonl]
    """
    try:
        config = load_config(config_path, overrides)
    except ConfigError as exc:
        _fail(exc)
    click.echo(effective_yaml(config), nl=False)


@main.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("--out", "out_path", default=None, type=click.Path(path_type=Path),
              help="Where to write the HTML.  [default: RUN_DIR/report.html]")
@click.option("--from", "fmt", default=None, type=click.Choice(SOURCE_FORMATS),
              help="Which tables to read.  [default: the format the last run wrote]")
def report(run_dir: Path, out_path: Path | None, fmt: str | None) -> None:
    """Write one self-contained HTML report of a run's output tables (opens offline).

    An overview (documents, mentions per type, top people with rank and
    position, top organizations and places, a timeline of dates), then each
    document with its mentions highlighted by type: nested spans visible,
    acronym expansions on hover, a filter by type, search and pages.

    \b
    Example:
        vnextract run data/raw --out data/out && vnextract report data/out
        vnextract report data/out --from csv --out /tmp/report.html
    """
    from .report import write_report

    try:
        written = write_report(run_dir, out_path, fmt)
    except ReportError as exc:
        _fail(exc)
    click.echo(f"report     {written}")

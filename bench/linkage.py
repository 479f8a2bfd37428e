"""Splink (Fellegi–Sunter record linkage) against the hand-written identity rules, on the same person records.

``python -m bench.linkage --records 100000 --gold data/gold/tune`` (needs the
extra ``vnextract[linkage]``) builds the synthetic corpus of
``bench/entities.py``, gives both methods the same features of every record
the rules compare (full names, in documents of two or more), and prints
seconds and pairwise precision and recall for each: on the synthetic corpus
against its true persons, and on keyed gold against its keys (cross-document
identity as ``vnextract eval`` scores it).

Splink sees what the rules see, as comparisons with levels: organizations
(a shared one naming one organization, a shared generic one, related ones,
none), positions, other people of the documents (two or more shared, one),
and ranks over document dates (going down, equal, up). Records are blocked on
the name, so Splink decides only among namesakes, as the rules do; u is
estimated on random pairs, m and the prior by expectation maximisation on the
name blocks (the name's own weight, with term frequencies, on pairs sharing
an organization), and pairs at or above ``--threshold`` are clustered as
connected components (Splink has no cannot-link: a veto cannot stop a chain).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click
import duckdb
import pyarrow.parquet as pq

from pipeline.config import load_config
from pipeline.entities import IdentityRules, add_entities, comparable, person_key, profile
from pipeline.schema import rows_to_arrow

from .entities import pair_scores, synthetic_corpus

FEATURES = """
    SELECT p.doc_id, p.person_id, p.name, CAST(d.date AS VARCHAR) AS date, p.rank, p.position, p.organization,
           p.roles FROM read_parquet(?) p LEFT JOIN read_parquet(?) d USING (doc_id)"""


def features(people: Path, documents: Path, rules: IdentityRules, out: Path) -> int:
    """One row per compared record with the rules' view of it, as lists Splink compares; the rows written."""
    import pyarrow as pa

    rows = duckdb.execute(FEATURES, [str(people), str(documents)]).fetchall()
    keys = {(doc_id, person_id): person_key(name) for doc_id, person_id, name, *_ in rows}
    names_by_doc: dict[str, set[str]] = {}
    for (doc_id, _), key in keys.items():
        names_by_doc.setdefault(doc_id, set()).add(key)
    documents_of: dict[str, int] = {}
    for names in names_by_doc.values():
        for key in names:
            documents_of[key] = documents_of.get(key, 0) + 1
    table = []
    for doc_id, person_id, name, date, rank, position, organization, roles in rows:
        key = keys[doc_id, person_id]
        if not comparable(name, rules) or documents_of[key] < 2:
            continue
        companions = {k: documents_of[k] for k in names_by_doc[doc_id] if k != key}
        p = profile(doc_id, person_id, name, date, json.loads(roles), {"rank": rank, "position": position,
                                                                       "organization": organization}, companions,
                    rules)
        table.append({"uid": f"{doc_id}|{person_id}", "key": key, "doc_id": doc_id, "date": date, "rank": p.rank,
                      "orgs": sorted(p.organizations) or None, "specific": sorted(p.specific) or None,
                      "parts": sorted(p.parts) or None, "positions": sorted({pos for pos, _ in p.positions}) or None,
                      "companions": sorted(k for k, df in companions.items() if df <= 5) or None})
    schema = pa.schema([("uid", pa.string()), ("key", pa.string()), ("doc_id", pa.string()), ("date", pa.string()),
                        ("rank", pa.int64())] + [(c, pa.list_(pa.string())) for c in
                                                 ("orgs", "specific", "parts", "positions", "companions")])
    pq.write_table(rows_to_arrow(table, schema), out)
    return len(table)


def _settings() -> Any:
    import splink.comparison_library as cl
    from splink import SettingsCreator

    organizations = cl.CustomComparison(output_column_name="organizations", comparison_levels=[
        {"sql_condition": "orgs_l IS NULL OR orgs_r IS NULL", "label_for_charts": "unnamed", "is_null_level": True},
        {"sql_condition": "len(list_intersect(specific_l, specific_r)) > 0", "label_for_charts": "shared"},
        {"sql_condition": "len(list_intersect(orgs_l, orgs_r)) > 0", "label_for_charts": "shared generic"},
        {"sql_condition": "len(list_intersect(parts_l, specific_r)) > 0 OR len(list_intersect(parts_r, specific_l)) > 0",
         "label_for_charts": "related"},
        {"sql_condition": "ELSE", "label_for_charts": "other"},
    ])
    ranks = cl.CustomComparison(output_column_name="ranks", comparison_levels=[
        {"sql_condition": "rank_l IS NULL OR rank_r IS NULL OR date_l IS NULL OR date_r IS NULL",
         "label_for_charts": "unknown", "is_null_level": True},
        {"sql_condition": "(date_l < date_r AND rank_l > rank_r) OR (date_l > date_r AND rank_l < rank_r) "
                          "OR (date_l = date_r AND rank_l <> rank_r)", "label_for_charts": "goes down"},
        {"sql_condition": "rank_l = rank_r", "label_for_charts": "same"},
        {"sql_condition": "ELSE", "label_for_charts": "goes up"},
    ])
    return SettingsCreator(
        link_type="dedupe_only", unique_id_column_name="uid",
        blocking_rules_to_generate_predictions=["l.key = r.key AND l.doc_id <> r.doc_id"],
        comparisons=[cl.ExactMatch("key").configure(term_frequency_adjustments=True), organizations,
                     cl.ArrayIntersectAtSizes("positions", [1]), cl.ArrayIntersectAtSizes("companions", [2, 1]), ranks],
        retain_intermediate_calculation_columns=False,
    )


def splink_clusters(feature_file: Path, threshold: float, model: dict | None = None, labels: Path | None = None,
                    ) -> tuple[dict[str, str], dict]:
    """Cluster ids by uid from Splink, and the model: ``model`` as given, or trained here, m by expectation
    maximisation or, with ``labels`` (uid → true person, Parquet), from the true persons."""
    from splink import DuckDBAPI, Linker

    connection = duckdb.connect()
    if labels is not None:
        connection.execute(f"CREATE TABLE records AS SELECT f.*, l.person FROM read_parquet('{feature_file}') f "
                           f"JOIN read_parquet('{labels}') l USING (uid)")
    else:
        connection.execute(f"CREATE TABLE records AS SELECT * FROM read_parquet('{feature_file}')")
    db_api = DuckDBAPI(connection)
    records = db_api.register("records")
    linker = Linker(records, model if model is not None else _settings(), log_level=None)
    if model is None:
        linker.training.estimate_probability_two_random_records_match(
            ["l.key = r.key AND len(list_intersect(l.specific, r.specific)) > 0"], recall=0.7)
        linker.training.estimate_u_using_random_sampling(max_pairs=2_000_000)
        if labels is not None:
            linker.training.estimate_m_from_label_column("person")
        else:
            # the name's weight is learnt on pairs sharing an organization, the others' on pairs sharing the name
            linker.training.estimate_parameters_using_expectation_maximisation(
                "l.key = r.key AND l.doc_id <> r.doc_id")
            linker.training.estimate_parameters_using_expectation_maximisation(
                "len(list_intersect(l.specific, r.specific)) > 0 AND l.doc_id <> r.doc_id")
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
    rows = clusters.as_duckdbpyrelation().select("uid, cluster_id").fetchall()
    return {uid: f"S{cluster}" for uid, cluster in rows}, linker.misc.save_model_to_json()


def _with_ids(corpus: Path, clusters: dict[str, str]) -> None:
    """people.parquet of ``corpus`` with Splink's clusters as entity ids (records it does not compare stay alone)."""
    people = pq.read_table(corpus / "people.parquet")
    ids = [clusters.get(f"{d}|{p}", f"{d}|{p}") for d, p in zip(people.column("doc_id").to_pylist(),
                                                                 people.column("person_id").to_pylist())]
    column = rows_to_arrow([{"entity_id": i} for i in ids], people.select(["entity_id"]).schema).column(0)
    pq.write_table(people.drop(["entity_id"]).append_column(people.schema.field("entity_id"), column),
                   corpus / "people.parquet")


def synthetic_comparison(records: int, work: Path, threshold: float) -> tuple[dict[str, Any], dict[str, dict]]:
    """Rules and Splink (m by EM, and m from the true persons) on one synthetic corpus; the Splink models."""
    rules = IdentityRules.from_config(load_config())
    corpus = synthetic_corpus(records, work / "corpus")
    started = time.perf_counter()
    add_entities(corpus, None, rules)
    report: dict[str, Any] = {"records": records, "rules": {"seconds": time.perf_counter() - started,
                                                            **pair_scores(corpus)}}
    labels = work / "labels.parquet"
    duckdb.execute(f"COPY (SELECT doc_id || '|' || person_id AS uid, person FROM read_parquet('{corpus}/truth.parquet'))"
                   f" TO '{labels}'")
    models = {}
    for name, with_labels in (("splink_em", None), ("splink_labels", labels)):
        started = time.perf_counter()
        features(corpus / "people.parquet", corpus / "documents.parquet", rules, work / "features.parquet")
        clusters, models[name] = splink_clusters(work / "features.parquet", threshold, labels=with_labels)
        seconds = time.perf_counter() - started
        _with_ids(corpus, clusters)
        report[name] = {"seconds": seconds, "threshold": threshold, **pair_scores(corpus)}
    return report, models


def gold_comparison(gold_dir: Path, work: Path, models: dict[str, dict], threshold: float) -> dict[str, Any]:
    """Cross-document identity on keyed gold: the rules' ids and Splink's (the models trained on the synthetic
    corpus), all over the records the pipeline finds in the gold documents."""
    from pipeline.core import Pipeline, predict_gold
    from pipeline.entities import entity_ids
    from pipeline.evaluate import score
    from pipeline.gold import read_gold_dir
    from pipeline.write import TableWriter

    config = load_config()
    gold = read_gold_dir(gold_dir)
    predicted = predict_gold(Pipeline(config), gold)
    rules_ids = entity_ids(predicted.values(), config)
    out = work / "gold"
    writer = TableWriter(out, ["parquet"], steps=[])
    writer.write_batch(list(predicted.values()))
    writer.commit()
    features(out / "people.parquet", out / "documents.parquet", IdentityRules.from_config(config),
             work / "gold-features.parquet")
    methods = {"rules": rules_ids}
    for name, model in models.items():
        clusters, _ = splink_clusters(work / "gold-features.parquet", threshold, model)
        methods[name] = {key: clusters.get(f"{key[0]}|{key[1]}", f"{key[0]}|{key[1]}") for key in rules_ids}
    result = {}
    for name, ids in methods.items():
        identity = score(gold, predicted, entity_ids=ids).identity
        result[name] = {"gold_pairs": identity.gold, "pred_pairs": identity.pred, "tp": identity.tp,
                        "precision": identity.precision, "recall": identity.recall}
    return result


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--records", default=100_000, show_default=True, type=click.IntRange(min=100))
@click.option("--gold", "gold_dirs", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Keyed gold sets to compare on (repeatable).")
@click.option("--threshold", default=0.95, show_default=True, help="Splink's match probability for a link.")
def main(records: int, gold_dirs: tuple[Path, ...], threshold: float) -> None:
    """Splink against the identity rules: seconds and pairwise precision/recall, synthetic and gold."""
    with tempfile.TemporaryDirectory(prefix="vnextract-linkage-") as tmp:
        synthetic, models = synthetic_comparison(records, Path(tmp), threshold)
        report = {"synthetic": synthetic, "gold": {str(d): gold_comparison(d, Path(tmp) / d.name, models, threshold)
                                                   for d in gold_dirs}}
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

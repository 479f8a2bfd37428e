"""Quality floors on the gold dev sets, through the library (what ``vnextract eval`` runs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core import Pipeline, predict_gold
from pipeline.evaluate import EvalReport, score
from pipeline.gold import read_gold_dir

REPO_DEV = Path(__file__).resolve().parents[1] / "data" / "gold" / "dev"
# held out: annotated without looking at the pipeline's output, never tuned on
REPO_TEST = Path(__file__).resolve().parents[1] / "data" / "gold" / "test"
SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"

# floors below the figures measured on 2026-11-29 (dev: micro 0.990, every type >= 0.972; shared: 1.000),
# at or above what issues 3 and 4 ask; a regression below them fails CI
REPO_MICRO_F1 = 0.95
REPO_TYPE_F1 = {"PERSON": 0.90, "RANK": 0.90, "POSITION": 0.90, "ORG": 0.90, "ACRONYM": 0.90,
                "PLACE": 0.90, "DATE": 0.90}
REPO_NORM_ACCURACY = {"PLACE": 0.95, "DATE": 0.95}
REPO_RECORDS_F1 = 0.90
REPO_TEST_MICRO_F1 = 0.93  # measured 0.977 on 6 held-out documents
SHARED_MICRO_F1 = 0.95
SHARED_RECORD_FIELD = 0.95
SHARED_EXACT_TYPES = ("PLACE", "DATE")  # F1 and normalization accuracy 1.0


def evaluate(pipe: Pipeline, gold_dir: Path) -> EvalReport:
    gold = read_gold_dir(gold_dir)
    predicted = predict_gold(pipe, gold)
    for doc_id, result in predicted.items():
        assert result.status == "ok", (doc_id, result.error)
    return score(gold, predicted)


def has_gold(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*.txt"))


@pytest.mark.skipif(not has_gold(REPO_DEV), reason="no repository dev gold")
def test_repo_dev_floor(pipe: Pipeline) -> None:
    report = evaluate(pipe, REPO_DEV)
    assert report.micro.f1 is not None and report.micro.f1 >= REPO_MICRO_F1, report.micro.counts()
    for name, floor in REPO_TYPE_F1.items():
        assert (report.types[name].f1 or 0.0) >= floor, report.types[name].counts()
    for name, floor in REPO_NORM_ACCURACY.items():
        assert (report.types[name].norm_accuracy or 0.0) >= floor, report.types[name].normalization()
    assert (report.records.f1 or 0.0) >= REPO_RECORDS_F1


@pytest.mark.skipif(not has_gold(REPO_TEST), reason="no repository test gold")
def test_repo_held_out_floor(pipe: Pipeline) -> None:
    report = evaluate(pipe, REPO_TEST)
    assert report.micro.f1 is not None and report.micro.f1 >= REPO_TEST_MICRO_F1, report.micro.counts()


@pytest.mark.skipif(not has_gold(SHARED_DEV), reason="no shared dev gold")
def test_shared_dev_floor(pipe: Pipeline) -> None:
    report = evaluate(pipe, SHARED_DEV)
    assert report.micro.f1 is not None and report.micro.f1 >= SHARED_MICRO_F1, report.micro.counts()
    for field in ("rank", "position", "organization"):
        accuracy = report.records.field_accuracy(field)
        assert accuracy is None or accuracy >= SHARED_RECORD_FIELD, (field, accuracy)
    for name in SHARED_EXACT_TYPES:
        assert report.types[name].f1 == 1.0, report.types[name].counts()
        assert report.types[name].norm_accuracy == 1.0, report.types[name].normalization()

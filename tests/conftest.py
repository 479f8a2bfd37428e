"""Shared fixtures: the default Config and one Pipeline for the whole session (building one loads models)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.config import Config, load_config
from pipeline.ingest import allow_long_csv_fields
from pipeline.core import Pipeline
from pipeline.model import DocumentResult, RawDocument

Triple = tuple[str, str, "str | None"]

allow_long_csv_fields()  # tests read documents.csv, whose text column holds whole documents


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="session")
def pipe(config: Config) -> Pipeline:
    return Pipeline(config)


@pytest.fixture(scope="session")
def process(pipe: Pipeline) -> Callable[..., DocumentResult]:
    """Run one text through the session pipeline; fail loudly if the document errored."""

    def run(text: str, date: str | None = None, doc_id: str = "t.txt") -> DocumentResult:
        result = pipe.process(RawDocument(doc_id, text, date=date))
        assert result.status == "ok", result.error
        for m in result.mentions:
            assert text[m.start:m.end] == m.text, m
        return result

    return run


@pytest.fixture(scope="session")
def extract(process: Callable[..., DocumentResult]) -> Callable[..., list[Triple]]:
    """Mentions of one text as (type, text, normalized) tuples, in document order."""

    def run(text: str, date: str | None = None) -> list[Triple]:
        return [(m.type, m.text, m.normalized) for m in process(text, date=date).mentions]

    return run

"""A fingerprint of every result field over the benchmark corpus and the project's documents.

Speed work must not change what the pipeline finds. ``record`` writes one
line per document, ``doc_id`` and the SHA-256 of the document's whole
DocumentResult (the document as read, every mention with its offsets, value,
source, attributes and sentence, every person and acronym record, the
expanded text); ``tests/test_same_results.py`` computes them again and names
the documents whose results moved. A change that is meant to change results
(a new rule, a lexicon entry) records the file again:

    python -m bench.results tests/expected/results.sha256
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from pipeline.config import load_config
from pipeline.gold import read_gold_dir
from pipeline.ingest import iter_inputs, parse_header
from pipeline.model import DocumentResult, RawDocument
from pipeline.parallel import process_documents

from .corpus import PROJECT_DIR, build_corpus

CORPUS_SIZE = 2000
GOLD_DIRS = (PROJECT_DIR / "data" / "gold" / "dev", PROJECT_DIR / "data" / "gold" / "test")


def record_digest(record: dict) -> str:
    """SHA-256 of ``asdict(result)`` without the document's ``source``: where the file was read, not a result
    (the benchmark corpus is written to a new temporary folder each time)."""
    record = {**record, "doc": {k: v for k, v in record["doc"].items() if k != "source"}}
    return hashlib.sha256(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def result_digest(result: DocumentResult) -> str:
    """SHA-256 of every field of ``result``, its document included (see ``record_digest``)."""
    return record_digest(asdict(result))


def documents(corpus_dir: Path) -> Iterator[RawDocument]:
    """The benchmark corpus (written to ``corpus_dir``), data/raw, and the raw text of the gold sets.

    Gold documents are read as ``predict_gold`` reads them, with a prefix that
    keeps their ids apart from data/raw's.
    """
    yield from iter_inputs([build_corpus(CORPUS_SIZE, corpus_dir)])
    yield from iter_inputs([PROJECT_DIR / "data" / "raw"])
    for gold_dir in GOLD_DIRS:
        for doc in read_gold_dir(gold_dir):
            try:
                date, title = parse_header(doc.raw)
            except ValueError:
                date, title = None, None
            yield RawDocument(f"{gold_dir.name}/{doc.doc_id}", doc.raw, title=title, date=date)


def digests(workers: int | None = None) -> dict[str, str]:
    """``doc_id`` → result digest for every document of ``documents``, by the default config."""
    with tempfile.TemporaryDirectory(prefix="vnextract-results-") as tmp:
        results = process_documents(load_config(), documents(Path(tmp) / "corpus"), workers=workers)
        return {result.doc.doc_id: result_digest(result) for result in results}


def read_digests(path: Path) -> dict[str, str]:
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {doc_id: digest for doc_id, digest in pairs}


def record(path: Path) -> int:
    """Write the digests to ``path``; the number of documents."""
    found = digests()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{doc_id}\t{digest}\n" for doc_id, digest in found.items()), encoding="utf-8")
    return len(found)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bench.results OUT_FILE")
    print(f"{record(Path(sys.argv[1]))} documents")

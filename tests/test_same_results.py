"""Every result field over the benchmark corpus, data/raw and the gold sets is what it was before the speed work.

``tests/expected/results.sha256`` holds one digest per document of its whole
DocumentResult (``bench/results.py``), recorded from the code before the
speed work of issue 15 (067b20a). A change that is meant to change results
records the file again: ``python -m bench.results tests/expected/results.sha256``.
"""

from __future__ import annotations

from pathlib import Path

from bench.results import digests, read_digests

EXPECTED = Path(__file__).resolve().parent / "expected" / "results.sha256"


def test_every_result_field_is_unchanged() -> None:
    expected = read_digests(EXPECTED)
    found = digests()
    assert list(found) == list(expected)  # the same documents, in the same order
    moved = [doc_id for doc_id, digest in found.items() if expected[doc_id] != digest]
    assert not moved, (f"{len(moved)} of {len(found)} documents have other results, e.g. {moved[:5]}; "
                       "if that is meant, run: python -m bench.results tests/expected/results.sha256")

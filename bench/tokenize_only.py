"""Measurement (a): underthesea ``word_tokenize`` alone over a corpus, its models loaded beforehand.

Run as ``python -m bench.tokenize_only CORPUS_DIR``; prints one JSON object
(documents, characters, seconds) on stdout. Reading the files and loading
the models are outside the timed part.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from underthesea import word_tokenize

from pipeline.ingest import iter_inputs


def tokenize_seconds(texts: list[str]) -> float:
    word_tokenize("Sáng 23/9, Bộ Tư lệnh Bộ đội Biên phòng tổ chức hội nghị.")  # loads the model
    started = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    return time.perf_counter() - started


def main(corpus: Path) -> None:
    texts = [doc.text for doc in iter_inputs([corpus])]
    seconds = tokenize_seconds(texts)
    print(json.dumps({"docs": len(texts), "chars": sum(map(len, texts)), "seconds": seconds}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

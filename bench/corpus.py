"""A deterministic corpus of N distinct documents recombined from the project's sample documents.

The paragraphs, titles and dates come from ``data/raw`` and from the raw text
of ``data/gold/dev`` (markup removed); document k takes a title, a date and
two to four paragraphs chosen by a random generator seeded with k, and no
two documents have the same paragraphs. Document k is the same whatever N,
so the corpus of 5N starts with the corpus of N.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from pipeline.gold import read_gold_dir
from pipeline.ingest import iter_inputs, parse_header

PROJECT_DIR = Path(__file__).resolve().parents[1]
SOURCES = (PROJECT_DIR / "data" / "raw", PROJECT_DIR / "data" / "gold" / "dev")
PARAGRAPHS_PER_DOCUMENT = (2, 4)


@dataclass(frozen=True)
class SamplePool:
    titles: tuple[str, ...]
    dates: tuple[str, ...]
    paragraphs: tuple[str, ...]


def _body(text: str) -> list[str]:
    """The non-empty lines of a document after its ``date YYYY-MM-DD Title`` header, if it has one."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and parse_header(text)[0] is not None:
        lines = lines[1:]
    return [line.strip() for line in lines if line.strip()]


def sample_pool(raw_dir: Path = SOURCES[0], gold_dir: Path = SOURCES[1]) -> SamplePool:
    """Titles, dates and paragraphs of every sample document, in a fixed order, without repeats."""
    titles: dict[str, None] = {}
    dates: dict[str, None] = {}
    paragraphs: dict[str, None] = {}
    samples = [(doc.date, doc.title, doc.text) for doc in iter_inputs([raw_dir]) if doc.error is None]
    samples += [(*parse_header(doc.raw), doc.raw) for doc in read_gold_dir(gold_dir)]
    for date, title, text in samples:
        if date:
            dates[date] = None
        if title:
            titles[title] = None
        paragraphs.update(dict.fromkeys(_body(text)))
    if not titles or not dates or len(paragraphs) < PARAGRAPHS_PER_DOCUMENT[1]:
        raise ValueError(f"too few sample documents in {raw_dir} and {gold_dir} to build a corpus")
    return SamplePool(tuple(titles), tuple(sorted(dates)), tuple(paragraphs))


def document(pool: SamplePool, k: int, used: set[tuple[int, ...]]) -> str:
    """Document k: a ``.txt`` with a header line; its choice of paragraphs is not in ``used`` (and is added)."""
    rng = random.Random(k)
    while True:
        chosen = tuple(rng.sample(range(len(pool.paragraphs)), rng.randint(*PARAGRAPHS_PER_DOCUMENT)))
        if chosen not in used:
            used.add(chosen)
            break
    header = f"date {rng.choice(pool.dates)} {pool.titles[k % len(pool.titles)]}"
    return "\n".join([header, *(pool.paragraphs[i] for i in chosen)]) + "\n"


def build_corpus(n: int, directory: Path, pool: SamplePool | None = None) -> Path:
    """Write ``doc-000000.txt`` … for documents 0..n-1 into ``directory`` (emptied first); return it."""
    if n < 1:
        raise ValueError(f"a corpus needs at least one document, got n={n}")
    pool = pool or sample_pool()
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    used: set[tuple[int, ...]] = set()
    for k in range(n):
        (directory / f"doc-{k:06d}.txt").write_text(document(pool, k, used), encoding="utf-8")
    return directory

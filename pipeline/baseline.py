"""underthesea's own ``ner()`` as a baseline, scored by the same rules as the pipeline.

underthesea tags words with ``B-``/``I-`` ``PER``, ``ORG``, ``LOC`` and ``MISC``;
here ``PER`` → PERSON, ``ORG`` → ORG and ``LOC`` → PLACE, with character
offsets aligned back to the raw text, line by line (its model is trained on
sentences). Punctuation at the edges of a tagged run is trimmed, so the
baseline is not penalised for a stray ``,`` it tags. Run it on gold data:

    python -m pipeline.baseline data/gold/dev

prints, for PERSON, ORG and PLACE, the pipeline's and underthesea's P/R/F1.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path

from .config import DEFAULT_CONFIG_PATH, load_config
from .core import Pipeline, _first_char, predict_gold
from .evaluate import EvalReport, TypeScore, score
from .gold import GoldDocument, read_gold_dir
from .model import DocumentResult, Mention, RawDocument
from .segment import align

TAG_TO_TYPE = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
COMPARED_TYPES = ("PERSON", "ORG", "PLACE")
LEADING = re.compile(r"^[\W_]+")
TRAILING = re.compile(r"[\W_]+$")


def bio_spans(tags: list[str], spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(type, start, end) of each B-/I- run of one type over word character spans.

    >>> bio_spans(["B-PER", "I-PER", "O", "B-LOC"], [(0, 2), (3, 5), (6, 8), (9, 12)])
    [('PER', 0, 5), ('LOC', 9, 12)]
    """
    runs: list[tuple[str, int, int]] = []
    for tag, (start, end) in zip(tags, spans):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if kind is None:
            continue
        if tag.startswith("I-") and runs and runs[-1][0] == kind and runs[-1][2] <= start:
            runs[-1] = (kind, runs[-1][1], end)
        else:
            runs.append((kind, start, end))
    return runs


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without punctuation or spaces at its edges (may become empty)."""
    piece = text[start:end]
    left = LEADING.match(piece)
    right = TRAILING.search(piece)
    new_start = start + (left.end() if left else 0)
    new_end = end - (len(right.group()) if right else 0)
    return new_start, max(new_start, new_end)


def ner_mentions(text: str, first_char: int = 0) -> list[Mention]:
    """underthesea ``ner()`` on each non-empty line of ``text[first_char:]``, as Mentions in ``text`` offsets."""
    from underthesea import ner

    mentions = []
    for line in re.finditer(r"[^\n]+", text[first_char:]):
        if not line.group().strip():
            continue
        offset = first_char + line.start()
        tagged = ner(line.group())
        spans = align(text, [word for word, *_ in tagged], offset, offset + len(line.group()))
        for kind, start, end in bio_spans([t[-1] for t in tagged], spans):
            if kind not in TAG_TO_TYPE:
                continue
            start, end = trim(text, start, end)
            if end > start:
                mentions.append(Mention(TAG_TO_TYPE[kind], start, end, text[start:end], source="underthesea.ner"))
    return mentions


def predict_underthesea(gold: Iterable[GoldDocument]) -> dict[str, DocumentResult]:
    return {
        doc.doc_id: DocumentResult(RawDocument(doc.doc_id, doc.raw), mentions=ner_mentions(doc.raw, _first_char(doc.raw)))
        for doc in gold
    }


def side_by_side(ours: EvalReport, theirs: EvalReport, types: Iterable[str] = COMPARED_TYPES) -> str:
    """A plain-text table of both systems' P/R/F1 per type."""
    def cells(s: TypeScore) -> str:
        figures = "/".join("-" if v is None else f"{v:.3f}" for v in (s.precision, s.recall, s.f1))
        return f"{s.pred:>5} {s.tp:>5}  {figures:<17}"

    header = (f"{'':<8} {'':>5}   {'vnextract':<29} {'underthesea ner()':<29}\n"
              f"{'type':<8} {'gold':>5}   {'pred':>5} {'tp':>5}  {'P/R/F1':<17} {'pred':>5} {'tp':>5}  {'P/R/F1':<17}")
    lines = [header, "-" * 70]
    for name in types:
        lines.append(f"{name:<8} {ours.types[name].gold:>5}   {cells(ours.types[name])} {cells(theirs.types[name])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.baseline", description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG_PATH)
    args = parser.parse_args(argv)
    gold = read_gold_dir(args.gold_dir)
    ours = score(gold, predict_gold(Pipeline(load_config(args.config)), gold))
    theirs = score(gold, predict_underthesea(gold))
    print(f"documents: {len(gold)}\n")
    print(side_by_side(ours, theirs))


if __name__ == "__main__":
    main()

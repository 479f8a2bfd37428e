"""underthesea's own ``ner()`` as a baseline, scored by the same rules as the pipeline.

underthesea tags words with ``B-``/``I-`` ``PER``, ``ORG``, ``LOC`` and ``MISC``;
here ``PER`` → PERSON, ``ORG`` → ORG and ``LOC`` → PLACE, with character
offsets aligned back to the raw text, line by line (its model is trained on
sentences). Punctuation at the edges of a tagged run is trimmed, so the
baseline is not penalised for a stray ``,`` it tags. Pre-tokenized text
(``ingest.pretokenized``) is given to it as it is given to the extractors,
rewritten the way the genre writes it, and mapped back. Run it on gold data
in any layout ``vnextract eval`` reads:

    python -m pipeline.baseline data/gold/dev
    python -m pipeline.baseline vlsp2016/test.txt --types vlsp2016

prints, for PERSON, ORG and PLACE (those the gold scores), the pipeline's and
underthesea's P/R/F1, strict and by overlap.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path

from .config import DEFAULT_CONFIG_PATH, load_config
from .core import Pipeline, _first_char, predict_gold
from .corpora import GOLD_FORMATS, load_gold, load_type_mapping, with_pretokenized
from .evaluate import EvalReport, Scope, TypeScore, score
from .gold import GoldDocument
from .model import DocumentResult, Mention, RawDocument
from .normalize import NormalizedText, read_pretokenized, reads_pretokenized
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


def ner_mentions(text: str, first_char: int = 0, pretokenized: str | bool = False) -> list[Mention]:
    """underthesea ``ner()`` on each non-empty line of ``text`` from ``first_char``, as Mentions in ``text`` offsets.

    Text read as pre-tokenized (see :func:`~pipeline.normalize.reads_pretokenized`)
    is tagged as the genre writes it and the spans are mapped back.
    """
    from underthesea import ner

    view = NormalizedText(text=text, raw_length=len(text))
    if reads_pretokenized(text, pretokenized):
        view = read_pretokenized(view)
        first_char = _first_char(view.text)
    seen = view.text
    mentions = []
    for line in re.finditer(r"[^\n]+", seen[first_char:]):
        if not line.group().strip():
            continue
        offset = first_char + line.start()
        tagged = ner(line.group())
        spans = align(seen, [word for word, *_ in tagged], offset, offset + len(line.group()))
        for kind, start, end in bio_spans([t[-1] for t in tagged], spans):
            if kind not in TAG_TO_TYPE:
                continue
            start, end = trim(seen, start, end)
            if end > start:
                start, end = view.raw_span(start, end)
                mentions.append(Mention(TAG_TO_TYPE[kind], start, end, text[start:end], source="underthesea.ner"))
    return mentions


def predict_underthesea(gold: Iterable[GoldDocument], pretokenized: str | bool = False) -> dict[str, DocumentResult]:
    return {
        doc.doc_id: DocumentResult(RawDocument(doc.doc_id, doc.raw),
                                   mentions=ner_mentions(doc.raw, _first_char(doc.raw), pretokenized))
        for doc in gold
    }


def side_by_side(ours: EvalReport, theirs: EvalReport, types: Iterable[str] = COMPARED_TYPES) -> str:
    """A plain-text table of both systems' P/R/F1 per type, strict and by overlap."""
    def cells(s: TypeScore) -> str:
        strict = "/".join("-" if v is None else f"{v:.3f}" for v in (s.precision, s.recall, s.f1))
        overlap = "/".join("-" if v is None else f"{v:.3f}"
                           for v in (s.overlap_precision, s.overlap_recall, s.overlap_f1))
        return f"{s.pred:>5} {s.tp:>5}  {strict:<17}  {overlap:<17}"

    header = (f"{'':<8} {'':>5}   {'vnextract':<49} {'underthesea ner()':<49}\n"
              f"{'type':<8} {'gold':>5}   {'pred':>5} {'tp':>5}  {'strict P/R/F1':<17}  {'overlap P/R/F1':<17} "
              f"{'pred':>5} {'tp':>5}  {'strict P/R/F1':<17}  {'overlap P/R/F1':<17}")
    lines = [header, "-" * 114]
    for name in types:
        lines.append(f"{name:<8} {ours.types[name].gold:>5}   {cells(ours.types[name])} {cells(theirs.types[name])}")
    return "\n".join(line.rstrip() for line in "\n".join(lines).split("\n"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.baseline", description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="a gold file or directory, as vnextract eval reads it")
    parser.add_argument("--gold-format", default="auto", choices=("auto", *GOLD_FORMATS))
    parser.add_argument("--types", default=None, help="type mapping of the corpus's labels (configs/eval/)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG_PATH)
    args = parser.parse_args(argv)
    gold_set = load_gold(args.gold, args.gold_format, load_type_mapping(args.types) if args.types else None)
    config = with_pretokenized(load_config(args.config), gold_set.format)
    gold, scope = gold_set.documents, gold_set.scope
    ours = score(gold, predict_gold(Pipeline(config), gold), scope)
    theirs = score(gold, predict_underthesea(gold, config.stage("ingest")["pretokenized"]), scope)
    types = [name for name in COMPARED_TYPES if name in ours.types]
    print(f"documents: {len(gold)}" + ("" if scope == Scope() else f" ({gold_set.describe()})") + "\n")
    print(side_by_side(ours, theirs, types))


if __name__ == "__main__":
    main()

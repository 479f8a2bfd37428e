"""RANK: military and police ranks (cấp bậc quân hàm), any capitalisation.

    >>> [(s.text, s._.normalized, s._.attrs["order"]) for s in extract_ranks(doc)]  # doc of "Đại tá Lê Văn Hùng"
    [('Đại tá', 'Đại tá', 12)]

``Đại tá`` and ``Đại tướng`` are distinct phrases; the longest match wins
(``Phó Đô đốc`` over ``Đô đốc``). The force (QĐND, CAND) goes in attrs when
the text names it within a few words after the rank.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..lexicons import Rank, RankLexicon
from ..segment import tokens_text
from .base import add_spans, make_span, pattern, span_text

FORCE_WINDOW = 4


class RankExtractor:
    """spaCy component: writes ``doc.spans["RANK"]``."""

    def __init__(self, nlp: Language, lexicon: RankLexicon):
        self.by_form: dict[str, Rank] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rank in lexicon.ranks:
            for form in (rank.name, *rank.variants):
                self.by_form[form.lower()] = rank
                self.matcher.add("RANK", [pattern(nlp.vocab, form)])
        self.force_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forces: dict[str, str] = {}
        for cue, force in lexicon.forces.items():
            self.forces[cue.lower()] = force
            self.force_matcher.add("FORCE", [pattern(nlp.vocab, cue)])

    def __call__(self, doc: Doc) -> Doc:
        # by start, so that the first cue after a rank is found by bisection, not by scanning every cue
        forces = sorted(((start, self.forces[tokens_text(doc, start, end).lower()])
                         for _, start, end in self.force_matcher(doc)), key=lambda cue: cue[0])
        force_starts = [start for start, _ in forces]
        spans = []
        for found in filter_spans(self.matcher(doc, as_spans=True)):
            rank = self.by_form[span_text(found).lower()]
            attrs: dict[str, object] = {"order": rank.order, "category": rank.category}
            first = bisect_left(force_starts, found.end)
            force = forces[first][1] if first < len(forces) and forces[first][0] < found.end + FORCE_WINDOW else None
            if force:
                attrs["force"] = force
            spans.append(make_span(doc, found.start, found.end, "RANK", rank.name, "ranks.lexicon", attrs))
        add_spans(doc, "RANK", spans)
        return doc


@Language.factory("vnx_ranks", default_config={"lexicon": ""})
def make_rank_extractor(nlp: Language, name: str, lexicon: str) -> RankExtractor:
    return RankExtractor(nlp, RankLexicon.load(Path(lexicon)))

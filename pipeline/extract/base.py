"""Shared span plumbing for the extractors.

Every extractor writes candidate spans to its own span group (``doc.spans["RANK"]``
…); a span's label is its entity type and its extension attributes hold the
normalized value, the rule that produced it and its attributes. The final
choice between overlapping candidates is made once, in ``mentions.py``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..segment import PIECE, is_acronym_form, looks_like_word, text_of  # noqa: F401 (shared with the extractors)


# what a span's extension attributes hold, in the order of the record kept per span in ``doc.user_data``
VALUES = ("normalized", "source", "attrs")
# the country the news is of: a body or a person of it is ours, not the other side's
HOME_COUNTRY = "Việt Nam"


def _key(label: str, start_char: int, end_char: int) -> tuple:
    # spaCy keys span extension values by offsets alone; an ORG and an ACRONYM over the same
    # characters (``Phó Tư lệnh BĐBP``) must not share them, so the label is part of the key
    return ("vnx", label, start_char, end_char)


def _extension(index: int) -> tuple:
    def get(span: Span) -> Any:
        record = span.doc.user_data.get(_key(span.label_, span.start_char, span.end_char))
        return None if record is None else record[index]

    def set_(span: Span, value: Any) -> None:
        record = span.doc.user_data.setdefault(_key(span.label_, span.start_char, span.end_char), [None] * len(VALUES))
        record[index] = value

    return get, set_


for _index, _name in enumerate(VALUES):
    _get, _set = _extension(_index)
    Span.set_extension(_name, getter=_get, setter=_set, force=True)


def pattern(vocab: Vocab, phrase: str) -> Doc:
    """A phrase-matcher pattern tokenized as documents are: syllables and single punctuation marks.

    ``nlp.make_doc("Cục Phòng, chống")`` would keep ``Phòng,`` as one token and never match.
    """
    return Doc(vocab, words=PIECE.findall(phrase))


def make_span(doc: Doc, start: int, end: int, label: str, normalized: str | None, source: str,
              attrs: dict[str, Any] | None = None) -> Span:
    span = Span(doc, start, end, label=label)
    # what span._.normalized = … stores, without building an Underscore object per value
    doc.user_data[_key(label, span.start_char, span.end_char)] = [normalized, source, dict(attrs or {})]
    return span


def span_values(span: Span) -> tuple[str | None, str | None, dict[str, Any] | None]:
    """``(span._.normalized, span._.source, span._.attrs)`` in one look-up of the span's key."""
    record = span.doc.user_data.get(_key(span.label_, span.start_char, span.end_char))
    return (None, None, None) if record is None else (record[0], record[1], record[2])


def set_span_values(span: Span, normalized: str | None, source: str, attrs: dict[str, Any] | None = None) -> None:
    """Give a span already made by :func:`make_span` another value: a later stage that knows better."""
    span.doc.user_data[_key(span.label_, span.start_char, span.end_char)] = [normalized, source, dict(attrs or {})]


def char_span(doc: Doc, start: int, end: int, label: str, normalized: str | None, source: str,
              attrs: dict[str, Any] | None = None) -> Span | None:
    """A span for character offsets in ``doc.text``; None when they cut through a token."""
    found = doc.char_span(start, end)
    if found is None:
        return None
    return make_span(doc, found.start, found.end, label, normalized, source, attrs)


def add_spans(doc: Doc, key: str, spans: list[Span]) -> None:
    existing = list(doc.spans[key]) if key in doc.spans else []
    doc.spans[key] = existing + spans


def is_title(token: Token) -> bool:
    """A capitalised word (``Nghị``, ``BĐBP``), the shape of names in Vietnamese."""
    return token.is_alpha and token.text[0].isupper()


def initial_letter(syllable: str) -> str:
    """The letter an abbreviation takes from a syllable: its first letter without tone marks; Đ stays Đ."""
    first = syllable[:1].upper()
    if first == "Đ":
        return "Đ"
    return unicodedata.normalize("NFD", first)[:1]


class LazySpanChoice:
    """``{s.start: s for s in filter_spans([s for s in spans if keep(s)])}``, each start resolved when first looked up.

    A span is taken when no span taken before it in filter_spans' order
    (longest first, then leftmost) holds its first or last token and ``keep``
    says yes. Looking a start up asks ``keep`` only of the spans that decide
    it, so a costly ``keep`` is paid where the grammar looks, not everywhere.
    """

    def __init__(self, spans: Iterable[Span], keep: Callable[[Span], bool]):
        self.order = sorted(spans, key=lambda span: (span.end - span.start, -span.start), reverse=True)
        self.keep = keep
        self.by_start: dict[int, list[int]] = {}  # start → ranks of the spans starting there
        self.holding: dict[int, list[int]] = {}  # token → ranks of the spans over it, in rank order
        for rank, span in enumerate(self.order):
            self.by_start.setdefault(span.start, []).append(rank)
            for token in range(span.start, span.end):
                self.holding.setdefault(token, []).append(rank)
        self.taken: dict[int, bool] = {}

    def _is_taken(self, rank: int) -> bool:
        # depth-first over the spans ranked before, with a stack: chains of overlaps may be long
        stack = [rank]
        while stack:
            top = stack[-1]
            if top in self.taken:
                stack.pop()
                continue
            span = self.order[top]
            blocked, pending = False, None
            for token in (span.start, span.end - 1):
                for before in self.holding.get(token, ()):
                    if before >= top:
                        break
                    state = self.taken.get(before)
                    if state is None:
                        pending = before
                        break
                    if state:
                        blocked = True
                        break
                if blocked or pending is not None:
                    break
            if pending is not None:
                stack.append(pending)
                continue
            self.taken[top] = not blocked and self.keep(span)
            stack.pop()
        return self.taken[rank]

    def get(self, start: int) -> Span | None:
        for rank in self.by_start.get(start, ()):
            if self._is_taken(rank):
                return self.order[rank]
        return None

    def __contains__(self, start: int) -> bool:
        return self.get(start) is not None

    def __getitem__(self, start: int) -> Span:
        span = self.get(start)
        if span is None:
            raise KeyError(start)
        return span

    def starts(self) -> list[int]:
        """Every start of a candidate span, taken or not, in text order."""
        return sorted(self.by_start)

    def candidates(self, start: int) -> list[Span]:
        """The candidate spans starting at ``start``, taken or not."""
        return [self.order[rank] for rank in self.by_start.get(start, ())]


def span_text(span: Span) -> str:
    """``span.text``, sliced out of the Doc's text: spaCy joins the span's tokens again on each access."""
    return text_of(span.doc)[span.start_char:span.end_char]


def spans_of(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


def span_starting_at(spans: list[Span]) -> dict[int, Span]:
    """Longest span per start token."""
    table: dict[int, Span] = {}
    for span in spans:
        if span.start not in table or len(span) > len(table[span.start]):
            table[span.start] = span
    return table

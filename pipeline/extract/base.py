"""Shared span plumbing for the extractors.

Every extractor writes candidate spans to its own span group (``doc.spans["RANK"]``
…); a span's label is its entity type and its extension attributes hold the
normalized value, the rule that produced it and its attributes. The final
choice between overlapping candidates is made once, in ``mentions.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..segment import PIECE, is_acronym_form, looks_like_word  # noqa: F401 (shared with the extractors)


def _key(name: str, label: str, start_char: int, end_char: int) -> tuple:
    # spaCy keys span extension values by offsets alone; an ORG and an ACRONYM over the same
    # characters (``Phó Tư lệnh BĐBP``) must not share them, so the label is part of the key
    return ("vnx", name, label, start_char, end_char)


def _extension(name: str) -> tuple:
    def get(span: Span) -> Any:
        return span.doc.user_data.get(_key(name, span.label_, span.start_char, span.end_char))

    def set_(span: Span, value: Any) -> None:
        span.doc.user_data[_key(name, span.label_, span.start_char, span.end_char)] = value

    return get, set_


for _name in ("normalized", "source", "attrs"):
    _get, _set = _extension(_name)
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
    start_char, end_char = span.start_char, span.end_char
    doc.user_data[_key("normalized", label, start_char, end_char)] = normalized
    doc.user_data[_key("source", label, start_char, end_char)] = source
    doc.user_data[_key("attrs", label, start_char, end_char)] = dict(attrs or {})
    return span


def span_values(span: Span) -> tuple[str | None, str | None, dict[str, Any] | None]:
    """``(span._.normalized, span._.source, span._.attrs)`` in one look-up of the span's key."""
    label, start_char, end_char = span.label_, span.start_char, span.end_char
    data = span.doc.user_data
    return tuple(data.get(_key(name, label, start_char, end_char)) for name in ("normalized", "source", "attrs"))


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


def filter_spans_where(spans: Iterable[Span], keep: Callable[[Span], bool]) -> list[Span]:
    """``spacy.util.filter_spans([s for s in spans if keep(s)])``, asking ``keep`` only of the spans it would still take.

    The longest spans are taken first, so a shorter one that overlaps a span
    already taken is dropped without the question; ``keep`` may be costly
    (the organization heads ask whether a sentence's words allow them).
    """
    ordered = sorted(spans, key=lambda span: (span.end - span.start, -span.start), reverse=True)
    taken: list[Span] = []
    seen: set[int] = set()
    for span in ordered:
        # as in filter_spans: the boundaries are checked, end - 1 because they are inclusive
        if span.start not in seen and span.end - 1 not in seen and keep(span):
            taken.append(span)
            seen.update(range(span.start, span.end))
    return sorted(taken, key=lambda span: span.start)


def span_text(span: Span) -> str:
    return span.text


def spans_of(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


def span_starting_at(spans: list[Span]) -> dict[int, Span]:
    """Longest span per start token."""
    table: dict[int, Span] = {}
    for span in spans:
        if span.start not in table or len(span) > len(table[span.start]):
            table[span.start] = span
    return table

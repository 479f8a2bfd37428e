"""ACRONYM: every abbreviation of capital letters, expanded from the document or the dictionary.

A definition written in the text as ``Long form (ABBR)`` is found by matching
the abbreviation's letters to the initials of the syllables before the
parenthesis, and wins over the dictionary for that document:

    >>> [(d.acronym, d.long_form) for d in find_definitions("công tác thi đua, khen thưởng (TĐKT) năm 2025")]
    [('TĐKT', 'thi đua, khen thưởng')]

An abbreviation known to neither is reported with no expansion, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import AcronymLexicon
from ..segment import text_of, token_texts
from .base import add_spans, initial_letter, is_acronym_form, looks_like_word, make_span

DEFINITION = re.compile(r"\(\s*([A-ZĐ]{2,})\s*\)")
SYLLABLE = re.compile(r"\w+")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
# a police unit's code: one to three capitals and two or three digits (PC04, C03, PA05); an acronym only where the
# lexicon lists it
UNIT_CODE = re.compile(r"^[A-Z]{1,3}\d{2,3}$")
# what may stand between the syllables of a long form
JOINERS = re.compile(r"^[\s,\-–]*$")
SKIPPABLE = {"và"}


def in_code(doc: Doc, i: int) -> bool:
    """Whether the capitals at token ``i`` are letters of an identifier, not an abbreviation.

    A hull number joined to its digits by a hyphen (``tàu HQ-561``) and a fishing
    boat's registration (``tàu cá TH 91288 TS``: province code, number, ``TS``)
    name one vessel; ``tàu CSB 4033``, where the abbreviation stands apart, stays
    an acronym (Cảnh sát biển).
    """
    def number(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].text.isdigit() and len(doc[k].text) >= 3

    hyphen_after = i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ \
        and not doc[i + 1].whitespace_ and number(i + 2)
    registration = (number(i + 1) and is_acronym_form(doc[i + 2].text) if i + 2 < len(doc) else False) \
        or (number(i - 1) and i >= 2 and (is_acronym_form(doc[i - 2].text) or boat_province_code(doc[i - 2].text)))
    return hyphen_after or registration


def boat_province_code(text: str) -> bool:
    """A province's code of a fishing boat's registration that mixes cases (``QNg``: Quảng Ngãi, ``BTh``: Bình
    Thuận): two to four letters, at least two capitals."""
    return 2 <= len(text) <= 4 and text.isalpha() and text[0].isupper() and sum(c.isupper() for c in text) >= 2


@dataclass(frozen=True)
class Definition:
    acronym: str
    long_form: str
    start: int
    end: int


def match_long_form(text: str, acronym: str, paren_start: int) -> tuple[int, int] | None:
    """Offsets of the long form of ``acronym`` ending right before ``paren_start``, if its initials match."""
    window_start = max(0, paren_start - 40 * len(acronym))
    words = [m for m in SYLLABLE.finditer(text, window_start, paren_start)]
    if not words or not JOINERS.match(text[words[-1].end():paren_start]):
        return None
    letter = len(acronym) - 1
    index = len(words) - 1
    first = None
    while letter >= 0 and index >= 0:
        word = words[index]
        if index + 1 < len(words) and not JOINERS.match(text[word.end():words[index + 1].start()]):
            return None
        if initial_letter(word.group()) == acronym[letter]:
            first = word
            letter -= 1
        elif word.group().lower() not in SKIPPABLE:
            return None
        index -= 1
    if letter >= 0 or first is None:
        return None
    return first.start(), words[-1].end()


def find_definitions(text: str) -> list[Definition]:
    """Every ``Long form (ABBR)`` in ``text`` whose initials spell the abbreviation."""
    found = []
    for match in DEFINITION.finditer(text):
        acronym = match.group(1)
        span = match_long_form(text, acronym, match.start())
        if span is not None:
            found.append(Definition(acronym, text[span[0]:span[1]], span[0], span[1]))
    return found


def document_expansions(definitions: list[Definition]) -> dict[str, str]:
    """The first definition of each abbreviation in a document."""
    expansions: dict[str, str] = {}
    for definition in definitions:
        expansions.setdefault(definition.acronym, definition.long_form)
    return expansions


def is_acronym(text: str, known: bool) -> bool:
    """Whether a capital-letter token is an abbreviation: ``BĐBP`` yes, ``HỘI`` (headline word) and ``III`` no; a
    unit code (``PC04``) when the lexicon knows it."""
    if not is_acronym_form(text):
        return known and UNIT_CODE.match(text) is not None
    if known:
        return True
    return not looks_like_word(text) and not ROMAN_NUMERAL.match(text)


def acronym_shaped(doc: Doc, codes: Collection[str] = ()) -> list[int]:
    """Indices of the tokens of capital letters only (``BĐBP``), and of the unit codes of ``codes`` (``PC04``), in
    order.

    Read from the Doc's table of token texts rather than one Token object per
    token: a document has few such tokens and many others.
    """
    texts = token_texts(doc)
    shaped = {text for text in set(texts) if is_acronym_form(text) or text in codes}
    return [i for i, text in enumerate(texts) if text in shaped]


class AcronymExtractor:
    """spaCy component: writes ``doc.spans["ACRONYM"]`` and ``doc.user_data["acronym_definitions"]``."""

    def __init__(self, lexicon: AcronymLexicon, learn_definitions: bool = True):
        self.lexicon = lexicon
        self.learn_definitions = learn_definitions
        self.codes = frozenset(key for key in lexicon.acronyms if UNIT_CODE.match(key))

    def __call__(self, doc: Doc) -> Doc:
        learned = document_expansions(find_definitions(text_of(doc))) if self.learn_definitions else {}
        doc.user_data["acronym_definitions"] = learned
        spans = []
        joined_until = -1
        for i in acronym_shaped(doc, self.codes):
            if i <= joined_until:
                continue
            token = doc[i]
            text = token.text
            end = self.joined_end(doc, i)
            if end is not None:
                # "PCCC&CNCH": two abbreviations written as one, an entry of the lexicon
                text, joined_until = doc[i:end].text, end - 1
                entry = self.lexicon.acronyms[text]
                spans.append(make_span(doc, i, end, "ACRONYM", entry.expansion, "acronyms.dictionary",
                                       {"expansion_source": "dictionary"}))
                continue
            entry = self.lexicon.acronyms.get(text)
            if not is_acronym(text, known=entry is not None or text in learned) or in_code(doc, i):
                continue
            if text in learned:
                expansion, source = learned[text], "document"
            elif entry is not None:
                expansion, source = entry.expansion, "dictionary"
            else:
                expansion, source = None, "unknown"
            spans.append(make_span(doc, token.i, token.i + 1, "ACRONYM", expansion, f"acronyms.{source}",
                                   {"expansion_source": source}))
        add_spans(doc, "ACRONYM", spans)
        return doc

    def joined_end(self, doc: Doc, i: int) -> int | None:
        """End of the abbreviations joined by ``&`` without spaces from token ``i`` that the lexicon knows as one
        (``PCCC&CNCH``), or None."""
        if (i + 2 < len(doc) and doc[i + 1].text == "&" and not doc[i].whitespace_ and not doc[i + 1].whitespace_
                and doc[i:i + 3].text in self.lexicon.acronyms):
            return i + 3
        return None


@Language.factory("vnx_acronyms", default_config={"lexicon": "", "learn_definitions": True})
def make_acronym_extractor(nlp: Language, name: str, lexicon: str, learn_definitions: bool) -> AcronymExtractor:
    return AcronymExtractor(AcronymLexicon.load(Path(lexicon)), learn_definitions)

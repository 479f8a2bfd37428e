"""POSITION: offices and roles, from a lexicon plus composition.

``Phó`` + role is a role (``Phó Tư lệnh``), role + ``Thường trực`` is one role
(``Phó Bí thư Thường trực``), multi-word titles are whole (``Chủ tịch nước``).
The organization after a role is not part of it: in ``Phó Tư lệnh BĐBP`` the
POSITION is ``Phó Tư lệnh``. A role written in lower case (``ba bộ trưởng``)
is a generic reference, not a position.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import PositionLexicon
from ..segment import tokens_text
from .base import add_spans, is_title, make_span, pattern, span_text


def canonical_position(text: str, canonical: dict[str, str]) -> str:
    """Official capitalisation of a composed role: ``phó tư lệnh`` → ``Phó Tư lệnh``."""
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            key = " ".join(words[i:j]).lower()
            if key in canonical:
                out.append(canonical[key])
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def is_date_end(doc: Doc, k: int) -> bool:
    """Whether the number at token ``k`` ends a date written with dashes or slashes (the header's ``2028-09-25``, a
    headline's ``25/9``): no count of the title after it."""
    return k > 0 and doc[k - 1].text in ("-", "/") and not doc[k - 1].whitespace_


def names_follow(doc: Doc, end: int) -> bool:
    """A role in lower case is one when a capitalised name follows it: ``thuyền trưởng Trương Văn Lực``, also after
    ``là`` and an honorific (``thuyền trưởng là ông Trần Văn Hưởng``)."""
    if end + 2 < len(doc) and doc[end].lower_ == "là" and doc[end + 1].lower_ in NAME_HONORIFICS:
        end += 2
    return end + 1 < len(doc) and is_title(doc[end]) and is_title(doc[end + 1])


def follows_a_name(doc: Doc, start: int) -> bool:
    """A role in lower case is one in apposition after a name: ``ông Nguyễn Văn Hùng (SN 1978), thuyền trưởng``.

    The comma before it follows a capitalised word or a closing parenthesis,
    and nothing capitalised comes before that word's run but a word in lower case,
    unless the run opens with an honorific (``Ông Đặng Văn Mười, máy trưởng``).
    """
    if start < 2 or doc[start - 1].text != ",":
        return False
    run, k = name_run_before(doc, start - 2)
    # "Ông Đặng Văn Mười, máy trưởng": a capitalised honorific opens the sentence and the name
    return run >= 2 and (k < 0 or doc[k].is_lower or doc[k + 1].lower_ in NAME_HONORIFICS)


def name_run_before(doc: Doc, k: int) -> tuple[int, int]:
    """The capitalised words ending at token ``k`` (a parenthesis there stepped over: ``Trần Văn Nam (SN 1969, …)``):
    how many, and the token before them (-1 at the start of the document)."""
    if doc[k].text == ")":
        while k > 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    run = 0
    while k >= 0 and is_title(doc[k]):
        run, k = run + 1, k - 1
    return run, k


# lower-case honorifics before a name: "thuyền trưởng là ông Trần Văn Hưởng"
NAME_HONORIFICS = {"ông", "bà", "anh", "chị"}
# verbs between a name and the lower-case role it gives: "do ông Trần Văn Út làm thuyền trưởng"
ROLE_VERBS = {"làm", "là"}


def given_to_a_name(doc: Doc, start: int) -> bool:
    """A role in lower case is one when a verb gives it to the name before: ``do ông Trần Văn Út làm thuyền trưởng``,
    ``anh Hùng là thuyền trưởng``; the name's run opens after a word in lower case (``Tàu Hải Đăng làm`` does not)."""
    if start < 2 or doc[start - 1].lower_ not in ROLE_VERBS:
        return False
    # "do ông Trần Văn Nam (SN 1969, trú tại đặc khu Vân Đồn) làm thuyền trưởng"
    run, k = name_run_before(doc, start - 2)
    return run >= 1 and k >= 0 and doc[k].is_lower


class PositionExtractor:
    """spaCy component: writes ``doc.spans["POSITION"]``."""

    def __init__(self, nlp: Language, lexicon: PositionLexicon):
        self.canonical = {p.lower(): p for p in (*lexicon.positions, *lexicon.compounds, *lexicon.prefixes, *lexicon.suffixes)}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for role in (*lexicon.positions, *lexicon.compounds):
            self.matcher.add("POSITION", [pattern(nlp.vocab, role)])
        self.prefixes = {p.lower() for p in lexicon.prefixes}
        self.verbs_before_prefix = {v.lower() for v in lexicon.verbs_before_prefix}
        self.word_continuations = {w.lower() for w in lexicon.word_continuations}
        self.suffix_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for suffix in lexicon.suffixes:
            self.suffix_matcher.add("SUFFIX", [pattern(nlp.vocab, suffix)])
        self.excluded = {p.lower() for p in lexicon.not_positions}
        self.plural_before = {p.lower() for p in lexicon.plural_before}

    def capital_cut(self, found: Span) -> int:
        """Where a lexicon role ends as written: before a word the lexicon writes in lower case and the text capitalises.

        ``Trưởng Ban Tuyên giáo``: the lexicon's ``Trưởng ban`` is cut to ``Trưởng``,
        which is a role itself, since ``Ban`` opens an organization's name; so is ``Trưởng phòng này``, where
        ``phòng này`` names the body.
        """
        canonical = self.canonical.get(span_text(found).lower(), span_text(found)).split()
        if len(canonical) != len(found):
            return found.end
        doc = found.doc
        if (len(found) > 1 and found.end < len(doc) and doc[found.end].lower_ == "này" and found[-1].is_lower
                and found[:-1].text.lower() in self.canonical):
            return found.end - 1  # "giữ chức Trưởng phòng này": "Trưởng" of the body "phòng này" refers to
        for i in range(1, len(found)):
            written = found[i].text
            # "Trưởng Ban Ban Tuyên giáo": the word written again opens the name, the first is the title's (but
            # "Trưởng Phòng Phòng chống ma túy …": a name that opens with the word and a lower-case one)
            doubled = (i == len(found) - 1 and found.end + 1 < len(doc) and doc[found.end].text == written
                       and doc[found.end + 1].text[:1].isupper())
            if (canonical[i][:1].islower() and written[:1].isupper() and not doubled
                    and found[:i].text.lower() in self.canonical):
                return found.start + i
        return found.end

    def __call__(self, doc: Doc) -> Doc:
        suffix_ends = {start: end for _, start, end in self.suffix_matcher(doc)}
        spans = []
        # every match is tried, the longest valid ones kept: "nhiệm vụ Trưởng Công an xã" holds "vụ Trưởng" (Vụ
        # trưởng, not one here: lower case) and "Trưởng", which is
        for found in self.matcher(doc, as_spans=True):
            start, end, source = found.start, self.capital_cut(found), "positions.lexicon"
            while start > 0 and doc[start - 1].lower_ in self.prefixes and not (
                    doc[start - 1].is_lower and start > 1 and doc[start - 2].lower_ in self.verbs_before_prefix):
                start, source = start - 1, "positions.prefix"
            while end in suffix_ends:
                end, source = suffix_ends[end], "positions.suffix"
            text = tokens_text(doc, start, end)
            if start > 0 and (doc[start - 1].lower_ in self.plural_before or (
                    doc[start - 1].text.isdigit() and not is_date_end(doc, start - 1))):
                continue  # "3 Phó Giám đốc", "các Phó Tư lệnh": a plural, no office of one person
            if end < len(doc) and doc[end].lower_ in self.word_continuations:
                continue  # "Đại sứ quán": the embassy, whose name holds the title
            if text.lower() in self.excluded or not (doc[start].text[0].isupper() or names_follow(doc, end)
                                                     or follows_a_name(doc, start) or given_to_a_name(doc, start)):
                continue
            spans.append(make_span(doc, start, end, "POSITION", canonical_position(text, self.canonical), source))
        add_spans(doc, "POSITION", filter_spans(spans))
        return doc


@Language.factory("vnx_positions", default_config={"lexicon": ""})
def make_position_extractor(nlp: Language, name: str, lexicon: str) -> PositionExtractor:
    return PositionExtractor(nlp, PositionLexicon.load(Path(lexicon)))

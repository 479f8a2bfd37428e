"""PERSON: Vietnamese personal names found by their cues.

A name is 2–4 capitalised syllables:
- after a rank (``Thiếu tướng Võ Tiến Nghị``);
- after an honorific, a position or a position and its organization, when it
  opens with a known surname (``đồng chí Nguyễn Văn An``, ``Phó Tư lệnh BĐBP
  Võ Tiến Nghị``), also as a list (``các đồng chí: Lê An, Trần Bình và Hà Chi``);
  after a lower-case honorific or cue, also a foreign name (``ông Sok Sa Rát``);
- a known person of the lexicon (``Hồ Chí Minh``);
- a byline: the last line of the document, a name alone, or a credit (``Ảnh: Quốc Dũng``);
- a later occurrence of a name already found in the document.
The name never includes the rank, title, honorific or role.
"""

from __future__ import annotations

from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import PeopleLexicon
from .base import add_spans, is_title, make_span, pattern, span_starting_at, spans_of

MIN_NAME, MAX_NAME = 2, 4
LIST_SEPARATORS = {",", "và", ";"}
# words between a cue and the list of names it introduces ("Các đối tượng gồm: …")
LIST_OPENERS = {"gồm", "là"}


def skip_parenthesis(doc: Doc, k: int) -> int:
    """After ``(sinh năm 1999)`` when one opens at ``k``; ``k`` otherwise."""
    if k < len(doc) and doc[k].text == "(":
        for end in range(k + 1, min(k + 12, len(doc))):
            if doc[end].text == ")":
                return end + 1
    return k


class PersonExtractor:
    """spaCy component: writes ``doc.spans["PERSON"]``. Uses RANK, POSITION, ORG and PLACE spans when present."""

    def __init__(self, nlp: Language, lexicon: PeopleLexicon):
        self.surnames = lexicon.surnames
        self.honorifics = PhraseMatcher(nlp.vocab, attr="LOWER")
        for honorific in (*lexicon.honorifics, *lexicon.cues):
            self.honorifics.add("HONORIFIC", [pattern(nlp.vocab, honorific)])
        self.middle_names = lexicon.middle_names
        self.surname_orths = {nlp.vocab.strings.add(name) for name in self.surnames}
        self.middle_name_orths = {nlp.vocab.strings.add(name) for name in self.middle_names}
        self.credits = PhraseMatcher(nlp.vocab, attr="ORTH")
        for credit in lexicon.credits:
            self.credits.add("CREDIT", [pattern(nlp.vocab, credit)])
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        for name in lexicon.known_people:
            self.known.add("KNOWN", [pattern(nlp.vocab, name)])

    def name_end(self, doc: Doc, start: int, blocked: set[int], need_surname: bool) -> int | None:
        """End of a 2–4 syllable name starting at ``start``, or None."""
        if start >= len(doc) or (need_surname and doc[start].text not in self.surnames):
            return None
        end = start
        while end < len(doc) and end - start < MAX_NAME and is_title(doc[end]) and end not in blocked:
            if end > start and doc[end].text.isupper() and len(doc[end].text) > 1:
                break  # an acronym is not part of a name
            end += 1
        return end if end - start >= MIN_NAME else None

    def __call__(self, doc: Doc) -> Doc:
        ranks = spans_of(doc, "RANK")
        positions = spans_of(doc, "POSITION")
        orgs = span_starting_at(spans_of(doc, "ORG"))
        rank_starts = {s.start for s in ranks}
        blocked = rank_starts | {s.start for s in positions} | set(orgs)
        place_starts = {s.start for s in spans_of(doc, "PLACE")}
        candidates: list[Span] = []

        def add(start: int, need_surname: bool, source: str) -> int | None:
            end = self.name_end(doc, start, blocked, need_surname)
            if end is not None:
                candidates.append(make_span(doc, start, end, "PERSON", doc[start:end].text, source))
            return end

        for rank in ranks:
            add(rank.end, False, "people.after_rank")
        for position in positions:
            k = position.end
            if k in orgs:
                k = orgs[k].end
            add(k, True, "people.after_position")
        for honorific in self.honorifics(doc, as_spans=True):
            k = honorific.end
            if k < len(doc) and doc[k].lower_ in LIST_OPENERS:
                k += 1
            if k < len(doc) and doc[k].text == ":":
                k += 1
            # "ông Sok Sa Rát": a lower-case honorific or cue vouches for a name without a Vietnamese surname
            need_surname = not honorific.text.islower()
            while k not in rank_starts and (need_surname or k not in place_starts):
                end = add(k, need_surname, "people.after_honorific")
                if end is None:
                    break
                end = skip_parenthesis(doc, end)
                if end >= len(doc) or doc[end].lower_ not in LIST_SEPARATORS:
                    break
                k = end + 1
                need_surname = True  # the next item of a list: only a Vietnamese name continues it
        for credit in self.credits(doc, as_spans=True):
            if credit.end < len(doc) and doc[credit.end].text == ":":
                add(credit.end + 1, False, "people.credit")
        orths = doc.to_array(ORTH).tolist()  # token texts as hashes: no Token object per token
        for i in range(len(orths) - 1):
            # "Lò Văn Sáy", "Cầm Thị Hoa": surname + Văn/Thị + given name is a name wherever it stands
            if orths[i] in self.surname_orths and orths[i + 1] in self.middle_name_orths and i not in blocked:
                add(i, True, "people.middle_name")
        for known in self.known(doc, as_spans=True):
            candidates.append(make_span(doc, known.start, known.end, "PERSON", known.text, "people.known"))
        byline = self.byline(doc)
        if byline is not None:
            candidates.append(byline)
        found = filter_spans(candidates)
        found = filter_spans(found + self.repeats(doc, found, orths))
        found = filter_spans(found + self.given_names(doc, found, ranks, blocked))
        add_spans(doc, "PERSON", found)
        return doc

    def given_names(self, doc: Doc, found: list[Span], ranks: list[Span], blocked: set[int]) -> list[Span]:
        """``Thiếu tá Thắm``, ``ông Lực``: a given name alone after a rank or honorific, once the full name is known."""
        given = {span[-1].text for span in found if len(span) >= MIN_NAME}
        cues = [s.end for s in ranks] + [s.end for s in self.honorifics(doc, as_spans=True)]
        short = []
        for k in cues:
            if k < len(doc) and doc[k].text in given and (k + 1 >= len(doc) or not is_title(doc[k + 1])):
                short.append(make_span(doc, k, k + 1, "PERSON", doc[k].text, "people.given_name"))
        return short

    def byline(self, doc: Doc) -> Span | None:
        """The last line of the document when it is a name alone (``Hoàng Lan``; a pen name ``Minh Hiếu``)."""
        i = len(doc) - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        last = doc[i]
        start = last.i

        def line_goes_on(k: int) -> bool:
            return k > 0 and not doc[k - 1].is_space and "\n" not in doc[k - 1].whitespace_

        # a name has at most MAX_NAME syllables: a longer last line is no byline, however long it is
        while line_goes_on(start) and last.i - start < MAX_NAME:
            start -= 1
        if line_goes_on(start):
            return None
        end = self.name_end(doc, start, set(), need_surname=False)
        if end != last.i + 1:
            return None
        return make_span(doc, start, end, "PERSON", doc[start:end].text, "people.byline")

    def repeats(self, doc: Doc, found: list[Span], orths: list[int]) -> list[Span]:
        """Later (or earlier) occurrences of a full name already found.

        ``orths`` are the token texts as hashes (``doc.to_array(ORTH)``); a name
        matches its syllables as written, like a phrase matcher on ORTH, without
        building one per document.
        """
        by_first: dict[int, set[tuple[int, ...]]] = {}
        for name in {span.text for span in found}:
            syllables = tuple(doc.vocab.strings[word] for word in name.split())
            if syllables:
                by_first.setdefault(syllables[0], set()).add(syllables)
        repeats = []
        for i, orth in enumerate(orths):
            for syllables in by_first.get(orth, ()):
                if tuple(orths[i:i + len(syllables)]) == syllables:
                    span = doc[i:i + len(syllables)]
                    repeats.append(make_span(doc, span.start, span.end, "PERSON", span.text, "people.repeat"))
        return sorted(repeats, key=lambda span: (span.start, span.end))


@Language.factory("vnx_people", default_config={"lexicon": ""})
def make_person_extractor(nlp: Language, name: str, lexicon: str) -> PersonExtractor:
    return PersonExtractor(nlp, PeopleLexicon.load(Path(lexicon)))

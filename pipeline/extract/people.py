"""PERSON: Vietnamese personal names found by their cues.

A Vietnamese name is 2–4 capitalised syllables opening with a surname; a
foreign name (no Vietnamese surname) may have up to 7 (``Khăm Phon Xay Nha
Vông``) where a strong cue vouches for it. Names are found:
- after a rank (``Thiếu tướng Võ Tiến Nghị``);
- after an honorific, a position or a position and its organization, when it
  opens with a known surname (``đồng chí Nguyễn Văn An``, ``Phó Tư lệnh BĐBP
  Võ Tiến Nghị``), also as a list (``các đồng chí: Lê An, Trần Bình và Hà Chi``);
  after a lower-case honorific or cue, also a foreign name (``ông Sok Sa Rát``),
  and after a position followed by a foreign country (``Đại sứ Nhật Bản tại Việt
  Nam Ito Naoki``);
- in a list whose items carry their roles (``gồm: Trần Văn An, Chính ủy Lữ đoàn
  168; Lê Quang Bình, Phó Chính ủy …``): each item after the role of the one before;
- written as initials (``bệnh nhân N.T.H.``, ``đối tượng Đ.V.T (SN 1985)``, ``ông D.``);
- a known person of the lexicon (``Hồ Chí Minh``);
- a byline: the last line of the document, a name alone, or a credit (``Ảnh: Quốc Dũng``);
- a later occurrence of a name already found in the document, also the given
  name alone (``Toàn khai nhận``) and an honorific with a given name (``anh Toàn``,
  ``Chị Lan`` opening a sentence).
The name never includes the rank, title, honorific or role.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import PeopleLexicon
from ..segment import DocumentWords, phrase_at, token_lowers, token_texts, tokens_text
from .base import (HOME_COUNTRY, add_spans, is_title, make_span, pattern, span_starting_at, span_text, spans_of,
                   span_values)

MIN_NAME, MAX_NAME = 2, 4
# Lao, Khmer and other foreign names run longer than Vietnamese ones ("Khăm Phon Xay Nha Vông")
MAX_FOREIGN_NAME = 7
APOSTROPHES = {"'", "’"}
NAME_HYPHENS = {"-", "‑"}
LIST_SEPARATORS = {",", "và", ";"}
# words between a cue and the list of names it introduces ("Các đối tượng gồm: …")
LIST_OPENERS = {"gồm", "là"}
# between a name and the role it is given in a list item ("Trần Văn An, Chính ủy Lữ đoàn 168; …")
ROLE_APPOSITION = {",", "-", "–", "—"}
# between the authors of a byline ("Hải Yến - Đình Tuân")
BYLINE_SEPARATORS = {"-", "–", ",", "và"}
# PLACE levels outside Vietnam: a name after "Đại sứ Nhật Bản" or "Tỉnh trưởng tỉnh Attapeu" may be foreign
FOREIGN_PLACE_LEVELS = {"country", "foreign_region"}
# how far a person's details after the name are read for a nationality ("(SN 1990, trú tại …, quốc tịch Lào)")
MAX_DETAIL_WORDS = 16


def is_foreign(place: Span) -> bool:
    """A PLACE outside Vietnam (a country or a foreign region)."""
    return (span_values(place)[2] or {}).get("level") in FOREIGN_PLACE_LEVELS


def skip_parenthesis(doc: Doc, k: int) -> int:
    """After ``(sinh năm 1999)`` when one opens at ``k``; ``k`` otherwise."""
    if k < len(doc) and doc[k].text == "(":
        for end in range(k + 1, min(k + 24, len(doc))):
            if doc[end].text == ")":
                return end + 1
    return k


# Vietnamese initial consonants of two letters, written whole as the last initial of a name ("N.V.Tr.")
FINAL_DIGRAPHS = frozenset({"Ch", "Gh", "Gi", "Kh", "Ng", "Nh", "Ph", "Qu", "Th", "Tr"})


def is_initial(doc: Doc, k: int) -> bool:
    """A capital letter alone, followed right away by a dot: the ``T.`` of ``Nguyễn Văn T.``."""
    return (k + 1 < len(doc) and len(doc[k].text) == 1 and doc[k].text.isupper() and doc[k].is_alpha
            and doc[k + 1].text == "." and not doc[k].whitespace_)


def given_initial_end(doc: Doc, k: int) -> int | None:
    """End of a given name written as its initial at ``k`` (``T.`` of ``Nguyễn Văn T.``, ``Ph.`` of ``Huỳnh Thanh
    Ph.``: a capital letter or a two-letter initial consonant, and a dot right after it), or None."""
    if is_initial(doc, k):
        return k + 2
    if (k + 1 < len(doc) and doc[k].text in FINAL_DIGRAPHS and doc[k + 1].text == "."
            and not doc[k].whitespace_):
        return k + 2
    return None


def initials_end(doc: Doc, start: int) -> int | None:
    """End of a name written as initials starting at ``start`` (``N.T.H.``, ``Đ.V.T``), at least two letters.

    The dots are written without spaces (or with one after each dot, when every
    letter has its dot: ``N. T. H.``); a final dot that follows the last letter belongs to the name.
    """
    if (start + 2 < len(doc) and doc[start].text in FINAL_DIGRAPHS
            and given_initial_end(doc, start) is not None and not doc[start + 1].whitespace_):
        # "Tr.V.Kh.", "Tr.T.M.": the surname's initial written with its two-letter consonant, first
        return initials_end(doc, start + 2)
    k, letters = start, 0
    while (k < len(doc) and len(doc[k].text) == 1 and doc[k].text.isupper() and doc[k].is_alpha):
        letters += 1
        # "N.T.H.", also spaced after the dots as pre-tokenized text comes back ("N. T. H.")
        if is_initial(doc, k) and k + 2 < len(doc) and len(doc[k + 2].text) == 1 and doc[k + 2].text.isupper() \
                and doc[k + 2].is_alpha and (not doc[k + 1].whitespace_ or is_initial(doc, k + 2)):
            k += 2
            continue
        end = k + 2 if is_initial(doc, k) else k + 1
        if end == k + 2 and end < len(doc) and doc[end].text in FINAL_DIGRAPHS and not doc[k + 1].whitespace_:
            # "N.V.Tr.", "L.V.Th.": the given name's initial written with its two-letter consonant, last
            end = end + 2 if end + 1 < len(doc) and doc[end + 1].text == "." and not doc[end].whitespace_ else end + 1
            letters += 1
        return end if letters >= 2 else None
    return None


def name_after_rank(doc: Doc, k: int, between: frozenset[tuple[str, ...]]) -> int:
    """Where the name of a rank ending at token ``k`` starts.

    What may stand between: the end of a parenthesis the rank closes (``Thượng tá
    (nay là Đại tá) A``: from ``Đại tá``), a whole parenthesis (from ``Thượng tá``),
    a force cue (``Đại tá QĐND A``), an academic title or a branch, with or without
    a comma (``Đại tá, TS A``, ``Thiếu tá quân y A``), from ``between`` (lower-case words).
    """
    for _ in range(3):
        if k < len(doc) and doc[k].text == ")":
            k += 1
        elif k < len(doc) and doc[k].text == "(":
            after = skip_parenthesis(doc, k)
            if after == k:
                return k
            k = after
        elif k < len(doc) and doc[k].text.isupper() and doc[k].is_alpha and len(doc[k].text) >= 3:
            k += 1
        else:
            start = k + 1 if k < len(doc) and doc[k].text == "," else k
            for n in (3, 2, 1):
                if tuple(token_lowers(doc)[start:start + n]) in between:
                    k = start + n
                    break
            else:
                return k
    return k


def skip_roles(doc: Doc, k: int, positions: dict[int, Span], orgs: dict[int, Span]) -> int:
    """After ``POSITION [ORG] {, POSITION [ORG]}`` starting at ``k``; ``k`` when no role starts there."""
    while k in positions:
        k = positions[k].end
        if k in orgs:
            k = orgs[k].end
        if k + 1 < len(doc) and doc[k].text == "," and (k + 1) in positions:
            k += 1
        else:
            break
    return k


def apostrophe_syllable_end(doc: Doc, k: int) -> int:
    """End of the syllable at token ``k``: ``H'Mai``, ``Y'Blốc`` (names of the Central Highlands) are one syllable
    of three tokens, written without spaces; any other syllable is its token."""
    if (k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text in APOSTROPHES
            and not doc[k + 1].whitespace_ and is_title(doc[k + 2])):
        return k + 3
    return k + 1


def hyphenated_syllable_end(doc: Doc, start: int, k: int, foreign_opener: bool) -> int:
    """End of the syllable at token ``k`` of a name opening at ``start``: parts joined by a hyphen without spaces are
    one syllable (``Mensah-Boateng``; in a foreign name, one whose opener is no Vietnamese surname
    (``foreign_opener``) or with no Vietnamese letter so far, also a lower-case part: ``Ji-hoon`` of ``Park
    Ji-hoon``, ``Tae-hoon`` of ``Kim Tae-hoon``, where ``Hùng-người`` is a name and a word); else as
    :func:`apostrophe_syllable_end`."""
    end = apostrophe_syllable_end(doc, k)
    if (end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in NAME_HYPHENS
            and not doc[end].whitespace_ and doc[end + 1].is_alpha
            and (is_title(doc[end + 1]) or foreign_opener or all(doc[j].text.isascii() for j in range(start, k + 1)))):
        return end + 2
    return end


class PersonExtractor:
    """spaCy component: writes ``doc.spans["PERSON"]``. Uses RANK, POSITION, ORG and PLACE spans when present."""

    def __init__(self, nlp: Language, lexicon: PeopleLexicon):
        self.surnames = lexicon.surnames
        self.foreign_titles = {title.lower() for title in lexicon.foreign_titles}
        # what opens a suspect's details after the name, as a birth year does ("Hoàng Triết (quốc tịch Trung Quốc)")
        self.detail_cues = lexicon.birth_year_cues | lexicon.nationality_cues | lexicon.foreign_nationals
        self.detail_openers = {cue[0] for cue in self.detail_cues}
        self.nationality_cues = lexicon.nationality_cues
        self.foreign_nationals = lexicon.foreign_nationals
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
        self.between_rank_and_name = lexicon.between_rank_and_name
        self.award_words = lexicon.award_words
        # one-word honorifics written capitalised ("Ông", "Bà"): also surnames ("Ông Văn Dũng"), but one before
        # another surname opens the name after it ("Ông Vũ Văn Lịch (SN 1979)" is Vũ Văn Lịch)
        self.capital_honorifics = {h for h in lexicon.honorifics if " " not in h and h[:1].isupper()}
        self.award_openers = {award[0] for award in lexicon.award_words}
        self.kin_words = lexicon.kin_words
        # the most words of a details cue or an award, as far as ``phrase_at`` looks for one
        self.longest_phrase = max(map(len, (*self.detail_cues, *self.award_words)), default=1)
        # set by the Pipeline (Segmenter.words_in): a given name alone must be a word of its own ("Hải" of "Hải quân" is not)
        self.word_source: Callable[[Doc, int, int], list[tuple[int, int]]] | None = None
        # whether words are one word of the segmenter's dictionary (set by the pipeline; none: never)
        self.is_word: Callable[[str], bool] = lambda text: False

    def name_end(self, doc: Doc, start: int, blocked: set[int], need_surname: bool) -> int | None:
        """End of a name starting at ``start``, or None.

        2–4 syllables from a Vietnamese surname; without one (allowed when
        ``need_surname`` is false) up to MAX_FOREIGN_NAME. A capital letter with
        a dot ends the name with it (``Nguyễn Văn T.``).
        """
        if start >= len(doc):
            return None
        # "H'Liên Niê": an apostrophe syllable opens with "H'" (a surname-list entry of its own)
        opener = doc[start].text + "'" if apostrophe_syllable_end(doc, start) > start + 1 else doc[start].text
        if need_surname and opener not in self.surnames:
            return None
        longest = MAX_NAME if opener in self.surnames else MAX_FOREIGN_NAME
        end = start
        syllables = 0
        while end < len(doc) and syllables < longest and is_title(doc[end]) and end not in blocked:
            if end > start and doc[end].text.isupper() and len(doc[end].text) > 1:
                break  # an acronym is not part of a name
            if end > start and (initial := given_initial_end(doc, end)) is not None:
                return initial
            end = (hyphenated_syllable_end(doc, start, end, opener not in self.surnames) if end > start
                   else apostrophe_syllable_end(doc, end))
            syllables += 1
        if syllables == longest == MAX_NAME and not need_surname:
            # a Vietnamese name has 2–4 syllables; a longer run up to a punctuation mark, after a cue that vouches
            # for a foreign name, is one name (the Lao "Vi Lay Vông Phăn Khăm Ma, Phó Tỉnh trưởng" opens with Vi)
            run = end
            while run < len(doc) and run - start < MAX_FOREIGN_NAME and is_title(doc[run]) and run not in blocked:
                run += 1
            if run > end and run < len(doc) and doc[run].is_punct:
                return run
        return end if syllables >= MIN_NAME else None

    def __call__(self, doc: Doc) -> Doc:
        ranks = spans_of(doc, "RANK")
        positions = spans_of(doc, "POSITION")
        orgs = span_starting_at(spans_of(doc, "ORG"))
        places = span_starting_at(spans_of(doc, "PLACE"))
        rank_starts = {s.start for s in ranks}
        blocked = rank_starts | {s.start for s in positions} | set(orgs)
        place_starts = set(places)
        candidates: list[Span] = []

        def add(start: int, need_surname: bool, source: str) -> int | None:
            end = self.name_end(doc, start, blocked, need_surname)
            if end is not None:
                candidates.append(make_span(doc, start, end, "PERSON", tokens_text(doc, start, end), source))
            return end

        for rank in ranks:
            add(name_after_rank(doc, rank.end, self.between_rank_and_name), False, "people.after_rank")
        for position in positions:
            k, foreign = self.after_title(doc, position.end, orgs, places)
            add(k, not (foreign or self.is_foreign_title(position)), "people.after_position")
        honorifics = self.honorifics(doc, as_spans=True)  # read by three rules: matched once
        for honorific in honorifics:
            k = honorific.end
            if k < len(doc) and doc[k].lower_ in LIST_OPENERS:
                k += 1
            if k < len(doc) and doc[k].text == ":":
                k += 1
            # "ông Sok Sa Rát": a lower-case honorific or cue vouches for a name without a Vietnamese surname
            need_surname = not span_text(honorific).islower()
            if k + 1 < len(doc) and doc[k].lower_ == "người" and k + 1 in places and is_foreign(places[k + 1]):
                k, need_surname = places[k + 1].end, False  # "Thủy thủ người Philippines Jomar Villanueva"
            if is_initial(doc, k) and initials_end(doc, k) is None:
                candidates.append(make_span(doc, k, k + 2, "PERSON", tokens_text(doc, k, k + 2), "people.initials"))
                continue  # "ông D.": one initial after a cue
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
        for i in [i for i in range(len(orths) - 1) if orths[i] in self.surname_orths]:
            # "Lò Văn Sáy", "Cầm Thị Hoa": surname + Văn/Thị + given name is a name wherever it stands
            if orths[i + 1] in self.middle_name_orths and i not in blocked:
                add(i, True, "people.middle_name")
        texts = token_texts(doc)
        candidates.extend(self.surname_and_initial(doc, orths, blocked))
        candidates.extend(self.initials(doc, texts, blocked))
        for known in self.known(doc, as_spans=True):
            candidates.append(make_span(doc, known.start, known.end, "PERSON", span_text(known), "people.known"))
        candidates.extend(self.byline(doc))
        candidates.extend(self.before_roles(doc, positions, honorifics, blocked, place_starts))
        candidates.extend(self.before_birth_year(doc, texts, blocked, place_starts))
        found = filter_spans(candidates)
        found = filter_spans(found + self.list_items(doc, found, span_starting_at(positions), orgs, places, blocked))
        found = filter_spans(found + self.repeats(doc, found, orths))
        found = filter_spans(found + self.initial_repeats(doc, texts, found, blocked))
        found = filter_spans(found + self.given_names(doc, texts, found, ranks, honorifics, blocked, orgs, places))
        add_spans(doc, "PERSON", found)
        return doc

    def before_roles(self, doc: Doc, positions: list[Span], honorifics: list[Span], blocked: set[int],
                     place_starts: set[int]) -> list[Span]:
        """``Vương Đình Phúc, Tiểu đoàn trưởng …``: a name given a role by apposition, wherever it stands.

        A Vietnamese name (from a surname, 2–4 syllables) right before a comma
        and a POSITION; after a capitalised honorific also a foreign one
        (``Bà Teresita Bautista Lim, Đại sứ Philippines``). The name must not
        continue a capitalised run (it would be the end of an organization's name).
        """
        honorific_ends = {h.end for h in honorifics}
        spans = []
        for position in positions:
            comma = position.start - 1
            if comma < 2 or doc[comma].text != ",":
                continue
            name = self.name_before(doc, comma, blocked, place_starts, honorific_ends, "people.before_role")
            if name is not None:
                spans.append(name)
        return spans

    def before_birth_year(self, doc: Doc, texts: list[str], blocked: set[int], place_starts: set[int]) -> list[Span]:
        """``Lương Minh Tài (SN 1988, trú tại …)``, ``Hồ Văn Bảo, sinh năm 1993``, ``Lê Hoàng Phúc, 23 tuổi``, ``Hoàng
        Triết (quốc tịch Trung Quốc)``: a name opening with a surname before a birth year, an age or a nationality,
        wherever it stands (police reports name suspects so, with no
        other cue)."""
        spans = []
        lowers = token_lowers(doc)
        for k in range(2, len(texts) - 1):
            if texts[k] not in ("(", ","):
                continue
            # "(SN 1988", ", sinh năm 1993", and an age: "(39 tuổi", ", 25 tuổi"
            age = texts[k + 1].isdigit() and k + 2 < len(texts) and texts[k + 2].lower() == "tuổi"
            if age or (lowers[k + 1] in self.detail_openers
                       and phrase_at(lowers, k + 1, self.detail_cues, self.longest_phrase) is not None):
                # "Bun Lọt (SN 1989, quốc tịch Lào)": details that give another country vouch for a foreign name
                foreign = self.foreign_details(texts, lowers, k + 1)
                name = self.name_before(doc, k, blocked, place_starts, set(), "people.birth_year", need_surname=True,
                                        foreign=foreign)
                if name is not None:
                    spans.append(name)
        return spans

    def foreign_details(self, texts: list[str], lowers: list[str], k: int) -> bool:
        """Whether the details of a person from token ``k`` (to the closing parenthesis or the clause's end) give a
        nationality other than Vietnamese: ``SN 1990, quốc tịch Lào``, ``người Lào``, also after the parenthesis
        (``(SN 1990), quốc tịch Lào``; ``lowers``: the tokens in lower case)."""
        for j in range(k, min(k + MAX_DETAIL_WORDS, len(texts))):
            if texts[j] in (";", ".") or (texts[j] == ")" and texts[j + 1:j + 2] != [","]):
                return False
            if phrase_at(lowers, j, self.foreign_nationals, self.longest_phrase) is not None:
                return True
            end = phrase_at(lowers, j, self.nationality_cues, self.longest_phrase)
            if end is not None:
                country = " ".join(texts[end:end + 2])
                return bool(country) and not country.startswith(HOME_COUNTRY)
        return False

    def name_before(self, doc: Doc, end: int, blocked: set[int], place_starts: set[int], honorific_ends: set[int],
                    source: str, need_surname: bool = False, foreign: bool = False) -> Span | None:
        """The name that ends right before token ``end`` and does not continue a longer capitalised run (it would
        be the end of an organization's name); a foreign one only after a capitalised honorific or where the
        details after it say so (``foreign``)."""
        for length in range(2, MAX_FOREIGN_NAME + 1):
            start = end - length
            if start < 0 or not all(is_title(t) or t.text in APOSTROPHES for t in doc[start:end]) or start in place_starts:
                return None
            if (start > 0 and is_title(doc[start - 1]) and start not in honorific_ends
                    and not (doc[start - 1].text in self.capital_honorifics and doc[start].text in self.surnames)):
                continue
            found = self.name_end(doc, start, blocked,
                                  need_surname=(need_surname or start not in honorific_ends) and not foreign)
            if found == end:
                return make_span(doc, start, end, "PERSON", tokens_text(doc, start, end), source)
            return None
        return None

    def is_foreign_title(self, position: Span) -> bool:
        """``Tỉnh trưởng``, ``Phó Tỉnh trưởng``, ``Đại sứ``: a title that only a foreign official holds here."""
        title = span_text(position).lower()
        return title.removeprefix("phó ") in self.foreign_titles

    @staticmethod
    def after_title(doc: Doc, k: int, orgs: dict[int, Span], places: dict[int, Span]) -> tuple[int, bool]:
        """Where a name may start after a title ending at ``k``, and whether a foreign name may.

        The title's organization is skipped (``Phó Tư lệnh BĐBP Võ Tiến Nghị``);
        so is a foreign country or region, with ``tại`` and the host country
        (``Đại sứ Nhật Bản tại Việt Nam Ito Naoki``): after one, the name may be foreign.
        """
        foreign = False
        if k in orgs:
            inside = [p for start, p in places.items() if orgs[k].start <= start < orgs[k].end]
            foreign = any(is_foreign(p) for p in inside)
            return orgs[k].end, foreign
        while k in places and is_foreign(places[k]):
            k, foreign = places[k].end, True
            if k + 1 < len(doc) and doc[k].lower_ == "tại" and (k + 1) in places:
                k = places[k + 1].end  # "… tại Việt Nam": the host country
        return k, foreign

    def surname_and_initial(self, doc: Doc, orths: list[int], blocked: set[int]) -> list[Span]:
        """``Lê Quốc V.``, ``Huỳnh Thanh Ph.``, ``Lý A G.``: a surname, one or two capitalised syllables and the given
        name's initial with its dot, wherever it stands (police reports write suspects so); no other words have that
        shape."""
        spans = []
        for i in [i for i in range(len(orths) - 2) if orths[i] in self.surname_orths and i not in blocked]:
            for k in (i + 2, i + 3):
                if k >= len(doc) or not all(is_title(doc[j]) and j not in blocked for j in range(i + 1, k)):
                    break
                end = given_initial_end(doc, k)
                if end is not None:
                    spans.append(make_span(doc, i, end, "PERSON", tokens_text(doc, i, end), "people.surname_initial"))
                    break
        return spans

    def initials(self, doc: Doc, texts: list[str], blocked: set[int]) -> list[Span]:
        """Names written as initials (``N.T.H.``, ``Đ.V.T``), wherever they stand: no other word has that shape.

        ``texts`` are the token texts; only a capital letter alone followed by a dot is looked at further.
        """
        spans = []
        k = 0
        while k < len(texts) - 1:
            # not inside another run of initials ("N.T.H." read from its "T"); a sentence's stop before is no such run
            if not ((len(texts[k]) == 1 and texts[k].isupper() or texts[k] in FINAL_DIGRAPHS) and texts[k + 1] == "."
                    and k not in blocked
                    and (k == 0 or texts[k - 1] != "." or doc[k - 1].whitespace_)):
                k += 1
                continue
            end = initials_end(doc, k)
            if end is None:
                k += 1
                continue
            spans.append(make_span(doc, k, end, "PERSON", tokens_text(doc, k, end), "people.initials"))
            k = end
        return spans

    def list_items(self, doc: Doc, found: list[Span], positions: dict[int, Span], orgs: dict[int, Span],
                   places: dict[int, Span], blocked: set[int]) -> list[Span]:
        """Items of a list whose names carry their roles: ``gồm: A, Chính ủy Lữ đoàn 168; B, Phó Chính ủy …``.

        After a name, its parenthesis and the role given to it, a separator and a
        Vietnamese name (opening with a surname) continue the list; so does one
        right after a name and ``và`` or a comma (``Đại tá Nguyễn Văn A và Trần Văn B``).
        """
        items: list[Span] = []
        queue = sorted(found, key=lambda span: span.start)
        while queue:
            name = queue.pop(0)
            k = skip_parenthesis(doc, name.end)
            if k < len(doc) and doc[k].text in ROLE_APPOSITION:
                after_roles = skip_roles(doc, k + 1, positions, orgs)
                if after_roles > k + 1:
                    k = skip_parenthesis(doc, after_roles)
            if k < len(doc) and doc[k].text in LIST_SEPARATORS:
                k += 1
                if k < len(doc) and doc[k].lower_ == "và":
                    k += 1
                end = None if k in places else self.name_end(doc, k, blocked, need_surname=True)
                if end is not None and not any(s.start == k for s in found + items):
                    item = make_span(doc, k, end, "PERSON", tokens_text(doc, k, end), "people.list_item")
                    items.append(item)
                    queue.insert(0, item)
        return items

    def given_names(self, doc: Doc, texts: list[str], found: list[Span], ranks: list[Span], honorifics: list[Span],
                    blocked: set[int], orgs: dict[int, Span], places: dict[int, Span]) -> list[Span]:
        """A given name alone, for a full name of the document that ends with it.

        ``Thiếu tá Thắm``, ``ông Lực`` after a rank or honorific; an honorific
        with a given name (``anh Toàn``; ``Chị Lan`` opening a sentence: a
        capitalised honorific inside a sentence is part of a name, ``Bộ đội
        Cụ Hồ``); and the given name on its own (``Toàn khai nhận``) when only
        one full name ends with it and it is a word of its own, outside any
        organization or place.
        """
        owners: dict[str, set[str]] = {}
        # two-syllable given names of longer names ("Chị Sa Rươne" of "Thạch Thị Sa Rươne"), after a cue only
        pairs: dict[tuple[str, str], set[str]] = {}
        for span in found:
            if MIN_NAME <= len(span) <= MAX_NAME and span[-1].text != ".":
                owners.setdefault(span[-1].text, set()).add(span_text(span))
            if len(span) >= 3:
                pairs.setdefault((span[-2].text, span[-1].text), set()).add(span_text(span))
        taken = bytearray(len(doc))
        lowers = token_lowers(doc)
        for span in (*found, *orgs.values(), *places.values()):
            taken[span.start:span.end] = b"\x01" * len(span)
        # a one-word place (the country Đức) after a rank or an honorific is the given name of the document's
        # full name that ends with it ("Đại tá Đức" after "Đại tá Trần Minh Đức")
        one_word_places = {start for start, place in places.items() if len(place) == 1}

        def alone(k: int, after_cue: bool = False) -> bool:
            if k >= len(doc) or (lowers[k] in self.award_openers
                                 and phrase_at(lowers, k, self.award_words, self.longest_phrase) is not None):
                return False  # "tặng Bằng khen": an award, not the given name of a Nguyễn Văn Bằng
            if any(tuple(lowers[k - len(award):k]) == award for award in self.award_words if len(award) <= k):
                return False  # "Huân chương Chiến công": the award's name, not the given name of a Sầm Văn Chiến
            free = not taken[k] or (after_cue and k in one_word_places and doc[k].text in owners)
            # the "H" of "H'Liên" is no given name of its own
            return (free and k not in blocked and is_title(doc[k]) and not (k + 1 < len(doc) and is_title(doc[k + 1]))
                    and apostrophe_syllable_end(doc, k) == k + 1)

        short = []
        cues = [(s.end, "people.given_name") for s in ranks]
        for honorific in honorifics:
            capitalised = not span_text(honorific).islower()
            if not capitalised or honorific.start == 0 or doc[honorific.start].is_sent_start:
                cues.append((honorific.end, "people.honorific_given_name"))
        for k, source in cues:
            pair = tuple(t.text for t in doc[k:k + 2])
            if len(pairs.get(pair, ())) == 1 and not taken[k] and alone(k + 1):
                short.append(make_span(doc, k, k + 2, "PERSON", tokens_text(doc, k, k + 2), source))
                taken[k:k + 2] = b"\x01\x01"
                continue
            if alone(k, after_cue=True) and (source != "people.given_name" or doc[k].text in owners):
                short.append(make_span(doc, k, k + 1, "PERSON", doc[k].text, source))
                taken[k] = 1
        words = DocumentWords(doc, self.word_source)
        for k in [k for k, text in enumerate(texts) if len(owners.get(text, ())) == 1]:
            # (after a capitalised word only where that word is kin opening its sentence: "Vợ Tài là …")
            kin = k > 0 and lowers[k - 1] in self.kin_words and (k == 1 or doc[k - 1].is_sent_start
                                                                    or doc[k - 2].text in (".", "\n") or doc[k - 2].is_space)
            # (the segmenter joins "Vợ Tài" into one name-like word: the kin's word ending with the given name)
            if (alone(k) and not (k > 0 and is_title(doc[k - 1]) and not kin)
                    and (not words.inside_word(k) or (kin and words.word_end(k - 1) == k + 1))
                    and ((end := words.word_end(k)) == k + 1 or self.glued(doc, k, end))):
                short.append(make_span(doc, k, k + 1, "PERSON", texts[k], "people.given_name_alone"))
        return short

    def glued(self, doc: Doc, k: int, end: int) -> bool:
        """Whether the segmenter joined a given name to the lower-case words after it though they make no word of
        its dictionary (``Bảo lập 3 cửa hàng``, ``Khánh móc nối``; ``Bảo đảm``, ``Khánh thành`` are words)."""
        # ("Ba ban của HĐND": a number opening a sentence, whatever a Phạm Văn Ba of the story is called)
        return (end > k + 1 and not doc[k].like_num and all(t.is_lower for t in doc[k + 1:end])
                and not self.is_word(tokens_text(doc, k, end)))

    def byline(self, doc: Doc) -> list[Span]:
        """The names of the last line of the document when it holds names alone: ``Hoàng Lan``, a pen name
        ``Minh Hiếu``, several authors ``Hải Yến - Đình Tuân`` (separated by a dash, a comma or ``và``)."""
        i = len(doc) - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            return []
        start = i
        # a byline holds at most a few names: a longer last line is no byline, however long it is
        while start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_ \
                and i - start < 3 * (MAX_NAME + 1):
            start -= 1
        if start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_:
            return []
        names = []
        k = start
        while k <= i:
            end = self.name_end(doc, k, set(), need_surname=False)
            if end is None or end - k > MAX_NAME:
                return []
            names.append(make_span(doc, k, end, "PERSON", tokens_text(doc, k, end), "people.byline"))
            if end > i:
                return names
            if doc[end].text not in BYLINE_SEPARATORS:
                return []
            k = end + 1
        return []

    @staticmethod
    def initial_repeats(doc: Doc, texts: list[str], found: list[Span], blocked: set[int]) -> list[Span]:
        """``H. khai nhận …``, ``bắt H., K. và …``: one letter and a dot after a name written as initials
        (``N.T.H.``, ``Đ.Q.K.``) whose last letter it is, the way reports name the person again."""
        letters: dict[str, int] = {}  # last letter of a name in initials → where that name ends
        for span in found:
            letter = span_text(span).rstrip(".")[-1:]
            if len(span) >= 3 and letter.isupper() and all(len(t.text) == 1 for t in span):
                letters.setdefault(letter, span.end)
        spans: list[Span] = []
        if not letters:
            return spans
        for k in range(len(texts) - 1):
            text = texts[k]
            if (text in letters and k >= letters[text] and is_initial(doc, k) and k not in blocked
                    and (k == 0 or not is_title(doc[k - 1])) and not is_initial(doc, k + 2)):
                spans.append(make_span(doc, k, k + 2, "PERSON", tokens_text(doc, k, k + 2), "people.initial_repeat"))
        return spans

    def repeats(self, doc: Doc, found: list[Span], orths: list[int]) -> list[Span]:
        """Later (or earlier) occurrences of a full name already found.

        ``orths`` are the token texts as hashes (``doc.to_array(ORTH)``); a name
        matches its syllables as written, like a phrase matcher on ORTH, without
        building one per document.
        """
        by_first: dict[int, set[tuple[int, ...]]] = {}
        for name in {span_text(span) for span in found}:
            syllables = tuple(doc.vocab.strings[word] for word in name.split())
            if syllables:
                by_first.setdefault(syllables[0], set()).add(syllables)
        # a name's own span keeps the rule that found it (a new span at its offsets would overwrite its source)
        own = {(span.start, span.end) for span in found}
        repeats = []
        for i in [i for i, orth in enumerate(orths) if orth in by_first]:  # the loop body only where a name starts
            for syllables in by_first[orths[i]]:
                if tuple(orths[i:i + len(syllables)]) == syllables and (i, i + len(syllables)) not in own:
                    span = doc[i:i + len(syllables)]
                    repeats.append(make_span(doc, span.start, span.end, "PERSON", span_text(span), "people.repeat"))
        return sorted(repeats, key=lambda span: (span.start, span.end))


@Language.factory("vnx_people", default_config={"lexicon": ""})
def make_person_extractor(nlp: Language, name: str, lexicon: str) -> PersonExtractor:
    return PersonExtractor(nlp, PeopleLexicon.load(Path(lexicon)))

"""Segment stage: sentences and words from underthesea, as a spaCy ``Doc`` whose text is the input.

underthesea groups syllables into words (``Võ Tiến Nghị``, ``Bộ đội``) but
rewrites some characters and sometimes glues across an entity border
(``BĐBP dự``). So the Doc's tokens are syllables and punctuation aligned back
to the text, ``doc.text`` equals the normalized text exactly, and
underthesea's words are kept as token ranges (:func:`word_ranges`, or as
spans :func:`word_spans`). They are ranges in ``doc.user_data`` rather than a
span group because a span group is built from, and read back as, one Span
object per word: a tenth of the pipeline's time on news text, for data the
organization grammar reads as two integers.

    >>> seg = Segmenter(spacy.blank("vi", config=VI_CONFIG).vocab)
    >>> doc = seg("Thiếu tướng Võ Tiến Nghị dự hội nghị.")
    >>> [t.text for t in doc][:4], [w.text for w in word_spans(doc)][:2]
    (['Thiếu', 'tướng', 'Võ', 'Tiến'], ['Thiếu tướng', 'Võ Tiến Nghị'])
"""

from __future__ import annotations

import functools
import pickle
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .crf_features import CRFFeatures
from .crf_tagger import CRFWordTagger
from .ingest import HEADER

# spaCy's Vietnamese tokenizer would import pyvi; the Doc is built here instead
VI_CONFIG = {"nlp": {"tokenizer": {"use_pyvi": False}}}

PIECE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# underthesea's word segmentation model, in underthesea/pipeline/word_tokenize/models/
CRF_MODEL = "ws_crf_vlsp2013_20230727"


def align(text: str, pieces: Sequence[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans in ``text[start:end]`` of ``pieces`` produced from it by a tokenizer.

    A piece that the tokenizer rewrote (another spelling, other characters) is
    matched to the run of text at the same place; text that no piece covers is
    left to the caller. Spans are in order and never overlap.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for piece in pieces:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        if text.startswith(piece, pos) and pos + len(piece) <= end:
            spans.append((pos, pos + len(piece)))
            pos += len(piece)
            continue
        nearby = text.find(piece, pos, min(end, pos + 2 * len(piece) + 8))
        if nearby >= 0 and nearby + len(piece) <= end:
            spans.append((nearby, nearby + len(piece)))
            pos = nearby + len(piece)
            continue
        run = PIECE.match(text, pos)
        stop = min(run.end() if run else pos + 1, end)
        spans.append((pos, stop))
        pos = stop
    return spans


def _pieces(span_text: str, offset: int) -> list[tuple[int, int]]:
    return [(offset + m.start(), offset + m.end()) for m in PIECE.finditer(span_text)]


def _lines(text: str) -> list[tuple[int, int]]:
    """Line spans; a header line ``date YYYY-MM-DD Title`` is two, so no word runs from the date into the title."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    if lines:
        header = HEADER.match(text[lines[0][0]:lines[0][1]])
        if header and header.group(2) is not None:
            title = lines[0][0] + header.start(2)
            lines[0:1] = [(lines[0][0], title), (title, lines[0][1])]
    return lines


ACRONYM_FORM = re.compile(r"^[A-ZĐ]{2,}$")
LOWER_TONE_VOWELS = set("áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ")


def is_acronym_form(text: str) -> bool:
    """Capital letters only (Đ counts), at least two: ``BĐBP``, ``TĐKT``; not ``TTg``."""
    # isupper() first: it turns most syllables away without the regex
    return text.isupper() and ACRONYM_FORM.match(text) is not None


def looks_like_word(text: str) -> bool:
    """An all-capital word of a headline (``HỘI NGHỊ``) rather than an abbreviation: it has a toned vowel."""
    return any(c in LOWER_TONE_VOWELS for c in text.lower())


def is_abbreviation(piece: str) -> bool:
    """An abbreviation (``BĐBP``, ``CHQS``) rather than a word of a capitalised headline (``HỘI``)."""
    return is_acronym_form(piece) and not looks_like_word(piece)


def _is_mark(piece: str) -> bool:
    # a punctuation mark: not \w (a letter, digit or underscore) and not whitespace
    first = piece[:1]
    return not (first.isalnum() or first == "_" or first.isspace())


def word_break(before: str, here: str) -> bool:
    """Whether a word certainly ends between two adjacent syllables or marks, whatever a tokenizer says.

    underthesea sometimes joins a verb and the name after it (``biểu dương Đồn``)
    or an abbreviation and its neighbour (``BĐBP dự``, ``BCH BĐBP``); a
    Vietnamese word never goes from lower case to a capital inside it, runs
    across a punctuation mark or a line break, holds an abbreviation beside
    other syllables or mixes a number with syllables (``000 viên`` of ``1.000 viên``).
    """
    return ("\n" in before or "\n" in here or _is_mark(before) or _is_mark(here)
            or (before[:1].islower() and here[:1].isupper()) or before[:1].isdigit() != here[:1].isdigit()
            or is_abbreviation(before) or is_abbreviation(here))


def split_at_breaks(text: str, tokens: list[tuple[int, int]], first: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of one word, split wherever :func:`word_break` says a word ends."""
    ranges = []
    start = first
    for i in range(first + 1, end):
        if word_break(text[tokens[i - 1][0]:tokens[i - 1][1]], text[tokens[i][0]:tokens[i][1]]):
            ranges.append((start, i))
            start = i
    if end > start:
        ranges.append((start, end))
    return ranges


def _add_whole_pieces(text: str, pieces: list[tuple[int, int]], spans: list[tuple[int, int]],
                      tokens: list[tuple[int, int]], words: list[tuple[int, int]]) -> bool:
    """Append the sentence's pieces and its words as token ranges.

    Returns False, appending nothing, when a word border falls inside a piece
    (the tokenizer rewrote the text there): the pieces then depend on the
    words, and ``_add_pieces_by_word`` cuts them word by word.
    """
    piece_starts = [a for a, _ in pieces]
    ranges = []
    for w_start, w_end in spans:
        first = bisect_left(piece_starts, w_start)
        stop = bisect_left(piece_starts, w_end)
        if (first and pieces[first - 1][1] > w_start) or (stop and pieces[stop - 1][1] > w_end):
            return False
        ranges.append((first, stop))
    offset = len(tokens)
    tokens.extend(pieces)
    for first, stop in ranges:
        words.extend(split_at_breaks(text, tokens, offset + first, offset + stop))
    return True


def _add_pieces_by_word(text: str, start: int, end: int, spans: list[tuple[int, int]], tokens: list[tuple[int, int]],
                        words: list[tuple[int, int]]) -> None:
    cursor = start
    for w_start, w_end in spans:
        tokens.extend(_pieces(text[cursor:w_start], cursor))
        first = len(tokens)
        tokens.extend(_pieces(text[w_start:w_end], w_start))
        words.extend(split_at_breaks(text, tokens, first, len(tokens)))
        cursor = w_end
    tokens.extend(_pieces(text[cursor:end], cursor))


def text_of(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` by the Segmenter: spaCy joins every token again on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Where every token starts in ``doc.text``, read from the Doc once: each sentence segmented reads them (a flat
    list of numbers: a pair per token would be as many new objects for the garbage collector to track)."""
    starts = doc.user_data.get("token_starts")
    if starts is None:
        starts = doc.user_data["token_starts"] = doc.to_array(IDX).tolist()
    return starts


def token_texts(doc: Doc) -> list[str]:
    """The tokens' texts, kept by the Segmenter: ``[t.text for t in doc]`` without a Token object per token."""
    texts = doc.user_data.get("token_texts")
    if texts is None:
        texts = doc.user_data["token_texts"] = [t.text for t in doc]
    return texts


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, sliced out of the Doc's text: slicing a Doc builds a Span (1.6 µs) whose text
    joins its tokens again (2 µs more), and the rules read the text of some 70 token ranges per document."""
    texts = token_texts(doc)
    n = len(texts)
    if start < 0:  # as a Doc slice reads a negative index
        start = max(start + n, 0)
    end = min(end + n if end < 0 else end, n)
    if start >= end:
        return ""
    starts = token_starts(doc)
    return text_of(doc)[starts[start]:starts[end - 1] + len(texts[end - 1])]


def token_lowers(doc: Doc) -> list[str]:
    """The tokens' texts in lower case (spaCy's ``lower_``: ``str.lower`` of the text), read once per Doc: the rules
    that look for words at every token made a Token object for each look."""
    lowers = doc.user_data.get("token_lowers")
    if lowers is None:
        lowers = doc.user_data["token_lowers"] = [text.lower() for text in token_texts(doc)]
    return lowers


def phrase_at(words: Sequence[str], start: int, phrases: Collection[tuple[str, ...]], longest: int = 5) -> int | None:
    """End of the longest phrase of ``phrases`` that starts at token ``start`` (``words``: lower-case tokens).

        >>> phrase_at(["sn", "1990", ",", "quốc", "tịch", "lào"], 3, {("quốc", "tịch")})
        5
    """
    for n in range(min(longest, len(words) - start), 0, -1):
        if tuple(words[start:start + n]) in phrases:
            return start + n
    return None


def word_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of underthesea's words, in text order; a Doc built elsewhere has none."""
    return doc.user_data.get("words", [])


def word_spans(doc: Doc) -> list[Span]:
    """underthesea's words as spans, for reading and tests."""
    return [doc[start:end] for start, end in word_ranges(doc)]


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences that are not blank, read from the SENT_START column.

    Equal to ``[(s.start, s.end) for s in doc.sents if s.text.strip()]`` without
    building a Token object per token (``doc.sents`` does).
    """
    known = doc.user_data.get("sentences")
    if known is not None:
        return known
    if not len(doc):
        return []
    columns = doc.to_array([SENT_START, IS_SPACE]).astype(numpy.int64)
    starts = numpy.flatnonzero(columns[:, 0] == 1)
    if not len(starts) or starts[0] != 0:
        starts = numpy.concatenate(([0], starts))
    ends = numpy.append(starts[1:], len(doc))
    # a sentence of whitespace tokens only is blank
    spaces = numpy.concatenate(([0], numpy.cumsum(columns[:, 1])))
    ranges = [(int(s), int(e)) for s, e in zip(starts, ends) if spaces[e] - spaces[s] < e - s]
    doc.user_data["sentences"] = ranges  # several stages ask; the sentence starts do not change after segmenting
    return ranges


class SentenceIndex:
    """The number of the sentence holding a token, by bisection over sentence starts (no walk over every token)."""

    def __init__(self, sentences: list[tuple[int, int]]):
        self.starts = [start for start, _ in sentences]
        self.ends = [end for _, end in sentences]

    def get(self, token: int) -> int | None:
        """Index in ``sentences`` of the one holding ``token``; None when it is in none of them (a blank line)."""
        n = bisect_right(self.starts, token) - 1
        return n if n >= 0 and token < self.ends[n] else None


def _unpickle(path: Path) -> Any:
    # joblib wrote underthesea's model files as plain pickle streams, which the C unpickler reads several times
    # faster than joblib's pure-Python one (a tenth of a second of every process's start-up)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except pickle.UnpicklingError:  # a joblib container the C unpickler cannot read (compressed, numpy arrays)
        import joblib

        return joblib.load(path)


def crf_model_dir() -> Path:
    """Where underthesea keeps its CRF word segmentation model: models.bin, features.bin, dictionary.bin."""
    import underthesea.pipeline.word_tokenize as word_tokenize_module

    return Path(word_tokenize_module.__file__).parent / "models" / CRF_MODEL


def crf_feature_config() -> tuple[list[str], set[str]]:
    """The CRF model's feature templates and the dictionary its ``is_in_dict`` features read."""
    model = crf_model_dir()
    return _unpickle(model / "features.bin"), _unpickle(model / "dictionary.bin")


def crf_word_tokenize(normalize_tokens: bool = True) -> Callable[[str], list[str]]:
    """underthesea's ``word_tokenize(sentence, use_token_normalize=normalize_tokens)``, its CRF model loaded now.

    The same tokenizer, model and joining of tokens into words as underthesea
    9's ``word_tokenize`` (a test compares them); the tags come from
    :class:`~pipeline.crf_tagger.CRFWordTagger`, which reads the model itself
    and gives underthesea_core's tags in less time, and from underthesea_core's
    tagger (on :class:`~pipeline.crf_features.CRFFeatures`, the same strings as
    its featurizer) for a sentence where it cannot be certain. The function's ``dictionary`` is the model's word
    list (lower case, the words its ``is_in_dict`` features read), for rules that ask whether words are one word.
    """
    from underthesea.pipeline.word_tokenize import regex_tokenize

    features = CRFFeatures(*crf_feature_config())
    tagger = CRFWordTagger(features, crf_model_dir() / "models.bin")

    def tokens_of(sentence: str) -> list[str]:
        # regex_tokenize.tokenize(sentence, use_token_normalize=normalize_tokens, fixed_words=[]) without its
        # groupdict() per match (a third of its time): each alternative of its pattern is one named group around
        # the whole alternative, so the token it reads out of the groups is the match's text
        text = regex_tokenize.normalize_characters_in_text(sentence)
        tokens = [match[0] for match in regex_tokenize.patterns.finditer(text)]
        if normalize_tokens:
            tokens = [regex_tokenize.token_normalize(token, use_character_normalize=True) for token in tokens]
        return tokens

    @functools.cache
    def underthesea_tagger() -> Any:  # loaded when a sentence first needs it
        from underthesea_core import CRFTagger

        loaded = CRFTagger()
        loaded.load(str(crf_model_dir() / "models.bin"))
        return loaded

    def words(sentence: str) -> list[str]:
        tokens = tokens_of(sentence)
        tags = tagger.tags(tokens)
        if tags is None:
            tags = underthesea_tagger().tag(features(tokens))
        joined: list[str] = []
        for tag, token in zip(tags, tokens):
            if tag == "I-W" and joined:
                joined[-1] += " " + token
            else:
                joined.append(token)
        return joined

    words.dictionary = features.dictionary  # type: ignore[attr-defined]
    return words


SENTENCE_END = re.compile(r"[.?!]")


def punkt_sent_tokenize() -> Callable[[str], list[str]]:
    """underthesea's ``sent_tokenize``, its sentence tokenizer loaded now, stepping from one ``.``, ``?`` or ``!``
    to the next instead of through every character.

    underthesea 9's ``PunktSentenceTokenizer.sentences_from_text`` walks the
    text a character at a time in Python, and only those three characters
    make it do anything but step on: here a regex finds the next one and the
    loop's body is underthesea's, with its own boundary test (a test compares
    the sentences with underthesea's on every line of the project's texts and
    on generated ones).
    """
    from underthesea.pipeline import sent_tokenize as module

    module._load_model()
    tokenizer = module.sentence_tokenizer
    ends, is_boundary = tokenizer.SENT_END_CHARS, tokenizer._is_sentence_boundary

    def sentences(text: str) -> list[str]:
        if not text or not text.strip():
            return []
        found: list[str] = []
        start = 0
        n = len(text)

        def close(end: int) -> int:
            # the sentence from ``start`` to ``end`` when it is not blank; the next starts after the whitespace
            sentence = text[start:end].strip()
            if sentence:
                found.append(sentence)
            while end < n and text[end] in " \t\n\r":
                end += 1
            return end

        mark = SENTENCE_END.search(text)
        while mark is not None:
            i = mark.start()
            if text[i] == ".":
                dot_end = i
                while dot_end < n and text[dot_end] == ".":
                    dot_end += 1
                if dot_end - i >= 3:  # an ellipsis: a boundary at the end of the text or before a capital
                    after = dot_end
                    while after < n and text[after] in " \t":
                        after += 1
                    if after >= n or text[after].isupper():
                        start = dot_end = close(dot_end)
                    mark = SENTENCE_END.search(text, dot_end)
                    continue
            if is_boundary(text, i):
                end = i + 1
                while end < n and text[end] in ends:
                    end += 1
                start = close(end)
                mark = SENTENCE_END.search(text, start)
                continue
            mark = SENTENCE_END.search(text, i + 1)
        close(n)
        return found

    return sentences


class Segmenter:
    """Builds a Doc of syllable tokens with sentence starts and underthesea words.

    ``sentences`` and ``words`` default to underthesea's ``sent_tokenize`` and
    ``word_tokenize`` (:func:`punkt_sent_tokenize`, :func:`crf_word_tokenize`);
    they are parameters so that tests can run without models.
    ``tones_placed`` says the text went through the normalize stage, which
    applies underthesea's own tone table: ``word_tokenize`` then skips doing it
    again token by token (``use_token_normalize=False``; on 2,109 news
    sentences the words are the same and segmentation takes 7 % less time).
    """

    def __init__(
        self,
        vocab: Vocab,
        sentences: Callable[[str], list[str]] | None = None,
        words: Callable[[str], list[str]] | None = None,
        tones_placed: bool = False,
    ):
        if sentences is None:
            sentences = punkt_sent_tokenize()
        if words is None:
            words = crf_word_tokenize(normalize_tokens=not tones_placed)
        self.vocab = vocab
        self.sentences = sentences
        self.words = words

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """Sentences within each line: a line break always ends a sentence in news text."""
        spans: list[tuple[int, int]] = []
        for line_start, line_end in _lines(text):
            line = text[line_start:line_end]
            if not line.strip():
                continue
            found = align(text, self.sentences(line), line_start, line_end)
            cursor = line_start
            for s, e in found:
                if text[cursor:s].strip():
                    spans.append((cursor, s))
                spans.append((s, e))
                cursor = e
            if text[cursor:line_end].strip():
                spans.append((cursor, line_end))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def __call__(self, text: str, words: bool = True) -> Doc:
        """The Doc of ``text``; with ``words=False`` no sentence is given to ``word_tokenize`` here, and the
        rules that read words ask :meth:`words_in` for the sentences they need (see :class:`DocumentWords`)."""
        tokens: list[tuple[int, int]] = []
        sent_starts: set[int] = set()
        found: list[tuple[int, int]] | None = [] if words else None
        for s_start, s_end in self.sentence_spans(text):
            sent_starts.add(len(tokens))
            pieces = [m.span() for m in PIECE.finditer(text, s_start, s_end)]
            if found is None:
                tokens.extend(pieces)
                continue
            spans = align(text, self.words(text[s_start:s_end]), s_start, s_end)
            if not _add_whole_pieces(text, pieces, spans, tokens, found):
                _add_pieces_by_word(text, s_start, s_end, spans, tokens, found)
        return self._build(text, tokens, sent_starts, found)

    def is_word(self, text: str) -> bool:
        """Whether ``text`` (words separated by spaces) is one word of the segmentation model's dictionary
        (``bảo đảm``, ``khánh thành``; not ``bảo lập``); False where the segmenter has no dictionary."""
        return text.lower() in getattr(self.words, "dictionary", ())

    def words_in(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """underthesea's words of the tokens ``[start, end)`` (a sentence) as token ranges.

        A word whose border falls inside a token (``word_tokenize`` rewrote the
        text there) is left out: its syllables count as words of their own.
        """
        if start >= end:
            return []
        text = text_of(doc)
        starts, texts = token_starts(doc), token_texts(doc)
        chars = [(starts[i], starts[i] + len(texts[i])) for i in range(start, end)]
        first_token = {a: i for i, (a, _) in enumerate(chars)}
        after_token = {b: i + 1 for i, (_, b) in enumerate(chars)}
        ranges: list[tuple[int, int]] = []
        for a, b in align(text, self.words(text[chars[0][0]:chars[-1][1]]), chars[0][0], chars[-1][1]):
            if a in first_token and b in after_token:
                ranges.extend(split_at_breaks(text, chars, first_token[a], after_token[b]))
        return [(a + start, b + start) for a, b in ranges]

    def _build(self, text: str, tokens: list[tuple[int, int]], sent_starts: set[int],
               words: list[tuple[int, int]] | None) -> Doc:
        surface: list[str] = []
        spaces: list[bool] = []
        index_of: list[int] = []  # token of ``tokens`` → token of the Doc
        # Doc tokens that start a sentence; leading whitespace belongs to the first sentence, so none is blank
        firsts = [0]
        cursor = 0

        def gap(upto: int) -> None:
            # whitespace between tokens: one space rides on the previous token, the rest is a token
            nonlocal cursor
            between = text[cursor:upto]
            if between and surface and not spaces[-1] and between[0] == " ":
                spaces[-1] = True
                between = between[1:]
            if between:
                surface.append(between)
                spaces.append(False)
            cursor = upto

        for i, (start, end) in enumerate(tokens):
            if start == cursor + 1 and surface and not spaces[-1] and text[cursor] == " ":
                spaces[-1] = True  # the common gap, one space, without a call
            elif start > cursor:
                gap(start)
            if i in sent_starts and i > 0:
                firsts.append(len(surface))
            index_of.append(len(surface))
            surface.append(text[start:end])
            spaces.append(False)
            cursor = end
        gap(len(text))
        doc = Doc(self.vocab, words=surface, spaces=spaces)
        if surface:
            # what Doc(sent_starts=…) writes (1 starts a sentence, -1 does not), without its loop over the tokens
            column = numpy.full(len(surface), -1, dtype=numpy.int64)
            column[firsts] = 1
            doc.from_array([SENT_START], column.astype(numpy.uint64))
        if words is not None:
            doc.user_data["words"] = [(index_of[a], index_of[b - 1] + 1) for a, b in words]
        # what sentence_ranges reads from the Doc: no sentence is blank when the text has a token
        doc.user_data["sentences"] = list(zip(firsts, firsts[1:] + [len(surface)])) if tokens else []
        doc.user_data["text"] = text
        doc.user_data["token_texts"] = surface
        return doc


class DocumentWords:
    """underthesea's words of one Doc, for the rules that read them; a sentence is segmented when first asked about.

    A Doc built with its words (``Segmenter(text)``) has them all. A Doc built
    with ``words=False`` has none, and ``segment`` (:meth:`Segmenter.words_in`)
    is called once for each sentence a rule asks about: in news text most
    sentences hold no organization head, and segmenting is most of the
    pipeline's time. Without either, every syllable is a word of its own.
    """

    def __init__(self, doc: Doc, segment: Callable[[Doc, int, int], list[tuple[int, int]]] | None = None):
        self.doc = doc
        self.segment = segment
        self.ends: dict[int, int] = {}  # first token of a word → its end
        self.inside: set[int] = set()  # tokens that continue a word
        known = doc.user_data.get("words")
        self.lazy = known is None and segment is not None
        if self.lazy:
            self.sentences = sentence_ranges(doc)
            self.sentence_of = SentenceIndex(self.sentences)
            self.segmented: set[int] = set()
        else:
            self._add(known or [])

    def _add(self, words: list[tuple[int, int]]) -> None:
        for start, end in words:
            self.ends[start] = end
            self.inside.update(range(start + 1, end))

    def _segment_sentence_of(self, token: int) -> None:
        n = self.sentence_of.get(token)
        if n is None or n in self.segmented:
            return
        self.segmented.add(n)
        self._add(self.segment(self.doc, *self.sentences[n]))  # type: ignore[misc]

    def _certain_break(self, token: int) -> bool:
        # a word ends before ``token`` whatever underthesea says (word_break): no need to segment for it
        texts = token_texts(self.doc)
        return token <= 0 or token >= len(texts) or word_break(texts[token - 1], texts[token])

    def inside_word(self, token: int) -> bool:
        """Whether ``token`` continues a word begun before it (``đội`` of ``Bộ đội``)."""
        if self.lazy:
            if self._certain_break(token):
                return False
            self._segment_sentence_of(token)
        return token in self.inside

    def word_end(self, token: int) -> int:
        """End of the word that begins at ``token`` (``token + 1`` for a one-syllable word)."""
        if self.lazy:
            if self._certain_break(token + 1):
                return token + 1
            self._segment_sentence_of(token)
        return self.ends.get(token, token + 1)

"""Normalize stage: Unicode NFC and official tone-mark placement, with a map back to raw offsets.

underthesea's ``text_normalize`` also re-spaces punctuation and fixes some
spellings, which would lose offsets; this stage keeps only what joins values
across documents (NFC, ``Hoá`` → ``Hóa``, ``Thuỵ`` → ``Thụy``, ``ð`` → ``đ``) and
records, for every normalized character, the raw characters it came from.

    >>> n = normalize_text("Thanh Hoa\\u0301", ToneMap.from_underthesea())
    >>> n.text, n.raw_span(0, len(n.text))
    ('Thanh Hóa', (0, 10))

Text from research corpora is pre-tokenized (``ingest.pretokenized``):
:func:`read_pretokenized` writes it back the way the genre writes it, so that
the extractors need no second set of rules, and keeps the map to the input:

    >>> p = read_pretokenized(normalize_text("ngày 24 - 7 - 2020 tại Hà_Nội ( CDC ) .", None))
    >>> p.text
    'ngày 24-7-2020 tại Hà Nội (CDC).'
    >>> p.raw_span(5, 14)
    (5, 18)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SYLLABLES_AND_GAPS = re.compile(r"(\w+)")

# Pre-tokenized text. A space or tab (never a line break) is dropped before a closing mark and after an
# opening one, around the dash or slash between two numbers (dates: "24 - 7 - 2020", "21 / 7"), and
# inside a pair of straight double quotes; an underscore joining two syllables ("Hà_Nội") reads as a space.
CLOSING = ",.;:!?…)]}%”’»"
OPENING = "([{“‘«"
BLANK = "[ \t]"
PRETOKENIZED_BLANKS = re.compile(
    rf"({BLANK}+)(?=[{re.escape(CLOSING)}])"
    rf"|(?<=[{re.escape(OPENING)}])({BLANK}+)"
    rf"|(?<=\d)({BLANK}*)[-–/]({BLANK}*)(?=\d)")
JOINING_UNDERSCORE = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
STRAIGHT_QUOTE = re.compile(rf"({BLANK}*)\"({BLANK}*)")
# a punctuation mark that is written attached to a word in running text, standing alone between blanks
PUNCTUATION = re.compile(r"[,.;:!?()\"“”]+")


def _strip_tones(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    # U+0300-U+0323 minus the marks that are part of letters (breve, circumflex, horn)
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))


# Vietnamese onsets, longest first: what a syllable's rhyme follows
ONSETS = tuple(sorted("ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split(), key=len,
                      reverse=True))


def onset_of(syllable: str) -> str:
    """The onset of a lower-case syllable (``ngh`` of ``nghĩa``, ``""`` of ``oà``); the whole is never an onset."""
    return next((o for o in ONSETS if syllable.startswith(o) and len(syllable) > len(o)), "")


# the open rhymes whose tone mark the official placement puts on their first vowel (hoà → hòa, thuỵ → thụy)
MOVING_RHYMES = ("oa", "oe", "uy")
TONE_MARKS = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def with_every_onset() -> dict[str, str]:
    """The official placement of a tone mark in the open rhymes ``oa``, ``oe``, ``uy`` after every onset: the mark
    on the second vowel moves to the first (underthesea's table has ``hoà`` → ``hòa`` but not ``loà``, the commune
    name ``Thanh Loà``).

        >>> with_every_onset()["loà"], with_every_onset()["thuỵ"]
        ('lòa', 'thụy')
    """
    def marked(vowel: str, tone: str) -> str:
        return unicodedata.normalize("NFC", vowel + tone)

    return {onset + first + marked(second, tone): onset + marked(first, tone) + second
            for onset in ("", *ONSETS) for first, second in MOVING_RHYMES for tone in TONE_MARKS
            if not (onset == "qu" and first == "u")}


@dataclass(frozen=True)
class ToneMap:
    """Lower-case syllable → the same syllable with its tone mark placed officially.

    Built from underthesea's own normalization table, keeping only entries that
    move a tone mark (same letters, same length), so offsets never shift.
    """

    syllables: dict[str, str]
    characters: dict[str, str]

    @classmethod
    @functools.cache  # from underthesea's fixed table, never changed: the Pipeline and the place registry share one
    def from_underthesea(cls) -> ToneMap:
        from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map

        syllables = {
            source: target
            for source, target in token_map.items()
            if len(source) == len(target) and source != target and _strip_tones(source) == _strip_tones(target)
        }
        characters = {k: v for k, v in character_map.items() if len(k) == len(v) == 1}
        # the table also moves a few marks the other way ("lòa" → "loà", where "hoà" → "hòa"): the official
        # placement of these rhymes holds for every onset
        placed = with_every_onset()
        official = set(placed.values())
        return cls(syllables={**{k: v for k, v in syllables.items() if k not in official}, **placed},
                   characters=characters)

    def apply(self, text: str) -> str:
        """Place tone marks in every syllable of NFC ``text``; the length never changes."""
        for source, target in self.characters.items():
            text = text.replace(source, target)
        # the syllables at odd indices, the text between them at even ones: one look-up per syllable and a
        # Python call only for the few that change (a replacement function would be called for every syllable)
        pieces = SYLLABLES_AND_GAPS.split(text)
        syllables = self.syllables
        for i in [i for i in range(1, len(pieces), 2) if pieces[i].lower() in syllables]:
            word, after = pieces[i], pieces[i + 1][:1]
            if after and unicodedata.combining(after):
                continue  # a stray combining mark after the syllable would compose with the moved vowel
            pieces[i] = "".join(t.upper() if w.isupper() else t for w, t in zip(word, syllables[word.lower()]))
        return "".join(pieces)


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text plus, per normalized character, the raw span it came from.

    ``starts``/``ends`` are None when the text is unchanged in length and
    position (the common case), so the map costs nothing then.
    """

    text: str
    raw_length: int
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the normalized span [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            raw = self.starts[start] if start < len(self.starts) else self.raw_length
            return raw, raw
        return self.starts[start], self.ends[end - 1]


def _clusters(raw: str) -> list[tuple[int, int]]:
    """Split raw text before every character that does not combine with the previous one."""
    bounds = [i for i, c in enumerate(raw) if i == 0 or unicodedata.combining(c) == 0]
    bounds.append(len(raw))
    return list(zip(bounds, bounds[1:]))


def nfc_with_map(raw: str) -> NormalizedText:
    """NFC-normalize ``raw`` cluster by cluster, keeping each output character's raw span."""
    if unicodedata.is_normalized("NFC", raw):
        return NormalizedText(text=raw, raw_length=len(raw))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for begin, end in _clusters(raw):
        piece = unicodedata.normalize("NFC", raw[begin:end])
        pieces.append(piece)
        starts.extend([begin] * len(piece))
        ends.extend([end] * len(piece))
    text = "".join(pieces)
    if text != unicodedata.normalize("NFC", raw):
        # composition across clusters (outside Vietnamese script): map whole lines instead
        return _nfc_by_line(raw)
    return NormalizedText(text=text, raw_length=len(raw), starts=tuple(starts), ends=tuple(ends))


def _nfc_by_line(raw: str) -> NormalizedText:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    begin = 0
    for line in raw.splitlines(keepends=True):
        end = begin + len(line)
        piece = unicodedata.normalize("NFC", line)
        pieces.append(piece)
        starts.extend([begin] * len(piece))
        ends.extend([end] * len(piece))
        begin = end
    return NormalizedText(text="".join(pieces), raw_length=len(raw), starts=tuple(starts), ends=tuple(ends))


def normalize_text(raw: str, tone_map: ToneMap | None) -> NormalizedText:
    """NFC, then official tone placement when ``tone_map`` is given; offsets map back to ``raw``."""
    nfc = nfc_with_map(raw)
    if tone_map is None:
        return nfc
    return NormalizedText(text=tone_map.apply(nfc.text), raw_length=nfc.raw_length, starts=nfc.starts, ends=nfc.ends)


def looks_pretokenized(text: str, least: int = 3) -> bool:
    """Whether most punctuation marks of ``text`` stand alone between spaces, as in a tokenized corpus.

    Only marks a writer attaches to a word count (``, . ; : ! ? ( ) " “ ”``), not
    those inside a number (``1.000``, ``21/7``); fewer than ``least`` marks tell nothing.

    >>> looks_pretokenized("Sáng 23/9 , Bộ đội Biên_phòng ( BĐBP ) tổ_chức hội_nghị .")
    True
    >>> looks_pretokenized("Sáng 23/9, Bộ đội Biên phòng (BĐBP) tổ chức hội nghị.")
    False
    """
    alone = total = 0
    for match in PUNCTUATION.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isdigit() and after.isdigit():
            continue
        total += 1
        alone += before.isspace() and after.isspace()
    return total >= least and 2 * alone > total


def reads_pretokenized(raw: str, setting: str | bool) -> bool:
    """Whether ``raw`` is read as pre-tokenized under ``ingest.pretokenized`` (true, false or "auto")."""
    return setting is True or (setting == "auto" and looks_pretokenized(raw))


def _straight_quote_blanks(text: str) -> Iterable[int]:
    """Blanks inside pairs of straight double quotes, line by line (a line with an odd count is left as is)."""
    line_start = 0
    for line in text.split("\n"):
        quotes = list(STRAIGHT_QUOTE.finditer(line))
        if len(quotes) % 2 == 0:
            for index, quote in enumerate(quotes):
                inside = 2 if index % 2 == 0 else 1  # after an opening quote, before a closing one
                yield from range(line_start + quote.start(inside), line_start + quote.end(inside))
        line_start += len(line) + 1


def read_pretokenized(source: NormalizedText) -> NormalizedText:
    """``source`` written as the genre writes it: ``24-7-2020``, ``Hà Nội``, ``(CDC)``, ``TP. HCM``.

    Only blanks are removed and only underscores changed, so every character
    left keeps its raw span: a span of the result maps to the input as given,
    spaces and underscores included (``24 - 7 - 2020``, ``Hà_Nội``).
    """
    text = source.text
    dropped = bytearray(len(text))
    for match in PRETOKENIZED_BLANKS.finditer(text):
        for group in range(1, 5):
            start, end = match.span(group)
            dropped[start:end] = b"\x01" * (end - start)
    for i in _straight_quote_blanks(text):
        dropped[i] = 1
    joined = [match.start() for match in JOINING_UNDERSCORE.finditer(text)]
    if not any(dropped) and not joined:
        return source
    chars = list(text)
    for i in joined:
        chars[i] = " "
    kept = [i for i, gone in enumerate(dropped) if not gone]
    starts = source.starts or range(len(text))
    ends = source.ends or range(1, len(text) + 1)
    return NormalizedText(text="".join(chars[i] for i in kept), raw_length=source.raw_length,
                          starts=tuple(starts[i] for i in kept), ends=tuple(ends[i] for i in kept))


def normalize_value(value: str, tone_map: ToneMap) -> str:
    """The form of a normalized value: NFC, official tone marks, single spaces."""
    return " ".join(tone_map.apply(unicodedata.normalize("NFC", value)).split())

"""Segment: the Doc's text is the input exactly, whatever underthesea does; words and sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core import Pipeline
from pipeline.model import RawDocument
from pipeline.segment import (VI_CONFIG, DocumentWords, Segmenter, align, sentence_ranges, split_at_breaks, text_of,
                              word_break, word_spans)

RAW_DIR = Path(__file__).resolve().parents[1] / "data" / "raw"
NEWS = [
    "Sáng 23/9, Bộ Tư lệnh BĐBP tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2025.",
    "date 2025-09-23 Hội nghị giao ban\nĐại tá Trần Văn Hải, Chỉ huy trưởng BĐBP tỉnh Nghệ An phát biểu.\n",
    "Đồn Biên phòng Pù Nhi phối hợp với Công an xã tuần tra (từ 10/9 đến 15/9).  Kết quả: bắt giữ 2 đối tượng!",
    "Tỉnh Thanh Hoá có 213 km đường biên giới; lực lượng BĐBP quản lý 16 đồn.\r\nHoàng Lan\r\n",
]

NAUGHTY = [
    "", " ", "     ", "\t\t", "\r\n", "\n", "a\r\nb", "\n\n\n", "Dòng một\n\n\nDòng hai\n\n",
    "😀🇻🇳👍🏽 Chào mừng", "مرحبا بالعالم", "שלום עולם", "a\u200db", "\u200b", "\u0301\u0300", "\u0301",
    "x" * 3000, "BĐBP" * 200, "!!!???...,,,;;;---", "…“”‘’«»", "BĐBP dự hội nghị", "\ufeff", "\u00a0\u2028\u2029",
    "Đại tá\u00a0Trần Văn Hải", "A\u0301 B\u0300", "12/9/2025-13/9/2025", "ĐẠI HỘI ĐẢNG BỘ", "a\tb\tc", " \n leading",
    "trailing \n ", "Ảnh: TTXVN",
]


@pytest.mark.parametrize("text", NEWS + NAUGHTY)
def test_doc_text_is_input(pipe: Pipeline, text: str) -> None:
    doc = pipe.segmenter(text)
    assert doc.text == text
    for word in word_spans(doc):
        assert word.text.strip() == word.text and word.text
    for sentence in doc.sents:
        assert sentence.text  # no empty sentence


@pytest.mark.parametrize("text", NEWS + NAUGHTY)
def test_pipeline_survives_and_offsets_hold(pipe: Pipeline, text: str) -> None:
    result = pipe.process(RawDocument("n.txt", text))
    assert result.status == "ok", result.error
    for m in result.mentions:
        assert text[m.start:m.end] == m.text


def test_glued_word_is_split_into_syllable_tokens(pipe: Pipeline) -> None:
    doc = pipe.segmenter("Lãnh đạo BĐBP dự hội nghị.")
    assert [t.text for t in doc][:4] == ["Lãnh", "đạo", "BĐBP", "dự"]


def test_words_group_syllables(pipe: Pipeline) -> None:
    doc = pipe.segmenter("Thiếu tướng Võ Tiến Nghị dự hội nghị.")
    assert [t.text for t in doc][:4] == ["Thiếu", "tướng", "Võ", "Tiến"]
    words = [w.text for w in word_spans(doc)]
    assert "Võ Tiến Nghị" in words


def test_segment_normalizes_first(pipe: Pipeline) -> None:
    doc = pipe.segment("tỉnh Thanh Hoa\u0301")
    assert doc.text == "tỉnh Thanh Hóa"


@pytest.mark.parametrize(("text", "n"), [
    ("Hội nghị tổng kết công tác năm 2025\nSáng 23/9, Bộ Tư lệnh tổ chức hội nghị", 2),
    ("Dòng một không dấu chấm\nDòng hai không dấu chấm\nDòng ba", 3),
    ("Câu thứ nhất kết thúc. Câu thứ hai cũng kết thúc.", 2),
    ("Một dòng\n\n\n\nMột dòng khác", 2),
    ("\n\n", 0),
])
def test_line_break_ends_a_sentence(pipe: Pipeline, text: str, n: int) -> None:
    spans = pipe.segmenter.sentence_spans(text)
    assert len(spans) == n
    for start, end in spans:
        assert "\n" not in text[start:end]
        assert text[start:end].strip()


def test_sentence_ids_follow_lines(process) -> None:
    result = process("Đại tá Trần Văn Hải dự họp\nThiếu tướng Lê Văn Bình phát biểu")
    people = {m.text: m.sentence_id for m in result.mentions if m.type == "PERSON"}
    assert people == {"Trần Văn Hải": 0, "Lê Văn Bình": 1}
    assert result.n_sentences == 2


# --- align() with fake tokenizers ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "pieces", "expected"), [
    ("Bộ đội Biên phòng", ["Bộ đội", "Biên phòng"], [(0, 6), (7, 17)]),
    ("  Bộ đội  ", ["Bộ đội"], [(2, 8)]),
    ("Thanh Hoá", ["Thanh", "Hóa"], [(0, 5), (6, 9)]),              # tokenizer rewrote the tone mark
    ("abc def", ["ABC", "DEF"], [(0, 3), (4, 7)]),                   # rewrote every character
    ("BĐBP dự họp", ["BĐBP dự", "họp"], [(0, 7), (8, 11)]),          # glued across an entity border
    ("a , b", ["a", "b"], [(0, 1), (4, 5)]),                          # a piece skipped by the tokenizer
    ("ngày 23/9", ["ngày", "23 / 9"], [(0, 4), (5, 7), ]),            # rewritten with spaces: a run
    ("xin chào", ["xin", "chào", "thừa"], [(0, 3), (4, 8)]),          # more pieces than text
    ("", ["a"], []),
    ("abc", [], []),
])
def test_align(text: str, pieces: list[str], expected: list[tuple[int, int]]) -> None:
    assert align(text, pieces) == expected


def test_align_within_bounds() -> None:
    text = "Câu một. Câu hai."
    spans = align(text, ["Câu", "hai", "."], 9, len(text))
    assert spans == [(9, 12), (13, 16), (16, 17)]
    assert align(text, ["Câu một. Câu hai."], 0, 8) == [(0, 3)]


@pytest.mark.parametrize("text", ["Ngày 5/10 Thiếu tướng Lê An dự họp.", "Hoá Hoà\nThuỵ", "😀 xyz", "a\u0301b", ""])
@pytest.mark.parametrize("rewrite", [str.upper, lambda s: s.replace("o", "0"), lambda s: "".join(reversed(s)),
                                     lambda s: s.replace(" ", "_")])
def test_align_spans_ordered_and_in_bounds(text: str, rewrite) -> None:
    pieces = [rewrite(w) for w in text.split()]
    spans = align(text, pieces)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize("text", NEWS + NAUGHTY[:12])
def test_segmenter_with_rewriting_fake_tokenizer(text: str) -> None:
    vocab = spacy.blank("vi", config=VI_CONFIG).vocab
    segmenter = Segmenter(vocab, sentences=lambda s: [s.upper()], words=lambda s: [w.lower() + "x" for w in s.split()])
    doc = segmenter(text)
    assert doc.text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("biểu dương Đồn", [(0, 2), (2, 3)]),
    ("Bộ đội", [(0, 2)]),
    ("Vùng dự", [(0, 2)]),
    ("Thanh Hóa", [(0, 2)]),
    ("11 / 9", [(0, 1), (1, 2), (2, 3)]),
    ("Hà Nội , Huế", [(0, 2), (2, 3), (3, 4)]),
])
def test_split_at_breaks(text, expected):
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    assert split_at_breaks(text, tokens, 0, len(tokens)) == expected


@pytest.mark.parametrize(("before", "here", "broken"), [
    ("dương", "Đồn", True), (",", "Bộ", True), ("Bộ", ".", True), ("(", "BĐBP", True), ("BCH", "BĐBP", True),
    ("BĐBP", "dự", True), ("11", "vụ", True), ("000", "viên", True), ("quân", "\n", True),
    ("Bộ", "đội", False), ("Thanh", "Hóa", False), ("cán", "bộ", False), (" ", "Bộ", False), ("HỘI", "NGHỊ", False),
    ("2025", "2026", False),
])
def test_word_break(before: str, here: str, broken: bool) -> None:
    assert word_break(before, here) is broken


LAZY_TEXTS = NEWS + [
    "Ngày 5/10, cán bộ, chiến sĩ Bộ đội Biên phòng tỉnh và Công an xã Na Mèo tuần tra; Bộ Quốc phòng biểu dương Đồn.",
    "Thượng tá Lò Văn Sáy, Chính trị viên Đồn Biên phòng Pù Nhi  nói: “Bộ đội  Biên phòng luôn đồng hành”.",
]


@pytest.mark.parametrize("text", LAZY_TEXTS + NAUGHTY)
def test_words_segmented_on_demand_equal_words_segmented_first(pipe: Pipeline, text: str) -> None:
    """A sentence segmented when a rule first asks gives the words that segmenting every sentence gives."""
    eager = DocumentWords(pipe.segmenter(text))
    lazy_doc = pipe.segmenter(text, words=False)
    lazy = DocumentWords(lazy_doc, pipe.segmenter.words_in)
    assert "words" not in lazy_doc.user_data
    for token in range(len(lazy_doc) + 1):
        assert lazy.inside_word(token) == eager.inside_word(token), token
        assert lazy.word_end(token) == eager.word_end(token), token


def test_words_are_only_segmented_where_asked(pipe: Pipeline) -> None:
    text = "Hôm nay trời nắng.\nCán bộ Bộ đội Biên phòng tuần tra."
    doc = pipe.segmenter(text, words=False)
    asked: list[tuple[int, int]] = []

    def segment(doc, start, end):
        asked.append((start, end))
        return pipe.segmenter.words_in(doc, start, end)

    words = DocumentWords(doc, segment)
    bo = [t.i for t in doc if t.text == "Bộ"][0]
    assert not words.inside_word(bo)  # after "bộ", before "đội": the second sentence only
    assert words.word_end(bo) == bo + 2
    assert asked == [sentence_ranges(doc)[1]]


@pytest.mark.parametrize("text", LAZY_TEXTS)
def test_segment_words_setting_gives_the_same_results(config, text: str) -> None:
    from pipeline.config import load_config

    needed = Pipeline(config).process(RawDocument("a.txt", text))
    every = Pipeline(load_config(overrides=["segment.words=all"])).process(RawDocument("a.txt", text))
    assert needed == every


PIECE_TEXT = st.text(alphabet="aàBĐ9 ,.(\u0301-\n", max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=PIECE_TEXT, cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=12))
def test_pieces_in_one_pass_equal_pieces_word_by_word(text: str, cuts: list[int]) -> None:
    """Wherever the one-pass fast path accepts a sentence, its tokens and words are those cut word by word."""
    from pipeline.segment import PIECE, _add_pieces_by_word, _add_whole_pieces

    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    words = [text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    spans = align(text, words)
    fast_tokens: list[tuple[int, int]] = []
    fast_words: list[tuple[int, int]] = []
    slow_tokens: list[tuple[int, int]] = []
    slow_words: list[tuple[int, int]] = []
    _add_pieces_by_word(text, 0, len(text), spans, slow_tokens, slow_words)
    pieces = [m.span() for m in PIECE.finditer(text)]
    if _add_whole_pieces(text, pieces, spans, fast_tokens, fast_words):
        assert (fast_tokens, fast_words) == (slow_tokens, slow_words)
    else:
        assert (fast_tokens, fast_words) == ([], [])


def test_a_word_border_inside_a_piece_is_cut_word_by_word() -> None:
    """``Nội2025`` is one piece, but the tokenizer's words end after ``Nội``: the word-by-word path cuts it."""
    segmenter = Segmenter(spacy.blank("vi", config=VI_CONFIG).vocab, sentences=lambda s: [s],
                          words=lambda s: ["Hà Nội", "2025"])
    doc = segmenter("Hà Nội2025")
    assert [t.text for t in doc] == ["Hà", "Nội", "2025"]
    assert [w.text for w in word_spans(doc)] == ["Hà Nội", "2025"]


@pytest.mark.parametrize("text", NEWS + NAUGHTY)
def test_sentence_ranges_are_the_non_blank_sentences(pipe: Pipeline, text: str) -> None:
    doc = pipe.segmenter(text)
    assert sentence_ranges(doc) == [(s.start, s.end) for s in doc.sents if s.text.strip()]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("aB đ.\n\t ,Ầ1")), max_size=60))
def test_sentence_ranges_on_any_layout(text: str) -> None:
    vocab = spacy.blank("vi", config=VI_CONFIG).vocab
    doc = Segmenter(vocab, sentences=lambda s: [p for p in re.split(r"(?<=\.) ", s) if p],
                    words=str.split)(text)
    assert sentence_ranges(doc) == [(s.start, s.end) for s in doc.sents if s.text.strip()]


def test_segmenter_keeps_its_text(pipe: Pipeline) -> None:
    doc = pipe.segmenter(NEWS[1])
    assert text_of(doc) == doc.text == NEWS[1]


def test_skipping_underthesea_token_normalization_keeps_the_words() -> None:
    """The normalize stage already placed tone marks with underthesea's table, so word_tokenize need not."""
    from underthesea import word_tokenize

    from pipeline.normalize import ToneMap, normalize_text

    tone_map = ToneMap.from_underthesea()
    for text in NEWS + ["Thuỵ Hoà và Hoá chất, khoẻ mạnh; Quý Hợi"]:
        normalized = normalize_text(text, tone_map).text
        assert word_tokenize(normalized, use_token_normalize=False) == word_tokenize(normalized)


@pytest.mark.parametrize("normalize_tokens", [True, False])
def test_crf_word_tokenize_gives_underthesea_words(normalize_tokens: bool) -> None:
    """The segmenter's own loading of underthesea's CRF model gives word_tokenize's words, sentence by sentence."""
    from underthesea import sent_tokenize, word_tokenize

    from pipeline.ingest import iter_inputs
    from pipeline.segment import crf_word_tokenize

    words = crf_word_tokenize(normalize_tokens)
    sentences = [s for doc in iter_inputs([RAW_DIR]) for s in sent_tokenize(doc.text)]
    sentences += NEWS + ["", "Thuỵ Hoà và Hoá chất, khoẻ mạnh; Quý Hợi", "BĐBP 21/7/2025 lúc 7h30, email a@b.vn",
                         # one of each of underthesea's token patterns: URL, e-mail, phone, time, plate, emoji …
                         "Xem https://bdbp.vn/a_b (PV) và tin.vn/x, gọi 03-5730-2357 lúc 10:20:50 ngày 20.08.2014; "
                         "xe 43H-0530 loại 4K, 3x4 m, 1.600m-2.000m, 4.123,2 tấn, T.Ư, H'Mông, NĐ-CP v.v... :D =)) <3"]
    assert len(sentences) > 50
    for sentence in sentences:
        assert words(sentence) == word_tokenize(sentence, use_token_normalize=normalize_tokens), sentence


# what underthesea's sentence tokenizer reacts to: sentence ends, ellipses, abbreviations, numbers, case, line breaks
SENTENCE_PIECES = st.sampled_from([".", "..", "...", "....", "?", "!", "?!", " ", "  ", "\t", "\n", "\r", "Tp", "TS",
                                   "e.g", "a", "B", "Đ", "ông", "Hà Nội", "1", "500", ",", "…", "(", ")", "x"])


def test_punkt_sent_tokenize_gives_underthesea_sentences(tmp_path: Path) -> None:
    """The segmenter's sentence tokenizer, which steps from one sentence end to the next, gives sent_tokenize's
    sentences on every line and every whole text of the project's documents."""
    from underthesea import sent_tokenize

    from bench.corpus import build_corpus
    from pipeline.gold import read_gold_dir
    from pipeline.ingest import iter_inputs
    from pipeline.segment import punkt_sent_tokenize

    sentences = punkt_sent_tokenize()
    texts = [doc.text for doc in iter_inputs([RAW_DIR, build_corpus(200, tmp_path)])]
    texts += [doc.raw for doc in read_gold_dir(RAW_DIR.parent / "gold" / "dev")] + NEWS + NAUGHTY
    lines = [line for text in texts for line in text.splitlines()] + texts
    assert len(lines) > 1000
    for line in lines:
        assert sentences(line) == sent_tokenize(line), line


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(SENTENCE_PIECES, max_size=16))
def test_punkt_sent_tokenize_on_any_text(pieces: list[str]) -> None:
    from underthesea import sent_tokenize

    from pipeline.segment import punkt_sent_tokenize

    text = "".join(pieces)
    assert punkt_sent_tokenize()(text) == sent_tokenize(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("bảo đảm", True), ("Khánh thành", True), ("bảo lập", False), ("khánh móc nối", False)])
def test_is_word_reads_the_models_dictionary(pipe: Pipeline, text: str, expected: bool) -> None:
    assert pipe.segmenter.is_word(text) is expected

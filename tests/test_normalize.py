"""Normalize: NFC and official tone placement, with offsets mapping back to the raw text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import (NormalizedText, ToneMap, looks_pretokenized, nfc_with_map, normalize_text, normalize_value,
                                read_pretokenized, reads_pretokenized)


@pytest.fixture(scope="module")
def tone_map() -> ToneMap:
    return ToneMap.from_underthesea()


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfd_input_becomes_nfc_with_raw_spans(tone_map: ToneMap) -> None:
    raw = nfd("Đại tá Lê Văn Hùng, tỉnh Thanh Hóa")
    result = normalize_text(raw, tone_map)
    assert result.text == "Đại tá Lê Văn Hùng, tỉnh Thanh Hóa"
    assert len(raw) > len(result.text)
    assert result.raw_span(0, len(result.text)) == (0, len(raw))
    for word in ("Đại tá", "Lê Văn Hùng", "Thanh Hóa"):
        i = result.text.index(word)
        start, end = result.raw_span(i, i + len(word))
        assert unicodedata.normalize("NFC", raw[start:end]) == word
    # an empty span maps to an empty raw span at the right place
    i = result.text.index("Lê")
    start, end = result.raw_span(i, i)
    assert start == end and unicodedata.normalize("NFC", raw[start:]).startswith("Lê")


def test_docstring_example(tone_map: ToneMap) -> None:
    result = normalize_text("Thanh Hoa\u0301", tone_map)
    assert (result.text, result.raw_span(0, len(result.text))) == ("Thanh Hóa", (0, 10))
    assert result.raw_span(6, 9) == (6, 10)


@pytest.mark.parametrize(("raw", "expected"), [
    ("tỉnh Thanh Hoá", "tỉnh Thanh Hóa"),
    ("xã Hoà Bình", "xã Hòa Bình"),
    ("THANH HOÁ", "THANH HÓA"),
    ("THUỴ", "THỤY"),
    ("Thuỵ Sĩ", "Thụy Sĩ"),
    ("ðồng chí", "đồng chí"),
    ("ÐỒN BIÊN PHÒNG", "ĐỒN BIÊN PHÒNG"),
    ("Phó Tư lệnh BĐBP", "Phó Tư lệnh BĐBP"),   # nothing to change
    ("hoàn thành", "hoàn thành"),               # not a tone variant
    ("Hoá Hoà Thuỵ 😀 ðúng", "Hóa Hòa Thụy 😀 đúng"),
    # the official placement after every onset, also where underthesea's table has none or the other one
    ("Đồn Biên phòng Thanh Loà", "Đồn Biên phòng Thanh Lòa"),
    ("Đồn Biên phòng Thanh Lòa", "Đồn Biên phòng Thanh Lòa"),
    ("xoè, Khoả, Nguỵ", "xòe, Khỏa, Ngụy"),
    ("quý, già, Nghĩa, Quỳnh, khuya", "quý, già, Nghĩa, Quỳnh, khuya"),   # no open oa, oe, uy rhyme
])
def test_tone_marks(tone_map: ToneMap, raw: str, expected: str) -> None:
    result = normalize_text(raw, tone_map)
    assert result.text == expected
    assert len(result.text) == len(raw)
    assert result.raw_span(0, len(expected)) == (0, len(raw))


def test_tone_marks_off_keeps_spelling(tone_map: ToneMap) -> None:
    assert normalize_text("Thanh Hoá", None).text == "Thanh Hoá"
    assert normalize_text(nfd("Thanh Hoá"), None).text == "Thanh Hoá"


@pytest.mark.parametrize("raw", ["", "Bộ đội Biên phòng", "a\r\nb", "😀🇻🇳", "\u200b\u200d", "x" * 1000])
def test_nfc_input_unchanged_and_no_map(raw: str) -> None:
    result = nfc_with_map(raw)
    assert result.text == raw and result.starts is None
    assert result.raw_span(0, len(raw)) == (0, len(raw))


def test_composition_across_clusters_falls_back_to_lines() -> None:
    # Hangul jamo compose across "clusters" (no combining class): the map goes by line
    raw = "a\u0301\n\u1100\u1161 x\n"
    result = nfc_with_map(raw)
    assert result.text == unicodedata.normalize("NFC", raw)
    assert result.raw_span(0, len(result.text)) == (0, len(raw))


def test_normalize_value(tone_map: ToneMap) -> None:
    assert normalize_value("  tỉnh  Thanh\tHoá ", tone_map) == "tỉnh Thanh Hóa"
    assert normalize_value(nfd("Thuỵ"), tone_map) == "Thụy"


VIETNAMESE = list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắặấậéẹếệíịóọốộớợúụứựýỵ") + ["Hoá", "Thuỵ", "ð", "Ð"]
MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u0308"]
OTHER = [" ", "\n", "\r\n", "\t", "😀", "🇻🇳", "👍🏽", "\u200d", ",", ".", "(", ")", "\u1100", "\u1161", "\u212b"]
PIECES = st.one_of(st.sampled_from(VIETNAMESE + MARKS + OTHER), st.characters())


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, max_size=40), use_tones=st.booleans(), data=st.data())
def test_normalize_property(tone_map: ToneMap, pieces: list[str], use_tones: bool, data: st.DataObject) -> None:
    raw = "".join(pieces)
    result = normalize_text(raw, tone_map if use_tones else None)
    assert isinstance(result, NormalizedText)
    assert unicodedata.is_normalized("NFC", result.text)
    n = len(result.text)
    if raw:
        assert result.raw_span(0, n) == (0, len(raw))
    plain = normalize_text(raw, None)  # same offsets, without tone changes, to compare characters
    assert len(plain.text) == n
    for _ in range(5):
        i = data.draw(st.integers(0, n))
        j = data.draw(st.integers(i, n))
        start, end = result.raw_span(i, j)
        assert 0 <= start <= end <= len(raw)
        assert (start, end) == plain.raw_span(i, j)
        if i < j:
            covered = iter(unicodedata.normalize("NFC", raw[start:end]))
            assert all(c in covered for c in plain.text[i:j]), (raw, i, j, start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(VIETNAMESE + MARKS + OTHER), st.characters()), max_size=40))
def test_length_never_changes_after_nfc(tone_map: ToneMap, pieces: list[str]) -> None:
    raw = "".join(pieces)
    nfc = unicodedata.normalize("NFC", raw)
    assert len(normalize_text(nfc, tone_map).text) == len(nfc)
    assert len(tone_map.apply(nfc)) == len(nfc)


def test_a_stray_combining_mark_keeps_the_syllable_as_written(tone_map: ToneMap) -> None:
    """``Hoá`` + U+0300: moving the tone to ``o`` would let the grave compose with ``a``; NFC must hold."""
    result = normalize_text("Hoá\u0300 Hoá", tone_map)
    assert unicodedata.is_normalized("NFC", result.text)
    assert result.text == "Hoá\u0300 Hóa"


@pytest.mark.parametrize(("raw", "expected"), [
    ("ngày 24 - 7 - 2020 ,", "ngày 24-7-2020,"),
    ("Sáng 21 / 7 và tháng 7 - 2025", "Sáng 21/7 và tháng 7-2025"),
    ("Trung_tâm Kiểm_soát bệnh_tật ( CDC ) Hà_Nội", "Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội"),
    ("Công an TP . HCM .", "Công an TP. HCM."),
    ('khẩu hiệu " Đồn là nhà " ; tăng 50 % ...', 'khẩu hiệu "Đồn là nhà"; tăng 50%...'),
    ("“ Biên cương ” : tin !", "“Biên cương”: tin!"),
    # what the genre writes with spaces stays
    ("Việt Nam - Lào , kinh tế - xã hội", "Việt Nam - Lào, kinh tế - xã hội"),
    ("__init__ _x x_ Hà__Nội", "__init__ _x x_ Hà__Nội"),
    ('một " lẻ', 'một " lẻ'),  # an unpaired straight quote: which side it closes cannot be told
    ("dòng một \n, dòng hai", "dòng một \n, dòng hai"),  # a line break is never removed, nor the space before it
])
def test_read_pretokenized(raw: str, expected: str) -> None:
    result = read_pretokenized(normalize_text(raw, None))
    assert result.text == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sáng 23/9 , Bộ_đội Biên_phòng ( BĐBP ) tổ_chức hội_nghị .", True),
    ("Ngày 24 - 7 - 2020 , bệnh nhân 416 ( BN416 ) , nam , 32 tuổi .", True),
    ("Sáng 23/9, Bộ đội Biên phòng (BĐBP) tổ chức hội nghị.", False),
    ("Giá 1.000 đồng, tỷ lệ 1,5 % vào 10:30.", False),  # marks inside numbers do not count
    ("Hà_Nội Hải_Phòng", False),  # no punctuation: nothing to tell
    ("a , b", False),  # too few marks
])
def test_looks_pretokenized(text: str, expected: bool) -> None:
    assert looks_pretokenized(text) is expected


@pytest.mark.parametrize(("setting", "text", "expected"), [
    (True, "Hà_Nội", True), (False, "a , b . c ; d", False), ("auto", "a , b . c ; d", True), ("auto", "a, b.", False),
])
def test_reads_pretokenized(setting: str | bool, text: str, expected: bool) -> None:
    assert reads_pretokenized(text, setting) is expected


PRETOKENIZED_PIECES = st.sampled_from(
    ["Hà", "Nội", "Hà_Nội", "_", "__", " ", "  ", "\t", "\n", ",", ".", "(", ")", '"', "“", "”", "-", "/", "24", "7",
     "%", "…", "TP", "a\u0301", "Hoá", "ð"])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.one_of(PRETOKENIZED_PIECES, st.characters()), max_size=40), use_tones=st.booleans(),
       data=st.data())
def test_pretokenized_map_property(tone_map: ToneMap, pieces: list[str], use_tones: bool, data: st.DataObject) -> None:
    """Every span of the rewritten text maps to raw text with its characters, blanks and underscores aside (the
    same characters when no mark combines), and a span without blanks at its edges maps to raw text without them."""
    raw = "".join(pieces)
    result = read_pretokenized(normalize_text(raw, tone_map if use_tones else None))
    plain = read_pretokenized(normalize_text(raw, None))
    n = len(result.text)
    assert len(plain.text) == n and result.raw_length == len(raw)
    starts = [result.raw_span(i, i + 1)[0] for i in range(n)]
    assert starts == sorted(starts)

    def squash(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFC", text) if c not in " \t_")

    for _ in range(5):
        i = data.draw(st.integers(0, n))
        j = data.draw(st.integers(i, n))
        start, end = result.raw_span(i, j)
        assert 0 <= start <= end <= len(raw)
        if i == j:
            continue
        # the map is by grapheme cluster: a raw span may hold a mark that NFC leaves apart after the span's end
        covered = iter(squash(raw[start:end]))
        assert all(c in covered for c in squash(plain.text[i:j])), (raw, i, j)
        if not any(unicodedata.combining(c) for c in raw):
            assert squash(raw[start:end]) == squash(plain.text[i:j]), (raw, i, j)
        if plain.text[i] not in " \t" and plain.text[j - 1] not in " \t":
            assert raw[start] not in " \t" and raw[end - 1] not in " \t", (raw, i, j)


WORDS = st.sampled_from(["Bộ", "đội", "Biên", "phòng", "tỉnh", "Nghệ", "An", "BĐBP", "ngày", "Sáng", "tổ", "chức"])
TOKENS = st.one_of(
    WORDS,
    st.builds(lambda w: w + ",", WORDS), st.builds(lambda w: w + ".", WORDS), st.builds(lambda w: w + ":", WORDS),
    st.builds(lambda a, b: f"({a} {b})", WORDS, WORDS), st.builds(lambda a: f"“{a}”", WORDS),
    st.builds(lambda a, b: f'"{a} {b}"', WORDS, WORDS),
    st.builds(lambda d, m, y: f"{d}-{m}-{y}", st.integers(1, 31), st.integers(1, 12), st.integers(1945, 2030)),
    st.builds(lambda d, m: f"{d}/{m}", st.integers(1, 31), st.integers(1, 12)),
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.lists(TOKENS, min_size=1, max_size=12), min_size=1, max_size=3))
def test_pretokenized_text_reads_back_as_written(lines: list[list[str]]) -> None:
    """Text as the genre writes it, tokenized the way corpora are (pipeline.corpora) and read back, is itself."""
    from pipeline.corpora import pretokenize_text

    text = "\n".join(" ".join(line) for line in lines)
    points = pretokenize_text(text, slashes=True)
    spaced = "".join(" " + c if i in set(points) else c for i, c in enumerate(text))
    assert looks_pretokenized(spaced) or sum(c in ',.:()"“”' for c in text) < 3
    assert read_pretokenized(normalize_text(spaced, None)).text == text


def test_docstring_examples() -> None:
    import doctest

    import pipeline.normalize

    assert doctest.testmod(pipeline.normalize).failed == 0

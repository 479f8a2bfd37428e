"""CRFFeatures writes the very strings of underthesea_core's CRFFeaturizer, so the CRF tags and words stay the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.crf_features import CRFFeatures, is_title, parses_as_i32
from pipeline.segment import crf_feature_config

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def featurizers() -> tuple[CRFFeatures, object]:
    from underthesea_core import CRFFeaturizer

    templates, dictionary = crf_feature_config()
    return CRFFeatures(templates, dictionary), CRFFeaturizer(templates, dictionary)


def underthesea_features(featurizer: object, tokens: list[str]) -> list[list[str]]:
    return featurizer.process([[[token] for token in tokens]])[0]  # type: ignore[attr-defined]


def test_same_features_on_every_sentence_of_the_project(featurizers: tuple[CRFFeatures, object],
                                                       tmp_path: Path) -> None:
    from underthesea import sent_tokenize
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    from bench.corpus import build_corpus
    from pipeline.gold import read_gold_dir
    from pipeline.ingest import iter_inputs

    ours, theirs = featurizers
    texts = [doc.text for doc in iter_inputs([PROJECT / "data" / "raw", build_corpus(200, tmp_path)])]
    texts += [doc.raw for doc in read_gold_dir(PROJECT / "data" / "gold" / "dev")]
    sentences = [sentence for text in texts for line in text.splitlines() for sentence in sent_tokenize(line)]
    assert len(sentences) > 1000
    for sentence in sentences + ["", "BĐBP", "Sáng 23/9, +5 và -12 hay 99999999999 km²"]:
        for normalize in (True, False):
            tokens = tokenize(sentence, use_token_normalize=normalize, fixed_words=[])
            assert ours(tokens) == underthesea_features(theirs, tokens), sentence


# letters with and without an upper case, signs, digits (ASCII and not), marks, dictionary syllables
PIECES = st.sampled_from(["Bộ", "đội", "biên", "phòng", "BĐBP", "Đ", "ư", "a", "Z", "ß", "ǅ", "Σ", "ς", "ﬁ", "1", "0",
                          "+", "-", "2147483647", "2147483648", "-2147483648", "²", "٣", ".", ",", "(", "…", "_"])
TOKENS = st.lists(st.lists(PIECES, min_size=1, max_size=3).map("".join), max_size=9)


@settings(max_examples=300, deadline=None)
@given(tokens=TOKENS)
def test_same_features_on_any_tokens(featurizers: tuple[CRFFeatures, object], tokens: list[str]) -> None:
    ours, theirs = featurizers
    assert ours(tokens) == underthesea_features(theirs, tokens)


@pytest.mark.parametrize("text, expected", [
    ("2025", True), ("+7", True), ("-0012", True), ("2147483647", True), ("-2147483648", True),
    ("2147483648", False), ("1.000", False), ("²", False), ("٣", False), ("-", False), ("", False), ("1 2", False),
])
def test_isdigit_is_a_32_bit_integer(text: str, expected: bool) -> None:
    assert parses_as_i32(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Bộ Đội", True), ("2025 -", True), ("BĐBP", True), ("Bộ đội", False), ("ß", False), ("ǅ", False),
])
def test_istitle_reads_the_first_character_of_each_part(text: str, expected: bool) -> None:
    assert is_title(text) is expected


@pytest.mark.parametrize("template", ["T[0].upper", "W[0]", "T[1,-1]"])
def test_a_template_the_featurizer_cannot_read_is_refused(template: str) -> None:
    with pytest.raises(ValueError, match="CRF feature template"):
        CRFFeatures([template], set())

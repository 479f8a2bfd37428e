"""CRFWordTagger gives underthesea_core's tags, or says it cannot be certain; the model reader refuses other files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.crf_features import CRFFeatures
from pipeline.crf_tagger import BEGIN, INSIDE, CRFModelError, CRFWordTagger, read_model
from pipeline.segment import crf_feature_config, crf_model_dir

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def taggers() -> tuple[CRFFeatures, CRFWordTagger, object]:
    from underthesea_core import CRFTagger

    features = CRFFeatures(*crf_feature_config())
    underthesea = CRFTagger()
    underthesea.load(str(crf_model_dir() / "models.bin"))
    return features, CRFWordTagger(features, crf_model_dir() / "models.bin"), underthesea


def test_same_tags_on_every_sentence_of_the_project(taggers: tuple, tmp_path: Path) -> None:
    from underthesea import sent_tokenize
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    from bench.corpus import build_corpus
    from pipeline.gold import read_gold_dir
    from pipeline.ingest import iter_inputs

    features, ours, underthesea = taggers
    texts = [doc.text for doc in iter_inputs([PROJECT / "data" / "raw", build_corpus(200, tmp_path)])]
    texts += [doc.raw for doc in read_gold_dir(PROJECT / "data" / "gold" / "dev")]
    sentences = [sentence for text in texts for line in text.splitlines() for sentence in sent_tokenize(line)]
    assert len(sentences) > 1000
    uncertain = 0
    for sentence in sentences:
        for normalize in (True, False):
            tokens = tokenize(sentence, use_token_normalize=normalize, fixed_words=[])
            tags = ours.tags(tokens)
            uncertain += tags is None
            assert tags is None or tags == underthesea.tag(features(tokens)), sentence
    assert uncertain == 0  # on news text every token's label wins clearly: underthesea_core is not needed


PIECES = st.sampled_from(["Bộ", "đội", "biên", "phòng", "BĐBP", "tỉnh", "Nghệ", "An", "Đ", "a", "1", "2025", "-", ",",
                          ".", "(", ")", "và", "của", "xã", "Na", "Mèo", "ủy", "ban", "nhân", "dân", "BOS", "EOS"])


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(PIECES, max_size=14))
def test_same_tags_on_any_tokens(taggers: tuple, tokens: list[str]) -> None:
    features, ours, underthesea = taggers
    tags = ours.tags(tokens)
    assert tags is None or tags == underthesea.tag(features(tokens))


def test_a_label_that_does_not_win_by_the_margin_is_left_to_underthesea_core() -> None:
    features = CRFFeatures(*crf_feature_config())
    doubtful = CRFWordTagger(features, crf_model_dir() / "models.bin", margin=1e9)
    assert doubtful.tags(["Bộ", "đội", "biên", "phòng"]) is None
    assert doubtful.tags([]) == []


def test_the_model_has_two_labels_and_weights() -> None:
    attributes, differences, transitions, labels = read_model(crf_model_dir() / "models.bin")
    assert sorted(labels) == [BEGIN, INSIDE]
    assert transitions.shape == (2, 2) and transitions.any()
    assert len(attributes) == len(differences) > 10_000
    assert dict(zip(attributes, differences))["T[0].lower=biên"] != 0


@pytest.mark.parametrize("content", [b"", b"not a model at all, but long enough to hold a header" * 2])
def test_another_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "models.bin"
    path.write_bytes(content)
    with pytest.raises(CRFModelError, match="not a CRFsuite model"):
        read_model(path)

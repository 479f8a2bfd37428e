"""The underthesea ner() baseline: BIO runs to character spans in the raw text."""

from __future__ import annotations

import pytest

from pipeline.baseline import bio_spans, ner_mentions, trim


@pytest.mark.parametrize(("tags", "expected"), [
    (["B-PER", "I-PER", "O", "B-LOC"], [("PER", 0, 5), ("LOC", 9, 12)]),
    (["I-ORG", "I-ORG"], [("ORG", 0, 5)]),  # a run may start with I-
    (["B-LOC", "B-LOC"], [("LOC", 0, 2), ("LOC", 3, 5)]),
    (["B-PER", "I-LOC"], [("PER", 0, 2), ("LOC", 3, 5)]),  # I- of another type starts a new run
    (["O", "O"], []),
])
def test_bio_spans(tags, expected):
    spans = [(0, 2), (3, 5), (6, 8), (9, 12)][:len(tags)]
    assert bio_spans(tags, spans) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (", Phó", "Phó"), ("Hà Nội.", "Hà Nội"), ("(BĐBP)", "BĐBP"), (",", ""),
])
def test_trim(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_ner_mentions_keep_raw_offsets():
    text = "date 2025-09-23\nĐại tướng Phan Văn Giang làm việc tại Hà Nội.\n\nÔng Nguyễn Văn An phát biểu."
    mentions = ner_mentions(text, first_char=len("date 2025-09-23"))
    assert mentions, "underthesea tagged nothing"
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.start >= len("date 2025-09-23")
        assert m.type in ("PERSON", "ORG", "PLACE")


def test_ner_mentions_on_pretokenized_text_map_back():
    text = "Đại_tướng Phan Văn Giang làm_việc tại Hà_Nội ( Việt_Nam ) .\nÔng Nguyễn Văn An phát_biểu ."
    mentions = ner_mentions(text, pretokenized=True)
    assert mentions, "underthesea tagged nothing"
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.text == m.text.strip(" _")
    assert "Hà_Nội" in {m.text for m in mentions if m.type == "PLACE"}


def test_main_reads_a_corpus_with_its_mapping(capsys):
    from pathlib import Path

    from pipeline.baseline import main

    main([str(Path(__file__).parent / "corpora" / "vlsp2016" / "bien_phong.conll"), "--types", "vlsp2016"])
    out = capsys.readouterr().out
    assert out.startswith("documents: 2 (format conll, types VLSP 2016: PER→PERSON")
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.split()[:1] in (["PERSON"], ["ORG"], ["PLACE"])}
    assert set(rows) == {"PERSON", "ORG", "PLACE"}
    assert [rows[t][1] for t in ("PERSON", "ORG", "PLACE")] == ["2", "8", "5"]  # gold counts of the fixture

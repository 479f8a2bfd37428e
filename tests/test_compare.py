"""``eval --compare``: two configs scored side by side, their differences and the mentions gained and lost."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate import compare, format_comparison
from pipeline.gold import GoldDocument, parse_gold
from pipeline.model import DocumentResult, Mention, RawDocument

GOLD_TEXT = (
    "[RANK Đại tá|Đại tá] [PERSON Hà Văn Tú|Hà Văn Tú], [POSITION Chỉ huy trưởng|Chỉ huy trưởng] "
    "[ORG [ACRONYM BĐBP|Bộ đội Biên phòng] [PLACE Nghệ An|tỉnh Nghệ An]|Bộ đội Biên phòng tỉnh Nghệ An] phát biểu.\n"
)


def predicted(doc: GoldDocument, *keys: tuple[str, str]) -> dict[str, DocumentResult]:
    """A prediction with the gold spans of the given (type, surface) pairs, plus any (type, surface) not in gold."""
    mentions = []
    for type_, surface in keys:
        start = doc.raw.index(surface)
        mentions.append(Mention(type_, start, start + len(surface), surface))
    return {doc.doc_id: DocumentResult(doc=RawDocument(doc.doc_id, doc.raw), mentions=mentions)}


@pytest.fixture
def case() -> tuple[GoldDocument, dict[str, DocumentResult], dict[str, DocumentResult]]:
    doc = parse_gold(GOLD_TEXT, "tin.txt")
    a = predicted(doc, ("RANK", "Đại tá"), ("PERSON", "Hà Văn Tú"), ("ACRONYM", "BĐBP"),
                  ("ORG", "BĐBP Nghệ An"), ("PLACE", "Nghệ An"))
    b = predicted(doc, ("RANK", "Đại tá"), ("PERSON", "Hà Văn Tú"), ("ORG", "Nghệ An"),
                  ("PLACE", "Nghệ An"), ("POSITION", "Chỉ huy trưởng"))
    return doc, a, b


def test_gained_and_lost(case) -> None:
    doc, a, b = case
    result = compare([doc], a, b, "a.yaml", "b.yaml")
    assert [(c.type, c.text, c.in_gold) for c in result.gained] == [("POSITION", "Chỉ huy trưởng", True),
                                                                    ("ORG", "Nghệ An", False)]
    assert [(c.type, c.text, c.in_gold) for c in result.lost] == [("ACRONYM", "BĐBP", True),
                                                                  ("ORG", "BĐBP Nghệ An", True)]


def test_differences(case) -> None:
    doc, a, b = case
    differences = compare([doc], a, b).differences()
    assert differences["ACRONYM"] == {"precision": None, "recall": -1.0, "f1": -1.0}
    assert differences["POSITION"]["recall"] == 1.0
    assert differences["ORG"] == {"precision": -1.0, "recall": -1.0, "f1": -1.0}
    assert differences["RANK"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert differences["micro"]["recall"] == pytest.approx(4 / 6 - 5 / 6)


def test_same_predictions_change_nothing(case) -> None:
    doc, a, _ = case
    result = compare([doc], a, a)
    assert result.gained == [] and result.lost == []
    assert all(d["f1"] in (0.0, None) for d in result.differences().values())
    assert "mentions gained by B: none" in format_comparison(result)


def test_format_and_json(case) -> None:
    doc, a, b = case
    result = compare([doc], a, b, "configs/default.yaml", "configs/other.yaml")
    text = format_comparison(result, max_errors=1)
    assert text.startswith("A: configs/default.yaml\nB: configs/other.yaml\n")
    assert "ACRONYM        1 |      1  1.000  1.000  1.000 |      0      -  0.000  0.000 |       -  -1.000  -1.000" in text
    assert "mentions gained by B [1 in gold] (2):" in text and "… 1 more" in text
    assert "tin.txt" in text and "[gold]" in text
    data = json.loads(json.dumps(result.to_dict()))
    assert data["a"]["config"] == "configs/default.yaml" and data["b"]["micro"]["tp"] == 4
    assert [g["type"] for g in data["gained"]] == ["POSITION", "ORG"]
    assert data["differences"]["ACRONYM"]["f1"] == -1.0

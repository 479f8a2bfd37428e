from __future__ import annotations

import doctest
import json
import unicodedata
from pathlib import Path

import pytest

import pipeline.evaluate
from pipeline.evaluate import Scope, compare_value, format_report, score
from pipeline.gold import GoldDocument, GoldMention, parse_gold, read_gold_dir
from pipeline.model import DocumentResult, Mention, PersonRecord, RawDocument

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"

GOLD_TEXT = (
    "[RANK Thiếu tướng|Thiếu tướng] [PERSON Lê Văn Bình|Lê Văn Bình], [POSITION Phó Tư lệnh|Phó Tư lệnh] "
    "[ORG [ACRONYM BĐBP|Bộ đội Biên phòng]|Bộ đội Biên phòng] dự họp [DATE sáng 5/10|2025-10-05|part=MO].\n"
    "#records\n"
    "PERSON name=Lê Văn Bình; rank=Thiếu tướng; position=Phó Tư lệnh\n"
    "PERSON name=Nguyễn Thị Mai\n"
)


@pytest.mark.parametrize(("a", "b", "type_", "expected"), [
    ("Bộ đội Biên phòng", "bộ đội biên phòng", "ORG", True),
    ("thi đua, khen thưởng", "thi đua khen thưởng", "ACRONYM", True),
    ("Lê Văn Bình", "Lê Văn Bình.", "PERSON", True),
    ("Phó  Tư\tlệnh", " Phó Tư lệnh ", "POSITION", True),
    ("kinh tế - xã hội", "kinh tế xã hội", "ORG", True),
    ("Lê Văn Bình", unicodedata.normalize("NFD", "Lê Văn Bình"), "PERSON", True),
    ("tỉnh Thanh Hóa", "tỉnh Thanh Hoá", "PLACE", False),
    ("Phó Tư lệnh", "Tư lệnh", "POSITION", False),
    ("2025-09-23", "2025-09-23", "DATE", True),
    ("2025-09", "2025-9", "DATE", False),
    ("2025-Q3", "2025-q3", "DATE", False),
    (None, None, "ORG", True),
    ("Bộ Tư lệnh", None, "ORG", False),
    (None, "Bộ Tư lệnh", "ORG", False),
])
def test_compare_value(a: str | None, b: str | None, type_: str, expected: bool) -> None:
    assert compare_value(a, b, type_) is expected


def _gold(doc: GoldDocument, type_: str) -> GoldMention:
    return next(m for m in doc.mentions if m.type == type_)


def _mention(doc: GoldDocument, type_: str, start: int, end: int, normalized: str | None) -> Mention:
    return Mention(type=type_, start=start, end=end, text=doc.raw[start:end], normalized=normalized)


def _result(doc: GoldDocument, mentions: list[Mention], people: list[PersonRecord] | None = None) -> DocumentResult:
    return DocumentResult(doc=RawDocument(doc_id=doc.doc_id, text=doc.raw), mentions=mentions, people=people or [])


@pytest.fixture
def report_case() -> tuple[GoldDocument, DocumentResult]:
    doc = parse_gold(GOLD_TEXT, "tin.txt")
    rank, person, position, org, date = (_gold(doc, t) for t in ("RANK", "PERSON", "POSITION", "ORG", "DATE"))
    mentions = [
        _mention(doc, "RANK", rank.start, rank.end, "thiếu tướng"),  # case differs: correct
        _mention(doc, "PERSON", person.start, person.end, "Lê Văn Bình."),  # punctuation differs: correct
        _mention(doc, "POSITION", position.start + 4, position.end, "Tư lệnh"),  # wrong span: FP + FN
        _mention(doc, "ORG", org.start, org.end, "BĐBP"),  # matched, wrong normalized
        # ACRONYM not predicted: FN
        _mention(doc, "DATE", date.start, date.end, "2025-10-5"),  # matched, DATE compared exactly: wrong
        _mention(doc, "PLACE", person.start, person.start + 6, "Lê Văn"),  # PLACE has no gold: FP
    ]
    people = [
        PersonRecord("p1", name="lê văn bình", rank="Thiếu Tướng", position=None, organization="BĐBP"),
        PersonRecord("p2", name="Trần Văn An", rank="Đại tá"),
    ]
    return doc, _result(doc, mentions, people)


def test_mention_scores(report_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = report_case
    table = score([doc], {doc.doc_id: result}).to_dict()["types"]
    expected = {  # gold, pred, tp, precision, recall, f1
        "RANK": (1, 1, 1, 1.0, 1.0, 1.0),
        "PERSON": (1, 1, 1, 1.0, 1.0, 1.0),
        "POSITION": (1, 1, 0, 0.0, 0.0, 0.0),
        "ORG": (1, 1, 1, 1.0, 1.0, 1.0),
        "ACRONYM": (1, 0, 0, None, 0.0, 0.0),
        "DATE": (1, 1, 1, 1.0, 1.0, 1.0),
        "PLACE": (0, 1, 0, 0.0, None, 0.0),
    }
    for type_, (gold, pred, tp, p, r, f1) in expected.items():
        row = table[type_]
        assert (row["gold"], row["pred"], row["tp"], row["precision"], row["recall"], row["f1"]) == (gold, pred, tp, p, r, f1)
        assert (row["fp"], row["fn"]) == (pred - tp, gold - tp)


def test_micro_and_normalization(report_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = report_case
    data = score([doc], {doc.doc_id: result}).to_dict()
    micro = data["micro"]
    assert (micro["gold"], micro["pred"], micro["tp"]) == (6, 6, 4)
    assert micro["precision"] == micro["recall"] == micro["f1"] == pytest.approx(4 / 6)
    norm = data["normalization"]
    assert norm["overall"] == {"scored": 4, "correct": 2, "accuracy": 0.5}
    assert norm["types"]["RANK"]["accuracy"] == norm["types"]["PERSON"]["accuracy"] == 1.0
    assert norm["types"]["ORG"] == {"scored": 1, "correct": 0, "accuracy": 0.0}
    assert norm["types"]["DATE"]["accuracy"] == 0.0
    assert norm["types"]["POSITION"] == {"scored": 0, "correct": 0, "accuracy": None}


def test_error_lists(report_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = report_case
    errors = score([doc], {doc.doc_id: result}).to_dict()["errors"]["mentions"]
    position = _gold(doc, "POSITION")
    assert [(e["start"], e["end"], e["text"]) for e in errors["POSITION"]["misses"]] == [
        (position.start, position.end, "Phó Tư lệnh")]
    assert [(e["start"], e["text"], e["predicted"]) for e in errors["POSITION"]["false_positives"]] == [
        (position.start + 4, "Tư lệnh", "Tư lệnh")]
    assert [e["text"] for e in errors["ACRONYM"]["misses"]] == ["BĐBP"]
    assert [(e["gold"], e["predicted"]) for e in errors["ORG"]["normalization"]] == [("Bộ đội Biên phòng", "BĐBP")]
    assert [(e["gold"], e["predicted"]) for e in errors["DATE"]["normalization"]] == [("2025-10-05", "2025-10-5")]
    assert [e["text"] for e in errors["PLACE"]["false_positives"]] == ["Lê Văn"]
    assert all(e["doc_id"] == "tin.txt" for e in errors["POSITION"]["misses"])


def test_person_records(report_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = report_case
    data = score([doc], {doc.doc_id: result}).to_dict()
    records = data["records"]
    assert (records["gold"], records["pred"], records["matched"]) == (2, 2, 1)
    assert records["precision"] == records["recall"] == records["f1"] == 0.5
    assert records["fields"]["rank"] == {"scored": 1, "correct": 1, "accuracy": 1.0}
    assert records["fields"]["position"] == {"scored": 1, "correct": 0, "accuracy": 0.0}  # predicted missing
    assert records["fields"]["organization"] == {"scored": 0, "correct": 0, "accuracy": None}  # gold absent
    errors = data["errors"]["records"]
    assert [e["name"] for e in errors["misses"]] == ["Nguyễn Thị Mai"]
    assert [e["name"] for e in errors["false_positives"]] == ["Trần Văn An"]
    assert [(e["field"], e["gold"], e["predicted"]) for e in errors["fields"]] == [("position", "Phó Tư lệnh", None)]


def test_person_record_matches_once() -> None:
    doc = parse_gold("[PERSON Hải|Hải]\n#records\nPERSON name=Hải; rank=Đại tá\n", "a.txt")
    people = [PersonRecord("p1", name="Hải", rank="Đại tá"), PersonRecord("p2", name="Hải")]
    records = score([doc], {"a.txt": _result(doc, [], people)}).records
    assert (records.gold, records.pred, records.matched, len(records.false_positives)) == (1, 2, 1, 1)


def test_missing_document_counts_all_gold_as_misses() -> None:
    doc = parse_gold("Về [PLACE tỉnh Nghệ An|tỉnh Nghệ An]\n#records\nPERSON name=Hải\n", "b.txt")
    report = score([doc], {})
    assert report.missing_documents == ["b.txt"]
    assert (report.types["PLACE"].gold, report.types["PLACE"].tp, report.types["PLACE"].recall) == (1, 0, 0.0)
    assert (report.records.gold, report.records.recall) == (1, 0.0)
    assert [e.text for e in report.misses["PLACE"]] == ["tỉnh Nghệ An"]


def test_perfect_prediction_and_unknown_type() -> None:
    doc = parse_gold("[ORG Bộ Tư lệnh [ACRONYM BĐBP|Bộ đội Biên phòng]|Bộ Tư lệnh Bộ đội Biên phòng] họp", "c.txt")
    mentions = [_mention(doc, m.type, m.start, m.end, m.normalized) for m in doc.mentions]
    mentions.append(_mention(doc, "MONEY", 0, 2, None))
    report = score([doc], {"c.txt": _result(doc, mentions)})
    assert report.types["ORG"].f1 == report.types["ACRONYM"].f1 == 1.0
    assert report.micro.norm_accuracy == 1.0
    assert (report.types["MONEY"].pred, report.types["MONEY"].precision) == (1, 0.0)
    assert (report.micro.tp, report.micro.pred) == (2, 3)


def test_to_dict_is_json(report_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = report_case
    data = score([doc], {doc.doc_id: result}).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data) >= {"types", "micro", "normalization", "records", "errors"}


def test_format_report(report_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = report_case
    text = format_report(score([doc], {doc.doc_id: result}))
    header = next(line for line in text.splitlines() if line.startswith("type"))
    assert header.split() == ["type", "gold", "pred", "tp", "P", "R", "F1", "|", "P", "R", "F1", "norm", "acc"]
    micro = next(line for line in text.splitlines() if line.startswith("micro"))
    # overlap: the POSITION 'Tư lệnh' inside gold 'Phó Tư lệnh' counts; the ACRONYM miss and PLACE 'Lê Văn' do not
    assert micro.split() == ["micro", "6", "6", "4", "0.667", "0.667", "0.667", "|", "0.833", "0.833", "0.833",
                             "0.500", "(2/4)"]
    acronym = next(line for line in text.splitlines() if line.startswith("ACRONYM"))
    assert acronym.split()[:7] == ["ACRONYM", "1", "0", "0", "-", "0.000", "0.000"]
    assert "person records: gold 2, pred 2, matched 1  P 0.500  R 0.500  F1 0.500" in text
    assert "  position      0.000 (0/1)" in text
    assert "ORG normalization errors (1):" in text
    assert "'Bộ đội Biên phòng', predicted 'BĐBP'" in text
    assert "POSITION misses (1):" in text and "PLACE false positives (1):" in text
    assert "RANK misses" not in text


def test_format_report_truncates_errors() -> None:
    doc = parse_gold("[PERSON Hải], [PERSON Nam], [PERSON Mai] và [PERSON Lan]", "d.txt")
    text = format_report(score([doc], {}), max_errors=1)
    assert "PERSON misses (4):" in text
    assert "  d.txt  0-3  'Hải'" in text
    assert "'Nam'" not in text
    assert "  … 3 more" in text


@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="shared dev gold not present")
def test_shared_dev_gold_scores_perfectly_against_itself() -> None:
    docs = read_gold_dir(SHARED_DEV)
    predicted = {}
    for doc in docs:
        mentions = [_mention(doc, m.type, m.start, m.end, m.normalized) for m in doc.mentions]
        people = [PersonRecord(f"p{i}", name=r.fields["name"], rank=r.fields.get("rank"),
                               position=r.fields.get("position"), organization=r.fields.get("organization"))
                  for i, r in enumerate(doc.records) if r.kind == "PERSON"]
        predicted[doc.doc_id] = _result(doc, mentions, people)
    report = score(docs, predicted)
    assert report.micro.f1 == report.micro.norm_accuracy == report.records.f1 == 1.0
    assert all(report.records.field_accuracy(f) in (1.0, None) for f in ("rank", "position", "organization"))


def test_docstring_examples() -> None:
    assert doctest.testmod(pipeline.evaluate).failed == 0


OVERLAP_GOLD = ("[ORG Công an [PLACE tỉnh Nghệ An|tỉnh Nghệ An]] bắt [PERSON Lò Văn Sáy] tại [PLACE Trường Chính trị]"
                " ngày [DATE 24 - 7|2020-07-24].\n")


def _predicted(doc: GoldDocument, *items: tuple[str, str]) -> DocumentResult:
    mentions = []
    for type_, surface in items:
        start = doc.raw.index(surface)
        mentions.append(_mention(doc, type_, start, start + len(surface), None))
    return _result(doc, mentions)


@pytest.fixture
def overlap_case() -> tuple[GoldDocument, DocumentResult]:
    doc = parse_gold(OVERLAP_GOLD, "o.txt")
    return doc, _predicted(doc, ("ORG", "Công an tỉnh Nghệ An"), ("PLACE", "tỉnh Nghệ An"), ("PERSON", "Văn Sáy"),
                           ("ORG", "Trường Chính trị"), ("DATE", "ngày 24 - 7"), ("RANK", "bắt"))


def test_overlap_scores(overlap_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = overlap_case
    report = score([doc], {doc.doc_id: result})
    person, date, place, org = (report.types[t] for t in ("PERSON", "DATE", "PLACE", "ORG"))
    assert (person.tp, person.overlap_pred, person.overlap_gold, person.overlap_f1) == (0, 1, 1, 1.0)
    assert (date.tp, date.overlap_recall) == (0, 1.0)
    # 'Trường Chính trị' predicted as ORG: a PLACE miss and an ORG false positive, one confusion
    assert (place.gold, place.overlap_gold, org.pred, org.overlap_pred) == (2, 1, 2, 1)
    assert report.confusion == {"PLACE": {"ORG": 1}}
    assert [(c.gold_text, c.predicted_type) for c in report.confusions] == [("Trường Chính trị", "ORG")]
    micro = report.to_dict()["micro"]["overlap"]
    assert (micro["pred_matched"], micro["gold_found"]) == (4, 4)
    assert micro["precision"] == pytest.approx(4 / 6) and micro["recall"] == pytest.approx(4 / 5)
    assert "type confusions (gold → predicted, on overlapping spans): PLACE → ORG 1" in format_report(report)


def test_scope_scores_only_its_types_and_outermost_mentions(overlap_case: tuple[GoldDocument, DocumentResult]) -> None:
    doc, result = overlap_case
    report = score([doc], {doc.doc_id: result}, Scope(("PERSON", "PLACE", "ORG"), nested=False))
    assert list(report.types) == ["PLACE", "PERSON", "ORG"]
    assert (report.types["PLACE"].gold, report.types["PLACE"].pred) == (1, 0)  # both 'tỉnh Nghệ An' are inside an ORG
    assert (report.types["ORG"].tp, report.types["ORG"].pred) == (1, 2)
    assert report.to_dict()["not_scored"] == {"gold": {"DATE": 1}, "predicted": {"DATE": 1, "RANK": 1},
                                              "nested_gold": 1, "nested_predicted": 1}
    text = format_report(report)
    assert "scored: PLACE, PERSON, ORG; outermost mentions only" in text
    assert "not scored: gold DATE 1, nested 1; predicted DATE 1, RANK 1, nested 1" in text


@pytest.mark.parametrize(("gold", "pred", "f1"), [(0, 0, None), (2, 0, 0.0), (0, 3, 0.0)])
def test_overlap_f1_without_one_side(gold: int, pred: int, f1: float | None) -> None:
    from pipeline.evaluate import TypeScore

    assert TypeScore("X", gold=gold, pred=pred).overlap_f1 == f1


def test_records_not_scored_without_gold_records() -> None:
    doc = parse_gold("[PERSON Hải] về\n", "r.txt")
    report = score([doc], {"r.txt": _result(doc, [], [PersonRecord("p1", name="Hải")])})
    assert (report.records.gold, report.records.pred) == (0, 0)
    assert "person records: none in gold, not scored" in format_report(report)


def _keyed(doc_id: str, records: str) -> GoldDocument:
    return parse_gold("Tin.\n#records\n" + records, doc_id)


def test_cross_document_identity_pairs() -> None:
    gold = [_keyed("a", "PERSON name=Lê Văn An; key=an\nPERSON name=Trần Văn Nam; key=nam-1\n"),
            _keyed("b", "PERSON name=Lê Văn An; key=an\nPERSON name=Trần Văn Nam; key=nam-2\n"),
            _keyed("c", "PERSON name=Lê Văn An; key=an\nPERSON name=Hùng\n")]
    people = {"a": ["Lê Văn An", "Trần Văn Nam"], "b": ["Lê Văn An", "Trần Văn Nam"], "c": ["Hùng"]}
    predicted = {doc: DocumentResult(doc=RawDocument(doc, "Tin.\n"),
                                     people=[PersonRecord(f"p{i}", name) for i, name in enumerate(names, 1)])
                 for doc, names in people.items()}
    # Lê Văn An of a and b one entity, c's record missed; the two Trần Văn Nam merged though gold keeps them apart
    ids = {("a", "p1"): "E-an", ("b", "p1"): "E-an", ("a", "p2"): "E-nam", ("b", "p2"): "E-nam", ("c", "p1"): "E-h"}
    report = score(gold, predicted, entity_ids=ids)
    identity = report.identity
    assert (identity.gold, identity.pred, identity.tp) == (3, 2, 1)  # an: a-b, a-c, b-c; predicted an a-b, nam a-b
    assert (identity.precision, identity.recall) == (0.5, 1 / 3)
    assert [(e.doc_a, e.doc_b) for e in identity.missed] == [("a", "c"), ("b", "c")]
    assert [(e.name_a, e.entity_a) for e in identity.merged] == [("Trần Văn Nam", "E-nam")]
    assert report.to_dict()["identity"]["precision"] == 0.5
    assert "cross-document identity (pairs of gold records): gold 3, pred 2, both 1" in format_report(report)
    assert not score(gold, predicted).identity.scored  # without entity ids, nothing is claimed

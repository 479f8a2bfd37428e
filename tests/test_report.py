"""The HTML report: span nesting, reading the tables in each format, the overview figures and the page's structure."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_data import SAMPLE_SPANS, SAMPLE_TEXT, error_result, many_results, sample_result, write_run

from pipeline.commit import commit_steps
from pipeline.config import load_config
from pipeline.write import TableWriter

import pipeline.report
from pipeline.model import ENTITY_TYPES
from pipeline.report import (PAGE_SIZE, ReportError, Span, read_tables, render_html, report_payload, segments,
                             source_format, timeline, top_people, top_values, write_report)


def flatten(nodes: list[Any]) -> str:
    return "".join(n if isinstance(n, str) else flatten(n["c"]) for n in nodes)


def shape(nodes: list[Any]) -> list[Any]:
    """The tree with the hover text left out: strings, and (type, children) pairs."""
    return [n if isinstance(n, str) else (n["t"], shape(n["c"])) for n in nodes]


def test_doctests() -> None:
    assert doctest.testmod(pipeline.report).failed == 0


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("không có gì", [], ["không có gì"]),
    ("Đại tá Hà Văn Tú", [Span(0, 6, "RANK"), Span(7, 16, "PERSON")],
     [("RANK", ["Đại tá"]), " ", ("PERSON", ["Hà Văn Tú"])]),
    ("BĐBP Nghệ An họp", [Span(5, 12, "PLACE"), Span(0, 4, "ACRONYM"), Span(0, 12, "ORG")],
     [("ORG", [("ACRONYM", ["BĐBP"]), " ", ("PLACE", ["Nghệ An"])]), " họp"]),
    # ORG and ACRONYM over the same text: both kept, the ORG outside (ENTITY_TYPES order)
    ("QĐND", [Span(0, 4, "ACRONYM"), Span(0, 4, "ORG")], [("ORG", [("ACRONYM", ["QĐND"])])]),
    # a span crossing the end of the one it starts in is clipped there; the text is never lost
    ("abcdef", [Span(0, 4, "ORG"), Span(2, 6, "PLACE")], [("ORG", ["ab", ("PLACE", ["cd"])]), "ef"]),
    ("ab", [Span(0, 1, "DATE"), Span(1, 2, "DATE")], [("DATE", ["a"]), ("DATE", ["b"])]),
])
def test_segments_nesting(text: str, spans: list[Span], expected: list[Any]) -> None:
    nodes = segments(text, spans)
    assert shape(nodes) == expected
    assert flatten(nodes) == text


@pytest.mark.parametrize("span", [Span(-1, 2, "ORG"), Span(3, 3, "ORG"), Span(2, 99, "ORG"), Span(4, 2, "ORG")])
def test_segments_refuses_offsets_outside_text(span: Span) -> None:
    with pytest.raises(ReportError, match="outside the text"):
        segments("abcdef", [span])


@given(st.text(min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10), st.sampled_from(ENTITY_TYPES)), max_size=12))
def test_segments_keep_every_character(text: str, raw_spans: list[tuple[int, int, str]]) -> None:
    spans = [Span(s, min(s + n, len(text)), t) for s, n, t in raw_spans if s < len(text)]
    assert flatten(segments(text, spans)) == text


def test_hover_shows_acronym_expansion() -> None:
    text = "Phó Tư lệnh BĐBP"
    nodes = segments(text, [Span(12, 16, "ACRONYM", "Bộ đội Biên phòng"), Span(0, 11, "POSITION", "Phó Tư lệnh")])
    assert [n["h"] for n in nodes if isinstance(n, dict)] == ["POSITION: Phó Tư lệnh", "BĐBP = Bộ đội Biên phòng"]


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_run(tmp_path_factory.mktemp("run"), [sample_result(), error_result()])


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_read_tables_same_in_every_format(sample_run: Path, fmt: str) -> None:
    tables = read_tables(sample_run, fmt)
    assert [d["doc_id"] for d in tables["documents"]] == ["cao_bang.txt", "photo.txt"]
    assert tables["documents"][0]["text"] == SAMPLE_TEXT
    assert tables["documents"][1]["status"] == "error"
    assert [(m["type"], m["text"]) for m in tables["mentions"]] == [(t, s) for t, s, _ in SAMPLE_SPANS]
    assert all(isinstance(m["start"], int) for m in tables["mentions"])
    assert tables["people"][0]["rank"] == "Đại tá"
    assert tables["acronyms"][0]["count"] == 1
    assert report_payload(tables, "t") == report_payload(read_tables(sample_run, "parquet"), "t")


def test_source_format_is_the_newest(tmp_path: Path) -> None:
    write_run(tmp_path, [sample_result()], ("parquet",))
    assert source_format(tmp_path) == "parquet"
    write_run(tmp_path, [sample_result()], ("csv",))
    assert source_format(tmp_path) == "csv"


@pytest.mark.parametrize(("setup", "message"), [
    (lambda d: None, "no documents.parquet, documents.csv or records.jsonl"),
    (lambda d: (d / "documents.csv").write_text("doc_id,title\na.txt,A\n", encoding="utf-8"), "not found"),
    (lambda d: [(d / f"{t}.csv").write_text("doc_id,title\na.txt,A\n", encoding="utf-8")
                for t in ("documents", "mentions", "people", "acronyms")], "no text column"),
    (lambda d: (d / "records.jsonl").write_text("{not json\n", encoding="utf-8"), "not valid JSON"),
    (lambda d: (d / "records.jsonl").write_text('{"doc_id": "a", "text": "x", "mentions": [{"type": "ORG"}]}\n',
                                                encoding="utf-8"), "mentions table \\(jsonl\\) has rows without start, end"),
])
def test_read_tables_errors(tmp_path: Path, setup, message: str) -> None:
    setup(tmp_path)
    with pytest.raises(ReportError, match=message):
        read_tables(tmp_path)


def test_read_tables_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="not a directory"):
        write_report(tmp_path / "nope")


def test_report_target_cannot_be_a_directory(sample_run: Path, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="is a directory"):
        write_report(sample_run, out=tmp_path)


def test_mentions_outside_text_name_the_document(tmp_path: Path) -> None:
    result = sample_result()
    result.mentions[0].end = len(SAMPLE_TEXT) + 5
    write_run(tmp_path, [result], ("parquet",))
    with pytest.raises(ReportError, match="document cao_bang.txt: mention DATE"):
        write_report(tmp_path)


def test_top_people_ranked_by_documents_then_mentions() -> None:
    people = [
        {"doc_id": "a", "name": "Lê Văn Bình", "rank": "Đại tá", "position": None, "organization": None,
         "mention_ids": '["m1"]'},
        {"doc_id": "b", "name": "Lê Văn Bình", "rank": "Thiếu tướng", "position": "Phó Tư lệnh",
         "organization": None, "mention_ids": ["m2"]},
        {"doc_id": "b", "name": "Trần Văn Hải", "rank": "Thiếu tướng", "position": None, "organization": None,
         "mention_ids": '["m3", "m4", "m5"]'},
        {"doc_id": "c", "name": "Hà Văn Tú", "rank": None, "position": None, "organization": None, "mention_ids": "[]"},
    ]
    top = top_people(people, limit=2)
    assert [(p["name"], p["documents"], p["mentions"]) for p in top] == [("Lê Văn Bình", 2, 2), ("Trần Văn Hải", 1, 3)]
    assert top[0]["position"] == "Phó Tư lệnh"
    assert top[0]["rank"] in ("Đại tá", "Thiếu tướng")


def test_top_values_and_timeline() -> None:
    mentions = [
        {"doc_id": "a", "type": "PLACE", "text": "Nghệ An", "normalized": "tỉnh Nghệ An"},
        {"doc_id": "b", "type": "PLACE", "text": "tỉnh Nghệ An", "normalized": "tỉnh Nghệ An"},
        {"doc_id": "b", "type": "PLACE", "text": "Lào", "normalized": None},
        {"doc_id": "a", "type": "DATE", "text": "ngày 2/9", "normalized": "2025-09-02"},
        {"doc_id": "a", "type": "DATE", "text": "tháng 9/2025", "normalized": "2025-09"},
        {"doc_id": "a", "type": "DATE", "text": "năm 1992", "normalized": "1992"},
    ]
    assert top_values(mentions, "PLACE") == [{"value": "tỉnh Nghệ An", "mentions": 2, "documents": 2},
                                             {"value": "Lào", "mentions": 1, "documents": 1}]
    documents = [{"date": "2025-10-01"}, {"date": None}]
    assert timeline(documents, mentions) == [{"month": "2025-09", "mentions": 2, "documents": 0},
                                             {"month": "2025-10", "mentions": 0, "documents": 1}]


def embedded_data(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="vnx-data">(.*?)</script>', html, re.S)
    assert match, "no embedded data block"
    return json.loads(match.group(1))


def test_html_is_self_contained_and_escaped(sample_run: Path) -> None:
    html = write_report(sample_run).read_text(encoding="utf-8")
    data = embedded_data(html)
    assert [d["id"] for d in data["documents"]] == ["cao_bang.txt", "photo.txt"]
    assert data["overview"]["documents"] == 2 and data["overview"]["error"] == 1
    assert data["overview"]["types"] == {t: 1 for t in ENTITY_TYPES}
    assert data["overview"]["people"][0]["position"] == "Chỉ huy trưởng"
    assert flatten(data["documents"][0]["nodes"]) == SAMPLE_TEXT
    # the document's "</script><b>" stays inside the JSON: exactly the two real script elements close
    assert html.count("</script>") == 2
    assert "<b>chỉ đạo</b>" not in html
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html), "external resource referenced"
    assert "<link" not in html
    for type_ in ENTITY_TYPES:
        assert f"mark.t-{type_}{{" in html and f".off-{type_} mark.t-{type_}" in html
    for element in ('id="overview"', 'id="type-filter"', 'id="documents"', 'id="pager-top"', 'id="search"'):
        assert element in html


def test_title_is_escaped() -> None:
    html = render_html(report_payload({"documents": [], "mentions": [], "people": [], "acronyms": []},
                                      title="run <x> & y"))
    assert "<title>run &lt;x&gt; &amp; y</title>" in html
    assert embedded_data(html)["documents"] == []


def test_thousand_documents_stay_bounded(tmp_path: Path) -> None:
    """The page holds the data once, as JSON: a few hundred bytes per document and mention beyond the text itself."""
    results = many_results(1000)
    write_run(tmp_path, results, ("parquet",))
    html = write_report(tmp_path).read_text(encoding="utf-8")
    text_bytes = sum(len(r.doc.text.encode()) for r in results)
    empty_page = len(render_html(report_payload({"documents": [], "mentions": [], "people": [], "acronyms": []},
                                                title="x")).encode())
    n_mentions = sum(len(r.mentions) for r in results)
    assert len(html.encode()) - empty_page < 2 * text_bytes + 120 * n_mentions + 300 * len(results)
    assert "<article" not in html  # documents are rendered by the script, one page at a time
    data = embedded_data(html)
    assert data["pageSize"] == PAGE_SIZE and len(data["documents"]) == 1000
    assert len(data["overview"]["timeline"]) == 12


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_people_across_documents(tmp_path: Path, fmt: str) -> None:
    first, second = sample_result("a.txt"), sample_result("b.txt")
    second.doc.date = "2026-03-01"
    second.people[0].rank = "Thiếu tướng"
    other = sample_result("c.txt")
    other.people[0].name = "Nông Văn Quế"  # another person, named once
    writer = TableWriter(tmp_path, (fmt,), steps=commit_steps(load_config()))
    writer.write_batch([first, second, other])
    writer.commit()
    overview = report_payload(read_tables(tmp_path, fmt), "t")["overview"]
    [person] = overview["persons"]  # the one person named in two documents
    assert (person["name"], person["documents"], person["first"], person["last"]) == (
        "Nông Văn Quý", 2, "2025-10-14", "2026-03-01")
    assert [row[1:3] for row in person["timeline"]] == [["a.txt", "Đại tá"], ["b.txt", "Thiếu tướng"]]
    top = overview["people"][0]
    assert (top["id"], top["documents"], top["rank"]) == (person["id"], 2, "Thiếu tướng")
    assert '"persons"' in render_html(report_payload(read_tables(tmp_path, fmt), "t"))


def test_authors_are_not_the_people_of_the_news(tmp_path: Path) -> None:
    first, second = sample_result("a.txt"), sample_result("b.txt")
    for result in (first, second):
        result.people[0].byline = True  # the same reporter's name under two stories
    writer = TableWriter(tmp_path, ("parquet",), steps=commit_steps(load_config()))
    writer.write_batch([first, second])
    writer.commit()
    tables = read_tables(tmp_path, "parquet")
    [entity] = [e for e in tables["entities"] if e["type"] == "PERSON"]
    assert (entity["n_documents"], entity["byline"]) == (2, True)
    overview = report_payload(tables, "t")["overview"]
    assert overview["persons"] == [] and overview["people"] == []

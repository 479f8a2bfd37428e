from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.gold
from pipeline.gold import GoldFormatError, GoldRecord, parse_gold, read_gold_dir
from pipeline.model import ENTITY_TYPES

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"

BDBP = "Bộ đội Biên phòng"

GOOD = [
    pytest.param(
        f"[RANK Thiếu tướng|Thiếu tướng] [PERSON Lê Văn Bình|Lê Văn Bình], [POSITION Phó Tư lệnh] "
        f"[ORG [ACRONYM BĐBP|{BDBP}]|{BDBP}]",
        "Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP",
        [("RANK", 0, 11, "Thiếu tướng", "Thiếu tướng", {}),
         ("PERSON", 12, 23, "Lê Văn Bình", "Lê Văn Bình", {}),
         ("POSITION", 25, 36, "Phó Tư lệnh", None, {}),
         ("ORG", 37, 41, "BĐBP", BDBP, {}),
         ("ACRONYM", 37, 41, "BĐBP", BDBP, {})],
        id="person-with-rank-and-acronym-org",
    ),
    pytest.param(
        f"Họp tại [ORG Ban chỉ huy [ACRONYM BĐBP|{BDBP}] [PLACE Nghệ An|tỉnh Nghệ An]|Ban Chỉ huy {BDBP} tỉnh Nghệ An].",
        "Họp tại Ban chỉ huy BĐBP Nghệ An.",
        [("ORG", 8, 32, "Ban chỉ huy BĐBP Nghệ An", f"Ban Chỉ huy {BDBP} tỉnh Nghệ An", {}),
         ("ACRONYM", 20, 24, "BĐBP", BDBP, {}),
         ("PLACE", 25, 32, "Nghệ An", "tỉnh Nghệ An", {})],
        id="nested-acronym-and-place",
    ),
    pytest.param(
        "[ORG Ban Thường vụ Đảng ủy] họp",
        "Ban Thường vụ Đảng ủy họp",
        [("ORG", 0, 21, "Ban Thường vụ Đảng ủy", None, {})],
        id="no-normalized",
    ),
    pytest.param(
        "[DATE Chiều 5/10|2025-10-05|part=AF], đoàn công tác",
        "Chiều 5/10, đoàn công tác",
        [("DATE", 0, 10, "Chiều 5/10", "2025-10-05", {"part": "AF"})],
        id="normalized-and-attribute",
    ),
    pytest.param(
        "về [PLACE xã Na Mèo|xã Na Mèo|successor=xã Mới|note=a=b]",
        "về xã Na Mèo",
        [("PLACE", 3, 12, "xã Na Mèo", "xã Na Mèo", {"successor": "xã Mới", "note": "a=b"})],
        id="attribute-value-with-equals",
    ),
    pytest.param(
        "[PLACE Viêng Chăn|country=LA]",
        "Viêng Chăn",
        [("PLACE", 0, 10, "Viêng Chăn", None, {"country": "LA"})],
        id="attribute-without-normalized",
    ),
    pytest.param(
        r"Mục \[1\] a\|b [ORG Đồn \[Số 5\]|Đồn \| Năm]",
        "Mục [1] a|b Đồn [Số 5]",
        [("ORG", 12, 22, "Đồn [Số 5]", "Đồn | Năm", {})],
        id="escapes",
    ),
    pytest.param(
        "Chú thích [1 và [a b, [ORG, [Org x, C:\\thư mục",
        "Chú thích [1 và [a b, [ORG, [Org x, C:\\thư mục",
        [],
        id="literal-brackets-and-backslash",
    ),
    pytest.param(
        "date 2025-10-05 Tin\n\n[DATE Sáng nay|2025-10-05|part=MO], [PERSON Hải|Hải] phát biểu.\n",
        "date 2025-10-05 Tin\n\nSáng nay, Hải phát biểu.\n",
        [("DATE", 21, 29, "Sáng nay", "2025-10-05", {"part": "MO"}),
         ("PERSON", 31, 34, "Hải", "Hải", {})],
        id="header-and-lines",
    ),
]


@pytest.mark.parametrize(("markup", "raw", "expected"), GOOD)
def test_parse_good(markup: str, raw: str, expected: list[tuple]) -> None:
    doc = parse_gold(markup, "tin.txt")
    assert doc.raw == raw
    assert [(m.type, m.start, m.end, m.surface, m.normalized, m.attrs) for m in doc.mentions] == expected
    assert all(doc.raw[m.start:m.end] == m.surface for m in doc.mentions)
    assert doc.records == []


def test_records_block() -> None:
    text = (
        "[RANK Đại tá] [PERSON Trần Văn Nam|Trần Văn Nam] và [PERSON Hải|Hải].\n"
        "#records\n"
        "PERSON name=Trần Văn Nam; rank=Đại tá; position=Chính ủy; organization=Bộ Chỉ huy Quân sự tỉnh Nghệ An\n"
        "\n"
        "PERSON name=Hải;\n"
    )
    doc = parse_gold(text)
    assert doc.raw == "Đại tá Trần Văn Nam và Hải.\n"
    assert doc.records == [
        GoldRecord("PERSON", {"name": "Trần Văn Nam", "rank": "Đại tá", "position": "Chính ủy",
                              "organization": "Bộ Chỉ huy Quân sự tỉnh Nghệ An"}),
        GoldRecord("PERSON", {"name": "Hải"}),
    ]


@pytest.mark.parametrize("text", [
    "Thẻ #records ở giữa dòng\n #records\n#records thêm\n",
    "Không có khối bản ghi",
])
def test_records_marker_must_be_a_whole_line(text: str) -> None:
    doc = parse_gold(text)
    assert doc.raw == text
    assert doc.records == []


def test_records_marker_with_crlf() -> None:
    doc = parse_gold("[PERSON Hải|Hải]\r\n#records\r\nPERSON name=Hải\r\n")
    assert doc.raw == "Hải\r\n"
    assert doc.records == [GoldRecord("PERSON", {"name": "Hải"})]


BAD = [
    pytest.param("[ORG Bộ Tư lệnh", 1, 1, "not closed", id="unclosed-at-end"),
    pytest.param("[ORG Bộ\nTư lệnh]", 1, 1, "end of the line", id="span-across-lines"),
    pytest.param("x\n\n  [ORG Bộ|Bộ", 3, 3, "not closed", id="unclosed-in-field"),
    pytest.param("Đồn]", 1, 4, "unbalanced ']'", id="stray-close"),
    pytest.param("a | b", 1, 3, "unbalanced '|'", id="stray-pipe"),
    pytest.param("Ông [PERSN Hải]", 1, 5, "unknown type 'PERSN'", id="unknown-type"),
    pytest.param("[ORG [BĐBP X] Y]", 1, 6, "unknown type 'BĐBP'", id="unknown-type-nested"),
    pytest.param("[PERSON ]", 1, 1, "empty", id="empty-surface"),
    pytest.param("[PERSON  Hải]", 1, 1, "whitespace", id="leading-space"),
    pytest.param("[PERSON Hải |Hải]", 1, 1, "whitespace", id="trailing-space"),
    pytest.param("[PERSON Hải|]", 1, 13, "empty normalized", id="empty-normalized"),
    pytest.param("[PERSON Hải|Hải|viết tắt]", 1, 17, "key=value", id="attribute-without-equals"),
    pytest.param("[PERSON Hải|Hải|a=]", 1, 17, "key=value", id="attribute-empty-value"),
    pytest.param("[DATE Sáng 5/10|part=MO|part=AF]", 1, 25, "twice", id="duplicate-attribute"),
    pytest.param("[ORG Bộ|[PLACE Huế]]", 1, 9, "markup inside", id="markup-in-normalized"),
    pytest.param("a\n#records\nPERSON rank=Đại tá", 3, 1, "without name", id="record-without-name"),
    pytest.param("a\n#records\n\nPERSON name=Hải; rank", 4, 18, "key=value", id="record-field-without-equals"),
    pytest.param("a\n#records\nperson name=Hải", 3, 1, "record kind", id="record-kind-lowercase"),
    pytest.param("a\n#records\nPERSON name=Hải; name=Nam", 3, 18, "twice", id="record-duplicate-field"),
]


@pytest.mark.parametrize(("text", "line", "column", "problem"), BAD)
def test_parse_bad(text: str, line: int, column: int, problem: str) -> None:
    with pytest.raises(GoldFormatError) as info:
        parse_gold(text, "sub/tin.txt")
    assert (info.value.line, info.value.column) == (line, column)
    assert problem in info.value.problem
    assert str(info.value).startswith(f"sub/tin.txt:{line}:{column}: ")


def _escape(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]").replace("|", r"\|")


def render(raw: str, spans: list[tuple[str, int, int, str | None]]) -> str:
    """Write raw text with non-overlapping spans as gold markup."""
    parts, pos = [], 0
    for type_, start, end, normalized in spans:
        parts.append(_escape(raw[pos:start]))
        parts.append(f"[{type_} {_escape(raw[start:end])}" + (f"|{_escape(normalized)}" if normalized else "") + "]")
        pos = end
    parts.append(_escape(raw[pos:]))
    return "".join(parts)


# A backslash right before a span's "[" cannot be written in the format, and "#" could form a "#records" line.
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\\#")
_PIECES = st.sampled_from(["[", "]", "|", "=", " ", "\n", "[ORG ", "BĐBP", "Thiếu tướng", "Thanh Hoá"])
_NORMALIZED = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\\\n="), min_size=1).filter(str.strip)


@st.composite
def raw_with_spans(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, int, str | None]]]:
    raw = "".join(draw(st.lists(st.one_of(_PIECES, _CHARS), max_size=40)))
    cuts = sorted(draw(st.lists(st.integers(0, len(raw)), max_size=12)))
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        while start < end and raw[start].isspace():
            start += 1
        while end > start and raw[end - 1].isspace():
            end -= 1
        if start < end and "\n" not in raw[start:end]:
            spans.append((draw(st.sampled_from(ENTITY_TYPES)), start, end, draw(st.none() | _NORMALIZED)))
    return raw, spans


@settings(max_examples=300, deadline=None)
@given(raw_with_spans())
def test_render_then_parse_round_trips(case: tuple[str, list[tuple[str, int, int, str | None]]]) -> None:
    raw, spans = case
    doc = parse_gold(render(raw, spans))
    assert doc.raw == raw
    assert [(m.type, m.start, m.end, m.normalized) for m in doc.mentions] == spans


def test_read_gold_dir(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("[PLACE Huế|thành phố Huế]\r\n", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("\ufeff[PERSON Hải|Hải]".encode())
    (tmp_path / "ghi-chú.md").write_text("không phải gold", encoding="utf-8")
    docs = read_gold_dir(tmp_path)
    assert [d.doc_id for d in docs] == ["a.txt", "sub/b.txt"]
    assert docs[0].raw == "Hải"
    assert docs[1].raw == "Huế\r\n"


def test_read_gold_dir_reports_the_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Đồn]", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"^x\.txt:1:4: "):
        read_gold_dir(tmp_path)


@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="shared dev gold not present")
def test_shared_dev_gold_parses() -> None:
    docs = read_gold_dir(SHARED_DEV)
    assert docs
    for doc in docs:
        assert doc.mentions
        assert {m.type for m in doc.mentions} <= set(ENTITY_TYPES)
        for m in doc.mentions:
            assert doc.raw[m.start:m.end] == m.surface
        assert all(r.kind == "PERSON" and r.fields["name"] for r in doc.records)


def test_docstring_examples() -> None:
    assert doctest.testmod(pipeline.gold).failed == 0

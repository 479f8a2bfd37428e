"""Tests for the DATE rules of ``pipeline.extract.dates``."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from date_cases import DATE_SENTENCES, DOC_DATE, NOT_DATE_SENTENCES, YEAR_INFERENCE
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core import Pipeline
from pipeline.extract.dates import DateMatch, find_dates
from pipeline.ingest import read_jsonl, read_txt
from pipeline.model import DocumentResult, RawDocument

DOC = datetime.date(2025, 9, 24)
ISO_RE = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|Q[1-4]|W\d{2})(-\d{2})?)?$")


def spans(text: str, doc_date: datetime.date | None = DOC) -> list[tuple[str, str | None, str | None]]:
    """(surface, value, part) of every match, in order."""
    return [(text[d.start : d.end], d.value, d.attrs.get("part")) for d in find_dates(text, doc_date)]


def values(text: str, doc_date: datetime.date | None = DOC) -> list[tuple[str, str | None]]:
    """(surface, value) of every match, in order."""
    return [(text[d.start : d.end], d.value) for d in find_dates(text, doc_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # part of day and ``ngày`` inside the span
        ("Sáng 23/9, Bộ Tư lệnh tổ chức hội nghị", [("Sáng 23/9", "2025-09-23", "MO")]),
        ("chiều 5/10, đoàn công tác đến", [("chiều 5/10", "2025-10-05", "AF")]),  # 11 days after the document
        ("trưa 20/9 mưa lớn", [("trưa 20/9", "2025-09-20", "AF")]),
        ("tối 21/9 tại hội trường", [("tối 21/9", "2025-09-21", "EV")]),
        ("đêm 22/9 lực lượng tuần tra", [("đêm 22/9", "2025-09-22", "NI")]),
        ("rạng sáng 23/9 phát hiện", [("rạng sáng 23/9", "2025-09-23", "MO")]),
        ("Sáng ngày 23/9 khai mạc", [("Sáng ngày 23/9", "2025-09-23", "MO")]),
        ("sinh ngày 19-11-1958 tại", [("ngày 19-11-1958", "1958-11-19", None)]),
        ("ngày 23 tháng 9 năm 2025", [("ngày 23 tháng 9 năm 2025", "2025-09-23", None)]),
        ("ngày 2 tháng 9", [("ngày 2 tháng 9", "2025-09-02", None)]),
        ("trong tháng 9/2025", [("tháng 9/2025", "2025-09", None)]),
        ("tháng 9 năm 2025", [("tháng 9 năm 2025", "2025-09", None)]),
        ("từ tháng 4-2025", [("tháng 4-2025", "2025-04", None)]),
        ("trong năm 2025, đơn vị", [("năm 2025", "2025", None)]),
        ("Năm 2025, đơn vị hoàn thành", [("Năm 2025", "2025", None)]),
        ("quý III/2025", [("quý III/2025", "2025-Q3", None)]),
        ("quý 3 năm 2025", [("quý 3 năm 2025", "2025-Q3", None)]),
        ("quý iv-2024", [("quý iv-2024", "2024-Q4", None)]),
        ("ngày 27.3 vừa qua", [("ngày 27.3", "2025-03-27", None)]),
        ("ký ngày 14.2.2019", [("ngày 14.2.2019", "2019-02-14", None)]),
        ("23/9/2025", [("23/9/2025", "2025-09-23", None)]),
        ("23-9-2025", [("23-9-2025", "2025-09-23", None)]),
        ("ngày 29/2/2024", [("ngày 29/2/2024", "2024-02-29", None)]),
        # prepositions stay outside
        ("vào 27.3 năm nay", [("27.3 năm nay", "2025-03-27", None)]),
        ("vào 27.3, đơn vị", [("27.3", "2025-03-27", None)]),
        ("hôm 2-9 đơn vị", [("2-9", "2025-09-02", None)]),
        ("đến ngày 30/9", [("ngày 30/9", "2025-09-30", None)]),
        ("hôm 23/9 đơn vị", [("23/9", "2025-09-23", None)]),
        ("khai mạc 23/9 tại Hà Nội", [("23/9", "2025-09-23", None)]),
        # a relative date followed by an explicit one in parentheses: two spans
        ("hôm qua (23/9)", [("hôm qua", "2025-09-23", None), ("23/9", "2025-09-23", None)]),
        ("ngày 5/4 năm ngoái", [("ngày 5/4 năm ngoái", "2024-04-05", None)]),
        # case-insensitive at sentence start
        ("NGÀY 23/9", [("NGÀY 23/9", "2025-09-23", None)]),
        ("Chiều 23/9", [("Chiều 23/9", "2025-09-23", "AF")]),
        ("Tối qua, tại", [("Tối qua", "2025-09-23", "EV")]),
    ],
)
def test_explicit_shapes(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hôm qua", "2025-09-23"),
        ("Hôm nay", "2025-09-24"),
        ("ngày hôm qua", "2025-09-23"),
        ("ngày mai", "2025-09-25"),
        ("năm nay", "2025"),
        ("Năm nay", "2025"),
        ("năm ngoái", "2024"),
        ("năm trước", "2024"),
        ("năm tới", "2026"),
        ("năm sau", "2026"),
        ("tháng trước", "2025-08"),
        ("tháng này", "2025-09"),
        ("tuần trước", "2025-W38"),
        ("tuần này", "2025-W39"),
    ],
)
def test_relative(text: str, expected: str) -> None:
    result = find_dates(text, DOC)
    assert [(text[d.start : d.end], d.value, d.rule) for d in result] == [
        (text, expected, "date.relative")
    ]


@pytest.mark.parametrize(
    ("text", "value", "part"),
    [
        ("sáng nay", "2025-09-24", "MO"),
        ("chiều nay", "2025-09-24", "AF"),
        ("tối nay", "2025-09-24", "EV"),
        ("chiều qua", "2025-09-23", "AF"),
        ("tối qua", "2025-09-23", "EV"),
        ("đêm qua", "2025-09-23", "NI"),
        ("rạng sáng nay", "2025-09-24", "MO"),
        ("tối hôm qua", "2025-09-23", "EV"),
        ("sáng mai", "2025-09-25", "MO"),
    ],
)
def test_relative_with_part(text: str, value: str, part: str) -> None:
    assert spans(text) == [(text, value, part)]


def test_relative_crosses_year_and_month() -> None:
    jan = datetime.date(2025, 1, 2)
    assert spans("hôm qua, tháng trước, tuần trước, năm ngoái", jan) == [
        ("hôm qua", "2025-01-01", None),
        ("tháng trước", "2024-12", None),
        ("tuần trước", "2024-W52", None),
        ("năm ngoái", "2024", None),
    ]


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("hôm qua", "-1D"),
        ("hôm kia", "-2D"),
        ("sáng nay", "+0D"),
        ("ngày mai", "+1D"),
        ("tuần trước", "-1W"),
        ("tuần này", "+0W"),
        ("tháng trước", "-1M"),
        ("tháng tới", "+1M"),
        ("trong quý này", "+0Q"),
        ("năm ngoái", "-1Y"),
        ("năm nay", "+0Y"),
        ("năm tới", "+1Y"),
    ],
)
def test_relative_offset_attr(text: str, relative: str) -> None:
    assert [d.attrs["relative"] for d in find_dates(text, DOC)] == [relative]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("hôm qua", "hôm qua"),
        ("sáng nay", "sáng nay"),
        ("chiều qua", "chiều qua"),
        ("năm nay", "năm nay"),
        ("năm ngoái", "năm ngoái"),
        ("tháng trước", "tháng trước"),
        ("tuần này", "tuần này"),
        ("ngày mai", "ngày mai"),
        ("trong quý trước", "quý trước"),
    ],
)
def test_relative_without_doc_date_keeps_span_without_value(text: str, surface: str) -> None:
    """A relative expression is a calendar expression; with no document date no value is invented."""
    result = find_dates(text, None)
    assert [(text[d.start : d.end], d.value) for d in result] == [(surface, None)]
    assert result[0].attrs["relative"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 23/9", [("Sáng 23/9", "XXXX-09-23", "MO")]),
        ("ngày 27.3", [("ngày 27.3", "XXXX-03-27", None)]),
        ("ngày 29/2", [("ngày 29/2", "XXXX-02-29", None)]),
        ("ngày 23 tháng 9", [("ngày 23 tháng 9", "XXXX-09-23", None)]),
        ("ngày 23/9/2025", [("ngày 23/9/2025", "2025-09-23", None)]),
        ("năm 2025", [("năm 2025", "2025", None)]),
        ("ngày 5/4 năm ngoái", [("ngày 5/4", "XXXX-04-05", None), ("năm ngoái", None, None)]),
        ("tháng 8", [("tháng 8", "XXXX-08", None)]),
        ("quý II", [("quý II", "XXXX-Q2", None)]),
        ("ngày 23 tháng 9 năm nay", [("ngày 23 tháng 9", "XXXX-09-23", None), ("năm nay", None, None)]),
    ],
)
def test_without_doc_date(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert spans(text, None) == expected


@pytest.mark.parametrize(("text", "years"), [
    ("nhiệm kỳ 2025 - 2030", ["2025", "2030"]),
    ("giai đoạn 2021-2025", ["2021", "2025"]),
    ("Kế hoạch 2026–2030 của tỉnh", ["2026", "2030"]),
])
def test_years_of_a_term(text: str, years: list[str]) -> None:
    found = find_dates(text, DOC)
    assert [d.value for d in found] == years
    assert all(d.attrs == {"range": "/".join(years)} for d in found)


@pytest.mark.parametrize(
    ("doc_date", "text", "value"),
    [
        (datetime.date(2025, 1, 3), "28/12", "2024-12-28"),
        (datetime.date(2025, 1, 3), "31/12", "2024-12-31"),
        (datetime.date(2025, 1, 3), "3/1", "2025-01-03"),
        (datetime.date(2025, 1, 3), "10/1", "2025-01-10"),
        (datetime.date(2025, 1, 3), "3/2", "2025-02-03"),  # exactly 31 days after
        (datetime.date(2025, 1, 3), "4/2", "2024-02-04"),  # 32 days after: last year
        (datetime.date(2025, 9, 18), "1/10", "2025-10-01"),  # "từ ngày 1/10, phí …": a schedule two weeks ahead
        (datetime.date(2024, 12, 28), "2/1", "2025-01-02"),  # announced a few days ahead
        (datetime.date(2024, 12, 28), "28/12", "2024-12-28"),
        (datetime.date(2025, 3, 1), "29/2", "2024-02-29"),  # the latest leap day
    ],
)
def test_year_inference(doc_date: datetime.date, text: str, value: str) -> None:
    assert spans(f"ngày {text}", doc_date) == [(f"ngày {text}", value, None)]


@pytest.mark.parametrize(
    ("doc_date", "text", "value"),
    [
        # a directive's deadline lies ahead, months ahead too
        (datetime.date(2028, 1, 18), "hoàn thành trước ngày 28/2", "2028-02-28"),
        (datetime.date(2028, 6, 20), "báo cáo chậm nhất ngày 30/9", "2028-09-30"),
        (datetime.date(2028, 6, 20), "hoàn thành trước ngày 30 tháng 9", "2028-09-30"),
        # bad: a deadline word does not reach past six months, and a date without one stays in the past
        (datetime.date(2028, 1, 18), "hoàn thành trước ngày 30/9", "2027-09-30"),
        (datetime.date(2028, 1, 18), "khai mạc ngày 28/2", "2027-02-28"),
    ],
)
def test_a_deadline_lies_ahead(doc_date: datetime.date, text: str, value: str) -> None:
    assert [value for _, value, _ in spans(text, doc_date)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "ngày 31/2",
        "ngày 32/1",
        "ngày 0/5",
        "ngày 15/13",
        "ngày 29/2/2023",
        "ngày 29/2/2025",
        "khai mạc 31/2",
        "từ ngày 30 đến 31/2",
        "ngày 30 tháng 2",
        "31.4.2025",
        "tháng 13/2025",
    ],
)
def test_impossible_dates(text: str) -> None:
    assert find_dates(text, DOC) == []


@pytest.mark.parametrize(
    "text",
    [
        "Công văn số 100/TTg",
        "Quyết định số 12/2025/QĐ-UBND",
        "Kế hoạch số 12/3",
        "Thông báo 15/9/TB-BCH",
        "Nghị quyết 57-NQ/TW",
    ],
)
def test_document_numbers(text: str) -> None:
    assert find_dates(text, DOC) == []


def test_document_number_beside_date() -> None:
    text = "Quyết định số 12/QĐ-UBND ngày 5/3/2025"
    assert spans(text) == [("ngày 5/3/2025", "2025-03-05", None)]


@pytest.mark.parametrize(
    "text",
    [
        "thắng với tỉ số 2-1",
        "tỷ số 3/1",
        "3/5 đơn vị hoàn thành",
        "12/15 xã đạt chuẩn",
        "đạt 4/5 tiêu chí",
        "chiếm 2/3 dân số",
        "từ 2-3 ngày",
        "lúc 14h30",
        "lúc 14:30",
        "gọi 0912.345.678",
        "024.3825.1234",
        "phiên bản 2.1",
        "v1.2.3",
        "tăng 1.5 lần",
        "lớp 10/3",
        "ngõ 12/5",
        "tối đa 5/7",
        "thời gian tới",
        "hằng năm",
        "thời kỳ mới",
        "Tết Nguyên đán",
        "dịp Quốc khánh",
        "sau 5 năm",
        "5 năm trước",
        "những năm tới",
        "năm trước đó",
        "năm 1800",
        "ánh sáng qua khe cửa",
        "ngày 3",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, DOC) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tết Nguyên đán năm 2025", [("năm 2025", "2025", None)]),
        ("dịp Quốc khánh 2/9", [("2/9", "2025-09-02", None)]),
        ("kỷ niệm Ngày Thương binh - Liệt sĩ 27/7", [("27/7", "2025-07-27", None)]),
    ],
)
def test_named_observance_keeps_calendar_part(text: str, expected: list[tuple[str, str, None]]) -> None:
    assert spans(text) == expected


def test_year_range_marks_first_year_only() -> None:
    assert spans("năm 2025-2030") == [("năm 2025", "2025", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "từ ngày 3 đến 5/4",
            [("ngày 3", "2025-04-03", "start"), ("5/4", "2025-04-05", "end")],
        ),
        (
            "từ ngày 3 đến ngày 5/4/2024",
            [("ngày 3", "2024-04-03", "start"), ("ngày 5/4/2024", "2024-04-05", "end")],
        ),
        ("ngày 3 và 4/4", [("ngày 3", "2025-04-03", None), ("4/4", "2025-04-04", None)]),
        ("từ 20 - 25/9", [("20", "2025-09-20", "start"), ("25/9", "2025-09-25", "end")]),
        ("từ 20-25/9", [("20", "2025-09-20", "start"), ("25/9", "2025-09-25", "end")]),
        ("từ 3-5/4", [("3", "2025-04-03", "start"), ("5/4", "2025-04-05", "end")]),
        (
            "từ 28/12/2024 đến 3/1/2025",
            [("28/12/2024", "2024-12-28", "start"), ("3/1/2025", "2025-01-03", "end")],
        ),
        ("từ 28 đến 3/1/2025", [("28", "2024-12-28", "start"), ("3/1/2025", "2025-01-03", "end")]),
        ("từ 20/9 đến 5/10/2024", [("20/9", "2024-09-20", "start"), ("5/10/2024", "2024-10-05", "end")]),
    ],
)
def test_ranges_and_pairs(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    result = find_dates(text, DOC)
    assert [(text[d.start : d.end], d.value) for d in result] == [(s, v) for s, v, _ in expected]
    assert {d.rule for d in result} == {"date.range"}
    first, second = result
    if expected[0][2] == "start":
        assert first.attrs["range"] == second.attrs["range"] == f"{first.value}/{second.value}"
    else:
        assert "range" not in first.attrs and "range" not in second.attrs


def test_range_without_doc_date() -> None:
    assert spans("từ ngày 3 đến 5/4", None) == [
        ("ngày 3", "XXXX-04-03", None),
        ("5/4", "XXXX-04-05", None),
    ]


def test_range_keeps_part_of_day() -> None:
    text = "từ sáng 3 đến chiều 5/4"
    assert spans(text) == [("sáng 3", "2025-04-03", "MO"), ("chiều 5/4", "2025-04-05", "AF")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sáng 23/9, hội nghị khai mạc. Cùng ngày, đoàn công tác thăm đơn vị.",
            [("Sáng 23/9", "2025-09-23", "MO"), ("Cùng ngày", "2025-09-23", None)],
        ),
        (
            "Ngày 5/3/2024 ký kết; năm 2025 triển khai. Chiều cùng ngày, họp báo.",
            [
                ("Ngày 5/3/2024", "2024-03-05", None),
                ("năm 2025", "2025", None),
                ("Chiều cùng ngày", "2024-03-05", "AF"),
            ],
        ),
        ("Hôm qua, A. Cùng ngày, B.", [("Hôm qua", "2025-09-23", None), ("Cùng ngày", "2025-09-23", None)]),
        # nothing to resolve against: the span stays, without a value
        ("Cùng ngày, đoàn công tác thăm đơn vị.", [("Cùng ngày", None, None)]),
        ("Tháng 9/2025 khởi công. Cùng ngày, B.", [("Tháng 9/2025", "2025-09", None), ("Cùng ngày", None, None)]),
        ("cùng ngày 23/9", [("ngày 23/9", "2025-09-23", None)]),
    ],
)
def test_same_day(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert spans(text) == expected


def test_offsets_index_the_text_and_rules_are_named() -> None:
    text = "date 2025-09-24\nSáng 23/9, tại Hà Nội, năm 2025 và quý III/2025; tuần trước."
    result = find_dates(text, DOC)
    assert [(text[d.start : d.end], d.rule) for d in result] == [
        ("Sáng 23/9", "date.dm"),
        ("năm 2025", "date.year"),
        ("quý III/2025", "date.quarter"),
        ("tuần trước", "date.relative"),
    ]


def test_datetime_doc_date_accepted() -> None:
    assert spans("hôm qua", datetime.datetime(2025, 9, 24, 8, 30)) == [("hôm qua", "2025-09-23", None)]


def assert_exists(value: str) -> None:
    """The calendar has this day or month (``XXXX`` read as the leap year 2000)."""
    parts = value.replace("XXXX", "2000").split("-")
    if len(parts) == 3:
        datetime.date.fromisoformat("-".join(parts))
    elif len(parts) == 2 and parts[1].isdigit():
        assert 1 <= int(parts[1]) <= 12, value


_ALPHABET = st.sampled_from(
    list("0123456789/.-–,() \n")
    + ["ngày ", "tháng ", "năm ", "quý ", "Sáng ", "chiều ", "tối ", "hôm qua", "cùng ngày",
       "từ ", "đến ", "và ", "số ", "III", "nay", "trước", "tuần ", "QĐ", "đơn vị", "2025", "1958",
       "hôm sau", "mồng ", "IV", "SN ", "ngoái", "tới", "rằm ", "âm lịch"]
)


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(_ALPHABET, max_size=40).map("".join) | st.text(max_size=80),
    doc_date=st.none() | st.dates(),
)
def test_property_matches_are_well_formed(text: str, doc_date: datetime.date | None) -> None:
    result = find_dates(text, doc_date)
    previous_end = 0
    for match in result:
        assert isinstance(match, DateMatch)
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end
        if match.value is None:
            assert match.rule in {"date.relative", "date.same_day", "date.next_day"}
        else:
            assert ISO_RE.match(match.value), match.value
            assert_exists(match.value)
        previous_end = match.end


@pytest.mark.parametrize(("text", "expected"), DATE_SENTENCES)
def test_dev_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, DOC_DATE) == expected


@pytest.mark.parametrize(("doc_date", "text", "value"), YEAR_INFERENCE)
def test_dev_year_inference(doc_date: datetime.date, text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, doc_date)] == [value]


@pytest.mark.parametrize("text", NOT_DATE_SENTENCES)
def test_dev_not_dates(text: str) -> None:
    assert find_dates(text, DOC_DATE) == []


@pytest.mark.parametrize(
    ("doc_date", "text", "expected"),
    [
        (datetime.date(2025, 10, 6), "tăng mạnh từ tháng 8", ("tháng 8", "2025-08")),
        (datetime.date(2025, 10, 27), "ra khơi trong tháng 11", ("tháng 11", "2025-11")),
        (datetime.date(2025, 10, 6), "Từ tháng 1 đến nay", ("tháng 1", "2025-01")),
        (datetime.date(2025, 1, 10), "trong tháng 12 vừa qua", ("tháng 12", "2024-12")),
        (datetime.date(2025, 1, 10), "vào tháng 7", ("tháng 7", "2025-07")),  # six months ahead
        (datetime.date(2025, 1, 10), "vào tháng 8", ("tháng 8", "2024-08")),  # seven months ahead
        (datetime.date(2025, 9, 24), "trong tháng 3 năm nay", ("tháng 3 năm nay", "2025-03")),
        (datetime.date(2025, 9, 24), "tháng 12 năm ngoái", ("tháng 12 năm ngoái", "2024-12")),
        (datetime.date(2025, 9, 24), "Tháng 9.", ("Tháng 9", "2025-09")),
        (datetime.date(2025, 9, 24), "trong quý II", ("quý II", "2025-Q2")),
        (datetime.date(2025, 9, 24), "sang quý IV", ("quý IV", "2025-Q4")),
        (datetime.date(2025, 2, 1), "trong quý IV", ("quý IV", "2024-Q4")),  # three quarters ahead
        (datetime.date(2025, 2, 1), "trong quý III", ("quý III", "2025-Q3")),  # two quarters ahead
        (datetime.date(2025, 9, 24), "quý I năm nay", ("quý I năm nay", "2025-Q1")),
        (datetime.date(2025, 9, 24), "trong quý này", ("quý này", "2025-Q3")),
        (datetime.date(2025, 1, 15), "so với quý trước", ("quý trước", "2024-Q4")),
    ],
)
def test_bare_month_and_quarter(doc_date: datetime.date, text: str, expected: tuple[str, str]) -> None:
    assert values(text, doc_date) == [expected]


@pytest.mark.parametrize(
    ("doc_date", "text", "expected", "is_range"),
    [
        (DOC, "từ tháng 3 đến tháng 5/2025", [("tháng 3", "2025-03"), ("tháng 5/2025", "2025-05")], True),
        (DOC, "Từ tháng 1 đến tháng 4/2026", [("tháng 1", "2026-01"), ("tháng 4/2026", "2026-04")], True),
        (DOC, "từ tháng 11/2024 đến tháng 2/2025", [("tháng 11/2024", "2024-11"), ("tháng 2/2025", "2025-02")], True),
        (DOC, "từ tháng 11 đến tháng 2/2025", [("tháng 11", "2024-11"), ("tháng 2/2025", "2025-02")], True),
        (DOC, "trong tháng 3-5/2025", [("tháng 3", "2025-03"), ("5/2025", "2025-05")], True),
        (DOC, "tháng 8 đến tháng 9 năm 2025", [("tháng 8", "2025-08"), ("tháng 9 năm 2025", "2025-09")], True),
        (
            datetime.date(2025, 1, 10),
            "từ tháng 11 đến tháng 2",
            [("tháng 11", "2024-11"), ("tháng 2", "2025-02")],
            True,
        ),
        (None, "từ tháng 3 đến tháng 5", [("tháng 3", "XXXX-03"), ("tháng 5", "XXXX-05")], True),
        (DOC, "trong tháng 1 và tháng 2", [("tháng 1", "2025-01"), ("tháng 2", "2025-02")], False),
    ],
)
def test_month_ranges(
    doc_date: datetime.date | None, text: str, expected: list[tuple[str, str]], is_range: bool
) -> None:
    result = find_dates(text, doc_date)
    assert [(text[d.start : d.end], d.value) for d in result] == expected
    first, second = result
    if is_range:
        assert first.attrs["range"] == second.attrs["range"] == f"{first.value}/{second.value}"
    else:
        assert "range" not in first.attrs and "range" not in second.attrs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn A (SN 1988) bị bắt", [("1988", "1988")]),
        ("Lò Văn B (sinh 1990) trú tại bản Pù Đứa", [("1990", "1990")]),
        ("Lò Văn B, sinh 1990, trú tại", [("1990", "1990")]),
        ("Lò Văn B (sinh năm 1992)", [("năm 1992", "1992")]),
        ("ngày 23/9 năm 2025", [("ngày 23/9 năm 2025", "2025-09-23")]),
        ("khai mạc 23/9 năm 2025", [("23/9 năm 2025", "2025-09-23")]),
        ("đạt 4/5 năm 2025", [("năm 2025", "2025")]),  # a share, then a year
        ("ngày 5/4 năm trước đó", [("ngày 5/4", "2025-04-05")]),  # the year before another: not resolved
        ("ngày mồng 2 tháng 9", [("ngày mồng 2 tháng 9", "2025-09-02")]),
        ("mùng 2/9", [("mùng 2/9", "2025-09-02")]),
        ("tháng 8 và 5 đơn vị", [("tháng 8", "2025-08")]),  # no pair: 5 is no month
        ("Sáng mồng 3 tháng 2 năm 2025", [("Sáng mồng 3 tháng 2 năm 2025", "2025-02-03")]),
    ],
)
def test_more_explicit_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, DOC) == expected


@pytest.mark.parametrize(
    "text",
    [
        "các em học sinh 2008 tham gia",
        "tổng số 2025 người",
        "rằm tháng 8",
        "mùng 5 tháng 5 âm lịch",
        "ngày 15/8 âm lịch",
        "Cách mạng tháng 8",
        "sau 2 năm 3 tháng 8 ngày",
        "những kỷ vật quý này",
        "quý báu",
        "khoảng 2.5 m",
        "ở mức 3/4",
        "bậc 3/4",
        "1/" * 40 + "1",
    ],
)
def test_more_not_dates(text: str) -> None:
    assert find_dates(text, DOC) == []


def test_one_megabyte_single_line() -> None:
    """Correct on a 1 MB text with no line break (the selection must stay linear to finish)."""
    unit = "Sáng 23/9, từ ngày 3 đến 5/4; cùng ngày, quý III/2025 và 3/5 đơn vị, số 12/QĐ; "
    repeats = 1_000_000 // len(unit) + 1
    text = unit * repeats
    result = find_dates(text, DOC)
    assert len(text) >= 1_000_000 and "\n" not in text
    assert len(result) == 5 * repeats
    assert [(text[d.start : d.end], d.value) for d in result[-5:]] == [
        ("Sáng 23/9", "2025-09-23"),
        ("ngày 3", "2025-04-03"),
        ("5/4", "2025-04-05"),
        ("cùng ngày", "2025-04-05"),
        ("quý III/2025", "2025-Q3"),
    ]
    assert {d.value for d in result if d.rule == "date.same_day"} == {"2025-04-05"}


def test_long_chain_of_slashed_numbers() -> None:
    """A long chain of ``1/1/1/…`` is one number, never a date."""
    assert find_dates("ngày " + "1/" * 100_000 + "1", DOC) == []


_BODY = "Hôm qua (23/9), Bộ Chỉ huy tổ chức hội thao. Chiều cùng ngày, đoàn thăm đơn vị."
_TITLE = "Hội thao quân sự khai mạc ngày 23/9"


def _txt_with_header(tmp_path: Path) -> RawDocument:
    path = tmp_path / "a.txt"
    path.write_text(f"date 2025-09-24 {_TITLE}\n{_BODY}\n", encoding="utf-8")
    return read_txt(path, "a.txt")


def _jsonl_with_date(tmp_path: Path) -> RawDocument:
    path = tmp_path / "b.jsonl"
    record = {"id": "b1", "date": "2025-09-24", "title": _TITLE, "text": f"{_TITLE}\n{_BODY}"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return next(read_jsonl(path, "b.jsonl"))


def _txt_without_date(tmp_path: Path) -> RawDocument:
    path = tmp_path / "c.txt"
    path.write_text(f"{_TITLE}\n{_BODY}\n", encoding="utf-8")
    return read_txt(path, "c.txt")


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        (
            _txt_with_header,
            [("ngày 23/9", "2025-09-23", {}), ("Hôm qua", "2025-09-23", {"relative": "-1D"}),
             ("23/9", "2025-09-23", {}), ("Chiều cùng ngày", "2025-09-23", {"part": "AF"})],
        ),
        (
            _jsonl_with_date,
            [("ngày 23/9", "2025-09-23", {}), ("Hôm qua", "2025-09-23", {"relative": "-1D"}),
             ("23/9", "2025-09-23", {}), ("Chiều cùng ngày", "2025-09-23", {"part": "AF"})],
        ),
        (
            _txt_without_date,
            [("ngày 23/9", "XXXX-09-23", {}), ("Hôm qua", "XXXX-09-23", {"relative": "-1D"}),
             ("23/9", "XXXX-09-23", {}), ("Chiều cùng ngày", "XXXX-09-23", {"part": "AF"})],
        ),
    ],
)
def test_component_reads_doc_date_and_title(
    pipe: Pipeline,
    tmp_path: Path,
    read: Callable[[Path], RawDocument],
    expected: list[tuple[str, str | None, dict[str, str]]],
) -> None:
    """The document date comes from the header line or the input's ``date`` field; the header
    itself is not annotated, the title is."""
    result = pipe.process(read(tmp_path))
    assert result.status == "ok", result.error
    assert [(m.text, m.normalized, m.attrs) for m in result.mentions if m.type == "DATE"] == expected


@pytest.mark.parametrize(
    ("doc_date", "text", "expected"),
    [
        (DOC, "ngày 3, 4 và 5/4", [("ngày 3", "2025-04-03"), ("4", "2025-04-04"), ("5/4", "2025-04-05")]),
        (
            DOC,
            "các ngày 10, 11, 12/9/2025",
            [("ngày 10", "2025-09-10"), ("11", "2025-09-11"), ("12/9/2025", "2025-09-12")],
        ),
        (DOC, "ngày 30, 31 và 1/9", [("ngày 30", "2025-08-30"), ("31", "2025-08-31"), ("1/9", "2025-09-01")]),
        (DOC, "ngày 30, 31 và 1/1/2025", [("ngày 30", "2024-12-30"), ("31", "2024-12-31"), ("1/1/2025", "2025-01-01")]),
        (None, "ngày 3, 4 và 5/4", [("ngày 3", "XXXX-04-03"), ("4", "XXXX-04-04"), ("5/4", "XXXX-04-05")]),
        (DOC, "ngày 31, 32 và 1/9", [("1/9", "2025-09-01")]),  # 32 is no day: no list
    ],
)
def test_day_lists(doc_date: datetime.date | None, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, doc_date) == expected


@pytest.mark.parametrize(
    ("doc_date", "text", "expected", "is_range"),
    [
        (DOC, "từ quý I đến quý III/2026", [("quý I", "2026-Q1"), ("quý III/2026", "2026-Q3")], True),
        (DOC, "quý IV/2025 đến quý I/2026", [("quý IV/2025", "2025-Q4"), ("quý I/2026", "2026-Q1")], True),
        (DOC, "quý I và II/2026", [("quý I", "2026-Q1"), ("II/2026", "2026-Q2")], False),
        (DOC, "trong quý I và quý II", [("quý I", "2025-Q1"), ("quý II", "2025-Q2")], False),
        (None, "quý III và quý IV", [("quý III", "XXXX-Q3"), ("quý IV", "XXXX-Q4")], False),
    ],
)
def test_quarter_ranges(
    doc_date: datetime.date | None, text: str, expected: list[tuple[str, str]], is_range: bool
) -> None:
    result = find_dates(text, doc_date)
    assert [(text[d.start : d.end], d.value) for d in result] == expected
    assert ("range" in result[0].attrs) is is_range


@pytest.mark.parametrize(
    ("doc_date", "text", "expected"),
    [
        (
            DOC,
            "Sáng 23/9 khai mạc. Sáng hôm sau, bế mạc.",
            [("Sáng 23/9", "2025-09-23"), ("Sáng hôm sau", "2025-09-24")],
        ),
        (DOC, "Ngày 28/2 họp. Ngày hôm sau, về đơn vị.", [("Ngày 28/2", "2025-02-28"), ("Ngày hôm sau", "2025-03-01")]),
        (DOC, "Ngày 31/12/2024 họp. Hôm sau, về.", [("Ngày 31/12/2024", "2024-12-31"), ("Hôm sau", "2025-01-01")]),
        (None, "Sáng 23/9 khai mạc. Hôm sau, bế mạc.", [("Sáng 23/9", "XXXX-09-23"), ("Hôm sau", "XXXX-09-24")]),
        (None, "Ngày 28/2 họp. Hôm sau, về.", [("Ngày 28/2", "XXXX-02-28"), ("Hôm sau", None)]),  # 29/2 or 1/3
        (DOC, "Hôm sau, đoàn về đơn vị.", [("Hôm sau", None)]),
    ],
)
def test_next_day(doc_date: datetime.date | None, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "surface", "part"),
    [
        ("sáng sớm 23/9", "sáng sớm 23/9", "MO"),
        ("chiều tối 23/9", "chiều tối 23/9", "EV"),
        ("đêm khuya 22/9", "đêm khuya 22/9", "NI"),
        ("nửa đêm 22/9", "nửa đêm 22/9", "NI"),
        ("khuya nay", "khuya nay", "NI"),
        ("chiều tối nay", "chiều tối nay", "EV"),
    ],
)
def test_compound_part_of_day(text: str, surface: str, part: str) -> None:
    assert [(text[d.start : d.end], d.attrs.get("part")) for d in find_dates(text, DOC)] == [(surface, part)]


@pytest.mark.parametrize(
    "text",
    ["đường 3/2", "phố 19/5", "Bệnh viện 30/4", "Trường 19/5", "Trường Tiểu học 12/9", "Cúp 19/5", "giải 30/4"],
)
def test_names_that_carry_a_date(text: str) -> None:
    assert find_dates(text, DOC) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hội thao diễn ra từ 20-25/9, tại Hà Nội.",
        "Trong các ngày 3, 4 và 5/4, đoàn làm việc.",
        "Trong tháng 3-5/2025, đơn vị tuần tra.",
        "Đối tượng A (SN 1988) bị bắt.",
        "Từ 28/12/2024-3/1/2025, đơn vị trực.",
        "Hôm qua(23/9) đoàn đến.",
        "Chiều 23/9,đoàn đến.",
        "Kim ngạch quý I-II/2026 tăng.",
    ],
)
def test_component_keeps_every_span_through_segmentation(
    process: Callable[..., DocumentResult], text: str
) -> None:
    """Each span of ``find_dates`` lands on token boundaries, so the component keeps them all."""
    mentions = [(m.start, m.end, m.normalized) for m in process(text, date="2025-09-24").mentions if m.type == "DATE"]
    assert mentions == [(d.start, d.end, d.value) for d in find_dates(text, DOC)]
    assert mentions


@pytest.mark.parametrize(
    ("doc_date", "text", "expected"),
    [
        (datetime.date.max, "ngày mai, tuần tới, tháng tới, quý tới, năm tới", [None] * 5),
        (datetime.date.max, "hôm qua, 23/9", ["9999-12-30", "9999-09-23"]),
        (datetime.date.min, "hôm qua, tuần trước, năm ngoái", [None] * 3),
        (datetime.date(9999, 12, 31), "Ngày 31/12/9999. Hôm sau, về.", ["9999-12-31", None]),
        (datetime.date(999, 1, 1), "quý 1, tháng 3, năm nay", ["0999-Q1", "0999-03", "0999"]),
    ],
)
def test_calendar_ends(
    doc_date: datetime.date, text: str, expected: list[str | None]
) -> None:
    """A document dated at the ends of the calendar loses the values past it, not the document;
    early years keep four digits."""
    assert [d.value for d in find_dates(text, doc_date)] == expected


@pytest.mark.parametrize(
    ("doc_date", "text", "expected"),
    [
        (None, "Hôm qua (23/9), tàu cập cảng.", [("Hôm qua", "XXXX-09-23"), ("23/9", "XXXX-09-23")]),
        (None, "Sáng nay (6/10/2025), tại", [("Sáng nay", "2025-10-06"), ("6/10/2025", "2025-10-06")]),
        (None, "Năm nay (2025), đơn vị", [("Năm nay", "2025"), ("2025", "2025")]),
        (None, "Tháng trước (tháng 8/2025)", [("Tháng trước", "2025-08"), ("tháng 8/2025", "2025-08")]),
        # another granularity, or no parentheses: nothing to take
        (None, "Tuần trước (23/9)", [("Tuần trước", None), ("23/9", "XXXX-09-23")]),
        (None, "Hôm qua, 23/9", [("Hôm qua", None), ("23/9", "XXXX-09-23")]),
        # with a document date the relative expression is resolved against it
        (DOC, "Năm ngoái (2024), đơn vị", [("Năm ngoái", "2024"), ("2024", "2024")]),
        (DOC, "Hôm qua (22/9)", [("Hôm qua", "2025-09-23"), ("22/9", "2025-09-22")]),
    ],
)
def test_relative_then_explicit_in_parentheses(
    doc_date: datetime.date | None, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert values(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội nghị buổi sáng\n23/9, đoàn đến.", [("23/9", "2025-09-23")]),
        ("Ra quân ngày\n23/9", [("23/9", "2025-09-23")]),
        ("Hôm\nqua, đoàn đến.", []),
        ("từ tháng 3 đến\ntháng 5/2025", [("tháng 3", "2025-03"), ("tháng 5/2025", "2025-05")]),  # no range
        ("Sáng  23/9", [("Sáng  23/9", "2025-09-23")]),  # spaces and tabs are fine
    ],
)
def test_spans_do_not_cross_line_breaks(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_words_far_apart_are_not_one_expression() -> None:
    text = "Sáng" + " " * 10_000 + "23/9"
    assert values(text) == [("23/9", "2025-09-23")]


@pytest.mark.parametrize(
    ("doc_date", "text", "expected", "interval"),
    [
        # whole expressions joined by đến / tới / a dash: a range, the year shared
        (
            DOC,
            "từ ngày 20 tháng 12 đến ngày 5 tháng 1 năm 2026",
            [("ngày 20 tháng 12", "2025-12-20"), ("ngày 5 tháng 1 năm 2026", "2026-01-05")],
            "2025-12-20/2026-01-05",
        ),
        (
            None,
            "từ ngày 20 tháng 12 đến ngày 5 tháng 1 năm 2026",
            [("ngày 20 tháng 12", "2025-12-20"), ("ngày 5 tháng 1 năm 2026", "2026-01-05")],
            "2025-12-20/2026-01-05",
        ),
        (DOC, "từ năm 2020 đến năm 2025", [("năm 2020", "2020"), ("năm 2025", "2025")], "2020/2025"),
        (DOC, "Sáng 23/9 tới 24/9", [("Sáng 23/9", "2025-09-23"), ("24/9", "2025-09-24")], "2025-09-23/2025-09-24"),
        (DOC, "từ hôm qua đến ngày mai", [("hôm qua", "2025-09-23"), ("ngày mai", "2025-09-25")], "2025-09-23/2025-09-25"),
        # announced a week ahead: the start is inferred, the end follows it
        (DOC, "từ 1/10 đến 5/10", [("1/10", "2025-10-01"), ("5/10", "2025-10-05")], "2025-10-01/2025-10-05"),
        (
            DOC,
            "từ ngày 20 tháng 9 đến ngày 5 tháng 10",
            [("ngày 20 tháng 9", "2025-09-20"), ("ngày 5 tháng 10", "2025-10-05")],
            "2025-09-20/2025-10-05",
        ),
        (DOC, "từ 28 đến 3/1", [("28", "2024-12-28"), ("3/1", "2025-01-03")], "2024-12-28/2025-01-03"),
        # a pair shares the year but is no range; different granularities are not joined
        (
            DOC,
            "ngày 30 tháng 12 và ngày 2 tháng 1 năm 2026",
            [("ngày 30 tháng 12", "2025-12-30"), ("ngày 2 tháng 1 năm 2026", "2026-01-02")],
            None,
        ),
        (DOC, "năm 2025 - tháng 3/2026", [("năm 2025", "2025"), ("tháng 3/2026", "2026-03")], None),
    ],
)
def test_whole_expressions_joined(
    doc_date: datetime.date | None, text: str, expected: list[tuple[str, str]], interval: str | None
) -> None:
    result = find_dates(text, doc_date)
    assert values(text, doc_date) == expected
    assert [d.attrs.get("range") for d in result] == [interval, interval]

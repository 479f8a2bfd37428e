"""DATE extraction and normalization for Vietnamese news text.

Pure functions: ``find_dates(text, doc_date)`` returns the calendar expressions
of ``text`` with ISO 8601 values at the expression's own granularity, following
the DATE row and conventions of ``ANNOTATION.md``:

- ``Sáng 23/9`` → ``2025-09-23`` (part=MO), ``ngày 19-11-1958`` → ``1958-11-19``,
  ``tháng 9/2025`` → ``2025-09``, ``quý III/2025`` → ``2025-Q3``,
  ``năm 2025`` → ``2025``, ``tuần trước`` → ``2025-W38``;
- the part-of-day word (``sáng``, ``trưa``, ``chiều``, ``tối``, ``đêm``,
  ``rạng sáng``) and ``ngày`` belong to the span, a preceding preposition
  (``từ``, ``đến``, ``vào``) does not;
- relative expressions (``hôm qua``, ``năm ngoái``) and bare day/month dates
  (``23/9``) take their year from the document date; without one a relative
  expression is not emitted and a bare day/month gets ``XXXX-09-23``.

The text is expected in Unicode NFC with modern tone placement.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

__all__ = ["DateMatch", "find_dates"]


@dataclass(frozen=True)
class DateMatch:
    """One DATE mention.

    ``start``/``end`` index the text given to :func:`find_dates`; ``value`` is
    ISO 8601 at the expression's granularity (``2025-09-23``, ``2025-09``,
    ``2025``, ``2025-Q3``, ``2025-W05``; ``XXXX-09-23`` when the year is
    unknown); ``rule`` names the rule that produced it; ``attrs`` holds
    ``part`` (MO, AF, EV, NI) when a part-of-day word is in the span and
    ``range`` (start, end) for the two ends of ``từ … đến …``.
    """

    start: int
    end: int
    value: str
    rule: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Candidate:
    """A group of matches that stand or fall together (a range is two spans)."""

    start: int
    end: int
    matches: tuple[DateMatch, ...]


_FLAGS = re.IGNORECASE

_PART_CODES: dict[str, str] = {
    "rạng sáng": "MO",
    "sáng": "MO",
    "trưa": "AF",
    "chiều": "AF",
    "tối": "EV",
    "đêm": "NI",
}
_PART_ALT = r"rạng\s+sáng|sáng|trưa|chiều|tối|đêm"
# ``ánh sáng qua …`` (light through …) is not ``sáng qua``.
_PART_START = r"(?<!\w)(?<!ánh\s)"


def _prefix(n: str = "") -> str:
    """Optional in-span prefix ``[part-of-day] [ngày]``: ``Sáng ngày``, ``chiều``, ``ngày``."""
    return rf"(?:{_PART_START}(?P<part{n}>{_PART_ALT})\s+)?(?:(?<!\w)(?P<ngay{n}>ngày)\s+)?"


# Digits must not continue a number, a code or another date: ``v2.1``, ``1.500``.
_NUM_START = r"(?<![\w/.,:])(?<!\d-)"

# 23/9, 23-9, 27.3, 23/9/2025, 19-11-1958, 14.2.2019; optional relative year
# suffix: ``ngày 5/4 năm ngoái``.
_NUMERIC_RE = re.compile(
    _prefix()
    + _NUM_START
    + r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\w]|[/.-]\d)"
    + r"(?:\s+(?P<rely>năm\s+(?:nay|ngoái|trước))(?!\w))?",
    _FLAGS,
)

# ngày 23 tháng 9 năm 2025, ngày 23 tháng 9/2025, ngày 23 tháng 9.
_TEXT_DMY_RE = re.compile(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})"
    r"(?:(?:\s+năm\s+|\s*/\s*)(?P<y>\d{4}))?(?![\w/]|[.,]\d)",
    _FLAGS,
)

# tháng 9/2025, tháng 9 năm 2025, tháng 4-2025, tháng 3.2024.
_MONTH_RE = re.compile(
    r"(?<!\w)tháng\s+(?P<m>\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(?P<y>\d{4})(?![\w/]|[.,]\d)",
    _FLAGS,
)

# quý III/2025, quý 3 năm 2025, quý IV-2024.
_QUARTER_RE = re.compile(
    r"(?<!\w)quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*[/.-]\s*|\s+năm\s+)(?P<y>\d{4})(?![\w/]|[.,]\d)",
    _FLAGS,
)

# năm 2025 (also in ``năm 2025-2030``, where only ``năm 2025`` is a date).
_YEAR_RE = re.compile(r"(?<!\w)năm\s+(?P<y>\d{4})(?![\w/]|[.,]\d)", _FLAGS)

# từ ngày 3 đến 5/4, ngày 3 và 4/4, từ 20 - 25/9, từ 28/12/2024 đến 3/1/2025.
_RANGE_RE = re.compile(
    _prefix("1")
    + _NUM_START
    + r"(?P<d1>\d{1,2})(?:(?P<s1>[/.-])(?P<m1>\d{1,2})(?:(?P=s1)(?P<y1>\d{4}))?)?"
    + r"\s*(?P<conn>đến|tới|và|-|–)\s*"
    + _prefix("2")
    + r"(?P<d2>\d{1,2})(?P<s2>[/.-])(?P<m2>\d{1,2})(?:(?P=s2)(?P<y2>\d{4}))?(?![\w]|[/.-]\d)",
    _FLAGS,
)

# hôm qua, ngày hôm nay, sáng nay, chiều qua, tối hôm qua, ngày mai, sáng mai.
_REL_DAY_RE = re.compile(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)"
    r"(?:(?P<hom>(?:ngày\s+)?hôm\s+(?:qua|nay|kia))|(?P<mai>ngày\s+mai)|(?P<bare>nay|qua|(?-i:mai)))(?!\w)",
    _FLAGS,
)
_REL_DAY_OFFSETS: dict[str, int] = {"kia": -2, "qua": -1, "nay": 0, "mai": 1}

# năm nay, năm ngoái, tháng trước, tháng này, tuần trước, tuần này, năm tới.
_REL_PERIOD_RE = re.compile(
    r"(?<!\w)(?P<unit>năm|tháng|tuần)\s+(?P<rel>nay|này|ngoái|trước|tới|sau)(?!\w)", _FLAGS
)
_REL_PERIOD_OFFSETS: dict[str, dict[str, int]] = {
    "năm": {"nay": 0, "này": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1},
    "tháng": {"này": 0, "trước": -1, "tới": 1, "sau": 1},
    "tuần": {"này": 0, "trước": -1, "tới": 1, "sau": 1},
}
# ``5 năm trước`` (five years ago), ``những năm tới`` (the coming years): not a date.
_QUANTIFIER_BEFORE_RE = re.compile(
    r"(?<!\w)(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|vài|nhiều|các|những|mỗi|hằng|hàng)\s+$",
    _FLAGS,
)
# ``năm trước đó`` (the year before that), ``năm sau nữa``: anchored elsewhere.
_ANAPHORIC_AFTER_RE = re.compile(r"\s+(?:đó|ấy|đấy|đây|nữa|khi)(?!\w)", _FLAGS)

# cùng ngày, chiều cùng ngày (but ``cùng ngày 23/9`` is an explicit date).
_SAME_DAY_RE = re.compile(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)cùng\s+ngày(?!\w)(?!\s*\d)", _FLAGS
)

# Document numbers: ``số 12/3``, ``12/3/QĐ-UBND``.
_DOC_NUMBER_BEFORE_RE = re.compile(r"(?<!\w)số\s*$", _FLAGS)
_DOC_NUMBER_AFTER_RE = re.compile(r"\s*/\s*[^\W\d_]")
# Words that make a bare ``d/m`` a score, ratio, share, address or article number.
_NOT_DATE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:số|tỉ số|tỷ số|tỉ lệ|tỷ lệ|đạt|chiếm|thắng|thua|hòa|phiên bản|điều|khoản|"
    r"tối đa|tối thiểu|gần|hơn|trên|dưới|"
    r"lớp|ngõ|ngách|hẻm|kiệt|nhà|tầng|tổ|lô|km|quốc lộ|tỉnh lộ)\s*$",
    _FLAGS,
)
# Counting nouns after a bare ``d/m``: ``3/5 đơn vị``, ``12/15 xã``, ``2-3 ngày``.
_COUNT_AFTER_RE = re.compile(
    r"\s*(?:%|phần trăm|người|đơn vị|ngày|tháng|năm(?!\s+(?:nay|ngoái|trước|sau|tới))|tuần|giờ|phút|"
    r"lần|điểm|phiếu|vụ|hộ|xã|phường|tỉnh|huyện|thôn|bản|trường hợp|tiêu chí|chỉ tiêu|nội dung|"
    r"thành viên|học sinh|sinh viên|cán bộ|chiến sĩ|đồng chí|đội|trận|bàn|ván|hiệp|chiếc|cái|con|căn|"
    r"km|kg|tấn|ha|triệu|tỷ|tỉ|nghìn|ngàn|trăm|đồng|USD|lượt|hồ sơ|câu|bài|môn|ca)(?!\w)",
    _FLAGS,
)
# ``hôm 23/9`` (on the 23rd): ``hôm`` before a number always marks a date.
_HOM_BEFORE_RE = re.compile(r"(?<!\w)hôm\s+$", _FLAGS)
# Words after which a bare ``27.3`` or ``2-9`` reads as a date: ``vào 27.3``.
_LICENSOR_BEFORE_RE = re.compile(
    r"(?:(?<!\w)(?:vào|từ|đến|tới|trước|sau|trong|đầu|cuối|giữa|khoảng)|^|[,;:(\n–—.!?])\s*$",
    _FLAGS,
)

_ROMAN_QUARTERS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_LOOKBACK = 30  # characters of left context the context regexes look at
_FUTURE_SLACK = datetime.timedelta(days=7)


def _part_attrs(part: str | None) -> dict[str, str]:
    """``{"part": "MO"}`` for ``Sáng``/``rạng sáng``, ``{}`` when there is no part word."""
    if not part:
        return {}
    return {"part": _PART_CODES[" ".join(part.lower().split())]}


def _valid(year: int, month: int, day: int) -> bool:
    """True when the calendar date exists: ``31/2`` and ``0/5`` do not."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _infer_year(month: int, day: int, doc_date: datetime.date) -> int | None:
    """Year of a bare ``day/month`` in a news text dated ``doc_date``.

    The most recent such date no more than 7 days after the document date:
    in a document of 2025-01-03, ``28/12`` is 2024-12-28 and ``5/1`` 2025-01-05.
    """
    limit = doc_date + _FUTURE_SLACK
    for year in range(limit.year, limit.year - 9, -1):
        if _valid(year, month, day) and datetime.date(year, month, day) <= limit:
            return year
    return None


def _day_value(day: int, month: int, year: int | None) -> str | None:
    """``2025-09-23``, or ``XXXX-09-23`` for an unknown year; ``None`` if impossible."""
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if _valid(2000, month, day) else None
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None


def _bare_dm_value(day: int, month: int, doc_date: datetime.date | None) -> str | None:
    """Value of ``23/9`` without a year: inferred from ``doc_date`` or ``XXXX``."""
    if not _valid(2000, month, day):
        return None
    return _day_value(day, month, _infer_year(month, day, doc_date) if doc_date else None)


def _before(text: str, pos: int) -> str:
    """Left context of ``pos`` for the context regexes."""
    return text[max(0, pos - _LOOKBACK) : pos]


def _is_doc_number(text: str, start: int, end: int) -> bool:
    """``số 12/3`` or ``12/2025/QĐ-UBND``: a document number, not a date."""
    return bool(
        _DOC_NUMBER_BEFORE_RE.search(_before(text, start)) or _DOC_NUMBER_AFTER_RE.match(text, end)
    )


def _bare_dm_is_date(text: str, start: int, end: int, sep: str) -> bool:
    """Whether a ``d/m`` with no ``ngày``, part-of-day word or year is a date.

    ``3/5 đơn vị``, ``tỉ số 2-1`` and ``lớp 10/3`` are not; ``vào 27.3`` and
    ``, 23/9`` and ``hôm 23/9 đơn vị …`` are; a slash form needs no licensing word (``khai mạc 23/9``),
    a dotted or hyphenated one does.
    """
    left = _before(text, start)
    if _HOM_BEFORE_RE.search(left):
        return True
    if _NOT_DATE_BEFORE_RE.search(left) or _COUNT_AFTER_RE.match(text, end):
        return False
    return sep == "/" or bool(_LICENSOR_BEFORE_RE.search(left))


def _single(start: int, end: int, value: str, rule: str, attrs: dict[str, str]) -> _Candidate:
    """A candidate made of one match."""
    return _Candidate(start, end, (DateMatch(start, end, value, rule, attrs),))


def _numeric(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``23/9``, ``Sáng 23/9``, ``ngày 19-11-1958``, ``14.2.2019``, ``ngày 5/4 năm ngoái``."""
    for m in _NUMERIC_RE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        start = m.start()
        end = m.end("y") if m["y"] else m.end("m")
        if _is_doc_number(text, m.start("d"), end):
            continue
        attrs = _part_attrs(m["part"])
        if m["y"]:
            value = _day_value(day, month, int(m["y"]))
            rule = "date.dmy"
        elif m["rely"] and doc_date is not None:
            offset = _REL_PERIOD_OFFSETS["năm"][m["rely"].split()[-1].lower()]
            value = _day_value(day, month, doc_date.year + offset)
            end = m.end("rely")
            rule = "date.dmy"
        else:
            strong = bool(m["part"] or m["ngay"])
            if not strong and not _bare_dm_is_date(text, m.start("d"), end, m["sep"]):
                continue
            value = _bare_dm_value(day, month, doc_date)
            rule = "date.dm"
        if value:
            yield _single(start, end, value, rule, attrs)


def _text_dmy(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``ngày 23 tháng 9 năm 2025``, ``ngày 23 tháng 9`` (year inferred)."""
    for m in _TEXT_DMY_RE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if m["y"]:
            value = _day_value(day, month, int(m["y"]))
        else:
            value = _bare_dm_value(day, month, doc_date)
        if value:
            yield _single(m.start(), m.end(), value, "date.dmy_text", _part_attrs(m["part"]))


def _month_year(text: str) -> Iterator[_Candidate]:
    """``tháng 9/2025``, ``tháng 9 năm 2025``, ``tháng 4-2025`` → ``2025-09``."""
    for m in _MONTH_RE.finditer(text):
        month = int(m["m"])
        if 1 <= month <= 12 and not _DOC_NUMBER_AFTER_RE.match(text, m.end()):
            yield _single(m.start(), m.end(), f"{int(m['y']):04d}-{month:02d}", "date.month", {})


def _quarter(text: str) -> Iterator[_Candidate]:
    """``quý III/2025``, ``quý 3 năm 2025`` → ``2025-Q3``."""
    for m in _QUARTER_RE.finditer(text):
        q = m["q"].lower()
        quarter = int(q) if q.isdigit() else _ROMAN_QUARTERS[q]
        yield _single(m.start(), m.end(), f"{m['y']}-Q{quarter}", "date.quarter", {})


def _year(text: str) -> Iterator[_Candidate]:
    """``năm 2025``, ``Năm 2025`` → ``2025``; ``5 năm`` and ``năm 1800`` are not."""
    for m in _YEAR_RE.finditer(text):
        if 1900 <= int(m["y"]) <= 2100:
            yield _single(m.start(), m.end(), m["y"], "date.year", {})


def _range(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """Two dates sharing month or year: ``từ ngày 3 đến 5/4``, ``ngày 3 và 4/4``, ``20 - 25/9``.

    The first end inherits the month and year it omits from the second
    (``từ 28 đến 3/1`` starts in December of the year before). ``đến``,
    ``tới`` and dashes mark the ends with range=start/end; ``và`` joins a pair.
    """
    for m in _RANGE_RE.finditer(text):
        conn = m["conn"].lower()
        strong1 = bool(m["part1"] or m["ngay1"])
        strong2 = bool(m["part2"] or m["ngay2"])
        day1, day2, month2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        left = _before(text, m.start())
        if m["m1"] is None:
            dash_span = conn in "-–" and day1 < day2
            if not (strong1 or dash_span or re.search(r"(?<!\w)từ\s*$", left, _FLAGS)):
                continue
            if conn in "-–" and not strong1 and _NOT_DATE_BEFORE_RE.search(left):
                continue
        end2 = m.end("y2") if m["y2"] else m.end("m2")
        if _is_doc_number(text, m.start("d2"), end2):
            continue
        if not (strong1 or strong2 or m["y2"]) and _COUNT_AFTER_RE.match(text, end2):
            continue
        if not _valid(2000, month2, day2):
            continue
        if m["y2"]:
            year2: int | None = int(m["y2"])
        else:
            year2 = _infer_year(month2, day2, doc_date) if doc_date else None
        month1 = int(m["m1"]) if m["m1"] else (month2 if day1 <= day2 else month2 - 1 or 12)
        if m["y1"]:
            year1: int | None = int(m["y1"])
        elif year2 is None:
            year1 = None
        else:
            year1 = year2 - 1 if (month1, day1) > (month2, day2) else year2
        value1 = _day_value(day1, month1, year1)
        value2 = _day_value(day2, month2, year2)
        if not (value1 and value2):
            continue
        end1 = m.end("y1") if m["y1"] else (m.end("m1") if m["m1"] else m.end("d1"))
        range1, range2 = ({"range": "start"}, {"range": "end"}) if conn != "và" else ({}, {})
        first = DateMatch(m.start(), end1, value1, "date.range", _part_attrs(m["part1"]) | range1)
        start2 = min(m.start(g) for g in ("part2", "ngay2", "d2") if m[g])
        second = DateMatch(start2, end2, value2, "date.range", _part_attrs(m["part2"]) | range2)
        yield _Candidate(first.start, second.end, (first, second))


def _relative_day(text: str, doc_date: datetime.date) -> Iterator[_Candidate]:
    """``hôm qua``, ``hôm nay``, ``ngày mai``, ``sáng nay`` (MO), ``chiều qua`` (AF)."""
    for m in _REL_DAY_RE.finditer(text):
        if m["bare"] and not m["part"]:
            continue
        word = (m["hom"] or m["mai"] or m["bare"]).split()[-1].lower()
        value = (doc_date + datetime.timedelta(days=_REL_DAY_OFFSETS[word])).isoformat()
        yield _single(m.start(), m.end(), value, "date.relative", _part_attrs(m["part"]))


def _relative_period(text: str, doc_date: datetime.date) -> Iterator[_Candidate]:
    """``năm nay``/``năm ngoái`` → ``YYYY``, ``tháng trước`` → ``YYYY-MM``, ``tuần này`` → ``YYYY-Www``.

    ``5 năm trước``, ``những năm tới`` and ``năm trước đó`` are not resolved.
    """
    for m in _REL_PERIOD_RE.finditer(text):
        unit, rel = m["unit"].lower(), m["rel"].lower()
        offset = _REL_PERIOD_OFFSETS[unit].get(rel)
        if (
            offset is None
            or _QUANTIFIER_BEFORE_RE.search(_before(text, m.start()))
            or _ANAPHORIC_AFTER_RE.match(text, m.end())
        ):
            continue
        if unit == "năm":
            value = f"{doc_date.year + offset:04d}"
        elif unit == "tháng":
            index = doc_date.year * 12 + doc_date.month - 1 + offset
            value = f"{index // 12:04d}-{index % 12 + 1:02d}"
        else:
            iso = (doc_date + datetime.timedelta(weeks=offset)).isocalendar()
            value = f"{iso.year:04d}-W{iso.week:02d}"
        yield _single(m.start(), m.end(), value, "date.relative", {})


def _same_day(text: str) -> Iterator[_Candidate]:
    """``Cùng ngày``, ``chiều cùng ngày``: value filled in by :func:`_resolve_same_day`."""
    for m in _SAME_DAY_RE.finditer(text):
        yield _single(m.start(), m.end(), "", "date.same_day", _part_attrs(m["part"]))


_DAY_VALUE_RE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}$")


def _resolve_same_day(matches: list[DateMatch]) -> list[DateMatch]:
    """Give each ``cùng ngày`` the last day-level date before it; drop it when there is none."""
    resolved: list[DateMatch] = []
    last_day: str | None = None
    for match in matches:
        if match.rule == "date.same_day":
            if last_day is None:
                continue
            match = replace(match, value=last_day)
        if _DAY_VALUE_RE.match(match.value):
            last_day = match.value
        resolved.append(match)
    return resolved


def _select(candidates: list[_Candidate]) -> list[DateMatch]:
    """Keep non-overlapping candidates, longest first, and return their matches by start."""
    taken: list[tuple[int, int]] = []
    kept: list[DateMatch] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            taken.append((cand.start, cand.end))
            kept.extend(cand.matches)
    return sorted(kept, key=lambda d: d.start)


def find_dates(text: str, doc_date: datetime.date | None) -> list[DateMatch]:
    """All DATE mentions of ``text``, non-overlapping and sorted by start.

    >>> [(d.value, d.attrs) for d in find_dates("Sáng 23/9, tại Hà Nội", datetime.date(2025, 9, 24))]
    [('2025-09-23', {'part': 'MO'})]
    >>> [d.value for d in find_dates("từ ngày 3 đến 5/4", None)]
    ['XXXX-04-03', 'XXXX-04-05']
    >>> [d.value for d in find_dates("Quyết định số 12/2025/QĐ-UBND", None)]
    []
    """
    if isinstance(doc_date, datetime.datetime):
        doc_date = doc_date.date()
    candidates: list[_Candidate] = [
        *_numeric(text, doc_date),
        *_text_dmy(text, doc_date),
        *_month_year(text),
        *_quarter(text),
        *_year(text),
        *_range(text, doc_date),
        *_same_day(text),
    ]
    if doc_date is not None:
        candidates += [*_relative_day(text, doc_date), *_relative_period(text, doc_date)]
    return _resolve_same_day(_select(candidates))

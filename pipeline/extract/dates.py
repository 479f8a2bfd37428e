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
- a range or pair gives one span per date (``từ ngày 3 đến 5/4`` → ``ngày 3``
  and ``5/4``; ``ngày 3, 4 và 5/4`` → three); the two ends of a range (joined by
  ``đến``, ``tới`` or a dash) carry the attribute ``range``, the ISO 8601
  interval ``2025-04-03/2025-04-05``; dates joined by ``và`` have none;
- relative expressions carry the attribute ``relative``, the signed offset and
  unit they name (``hôm qua`` ``-1D``, ``tuần này`` ``+0W``, ``tháng trước``
  ``-1M``, ``quý tới`` ``+1Q``, ``năm ngoái`` ``-1Y``) and resolve against the
  document date;
- no value is invented: without a document date a bare day/month gets
  ``XXXX-09-23``, a bare month ``XXXX-09``, a bare quarter ``XXXX-Q3``; a
  relative expression (and a ``cùng ngày`` with no day-level date before it) is
  still a calendar expression, so its span is returned, with ``value`` None,
  unless the text gives the date in parentheses right after it
  (``Hôm qua (23/9)`` → ``XXXX-09-23``, ``năm nay (2025)`` → ``2025``).

Years left out of the text are inferred as news is written:

- a bare day/month (``23/9``) is the most recent such date no more than
  31 days after the document date (announcements run weeks ahead): in a
  document of 2025-01-03, ``28/12`` is 2024-12-28, ``2/2`` 2025-02-02 and
  ``5/2`` 2024-02-05;
- a bare month (``tháng 8``) or quarter (``quý III``) is in the document's
  year, or the year before when that would put it more than six months
  (two quarters) after the document's month (quarter): in a document of
  2025-10-06, ``tháng 11`` is 2025-11 and ``tháng 1`` 2025-01; in a document
  of 2025-01-10, ``tháng 12`` is 2024-12 and ``tháng 7`` 2025-07;
- in a range or pair, an end takes what it omits from the other (``từ 28 đến
  3/1/2025`` starts on 2024-12-28, ``từ ngày 20 tháng 12 đến ngày 5 tháng 1 năm
  2026`` on 2025-12-20); when neither end writes its year, the first end's is
  inferred and the second follows it (``từ 1/10 đến 5/10`` in a document of
  2025-09-24 is 2025-10-01 to 2025-10-05).

Not dates: document numbers (``số 100/TTg``, ``10/2025/NĐ-CP``), scores,
shares and counts (``3-1``, ``1/5 số hộ``, ``15/15 xã``), levels, addresses and
names that carry a date (``đường 3/2``), phone and vessel numbers, lunar dates
(``rằm tháng 8``), vague periods (``thời gian tới``, ``những năm gần đây``,
``năm trước đó``) and named observances (``Quốc khánh``; their ``2/9`` is).

Rules rather than ``dateparser``: measured on the same sentences and the dev
gold (``tests/measure_dateparser.py``), it misses quarters, dotted dates and
most relative forms, finds scores, shares and phone numbers, and fills the day
or year the text leaves out, so it is not used.

The text is expected in Unicode NFC with modern tone placement.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

__all__ = ["DateMatch", "find_dates"]


@dataclass(frozen=True)
class DateMatch:
    """One DATE mention.

    ``start``/``end`` index the text given to :func:`find_dates`; ``value`` is
    ISO 8601 at the expression's granularity (``2025-09-23``, ``2025-09``,
    ``2025``, ``2025-Q3``, ``2025-W05``; ``XXXX-09-23`` when the year is
    unknown; None for a relative expression without a document date);
    ``rule`` names the rule that produced it; ``attrs`` holds ``part`` (MO, AF,
    EV, NI) when a part-of-day word is in the span, ``range`` (an ISO 8601
    interval ``start/end``) on both ends of a range and ``relative`` (``-1D``,
    ``+0W``, ``-1M``, ``+1Q``, ``-1Y``) on a relative expression.
    """

    start: int
    end: int
    value: str | None
    rule: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Candidate:
    """A group of matches that stand or fall together (a range is two spans)."""

    start: int
    end: int
    matches: tuple[DateMatch, ...]


_FLAGS = re.IGNORECASE


_SPAN_GAP = 4  # most spaces or tabs between two words of one expression


def _span_re(pattern: str, first: str = "") -> re.Pattern[str]:
    """Compile a pattern that spans a DATE: the whitespace between its words is a few spaces
    or tabs, never a line break, so a title's last word and the next line's first (or two
    words far apart in a layout) are never one expression.

    ``first`` lists the characters a match can start with (either case): a pattern that
    opens with an optional part-of-day word would otherwise try its alternatives and
    look-behinds at every position of the text; the look-ahead turns most positions away
    at once (the date rules took three times as long without it).
    """
    gap = r"[^\S\n]"
    bounded = pattern.replace(r"\s+", f"{gap}{{1,{_SPAN_GAP}}}").replace(r"\s*", f"{gap}{{0,{_SPAN_GAP}}}")
    if first:
        bounded = f"(?=[{first}])" + bounded
    return re.compile(bounded.replace(r"\s", gap), _FLAGS)

_PART_CODES: dict[str, str] = {
    "rạng sáng": "MO",
    "sáng sớm": "MO",
    "sáng": "MO",
    "trưa": "AF",
    "chiều": "AF",
    "chiều tối": "EV",
    "tối": "EV",
    "đêm": "NI",
    "đêm khuya": "NI",
    "nửa đêm": "NI",
    "khuya": "NI",
}
# Longest first, so that ``rạng sáng`` and ``chiều tối`` are not cut to ``sáng`` and ``chiều``.
_PART_ALT = "|".join(
    r"\s+".join(words.split()) for words in sorted(_PART_CODES, key=lambda words: -len(words))
)
# ``ánh sáng qua …`` (light through …) is not ``sáng qua``.
_PART_START = r"(?<!\w)(?<!ánh\s)"
# ``ngày``, ``mùng``/``mồng`` (days 1-10), ``ngày mùng``: the day word kept in the span.
_DAY_WORD = r"(?:ngày\s+)?(?:mùng|mồng)|ngày"
# first letters of the part-of-day words and of the day word, for ``_span_re(first=…)``
_PART_FIRST = "".join(sorted({words[0] for words in _PART_CODES}))
_PREFIX_FIRST = _PART_FIRST + "nm"


def _prefix(n: str = "") -> str:
    """Optional in-span prefix ``[part-of-day] [ngày]``: ``Sáng ngày``, ``chiều``, ``ngày``."""
    return rf"(?:{_PART_START}(?P<part{n}>{_PART_ALT})\s+)?(?:(?<!\w)(?P<ngay{n}>{_DAY_WORD})\s+)?"


# Digits must not continue a number, a code or another date: ``v2.1``, ``1.500``.
_NUM_START = r"(?<![\w/.,:])(?<!\d-)"
# A year written after a date or month: ``năm 2025``, or one relative to the document.
_YEAR_SUFFIX = r"\s+(?P<yword>năm\s+(?:(?P<ynum>\d{4})(?![\w/]|[.,]\d)|(?P<yrel>nay|ngoái|trước|tới|sau)(?!\w)(?!\s+(?:đó|ấy|đấy|nữa)(?!\w))))"

# 23/9, 23-9, 27.3, 23/9/2025, 19-11-1958, 14.2.2019; optional year suffix:
# ``ngày 5/4 năm ngoái``, ``ngày 23/9 năm 2025``.
_NUMERIC_RE = _span_re(
    _prefix()
    + _NUM_START
    + r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\w]|[/.-]\d)"
    + rf"(?:{_YEAR_SUFFIX})?",
    first=_PREFIX_FIRST + r"\d",
)

# ngày 23 tháng 9 năm 2025, ngày 23 tháng 9/2025, mồng 2 tháng 9, ngày 2 tháng 9 năm nay.
_TEXT_DMY_RE = _span_re(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)(?:{_DAY_WORD})\s+(?P<d>\d{{1,2}})\s+tháng\s+"
    r"(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4})|" + _YEAR_SUFFIX + r")?(?![\w/]|[.,]\d)",
    first=_PREFIX_FIRST,
)

# tháng 9/2025, tháng 9 năm 2025, tháng 4-2025, tháng 3.2024, tháng 3 năm nay, tháng 8.
_MONTH_RE = _span_re(
    r"(?<!\w)tháng\s+(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4})(?![\w/]|[.,]\d)|" + _YEAR_SUFFIX + r")?"
    r"(?!\w|[/.,-]\d)",
    first="t",
)

# quý III/2025, quý 3 năm 2025, quý IV-2024, quý I năm nay, quý II.
_QUARTER_RE = _span_re(
    r"(?<!\w)quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*[/.-]\s*(?P<y>\d{4})(?![\w/]|[.,]\d)|" + _YEAR_SUFFIX + r")?"
    r"(?!\w|[/.,-]\d)",
    first="q",
)

# năm 2025 (also in ``năm 2025-2030``, where only ``năm 2025`` is a date).
_YEAR_RE = _span_re(r"(?<!\w)năm\s+(?P<y>\d{4})(?![\w/]|[.,]\d)", first="n")
# An explicit year after a relative one: ``năm nay (2025)``; the year alone is the span.
_PAREN_YEAR_RE = _span_re(
    r"(?<!\w)năm\s+(?:nay|ngoái|trước|tới|sau)\s*\(\s*(?P<y>\d{4})\s*\)", first="n"
)
# The years of a term or period: ``nhiệm kỳ 2025 - 2030``, ``giai đoạn 2021-2025``; each year is a span, both a range.
_TERM_YEARS_RE = _span_re(
    r"(?<!\w)(?:nhiệm\s+kỳ|giai\s+đoạn|niên\s+khóa|niên\s+khoá|thời\s+kỳ|kế\s+hoạch|chiến\s+lược)\s+"
    r"(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})(?![\w/]|[.,]\d)"
)
# A bare year of birth: ``(SN 1988)``, ``(sinh 1990)``; the year alone is the span.
_BIRTH_YEAR_RE = _span_re(
    r"(?:(?<!\w)(?-i:SN)|(?:(?<=\()|(?<=, ))sinh)\s+(?P<y>\d{4})(?![\w/]|[.,]\d)", first="s"
)

# từ ngày 3 đến 5/4, ngày 3 và 4/4, từ 20 - 25/9, từ 28/12/2024 đến 3/1/2025.
_RANGE_RE = _span_re(
    _prefix("1")
    + _NUM_START
    + r"(?P<d1>\d{1,2})(?:(?P<s1>[/.-])(?P<m1>\d{1,2})(?:(?P=s1)(?P<y1>\d{4}))?)?"
    + r"\s*(?P<conn>đến|tới|và|-|–)\s*"
    + _prefix("2")
    + r"(?P<d2>\d{1,2})(?P<s2>[/.-])(?P<m2>\d{1,2})(?:(?P=s2)(?P<y2>\d{4}))?(?![\w]|[/.-]\d)",
    first=_PREFIX_FIRST + r"\d",
)


def _period_range_re(unit: str, number: str) -> re.Pattern[str]:
    """Two months or quarters: ``tháng 3 đến tháng 5/2025``, ``tháng 3-5/2025``, ``quý I và quý II``."""
    return _span_re(
        rf"(?<!\w){unit}\s+(?P<n1>{number})(?:\s*/\s*(?P<y1>\d{{4}}))?"
        r"\s*(?P<conn>đến|tới|và|-|–)\s*"
        rf"(?P<tail>(?:(?P<unit2>{unit})\s+)?(?P<n2>{number})"
        r"(?:\s*[/.-]\s*(?P<y2>\d{4})|\s+năm\s+(?P<y2w>\d{4}))?)"
        r"(?!\w|[/.,-]\d)",
    )


_MONTH_RANGE_RE = _period_range_re("tháng", r"\d{1,2}")
_QUARTER_RANGE_RE = _period_range_re("quý", r"IV|I{1,3}|[1-4]")

# ngày 3, 4 và 5/4; các ngày 10, 11, 12/9/2025: a list of days sharing month and year.
_DAY_LIST_RE = _span_re(
    r"(?<!\w)ngày\s+(?P<days>\d{1,2}(?:\s*,\s*\d{1,2})+)\s*(?:,\s*|\s+và\s+)"
    r"(?P<last>(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?)(?![\w]|[/.-]\d)",
)
_LIST_DAY_RE = re.compile(r"\d{1,2}")

# hôm qua, ngày hôm nay, sáng nay, chiều qua, tối hôm qua, ngày mai, sáng mai.
_REL_DAY_RE = _span_re(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)"
    r"(?:(?P<hom>(?:ngày\s+)?hôm\s+(?:qua|nay|kia))|(?P<mai>ngày\s+mai)|(?P<bare>nay|qua|(?-i:mai)))(?!\w)",
    first=_PART_FIRST + "nhqm",
)
_REL_DAY_OFFSETS: dict[str, int] = {"kia": -2, "qua": -1, "nay": 0, "mai": 1}

# năm nay, năm ngoái, quý này, tháng trước, tháng này, tuần trước, tuần này, năm tới.
_REL_PERIOD_RE = _span_re(
    r"(?<!\w)(?P<unit>năm|quý|tháng|tuần)\s+(?P<rel>nay|này|ngoái|trước|tới|sau)(?!\w)"
)
_NEXT_PREVIOUS: dict[str, int] = {"này": 0, "trước": -1, "tới": 1, "sau": 1}
_REL_PERIOD_OFFSETS: dict[str, dict[str, int]] = {
    "năm": {"nay": 0, "ngoái": -1} | _NEXT_PREVIOUS,
    "quý": _NEXT_PREVIOUS,
    "tháng": _NEXT_PREVIOUS,
    "tuần": _NEXT_PREVIOUS,
}
_UNIT_LETTERS: dict[str, str] = {"năm": "Y", "quý": "Q", "tháng": "M", "tuần": "W"}
# ``5 năm trước`` (five years ago), ``những năm tới`` (the coming years): not a date;
# ``ngày 5/4 năm ngoái``, ``tháng 9 năm nay`` are (the number names a day or month, it counts nothing).
_QUANTIFIER_BEFORE_RE = re.compile(
    r"(?<!\w)(?:(?<![/.-])(?<!tháng\s)(?<!quý\s)\d+|"
    r"một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|vài|nhiều|các|những|mỗi|hằng|hàng)\s+$",
    _FLAGS,
)
# ``năm trước đó`` (the year before that), ``năm sau nữa``: anchored elsewhere.
_ANAPHORIC_AFTER_RE = re.compile(r"\s+(?:đó|ấy|đấy|đây|nữa|khi)(?!\w)", _FLAGS)

# hôm sau, ngày hôm sau, sáng hôm sau: the day after the date mentioned just before.
_NEXT_DAY_RE = _span_re(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)(?:ngày\s+)?hôm\s+sau(?!\w)",
    first=_PART_FIRST + "nh",
)

# cùng ngày, chiều cùng ngày (but ``cùng ngày 23/9`` is an explicit date).
_SAME_DAY_RE = _span_re(
    rf"(?:{_PART_START}(?P<part>{_PART_ALT})\s+)?(?<!\w)cùng\s+ngày(?!\w)(?!\s*\d)",
    first=_PART_FIRST + "c",
)

# Document numbers: ``số 12/3``, ``12/3/QĐ-UBND``.
_DOC_NUMBER_BEFORE_RE = re.compile(r"(?<!\w)số\s*$", _FLAGS)
_DOC_NUMBER_AFTER_RE = re.compile(r"\s*/\s*[^\W\d_]")
# Lunar calendar dates (``rằm tháng 8``, ``mùng 5 tháng 5 âm lịch``) have no ISO value.
_LUNAR_BEFORE_RE = re.compile(r"(?<!\w)rằm\s+$", _FLAGS)
_LUNAR_AFTER_RE = re.compile(r"\s*\(?\s*(?:âm\s+lịch|ÂL)(?!\w)", _FLAGS)
# Named events that contain a month: ``Cách mạng tháng 8``.
_NAMED_EVENT_BEFORE_RE = re.compile(r"(?<!\w)cách\s+mạng\s+$", _FLAGS)
# A count before ``tháng``: ``2 năm 3 tháng 8 ngày`` is a duration.
_COUNT_BEFORE_RE = re.compile(r"(?<![\w/.,])\d+\s+$")
# Words that make a bare ``d/m`` a score, ratio, share, address or article number.
_NOT_DATE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:số|tỉ số|tỷ số|tỉ lệ|tỷ lệ|đạt|chiếm|thắng|thua|hòa|phiên bản|điều|khoản|"
    r"tối đa|tối thiểu|gần|hơn|trên|dưới|mức|cấp|bậc|hạng|loại|"
    r"lớp|ngõ|ngách|hẻm|kiệt|nhà|tầng|tổ|lô|km|quốc lộ|tỉnh lộ|"
    # names that carry a date: ``đường 3/2``, ``Bệnh viện 30/4``, ``Cúp 19/5``
    r"đường|phố|quảng trường|bệnh viện|trường|cúp|giải|công ty|nhà máy|xí nghiệp|nông trường|lâm trường|"
    r"mầm non|tiểu học|trung học|THCS|THPT)\s*$",
    _FLAGS,
)
# Counting nouns and units after a bare ``d/m``: ``3/5 đơn vị``, ``12/15 xã``, ``2-3 ngày``, ``1/5 số hộ``.
_COUNT_AFTER_RE = re.compile(
    r"\s*(?:%|phần trăm|người|đơn vị|ngày|tháng|năm(?!\s+(?:nay|ngoái|trước|sau|tới|\d))|tuần|giờ|phút|"
    r"lần|điểm|phiếu|vụ|hộ|xã|phường|tỉnh|huyện|thôn|bản|trường hợp|tiêu chí|chỉ tiêu|nội dung|"
    r"thành viên|học sinh|sinh viên|cán bộ|chiến sĩ|đồng chí|đội|trận|bàn|ván|hiệp|chiếc|cái|con|căn|"
    r"km|kg|tấn|ha|m|cm|mm|m2|m3|lít|độ|hải lý|triệu|tỷ|tỉ|nghìn|ngàn|trăm|đồng|USD|lượt|hồ sơ|câu|bài|"
    r"môn|ca|số|diện tích|dân số|tổng số|khối lượng|trong số)(?!\w)",
    _FLAGS,
)
# ``hôm 23/9`` (on the 23rd): ``hôm`` before a number always marks a date.
_HOM_BEFORE_RE = re.compile(r"(?<!\w)hôm\s+$", _FLAGS)
# A deadline: "hoàn thành trước ngày 30/9", "chậm nhất ngày 15/2", "đến hết 31/12"; a directive's deadline lies ahead
_DEADLINE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:trước|chậm nhất|muộn nhất|hạn chót|đến hết)\s+(?:(?:ngày|hôm)\s+)?$", _FLAGS
)
# Words after which a bare ``27.3`` or ``2-9`` reads as a date: ``vào 27.3``.
_LICENSOR_BEFORE_RE = re.compile(
    r"(?:(?<!\w)(?:vào|từ|đến|tới|trước|sau|trong|đầu|cuối|giữa|khoảng)|^|[,;:(\n–—.!?])\s*$",
    _FLAGS,
)
# ... and after which ``quý này`` is this quarter, not "these precious": ``so với quý trước``.
_QUARTER_LICENSOR_BEFORE_RE = re.compile(r"(?<!\w)(?:với|của|sang|hết|cùng)\s*$", _FLAGS)
_TU_BEFORE_RE = re.compile(r"(?<!\w)từ\s*$", _FLAGS)

_ROMAN_QUARTERS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_LOOKBACK = 30  # characters of left context the context regexes look at
# announcements and schedules run weeks ahead ("từ ngày 1/10, phí …" in a text of 18/9); a date a month ahead is
# nearer than the same day eleven months back
_FUTURE_SLACK = datetime.timedelta(days=31)
# a deadline set by a directive runs months ahead ("hoàn thành trước ngày 30/9" in a text of 20/6), never a year
_DEADLINE_SLACK = datetime.timedelta(days=183)
_MONTHS_AHEAD = 6  # a bare month further ahead of the document than this is last year's
_QUARTERS_AHEAD = 2  # the same for a bare quarter


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


def _shift(day: datetime.date, delta: datetime.timedelta) -> datetime.date | None:
    """``day + delta``, or None past the ends of the calendar (a document dated 9999-12-31)."""
    try:
        return day + delta
    except OverflowError:
        return None


def _infer_year(
    month: int, day: int, doc_date: datetime.date, slack: datetime.timedelta = _FUTURE_SLACK
) -> int | None:
    """Year of a bare ``day/month`` in a news text dated ``doc_date``.

    The most recent such date no more than ``slack`` (31 days) after the document date:
    in a document of 2025-01-03, ``28/12`` is 2024-12-28 and ``25/1`` 2025-01-25.
    """
    limit = _shift(doc_date, slack) or datetime.date.max
    for year in range(limit.year, limit.year - 9, -1):
        if _valid(year, month, day) and datetime.date(year, month, day) <= limit:
            return year
    return None


def _infer_month_year(month: int, doc_date: datetime.date) -> int:
    """Year of a bare ``tháng 8``: the document's, or the year before when that month is > 6 months ahead."""
    return doc_date.year - 1 if month - doc_date.month > _MONTHS_AHEAD else doc_date.year


def _infer_quarter_year(quarter: int, doc_date: datetime.date) -> int:
    """Year of a bare ``quý III``: the document's, or the year before when that quarter is > 2 quarters ahead."""
    ahead = quarter - ((doc_date.month - 1) // 3 + 1)
    return doc_date.year - 1 if ahead > _QUARTERS_AHEAD else doc_date.year


def _day_value(day: int, month: int, year: int | None) -> str | None:
    """``2025-09-23``, or ``XXXX-09-23`` for an unknown year; ``None`` if impossible."""
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if _valid(2000, month, day) else None
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None


def _month_value(month: int, year: int | None) -> str:
    """``2025-09``, or ``XXXX-09`` for an unknown year."""
    return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"


def _quarter_value(quarter: int, year: int | None) -> str:
    """``2025-Q3``, or ``XXXX-Q3`` for an unknown year."""
    return f"{year:04d}-Q{quarter}" if year is not None else f"XXXX-Q{quarter}"


def _bare_dm_value(day: int, month: int, doc_date: datetime.date | None, deadline: bool = False) -> str | None:
    """Value of ``23/9`` without a year: inferred from ``doc_date`` or ``XXXX``.

    A ``deadline`` (``trước ngày 28/2``) may lie up to six months after the document date.
    """
    if not _valid(2000, month, day):
        return None
    slack = _DEADLINE_SLACK if deadline else _FUTURE_SLACK
    return _day_value(day, month, _infer_year(month, day, doc_date, slack) if doc_date else None)


def _is_deadline(text: str, start: int) -> bool:
    """``trước ngày 28/2``, ``chậm nhất 15/2``: ``start`` is where the date's span begins."""
    return bool(_DEADLINE_BEFORE_RE.search(_before(text, start)))


def _suffix_year(m: re.Match[str], doc_date: datetime.date | None) -> int | None:
    """The year of a ``năm 2025`` / ``năm ngoái`` suffix; None when absent or not resolvable."""
    if m["ynum"]:
        return int(m["ynum"])
    if m["yrel"] and doc_date is not None:
        return doc_date.year + _REL_PERIOD_OFFSETS["năm"][m["yrel"].lower()]
    return None


def _before(text: str, pos: int) -> str:
    """Left context of ``pos`` for the context regexes."""
    return text[max(0, pos - _LOOKBACK) : pos]


def _is_doc_number(text: str, start: int, end: int) -> bool:
    """``số 12/3`` or ``12/2025/QĐ-UBND``: a document number, not a date."""
    return bool(
        _DOC_NUMBER_BEFORE_RE.search(_before(text, start)) or _DOC_NUMBER_AFTER_RE.match(text, end)
    )


def _is_lunar(text: str, start: int, end: int) -> bool:
    """``rằm tháng 8``, ``mùng 5 tháng 5 âm lịch``: a lunar date."""
    return bool(_LUNAR_BEFORE_RE.search(_before(text, start)) or _LUNAR_AFTER_RE.match(text, end))


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


def _single(start: int, end: int, value: str | None, rule: str, attrs: dict[str, str]) -> _Candidate:
    """A candidate made of one match."""
    return _Candidate(start, end, (DateMatch(start, end, value, rule, attrs),))


def _numeric(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``23/9``, ``Sáng 23/9``, ``ngày 19-11-1958``, ``14.2.2019``, ``ngày 5/4 năm ngoái``."""
    for m in _NUMERIC_RE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        start = m.start()
        end = m.end("y") if m["y"] else m.end("m")
        if _is_doc_number(text, m.start("d"), end) or _is_lunar(text, start, m.end()):
            continue
        attrs = _part_attrs(m["part"])
        if m["y"]:
            value = _day_value(day, month, int(m["y"]))
            rule = "date.dmy"
        else:
            strong = bool(m["part"] or m["ngay"])
            if not strong and not _bare_dm_is_date(text, m.start("d"), end, m["sep"]):
                continue  # ``đạt 4/5 năm 2025`` is a share, whatever year follows
            suffix_year = _suffix_year(m, doc_date)
            if suffix_year is not None:
                value = _day_value(day, month, suffix_year)
                end = m.end("yword")
                rule = "date.dmy"
            else:
                value = _bare_dm_value(day, month, doc_date, _is_deadline(text, m.start("d")))
                rule = "date.dm"
        if value:
            yield _single(start, end, value, rule, attrs)


def _text_dmy(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``ngày 23 tháng 9 năm 2025``, ``mồng 2 tháng 9``, ``ngày 23 tháng 9`` (year inferred)."""
    for m in _TEXT_DMY_RE.finditer(text):
        if _is_lunar(text, m.start(), m.end()):
            continue
        day, month = int(m["d"]), int(m["m"])
        end = m.end()
        year = int(m["y"]) if m["y"] else _suffix_year(m, doc_date)
        if year is not None:
            value = _day_value(day, month, year)
            rule = "date.dmy_text"
        else:
            value = _bare_dm_value(day, month, doc_date, _is_deadline(text, m.start("d")))
            end = m.end("m")
            rule = "date.dm_text"
        if value:
            yield _single(m.start(), end, value, rule, _part_attrs(m["part"]))


def _month(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``tháng 9/2025``, ``tháng 9 năm 2025``, ``tháng 4-2025`` → ``2025-09``; ``tháng 8`` (year inferred)."""
    for m in _MONTH_RE.finditer(text):
        month = int(m["m"])
        if not 1 <= month <= 12 or _DOC_NUMBER_AFTER_RE.match(text, m.end()):
            continue
        year = int(m["y"]) if m["y"] else _suffix_year(m, doc_date)
        if year is not None:
            end = m.end()
            rule = "date.month"
        else:
            end = m.end("m")
            left = _before(text, m.start())
            if (
                _COUNT_BEFORE_RE.search(left)
                or _NAMED_EVENT_BEFORE_RE.search(left)
                or _is_lunar(text, m.start(), end)
            ):
                continue
            year = _infer_month_year(month, doc_date) if doc_date else None
            rule = "date.month_bare"
        yield _single(m.start(), end, _month_value(month, year), rule, {})


def _quarter_number(q: str) -> int:
    """``III`` or ``3`` → 3."""
    return int(q) if q.isdigit() else _ROMAN_QUARTERS[q.lower()]


def _quarter(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``quý III/2025``, ``quý 3 năm 2025`` → ``2025-Q3``; ``quý II`` (year inferred)."""
    for m in _QUARTER_RE.finditer(text):
        quarter = _quarter_number(m["q"])
        year = int(m["y"]) if m["y"] else _suffix_year(m, doc_date)
        end, rule = (m.end(), "date.quarter") if year is not None else (m.end("q"), "date.quarter_bare")
        if year is None and doc_date is not None:
            year = _infer_quarter_year(quarter, doc_date)
        yield _single(m.start(), end, _quarter_value(quarter, year), rule, {})


def _year(text: str) -> Iterator[_Candidate]:
    """``năm 2025`` → ``2025``; ``(SN 1988)``, ``năm nay (2025)`` → the year; ``5 năm``, ``năm 1800`` are not."""
    for regex in (_YEAR_RE, _BIRTH_YEAR_RE, _PAREN_YEAR_RE):
        for m in regex.finditer(text):
            if 1900 <= int(m["y"]) <= 2100:
                start = m.start() if regex is _YEAR_RE else m.start("y")
                yield _single(start, m.end("y"), m["y"], "date.year", {})


def _term_years(text: str) -> Iterator[_Candidate]:
    """``nhiệm kỳ 2025 - 2030`` → ``2025`` and ``2030``, the ends of the range ``2025/2030``."""
    for m in _TERM_YEARS_RE.finditer(text):
        first, second = int(m["y1"]), int(m["y2"])
        if 1900 <= first <= second <= 2100:
            yield _pair((m.start("y1"), m.end("y1"), m["y1"], {}), (m.start("y2"), m.end("y2"), m["y2"], {}), True,
                        "date.term_years")


def _pair(
    first: tuple[int, int, str, dict[str, str]],
    second: tuple[int, int, str, dict[str, str]],
    is_range: bool,
    rule: str,
) -> _Candidate:
    """Two dates that stand or fall together; the ends of a range carry the interval in ``range``."""
    interval = {"range": f"{first[2]}/{second[2]}"} if is_range else {}
    a = DateMatch(first[0], first[1], first[2], rule, first[3] | interval)
    b = DateMatch(second[0], second[1], second[2], rule, second[3] | interval)
    return _Candidate(a.start, b.end, (a, b))


def _range(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """Two dates sharing month or year: ``từ ngày 3 đến 5/4``, ``ngày 3 và 4/4``, ``20 - 25/9``.

    The first end inherits the month and year it omits from the second
    (``từ 28 đến 3/1/2025`` starts on 2024-12-28). When neither end writes its
    year, the first end's is inferred (a range may be announced days before it
    starts and last weeks) and the second follows it. ``đến``, ``tới`` and
    dashes make a range; ``và`` joins a pair.
    """
    for m in _RANGE_RE.finditer(text):
        conn = m["conn"].lower()
        strong1 = bool(m["part1"] or m["ngay1"])
        strong2 = bool(m["part2"] or m["ngay2"])
        day1, day2, month2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        left = _before(text, m.start())
        if m["m1"] is None:
            dash_span = conn in "-–" and day1 < day2
            if not (strong1 or dash_span or _TU_BEFORE_RE.search(left)):
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
        month1 = int(m["m1"]) if m["m1"] else (month2 if day1 <= day2 else month2 - 1 or 12)
        later_in_year = (month1, day1) > (month2, day2)  # the range crosses New Year
        year1: int | None = int(m["y1"]) if m["y1"] else None
        year2: int | None = int(m["y2"]) if m["y2"] else None
        if year1 is None and year2 is not None:
            year1 = year2 - later_in_year
        elif year1 is None and doc_date is not None and _valid(2000, month1, day1):
            year1 = _infer_year(month1, day1, doc_date)
        if year2 is None and year1 is not None:
            year2 = year1 + later_in_year
        value1 = _day_value(day1, month1, year1)
        value2 = _day_value(day2, month2, year2)
        if not (value1 and value2):
            continue
        end1 = m.end("y1") if m["y1"] else (m.end("m1") if m["m1"] else m.end("d1"))
        start2 = min(m.start(g) for g in ("part2", "ngay2", "d2") if m[g])
        yield _pair(
            (m.start(), end1, value1, _part_attrs(m["part1"])),
            (start2, end2, value2, _part_attrs(m["part2"])),
            conn != "và",
            "date.range",
        )


@dataclass(frozen=True)
class _PeriodUnit:
    """How a range of months or of quarters reads, infers its year and writes its value."""

    regex: re.Pattern[str]
    per_year: int
    number: Callable[[str], int]
    infer_year: Callable[[int, datetime.date], int]
    value: Callable[[int, int | None], str]
    rule: str


_MONTHS = _PeriodUnit(_MONTH_RANGE_RE, 12, int, _infer_month_year, _month_value, "date.month_range")
_QUARTERS = _PeriodUnit(
    _QUARTER_RANGE_RE,
    4,
    _quarter_number,
    _infer_quarter_year,
    _quarter_value,
    "date.quarter_range",
)


def _period_range(text: str, doc_date: datetime.date | None, unit: _PeriodUnit) -> Iterator[_Candidate]:
    """``từ tháng 3 đến tháng 5/2025``, ``tháng 3-5/2025``, ``quý I và quý II``: one span per period.

    ``đến``, ``tới`` and dashes make a range; ``và`` joins a pair. Without the
    unit word the second number needs a year (``tháng 3-5/2025``, not ``tháng 8 và 5 đơn vị``).
    """
    for m in unit.regex.finditer(text):
        first, second = unit.number(m["n1"]), unit.number(m["n2"])
        explicit2 = m["y2"] or m["y2w"]
        if not (1 <= first <= unit.per_year and 1 <= second <= unit.per_year):
            continue
        if _DOC_NUMBER_AFTER_RE.match(text, m.end()) or not (explicit2 or m["unit2"]):
            continue
        year2: int | None = int(explicit2) if explicit2 else None
        year1: int | None = int(m["y1"]) if m["y1"] else None
        if year1 is None and year2 is not None:
            year1 = year2 - 1 if first > second else year2
        elif year1 is None and doc_date is not None:
            year1 = unit.infer_year(first, doc_date)
        if year2 is None and year1 is not None:
            year2 = year1 + 1 if second < first else year1
        end1 = m.end("y1") if m["y1"] else m.end("n1")
        yield _pair(
            (m.start(), end1, unit.value(first, year1), {}),
            (m.start("tail"), m.end(), unit.value(second, year2), {}),
            m["conn"].lower() != "và",
            unit.rule,
        )


def _day_list(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``ngày 3, 4 và 5/4``: one span per day, each in the month and year of the last."""
    for m in _DAY_LIST_RE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if _is_doc_number(text, m.start("d"), m.end()) or not _valid(2000, month, day):
            continue
        if m["y"]:
            year: int | None = int(m["y"])
        else:
            year = _infer_year(month, day, doc_date) if doc_date else None
        matches = []
        for n, number in enumerate(_LIST_DAY_RE.finditer(m["days"])):
            earlier = int(number[0])
            # a day after the last one belongs to the month before it (``ngày 30, 31 và 1/9``)
            month_of, year_of = (month, year) if earlier <= day else (month - 1 or 12, year)
            if earlier > day and month == 1 and year is not None:
                year_of = year - 1
            value = _day_value(earlier, month_of, year_of)
            if value is None:
                break
            start = m.start() if n == 0 else m.start("days") + number.start()
            matches.append(DateMatch(start, m.start("days") + number.end(), value, "date.list", {}))
        else:
            last = _day_value(day, month, year)
            if last:
                matches.append(DateMatch(m.start("last"), m.end("last"), last, "date.list", {}))
                yield _Candidate(m.start(), m.end(), tuple(matches))


def _relative_day(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``hôm qua``, ``hôm nay``, ``ngày mai``, ``sáng nay`` (MO), ``chiều qua`` (AF)."""
    for m in _REL_DAY_RE.finditer(text):
        if m["bare"] and not m["part"]:
            continue
        offset = _REL_DAY_OFFSETS[(m["hom"] or m["mai"] or m["bare"]).split()[-1].lower()]
        day = _shift(doc_date, datetime.timedelta(days=offset)) if doc_date else None
        value = day.isoformat() if day else None
        attrs = _part_attrs(m["part"]) | {"relative": f"{offset:+d}D"}
        yield _single(m.start(), m.end(), value, "date.relative", attrs)


def _period_value(unit: str, offset: int, doc_date: datetime.date) -> str | None:
    """``2024``, ``2025-08``, ``2025-Q2`` or ``2025-W38``: the period ``offset`` units from ``doc_date``'s.

    None when that period leaves the years 1-9999 that ISO 8601 writes in four digits.
    """
    if unit == "năm":
        year = doc_date.year + offset
        return f"{year:04d}" if 1 <= year <= 9999 else None
    if unit == "quý":
        index = doc_date.year * 4 + (doc_date.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}" if 1 <= index // 4 <= 9999 else None
    if unit == "tháng":
        index = doc_date.year * 12 + doc_date.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}" if 1 <= index // 12 <= 9999 else None
    week = _shift(doc_date, datetime.timedelta(weeks=offset))
    if week is None:
        return None
    iso = week.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _relative_period(text: str, doc_date: datetime.date | None) -> Iterator[_Candidate]:
    """``năm nay``/``năm ngoái`` → ``YYYY``, ``quý này`` → ``YYYY-Qn``, ``tháng trước`` → ``YYYY-MM``,
    ``tuần này`` → ``YYYY-Www``.

    ``5 năm trước``, ``những năm tới`` and ``năm trước đó`` are not dates; ``quý`` is also
    "precious", so ``quý này`` is a date only after a preposition or punctuation
    (``trong quý này``, not ``kỷ vật quý này``).
    """
    for m in _REL_PERIOD_RE.finditer(text):
        unit, rel = m["unit"].lower(), m["rel"].lower()
        offset = _REL_PERIOD_OFFSETS[unit].get(rel)
        left = _before(text, m.start())
        if (
            offset is None
            or _QUANTIFIER_BEFORE_RE.search(left)
            or (
                unit == "quý"
                and not (_LICENSOR_BEFORE_RE.search(left) or _QUARTER_LICENSOR_BEFORE_RE.search(left))
            )
            or _ANAPHORIC_AFTER_RE.match(text, m.end())
        ):
            continue
        value = _period_value(unit, offset, doc_date) if doc_date else None
        attrs = {"relative": f"{offset:+d}{_UNIT_LETTERS[unit]}"}
        yield _single(m.start(), m.end(), value, "date.relative", attrs)


def _same_day(text: str) -> Iterator[_Candidate]:
    """``Cùng ngày``, ``chiều cùng ngày``: value filled in by :func:`_resolve_same_day`."""
    for m in _SAME_DAY_RE.finditer(text):
        yield _single(m.start(), m.end(), None, "date.same_day", _part_attrs(m["part"]))


def _next_day(text: str) -> Iterator[_Candidate]:
    """``hôm sau``, ``sáng hôm sau``: value filled in by :func:`_resolve_same_day`."""
    for m in _NEXT_DAY_RE.finditer(text):
        yield _single(m.start(), m.end(), None, "date.next_day", _part_attrs(m["part"]))


_DAY_VALUE_RE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}$")


def _day_after(value: str) -> str | None:
    """``2025-09-24`` → ``2025-09-25``; ``XXXX-02-28`` → None (29 February or 1 March)."""
    year, month, day = value.split("-")
    if year != "XXXX":
        after_day = _shift(datetime.date(int(year), int(month), int(day)), datetime.timedelta(days=1))
        return after_day.isoformat() if after_day else None
    after = {
        (datetime.date(leap_or_not, int(month), int(day)) + datetime.timedelta(days=1)).strftime("%m-%d")
        for leap_or_not in (2000, 2001)
        if _valid(leap_or_not, int(month), int(day))
    }
    return f"XXXX-{after.pop()}" if len(after) == 1 else None


def _resolve_same_day(matches: list[DateMatch]) -> list[DateMatch]:
    """Give each ``cùng ngày`` the last day-level date before it and each ``hôm sau`` the day after it.

    The value stays None when no day-level date comes before.
    """
    resolved: list[DateMatch] = []
    last_day: str | None = None
    for match in matches:
        if match.rule == "date.same_day":
            match = replace(match, value=last_day)
        elif match.rule == "date.next_day":
            match = replace(match, value=_day_after(last_day) if last_day else None)
        if match.value and _DAY_VALUE_RE.match(match.value):
            last_day = match.value
        resolved.append(match)
    return resolved


# Rules whose year is inferred rather than written: a range or pair can correct it.
_YEARLESS_RULES = frozenset({"date.dm", "date.dm_text", "date.month_bare", "date.quarter_bare"})
# Between two dates: ``đến``, ``tới`` or a dash make a range, ``và`` a pair.
_JOIN_RE = re.compile(r"[^\S\n]{0,4}(?P<conn>đến|tới|và|-|–)[^\S\n]{0,4}", _FLAGS)


def _with_year(value: str, year: int) -> str | None:
    """``XXXX-02-29`` or ``2024-09-20`` with another year; None when that year lacks the day."""
    rest = value[4:]
    if not 1 <= year <= 9999 or (rest == "-02-29" and not _valid(year, 2, 29)):
        return None
    return f"{year:04d}{rest}"


def _link_ranges(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """Join two dates of one granularity written as ``A đến B`` (a range) or ``A và B`` (a pair).

    The shapes with an elided part (``từ ngày 3 đến 5/4``, ``tháng 3-5/2025``) are
    read as ranges by their own rules; this joins whole expressions
    (``từ ngày 20 tháng 12 đến ngày 5 tháng 1 năm 2026``, ``từ năm 2020 đến năm 2025``):
    both ends of a range get the ``range`` interval, and an end whose year is
    not written takes it from the other end (a range runs forward: ``ngày 20 tháng
    12`` before ``ngày 5 tháng 1 năm 2026`` is in 2025); when neither writes it, the
    second end follows the first.
    """
    linked = list(matches)
    for i in range(len(linked) - 1):
        first, second = linked[i], linked[i + 1]
        join = _JOIN_RE.fullmatch(text, first.end, second.start)
        if (
            join is None
            or first.value is None
            or second.value is None
            or "range" in first.attrs
            or "range" in second.attrs
            or _granularity(first.value) != _granularity(second.value)
        ):
            continue
        if second.rule in _YEARLESS_RULES and not first.value.startswith("XXXX"):
            year = int(first.value[:4]) + (second.value[4:] < first.value[4:])
            second = replace(second, value=_with_year(second.value, year) or second.value)
        elif first.rule in _YEARLESS_RULES and not second.value.startswith("XXXX"):
            year = int(second.value[:4]) - (first.value[4:] > second.value[4:])
            first = replace(first, value=_with_year(first.value, year) or first.value)
        if join["conn"].lower() != "và":
            interval = {"range": f"{first.value}/{second.value}"}
            first, second = replace(first, attrs=first.attrs | interval), replace(second, attrs=second.attrs | interval)
        linked[i], linked[i + 1] = first, second
    return linked


_OPEN_PARENTHESIS_RE = re.compile(r"\s*\(\s*")


_GRANULARITY_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("D", re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}$")),
    ("W", re.compile(r"^\d{4}-W\d{2}$")),
    ("M", re.compile(r"^(?:\d{4}|XXXX)-\d{2}$")),
    ("Q", re.compile(r"^(?:\d{4}|XXXX)-Q\d$")),
    ("Y", re.compile(r"^\d{4}$")),
)


def _granularity(value: str) -> str | None:
    """The unit letter of an ISO value: ``D`` for ``2025-09-23``, ``M`` for ``2025-09``, ``Y`` for ``2025`` …"""
    return next((unit for unit, regex in _GRANULARITY_RES if regex.match(value)), None)


def _resolve_from_parenthesis(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """Without a document date, ``Hôm qua (23/9)`` and ``năm nay (2025)`` take the value in parentheses.

    The text itself gives the date, so nothing is invented; with a document date
    the relative expression keeps the value resolved against it.
    """
    resolved = list(matches)
    for i, (match, after) in enumerate(zip(matches, matches[1:])):
        if (
            match.value is None
            and match.rule == "date.relative"
            and after.value
            and _granularity(after.value) == match.attrs["relative"][-1]
            and (gap := _OPEN_PARENTHESIS_RE.match(text, match.end))
            and gap.end() == after.start
        ):
            resolved[i] = replace(match, value=after.value)
    return resolved


def _select(candidates: list[_Candidate], length: int) -> list[DateMatch]:
    """Keep non-overlapping candidates, longest first, and return their matches by start.

    Taken characters are marked in a bytearray, so each check costs the
    candidate's own length, never the number of candidates already taken.
    """
    taken = bytearray(length)
    kept: list[DateMatch] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, cand.start, cand.end) == -1:
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            kept.extend(cand.matches)
    return sorted(kept, key=lambda d: d.start)


def find_dates(text: str, doc_date: datetime.date | None) -> list[DateMatch]:
    """All DATE mentions of ``text``, non-overlapping and sorted by start.

    >>> [(d.value, d.attrs) for d in find_dates("Sáng 23/9, tại Hà Nội", datetime.date(2025, 9, 24))]
    [('2025-09-23', {'part': 'MO'})]
    >>> [(d.value, d.attrs) for d in find_dates("từ ngày 3 đến 5/4", None)]
    [('XXXX-04-03', {'range': 'XXXX-04-03/XXXX-04-05'}), ('XXXX-04-05', {'range': 'XXXX-04-03/XXXX-04-05'})]
    >>> [(d.value, d.attrs) for d in find_dates("hôm qua", None)]
    [(None, {'relative': '-1D'})]
    >>> [d.value for d in find_dates("Quyết định số 12/2025/QĐ-UBND", None)]
    []
    """
    if isinstance(doc_date, datetime.datetime):
        doc_date = doc_date.date()
    lowered = text.lower()

    def mentions(*words: str) -> bool:
        # every match of the rule holds one of these words: without them the rule's regex need not scan the text
        # (most documents have no quarter, no "hôm sau", no "cùng ngày")
        return any(word in lowered for word in words)

    candidates: list[_Candidate] = [
        *_numeric(text, doc_date),
        *(_text_dmy(text, doc_date) if mentions("tháng") else ()),
        *(_month(text, doc_date) if mentions("tháng") else ()),
        *(_quarter(text, doc_date) if mentions("quý") else ()),
        *(_year(text) if mentions("năm", "sinh", "sn") else ()),
        *(_term_years(text) if mentions("kỳ", "đoạn", "khóa", "khoá", "hoạch", "lược") else ()),
        *_range(text, doc_date),
        *(_period_range(text, doc_date, _MONTHS) if mentions("tháng") else ()),
        *(_period_range(text, doc_date, _QUARTERS) if mentions("quý") else ()),
        *(_day_list(text, doc_date) if mentions("ngày") else ()),
        *(_next_day(text) if mentions("hôm") else ()),
        *(_same_day(text) if mentions("cùng") else ()),
        *_relative_day(text, doc_date),
        *(_relative_period(text, doc_date) if mentions("năm", "quý", "tháng", "tuần") else ()),
    ]
    matches = _link_ranges(text, _select(candidates, len(text)))
    return _resolve_same_day(_resolve_from_parenthesis(text, matches))

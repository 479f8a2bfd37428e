"""Measure ``dateparser`` against the DATE rules on the same Vietnamese sentences and gold.

Not a test (pytest does not collect it) and not a runtime dependency: it
answers whether ``dateparser`` (Vietnamese data) could replace or back up the
rules of ``pipeline/extract/dates.py``. Install it with
``.venv/bin/python -m pip install -e '.[datebench]'``, then::

    .venv/bin/python tests/measure_dateparser.py data/gold/dev

It prints, for the rules and for ``dateparser.search.search_dates`` with the
document date as ``RELATIVE_BASE``:

- the DATE dev sentences of ``date_cases.py``: expected dates found with the
  right value (a found date overlapping the expected span, compared at the
  expected value's granularity), of those with the exact span, and extra finds;
- the sentences whose year the text leaves out, with and without a base date;
- the sentences with no date at all: how many get a (false) date;
- the DATE mentions of each gold directory given: exact-span and overlapping
  matches, value accuracy over overlaps, and false positives.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from date_cases import DATE_SENTENCES, DOC_DATE, NOT_DATE_SENTENCES, YEAR_INFERENCE

from pipeline.extract.dates import find_dates
from pipeline.gold import read_gold_dir
from pipeline.ingest import parse_header

# (start, end, datetime or ISO value) of each date a finder reports in a text
Found = list[tuple[int, int, "datetime.datetime | str | None"]]
Finder = Callable[[str, "datetime.date | None"], Found]


def rules(text: str, doc_date: datetime.date | None) -> Found:
    return [(d.start, d.end, d.value) for d in find_dates(text, doc_date)]


def make_dateparser(prefer_past: bool) -> Finder:
    """``search_dates`` in Vietnamese; offsets recovered by finding each substring in turn."""
    from dateparser.search import search_dates

    def finder(text: str, doc_date: datetime.date | None) -> Found:
        settings: dict[str, object] = {}
        if doc_date is not None:
            settings["RELATIVE_BASE"] = datetime.datetime.combine(doc_date, datetime.time())
        if prefer_past:
            settings["PREFER_DATES_FROM"] = "past"
        found: Found = []
        cursor = 0
        for surface, value in search_dates(text, languages=["vi"], settings=settings) or []:
            start = text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            found.append((start, cursor, value))
        return found

    return finder


def as_granularity(value: datetime.datetime | str | None, like: str) -> str | None:
    """``value`` written at the granularity of the ISO value ``like`` (``2025``, ``2025-09``, ``2025-Q3`` …)."""
    if value is None or isinstance(value, str):
        return value
    if "-W" in like:
        iso = value.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if "-Q" in like:
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    return value.date().isoformat()[: len(like)]


@dataclass
class Tally:
    expected: int = 0
    right_value: int = 0
    exact_span: int = 0
    overlap: int = 0
    extra: int = 0

    def add(self, text: str, expected: list[tuple[int, int, str | None]], found: Found) -> None:
        used: set[int] = set()
        for start, end, value in expected:
            self.expected += 1
            hits = [i for i, (s, e, _) in enumerate(found) if s < end and start < e and i not in used]
            if not hits:
                continue
            self.overlap += 1
            i = hits[0]
            used.add(i)
            s, e, got = found[i]
            if value is None or as_granularity(got, value) == value:
                self.right_value += 1
            if (s, e) == (start, end):
                self.exact_span += 1
        self.extra += len(found) - len(used)

    def line(self, name: str) -> str:
        return (
            f"  {name:<24} expected {self.expected:3d}  overlapped {self.overlap:3d}  "
            f"right value {self.right_value:3d}  exact span {self.exact_span:3d}  extra {self.extra:3d}"
        )


def sentence_tally(finder: Finder) -> Tally:
    tally = Tally()
    for text, expected in DATE_SENTENCES:
        spans = []
        cursor = 0
        for surface, value in expected:
            start = text.index(surface, cursor)
            cursor = start + len(surface)
            spans.append((start, cursor, value))
        tally.add(text, spans, finder(text, DOC_DATE))
    return tally


def year_inference(finder: Finder, with_base: bool) -> tuple[int, list[str]]:
    right = 0
    seen = []
    for doc_date, text, value in YEAR_INFERENCE:
        found = finder(text, doc_date if with_base else None)
        got = as_granularity(found[0][2], value) if found else None
        right += got == value
        seen.append(f"{value}→{got}")
    return right, seen


def gold_tally(finder: Finder, gold_dir: Path) -> Tally:
    tally = Tally()
    for document in read_gold_dir(gold_dir):
        doc_date_text, _ = parse_header(document.raw)
        doc_date = datetime.date.fromisoformat(doc_date_text) if doc_date_text else None
        header_end = document.raw.find(doc_date_text) + len(doc_date_text) if doc_date_text else 0
        expected = [(m.start, m.end, m.normalized) for m in document.mentions if m.type == "DATE"]
        found = [f for f in finder(document.raw, doc_date) if f[0] >= header_end]
        tally.add(document.raw, expected, found)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dirs", nargs="*", type=Path, help="gold directories (DATE mentions are scored)")
    parser.add_argument("--details", action="store_true", help="print what each finder returns for each sentence")
    args = parser.parse_args(argv)
    try:
        finders: dict[str, Finder] = {
            "rules": rules,
            "dateparser": make_dateparser(prefer_past=False),
            "dateparser (past)": make_dateparser(prefer_past=True),
        }
    except ImportError:
        print("Error: dateparser is not installed: pip install -e '.[datebench]'", file=sys.stderr)
        return 2
    print(f"DATE dev sentences ({len(DATE_SENTENCES)}, document date {DOC_DATE}):")
    for name, finder in finders.items():
        print(sentence_tally(finder).line(name))
    if args.details:
        for text, expected in DATE_SENTENCES:
            print(f"  {text}\n      expected   {expected}")
            for name, finder in finders.items():
                print(f"      {name:<10} {[(text[s:e], as_granularity(v, '0000-00-00')) for s, e, v in finder(text, DOC_DATE)]}")
    print(f"Year left out of the text ({len(YEAR_INFERENCE)} sentences), right values:")
    for name, finder in finders.items():
        for with_base in (True, False):
            right, seen = year_inference(finder, with_base)
            label = "with document date" if with_base else "no document date"
            print(f"  {name:<24} {label:<20} {right}/{len(YEAR_INFERENCE)}  {'  '.join(seen)}")
    print(f"Sentences with no date ({len(NOT_DATE_SENTENCES)}), sentences given a date:")
    for name, finder in finders.items():
        wrong = [text for text in NOT_DATE_SENTENCES if finder(text, DOC_DATE)]
        print(f"  {name:<24} {len(wrong)}" + "".join(f"\n      {text}" for text in wrong))
    for gold_dir in args.gold_dirs:
        print(f"Gold DATE mentions in {gold_dir}:")
        for name, finder in finders.items():
            print(gold_tally(finder, gold_dir).line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())

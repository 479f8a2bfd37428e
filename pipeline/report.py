"""One self-contained HTML report of a run: an overview and every document with its mentions highlighted.

The report is built from the output tables of a run directory (Parquet, CSV
or ``records.jsonl``; the documents table carries the raw ``text`` that the
mention offsets index). Python does the data work — nesting the spans of each
document into a tree, ranking people, organizations and places, binning dates —
and embeds the result as one JSON block; a small inline script renders the
overview and one page of documents at a time, so the page stays responsive
with thousands of documents and the file opens offline (no external resource).

    >>> segments("Bộ Tư lệnh BĐBP họp", [Span(0, 15, "ORG", "Bộ Tư lệnh Bộ đội Biên phòng"),
    ...                                  Span(11, 15, "ACRONYM", "Bộ đội Biên phòng")])
    [{'t': 'ORG', 'h': 'ORG: Bộ Tư lệnh Bộ đội Biên phòng', 'c': ['Bộ Tư lệnh ', {'t': 'ACRONYM', 'h': 'BĐBP = Bộ đội Biên phòng', 'c': ['BĐBP']}]}, ' họp']
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


from .ingest import allow_long_csv_fields
from .model import ENTITY_TYPES

REPORT_NAME = "report.html"
TABLE_NAMES = ("documents", "mentions", "people", "acronyms")
# the corpus-wide table a run computes at its commit; a report of an older run has none
ENTITIES = "entities"
ENTITY_JSON = ("aliases", "ambiguous_with", "timeline")
# people named in two documents or more get a section with their timeline, the most documented first
PERSON_SECTIONS = 200
SOURCE_FORMATS = ("parquet", "csv", "jsonl")
# values every row needs; documents.text must be there too, but is empty for a document that could not be read
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",), "mentions": ("doc_id", "type", "start", "end"),
    "people": ("doc_id", "name"), "acronyms": ("doc_id", "acronym"),
}
INT_COLUMNS = frozenset({"start", "end", "n_chars", "n_sentences", "sentence_id", "count"})
TOP_N = 10
PAGE_SIZE = 20

# one colour per type; nested spans get their own colour and a border, so an ACRONYM inside an ORG stays visible
TYPE_COLORS: dict[str, str] = {
    "DATE": "#bfe3ff", "PLACE": "#c8f0c0", "RANK": "#ffd8a8", "POSITION": "#f9c6e0",
    "PERSON": "#ffe98f", "ORG": "#d9ccff", "ACRONYM": "#a8ece4",
}
FALLBACK_COLOR = "#dddddd"
MONTH = re.compile(r"^(\d{4})-(\d{2})")


class ReportError(ValueError):
    """The run directory cannot be turned into a report (missing tables, text or consistent offsets)."""


@dataclass(frozen=True)
class Span:
    """One mention as the report needs it: raw-text offsets, type and normalized value."""

    start: int
    end: int
    type: str
    normalized: str | None = None


def hover_text(span: Span, surface: str) -> str:
    """What a highlighted span shows on hover: the acronym's expansion, or type and normalized value.

    >>> hover_text(Span(0, 4, "ACRONYM", "Bộ đội Biên phòng"), "BĐBP")
    'BĐBP = Bộ đội Biên phòng'
    >>> hover_text(Span(0, 4, "ACRONYM", None), "BCĐ")
    'BCĐ = (no expansion known)'
    >>> hover_text(Span(0, 9, "DATE", "2025-07-21"), "Ngày 21/7")
    'DATE: 2025-07-21'
    """
    if span.type == "ACRONYM":
        return f"{surface} = {span.normalized or '(no expansion known)'}"
    return f"{span.type}: {span.normalized}" if span.normalized else span.type


def segments(text: str, spans: Iterable[Span]) -> list[Any]:
    """The text cut into plain strings and nested span nodes ``{"t": type, "h": hover, "c": children}``.

    Outer spans come first when two start together (longest first, then in
    ENTITY_TYPES order). A span that crosses the end of the span it starts in
    is clipped there, so the tree is always well formed and the concatenated
    strings always equal ``text``. Raises ReportError for offsets outside the text.
    """
    order = {name: i for i, name in enumerate(ENTITY_TYPES)}
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, order.get(s.type, len(order)), s.type))
    for span in ordered:
        if not 0 <= span.start < span.end <= len(text):
            raise ReportError(f"mention {span.type} {span.start}-{span.end} lies outside the text "
                              f"({len(text)} characters)")
    root: list[Any] = []
    stack: list[tuple[int, list[Any]]] = [(len(text), root)]
    position = 0

    def emit(upto: int) -> None:
        nonlocal position
        if upto > position:
            stack[-1][1].append(text[position:upto])
            position = upto

    for span in ordered:
        while span.start >= stack[-1][0]:
            emit(stack[-1][0])
            stack.pop()
        emit(span.start)
        end = min(span.end, stack[-1][0])
        children: list[Any] = []
        stack[-1][1].append({"t": span.type, "h": hover_text(span, text[span.start:span.end]), "c": children})
        stack.append((end, children))
    while len(stack) > 1:
        emit(stack[-1][0])
        stack.pop()
    emit(len(text))
    return root


def _cell(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if name in INT_COLUMNS and not isinstance(value, int):
        return int(value)
    return value


def _read_parquet(path: Path) -> list[dict[str, Any]]:
    """Rows as the CSV and JSONL forms give them: the document date (date32 in Parquet) as ISO text."""
    import pyarrow.parquet as pq  # here: `vnextract run` imports this module for its choices alone

    rows = pq.read_table(path).to_pylist()
    for row in rows:
        for column, value in row.items():
            if isinstance(value, datetime.date):
                row[column] = value.isoformat()
    return rows


def _read_csv(path: Path) -> list[dict[str, Any]]:
    allow_long_csv_fields()  # documents.text holds whole documents
    with open(path, encoding="utf-8", newline="") as handle:
        return [{k: _cell(k, v) for k, v in row.items()} for row in csv.DictReader(handle)]


def _read_jsonl(path: Path) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReportError(f"{path}:{number}: not valid JSON: {exc.msg}") from None
            for name in TABLE_NAMES[1:]:
                tables[name].extend({"doc_id": record.get("doc_id"), **row} for row in record.pop(name, []))
            tables["documents"].append(record)
    return tables


def _parquet_path(run_dir: Path, name: str) -> Path:
    """A table's Parquet file, or the dataset directory of a Dask run."""
    from .commit import is_dataset  # here: `vnextract run` imports this module for its choices alone, not Arrow

    dataset = run_dir / name
    return dataset if is_dataset(dataset) and dataset.is_dir() else run_dir / f"{name}.parquet"


def source_format(run_dir: Path) -> str:
    """The format whose tables a run wrote last in ``run_dir`` (a directory can hold older tables of another)."""
    candidates = {"parquet": _parquet_path(run_dir, "documents"), "csv": run_dir / "documents.csv",
                  "jsonl": run_dir / "records.jsonl"}
    present = {fmt: path.stat().st_mtime for fmt, path in candidates.items() if path.exists()}
    if not present:
        raise ReportError(f"{run_dir}: no documents.parquet, documents.csv or records.jsonl; "
                          f"run `vnextract run ... --out {run_dir}` first")
    return max(present, key=lambda fmt: (present[fmt], -SOURCE_FORMATS.index(fmt)))


def read_tables(run_dir: Path, fmt: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The documents, mentions, people and acronyms rows of a run, from Parquet, CSV or ``records.jsonl``."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise ReportError(f"{run_dir}: not a directory")
    fmt = fmt or source_format(run_dir)
    if fmt not in SOURCE_FORMATS:
        raise ReportError(f"unknown table format {fmt!r}; allowed: {', '.join(SOURCE_FORMATS)}")
    if fmt == "jsonl":
        path = run_dir / "records.jsonl"
        if not path.is_file():
            raise ReportError(f"{path}: not found")
        tables = _read_jsonl(path)
    else:
        tables = {}
        for name in TABLE_NAMES:
            path = _parquet_path(run_dir, name) if fmt == "parquet" else run_dir / f"{name}.{fmt}"
            if not path.exists():
                raise ReportError(f"{path}: not found (the {fmt} tables of this run are incomplete)")
            tables[name] = _read_parquet(path) if fmt == "parquet" else _read_csv(path)
    tables[ENTITIES] = _read_entities(run_dir, fmt)
    if any("text" not in row for row in tables["documents"]):
        raise ReportError(f"{run_dir}: the documents table has no text column (written by an older vnextract); "
                          "run the pipeline again to get a report")
    for name, columns in REQUIRED_COLUMNS.items():
        missing = [c for c in columns if any(row.get(c) is None for row in tables[name])]
        if missing:
            raise ReportError(f"{run_dir}: the {name} table ({fmt}) has rows without {', '.join(missing)}")
    return tables


def _read_entities(run_dir: Path, fmt: str) -> list[dict[str, Any]]:
    """The entities rows in the chosen format, JSON cells parsed; none for a run written before entities."""
    if fmt == "jsonl":
        path = run_dir / "entities.jsonl"
        if not path.is_file():
            return []
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    path = _parquet_path(run_dir, ENTITIES) if fmt == "parquet" else run_dir / f"{ENTITIES}.csv"
    if not path.exists():
        return []
    rows = _read_parquet(path) if fmt == "parquet" else _read_csv(path)
    for row in rows:
        for column in ENTITY_JSON:
            if isinstance(row.get(column), str):
                row[column] = json.loads(row[column])
    return rows


def _latest(timeline: list[dict[str, Any]], field: str) -> str | None:
    return next((item[field] for item in reversed(timeline) if item.get(field)), None)


def _is_true(value: Any) -> bool:
    """A boolean cell as Parquet (True), CSV (\"True\") or JSON lines (true) give it."""
    return value is True or str(value).lower() == "true"


def corpus_people(entities: list[dict[str, Any]], limit: int = TOP_N) -> list[dict[str, Any]]:
    """People across the corpus (entities), by documents then mentions, with their latest rank, position and
    organization."""
    # the authors of the documents (bylines) are not the people of the news
    people = sorted((e for e in entities if e["type"] == "PERSON" and not _is_true(e.get("byline"))),
                    key=lambda e: (-int(e["n_documents"]), -int(e["n_mentions"]), e["name"], e["entity_id"]))
    return [{"id": e["entity_id"], "name": e["name"], "documents": int(e["n_documents"]),
             "mentions": int(e["n_mentions"]),
             **{field: _latest(e.get("timeline") or [], field) for field in ("rank", "position", "organization")}}
            for e in people[:limit]]


def person_sections(entities: list[dict[str, Any]], limit: int = PERSON_SECTIONS) -> list[dict[str, Any]]:
    """A section per person named in two documents or more: names, dates, timeline, the namesakes not told apart."""
    names = {e["entity_id"]: e["name"] for e in entities}
    people = sorted((e for e in entities if e["type"] == "PERSON" and int(e["n_documents"]) >= 2
                     and not _is_true(e.get("byline"))),
                    key=lambda e: (-int(e["n_documents"]), e["name"], e["entity_id"]))
    return [{
        "id": e["entity_id"], "name": e["name"], "aliases": e.get("aliases") or [], "documents": int(e["n_documents"]),
        "first": e.get("first_date"), "last": e.get("last_date"),
        "ambiguous": [names.get(other, other) + " (" + other + ")" for other in e.get("ambiguous_with") or []],
        "timeline": [[item.get("date"), item["doc_id"], item.get("rank"), item.get("position"), item.get("organization")]
                     for item in e.get("timeline") or []],
    } for e in people[:limit]]


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _mention_count(row: dict[str, Any]) -> int:
    ids = row.get("mention_ids") or []
    return len(json.loads(ids) if isinstance(ids, str) else ids)


def top_people(people: list[dict[str, Any]], limit: int = TOP_N) -> list[dict[str, Any]]:
    """People by documents, then mentions, with their most frequent rank, position and organization."""
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in people:
        if row.get("name"):
            by_name[row["name"]].append(row)
    stats = {name: (len({r["doc_id"] for r in rows}), sum(map(_mention_count, rows))) for name, rows in by_name.items()}
    ranked = sorted(by_name.items(), key=lambda item: (-stats[item[0]][0], -stats[item[0]][1], item[0]))
    return [{
        "name": name,
        "documents": stats[name][0],
        "mentions": stats[name][1],
        **{field: _most_common(r.get(field) for r in rows) for field in ("rank", "position", "organization")},
    } for name, rows in ranked[:limit]]


def top_values(mentions: list[dict[str, Any]], type: str, limit: int = TOP_N) -> list[dict[str, Any]]:
    """The most mentioned normalized values of one type, with mention and document counts."""
    counts: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m["type"] == type:
            value = m.get("normalized") or m["text"]
            counts[value] += 1
            docs[value].add(m["doc_id"])
    ranked = sorted(counts, key=lambda v: (-counts[v], -len(docs[v]), v))
    return [{"value": v, "mentions": counts[v], "documents": len(docs[v])} for v in ranked[:limit]]


def timeline(documents: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per month (``YYYY-MM``): DATE mentions whose normalized value falls in it, and documents dated in it."""
    mentioned: Counter[str] = Counter()
    published: Counter[str] = Counter()
    for m in mentions:
        match = m["type"] == "DATE" and MONTH.match(m.get("normalized") or "")
        if match:
            mentioned[match.group(0)] += 1
    for doc in documents:
        match = MONTH.match(doc.get("date") or "")
        if match:
            published[match.group(0)] += 1
    return [{"month": month, "mentions": mentioned[month], "documents": published[month]}
            for month in sorted(set(mentioned) | set(published))]


def report_payload(tables: dict[str, list[dict[str, Any]]], title: str) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data: the overview and one entry per document."""
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {n: [] for n in TABLE_NAMES[1:]})
    for name in TABLE_NAMES[1:]:
        for row in tables[name]:
            by_doc[row["doc_id"]][name].append(row)
    types = list(ENTITY_TYPES) + sorted({m["type"] for m in tables["mentions"]} - set(ENTITY_TYPES))
    documents = []
    for doc in tables["documents"]:
        rows = by_doc[doc["doc_id"]]
        text = doc.get("text") or ""
        try:
            nodes = segments(text, (Span(m["start"], m["end"], m["type"], m.get("normalized"))
                                    for m in rows["mentions"]))
        except ReportError as exc:
            raise ReportError(f"document {doc['doc_id']}: {exc}") from None
        counts = Counter(m["type"] for m in rows["mentions"])
        documents.append({
            "id": doc["doc_id"], "title": doc.get("title"), "date": doc.get("date"), "status": doc.get("status"),
            "error": doc.get("error"), "counts": {t: counts[t] for t in types if counts[t]}, "nodes": nodes,
            "people": [[p["name"], p.get("rank"), p.get("position"), p.get("organization")] for p in rows["people"]],
            "acronyms": [[a["acronym"], a.get("expansion"), a.get("source"), a.get("count")]
                         for a in rows["acronyms"]],
        })
    type_counts = Counter(m["type"] for m in tables["mentions"])
    statuses = Counter(doc.get("status") for doc in tables["documents"])
    return {
        "title": title,
        "types": types,
        "pageSize": PAGE_SIZE,
        "overview": {
            "documents": len(tables["documents"]), "ok": statuses.get("ok", 0),
            "error": len(tables["documents"]) - statuses.get("ok", 0),
            "types": {t: type_counts[t] for t in types},
            "people": corpus_people(tables[ENTITIES]) if tables.get(ENTITIES) else top_people(tables["people"]),
            "persons": person_sections(tables.get(ENTITIES, [])),
            "orgs": top_values(tables["mentions"], "ORG"),
            "places": top_values(tables["mentions"], "PLACE"),
            "timeline": timeline(tables["documents"], tables["mentions"]),
        },
        "documents": documents,
    }


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _asset(name: str) -> str:
    return resources.files("pipeline").joinpath("report_assets", name).read_text(encoding="utf-8")


def type_css(types: Iterable[str]) -> str:
    """Colour and filter rules per type: ``.off-TYPE`` on the page turns that type's highlighting off."""
    rules = []
    for name in types:
        color = TYPE_COLORS.get(name, FALLBACK_COLOR)
        rules.append(f'mark.t-{name}{{background:{color};border-color:{color}}}'
                     f'.key.t-{name}{{background:{color}}}'
                     f'.off-{name} mark.t-{name}{{background:none;border-color:transparent}}'
                     f'.off-{name} mark.t-{name}::after{{display:none}}')
    return "\n".join(rules)


def render_html(payload: dict[str, Any]) -> str:
    """The whole page: inline CSS, the payload as JSON, inline script. No external resource is referenced."""
    title = payload["title"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (_asset("report.html")
            .replace("/*TYPE_CSS*/", type_css(payload["types"]))
            .replace("/*STYLE*/", _asset("report.css"))
            .replace("/*SCRIPT*/", _asset("report.js"))
            .replace("{{TITLE}}", title)
            .replace("/*DATA*/", _script_json(payload)))


def write_report(run_dir: Path, out: Path | None = None, fmt: str | None = None) -> Path:
    """Read the tables of ``run_dir`` and write the report (``run_dir/report.html`` by default)."""
    run_dir = Path(run_dir)
    tables = read_tables(run_dir, fmt)
    target = Path(out) if out is not None else run_dir / REPORT_NAME
    if target.is_dir():
        raise ReportError(f"{target}: is a directory; give the path of the HTML file to write")
    html = render_html(report_payload(tables, title=f"vnextract report: {run_dir.resolve().name}"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target

"""Score pipeline output against gold documents (ANNOTATION.md, "Scoring").

- Mentions match strictly on (type, start, end) within a document.
- They are also scored by overlap, as research corpora are compared: a
  prediction counts when it overlaps a gold mention of its type, a gold
  mention is found when a prediction of its type overlaps it. A missed gold
  mention overlapped by a spurious prediction of another type is a type
  confusion, counted per (gold type, predicted type).
- A :class:`Scope` says which mentions are scored: the types a corpus
  annotates (a corpus of PER, LOC, ORG says nothing about ranks) and, for a
  corpus without nesting, only the outermost mention. Mentions outside it are
  counted in ``not_scored``, never as errors.
- Normalization is scored over matched mentions whose gold has a normalized
  value, with :func:`compare_value`.
- Person records match one-to-one on ``name``; rank, position and
  organization are then scored over matched records where gold gives them.
- Cross-document identity is scored over every pair of gold person records
  of different documents: "same" in gold when they share a ``key``,
  predicted "same" when their matched records share an ``entity_id``.

Rates whose denominator is zero are ``None`` (shown as ``-``), not 0:
a type with no gold has no recall, a type nobody predicted has no precision.
F1 is ``2·tp / (gold + pred)``, defined whenever either is non-zero.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar

from .gold import GoldDocument, GoldMention
from .model import ENTITY_TYPES, DocumentResult, Mention, PersonRecord

RECORD_FIELDS: dict[str, str] = {"rank": "RANK", "position": "POSITION", "organization": "ORG"}


def compare_value(a: str | None, b: str | None, type: str) -> bool:
    """Whether two normalized values agree: DATE exactly, others loosely.

    Loose comparison applies NFC, lower-casing, removes punctuation (Unicode
    categories P*) and collapses whitespace. ``None`` equals only ``None``.

    >>> compare_value("Bộ đội Biên phòng", "bộ đội biên  phòng.", "ORG")
    True
    >>> compare_value("thi đua, khen thưởng", "thi đua khen thưởng", "ACRONYM")
    True
    >>> compare_value("2025-09-23", "2025-9-23", "DATE")
    False
    """
    if a is None or b is None:
        return a is b
    if type == "DATE":
        return a == b
    return _loose(a) == _loose(b)


def _loose(value: str) -> str:
    lowered = unicodedata.normalize("NFC", unicodedata.normalize("NFC", value).lower())
    no_punct = "".join(c for c in lowered if not unicodedata.category(c).startswith("P"))
    return " ".join(no_punct.split())


class Span(Protocol):
    type: str
    start: int
    end: int


SpanT = TypeVar("SpanT", bound=Span)


@dataclass(frozen=True)
class Scope:
    """Which mentions are scored: ``types`` (None: every type) and whether nested mentions count.

    With ``nested`` false (a corpus of one BIO layer cannot nest), a mention
    inside a longer mention of a scored type is left out, in gold and in the
    predictions alike.
    """

    types: tuple[str, ...] | None = None
    nested: bool = True

    def select(self, mentions: Iterable[SpanT]) -> tuple[list[SpanT], Counter[str], int]:
        """The scored mentions, the others counted by type, and how many nested ones were left out.

        >>> from pipeline.gold import GoldMention
        >>> kept, other, nested = Scope(("ORG", "PLACE"), nested=False).select(
        ...     [GoldMention("ORG", 0, 20, ""), GoldMention("PLACE", 8, 20, ""), GoldMention("RANK", 22, 28, "")])
        >>> [(m.type, m.start) for m in kept], dict(other), nested
        ([('ORG', 0)], {'RANK': 1}, 1)
        """
        kept: list[SpanT] = []
        other: Counter[str] = Counter()
        for mention in mentions:
            if self.types is None or mention.type in self.types:
                kept.append(mention)
            else:
                other[mention.type] += 1
        if self.nested:
            return kept, other, 0
        outermost = _outermost(kept)
        return outermost, other, len(kept) - len(outermost)

    def to_dict(self) -> dict[str, Any]:
        return {"types": list(self.types) if self.types is not None else None, "nested": self.nested}


def _outermost(mentions: list[SpanT]) -> list[SpanT]:
    """The mentions that no longer mention contains, in their order (equal spans are all kept)."""
    inside: set[int] = set()
    reach_before = reach_here = -1  # furthest end of a mention starting before / at the current start
    here = None
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start != here:
            reach_before, reach_here, here = max(reach_before, reach_here), -1, m.start
        if reach_before >= m.end or reach_here > m.end:
            inside.add(id(m))
        reach_here = max(reach_here, m.end)
    return [m for m in mentions if id(m) not in inside]


class _PrecisionRecall:
    """Precision, recall and F1 of a score that counts ``gold``, ``pred`` and the ``hits`` among them."""

    gold: int
    pred: int

    @property
    def hits(self) -> int:
        raise NotImplementedError

    @property
    def precision(self) -> float | None:
        return self.hits / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        return 2 * self.hits / (self.gold + self.pred) if self.gold + self.pred else None


@dataclass
class TypeScore(_PrecisionRecall):
    """Counts for one entity type (or the micro-average over all types).

    ``overlap_pred``: predictions that overlap a gold mention of their type;
    ``overlap_gold``: gold mentions that a prediction of their type overlaps.
    """

    type: str
    gold: int = 0
    pred: int = 0
    tp: int = 0
    norm_scored: int = 0
    norm_correct: int = 0
    overlap_pred: int = 0
    overlap_gold: int = 0

    @property
    def hits(self) -> int:
        return self.tp

    @property
    def norm_accuracy(self) -> float | None:
        return self.norm_correct / self.norm_scored if self.norm_scored else None

    @property
    def overlap_precision(self) -> float | None:
        return self.overlap_pred / self.pred if self.pred else None

    @property
    def overlap_recall(self) -> float | None:
        return self.overlap_gold / self.gold if self.gold else None

    @property
    def overlap_f1(self) -> float | None:
        """Harmonic mean of overlap P and R; 0 when only one side has mentions, None when neither has."""
        if not self.gold + self.pred:
            return None
        precision, recall = self.overlap_precision or 0.0, self.overlap_recall or 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def add(self, other: TypeScore) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp += other.tp
        self.norm_scored += other.norm_scored
        self.norm_correct += other.norm_correct
        self.overlap_pred += other.overlap_pred
        self.overlap_gold += other.overlap_gold

    def counts(self) -> dict[str, Any]:
        """Strict counts and rates, with the overlap ones under ``overlap``."""
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp, "fp": self.pred - self.tp,
                "fn": self.gold - self.tp, "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "overlap": {"pred_matched": self.overlap_pred, "gold_found": self.overlap_gold,
                            "precision": self.overlap_precision, "recall": self.overlap_recall,
                            "f1": self.overlap_f1}}

    def normalization(self) -> dict[str, Any]:
        return {"scored": self.norm_scored, "correct": self.norm_correct, "accuracy": self.norm_accuracy}


@dataclass
class SpanError:
    """A missed or spurious mention, or a matched one with a wrong normalized value."""

    doc_id: str
    type: str
    start: int
    end: int
    text: str
    gold: str | None = None
    predicted: str | None = None


@dataclass
class Confusion:
    """A missed gold mention overlapped by a spurious prediction of another type."""

    doc_id: str
    gold_type: str
    predicted_type: str
    gold_start: int
    gold_end: int
    gold_text: str
    predicted_start: int
    predicted_end: int
    predicted_text: str


@dataclass
class NotScored:
    """Mentions outside the scope: by type (or by corpus label the type mapping ignores), and nested ones left out."""

    gold: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    nested_gold: int = 0
    nested_predicted: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": dict(sorted(self.gold.items())), "predicted": dict(sorted(self.predicted.items())),
                "nested_gold": self.nested_gold, "nested_predicted": self.nested_predicted}


@dataclass
class RecordError:
    """A missed or spurious person record, or a matched one with a wrong field."""

    doc_id: str
    name: str
    field: str | None = None
    gold: str | None = None
    predicted: str | None = None


@dataclass
class RecordScore(_PrecisionRecall):
    gold: int = 0
    pred: int = 0
    matched: int = 0
    field_scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_FIELDS, 0))
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_FIELDS, 0))
    misses: list[RecordError] = field(default_factory=list)
    false_positives: list[RecordError] = field(default_factory=list)
    field_errors: list[RecordError] = field(default_factory=list)

    @property
    def hits(self) -> int:
        return self.matched

    def field_accuracy(self, name: str) -> float | None:
        scored = self.field_scored[name]
        return self.field_correct[name] / scored if scored else None


@dataclass
class IdentityError:
    """Two gold records of different documents: the same person in gold and apart in the prediction, or merged
    though gold keeps them apart."""

    doc_a: str
    name_a: str
    doc_b: str
    name_b: str
    gold_key: str | None
    entity_a: str | None
    entity_b: str | None


@dataclass
class IdentityScore(_PrecisionRecall):
    """Pairs of gold person records from different documents: same in gold, same in the prediction, both."""

    gold: int = 0
    pred: int = 0
    tp: int = 0
    scored: bool = False
    missed: list[IdentityError] = field(default_factory=list)
    merged: list[IdentityError] = field(default_factory=list)

    @property
    def hits(self) -> int:
        return self.tp

    def to_dict(self) -> dict[str, Any]:
        return {"scored": self.scored, "gold_pairs": self.gold, "pred_pairs": self.pred, "tp": self.tp,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class EvalReport:
    """Everything :func:`score` measured; :meth:`to_dict` gives the JSON form."""

    documents: int
    missing_documents: list[str]
    types: dict[str, TypeScore]
    records: RecordScore
    misses: dict[str, list[SpanError]]
    false_positives: dict[str, list[SpanError]]
    normalization_errors: dict[str, list[SpanError]]
    scope: Scope = field(default_factory=Scope)
    confusions: list[Confusion] = field(default_factory=list)
    not_scored: NotScored = field(default_factory=NotScored)
    identity: IdentityScore = field(default_factory=IdentityScore)

    @property
    def confusion(self) -> dict[str, dict[str, int]]:
        """Type confusions counted by gold type, then predicted type."""
        table: dict[str, Counter[str]] = {}
        for c in self.confusions:
            table.setdefault(c.gold_type, Counter())[c.predicted_type] += 1
        return {gold: dict(sorted(row.items())) for gold, row in sorted(table.items())}

    @property
    def micro(self) -> TypeScore:
        total = TypeScore("micro")
        for type_score in self.types.values():
            total.add(type_score)
        return total

    def to_dict(self) -> dict[str, Any]:
        records = self.records
        return {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "scope": self.scope.to_dict(),
            "types": {name: s.counts() for name, s in self.types.items()},
            "micro": self.micro.counts(),
            "confusion": self.confusion,
            "not_scored": self.not_scored.to_dict(),
            "normalization": {
                "types": {name: s.normalization() for name, s in self.types.items()},
                "overall": self.micro.normalization(),
            },
            "records": {
                "gold": records.gold, "pred": records.pred, "matched": records.matched,
                "precision": records.precision, "recall": records.recall, "f1": records.f1,
                "fields": {name: {"scored": records.field_scored[name], "correct": records.field_correct[name],
                                  "accuracy": records.field_accuracy(name)} for name in RECORD_FIELDS},
            },
            "identity": self.identity.to_dict(),
            "errors": {
                "mentions": {name: {"misses": [asdict(e) for e in self.misses[name]],
                                    "false_positives": [asdict(e) for e in self.false_positives[name]],
                                    "normalization": [asdict(e) for e in self.normalization_errors[name]]}
                             for name in self.types},
                "records": {"misses": [asdict(e) for e in records.misses],
                            "false_positives": [asdict(e) for e in records.false_positives],
                            "fields": [asdict(e) for e in records.field_errors]},
                "identity": {"missed": [asdict(e) for e in self.identity.missed],
                             "merged": [asdict(e) for e in self.identity.merged]},
                "confusions": [asdict(c) for c in self.confusions],
            },
        }


def score(gold: list[GoldDocument], predicted: dict[str, DocumentResult], scope: Scope | None = None,
          entity_ids: dict[tuple[str, str], str] | None = None) -> EvalReport:
    """Score predictions (keyed by doc_id) against gold; a gold document with no prediction scores as all misses.

    Predicted documents that have no gold are ignored. Only mentions in
    ``scope`` (every type, nested ones included, by default) are scored, and
    person records only when the gold has some (a research corpus has none).
    Cross-document identity is scored when the gold records carry keys and
    ``entity_ids`` (by doc_id and person_id) are given.
    """
    scope = scope or Scope()
    if scope.types is None:
        predicted_types = {m.type for result in predicted.values() for m in result.mentions}
        type_names = list(ENTITY_TYPES) + sorted(predicted_types - set(ENTITY_TYPES))
    else:
        type_names = sorted(scope.types, key=lambda t: (ENTITY_TYPES.index(t) if t in ENTITY_TYPES else len(ENTITY_TYPES), t))
    report = EvalReport(
        documents=len(gold),
        missing_documents=[doc.doc_id for doc in gold if doc.doc_id not in predicted],
        types={name: TypeScore(name) for name in type_names},
        records=RecordScore(),
        misses={name: [] for name in type_names},
        false_positives={name: [] for name in type_names},
        normalization_errors={name: [] for name in type_names},
        scope=scope,
    )
    with_records = any(doc.records for doc in gold)
    matched: list[tuple[str, dict[str, str], PersonRecord | None]] = []
    for doc in gold:
        result = predicted.get(doc.doc_id)
        gold_mentions, gold_other, gold_nested = scope.select(doc.mentions)
        pred_mentions, pred_other, pred_nested = scope.select(result.mentions if result else [])
        report.not_scored.gold.update(gold_other)
        report.not_scored.gold.update(doc.unscored)
        report.not_scored.predicted.update(pred_other)
        report.not_scored.nested_gold += gold_nested
        report.not_scored.nested_predicted += pred_nested
        _score_mentions(report, doc, gold_mentions, pred_mentions)
        if with_records:
            pairs = _score_records(report.records, doc, result.people if result else [])
            matched.extend((doc.doc_id, fields, person) for fields, person in pairs)
    if entity_ids is not None and any("key" in fields for _, fields, _ in matched):
        report.identity = score_identity(matched, entity_ids)
    return report


def _pairs_across(records: list[int], doc_of: list[str]) -> Iterable[tuple[int, int]]:
    """Pairs of the given record indices that lie in different documents."""
    for position, i in enumerate(records):
        for j in records[position + 1:]:
            if doc_of[i] != doc_of[j]:
                yield i, j


def score_identity(records: list[tuple[str, dict[str, str], PersonRecord | None]],
                   entity_ids: dict[tuple[str, str], str]) -> IdentityScore:
    """Cross-document identity over gold records given as (doc_id, gold fields, matched predicted record or None).

    >>> from pipeline.model import PersonRecord
    >>> gold = [("a", {"name": "X", "key": "x"}, PersonRecord("p1", "X")), ("b", {"name": "X", "key": "x"},
    ...         PersonRecord("p2", "X")), ("c", {"name": "X"}, PersonRecord("p1", "X"))]
    >>> s = score_identity(gold, {("a", "p1"): "E1", ("b", "p2"): "E1", ("c", "p1"): "E1"})
    >>> s.gold, s.pred, s.tp
    (1, 3, 1)
    """
    doc_of = [doc_id for doc_id, _, _ in records]
    keys = [fields.get("key") for _, fields, _ in records]
    entities = [entity_ids.get((doc_id, person.person_id)) if person is not None else None
                for doc_id, _, person in records]
    by_key: dict[str, list[int]] = {}
    by_entity: dict[str, list[int]] = {}
    for i, (key, entity) in enumerate(zip(keys, entities)):
        if key is not None:
            by_key.setdefault(key, []).append(i)
        if entity is not None:
            by_entity.setdefault(entity, []).append(i)
    result = IdentityScore(scored=True)

    def error(i: int, j: int) -> IdentityError:
        return IdentityError(doc_of[i], records[i][1]["name"], doc_of[j], records[j][1]["name"], keys[i],
                             entities[i], entities[j])

    for members in by_key.values():
        for i, j in _pairs_across(members, doc_of):
            result.gold += 1
            if entities[i] is not None and entities[i] == entities[j]:
                result.tp += 1
            else:
                result.missed.append(error(i, j))
    for members in by_entity.values():
        for i, j in _pairs_across(members, doc_of):
            result.pred += 1
            if keys[i] is None or keys[i] != keys[j]:
                result.merged.append(error(i, j))
    return result


class _Overlaps:
    """Spans sorted by start, to find those overlapping [start, end) without comparing every pair."""

    def __init__(self, spans: Iterable[SpanT]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def __call__(self, start: int, end: int) -> list[Any]:
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[first:last] if s.end > start and s.start < end]


def _score_overlap(report: EvalReport, doc: GoldDocument, gold: Sequence[GoldMention], pred: Sequence[Mention]) -> None:
    """Overlap matches per type, then the type confusions between what is left of both sides."""
    gold_index, pred_index = _Overlaps(gold), _Overlaps(pred)
    found = {id(g) for g in gold if any(p.type == g.type for p in pred_index(g.start, g.end))}
    matched = {id(p) for p in pred if any(g.type == p.type for g in gold_index(p.start, p.end))}
    for g in gold:
        report.types[g.type].overlap_gold += id(g) in found
    for p in pred:
        report.types[p.type].overlap_pred += id(p) in matched
    for g in gold:
        if id(g) in found:
            continue
        for p in pred_index(g.start, g.end):
            if id(p) not in matched and p.type != g.type:
                report.confusions.append(Confusion(doc.doc_id, g.type, p.type, g.start, g.end, g.surface,
                                                   p.start, p.end, doc.raw[p.start:p.end]))


def _score_mentions(report: EvalReport, doc: GoldDocument, gold: list[GoldMention], mentions: list[Mention]) -> None:
    gold_spans: dict[tuple[str, int, int], GoldMention] = {}
    for g in gold:
        gold_spans.setdefault((g.type, g.start, g.end), g)
    pred_spans: dict[tuple[str, int, int], Mention] = {}
    for p in mentions:
        pred_spans.setdefault((p.type, p.start, p.end), p)
    _score_overlap(report, doc, list(gold_spans.values()), list(pred_spans.values()))
    for key, g in gold_spans.items():
        counts = report.types[g.type]
        counts.gold += 1
        p = pred_spans.get(key)
        if p is None:
            report.misses[g.type].append(SpanError(doc.doc_id, g.type, g.start, g.end, g.surface, gold=g.normalized))
            continue
        counts.tp += 1
        if g.normalized is not None:
            counts.norm_scored += 1
            if compare_value(g.normalized, p.normalized, g.type):
                counts.norm_correct += 1
            else:
                report.normalization_errors[g.type].append(
                    SpanError(doc.doc_id, g.type, g.start, g.end, g.surface, g.normalized, p.normalized))
    for key, p in pred_spans.items():
        report.types[p.type].pred += 1
        if key not in gold_spans:
            report.false_positives[p.type].append(
                SpanError(doc.doc_id, p.type, p.start, p.end, doc.raw[p.start:p.end], predicted=p.normalized))


def _score_records(scores: RecordScore, doc: GoldDocument, people: list[PersonRecord],
                   ) -> list[tuple[dict[str, str], PersonRecord | None]]:
    """Match the document's predicted records to its gold ones and score them; each gold record with its match."""
    unmatched = [r.fields for r in doc.records if r.kind == "PERSON"]
    pairs: list[tuple[dict[str, str], PersonRecord | None]] = []
    scores.gold += len(unmatched)
    scores.pred += len(people)
    for person in people:
        gold_fields = next((f for f in unmatched if compare_value(f["name"], person.name, "PERSON")), None)
        if gold_fields is None:
            scores.false_positives.append(RecordError(doc.doc_id, person.name))
            continue
        unmatched.remove(gold_fields)
        pairs.append((gold_fields, person))
        scores.matched += 1
        for name, value_type in RECORD_FIELDS.items():
            if name not in gold_fields:
                continue
            scores.field_scored[name] += 1
            value = getattr(person, name)
            if compare_value(gold_fields[name], value, value_type):
                scores.field_correct[name] += 1
            else:
                scores.field_errors.append(RecordError(doc.doc_id, gold_fields["name"], name, gold_fields[name], value))
    scores.misses.extend(RecordError(doc.doc_id, f["name"]) for f in unmatched)
    return pairs + [(fields, None) for fields in unmatched]


def format_report(report: EvalReport, max_errors: int = 20) -> str:
    """Render a report as plain text: the score table (strict, then overlap), type confusions, what was not
    scored, the records block, then the errors by type."""
    lines = [f"documents: {report.documents}"
             + (f" ({len(report.missing_documents)} without prediction)" if report.missing_documents else "")]
    if report.scope != Scope():
        lines.append(f"scored: {', '.join(report.types)}" + ("" if report.scope.nested else "; outermost mentions only"))
    header = (f"{'type':<10} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6} | {'P':>6} {'R':>6} "
              f"{'F1':>6}  norm acc")
    rule = "-" * (len(header) + 8)
    lines += ["", (" " * 29 + "strict".center(20) + " | " + "overlap".center(20)).rstrip(), header, rule]
    lines += [_table_row(type_score) for type_score in report.types.values()]
    lines += [rule, _table_row(report.micro)]
    confusion = report.confusion
    if confusion:
        lines += ["", "type confusions (gold → predicted, on overlapping spans): "
                  + ", ".join(f"{g} → {p} {n}" for g, row in confusion.items() for p, n in row.items())]
    not_scored = _not_scored_line(report.not_scored)
    if not_scored:
        lines += ["", not_scored]
    records = report.records
    if records.gold:
        lines += ["", f"person records: gold {records.gold}, pred {records.pred}, matched {records.matched}  "
                      f"P {_rate(records.precision)}  R {_rate(records.recall)}  F1 {_rate(records.f1)}"]
        for name in RECORD_FIELDS:
            lines.append(f"  {name:<13} {_rate(records.field_accuracy(name))} "
                         f"({records.field_correct[name]}/{records.field_scored[name]})")
    else:
        lines += ["", "person records: none in gold, not scored"]
    identity = report.identity
    if identity.scored:
        lines.append(f"cross-document identity (pairs of gold records): gold {identity.gold}, pred {identity.pred}, "
                     f"both {identity.tp}  P {_rate(identity.precision)}  R {_rate(identity.recall)}  "
                     f"F1 {_rate(identity.f1)}")
    for name in report.types:
        _error_block(lines, f"{name} misses", report.misses[name], max_errors, _span_line)
        _error_block(lines, f"{name} false positives", report.false_positives[name], max_errors, _span_line)
        _error_block(lines, f"{name} normalization errors", report.normalization_errors[name], max_errors,
                     lambda e: f"{_span_line(e)}: gold {e.gold!r}, predicted {e.predicted!r}")
    _error_block(lines, "type confusions", report.confusions, max_errors,
                 lambda c: f"{c.doc_id}  {c.gold_start}-{c.gold_end}  {c.gold_type} {c.gold_text!r} predicted "
                           f"{c.predicted_type} {c.predicted_text!r}")
    _error_block(lines, "person record misses", records.misses, max_errors, lambda e: f"{e.doc_id}  {e.name}")
    _error_block(lines, "person record false positives", records.false_positives, max_errors,
                 lambda e: f"{e.doc_id}  {e.name}")
    _error_block(lines, "person record field errors", records.field_errors, max_errors,
                 lambda e: f"{e.doc_id}  {e.name}  {e.field}: gold {e.gold!r}, predicted {e.predicted!r}")
    _error_block(lines, "identity: one person in gold, apart in the prediction", identity.missed, max_errors,
                 lambda e: f"{e.doc_a}  {e.doc_b}  {e.name_a}  key {e.gold_key}: {e.entity_a} / {e.entity_b}")
    _error_block(lines, "identity: merged, two people in gold", identity.merged, max_errors,
                 lambda e: f"{e.doc_a}  {e.doc_b}  {e.name_a}  entity {e.entity_a}")
    return "\n".join(lines) + "\n"


def _table_row(s: TypeScore) -> str:
    return (f"{s.type:<10} {s.gold:>5} {s.pred:>5} {s.tp:>5} {_rate(s.precision):>6} {_rate(s.recall):>6} "
            f"{_rate(s.f1):>6} | {_rate(s.overlap_precision):>6} {_rate(s.overlap_recall):>6} {_rate(s.overlap_f1):>6}  "
            f"{_rate(s.norm_accuracy)} ({s.norm_correct}/{s.norm_scored})")


def _not_scored_line(not_scored: NotScored) -> str:
    parts = []
    for side, counts, nested in (("gold", not_scored.gold, not_scored.nested_gold),
                                 ("predicted", not_scored.predicted, not_scored.nested_predicted)):
        items = [f"{name} {n}" for name, n in sorted(counts.items())] + ([f"nested {nested}"] if nested else [])
        if items:
            parts.append(f"{side} {', '.join(items)}")
    return f"not scored: {'; '.join(parts)}" if parts else ""


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _span_line(error: SpanError) -> str:
    return f"{error.doc_id}  {error.start}-{error.end}  {error.text!r}"


def _error_block(lines: list[str], title: str, errors: list[Any], max_errors: int, render: Callable[[Any], str]) -> None:
    if not errors:
        return
    lines += ["", f"{title} ({len(errors)}):"]
    lines += [f"  {render(error)}" for error in errors[:max_errors]]
    if len(errors) > max_errors:
        lines.append(f"  … {len(errors) - max_errors} more")


@dataclass
class MentionChange:
    """A mention one config predicts and the other does not; ``in_gold`` says whether it is correct."""

    doc_id: str
    type: str
    start: int
    end: int
    text: str
    normalized: str | None
    in_gold: bool


@dataclass
class Comparison:
    """Two configs scored on the same gold: both reports, and the mentions B gains and loses against A."""

    a_name: str
    b_name: str
    a: EvalReport
    b: EvalReport
    gained: list[MentionChange]
    lost: list[MentionChange]

    def differences(self) -> dict[str, dict[str, float | None]]:
        """B minus A for P, R and F1 of each type, the micro average and person records."""
        rows = {name: (self.a.types[name], self.b.types.get(name, TypeScore(name))) for name in self.a.types}
        rows["micro"] = (self.a.micro, self.b.micro)
        rows["records"] = (self.a.records, self.b.records)
        return {name: {rate: _delta(getattr(a, rate), getattr(b, rate)) for rate in ("precision", "recall", "f1")}
                for name, (a, b) in rows.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": {"config": self.a_name, **self.a.to_dict()},
            "b": {"config": self.b_name, **self.b.to_dict()},
            "differences": self.differences(),
            "gained": [asdict(change) for change in self.gained],
            "lost": [asdict(change) for change in self.lost],
        }


def _delta(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else b - a


def compare(gold: list[GoldDocument], predicted_a: dict[str, DocumentResult], predicted_b: dict[str, DocumentResult],
            a_name: str = "A", b_name: str = "B", scope: Scope | None = None,
            entity_ids: tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]] | None = None) -> Comparison:
    """Score two predictions of the same gold and list the (type, start, end) mentions in ``scope`` only one of them has."""
    scope = scope or Scope()
    gained: list[MentionChange] = []
    lost: list[MentionChange] = []
    for doc in gold:
        gold_keys = {(g.type, g.start, g.end) for g in scope.select(doc.mentions)[0]}
        spans_a = _spans(predicted_a.get(doc.doc_id), scope)
        spans_b = _spans(predicted_b.get(doc.doc_id), scope)
        for spans, other, changes in ((spans_b, spans_a, gained), (spans_a, spans_b, lost)):
            changes.extend(MentionChange(doc.doc_id, m.type, m.start, m.end, doc.raw[m.start:m.end], m.normalized,
                                         key in gold_keys)
                           for key, m in sorted(spans.items(), key=lambda item: item[0][1:]) if key not in other)
    ids_a, ids_b = entity_ids if entity_ids is not None else (None, None)
    return Comparison(a_name, b_name, score(gold, predicted_a, scope, ids_a), score(gold, predicted_b, scope, ids_b),
                      gained, lost)


def _spans(result: DocumentResult | None, scope: Scope) -> dict[tuple[str, int, int], Mention]:
    spans: dict[tuple[str, int, int], Mention] = {}
    for m in scope.select(result.mentions if result else [])[0]:
        spans.setdefault((m.type, m.start, m.end), m)
    return spans


def format_comparison(comparison: Comparison, max_errors: int = 20) -> str:
    """Both configs' per-type P/R/F1 side by side with B − A, then the mentions B gains and loses."""
    a, b = comparison.a, comparison.b
    lines = [f"A: {comparison.a_name}", f"B: {comparison.b_name}", f"documents: {a.documents}", ""]
    header = (f"{'type':<10} {'gold':>5} | {'A pred':>6} {'P':>6} {'R':>6} {'F1':>6} | {'B pred':>6} {'P':>6} {'R':>6} "
              f"{'F1':>6} | {'ΔP':>7} {'ΔR':>7} {'ΔF1':>7}")
    lines += [header, "-" * len(header)]
    differences = comparison.differences()
    rows = [(name, a.types[name], b.types.get(name, TypeScore(name))) for name in a.types]
    for position, (name, score_a, score_b) in enumerate([*rows, ("micro", a.micro, b.micro)]):
        if position == len(rows):
            lines.append("-" * len(header))
        delta = differences[name]
        lines.append(f"{name:<10} {score_a.gold:>5} | {score_a.pred:>6} {_rate(score_a.precision):>6} "
                     f"{_rate(score_a.recall):>6} {_rate(score_a.f1):>6} | {score_b.pred:>6} "
                     f"{_rate(score_b.precision):>6} {_rate(score_b.recall):>6} {_rate(score_b.f1):>6} | "
                     f"{_signed(delta['precision']):>7} {_signed(delta['recall']):>7} {_signed(delta['f1']):>7}")
    lines += ["", f"person records F1: A {_rate(a.records.f1)}  B {_rate(b.records.f1)}  "
                  f"Δ {_signed(differences['records']['f1'])}"]
    if a.identity.scored:
        lines.append(f"cross-document identity F1: A {_rate(a.identity.f1)}  B {_rate(b.identity.f1)}  "
                     f"Δ {_signed(_delta(a.identity.f1, b.identity.f1))}")
    for title, changes in (("mentions gained by B", comparison.gained), ("mentions lost by B", comparison.lost)):
        if not changes:
            lines += ["", f"{title}: none"]
            continue
        correct = sum(change.in_gold for change in changes)
        _error_block(lines, f"{title} [{correct} in gold]", changes, max_errors, _change_line)
    return "\n".join(lines) + "\n"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.3f}"


def _change_line(change: MentionChange) -> str:
    verdict = "gold" if change.in_gold else "not in gold"
    return f"{change.doc_id}  {change.start}-{change.end}  {change.type:<8} {change.text!r}  [{verdict}]"

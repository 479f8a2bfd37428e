"""The pipeline: stages that declare what they need and provide (``stages.py``), run one document at a time.

Models and lexicons are loaded once, when the Pipeline is built: a worker process builds its own and keeps
no global mutable state.

    >>> pipe = Pipeline(load_config())
    >>> result = pipe.process(RawDocument("a.txt", "Thiếu tướng Võ Tiến Nghị, Phó Tư lệnh BĐBP dự hội nghị."))
    >>> [(m.type, m.text) for m in result.mentions][:3]
    [('RANK', 'Thiếu tướng'), ('PERSON', 'Võ Tiến Nghị'), ('POSITION', 'Phó Tư lệnh')]
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from .lazy_imports import spacy  # the first spaCy and underthesea imports, without what is never used here
from spacy.tokens import Doc, Span  # noqa: I001  (after it, on purpose)

from .config import Config
from .entities import IdentityRules, add_organization_ids
from .extract import add_extractors
from .extract.base import span_values
from .ingest import HEADER, parse_header
from .model import DocumentResult, Mention, RawDocument
from .lexicons import OrganizationLexicon, PeopleLexicon, RelationLexicon
from .org_registry import OrgRegistry
from .normalize import NormalizedText, ToneMap, normalize_text, read_pretokenized, reads_pretokenized
from .resolve import RecordLinker, acronym_records, expand_text
from .segment import VI_CONFIG, Segmenter, SentenceIndex, sentence_ranges
from .stages import STAGES, PipelineError, check_stages, ensure_runnable  # noqa: F401  (public here too)


def _first_char(text: str) -> int:
    """Where annotatable text starts: after the ``date YYYY-MM-DD`` of a header line."""
    match = HEADER.match(text.split("\n", 1)[0])
    if not match:
        return 0
    return match.start(2) if match.group(2) is not None else match.end()


class Pipeline:
    """Runs normalize → segment → extract → resolve on RawDocuments."""

    def __init__(self, config: Config):
        ensure_runnable(config)
        self.config = config
        self.enabled = {stage.name for stage in STAGES if config.stage(stage.name)["enabled"]}
        normalize = config.stage("normalize")
        self.tone_map = ToneMap.from_underthesea() if "normalize" in self.enabled and normalize["tone_marks"] else None
        self.pretokenized = config.stage("ingest")["pretokenized"]
        self.nlp = spacy.blank("vi", config=VI_CONFIG)
        if "extract" in self.enabled:
            add_extractors(self.nlp, config)
        self.identity = IdentityRules.from_config(config)
        self.linker = RecordLinker(RelationLexicon.load(config.lexicon_path("relations")),
                                   PeopleLexicon.load(config.lexicon_path("people")),
                                   OrganizationLexicon.load(config.lexicon_path("organizations")),
                                   OrgRegistry.load(config.lexicon_path("org_registry")))
        self.segmenter = None
        # "needed": the Doc is built without words and the rules that read them segment the sentences they need
        self.all_words = config.stage("segment")["words"] == "all"
        if "segment" in self.enabled:
            self.segmenter = Segmenter(self.nlp.vocab, tones_placed=self.tone_map is not None)
            for _, component in self.nlp.pipeline:
                if hasattr(component, "word_source"):
                    component.word_source = self.segmenter.words_in
                if hasattr(component, "is_word"):
                    component.is_word = self.segmenter.is_word

    def normalize(self, raw: str) -> NormalizedText:
        """The text the extractors read, with its map to ``raw``: normalized, then rewritten when pre-tokenized."""
        if "normalize" in self.enabled:
            normalized = normalize_text(raw, self.tone_map)
        else:
            normalized = NormalizedText(text=raw, raw_length=len(raw))
        if reads_pretokenized(raw, self.pretokenized):
            return read_pretokenized(normalized)
        return normalized

    def process(self, raw: RawDocument) -> DocumentResult:
        """One document; any failure becomes an ``error`` result, never an exception."""
        if raw.error is not None:
            return DocumentResult(doc=raw, status="error", error=raw.error)
        try:
            return self._process(raw)
        except Exception as exc:  # a bad document must not stop the run; its row says why
            return DocumentResult(doc=raw, status="error", error=f"{type(exc).__name__}: {exc}")

    def process_many(self, documents: Iterable[RawDocument]) -> Iterator[DocumentResult]:
        for raw in documents:
            yield self.process(raw)

    def _process(self, raw: RawDocument) -> DocumentResult:
        result = DocumentResult(doc=raw)
        if self.segmenter is None:
            return result
        normalized = self.normalize(raw.text)
        doc = self.segmenter(normalized.text, words=self.all_words)
        sentences = sentence_ranges(doc)
        result.n_sentences = len(sentences)
        if "extract" not in self.enabled:
            return result
        doc.user_data["doc_date"] = raw.date
        doc.user_data["first_char"] = _first_char(normalized.text)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        spans = list(doc.spans["mentions"])
        sentence_of = SentenceIndex(sentences)
        ids = {(s.label_, s.start, s.end): f"m{i}" for i, s in enumerate(spans, start=1)}
        result.mentions = [self._mention(raw.text, normalized, span, ids, sentence_of) for span in spans]
        add_organization_ids(result.mentions, self.identity)
        if "resolve" in self.enabled:
            result.people = self.linker.person_records(doc, spans, ids)
            result.acronyms = acronym_records(spans)
            result.text_expanded = expand_text(raw.text, result.mentions)
        return result

    @staticmethod
    def _mention(raw: str, normalized: NormalizedText, span: Span, ids: dict, sentence_of: SentenceIndex) -> Mention:
        start, end = normalized.raw_span(span.start_char, span.end_char)
        value, source, attrs = span_values(span)
        return Mention(
            type=span.label_,
            start=start,
            end=end,
            text=raw[start:end],
            normalized=value,
            source=source or "",
            attrs=dict(attrs or {}),
            sentence_id=sentence_of.get(span.start),
            mention_id=ids[(span.label_, span.start, span.end)],
        )

    def segment(self, text: str) -> Doc:
        """The segmented Doc of ``text`` (normalized first), for inspection and tests."""
        if self.segmenter is None:
            raise PipelineError("segment stage is switched off")
        return self.segmenter(self.normalize(text).text)


def predict_gold(pipeline: Pipeline, gold: Iterable) -> dict[str, DocumentResult]:
    """Run ``pipeline`` on the raw text of gold documents, read as ingest reads a ``.txt`` (header → date, title)."""
    predicted = {}
    for doc in gold:
        try:
            date, title = parse_header(doc.raw)
        except ValueError:
            date, title = None, None
        predicted[doc.doc_id] = pipeline.process(RawDocument(doc.doc_id, doc.raw, title=title, date=date))
    return predicted


def timed(results: Iterable[DocumentResult]) -> Iterator[tuple[DocumentResult, float]]:
    """Pair each result with the wall time since the previous one."""
    last = time.perf_counter()
    for result in results:
        now = time.perf_counter()
        yield result, now - last
        last = now

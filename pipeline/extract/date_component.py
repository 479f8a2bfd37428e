"""spaCy component around the pure date rules of ``dates.py``."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .base import add_spans, char_span
from ..segment import text_of
from .dates import find_dates


class DateExtractor:
    """spaCy component: writes ``doc.spans["DATE"]``, resolved against ``doc.user_data["doc_date"]``."""

    def __call__(self, doc: Doc) -> Doc:
        doc_date = doc.user_data.get("doc_date")
        reference = dt.date.fromisoformat(doc_date) if doc_date else None
        spans = []
        for match in find_dates(text_of(doc), reference):
            span = char_span(doc, match.start, match.end, "DATE", match.value, match.rule, match.attrs)
            if span is not None:
                spans.append(span)
        add_spans(doc, "DATE", spans)
        return doc


@Language.factory("vnx_dates")
def make_date_extractor(nlp: Language, name: str) -> DateExtractor:
    return DateExtractor()

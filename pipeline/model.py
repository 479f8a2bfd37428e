"""Plain data types shared by every stage.

Offsets are Python string indices. ``Mention.start``/``end`` always index the
raw decoded text of the input (header line included), so that
``raw[start:end] == text`` holds for every mention the pipeline emits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES: tuple[str, ...] = ("DATE", "PLACE", "RANK", "POSITION", "PERSON", "ORG", "ACRONYM")


@dataclass
class RawDocument:
    """One input document as read by the ingest stage.

    ``text`` is the whole decoded input (for ``.txt`` files the header line
    ``date YYYY-MM-DD`` included). ``error`` is set when the input could not be
    read; such a document flows to the writers as a documents row with status
    ``error`` and is not processed further.
    """

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None  # what the input was decoded from; None for text built in code


@dataclass
class Mention:
    """One extracted span, in raw-text offsets."""

    type: str
    start: int
    end: int
    text: str
    normalized: str | None = None
    source: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    sentence_id: int | None = None
    mention_id: str = ""


@dataclass
class Role:
    """One rank, position and organization a document gives a person, in text order.

    ``former``: written as a role the person no longer holds (``nguyên Tư lệnh``);
    ``source``: the relation rule that gave it (``records.apposition`` …);
    ``place``: where a title the text gives no body for is held (``Phó Tỉnh trưởng tỉnh Hủa Phăn``,
    ``Về phía tỉnh Hủa Phăn có ông A, Phó Tỉnh trưởng``): what tells two such officials apart across documents.
    """

    rank: str | None = None
    position: str | None = None
    organization: str | None = None
    mention_ids: list[str] = field(default_factory=list)
    former: bool = False
    source: str = ""
    place: str | None = None


@dataclass
class PersonRecord:
    """A person of one document: what they hold at its end, and every role it gives them (``roles``)."""

    person_id: str
    name: str
    rank: str | None = None
    position: str | None = None
    organization: str | None = None
    mention_ids: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    # what a police report or a rescue story says of a civilian: "(SN 1978, trú tại phường Sầm Sơn)"
    birth_year: int | None = None
    residence: str | None = None
    # the name is the document's byline or a photo credit: an author, not a person the news is about
    byline: bool = False


@dataclass
class AcronymRecord:
    acronym: str
    expansion: str | None
    source: str
    count: int


@dataclass
class DocumentResult:
    """Everything the pipeline learned about one document, ready for the writers."""

    doc: RawDocument
    status: str = "ok"
    error: str | None = None
    n_sentences: int = 0
    mentions: list[Mention] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    acronyms: list[AcronymRecord] = field(default_factory=list)
    text_expanded: str | None = None

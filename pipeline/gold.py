"""Gold files: raw text with bracket markup, plus an optional records block.

The format is defined in ANNOTATION.md ("Gold file format"). A span is written
``[TYPE surface|normalized|key=value...]``; removing the markup gives the raw
document, and every offset indexes that raw text::

    >>> doc = parse_gold("[RANK Thiếu tướng] [PERSON Lê Văn Bình|Lê Văn Bình], "
    ...                  "[POSITION Phó Tư lệnh] [ORG [ACRONYM BĐBP|Bộ đội Biên phòng]|Bộ đội Biên phòng]\\n"
    ...                  "#records\\n"
    ...                  "PERSON name=Lê Văn Bình; rank=Thiếu tướng\\n")
    >>> doc.raw
    'Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP\\n'
    >>> [(m.type, m.start, m.end, m.normalized) for m in doc.mentions][3:]
    [('ORG', 37, 41, 'Bộ đội Biên phòng'), ('ACRONYM', 37, 41, 'Bộ đội Biên phòng')]
    >>> doc.records[0].fields
    {'name': 'Lê Văn Bình', 'rank': 'Thiếu tướng'}

Parsing rules beyond the guideline's text:

- ``\\[``, ``\\]`` and ``\\|`` stand for the literal character; any other
  backslash is literal.
- A ``[`` followed by a known type and one space opens a span. A ``[``
  followed by another all-capital word and a space (``[PERSN Hải]``) is an
  unknown type and an error; any other ``[`` is literal text.
- Outside a span an unescaped ``]`` or ``|`` is an error, and a span must
  close on the line it opens on.
- After the surface, the first field is the normalized value when it has no
  ``=``; every other field is ``key=value``. A normalized value containing
  ``=`` therefore cannot be written as the first field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .model import ENTITY_TYPES

RECORDS_MARKER = "#records"
# the gold formats `vnextract eval` reads (corpora.py reads the other two): here, so the command line lists them
# without importing the readers
GOLD_FORMATS = ("markup", "conll", "bio-jsonl")
ESCAPABLE = frozenset("[]|")
_OPEN = re.compile(r"\[(\w+) ")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class GoldFormatError(ValueError):
    """Malformed gold markup; the message says ``doc_id:line:column: problem``."""

    def __init__(self, doc_id: str, line: int, column: int, problem: str) -> None:
        super().__init__(f"{doc_id or '<gold>'}:{line}:{column}: {problem}")
        self.doc_id = doc_id
        self.line = line
        self.column = column
        self.problem = problem


@dataclass
class GoldMention:
    """One annotated span; ``raw[start:end] == surface``."""

    type: str
    start: int
    end: int
    surface: str
    normalized: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class GoldRecord:
    """One line of the records block, e.g. ``PERSON name=Lê Văn Bình; rank=Thiếu tướng``."""

    kind: str
    fields: dict[str, str]


@dataclass
class GoldDocument:
    """A parsed gold file; mentions are in the order their markup opens (outer span first).

    ``unscored`` counts the mentions of a research corpus whose label the type
    mapping ignores (``MISC``), by label: reported, never scored.
    """

    doc_id: str
    raw: str
    mentions: list[GoldMention]
    records: list[GoldRecord]
    unscored: dict[str, int] = field(default_factory=dict)


def parse_gold(text: str, doc_id: str = "") -> GoldDocument:
    """Parse one gold file's content into raw text, mentions and records.

    >>> d = parse_gold("Sáng nay [PLACE tỉnh Nghệ An|tỉnh Nghệ An] \\\\[tin\\\\]")
    >>> d.raw, d.mentions[0].start, d.mentions[0].end
    ('Sáng nay tỉnh Nghệ An [tin]', 9, 21)
    """
    body, records_text, records_line = _split_records(text)
    parser = _MarkupParser(body, doc_id)
    raw, mentions = parser.parse()
    records = _parse_records(records_text, records_line, doc_id) if records_text is not None else []
    return GoldDocument(doc_id=doc_id, raw=raw, mentions=mentions, records=records)


def read_gold_dir(path: Path) -> list[GoldDocument]:
    """Parse every ``*.txt`` below ``path`` (sorted); doc_id is the relative path (``dev/a.txt``).

    Files are decoded like the ingest stage does (UTF-8, BOM dropped, line
    endings kept) so that offsets agree with the pipeline's raw text.
    """
    documents = []
    for file in sorted(path.rglob("*.txt")):
        doc_id = file.relative_to(path).as_posix()
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GoldFormatError(doc_id, 1, 1, f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
        documents.append(parse_gold(text, doc_id))
    return documents


def format_gold(doc: GoldDocument) -> str:
    """The markup of a gold document: :func:`parse_gold` of it gives ``doc`` back (mentions, records).

    Mentions must nest (a span inside another or apart from it, never
    crossing); of two mentions with the same span the first is the outer one.
    Raises ValueError for what the format cannot hold.

    >>> doc = parse_gold("[ORG Công an [PLACE tỉnh Nghệ An|tỉnh Nghệ An]] \\\\[ảnh\\\\]")
    >>> doc.raw
    'Công an tỉnh Nghệ An [ảnh]'
    >>> format_gold(doc) == "[ORG Công an [PLACE tỉnh Nghệ An|tỉnh Nghệ An]] \\\\[ảnh\\\\]"
    True
    """
    if any(line.rstrip("\r") == RECORDS_MARKER for line in doc.raw.split("\n")):
        raise ValueError(f"{doc.doc_id}: a line of the text is {RECORDS_MARKER!r}, which the markup reads as the records block")
    order = sorted(range(len(doc.mentions)), key=lambda i: (doc.mentions[i].start, -doc.mentions[i].end, i))
    opening = [doc.mentions[i] for i in order]
    out: list[str] = []
    open_spans: list[GoldMention] = []
    next_open = 0
    def markup(piece: str) -> None:
        if out and out[-1] == "\\":  # the parser would read the backslash as escaping the markup
            raise ValueError(f"{doc.doc_id}: a backslash at {pos - 1} stands right before markup")
        out.append(piece)

    for pos in range(len(doc.raw) + 1):
        while open_spans and open_spans[-1].end == pos:
            markup(_closing(open_spans.pop()))
        if any(m.end <= pos for m in open_spans):
            crossing = next(m for m in open_spans if m.end <= pos)
            raise ValueError(f"{doc.doc_id}: {crossing.type} {crossing.start}-{crossing.end} crosses "
                             f"{open_spans[-1].type} {open_spans[-1].start}-{open_spans[-1].end}")
        while next_open < len(opening) and opening[next_open].start == pos:
            mention = opening[next_open]
            if mention.end <= mention.start:
                raise ValueError(f"{doc.doc_id}: empty {mention.type} span at {mention.start}")
            markup(f"[{mention.type} ")
            open_spans.append(mention)
            next_open += 1
        if pos < len(doc.raw):
            char = doc.raw[pos]
            out.append("\\" + char if char in ESCAPABLE else char)
    body = "".join(out)
    if not doc.records:
        return body
    lines = [f"{r.kind} " + "; ".join(f"{key}={value}" for key, value in r.fields.items()) for r in doc.records]
    return body + ("" if body.endswith("\n") else "\n") + RECORDS_MARKER + "\n" + "\n".join(lines) + "\n"


def _closing(mention: GoldMention) -> str:
    fields = ([mention.normalized] if mention.normalized is not None else []) + [f"{k}={v}" for k, v in mention.attrs.items()]
    if mention.normalized is not None and "=" in mention.normalized:
        raise ValueError(f"{mention.type} {mention.start}-{mention.end}: a normalized value with '=' cannot be written")
    return "".join("|" + "".join("\\" + c if c in ESCAPABLE else c for c in value) for value in fields) + "]"


def _split_records(text: str) -> tuple[str, str | None, int]:
    """Split at the first line that is exactly ``#records``: (body, records text, its first line number)."""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.rstrip("\r") == RECORDS_MARKER:
            return text[:offset], text[offset + len(line) + 1:], number + 1
        offset += len(line) + 1
    return text, None, 0


class _MarkupParser:
    """Recursive descent over ``text := (char | escape | span)*``, ``span := '[' TYPE ' ' text ('|' field)* ']'``."""

    def __init__(self, source: str, doc_id: str) -> None:
        self.source = source
        self.doc_id = doc_id
        self.pos = 0
        self.out: list[str] = []
        self.spans: list[tuple[int, GoldMention]] = []  # (opening position, mention)

    def parse(self) -> tuple[str, list[GoldMention]]:
        """Return the raw text and the mentions in the order their markup opens (outer span first)."""
        self._text(opened_at=None)
        raw = "".join(self.out)
        mentions = [mention for _, mention in sorted(self.spans, key=lambda span: span[0])]
        for mention in mentions:
            assert raw[mention.start:mention.end] == mention.surface, mention
        return raw, mentions

    def _error(self, pos: int, problem: str) -> GoldFormatError:
        line = self.source.count("\n", 0, pos) + 1
        column = pos - (self.source.rfind("\n", 0, pos) + 1) + 1
        return GoldFormatError(self.doc_id, line, column, problem)

    def _span_type(self) -> str | None:
        """The type when a span opens at ``pos``; raise on an unknown all-capital type."""
        match = _OPEN.match(self.source, self.pos)
        if match is None:
            return None
        word = match.group(1)
        if word in ENTITY_TYPES:
            return word
        if word.isalpha() and word.isupper():
            raise self._error(self.pos, f"unknown type {word!r} (known: {', '.join(ENTITY_TYPES)}); write \\[ for a literal bracket")
        return None

    def _text(self, opened_at: int | None) -> None:
        """Copy text to the output until the end (top level) or the ``|``/``]`` that ends a surface."""
        src = self.source
        while self.pos < len(src):
            char = src[self.pos]
            if char == "\\" and src[self.pos + 1:self.pos + 2] in ESCAPABLE:
                self.out.append(src[self.pos + 1])
                self.pos += 2
            elif char == "[" and (span_type := self._span_type()) is not None:
                self._span(span_type)
            elif char in "]|":
                if opened_at is None:
                    raise self._error(self.pos, f"unbalanced {char!r} outside markup; write \\{char} for a literal one")
                return
            elif char == "\n" and opened_at is not None:
                raise self._error(opened_at, "markup not closed before the end of the line")
            else:
                self.out.append(char)
                self.pos += 1
        if opened_at is not None:
            raise self._error(opened_at, "markup not closed before the end of the document")

    def _span(self, span_type: str) -> None:
        opened_at = self.pos
        self.pos += len(span_type) + 2
        start = len(self.out)
        self._text(opened_at)
        surface = "".join(self.out[start:])
        if not surface or surface[0].isspace() or surface[-1].isspace():
            raise self._error(opened_at, f"{span_type} surface {surface!r} is empty or has surrounding whitespace")
        fields: list[tuple[int, str]] = []
        while self.source[self.pos] == "|":
            self.pos += 1
            fields.append((self.pos, self._field(opened_at)))
        self.pos += 1  # the closing ']'
        normalized, attrs = self._fields(fields)
        self.spans.append((opened_at, GoldMention(span_type, start, len(self.out), surface, normalized, attrs)))

    def _field(self, opened_at: int) -> str:
        """Read one ``|``-field up to the next unescaped ``|`` or ``]``."""
        src = self.source
        chars: list[str] = []
        while self.pos < len(src) and src[self.pos] not in "|]\n":
            char = src[self.pos]
            if char == "\\" and src[self.pos + 1:self.pos + 2] in ESCAPABLE:
                chars.append(src[self.pos + 1])
                self.pos += 2
                continue
            if char == "[" and self._span_type() is not None:
                raise self._error(self.pos, "markup inside a normalized value or attribute")
            chars.append(char)
            self.pos += 1
        if self.pos == len(src) or src[self.pos] == "\n":
            raise self._error(opened_at, "markup not closed before the end of the line")
        return "".join(chars)

    def _fields(self, fields: list[tuple[int, str]]) -> tuple[str | None, dict[str, str]]:
        normalized = None
        attrs: dict[str, str] = {}
        for index, (pos, value) in enumerate(fields):
            if index == 0 and "=" not in value:
                if not value.strip():
                    raise self._error(pos, "empty normalized value")
                normalized = value
                continue
            key, sep, attr_value = value.partition("=")
            if not sep or not _KEY.fullmatch(key) or not attr_value:
                raise self._error(pos, f"expected key=value, got {value!r}")
            if key in attrs:
                raise self._error(pos, f"attribute {key!r} given twice")
            attrs[key] = attr_value
        return normalized, attrs


def _parse_records(text: str, first_line: int, doc_id: str) -> list[GoldRecord]:
    """Parse ``KIND key=value; key=value`` lines; blank lines are skipped; PERSON needs a name."""
    records = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        kind, _, rest = line.strip().partition(" ")
        if not (kind.isalpha() and kind.isupper()):
            raise GoldFormatError(doc_id, number, 1, f"record kind must be a capitalised word, got {kind!r}")
        fields: dict[str, str] = {}
        column = line.index(kind) + len(kind) + 2
        for part in rest.split(";"):
            where = column + len(part) - len(part.lstrip())
            key, sep, value = part.strip().partition("=")
            key, value = key.strip(), value.strip()
            if part.strip() and (not sep or not _KEY.fullmatch(key) or not value):
                raise GoldFormatError(doc_id, number, where, f"expected key=value, got {part.strip()!r}")
            if key in fields:
                raise GoldFormatError(doc_id, number, where, f"field {key!r} given twice")
            if key:
                fields[key] = value
            column += len(part) + 1
        if kind == "PERSON" and "name" not in fields:
            raise GoldFormatError(doc_id, number, 1, "PERSON record without name")
        records.append(GoldRecord(kind, fields))
    return records

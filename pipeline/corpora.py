"""Research corpora as gold: CoNLL columns and JSON lines of BIO tags, type mappings, format detection.

Researchers measure Vietnamese NER on VLSP 2016/2018 (CoNLL-style columns)
and PhoNER_COVID19 (JSON lines of syllables and tags). Such a corpus is read
into the same :class:`~pipeline.gold.GoldDocument` as our bracket markup: the
document text is rebuilt from the tokens (one space between tokens, one line
per sentence), so every offset is exact, and each B-/I- run becomes a mention
of the type the corpus label maps to.

- CoNLL: one token per line, whitespace-separated columns (word, optional POS
  and chunk columns, BIO tag last or at the columns a mapping names), a blank
  line between sentences. ``-DOCSTART-`` or a comment ``# newdoc id = ID``
  (also ``# doc_id = ID``) starts a document; a file without them is one
  document. Other lines starting with ``#`` are comments.
- BIO JSON lines: one sentence per line, ``{"words": [...], "tags": [...]}``;
  consecutive lines with the same ``doc_id`` form one document, a line
  without one is a document of its own.
- Tags are IOB2: a mention starts with ``B-LABEL``; ``I-LABEL`` continues one
  of the same label. Anything else is an error naming the file and line.

A type mapping (YAML under ``configs/eval/``) names the corpus's labels and
the type each one is scored as (``null``: reported, not scored); it also says
which columns hold tags and whether the corpus nests mentions. The scope of the
evaluation follows from it: only the mapped types are scored.

    >>> docs = read_conll("Đại_tá O\\nNguyễn B-PER\\nVăn I-PER\\nAn I-PER\\n. O\\n", "a.conll",
    ...                   TypeMapping("t", {"PER": "PERSON"}))
    >>> docs[0].raw, [(m.type, m.surface) for m in docs[0].mentions]
    ('Đại_tá Nguyễn Văn An .\\n', [('PERSON', 'Nguyễn Văn An')])

``python -m pipeline.corpora`` converts gold between the layouts and makes a
pre-tokenized copy of a markup gold set (see :func:`main`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .config import PROJECT_DIR, Config, ConfigError
from .evaluate import Scope
from .gold import GOLD_FORMATS, GoldDocument, GoldFormatError, GoldMention, format_gold, parse_gold, read_gold_dir
from .ingest import HEADER
from .model import ENTITY_TYPES

MAPPINGS_DIR = PROJECT_DIR / "configs" / "eval"
TOKEN_FORMATS = ("conll", "bio-jsonl")
SUFFIXES: dict[str, tuple[str, ...]] = {
    "markup": (".txt",),
    "conll": (".conll", ".bio", ".iob", ".iob2", ".tsv", ".txt"),
    "bio-jsonl": (".jsonl", ".json"),
}
TAG = re.compile(r"O|([BI])-(\S+)")
TAG_LIKE = re.compile(r"O|[A-Z]-\S+")  # what sniffing takes for a tag column, BIOES included
DOCSTART = "-DOCSTART-"
DOC_COMMENT = re.compile(r"#\s*(?:newdoc\s+id|doc_id)\s*[=:]?\s*(\S.*?)\s*$")
SNIFF_LINES = 20


@dataclass(frozen=True)
class TypeMapping:
    """A corpus's labels and the vnextract type each is scored as (None: ignored).

    ``tag_columns`` are 1-based columns of a CoNLL file holding BIO tags, one
    layer each (empty: the last column); ``nested`` says whether the corpus
    annotates mentions inside mentions.
    """

    name: str
    labels: dict[str, str | None]
    tag_columns: tuple[int, ...] = ()
    nested: bool = False

    @property
    def types(self) -> tuple[str, ...]:
        """The scored types, in the guideline's order."""
        targets = {t for t in self.labels.values() if t is not None}
        return tuple(t for t in ENTITY_TYPES if t in targets)

    @property
    def scope(self) -> Scope:
        return Scope(self.types, self.nested)

    def describe(self) -> str:
        mapped = ", ".join(f"{label}→{target}" for label, target in self.labels.items() if target)
        ignored = ", ".join(label for label, target in self.labels.items() if target is None)
        return f"{self.name}: {mapped}" + (f"; ignored {ignored}" if ignored else "")


def shipped_mappings() -> list[Path]:
    return sorted(MAPPINGS_DIR.glob("*.yaml"))


def load_type_mapping(name_or_path: str | Path) -> TypeMapping:
    """Read a mapping file, or a shipped one by name (``vlsp2016`` → ``configs/eval/vlsp2016.yaml``).

    Raises ConfigError naming the file and every problem.
    """
    path = Path(name_or_path)
    if not path.is_file():
        shipped = MAPPINGS_DIR / f"{name_or_path}.yaml"
        if not shipped.is_file():
            names = ", ".join(p.stem for p in shipped_mappings())
            raise ConfigError(str(name_or_path), [f"no such file, and not a shipped mapping (shipped: {names})"])
        path = shipped
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(str(path), [f"not valid YAML: {exc}"]) from None
    return parse_type_mapping(data, str(path))


def parse_type_mapping(data: Any, source: str) -> TypeMapping:
    """Validate a mapping read from YAML: ``labels`` (label → type or null), optional ``corpus``,
    ``tag_columns`` (list of column numbers, the word being column 1) and ``nested`` (bool)."""
    allowed = ("corpus", "labels", "tag_columns", "nested")
    if not isinstance(data, dict):
        raise ConfigError(source, [f"expected a mapping with keys {', '.join(allowed)}"])
    problems = [f"{key}: unknown key; allowed keys: {', '.join(allowed)}" for key in data if key not in allowed]
    labels = data.get("labels")
    if not isinstance(labels, dict) or not labels:
        problems.append("labels: expected a mapping of corpus labels to types (or null), e.g. PER: PERSON")
        labels = {}
    for label, target in labels.items():
        if not isinstance(label, str) or not label or any(c.isspace() for c in label):
            problems.append(f"labels: {label!r} is not a label (one word; quote one that YAML reads as a boolean "
                            f"or a number, 'NO')")
        if target is not None and target not in ENTITY_TYPES:
            problems.append(f"labels.{label}: {target!r} is not a type; allowed: {', '.join(ENTITY_TYPES)} or null")
    columns = data.get("tag_columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, int) and not isinstance(c, bool) and c >= 2
                                                for c in columns):
        problems.append(f"tag_columns: expected a list of column numbers from 2 (column 1 is the word), got {columns!r}")
        columns = []
    nested = data.get("nested", False)
    if not isinstance(nested, bool):
        problems.append(f"nested: expected true or false, got {nested!r}")
    name = data.get("corpus", Path(source).stem)
    if not isinstance(name, str):
        problems.append(f"corpus: expected a name, got {name!r}")
    if problems:
        raise ConfigError(source, problems)
    return TypeMapping(name, {str(k): v for k, v in labels.items()}, tuple(columns), bool(nested))


@dataclass
class GoldSet:
    """Gold documents as read, the layout they came in and the scope they are scored in."""

    documents: list[GoldDocument]
    format: str
    scope: Scope
    mapping: TypeMapping | None = None

    def describe(self) -> str:
        what = f"format {self.format}"
        return what + (f", types {self.mapping.describe()}" if self.mapping is not None else "")


def load_gold(path: Path, gold_format: str = "auto", mapping: TypeMapping | None = None) -> GoldSet:
    """Read a gold file or directory in ``gold_format`` (``auto``: detected from the files).

    Markup is scored on every type with nesting unless a mapping restricts it;
    a corpus of one BIO layer cannot nest, so its predictions are scored on
    the outermost mentions only.
    """
    fmt = detect_format(path) if gold_format == "auto" else gold_format
    if fmt not in GOLD_FORMATS:
        raise ValueError(f"unknown gold format {fmt!r}; known: {', '.join(GOLD_FORMATS)}")
    if fmt == "markup":
        documents = read_gold_dir(path) if path.is_dir() else [_read_markup_file(path)]
        scope = mapping.scope if mapping is not None else Scope()
        return GoldSet(documents, fmt, scope, mapping)
    reader = read_conll if fmt == "conll" else read_bio_jsonl
    documents = []
    for file, name in _files(path, SUFFIXES[fmt]):
        documents += reader(_decode(file, name), name, mapping)
    _check_unique(documents)
    if mapping is not None:
        return GoldSet(documents, fmt, mapping.scope, mapping)
    # without a mapping the gold nests only when several tag columns were read and their mentions nest
    nested = any(depth for doc in documents for depth in _layers(doc.mentions))
    return GoldSet(documents, fmt, Scope(None, nested=nested), mapping)


def detect_format(path: Path) -> str:
    """The gold layout of a file or of every file below a directory; raises GoldFormatError when it cannot tell."""
    suffixes = {s for group in SUFFIXES.values() for s in group}
    found: dict[str, str] = {}
    for file, name in _files(path, tuple(suffixes)):
        found.setdefault(_file_format(file, name), name)
    if len(found) == 1:
        return next(iter(found))
    if not found:
        raise GoldFormatError(str(path), 1, 1, f"no gold files ({', '.join(sorted(suffixes))})")
    kinds = "; ".join(f"{fmt} ({name})" for fmt, name in sorted(found.items()))
    raise GoldFormatError(str(path), 1, 1, f"files in several layouts: {kinds}; choose one with --gold-format")


def _file_format(file: Path, name: str) -> str:
    suffix = file.suffix.lower()
    if suffix in SUFFIXES["bio-jsonl"]:
        return "bio-jsonl"
    if suffix != ".txt":
        return "conll"
    token_lines = []
    for line in _decode(file, name).split("\n"):
        fields = line.split()
        if not fields or fields[0] == DOCSTART or DOC_COMMENT.match(line):
            continue
        token_lines.append(fields)
        if len(token_lines) == SNIFF_LINES:
            break
    looks_conll = token_lines and all(len(f) >= 2 and TAG_LIKE.fullmatch(f[-1]) for f in token_lines
                                      if not f[0].startswith("#"))
    return "conll" if looks_conll else "markup"


def _files(path: Path, suffixes: tuple[str, ...]) -> list[tuple[Path, str]]:
    """(file, name) of a file given, or of every file below a directory with one of ``suffixes`` (sorted)."""
    if not path.is_dir():
        return [(path, path.name)]
    return [(f, f.relative_to(path).as_posix()) for f in sorted(path.rglob("*"))
            if f.is_file() and f.suffix.lower() in suffixes]


def _decode(file: Path, name: str) -> str:
    try:
        return file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(name, 1, 1, f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except OSError as exc:
        raise GoldFormatError(name, 1, 1, f"cannot read: {exc.strerror or exc}") from None


def _read_markup_file(file: Path) -> GoldDocument:
    return parse_gold(_decode(file, file.name), file.name)


def _check_unique(documents: list[GoldDocument]) -> None:
    seen: set[str] = set()
    for doc in documents:
        if doc.doc_id in seen:
            raise GoldFormatError(doc.doc_id, 1, 1, f"document id {doc.doc_id!r} given twice")
        seen.add(doc.doc_id)


@dataclass
class _Token:
    word: str
    tags: list[str]
    line: int
    columns: list[int]  # character column (from 1) of each tag, for errors


@dataclass
class _Builder:
    """Sentences of tokens → documents with text rebuilt and BIO runs as mentions."""

    source: str
    mapping: TypeMapping | None
    documents: list[tuple[str | None, list[list[_Token]]]] = field(default_factory=list)
    sentence: list[_Token] = field(default_factory=list)

    def start_document(self, doc_id: str | None = None) -> None:
        """Start a document, or name the one just started (``-DOCSTART-`` then ``# newdoc id = ...``)."""
        self.end_sentence()
        if self.documents and not self.documents[-1][1]:
            self.documents[-1] = (doc_id or self.documents[-1][0], [])
        else:
            self.documents.append((doc_id, []))

    def add(self, token: _Token) -> None:
        if not self.documents:
            self.documents.append((None, []))
        self.sentence.append(token)

    def end_sentence(self) -> None:
        if self.sentence:
            if not self.documents:
                self.documents.append((None, []))
            self.documents[-1][1].append(self.sentence)
            self.sentence = []

    def build(self) -> list[GoldDocument]:
        self.end_sentence()
        filled = [(doc_id, sentences) for doc_id, sentences in self.documents if sentences]
        built = []
        for number, (doc_id, sentences) in enumerate(filled, start=1):
            name = doc_id or (self.source if len(filled) == 1 else f"{self.source}#{number}")
            built.append(self._document(name, sentences))
        return built

    def _document(self, doc_id: str, sentences: list[list[_Token]]) -> GoldDocument:
        lines: list[str] = []
        mentions: list[GoldMention] = []
        unscored: Counter[str] = Counter()
        offset = 0
        for sentence in sentences:
            starts = list(itertools.accumulate((len(t.word) + 1 for t in sentence[:-1]), initial=offset))
            text = " ".join(t.word for t in sentence)
            layers = len(sentence[0].tags)
            for layer in range(layers):
                for label, first, last in self._runs(sentence, layer):
                    target = self._target(label, sentence[first], layer)
                    if target is None:
                        unscored[label] += 1
                        continue
                    start, end = starts[first], starts[last - 1] + len(sentence[last - 1].word)
                    mentions.append(GoldMention(target, start, end, text[start - offset:end - offset]))
            lines.append(text)
            offset += len(text) + 1
        mentions.sort(key=lambda m: (m.start, -m.end))
        return GoldDocument(doc_id, "\n".join(lines) + "\n", mentions, [], dict(unscored))

    def _runs(self, sentence: list[_Token], layer: int) -> Iterator[tuple[str, int, int]]:
        """(label, first token, end token) of each B-/I- run of one tag layer; IOB2 is enforced."""
        current: tuple[str, int] | None = None
        for index, token in enumerate(sentence):
            tag = token.tags[layer]
            match = TAG.fullmatch(tag)
            if match is None:
                raise self._error(token, layer, f"{tag!r} is not a BIO tag (O, B-LABEL or I-LABEL)")
            prefix, label = match.groups()
            if prefix == "I":
                if current is None or current[0] != label:
                    before = "the start of the sentence" if index == 0 else sentence[index - 1].tags[layer]
                    raise self._error(token, layer, f"{tag} after {before}: a mention starts with B-{label} (IOB2)")
                continue
            if current is not None:
                yield current[0], current[1], index
            current = (label, index) if prefix == "B" else None
        if current is not None:
            yield current[0], current[1], len(sentence)

    def _target(self, label: str, token: _Token, layer: int) -> str | None:
        if self.mapping is None:
            if label in ENTITY_TYPES:
                return label
            covering = [p.stem for p in shipped_mappings() if label in _labels_of(p)]
            hint = f"; configs/eval/ has it in {', '.join(covering)}" if covering else ""
            raise self._error(token, layer, f"unknown label {label!r}: not a vnextract type ({', '.join(ENTITY_TYPES)}); "
                                            f"give --types with a mapping of the corpus's labels{hint}")
        if label not in self.mapping.labels:
            raise self._error(token, layer, f"unknown label {label!r}: the mapping {self.mapping.name} has "
                                            f"{', '.join(self.mapping.labels)}")
        return self.mapping.labels[label]

    def _error(self, token: _Token, layer: int, problem: str) -> GoldFormatError:
        return GoldFormatError(self.source, token.line, token.columns[layer], problem)


def _labels_of(path: Path) -> set[str]:
    try:
        return set(load_type_mapping(path).labels)
    except ConfigError:
        return set()


def read_conll(text: str, source: str, mapping: TypeMapping | None = None) -> list[GoldDocument]:
    """Documents of a CoNLL file's content; ``source`` names it in doc ids and errors.

    Tags are read from the mapping's ``tag_columns``; without them, from the
    last column, and without a mapping from every trailing column that holds
    only tags of our own types (what :func:`to_conll` writes, one per nesting level).
    """
    lines: list[tuple[int, str, list[str]]] = []  # token lines and boundaries (no fields), in order
    width: tuple[int, int] | None = None  # (columns, line) of the file's first token line
    for number, line in enumerate(text.split("\n"), start=1):
        fields = line.split()
        if fields and line.startswith("#") and not DOC_COMMENT.match(line) and (
                width is None or len(fields) != width[0] or not TAG_LIKE.fullmatch(fields[-1])):
            continue  # a comment, not a token line that happens to start with '#'
        if fields and fields[0] != DOCSTART and not DOC_COMMENT.match(line):
            if width is None:
                if len(fields) < 2:
                    raise GoldFormatError(source, number, 1, "a token line needs the word and a tag column")
                width = (len(fields), number)
            elif len(fields) != width[0]:
                raise GoldFormatError(source, number, 1, f"{len(fields)} columns where line {width[1]} has {width[0]}")
        lines.append((number, line, fields))
    columns = _tag_columns([fields for _, line, fields in lines if fields and fields[0] != DOCSTART
                            and not DOC_COMMENT.match(line)], mapping)
    if width is not None and max(columns) >= width[0]:
        raise GoldFormatError(source, width[1], 1, f"{width[0]} columns; the mapping {mapping.name if mapping else ''} "
                                                    f"reads tags from column {max(columns) + 1}")
    builder = _Builder(source, mapping)
    for number, line, fields in lines:
        comment = DOC_COMMENT.match(line)
        if not fields:
            builder.end_sentence()
        elif fields[0] == DOCSTART or comment:
            builder.start_document(comment.group(1) if comment else None)
        else:
            starts = [m.start() + 1 for m in re.finditer(r"\S+", line)]
            builder.add(_Token(fields[0], [fields[c] for c in columns], number, [starts[c] for c in columns]))
    return builder.build()


def _tag_columns(token_lines: list[list[str]], mapping: TypeMapping | None) -> list[int]:
    """0-based columns holding tag layers (see :func:`read_conll`)."""
    if mapping is not None and mapping.tag_columns:
        return [c - 1 for c in mapping.tag_columns]
    if not token_lines:
        return [1]
    last = len(token_lines[0]) - 1
    if mapping is not None:
        return [last]
    own = re.compile(rf"O|[BI]-(?:{'|'.join(ENTITY_TYPES)})")
    first = last
    while first > 1 and all(own.fullmatch(fields[first - 1]) for fields in token_lines):
        first -= 1
    return list(range(first, last + 1))


def read_bio_jsonl(text: str, source: str, mapping: TypeMapping | None = None) -> list[GoldDocument]:
    """Documents of a JSON-lines file of ``{"words": [...], "tags": [...]}`` sentences (optional ``doc_id``)."""
    builder = _Builder(source, mapping)
    current: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(source, number, exc.colno, f"invalid JSON: {exc.msg}") from None
        if not isinstance(record, dict):
            raise GoldFormatError(source, number, 1, "expected a JSON object with words and tags")
        words, tags = record.get("words"), record.get("tags")
        for key, value in (("words", words), ("tags", tags)):
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise GoldFormatError(source, number, 1, f"{key!r} must be a non-empty list of non-empty strings")
        if len(words) != len(tags):
            raise GoldFormatError(source, number, 1, f"{len(words)} words but {len(tags)} tags")
        spaced = next((i for i, w in enumerate(words) if any(c.isspace() for c in w)), None)
        if spaced is not None:
            raise GoldFormatError(source, number, 1, f"words[{spaced}] {words[spaced]!r} contains whitespace")
        doc_id = record.get("doc_id")
        if doc_id is not None and not isinstance(doc_id, str):
            raise GoldFormatError(source, number, 1, "'doc_id' must be a string")
        if doc_id is None or doc_id != current:
            builder.start_document(doc_id or f"{source}:{number}")
            current = doc_id
        else:
            builder.end_sentence()
        for index, (word, tag) in enumerate(zip(words, tags)):
            builder.add(_Token(word, [tag], number, [index + 1]))
    return builder.build()


def _token_spans(text: str) -> list[list[tuple[int, int]]]:
    """Character spans of the whitespace-separated tokens of each non-empty line."""
    sentences = []
    for line in re.finditer(r"[^\n]+", text):
        tokens = [(line.start() + m.start(), line.start() + m.end()) for m in re.finditer(r"\S+", line.group())]
        if tokens:
            sentences.append(tokens)
    return sentences


def _layers(mentions: Sequence[GoldMention]) -> list[int]:
    """The tag layer of each mention: how many mentions hold it (of two with the same span, the first holds)."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end, i))
    depth = [0] * len(mentions)
    holding: list[int] = []
    for i in order:
        while holding and mentions[holding[-1]].end <= mentions[i].start:
            holding.pop()
        depth[i] = len(holding)
        holding.append(i)
    return depth


def token_tags(doc: GoldDocument, labels: dict[str, str] | None = None, layers: int | None = None
               ) -> list[list[tuple[str, list[str]]]]:
    """Each sentence (line) of ``doc`` as (token, tags per layer), mentions written as BIO runs.

    ``labels`` renames our types (PERSON → PER); ``layers`` is how many tag
    layers to write (default: as deep as the nesting). A mention must start and
    end at token boundaries, and a deeper one than ``layers`` allows is an error.
    """
    labels = labels or {}
    depth = _layers(doc.mentions)
    n_layers = layers if layers is not None else max(depth, default=-1) + 1
    sentences = _token_spans(doc.raw)
    starts = {span[0]: (s, t) for s, tokens in enumerate(sentences) for t, span in enumerate(tokens)}
    ends = {span[1]: (s, t) for s, tokens in enumerate(sentences) for t, span in enumerate(tokens)}
    tags = [[["O"] * len(tokens) for tokens in sentences] for _ in range(max(n_layers, 1))]
    for mention, layer in zip(doc.mentions, depth):
        where = f"{doc.doc_id}: {mention.type} {mention.start}-{mention.end} {mention.surface!r}"
        if layer >= n_layers:
            raise ValueError(f"{where} is nested {layer} deep; {n_layers} tag layer(s) are written")
        if mention.start not in starts or mention.end not in ends or starts[mention.start][0] != ends[mention.end][0]:
            raise ValueError(f"{where} does not start and end at token boundaries of one line")
        sentence, first = starts[mention.start]
        last = ends[mention.end][1]
        label = labels.get(mention.type, mention.type)
        row = tags[layer][sentence]
        row[first] = f"B-{label}"
        for t in range(first + 1, last + 1):
            row[t] = f"I-{label}"
    return [[(doc.raw[a:b], [tags[layer][s][t] for layer in range(max(n_layers, 1))])
             for t, (a, b) in enumerate(tokens)] for s, tokens in enumerate(sentences)]


def outermost(doc: GoldDocument) -> GoldDocument:
    """``doc`` with the mentions one tag layer holds: none inside another (of two with one span, the first)."""
    return replace(doc, mentions=[m for m, depth in zip(doc.mentions, _layers(doc.mentions)) if depth == 0])


def to_conll(documents: Iterable[GoldDocument], labels: dict[str, str] | None = None, layers: int | None = None) -> str:
    """Documents as CoNLL columns (word, then one tag column per layer), each after ``# newdoc id = ID``."""
    out = []
    for doc in documents:
        sentences = token_tags(doc, labels, layers)
        out.append(f"# newdoc id = {doc.doc_id}\n")
        for sentence in sentences:
            out.append("".join("\t".join([word, *tags]) + "\n" for word, tags in sentence) + "\n")
    return "".join(out)


def to_bio_jsonl(documents: Iterable[GoldDocument], labels: dict[str, str] | None = None) -> str:
    """Documents as JSON lines of ``{"doc_id", "words", "tags"}``, one sentence a line, one tag layer."""
    out = []
    for doc in documents:
        for sentence in token_tags(doc, labels, layers=1):
            record = {"doc_id": doc.doc_id, "words": [w for w, _ in sentence], "tags": [t[0] for _, t in sentence]}
            out.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(out)


# Pre-tokenizing our gold (the way the corpora are written): a mark a writer attaches to a word is split off
# by a space (before a closing one, after an opening one; , ; : ! ? . only when a space or the line's end
# follows, so that 1,5 and 10:30 and 1.000 stay whole), and the dash between two numbers is spaced.
SPLIT_BEFORE = re.compile(r"(?<=\S)(?=[,;:!?.…]+(?:\s|$))|(?<=\S)(?=[)\]}”’»\"])")
SPLIT_AFTER = re.compile(r"(?<=[(\[{“‘«\"])(?=\S)|(?<=[)\]}”’»])(?=[^\s,;:!?.…)\]}”’»\"])")
DATE_DASH = re.compile(r"(?<=\d)(?=[-–]\d)|(?<=\d[-–])(?=\d)")
DATE_SLASH = re.compile(r"(?<=\d)(?=/\d)|(?<=\d/)(?=\d)")


def pretokenize_text(text: str, start: int = 0, slashes: bool = False) -> list[int]:
    """Positions of ``text[start:]`` before which a space goes to write it as a tokenized corpus does
    (with ``slashes``, ``21/7`` is also spaced, as ``21 / 7``)."""
    patterns = (SPLIT_BEFORE, SPLIT_AFTER, DATE_DASH) + ((DATE_SLASH,) if slashes else ())
    points = {m.start() for pattern in patterns for m in pattern.finditer(text, start)}
    return sorted(p for p in points if 0 < p < len(text) and not text[p - 1].isspace() and not text[p].isspace())


def insert_spaces(doc: GoldDocument, points: Sequence[int]) -> GoldDocument:
    """``doc`` with a space inserted before each of ``points``; every mention keeps its characters.

    A space inserted at a mention's start or end stays outside it.
    """
    if not points:
        return doc
    pieces, last = [], 0
    for point in points:
        pieces += [doc.raw[last:point], " "]
        last = point
    raw = "".join(pieces) + doc.raw[last:]

    def shifted(offset: int, at_end: bool) -> int:
        return offset + (bisect_left(points, offset) if at_end else bisect_right(points, offset))

    mentions = []
    for m in doc.mentions:
        start, end = shifted(m.start, False), shifted(m.end, True)
        mentions.append(replace(m, start=start, end=end, surface=raw[start:end]))
    return replace(doc, raw=raw, mentions=mentions)


def join_words(doc: GoldDocument, segment: Callable[[str], list[str]], start: int = 0) -> GoldDocument:
    """``doc`` from ``start`` with the spaces inside each word (as ``segment`` splits a line) written as
    underscores; a word never crosses a mention's edge (a word-segmented corpus annotates whole words)."""
    from .segment import align

    edges = {m.start for m in doc.mentions} | {m.end for m in doc.mentions}
    chars = list(doc.raw)
    for line in re.finditer(r"[^\n]+", doc.raw[start:]):
        first, last = start + line.start(), start + line.end()
        for word_start, word_end in align(doc.raw, segment(line.group()), first, last):
            for i in range(word_start, word_end):
                if chars[i] == " " and i not in edges and i + 1 not in edges:
                    chars[i] = "_"
    raw = "".join(chars)
    return replace(doc, raw=raw, mentions=[replace(m, surface=raw[m.start:m.end]) for m in doc.mentions])


def pretokenize(doc: GoldDocument, segment: Callable[[str], list[str]] | None = None,
                slashes: bool = False) -> GoldDocument:
    """``doc`` written as a tokenized corpus: punctuation split off, the dashes of dates spaced (with
    ``slashes`` their slashes too), and with ``segment`` the syllables of a word joined by underscores;
    the header's ``date YYYY-MM-DD`` is kept."""
    header = HEADER.match(doc.raw.split("\n", 1)[0])
    start = header.start(2) if header and header.group(2) is not None else (header.end() if header else 0)
    spaced = insert_spaces(doc, pretokenize_text(doc.raw, start, slashes))
    return join_words(spaced, segment, start) if segment is not None else spaced


def main(argv: list[str] | None = None) -> None:
    """``pretokenize SRC DST [--words] [--slashes]``: a pre-tokenized markup copy of a markup gold directory;
    ``convert SRC DST --to conll|bio-jsonl|markup``: gold in another layout (``--labels`` renames types;
    markup is tokenized as ``pretokenize`` does before it is written as tokens)."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.corpora", description=main.__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    pre = commands.add_parser("pretokenize", help="a pre-tokenized copy of a markup gold directory")
    pre.add_argument("source", type=Path)
    pre.add_argument("target", type=Path)
    pre.add_argument("--words", action="store_true", help="also join the syllables of each word with underscores "
                                                          "(underthesea word_tokenize), as VLSP 2016 is written")
    pre.add_argument("--slashes", action="store_true", help="also space the slashes of dates (21 / 7)")
    convert = commands.add_parser("convert", help="gold in another layout")
    convert.add_argument("source", type=Path)
    convert.add_argument("target", type=Path, help="a file (conll, bio-jsonl) or a directory (markup)")
    convert.add_argument("--to", required=True, choices=GOLD_FORMATS)
    convert.add_argument("--gold-format", default="auto", choices=("auto", *GOLD_FORMATS))
    convert.add_argument("--types", default=None, help="type mapping of the source's labels (configs/eval/)")
    convert.add_argument("--labels", default=None, help="types renamed in the output, e.g. PERSON=PER,PLACE=LOC")
    convert.add_argument("--layers", type=int, default=None, help="tag columns written to CoNLL (default: the "
                                                                  "nesting depth; 1 keeps the outermost mentions)")
    args = parser.parse_args(argv)
    try:
        if args.command == "pretokenize":
            segment = None
            if args.words:
                from underthesea import word_tokenize
                segment = word_tokenize
            documents = [pretokenize(doc, segment, args.slashes) for doc in read_gold_dir(args.source)]
            write_markup(documents, args.target)
            print(f"{len(documents)} documents written to {args.target}")
            return
        mapping = load_type_mapping(args.types) if args.types else None
        gold = load_gold(args.source, args.gold_format, mapping)
        labels = dict(pair.split("=", 1) for pair in args.labels.split(",")) if args.labels else None
        documents = gold.documents
        if gold.format == "markup" and args.to in TOKEN_FORMATS:
            documents = [pretokenize(doc) for doc in documents]  # tokens: punctuation split off as corpora do
        if args.to == "markup":
            write_markup(documents, args.target)
        else:
            if args.to == "bio-jsonl" or args.layers == 1:
                documents = [outermost(d) for d in documents]
            text = to_conll(documents, labels, args.layers) if args.to == "conll" else to_bio_jsonl(documents, labels)
            args.target.parent.mkdir(parents=True, exist_ok=True)
            args.target.write_text(text, encoding="utf-8")
        print(f"{len(documents)} documents written to {args.target} ({args.to})")
    except (GoldFormatError, ConfigError, ValueError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(2)


def write_markup(documents: Iterable[GoldDocument], target: Path) -> None:
    """One markup file per document under ``target``, named by its doc id (``.txt`` added when missing)."""
    for doc in documents:
        name = doc.doc_id if doc.doc_id.endswith(".txt") else re.sub(r"[^\w.-]+", "_", doc.doc_id) + ".txt"
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(format_gold(doc), encoding="utf-8")


def with_pretokenized(config: Config, gold_format: str) -> Config:
    """``config`` reading text as pre-tokenized when the gold was rebuilt from tokens and the config says ``auto``."""
    ingest = config.stage("ingest")
    if gold_format not in TOKEN_FORMATS or ingest["pretokenized"] != "auto":
        return config
    data = {**config.data, "ingest": {**ingest, "pretokenized": True}}
    return Config(data=data, source=config.source)


if __name__ == "__main__":
    main()

"""Ingest stage: read ``.txt``, ``.jsonl`` and ``.csv`` inputs into RawDocuments.

Every input yields documents, never an exception: a file that cannot be read
becomes a RawDocument with ``error`` set, so the run reports it and goes on.
What can be repaired is, with a warning on the document: text that is not
UTF-8 is decoded as cp1258 or UTF-16 when charset-normalizer is confident,
HTML markup is masked with spaces (offsets keep indexing the file), an
impossible header date is ignored, decomposed (NFD) text is noted.

    >>> parse_header("date 2025-09-23 Hội nghị tổng kết công tác thi đua\\nSáng 23/9 ...")
    ('2025-09-23', 'Hội nghị tổng kết công tác thi đua')
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import html
import io
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import charset_normalizer

from .model import RawDocument

CSV_FIELD_LIMIT = 2**31 - 1  # the largest a C long holds on every platform
HEADER = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+([^\n]*))?")
READERS = (".txt", ".jsonl", ".csv")
TITLE_MAX = 300


class InputError(ValueError):
    """A usage problem with the inputs as a whole (the run cannot start)."""


def parse_header(text: str) -> tuple[str | None, str | None]:
    """Return (document date, title) from a raw ``.txt`` document.

    The first line ``date YYYY-MM-DD Title`` gives both; otherwise there is no
    date and the first non-empty line is the title. An impossible date in the
    header raises ValueError (``header_title`` still gives the title).
    """
    match = HEADER.fullmatch(text.split("\n", 1)[0].rstrip("\r"))
    if match is None:
        return None, header_title(text)
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise ValueError(f"impossible date {match.group(1)} ({exc})") from None
    return match.group(1), header_title(text)


def header_title(text: str) -> str | None:
    """The title: after the date of a header line, else the first non-empty line; cut to ``TITLE_MAX`` characters
    (a document on one line has no real title)."""
    match = HEADER.fullmatch(text.split("\n", 1)[0].rstrip("\r"))
    if match is not None:
        return _title(match.group(2) or "")
    for line in text.splitlines():
        if line.strip():
            return _title(line)
    return None


def _title(line: str) -> str | None:
    line = line.strip()
    if len(line) > TITLE_MAX:
        return line[:TITLE_MAX - 1].rstrip() + "…"
    return line or None


BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# encodings taken from charset-normalizer's guess, with the language its guess must also find (None: any)
DETECTED_ENCODINGS: dict[str, str | None] = {
    "cp1258": "Vietnamese", "utf_16": None, "utf_16_le": None, "utf_16_be": None,
    "utf_32": None, "utf_32_le": None, "utf_32_be": None,
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _nonempty(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise ValueError("empty file")
    return decoded


def decode_bytes(data: bytes) -> Decoded:
    """Decode a document's bytes, recording the encoding, or raise ValueError with a reason.

    A byte order mark decides (and is dropped); then UTF-8; then
    charset-normalizer's best guess when it is cp1258 read as Vietnamese or
    UTF-16/32. Anything else is refused: NUL bytes as binary, the rest as not UTF-8.
    """
    if not data.strip():
        raise ValueError("empty file")
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {codec} byte order mark but is not {codec}: "
                                 f"{exc.reason} at byte {exc.start}") from None
            warnings = () if codec == "utf-8-sig" else (f"not UTF-8: decoded as {codec} (byte order mark)",)
            return _nonempty(Decoded(text, codec, warnings))
    problem = "binary file (contains NUL bytes), not text"
    if b"\x00" not in data:
        try:
            return _nonempty(Decoded(data.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError as exc:
            problem = f"not UTF-8 text: {exc.reason} at byte {exc.start}"
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise ValueError(f"{problem}; charset-normalizer finds no encoding")
    language = DETECTED_ENCODINGS.get(guess.encoding, "")
    if language == "" or (language is not None and guess.language != language):
        raise ValueError(f"{problem}; charset-normalizer's best guess, {guess.encoding} ({guess.language}), "
                         f"is not one decoded here (cp1258 Vietnamese, UTF-16, UTF-32)")
    warning = f"not UTF-8: decoded as {guess.encoding} (detected by charset-normalizer, language {guess.language})"
    return _nonempty(Decoded(str(guess), guess.encoding, (warning,)))


HTML_TAG = re.compile(
    r"<!--.*?-->|<!doctype[^>]*>|<(script|style)\b[^>]*>.*?</\1\s*>"
    r"|</?(?:p|br|div|span|b|i|u|em|strong|a|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|img|html|head|body"
    r"|title|meta|link|section|article|header|footer|figure|figcaption|blockquote|font|center|hr)\b[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
HTML_BLOCK = re.compile(r"</?(?:p|br|div|h[1-6]|li|tr|title|section|article|header|footer|figure|blockquote|hr)\b",
                        re.IGNORECASE)
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)


def mask_markup(text: str) -> tuple[str, int]:
    """``text`` with HTML tags, comments and scripts blanked and entities decoded, length unchanged.

    Each tag becomes spaces (a line break first for block tags, so sentences
    still end there); an entity becomes its character padded with spaces. Every
    other character keeps its offset, so mention offsets index the file as
    given (an entity inside a word, ``S&aacute;ng``, splits that word).
    Returns the text and the number of tags masked.
    """
    tags = 0

    def blank(match: re.Match[str]) -> str:
        nonlocal tags
        tags += 1
        span = match.group(0)
        lead = "\n" if HTML_BLOCK.match(span) else " "
        return lead + re.sub(r"[^\n]", " ", span[1:])

    def entity(match: re.Match[str]) -> str:
        value = html.unescape(match.group(0))
        value = " " if value == "\xa0" else value
        return value.ljust(len(match.group(0))) if len(value) <= len(match.group(0)) else match.group(0)

    masked = HTML_TAG.sub(blank, text)
    if not tags:
        return text, 0
    return HTML_ENTITY.sub(entity, masked), tags


def repair_text(text: str) -> tuple[str, list[str]]:
    """Mask HTML markup and note decomposed text; the warnings say what was found."""
    warnings = []
    text, tags = mask_markup(text)
    if tags:
        warnings.append(f"HTML markup masked with spaces ({tags} tags); offsets still index the input")
    if not unicodedata.is_normalized("NFC", text):
        warnings.append("text is not in Unicode NFC (decomposed accents); extraction reads it composed, "
                        "offsets index the text as given")
    return text, warnings


def content_hash(doc: RawDocument) -> str:
    """SHA-256 (16 hex digits) of the document as read: text, title, date, error and warnings."""
    payload = json.dumps([doc.text, doc.title, doc.date, doc.error, doc.warnings], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_txt(path: Path, doc_id: str) -> RawDocument:
    try:
        decoded = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as exc:
        return RawDocument(doc_id=doc_id, text="", source=str(path), error=_reason(exc))
    text, repairs = repair_text(decoded.text)
    warnings = [*decoded.warnings, *repairs]
    try:
        date, title = parse_header(text)
    except ValueError as exc:
        date, title = None, header_title(text)
        warnings.append(f"header date ignored: {exc}")
    return RawDocument(doc_id=doc_id, text=text, title=title, date=date, source=str(path),
                       warnings=warnings, encoding=decoded.encoding)


def _record_document(record: dict, where: str, source: str, decoded: Decoded) -> RawDocument:
    doc_id = str(record.get("id") or where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return RawDocument(doc_id=doc_id, text="", source=source, error=f"{where}: missing or empty 'text'",
                           encoding=decoded.encoding)
    text, repairs = repair_text(text)
    date = record.get("date") or None
    warnings = [*decoded.warnings, *repairs]
    if date is not None:
        try:
            date = dt.date.fromisoformat(str(date)).isoformat()
        except ValueError:
            warnings.append(f"{where}: date {date!r} is not YYYY-MM-DD; ignored")
            date = None
    title = record.get("title") or None
    return RawDocument(doc_id=doc_id, text=text, title=title, date=date, source=source, warnings=warnings,
                       encoding=decoded.encoding)


def read_jsonl(path: Path, doc_id: str) -> Iterator[RawDocument]:
    try:
        decoded = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as exc:
        yield RawDocument(doc_id=doc_id, text="", source=str(path), error=_reason(exc))
        return
    # only "\n" ends a record: str.splitlines would also split at U+2028 and other separators inside strings
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{doc_id}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawDocument(doc_id=where, text="", source=str(path), encoding=decoded.encoding,
                              error=f"invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield RawDocument(doc_id=where, text="", source=str(path), encoding=decoded.encoding,
                              error="expected a JSON object")
            continue
        yield _record_document(record, where, str(path), decoded)


def allow_long_csv_fields() -> None:
    """Let the csv module read a whole document in one field (its default limit is 128 KiB)."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))


def read_csv(path: Path, doc_id: str) -> Iterator[RawDocument]:
    try:
        decoded = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as exc:
        yield RawDocument(doc_id=doc_id, text="", source=str(path), error=_reason(exc))
        return
    allow_long_csv_fields()
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        raise InputError(f"{path}: CSV input needs a 'text' column; found columns: {', '.join(reader.fieldnames or [])}")
    for number, record in enumerate(reader, start=2):
        yield _record_document(record, f"{doc_id}:{number}", str(path), decoded)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    return str(exc)


def _read(path: Path, doc_id: str) -> Iterator[RawDocument]:
    suffix = path.suffix.lower()
    if path.exists() and not path.is_file():  # a FIFO or a device would block or never end
        yield RawDocument(doc_id=doc_id, text="", source=str(path), error="cannot read file: not a regular file")
    elif suffix == ".jsonl":
        yield from read_jsonl(path, doc_id)
    elif suffix == ".csv":
        yield from read_csv(path, doc_id)
    else:
        yield read_txt(path, doc_id)


def _walk(directory: Path, extensions: Sequence[str], seen: set[Path] | None = None
          ) -> Iterator[tuple[Path, OSError | None]]:
    """Files below ``directory`` in sorted path order, entering no directory twice (symlink loops).

    A directory that cannot be listed is yielded with its error, so that it is reported, not skipped.
    """
    seen = set() if seen is None else seen
    real = directory.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield directory, exc
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, extensions, seen)
        elif entry.suffix.lower() in extensions:
            yield entry, None


def _within(doc: RawDocument, max_chars: int | None) -> RawDocument:
    if max_chars is None or doc.error is not None or len(doc.text) <= max_chars:
        return doc
    return replace(doc, error=f"document has {len(doc.text):,} characters, more than ingest.max_chars "
                              f"({max_chars:,}); split it or raise the limit")


def walk_inputs(inputs: Sequence[str | Path], extensions: Sequence[str] = READERS
                ) -> Iterator[tuple[Path, OSError | None]]:
    """Every input file, in the order given, directories walked in sorted order; an unlistable directory with its error."""
    for given in map(Path, inputs):
        if given.is_dir():
            yield from _walk(given, extensions)
        else:
            yield given, None


def iter_inputs(inputs: Sequence[str | Path], extensions: Sequence[str] = READERS,
                max_chars: int | None = None) -> Iterator[RawDocument]:
    """Yield documents from files and directories, in the order given, directories walked in sorted order.

    ``doc_id`` is the path relative to the directory given (``sub/a.txt``), the
    file name for a file given directly, and the record's ``id`` for jsonl/csv
    rows. A document longer than ``max_chars`` characters comes with ``error`` set.
    """
    missing = [str(p) for p in inputs if not Path(p).exists()]
    if missing:
        raise InputError(f"input not found: {', '.join(missing)}")
    for given in map(Path, inputs):
        for path, listing_error in walk_inputs([given], extensions):
            relative = path.relative_to(given).as_posix() if given.is_dir() else given.name
            if listing_error is not None:
                yield RawDocument(doc_id=relative.rstrip("/") + "/", text="", source=str(path),
                                  error=f"cannot read directory: {listing_error.strerror or listing_error}")
                continue
            for doc in _read(path, relative):
                yield _within(doc, max_chars)

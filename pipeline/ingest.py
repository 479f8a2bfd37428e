"""Ingest stage: read ``.txt``, ``.jsonl`` and ``.csv`` inputs into RawDocuments.

Every input yields documents, never an exception: a file that cannot be read
becomes a RawDocument with ``error`` set, so the run reports it and goes on.

    >>> parse_header("date 2025-09-23 Hội nghị tổng kết công tác thi đua\\nSáng 23/9 ...")
    ('2025-09-23', 'Hội nghị tổng kết công tác thi đua')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from .model import RawDocument

HEADER = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+([^\n]*))?")
READERS = (".txt", ".jsonl", ".csv")


class InputError(ValueError):
    """A usage problem with the inputs as a whole (the run cannot start)."""


def parse_header(text: str) -> tuple[str | None, str | None]:
    """Return (document date, title) from a raw ``.txt`` document.

    The first line ``date YYYY-MM-DD Title`` gives both; otherwise there is no
    date and the first non-empty line is the title. An impossible date in the
    header raises ValueError.
    """
    first_line = text.split("\n", 1)[0].rstrip("\r")
    match = HEADER.fullmatch(first_line)
    if match:
        dt.date.fromisoformat(match.group(1))
        title = (match.group(2) or "").strip() or None
        return match.group(1), title
    for line in text.splitlines():
        if line.strip():
            return None, line.strip()
    return None, None


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped) or raise ValueError with a reason."""
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None


def read_txt(path: Path, doc_id: str) -> RawDocument:
    try:
        text = decode_text(path.read_bytes())
    except (OSError, ValueError) as exc:
        return RawDocument(doc_id=doc_id, text="", source=str(path), error=_reason(exc))
    try:
        date, title = parse_header(text)
    except ValueError as exc:
        _, title = None, text.split("\n", 1)[0].strip()
        return RawDocument(doc_id=doc_id, text=text, title=title, source=str(path),
                           warnings=[f"header date ignored: {exc}"])
    return RawDocument(doc_id=doc_id, text=text, title=title, date=date, source=str(path))


def _record_document(record: dict, where: str, source: str) -> RawDocument:
    doc_id = str(record.get("id") or where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return RawDocument(doc_id=doc_id, text="", source=source, error=f"{where}: missing or empty 'text'")
    date = record.get("date") or None
    warnings = []
    if date is not None:
        try:
            date = dt.date.fromisoformat(str(date)).isoformat()
        except ValueError:
            warnings.append(f"{where}: date {date!r} is not YYYY-MM-DD; ignored")
            date = None
    title = record.get("title") or None
    return RawDocument(doc_id=doc_id, text=text, title=title, date=date, source=source, warnings=warnings)


def read_jsonl(path: Path, doc_id: str) -> Iterator[RawDocument]:
    try:
        text = decode_text(path.read_bytes())
    except (OSError, ValueError) as exc:
        yield RawDocument(doc_id=doc_id, text="", source=str(path), error=_reason(exc))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{doc_id}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawDocument(doc_id=where, text="", source=str(path), error=f"{where}: invalid JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield RawDocument(doc_id=where, text="", source=str(path), error=f"{where}: expected a JSON object")
            continue
        yield _record_document(record, where, str(path))


def read_csv(path: Path, doc_id: str) -> Iterator[RawDocument]:
    try:
        text = decode_text(path.read_bytes())
    except (OSError, ValueError) as exc:
        yield RawDocument(doc_id=doc_id, text="", source=str(path), error=_reason(exc))
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        raise InputError(f"{path}: CSV input needs a 'text' column; found columns: {', '.join(reader.fieldnames or [])}")
    for number, record in enumerate(reader, start=2):
        yield _record_document(record, f"{doc_id}:{number}", str(path))


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    return str(exc)


def _read(path: Path, doc_id: str) -> Iterator[RawDocument]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, doc_id)
    elif suffix == ".csv":
        yield from read_csv(path, doc_id)
    else:
        yield read_txt(path, doc_id)


def _walk(directory: Path, extensions: Sequence[str], seen: set[Path] | None = None) -> Iterator[Path]:
    """Files below ``directory`` in sorted path order, entering no directory twice (symlink loops)."""
    seen = set() if seen is None else seen
    real = directory.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, extensions, seen)
        elif entry.suffix.lower() in extensions:
            yield entry


def iter_inputs(inputs: Sequence[str | Path], extensions: Sequence[str] = READERS) -> Iterator[RawDocument]:
    """Yield documents from files and directories, in the order given, directories walked in sorted order.

    ``doc_id`` is the path relative to the directory given (``sub/a.txt``), the
    file name for a file given directly, and the record's ``id`` for jsonl/csv rows.
    """
    missing = [str(p) for p in inputs if not Path(p).exists()]
    if missing:
        raise InputError(f"input not found: {', '.join(missing)}")
    for given in map(Path, inputs):
        if given.is_dir():
            for path in _walk(given, extensions):
                relative = path.relative_to(given).as_posix()
                yield from _read(path, relative)
        else:
            yield from _read(given, given.name)

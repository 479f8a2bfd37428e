"""Checkpoints and ``--resume``: results already computed for the same document and config are reused.

Every run appends each result to ``checkpoint.jsonl`` in its staging directory
(flushed and synced batch by batch, so it survives ``kill -9``); a finished run
moves it to ``DIR/.checkpoint.jsonl``. ``--resume`` reads both kinds, keeps
the results whose results key (config, lexicons, package version) is the
current one, and processes only documents whose (doc_id, content hash) has no
result yet. A reused result equals what processing would give, so a resumed
run writes the same tables as a full run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import orjson

from . import __version__
from .config import Config, LEXICONS
from .ingest import content_hash
from .model import AcronymRecord, DocumentResult, Mention, PersonRecord, RawDocument, Role

STAGING_PREFIX = ".vnextract-"
CHECKPOINT_NAME = "checkpoint.jsonl"
COMMITTED_CHECKPOINT = ".checkpoint.jsonl"
OWNER_NAME = "owner.pid"

ResultKey = tuple[str, str]  # (doc_id, content hash)
StoredResult = tuple[Path, int]  # checkpoint file, byte offset of the result's line


# results of documents, in their order (one Pipeline's process_many, or worker processes)
StreamProcessor = Callable[[Iterable[RawDocument]], Iterator[DocumentResult]]


def results_key(config: Config) -> str:
    """What the results depend on: every setting but ``write``, the lexicons' content, the package version."""
    settings = {name: value for name, value in config.data.items() if name not in ("write", "lexicons")}
    digest = hashlib.sha256(json.dumps([__version__, settings], sort_keys=True, ensure_ascii=False).encode())
    for name in LEXICONS:
        digest.update(config.lexicon_path(name).read_bytes())
    return digest.hexdigest()[:16]


def _result_record(result: DocumentResult) -> dict[str, Any]:
    # the document is left out: it is read again on resume, and its hash says whether it changed. Built
    # field by field rather than with dataclasses.asdict, whose deep copy took a third of the writing time
    record = {f.name: getattr(result, f.name) for f in fields(DocumentResult) if f.name != "doc"}
    for name in ("mentions", "people", "acronyms"):
        record[name] = [vars(item) for item in record[name]]
    return {"doc_id": result.doc.doc_id, "content_hash": content_hash(result.doc), "result": record}


def checkpoint_lines(results: Iterable[DocumentResult]) -> list[bytes]:
    """The checkpoint's line of each result."""
    return [orjson.dumps(_result_record(result)) + b"\n" for result in results]


def _result_from_record(record: dict[str, Any], doc: RawDocument) -> DocumentResult:
    data = dict(record)
    data["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
    data["people"] = [PersonRecord(**{**p, "roles": [Role(**r) for r in p.get("roles", [])]})
                      for p in data.get("people", [])]
    data["acronyms"] = [AcronymRecord(**a) for a in data.get("acronyms", [])]
    known = {f.name for f in fields(DocumentResult)}
    return DocumentResult(doc=doc, **{k: v for k, v in data.items() if k in known})


class Checkpoint:
    """Appends results to a JSON-lines file whose first line names the results key."""

    def __init__(self, path: Path, key: str):
        self.path = path
        self.count = 0
        self.handle = open(path, "wb")
        self.handle.write(orjson.dumps({"results_key": key}) + b"\n")

    def add(self, results: Iterable[DocumentResult]) -> None:
        lines = checkpoint_lines(results)
        self.add_lines(lines, len(lines))

    def add_lines(self, lines: Iterable[bytes], count: int) -> None:
        """Append ``count`` results already encoded by :func:`checkpoint_lines`, then sync the file."""
        for line in lines:
            self.handle.write(line)
        self.count += count
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.close()


def read_checkpoint(path: Path, key: str) -> dict[ResultKey, StoredResult]:
    """Where each stored result is, by (doc_id, content hash); nothing when the file is missing or has another key.

    Only the places are kept (results are read again when reused), so a large
    corpus costs little memory. A line cut short by a killed run is skipped:
    that document is processed again.
    """
    try:
        handle = open(path, "rb")
    except OSError:
        return {}
    stored: dict[ResultKey, StoredResult] = {}
    with handle:
        header = handle.readline()
        try:
            if json.loads(header).get("results_key") != key:
                return {}
        except (ValueError, AttributeError):
            return {}
        offset = len(header)
        for line in handle:
            try:
                record = json.loads(line)
                stored[(record["doc_id"], record["content_hash"])] = (path, offset)
            except (ValueError, KeyError, TypeError):
                pass
            offset += len(line)
    return stored


def load_result(stored: StoredResult, doc: RawDocument) -> DocumentResult:
    """The stored result at ``stored``, for ``doc`` as read now."""
    path, offset = stored
    with open(path, "rb") as handle:
        handle.seek(offset)
        record = json.loads(handle.readline())
    return _result_from_record(record["result"], doc)


def staging_dirs(out_dir: Path) -> list[Path]:
    """Staging directories of earlier runs into ``out_dir`` (interrupted, or running now)."""
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.iterdir() if p.is_dir() and p.name.startswith(STAGING_PREFIX))


def previous_results(out_dir: Path, key: str) -> dict[ResultKey, StoredResult]:
    """Every reusable result in ``out_dir``: the last finished run's, then those of interrupted runs."""
    stored = read_checkpoint(out_dir / COMMITTED_CHECKPOINT, key)
    for staging in staging_dirs(out_dir):
        stored.update(read_checkpoint(staging / CHECKPOINT_NAME, key))
    return stored


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned_staging(out_dir: Path) -> None:
    """Remove staging directories whose run is over (its process is gone); a finished run supersedes them."""
    for staging in staging_dirs(out_dir):
        try:
            pid = int((staging / OWNER_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pid = None
        if pid is None or (pid != os.getpid() and not _running(pid)):
            shutil.rmtree(staging, ignore_errors=True)


class Resumer:
    """Yields stored results where the document is unchanged, processes the others; counts what it reused."""

    def __init__(self, stored: dict[ResultKey, StoredResult]):
        self.stored = stored
        self.reused = 0

    def process_many(self, process: StreamProcessor, documents: Iterable[RawDocument]) -> Iterator[DocumentResult]:
        """Results in input order: stored ones loaded, the others from ``process`` (which may read ahead)."""
        pending: deque[tuple[RawDocument, StoredResult | None]] = deque()

        def fresh() -> Iterator[RawDocument]:
            for raw in documents:
                stored = self.stored.get((raw.doc_id, content_hash(raw)))
                pending.append((raw, stored))
                if stored is None:
                    yield raw

        def reused_at_head() -> Iterator[DocumentResult]:
            while pending and pending[0][1] is not None:
                raw, stored = pending.popleft()
                self.reused += 1
                yield load_result(stored, raw)

        for result in process(fresh()):
            # the processor returns fresh documents in order: stored ones queued before this one go first
            yield from reused_at_head()
            pending.popleft()
            yield result
        yield from reused_at_head()

"""``DIR/manifest.json``: what a run read, with which code and config, what it wrote, and what went wrong."""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .ingest import walk_inputs
from .model import DocumentResult
from .schema import SCHEMA_VERSION

PACKAGES = ("underthesea", "spacy", "pyarrow", "duckdb", "charset-normalizer")


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    return versions


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_files(inputs: Sequence[str | Path], extensions: Sequence[str]) -> list[dict[str, Any]]:
    """Every input file the run reads, with its size and SHA-256, or why it could not be read."""
    entries = []
    for path, listing_error in walk_inputs(inputs, extensions):
        entry: dict[str, Any] = {"path": str(path)}
        try:
            if listing_error is not None:
                raise listing_error
            status = path.stat()
            if not stat.S_ISREG(status.st_mode):  # a FIFO would block the hashing
                raise OSError("not a regular file")
            entry["size"] = status.st_size
            entry["sha256"] = file_sha256(path)
        except OSError as exc:
            entry["error"] = exc.strerror or str(exc)
        entries.append(entry)
    return entries


@dataclass
class RunRecord:
    """Tallies the results of a run (or of one Dask partition) for the manifest and the summary."""

    documents: int = 0
    ok: int = 0
    resumed: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)  # mentions by type

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.mentions.update(m.type for m in result.mentions)
        if result.status == "error":
            self.errors.append({"doc_id": result.doc.doc_id, "error": result.error or ""})
        else:
            self.ok += 1
        if result.doc.warnings:
            self.warnings.append({"doc_id": result.doc.doc_id, "warnings": list(result.doc.warnings)})

    def merge(self, other: RunRecord) -> None:
        """Add the tallies of ``other``, a later part of the same run."""
        self.documents += other.documents
        self.ok += other.ok
        self.resumed += other.resumed
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.mentions.update(other.mentions)


def build_manifest(*, config: Config, results_key: str, inputs: Sequence[str | Path], record: RunRecord,
                   row_counts: dict[str, int], started_at: str) -> dict[str, Any]:
    """The manifest of a run about to commit (``TableWriter.commit`` adds the files it moves into place)."""
    extensions = config.stage("ingest")["extensions"]
    return {
        "schema_version": SCHEMA_VERSION,
        "vnextract_version": __version__,
        "versions": package_versions(),
        "config": {"source": config.source, "hash": config.fingerprint(), "results_key": results_key},
        "inputs": input_files(inputs, extensions),
        "documents": {"total": record.documents, "ok": record.ok, "error": len(record.errors),
                      "resumed": record.resumed},
        "tables": {name: {"rows": rows} for name, rows in row_counts.items()},
        "started_at": started_at,
        "ended_at": now(),
        "errors": record.errors,
        "warnings": record.warnings,
    }

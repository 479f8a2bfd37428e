"""The bad-input corpus (tests/badinput/) run through the command: exit 0, one documents row per input,
each with the right status and message, and nothing else lost.

Cases that cannot live in git are made in a copy of the corpus: a 5 MB document
on one line, unreadable files, symlink loops, a named pipe.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.ingest import iter_inputs

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "badinput" / "corpus"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# doc_id -> (status, encoding, fragment of the error (status error) or of the warnings (status ok; "" = none))
EXPECTED: dict[str, tuple[str, str | None, str]] = {
    "ok_baseline.txt": ("ok", "utf-8", ""),
    "empty.txt": ("error", None, "empty file"),
    "binary.txt": ("error", None, "binary file"),
    "cp1258.txt": ("ok", "cp1258", "decoded as cp1258 (detected by charset-normalizer, language Vietnamese)"),
    "utf16.txt": ("ok", "utf-16", "decoded as utf-16 (byte order mark)"),
    "bom.txt": ("ok", "utf-8-sig", ""),
    "nfd.txt": ("ok", "utf-8", "not in Unicode NFC"),
    "crlf.txt": ("ok", "utf-8", ""),
    "markup.txt": ("ok", "utf-8", "HTML markup masked with spaces"),
    "impossible_date.txt": ("ok", "utf-8", "header date ignored: impossible date 2025-02-31"),
    "unknown_encoding.txt": ("error", None, "not UTF-8 text"),
    "feed-1": ("ok", "utf-8", ""),
    "feed.jsonl:2": ("error", "utf-8", "invalid JSON at column 48: Unterminated string"),
    "feed-3": ("ok", "utf-8", ""),
    "huge_one_line.txt": ("error", "utf-8", "more than ingest.max_chars (2,000,000)"),
    "dangling.txt": ("error", None, "cannot read file: No such file or directory"),
    "self_loop.txt": ("error", None, "cannot read file: Too many levels of symbolic links"),
    "named_pipe.txt": ("error", None, "cannot read file: not a regular file"),
}
if not AS_ROOT:
    EXPECTED["locked.txt"] = ("error", None, "cannot read file: Permission denied")


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    sentence = ("Sáng 12/3, Đồn Biên phòng Cửa khẩu Lao Bảo phối hợp với Công an huyện Hướng Hóa tuần tra khu vực "
                "biên giới, Thiếu tá Nguyễn Văn Hòa chỉ huy lực lượng. ")
    (corpus / "huge_one_line.txt").write_text(sentence * (5 * 2**20 // len(sentence.encode()) + 1), encoding="utf-8")
    (corpus / "dangling.txt").symlink_to(root / "removed.txt")
    (corpus / "self_loop.txt").symlink_to(corpus / "self_loop.txt")
    (corpus / "again").symlink_to(corpus, target_is_directory=True)  # a directory loop: walked once
    os.mkfifo(corpus / "named_pipe.txt")  # reading it would block for ever
    if not AS_ROOT:
        locked = corpus / "locked.txt"
        locked.write_text("Đồn Biên phòng Pù Nhi tuần tra.", encoding="utf-8")
        locked.chmod(0)
    return corpus


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("bad")
    corpus = make_corpus(root)
    out = root / "out"
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
                           "--format", "csv,parquet,jsonl"], capture_output=True, text=True, cwd=REPO, timeout=300)
    yield corpus, out, done
    if not AS_ROOT:
        (corpus / "locked.txt").chmod(0o644)


def test_huge_document_is_five_megabytes_on_one_line(bad_run) -> None:
    corpus, _, _ = bad_run
    data = (corpus / "huge_one_line.txt").read_bytes()
    assert len(data) >= 5 * 2**20 and b"\n" not in data


def test_runs_to_completion(bad_run) -> None:
    _, out, done = bad_run
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    errors = sum(1 for status, _, _ in EXPECTED.values() if status == "error")
    assert f"documents  {len(EXPECTED)}  ({len(EXPECTED) - errors} ok, {errors} error)" in done.stdout
    warned = sum(1 for status, _, fragment in EXPECTED.values() if status == "ok" and fragment)
    assert f"warnings   {warned} documents repaired or partly ignored" in done.stdout


def test_one_row_per_input_with_status_and_message(bad_run) -> None:
    _, out, _ = bad_run
    rows = read_csv(out / "documents.csv")
    assert sorted(r["doc_id"] for r in rows) == sorted(EXPECTED)  # no input lost, none twice (the loop)
    for row in rows:
        status, encoding, fragment = EXPECTED[row["doc_id"]]
        assert row["status"] == status, row
        assert row["encoding"] == (encoding or ""), row
        if status == "error":
            assert fragment in row["error"], row
            assert row["warnings"] == "", row
        else:
            assert row["error"] == "", row
            assert (fragment in row["warnings"]) if fragment else row["warnings"] == "", row


def test_repaired_documents_keep_dates_titles_and_mentions(bad_run) -> None:
    corpus, out, _ = bad_run
    docs = {r["doc_id"]: r for r in read_csv(out / "documents.csv")}
    assert (docs["crlf.txt"]["date"], docs["crlf.txt"]["title"]) == ("2025-08-19", "Tiếp nhận công dân bị trao trả")
    assert (docs["bom.txt"]["date"], docs["bom.txt"]["title"]) == ("2025-06-10", "Ra quân huấn luyện năm 2025")
    assert (docs["impossible_date.txt"]["date"], docs["impossible_date.txt"]["title"]) == (
        "", "Tổng kết công tác phòng, chống tội phạm ma túy")
    assert docs["huge_one_line.txt"]["n_chars"] == str(len((corpus / "huge_one_line.txt").read_text(encoding="utf-8")))
    mentions = read_csv(out / "mentions.csv")
    found = {(m["doc_id"], m["type"], m["normalized"]) for m in mentions}
    for expected in [
        ("cp1258.txt", "PERSON", "Nguyễn Hồng Phong"),
        ("cp1258.txt", "ORG", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Tĩnh"),
        ("nfd.txt", "PERSON", "Lương Văn Tình"),
        ("utf16.txt", "ORG", "Bộ Tư lệnh Vùng Cảnh sát biển 1"),
        ("markup.txt", "ORG", "Đồn Biên phòng Thông Thụ"),
        ("markup.txt", "PERSON", "Lò Văn Tuấn"),
        ("crlf.txt", "PERSON", "Hồ Văn Nam"),
    ]:
        assert expected in found, expected
    # offsets index the decoded (and, for markup, masked) text, which keeps every offset of the file
    texts = {d.doc_id: d.text for d in iter_inputs([corpus]) if d.error is None}
    for m in mentions:
        assert texts[m["doc_id"]][int(m["start"]):int(m["end"])] == m["text"], m
    markup = (corpus / "markup.txt").read_text(encoding="utf-8")
    assert len(texts["markup.txt"]) == len(markup)
    for m in (m for m in mentions if m["doc_id"] == "markup.txt"):
        assert markup[int(m["start"]):int(m["end"])] == m["text"], m


def test_manifest_lists_the_errors(bad_run) -> None:
    _, out, _ = bad_run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    errors = {e["doc_id"] for e in manifest["errors"]}
    assert errors == {doc_id for doc_id, (status, _, _) in EXPECTED.items() if status == "error"}
    assert manifest["documents"]["total"] == len(EXPECTED)
    inputs = {Path(e["path"]).name: e for e in manifest["inputs"]}
    assert "error" in inputs["dangling.txt"] and inputs["huge_one_line.txt"]["size"] >= 5 * 2**20
    assert inputs["named_pipe.txt"]["error"] == "not a regular file"


def test_csv_without_text_column_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(REPO / "tests" / "badinput" / "usage"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ") and "needs a 'text' column; found columns: id, noi_dung" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())

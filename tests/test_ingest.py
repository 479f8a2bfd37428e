"""Ingest: headers, the three input formats, unreadable files as error rows, directory walks."""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import threading
import unicodedata
from pathlib import Path

import pytest

from pipeline.ingest import (TITLE_MAX, InputError, content_hash, decode_bytes, iter_inputs, mask_markup, parse_header,
                             read_csv, repair_text)
from pipeline.model import RawDocument


def read(*paths: Path, **kwargs) -> list[RawDocument]:
    return list(iter_inputs(paths, **kwargs))


@pytest.mark.parametrize(("text", "expected"), [
    ("date 2025-09-23 Hội nghị tổng kết công tác biên phòng\nSáng 23/9, ...", ("2025-09-23", "Hội nghị tổng kết công tác biên phòng")),
    ("  date 2025-09-23 Hội nghị tổng kết\nSáng 23/9", ("2025-09-23", "Hội nghị tổng kết")),
    ("\tdate 2025-01-05\tTuần tra chung biên giới\n", ("2025-01-05", "Tuần tra chung biên giới")),
    ("date 2025-09-23 Đồn Biên phòng ra quân   \r\nNội dung", ("2025-09-23", "Đồn Biên phòng ra quân")),
    ("date 2025-09-23\nNội dung", ("2025-09-23", None)),
    ("Hội nghị sơ kết 6 tháng\nSáng 5/7, Bộ Tư lệnh ...", (None, "Hội nghị sơ kết 6 tháng")),
    ("\n\n   Tuần tra song phương  \nNội dung", (None, "Tuần tra song phương")),
    ("dated 2025-09-23 Không phải tiêu đề", (None, "dated 2025-09-23 Không phải tiêu đề")),
    ("date 25-9-2025 Ngày sai khuôn", (None, "date 25-9-2025 Ngày sai khuôn")),
    ("", (None, None)),
    ("   \n  ", (None, None)),
])
def test_parse_header(text: str, expected: tuple) -> None:
    assert parse_header(text) == expected


@pytest.mark.parametrize("text", ["date 2025-02-30 Ngày không có thật\nNội dung", "date 2025-13-01 Tháng mười ba\n"])
def test_impossible_header_date_raises(text: str) -> None:
    with pytest.raises(ValueError):
        parse_header(text)


def test_impossible_header_date_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2025-02-30 Hội nghị giao ban\nSáng 3/3, Bộ Tư lệnh BĐBP tổ chức giao ban.", encoding="utf-8")
    [doc] = read(path)
    assert doc.error is None and doc.date is None
    assert doc.title == "Hội nghị giao ban"  # the line is still a header; only its date is ignored
    assert doc.warnings and "header date ignored" in doc.warnings[0]
    assert doc.text.startswith("date 2025-02-30")


def test_txt_with_header(tmp_path: Path) -> None:
    text = "date 2025-09-23 Hội nghị tổng kết\nSáng 23/9, BĐBP tỉnh Nghệ An tổ chức hội nghị.\n"
    path = tmp_path / "tin.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read(path)
    assert (doc.doc_id, doc.date, doc.title, doc.error, doc.source) == ("tin.txt", "2025-09-23", "Hội nghị tổng kết", None, str(path))
    assert doc.text == text  # the header stays in the text: offsets include it


def test_txt_keeps_crlf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("date 2025-09-23 Tiêu đề\r\nDòng hai\r\n".encode())
    [doc] = read(path)
    assert doc.text == "date 2025-09-23 Tiêu đề\r\nDòng hai\r\n"
    assert doc.title == "Tiêu đề"


def test_bom_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "date 2025-09-23 Tiêu đề\nNội dung".encode())
    [doc] = read(path)
    assert not doc.text.startswith("\ufeff")
    assert doc.date == "2025-09-23"


@pytest.mark.parametrize(("data", "fragment"), [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b"\x00\x01\x02\x03\xff\xfe\xfd" * 40, "binary"),
    ("Hội nghị".encode("utf-16")[:-1], "not utf-16"),
    ("Thanh Hoá".encode("cp1258"), "not UTF-8"),
    (b"Ho\xe0 B\xecnh", "not UTF-8"),
])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_unreadable_file_is_an_error_document(tmp_path: Path, data: bytes, fragment: str, suffix: str) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(data)
    [doc] = read(path)
    assert doc.doc_id == f"bad{suffix}"
    assert doc.error is not None and fragment in doc.error
    assert doc.text == ""


def test_jsonl_malformed_line_does_not_stop_the_others(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "tin-1", "date": "2025-09-23", "title": "Tuần tra", "text": "Đồn Biên phòng Pù Nhi tuần tra."}, ensure_ascii=False),
        "{\"id\": \"tin-2\", \"text\": ",
        "",
        "[1, 2, 3]",
        json.dumps({"text": "Bộ Chỉ huy BĐBP tỉnh Lạng Sơn giao ban.", "date": "2025-02-30"}, ensure_ascii=False),
        json.dumps({"id": "tin-6", "text": "   "}),
        json.dumps({"id": "tin-7", "text": "Câu có\nxuống dòng."}, ensure_ascii=False),
    ]
    path = tmp_path / "tin.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = read(path)
    assert [d.doc_id for d in docs] == ["tin-1", "tin.jsonl:2", "tin.jsonl:4", "tin.jsonl:5", "tin-6", "tin-7"]
    good = docs[0]
    assert (good.date, good.title, good.error, good.text) == ("2025-09-23", "Tuần tra", None, "Đồn Biên phòng Pù Nhi tuần tra.")
    assert "invalid JSON" in docs[1].error
    assert "expected a JSON object" in docs[2].error
    assert docs[3].error is None and docs[3].date is None and "not YYYY-MM-DD" in docs[3].warnings[0]
    assert "missing or empty 'text'" in docs[4].error
    assert docs[5].text == "Câu có\nxuống dòng."


def test_csv_with_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "tin.csv"
    path.write_text(
        'id,date,title,text\n'
        'c1,2025-10-01,Giao ban,"Sáng 1/10, Bộ Tư lệnh BĐBP giao ban.\nĐại tá Lê Văn An phát biểu, ""nhấn mạnh"" nhiệm vụ."\n'
        ',,,"Dòng không có id"\n'
        'c3,,,\n',
        encoding="utf-8",
    )
    docs = read(path)
    assert [d.doc_id for d in docs] == ["c1", "tin.csv:3", "c3"]
    assert docs[0].text == 'Sáng 1/10, Bộ Tư lệnh BĐBP giao ban.\nĐại tá Lê Văn An phát biểu, "nhấn mạnh" nhiệm vụ.'
    assert (docs[0].date, docs[0].title) == ("2025-10-01", "Giao ban")
    assert docs[1].error is None and docs[1].date is None and docs[1].title is None
    assert "missing or empty 'text'" in docs[2].error


def test_csv_keeps_crlf_inside_quotes(tmp_path: Path) -> None:
    path = tmp_path / "tin.csv"
    path.write_bytes('id,text\r\nc1,"Dòng một\r\nDòng hai"\r\n'.encode())
    [doc] = read(path)
    assert doc.text == "Dòng một\r\nDòng hai"


@pytest.mark.parametrize("header", ["id,noi_dung\n", "id;text\n", "Text\n"])
def test_csv_without_text_column_raises(tmp_path: Path, header: str) -> None:
    path = tmp_path / "bang.csv"
    path.write_text(header + "1,Nội dung\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs a 'text' column"):
        read(path)


def test_missing_input_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="input not found"):
        read(tmp_path / "khong_co.txt")


def test_directory_walk_sorted_with_relative_ids(tmp_path: Path) -> None:
    for name in ["z.txt", "b.txt", "sub/a.txt", "a.txt", "sub/deeper/c.jsonl", "notes.md", "sub/anh.png"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps({"text": "Nội dung"}, ensure_ascii=False) if name.endswith(".jsonl") else f"Tin {name}"
        path.write_text(content, encoding="utf-8")
    docs = read(tmp_path)
    assert [d.doc_id for d in docs] == ["a.txt", "b.txt", "sub/a.txt", "sub/deeper/c.jsonl:1", "z.txt"]
    assert docs[2].text == "Tin sub/a.txt"
    # the configured extensions filter what a directory walk reads
    assert [d.doc_id for d in read(tmp_path, extensions=[".jsonl"])] == ["sub/deeper/c.jsonl:1"]


def test_file_given_directly_uses_its_name(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "tin.txt"
    path.parent.mkdir()
    path.write_text("Nội dung", encoding="utf-8")
    other = tmp_path / "khac.md"
    other.write_text("Nội dung khác", encoding="utf-8")
    assert [d.doc_id for d in read(path, other)] == ["tin.txt", "khac.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("Nội dung", encoding="utf-8")
    os.symlink(root, root / "sub" / "loop")
    os.symlink(root / "sub", root / "again")
    result: list[list[str]] = []
    worker = threading.Thread(target=lambda: result.append([d.doc_id for d in read(root)]), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "directory walk did not finish"
    assert result[0].count("sub/a.txt") + result[0].count("again/a.txt") == 1


NEWS = ("Chiều 2/4, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Tĩnh tổ chức hội nghị giao ban công tác tháng 3. "
        "Đại tá Nguyễn Hồng Phong, Chỉ huy trưởng chủ trì hội nghị.")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def as_cp1258(text: str) -> bytes:
    """Vietnamese as Windows writes it in cp1258: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + "".join(c for c in decomposed if c in TONES))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(("data", "encoding", "warning"), [
    (NEWS.encode(), "utf-8", None),
    (codecs.BOM_UTF8 + NEWS.encode(), "utf-8-sig", None),
    (NEWS.encode("utf-16"), "utf-16", "decoded as utf-16 (byte order mark)"),
    (NEWS.encode("utf-32"), "utf-32", "decoded as utf-32 (byte order mark)"),
    (NEWS.encode("utf-16-le"), "utf_16_le", "detected by charset-normalizer"),
    (NEWS.encode("utf-16-be"), "utf_16_be", "detected by charset-normalizer"),
    (as_cp1258(NEWS), "cp1258", "language Vietnamese"),
])
def test_decode_bytes_records_the_encoding(data: bytes, encoding: str, warning: str | None) -> None:
    decoded = decode_bytes(data)
    assert unicodedata.normalize("NFC", decoded.text) == NEWS
    assert decoded.encoding == encoding
    assert (warning in decoded.warnings[0]) if warning else decoded.warnings == ()


@pytest.mark.parametrize(("data", "fragment"), [
    (codecs.BOM_UTF8, "empty file"),
    (codecs.BOM_UTF16_LE + "  ".encode("utf-16-le"), "empty file"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "utf-8-sig byte order mark but is not utf-8-sig"),
    ("Le général a visité la région.".encode("latin-1"), "is not one decoded here"),
    (bytes(range(1, 256)) * 8, "not UTF-8 text"),
])
def test_decode_bytes_refuses(data: bytes, fragment: str) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        decode_bytes(data)


@pytest.mark.parametrize(("text", "expected", "tags"), [
    ("<p>Đồn Biên phòng Pù Nhi</p>", "\n  Đồn Biên phòng Pù Nhi\n   ", 2),
    ("Lễ <b>ra quân</b>&nbsp;năm 2025", "Lễ    ra quân" + " " * 10 + "năm 2025", 2),
    ("<div>A &amp; B</div>", "\n    A &     B\n     ", 2),
    ("<script>var x = '<p>';</script>Nội dung", " " * 31 + "Nội dung", 1),
    ("Nhiệt độ 3 < 5 và 7 > 2, không có thẻ", "Nhiệt độ 3 < 5 và 7 > 2, không có thẻ", 0),
    ("Giữ &amp; nguyên khi không có thẻ", "Giữ &amp; nguyên khi không có thẻ", 0),
])
def test_mask_markup_keeps_every_offset(text: str, expected: str, tags: int) -> None:
    masked, count = mask_markup(text)
    assert (masked, count) == (expected, tags)
    assert len(masked) == len(text)


def test_repair_text_notes_decomposed_text() -> None:
    text, warnings = repair_text(unicodedata.normalize("NFD", "Thượng tá Vũ Đức Thắng"))
    assert text == unicodedata.normalize("NFD", "Thượng tá Vũ Đức Thắng")  # offsets index the text as given
    assert len(warnings) == 1 and "not in Unicode NFC" in warnings[0]
    assert repair_text("Thượng tá Vũ Đức Thắng") == ("Thượng tá Vũ Đức Thắng", [])


def test_long_title_is_cut() -> None:
    _, title = parse_header("Tuần tra " * 200)
    assert len(title) == TITLE_MAX and title.endswith("…")


def test_document_over_max_chars_is_an_error_row(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Đồn Biên phòng " * 100, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Đồn Biên phòng", encoding="utf-8")
    big, small = read(tmp_path, max_chars=1000)
    assert big.error == "document has 1,500 characters, more than ingest.max_chars (1,000); split it or raise the limit"
    assert small.error is None


def test_jsonl_line_separator_inside_a_string(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Dòng một\u2028dòng hai"}, ensure_ascii=False) + "\n", encoding="utf-8")
    [doc] = read(path)
    assert doc.error is None and doc.text == "Dòng một\u2028dòng hai"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every directory")
def test_unlistable_directory_is_an_error_row(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nội dung", encoding="utf-8")
    (tmp_path / "khoa").mkdir()
    (tmp_path / "khoa" / "b.txt").write_text("Nội dung", encoding="utf-8")
    (tmp_path / "khoa").chmod(0)
    try:
        docs = read(tmp_path)
    finally:
        (tmp_path / "khoa").chmod(0o755)
    assert [d.doc_id for d in docs] == ["a.txt", "khoa/"]
    assert docs[1].error == "cannot read directory: Permission denied"


def test_content_hash_follows_what_was_read() -> None:
    doc = RawDocument("a.txt", "Nội dung", title="T", date="2025-01-01")
    assert content_hash(doc) == content_hash(RawDocument("other id", "Nội dung", title="T", date="2025-01-01"))
    for changed in (RawDocument("a.txt", "Nội dung.", title="T", date="2025-01-01"),
                    RawDocument("a.txt", "Nội dung", title="T", date="2025-01-02"),
                    RawDocument("a.txt", "Nội dung", title="T", date="2025-01-01", warnings=["w"])):
        assert content_hash(changed) != content_hash(doc)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_is_an_error_row_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "tin.txt").write_text("Nội dung", encoding="utf-8")
    docs = read(tmp_path)
    assert [(d.doc_id, d.error) for d in docs] == [("pipe.txt", "cannot read file: not a regular file"), ("tin.txt", None)]


def test_csv_input_with_a_document_longer_than_the_csv_module_default(tmp_path):
    long_text = "Bộ đội Biên phòng tuần tra. " * 6000  # about 170 KB, above csv's 128 KiB field limit
    path = tmp_path / "long.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["a", long_text]])
    previous = csv.field_size_limit(131072)  # the csv module's default, as in a fresh process
    try:
        docs = list(read_csv(path, "long.csv"))
    finally:
        csv.field_size_limit(max(previous, csv.field_size_limit()))
    assert [d.text for d in docs] == [long_text] and docs[0].error is None

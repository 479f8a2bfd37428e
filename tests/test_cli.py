"""End to end: the vnextract command as a user runs it (``python -m pipeline``), into tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main as cli_main

REPO = Path(__file__).resolve().parents[1]
TABLES = ("documents", "mentions", "people", "acronyms")

DOC_A = (
    "date 2025-09-23 Bộ Tư lệnh BĐBP tổng kết công tác thi đua, khen thưởng\n"
    "Sáng 23/9, Bộ Tư lệnh BĐBP tổ chức hội nghị tổng kết công tác thi đua, khen thưởng (TĐKT) năm 2025.\n"
    "Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP chủ trì hội nghị. Dự hội nghị có Đại tá Trần Văn Hải - "
    "Chỉ huy trưởng BĐBP tỉnh Thanh Hoá.\n"
    "Hoàng Lan\n"
)
DOC_B = (
    "  date 2025-10-02 Tuần tra chung trên tuyến biên giới\r\n"
    "Ngày 1/10, Đồn Biên phòng Pù Nhi phối hợp tuần tra. Thiếu tá Lò Văn Hùng, Đồn trưởng Đồn Biên phòng Pù Nhi "
    "chỉ huy lực lượng.\r\n"
)
JSONL_ROWS = [
    {"id": "bt-1", "date": "2025-11-05", "title": "Giao ban", "text": "Chiều 4/11, Ban chỉ huy BĐBP Nghệ An tổ chức giao ban."},
    {"id": "bt-2", "text": "Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh dự lễ ra quân."},
]
CSV_TEXT = "Sáng 1/10, Cụm thi đua số 3 ký kết giao ước thi đua.\nĐại tá Hà Văn Tú phát biểu."


def vnextract(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=120)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A small input directory and the raw text of each document, by doc_id."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "in" / "sub").mkdir(parents=True)
    (root / "in" / "a.txt").write_text(DOC_A, encoding="utf-8")
    (root / "in" / "sub" / "b.txt").write_bytes(DOC_B.encode())
    (root / "in" / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL_ROWS) + "\n",
                                            encoding="utf-8")
    with open(root / "in" / "brief.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "title", "text"])
        writer.writerow(["c-1", "2025-10-01", "Ký kết giao ước", CSV_TEXT])
    (root / "in" / "empty.txt").write_bytes(b"")
    (root / "in" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    raw = {"a.txt": DOC_A, "sub/b.txt": DOC_B, "bt-1": JSONL_ROWS[0]["text"], "bt-2": JSONL_ROWS[1]["text"], "c-1": CSV_TEXT}
    return root, raw


@pytest.fixture(scope="module")
def run_output(corpus) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root, _ = corpus
    out = root / "out"
    done = vnextract("run", str(root / "in"), "--out", str(out), "--format", "csv,parquet,jsonl")
    return out, done


def test_run_exit_and_summary(run_output) -> None:
    out, done = run_output
    assert done.returncode == 0, done.stderr
    assert "documents  7  (5 ok, 2 error)" in done.stdout
    assert "mentions   DATE" in done.stdout and "PERSON" in done.stdout
    assert "error    empty.txt" in done.stdout and "error    photo.txt" in done.stdout
    assert "error: empty.txt: empty file" in done.stderr
    assert "Traceback" not in done.stderr
    for table in TABLES:
        assert (out / f"{table}.csv").is_file() and (out / f"{table}.parquet").is_file()
    assert (out / "records.jsonl").is_file()
    assert not [p for p in out.iterdir() if p.name.startswith(".vnextract-")]


def test_csv_and_parquet_agree(run_output) -> None:
    out, _ = run_output
    for table in TABLES:
        rows = read_csv(out / f"{table}.csv")
        frame = pq.read_table(out / f"{table}.parquet").to_pylist()
        assert len(rows) == len(frame), table
        assert [r["doc_id"] for r in rows] == [r["doc_id"] for r in frame]
        assert list(rows[0]) == list(frame[0])


def test_documents_table(run_output) -> None:
    out, _ = run_output
    docs = {r["doc_id"]: r for r in pq.read_table(out / "documents.parquet").to_pylist()}
    assert sorted(docs) == sorted(["a.txt", "c-1", "empty.txt", "bt-1", "bt-2", "photo.txt", "sub/b.txt"])
    a = docs["a.txt"]
    assert (a["title"], a["date"], a["status"], a["error"], a["n_chars"]) == (
        "Bộ Tư lệnh BĐBP tổng kết công tác thi đua, khen thưởng", dt.date(2025, 9, 23), "ok", None, len(DOC_A))
    assert a["n_sentences"] >= 4
    assert (docs["sub/b.txt"]["date"], docs["sub/b.txt"]["title"]) == (dt.date(2025, 10, 2), "Tuần tra chung trên tuyến biên giới")
    assert (docs["bt-1"]["date"], docs["bt-1"]["title"], docs["bt-2"]["date"]) == (dt.date(2025, 11, 5), "Giao ban", None)
    for name, fragment in (("empty.txt", "empty file"), ("photo.txt", "binary")):
        assert docs[name]["status"] == "error" and fragment in docs[name]["error"]
        assert docs[name]["n_sentences"] == 0


def test_directory_order(run_output) -> None:
    out, _ = run_output
    ids = [r["doc_id"] for r in read_csv(out / "documents.csv")]
    assert ids == ["a.txt", "c-1", "empty.txt", "bt-1", "bt-2", "photo.txt", "sub/b.txt"]


def test_mentions_table(run_output, corpus) -> None:
    out, _ = run_output
    _, raw = corpus
    rows = pq.read_table(out / "mentions.parquet").to_pylist()
    assert rows
    for row in rows:
        assert raw[row["doc_id"]][row["start"]:row["end"]] == row["text"], row
        json.loads(row["attrs"])
    got = {(r["doc_id"], r["type"], r["text"], r["normalized"]) for r in rows}
    for expected in [
        ("a.txt", "PERSON", "Lê Văn Bình", "Lê Văn Bình"),
        ("a.txt", "RANK", "Thiếu tướng", "Thiếu tướng"),
        ("a.txt", "DATE", "Sáng 23/9", "2025-09-23"),
        ("a.txt", "ACRONYM", "TĐKT", "thi đua, khen thưởng"),
        ("a.txt", "PLACE", "tỉnh Thanh Hoá", "tỉnh Thanh Hóa"),
        ("a.txt", "PERSON", "Hoàng Lan", "Hoàng Lan"),
        ("sub/b.txt", "ORG", "Đồn Biên phòng Pù Nhi", "Đồn Biên phòng Pù Nhi"),
        ("bt-1", "ORG", "Ban chỉ huy BĐBP Nghệ An", "Ban Chỉ huy Bộ đội Biên phòng tỉnh Nghệ An"),
        ("c-1", "ORG", "Cụm thi đua số 3", "Cụm thi đua số 3"),
        ("c-1", "DATE", "Sáng 1/10", "2025-10-01"),
    ]:
        assert expected in got, expected
    # the header line is not annotated
    assert all(r["start"] > DOC_A.index(" Bộ Tư lệnh") for r in rows if r["doc_id"] == "a.txt")
    sentence = [r for r in rows if r["doc_id"] == "a.txt" and r["text"] == "Hoàng Lan"][0]["sentence_id"]
    assert sentence is not None and sentence >= 2


def test_people_table(run_output) -> None:
    out, _ = run_output
    people = {(r["doc_id"], r["name"]): r for r in read_csv(out / "people.csv")}
    general = people[("a.txt", "Lê Văn Bình")]
    assert (general["rank"], general["position"], general["organization"]) == ("Thiếu tướng", "Phó Tư lệnh", "Bộ đội Biên phòng")
    assert general["person_id"].startswith("p") and json.loads(general["mention_ids"])
    colonel = people[("a.txt", "Trần Văn Hải")]
    assert (colonel["rank"], colonel["position"], colonel["organization"]) == (
        "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Thanh Hóa")
    major = people[("sub/b.txt", "Lò Văn Hùng")]
    assert (major["rank"], major["position"], major["organization"]) == ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Pù Nhi")


def test_acronyms_table(run_output) -> None:
    out, _ = run_output
    acronyms = {(r["doc_id"], r["acronym"]): r for r in read_csv(out / "acronyms.csv")}
    tdkt = acronyms[("a.txt", "TĐKT")]
    assert (tdkt["expansion"], tdkt["source"], tdkt["count"]) == ("thi đua, khen thưởng", "document", "1")
    bdbp = acronyms[("bt-1", "BĐBP")]
    assert (bdbp["expansion"], bdbp["source"]) == ("Bộ đội Biên phòng", "dictionary")
    assert int(acronyms[("a.txt", "BĐBP")]["count"]) == 4  # the title after the header counts


def test_records_jsonl(run_output) -> None:
    out, _ = run_output
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 7
    a = next(r for r in records if r["doc_id"] == "a.txt")
    assert {"mentions", "people", "acronyms", "status", "title"} <= set(a)
    assert isinstance(a["mentions"][0]["attrs"], dict) and isinstance(a["people"][0]["mention_ids"], list)
    empty = next(r for r in records if r["doc_id"] == "empty.txt")
    assert (empty["status"], empty["mentions"]) == ("error", [])


def test_strict_exits_1_on_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Đại tá Trần Văn Hải dự lễ.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    done = vnextract("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict", "--format", "csv")
    assert done.returncode == 1, done.stderr
    assert "documents  2  (1 ok, 1 error)" in done.stdout
    assert (tmp_path / "out" / "documents.csv").is_file() and not (tmp_path / "out" / "documents.parquet").exists()


@pytest.mark.parametrize(("config", "fragments"), [
    ("write:\n  formats: [csv, xml]\nbogus: 1\n", ["invalid config", "'xml' not allowed", "bogus: unknown key"]),
    ("segment: {enabled: false}\n", ["extract needs tokens"]),
    ("ingest: [unclosed\n", ["not valid YAML"]),
])
def test_bad_config_exits_2_cleanly(tmp_path: Path, config: str, fragments: list[str]) -> None:
    (tmp_path / "in.txt").write_text("Nội dung", encoding="utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(config, encoding="utf-8")
    done = vnextract("run", str(tmp_path / "in.txt"), "--out", str(tmp_path / "out"), "--config", str(path))
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ")
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in done.stderr
    assert not (tmp_path / "out" / "documents.csv").exists()


@pytest.mark.parametrize(("args", "fragment"), [
    (["--format", "csv,xml"], "xml"),
])
def test_bad_format_exits_2(tmp_path: Path, args: list[str], fragment: str) -> None:
    (tmp_path / "in.txt").write_text("Nội dung", encoding="utf-8")
    done = vnextract("run", str(tmp_path / "in.txt"), "--out", str(tmp_path / "out"), *args)
    assert done.returncode == 2 and fragment in done.stderr and "Traceback" not in done.stderr


def test_missing_input_exits_2(tmp_path: Path) -> None:
    done = vnextract("run", str(tmp_path / "khong_co"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and "input not found" in done.stderr and "Traceback" not in done.stderr


def test_csv_without_text_column_exits_2(tmp_path: Path) -> None:
    (tmp_path / "bang.csv").write_text("id,noi_dung\n1,Đại tá Trần Văn Hải dự lễ.\n", encoding="utf-8")
    out = tmp_path / "out"
    done = vnextract("run", str(tmp_path / "bang.csv"), "--out", str(out))
    assert done.returncode == 2, done.stdout
    assert "needs a 'text' column" in done.stderr and "Traceback" not in done.stderr
    assert not (out / "documents.csv").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".vnextract-")] if out.exists() else True


@pytest.mark.parametrize("command", [[]] + [[name] for name in sorted(cli_main.commands)])
def test_help_has_example(command: list[str]) -> None:
    """Every command, as the group lists it, has help with an example of itself (as sqlite-utils' test_docs)."""
    done = vnextract(*command, "--help")
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout
    example = done.stdout.split("Example:", 1)
    assert len(example) == 2, done.stdout
    assert "vnextract " + (command[0] if command else "") in example[1]


def test_version() -> None:
    done = vnextract("--version")
    assert done.returncode == 0 and done.stdout.startswith("vnextract")


SAMPLES = REPO / "data" / "raw"


def _sample_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted(SAMPLES.rglob("*")):
        relative = path.relative_to(SAMPLES).as_posix()
        if path.suffix == ".txt":
            texts[relative] = path.read_bytes().decode("utf-8-sig")
        elif path.suffix == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
                if line.strip():
                    record = json.loads(line)
                    texts[str(record.get("id") or f"{relative}:{number}")] = record["text"]
        elif path.suffix == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as handle:
                for number, record in enumerate(csv.DictReader(handle), start=2):
                    texts[record.get("id") or f"{relative}:{number}"] = record["text"]
    return texts


@pytest.mark.skipif(not SAMPLES.is_dir() or not any(p.is_file() for p in SAMPLES.rglob("*")), reason="no sample documents")
def test_repository_samples_offsets(tmp_path: Path) -> None:
    texts = _sample_texts()
    done = vnextract("run", str(SAMPLES), "--out", str(tmp_path), "--format", "csv")
    assert done.returncode == 0, done.stderr
    docs = read_csv(tmp_path / "documents.csv")
    assert {d["doc_id"] for d in docs} == set(texts)
    assert all(d["status"] == "ok" for d in docs), [d for d in docs if d["status"] != "ok"]
    rows = read_csv(tmp_path / "mentions.csv")
    assert {r["doc_id"] for r in rows} == set(texts)
    for row in rows:
        assert texts[row["doc_id"]][int(row["start"]):int(row["end"])] == row["text"], row

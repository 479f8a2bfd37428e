"""Runs that survive interruption and any text: kill -9 / Ctrl-C / SIGTERM midway, --resume, determinism,
and random Unicode through the whole pipeline (hypothesis)."""

from __future__ import annotations

import csv
import filecmp
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core import Pipeline
from pipeline.model import RawDocument
from pipeline.resume import CHECKPOINT_NAME, STAGING_PREFIX
from pipeline.schema import TABLES, to_arrow
from pipeline.write import MANIFEST_NAME, output_names, table_rows

REPO = Path(__file__).resolve().parents[1]
N_DOCS = 40
FORMATS = "csv,parquet,jsonl"
TEXT_FILES = [f"{t}.csv" for t in TABLES] + ["records.jsonl"]

UNITS = ["Đồn Biên phòng Pù Nhi", "Đồn Biên phòng Cửa khẩu Lao Bảo", "Bộ Chỉ huy Quân sự tỉnh Nghệ An",
         "Công an huyện Hướng Hóa", "Hải đội 2 Biên phòng", "Đồn Biên phòng Nậm Cắn"]
PEOPLE = [("Đại tá", "Nguyễn Văn Hùng", "Chỉ huy trưởng"), ("Thiếu tá", "Lò Văn Hải", "Đồn trưởng"),
          ("Trung tá", "Phạm Quốc Việt", "Chính trị viên"), ("Đại úy", "Hà Thị Lan", "Đội trưởng")]
PLACES = ["xã Thông Thụ", "huyện Mường Lát", "tỉnh Quảng Trị", "xã Tà Cạ", "tỉnh Hà Tĩnh"]


def news(n: int) -> str:
    """Document ``n`` of a generated corpus in the genre (patrol and meeting reports)."""
    unit, place = UNITS[n % len(UNITS)], PLACES[n % len(PLACES)]
    rank, name, position = PEOPLE[n % len(PEOPLE)]
    day, month = 1 + n % 28, 1 + n % 12
    return (f"date 2025-{month:02d}-{day:02d} {unit} tuần tra khu vực biên giới {place}\n"
            f"Sáng {day}/{month}, {unit} phối hợp với lực lượng chức năng tổ chức tuần tra trên địa bàn {place}. "
            f"{rank} {name}, {position} {unit} chỉ huy lực lượng, quán triệt nhiệm vụ số {n}. "
            f"Qua tuần tra, lực lượng BĐBP đã tuyên truyền cho {10 + n} hộ dân về chủ quyền biên giới quốc gia.\n")


def vnextract(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300, **kwargs)


def file_digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


def checkpointed(out: Path) -> int:
    """Results in the checkpoints of runs in progress in ``out``."""
    lines = 0
    for staging in out.glob(f"{STAGING_PREFIX}*"):
        path = staging / CHECKPOINT_NAME
        if path.is_file():
            lines += max(0, len(path.read_bytes().splitlines()) - 1)
    return lines


def assert_same_tables(out: Path, reference: Path) -> None:
    for name in TEXT_FILES:
        assert filecmp.cmp(out / name, reference / name, shallow=False), name
    for table in TABLES:
        assert pq.read_table(out / f"{table}.parquet").equals(pq.read_table(reference / f"{table}.parquet")), table


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("kill")
    (root / "in").mkdir()
    for n in range(N_DOCS):
        (root / "in" / f"tin_{n:03d}.txt").write_text(news(n), encoding="utf-8")
    config = root / "small_batches.yaml"
    config.write_text("write:\n  batch_size: 2\n", encoding="utf-8")
    reference = root / "reference"
    done = vnextract("run", str(root / "in"), "--out", str(reference), "--config", str(config), "--format", FORMATS)
    assert done.returncode == 0, done.stderr
    return {"root": root, "in": root / "in", "config": config, "reference": reference}


def start_and_kill(corpus: dict[str, Path], out: Path, signum: int) -> subprocess.CompletedProcess[str]:
    """Start a run into ``out``, wait until it has written a few batches, send ``signum``, wait for the end."""
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus["in"]), "--out", str(out),
                                "--config", str(corpus["config"]), "--format", FORMATS],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240  # a guard against a hung run, not a measure of speed
    while checkpointed(out) < 4 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_interrupted_first_run_leaves_no_table_and_resume_completes(corpus, tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out"
    killed = start_and_kill(corpus, out, signum)
    if signum == signal.SIGKILL:
        assert killed.returncode == -signal.SIGKILL
    else:
        assert killed.returncode == 130, killed.stderr
        assert "Interrupted (SIGINT): no table in" in killed.stderr and "--resume" in killed.stderr
        assert "Traceback" not in killed.stderr
    assert not set(os.listdir(out)) & (output_names() | {MANIFEST_NAME})  # no table under a final name
    # what the interrupted run finished (on a loaded machine it may finish every document before the signal lands,
    # never the commit), and only that, is skipped
    finished = checkpointed(out)
    resumed = vnextract("run", str(corpus["in"]), "--out", str(out), "--config", str(corpus["config"]),
                        "--format", FORMATS, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    reused = int(resumed.stdout.split("resumed    ", 1)[1].split()[0])
    assert 4 <= reused == finished <= N_DOCS
    assert_same_tables(out, corpus["reference"])
    assert not list(out.glob(f"{STAGING_PREFIX}*"))


def test_interrupted_rerun_keeps_the_previous_tables(corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus["reference"], out)
    before = file_digests(out)
    killed = start_and_kill(corpus, out, signal.SIGTERM)
    assert killed.returncode == 143, killed.stderr
    assert "Interrupted (SIGTERM)" in killed.stderr and "Traceback" not in killed.stderr
    assert file_digests(out) == before  # the previous complete tables, byte for byte
    resumed = vnextract("run", str(corpus["in"]), "--out", str(out), "--config", str(corpus["config"]),
                        "--format", FORMATS, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"resumed    {N_DOCS} documents" in resumed.stdout
    assert_same_tables(out, corpus["reference"])


def test_resume_processes_only_changed_documents(corpus, tmp_path: Path) -> None:
    changed = tmp_path / "in"
    shutil.copytree(corpus["in"], changed)
    (changed / "tin_003.txt").write_text(news(3).replace("tuần tra", "kiểm tra"), encoding="utf-8")
    (changed / "tin_999.txt").write_text(news(999), encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(corpus["reference"], out)
    resumed = vnextract("run", str(changed), "--out", str(out), "--config", str(corpus["config"]),
                        "--format", FORMATS, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"resumed    {N_DOCS - 1} documents" in resumed.stdout
    full = tmp_path / "full"
    assert vnextract("run", str(changed), "--out", str(full), "--config", str(corpus["config"]),
                     "--format", FORMATS).returncode == 0
    assert_same_tables(out, full)


def test_two_runs_give_byte_identical_csv(corpus, tmp_path: Path) -> None:
    done = vnextract("run", str(corpus["in"]), "--out", str(tmp_path), "--config", str(corpus["config"]),
                     "--format", FORMATS)
    assert done.returncode == 0, done.stderr
    for name in TEXT_FILES:  # manifest.json holds times, so it is not compared
        assert (tmp_path / name).read_bytes() == (corpus["reference"] / name).read_bytes(), name


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = (VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:-–()/\"'!?%&<>"
            + "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b"  # tone and letter marks, combining
            + "\n\r\t\x00\x01\x0b\x0c\x1b\x7f\u200b\u200d\u2028\u00a0\ufeff")
GENRE = ["Đại tá", "Thiếu tướng", "Nguyễn Văn Hùng", "Chỉ huy trưởng", "Bộ đội Biên phòng", "BĐBP", "(BĐBP)",
         "Đồn Biên phòng Pù Nhi", "tỉnh Thanh Hoá", "xã Thông Thụ", "ngày 12/3", "Sáng 5/9/2025", "Phó Tư lệnh",
         "Công an tỉnh", "UBND", "date 2025-02-30", "date 2025-03-01 ", "Hoà", "Thuỵ"]
pieces = st.one_of(st.sampled_from(GENRE), st.text(alphabet=ALPHABET, max_size=12))
documents = st.lists(pieces, max_size=40).map(" ".join) | st.text(max_size=200)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
def test_random_unicode_through_the_pipeline(pipe: Pipeline, text: str) -> None:
    result = pipe.process(RawDocument("h.txt", text))
    assert result.status == "ok", result.error
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
    rows = table_rows(result)
    for name, table in rows.items():
        to_arrow(name, table)  # every value fits its declared type
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=[c for c, _ in TABLES[name]])
        writer.writeheader()
        writer.writerows(table)
        assert list(csv.DictReader(io.StringIO(buffer.getvalue(), newline=""))) == [
            {k: "" if v is None else str(v) for k, v in row.items()} for row in table]

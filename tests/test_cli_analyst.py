"""The analyst commands end to end, in process: run --report/--set/--quiet, report, show, config, eval --compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from report_data import sample_result, write_run

from pipeline.cli import main

REPO = Path(__file__).resolve().parents[1]
DOC = (
    "date 2025-10-14 Ban Chỉ huy BĐBP tỉnh Cao Bằng ra quân\n"
    "Sáng 14/10, Ban Chỉ huy BĐBP tỉnh Cao Bằng tổ chức lễ ra quân. Đại tá Nông Văn Quý, Chỉ huy trưởng phát biểu.\n"
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def reported_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    root = tmp_path_factory.mktemp("cli")
    (root / "in").mkdir()
    (root / "in" / "cao_bang.txt").write_text(DOC, encoding="utf-8")
    out = root / "out"
    return out, invoke("run", str(root / "in"), "--out", str(out), "--report", "--format", "csv",
                       "--set", "extract.dates.enabled=false")


def test_run_report_and_set(reported_run: tuple[Path, Result]) -> None:
    out, done = reported_run
    assert done.exit_code == 0, done.output
    assert f"report     {out / 'report.html'}" in done.stdout
    assert "DATE 0" in done.stdout  # --set switched date extraction off
    assert "━" not in done.stderr  # stderr is not a terminal: no progress bar
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Nông Văn Quý" in html and '"t":"PERSON"' in html


def test_report_command_from_csv(reported_run: tuple[Path, Result], tmp_path: Path) -> None:
    out, _ = reported_run
    target = tmp_path / "r.html"
    done = invoke("report", str(out), "--out", str(target))
    assert done.exit_code == 0 and f"report     {target}" in done.stdout
    assert target.read_text(encoding="utf-8") == (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["report", "{tmp}"], "no documents.parquet, documents.csv or records.jsonl"),
    (["report", "{tmp}/nope"], "not a directory"),
    (["report", "{tmp}", "--from", "xml"], "Invalid value for '--from'"),
])
def test_report_errors(tmp_path: Path, args: list[str], message: str) -> None:
    done = invoke(*(a.format(tmp=tmp_path) for a in args))
    assert done.exit_code == 2 and message in done.stderr
    assert "Traceback" not in done.stderr


def test_report_from_jsonl(tmp_path: Path) -> None:
    write_run(tmp_path, [sample_result()], ("jsonl",))
    assert invoke("report", str(tmp_path)).exit_code == 0
    assert "Nông Văn Quý" in (tmp_path / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["run", "{tmp}/in", "--out", "{tmp}/out"], ["eval", str(REPO / "data/gold/dev")],
                                     ["show", "Đại tá Hà Văn Tú"], ["config"]])
def test_bad_set_refused_before_any_work(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(DOC, encoding="utf-8")
    done = invoke(*(a.format(tmp=tmp_path) for a in command), "--set", "extract.datez.enabled=false")
    assert done.exit_code == 2
    assert "Error: invalid config --set:" in done.stderr
    assert "extract.datez: unknown key; allowed keys here: enabled, dates, places" in done.stderr
    assert not (tmp_path / "out").exists()


def test_config_prints_effective_yaml() -> None:
    done = invoke("config", "--config", str(REPO / "configs/no_acronyms.yaml"), "--set", "write.formats=[jsonl]")
    data = yaml.safe_load(done.stdout)
    assert data["extract"]["acronyms"]["enabled"] is False
    assert data["write"]["formats"] == ["jsonl"]
    assert Path(data["lexicons"]["acronyms"]).is_absolute()


def test_show_text() -> None:
    done = invoke("show", "Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP dự hội nghị.")
    assert done.exit_code == 0
    assert "Lê Văn Bình" in done.stdout and "PERSON" in done.stdout and "Bộ đội Biên phòng" in done.stdout


def test_show_with_set_and_missing_file() -> None:
    done = invoke("show", "Phó Tư lệnh BĐBP dự hội nghị.", "--set", "extract.acronyms.enabled=false")
    assert "acronyms (0)" in done.stdout and "ACRONYM" not in done.stdout
    missing = invoke("show", "nope.txt")
    assert missing.exit_code == 2 and "Error: input not found: nope.txt" in missing.stderr


@pytest.fixture(scope="module")
def comparison() -> Result:
    return invoke("eval", str(REPO / "data/gold/dev"), "--compare", str(REPO / "configs/no_acronyms.yaml"),
                  "--json", "-")


def test_eval_compare_json(comparison: Result) -> None:
    assert comparison.exit_code == 0
    data = json.loads(comparison.stdout)
    assert data["a"]["types"]["ACRONYM"]["tp"] > 0 and data["b"]["types"]["ACRONYM"]["pred"] == 0
    assert data["differences"]["ACRONYM"]["recall"] == -1.0
    lost_acronyms = [m for m in data["lost"] if m["type"] == "ACRONYM"]
    assert len(lost_acronyms) == data["a"]["types"]["ACRONYM"]["pred"]
    assert data["b"]["config"].endswith("no_acronyms.yaml")


def test_eval_compare_text(tmp_path: Path) -> None:
    target = tmp_path / "cmp.json"
    done = invoke("eval", str(REPO / "data/gold/dev"), "--compare", str(REPO / "configs/no_acronyms.yaml"),
                  "--json", str(target), "--max-errors", "3")
    assert done.exit_code == 0
    assert "ΔF1" in done.stdout and "mentions lost by B [" in done.stdout
    assert json.loads(target.read_text(encoding="utf-8"))["differences"]["micro"]["f1"] < 0


def test_eval_compare_missing_config() -> None:
    done = invoke("eval", str(REPO / "data/gold/dev"), "--compare", "no_such.yaml")
    assert done.exit_code == 2 and "invalid config no_such.yaml" in done.stderr and "file not found" in done.stderr

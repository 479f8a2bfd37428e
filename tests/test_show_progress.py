"""``vnextract show`` (documents to show, the rich tables) and the run's progress bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from report_data import error_result, sample_result
from rich.console import Console

from pipeline.ingest import InputError
from pipeline.progress import count_documents, progress_bar, progress_wanted
from pipeline.model import DocumentResult, Mention, RawDocument
from pipeline.show import TEXT_DOC_ID, TYPE_STYLES, documents_to_show, highlighted, print_results

EXTENSIONS = (".txt", ".jsonl", ".csv")


def test_text_given_on_the_command_line() -> None:
    [doc] = documents_to_show("Đại tá Hà Văn Tú phát biểu.", EXTENSIONS)
    assert (doc.doc_id, doc.text, doc.date, doc.title) == (TEXT_DOC_ID, "Đại tá Hà Văn Tú phát biểu.", None, None)


def test_text_with_header_line_gets_date_and_title() -> None:
    [doc] = documents_to_show("date 2025-10-14 Ra quân\nSáng 14/10, đơn vị ra quân.", EXTENSIONS)
    assert (doc.date, doc.title) == ("2025-10-14", "Ra quân")


def test_file_gives_its_documents(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Sáng 1/10, đơn vị ra quân."}\n{"id": "b", "text": "Đại tá Hà Văn Tú."}\n',
                    encoding="utf-8")
    assert [d.doc_id for d in documents_to_show(str(feed), EXTENSIONS)] == ["a", "b"]


@pytest.mark.parametrize("source", ["missing.txt", "data/nope.jsonl"])
def test_missing_file_is_an_error(source: str) -> None:
    with pytest.raises(InputError, match="input not found"):
        documents_to_show(source, EXTENSIONS)


def render(results) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    print_results(results, console)
    return console.file.getvalue()


def test_tables_list_mentions_people_and_acronyms() -> None:
    output = render([sample_result()])
    assert "mentions (7)" in output and "people (1)" in output and "acronyms (1)" in output
    assert "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng" in output
    assert "BĐBP" in output and "dictionary" in output
    assert "</script><b>chỉ đạo</b>" in output  # document text printed as is, never read as markup


def test_markup_like_text_is_printed_literally() -> None:
    result = sample_result(text="date 2025-10-14 x\nSáng 14/10, Bộ Chỉ huy BĐBP tỉnh Cao Bằng [bold]họp[/bold]. "
                                "Đại tá Nông Văn Quý, Chỉ huy trưởng.\n")
    assert "[bold]họp[/bold]" in render([result])


def test_error_document_shows_its_error() -> None:
    assert "error: binary file" in render([error_result()])


def test_highlighting_styles_inner_spans_last() -> None:
    text = "BĐBP Nghệ An họp"
    mentions = [Mention("ACRONYM", 0, 4, "BĐBP"), Mention("ORG", 0, 12, "BĐBP Nghệ An")]
    styled = highlighted(DocumentResult(doc=RawDocument("t", text), mentions=mentions))
    assert [(s.start, s.end, str(s.style)) for s in styled.spans] == [
        (0, 12, TYPE_STYLES["ORG"]), (0, 4, TYPE_STYLES["ACRONYM"])]


class FakeStream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("quiet", "tty", "expected"), [
    (False, True, True), (True, True, False), (False, False, False), (True, False, False)])
def test_progress_only_on_a_terminal_without_quiet(quiet: bool, tty: bool, expected: bool) -> None:
    assert progress_wanted(quiet, FakeStream(tty)) is expected


def test_progress_bar_counts_what_it_is_told() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    with progress_bar(5, console) as advance:
        advance(1)
        advance(2)
    output = console.file.getvalue()
    assert "3/5" in output and "docs/s" in output and "ETA" in output


def test_count_documents_counts_rows(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Sáng 1/10, đơn vị ra quân.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"id": "x", "text": "a"}\n{"id": "y", "text": "b"}\n', encoding="utf-8")
    assert count_documents([tmp_path], EXTENSIONS) == 3

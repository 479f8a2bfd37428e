"""report.html in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

No console errors; highlighted spans of every type visible, nested ones too;
the type filter and the pages work; a 1,000-document report renders no more
than a small one. Skipped, with the reason, where Chromium or Playwright is
missing (``.ci/run`` installs Chromium).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_data import many_results, write_run

from pipeline.core import Pipeline
from pipeline.ingest import iter_inputs
from pipeline.model import ENTITY_TYPES
from pipeline.report import PAGE_SIZE, write_report

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
CHROMIUM = Path(os.environ.get("VNEXTRACT_CHROMIUM", "/usr/bin/chromium"))
pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(),
                                reason=f"{CHROMIUM} not found: install it with `apt-get install -y chromium`")
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
TRANSPARENT = "rgba(0, 0, 0, 0)"


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


class OpenedPage:
    """A report opened in a fresh page, with every console error and uncaught exception collected."""

    def __init__(self, browser: sync_api.Browser, path: Path):
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 1000})
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(path.as_uri())

    def background(self, selector: str) -> str:
        return self.page.locator(selector).first.evaluate("el => getComputedStyle(el).backgroundColor")

    def element_count(self) -> int:
        return self.page.evaluate("document.getElementsByTagName('*').length")


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory, pipe: Pipeline) -> Path:
    """The report of a real run on data/raw."""
    out = tmp_path_factory.mktemp("raw_run")
    write_run(out, [pipe.process(doc) for doc in iter_inputs([RAW])], ("parquet",))
    return write_report(out)


@pytest.fixture
def opened(browser: sync_api.Browser, sample_report: Path) -> Iterator[OpenedPage]:
    opened = OpenedPage(browser, sample_report)
    yield opened
    opened.page.close()


def test_no_console_errors_and_overview(opened: OpenedPage) -> None:
    page = opened.page
    assert page.locator("#stat-documents").inner_text() == str(len(list(iter_inputs([RAW]))))
    assert page.locator("#overview .card").count() >= 5
    assert page.locator("#overview .timeline .col").count() > 0
    assert opened.errors == []


@pytest.mark.parametrize("type_", ENTITY_TYPES)
def test_highlighted_span_of_each_type_visible(opened: OpenedPage, type_: str) -> None:
    mark = opened.page.locator(f"#documents mark.t-{type_}").first
    assert mark.is_visible()
    assert opened.background(f"#documents mark.t-{type_}") != TRANSPARENT
    assert mark.get_attribute("title")
    assert opened.errors == []


@pytest.mark.parametrize("inner", ["ACRONYM", "PLACE"])
def test_nested_spans_visible(opened: OpenedPage, inner: str) -> None:
    nested = f"#documents mark.t-ORG mark.t-{inner}"
    assert opened.page.locator(nested).first.is_visible()
    assert opened.background(nested) != opened.background("#documents mark.t-ORG")


def test_acronym_expansion_on_hover(opened: OpenedPage) -> None:
    titles = opened.page.locator("#documents mark.t-ACRONYM").evaluate_all("els => els.map(e => e.title)")
    assert "BĐBP = Bộ đội Biên phòng" in titles


def test_type_filter_turns_highlighting_off_and_on(opened: OpenedPage) -> None:
    toggle = opened.page.locator('#type-filter input[data-type="ACRONYM"]')
    toggle.uncheck()
    assert opened.background("#documents mark.t-ACRONYM") == TRANSPARENT
    assert opened.background("#documents mark.t-ORG") != TRANSPARENT
    toggle.check()
    assert opened.background("#documents mark.t-ACRONYM") != TRANSPARENT


@pytest.fixture(scope="module")
def bulk_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    reports = {}
    for n_docs in (2 * PAGE_SIZE, 1000):
        out = write_run(tmp_path_factory.mktemp(f"bulk{n_docs}"), many_results(n_docs), ("parquet",))
        reports[n_docs] = write_report(out)
    return reports


def test_thousand_documents_render_one_page(browser: sync_api.Browser, bulk_reports: dict[int, Path]) -> None:
    small, large = (OpenedPage(browser, bulk_reports[n]) for n in (2 * PAGE_SIZE, 1000))
    try:
        assert large.page.locator("article.doc").count() == PAGE_SIZE
        assert large.element_count() == small.element_count()
        assert "page 1 of 50 · 1000 documents" in large.page.locator("#pager-top").inner_text()
        large.page.locator('#pager-top button[data-go="next"]').click()
        assert large.page.locator("article.doc").first.get_attribute("data-doc-id") == f"bulk/{PAGE_SIZE:04d}.txt"
        assert large.element_count() == small.element_count()
        large.page.locator("#search").fill("bulk/0999")
        large.page.wait_for_function("document.querySelectorAll('article.doc').length === 1")
        assert large.page.locator("article.doc").get_attribute("data-doc-id") == "bulk/0999.txt"
        assert large.errors == [] and small.errors == []
    finally:
        small.page.close()
        large.page.close()

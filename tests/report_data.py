"""Run directories made without the NLP pipeline, for the report tests: results built by hand, written by TableWriter."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import AcronymRecord, DocumentResult, Mention, PersonRecord, RawDocument
from pipeline.write import TableWriter

# written for these tests in the genre; the script tag and ampersand check that document text cannot break the page
SAMPLE_TEXT = (
    "date 2025-10-14 Bộ đội Biên phòng tỉnh Cao Bằng ra quân tuần tra\n"
    "Sáng 14/10, Bộ Chỉ huy BĐBP tỉnh Cao Bằng tổ chức lễ ra quân. Đại tá Nông Văn Quý, Chỉ huy trưởng "
    "phát biểu </script><b>chỉ đạo</b> & giao nhiệm vụ.\n"
)
# (type, surface, normalized); each surface is found from the end of the previous one, outer spans before inner
SAMPLE_SPANS = [
    ("DATE", "Sáng 14/10", "2025-10-14"),
    ("ORG", "Bộ Chỉ huy BĐBP tỉnh Cao Bằng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng"),
    ("ACRONYM", "BĐBP", "Bộ đội Biên phòng"),
    ("PLACE", "tỉnh Cao Bằng", "tỉnh Cao Bằng"),
    ("RANK", "Đại tá", "Đại tá"),
    ("PERSON", "Nông Văn Quý", "Nông Văn Quý"),
    ("POSITION", "Chỉ huy trưởng", "Chỉ huy trưởng"),
]


def sample_result(doc_id: str = "cao_bang.txt", text: str = SAMPLE_TEXT) -> DocumentResult:
    """One document with a mention of every type, an ACRONYM and a PLACE nested in an ORG."""
    mentions = []
    cursor = text.index("\n")
    for number, (type_, surface, normalized) in enumerate(SAMPLE_SPANS, start=1):
        start = text.index(surface, cursor)
        mentions.append(Mention(type_, start, start + len(surface), surface, normalized, source="test",
                                mention_id=f"m{number}"))
        # the spans nested in an ORG are searched from its start; the others from the end of the previous span
        cursor = start if type_ == "ORG" else start + len(surface)
    people = [PersonRecord("p1", "Nông Văn Quý", rank="Đại tá", position="Chỉ huy trưởng",
                           organization="Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng", mention_ids=["m6"])]
    acronyms = [AcronymRecord("BĐBP", "Bộ đội Biên phòng", "dictionary", 1)]
    return DocumentResult(doc=RawDocument(doc_id, text, title="Bộ đội Biên phòng tỉnh Cao Bằng ra quân tuần tra",
                                          date="2025-10-14"),
                          n_sentences=2, mentions=mentions, people=people, acronyms=acronyms)


def error_result(doc_id: str = "photo.txt") -> DocumentResult:
    return DocumentResult(doc=RawDocument(doc_id, "", error="binary file (contains NUL bytes), not text"),
                          status="error", error="binary file (contains NUL bytes), not text")


def write_run(out_dir: Path, results: list[DocumentResult], formats: tuple[str, ...] = ("csv", "parquet", "jsonl")) -> Path:
    writer = TableWriter(out_dir, formats)
    writer.write_batch(results)
    writer.commit()
    return out_dir


def many_results(n_docs: int) -> list[DocumentResult]:
    """``n_docs`` copies of the sample document, each with its own id and date."""
    results = []
    for i in range(n_docs):
        result = sample_result(doc_id=f"bulk/{i:04d}.txt")
        result.doc.date = f"2025-{i % 12 + 1:02d}-14"
        results.append(result)
    return results

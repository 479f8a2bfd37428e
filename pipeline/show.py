"""``vnextract show``: the mentions and records of one document, as terminal tables, for quick checks.

The argument is a file (every document in it is shown) or, when no such file
exists, the text itself. A missing file whose name looks like an input
(``x.txt`` with no space) is an error rather than a one-word text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .ingest import InputError, iter_inputs, parse_header
from .model import DocumentResult, PersonRecord, RawDocument

TEXT_DOC_ID = "<text>"
TYPE_STYLES: dict[str, str] = {
    "DATE": "black on bright_blue", "PLACE": "black on green", "RANK": "black on dark_orange",
    "POSITION": "black on magenta", "PERSON": "black on yellow", "ORG": "black on medium_purple1",
    "ACRONYM": "black on cyan",
}


def documents_to_show(source: str, extensions: Sequence[str]) -> list[RawDocument]:
    """The documents of file ``source``, or ``source`` itself as one document (a header line gives date and title)."""
    path = Path(source)
    try:
        exists = path.exists()
    except OSError:  # a text longer than a file name can be (ENAMETOOLONG) is no file
        exists = False
    if exists:
        return list(iter_inputs([path], extensions))
    if path.suffix.lower() in extensions and not any(c.isspace() for c in source):
        raise InputError(f"input not found: {source}")
    try:
        date, title = parse_header(source)
    except ValueError:
        date, title = None, None
    # without a header line parse_header takes the first line as the title: here that would be the text itself
    return [RawDocument(TEXT_DOC_ID, source, title=title if date else None, date=date)]


def highlighted(result: DocumentResult) -> Text:
    """The document text with each mention styled by type; inner spans are styled last, so they stay visible."""
    text = Text(result.doc.text)
    for m in sorted(result.mentions, key=lambda m: (m.start, -m.end)):
        text.stylize(TYPE_STYLES.get(m.type, "reverse"), m.start, m.end)
    return text


def _cells(*values: str | None) -> list[Text]:
    """Plain-text cells: document text must never be read as rich markup (``[ĐBQH]`` is not a style)."""
    return [Text(value or "") for value in values]


def role_history(person: PersonRecord) -> str | None:
    """Every role the document gives the person, in order, former ones marked: ``nguyên Tư lệnh Quân khu 4; …``."""
    roles = [" ".join(filter(None, ["nguyên" if r.former else None, r.rank, r.position, r.organization]))
             for r in person.roles]
    return "; ".join(roles) if len(roles) > 1 or any(r.former for r in person.roles) else None


def about(person: PersonRecord) -> str | None:
    """What the document says of the person beyond a post: ``byline``, ``SN 1978, phường Sầm Sơn``."""
    if person.byline:
        return "byline"
    parts = [f"SN {person.birth_year}" if person.birth_year else None, person.residence]
    return ", ".join(p for p in parts if p) or None


def result_view(result: DocumentResult) -> Group:
    """A panel of the highlighted text, then the mentions, people and acronyms tables."""
    doc = result.doc
    heading = Text(" · ".join(filter(None, [doc.doc_id, doc.date, doc.title])))
    if result.status == "error":
        return Group(Panel(Text(f"error: {result.error}", style="bold red"), title=heading, title_align="left"))
    mentions = Table("id", "type", "text", "normalized", "sent", "source", title=f"mentions ({len(result.mentions)})",
                     title_justify="left")
    for m in result.mentions:
        sentence = None if m.sentence_id is None else str(m.sentence_id)
        mentions.add_row(m.mention_id, Text(m.type, style=TYPE_STYLES.get(m.type, "")),
                         *_cells(m.text, m.normalized, sentence, m.source))
    people = Table("id", "name", "rank", "position", "organization", "roles", "about", "mentions",
                   title=f"people ({len(result.people)})", title_justify="left")
    for p in result.people:
        people.add_row(*_cells(p.person_id, p.name, p.rank, p.position, p.organization, role_history(p),
                               about(p), " ".join(p.mention_ids)))
    acronyms = Table("acronym", "expansion", "source", "count", title=f"acronyms ({len(result.acronyms)})",
                     title_justify="left")
    for a in result.acronyms:
        acronyms.add_row(*_cells(a.acronym, a.expansion, a.source, str(a.count)))
    return Group(Panel(highlighted(result), title=heading, title_align="left"), mentions, people, acronyms)


def print_results(results: Sequence[DocumentResult], console: Console) -> None:
    for result in results:
        console.print(result_view(result))

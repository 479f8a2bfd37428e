"""Resolve stage: person records and acronym records from a document's mentions.

A person record joins, across the whole document, the rank written right
before a name and the position and organization of the apposition patterns of
the genre:

    Thiếu tướng Võ Tiến Nghị, Phó Tư lệnh BĐBP …     (name, position organization)
    Phó Tư lệnh BĐBP Võ Tiến Nghị …                   (position organization name)
    Đại tá Lê Văn Hùng - Chỉ huy trưởng BĐBP tỉnh …    (name - position organization)

Later mentions update earlier ones, so the record holds what the person has at
the end of the document; when a title lists several offices, the last one counts.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .model import AcronymRecord, Mention, PersonRecord

APPOSITION = {",", "-", "–", "—", "("}


@dataclass
class _Person:
    name: str
    rank: str | None = None
    position: str | None = None
    organization: str | None = None
    mention_ids: list[str] = field(default_factory=list)

    def set_role(self, position: str, organization: str | None) -> None:
        """A later title replaces the earlier one; repeating the same title without its organization keeps it."""
        if position == self.position and organization is None:
            return
        self.position, self.organization = position, organization


def _is_force(token: Token) -> bool:
    """An abbreviation (QĐND, CAND) between a rank and a name."""
    return token.text.isupper() and token.text.isalpha() and len(token.text) >= 3


def _value(span: Span) -> str:
    return span._.normalized or span.text


def _role_chain(doc: Doc, k: int, positions: dict[int, Span], orgs: dict[int, Span]) -> tuple[Span | None, Span | None]:
    """The last (position, organization) of ``POSITION [ORG] {, POSITION [ORG]}`` starting at token k."""
    position = organization = None
    while k in positions:
        position, organization = positions[k], None
        k = position.end
        if k in orgs:
            organization = orgs[k]
            k = organization.end
        if k + 1 < len(doc) and doc[k].text == "," and (k + 1) in positions:
            k += 1
        else:
            break
    return position, organization


def full_name(name: str, full_names: set[str]) -> str:
    """A given name alone (``Hải``) stands for the one full name of the document that ends with it."""
    if " " in name:
        return name
    matches = [full for full in full_names if full.rsplit(" ", 1)[-1] == name]
    return matches[0] if len(matches) == 1 else name


def person_records(doc: Doc, mentions: list[Span], mention_ids: dict[tuple[str, int, int], str]) -> list[PersonRecord]:
    """One record per distinct name, with rank, position and organization joined from the context."""
    by_end = {}
    positions: dict[int, Span] = {}
    orgs: dict[int, Span] = {}
    for span in mentions:
        if span.label_ == "RANK":
            by_end[span.end] = span
        elif span.label_ == "POSITION":
            positions[span.start] = span
        elif span.label_ == "ORG":
            orgs[span.start] = span
    position_by_end = {p.end: p for p in positions.values()}
    org_by_end = {o.end: o for o in orgs.values()}
    people: OrderedDict[str, _Person] = OrderedDict()
    persons = [m for m in mentions if m.label_ == "PERSON"]
    full_names = {m._.normalized or m.text for m in persons if len(m) > 1}
    for span in persons:
        name = full_name(span._.normalized or span.text, full_names)
        person = people.setdefault(name, _Person(name))
        person.mention_ids.append(mention_ids[(span.label_, span.start, span.end)])
        rank_end = span.start
        while rank_end - 1 >= 0 and rank_end not in by_end and span.start - rank_end < 2 and _is_force(doc[rank_end - 1]):
            rank_end -= 1  # "Đại tá QĐND Trần Văn Hải": the force cue sits between rank and name
        if rank_end in by_end:
            person.rank = _value(by_end[rank_end])
        before_org = org_by_end.get(span.start)
        before_position = position_by_end.get(before_org.start if before_org else span.start)
        if before_position is not None:
            person.set_role(_value(before_position), _value(before_org) if before_org else None)
        k = span.end
        if k < len(doc) and doc[k].text in APPOSITION:
            position, organization = _role_chain(doc, k + 1, positions, orgs)
            if position is not None:
                person.set_role(_value(position), _value(organization) if organization else None)
    return [
        PersonRecord(f"p{i}", p.name, p.rank, p.position, p.organization, p.mention_ids)
        for i, p in enumerate(people.values(), start=1)
    ]


def acronym_records(mentions: list[Span]) -> list[AcronymRecord]:
    """One record per distinct acronym: its expansion, where it came from, how often it occurs."""
    records: OrderedDict[str, AcronymRecord] = OrderedDict()
    for span in (m for m in mentions if m.label_ == "ACRONYM"):
        record = records.get(span.text)
        if record is None:
            source = (span._.attrs or {}).get("expansion_source", "unknown")
            records[span.text] = AcronymRecord(span.text, span._.normalized, source, 1)
        else:
            record.count += 1
    return list(records.values())


def _expansion_written(text: str, start: int, end: int) -> bool:
    """Whether the text already spells this acronym out: ``Long form (ABBR)`` or ``ABBR (Long form)``."""
    before = text[:start].rstrip(" ")
    after = text[end:].lstrip(" ")
    return (before.endswith("(") and after.startswith(")")) or after.startswith("(")


def expand_text(text: str, mentions: list[Mention]) -> str:
    """``text`` with each acronym followed by its expansion in parentheses where none is written.

    Offsets of ``mentions`` index ``text``; unknown acronyms (no expansion) stay as they are:

        >>> m = Mention("ACRONYM", 11, 15, "BĐBP", "Bộ đội Biên phòng")
        >>> expand_text("Phó Tư lệnh BĐBP dự họp.", [m])
        'Phó Tư lệnh BĐBP (Bộ đội Biên phòng) dự họp.'
    """
    pieces = []
    last = 0
    for mention in sorted((m for m in mentions if m.type == "ACRONYM" and m.normalized), key=lambda m: m.start):
        if _expansion_written(text, mention.start, mention.end):
            continue
        pieces.append(text[last:mention.end])
        pieces.append(f" ({mention.normalized})")
        last = mention.end
    pieces.append(text[last:])
    return "".join(pieces)

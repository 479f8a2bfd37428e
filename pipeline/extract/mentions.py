"""The one place where overlapping candidates become the document's mentions.

The guideline allows one nesting only: PLACE and ACRONYM inside an ORG. So
ORG spans are taken first; inside them only PLACE and ACRONYM stay; outside,
overlaps between the other types are settled by type priority, then length.
An organization acronym outside any larger ORG is both an ORG and an ACRONYM
(same span, two mentions). A street's name (``doc.spans["STREET"]``, from the
place extractor) holds no PERSON: ``đường Nguyễn Văn Cừ`` is named after one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..model import ENTITY_TYPES
from .base import span_values, spans_of

NESTABLE_IN_ORG = ("PLACE", "ACRONYM")
# when two candidates of different types overlap outside an ORG, the earlier type wins
PRIORITY = ("DATE", "RANK", "POSITION", "PLACE", "PERSON", "ACRONYM")
# a place inside a name of this many syllables or more belongs to the name (see ``inside_a_name``)
MIN_NAME_AROUND_A_PLACE = 3
# the rules of a given name after a rank or an honorific (people.py)
CUED_GIVEN_NAMES = ("people.given_name", "people.honorific_given_name")


def inside_a_name(place: Span, names: list[Span]) -> bool:
    """A place name inside a full name after its first syllable (``Mỹ`` of ``Nguyễn Thị Mỹ Nhung``, ``Thái Bình`` of
    ``Nguyễn Thái Bình``), or a given name after a rank or an honorific (``Đại tá Đức``): the name's, not a place."""
    return any((name.start < place.start and place.end <= name.end)
               or ((name.start, name.end) == (place.start, place.end) and span_values(name)[1] in CUED_GIVEN_NAMES)
               for name in names)


def select_mentions(doc: Doc, first_char: int = 0) -> list[Span]:
    """Non-conflicting mentions of every type, sorted by position; none starts before ``first_char``.

    Containment and overlap are looked up in per-token tables rather than by
    comparing every pair of spans, so a long document costs linear time.
    """
    streets = bytearray(len(doc) + 1)
    for street in spans_of(doc, "STREET"):
        streets[street.start:street.end] = b"\x01" * len(street)
    candidates = [s for key in ENTITY_TYPES for s in spans_of(doc, key) if s.start_char >= first_char
                  and not (s.label_ == "PERSON" and any(streets[s.start:s.end]))]
    orgs = filter_spans([s for s in candidates if s.label_ == "ORG"])
    org_end_at = [-1] * (len(doc) + 1)  # per token: end of the (single, orgs do not overlap) ORG covering it
    for org in orgs:
        org_end_at[org.start:org.end] = [org.end] * len(org)
    chosen: list[Span] = list(orgs)
    outside: list[Span] = []
    names = [s for s in candidates if s.label_ == "PERSON"
             and (len(s) >= MIN_NAME_AROUND_A_PLACE or span_values(s)[1] in CUED_GIVEN_NAMES)]
    for span in candidates:
        if span.label_ == "ORG":
            continue
        if span.end <= org_end_at[span.start]:
            if span.label_ in NESTABLE_IN_ORG:
                chosen.append(span)
        elif max(org_end_at[span.start:span.end], default=-1) < 0:
            outside.append(span)
    outside = [s for s in outside if not (s.label_ == "PLACE" and inside_a_name(s, names))]
    taken = bytearray(len(doc))
    for span in sorted(outside, key=lambda s: (PRIORITY.index(s.label_), -len(s), s.start)):
        if not any(taken[span.start:span.end]):
            taken[span.start:span.end] = b"\x01" * len(span)
            chosen.append(span)
    unique = {(s.label_, s.start, s.end): s for s in chosen}
    return sorted(unique.values(), key=lambda s: (s.start, -s.end, ENTITY_TYPES.index(s.label_)))


class MentionSelector:
    """spaCy component: writes the final ``doc.spans["mentions"]``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["mentions"] = select_mentions(doc, doc.user_data.get("first_char", 0))
        return doc


@Language.factory("vnx_mentions")
def make_mention_selector(nlp: Language, name: str) -> MentionSelector:
    return MentionSelector()

"""PLACE: administrative units and geographic places.

Two rules:
- a unit word followed by a capitalised name is a place of that unit, known or
  not (``phường Hạc Thành``, ``xã Na Mèo``, ``tỉnh Thanh Hoá``);
- a name of the lexicon standing alone is a place, normalized with its unit
  word (``Nghệ An`` → ``tỉnh Nghệ An``; ``Tây Trang`` → ``cửa khẩu quốc tế Tây Trang``).

A province merged in 2025 normalizes to itself, with its successor in attrs.
A bare name that is also a known person (``Hồ Chí Minh``) is left to PERSON.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..lexicons import PeopleLexicon, Place, PlaceLexicon
from .base import add_spans, is_title, make_span

# unit word → level; longer unit words are matched first ("thành phố" before "phố")
UNIT_WORDS: dict[str, str] = {
    "tỉnh": "province",
    "thành phố": "city",
    "tp.": "city",
    "phường": "ward",
    "xã": "commune",
    "đặc khu": "special_zone",
    "thị trấn": "township",
    "huyện": "district",
    "quận": "district",
    "thị xã": "town",
    "thôn": "village",
    "bản": "village",
    "làng": "village",
    "ấp": "village",
    "buôn": "village",
    "cửa khẩu quốc tế": "border_gate",
    "cửa khẩu chính": "border_gate",
    "cửa khẩu phụ": "border_gate",
    "cửa khẩu": "border_gate",
    "đảo": "island",
    "quần đảo": "island",
    "huyện đảo": "island",
    "sông": "river",
}
MAX_NAME = 4
# a unit word after these is plural: the names that follow are bare places
PLURAL_MARKERS = {"các", "những", "hai", "ba", "bốn", "năm", "sáu", "nhiều", "cặp"}
# words before which a unit word means something else ("văn bản Chỉ thị" is a document)
NOT_A_UNIT_AFTER: dict[str, set[str]] = {"bản": {"văn", "phiên", "kịch", "nguyên", "tái"}}


def capitalised_run(doc: Doc, start: int, limit: int = MAX_NAME) -> int:
    """End of the name starting at ``start``: capitalised words, or one number (``phường 3``)."""
    if start < len(doc) and doc[start].like_num:
        return start + 1
    end = start
    while end < len(doc) and end - start < limit and is_title(doc[end]):
        end += 1
    return end


class PlaceExtractor:
    """spaCy component: writes ``doc.spans["PLACE"]``."""

    def __init__(self, nlp: Language, lexicon: PlaceLexicon, people: PeopleLexicon):
        self.places: dict[str, Place] = {}
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        for place in lexicon.places:
            # the first entry of a name wins: current provinces are listed before former ones
            self.places.setdefault(place.name, place)
            self.names.add("PLACE", [nlp.make_doc(place.name)])
        self.units = PhraseMatcher(nlp.vocab, attr="LOWER")
        for unit in UNIT_WORDS:
            self.units.add(unit, [nlp.make_doc(unit)])
        self.people = set(people.known_people)
        self.surnames = people.surnames

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        place_units: dict[int, int] = {}
        for found in filter_spans(self.units(doc, as_spans=True)):
            unit = found.text.lower()
            before = doc[found.start - 1].lower_ if found.start > 0 else ""
            if before in NOT_A_UNIT_AFTER.get(unit, set()) or before in PLURAL_MARKERS:
                continue  # "các tỉnh: A, B" and "hai tỉnh A và B": each name is a bare place
            name_end = capitalised_run(doc, found.end)
            if name_end == found.end:
                continue
            name = doc[found.end:name_end].text
            known = self.places.get(name)
            if known is None and doc[found.end].text in self.surnames and name_end - found.end >= 3:
                continue  # "Chủ tịch HĐND tỉnh Trần Thị Bích Vân": a person after the unit word
            if unit.startswith("cửa khẩu") and found.text[0].isupper() and not doc[found.start].is_sent_start:
                # "Đồn Biên phòng Cửa khẩu quốc tế Mộc Bài": the unit word is part of an organization's name
                place_units[found.start] = found.end
                continue
            unit_written = "thành phố" if unit == "tp." else unit
            attrs: dict[str, object] = {"level": UNIT_WORDS[unit]}
            if known is not None and known.level in ("province", "former_province") and unit in ("tỉnh", "thành phố", "tp."):
                normalized = known.normalized
                attrs.update(known.attrs)
            elif known is not None and known.level == "foreign_region":
                normalized = f"{unit_written} {name}"
                attrs.update({"level": known.level, **known.attrs})
            else:
                normalized = f"{unit_written} {name}"
            spans.append(make_span(doc, found.start, name_end, "PLACE", normalized, "places.unit_word", attrs))
        for found in self.names(doc, as_spans=True):
            if found.text in self.people:
                continue
            place = self.places[found.text]
            attrs = {"level": place.level, **place.attrs}
            spans.append(make_span(doc, found.start, found.end, "PLACE", place.normalized, "places.lexicon", attrs))
        doc.user_data["place_units"] = place_units
        add_spans(doc, "PLACE", filter_spans(spans))
        return doc


@Language.factory("vnx_places", default_config={"lexicon": "", "people": ""})
def make_place_extractor(nlp: Language, name: str, lexicon: str, people: str) -> PlaceExtractor:
    return PlaceExtractor(nlp, PlaceLexicon.load(Path(lexicon)), PeopleLexicon.load(Path(people)))

"""PLACE: administrative units, resolved to the official registry, and geographic places.

Three rules find places:
- a unit word followed by a capitalised name is a place of that unit, known or
  not (``phường Hạc Thành``, ``xã Na Mèo``, ``tỉnh Thanh Hoá``, ``huyện Quan Sơn``);
- a province name (current or former) or a name of the lexicon standing alone
  is a place (``Nghệ An`` → ``tỉnh Nghệ An``; ``Tây Trang`` → ``cửa khẩu quốc tế Tây Trang``);
- the name of a body named after its commune is a nested place of that commune
  (``Đồn Biên phòng Na Mèo`` → ``xã Na Mèo``).

Then each is resolved against the registry (:mod:`pipeline.registry`) with the
provinces the document names as context, giving attrs ``level``, ``code``,
``province`` and, for a unit abolished in 2025, ``successor``. A unit the
registry cannot place keeps the level its unit word says and gets no code.
A bare name that is also a known person (``Hồ Chí Minh``) is left to PERSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import PeopleLexicon, Place, PlaceLexicon
from ..normalize import ToneMap
from ..registry import COMMUNE_LEVELS, Registry
from ..segment import token_lowers, tokens_text
from .base import add_spans, is_title, make_span, pattern, span_text

# unit word → level when the registry cannot place the name; longer unit words match first
UNIT_WORDS: dict[str, str] = {
    "tỉnh": "province",
    "thành phố": "city",
    "tp.": "city",
    "tp": "city",
    "phường": "ward",
    "xã": "commune",
    "đặc khu": "special_zone",
    "thị trấn": "township",
    "huyện": "district",
    "quận": "urban_district",
    "thị xã": "town",
    "thôn": "village",
    "bản": "village",
    "làng": "village",
    "ấp": "village",
    "buôn": "village",
    "xóm": "village",
    "khóm": "village",  # an urban hamlet of the Mekong delta ("khóm 3"), "khóm Mỹ Lợi"
    "cửa khẩu quốc tế": "border_gate",
    "cửa khẩu chính": "border_gate",
    "cửa khẩu phụ": "border_gate",
    "cửa khẩu cảng": "border_gate",  # a seaport's border gate ("Đồn Biên phòng Cửa khẩu cảng Vũng Tàu")
    "cửa khẩu": "border_gate",
    "đảo": "island",
    "quần đảo": "island",
    "huyện đảo": "island",
    "sông": "river",
    "châu": "foreign_region",
    "thủ đô": "foreign_region",  # a neighbour's capital ("thủ đô Viêng Chăn"); only a name the lexicon lists
}
# words after which a commune's name may stand without its unit word: "ở Mường Nhé", "khu vực Mường Nhé"
PLACE_CUES = {"ở", "tại", "như"}
PLACE_CUE_PAIRS = {("khu", "vực"), ("địa", "bàn"), ("biên", "giới")}
# words before a place that name its delegation or side ("Đoàn Attapeu", "Phía Lào"), not a longer name
DELEGATION_WORDS = {"đoàn", "phía"}
# unit words that make a place only in lower case and with a name the lexicon lists under them: "châu Hồng Hà"
# (a Chinese prefecture) is one, "châu Á" (a continent) and "Châu Văn Sơn" (a person) are not
KNOWN_NAMES_ONLY = {"châu", "thủ đô"}
WRITTEN_AS = {"tp.": "thành phố", "tp": "thành phố"}
MAX_NAME = 4
# lower-case words that may describe listed places before their names ("các xã biên giới trọng điểm X và Y")
MAX_DESCRIPTION = 4
# a unit word after these is plural: the names that follow are bare places
PLURAL_MARKERS = {"các", "những", "hai", "ba", "bốn", "năm", "sáu", "nhiều", "cặp"}
# words before which a unit word means something else ("văn bản Chỉ thị" is a document)
NOT_A_UNIT_AFTER: dict[str, set[str]] = {"bản": {"văn", "phiên", "kịch", "nguyên", "tái"},
                                         "xóm": {"hàng", "lối", "làng"}}  # "hàng xóm": a neighbour
PROVINCE_LEVELS = ("province", "former_province")
# unit words of a province or district: with a name no registry has, a unit in another country
FOREIGN_IF_UNKNOWN = {"tỉnh": "foreign_region", "thành phố": "foreign_region", "huyện": "foreign_district"}
HYPHENS = {"-", "–"}
# levels whose lexicon entry carries the full name (``cửa khẩu quốc tế Tây Trang``)
NAMED_WITH_KIND = ("border_gate",)
INTERNATIONAL_GATE = "cửa khẩu quốc tế"
SEAPORT_GATE = "cửa khẩu cảng"


def capitalised_run(doc: Doc, start: int, limit: int = MAX_NAME) -> int:
    """End of the name starting at ``start``: capitalised words, or one number (``phường 3``).

    A number written in words with a capital opens a name: ``phường Ba Đình``, ``phường Hai Bà Trưng``, ``xã Năm
    Căn`` (spaCy's Vietnamese ``like_num`` takes ``Ba``, ``Hai``, ``Năm`` for numbers).
    """
    if start < len(doc) and doc[start].like_num and not is_title(doc[start]):
        return start + 1
    end = start
    while end < len(doc) and end - start < limit and is_title(doc[end]):
        end += 1
    return end


@dataclass
class _Found:
    """A place found by a rule, before the registry resolves it."""

    start: int
    end: int
    name: str
    unit: str | None
    rule: str
    place: Place | None = None


class PlaceExtractor:
    """spaCy component: writes ``doc.spans["PLACE"]`` and ``doc.user_data["place_units"]``."""

    def __init__(self, nlp: Language, lexicon: PlaceLexicon, people: PeopleLexicon, registry: Registry):
        self.registry = registry
        self.places: dict[str, Place] = {}
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.province_names: set[str] = set()
        for unit in registry.province_names():
            if unit.name not in self.province_names:
                self.province_names.add(unit.name)
                self.names.add("PROVINCE", [pattern(nlp.vocab, unit.name)])
        for place in lexicon.places:
            self.places.setdefault(place.name, place)
            self.names.add("PLACE", [pattern(nlp.vocab, place.name)])
        self.units = PhraseMatcher(nlp.vocab, attr="LOWER")
        for unit_word in UNIT_WORDS:
            self.units.add(unit_word, [pattern(nlp.vocab, unit_word)])
        self.bodies = PhraseMatcher(nlp.vocab, attr="LOWER")
        for head in lexicon.commune_named_bodies:
            self.bodies.add("BODY", [pattern(nlp.vocab, head)])
        for head in lexicon.district_named_bodies:
            self.bodies.add("DISTRICT_BODY", [pattern(nlp.vocab, head)])
        self.not_after = [tuple(words.lower().split()) for words in lexicon.not_a_place_after]
        self.words_opened = lexicon.words_opened
        self.streets = PhraseMatcher(nlp.vocab, attr="LOWER")
        for word in lexicon.street_words:
            self.streets.add("STREET", [pattern(nlp.vocab, word)])
        self.people = set(people.known_people)
        self.surnames = people.surnames
        self.honorifics = {h for h in people.honorifics if " " not in h}

    def __call__(self, doc: Doc) -> Doc:
        place_units: dict[int, int] = {}
        # on equal spans the first rule wins: "Na Mèo" of "Đồn Biên phòng Na Mèo" is the commune, not the gate
        found = self.body_names(doc) + self.after_unit_words(doc, place_units) + self.bare_names(doc)
        context = self.context_provinces(found)
        found += self.bare_communes(doc, found, context)
        first = {}
        for f in found:  # span values are keyed by offsets: make one span per offsets
            first.setdefault((f.start, f.end), f)
        spans = [self.resolve(doc, f, context) for f in first.values()]
        doc.user_data["place_units"] = place_units
        add_spans(doc, "PLACE", filter_spans(spans))
        doc.spans["STREET"] = self.street_names(doc)
        return doc

    def street_names(self, doc: Doc) -> list[Span]:
        """``đường Nguyễn Văn Cừ``: the capitalised name after a street word (not ``phố`` of ``thành phố``).

        Not an entity: the mention selector keeps no PERSON inside one.
        """
        found = []
        for _, start, end in self.streets(doc):
            if start > 0 and doc[start - 1].lower_ == "thành":
                continue
            name_end = capitalised_run(doc, end)
            if name_end > end and not doc[end].like_num:
                found.append(Span(doc, end, name_end, label="STREET"))
        return found

    def after_unit_words(self, doc: Doc, place_units: dict[int, int]) -> list[_Found]:
        found = []
        # "Phó Chỉ huy trưởng BĐBP tỉnh Đại tá Lò Văn Pánh": a rank after the unit word opens no place name
        rank_starts = {span.start for span in doc.spans["RANK"]} if "RANK" in doc.spans else set()
        for match in filter_spans(self.units(doc, as_spans=True)):
            if match.end in rank_starts:
                continue
            unit = span_text(match).lower()
            before = doc[match.start - 1].lower_ if match.start > 0 else ""
            if before in NOT_A_UNIT_AFTER.get(unit, set()):
                continue
            if before in PLURAL_MARKERS:
                listed = self.listed_names(doc, match.end, unit)
                found.extend(listed)
                if listed and unit.startswith("cửa khẩu"):
                    found.extend(self.paired_gate(doc, listed[-1]))
                continue
            name_end = self.name_end(doc, match.end, WRITTEN_AS.get(unit, unit))
            if name_end == match.end:
                continue
            name = tokens_text(doc, match.end, name_end)
            if unit in KNOWN_NAMES_ONLY and not (span_text(match).islower() and name in self.places
                                                 and self.places[name].normalized == f"{unit} {name}"):
                continue  # "Châu Văn Sơn" capitalised is a person of the surname Châu
            known = self.places.get(name) or self.registry.candidates(name)
            if not known and doc[match.end].text in self.surnames and name_end - match.end >= 3:
                continue  # "Chủ tịch HĐND tỉnh Trần Thị Bích Vân": a person after the unit word
            if unit.startswith("cửa khẩu") and span_text(match)[0].isupper() and not doc[match.start].is_sent_start:
                # "Đồn Biên phòng Cửa khẩu quốc tế Mộc Bài": the unit word is part of an organization's name,
                # the gate's name a PLACE inside it, of the kind the name states
                place_units[match.start] = match.end
                if unit == INTERNATIONAL_GATE:
                    found.append(_Found(match.end, name_end, name, None, "places.gate_in_name",
                                        Place(name, f"{INTERNATIONAL_GATE} {name}", "border_gate")))
                elif unit == SEAPORT_GATE:
                    # "Đồn Biên phòng Cửa khẩu cảng Vũng Tàu": the port's name, kept as written in the body's; the
                    # place it names where the registry has one unit of that name (phường Vũng Tàu), else the name
                    units = self.registry.candidates(name)
                    found.append(_Found(match.end, name_end, name, None, "places.gate_in_name", Place(
                        name, f"{units[0].unit} {units[0].name}" if len(units) == 1 else name, "border_gate")))
                continue
            found.append(_Found(match.start, name_end, name, unit, "places.unit_word", self.places.get(name)))
            if unit.startswith("cửa khẩu"):
                found.extend(self.paired_gate(doc, found[-1]))
        return found

    def name_end(self, doc: Doc, start: int, unit_word: str) -> int:
        """End of the name after a unit word: a known name inside the capitalised run, or the whole run.

        A hyphen joins two runs when the registry knows the whole (``tỉnh Bà Rịa - Vũng Tàu``).
        """
        end = capitalised_run(doc, start)
        if end == start:
            return end
        if end < len(doc) and doc[end].like_num and self.is_known(tokens_text(doc, start, end + 1), unit_word):
            return end + 1  # "xã Sơn Kim 1"
        if end + 1 < len(doc) and doc[end].text in HYPHENS:
            joined_end = capitalised_run(doc, end + 1)
            if joined_end > end + 1 and self.is_known(tokens_text(doc, start, joined_end), unit_word):
                return joined_end
        return self.known_prefix_end(doc, start, end, unit_word)

    def listed_names(self, doc: Doc, k: int, unit: str) -> list[_Found]:
        """``các xã: Tam Chung, Pù Nhi và Mường Lát``: each name of the list, a place of that unit.

        Words that describe the places may stand between the unit word and the names (``hai xã biên giới trọng
        điểm Nậm Cắn và Mỹ Lý``) when the first name is one of that unit in the official registry.
        """
        found = []
        unit_word = WRITTEN_AS.get(unit, unit)
        if k < len(doc) and doc[k].text == ":":
            k += 1
        described = k
        while described < len(doc) and described - k < MAX_DESCRIPTION and doc[described].is_lower and doc[
                described].is_alpha:
            described += 1
        if described > k:
            end = self.name_end(doc, described, unit_word)
            if end == described or not self.registry.candidates(tokens_text(doc, described, end), unit_word):
                return []  # "các tỉnh giáp Lào": a country after the description, no list of provinces
            k = described
        while k < len(doc):
            end = self.name_end(doc, k, unit_word)
            if end == k:
                break
            name = tokens_text(doc, k, end)
            found.append(_Found(k, end, name, unit, "places.list", self.places.get(name)))
            if end + 1 < len(doc) and (doc[end].text == "," or doc[end].lower_ == "và"):
                k = end + 1
            else:
                break
        return found

    def paired_gate(self, doc: Doc, first: _Found) -> list[_Found]:
        """``cặp cửa khẩu Tây Trang - Sốp Hùn``: the gate across the border, after the hyphen, of the same kind."""
        k = first.end
        if k + 1 >= len(doc) or doc[k].text not in HYPHENS:
            return []
        end = capitalised_run(doc, k + 1)
        if end == k + 1:
            return []
        name = tokens_text(doc, k + 1, end)
        international = first.unit == INTERNATIONAL_GATE or (
            first.place is not None and first.place.normalized.startswith(INTERNATIONAL_GATE))
        gate = Place(name, f"cửa khẩu {'quốc tế ' if international else ''}{name}", "border_gate")
        return [_Found(k + 1, end, name, None, "places.gate_pair", gate)]

    def is_known(self, name: str, unit_word: str) -> bool:
        return name in self.places or bool(self.registry.candidates(name, unit_word))

    def known_prefix_end(self, doc: Doc, start: int, end: int, unit_word: str) -> int:
        """Where a known name ends inside a capitalised run (``tỉnh Nghệ An | Trần Văn Hải``); ``end`` when none is."""
        for stop in range(end, start, -1):
            if self.is_known(tokens_text(doc, start, stop), unit_word):
                return stop
        return end

    def bare_names(self, doc: Doc) -> list[_Found]:
        found = []
        for match_id, start, end in self.names(doc):
            name = tokens_text(doc, start, end)
            if name in self.people:
                continue
            if end < len(doc) and doc[end].lower_ in self.words_opened.get(name, ()):
                continue  # "Pháp luật", "Anh hùng": the name opens a common word
            if self.inside_person_name(doc, start) or self.after_blocking_words(doc, start):
                continue
            if name in self.honorifics and end < len(doc) and is_title(doc[end]):
                continue  # "Anh Khởi", "Chị Lan": an honorific before a name, not England
            if name in self.honorifics and self.opens_sentence(doc, start) and end < len(doc) and doc[end].is_lower:
                continue  # "Anh là Chỉ huy trưởng …", "Anh kể": a sentence's subject pronoun, not England
            if end - start == 1 and self.inside_capitalised_words(doc, start):
                continue  # "Ban Pháp chế", the byline "Tâm Anh": a syllable of a name, not France or England
            if end - start == 1 and self.opens_two_syllable_name(doc, start):
                continue  # "Đức Phổ", the byline "Đức Toàn": the first syllable of a name, not Germany
            if doc.vocab.strings[match_id] == "PROVINCE":
                found.append(_Found(start, end, name, None, "places.registry"))
            elif name not in self.province_names:
                found.append(_Found(start, end, name, None, "places.lexicon", self.places[name]))
        return found

    @staticmethod
    def opens_sentence(doc: Doc, start: int) -> bool:
        """The first word of a sentence, also after its opening quote or dash (``"Anh kể``, ``- Chị cho biết``)."""
        k = start
        while k > 0 and doc[k - 1].is_punct and doc[k - 1].text in {'"', "“", "'", "‘", "-", "–", "—", "("}:
            k -= 1
        return k == 0 or doc[k].is_sent_start or doc[k - 1].text in {".", "!", "?", ":"} or "\n" in doc[k - 1].whitespace_

    @staticmethod
    def opens_two_syllable_name(doc: Doc, start: int) -> bool:
        """A one-syllable name before one more capitalised syllable on its line, the two alone between lower-case
        words or punctuation: a name of two syllables it opens (``Ban Chỉ huy Phòng thủ khu vực 3 - Đức Phổ``, the
        byline ``Đức Toàn``), not the country."""
        syllable = doc[start + 1].text if start + 1 < len(doc) else ""
        # (a syllable, not initials: "người Lào K.X" is a Lao national named by initials)
        if ("\n" in doc[start].whitespace_ or len(syllable) < 2 or not syllable.isalpha()
                or not syllable[0].isupper() or not syllable[1:].islower()):
            return False
        if start > 0 and is_title(doc[start - 1]) and not doc[start - 1].is_punct and "\n" not in doc[start - 1].whitespace_:
            return False  # a longer run of capitalised words: not a two-syllable name of its own
        after = doc[start + 2] if start + 2 < len(doc) else None
        return (after is None or after.is_lower or after.is_punct or "\n" in doc[start + 1].whitespace_
                or after.is_space)

    @staticmethod
    def inside_capitalised_words(doc: Doc, start: int) -> bool:
        """A one-syllable name after a capitalised word (not an abbreviation) of its sentence, before a word in
        lower case or the end of its line: part of a longer name (``Ban Pháp chế``, ``Tâm Anh``)."""
        if (start == 0 or doc[start].is_sent_start or not is_title(doc[start - 1]) or doc[start - 1].text.isupper()
                or doc[start - 1].lower_ in DELEGATION_WORDS):
            return False  # "Đoàn Attapeu", "Phía Lào": the delegation or side of a place
        after = doc[start + 1] if start + 1 < len(doc) else None
        return after is None or after.is_lower or "\n" in after.text or "\n" in doc[start].whitespace_

    def after_blocking_words(self, doc: Doc, start: int) -> bool:
        before = tuple(token_lowers(doc)[max(0, start - 3):start])
        return any(before[len(before) - len(words):] == words for words in self.not_after if len(words) <= len(before))

    def inside_person_name(self, doc: Doc, start: int) -> bool:
        """``Vi Văn Đức``, ``Lê Thị Ngọc Anh``: a name preceded by capitalised words that begin with a surname."""
        if start > 0 and doc[start - 1].lower_ in DELEGATION_WORDS:
            return False  # "Đoàn Attapeu": Đoàn is a surname too, but before a place it is the delegation
        k = start
        # an abbreviation is no syllable of a name: "Đoàn BĐBP Cao Bằng" is the delegation of a province's force
        while k > 0 and is_title(doc[k - 1]) and not doc[k - 1].text.isupper() and not doc[k].is_sent_start:
            k -= 1
        return k < start and doc[k].text in self.surnames

    def body_names(self, doc: Doc) -> list[_Found]:
        """``Đồn Biên phòng Na Mèo``: the name after the head, when it is a commune of the registry; ``Huyện ủy Mường
        Tè``: the name after a district's body, when it is a district of the registry (``huyện Mường Tè``)."""
        found = []
        district = doc.vocab.strings["DISTRICT_BODY"]
        for match_id, start, end in self.bodies(doc):
            if not is_title(doc[start]):
                continue
            name_end = capitalised_run(doc, end)
            name = tokens_text(doc, end, name_end)
            if name_end <= end:
                continue
            if match_id == district:
                if self.registry.candidates(name, "huyện"):
                    found.append(_Found(end, name_end, name, "huyện", "places.body_name"))
            elif self.registry.candidates(name, levels=COMMUNE_LEVELS):
                found.append(_Found(end, name_end, name, None, "places.body_name"))
        return found

    def context_provinces(self, found: list[_Found]) -> list[str]:
        """The current provinces the document names, to choose among units of the same name."""
        provinces = []
        for f in found:
            if f.unit is None or f.unit in ("tỉnh", "thành phố", "tp.", "tp"):
                unit = self.registry.resolve(f.name, levels=PROVINCE_LEVELS)
                if unit is not None:
                    provinces.append(unit.province)
        return provinces

    def bare_communes(self, doc: Doc, found: list[_Found], context: list[str]) -> list[_Found]:
        """``ở Mường Nhé và Nậm Pồ``, ``khu vực Mường Nhé``, ``các xã vùng sâu như Sín Thầu, Mường Chà``: a commune
        or ward written without its unit word after a word of place, and the names listed after it, when the
        registry has exactly one of that name in the provinces the document names."""
        if not context:
            return []
        taken = bytearray(len(doc))
        for f in found:
            taken[f.start:f.end] = b"\x01" * (f.end - f.start)
        communes = []
        lowers = token_lowers(doc)
        for k in range(1, len(doc)):
            before = (lowers[k - 2] if k > 1 else "", lowers[k - 1])
            if not (before[1] in PLACE_CUES or before in PLACE_CUE_PAIRS):
                continue
            while k < len(doc) and is_title(doc[k]) and not taken[k]:
                end = capitalised_run(doc, k, limit=3)
                name = tokens_text(doc, k, end)
                unit = self.registry.resolve(name, levels=COMMUNE_LEVELS, context=context) if end - k >= 2 else None
                if unit is None or unit.province not in context or any(taken[k:end]):
                    break
                communes.append(_Found(k, end, name, None, "places.bare_commune"))
                taken[k:end] = b"\x01" * (end - k)
                # the names listed after it: "Sín Thầu, Mường Chà", "Mường Nhé và Nậm Pồ"
                k = end + 1 if end < len(doc) and doc[end].lower_ in (",", "và") else len(doc)
        return communes

    def resolve(self, doc: Doc, f: _Found, context: list[str]) -> Span:
        if f.rule in ("places.body_name", "places.bare_commune") and f.unit is None:
            unit = self.registry.resolve(f.name, levels=COMMUNE_LEVELS, context=context)
            if unit is not None:
                return make_span(doc, f.start, f.end, "PLACE", unit.normalized, f.rule, unit.attrs())
            return make_span(doc, f.start, f.end, "PLACE", None, f.rule, {"level": "commune"})
        if f.unit is None:
            unit = self.registry.resolve(f.name, context=context) if f.place is None else None
            if unit is not None:
                return make_span(doc, f.start, f.end, "PLACE", unit.normalized, f.rule, unit.attrs())
            place = f.place or self.places.get(f.name)
            attrs = {"level": place.level, **place.attrs} if place else {}
            return make_span(doc, f.start, f.end, "PLACE", place.normalized if place else f.name, f.rule, attrs)
        written = WRITTEN_AS.get(f.unit, f.unit)
        unit = self.registry.resolve(f.name, written, context)
        if unit is None and written in ("tỉnh", "thành phố"):
            # "tỉnh Hồ Chí Minh", "TP Thanh Hóa" written loosely: the province of that name
            unit = self.registry.resolve(f.name, levels=PROVINCE_LEVELS, context=context)
        if unit is not None:
            return make_span(doc, f.start, f.end, "PLACE", unit.normalized, f.rule, unit.attrs())
        attrs: dict[str, object] = {"level": UNIT_WORDS[f.unit]}
        if f.unit == INTERNATIONAL_GATE:
            # the text states the kind, also of a gate the lexicon lists as it was before an upgrade
            return make_span(doc, f.start, f.end, "PLACE", f"{INTERNATIONAL_GATE} {f.name}", f.rule,
                             {"level": UNIT_WORDS[f.unit]})
        if f.place is not None and f.place.level == UNIT_WORDS[f.unit] and f.place.level in NAMED_WITH_KIND:
            # "cửa khẩu Tây Trang" is the international gate: its full name says so
            return make_span(doc, f.start, f.end, "PLACE", f.place.normalized, f.rule, {"level": f.place.level})
        if f.place is not None and f.place.level in ("foreign_region", "former_province"):
            attrs.update({"level": f.place.level, **f.place.attrs})
        elif (f.place is None and written in FOREIGN_IF_UNKNOWN and not self.registry.candidates(f.name)
              and f.name.split(" ", 1)[0] not in self.surnames):
            # "tỉnh Phôngsalì", "huyện Phu Vông": a province or district no registry of ours has, now or before 2025,
            # is across the border, whatever spelling the lexicon lacks ("UBND tỉnh Lê Hùng" is a person's name)
            attrs["level"] = FOREIGN_IF_UNKNOWN[written]
        ambiguous = len(self.registry.candidates(f.name, written))
        if ambiguous > 1:
            attrs["candidates"] = ambiguous
        return make_span(doc, f.start, f.end, "PLACE", f"{written} {f.name}", f.rule, attrs)


@Language.factory("vnx_places", default_config={"lexicon": "", "people": ""})
def make_place_extractor(nlp: Language, name: str, lexicon: str, people: str) -> PlaceExtractor:
    registry = Registry.load(ToneMap.from_underthesea())
    return PlaceExtractor(nlp, PlaceLexicon.load(Path(lexicon)), PeopleLexicon.load(Path(people)), registry)

"""ORG: organizations by a head-word grammar, maximal as the guideline asks.

An organization opens with a head (``Ban Chỉ huy``, ``Bộ Tư lệnh``, ``Đồn Biên
phòng``, ``Cụm thi đua``) or with an organization acronym (``BĐBP``), and goes on
with acronyms, places, ``số N``, a unit word and capitalised words:

    Ban chỉ huy BĐBP Thanh Hóa   → Ban Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa
    Cụm thi đua số 3 BĐBP        → Cụm thi đua số 3 Bộ đội Biên phòng
    Phó Tư lệnh BĐBP             → ORG ``BĐBP`` → Bộ đội Biên phòng

A head followed by ``các``/``những`` is a generic plural (``Ban Chỉ huy BĐBP các
tỉnh``), not a name. A bare head is an organization when it is one by itself
(``Tỉnh ủy``, ``Chính phủ``) or when it is coordinated with a named one
(``Ban Thường vụ Đảng ủy, Bộ Tư lệnh BĐBP``); such an elliptical name has no
normalized value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lexicons import AcronymLexicon, OrganizationLexicon, PeopleLexicon
from ..segment import DocumentWords
from .base import LazySpanChoice, add_spans, is_title, make_span, pattern, span_starting_at, spans_of

BARE_UNIT_WORDS = {"tỉnh", "thành phố", "xã", "phường", "huyện", "quận", "thị xã", "đặc khu"}
COORDINATORS = {",", "và"}
# lower-case words a sentence-case name may run over before its next naming part
MAX_BRIDGE = 8
# bodies that, written alone, are the ones of the document's province (``Tỉnh ủy`` → ``Tỉnh ủy Lạng Sơn``)
PROVINCE_BODIES = {"tỉnh ủy", "thành ủy"}


def document_units(places: list[Span]) -> dict[str, str]:
    """Unit word → the name of the document's most mentioned place of that unit (the first on a tie).

    ``Công an phường`` in a document about ``phường Hoàng Mai`` is that ward's.
    """
    counts: dict[str, dict[str, int]] = {}
    for place in places:
        value = place._.normalized or ""
        for unit in ("phường", "xã", "đặc khu"):
            if value.startswith(unit + " "):
                name = value[len(unit) + 1:]
                counts.setdefault(unit, {}).setdefault(name, 0)
                counts[unit][name] += 1
    return {unit: max(names, key=lambda n: names[n]) for unit, names in counts.items()}


def document_province(places: list[Span]) -> tuple[str, str] | None:
    """(unit word, name) of the province a document is about: its most mentioned one, the first on a tie.

    ``UBND tỉnh`` and ``Tỉnh ủy`` in that document are this province's.
    """
    counts: dict[str, int] = {}
    for place in places:
        value = place._.normalized or ""
        if (place._.attrs or {}).get("level") == "province" and " " in value:  # foreign regions have their own level
            counts[value] = counts.get(value, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda v: counts[v])  # dicts keep first-seen order, so ties go to the first
    for unit in ("thành phố", "tỉnh"):
        if best.startswith(unit + " "):
            return unit, best[len(unit) + 1:]
    return None


def first_is_vessel_number(doc: Doc, i: int, parts: list["Part"]) -> bool:
    """``tàu CSB 8005``: an organization acronym followed by a number names a vessel or vehicle."""
    end = parts[-1].end
    return parts[0].kind == "acronym" and end < len(doc) and doc[end].like_num


@dataclass
class Part:
    start: int
    end: int
    kind: str
    value: str


class OrganizationExtractor:
    """spaCy component: writes ``doc.spans["ORG"]``. Needs ACRONYM and PLACE spans when those run."""

    def __init__(self, nlp: Language, lexicon: OrganizationLexicon, acronyms: AcronymLexicon, people: PeopleLexicon):
        names = (*lexicon.heads, *lexicon.standalone, *lexicon.numbered)
        self.canonical = {name.lower(): name for name in names}
        self.standalone = {name.lower() for name in lexicon.standalone}
        self.numbered = {name.lower() for name in lexicon.numbered}
        self.generic_after = {word.lower() for word in lexicon.generic_after}
        self.sentence_case = {word.lower() for word in lexicon.sentence_case_heads}
        self.org_acronyms = {key for key, entry in acronyms.acronyms.items() if entry.org}
        self.expansions = {key: entry.expansion for key, entry in acronyms.acronyms.items()}
        self.surnames = people.surnames
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name in names:
            self.heads.add("HEAD", [pattern(nlp.vocab, name)])
        self.units = PhraseMatcher(nlp.vocab, attr="LOWER")
        for unit in BARE_UNIT_WORDS:
            self.units.add("UNIT", [pattern(nlp.vocab, unit)])
        # set by the Pipeline (Segmenter.words_in): words of a sentence for a Doc built without them
        self.word_source: Callable[[Doc, int, int], list[tuple[int, int]]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        context = _Context(self, doc)
        spans: list[Span] = []
        end = 0
        # an organization starts at a head or an acronym: only those tokens are tried, left to right
        for i in sorted({*context.head_starts, *context.acronyms}):
            if i < end or (i not in context.acronyms and not context.may_start_organization(i)):
                continue
            org = context.organization_at(i)
            if org is not None:
                spans.append(org)
                end = org.end
        add_spans(doc, "ORG", spans)
        return doc

    def is_org_long_form(self, long_form: str) -> bool:
        lowered = long_form.lower()
        return any(lowered == head or lowered.startswith(head + " ") for head in self.canonical)


class _Context:
    """Per-document lookups for the grammar: where heads, acronyms, places and blockers start."""

    def __init__(self, extractor: OrganizationExtractor, doc: Doc):
        self.x = extractor
        self.doc = doc
        self.acronyms = span_starting_at(spans_of(doc, "ACRONYM"))
        places = spans_of(doc, "PLACE")
        self.places = span_starting_at(places)
        self.blockers = {s.start for key in ("RANK", "POSITION") for s in spans_of(doc, key)}
        covering: dict[int, list[int]] = {}  # start → ends of the POSITION and PLACE spans starting there
        for span in (s for key in ("POSITION", "PLACE") for s in spans_of(doc, key)):
            covering.setdefault(span.start, []).append(span.end)
        longest = max((e - s for s, ends in covering.items() for e in ends), default=0)
        self.words = DocumentWords(doc, extractor.word_source)

        def covered(h: Span) -> bool:
            return any(h.end <= e and e - s > len(h)
                       for s in range(max(0, h.start - longest), h.start + 1) for e in covering.get(s, ()))

        # a head is a whole word or words (not ``vụ`` of ``nhiệm vụ``, not ``Bộ`` of ``Bộ đội``, not ``bộ Công an``
        # of ``cán bộ Công an``), and not part of a longer position or place (``Tỉnh ủy`` in ``Tỉnh ủy viên``,
        # ``Trường`` in ``Trường Sa``); the longest head left wins
        # resolved where the grammar looks: a sentence is segmented into words only for a head that could matter
        self.heads = LazySpanChoice(
            extractor.heads(doc, as_spans=True),
            lambda h: not covered(h) and not self.words.inside_word(h.start) and not self.words.inside_word(h.end),
        )
        self.head_starts = set(self.heads.starts())
        self.units = {start: end for _, start, end in extractor.units(doc)}
        learned = doc.user_data.get("acronym_definitions", {})
        self.expansions = {**extractor.expansions, **learned}
        self.province = document_province(places)
        self.local_units = document_units(places)
        self.place_units = doc.user_data.get("place_units", {})
        self.org_acronyms = extractor.org_acronyms | {a for a, form in learned.items() if extractor.is_org_long_form(form)}
        self.numbered_full: dict[str, str] = {}  # grow() reads it; empty while numbered_names() fills it
        self.numbered_full = self.numbered_names()

    def numbered_names(self) -> dict[str, str]:
        """Numbered head → the full name it has in this document (``vùng`` → ``Vùng 2 Hải quân``), first one wins.

        A later ``Bộ Tư lệnh Vùng`` or ``trong Vùng`` without the number refers back to it.
        """
        doc = self.doc

        def numbered_at(head: Span) -> bool:
            k = head.end + (1 if head.end < len(doc) and doc[head.end].lower_ == "số" else 0)
            return head.text.lower() in self.x.numbered and k < len(doc) and doc[k].like_num

        names: dict[str, str] = {}
        for start in self.heads.starts():
            if not any(numbered_at(candidate) for candidate in self.heads.candidates(start)):
                continue  # whichever head is taken here, it is no numbered one: no need to resolve it
            head = self.heads.get(start)
            if head is None or not numbered_at(head) or head.text.lower() in names:
                continue
            key = head.text.lower()
            parts, _ = self.grow([Part(start, head.end, "head", self.x.canonical[key])])
            names[key] = self.normalize(parts)
        return names

    def may_start_organization(self, i: int) -> bool:
        """False only where no head candidate at ``i`` can start an organization, whichever is taken.

        A head names an organization when it is capitalised, stands alone
        (``Đảng ủy``), is a named head, or is followed by something the name
        grows with; ``bộ`` of ``cán bộ chiến sĩ`` is none of these, so its
        words need not be known.
        """
        doc = self.doc
        for head in self.heads.candidates(i):
            key = head.text.lower()
            if (doc[i].text[:1].isupper() or key in self.x.standalone
                    or any(key.startswith(h + " ") for h in self.x.sentence_case) or self.grows_at(head.end)):
                return True
        return False

    def grows_at(self, k: int) -> bool:
        """Whether ``grow`` could add a part at token ``k`` (a superset of what it adds)."""
        if k >= len(self.doc):
            return False
        token = self.doc[k]
        return (k in self.head_starts or k in self.acronyms or k in self.place_units or k in self.places
                or token.text == "(" or token.lower_ == "số" or token.like_num or k in self.units or is_title(token))

    def is_org_acronym(self, i: int) -> bool:
        return i in self.acronyms and self.doc[i].text in self.org_acronyms

    def is_parenthesised(self, i: int) -> bool:
        """``(BĐBP)`` after its long form is a definition: an ACRONYM only, not an ORG."""
        doc = self.doc
        return 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"

    def person_starts_at(self, k: int) -> bool:
        doc = self.doc
        return (doc[k].text in self.x.surnames and k + 1 < len(doc) and is_title(doc[k + 1])
                and k not in self.places)

    def organization_at(self, i: int) -> Span | None:
        if i in self.heads:
            head = self.heads[i]
            parts = [Part(head.start, head.end, "head", self.x.canonical[head.text.lower()])]
        elif self.is_org_acronym(i) and not self.is_parenthesised(i):
            acronym = self.acronyms[i]
            parts = [Part(i, i + 1, "acronym", acronym._.normalized or acronym.text)]
        else:
            return None
        if first_is_vessel_number(self.doc, i, parts):
            return None
        parts, named = self.grow(parts)
        end = parts[-1].end
        first = parts[0]
        after = self.doc[end].lower_ if end < len(self.doc) else ""
        # "Ban Chỉ huy BĐBP các tỉnh" is a plural; in "UBND tỉnh các giải pháp" and "Thủ tướng Chính phủ các
        # nội dung" the name was complete before "các"
        complete = parts[-1].kind == "unit" or (len(parts) == 1 and first.value.lower() in self.x.standalone)
        if first.kind == "head" and after in self.x.generic_after and not complete:
            return None
        normalized = self.normalize(parts)
        if first.kind == "acronym":
            return make_span(self.doc, i, end, "ORG", normalized, "orgs.acronym")
        if named:
            return make_span(self.doc, i, end, "ORG", normalized, "orgs.head")
        if len(parts) == 1 and first.value.lower() in self.x.standalone:
            return make_span(self.doc, i, end, "ORG", normalized, "orgs.standalone")
        if len(parts) == 1 and any(first.value.lower().startswith(h + " ") for h in self.x.sentence_case):
            # "Phòng Tham mưu", "Đội Trinh sát": the head word and its name, a lexicon entry of its own
            return make_span(self.doc, i, end, "ORG", normalized, "orgs.named_head")
        if self.doc[i].text[0].isupper():
            shared = self.coordinated_with_named(end)
            if shared is not None:
                value = self.normalize(parts + shared) if shared else None
                return make_span(self.doc, i, end, "ORG", value, "orgs.ellipsis")
        return None

    def normalize(self, parts: list[Part]) -> str:
        """The full name: acronyms expanded (also inside heads), a bare unit word completed with the document's province."""
        words: list[str] = []
        for part in parts:
            if part.kind == "definition":
                continue
            if part.kind == "unit" and self.province is not None and part.value == self.province[0]:
                words.append(f"{self.province[0]} {self.province[1]}")
                continue
            if part.kind == "unit" and part.value in self.local_units:
                words.append(f"{part.value} {self.local_units[part.value]}")
                continue
            value = part.value
            written = self.doc[part.start:part.end].text.lower()
            if part.kind == "place" and words and words[-1].lower() in ("ủy", "uỷ") and not written.startswith(
                    ("tỉnh ", "thành phố ")):
                # "Tỉnh ủy Thanh Hóa", not "Tỉnh ủy tỉnh Thanh Hóa"; a unit word written stays
                value = value.split(" ", 1)[-1] if value.startswith(("tỉnh ", "thành phố ")) else value
                value = value[len("phố "):] if value.startswith("phố ") else value
            words.extend(self.expansions.get(word, word) for word in value.split())
        text = " ".join(words)
        last = parts[-1]
        if last.kind == "head" and last.value.lower() in PROVINCE_BODIES and self.province:
            # "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy" alone: the document's province's
            text = f"{text} {self.province[1]}"
        return text

    def coordinated_with_named(self, end: int) -> list[Part] | None:
        """``Đảng ủy, Ban Chỉ huy BĐBP tỉnh``: a bare head shares the complement of the next, named organization.

        Returns the shared parts (empty when the next name is a head alone) or None when not coordinated.
        """
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in COORDINATORS or (end + 1) not in self.heads:
            return None
        nxt = self.heads[end + 1]
        parts, named = self.grow([Part(nxt.start, nxt.end, "head", nxt.text)])
        after = parts[-1].end
        if not named or (after < len(doc) and doc[after].lower_ in self.x.generic_after):
            return None
        return [p for p in parts[1:] if p.kind != "definition"]

    def sentence_case_name(self, parts: list[Part]) -> bool:
        """``Phòng Cảnh sát …``: a sentence-case head followed by its capitalised first name word."""
        return (len(parts) == 2 and parts[0].kind == "head" and parts[0].value.lower() in self.x.sentence_case
                and parts[1].kind in ("name", "head") and is_title(self.doc[parts[1].start]))

    def bridge_end(self, k: int, parts: list[Part]) -> int | None:
        """End of the lower-case words from ``k`` when they lead to another naming part, else None.

        A number closes the bridge only after a numbered head (``Đại đội Bảo vệ biên giới 283``).
        """
        doc = self.doc
        numbered = parts[0].value.lower() in self.x.numbered
        for end in range(k, min(k + MAX_BRIDGE, len(doc))):
            token = doc[end]
            if end > k and ((token.like_num and numbered) or end in self.acronyms or end in self.heads
                            or end in self.places or (token.text == "(" and (end + 1) in self.acronyms)):
                return end
            if not token.is_lower or not token.is_alpha or end in self.blockers:
                return None
        return None

    def grow(self, parts: list[Part]) -> tuple[list[Part], bool]:
        """Extend an organization name to the right; also say whether it got a naming part."""
        doc = self.doc
        named = False
        k = parts[-1].end
        while k < len(doc):
            token = doc[k]
            if k in self.blockers:
                break
            if k in self.heads and parts[-1].kind in ("head", "bridge", "definition"):
                head = self.heads[k]
                parts.append(Part(k, head.end, "head", self.x.canonical[head.text.lower()]))
                # "Ban Thường vụ Tỉnh ủy": a body named by the organization it belongs to
                named = named or head.text.lower() in self.x.standalone
            elif k in self.acronyms:
                acronym = self.acronyms[k]
                parts.append(Part(k, k + 1, "acronym", acronym._.normalized or acronym.text))
                named = True
            elif k in self.place_units and self.place_units[k] in self.places:
                place = self.places[self.place_units[k]]
                parts.append(Part(k, place.end, "place", place._.normalized or doc[k:place.end].text))
                named = True
            elif k in self.places:
                place = self.places[k]
                # a body named after its commune keeps the name as written: Đồn Biên phòng Na Mèo
                value = place.text if place._.source == "places.body_name" else place._.normalized or place.text
                parts.append(Part(k, place.end, "place", value))
                named = True
            elif token.text == "(" and k + 2 < len(doc) and (k + 1) in self.acronyms and doc[k + 2].text == ")":
                parts.append(Part(k, k + 3, "definition", ""))
            elif token.lower_ == "số" and k + 1 < len(doc) and doc[k + 1].like_num:
                parts.append(Part(k, k + 2, "number", f"số {doc[k + 1].text}"))
                named = True
            elif token.like_num and parts[-1].kind in ("head", "bridge"):
                parts.append(Part(k, k + 1, "number", token.text))
                named = True
            elif k in self.units:
                parts.append(Part(k, self.units[k], "unit", doc[k:self.units[k]].text.lower()))
                named = True
                break
            elif is_title(token) and not self.person_starts_at(k):
                end = max(self.words.word_end(k), k + 1)
                parts.append(Part(k, end, "name", doc[k:end].text))
                named = True
            elif self.sentence_case_name(parts) and (bridge := self.bridge_end(k, parts)) is not None:
                parts.append(Part(k, bridge, "bridge", doc[k:bridge].text))
            else:
                break
            k = parts[-1].end
        # a definition belongs to the name only when the name goes on after it
        while parts[-1].kind == "definition":
            parts.pop()
        last = parts[-1]
        if not named and last.kind == "head" and last.value.lower() in self.numbered_full and is_title(doc[last.start]):
            parts[-1] = Part(last.start, last.end, "head", self.numbered_full[last.value.lower()])
            named = True
        return parts, named


@Language.factory("vnx_orgs", default_config={"lexicon": "", "acronyms": "", "people": ""})
def make_org_extractor(nlp: Language, name: str, lexicon: str, acronyms: str, people: str) -> OrganizationExtractor:
    return OrganizationExtractor(nlp, OrganizationLexicon.load(Path(lexicon)), AcronymLexicon.load(Path(acronyms)),
                                 PeopleLexicon.load(Path(people)))

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

The registry of official bodies (:mod:`pipeline.org_registry`) adds names
the grammar cannot delimit: each of its names is a head matched whole,
whatever its case after the first letter and with or without its commas
(``Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ``). It then says
what the organization is: attrs ``registry_id``, ``kind``, ``parent`` and
``successor``, and the full name of a short form (``Bộ CA`` → ``Bộ Công an``).
Normalization takes the document first (``Sở Tài chính`` in a document about
Nghệ An → ``Sở Tài chính tỉnh Nghệ An``), then the registry; neither settling
it, the name stays as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy
from spacy.attrs import IS_DIGIT
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lexicons import PARTY_COMMITTEE, PARTY_ORGANIZATION, AcronymLexicon, OrganizationLexicon, PeopleLexicon
from ..org_registry import (
    ACRONYM, IN_CONTEXT, NAME, SHORT, TEMPLATE, UNIT_NAME, VARIANT, Body, Form, OrgRegistry, Template, choose_body,
    form_key, strip_unit_word, with_ancestors,
)
from ..segment import (DocumentWords, SentenceIndex, is_acronym_form, phrase_at, sentence_ranges, text_of,
                       token_lowers, token_texts, tokens_text)
from .acronyms import ROMAN_NUMERAL, UNIT_CODE
from .base import (
    HOME_COUNTRY, PIECE, LazySpanChoice, add_spans, is_title, make_span, pattern, set_span_values, span_starting_at,
    span_text, span_values, spans_of,
)

# unit words only places abroad have: a bare one is the foreign place of that word the document names
FOREIGN_UNITS = {"châu"}
# "châu": a Chinese prefecture's bodies written with the bare unit word ("Cục Công an châu") after the prefecture
ADMINISTRATIVE_UNIT_WORDS = {"tỉnh", "thành phố", "xã", "phường", "huyện", "quận", "thị xã", "đặc khu", "châu"}
# a village's too: its Party cell is written "Chi bộ thôn" after the village is named ("thôn Nà Pàn")
VILLAGE_UNIT_WORDS = ("thôn", "bản", "xóm", "ấp")
BARE_UNIT_WORDS = ADMINISTRATIVE_UNIT_WORDS | set(VILLAGE_UNIT_WORDS)
COORDINATORS = {",", "và"}
# demonstratives: after a head they make it generic, before one they close an adverb ("Sau đó", "Khi ấy")
DEMONSTRATIVES = {"này", "đó", "ấy", "kia"}
# the most words of a name that shares the head before it ("Sở Nội vụ, Khoa học và Công nghệ")
MAX_SHARED_NAME_WORDS = 6
# lower-case words a sentence-case name may run over before its next naming part
MAX_BRIDGE = 8
HYPHENS = {"-", "–"}
# a unit's code: capital letters, then digits ("Z111", "K51", "X50")
UNIT_CODE = re.compile(r"[A-ZĐ]{1,2}[0-9]{2,4}")
# words before the body something is given to: in a clause of the other side, that body is ours
RECIPIENT_WORDS = {"cho", "tặng"}
# what joins the fields a unit's name ends with ("ma túy và tội phạm") or opens them ("phòng, chống ma túy")
TAIL_JOINERS = (("phòng", ",", "chống"), ("phòng", "chống"), ("và",), (",",))
# the kinds of a border gate written after "Cửa khẩu" in a post's name
GATE_KINDS = frozenset({("quốc", "tế"), ("chính",), ("phụ",)})
# people counted after a name ("bầu bổ sung vào Ban Thường vụ Tỉnh ủy hai đồng chí"): the name ended before the count
COUNTED_PEOPLE = frozenset({("đồng", "chí"), ("người",), ("cán", "bộ"), ("thành", "viên"), ("ủy", "viên")})
# words for a vessel: a force's acronym after one is the ship's kind ("tàu CSB"), no organization
VESSEL_WORDS = {"tàu", "xuồng", "ca nô"}
# a Party committee's boards written bare, the committees' heads and the unit word of the place each is of, and what
# may stand between the boards and the committee named after them ("tham gia Ban Chấp hành, Ban Thường vụ và giữ
# chức Bí thư Đảng ủy xã Ba Bể")
PARTY_BOARDS = {"Ban Chấp hành", "Ban Thường vụ"}
PARTY_COMMITTEES = {"Đảng ủy ": "", "Tỉnh ủy ": "tỉnh ", "Thành ủy ": "thành phố "}
BOARD_GAP_WORDS = {",", "và", "giữ", "chức", "làm", "là", "đảm", "nhiệm", "ban", "thường", "vụ", "chấp", "hành"}
MAX_BOARD_GAP = 12
# a numbered unit's command ("Bộ Tư lệnh Quân khu 3"): the unit's own name follows it
COMMAND_HEAD = "Bộ Tư lệnh"
# the words a sentence opens a scene with: "Tại xã Mường Nhé, …"
SCENE_OPENERS = {"Tại", "Ở"}
# words after "cho" that make it a verb of saying, not of giving ("Đại úy X cho biết Bộ Chỉ huy Quân sự tỉnh …")
SAYING_AFTER_CHO = {"biết", "hay", "rằng"}
# place levels of the registry → the level of the bodies named after them (templates' levels)
BODY_LEVELS = {"province": "province", "ward": "commune", "commune": "commune", "special_zone": "commune",
               "township": "commune", "district": "district", "urban_district": "district", "town": "district",
               "city": "district", "former_province": "province"}
# levels of a place outside Vietnam: kept as written inside an organization's name (Cục … Bằng Tường)
FOREIGN_LEVELS = {"foreign_region", "foreign_district", "country"}
# places an organization's name keeps as written
KEPT_IN_NAMES = FOREIGN_LEVELS | {"border_gate"}
# the registry's kinds of a city's or region's military command: their Party committee is the command's
CITY_COMMANDS = ("military_region", "military_command")
# the level of a body a unit word written after its head names ("BCHQS tỉnh", "BCHQS xã")
UNIT_LEVELS = {"tỉnh": "province", "thành": "province", "xã": "commune", "phường": "commune", "đặc": "commune",
               "huyện": "district"}
# the words after a delegation's place that list its members ("Đoàn tỉnh Salavan do …", "Phía Lào có …")
DELEGATION_MEMBERS = {"do", "có", "gồm"}
# foreign provinces and districts: what a bare "tỉnh", "huyện" of a foreign body stands for
FOREIGN_UNIT_LEVELS = ("foreign_region", "foreign_district")
# the day district-level units ended in Vietnam (Nghị quyết 202/2025/QH15)
DISTRICTS_ABOLISHED = "2025-07-01"
# levels of a place written after a unit word that the registry could not place (no code): maybe a person
UNPLACED_LEVELS = {"province", "city", "ward", "commune", "special_zone", "township", "district", "urban_district",
                   "town"}


def document_units(places: list[Span]) -> dict[str, str]:
    """Unit word → the name of the document's most mentioned place of that unit (the first on a tie).

    ``Công an phường`` in a document about ``phường Hoàng Mai`` is that ward's.
    """
    counts: dict[str, dict[str, int]] = {}
    for place in places:
        value = span_values(place)[0] or ""
        for unit in ("phường", "xã", "đặc khu", *VILLAGE_UNIT_WORDS):
            if value.startswith(unit + " "):
                name = value[len(unit) + 1:]
                counts.setdefault(unit, {}).setdefault(name, 0)
                counts[unit][name] += 1
    return {unit: max(names, key=lambda n: names[n]) for unit, names in counts.items()}


@dataclass(frozen=True)
class Province:
    """The province a document is about: its unit word, name and official code."""

    unit: str
    name: str
    code: str | None
    foreign: bool = False

    @property
    def full(self) -> str:
        return f"{self.unit} {self.name}"


# how many mentions a province named in a document's first line counts for: the headline names its subject
HEADLINE_WEIGHT = 3


def document_province(places: list[Span]) -> Province | None:
    """The province a document is about: its most mentioned one, a mention in the first line (the headline, or
    the lead) counting ``HEADLINE_WEIGHT`` times, the first on a tie.

    ``UBND tỉnh`` and ``Tỉnh ủy`` in that document are this province's: in ``Đại tá A giữ chức Giám đốc Công an
    tỉnh Điện Biên``, a story that also names his former province Lào Cai four times, they are Điện Biên's.
    """
    counts: dict[str, int] = {}
    codes: dict[str, str | None] = {}
    first_line = text_of(places[0].doc).find("\n") if places else -1
    for place in places:
        value, _, attrs = span_values(place)
        value, attrs = value or "", attrs or {}
        # foreign regions have their own level; a "province" the registry could not place is no province
        if attrs.get("level") == "province" and attrs.get("code") and " " in value:
            weight = HEADLINE_WEIGHT if 0 <= place.start_char < first_line else 1
            counts[value] = counts.get(value, 0) + weight
            codes.setdefault(value, attrs.get("code"))
    if not counts:
        return None
    best = max(counts, key=lambda v: counts[v])  # dicts keep first-seen order, so ties go to the first
    for unit in ("thành phố", "tỉnh"):
        if best.startswith(unit + " "):
            return Province(unit, best[len(unit) + 1:], codes[best])
    return None


def party_organization_of(name: str) -> str:
    """How a body named before reads as the Party organization a bare ``Đảng bộ`` refers back to: the one its
    committee or boards are of (``Đảng ủy Quân sự tỉnh Hà Tĩnh`` and ``Ban Chấp hành Đảng bộ Quân sự tỉnh Hà Tĩnh``
    → ``Đảng bộ Quân sự tỉnh Hà Tĩnh``; ``Tỉnh ủy Nghệ An`` → ``Đảng bộ tỉnh Nghệ An``); other names as written.

    >>> party_organization_of("Ban Thường vụ Đảng ủy Bộ đội Biên phòng tỉnh Thanh Hóa")
    'Đảng bộ Bộ đội Biên phòng tỉnh Thanh Hóa'
    """
    for committee, unit in PARTY_COMMITTEES.items():
        at = name.find(committee)
        if at == 0 or (at > 0 and name[:at].rstrip() in PARTY_BOARDS):
            return f"{PARTY_ORGANIZATION} {unit}{name[at + len(committee):]}"
    at = name.find(PARTY_ORGANIZATION + " ")
    return name[at:] if at > 0 and name[:at].rstrip() in PARTY_BOARDS else name


def first_is_vessel_number(doc: Doc, i: int, parts: list["Part"]) -> bool:
    """``tàu CSB 8005``: an organization acronym followed by a number names a vessel or vehicle; so does one right
    after ``tàu`` (``Thấy tàu CSB chạy tới``: a coast guard ship, the force's acronym as its kind)."""
    end = parts[-1].end
    return parts[0].kind == "acronym" and ((end < len(doc) and doc[end].like_num)
                                           or (i > 0 and doc[i - 1].lower_ in VESSEL_WORDS))


@dataclass
class Part:
    """One piece of an organization's name: a head, an acronym, a place, a number, a unit word, a name …

    ``forms`` are the registry forms a head is written as; ``attrs`` a place's registry attributes.
    """

    start: int
    end: int
    kind: str
    value: str
    forms: tuple[Form, ...] = ()
    attrs: dict | None = None

    @property
    def complete(self) -> bool:
        """A body's whole name from the registry (in a headline in capitals, the words after it are not its name)."""
        return any(form.role in (NAME, VARIANT, SHORT, IN_CONTEXT, UNIT_NAME) for form in self.forms)

    def template(self, registry: OrgRegistry) -> Template | None:
        return next((registry.templates[f.entry] for f in self.forms if f.role == TEMPLATE), None)


# words before "bạn" that name the other side of a meeting: "phía bạn", "đoàn bạn", "lực lượng chức năng bạn"
FOREIGN_SIDE_WORDS = {"phía", "đoàn", "năng", "nước", "tỉnh"}
# words just before a place that make it a person's hometown or address, not the place of a body
PERSONAL_PLACE_CUES = {"quê", "trú", "sinh"}
# a province a border runs along ("tuyến biên giới giáp tỉnh Bôlykhămxay"): the neighbour, no body's place either
NEIGHBOUR_CUES = {"giáp"}
# the kinds of unit a commune's body has as well as a province's: a council's committees ("Ban Pháp chế" of the
# HĐND xã named last), not a police's divisions (a Công an xã has none)
EVERY_LEVELS_UNITS = {"council_committee"}
# a commune's, ward's or special zone's body, by its unit word ("Ủy ban nhân dân xã Thông Thụ")
COMMUNE_BODY = re.compile(r" (xã|phường|đặc khu) ")
# the kinds of unit only a commune's body has ("Phòng Kinh tế" of the UBND xã named last; a province has a Sở)
COMMUNE_UNITS = {"commune_department"}
# the most words of the place that names a region ("khu vực Bảo Lâm", "khu vực A Lưới")
MAX_REGION_NAME = 4
# a team of a division named by its number alone ("Đội 3"): completed with its division as a named team is; other
# numbered units (Tiểu đoàn 4, Hải đội 2, Đội Trinh sát số 2) stand alone
NUMBERED_TEAM = re.compile(r"^Đội \d+$")
LOCAL_UNIT_WORDS = re.compile(r"\b(tỉnh|thành phố|xã|phường|huyện|quận|thị xã)\b")


def complete_sub_units(spans: list[Span], parents: dict[str, tuple[str, ...]], national: Iterable[str] = (),
                       place_starts: Collection[int] = (), foreign_places: Collection[str] = (),
                       fixed_owners: dict[str, tuple[str, ...]] | None = None,
                       as_force: Callable[[str], str] = str,
                       sentence_of: Callable[[], SentenceIndex] | None = None,
                       foreign_heads: Collection[str] = (), story_heads: Collection[str] = (),
                       comma_heads: Collection[str] = (), owner_name: Callable[[str], str] | None = None,
                       on_foreign_side: Callable[[int], bool] | None = None) -> None:
    """Complete the normalized value of a sub-unit written alone with the body it belongs to.

    ``Đội Trinh sát, Bộ CHQS tỉnh Quảng Ninh`` → ``Đội Trinh sát Bộ Chỉ huy Quân
    sự tỉnh Quảng Ninh``: an owner written right after it, behind a comma, is
    its owner; else ``Đội Trinh sát`` after ``Đồn Biên phòng Khánh Bình`` →
    ``Đội Trinh sát Đồn Biên phòng Khánh Bình``: the last organization before
    it. An owner's normalized name opens with one of the sub-unit's heads'
    parents (``sub_unit_parents``). A value already longer than what is
    written (completed by the registry or the document), a numbered name
    (``Đội Trinh sát số 2``) or a sub-unit with no owner is left as it is.
    ``spans`` are in text order. A sub-unit named after a place (one of ``place_starts`` inside it) is complete;
    one whose head is ``national`` belongs to a national body only. A body of a foreign province (its name ends
    with one of ``foreign_places``: ``Công an tỉnh Savannakhet``) owns a sub-unit of its own sentence only (``Về
    phía tỉnh Savannakhet, …, Trưởng Phòng Cảnh sát hình sự``), never one of a later sentence about our side.
    A sub-unit whose owners are all bodies only other countries have (``foreign_heads``: the ``Phòng Chống ma túy``
    of a Cambodian province's ``Cảnh sát tỉnh``) is that foreign body's in any sentence. A staff department of
    ``story_heads`` (``Phòng Tham mưu``) is of the owner the document names most, unless one stands in its sentence.
    A unit of ``comma_heads`` is joined to its owner with a comma, as its official name is (``Trường Đại học Y -
    Dược, Đại học Thái Nguyên``).
    ``fixed_owners``: the registry's unit names (by :func:`form_key`) whose owners it names (``Phòng Cảnh sát hình
    sự`` → ``Công an``): only those own them, whatever the head's parents allow. ``as_force`` names an owner
    that is a command by its force (``Bộ Chỉ huy Bộ đội Biên phòng tỉnh X`` → ``Bộ đội Biên phòng tỉnh X``) when
    owners are compared; ``owner_name`` (``as_force`` when not given) names the owner in the completed value.
    """
    name_of_owner = owner_name or as_force
    fixed_owners = fixed_owners or {}
    national = tuple(national)
    first_words = {head.split(" ", 1)[0] for head in parents}

    def head_of(span: Span, completed_ok: bool = False) -> str | None:
        if token_texts(span.doc)[span.start] not in first_words:
            return None
        text = span_text(span)
        value, _, attrs = span_values(span)
        if value and value.lower() == text.lower():
            text = value  # the lexicon's spelling of a name the press capitalises: "Đội Kiểm soát Hải quan"
        completed = (value != text or (attrs or {}).get("parent")) and not (
            completed_ok and (value or "").startswith(text + " "))
        if completed or (any(ch.isdigit() for ch in text) and not NUMBERED_TEAM.match(text)) or any(k in place_starts for k in range(
                span.start + 1, span.end)):
            return None
        # the longest head that opens the name: "Cục Chính trị" (a staff organ) before "Cục"; the heads that may
        # open it are its prefixes that end before a space, looked up longest first rather than every head tried
        ends = [i for i, ch in enumerate(text) if ch == " "]
        return next((text[:i] for i in [len(text), *reversed(ends)] if text[:i] in parents), None)

    def owns(owner: Span, head: str, unit: Span | None = None) -> bool:
        value = span_values(owner)[0] or span_text(owner)
        if any(head == n or head.startswith(n + " ") for n in national) and LOCAL_UNIT_WORDS.search(value):
            return False
        allowed = parents[head]
        fixed = fixed_owners.get(form_key(span_text(unit))) if unit is not None else None
        if fixed:
            # the head's owners that the registry's names allow: a police division's are "Công an tỉnh", not a Sở;
            # and the bodies only other countries have (a Cambodian province's "Cảnh sát tỉnh")
            allowed = tuple(p for p in allowed if any(p == name or p.startswith(name + " ")
                                                      for name in (*fixed, *foreign_heads)))
        return any(value.startswith(parent + " ") or value == parent for parent in allowed)

    def owner_after(k: int, head: str) -> Span | None:
        if k + 1 == len(spans):
            return None
        span, after = spans[k], spans[k + 1]
        # one word between them: "Đội Trinh sát, Bộ CHQS tỉnh …", "Đội Vận động quần chúng của Đồn Biên phòng …",
        # "Đội Kiểm soát thuộc Chi cục Hải quan khu vực XII"
        return after if (after.start - span.end == 1 and token_lowers(span.doc)[span.end] in (",", "của", "thuộc")
                         and owns(after, head, span)) else None

    def owner_named_after(k: int) -> Span | None:
        # "Đội Trinh sát của đồn", "Chính ủy của chi đội": the last body before it of that head
        span = spans[k]
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].lower_ != "của" or not doc[span.end + 1].is_lower:
            return None
        words = [doc[span.end + 1].lower_, " ".join(t.lower_ for t in doc[span.end + 1:span.end + 3])]
        candidates = [before for before in reversed(spans[:k])
                      if any((span_values(before)[0] or span_text(before)).lower().startswith(w + " ") for w in words)]
        if "bạn" in [t.lower_ for t in doc[span.end + 1:span.end + 5]]:
            # "của công an tỉnh bạn": the friendly province's, across the border
            candidates = [c for c in candidates if is_foreign(c)] or candidates
        # of several, the one the story names most, the last on a tie ("Đội Trinh sát của phòng" in a story of the
        # drug police's division that also named the economic police's once)
        counts = Counter(span_values(c)[0] or span_text(c) for c in candidates)
        return max(candidates, key=lambda c: counts[span_values(c)[0] or span_text(c)], default=None)

    def is_foreign(owner: Span) -> bool:
        value = span_values(owner)[0] or span_text(owner)
        return any(value.endswith(" " + place) for place in foreign_places)

    sentences: SentenceIndex | None = None

    def same_sentence(a: Span, b: Span) -> bool:
        nonlocal sentences
        if sentences is None:
            sentences = sentence_of() if sentence_of is not None else SentenceIndex(sentence_ranges(b.doc))
        return sentences.get(a.start) == sentences.get(b.start)

    def joined(unit: str, owner: str, head: str) -> str:
        # "Bộ Tham mưu Quân khu" of "Quân khu 3": the owner's head the unit already ends with is that owner
        ending = next((parent for parent in parents[head] if unit.endswith(" " + parent)
                       and owner.startswith(parent + " ")), None)
        return f"{unit[:-len(ending)]}{owner}" if ending else f"{unit}{', ' if head in comma_heads else ' '}{owner}"

    def last_owner(k: int, head: str, unit: Span | None = None) -> Span | None:
        abroad = all(any(parent == h or parent.startswith(h + " ") for h in foreign_heads) for parent in parents[head])
        if on_foreign_side is not None and on_foreign_side(spans[k].start):
            # "Phía bạn, Trung tá A, Trưởng ban Ban Chính sách": the other side's body named last, in any sentence
            theirs = next((before for before in reversed(spans[:k]) if owns(before, head, unit) and is_foreign(before)),
                          None)
            if theirs is not None:
                return theirs
        return next((before for before in reversed(spans[:k]) if owns(before, head, unit)
                     and (abroad or not is_foreign(before) or same_sentence(before, spans[k]))), None)

    def only_owner_after(k: int, head: str, unit: Span | None) -> Span | None:
        # none before it: the one body after it that can own it ("Thượng tá A, Trưởng phòng Phòng An ninh mạng …
        # trình bày"; "Giám đốc Công an thành phố Cần Thơ" two sentences on); two different ones settle nothing
        owners = [after for after in spans[k + 1:] if owns(after, head, unit) and not is_foreign(after)]
        names = {as_force(span_values(owner)[0] or span_text(owner)) for owner in owners}
        return owners[0] if len(names) == 1 else None

    def story_owner(k: int, head: str, unit: Span | None, nearest: Span | None) -> Span | None:
        # a staff department alone: the owner the document names most (the last on a tie), unless the nearest one
        # stands in its own sentence
        if head not in story_heads or nearest is None or same_sentence(nearest, spans[k]):
            return nearest
        candidates = [span for span in spans if owns(span, head, unit) and not is_foreign(span)]
        counts = Counter(as_force(span_values(span)[0] or span_text(span)) for span in candidates)
        best = max(counts.values(), default=0)
        return next((span for span in reversed(spans[:k]) if span in candidates
                     and counts[as_force(span_values(span)[0] or span_text(span))] == best), nearest)

    def staff_organ(k: int, head: str) -> str | None:
        # "Phòng Tuyên huấn" in a military region's story that names no "Cục Chính trị": a department of that
        # region's political department, whose owners sub_unit_parents gives ("Cục Chính trị Quân khu 4")
        if not all(parent in parents for parent in parents[head]):
            return None  # a head whose owners are bodies ("Phòng": a Cục, a Sở …), not staff organs only
        organ = parents[head][0]
        owner = last_owner(k, organ)
        return f"{organ} {span_values(owner)[0] or span_text(owner)}" if owner is not None else None

    heads = [head_of(span) for span in spans]
    # owners written after: right to left, so that a chain (Phòng Tuyên huấn, Cục Chính trị, …) completes whole;
    # the rest look left, after the owners written after were settled
    written_after = {}
    for k in reversed(range(len(spans))):
        # an owner written right after wins over one the document or the registry gave
        head = head_of(spans[k], completed_ok=True)
        if head is not None and (owner := owner_after(k, head)) is not None:
            written_after[k] = owner
    for k, span in enumerate(spans):
        head = heads[k]
        if head is None or k in written_after:
            continue
        owner = (owner_named_after(k) or story_owner(k, head, span, last_owner(k, head, span))
                 or only_owner_after(k, head, span))
        if owner is not None:
            span._.normalized = joined(span_values(span)[0], name_of_owner(span_values(owner)[0] or span_text(owner)),
                                       head)
        elif (organ := staff_organ(k, head)) is not None:
            # "Phòng Cán bộ Cục Chính trị" written with its organ: the organ's owner goes after it, once
            span._.normalized = joined(span_values(span)[0], organ, head)
    for k in sorted(written_after, reverse=True):
        owner_name = name_of_owner(span_values(written_after[k])[0] or written_after[k].text)
        head = head_of(spans[k], completed_ok=True)
        spans[k]._.normalized = f"{spans[k].text}{', ' if head in comma_heads else ' '}{owner_name}"
        attrs = span_values(spans[k])[2]
        if attrs and "parent" in attrs:
            spans[k]._.attrs = {**attrs, "parent": owner_name}
    # a sub-unit written again without its owner is the one the document named first ("Đội Trinh sát" of PC04 in
    # the lead, then "trinh sát viên Đội Trinh sát" after the border post's name): its first completion holds
    first: dict[str, str] = {}
    for k, span in enumerate(spans):
        if heads[k] is None and k not in written_after:
            continue
        if on_foreign_side is not None and on_foreign_side(span.start):
            continue  # the other side's unit of that name is no first naming of ours
        key, value = form_key(span_text(span)), span_values(span)[0]
        if key not in first:
            first[key] = value
        elif k not in written_after and value != first[key]:
            span._.normalized = first[key]
    # a head alone that refers back to a sub-unit ("Chủ nhiệm Khoa" after "Khoa Hàng hải" of the academy) is the
    # completed sub-unit: the back reference took the name as written, before its owner was known
    completed: dict[str, str] = {}
    for span in spans:
        value, source, _ = span_values(span)
        if source == "orgs.back_reference" and value in completed:
            span._.normalized = completed[value]
        elif value and value.startswith(span_text(span) + " "):
            completed[span_text(span)] = value


def complete_foreign_units(spans: list[Span], foreign_places: Collection[str],
                           sentence_of: Callable[[], SentenceIndex] | None = None) -> None:
    """A unit written with another country's army after a comma is that army's, named with it, and so is the same
    name written again: ``Quân khu 2, Quân đội nhân dân Lào`` → ``Quân khu 2 Quân đội nhân dân Lào`` (not Vietnam's
    Quân khu 2); ``Bệnh viện 103`` after it in the story is that hospital. ``foreign_places``: the names of the foreign
    countries and provinces the document names; an army is a registry body of kind ``force`` that ends with one."""
    doc = spans[0].doc if spans else None
    completed: dict[str, str] = {}
    named_at: list[tuple[int, str]] = []
    for span, after in zip(spans, spans[1:]):
        value, _, _ = span_values(span)
        army, _, attrs = span_values(after)
        if (after.start == span.end + 1 and doc[span.end].text == "," and army and (attrs or {}).get("kind") == "force"
                and any(army.endswith(" " + place) for place in foreign_places)
                and value and not value.endswith(army)):
            completed.setdefault(form_key(span_text(span)), (span.start, f"{value} {army}", army))
            named_at.append((span.start, f"{value} {army}"))
            # the same unit written short later, its name resolved to the one written here ("Tư lệnh Quân khu" →
            # "Quân khu 3"), or the command's unit ("Bộ Tư lệnh Quân khu 3" → "Quân khu 3")
            completed.setdefault(form_key(value), (span.start, f"{value} {army}", army))
            unit = value.removeprefix(COMMAND_HEAD + " ")
            if unit != value:
                completed.setdefault(form_key(unit), (span.start, f"{unit} {army}", army))
    ours = [span_values(span)[0] or "" for span in spans if form_key(span_values(span)[0] or "") not in completed]
    index = sentence_of() if sentence_of is not None and completed else None
    # the sentences that name each foreign unit with its army
    named_in: dict[str, set[int | None]] = {}
    for start, name in named_at:
        named_in.setdefault(name, set()).add(index.get(start) if index is not None else None)
        named_in.setdefault(name.removeprefix(COMMAND_HEAD + " "), set()).add(index.get(start) if index is not None else None)
    for span in spans:
        found = completed.get(form_key(span_text(span)))
        if found is None and (found := completed.get(form_key(span_values(span)[0] or ""))) is not None:
            # a bare head the grammar gave the foreign unit's number ("Phó Tư lệnh Quân khu") is that unit's in the
            # sentence that names it; elsewhere it is ours, where the document names one of ours of that head
            value = span_values(span)[0] or ""
            head = value.rsplit(" ", 1)[0]
            own = {v for v in ours if v != value and v.rsplit(" ", 1)[0] == head and v[-1:].isdigit()}
            if index is not None and index.get(span.start) not in named_in.get(found[1], ()) and len(own) == 1:
                span._.normalized = own.pop()
                continue
        if found is not None and span.start >= found[0]:
            # the registry's body of that name is ours ("Quân khu 2"): its attributes are not this unit's; ours named
            # before it stays ours
            span._.normalized, span._.attrs = found[1], {"parent": found[2]}


def boards_of_the_committee_after(spans: list[Span], title_tokens: Collection[int],
                                  sentence_of: Callable[[], SentenceIndex]) -> None:
    """Bare Party boards listed before the committee they are of: ``chỉ định tham gia Ban Chấp hành, Ban Thường vụ và
    giữ chức Bí thư Đảng ủy xã Ba Bể`` → ``Ban Chấp hành Đảng bộ xã Ba Bể``, ``Ban Thường vụ Đảng ủy xã Ba Bể``. Only
    commas, ``và``, the verbs of holding a post and a title's words (``title_tokens``) stand between them."""
    if not spans:
        return
    doc = spans[0].doc
    lowers = token_lowers(doc)
    index = None
    boards = [k for k, span in enumerate(spans) if span_text(span) in PARTY_BOARDS]
    for k in boards:
        j = k + 1
        while j < len(spans) and span_text(spans[j]) in PARTY_BOARDS:
            j += 1
        if j == len(spans):
            continue
        committee = spans[j]
        # the committee itself, or one of its boards named in full ("Ban Chấp hành, Ban Thường vụ Tỉnh ủy X")
        value = (span_values(committee)[0] or span_text(committee)).removeprefix("Ban Thường vụ ")
        between = range(spans[k].end, committee.start)
        if (not value.startswith(tuple(PARTY_COMMITTEES)) or len(between) > MAX_BOARD_GAP
                or not all(lowers[t] in BOARD_GAP_WORDS or t in title_tokens
                           or any(b.start <= t < b.end for b in spans[k + 1:j]) for t in between)):
            continue
        index = index or sentence_of()
        if index.get(spans[k].start) != index.get(committee.start):
            continue
        if span_text(spans[k]) == "Ban Thường vụ":
            spans[k]._.normalized = f"Ban Thường vụ {value}"
        else:
            # the executive committee is the Party organization's: "Đảng bộ xã Ba Bể", "Đảng bộ tỉnh Thái Nguyên"
            spans[k]._.normalized = f"Ban Chấp hành {party_organization_of(value)}"


def complete_numbered(spans: list[Span]) -> None:
    """A numbered unit written short takes the full name the document gives the same number: ``Đại đội 355``
    after ``Đại đội Bảo vệ biên giới 355`` is that company; ``Ban Chỉ huy Phòng thủ khu vực 1`` after ``Ban Chỉ huy
    Phòng thủ khu vực 1 - Mộc Châu`` is that region's.

    A head of one or two words and a number (``Đại đội 355``) is completed with the one longer name of the document
    that opens with that head and ends with that number; a longer one (``Ban Chỉ huy Phòng thủ khu vực 1``) with the
    one name that goes on after it with a dash and a place.
    """
    values = {span_values(span)[0] or span_text(span) for span in spans}
    for span in spans:
        value = span_values(span)[0] or span_text(span)
        head, _, number = value.rpartition(" ")
        if not number.isdigit() or not head:
            continue
        if len(head.split()) > 2:
            # "Ban Chỉ huy Phòng thủ khu vực 1" after "Ban Chỉ huy Phòng thủ khu vực 1 - Mộc Châu": the region and its
            # place, the one the document named in full
            longer = {v for v in values if v.startswith(value + " - ")}
        else:
            longer = {v for v in values if v != value and v.startswith(head + " ") and v.endswith(" " + number)}
        if len(longer) == 1:
            span._.normalized = longer.pop()


def complete_short_names(spans: list[Span], heads: Collection[str], is_foreign: Callable[[str], bool]) -> None:
    """A name written short after its full name takes the full name: ``Trường Quân sự`` after ``Trường Quân sự Quân
    khu 3`` is that school. The short name is a head and a name (not a head alone: ``Đồn Biên phòng`` is any post),
    the full one goes on with a capitalised word, and the document named only one such before it; a foreign one only
    for a numbered name (``Bệnh viện 103``: one hospital; every army has a ``Cục Quân y``). A name the document wrote
    short before any longer one is a name of its own and stays so (``Cụm thi đua số 3, Bộ đội Biên phòng`` first, then
    ``Cụm thi đua số 3 BĐBP``: the cluster, not the force's)."""
    before: list[str] = []
    for span in spans:
        value, source, _ = span_values(span)
        value = value or span_text(span)
        if (source in ("orgs.head", "orgs.named_head") and len(value.split()) >= 2 and form_key(value) not in heads
                and value not in before):
            longer = {v for v in before if v.startswith(value + " ") and v[len(value) + 1:][:1].isupper()
                      and (value[-1].isdigit() or not is_foreign(v))}
            if len(longer) == 1:
                span._.normalized = longer.pop()
                value = span._.normalized
        before.append(value)


class OrganizationExtractor:
    """spaCy component: writes ``doc.spans["ORG"]``. Needs ACRONYM and PLACE spans when those run."""

    def __init__(self, nlp: Language, lexicon: OrganizationLexicon, acronyms: AcronymLexicon, people: PeopleLexicon,
                 registry: OrgRegistry):
        self.registry = registry
        names = (*lexicon.heads, *lexicon.standalone, *lexicon.numbered)
        self.canonical = {form_key(name): name for name in names}
        # heads of the lexicon keep the grammar's rules for case; the registry's must start with a capital
        self.lexicon_heads = set(self.canonical)
        self.standalone = {form_key(name) for name in lexicon.standalone}
        self.numbered = {form_key(name) for name in lexicon.numbered}
        self.coded = {form_key(name) for name in lexicon.coded_heads}
        self.generic_after = {word.lower() for word in lexicon.generic_after}
        self.sentence_case = {form_key(word) for word in lexicon.sentence_case_heads}
        self.delegations = {form_key(word) for word in lexicon.delegation_heads}
        self.named_after_people = {form_key(word) for word in lexicon.named_after_people}
        self.trade_names = {form_key(word) for word in lexicon.trade_names}
        self.located_heads = {form_key(head) for head in lexicon.located_heads}
        # a head that opens with one (a state bank's registry name) is a company's too
        self.trade_name_prefixes = tuple(name + " " for name in self.trade_names)
        self.clause_words = frozenset(word.lower() for word in lexicon.clause_words)
        self.organs = dict(lexicon.organs)
        self.service_ranks = tuple((service, tuple(tuple(rank.lower().split()) for rank in ranks))
                                   for service, ranks in lexicon.service_ranks)
        self.service_vessels = {prefix: service for service, prefixes in lexicon.service_vessels for prefix in prefixes}
        self.referring_aliases = dict(lexicon.referring_aliases)
        self.name_tails = frozenset(tuple(words.split()) for words in lexicon.name_tails)
        self.name_tail_size = max((len(words) for words in self.name_tails), default=0)
        self.capitalised_heads = {form_key(word) for word in lexicon.capitalised_heads}
        self.sub_unit_parents = dict(lexicon.sub_unit_parents)
        self.national_sub_units = lexicon.national_sub_units
        self.foreign_heads = {form_key(head) for head in lexicon.foreign_heads}
        self.referring_heads = {form_key(head) for head in lexicon.referring_heads}
        self.never_referred_back = tuple(lexicon.never_referred_back)
        # the heads of the commands of command_forces: "Bộ Chỉ huy" of "Bộ Chỉ huy Bộ đội Biên phòng"
        # (a force's command, not a numbered unit's: a bare "Bộ Tư lệnh" is the command named, not the region's)
        numbered = {form_key(head) for head in lexicon.numbered}
        self.commands = {head for head in lexicon.referring_heads
                         if any(command.startswith(head + " ") and form_key(force) not in numbered
                                for command, force in lexicon.command_forces)}
        self.lexicon = lexicon
        # a unit name the registry gives owners (templates) belongs to bodies of those templates' names only
        self.fixed_owners = {key: tuple(name for template in unit.parents if template in registry.templates
                                        for name in (registry.templates[template].name,
                                                     *registry.templates[template].forms))
                             for key, unit in registry.unit_names.items() if unit.parents}
        self.org_acronyms = {key for key, entry in acronyms.acronyms.items() if entry.org}
        self.expansions = {key: entry.expansion for key, entry in acronyms.acronyms.items()}
        self.surnames = people.surnames
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name in names:
            self.heads.add("HEAD", [pattern(nlp.vocab, name)])
        expansions = {}
        for key, entry in acronyms.acronyms.items():
            expansions.setdefault(entry.expansion.lower(), []).append(key)
        for text in registry.written_forms():
            if matched_as_head(text):
                self.heads.add("HEAD", [pattern(nlp.vocab, text)])
                for variant in defined_in_name(text, expansions):
                    self.heads.add("HEAD", [pattern(nlp.vocab, variant)])
        # registry names that are complete alone when written with their capital: a body's own names, a
        # template that stands for the document's province alone
        self.registry_standalone: set[str] = set()
        self.registry_bare: set[str] = set()  # a bare template is one body, but "Sở Tài chính các tỉnh" is plural
        for key, forms in registry.forms.items():
            self.canonical.setdefault(key, forms[0].text)
            # a unit name alone names a body where the registry says whose it is (``Ban Kinh tế - Ngân sách`` of
            # a People's Council); ``Ban Tổ chức`` alone may be an event's committee
            if any(f.role != TEMPLATE and (f.role != UNIT_NAME or registry.unit_names[key].parents) for f in forms):
                self.registry_standalone.add(key)
            elif any(f.role == TEMPLATE and registry.templates[f.entry].bare for f in forms):
                self.registry_bare.add(key)
        self.registry_alone = self.registry_standalone | self.registry_bare
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
                context.named.append((org.start, span_values(org)[0] or span_text(org)))
                context.named_ends[org.start] = org.end
                end = org.end
        spans = sorted(spans + context.shared_head_names(spans), key=lambda span: span.start)
        complete_sub_units(spans, self.sub_unit_parents, self.national_sub_units, context.places,
                           context.foreign_names(), self.fixed_owners, self.lexicon.as_force, context.sentence_of,
                           self.lexicon.foreign_heads, self.lexicon.story_sub_units, self.lexicon.comma_owned,
                           self.owner_as_written_most(spans), context.on_foreign_side)
        complete_foreign_units(spans, context.foreign_names(), context.sentence_of)
        complete_numbered(spans)
        complete_short_names(spans, self.lexicon_heads, context.is_foreign_name)
        boards_of_the_committee_after(spans, context.position_tokens, context.sentence_of)
        add_spans(doc, "ORG", spans)
        for span in spans:
            acronym = context.acronyms.get(span.start)
            if span.start in context.acronym_heads and acronym is not None and len(acronym) == 1:
                set_span_values(acronym, context.acronym_heads[span.start], "acronyms.registry",
                                {"expansion_source": "registry"})
        return doc

    def owner_as_written_most(self, spans: list[Span]) -> Callable[[str], str]:
        """How a sub-unit's owner is named: a command by its force (``Bộ Chỉ huy Bộ đội Biên phòng tỉnh X`` → ``Bộ
        đội Biên phòng tỉnh X``) where the document writes the force more often than the command, else as the
        command (a story of the Bộ Chỉ huy gives it its Phòng Tham mưu); the same whichever of the two the nearest
        owner is written as (``Chỉ huy trưởng BĐBP tỉnh`` once in a story of the Bộ Chỉ huy)."""
        counts = Counter(span_values(span)[0] or span_text(span) for span in spans)

        def owner_name(value: str) -> str:
            force = self.lexicon.as_force(value)
            if force == value:
                command = self.lexicon.as_command(value)
                return command if command is not None and counts[command] >= counts[value] else value
            return value if counts[value] >= counts[force] else force
        return owner_name

    def is_org_long_form(self, long_form: str) -> bool:
        """Whether a document's long form of an acronym opens with an organization head (``Bộ Chỉ huy``)."""
        words = form_key(long_form).split(" ")
        return any(" ".join(words[:n]) in self.canonical for n in range(1, len(words) + 1))

    def written_as_registry(self, head: Span) -> bool:
        """A registry name starts with its capital; an acronym in it is written as in the registry.

        Lexicon heads keep the grammar's own rules (``công an xã``), but for those listed as
        ``capitalised_heads``; ``chính phủ hai nước`` is no registry name, ``Bộ ca`` no ``Bộ CA``.
        """
        text = span_text(head)
        key = form_key(text)
        if key in self.lexicon_heads:
            return key not in self.capitalised_heads or text[:1].isupper()
        if not text[:1].isupper():
            return False
        written = [t.text for t in head if t.text != ","]
        for form in self.registry.forms.get(key, ()):
            pieces = [p for p in PIECE.findall(form.text) if p != ","]
            if all(w == p for w, p in zip(written, pieces) if is_acronym_form(p)):
                return True
        return False


def defined_in_name(name: str, expansions: dict[str, list[str]]) -> Iterator[str]:
    """``name`` written with an acronym defined after the words it abbreviates, as news does on first mention:
    ``Phòng Cảnh sát điều tra (CSĐT) tội phạm về ma túy``. ``expansions``: lower-case long form → acronyms.

    >>> list(defined_in_name("Phòng Cảnh sát điều tra tội phạm về ma túy", {"cảnh sát điều tra": ["CSĐT"]}))
    ['Phòng Cảnh sát điều tra (CSĐT) tội phạm về ma túy']
    """
    words = name.split()
    lower = [w.lower() for w in words]
    for start in range(1, len(words) - 1):
        for end in range(start + 2, len(words)):
            for acronym in expansions.get(" ".join(lower[start:end]), ()):
                yield " ".join([*words[:end], f"({acronym})", *words[end:]])


def ends_with_numbered(key: str, numbered: Collection[str]) -> bool:
    """Whether a name's key is a numbered head or ends with one: ``vùng cảnh sát biển``, ``bộ tư lệnh vùng cảnh sát
    biển``, not ``cảnh sát biển``.

    >>> ends_with_numbered("bộ tư lệnh vùng cảnh sát biển", {"vùng cảnh sát biển"})
    True
    >>> ends_with_numbered("cảnh sát biển", {"vùng cảnh sát biển"})
    False
    """
    words = key.split(" ")
    return any(" ".join(words[i:]) in numbered for i in range(len(words)))


def matched_as_head(text: str) -> bool:
    """Whether a registry form is looked for as a head.

    A lone acronym (``BĐBP``) is found by the acronym rule, which knows
    definitions and vessel numbers; a name with a number (``Vùng 2 Hải quân``,
    ``Quân khu 4``) by the grammar's numbered heads, which also resolve a
    later ``Bộ Tư lệnh Vùng``. The registry recognises both by their value.
    """
    pieces = PIECE.findall(text)
    if len(pieces) == 1 and is_acronym_form(pieces[0]):
        return False
    return not any(piece[:1].isdigit() for piece in pieces)


def lower_after_whole_head(doc: Doc, head: Span) -> bool:
    """A head of two words or more written with its capital (``Tỉnh ủy``) is whole before a lower-case word,
    whatever the segmenter joins across its end (``ủy khóa`` of ``Tỉnh ủy khóa mới``); one word (``Bộ`` of
    ``Bộ đội``) is not."""
    return len(head) > 1 and head[0].text[:1].isupper() and head.end < len(doc) and doc[head.end].is_lower


class _Context:
    """Per-document lookups for the grammar: where heads, acronyms, places and blockers start."""

    def __init__(self, extractor: OrganizationExtractor, doc: Doc):
        self.x = extractor
        self.doc = doc
        self.acronyms = span_starting_at(spans_of(doc, "ACRONYM"))
        places = spans_of(doc, "PLACE")
        positions = spans_of(doc, "POSITION")  # read once: a span group makes new Span objects on each reading
        self.places = span_starting_at(places)
        self.blockers = {s.start for s in spans_of(doc, "RANK")} | {s.start for s in positions}
        self.position_end_at = {s.start: s.end for s in positions}
        self.position_tokens = {k for s in positions for k in range(s.start, s.end)}
        self.title_ends = set(self.position_end_at.values())
        covering: dict[int, list[int]] = {}  # start → ends of the POSITION and PLACE spans starting there
        for span in positions + places:
            covering.setdefault(span.start, []).append(span.end)
        longest = max((e - s for s, ends in covering.items() for e in ends), default=0)
        # a position ends where an organization begins, whatever the words say ("Trưởng Ban Tổ chức Trung ương":
        # underthesea's word "Trưởng Ban" would hide the head)
        position_ends = {s.end for s in positions}
        self.words = DocumentWords(doc, extractor.word_source)

        inside_position = bytearray(len(doc))  # tokens after the first of a POSITION: no organization starts there
        for span in positions:
            inside_position[span.start + 1:span.end] = b"\x01" * (len(span) - 1)

        def covered(h: Span) -> bool:
            # "Chánh Văn phòng UBND tỉnh": the position holds "Văn phòng", the organization is "UBND tỉnh"
            return inside_position[h.start] == 1 or any(
                h.end <= e and e - s > len(h)
                for s in range(max(0, h.start - longest), h.start + 1) for e in covering.get(s, ()))

        # a head is a whole word or words (not ``vụ`` of ``nhiệm vụ``, not ``Bộ`` of ``Bộ đội``, not ``bộ Công an``
        # of ``cán bộ Công an``), and not part of a longer position or place (``Tỉnh ủy`` in ``Tỉnh ủy viên``,
        # ``Trường`` in ``Trường Sa``); a registry name is written with its capital; the longest head left wins
        # resolved where the grammar looks: a sentence is segmented into words only for a head that could matter,
        # and the words are asked last, after the tests that need none (a capitalised head before a lower-case word
        # is whole whatever the words say: asked first, they segmented half the sentences for nothing)
        self.heads = LazySpanChoice(
            extractor.heads(doc, as_spans=True),
            lambda h: (not covered(h) and extractor.written_as_registry(h)
                       and (h.start in position_ends or not self.words.inside_word(h.start))
                       and (lower_after_whole_head(doc, h) or not self.words.inside_word(h.end))),
        )
        self.head_starts = set(self.heads.starts())
        self.units = {start: end for _, start, end in extractor.units(doc)}
        learned = doc.user_data.get("acronym_definitions", {})
        self.learned = learned
        self.expansions = {**extractor.expansions, **learned}
        self.province = document_province(places)
        self.place_list = sorted(places, key=lambda span: span.start)
        self._sentence_of: SentenceIndex | None = None
        self.foreign_places: set[str] | None = None  # names of the foreign provinces and countries, when first asked
        self.former_provinces: tuple[str, ...] | None = None  # " tỉnh Thái Bình": provinces merged away, when first asked
        # where the organizations found so far start, and their normalized names, in text order
        self.named: list[tuple[int, str]] = []
        self.named_ends: dict[int, int] = {}  # where each of them ends, by where it starts
        self._provinces: list[tuple[Span, int | None, str, dict]] | None = None  # province places, when first asked
        self._foreign_starts: dict[int, Span] | None = None  # foreign_starts(), when first asked
        self.local_units = document_units(places)
        self.place_units = doc.user_data.get("place_units", {})
        self.org_acronyms = extractor.org_acronyms | {a for a, form in learned.items() if extractor.is_org_long_form(form)}
        self.date = doc.user_data.get("doc_date")
        self._mentioned: set[str] | None = None
        # (start, template id, normalized) of the template bodies found so far, for a unit named alone after them
        self.template_bodies: list[tuple[int, str, str]] = []
        self.commune_bodies: list[tuple[int, str, str]] = []  # the same of template bodies below a province
        self._numbered_full: dict[str, list[tuple[int, str]]] | None = None  # numbered_full(), when first asked
        # an acronym written as a template's whole head, by where it is: the template's name, its level settled by
        # the unit after it ("BCHQS tỉnh" is the Bộ Chỉ huy Quân sự, "BCHQS xã" the Ban)
        self.acronym_heads: dict[int, str] = {}

    def head_part(self, head: Span) -> Part:
        """A head as a part of a name: its canonical spelling, or the template's name for a template's form
        (``BCH BĐBP`` → ``Bộ Chỉ huy Bộ đội Biên phòng``) unless the document defines an acronym in it."""
        key = form_key(span_text(head))
        forms = tuple(self.x.registry.forms.get(key, ()))
        if sum(form.role == TEMPLATE for form in forms) > 1:
            forms = self.forms_by_level(forms, head.end)
        part = Part(head.start, head.end, "head", self.x.canonical[key], forms)
        template = part.template(self.x.registry)
        if template is not None and not (self.learned and any(
                token.text in self.learned and form_key(self.learned[token.text]) not in form_key(template.name)
                for token in head)):
            # a definition the template's name already spells ("Mặt trận Tổ quốc (MTTQ)") keeps the template's name
            part.value = template.name
            if len(head) == 1 and head.start in self.acronyms:
                self.acronym_heads[head.start] = template.name
        return part

    def forms_by_level(self, forms: tuple[Form, ...], k: int) -> tuple[Form, ...]:
        """A form of several templates (``BCHQS``: a province's Bộ, a commune's Ban), the one of the level of the unit
        word or place written at ``k`` first: ``BCHQS tỉnh`` is the Bộ Chỉ huy Quân sự, ``BCHQS xã`` the Ban."""
        place = self.places.get(k)
        level = BODY_LEVELS.get((span_values(place)[2] or {}).get("level", "")) if place is not None else UNIT_LEVELS.get(
            self.doc[k].lower_ if k < len(self.doc) else "")
        if level is None:
            return forms
        registry = self.x.registry
        return tuple(sorted(forms, key=lambda f: not (f.role == TEMPLATE and level in registry.templates[f.entry].levels)))

    def numbered_full(self) -> dict[str, list[tuple[int, str]]]:
        """``numbered_names()``, computed when grow() first needs it: most documents never name a bare numbered head
        after its full name, and finding the full names resolved heads and segmented sentences. Empty while it is
        computed (its own grow() calls read it); the names do not depend on when they are found."""
        if self._numbered_full is None:
            self._numbered_full = {}
            self._numbered_full = self.numbered_names()
        return self._numbered_full

    def numbered_names(self) -> dict[str, list[tuple[int, str]]]:
        """Numbered head → the full names it has in this document, in text order, with where each is written
        (``vùng`` → ``[(12, "Vùng 2 Hải quân")]``).

        A later ``Bộ Tư lệnh Vùng`` or ``trong Vùng`` without the number refers back to one of them
        (:meth:`numbered_name_at`).
        """
        doc = self.doc

        def numbered_at(head: Span) -> bool:
            if form_key(span_text(head)) not in self.x.numbered:
                return False
            k = head.end + (1 if head.end < len(doc) and doc[head.end].lower_ == "số" else 0)
            return k < len(doc) and doc[k].like_num

        digits = numpy.flatnonzero(doc.to_array(IS_DIGIT)).tolist() if len(doc) else []

        def named_with_number(head: Span) -> bool:
            # "Lữ đoàn Bảo vệ biên giới 201": a capitalised numbered head whose number follows its name closely
            following = bisect_left(digits, head.end)
            return (following < len(digits) and digits[following] < head.end + MAX_BRIDGE + 4
                    and doc[head.start].text[:1].isupper() and form_key(span_text(head)) in self.x.numbered)

        names: dict[str, list[tuple[int, str]]] = {}
        for start in self.heads.starts():
            candidates = self.heads.candidates(start)
            if not any(numbered_at(c) or named_with_number(c) for c in candidates):
                continue  # whichever head is taken here, it is no numbered one: no need to resolve it
            head = self.heads.get(start)
            if head is None or not (numbered_at(head) or named_with_number(head)):
                continue
            parts, _ = self.grow([self.head_part(head)])
            if not numbered_at(head) and not any(part.kind == "number" for part in parts[1:]):
                continue
            key = form_key(span_text(head))
            value = self.normalize(parts)
            names.setdefault(key, []).append((start, value))
            # "Vùng Cảnh sát biển 2" is also the document's "Vùng" (a later "Bộ Tư lệnh Vùng")
            first_word = key.split(" ", 1)[0]
            if first_word in self.x.numbered and first_word != key:
                names.setdefault(first_word, []).append((start, value))
        return names

    def numbered_name_at(self, key: str, at: int) -> str | None:
        """The full name a head written without its number at token ``at`` refers to: the last one named before it
        (``Quân đoàn 12`` …, ``Quân đoàn 34`` …, ``Phó Tham mưu trưởng Quân đoàn`` is of the 34th), else the first
        named after it (a headline's ``Quân đoàn`` before the body's ``Quân đoàn 12``); one of ours before a foreign
        one."""
        names = self.numbered_full().get(key)
        if not names:
            return None
        # a foreign unit is no antecedent where one of ours is named ("Bệnh viện 103 Quân đội nhân dân Lào")
        ours = [(start, value) for start, value in names if not self.is_foreign_name(value)]
        if not ours and any(form_key(v).startswith(key + " ") and not self.is_foreign_name(v) for _, v in self.named):
            return None  # ours is named without a number: the back reference takes it
        names = ours or names
        # "Chuẩn Đô đốc A, Tư lệnh Vùng": a rank only one service has names that service's unit
        service = self.service_of_sentence(at)
        names = [(start, value) for start, value in names if service is not None and service in value] or names
        return next((value for start, value in reversed(names) if start < at), names[0][1])

    def service_of_sentence(self, at: int) -> str | None:
        """The service whose rank (``service_ranks``: ``Chuẩn Đô đốc`` of the Navy) the sentence of token ``at`` names,
        else the one service whose vessels (``service_vessels``: ``tàu HQ-561``) it names, or None."""
        sentence = self.sentence_of().get(at)
        if sentence is None or not (self.x.service_ranks or self.x.service_vessels):
            return None
        index = self.sentence_of()
        first, last = index.starts[sentence], index.ends[sentence]
        lowers = token_lowers(self.doc)
        for k in range(first, last):
            for service, ranks in self.x.service_ranks:
                if any(tuple(lowers[k:k + len(rank)]) == rank for rank in ranks):
                    return service
        vessels = {self.x.service_vessels[self.doc[k + 1].text] for k in range(first, last - 1)
                   if lowers[k] == "tàu" and self.doc[k + 1].text in self.x.service_vessels}
        return vessels.pop() if len(vessels) == 1 else None

    def is_foreign_name(self, value: str) -> bool:
        """Whether a normalized name ends with a foreign province or country the document names."""
        return any(value.endswith(" " + place) for place in self.foreign_names())

    def may_start_organization(self, i: int) -> bool:
        """Whether a head at ``i`` may start an organization: a capitalised one, or one numbered as a name. The press
        writes official names capitalised; a lower-case head is a common noun or a description (``trung tâm xã Phong
        Thổ``: the commune's centre; ``vùng Tây Nguyên``; ``lực lượng công an xã``), unless a number names it (``cụm
        thi đua số 3``: one cluster of the ministry's, ANNOTATION.md's example)."""
        doc = self.doc
        return any(doc[i].text[:1].isupper() or self.numbered_at(head.end) for head in self.heads.candidates(i))

    def numbered_at(self, k: int) -> bool:
        """Whether ``số`` and a number stand at token ``k`` (``cụm thi đua số 3``)."""
        doc = self.doc
        return k + 1 < len(doc) and doc[k].lower_ == "số" and doc[k + 1].text.isdigit()

    def is_org_acronym(self, i: int) -> bool:
        return i in self.acronyms and self.doc[i].text in self.org_acronyms

    def is_parenthesised(self, i: int) -> bool:
        """``(BĐBP)`` after its long form is a definition: an ACRONYM only, not an ORG."""
        doc = self.doc
        return 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"

    def capitalised_run(self, k: int) -> int:
        """How many capitalised words follow one another from token ``k``."""
        doc, end = self.doc, k
        while end < len(doc) and is_title(doc[end]):
            end += 1
        return end - k

    def person_starts_at(self, k: int) -> bool:
        doc = self.doc
        return (doc[k].text in self.x.surnames and k + 1 < len(doc) and is_title(doc[k + 1])
                and k not in self.places)

    def person_after_unit_word(self, place: Span) -> bool:
        """``UBND tỉnh Trần Văn X``: a "place" after a unit word that the registry does not know and that opens
        with a surname is the person the organization is followed by."""
        _, source, attrs = span_values(place)
        attrs = attrs or {}
        k = self.units.get(place.start)
        return (source == "places.unit_word" and "code" not in attrs and k is not None
                and attrs.get("level") in UNPLACED_LEVELS and k < place.end and self.person_starts_at(k))

    def organization_at(self, i: int) -> Span | None:
        if i in self.heads:
            parts = [self.head_part(self.heads[i])]
        elif self.is_org_acronym(i) and not self.is_parenthesised(i):
            acronym = self.acronyms[i]
            forms = tuple(self.x.registry.forms.get(form_key(span_text(acronym)), ()))
            parts = [Part(i, acronym.end, "acronym", span_values(acronym)[0] or span_text(acronym), forms)]
        else:
            return None
        if first_is_vessel_number(self.doc, i, parts):
            return None
        parts, named = self.grow(parts)
        end = parts[-1].end
        first = parts[0]
        first_key = form_key(first.value)
        after = self.doc[end].lower_ if end < len(self.doc) else ""
        # "Ban Chỉ huy BĐBP các tỉnh" is a plural; in "UBND tỉnh các giải pháp" and "Thủ tướng Chính phủ các
        # nội dung" the name was complete before "các"
        # a name that ends with its place is complete too: "Công an tỉnh Lạng Sơn cấp hộ chiếu" (cấp: issues)
        complete = parts[-1].kind in ("unit", "place") or (
            len(parts) == 1 and self.stands_alone(first, plural_ok=False))
        before = self.doc[i - 1].lower_ if i > 0 else ""
        # a count before a head ("129 Ban CHQS xã"), not a date's last number ("date 2027-12-22 Bộ Công an …")
        counted = i > 1 and self.doc[i - 1].text.isdigit() and self.doc[i - 2].text not in ("-", "/", ".")
        # a demonstrative after a head makes it generic ("đơn vị đó"), before one it ends the words before it ("Sau
        # đó Công an tỉnh tuyên dương")
        plural = (before in self.x.generic_after and before not in DEMONSTRATIVES) or counted
        unnamed = not any(part.kind in ("place", "number", "name") for part in parts[1:])
        if first.kind == "head" and plural and unnamed:
            return None  # "các Bộ CHQS tỉnh", "129 Ban CHQS xã": a plural
        if (parts[-1].kind == "unit" and end + 1 < len(self.doc) and self.doc[end].text == ","
                and self.doc[end + 1].text in ADMINISTRATIVE_UNIT_WORDS):
            # "Ban CHQS xã, phường": the body of every commune and ward; not before a body that opens with a unit
            # word ("Hội Nông dân tỉnh, Tỉnh đoàn")
            return None
        if (first.kind == "head" and after in self.x.generic_after and not complete
                and phrase_at(token_lowers(self.doc), end + 1, COUNTED_PEOPLE) is None):
            if first.end == i + 1 and self.is_org_acronym(i):
                # "UBND các xã": the organization acronym alone is an ORG, whatever follows it
                acronym = self.acronyms[i]
                return self.span(i, i + 1, [Part(i, i + 1, "acronym", span_values(acronym)[0] or span_text(acronym))],
                                 "orgs.acronym")
            return None
        if first.kind == "head" and first_key in self.x.delegations and not self.names_a_unit(parts):
            return None  # "đoàn Campuchia", "Đoàn công tác": a delegation, not a body
        if first.kind == "acronym":
            return self.span(i, end, parts, "orgs.acronym")
        if named:
            return self.span(i, end, parts, "orgs.head")
        alias = self.x.referring_aliases.get(first.value) if len(parts) == 1 else None
        if alias is not None and token_lowers(self.doc)[end:end + 2] != ["các", "cấp"]:  # "Mặt trận các cấp": all
            # "giám sát của Mặt trận" after "Ủy ban MTTQ Việt Nam tỉnh": the body of the alias's head named last;
            # with none named, no organization
            earlier = next((value for _, value in reversed(self.named) if value.startswith(alias + " ")), None)
            return make_span(self.doc, i, end, "ORG", earlier, "orgs.back_reference") if earlier else None
        if alias is not None:
            return None
        if len(parts) == 1 and self.stands_alone(first):
            # "Ban Chấp hành" after "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên": a standalone head that refers back is
            # the body of that head the document named, where it named one other than those never referred back
            # (the central committee: the congress's own is then the owner sub_unit_parents finds)
            if (first_key in self.x.referring_heads and (earlier := self.antecedent(first.value, i)) is not None
                    and not earlier.startswith(self.x.never_referred_back)):
                return make_span(self.doc, i, end, "ORG", earlier, "orgs.back_reference")
            return self.span(i, end, parts, "orgs.standalone")
        if len(parts) == 1 and any(first_key.startswith(h + " ") for h in self.x.sentence_case):
            # "Phòng Tham mưu", "Đội Trinh sát": the head word and its name, a lexicon entry of its own
            return self.span(i, end, parts, "orgs.named_head")
        if self.doc[i].text[0].isupper():
            shared = self.coordinated_with_named(i, end, first)
            if shared is not None:
                value = self.normalize(parts + shared) if shared else None
                return make_span(self.doc, i, end, "ORG", value, "orgs.ellipsis",
                                 self.identify(parts + shared, value)[1] if shared else {})
            last = parts[-1]
            if all(part.kind == "head" for part in parts) and (
                    (len(parts) == 1 and i in self.title_ends) or form_key(last.value) in self.x.referring_heads) and (
                    end == len(self.doc) or not is_title(self.doc[end]) or end in self.blockers
                    or (self.person_starts_at(end) and self.capitalised_run(end) >= 3)):
                # "Đại tá A, Phó Bí thư Đảng ủy, Chỉ huy trưởng": a bare head right after a title is the body of that
                # head the document named last ("Đảng ủy, Bộ Chỉ huy BĐBP tỉnh Đắk Lắk" → its Đảng ủy); so is a bare
                # head that refers back wherever it stands ("giữ chức Chỉ huy trưởng Bộ Chỉ huy."), also after the
                # heads of its own bodies ("Thường vụ Đảng ủy": the Thường vụ of that Đảng ủy), also before the rank of
                # the title's holder ("Chỉ huy trưởng Bộ Chỉ huy Đại tá A") or the holder's full name ("tân Chủ nhiệm Ủy
                # ban Kiểm tra Trần Đức Lâm"; two words are rather a place: "Đồn trưởng Đồn Biên phòng Ninh Chữ")
                # a foreign body is no antecedent of ours ("Bệnh viện" after "Bệnh viện 103 Quân đội nhân dân Lào")
                earlier = self.party_unit_before(i, last.value) or self.antecedent(last.value, i)
                if earlier is not None:
                    value = " ".join([*(part.value for part in parts[:-1]), earlier])
                    return make_span(self.doc, i, end, "ORG", value, "orgs.back_reference")
        return None

    def antecedent(self, head: str, at: int) -> str | None:
        """The body a bare ``head`` written at token ``at`` refers back to: the one of that head named last, not a
        foreign one (but in a clause about the other side of a meeting, theirs), one of ``never_referred_back`` only
        where no other is named.

        A command (``Bộ Chỉ huy``) written under its own name in its sentence or the one before (``Thượng tá A, Phó
        Chỉ huy trưởng Bộ CHQS tỉnh. Cùng đi có Thượng tá B, cũng là Phó Chỉ huy trưởng của Bộ Chỉ huy``) is that
        one; else it is of the kind of command the document is about: the kind named most often before it, a
        force's name counting for its command (``BĐBP tỉnh Lạng Sơn`` for the ``Bộ Chỉ huy Bộ đội Biên phòng tỉnh
        Lạng Sơn``), so a border guard story that named the province's military command once is still about its
        own; of that kind, the one named last (a military region's story names several provinces' commands).
        """
        read = self.as_antecedent_of(head)
        if self.on_foreign_side(at):
            # "Phía bạn có …, Trưởng phòng Phòng Tác chiến của Bộ Chỉ huy": the other side's body named last
            theirs = next((value for _, written in reversed(self.named)
                           if (value := read(written)).startswith(head + " ") and self.is_foreign_name(value)), None)
            if theirs is not None:
                return theirs
        antecedents = [(start, value, value == written) for start, written in reversed(self.named)
                       if (value := read(written)).startswith(head + " ") and not self.is_foreign_name(value)
                       and not self.foreign_only(value)]
        preferred = [a for a in antecedents if not a[1].startswith(self.x.never_referred_back)] or antecedents
        # a body of a province merged away in 2025 is told of as the past ("từng làm Chính ủy Bộ CHQS tỉnh Thái
        # Bình"): a bare head refers back to a body of today where the document names one
        preferred = [a for a in preferred if not self.of_former_province(a[1])] or preferred
        if not preferred:
            return self.organ_of(head)
        # "…; tại Ninh Bình, Thượng tá A … giữ chức Chỉ huy trưởng Bộ Chỉ huy": the one of the province its clause
        # opens with
        side = self.side_province(at)
        on_side = next((value for _, value, _ in preferred if side and value.endswith(" " + side)), None)
        if on_side is not None:
            return on_side
        if head == PARTY_ORGANIZATION:
            # "tham gia Ban Chấp hành Đảng bộ" after "Ban Thường vụ Tỉnh ủy chỉ định …" in a story of the provincial
            # police's Party: the organization the document names most, the last on a tie
            counts = Counter(value for _, value, _ in preferred)
            return max(counts, key=lambda value: counts[value])
        if head not in self.x.commands:
            return preferred[0][1]
        near = next((value for start, value, as_written in preferred
                     if as_written and self.sentences_apart(start, at) <= 1), None)
        if near is not None:
            return near
        kinds = Counter(LOCAL_UNIT_WORDS.split(value, 1)[0] for _, value, _ in preferred)
        kind = max(kinds, key=lambda k: kinds[k])  # the first of the most counted is the one named last
        return next(value for _, value, _ in preferred if LOCAL_UNIT_WORDS.split(value, 1)[0] == kind)

    def of_former_province(self, name: str) -> bool:
        """Whether a body's name ends with a province the registry lists as former (``… tỉnh Thái Bình``)."""
        if self.former_provinces is None:
            self.former_provinces = tuple(" " + value for span in self.place_list
                                          if (value := span_values(span)[0])
                                          and (span_values(span)[2] or {}).get("level") == "former_province")
        return bool(self.former_provinces) and name.endswith(self.former_provinces)

    def foreign_only(self, name: str) -> bool:
        """Whether a name opens with a head only other countries' bodies have (``Đồn Quản lý biên giới Ái Điểm``)."""
        words = form_key(name).split()
        return any(" ".join(words[:n]) in self.x.foreign_heads for n in range(1, len(words)))

    def organ_of(self, head: str) -> str | None:
        """An organ written alone where the document named none in full (``organs``): that organ of the body of its
        heads the document named most often so far, the last on a tie (``Ban Giám đốc`` → ``Ban Giám đốc Công an
        tỉnh Hà Tĩnh``, ``Đảng ủy`` → ``Đảng ủy Quân sự tỉnh X`` of a ``Bộ Chỉ huy Quân sự tỉnh X``)."""
        heads = self.x.organs.get(head)
        if not heads:
            return None
        # a command counts for its force ("Bộ Chỉ huy BĐBP tỉnh X" for "Bộ đội Biên phòng tỉnh X"), as records name it
        named = (self.x.lexicon.as_force(value) for _, value in reversed(self.named))
        bodies = Counter(value for value in named if value.startswith(tuple(h + " " for h in heads))
                         and not self.is_foreign_name(value) and not self.foreign_only(value))
        if not bodies:
            return None
        body = max(bodies, key=lambda value: bodies[value])  # the first of the most counted is the one named last
        if head == PARTY_COMMITTEE:
            body = self.x.lexicon.party_of(body) or body
        return f"{head} {body}"

    def shared_head_names(self, spans: list[Span]) -> list[Span]:
        """Names that share the head of the body before them in a list: ``Sở Nội vụ, Tư pháp và Tài chính`` is three
        provincial departments, ``Tư pháp`` → ``Sở Tư pháp tỉnh X`` with the first one's place. A head of
        ``shared_heads`` only, and only names the registry knows with that head (``Sở Y tế, Công an tỉnh``: no
        ``Sở Công an``)."""
        doc, found = self.doc, []
        taken = {k for span in spans for k in range(span.start, span.end)}
        for span in spans:
            text, value = span_text(span), span_values(span)[0]
            head = next((h for h in self.x.lexicon.shared_heads if text.startswith(h + " ")), None)
            if head is None or not value:
                continue
            # the registry's name that opens the first one ("Sở Nội vụ" of "Sở Nội vụ tỉnh Lâm Đồng") and its kind: the
            # others are of that kind ("Bộ Chỉ huy và Chính trị viên" names no "Bộ Chính trị")
            words = text.split(" ")
            own, kinds = next(((name, kinds) for n in range(len(words), 1, -1)
                               if (kinds := self.registry_kinds(name := " ".join(words[:n])))), (text, set()))
            if not value.lower().startswith(own.lower()):
                continue
            rest = value[len(own):]  # " tỉnh Lâm Đồng": where the first one is, which the others share
            k = span.end
            while kinds and k + 1 < len(doc) and doc[k].lower_ in COORDINATORS and doc[k + 1].text[:1].isupper():
                end = next((e for e in range(min(k + 1 + MAX_SHARED_NAME_WORDS, len(doc)), k + 1, -1)
                            if not taken & set(range(k + 1, e))
                            and kinds & self.registry_kinds(f"{head} {tokens_text(doc, k + 1, e)}")), None)
                if end is None:
                    break
                name = f"{head} {tokens_text(doc, k + 1, end)}"
                found.append(make_span(doc, k + 1, end, "ORG", name + rest, "orgs.shared_head"))
                k = end
        return found

    def registry_kinds(self, text: str) -> set[str]:
        """The kinds of the registry's bodies and templates written as ``text`` (``Sở Tư pháp``: department)."""
        registry = self.x.registry
        return {(registry.bodies[f.entry].kind if f.entry in registry.bodies else registry.templates[f.entry].kind)
                for f in registry.lookup(text) if f.entry in registry.bodies or f.entry in registry.templates}

    def party_unit_before(self, at: int, head: str) -> str | None:
        """A bare ``head`` at token ``at`` right after a Party committee and a comma: the body of that head of the
        committee's unit (``Đảng ủy Quân khu 7, Bộ Tư lệnh`` → ``Bộ Tư lệnh Quân khu 7``; ``Đảng ủy Quân chủng
        Phòng không - Không quân, Bộ Tư lệnh Quân chủng`` → its ``Quân chủng``), where the unit's name opens with
        the head or the registry names the head with the unit; else None."""
        if at < 2 or self.doc[at - 1].text != "," or not self.named:
            return None
        start, value = self.named[-1]
        if self.named_ends.get(start) != at - 1:
            return None
        unit = self.x.lexicon.unit_of_party(value)
        if unit is None:
            return None
        if form_key(unit).startswith(form_key(head) + " "):
            return unit
        body, _ = self.body_named(f"{head} {unit}")
        return f"{head} {unit}" if body is not None else None

    def as_antecedent_of(self, head: str) -> Callable[[str], str]:
        """How a name the document wrote before reads as what a bare ``head`` refers back to: a Party organization
        below a province as its committee (``Đại hội Đảng bộ Tổng công ty X``, then ``Bí thư Đảng ủy`` is of the
        ``Đảng ủy Tổng công ty X``; a province's Party committee has a name of its own, ``Tỉnh ủy``), a force as
        its command (``Bộ đội Biên phòng tỉnh X`` for a bare ``Bộ Chỉ huy``)."""
        if head == PARTY_COMMITTEE:
            organization = PARTY_ORGANIZATION + " "

            def committee(name: str) -> str:
                rest = name.removeprefix(organization)
                if rest == name or rest.startswith(("tỉnh ", "thành phố ")):
                    return name
                return f"{PARTY_COMMITTEE} {rest}"
            return committee
        if head == PARTY_ORGANIZATION:
            return party_organization_of
        forces = [(force, command) for command, force in self.x.lexicon.command_forces
                  if command.startswith(head + " ") and head in self.x.commands]

        # a unit named in its Party organization's name ("Đảng bộ Đồn Biên phòng Tam Chung", then "Chính trị viên
        # Đồn") is the unit; a command keeps its own reading (a province's Party committee names its command too)
        party_units = head not in self.x.commands

        def command(name: str) -> str:
            party = party_organization_of(name) if party_units else ""
            if party.startswith(PARTY_ORGANIZATION + " "):
                unit = self.x.lexicon.unit_of_party(PARTY_COMMITTEE + party[len(PARTY_ORGANIZATION):])
                if unit is not None and unit.startswith(head + " "):
                    return unit
            return next((command + name[len(force):] for force, command in forces
                         if name.startswith(force + " ")), name)
        return command

    def sentences_apart(self, a: int, b: int) -> int:
        """How many sentences lie between tokens ``a`` and ``b`` (0: one sentence, 1: the next one)."""
        sentence_of = self.sentence_of()
        first, second = sentence_of.get(a), sentence_of.get(b)
        return abs(second - first) if first is not None and second is not None else 0

    def stands_alone(self, part: Part, plural_ok: bool = True) -> bool:
        """A head that is an organization by itself: a lexicon standalone name, or a registry name written with
        its capital (``Chính phủ``, not the common noun ``chính phủ hai nước``); with ``plural_ok`` also a
        template every province has (``Sở Tài chính``), which ``các tỉnh`` after it makes plural."""
        key = form_key(part.value)
        if key in self.x.standalone:
            return True
        registry = self.x.registry_alone if plural_ok else self.x.registry_standalone
        return key in registry and self.doc[part.start].text[:1].isupper()

    @staticmethod
    def of_a_province(parts: list[Part]) -> bool:
        """A province's body, in Vietnam or across the border: its head and a province, or ``tỉnh`` completed."""
        rest = [p for p in parts[1:] if p.kind != "definition"]
        if len(rest) != 1:
            return False
        if rest[0].kind == "unit":
            return rest[0].value in ("tỉnh", "thành phố")
        return rest[0].kind == "place" and (rest[0].attrs or {}).get("level") in ("province", "foreign_region")

    def names_a_unit(self, parts: list[Part]) -> bool:
        """``Đoàn Kinh tế - Quốc phòng 337``, ``Đoàn 871``: a capitalised ``Đoàn`` with its number; with a name
        alone (``Đoàn Campuchia``) or an organization (``Đoàn Bộ Quốc phòng``) it is a delegation."""
        return (self.doc[parts[0].start].text[:1].isupper()
                and any(part.kind == "number" for part in parts[1:])
                and all(part.kind in ("name", "number") for part in parts[1:]))

    def span(self, start: int, end: int, parts: list[Part], source: str) -> Span:
        """The ORG span of ``parts``: its value and attributes from the document, then the registry."""
        value = self.normalize(parts)
        registry_source, attrs, value = self.identify(parts, value)
        # a province's body written here, also as the parent in a longer name ("Cơ quan Cảnh sát điều tra Công an
        # tỉnh"): a unit named alone later belongs to it
        for i, part in enumerate(parts):
            template = part.template(self.x.registry) if part.kind == "head" else None
            if template is not None and self.of_a_province(parts[i:]):
                self.template_bodies.append((part.start, template.id, value if i == 0 else self.normalize(parts[i:])))
                break
            if template is not None and i == 0 and value and COMMUNE_BODY.search(value):
                # a commune's body ("HĐND xã Thông Thụ"): the owner only of the units every level's body has
                self.commune_bodies.append((part.start, template.id, value))
                break
        return make_span(self.doc, start, end, "ORG", value, registry_source or source, attrs)

    # --- the registry ---------------------------------------------------------------------------

    def mentioned(self) -> set[str]:
        """Ids of the registry bodies the document names, with the bodies above them (computed when first asked)."""
        if self._mentioned is None:
            registry = self.x.registry
            ids = set()
            written = [span_text(span) for span in (*self.heads.order, *self.acronyms.values())]
            for text in written:
                bodies = {f.entry for f in registry.forms.get(form_key(text), ()) if f.entry in registry.bodies}
                # a name several bodies share ("Cục Đối ngoại": the police's, the army's) names none of them: it
                # would otherwise be its own context, and tie with the body the rest of the document names
                if len(bodies) == 1:
                    ids.update(f.entry for f in registry.forms[form_key(text)]
                               if f.entry in registry.bodies and f.role != IN_CONTEXT)
            self._mentioned = with_ancestors(registry, ids)
        return self._mentioned

    def body_named(self, text: str, written_parent: str | None = None) -> tuple[Body | None, str | None]:
        """The registry body written as ``text`` and the role of that form, or (None, None)."""
        forms = self.x.registry.forms.get(form_key(text), [])
        if not any(f.entry in self.x.registry.bodies for f in forms):
            return None, None
        # the document's names are read only when a form is a short one or stands for several bodies
        needs_context = len(forms) > 1 or any(f.role == IN_CONTEXT for f in forms)
        body = choose_body(self.x.registry, forms, written_parent, self.date,
                           self.mentioned() if needs_context else frozenset())
        if body is None:
            return None, None
        return body, next(f.role for f in forms if f.entry == body.id)

    def identify(self, parts: list[Part], value: str | None) -> tuple[str | None, dict, str | None]:
        """(source, attrs, value) from the registry: which body ``parts`` name, and its full name for a short form.

        In order: the whole name is a registry body's (``Bộ Tư lệnh Vùng 2 Hải quân``, ``Cảnh sát biển``); a
        template with its place (``Công an tỉnh Nghệ An``) or alone in a document about one province; a
        registry name followed by its parent (``Cục Cảnh sát giao thông Bộ Công an``); a unit named by its
        function or a unit of a registry body, which gives the parent.
        """
        registry = self.x.registry
        naming = [p for p in parts if p.kind != "definition"]
        if value is None or not naming:
            return None, {}, value
        body, role = self.body_named(value)
        if (body is not None and body.kind == "department"
                and (abroad := self.foreign_owner_after_comma(naming[-1].end)) is not None):
            # "Cục Đào tạo, Bộ An ninh Lào": a name of one of our bodies, of the other country's body written after it
            return None, {}, f"{value} {abroad}"
        if body is not None:
            attrs = registry.attrs_of_body(body)
            if role in (SHORT, IN_CONTEXT) or (role == ACRONYM and naming[0].value not in self.learned.values()):
                return "orgs.registry_short", attrs, body.name
            return "orgs.registry", attrs, value
        first, rest = naming[0], naming[1:]
        template = first.template(registry)
        if template is not None:
            instance = self.template_instance(template, first, rest, value)
            if instance is not None:
                return instance[0], instance[1], value
        # what follows may be the parent ("… Bộ Công an", "… BĐBP") or the home country ("… Việt Nam")
        may_be_parent = bool(rest) and (
            rest[0].kind in ("head", "acronym") or (len(rest) == 1 and rest[0].kind == "place"))
        rest_value = self.normalize(rest) if may_be_parent else None
        parent, _ = self.body_named(rest_value) if rest_value else (None, None)
        home = rest_value == HOME_COUNTRY  # "Bộ Công an Việt Nam", "Hải quân Việt Nam": the body itself
        if (first.complete or first.kind == "acronym") and (not rest or parent is not None or home):
            body, role = self.body_named(first.value, parent.id if parent else None)
            if body is not None:
                attrs = registry.attrs_of_body(body)
                if parent is not None:
                    attrs["parent"] = rest_value
                if home:
                    short = role in (SHORT, IN_CONTEXT)
                    return f"orgs.registry{'_short' if short else ''}", attrs, body.name if short else first.value
                return "orgs.registry", attrs, value
        unit = registry.unit_names.get(form_key(first.value))
        if unit is None and any(part.kind == "acronym" for part in rest) and all(
                part.kind in ("acronym", "head") for part in rest):
            # "Phòng Cảnh sát PCCC&CNCH": a unit named by its function with the function abbreviated
            unit = registry.unit_names.get(form_key(value))
            rest = [] if unit is not None else rest
        attrs = {"kind": unit.kind} if unit is not None else {}
        if unit is not None and not rest and self.owner_after_comma(naming[-1].end, unit.parents):
            # "Phòng Cảnh sát hình sự, Cảnh sát tỉnh Prey Veng": the owner written after it (complete_sub_units)
            return "orgs.registry", attrs, value
        if unit is not None and not rest:
            # "Phòng Cảnh sát hình sự" alone: of the last police the document named before it
            bodies = self.template_bodies
            if unit.kind in EVERY_LEVELS_UNITS:
                bodies = sorted(bodies + self.commune_bodies)
            elif unit.kind in COMMUNE_UNITS:
                bodies = self.commune_bodies
            owners = [(start, name) for start, template_id, name in reversed(bodies)
                      if start < first.start and template_id in unit.parents
                      and not self.foreign_elsewhere(name, start, first.start)]
            # ours before a foreign one of the same sentence ("Giám đốc Công an tỉnh Quảng Ngãi cảm ơn Công an tỉnh
            # Attapeu, khen thưởng tổ công tác của Phòng Cảnh sát hình sự")
            ours = [(start, name) for start, name in owners if not self.is_foreign_name(name)
                    and self.sentence_of().get(start) == self.sentence_of().get(first.start)]
            owner = ours[0][1] if ours else (owners[0][1] if owners else None)
            end = naming[-1].end
            after = token_lowers(self.doc)[end:end + 5]
            ours_said = after[:3] == ["phía", "việt", "nam"] or after[:2] == ["phía", "ta"]
            if not ours_said and (self.on_foreign_side(first.start) or (after[:1] == ["của"] and "bạn" in after)):
                # "Phía bạn, …", "… của công an tỉnh bạn": the other side's body, in any sentence
                owner = next((name for start, template_id, name in reversed(bodies) if start < first.start
                              and template_id in unit.parents and self.is_foreign_name(name)), owner)
            # "Phía Vĩnh Long, Thượng tá A, Trưởng phòng Phòng Cảnh sát hình sự": the side's province's body
            side = self.side_province(first.start)
            owner = next((name for _, name in owners if side and name.endswith(" " + side)), owner)
            if owner is not None:
                owner = self.x.lexicon.as_force(owner)
                return "orgs.document", {**attrs, "parent": owner}, f"{value} {owner}"
        if rest_value and (parent is not None or (rest[0].forms and rest[0].kind == "head")):
            attrs["parent"] = rest_value
        return ("orgs.registry" if unit is not None else None), attrs, value

    def head_after_comma(self, end: int) -> Part | None:
        """The head of a body written right after a comma at ``end`` (a possible owner of the name ending there)."""
        if end + 1 >= len(self.doc) or self.doc[end].text != "," or end + 1 not in self.heads:
            return None
        return self.head_part(self.heads[end + 1])

    def foreign_owner_after_comma(self, end: int) -> str | None:
        """The name of another country's body written right after a comma at ``end`` (``Bộ An ninh Lào``), or None."""
        head = self.head_after_comma(end)
        if head is None:
            return None
        value = self.normalize(self.grow([head])[0])
        return value if value and self.is_foreign_name(value) else None

    def owner_after_comma(self, end: int, parents: Collection[str]) -> bool:
        """Whether a body that may own a unit of ``parents`` (templates) is written right after a comma at ``end``, with
        its place: a template's body, or a foreign one of ``foreign_heads`` (``Cảnh sát tỉnh Prey Veng``); not the
        next item of a list (``PC04, Công an xã và …``)."""
        head = self.head_after_comma(end)
        if head is None:
            return False
        template = head.template(self.x.registry)
        if not ((template is not None and template.id in parents) or form_key(head.value) in self.x.foreign_heads):
            return False
        return self.grow([head])[0][-1].kind == "place"

    def template_instance(self, template: Template, first: Part, rest: list[Part], value: str,
                          ) -> tuple[str, dict] | None:
        """(source, attrs) of a template with its place (``Công an`` + ``tỉnh Nghệ An``), or with the document's
        province when it is written alone; None when what follows it is not a place."""
        registry = self.x.registry
        if len(rest) == 1 and rest[0].kind == "place" and rest[0].attrs is not None:
            place_attrs = rest[0].attrs
            level = BODY_LEVELS.get(place_attrs.get("level", ""))
            place = value[len(template.name):].strip() if value.lower().startswith(template.name.lower()) else ""
            code, province, source = place_attrs.get("code"), place_attrs.get("province"), "orgs.template"
            if level == "province" and not province:
                province = place
        elif len(rest) == 1 and rest[0].kind == "unit" and (found := self.province_for(rest[0], first)) is not None:
            if found.foreign:
                return None
            level, code, province, source = "province", found.code, found.full, "orgs.template"
            place = province
        elif not rest and template.bare and self.province:
            if self.bare_province(first).foreign:
                return None  # "Đoàn tỉnh Salavan do ông A, Giám đốc Sở Y tế dẫn đầu": no body of ours
            level, code, province, source = "province", self.province.code, self.province.full, "orgs.document"
            place = province
        else:
            return None
        if level not in template.levels:
            return None
        parent, successor = registry.template_instance(template, place, province, level)
        attrs = {"kind": template.kind}
        if code:
            attrs["registry_id"] = f"{template.id}:{code}"
        if parent:
            attrs["parent"] = parent
        if successor:
            attrs["successor"] = successor
        return source, attrs

    def province_for(self, unit: Part, head: Part | None = None) -> Province | None:
        """The province a bare ``tỉnh`` (``thành phố``) of a name stands for, as the document makes it clear.

        The one named last before it in its sentence (``Bộ CHQS tỉnh Quảng Ninh phối hợp với BĐBP tỉnh``,
        ``Phó Tỉnh trưởng tỉnh Xiêng Khoảng …, Giám đốc Công an tỉnh``), unless that province's body of the
        same name (``head``) is written there, which makes ours another (``Công an tỉnh Xiêng Khoảng bàn giao
        cho … Công an tỉnh``); else the document's province; else, for a ``thành phố`` in a document about
        no one city, the city the document named last before it. A person's hometown or address (``quê tỉnh
        Hưng Yên``, ``trú tại …``) is no body's place.
        """
        # a body only other countries have: its province is a foreign one, in its sentence or named last before it
        foreign_only = (head is not None and form_key(head.value) in self.x.foreign_heads) or unit.value in FOREIGN_UNITS
        sentence = self.sentence_of().get(unit.start)
        named = earlier_foreign = None
        for place, place_sentence, value, attrs in self.province_places():
            if place.start >= unit.start:
                break
            foreign = attrs.get("level") in FOREIGN_UNIT_LEVELS
            if not value.startswith(unit.value + " ") or (foreign_only and not foreign):
                continue
            province = Province(unit.value, value[len(unit.value) + 1:], attrs.get("code"), foreign)
            if place_sentence == sentence and not self.named_by(place, head):
                named = province
            earlier_foreign = province if foreign else earlier_foreign
        if named is not None:
            return named
        if foreign_only:
            return earlier_foreign or self.foreign_province(unit)
        if unit.end < len(self.doc) and self.doc[unit.end].text == "bạn" and unit.value == "tỉnh":
            # "phối hợp với Công an tỉnh bạn": the friendly province across the border, the one the document names
            return self.foreign_province(unit)
        foreign = self.foreign_side_province(unit) or self.foreign_speaker_province(unit)
        if foreign is not None:
            return foreign
        if unit.value == "huyện" and (self.date or "") >= DISTRICTS_ABOLISHED:
            # Vietnam has no districts since the 2025 reorganisation: "Công an huyện" is of the foreign one named
            return self.foreign_province(unit)
        if self.province is not None and unit.value == self.province.unit:
            return self.province
        # a document about a city writes "Công an tỉnh" for the one province whose police it named before
        same_body = [(value, attrs) for place, _, value, attrs in self.province_places()
                     if place.start < unit.start and value.startswith(unit.value + " ") and self.named_by(place, head)]
        if same_body:
            value, attrs = same_body[-1]
            return Province(unit.value, value[len(unit.value) + 1:], attrs.get("code"),
                            attrs.get("level") in FOREIGN_UNIT_LEVELS)
        if unit.value == "thành phố":
            cities = [(place, value, attrs) for place, _, value, attrs in self.province_places()
                      if place.start < unit.start and value.startswith("thành phố ")]
            if cities:
                _, value, attrs = cities[-1]
                return Province(unit.value, value[len("thành phố "):], attrs.get("code"),
                                attrs.get("level") == "foreign_region")
        return None

    def province_places(self) -> list[tuple[Span, int | None, str, dict]]:
        """The places of a province (ours or foreign, a foreign district too) a body may be named with, in text order,
        with their sentence, value and attrs: not a person's hometown or address (``quê tỉnh Hưng Yên``)."""
        if self._provinces is None:
            sentence_of = self.sentence_of()
            self._provinces = []
            for place in self.place_list:
                value, _, attrs = span_values(place)
                before = token_lowers(self.doc)[max(0, place.start - 3):place.start]
                personal = any(lower in PERSONAL_PLACE_CUES or lower in NEIGHBOUR_CUES for lower in before)
                if (attrs or {}).get("level") in ("province", *FOREIGN_UNIT_LEVELS) and not personal:
                    self._provinces.append((place, sentence_of.get(place.start), value or "", attrs or {}))
        return self._provinces

    def sentence_place(self, part: Part) -> str | None:
        """The first place of a bare unit word's level its own sentence names before it (``… đến nhận công tác tại
        xã Trung Hạ, chỉ định giữ chức Bí thư Đảng ủy xã``: Trung Hạ, not the commune the document names most)."""
        index = self.sentence_of()
        sentence = index.get(part.start)
        for place in self.place_list:
            if place.start >= part.start:
                break
            value = span_values(place)[0] or ""
            if value.startswith(part.value + " ") and index.get(place.start) == sentence:
                return value[len(part.value) + 1:]
        return self.paragraph_place(part)

    def paragraph_place(self, part: Part) -> str | None:
        """The place of a bare unit word's level a sentence of its paragraph opens with before it, the scene the
        paragraph is set in (``Tại xã Mường Nhé, đoàn kiểm tra … Chỉ huy trưởng Ban CHQS xã``), where it opens with
        one only."""
        text = text_of(self.doc)
        start = text.rfind("\n", 0, self.doc[part.start].idx) + 1
        doc = self.doc
        names = set()
        for place in self.place_list:
            if place.start >= part.start:
                break
            value = span_values(place)[0] or ""
            if (place.start_char >= start and value.startswith(part.value + " ") and place.start > 0
                    and doc[place.start - 1].text in SCENE_OPENERS and place.end < len(doc)
                    and doc[place.end].text == ","):
                names.add(value[len(part.value) + 1:])
        return names.pop() if len(names) == 1 else None

    def sentence_of(self) -> SentenceIndex:
        """The sentence of each token, computed when first asked."""
        if self._sentence_of is None:
            self._sentence_of = SentenceIndex(sentence_ranges(self.doc))
        return self._sentence_of

    def foreign_names(self) -> set[str]:
        """The normalized names of the foreign provinces and countries the document names."""
        if self.foreign_places is None:
            self.foreign_places = {span_values(place)[0] or span_text(place) for place in self.place_list
                                   if (span_values(place)[2] or {}).get("level") in FOREIGN_LEVELS}
        return self.foreign_places

    def foreign_elsewhere(self, name: str, start: int, at: int) -> bool:
        """Whether ``name`` (a body written at token ``start``) is a foreign province's and in another sentence than
        token ``at``: a foreign body owns the units of its own sentence only (``Về phía tỉnh Savannakhet, … Trưởng
        Phòng Cảnh sát hình sự``), not those of a later one about our side."""
        if not self.is_foreign_name(name):
            return False
        return self.sentence_of().get(start) != self.sentence_of().get(at)

    def foreign_province(self, unit: Part) -> Province | None:
        """The one foreign province (of ``unit``'s word) the document names: the place of a body only other countries
        have (``Cảnh sát tỉnh`` of Cambodia, ``Chính phủ Nhân dân tỉnh`` of China); None when it names none or several."""
        regions = {value: attrs for _, _, value, attrs in self.province_places()
                   if attrs.get("level") in FOREIGN_UNIT_LEVELS and value.startswith(unit.value + " ")}
        if len(regions) != 1:
            return None
        (value, attrs), = regions.items()
        return Province(unit.value, value[len(unit.value) + 1:], attrs.get("code"), True)

    def foreign_side_province(self, unit: Part) -> Province | None:
        """``… ; đoàn bạn do Đại tá X, Chỉ huy trưởng Bộ CHQS tỉnh dẫn đầu``: in a clause about the other side of a
        meeting (``phía bạn``, ``đoàn bạn``, ``Đoàn Lào``, ``Phía Campuchia``), a bare ``tỉnh`` is the one foreign
        province the document names."""
        return self.foreign_province(unit) if self.on_foreign_side(unit.start) else None

    def on_foreign_side(self, at: int) -> bool:
        """Whether token ``at`` is in a clause about the other side of a meeting (``phía bạn``, ``đoàn bạn``, ``Đoàn
        Lào``, ``Phía Campuchia``), and not in what that side gives to ours."""
        sentence_of = self.sentence_of()
        sentence = sentence_of.get(at)
        lowers = token_lowers(self.doc)  # a walk back over the clause: no Token object per word
        foreign_starts = self.foreign_starts()
        k = at - 1
        # over the ";" between the items of one side's list ("Phía bạn có A, Chỉ huy trưởng Bộ CHQS tỉnh; B, Phó Giám
        # đốc Công an tỉnh"), up to another side's opening ("…; phía Việt Nam có …")
        while k > 0 and sentence_of.get(k) == sentence and lowers[k] != ".":
            if lowers[k] in RECIPIENT_WORDS and lowers[k + 1] not in SAYING_AFTER_CHO:
                return False  # "Phía bạn, Thiếu tướng X trao Huân chương … cho BĐBP tỉnh": what the side gives is to us
            if lowers[k - 1] in FOREIGN_SIDE_WORDS and (lowers[k] == "bạn" or k in foreign_starts):
                return True
            if lowers[k - 1] == "phía":
                return False  # our side's clause
            k -= 1
        return False

    def foreign_speaker_province(self, unit: Part) -> Province | None:
        """``Thượng tá Bun Nhăng Khăm Vi Lay cho biết, Công an tỉnh đã trao trả …``: a bare ``tỉnh`` in what a person
        of the other side says or asks (the last name before it in its sentence, of three words or more, opens with
        no Vietnamese surname, and a word of ``saying_words`` follows it) is the one foreign province the document names; not where the words
        address or give to someone (``cảm ơn Bộ CHQS tỉnh``, ``trao … cho``)."""
        sentence_of = self.sentence_of()
        sentence = sentence_of.get(unit.start)
        doc, lowers = self.doc, token_lowers(self.doc)
        # names are found after organizations: the name is the capitalised words after the sentence's last rank,
        # title or "ông"/"bà" before the body
        openers = sorted({s.end for s in (*spans_of(doc, "RANK"), *spans_of(doc, "POSITION"))
                          if s.end < unit.start and sentence_of.get(s.start) == sentence}
                         | {k + 1 for k in range(unit.start) if lowers[k] in ("ông", "bà")
                            and sentence_of.get(k) == sentence})
        if not openers:
            return None
        start = end = openers[-1]
        while end < unit.start and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end - start < 3 or doc[start].text in self.x.surnames:
            return None
        between = " " + " ".join(lowers[end:unit.start]) + " "
        lexicon = self.x.lexicon
        if any(f" {word} " in between for word in (*lexicon.addressing_words, *RECIPIENT_WORDS)
               if not (word == "cho" and any(f" cho {w} " in between for w in SAYING_AFTER_CHO))):
            return None
        if not any(f" {word} " in between for word in lexicon.saying_words):
            return None
        return self.foreign_province(unit)

    def side_province(self, at: int) -> str | None:
        """The province whose side a clause opens with (``Phía Vĩnh Long, …``, ``Về phía tỉnh Vĩnh Long, …``), or where
        a sentence or a clause after ";" opens (``Tại Vĩnh Long, lực lượng do … Phòng Cảnh sát hình sự chỉ huy``), before
        token ``at`` in its sentence, or None."""
        sentence_of = self.sentence_of()
        sentence = sentence_of.get(at)
        lowers = token_lowers(self.doc)
        for place in self.place_list:
            if place.start >= at:
                break
            value, _, attrs = span_values(place)
            if (sentence_of.get(place.start) == sentence and place.start > 0
                    and (lowers[place.start - 1] == "phía" or (lowers[place.start - 1] == "tại" and (
                        place.start == 1 or sentence_of.get(place.start - 2) != sentence
                        or lowers[place.start - 2] == ";")))
                    and (attrs or {}).get("level") == "province" and lowers[place.end:place.end + 1] == [","]):
                return value
        return None

    def named_by(self, place: Span, head: Part | None) -> bool:
        """Whether ``place`` is written right after the words of ``head`` (the same body of another province)."""
        if head is None:
            return False
        size = head.end - head.start
        return place.start >= size and form_key(tokens_text(self.doc, place.start - size, place.start)) == form_key(
            tokens_text(self.doc, head.start, head.end))

    def normalize(self, parts: list[Part]) -> str:
        """The full name: acronyms expanded (also inside heads), a bare unit word completed with the document's
        province, a body named after a province written with the province's bare name."""
        registry = self.x.registry
        words: list[str] = []
        named_by_place_name = False  # the head before is "Tỉnh ủy", "Báo": "Tỉnh ủy Thanh Hóa", not "… tỉnh …"
        before: Part | None = None
        for part in parts:
            if part.kind == "definition":
                continue
            head, before = before, part
            if part.kind == "unit" and (province := self.province_for(part, head)) is not None:
                words.append(province.full)
                continue
            if part.kind == "unit" and part.value in self.local_units:
                words.append(f"{part.value} {self.sentence_place(part) or self.local_units[part.value]}")
                continue
            value = part.value
            if (part.kind == "acronym" and head is not None and head.kind == "head"
                    and value.startswith(head.value + " ")):
                del words[-len(head.value.split()):]  # "Cục A05": the code's name holds its head already
            if part.kind == "place" and named_by_place_name and self.doc[part.start].lower_ not in ("tỉnh", "thành"):
                # "Tỉnh ủy Thanh Hóa", not "Tỉnh ủy tỉnh Thanh Hóa"; a unit word written stays
                value = strip_unit_word(value)
                value = value[len("phố "):] if value.startswith("phố ") else value
            words.extend(self.expansions.get(word, word) for word in value.split())
            template = part.template(registry) if part.kind == "head" else None
            named_by_place_name = part.kind == "head" and (
                (template is not None and template.place == "name") or words[-1].lower() in ("ủy", "uỷ"))
        text = " ".join(words)
        last = parts[-1]
        template = last.template(registry) if last.kind == "head" else None
        if template is not None and template.bare and self.province and "province" in template.levels:
            # "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Sở Tài chính" alone: the document's province's, or the foreign
            # province of a clause about the other side ("Đoàn tỉnh Salavan do ông A, Giám đốc Sở Y tế dẫn đầu")
            text = f"{text} {template.full_name(self.bare_province(last).full)[len(template.name) + 1:]}"
        return text

    def foreign_starts(self) -> dict[int, Span]:
        """The foreign provinces and countries the document names (not Việt Nam), by the token they start at."""
        if self._foreign_starts is None:
            self._foreign_starts = {place.start: place for place in self.place_list
                                    if (span_values(place)[2] or {}).get("level") in FOREIGN_LEVELS
                                    and span_values(place)[0] != HOME_COUNTRY}
        return self._foreign_starts

    def bare_province(self, part: Part) -> Province:
        """The province of a body every province has, written alone at ``part``: the foreign one of a clause that
        lists the other side's delegation (``Đoàn tỉnh Salavan do ông A, Giám đốc Sở Y tế dẫn đầu``, ``Phía Lào có
        …``), else the document's (which the caller knows there is)."""
        assert self.province is not None
        coordinated = self.next_titles_province(part.end)
        if coordinated is not None:
            return coordinated
        sentence = self.sentence_of().get(part.start)
        places = self.foreign_starts()
        k = part.start - 1
        while k > 0 and self.sentence_of().get(k) == sentence and self.doc[k].text not in (";", "."):
            place = places.get(k)
            if (place is not None and self.doc[k - 1].lower_ in FOREIGN_SIDE_WORDS and place.end < len(self.doc)
                    and self.doc[place.end].lower_ in DELEGATION_MEMBERS):
                value, _, attrs = span_values(place)
                if (value or "").startswith("tỉnh "):  # the delegation's own province: "Đoàn tỉnh Salavan do …"
                    return Province("tỉnh", value[len("tỉnh "):], (attrs or {}).get("code"), True)
                return self.foreign_province(Part(part.start, part.end, "unit", "tỉnh")) or self.province
            k -= 1
        return self.province

    def next_titles_province(self, end: int) -> Province | None:
        """The province of the next title's body, where a body written alone at ``end`` is one of a person's titles
        coordinated with it (``Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An``, ``Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh
        Xiêng Khoảng``): the first province named after that title, before the clause ends; else None."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].text != "," or end + 1 not in self.position_end_at:
            return None
        after = self.position_end_at[end + 1]
        for place, _, value, attrs in self.province_places():
            if place.start < after:
                continue
            # the next title's body's own place: only its capitalised name between them ("Chủ tịch UBND tỉnh Nghệ
            # An", "Chính ủy Bộ CHQS tỉnh Lào Cai"), not a place a clause goes on to ("Chủ tịch UBND tỉnh đến nhận công
            # tác tại tỉnh Cà Mau")
            k = after
            while k < place.start:
                if not (doc[k].text[:1].isupper() or doc[k].text in ("(", ")", "tỉnh", "thành", "phố")):
                    return None
                k = max(self.words.word_end(k), k + 1)
            unit, _, name = value.partition(" ")
            if unit not in ("tỉnh", "thành phố") or not name:
                return None
            return Province(unit, name, attrs.get("code"), attrs.get("level") in FOREIGN_UNIT_LEVELS)
        return None

    def coordinated_with_named(self, start: int, end: int, bare_part: Part | None = None) -> list[Part] | None:
        """``Đảng ủy, Ban Chỉ huy BĐBP tỉnh``: a bare head shares the complement of the next, named organization;
        so does a title's body before the next title (``Bí thư Đảng ủy, Chính ủy Bộ đội Biên phòng tỉnh``).

        Returns the shared parts (empty when the next name is a head alone) or None when not coordinated.
        """
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in COORDINATORS:
            return None
        bare = form_key(tokens_text(doc, start, end))
        party = bare == form_key(PARTY_COMMITTEE)
        after_title = start in self.title_ends
        start = end + 1
        if after_title and doc[end].text == "," and start in self.position_end_at:
            start = self.position_end_at[start]
        leaders = 0
        if party and start not in self.heads:
            # "Đảng ủy, chỉ huy Sư đoàn": the committee of the body whose leaders are named with it
            leaders = next((len(words.split()) for words in self.x.lexicon.leaders_words
                            if token_lowers(doc)[start:start + len(words.split())] == words.split()
                            and start + len(words.split()) in self.heads), 0)
            start += leaders
        if start not in self.heads and after_title and self.is_org_acronym(start):
            # "Bí thư Đảng ủy, Chỉ huy trưởng BĐBP tỉnh": the Party committee of the body written as an acronym
            parts, named = self.grow([Part(start, start + 1, "acronym",
                                           span_values(self.acronyms[start])[0] or doc[start].text)])
            return [Part(parts[0].start, parts[-1].end, "name", self.x.lexicon.as_force(self.normalize(parts)))]
        if start not in self.heads:
            return None
        # the complement is what follows the lexicon's head: "BĐBP tỉnh" of "Ban Chỉ huy BĐBP tỉnh", also where
        # the registry knows "Ban Chỉ huy BĐBP" as one name
        head = written = self.heads[start]
        lexicon_heads = [c for c in self.heads.candidates(start)
                         if form_key(span_text(c)) in self.x.lexicon_heads and c.end <= head.end]
        if form_key(span_text(head)) not in self.x.lexicon_heads and lexicon_heads:
            head = max(lexicon_heads, key=len)
        parts, named = self.grow([self.head_part(head)])
        if written.end > parts[-1].end and parts[0].kind == "head":
            # the registry's name reaches further than the lexicon head's complement ("Bộ Tư lệnh Cảnh sát biển"):
            # the body is the registry's ("Cảnh sát biển Việt Nam"), its words after the head
            registry = self.x.registry
            names = {registry.bodies[form.entry].name for form in registry.lookup(span_text(written))
                     if form.entry in registry.bodies}
            registry_name = names.pop() if len(names) == 1 else ""
            if registry_name.startswith(parts[0].value + " "):
                parts = [parts[0], Part(parts[1].start if len(parts) > 1 else parts[0].end, written.end, "name",
                                        registry_name[len(parts[0].value) + 1:])]
        after = parts[-1].end
        if (leaders or (party and after_title)) and not named and all(part.kind == "head" for part in parts):
            # "… chỉ huy Sư đoàn", "Bí thư Đảng ủy, Chính trị viên Đồn": the bare head refers back to the body of
            # that head named last, and the committee is that body's
            earlier = self.antecedent(parts[-1].value, start)
            if earlier is None:
                return None
            if not leaders:
                # a command's Party committee is named as the coordinated named ones are ("Đảng ủy Quân sự tỉnh X")
                earlier = self.x.lexicon.party_of(earlier) or self.x.lexicon.as_force(earlier)
            return [Part(start, after, "name", earlier)]
        if not named or (after < len(doc) and doc[after].lower_ in self.x.generic_after):
            return None
        # the Party committee of the body the next title names is that body's (its whole name: "Đảng ủy Bộ đội Biên
        # phòng tỉnh X"), but a commune's or province's People's Committee or Council has none: the place's
        template = parts[0].template(self.x.registry) if parts[0].kind == "head" else None
        local_government = template is not None and template.kind in ("people_committee", "people_council")
        full = self.normalize(parts)
        named_party = (self.x.lexicon.party_of(full) or self.city_command(full)) if party else None
        if named_party is not None:
            # "Đảng ủy, Bộ CHQS tỉnh X": a military command's Party committee is "Đảng ủy Quân sự tỉnh X"; a city's
            # command's is the command's whole registry name ("Đảng ủy, Bộ Tư lệnh Thành phố Hồ Chí Minh")
            return [Part(parts[0].start, parts[-1].end, "name", named_party)]
        force = self.x.lexicon.as_force(full)
        if force != full and not local_government:
            # "Đảng ủy, Bộ Chỉ huy BĐBP tỉnh X": the Party committee of the force the command commands
            return [Part(parts[0].start, parts[-1].end, "name", force)]
        # a title's body before another body of the same head word is its sibling, of the same owner ("Ủy viên Ban
        # Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy": the Tỉnh ủy's Ban Thường vụ, not the Ban Tổ chức's)
        sibling = bare.split(" ")[0] == form_key(parts[0].value).split(" ")[0]
        whole = start != end + 1 and not local_government and not sibling
        bare_template = bare_part.template(self.x.registry) if bare_part is not None else None
        if whole and bare_template is not None and bare_template.kind in ("people_committee", "people_council"):
            # a council or people's committee is of a place, never of another body: the next body's place only
            # ("Phó Chủ tịch UBND, Giám đốc Công an tỉnh Lai Châu"), else none ("Phó Chủ tịch HĐND, Trưởng Ban Kinh tế
            # - Ngân sách")
            places = [p for p in parts[1:] if p.kind in ("place", "unit")]
            return places if places and len(places) == len(parts) - 1 else None
        return [p for p in parts[0 if whole else 1:] if p.kind != "definition"]

    def city_command(self, name: str) -> str | None:
        """The registry's name of a city's or region's military command written ``name`` (``Bộ Tư lệnh Thành phố Hồ
        Chí Minh``), whose Party committee is the command's, not its city's; None for any other body (a force's
        command's Party committee is the force's: ``Đảng ủy Bộ đội Biên phòng``)."""
        return next((self.x.registry.bodies[form.entry].name for form in self.x.registry.lookup(name)
                     if form.role == NAME and self.x.registry.bodies[form.entry].kind in CITY_COMMANDS), None)

    def sentence_case_name(self, parts: list[Part]) -> bool:
        """``Phòng Cảnh sát …``: a sentence-case head followed by its capitalised first name word, also as the body
        a Party organization is of (``Đảng bộ Tổng công ty Phát triển …``), and with capitalised words joined by a
        lower-case one (``Viện Khoa học và Công nghệ | quân sự``)."""
        n_heads = next((i for i, part in enumerate(parts) if part.kind != "head"), len(parts))
        if n_heads == len(parts):  # "Phòng | Cảnh sát": a head named by another
            return (len(parts) >= 2 and form_key(parts[-2].value) in self.x.sentence_case
                    and is_title(self.doc[parts[-1].start]))
        if n_heads == 0 or form_key(parts[n_heads - 1].value) not in self.x.sentence_case:
            return False
        rest = parts[n_heads:]
        # name parts alternating with "và" ("- An ninh" goes on with the part before it): one name of a field, not a
        # name and the place after it
        rest = [part for part in rest if not (part.kind == "name" and part.value.startswith("- "))]
        return (is_title(self.doc[rest[0].start]) and len(rest) % 2 == 1
                and all(part.kind == "name" for part in rest[::2])
                and all(part.kind == "bridge" and part.value == "và" for part in rest[1::2]))

    def bridge_end(self, k: int, parts: list[Part]) -> int | None:
        """End of the lower-case words from ``k`` when they lead to another naming part, else None.

        A number closes the bridge only after a numbered head (``Đại đội Bảo vệ biên giới 283``).
        """
        doc = self.doc
        if doc[k].lower_ == "của":
            return None  # "Đội Vũ trang của Đồn Biên phòng X": a unit and its owner, two organizations
        numbered = form_key(parts[0].value) in self.x.numbered
        # a company's trade name goes on to its capitalised words ("Công ty cổ phần Lọc hóa dầu | Bình Sơn")
        trade = form_key(parts[0].value) in self.x.trade_names
        for end in range(k, min(k + MAX_BRIDGE, len(doc))):
            token = doc[end]
            if end > k and token.lower_ == "của" and end + 1 in self.heads:
                return end  # "Phòng Cảnh sát chống ma túy | của Cảnh sát tỉnh": the name's words, then its owner
            if end > k and trade and is_title(token) and not self.person_starts_at(end) and end not in self.blockers:
                return end
            if end > k and ((token.like_num and numbered) or end in self.acronyms or end in self.heads
                            or end in self.places or (token.text == "(" and (end + 1) in self.acronyms)):
                # "Cục Hợp tác quốc tế và | Ban Tìm kiếm …": "và" before another body joins two bodies
                return None if doc[end - 1].lower_ == "và" and end in self.heads else end
            if (not token.is_lower or not token.is_alpha or end in self.blockers
                    or token.lower_ in self.x.clause_words):
                return None  # "Đội Kiểm soát | đã chuyển hồ sơ về Hải Phòng": a clause, not the rest of a name
        return None

    def name_tail_end(self, k: int) -> int:
        """End of the lower-case words of ``name_tails`` from ``k`` (``k`` when there are none): ``đô thị`` of ``Phòng
        Quản lý đô thị``, ``cán bộ`` of ``Vụ Tổ chức cán bộ``, ``hài cốt liệt sĩ`` of ``Ban Tìm kiếm hài cốt liệt sĩ``:
        words that name a department's field, never a verb after the name."""
        lowers = token_lowers(self.doc)

        def tail_at(i: int) -> int | None:
            size = next((n for n in range(min(self.x.name_tail_size, len(lowers) - i), 0, -1)
                         if tuple(lowers[i:i + n]) in self.x.name_tails), None)
            return size if size is not None and self.doc[i].is_lower else None

        # the name so far ends with a field itself ("Đội Chữa cháy"): "và cứu nạn" goes on with another
        after_field = any(tuple(lowers[k - n:k]) in self.x.name_tails for n in range(1, self.x.name_tail_size + 1)
                          if n <= k)
        end = k
        while True:
            size = tail_at(end)
            if size is not None:
                end += size
                continue
            # fields joined ("ma túy và tội phạm") or opened by what the unit does to them ("phòng, chống ma túy":
            # Đội Đặc nhiệm phòng, chống ma túy và tội phạm)
            joined = next((len(words) for words in TAIL_JOINERS if tuple(lowers[end:end + len(words)]) == words
                           and (end > k or words[0] == "phòng" or after_field)
                           and tail_at(end + len(words)) is not None), None)
            if joined is None:
                return end
            end += joined

    def number_end(self, k: int) -> int:
        """End of the number at ``k``: ``19-8`` of ``Bệnh viện 19-8`` (a date-named unit) is one number."""
        doc = self.doc
        if (k + 2 < len(doc) and doc[k + 1].text in HYPHENS and doc[k + 2].like_num
                and not doc[k].whitespace_ and not doc[k + 1].whitespace_):
            return k + 3
        return k + 1

    def closed_by_place(self, parts: list[Part]) -> bool:
        """A place written with its unit word ends a name: ``Công an tỉnh Xiêng Khoảng | Khăm Phăn …``."""
        return parts[-1].kind == "place" and parts[-1].start in self.units

    def parent_head_at(self, k: int) -> bool:
        """After a unit's own name, the organization it belongs to: ``Trường Quân sự | Quân khu 3``."""
        head = self.heads[k]
        key = form_key(span_text(head))
        numbered = key in self.x.numbered and head.end < len(self.doc) and self.doc[head.end].text[:1].isdigit()
        return numbered or (key in self.x.registry_standalone and span_text(head)[:1].isupper())

    def force_at(self, k: int) -> bool:
        """After a numbered unit, the armed force it belongs to: ``Bệnh viện 103 | Quân đội nhân dân Lào``."""
        return any(self.x.registry.bodies[form.entry].kind == "force"
                   for form in self.x.registry.lookup(self.heads[k].text) if form.entry in self.x.registry.bodies)

    def headline_word(self, k: int, parts: list[Part]) -> bool:
        """``BỘ CÔNG AN THÔNG BÁO``: in a headline in capitals, the words after a registry name are not its name."""
        return parts[-1].complete and self.doc[k].text.isupper() and self.doc[parts[-1].start].text.isupper()

    def named_head(self, parts: list[Part]) -> bool:
        """A lexicon head that is a sentence-case head with its name (``Đội Đặc nhiệm``, ``Phòng Tham mưu``)."""
        return len(parts) == 1 and parts[0].kind == "head" and any(
            form_key(parts[0].value).startswith(head + " ") for head in self.x.sentence_case)

    def coordinated_function_end(self, k: int, parts: list[Part]) -> int | None:
        """End of ``và Pháp luật`` in ``Phòng Nghiệp vụ và Pháp luật``, ``Cục Thủy sản và Kiểm ngư``: two functions of
        one sentence-case name; None where ``và`` joins another body, place or person (``Phòng Tham mưu và Đội …``)."""
        doc = self.doc
        if (doc[k].lower_ != "và" or not (self.named_head(parts) or self.sentence_case_name(parts)) or k + 1 >= len(doc)
                or not is_title(doc[k + 1]) or (k + 1) in self.heads or (k + 1) in self.places
                or (k + 1) in self.acronyms or (k + 1) in self.blockers or self.person_starts_at(k + 1)):
            return None
        # the segmenter's word, in sentence case too: "Pháp luật"
        return max(self.words.word_end(k + 1), k + 2)

    def region_end(self, k: int, parts: list[Part]) -> int | None:
        """End of ``khu vực 1`` (``khu vực VIII``, ``khu vực Bảo Lâm``) after a head: the region a body of the 2025
        reorganisation is numbered or named by (``Tòa án nhân dân khu vực 1``, ``VKSQS khu vực 41``, ``Chi cục Hải
        quan khu vực VIII``)."""
        doc = self.doc
        # (also after a sentence-case unit's name: "Đội Chữa cháy và cứu nạn, cứu hộ khu vực Nha Trang")
        named_unit = parts[-1].kind == "name" and form_key(parts[0].value) in self.x.sentence_case
        if ((parts[-1].kind not in ("head", "acronym") and not named_unit) or k + 2 >= len(doc)
                or doc[k].lower_ != "khu" or doc[k + 1].lower_ != "vực"):
            return None
        number = doc[k + 2]
        if number.like_num or ROMAN_NUMERAL.match(number.text):
            return k + 3
        # a region named by its place ("Hạt Kiểm lâm khu vực Bảo Lâm", "Trung tâm Y tế khu vực A Lưới")
        end = k + 2
        # (a person's name after it is the title's holder: "Hạt Kiểm lâm khu vực Kbang | Nguyễn Văn Hải")
        while (end < len(doc) and end - k - 2 < MAX_REGION_NAME and is_title(doc[end])
               and not (end > k + 2 and self.person_starts_at(end))):
            end += 1
        return end if end > k + 2 else None

    def hyphenated_name(self, k: int, parts: list[Part]) -> int | None:
        """End of ``- Quốc phòng`` in ``Kinh tế - Quốc phòng`` (a hyphen inside one name), or of ``- Mường Lát``
        in ``Phòng thủ khu vực 1 - Mường Lát`` (a numbered unit and its place); None when the hyphen joins two
        organizations or places."""
        doc = self.doc
        # after a number a hyphen opens the unit's place, whatever surname it may begin with ("khu vực 3 - Lục Ngạn")
        numbered = parts[-1].kind in ("number", "region")
        if (parts[-1].kind == "name" and doc[k].text in HYPHENS and k + 1 < len(doc) and not doc[k - 1].whitespace_
                and not doc[k].whitespace_ and doc[k + 1].is_alpha and doc[k + 1].is_lower):
            return k + 2  # a loanword's syllables joined without spaces: "Trung tâm Ra-đa"
        if (doc[k].text not in HYPHENS or k + 1 >= len(doc) or not is_title(doc[k + 1]) or (k + 1) in self.heads
                or (self.person_starts_at(k + 1) and not numbered)):
            return None
        if (k + 1) in self.places:
            return self.places[k + 1].end if parts[-1].kind in ("number", "region") else None
        if parts[-1].kind in ("name", "number", "region"):
            # "Ban Chỉ huy Phòng thủ khu vực 2 - Sơn Tây": a region's place the registry no longer lists
            return max(self.words.word_end(k + 1), k + 2)
        return None

    def branch_end(self, k: int, parts: list[Part]) -> int | None:
        """Where ``chi nhánh`` and its place end after a company's or bank's name (``Ngân hàng Thương mại cổ phần
        Ngoại thương Việt Nam chi nhánh Cần Thơ``: the branch is the body a director heads), or None."""
        doc = self.doc
        if (k + 2 >= len(doc) or token_lowers(doc)[k:k + 2] != ["chi", "nhánh"] or not is_title(doc[k + 2])
                or not any(p.kind == "head" and f"{form_key(p.value)} ".startswith(self.x.trade_name_prefixes)
                           for p in parts)):
            return None
        place = self.places.get(k + 2)
        if place is not None:
            return place.end
        end = k + 2
        while end < len(doc) and is_title(doc[end]):
            end += 1
        return end

    def grow(self, parts: list[Part]) -> tuple[list[Part], bool]:
        """Extend an organization name to the right; also say whether it got a naming part."""
        doc = self.doc
        named = False
        numbered = form_key(parts[0].value) in self.x.numbered
        # a school or street named after a person holds the person's name (Trường Tiểu học Lê Văn Tám)
        after_person = form_key(parts[0].value) in self.x.named_after_people
        k = parts[-1].end
        while k < len(doc):
            token = doc[k]
            if k in self.blockers:
                break
            # the part a number follows, over a definition: "Bệnh viện Trung ương Quân đội (TWQĐ) 108"
            written = next(part for part in reversed(parts) if part.kind != "definition")
            if (parts[-1].kind == "place" and (parts[-1].attrs or {}).get("level") == "country" and is_title(token)
                    and k not in self.heads and k not in self.acronyms and k not in self.places):
                break  # a body's country ends its name: "Bộ Quốc phòng Ấn Độ | Ramesh Chandra Iyer" is its officer
            if (len(parts) == 1 and parts[0].kind == "head" and form_key(parts[0].value) in self.x.sentence_case
                    and token.text == "Phòng" and (tail := self.name_tail_end(k)) > k + 1):
                # a unit named for fighting something: "Đội Phòng, chống tội phạm mua bán người"
                parts.append(Part(k, tail, "name", tokens_text(doc, k, tail)))
                named = True
            elif (token.is_lower and self.named_head(parts) and (tail := self.name_tail_end(k)) > k):
                # the fields a named head goes on with, before any lower-case head among them ("Đội Đặc nhiệm
                # phòng, chống ma túy và tội phạm", "Phòng Tham mưu tổng hợp")
                parts.append(Part(k, tail, "name", tokens_text(doc, k, tail)))
                named = True
            elif k in self.heads and (parts[-1].kind in ("head", "bridge", "definition")
                                    or (parts[-1].kind in ("name", "region") and self.parent_head_at(k))
                                    or (parts[-1].kind == "number" and self.force_at(k))):
                head = self.heads[k]
                parts.append(self.head_part(head))
                # "Ban Thường vụ Tỉnh ủy": a body named by the organization it belongs to
                named = named or self.stands_alone(parts[-1])
            elif k in self.acronyms:
                acronym = self.acronyms[k]
                # one token, or abbreviations joined as one ("PCCC&CNCH")
                parts.append(Part(k, acronym.end, "acronym", span_values(acronym)[0] or span_text(acronym)))
                named = True
            elif k in self.place_units and self.place_units[k] in self.places:
                place = self.places[self.place_units[k]]
                value, _, attrs = span_values(place)
                # a seaport's border gate keeps its unit word and name as written (Đồn Biên phòng Cửa khẩu cảng Vũng
                # Tàu: the port, not the ward of the registry); a land gate's value names the gate already
                gate = (attrs or {}).get("level") == "border_gate" and not (value or "").startswith("cửa khẩu")
                written = tokens_text(doc, k, place.end)
                parts.append(Part(k, place.end, "place", written if gate else value or written, attrs=attrs or {}))
                named = True
            elif k in self.places and self.person_after_unit_word(self.places[k]):
                # the organization ends with its unit word; the name after it is a person's
                parts.append(Part(k, self.units[k], "unit", tokens_text(doc, k, self.units[k]).lower()))
                named = True
                break
            elif k in self.places:
                place = self.places[k]
                # a body named after its commune keeps the name as written (Đồn Biên phòng Na Mèo), and so does
                # a place outside Vietnam (Cục Quản lý xuất nhập cảnh Bằng Tường)
                # and so does a body named after a border gate (Trạm Kiểm tra xuất nhập cảnh Hữu Nghị Quan, Đồn Biên
                # phòng Cửa khẩu Nam Giang): the name says the gate, not the gate's registry name
                normalized, source, attrs = span_values(place)
                # a company's name also as the body a Party organization is of ("Đảng bộ Tổng công ty … Hưng Yên")
                trade_name = any(part.kind == "head" and form_key(part.value) in self.x.trade_names for part in parts)
                kept = trade_name or source == "places.body_name" or (attrs or {}).get("level") in KEPT_IN_NAMES
                # a body every province has, of a foreign province written without its unit word ("Công an Hủa Phăn"):
                # the unit word restored, as ours are ("Công an tỉnh Hủa Phăn")
                province_body = (len(parts) == 1 and parts[0].kind == "head" and parts[0].template(self.x.registry)
                                 is not None and (attrs or {}).get("level") == "foreign_region"
                                 and (normalized or "").startswith("tỉnh ") and span_text(place) == normalized[5:])
                value = span_text(place) if kept and not province_body else normalized or span_text(place)
                parts.append(Part(k, place.end, "place", value, attrs=attrs or {}))
                named = True
            elif token.text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")" and (
                    # a unit's code written in parentheses inside its name: "Cục Cảnh sát giao thông (C08) Bộ Công an"
                    (k + 1) in self.acronyms or UNIT_CODE.match(doc[k + 1].text)
                    # a company's brand before its branch: "Ngân hàng … Nông thôn (Agribank) chi nhánh Quảng Ngãi"
                    or (self.branch_end(k + 3, parts) is not None and is_title(doc[k + 1]))):
                parts.append(Part(k, k + 3, "definition", ""))
            elif (token.lower_ == "tại" and k + 1 in self.places and parts[0].kind == "head"
                  and form_key(parts[0].value) in self.x.located_heads):
                # "Tổng Lãnh sự quán Việt Nam tại Luông Pha Bang": a mission is named with where it is
                place = self.places[k + 1]
                parts.append(Part(k, place.end, "name", tokens_text(doc, k, place.end)))
                named = True
            elif (end := self.branch_end(k, parts)) is not None:
                parts.append(Part(k, end, "name", tokens_text(doc, k, end)))
                named = True
            elif (end := self.region_end(k, parts)) is not None:
                # "Tòa án nhân dân khu vực 1", "Chi cục Hải quan khu vực VIII": the regional bodies of 2025
                parts.append(Part(k, end, "region", tokens_text(doc, k, end)))
                named = True
            elif token.lower_ == "số" and k + 1 < len(doc) and doc[k + 1].like_num:
                parts.append(Part(k, k + 2, "number", f"số {doc[k + 1].text}"))
                named = True
            elif token.text[:1].isdigit() and (written.kind in ("head", "bridge") or (
                    numbered and written.kind == "name") or (
                    # "Vùng CSB 3": a numbered head written with an acronym for its words, also as the end of a
                    # command's name ("Bộ Tư lệnh Vùng CSB 3")
                    parts[-1].kind == "acronym" and ends_with_numbered(form_key(self.normalize(parts)),
                                                                       self.x.numbered))):
                # written in digits: "Chính phủ hai nước" is two governments
                end = self.number_end(k)
                parts.append(Part(k, end, "number", tokens_text(doc, k, end)))
                named = True
            elif written.kind == "head" and UNIT_CODE.fullmatch(token.text) and form_key(written.value) in self.x.coded:
                # "Nhà máy Z111", "Đội K51": the unit's code is its number
                parts.append(Part(k, k + 1, "number", token.text))
                named = True
            elif k in self.units:
                parts.append(Part(k, self.units[k], "unit", tokens_text(doc, k, self.units[k]).lower()))
                named = True
                break
            elif (parts[-1].kind == "head" and is_title(token) and k + 1 < len(doc) and doc[k + 1].is_lower
                  and self.words.word_end(k) > k + 1 and form_key(token.text) in self.x.numbered):
                # "Bộ Tư lệnh Vùng tặng quà": a numbered head without its number, joined by the segmenter to the verb
                # after it, is the head alone (completed below with the number the document gives it)
                parts.append(Part(k, k + 1, "head", self.x.canonical.get(form_key(token.text), token.text)))
                k += 1
                break
            elif (is_title(token) and not self.headline_word(k, parts) and not self.closed_by_place(parts)
                  # (a person's name after a place is no longer the name: "Trường Đại học Cần Thơ | Hà Thanh Toàn")
                  and ((after_person and parts[-1].kind != "place") or not self.person_starts_at(k)
                       # "Đồn Biên phòng A Pa Chải": a head's name opening with a one-letter syllable, which opens
                       # a Xơ Đăng or Ê Đê given name only after a title or an honorific
                       or (len(token.text) == 1 and parts[-1].kind == "head")
                       # a company's trade name goes on over a word that is also a surname ("Công ty cổ phần Công
                       # nghệ Lộc Phát"), where a name already started and two words at most end it (three are a
                       # person's: "Công ty TNHH Hải Hà Nguyễn Văn An")
                       or (parts[-1].kind == "name" and form_key(parts[0].value) in self.x.trade_names
                           and self.capitalised_run(k) <= 2))):
                end = max(self.words.word_end(k), k + 1)
                if tokens_text(doc, k, end).lower() == "cửa khẩu" and (
                        kind_end := phrase_at(token_lowers(doc), end, GATE_KINDS)) is not None:
                    end = kind_end  # "Đồn Biên phòng Cửa khẩu quốc tế (CKQT) Lệ Thanh": the gate's kind is the name's
                parts.append(Part(k, end, "name", tokens_text(doc, k, end)))
                named = True
            elif (end := self.hyphenated_name(k, parts)) is not None:
                if doc[k - 1].whitespace_ or doc[k].whitespace_:
                    parts.append(Part(k, end, "name", "- " + tokens_text(doc, k + 1, end)))
                else:  # one word written with a hyphen ("Ra-đa"): the name part goes on as written
                    parts[-1] = Part(parts[-1].start, end, "name", tokens_text(doc, parts[-1].start, end))
            elif (end := self.coordinated_function_end(k, parts)) is not None:
                # a lexicon head with its name ("Phòng Nghiệp vụ") and another function is named whole
                named = named or self.named_head(parts)
                parts.append(Part(k, end, "name", tokens_text(doc, k, end)))
            elif self.sentence_case_name(parts) and (bridge := self.bridge_end(k, parts)) is not None:
                # a bridge that stops before "của" and its owner ends the name: its words are the name's own
                kind = "name" if doc[bridge].lower_ == "của" else "bridge"
                parts.append(Part(k, bridge, kind, tokens_text(doc, k, bridge)))
                named = named or kind == "name"
            elif self.sentence_case_name(parts) and (tail := self.name_tail_end(k)) > k:
                parts.append(Part(k, tail, "name", tokens_text(doc, k, tail)))
            else:
                break
            k = parts[-1].end
        # a definition belongs to the name only when the name goes on after it
        while parts[-1].kind == "definition":
            parts.pop()
        last = parts[-1]
        last_key = form_key(last.value)
        # "Bộ Tư lệnh Vùng", also after a name ("Trường Quân sự Quân khu"): a numbered head written without its number
        if (is_title(doc[last.start]) and ((last.kind == "head" and not named) or (
                last.kind in ("head", "name") and len(parts) > 2 and parts[0].kind == "head"))
                and (full := self.numbered_name_at(last_key, last.start)) is not None):
            parts[-1] = Part(last.start, last.end, "head", full)
            named = True
        return parts, named


@Language.factory("vnx_orgs", default_config={"lexicon": "", "acronyms": "", "people": "", "registry": ""})
def make_org_extractor(nlp: Language, name: str, lexicon: str, acronyms: str, people: str,
                       registry: str) -> OrganizationExtractor:
    return OrganizationExtractor(nlp, OrganizationLexicon.load(Path(lexicon)), AcronymLexicon.load(Path(acronyms)),
                                 PeopleLexicon.load(Path(people)), OrgRegistry.load(Path(registry)))

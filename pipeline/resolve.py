"""Resolve stage: person records and acronym records from a document's mentions.

A person record joins, across the whole document, every role the text gives a
person. Each relation rule reads the Doc's spans (RANK, POSITION, ORG, PLACE,
PERSON) and the relation words of ``configs/lexicons/relations.yaml``; its id
is the role's ``source``, as a mention's source names its rule:

    records.rank          Thiếu tướng Võ Tiến Nghị; Đại tá QĐND A; Thiếu tá (nay là Trung tá) A
    records.shared_rank   Đại tá Nguyễn Văn A và Trần Văn B           (one rank for a coordinated pair)
    records.apposition    A, Phó Tư lệnh BĐBP; A - Chỉ huy trưởng …; A, nguyên Bí thư …
    records.title         Phó Tư lệnh BĐBP Võ Tiến Nghị; Đại sứ Nhật Bản tại Việt Nam Ito Naoki;
                          Chính ủy BĐBP tỉnh, Đại tá A; Đồn trưởng là Thiếu tá A
    records.link          A tiếp tục giữ chức Trưởng Công an xã Y; A là Chính ủy Vùng 2;
                          A nguyên là X, được bổ nhiệm giữ chức Y; … bổ nhiệm đồng chí giữ chức …
    records.shared_link   Ông A và bà B được bầu giữ chức …; Thiếu tướng A và B, Phó Tư lệnh BĐBP
    records.respectively  A, B và C lần lượt giữ chức Chỉ huy trưởng …; X, Y lần lượt do A, B làm …;
                          A và B, Chỉ huy trưởng Bộ CHQS hai tỉnh X và Y
    records.promotion     thăng quân hàm từ Thượng tá lên Đại tá đối với …: A, …; B, …
    records.replaced      B được bổ nhiệm giữ chức X, thay Thiếu tướng A  (A held X)

A role given without its organization takes it from the sentence or the
document where the text settles it: one side of a meeting (``Phía Quân khu 3
có …``, ``Tại Bộ CHQS tỉnh X, …``), the same title written with its body earlier
in the sentence, ``của đồn``/``cùng đội`` (the last body of that word), the unit
written before the name (``Trung đoàn 50 với Thượng tá A, Chính ủy``), a vessel's
unit (``tàu HQ-561 thuộc Lữ đoàn 170``), the body of the title's unit word named last,
the body of a head the title is held in named last (``title_bodies``: ``Giám đốc``
→ ``Công an tỉnh``, ``Sở``).

Roles are kept in text order (``roles``: every distinct rank, position and
organization the person is given, ``nguyên``/former ones flagged); the final
``rank``/``position``/``organization`` are what the person holds at the end of
the document: the last rank, the last role that is not former (a title repeated
without its organization keeps it; several offices listed: the last one).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .extract.base import span_text, span_values
from .extract.people import name_after_rank, skip_parenthesis
from .lexicons import OrganizationLexicon, PeopleLexicon, RelationLexicon
from .org_registry import TEMPLATE, OrgRegistry
from .model import AcronymRecord, Mention, PersonRecord, Role
from .segment import (SentenceIndex, is_acronym_form, phrase_at, sentence_ranges, token_lowers, token_texts,
                      tokens_text)

APPOSITION = {",", "-", "–", "—", "("}
# marks that end the stretch in which a name and its role are linked
CLAUSE_END = {".", ";", "!", "?", ":", "\n"}
LIST_JOINS = {",", "và", ";"}
# what stands between a vessel and the unit it belongs to: "tàu HQ-561 thuộc Lữ đoàn 170", "(Lữ đoàn 170)"
VESSEL_OWNER_MARKS = {"thuộc", "của", "(", ","}
# the verbs of a promotion: a name before them is not a list item that carries its own promotion
PROMOTION_VERBS = {"thăng", "nâng", "phong"}
# the word before the agent of a link: "A được Ban Thường vụ Tỉnh ủy điều động giữ chức …", "A nhận quyết định
# của Ban Thường vụ Tỉnh ủy điều động giữ chức …"
PASSIVE_AGENT = {"được", "của"}
# the word before the body a person is sent to: "được điều động về Sở X, bổ nhiệm giữ chức Phó Giám đốc", "đến nhận
# công tác tại Công an tỉnh, giữ chức Trưởng phòng"
DESTINATIONS = {"về", "sang", "tại"}
# words before a body a person joins on the way to a post ("chỉ định tham gia Ban Thường vụ Tỉnh ủy và giữ chức …")
JOINED_BODY = {("tham", "gia"), ("bầu", "vào"), ("định", "vào"),
               (",", "vào")}  # "bầu bổ sung ông A, Phó Trưởng ban …, vào Ban Thường vụ Tỉnh ủy và giao giữ chức …"
# words that open a description of a person between commas, which a link or an apposition may step over ("A, người
# dân tộc Cơ Tu, …", "bà B, đại biểu đơn vị bầu cử số 3, Chủ tịch UBND xã …")
DESCRIPTIONS = frozenset({("người",), ("đại", "biểu")})
MAX_DESCRIPTION = 30
# what opens an Ê Đê or M'nông given name, written before the surname ("Y Blim Êban", "H'Liên Niê")
GIVEN_FIRST = ("Y ", "H'")
# tokens after a name in which its birth year and residence are looked for
MAX_DETAILS = 25
# tokens between the end of a unit a title heads and the led body its owner's list ends with ("Tiểu đoàn 6, Sư đoàn 3
# do …", "Cục Cảnh sát giao thông (C08), Bộ Công an do …")
MAX_LED_LIST = 8
# the word between an organization and the name of the one who leads it or holds a title in it: "Đồn Biên phòng X
# do Trung tá A làm Đồn trưởng", "Trung đoàn 50 với Thượng tá A, Chính ủy", "Tiểu đoàn 18 của Trung tá B"
LED_BY = {"do", "của", "với"}
# the words before "của" that may follow a member word: "xạ thủ súng chống tăng của Đại đội 5"
MEMBER_WORDS = 4
# "phía bạn", "đoàn bạn": the other side of a meeting, after these words
FOREIGN_SIDE = {"phía", "đoàn"}
# words before a unit word meaning the body named last: "của đồn", "cùng đội"
OWN_UNIT = {"của", "cùng"}
# words before a link that give its role to every name of the list, each with a role of its own before it ("A, Chỉ
# huy trưởng …, và B, Chỉ huy trưởng … cùng được điều động, bổ nhiệm giữ chức X")
TOGETHER = {"cùng", "đều"}
# words after a name that put its title in the past ("Đồn trưởng Đỗ Mạnh Cường khi ấy cho biết")
AT_THAT_TIME = frozenset({("khi", "ấy"), ("khi", "đó"), ("lúc", "đó"), ("lúc", "ấy"), ("hồi", "đó"), ("hồi", "ấy")})
# what the one replaced goes on to, right after the name ("thay Thiếu tá A nhận nhiệm vụ Phó Trưởng phòng"): A's
OWN_MOVE = frozenset({("nhận", "nhiệm", "vụ"), ("chuyển", "công", "tác")})
# "vị trí này", "cương vị này", "chức vụ này": the post the one named before left
POST_OF_THIS = {("vị", "trí"), ("cương", "vị"), ("chức", "vụ")}
# the verbs that end a clause by taking a post ("Vị trí X do A đảm nhiệm")
TAKING_VERBS = {("đảm", "nhiệm"), ("nắm", "giữ"), ("phụ", "trách"), ("đảm", "đương")}
# what may follow a title's body written after a comma, where a person's item of a list ends with it
TITLE_BODY_ENDS = {",", ";", ".", ":", ")", "và", "cùng"}
# words for a unit of any kind: "Chính ủy của đơn vị" is of the body named last, whatever its head
ANY_UNIT = {"đơn vị"}
# nouns that refer back to a body of one kind wherever the sentence goes on ("Chính ủy nhà trường tiếp thu ý kiến"):
# the words a body's name opens with
REFERRING_NOUNS = {"nhà trường": ("trường", "học viện", "đại học")}
# how far before a plural title the verb that appoints to it may stand ("bổ nhiệm 3 Phó Giám đốc")
APPOINTING_WORDS = 4
# the words of a body between the one succeeded and "là" ("kế nhiệm đồng chí A tại Phòng Cảnh sát hình sự là B")
MAX_BODY_WORDS = 8
# the words before a post a succession names: "ở cương vị Tham mưu trưởng", "ở vị trí Đồn trưởng", "ở chức vụ …"
POST_WORDS = frozenset({"cương", "vị", "trí", "chức", "vụ"})
# the most tokens of the post or body a succession names before "là" ("ở Ban Chỉ huy Phòng thủ khu vực 1 là …")
MAX_STATED_POST_WORDS = 16
# the longest title a plural appointment names ("Phó Chủ nhiệm Chính trị")
MAX_TITLE_WORDS = 6
# how far after a colleague's name the body of their title may be written ("Thượng tá A, Trưởng Phòng X")
COLLEAGUE_WORDS = 12
# what may follow a title and the bare unit word it is held in ("Chính ủy chi đội; …", "Chính ủy chi đội và …")
APPOSITION_ENDS = {",", ";", ".", "và", ")"}
# the words before a name that is replaced in a post: "B thay đồng chí A giữ chức …", "Thay vị trí của đồng chí A, …"
REPLACES = frozenset({("thay",), ("thay", "thế"), ("thay", "cho"), ("thay", "vị", "trí"), ("thay", "vị", "trí", "của"),
                      ("thay", "chức", "vụ", "của"), ("thay", "cương", "vị", "của")})
# the level of the places a body written with a bare unit word belongs to ("Công an xã", "BĐBP tỉnh")
UNIT_LEVELS = {"xã": "commune", "phường": "commune", "tỉnh": "province"}
# words before a name that belong to its phrase: honorifics and the degrees or professions the press writes as one
# ("là bác sĩ Võ Đức Chiến", "là tiến sĩ B")
HONORIFICS_BEFORE_A_NAME = frozenset({("đồng", "chí"), ("ông",), ("bà",), ("anh",), ("chị",), ("bác", "sĩ"),
                                      ("tiến", "sĩ"), ("thạc", "sĩ"), ("kỹ", "sư"), ("luật", "sư")})
# the last word of what a decision's signer gives before "của" ("quyết định của", "ủy quyền của"): the name after the
# signer's title acts on the decision, it does not hold the title
DECISIONS = {"định", "quyền"}
# the words that may stand between a title and "là" the name that holds it now ("Trưởng phòng hiện nay là …",
# "Thuyền trưởng vẫn là …")
NOW_WORDS = frozenset({("hiện", "nay"), ("hiện",), ("nay",), ("hiện", "tại"), ("vẫn",)})
# the most words of a vessel's name ("tàu Ballarat", "tàu Trần Hưng Đạo")
MAX_VESSEL_NAME = 3
# the most lower-case tokens (syllables) of the field a deputy is in charge of ("phụ trách công tác xây dựng lực
# lượng"), and words that make them a clause instead ("phụ trách cho biết …")
MAX_CHARGE_TOKENS = 8
NOT_IN_A_FIELD = frozenset({"cho", "biết", "nói", "đã", "đang", "sẽ", "được", "bị", "thì", "khi", "người", "hôm"})
# the most tokens of the field a title written in lower case names before its body ("trợ lý tuyên huấn")
MAX_FIELD_TOKENS = 3
# the levels of a place outside Vietnam: a body named with one is the other side's
FOREIGN_PLACE_LEVELS = frozenset({"foreign_region", "foreign_district", "country"})
HOME_COUNTRY = "Việt Nam"
# words pointing back to a thing just named ("tàu ấy", "đồn này")
POINTING_BACK = frozenset({"ấy", "này", "đó", "kia"})
# what opens a sentence that names the people the sentence before counted ("… cho ba sĩ quan. Đó là …")
NAMED_NEXT = frozenset({("đó", "là"), ("gồm",), ("gồm", "có"), ("đó", "là", "các", "đồng", "chí"), ("cụ", "thể")})
# the words before a successor whose predecessor is the name written before them ("…; người kế nhiệm là Đại tá B")
SUCCESSOR_IS = frozenset({("người", "kế", "nhiệm", "là"), ("kế", "nhiệm", "là"),
                          # "Người kế nhiệm ông là Thượng tá B", "thay ông là B", "Người thay bà là B": the pronoun
                          # for the one named before
                          *((*words, pronoun, "là") for words in (("người", "kế", "nhiệm"), ("kế", "nhiệm"),
                                                                  ("người", "thay"), ("thay",))
                            for pronoun in ("ông", "bà", "anh", "chị"))})
# what opens a successor's phrase that names the post before "là" ("Người kế nhiệm ông ở đồn là …", "Người thay ông
# ở Trung đoàn 935 là …", "thay anh ở Công an xã là …"): the words, with a pronoun for the one named before
SUCCESSOR_AT = frozenset({*(("người", "kế", "nhiệm", *p) for p in ((), ("ông",), ("bà",), ("anh",), ("chị",))),
                          *(("kế", "nhiệm", *p) for p in ((), ("ông",), ("bà",), ("anh",), ("chị",))),
                          *((*w, p) for w in (("người", "thay"), ("thay",)) for p in ("ông", "bà", "anh", "chị"))})
# the most tokens of a body's head between a title and the count of its places ("Bộ Chỉ huy Quân sự hai tỉnh …")
MAX_HEAD_WORDS = 7
# the most tokens of a post between a relieving verb and "đối với" ("Phó Chủ tịch UBND tỉnh Điện Biên")
RELIEVED_POST_WORDS = 20


@dataclass
class RoleEvent:
    """One thing the text says of a person at token ``at``: a rank, a role, or both."""

    at: int
    source: str
    rank: str | None = None
    position: str | None = None
    organization: str | None = None
    former: bool = False
    mention_ids: list[str] = field(default_factory=list)
    place: str | None = None  # where a title given without a body is held (``Phó Tỉnh trưởng tỉnh Hủa Phăn``)
    secondary: bool = False  # the head of an ad-hoc board ("Trưởng ban chuyên án"): held beside an office


def _titles(event: RoleEvent, positions: dict[str, Span]) -> list[Span]:
    """The POSITION spans among an event's mentions (``positions``: by mention id)."""
    return [positions[i] for i in event.mention_ids if i in positions]


def _value(span: Span) -> str:
    return span_values(span)[0] or span_text(span)


def full_name(name: str, full_names: set[str], recent: dict[str, int] | None = None) -> str:
    """A given name alone (``Hải``, ``Sa Rươne``) stands for the one longer name of the document that ends with it;
    one initial (``H.``) for the one name in initials that ends with it (``N.T.H.``); an Ê Đê or M'nông given name,
    which comes first (``Y Blim``), for the one longer name that begins with it (``Y Blim Êban``). Where several
    do, it stands for the one named last before it (``recent``: a name → where it was last written).

        >>> full_name("Tuấn", {"Nguyễn Đình Tuấn", "Thân Văn Tuấn"}, {"Nguyễn Đình Tuấn": 3, "Thân Văn Tuấn": 40})
        'Thân Văn Tuấn'
        >>> full_name("Tuấn", {"Nguyễn Đình Tuấn", "Thân Văn Tuấn"})
        'Tuấn'
    """
    initial = len(name) == 2 and name[1] == "." and name[0].isupper()
    given_first = name.startswith(GIVEN_FIRST)
    matches = [full for full in full_names if full.endswith(" " + name)
               or (initial and full.endswith("." + name) and " " not in full)
               or (given_first and full.startswith(name + " "))]
    if len(matches) == 1:
        return matches[0]
    seen = [full for full in matches if recent and full in recent]
    return max(seen, key=lambda full: recent[full]) if seen and recent else name


def record_names(persons: list[Span], full_names: set[str]) -> dict[int, str]:
    """The record name of each PERSON mention, by its start: its own, or the full name a given name stands for (the
    one named last before it where the document has several: ``Ông Tuấn`` after ``Thân Văn Tuấn``)."""
    recent: dict[str, int] = {}
    names: dict[int, str] = {}
    for person in sorted(persons, key=lambda span: span.start):
        name = full_name(_value(person), full_names, recent)
        names[person.start] = name
        recent[name] = person.start
    return names


def passive_after(lower: list[str], k: int) -> bool:
    """Whether a passive clause opens at token ``k``, right after a name: ``được điều động …``, ``, được bổ nhiệm …``
    (``B thay A, được điều động giữ chức Y``: the clause is A's)."""
    return lower[k:k + 1] == ["được"] or lower[k:k + 2] == [",", "được"]


def _before_places(s: _Spans, end: int) -> int:
    """Where the places written right before token ``end`` start, ``tại`` between two of them included (``Australia
    tại Việt Nam``); ``end`` when none ends there."""
    k = end
    while k in s.place_by_end:
        k = s.place_by_end[k].start
        if k - 2 >= 0 and s.doc[k - 1].lower_ == "tại" and (k - 1) in s.place_by_end:
            k = s.place_by_end[k - 1].start
    return k


def _phrase_ending_at(words: Sequence[str], end: int, phrases: frozenset[tuple[str, ...]],
                      longest: int = 5) -> int | None:
    """Start of the longest phrase of ``phrases`` that ends right before token ``end`` (``words``: lower-case tokens)."""
    for n in range(min(longest, end), 0, -1):
        if tuple(words[end - n:end]) in phrases:
            return end - n
    return None


def vessel_at(doc: Doc, k: int) -> tuple[str, int] | None:
    """``tàu HQ-561``, ``tàu CSB 4033``, ``tàu cá TH 91288 TS`` from token ``k``: the designation (letters and
    digits only, so ``HQ-561`` and ``HQ 561`` are one vessel) and where it ends; None when no vessel starts there."""
    if k >= len(doc) or doc[k].lower_ != "tàu":
        return None
    j = k + 2 if k + 1 < len(doc) and doc[k + 1].lower_ == "cá" else k + 1
    if j >= len(doc) or not is_acronym_form(doc[j].text):
        return None
    end = j + 1
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].text.isdigit():
        end += 2
    elif end < len(doc) and doc[end].text.isdigit():
        end += 1
        if end < len(doc) and doc[end].text == "TS":  # a fishing boat's registration ends with TS
            end += 1
    else:
        return None
    return "".join(t.text for t in doc[j:end] if t.text != "-"), end


class _Spans:
    """The document's mentions by type and position, read once."""

    def __init__(self, doc: Doc, mentions: list[Span], mention_ids: dict[tuple[str, int, int], str]):
        self.doc = doc
        self.ids = mention_ids
        # the tokens in lower case, read once: the relation words are looked up at many places
        self.lower = token_lowers(doc)
        self.ranks: dict[int, Span] = {}
        self.positions: dict[int, Span] = {}
        self.orgs: dict[int, Span] = {}
        self.places: dict[int, Span] = {}
        self.persons: dict[int, Span] = {}
        self.acronyms: dict[int, Span] = {}
        self.dates: dict[int, Span] = {}
        # tokens inside a rank, role, organization or place: what may stand between the names of a list
        self.covered = bytearray(len(doc))
        for span in mentions:
            table = {"RANK": self.ranks, "POSITION": self.positions, "ORG": self.orgs,
                     "PLACE": self.places, "PERSON": self.persons, "ACRONYM": self.acronyms,
                     "DATE": self.dates}.get(span.label_)
            if table is not None and span.start not in table:
                table[span.start] = span
            if span.label_ != "PERSON":
                self.covered[span.start:span.end] = b"\x01" * len(span)
        self.rank_by_end = {r.end: r for r in self.ranks.values()}
        self.position_by_end = {p.end: p for p in self.positions.values()}
        self.org_by_end = {o.end: o for o in self.orgs.values()}
        self.place_by_end = {p.end: p for p in self.places.values()}
        self.person_by_end = {p.end: p for p in self.persons.values()}
        # the organizations' names: a command stands for its force only where the document names the force
        self.org_values = frozenset(_value(o) for o in self.orgs.values())
        self.vessel_owners, self.vessel_by_end = self._vessels()

    def person_after(self, k: int) -> bool:
        """Whether a name follows token ``k`` (an organization's end): ``Chính ủy Quân khu 1 Đoàn Xuân Khiết``."""
        if k in self.ranks:
            k = self.ranks[k].end  # "Tư lệnh Vùng 1 Đại tá A"
        return k in self.persons

    def unit_named_after(self, k: int, fits: Callable[[str], bool] | None = None) -> tuple[Span, int] | None:
        """``của đồn``, ``của chi đội``, ``cùng đội``, ``sở này`` at token ``k``: the last organization before ``k`` whose name
        opens with that word, and where the words end; None when no such organization was named. ``đơn vị`` (any
        unit) is the last one the title ``fits`` in, where one is (``Phó Tư lệnh, Tham mưu trưởng đơn vị`` after a
        rescue centre's name: the region)."""
        lower = self.lower
        noun = " ".join(lower[k:k + 2])
        if noun in REFERRING_NOUNS and self.doc[k].is_lower:
            # the first kind the noun names before the others ("nhà trường" of a university's member school is the
            # school, not the university)
            before = sorted((o for o in self.orgs if o < k), reverse=True)
            return next(((self.orgs[o], k + 2) for word in REFERRING_NOUNS[noun] for o in before
                         if _value(self.orgs[o]).lower().startswith(word + " ")), None)
        if k + 1 < len(lower) and self.doc[k].is_lower and lower[k + 1] == "này":
            words = [(lower[k], k + 2)]  # "Giám đốc sở này"
        elif k + 1 < len(lower) and lower[k] in OWN_UNIT and self.doc[k + 1].is_lower:
            words = [(" ".join(lower[k + 1:k + 3]), k + 3), (lower[k + 1], k + 2)]
        elif k < len(lower) and self.doc[k].is_lower and self.doc[k].is_alpha:
            # "Thượng tá A, Chính ủy chi đội; …", "Phó Tổng Giám đốc tổng công ty.", "Chỉ huy trưởng ban là …": the unit
            # words alone, where the apposition ends
            words = [(" ".join(lower[k:end]), end) for end in (k + 3, k + 2, k + 1)
                     if end <= len(lower) and all(self.doc[j].is_lower and self.doc[j].is_alpha for j in range(k, end))
                     and (end == len(lower) or lower[end] in APPOSITION_ENDS or lower[end] == "là")]
        else:
            return None
        for word, end in words:
            colleague = self.unit_of_colleague(word, end)
            if colleague is not None:
                return colleague
            before = sorted((o for o in self.orgs if o < k), reverse=True)
            if word in ANY_UNIT and fits is not None:
                # "Tham mưu trưởng đơn vị": the last unit the title is held in
                before = [o for o in before if fits(_value(self.orgs[o]))] or before
            for start in before:
                # "Chính ủy của đơn vị": a word for any unit names the one named last
                if word in ANY_UNIT or _value(self.orgs[start]).lower().startswith(word + " "):
                    return self.orgs[start], end
        return None

    def unit_of_colleague(self, word: str, k: int) -> tuple[Span, int] | None:
        """``cán bộ cùng phòng với Thượng tá Lộc`` (``word`` = ``phòng``, ``với`` at token ``k``): the body of that word
        the document gives the colleague where it names them in full, and where the words end."""
        if k >= len(self.lower) or self.lower[k] != "với":
            return None
        j = k + 1
        honorific = next((len(h) for h in HONORIFICS_BEFORE_A_NAME if tuple(self.lower[j:j + len(h)]) == h), 0)
        j += honorific
        if j in self.ranks:
            j = self.ranks[j].end
        colleague = self.persons.get(j)
        if colleague is None:
            return None
        name = _value(colleague)
        named = [p for start, p in sorted(self.persons.items()) if start < j
                 and (_value(p) == name or _value(p).endswith(" " + name))]
        for person in named:
            org = next((o for start, o in sorted(self.orgs.items()) if person.end <= start < person.end + COLLEAGUE_WORDS
                        and _value(o).lower().startswith(word + " ")), None)
            if org is not None:
                return org, colleague.end
        return None

    def _vessels(self) -> tuple[dict[str, Span], dict[int, str]]:
        """Each vessel's unit where the document says it (``tàu HQ-561 thuộc Lữ đoàn 170``, ``tàu HQ-561 (Lữ đoàn
        170)``, ``tàu HQ-561, Lữ đoàn 170``), the first one said; and the designation of each vessel by its end."""
        owners: dict[str, Span] = {}
        by_end: dict[int, str] = {}
        for k in [k for k, word in enumerate(self.lower) if word == "tàu"]:  # few documents name a vessel
            found = vessel_at(self.doc, k)
            if found is None:
                continue
            key, end = found
            by_end[end] = key
            if end < len(self.lower) and self.lower[end] in VESSEL_OWNER_MARKS and end + 1 in self.orgs:
                owners.setdefault(key, self.orgs[end + 1])
        return owners, by_end

    def id(self, span: Span) -> str:
        return self.ids[(span.label_, span.start, span.end)]

    def expanded(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` with acronyms spelled out (``Bộ CHQS`` → ``Bộ Chỉ huy quân sự``)."""
        words = []
        k = start
        while k < end:
            acronym = self.acronyms.get(k)
            if acronym is not None and acronym.end <= end and span_values(acronym)[0]:
                words.append(span_values(acronym)[0])
                k = acronym.end
            else:
                words.append(self.doc[k].text)
                k += 1
        return " ".join(words)


class RecordLinker:
    """Person records from a document's mentions, by the relation rules of the module docstring."""

    def __init__(self, lexicon: RelationLexicon, people: PeopleLexicon | None = None,
                 organizations: OrganizationLexicon | None = None, registry: OrgRegistry | None = None):
        self.lexicon = lexicon
        self.registry = registry
        organizations = organizations or OrganizationLexicon((), (), (), ())
        # a command named as the unit of a title the text gives without its body is named by its force; a Party
        # committee's name gives the unit it is of ("Đảng ủy Quân khu 4" → "Quân khu 4")
        self.as_force = organizations.as_force
        self.unit_of_party = organizations.unit_of_party
        # bodies only other countries have ("Đồn Quản lý biên giới Đông Hưng"): never the unit of one of ours whose
        # title names it by its unit word alone ("Tại đồn, Trung tá A, Đồn trưởng")
        self.foreign_heads = tuple(head + " " for head in organizations.foreign_heads)
        # the fields a department is named for ("tuyên huấn", "kỹ thuật"): also what a member's title may name
        self.fields = frozenset(tuple(words.split()) for words in organizations.name_tails)
        self.between_rank_and_name = people.between_rank_and_name if people else frozenset()
        self.birth_year_cues = people.birth_year_cues if people else frozenset()
        self.residence_cues = people.residence_cues if people else frozenset()

    # --- one role, a chain of roles --------------------------------------------------------------

    def role_at(self, s: _Spans, k: int) -> tuple[int, RoleEvent] | None:
        """``[nguyên|nay là] POSITION [ORG]`` or an ORG alone at token ``k``: where it ends, and the role."""
        former = False
        marker_end = phrase_at(s.lower, k, self.lexicon.former)
        if marker_end is not None and marker_end in s.positions:
            k, former = marker_end, True
        else:
            # "nay là Phó Tư lệnh": the role held now, written after a former one
            marker_end = phrase_at(s.lower, k, self.lexicon.current)
            if marker_end is not None and marker_end in s.positions:
                k = marker_end
        if k not in s.positions:
            member_end = phrase_at(s.lower, k, self.lexicon.members)
            if member_end is None:
                return None
            # "trinh sát của Công an tỉnh", "xạ thủ súng chống tăng của Đại đội 5": what the member belongs to
            of = next((j for j in range(member_end, min(member_end + MEMBER_WORDS + 1, len(s.doc)))
                       if s.lower[j] == "của" or not s.doc[j].is_lower), None)
            if of is not None and s.lower[of] == "của" and of + 1 in s.orgs:
                member_end = of + 1
            elif of is not None and of in s.orgs:
                member_end = of  # "trợ lý tuyên huấn Phòng Chính trị": the member's field, then the body
            elif of is not None and s.lower[of] == "của" and (unit := s.unit_named_after(of + 1)) is not None:
                org, end = unit  # "trinh sát viên của đội": of the body that word named last
                return end, RoleEvent(k, "", organization=_value(org), former=former, mention_ids=[s.id(org)])
            if member_end in s.orgs:
                org = s.orgs[member_end]  # "cán bộ Phòng Quản lý xuất nhập cảnh": a member of the organization
                return org.end, RoleEvent(k, "", organization=_value(org), former=former, mention_ids=[s.id(org)])
            if (unit := s.unit_named_after(member_end)) is not None and s.lower[member_end] == "cùng":
                org, end = unit  # "cán bộ cùng đội": of the body that word named last
                return end, RoleEvent(k, "", organization=_value(org), former=former, mention_ids=[s.id(org)])
            return None
        position = s.positions[k]
        event = RoleEvent(k, "", position=_value(position), former=former, mention_ids=[s.id(position)])
        k = position.end
        if s.lower[k:k + 2] == ["phụ", "trách"] and k + 2 in s.orgs:
            k += 2  # "Phó Giám đốc phụ trách Sở Y tế": the deputy in charge of the body
        elif s.lower[k:k + 1] in (["của"], ["thuộc"]) and k + 1 in s.orgs:
            k += 1  # "Chính ủy của Vùng", "Trung đội trưởng thuộc Tiểu đoàn 4": the body named after it
        elif s.doc[position.start].is_lower and (field := self.field_end(s, k)) is not None and field in s.orgs:
            k = field  # "trợ lý tuyên huấn Phòng Chính trị": a title written in lower case, its field, then its body
        elif (s.lower[k:k + 1] == [","] and k + 1 in s.orgs
              and s.lower[s.orgs[k + 1].end:s.orgs[k + 1].end + 1] in ([], *([w] for w in TITLE_BODY_ENDS))):
            # "Trung đội trưởng, Tiểu đoàn 7, Trung đoàn 48", "Tùy viên Quốc phòng, Đại sứ quán Ấn Độ tại Việt Nam và
            # …": the title's body, written after a comma, where the person's item ends with it; not a clause's subject
            # ("giữ chức Bí thư, HĐND xã sẽ họp")
            k += 1
        if k in s.orgs:
            event.organization = _value(s.orgs[k])
            event.mention_ids.append(s.id(s.orgs[k]))
            k = s.orgs[k].end
        elif (vessel := vessel_at(s.doc, k)) is not None:
            # "Hạm trưởng tàu HQ-561": the vessel's unit, where the document names it
            key, k = vessel
            owner = s.vessel_owners.get(key)
            if owner is not None:
                event.organization = _value(owner)
                event.mention_ids.append(s.id(owner))
        elif (unit := s.unit_named_after(k, lambda org: self.held_in(event.position or "", org))) is not None:
            # "Chính ủy của chi đội": the last body before it that the word names (a command by its force or region,
            # as a title without its body is: "Tham mưu trưởng đơn vị" of the Vùng whose Bộ Tư lệnh was named)
            owner, k = unit
            event.organization = self.as_force(_value(owner), s.org_values)
            event.mention_ids.append(s.id(owner))
        return k, event

    def role_chain(self, s: _Spans, k: int, source: str) -> tuple[int, list[RoleEvent]]:
        """``ROLE {, ROLE}`` from token ``k``: the roles in order and where the chain ends.

        An office listed without its organization before one with it shares
        it (``Bí thư, Phó Bí thư Tỉnh ủy`` is not this: each office keeps what is
        written; the last one is the record's).
        """
        events: list[RoleEvent] = []
        while True:
            found = self.role_at(s, k)
            if found is None:
                break
            now = phrase_at(s.lower, k, self.lexicon.current) is not None  # "…, nay là Phó Tổng Tham mưu trưởng"
            k, event = found
            event.source = source
            # "nguyên Phó Sư đoàn trưởng, Tham mưu trưởng của sư đoàn": "nguyên" covers the titles listed after it
            event.former = event.former or (bool(events and events[-1].former) and not now)
            events.append(event)
            if k + 1 < len(s.doc) and s.doc[k].text == "," and self.role_at(s, k + 1) is not None:
                k += 1
            else:
                break
        return k, events

    # --- the rules ---------------------------------------------------------------------------------

    def ranks_of_names(self, s: _Spans) -> dict[int, RoleEvent]:
        """``Thiếu tướng A``, ``Đại tá QĐND A``, ``Đại tá, TS A``, ``Thiếu tá (nay là Trung tá) A``: the rank of
        the name starting at each token, found as the person extractor finds the name (``name_after_rank``);
        of two ranks before one name the one written last is held now."""
        found = {}
        for rank in sorted(s.ranks.values(), key=lambda r: r.start):
            start = name_after_rank(s.doc, rank.end, self.between_rank_and_name)
            found[start] = RoleEvent(start, "records.rank", rank=_value(rank), mention_ids=[s.id(rank)])
        return found

    @staticmethod
    def country_after_title(s: _Spans, end: int) -> bool:
        """Whether the place ending at token ``end`` is a country (``tại`` another country before it) right after a
        title: ``Tùy viên Quốc phòng Australia | tại Việt Nam``."""
        return ((span_values(s.place_by_end[end])[2] or {}).get("level") == "country"
                and _before_places(s, end) in s.position_by_end)

    def field_end(self, s: _Spans, k: int) -> int | None:
        """End of the field a title names from token ``k`` (``tuyên huấn`` of ``trợ lý tuyên huấn``: one of the fields
        departments are named for, ``name_tails``), None where no field stands there ("trợ lý cảm ơn …")."""
        return next((k + n for n in range(MAX_FIELD_TOKENS, 0, -1) if tuple(s.lower[k:k + n]) in self.fields), None)

    @staticmethod
    def charge_before(s: _Spans, k: int) -> int | None:
        """Where ``phụ trách`` and the field a deputy is in charge of start when they end at token ``k``, after a title
        (``Phó Giám đốc | phụ trách chuyên môn | là Trung tá A``), else None."""
        for start in range(k - 3, max(k - MAX_CHARGE_TOKENS - 3, -1), -1):
            if (s.lower[start:start + 2] == ["phụ", "trách"] and start in s.position_by_end
                    and all(s.doc[i].is_lower and s.doc[i].is_alpha and s.lower[i] not in NOT_IN_A_FIELD
                            for i in range(start + 2, k))):
                return start
        return None

    def title_before(self, s: _Spans, person: Span) -> RoleEvent | None:
        """``POSITION [ORG] NAME`` and ``POSITION COUNTRY [tại COUNTRY] NAME``; ``nguyên`` before it: former.

        Also ``POSITION [ORG], [RANK] NAME`` (``Chính ủy BĐBP tỉnh, Đại tá A, cho biết``) and ``POSITION [ORG] là
        [RANK] NAME`` (``Đồn trưởng là Thiếu tá A``) when the title opens
        its phrase: after an apposition mark it is the role of a name written before it, after ``thừa ủy quyền
        của`` (``on_behalf_of``) the role of someone the name acts for.
        """
        k = person.start
        if k in s.rank_by_end:
            k = s.rank_by_end[k].start  # "Tư lệnh Vùng Cảnh sát biển 1 Đại tá Phạm Đức Thắng"
        elif k > 2 and s.lower[k - 1] in ("ông", "bà") and s.lower[k - 2] in ("là", ","):
            k -= 1  # "thuyền trưởng là ông Trần Văn Hưởng", "Giám đốc Sở Y tế tỉnh Khánh Hòa, ông Lê Văn An, cho biết"
        if k > 2 and s.lower[k - 1] in ("là", ","):
            # "Trưởng đồn này là Trung tá A", "Chính ủy của đồn là Thiếu tá B", "Chỉ huy trưởng đơn vị, Thượng tá C":
            # the unit the words name
            for end in range(k - 2, max(k - 5, 0), -1):
                position = s.position_by_end.get(end)
                unit = s.unit_named_after(end) if position is not None else None
                if unit is not None and unit[1] == k - 1 and not (s.lower[k - 1] == "," and (
                        self.said_of_a_name(s, position.start) or position.start - 1 in s.rank_by_end)):
                    # (behind a comma only where the title opens its phrase: "Đại tá A, Chính ủy đơn vị, Đại úy B" is
                    # A's title)
                    return RoleEvent(position.start, "records.title", position=_value(position),
                                     organization=_value(unit[0]), mention_ids=[s.id(position), s.id(unit[0])])
            # "Thuyền trưởng tàu ấy, Thiếu tá A", "Thuyền trưởng tàu cá là ông B": the title held on a vessel
            for end in range(k - 2, max(k - 7, 0), -1):
                position = s.position_by_end.get(end)
                if position is not None and self.names_a_vessel(s, end, k - 1) and not (
                        s.lower[k - 1] == "," and self.said_of_a_name(s, position.start)):
                    return RoleEvent(position.start, "records.title", position=_value(position),
                                     mention_ids=[s.id(position)])
        # "Chính ủy BĐBP tỉnh, Đại tá A", "Đồn trưởng là Thiếu tá A", "Trưởng Phòng CSHS hiện nay là Thượng tá A"
        link = k - 1
        if k > 0 and s.lower[k - 1] == "là":
            link = _phrase_ending_at(s.lower, k - 1, NOW_WORDS, 2) or self.charge_before(s, k - 1) or link
        # "Tùy viên Quốc phòng Australia tại Việt Nam, Đại tá A": a title and its country, then the name
        behind_comma = k > 0 and s.lower[k - 1] in (",", "là") and (
            link in s.org_by_end or link in s.position_by_end
            or (link in s.place_by_end and self.country_after_title(s, link)))
        if behind_comma:
            k = link
        organization = None
        if k in s.org_by_end:
            organization = s.org_by_end[k]
            k = organization.start
        else:
            k = _before_places(s, k)
        if k not in s.position_by_end:
            return None
        position = s.position_by_end[k]
        if behind_comma and position.start > 0 and (
                self.said_of_a_name(s, position.start) or position.start - 1 in s.rank_by_end
                or (_phrase_ending_at(s.lower, position.start, self.lexicon.on_behalf_of) is not None
                    and not self.apposition_closes(s, position.start, person))):
            return None
        # "nguyên Chính ủy A"; "Đồn trưởng A khi ấy cho biết": the title the person held then
        former = (_phrase_ending_at(s.lower, position.start, self.lexicon.former) is not None
                  or tuple(s.lower[person.end:person.end + 2]) in AT_THAT_TIME)
        ids = [s.id(position)] + ([s.id(organization)] if organization is not None else [])
        return RoleEvent(position.start, "records.title", position=_value(position),
                         organization=_value(organization) if organization is not None else None,
                         former=former, mention_ids=ids)

    def names_a_vessel(self, s: _Spans, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` name a vessel: one of ``vessels`` (``tàu``, ``tàu cá``), then its number or
        code (``CSB 8005``, ``NA-98256-TS``) or a word pointing back (``ấy``, ``này``, ``đó``), nothing else.

        Also ``tàu`` alone (``Thuyền trưởng tàu là Trung tá A``) and with a name of a few capitalised words."""
        vessel = phrase_at(s.lower, start, self.lexicon.vessels)
        if vessel is None or vessel > end or (start in s.orgs):
            return False
        if end - vessel <= MAX_VESSEL_NAME and all(s.doc[j].is_title for j in range(vessel, end)):
            return True  # a vessel's name: "Hạm trưởng tàu Ballarat là Trung tá A"
        # a registration's province code may be of mixed case ("QNg 90123 TS")
        return all(s.lower[j] in POINTING_BACK or s.doc[j].like_num or sum(ch.isupper() for ch in s.doc[j].text) > 1
                   or s.doc[j].text.isupper() or any(ch.isdigit() for ch in s.doc[j].text) for j in range(vessel, end))

    def apposition_closes(self, s: _Spans, k: int, person: Span) -> bool:
        """Whether the name after a title at token ``k`` that a bare ``của`` or ``theo`` opens (not ``thừa ủy quyền
        của``) only names its holder: it closes with a comma that no title of its own follows, or ends the sentence
        (``Nhận lệnh của Tư lệnh Vùng 4 Hải quân, Chuẩn Đô đốc A, tàu HQ-571 rời vị trí``), where ``Theo quyết định của
        Bộ trưởng, Đại tá A được bổ nhiệm`` and ``…, Đại tá A, Phó Tư lệnh …`` go on with the name's own clause."""
        if _phrase_ending_at(s.lower, k, self.lexicon.on_behalf_of) != k - 1 or (k > 1 and s.lower[k - 2] in DECISIONS):
            return False
        end = person.end
        if end >= len(s.lower) or s.lower[end] in CLAUSE_END:
            return True
        return s.lower[end] == "," and end + 1 < len(s.lower) and not (
            end + 1 in s.positions or end + 1 in s.ranks or end + 1 in s.orgs)

    @staticmethod
    def said_of_a_name(s: _Spans, k: int) -> bool:
        """Whether token ``k`` follows an apposition mark that goes on from a name: ``A, |``, ``A, Chính ủy Vùng 2,
        |`` (and not ``Nhận tin từ Trung tâm …, |``)."""
        end = k - 1
        while end > 0 and s.doc[end].text in APPOSITION:
            if end in s.person_by_end:
                return True
            start = end
            if start in s.org_by_end:
                start = s.org_by_end[start].start
            if start in s.position_by_end:
                start = s.position_by_end[start].start
            if start == end:
                return False
            end = start - 1
        return False

    def after_name(self, s: _Spans, person: Span) -> list[RoleEvent]:
        """Roles written after the name: an apposition chain, then a role given by a link verb."""
        doc = s.doc
        k = person.end
        events: list[RoleEvent] = []
        described = s.lower[k:k + 1] == [","] and phrase_at(s.lower, k + 1, DESCRIPTIONS) is not None
        # "thay Thiếu tướng A, nay là Phó Tư lệnh …", "thay A, nguyên …": a marked apposition is A's own
        marked = (s.lower[k:k + 1] == [","] and (phrase_at(s.lower, k + 1, self.lexicon.current) is not None
                                                 or phrase_at(s.lower, k + 1, self.lexicon.former) is not None)
                  or phrase_at(s.lower, k, OWN_MOVE) is not None)
        if self.replaced(s, person.start) and not passive_after(s.lower, k) and not described and not marked:
            # "B thay đồng chí A giữ chức X": X is B's; "thay A (,) được điều động giữ chức Y" and "thay A, người có 9
            # năm làm Giám đốc Sở": Y and the post described are A's own
            return events
        if k < len(doc) and doc[k].text == "(" and self.role_at(s, k + 1) is None:
            k = skip_parenthesis(doc, k)
        if k + 3 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and s.lower[k + 2] == "tuổi":
            k += 3  # "chị Lê Thị Na, 29 tuổi, Phó Chủ tịch …"
        if described:
            # "Trung úy A, người dân tộc Cơ Tu, cán bộ Ban CHQS xã Hùng Sơn": the apposition after the description
            closing = next((j for j in range(k + 1, min(len(doc), k + 1 + MAX_DESCRIPTION))
                            if doc[j].text in (",", *CLAUSE_END)), None)
            if closing is not None and doc[closing].text == "," and not any(
                    j in s.positions for j in range(k + 1, closing)):
                k = closing
        if k + 2 < len(doc) and s.lower[k:k + 2] == [",", "thuộc"] and k + 2 in s.orgs:
            k += 1  # "Trung tá A, thuộc Hải đoàn 22": the unit the person belongs to
        if k + 1 < len(doc) and s.lower[k] in ("của", "thuộc"):
            # "Trung úy A của Đại đội 355 đã khống chế …", "Thượng úy A của đồn", "Trung úy B thuộc Đồn Biên phòng X":
            # a member of the unit
            named_after = s.unit_named_after(k) if k + 1 not in s.orgs else None
            org = s.orgs[k + 1] if k + 1 in s.orgs else named_after[0] if named_after is not None else None
            if org is not None:
                events.append(RoleEvent(k, "records.apposition", organization=_value(org), mention_ids=[s.id(org)]))
                member_end = org.end if k + 1 in s.orgs else named_after[1]
                if not (member_end + 1 < len(doc) and doc[member_end].text == ","):
                    return events
                # "Thiếu tá A của Công an tỉnh X, vừa được bổ nhiệm Trưởng phòng …": a link after the membership
                k = member_end + 1
        if k < len(doc) and doc[k].text in APPOSITION:
            end, chain = self.role_chain(s, k + 1, "records.apposition")
            if not chain and doc[k].text == "," and k + 1 in s.orgs:
                # "luật sư A, Đoàn Luật sư thành phố Hải Phòng": the body the person is of, with no title
                org = s.orgs[k + 1]
                chain = [RoleEvent(k + 1, "records.apposition", organization=_value(org), mention_ids=[s.id(org)])]
                end = org.end
            if chain:
                events.extend(chain)
                k = end
                if k < len(doc) and doc[k].text == ")":
                    k += 1
                if k < len(doc) and doc[k].text == "(":
                    k = skip_parenthesis(doc, k)  # "nguyên Chính ủy BĐBP tỉnh Kiên Giang (cũ), nhận quyết định …"
                if k + 1 < len(doc) and s.lower[k] in (",", "thuộc") and k + 1 in s.orgs:
                    # "Trưởng Phòng Tham mưu, Bộ CHQS tỉnh đảm nhiệm …", "Chính trị viên Ban Chỉ huy Phòng thủ khu vực 2
                    # thuộc Bộ CHQS tỉnh Điện Biên, giữ chức …": the owner written after
                    k = s.orgs[k + 1].end
                if k < len(doc) and doc[k].text == ",":
                    k += 1  # "A, Chính ủy Vùng 2, được bổ nhiệm giữ chức …"
        linked: list[RoleEvent] = []
        while True:
            # "A nguyên là Phó Giám đốc …, được bổ nhiệm giữ chức Giám đốc …": one link after another
            end, chain = self.linked(s, k)
            linked.extend(chain)
            if not chain or end + 1 >= len(doc) or doc[end].text != ",":
                break
            k = end + 1
        events.extend(linked)
        led = self.led_body(s, person)
        for event in events:
            if led is not None and event.organization is None and event.position is not None:
                # "Đồn Biên phòng X do Trung tá A làm Đồn trưởng", "Trung đoàn 50 với Thượng tá A, Chính ủy"; of
                # "Tiểu đoàn 6, Sư đoàn 3 do Thượng tá B, Tiểu đoàn trưởng chỉ huy", the body the title names
                body, unit = led, title_unit(event.position)
                if unit is not None and not names_unit(_value(led), unit):
                    # (how near: from where the unit ends, so that its abbreviation in parentheses counts for nothing)
                    body = next((s.orgs[o] for o in sorted(s.orgs, reverse=True)
                                 if o < led.start and s.orgs[o].end >= led.start - MAX_LED_LIST
                                 and names_unit(_value(s.orgs[o]), unit)), led)
                if base_title(event.position) in self.lexicon.title_bodies and not self.held_in(event.position,
                                                                                               _value(body)):
                    # "Bộ Chỉ huy BĐBP tỉnh lập sở chỉ huy tại Đồn Biên phòng X do Thượng tá A, Phó Chỉ huy trưởng
                    # chỉ huy": a title the body led cannot hold is of the body of its clause it is held in, else of
                    # none here
                    first = self.clause_around(s, led.start)[0]
                    body = next((s.orgs[o] for o in sorted(s.orgs, reverse=True)
                                 if first <= o < led.start and self.held_in(event.position, _value(s.orgs[o]))), None)
                    if body is None:
                        continue
                # a title without its body: a command is named by its force or region, as records name it
                # ("đoàn của Bộ Tư lệnh Quân khu 5 do Thiếu tướng A, Phó Tư lệnh dẫn đầu" → Quân khu 5)
                event.organization = self.as_force(_value(body), s.org_values)
                event.mention_ids.append(s.id(body))
        return events

    def replaced(self, s: _Spans, start: int) -> bool:
        """Whether the name at ``start`` is one replaced in a post: ``thay [vị trí của] [đồng chí] [RANK] A``."""
        return _phrase_ending_at(s.lower, self.name_phrase_start(s, start), REPLACES) is not None

    def replaced_posts(self, s: _Spans, persons: list[Span], after: dict[int, list[RoleEvent]], index: SentenceIndex,
                       events: OrderedDict[str, list[RoleEvent]], name_of: dict[int, str]) -> None:
        """``B được bổ nhiệm giữ chức Giám đốc …, thay Thiếu tướng A``: A held the post, a former role of A's
        (``records.replaced``); the post is the one linked to a name of the sentence nearest to A."""
        for person in persons:
            if not self.replaced(s, person.start):
                continue
            sentence = index.get(person.start)
            # of its clause: "Khiêm thay Đại tá A nghỉ hưu; Chính thay Đại tá B, được điều động làm X": X is not A's
            first, last = self.clause_around(s, person.start)
            given = [(abs(e.at - person.start), e) for other in persons
                     if other is not person and index.get(other.start) == sentence
                     for e in after[other.start] if e.source == "records.link" and e.position is not None
                     and first <= e.at < last]
            subject = self.replacing(s, persons, person)
            if not given and subject is not None:
                # "đồng chí Khiêm thay Đại tá A nghỉ hưu": the post the one replacing holds now, given elsewhere
                given = [(0, e) for e in reversed(events[name_of[subject.start]])
                         if e.position is not None and not e.former][:1]
            if given:
                post = min(given, key=lambda pair: pair[0])[1]
                held = events[name_of[person.start]]
                # in text order among the person's roles: the post was held before what comes after it
                at = next((i for i, event in enumerate(held) if event.at > post.at), len(held))
                held.insert(at, replace(post, source="records.replaced", former=True, mention_ids=list(post.mention_ids)))

    def replacing(self, s: _Spans, persons: list[Span], replaced: Span) -> Span | None:
        """The name right before ``thay`` that replaces ``replaced`` (``đồng chí Khiêm thay Đại tá A``), or None."""
        start = _phrase_ending_at(s.lower, self.name_phrase_start(s, replaced.start), REPLACES)
        return next((p for p in persons if start is not None and p.end == start), None)

    @staticmethod
    def clause_around(s: _Spans, k: int) -> tuple[int, int]:
        """The tokens of the clause of token ``k``: between the ``;`` or sentence stops around it."""
        first = next((j + 1 for j in range(k - 1, -1, -1) if s.lower[j] in (";", ".", "!", "?")), 0)
        last = next((j for j in range(k, len(s.lower)) if s.lower[j] in (";", ".", "!", "?")), len(s.lower))
        return first, last

    def successor_posts(self, s: _Spans, persons: list[Span], events: OrderedDict[str, list[RoleEvent]],
                        name_of: dict[int, str], sentences: list[tuple[int, int]], index: SentenceIndex) -> None:
        """``Thay đồng chí Đăng là Đại tá B``, ``Người kế nhiệm đồng chí Tuệ là Trung tá B``: B takes the post the
        one replaced leaves, the first the document gives them (``records.successor``), after the posts the sentence
        gives B (``…là Đại tá B, Phó Sư đoàn trưởng, Tham mưu trưởng Sư đoàn``: what B held until now)."""
        by_start = {p.start: p for p in persons}
        # each pair with the token after the one succeeded, where "là" is looked for
        named = [(before, successor, before.end) for before, successor in zip(persons, persons[1:])
                 if self.replaced(s, before.start) or self.succeeded(s, before.start)]
        # "A … được điều động giữ chức X; người kế nhiệm là Đại tá B": the successor of the name before, unnamed; also
        # of the last name of the sentence before, where the phrase opens B's ("… nghỉ hưu đối với Đại tá A, Chỉ huy
        # trưởng Bộ CHQS tỉnh. Người kế nhiệm là Thượng tá B, …")
        unnamed = [(before, successor, at) for before, successor in zip(persons, persons[1:])
                   if (found := self.successor_phrase(s, self.name_phrase_start(s, successor.start))) is not None
                   and (index.get(before.start) == index.get(successor.start)
                        or (index.get(successor.start) is not None
                            and index.get(before.start) == index.get(successor.start) - 1
                            and found[0] == sentences[index.get(successor.start)][0]))
                   for at in (found[1],)]
        for before, successor, k in named + unnamed:
            stated: tuple[str | None, str | None] | None = None
            if s.lower[k:k + 1] in (["tại"], ["ở"]):
                # "Người kế nhiệm đồng chí Thắng tại Đồn là …", "Thay đồng chí Bách ở Sư đoàn 325 là …": the post's body;
                # "Người kế nhiệm đồng chí Bình ở cương vị Tham mưu trưởng là …": the post
                stated = self.stated_post(s, k + 1)
                k = next((j for j in range(k + 1, min(k + 1 + MAX_STATED_POST_WORDS, len(s.lower)))
                          if s.lower[j] == "là"), k)
            if k >= len(s.lower) or s.lower[k] != "là":
                continue
            k += 1
            honorific = next((len(h) for h in HONORIFICS_BEFORE_A_NAME if tuple(s.lower[k:k + len(h)]) == h), 0)
            k += honorific
            if k in s.ranks:
                k = s.ranks[k].end
            if by_start.get(k) is not successor:
                continue
            self.take_post(before, successor, events, name_of, sentences, index, k, stated)
        # "Đại tá A, Chỉ huy trưởng, nghỉ hưu; Đại tá B, Phó Sư đoàn trưởng Sư đoàn 316, được điều động, bổ nhiệm
        # thay" (or "lên thay", "về thay"): B is appointed in A's stead, the name before it in the sentence
        for before, successor in zip(persons, persons[1:]):
            end = self.clause_around(s, successor.start)[1]
            if (index.get(before.start) == index.get(successor.start) and end > 1
                    and s.lower[end - 1] == "thay" and s.lower[end - 2] in ("nhiệm", "lên", "về")):
                self.take_post(before, successor, events, name_of, sentences, index, end, None)

    @staticmethod
    def successor_phrase(s: _Spans, phrase: int) -> tuple[int, int] | None:
        """A successor's phrase ending right before the name phrase at token ``phrase``: where it starts, and where
        the words after it go on (its "là", or the "ở"/"tại" that names the post: ``Người kế nhiệm ông ở đồn là``);
        None where no such phrase ends there."""
        start = _phrase_ending_at(s.lower, phrase, SUCCESSOR_IS, 5)
        if start is not None:
            return start, phrase - 1
        if phrase < 3 or s.lower[phrase - 1] != "là":
            return None
        for j in range(phrase - 2, max(phrase - 2 - MAX_STATED_POST_WORDS, 0), -1):
            if s.lower[j] in ("ở", "tại"):
                opens = _phrase_ending_at(s.lower, j, SUCCESSOR_AT, 4)
                return (opens, j) if opens is not None else None
            if s.lower[j] in CLAUSE_END or s.lower[j] == ",":
                return None
        return None

    def take_post(self, before: Span, successor: Span, events: OrderedDict[str, list[RoleEvent]],
                  name_of: dict[int, str], sentences: list[tuple[int, int]], index: SentenceIndex, k: int,
                  stated: tuple[str | None, str | None] | None) -> None:
        """``successor`` takes the post ``before`` leaves (of the post ``stated``, where the text states one)."""
        held = [e for e in sorted(events[name_of[before.start]], key=lambda e: e.at) if e.position]
        # a membership (Tỉnh ủy viên) is no post one is succeeded in, where an office is held
        held = [e for e in held if e.position not in self.lexicon.secondary_roles and not e.secondary] or held
        if stated is not None:
            position, body = stated
            # the one succeeded's role of that title or in that body, else the post as stated
            left = [e for e in held if (position is None or e.position == position)
                    and (body is None or e.organization is not None
                         and f"{e.organization.lower()} ".startswith(f"{body.lower()} "))]
            held = left or ([RoleEvent(k, "", position=position, organization=body)] if position else held)
        if held:
            # the post left: the first the document gives them, the last title of its chain ("Bí thư Đảng ủy Quân
            # sự tỉnh, Chính ủy Bộ Chỉ huy": Chính ủy, as a record takes it); a former one ("nguyên Đồn trưởng X,
            # nay là …") is the post left as it stands
            chain = [e for e in held if e.source == held[0].source and index.get(e.at) == index.get(held[0].at)
                     and not e.former]
            post = replace(held[0] if held[0].former or not chain else chain[-1], former=False)
            n = index.get(successor.start)
            at = sentences[n][1] if n is not None else successor.end
            events[name_of[successor.start]].append(
                replace(post, at=at, source="records.successor", mention_ids=list(post.mention_ids)))

    @staticmethod
    def stated_post(s: _Spans, k: int) -> tuple[str | None, str | None] | None:
        """The post a succession names after ``ở``/``tại`` at token ``k``: (position, organization) of ``cương vị
        Tham mưu trưởng`` (``cương vị``, ``vị trí``, ``chức vụ`` before it), (None, body) of ``Ban Chỉ huy Phòng
        thủ khu vực 1``; None for anything else."""
        while k < len(s.lower) and s.lower[k] in POST_WORDS:
            k += 1
        if k in s.positions:
            position = s.positions[k]
            org = s.orgs.get(position.end)
            return _value(position), _value(org) if org is not None else None
        if k in s.orgs:
            return None, _value(s.orgs[k])
        if k < len(s.doc) and s.doc[k].is_title and s.lower[k + 1:k + 2] == ["là"]:
            return None, s.doc[k].text  # "ở Sở là bà B": the body the one succeeded heads, by its head word
        return None

    @staticmethod
    def succeeded(s: _Spans, start: int) -> bool:
        """Whether the name at ``start`` is one someone succeeds: ``(người) kế nhiệm [đồng chí] A``."""
        k = start
        honorific = _phrase_ending_at(s.lower, k, HONORIFICS_BEFORE_A_NAME)
        if honorific is not None:
            k = honorific
        return k > 1 and s.lower[k - 2:k] == ["kế", "nhiệm"]

    def led_body(self, s: _Spans, person: Span) -> Span | None:
        """``ORG [, đơn vị] do [RANK] NAME`` : the organization a name is said to lead, command or head; ``ORG
        của|với [RANK] NAME, POSITION``: the unit a title is held in; ``tàu HQ-561 do [RANK] NAME``: the vessel's
        unit."""
        k = self.name_phrase_start(s, person.start)  # "UBND tỉnh do ông A, Phó Chủ tịch đại diện": over the honorific
        if k < 2 or s.lower[k - 1] not in LED_BY:
            return None
        k -= 1
        if s.lower[k] == "do" and tuple(s.lower[k - 3:k]) == (",", "đơn", "vị"):
            k -= 3  # "Công an tỉnh Hà Tĩnh, đơn vị do Đại tá A làm Giám đốc"
        elif s.lower[k] == "do" and s.lower[k - 1] == ",":
            k -= 1
        if k in s.vessel_by_end:
            return s.vessel_owners.get(s.vessel_by_end[k])
        return s.org_by_end.get(k)

    def linked(self, s: _Spans, k: int) -> tuple[int, list[RoleEvent]]:
        """``… tiếp tục giữ chức POSITION [ORG]``: lower-case words from ``k`` that end with a link phrase, then roles;
        where they end, and the roles (none: ``k``)."""
        doc = s.doc
        limit = min(len(doc), k + self.lexicon.max_link_words + 1)
        end = k
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].is_lower and phrase_at(s.lower, k + 1,
                                                                                         DESCRIPTIONS) is None:
            end = k + 1  # "Người tiền nhiệm, Trung tá A, nhận nhiệm vụ Trưởng Công an phường X": a link behind a comma
        destination: Span | None = None
        moved_to: Span | None = None
        ranked_at: int | None = None
        while True:
            if end >= limit:
                return k, []
            if end > k and s.lower[end - 1] in DESTINATIONS and end in s.orgs:
                # "được điều động về Sở Dân tộc và Tôn giáo, bổ nhiệm giữ chức Phó Giám đốc": the post's body
                destination = s.orgs[end]
                limit, end = min(len(doc), limit + len(destination)), destination.end
                if end + 1 < len(doc) and doc[end].text == "," and end + 1 in s.orgs:
                    # "được điều động về Phòng Tuyên huấn, Cục Chính trị và được giao …": the body it belongs to
                    owner = s.orgs[end + 1]
                    limit, end = min(len(doc), limit + len(owner) + 1), owner.end
                continue
            if end > k and s.lower[end - 1] in DESTINATIONS and end in s.places:
                # "được điều động sang Tây Ninh, giữ chức Phó Tham mưu trưởng BĐBP tỉnh": the province moved to
                moved_to = s.places[end]
                limit, end = min(len(doc), limit + len(moved_to)), moved_to.end
                continue
            if end > k and s.lower[end - 1] in PASSIVE_AGENT and (end in s.orgs or end in s.positions):
                # "được Ban Thường vụ Tỉnh ủy điều động giữ chức …": the body or office that gives the role
                agent = s.positions[end].end if end in s.positions else end
                agent = s.orgs[agent].end if agent in s.orgs else agent
                limit, end = min(len(doc), limit + agent - end), agent
                continue
            # after a comma, or a dash that opens an aside ("Ông A - người vừa nhận cương vị Sư đoàn trưởng … - thì")
            opening = end + 1 if doc[end].text in (",", "-", "–") else end if end == k else None
            if opening is not None and opening < len(doc) and phrase_at(s.lower, opening, DESCRIPTIONS) is not None:
                # "bà A, người dân tộc Raglai, được bầu …": a description of the person, up to its closing comma
                closing = next((j for j in range(opening, min(len(doc), opening + MAX_DESCRIPTION))
                                if doc[j].text in (",", "-", "–", *CLAUSE_END)), None)
                # a description that gives a role ("A, người vừa được bổ nhiệm giữ chức …") is read as the link
                role = next((j for j in range(opening, closing) if j in s.positions), None) if closing else None
                if closing is not None and doc[closing].text == "," and role is None:
                    limit, end = min(len(doc), limit + closing - end), closing + 1
                    continue
                if role is not None and opening > end:
                    limit, end = max(limit, role + 1), opening
                    continue
            if end in s.ranks:
                # "được thăng quân hàm từ Đại tá lên Thiếu tướng và được bổ nhiệm giữ chức …"; "nay là Trung tá, Phó
                # Trưởng phòng …": the link before the rank
                ranked_at = end
                limit, end = min(len(doc), limit + len(s.ranks[end])), s.ranks[end].end
                continue
            if end in s.orgs and tuple(s.lower[end - 2:end]) in JOINED_BODY:
                # "được điều động, chỉ định tham gia Ban Thường vụ Tỉnh ủy và giữ chức …": a body joined on the way,
                # or a list of them ("tham gia Ban Chấp hành, Ban Thường vụ Đảng ủy xã và giữ chức …")
                joined = s.orgs[end]
                while joined.end + 1 < len(doc) and doc[joined.end].text == "," and joined.end + 1 in s.orgs:
                    joined = s.orgs[joined.end + 1]
                limit, end = min(len(doc), limit + joined.end - end), joined.end
                continue
            if end in s.persons and self.replaced(s, end) and not passive_after(s.lower, s.persons[end].end):
                # "B thay đồng chí A giữ chức …": the one replaced is not the one the role goes to
                after = s.persons[end].end
                if phrase_at(s.lower, after, OWN_MOVE) is not None:
                    return k, []  # "B … thay Thiếu tá A nhận nhiệm vụ Phó Trưởng phòng": A's new post
                if s.lower[after:after + 1] == [","] and s.lower[after + 1:after + 2] and (
                        phrase_at(s.lower, after + 1, DESCRIPTIONS) is not None
                        or phrase_at(s.lower, after + 1, self.lexicon.current) is not None
                        or phrase_at(s.lower, after + 1, self.lexicon.former) is not None):
                    # "B thay A, người được điều động … giữ chức Y", "B thay A, nay là Phó Tư lệnh …": A's
                    return k, []
                limit, end = min(len(doc), limit + len(s.persons[end])), after
                continue
            if end in s.positions or phrase_at(s.lower, end, self.lexicon.former) in s.positions:
                break
            token = doc[end]
            if token.text in CLAUSE_END or end in s.persons or not _may_link(token):
                return k, []
            end += 1
        # "A nguyên là Phó Giám đốc …": the former marker right after the name is the link (role_at reads it)
        starts_former = end == k and phrase_at(s.lower, k, self.lexicon.former) is not None
        link = _phrase_ending_at(s.lower, end, self.lexicon.links) if end > k else None
        if link is None and ranked_at is not None and end - s.ranks[ranked_at].end <= 1:
            link = _phrase_ending_at(s.lower, ranked_at, self.lexicon.links)
        former_link = _phrase_ending_at(s.lower, end, self.lexicon.former) if end > k else None
        if link is None and former_link is None and not starts_former:
            return k, []
        gap = s.lower[k:end]
        # (but "thôi giữ chức vụ này để đảm nhiệm X": X is the post taken in its stead)
        if "để" not in gap and any(phrase_at(gap, i, self.lexicon.relieving) is not None for i in range(len(gap))):
            # "ông A, Giám đốc Sở Nội vụ, đề nghị miễn nhiệm chức danh Chủ tịch UBND tỉnh đối với ông B": the post is
            # the one B leaves, not A's
            return k, []
        end, chain = self.role_chain(s, end, "records.link")
        # "từng giữ chức": the longest phrase decides, "giữ chức" inside it gives no current role; "từng" anywhere
        # before the link tells of the past ("từng có 8 năm làm Hiệu trưởng", "nhiều năm làm Hạm trưởng")
        past = any(phrase_at(gap, i, self.lexicon.past_in_link) is not None for i in range(len(gap)))
        # "có gần 10 năm làm Hải đội trưởng trước khi về Bộ Chỉ huy": a post held before something else
        before_move = s.lower[end:end + 2] == ["trước", "khi"]
        if starts_former or past or before_move or (former_link is not None and (link is None or former_link <= link)):
            for event in chain:
                event.former = True
        if destination is not None and chain and chain[0].organization is None:
            chain[0].organization = _value(destination)
            chain[0].mention_ids.append(s.id(destination))
        if moved_to is not None and chain:
            self.place_the_body(s, chain[0], moved_to)
        return end, chain

    def place_the_body(self, s: _Spans, event: RoleEvent, place: Span) -> None:
        """``đến nhận công tác tại xã Trung Hạ, chỉ định giữ chức Bí thư Đảng ủy xã``: a body of the role written with
        its bare unit word is that body of the place moved to, when the place is of that unit."""
        position = s.positions.get(event.at)
        org = s.orgs.get(position.end) if position is not None else None
        if org is None or len(org) < 2 or _value(org) != event.organization:
            return
        level = UNIT_LEVELS.get(s.lower[org.end - 1])
        if level is not None and (span_values(place)[2] or {}).get("level") == level:
            event.organization = f"{self.head_name(s, org.start, org.end - 1)} {_value(place)}"
            event.mention_ids.append(s.id(place))

    def shared_ranks(self, s: _Spans, persons: list[Span], ranks: dict[int, RoleEvent]) -> dict[int, RoleEvent]:
        """``Đại tá Nguyễn Văn A và Trần Văn B``: a name right after a ranked one, joined by ``và`` or a comma, takes its rank."""
        shared: dict[int, RoleEvent] = {}
        for before, after in zip(persons, persons[1:]):
            source = ranks.get(before.start) or shared.get(before.start)
            if (source is not None and s.lower[before.end:after.start] in (["và"], [","])
                    and after.start not in ranks and len(after) > 1):
                shared[after.start] = RoleEvent(after.start, "records.shared_rank", rank=source.rank,
                                                mention_ids=list(source.mention_ids))
        return shared

    def promotions(self, s: _Spans, persons: list[Span], sentences: list[tuple[int, int]]) -> dict[int, RoleEvent]:
        """``thăng quân hàm từ Thượng tá lên Đại tá đối với …``: the people after it (or its subject, before
        ``được``) take the rank promoted to; a list that goes on in lines that open with a dash counts too."""
        doc = s.doc
        promoted: dict[int, RoleEvent] = {}
        index = SentenceIndex(sentences)
        for rank in s.ranks.values():
            start = _phrase_ending_at(s.lower, rank.start, self.lexicon.promotions)
            if start is None:
                continue
            if rank.end < len(doc) and doc[rank.end].lower_ == "lên" and rank.end + 1 in s.ranks:
                continue  # "từ Thượng tá lên Đại tá": the rank after "lên" is the one
            n = index.get(rank.start)
            if n is None:
                continue
            first, last = sentences[n]
            while n + 1 < len(sentences) and doc[sentences[n + 1][0]].text in {"-", "+", "•"}:
                n += 1
                last = sentences[n][1]
            named_next = (n + 1 < len(sentences) and not any(rank.end <= p.start < last for p in persons)
                          and phrase_at(s.lower, sentences[n + 1][0], NAMED_NEXT) is not None)
            if named_next:
                # "… thăng quân hàm Đại tá cho ba sĩ quan. Đó là Thượng tá A, …; Thượng tá B …": the people the
                # promotion counts are named in the next sentence, with the rank they are promoted from
                last = sentences[n + 1][1]
            subjects = self.promoted_subjects(s, persons, first, start)
            for person in persons:
                # a promotion its subjects are given before it ("A được thăng quân hàm Thượng tá; B …") is theirs only
                after = rank.end <= person.start < last and not subjects
                current = promoted.get(person.start)
                # "từ Trung tá lên Thượng tá cho A; từ Thiếu tá lên Trung tá cho B": the promotion nearest before a name;
                # a name's own promotion after it wins over one written before it for the names after
                own = person.start in subjects and (current is None or current.at < person.start)
                if (after or person.start in subjects) and (current is None or own
                                                             or (after and current.at < rank.start)):
                    at = person.end if named_next else rank.start
                    promoted[person.start] = RoleEvent(at, "records.promotion", rank=_value(rank),
                                                       mention_ids=[s.id(rank)])
        promoted.update(self.item_promotions(s, persons))
        return promoted

    def item_promotions(self, s: _Spans, persons: list[Span]) -> dict[int, RoleEvent]:
        """``gồm: A, Trưởng Phòng X từ Thượng tá lên Đại tá; B, Đồn trưởng … từ Trung tá lên Thượng tá``, ``… được thăng
        quân hàm: A, Hải đoàn trưởng, lên Đại tá; …``: a list item that ends with its own promotion gives its name the
        rank after ``lên``."""
        doc = s.doc
        found: dict[int, RoleEvent] = {}
        for rank in s.ranks.values():
            before = s.rank_by_end.get(rank.start - 1)
            if rank.start < 3 or s.lower[rank.start - 1] != "lên":
                continue
            if before is not None and s.lower[before.start - 1] == "từ":
                item_start = before.start - 1
            elif s.lower[rank.start - 2] == ",":
                item_start = rank.start - 2  # "A, Hải đoàn trưởng, lên Đại tá": the item's apposition, then its rank
            else:
                continue
            person = next((p for p in reversed(persons) if p.end <= item_start), None)
            if person is None:
                continue
            between = range(person.end, item_start)
            # the name's own item: its apposition, no other name, no clause end, no promotion verb of the sentence
            if (person.end >= len(doc) or doc[person.end].text != "," or any(
                    doc[k].text in CLAUSE_END or k in s.persons or s.lower[k] in PROMOTION_VERBS for k in between)):
                continue
            found[person.start] = RoleEvent(rank.start, "records.promotion", rank=_value(rank), mention_ids=[s.id(rank)])
        return found

    def promoted_subjects(self, s: _Spans, persons: list[Span], first: int, start: int) -> set[int]:
        """``A, Tiểu đoàn trưởng …, và B, Chính trị viên … được nâng quân hàm … lên Trung tá``: the list of names right
        before ``được`` and the promotion words (which end at ``start``), in the sentence starting at ``first``."""
        doc = s.doc
        # "A, Phó Tư lệnh Quân khu 4 được thăng quân hàm Thiếu tướng": the promotion words may hold "được" themselves
        verb = start + 1 if doc[start].lower_ == "được" else start
        while verb > first and doc[verb - 1].lower_ != "được" and start - verb < 14 and doc[verb - 1].text not in CLAUSE_END:
            verb -= 1
        if verb <= first or doc[verb - 1].lower_ != "được":
            return set()
        before = [p for p in persons if first <= p.start and p.end < verb]
        if not before:
            return set()
        run = [before[-1]]
        for person in reversed(before[:-1]):
            if not self.joined(s, person, run[0]):
                break
            run.insert(0, person)
        return {p.start for p in run}

    def respectively(self, s: _Spans, persons: list[Span], sentences: list[tuple[int, int]]) -> dict[int, list[RoleEvent]]:
        """``A, B và C lần lượt giữ chức …`` and ``X, Y và Z lần lượt do A, B và C …``: roles zipped with people."""
        given: dict[int, list[RoleEvent]] = {}
        openers = {phrase[0] for phrase in self.lexicon.respectively}
        for first, last in sentences:
            for k in range(first, last):
                end = phrase_at(s.lower, k, self.lexicon.respectively) if s.lower[k] in openers else None
                if end is None:
                    continue
                before = [p for p in persons if first <= p.start < k]
                after = [p for p in persons if end <= p.start < last]
                if len(before) >= 2:
                    people, roles = self.runs(s, before)[-1], self.role_items(s, end, last)
                    if len(roles) > len(people):
                        # "A và B lần lượt giữ chức Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS các tỉnh X, Y": each
                        # the chain's post ("lần lượt giữ chức Chính ủy, Phó Chính ủy …" is one title each)
                        chained = self.role_items(s, end, last, chains=True)
                        roles = chained if len(chained) == len(people) else roles
                    if len(people) > len(roles):
                        # "A, Tiểu đoàn trưởng X; B và C, lần lượt là R1 và R2": the items after the last ";"
                        people = self.after_last_semicolon(s, people)
                elif len(after) >= 2:
                    people = self.runs(s, after)[0]
                    # "ba đồng chí lần lượt giữ chức Chỉ huy trưởng Bộ CHQS các tỉnh Y, Z và W, gồm: A, …; B, … và C":
                    # the roles between the phrase and the list; else "X, Y và Z lần lượt do A, B và C": before it
                    between = self.role_items(s, end, self.name_phrase_start(s, people[0].start))
                    if len(between) == len(people):
                        roles = between
                        for role in roles:
                            role.at = last - 1  # the post they are given: written last of each, as appointed ones
                    else:
                        roles = self.role_items(s, first, k)
                    shared = self.role_items(s, people[-1].end, last)
                    if roles and shared and all(r.position is None for r in roles):
                        roles = [RoleEvent(r.at, "", position=shared[0].position, organization=r.organization,
                                           mention_ids=shared[0].mention_ids + r.mention_ids) for r in roles]
                else:
                    continue
                if len(roles) > len(people) and len(after) >= 2:
                    roles = roles[-len(people):]  # "Ba ban của HĐND tỉnh là X, Y và Z lần lượt do …": the list before it
                if len(roles) == 1 and len(people) > 1:
                    # one body per place of the sentence, else the one title for each ("A và B lần lượt được bầu làm
                    # Phó Chủ tịch UBND xã phụ trách kinh tế và văn hóa - xã hội")
                    shared = roles[0]
                    roles = self.bodies_of_places(s, shared, first, k, len(people))
                    if roles is None and shared.position is not None and self.unit_level_body(s, shared, k) is None:
                        roles = [replace(shared, mention_ids=list(shared.mention_ids)) for _ in people]
                    if roles is None:
                        continue
                if len(roles) != len(people):
                    continue
                for person, role in zip(people, roles):
                    role.source = "records.respectively"
                    given.setdefault(person.start, []).append(role)
        return given

    def plural_places(self, s: _Spans, persons: list[Span]) -> dict[int, list[RoleEvent]]:
        """``Các đại tá A và B, Chỉ huy trưởng Bộ CHQS hai tỉnh Hà Tĩnh và Quảng Trị``: a list of names whose one
        title is held in a body of as many places as there are names, each its own, in the order written (as after
        ``lần lượt``; ``records.respectively``)."""
        doc = s.doc
        given: dict[int, list[RoleEvent]] = {}
        for run in self.runs(s, persons):
            k = run[-1].end
            if len(run) < 2 or k + 1 >= len(doc) or doc[k].text != "," or k + 1 not in s.positions:
                continue
            position = s.positions[k + 1]
            head_end = position.end
            count = next((t for t in range(head_end + 1, min(head_end + MAX_HEAD_WORDS, len(doc) - 1))
                          if s.lower[t] in self.lexicon.plural_units and s.lower[t + 1] in UNIT_LEVELS), None)
            if count is None:
                continue
            places: list[Span] = []
            t = count + 2
            while t in s.places:
                places.append(s.places[t])
                t = s.places[t].end
                if t < len(doc) and s.lower[t] in (",", "và"):
                    t += 1
            if len(places) != len(run):
                continue
            head = self.template_name(s, head_end, count)
            if head is None:
                continue  # "Tư lệnh Quân khu 2 cùng lãnh đạo các tỉnh …": no body every place has
            for person, place in zip(run, places):
                given.setdefault(person.start, []).append(RoleEvent(
                    position.start, "records.respectively", position=_value(position),
                    organization=f"{head} {_value(place)}", mention_ids=[s.id(position), s.id(place)]))
        return given

    def template_name(self, s: _Spans, start: int, end: int) -> str | None:
        """The official name of the head written at tokens ``start:end`` that every place has (``Bộ CHQS`` →
        ``Bộ Chỉ huy Quân sự``, as the registry's template writes it), or None."""
        if self.registry is not None:
            for form in self.registry.lookup(tokens_text(s.doc, start, end)):
                if form.role == TEMPLATE:
                    return self.registry.templates[form.entry].name
        return None

    def head_name(self, s: _Spans, start: int, end: int) -> str:
        """The official name of the head written at tokens ``start:end`` that every place has (``template_name``);
        else the text with acronyms spelled out."""
        return self.template_name(s, start, end) or s.expanded(start, end)

    @staticmethod
    def unit_level_body(s: _Spans, role: RoleEvent, end: int) -> tuple[Span, str] | None:
        """The role's body written with its bare unit word (``Công an xã``) before token ``end``, and that level."""
        org = next((o for start, o in s.orgs.items() if role.at < start < end and _value(o) == role.organization),
                   None)
        level = UNIT_LEVELS.get(s.lower[org.end - 1]) if org is not None and len(org) > 1 else None
        return (org, level) if org is not None and level is not None else None

    def bodies_of_places(self, s: _Spans, role: RoleEvent, first: int, end: int, count: int) -> list[RoleEvent] | None:
        """``Hai xã Nậm Cắn và Mỹ Lý có Trưởng Công an xã lần lượt là A và B``: a body written with its bare unit
        word (``Công an xã``) in one role shared by people listed respectively is that body of each place of that
        unit the sentence listed before the role, when there are as many places as people."""
        found = self.unit_level_body(s, role, end)
        if found is None:
            return None
        org, level = found
        places = [p for start, p in sorted(s.places.items())
                  if first <= start < role.at and (span_values(p)[2] or {}).get("level") == level]
        if len(places) != count:
            return None
        head = self.head_name(s, org.start, org.end - 1)
        return [RoleEvent(place.start, "", position=role.position, organization=f"{head} {_value(place)}",
                          mention_ids=role.mention_ids + [s.id(place)]) for place in places]

    def places_in_parentheses(self, s: _Spans, persons: list[Span],
                              sentences: list[tuple[int, int]]) -> dict[int, list[RoleEvent]]:
        """``các Chỉ huy trưởng BĐBP ba tỉnh: Đại tá A (Điện Biên), Đại tá B (Lào Cai) và Đại tá C (Lạng Sơn)``: a
        plural title with a body of every place of a level, and each name after it with its place in parentheses:
        the title in that body of the name's place (``records.appointed``)."""
        given: dict[int, list[RoleEvent]] = {}
        acronym_by_end = {a.end: a for a in s.acronyms.values()}
        for first, last in sentences:
            for k in range(first + 2, last - 1):
                # "… BĐBP | ba tỉnh:": a count of places of one level after the body's head
                # the level word first: it rules out nearly every token without building a Token
                if not (s.lower[k + 1] in UNIT_LEVELS
                        and (s.lower[k] in self.lexicon.plural_units or s.doc[k].like_num)):
                    continue
                head = s.org_by_end.get(k) or acronym_by_end.get(k)
                title = self.plural_title(s, first, head.start, appointed=False) if head is not None else None
                if title is None:
                    continue
                level, body = UNIT_LEVELS[s.lower[k + 1]], self.head_name(s, head.start, head.end)
                for person in (p for p in persons if k < p.start < last):
                    place = s.places.get(person.end + 1) if s.lower[person.end:person.end + 1] == ["("] else None
                    if (place is None or s.lower[place.end:place.end + 1] != [")"]
                            or (span_values(place)[2] or {}).get("level") != level):
                        continue
                    given.setdefault(person.start, []).append(RoleEvent(
                        person.end, "records.appointed", position=title, organization=f"{body} {_value(place)}",
                        mention_ids=[s.id(head), s.id(place)]))
        return given

    def bodies_in_parentheses(self, s: _Spans, persons: list[Span],
                              sentences: list[tuple[int, int]]) -> dict[int, list[RoleEvent]]:
        """``Thiếu tá A (Ban CHQS phường Bến Thành)``: the organization in parentheses right after a name is the
        person's (``records.parenthesised``). A plural title before the list gives each of them its office: written
        right before the first name (``các Chỉ huy trưởng Đại tá A (Bộ CHQS tỉnh X) và Đại tá B (…)``) or before the
        head their bodies share (``các Chỉ huy trưởng Ban CHQS …, trong đó có A (Ban CHQS xã Y)``)."""
        given: dict[int, list[RoleEvent]] = {}
        index = SentenceIndex(sentences)
        by_sentence: dict[int, list[tuple[Span, Span]]] = {}
        for person in persons:
            org = s.orgs.get(person.end + 1) if s.lower[person.end:person.end + 1] == ["("] else None
            if org is None:
                continue
            # "(Ban CHQS xã Bù Gia Mập, tỉnh Đồng Nai)": the body's province may follow it
            place = s.places.get(org.end + 1) if s.lower[org.end:org.end + 1] == [","] else None
            close = place.end if place is not None else org.end
            n = index.get(person.start)
            if s.lower[close:close + 1] == [")"] and n is not None:
                by_sentence.setdefault(n, []).append((person, org))
        for n, items in by_sentence.items():
            first = sentences[n][0]
            title = self.plural_title(s, first, self.name_phrase_start(s, items[0][0].start), appointed=False)
            for person, org in items:
                position = title or self.plural_title_of_head(s, first, person.start, org)
                given.setdefault(person.start, []).append(RoleEvent(
                    org.end, "records.parenthesised", position=position, organization=_value(org),
                    mention_ids=[s.id(org)]))
        return given

    def plural_title_of_head(self, s: _Spans, first: int, end: int, org: Span) -> str | None:
        """``các Chỉ huy trưởng Ban CHQS …`` before token ``end``: the plural title written right before the head that
        ``org`` opens with (``Ban CHQS`` of ``Ban CHQS xã Y``)."""
        head = [token.lower_ for token in org[:2]]
        for j in range(first, end - 3):
            if not (s.lower[j] in self.lexicon.plural_units and s.doc[j + 1].is_title):
                continue
            for h in range(j + 2, min(j + 2 + MAX_TITLE_WORDS, end - 1)):
                if s.lower[h:h + 2] == head:
                    return tokens_text(s.doc, j + 1, h)
        return None

    def plural_appointments(self, s: _Spans, persons: list[Span],
                            sentences: list[tuple[int, int]]) -> dict[int, list[RoleEvent]]:
        """``bổ nhiệm 3 Phó Giám đốc Công an tỉnh, gồm: A, Trưởng Phòng X; B, … và C, …``: each person of the list
        takes the plural title, with its organization, as the post written last of them (``records.appointed``)."""
        given: dict[int, list[RoleEvent]] = {}
        for first, last in sentences:
            for k in range(first + 1, last - 1):
                if s.lower[k] not in ("gồm", "là"):
                    continue
                # "… Công an tỉnh gồm", "… Công an tỉnh, gồm"
                org = s.org_by_end.get(k) or (s.org_by_end.get(k - 1) if s.lower[k - 1] == "," else None)
                # "Hai Chỉ huy trưởng Bộ CHQS tỉnh Lai Châu và Bộ CHQS tỉnh Phú Thọ là A và B": one body each
                bodies = [org] if org is not None else []
                while bodies and s.lower[bodies[0].start - 1:bodies[0].start] in (["và"], [","]) and (
                        previous := s.org_by_end.get(bodies[0].start - 1)) is not None:
                    bodies.insert(0, previous)
                title_end = bodies[0].start if bodies else k
                unit = None
                if org is None and s.lower[k] == "gồm" and s.lower[k - 1] == ",":
                    # "… được bổ nhiệm Phó Giám đốc bệnh viện, gồm": the body its lower-case kind names
                    unit_start = next((j for j in range(k - 3, k - 1) if j > first and s.doc[j].is_lower
                                       and (found := s.unit_named_after(j)) is not None and found[1] == k - 1), None)
                    if unit_start is not None:
                        unit, _ = s.unit_named_after(unit_start)
                        title_end = unit_start
                holders = [p for p in persons if k < p.start < last]
                position = (self.plural_title(s, first, title_end) if s.lower[k] == "gồm" and (org or unit)
                            else None)
                org = org or unit
                named_at = k + 1 + (s.doc[k + 1].text == ":")
                if position is None and holders and (
                        self.name_phrase_start(s, holders[0].start) == named_at
                        or name_after_rank(s.doc, named_at, self.between_rank_and_name) == holders[0].start):
                    # "Hai Phó Chủ tịch UBND xã là ông A và bà B", "… gồm: ông A, nguyên …, và bà B": the names right
                    # after the plural title are its holders, with or without a verb that appoints them ("là": the
                    # list right after it only)
                    position = self.plural_title(s, first, title_end, appointed=False)
                    if s.lower[k] == "là":
                        holders = self.runs(s, holders)[0]
                if position is None:
                    continue
                if org is None:
                    # "Trường Đại học Tây Nguyên … còn hai Phó Hiệu trưởng là …": the body of the title's heads
                    # (title_bodies) named last before it
                    heads = tuple(self.lexicon.title_bodies.get(base_title(position), ()))
                    org = next((o for start, o in sorted(s.orgs.items(), reverse=True)
                                if start < title_end - len(position.split()) and heads
                                and (_value(o) in heads or _value(o).startswith(tuple(h + " " for h in heads)))),
                               None)
                each = bodies if len(bodies) > 1 and len(bodies) == len(holders) else [org] * len(holders)
                for person, body in zip(holders, each):
                    given.setdefault(person.start, []).append(RoleEvent(
                        last - 1, "records.appointed", position=position,
                        organization=_value(body) if body is not None else None,
                        mention_ids=[s.id(body)] if body is not None else []))
        return given

    def relieved_posts(self, s: _Spans, persons: list[Span]) -> dict[int, list[RoleEvent]]:
        """``miễn nhiệm chức vụ Chủ tịch UBND tỉnh đối với ông A``, ``cho thôi giữ chức Phó Giám đốc Sở đối với bà
        B``: the post written between a relieving verb and ``đối với`` the name, a role the person leaves
        (``records.relieved``, former)."""
        found: dict[int, list[RoleEvent]] = {}
        for person in persons:
            k = self.name_phrase_start(s, person.start)
            if k < 3 or s.lower[k - 2:k] != ["đối", "với"]:
                continue
            event = self.post_ending_at(s, k - 2)
            if event is not None and _phrase_ending_at(s.lower, event.at, self.lexicon.relieving) is not None:
                event.source, event.former = "records.relieved", True
                found[person.start] = [event]
        return found

    def given_posts(self, s: _Spans, persons: list[Span]) -> dict[int, list[RoleEvent]]:
        """``Vị trí Tham mưu trưởng Sư đoàn 395 được giao cho Đại tá A``: the post written before ``được giao cho``
        (``given_to``) the name is the person's (``records.given``)."""
        found: dict[int, list[RoleEvent]] = {}
        for person in persons:
            k = self.name_phrase_start(s, person.start)
            verb = _phrase_ending_at(s.lower, k, self.lexicon.given_to)
            event = self.post_ending_at(s, verb) if verb is not None else None
            if event is None and verb is not None and verb > 2 and s.lower[verb - 1] == "này" and tuple(
                    s.lower[verb - 3:verb - 1]) in POST_OF_THIS:
                # "A, Trưởng Công an xã X thôi giữ chức vụ này … Vị trí này được giao cho B": the post A held
                before = [p for p in persons if p.end <= verb - 3]
                held = [e for e in self.after_name(s, before[-1]) if e.source == "records.apposition"
                        and e.position is not None] if before else []
                # (the post given, after B's own apposition, which tells what B held until now)
                event = replace(held[0], former=False, at=self.clause_around(s, person.start)[1],
                                mention_ids=list(held[0].mention_ids)) if held else None
            if event is None and k > 2 and s.lower[k - 1] == "do":
                # "Vị trí Tham mưu trưởng do Thượng tá A, nguyên Trưởng phòng Phòng Tham mưu, đảm nhiệm": the post
                # written before "do" is the one the name's clause ends by taking
                post = self.post_ending_at(s, k - 1)
                end = self.clause_around(s, person.start)[1]
                clause = s.lower[person.end:end]
                if (post is not None and tuple(s.lower[post.at - 2:post.at]) in POST_OF_THIS and any(
                        tuple(clause[-len(verb):]) == verb for verb in TAKING_VERBS)):
                    event = replace(post, at=end)
            if event is not None:
                event.source = "records.given"
                found[person.start] = [event]
        return found

    @staticmethod
    def name_phrase_start(s: _Spans, start: int) -> int:
        """Where the phrase of the name at token ``start`` begins: before its rank and an honorific (``đồng chí``,
        ``ông``)."""
        k = s.rank_by_end[start].start if start in s.rank_by_end else start
        honorific = _phrase_ending_at(s.lower, k, HONORIFICS_BEFORE_A_NAME, 2)
        return k if honorific is None else honorific

    def post_ending_at(self, s: _Spans, end: int) -> RoleEvent | None:
        """The role (``POSITION [ORG]``) written right before token ``end``, at most ``RELIEVED_POST_WORDS`` long."""
        for start in range(end - 1, max(end - 1 - RELIEVED_POST_WORDS, 0) - 1, -1):
            if start in s.positions:
                role = self.role_at(s, start)
                if role is not None and role[0] == end:
                    return role[1]
        return None

    def plural_title(self, s: _Spans, first: int, end: int, appointed: bool = True) -> str | None:
        """``… bổ nhiệm 3 Phó Giám đốc`` ending at token ``end``: the title written after a number or a plural word,
        where an appointing verb comes right before it in the sentence (unless not ``appointed``)."""
        # the number right before the title's capital: "3 | Phó Giám đốc"
        start = next((j + 1 for j in range(end - 2, max(first, end - 1 - MAX_TITLE_WORDS) - 1, -1)
                      if (s.doc[j].text.isdigit() or s.lower[j] in self.lexicon.plural_units)
                      and s.doc[j + 1].is_title), None)
        if start is None and appointed:
            # "hai cán bộ được bổ nhiệm Phó Giám đốc …": the count is the subject's, before the appointing verb
            start = next((j for j in range(end - 1, max(first, end - MAX_TITLE_WORDS) - 1, -1)
                          if s.doc[j].is_title and j in s.positions
                          and (verb := _phrase_ending_at(s.lower, j, self.lexicon.appointing)) is not None
                          and any(s.doc[c].text.isdigit() or s.lower[c] in self.lexicon.plural_units
                                  for c in range(max(first, verb - 1 - APPOINTING_WORDS), verb))), None)
            return tokens_text(s.doc, start, end) if start is not None else None
        if start is None:
            return None
        if appointed and not any(_phrase_ending_at(s.lower, j, self.lexicon.appointing) is not None
                   for j in range(max(first, start - 1 - APPOINTING_WORDS), start)):
            return None
        return tokens_text(s.doc, start, end)

    def role_items(self, s: _Spans, start: int, end: int, chains: bool = False) -> list[RoleEvent]:
        """The roles of a list between tokens ``start`` and ``end``: each POSITION opens one, an ORG after
        an ORG repeats the position before it, and ``HEAD các tỉnh X, Y và Z`` gives one organization per place.
        An organization written only after the last office is shared by the offices before it. With ``chains``,
        titles joined by commas are one role, of the last title (``Phó Chỉ huy trưởng, Tham mưu trưởng``)."""
        items: list[RoleEvent] = []
        k = start
        while k < end:
            if items and (s.lower[k] == ";" or passive_after(s.lower, k)):
                # "… lần lượt được bầu làm X và Y Tỉnh ủy; ông B tiếp tục giữ chức …", "… lần lượt là R1 và R2, được
                # bầu vào Ban Thường vụ": the list ends
                break
            if k in s.positions and _phrase_ending_at(s.lower, k, self.lexicon.on_behalf_of) is not None:
                # "lần lượt trao Bằng khen của Bộ trưởng Bộ Công an và Bằng khen của Chủ tịch UBND tỉnh": the titles
                # of those they act for, no role of the list's people; nor is the body written with the title
                k = s.positions[k].end
                k = s.orgs[k].end if k in s.orgs else k
                continue
            if k in s.positions:
                position = s.positions[k]
                chained = []
                while (chains and position.end + 1 < end and s.lower[position.end] == ","
                       and position.end + 1 in s.positions):
                    # one post of titles in a chain, the last the record's (ANNOTATION.md)
                    chained.append(s.id(position))
                    position = s.positions[position.end + 1]
                items.append(RoleEvent(position.start, "", position=_value(position),
                                       mention_ids=[s.id(position), *chained]))
                k = position.end
                template = self.plural_template(s, k, end)
                if template:
                    names, places = template
                    items[-1].organization = names[0]
                    for name, place in zip(names[1:], places[1:]):
                        items.append(RoleEvent(place.start, "", position=items[-1].position, organization=name,
                                               mention_ids=[s.id(position), s.id(place)]))
                    k = places[-1].end
                continue
            if k in s.orgs:
                org = s.orgs[k]
                if k > 0 and s.lower[k - 1] in ("(", "của") and items and items[-1].organization is not None:
                    # "Trung đoàn 50 (Sư đoàn 395)", "Trưởng Ban Pháp chế, Ban Kinh tế - Xã hội của HĐND xã": the body
                    # the ones before belong to
                    k = org.end
                    continue
                if items and items[-1].organization is None:
                    items[-1].organization = _value(org)
                    items[-1].mention_ids.append(s.id(org))
                else:
                    position = items[-1].position if items else None
                    items.append(RoleEvent(k, "", position=position, organization=_value(org), mention_ids=[s.id(org)]))
                k = org.end
                continue
            k += 1
        if len(items) > 1 and items[-1].organization and all(i.organization is None for i in items[:-1]):
            for item in items[:-1]:
                item.organization = items[-1].organization
        return items

    def plural_template(self, s: _Spans, k: int, end: int) -> tuple[list[str], list[Span]] | None:
        """One organization per place of a plural, after a position at ``k``: the names and the places.

        ``Bộ CHQS các tỉnh Y, Z và W`` → ``Bộ Chỉ huy Quân sự tỉnh Y`` …, the head
        (its official name) with each place's official name; ``hai đồn biên
        phòng X và Y`` → ``Đồn biên phòng X`` …, the unit words with each name as written.
        """
        doc = s.doc
        j = k
        while (j < end and j - k < 8 and doc[j].lower_ not in self.lexicon.plural_units and doc[j].text not in CLAUSE_END
               and doc[j].text != "," and j not in s.positions):
            j += 1
        if j >= end or doc[j].lower_ not in self.lexicon.plural_units:
            return None
        i = j + 1
        while i < end and i - j <= 4 and i not in s.places and doc[i].is_lower:
            i += 1
        places = []
        while i < end and i in s.places:
            places.append(s.places[i])
            i = s.places[i].end
            if i < end and doc[i].lower_ in LIST_JOINS:
                i += 1
        if len(places) < 2:
            return None
        if j > k:
            head = self.head_name(s, k, j)
            return [f"{head} {_value(place)}" for place in places], places
        unit = tokens_text(doc, j + 1, places[0].start)
        if not unit:
            return None
        return [f"{unit[:1].upper()}{unit[1:]} {span_text(place)}" for place in places], places

    def anaphors(self, s: _Spans, persons: list[Span], index: SentenceIndex) -> dict[int, list[RoleEvent]]:
        """``… đối với đồng chí A, … và bổ nhiệm đồng chí giữ chức Phó Tư lệnh …``: a role linked to an anaphor with
        no name after it goes to the person named last before it in the sentence, or in the sentence before where the
        anaphor opens its own (``… là Thiếu tá A. Anh là Phó Đội trưởng Đội Trinh sát của phòng.``)."""
        found: dict[int, list[RoleEvent]] = {}
        starts = [p.start for p in persons]
        openers = {phrase[0] for phrase in self.lexicon.anaphors}
        for k in range(1, len(s.lower)):
            if s.lower[k] not in openers:
                continue
            end = phrase_at(s.lower, k, self.lexicon.anaphors)
            if end is None or end >= len(s.lower) or end in s.persons or not s.doc[end].is_lower:
                continue
            n = bisect_left(starts, k) - 1
            sentence = index.get(k)
            # the person named last in its sentence, or in the sentence before where the anaphor opens its own
            # ("Đọc quyết định là Đại tá A. Ông hiện là Trưởng phòng Phòng Cán bộ, Cục Chính trị.")
            opens = sentence is not None and k == index.starts[sentence]
            if n < 0 or (index.get(persons[n].start) != sentence
                         and not (opens and index.get(persons[n].start) == sentence - 1)):
                continue
            _, chain = self.linked(s, end)
            found.setdefault(persons[n].start, []).extend(chain)
        return found

    def sides(self, s: _Spans, index: SentenceIndex) -> dict[int, list[tuple[int, Span]]]:
        """``Phía Quân khu 3 có …``, ``Về phía Bộ Chỉ huy BĐBP tỉnh …``, a sentence opening ``Tại Bộ CHQS tỉnh
        Quảng Ninh, …``: per sentence, where each side's words end and its organization, in text order."""
        found: dict[int, list[tuple[int, Span]]] = {}
        for org in sorted(s.orgs.values(), key=lambda o: o.start):
            n = index.get(org.start)
            if n is None:
                continue
            setting = _phrase_ending_at(s.lower, org.start, self.lexicon.settings)
            opens = setting is not None and setting == index.starts[n] and s.lower[org.end:org.end + 1] == [","]
            if opens or _phrase_ending_at(s.lower, org.start, self.lexicon.sides) is not None:
                found.setdefault(n, []).append((org.end, org))
        return found

    def side_places(self, s: _Spans, index: SentenceIndex) -> dict[int, list[tuple[int, Span]]]:
        """``Phía Trung Quốc có …``, ``Về phía tỉnh Hủa Phăn (Lào) có …``, ``Đoàn Phông Xa Lỳ do …``: per sentence,
        where each side named by a place ends and the place, in text order."""
        found: dict[int, list[tuple[int, Span]]] = {}
        for place in sorted(s.places.values(), key=lambda p: p.start):
            n = index.get(place.start)
            if n is not None and _phrase_ending_at(s.lower, place.start, self.lexicon.sides) is not None:
                found.setdefault(n, []).append((place.end, place))
        return found

    @staticmethod
    def title_place(s: _Spans, event: RoleEvent, positions: dict[str, Span], side: Span | None) -> str | None:
        """Where a title given without a body is held: the place written right after it (``Phó Tỉnh trưởng tỉnh Hủa
        Phăn``, ``Tùy viên Quốc phòng Campuchia tại Việt Nam``), else the place of the side the person is listed under
        (``Đoàn Phông Xa Lỳ do ông A, Phó Tỉnh trưởng``)."""
        place = next((s.places[title.end] for title in _titles(event, positions) if title.end in s.places), side)
        return _value(place) if place is not None else None

    def heads_a_board(self, s: _Spans, event: RoleEvent, positions: dict[str, Span]) -> bool:
        """Whether a title given without a body heads an ad-hoc board: ``Trưởng ban chuyên án``, ``Trưởng ban chỉ đạo
        đội quy tập`` (``ad_hoc_boards``), or is a function taken beside the office in apposition right before
        ``làm`` (``Đại tá A, Phó Giám đốc Công an tỉnh(,) làm Trưởng ban``)."""
        return any(phrase_at(s.lower, title.end, self.lexicon.ad_hoc_boards) is not None
                   or (title.start >= 2 and s.lower[title.start - 1] == "làm"
                       and self.apposition_ends_at(s, title.start - 1))
                   for title in _titles(event, positions))

    @staticmethod
    def apposition_ends_at(s: _Spans, k: int) -> bool:
        """Whether a title or an organization ends right before token ``k``, or before a comma there."""
        if k > 0 and s.lower[k - 1] == ",":
            k -= 1
        return k in s.org_by_end or k in s.position_by_end

    @staticmethod
    def final_title_at(record: PersonRecord, starts: dict[str, int]) -> int | None:
        """Where the record's final title was last given (its first mention's token), or None."""
        held = next((role for role in reversed(record.roles) if role.position == record.position), None)
        return starts.get(held.mention_ids[0], 0) if held is not None and held.mention_ids else None

    @staticmethod
    def colleague_body(records: list[PersonRecord], record: PersonRecord, at: int | None, starts: dict[str, int],
                       index: SentenceIndex) -> str | None:
        """``Tân Phó Chủ tịch B sẽ phụ trách …, cùng Phó Chủ tịch A chỉ đạo …``: a final title with no body, written
        in a sentence that names another person whose record holds the same title in a body: that body (the one of
        the person named last before it, where several)."""
        if at is None:
            return None
        sentence = index.get(at)
        bodies = [(start, other.organization) for other in records
                  if other is not record and other.position == record.position and other.organization
                  for start in (starts.get(m) for m in other.mention_ids)
                  if start is not None and start < at and index.get(start) == sentence]
        return max(bodies)[1] if bodies else None

    @staticmethod
    def same_title_body_before(s: _Spans, record: PersonRecord, at: int | None) -> str | None:
        """``bầu bổ sung Phó Chủ tịch UBND tỉnh … tân Phó Chủ tịch A``: for a final title with no body, the body
        written right after the last earlier mention of the same title in the document."""
        if at is None or record.position is None:
            return None
        for start in sorted((p for p in s.positions if p < at), reverse=True):
            position = s.positions[start]
            if _value(position) == record.position and position.end in s.orgs:
                return _value(s.orgs[position.end])
        return None

    @staticmethod
    def bodies_before(s: _Spans, at: int) -> list[str]:
        """The organizations named before token ``at``, the last one first."""
        return [_value(s.orgs[start]) for start in sorted((o for o in s.orgs if o < at), reverse=True)]

    @staticmethod
    def issuer_body(s: _Spans, start: int) -> bool:
        """Whether the organization at token ``start`` is the body of a title written after ``của`` (``quyết định của
        Bộ trưởng Bộ Quốc phòng``)."""
        position = s.position_by_end.get(start)
        return position is not None and position.start > 0 and s.lower[position.start - 1] == "của"

    def unit_named_before(self, s: _Spans, record: PersonRecord, starts: dict[str, int],
                          foreign: bool = False) -> str | None:
        """``… giao Đồn Biên phòng Sông Đốc thăm hỏi … Đồn trưởng là Thiếu tá A``: for a final title without a body,
        the body of its unit word the document named last before the title (where several are named); one only
        other countries have only for a person of the other side (``foreign``)."""
        unit = title_unit(record.position or "")
        at = self.final_title_at(record, starts)
        if unit is None or at is None:
            return None
        return next((value for value in self.bodies_before(s, at) if names_unit(value, unit)
                     and (foreign or not value.startswith(self.foreign_heads))), None)

    @staticmethod
    def foreign_body(s: _Spans, org: Span) -> bool:
        """Whether an organization is named with a place outside Vietnam (``Cảnh sát tỉnh Svay Rieng``)."""
        return any(org.start <= p.start and p.end <= org.end and span_values(p)[0] != HOME_COUNTRY
                   and (span_values(p)[2] or {}).get("level") in FOREIGN_PLACE_LEVELS for p in s.places.values())

    @staticmethod
    def on_foreign_side(s: _Spans, at: int, index: SentenceIndex) -> bool:
        """Whether token ``at`` is in a clause about the other side of a meeting (``Phía bạn có …``) in its sentence."""
        n = index.get(at)
        sentence = index.starts[n] if n is not None else 0
        return any(s.lower[k] == "bạn" and s.lower[k - 1] in FOREIGN_SIDE for k in range(max(sentence, 1), at))

    def title_body_before(self, s: _Spans, record: PersonRecord, starts: dict[str, int],
                          index: SentenceIndex) -> str | None:
        """``Công an tỉnh Lào Cai … Đại tá A, Phó Giám đốc``: for a final title with no unit word and no body, the
        body of one of the heads it is held in (``title_bodies``) the document named last before the title."""
        heads = self.lexicon.title_bodies.get(base_title(record.position or ""))
        at = self.final_title_at(record, starts)
        if not heads or at is None:
            return None
        if self.on_foreign_side(s, at, index):
            # "Phía bạn có Thiếu tướng B, Phó Giám đốc": the other side's body of that kind named last, where the
            # document names one (our bodies are not theirs)
            theirs = [_value(s.orgs[o]) for o in sorted((o for o in s.orgs if o < at), reverse=True)
                      if self.foreign_body(s, s.orgs[o])]
            return next((value for value in theirs if any(value == head or value.startswith(head + " ")
                                                          for head in heads)), None)
        # every title the person is given without a body is held in it: "Phó Chỉ huy trưởng, Tham mưu trưởng" is of
        # a command, not of the military region named last
        others = [self.lexicon.title_bodies.get(base_title(role.position)) for role in record.roles
                  if role.position and role.organization is None and not role.former]
        held_in = [h for h in others if h]
        # not the body of a decision's issuer ("quyết định của Tư lệnh Quân khu 1 thăng quân hàm cho …, gồm: A, Phó
        # Tham mưu trưởng"): a higher body than the one the list's titles are held in
        # (the other side's bodies only of the title's own sentence: "Đoàn khách Lào do Đại tá A, Chỉ huy trưởng Bộ
        # CHQS thủ đô Viêng Chăn dẫn đầu, cùng Thượng tá B, Phó Chính ủy")
        bodies = [value for o in sorted((o for o in s.orgs if o < at), reverse=True)
                  if not self.issuer_body(s, o)
                  and (index.get(o) == index.get(at) or not self.foreign_body(s, s.orgs[o]))
                  for value in self.with_board_owner(_value(s.orgs[o]))]
        for candidates in (held_in, [heads]):
            if not candidates:
                continue  # no other title to agree with: all() of nothing would take the last body of any kind
            for value in bodies:
                if all(any(value == head or value.startswith(head + " ") for head in h) for h in candidates):
                    return value
        return None

    def with_board_owner(self, value: str) -> list[str]:
        """A body, and where it is a body's leading board (``boards``), the body it leads after it: the titles of
        ``Ban Giám đốc Công an tỉnh X``'s members are held in ``Công an tỉnh X``."""
        board = next((b for b in self.lexicon.boards if value.startswith(b + " ")), None)
        return [value, value[len(board) + 1:]] if board is not None else [value]

    @staticmethod
    def same_title_before(s: _Spans, event: RoleEvent, sentence: int | None, index: SentenceIndex) -> Span | None:
        """The organization written right after the last earlier mention of the event's title in its sentence, or of
        the title a deputy title (``Phó …``) serves; else after the first later mention of the same title in the
        sentence (``A được bầu làm Phó Chủ tịch Thường trực; B được bầu giữ chức Phó Chủ tịch UBND tỉnh``)."""
        # the same title, or the one the event's deputy title serves ("Chỉ huy trưởng Bộ CHQS thành phố; Đại tá B, Phó
        # Chỉ huy trưởng"); a head's title is one person's: "Chính ủy Quân khu 1 A … Chính ủy B" are two bodies'
        # political officers, deputies are several
        deputy = (event.position or "").startswith("Phó ")
        for start in range(event.at - 1, -1, -1):
            if index.get(start) != sentence:
                break
            position = s.positions.get(start)
            if (position is not None and position.end in s.orgs and (
                    (deputy and _value(position) in (event.position, (event.position or "").removeprefix("Phó ")))
                    or (not deputy and not s.person_after(position.end) and _value(position) in (
                        event.position, f"Phó {event.position}")))):
                # (and a head's title after a deputy's: "B, Phó Chỉ huy trưởng Bộ CHQS tỉnh, người được Đại tá A, Chỉ
                # huy trưởng, cử đến" is the head of B's body)
                return s.orgs[position.end]
        title = (event.position or "").removesuffix(" Thường trực")
        for start in range(event.at + 1, len(s.doc)):
            if index.get(start) != sentence:
                return None
            position = s.positions.get(start)
            if position is not None and _value(position).removesuffix(" Thường trực") == title and position.end in s.orgs:
                return s.orgs[position.end]
        return None

    def tells_the_past(self, s: _Spans, sentences: list[tuple[int, int]], index: SentenceIndex, k: int) -> bool:
        """Whether the sentence of token ``k``, or its clause (after a ``;``), opens with ``Trước đó`` and the like:
        its roles are earlier ones."""
        n = index.get(k)
        if n is None:
            return False
        first = sentences[n][0]
        return any(phrase_at(s.lower, start, self.lexicon.former_openers) is not None
                   for start in (first, self.clause_start(s, first, k)))

    @staticmethod
    def clause_start(s: _Spans, sentence_start: int, k: int) -> int:
        """Where the clause of token ``k`` opens: after the last ``;`` of its sentence before it (``… lần lượt giữ
        chức X; trước đó, đồng chí A là Y``)."""
        return next((j + 1 for j in range(k - 1, sentence_start - 1, -1) if s.lower[j] == ";"), sentence_start)

    def joined(self, s: _Spans, before: Span, after: Span) -> bool:
        """Whether two names are items of one list: between them only separators, list words
        (``ông``, ``bà``, ``đồng chí``) and the ranks, roles, organizations and parentheses of the items."""
        doc = s.doc
        separated = False
        k = before.end
        while k < after.start:
            token = doc[k]
            if token.text == "(" and skip_parenthesis(doc, k) > k:
                k = skip_parenthesis(doc, k)
                continue
            if token.lower_ in LIST_JOINS:
                separated = True  # also ";" between items that carry their roles: "A, Phó Trưởng Ban X; B, …"
            elif token.text in CLAUSE_END:
                return False
            elif not s.covered[k] and token.lower_ not in self.lexicon.list_words:
                return False
            k += 1
        return separated

    @staticmethod
    def semicolon_items(s: _Spans, people: list[Span]) -> list[list[Span]]:
        """A list's names cut where a ``;`` stands between two of them."""
        items = [[people[0]]]
        for before, person in zip(people, people[1:]):
            if ";" in s.lower[before.end:person.start]:
                items.append([])
            items[-1].append(person)
        return items

    @staticmethod
    def after_last_semicolon(s: _Spans, people: list[Span]) -> list[Span]:
        """The names of a list written after its last ``;``: the items the words after the list are about."""
        cut = next((i for i in range(len(people) - 1, 0, -1) if ";" in s.lower[people[i - 1].end:people[i].start]), 0)
        return people[cut:]

    def runs(self, s: _Spans, persons: list[Span]) -> list[list[Span]]:
        """The document's names grouped into lists (``Các ông A, B và bà C``); a name alone is a run of one."""
        groups: list[list[Span]] = []
        for person in persons:
            if groups and self.joined(s, groups[-1][-1], person):
                groups[-1].append(person)
            else:
                groups.append([person])
        return groups

    def shared_links(self, s: _Spans, persons: list[Span], after: dict[int, list[RoleEvent]],
                     rank_shared: set[int], ranks: dict[int, str | None]) -> dict[int, list[RoleEvent]]:
        """``Ông A và bà B được bầu giữ chức Phó Chủ tịch …``: the role linked to the last name of a list is every
        item's (not after ``lần lượt``, where each item has its own); so is the role in apposition after a list
        that shares one rank (``Thiếu tướng A và B, Phó Tư lệnh BĐBP``) or after a list given a deputy title, which
        several hold (``Đại tá A và Đại tá B, Phó Giám đốc Công an tỉnh``)."""
        shared: dict[int, list[RoleEvent]] = {}
        # the items of a list between its ";" share what is written after the last of them ("Thiếu tướng A, Thiếu
        # tướng B, Phó Tư lệnh Quân khu; Chuẩn Đô đốc C, Tư lệnh Vùng 3 Hải quân": A and B are the deputies)
        segments = [segment for run in self.runs(s, persons) for segment in self.semicolon_items(s, run)]
        for run in segments:
            apposition = [e for e in after[run[-1].start] if e.source == "records.apposition"]
            # a deputy title is held by several: "Đại tá A và Đại tá B, Phó Giám đốc Công an tỉnh" are both deputies
            # (a pair of one rank; in a list of awards, "Trung tá A và Đại úy B, Phó Đội trưởng" is B's alone)
            bare = [p for p in run[:-1] if not after[p.start]]  # the names before it with no role of their own
            deputies = (bool(bare) and bool(apposition) and ranks.get(run[-1].start) is not None
                        and all(ranks.get(p.start) == ranks.get(run[-1].start) for p in bare)
                        and all((e.position or "").startswith("Phó ") for e in apposition))
            one_rank = len(run) > 1 and (all(p.start in rank_shared for p in run[1:]) or deputies)
            links = [e for e in after[run[-1].start]
                     if e.source == "records.link" or (one_rank and e.source == "records.apposition")]
            if len(run) < 2 or not links:
                continue
            if any(phrase_at(s.lower, k, self.lexicon.respectively) is not None
                   for k in range(run[-1].end, links[0].at)):
                continue
            together = any(word in TOGETHER for word in s.lower[run[-1].end:links[0].at])
            # "Kỳ họp bầu bà A, Phó Giám đốc Sở Y tế và ông B, Giám đốc Sở Tài chính giữ chức Phó Chủ tịch UBND tỉnh":
            # a list an appointing verb opens takes the post, whatever each item held
            appointed = _phrase_ending_at(s.lower, self.name_phrase_start(s, run[0].start),
                                          self.lexicon.appointing) is not None
            # "A, Giám đốc Sở Nội vụ và B, Giám đốc Sở Tài chính được bầu giữ chức Phó Chủ tịch UBND tỉnh": a deputy
            # post several hold, given in the passive after the list, is every item's
            deputies_elected = (all((e.position or "").startswith("Phó ") for e in links)
                                and "được" in s.lower[run[-1].end:links[0].at])
            if not one_rank and not together and not appointed and not deputies_elected and run[-1].end < len(
                    s.doc) and s.doc[run[-1].end].text == "," and any(after[p.start] for p in run[:-1]):
                # "A, Đồn trưởng …, và B, người vừa qua tiếp tục giữ chức X": a link behind the last name's own
                # apposition is that name's, when the names before have roles of their own
                continue
            for person in run[:-1]:
                if self.replaced(s, person.start):
                    continue  # "Thay đồng chí A, B được bổ nhiệm …": A is the one replaced
                if not any(e.source == "records.link" or (one_rank and e.source == "records.apposition")
                           for e in after[person.start]):
                    shared[person.start] = [replace(e, source="records.shared_link", mention_ids=list(e.mention_ids))
                                            for e in links]
        return shared

    def held_in(self, position: str, organization: str) -> bool:
        """Whether a title may be held in the organization: its unit word opens the name (``Đồn trưởng``, ``Đồn …``)
        or one of the heads the title is held in does (``title_bodies``: ``Chính ủy``, ``Bộ đội Biên phòng …``)."""
        heads = self.lexicon.title_bodies.get(base_title(position))
        if heads is not None:
            return any(organization.startswith(head) for head in heads)
        unit = title_unit(position)
        return unit is not None and names_unit(organization, unit)

    def list_bodies(self, s: _Spans, persons: list[Span], after: dict[int, list[RoleEvent]],
                    ) -> dict[int, tuple[Span, str]]:
        """``Đại tá A, Chỉ huy trưởng; Đại tá B, Chính ủy; Đại tá C, Tham mưu trưởng BĐBP tỉnh``: in a list whose
        items each carry titles, the organization written only after the last item's title is the body of the
        titles before it that name none and may be held in it; or its owner, where only the owner may (``A, Phó
        Giám đốc và B, Trưởng phòng Phòng Cảnh sát hình sự Công an tỉnh Nghệ An``: A's is the Công an tỉnh). Each with the
        mention it is read from."""
        lent: dict[int, tuple[Span, str]] = {}
        for run in self.runs(s, persons):
            # the items with titles only, up to the next item that writes its body ("A, Chỉ huy trưởng và B, Tham mưu
            # trưởng Bộ CHQS tỉnh và C, Phó Giám đốc Công an tỉnh": A's is B's body, not C's)
            pending: list[tuple[Span, list[RoleEvent]]] = []
            for person in run:
                events = [e for e in after[person.start] if e.source == "records.apposition"]
                if events and all(e.position is not None and e.organization is None for e in events):
                    pending.append((person, events))
                    continue
                position = s.positions.get(events[-1].at) if events else None
                body = s.orgs.get(position.end) if position is not None and events[-1].organization else None
                titles = [e.position or "" for _, held in pending for e in held]
                found = self.body_or_owner(s, body, titles) if body is not None and titles else None
                if found is not None:
                    for earlier, _ in pending:
                        lent[earlier.start] = found
                pending = []
        return lent

    def body_or_owner(self, s: _Spans, body: Span, titles: list[str]) -> tuple[Span, str] | None:
        """``body`` where every title may be held in it; else the owner written after it (``Phòng X của Công an tỉnh
        Y``) or ending its name (``Phòng X Công an tỉnh Y``) where they may; else None."""
        value = _value(body)
        if all(self.held_in(title, value) for title in titles):
            return body, value
        if body.end + 1 < len(s.lower) and s.lower[body.end] in ("của", "thuộc", ",") and body.end + 1 in s.orgs:
            owner = s.orgs[body.end + 1]
            if all(self.held_in(title, _value(owner)) for title in titles):
                return owner, _value(owner)
        words = value.split(" ")
        return next(((body, suffix) for i in range(1, len(words))
                     if words[i][:1].isupper() and all(self.held_in(title, suffix := " ".join(words[i:]))
                                                       for title in titles)), None)

    # --- the record ------------------------------------------------------------------------------

    def details_after(self, s: _Spans, person: Span, year: int | None) -> tuple[int | None, str | None]:
        """The birth year and the residence written right after a name, in its clause.

        ``Nguyễn Văn Hùng (SN 1978, trú tại phường Sầm Sơn)`` → (1978, "phường
        Sầm Sơn"); ``L.V.Q. (17 tuổi, cùng trú tại xã Nậm Cắn)`` in a 2026
        document → (2009, "xã Nậm Cắn"); ``ông A, thuyền trưởng quê xã B`` → (None,
        "xã B"). The clause ends at its punctuation, at the parenthesis opened
        after the name, or at the next person's name: what follows is theirs.
        """
        doc = s.doc
        texts = token_texts(doc)  # a Token object per token read cost more than the rest of the loop
        birth_year = residence = None
        opened = person.end < len(doc) and texts[person.end] == "("
        for k in range(person.end, min(person.end + MAX_DETAILS, len(doc))):
            text = texts[k]
            if text in CLAUSE_END or (text == ")" and opened) or k in s.persons:
                break
            if birth_year is None and k in s.dates:
                birth_year = self._birth_year(s, s.dates[k])
            elif (birth_year is None and year is not None and k + 1 < len(doc) and s.lower[k + 1] == "tuổi"
                  and doc[k].like_num and text.isdigit() and 0 < int(text) < 120):
                birth_year = year - int(text)  # "17 tuổi": the age in the document's year
            if residence is None and k in s.places and _phrase_ending_at(s.lower, k, self.residence_cues) is not None:
                residence = _value(s.places[k])
        return birth_year, residence

    def _birth_year(self, s: _Spans, date: Span) -> int | None:
        """The year of a DATE after a birth cue: ``SN 1997``, ``sinh năm 1986``, ``sinh ngày 2/9/1990``."""
        value = _value(date)
        if len(value) < 4 or not value[:4].isdigit():
            return None
        words = s.lower[max(date.start - 2, 0):date.start]
        if s.lower[date.start] in ("năm", "ngày"):
            words = [*words, s.lower[date.start]]  # "sinh [năm 1986]": the DATE holds the cue's last word
        cue = _phrase_ending_at(words, len(words), self.birth_year_cues)
        return int(value[:4]) if cue is not None else None

    def person_records(self, doc: Doc, mentions: list[Span],
                       mention_ids: dict[tuple[str, int, int], str]) -> list[PersonRecord]:
        """One record per distinct name, with every role the document gives it and the final rank, position, organization."""
        s = _Spans(doc, mentions, mention_ids)
        persons = [m for m in mentions if m.label_ == "PERSON"]
        sentences = sentence_ranges(doc)
        ranks_at = self.ranks_of_names(s)
        ranks = {p.start: ranks_at[p.start] for p in persons if p.start in ranks_at}
        ranks.update(self.shared_ranks(s, persons, ranks))
        promoted = self.promotions(s, persons, sentences)
        respectively = self.respectively(s, persons, sentences)
        for start, events in self.plural_places(s, persons).items():
            respectively.setdefault(start, events)
        appointed = self.plural_appointments(s, persons, sentences)
        for start, roles in self.places_in_parentheses(s, persons, sentences).items():
            appointed.setdefault(start, []).extend(roles)
        for start, roles in self.bodies_in_parentheses(s, persons, sentences).items():
            appointed.setdefault(start, []).extend(roles)
        relieved = self.relieved_posts(s, persons)
        given_to = self.given_posts(s, persons)
        after = {person.start: self.after_name(s, person) for person in persons}
        shared = self.shared_links(s, persons, after,
                                   {start for start, e in ranks.items() if e.source == "records.shared_rank"},
                                   {start: e.rank for start, e in ranks.items()})
        listed = self.list_bodies(s, persons, after)
        index = SentenceIndex(sentences)
        sides = self.sides(s, index)
        side_places = self.side_places(s, index)
        titles = {s.id(title): title for title in s.positions.values()}
        anaphors = self.anaphors(s, persons, index)
        name_of = record_names(persons, {_value(m) for m in persons if len(m) > 1})
        events: OrderedDict[str, list[RoleEvent]] = OrderedDict()
        ids: dict[str, list[str]] = {}
        details: dict[str, list[int | str | None]] = {}
        bylines: dict[str, bool] = {}
        doc_date = doc.user_data.get("doc_date")
        year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
        for person in persons:
            name = name_of[person.start]
            found = events.setdefault(name, [])
            ids.setdefault(name, []).append(s.id(person))
            known = details.setdefault(name, [None, None])
            for i, value in enumerate(self.details_after(s, person, year)):
                if known[i] is None:
                    known[i] = value
            bylines[name] = bylines.get(name, True) and span_values(person)[1] == "people.byline"
            written = [event for event in (ranks.get(person.start), self.title_before(s, person),
                                           promoted.get(person.start)) if event is not None]
            given = (after[person.start] + shared.get(person.start, []) + respectively.get(person.start, [])
                     + anaphors.get(person.start, []) + appointed.get(person.start, []) + relieved.get(person.start, [])
                     + given_to.get(person.start, []))
            n = index.get(person.start)
            if self.tells_the_past(s, sentences, index, person.start):
                for event in given:
                    event.former = True  # "Trước đó, đồng chí A là Phó Chỉ huy trưởng …": an earlier post
            for event in anaphors.get(person.start, []):
                # "…; trước đó, ông là Phó Chỉ huy trưởng BĐBP An Giang": a pronoun's clause that tells the past
                if self.tells_the_past(s, sentences, index, event.at):
                    event.former = True
            side = next((org for end, org in reversed(sides.get(n, [])) if end <= person.start), None)
            side_place = next((place for end, place in reversed(side_places.get(n, [])) if end <= person.start), None)
            lent: Span | None = None
            party: RoleEvent | None = None  # the chain's last title of a Party committee ("Bí thư Đảng ủy X")
            for event in written + given:
                if event.organization is not None and self.unit_of_party(event.organization) is not None:
                    party = event
                if event.position is None or event.organization is not None:
                    continue
                if self.heads_a_board(s, event, titles):
                    # "làm Trưởng ban chuyên án": a board of its own, no body to lend it; a side's place still holds
                    # ("Đoàn Phông Xa Lỳ do ông A, Phó Tỉnh trưởng làm Trưởng đoàn")
                    event.secondary = True
                    event.place = self.title_place(s, event, titles, side_place)
                    continue
                held = next((e for e in reversed(found) if e.position == event.position and e.organization), None)
                if held is not None:
                    # "… giữ chức Chính ủy Bộ CHQS tỉnh Cao Bằng. … Chính ủy Vi Thanh Bình": the post already given
                    event.organization = held.organization
                    event.mention_ids.extend(held.mention_ids[1:])
                    continue
                # one side's organization, else the one its list item's partner writes ("A, Tư lệnh và B, Chính ủy
                # Vùng Cảnh sát biển 2; C, Tư lệnh Vùng 3 Hải quân": A's is B's), else the one the same title had
                # earlier in the sentence ("A tái đắc cử Phó Chủ tịch HĐND tỉnh; bà B được bầu bổ sung chức danh Phó
                # Chủ tịch"), else the one the title before it in the same chain took so ("Phó Chỉ huy trưởng, Tham
                # mưu trưởng") ("tân Chính ủy A": the post A was given, which the same title of another does not name)
                newly = event.at > 0 and s.lower[event.at - 1] == "tân"
                partner = listed.get(person.start)
                body = (side or (partner[0] if partner else None)
                        or (None if newly else self.same_title_before(s, event, n, index)) or lent)
                if body is not None:
                    value = partner[1] if partner is not None and body is partner[0] else _value(body)
                    event.organization = self.as_force(value, s.org_values)
                    event.mention_ids.append(s.id(body))
                    lent = body
                elif party is not None and party.organization is not None:
                    # "Bí thư Đảng ủy Bộ đội Biên phòng tỉnh X, Chính ủy": the unit whose Party committee it is
                    event.organization = self.unit_of_party(party.organization)
                    event.mention_ids.extend(party.mention_ids[1:])
                else:
                    event.place = self.title_place(s, event, titles, side_place)
            found.extend(written + given)
        self.replaced_posts(s, persons, after, index, events, name_of)
        self.successor_posts(s, persons, events, name_of, sentences, index)
        records = [_record(f"p{i}", name, person_events, ids[name], self.lexicon.secondary_roles)
                   for i, (name, person_events) in enumerate(events.items(), start=1)]
        for record in records:
            birth_year, residence = details[record.name]
            record.birth_year, record.residence, record.byline = birth_year, residence, bylines[record.name]
        units = {_value(org) for org in s.orgs.values()}
        ours = {unit for unit in units if not unit.startswith(self.foreign_heads)}
        starts = {mention_id: start for (_, start, _), mention_id in s.ids.items()}
        for record in records:
            if record.position is not None and record.organization is None:
                at = self.final_title_at(record, starts)
                foreign = at is not None and self.on_foreign_side(s, at, index)
                # the body of the person's own earlier role the title is held in ("A, Phó Tư lệnh, Tham mưu trưởng
                # Quân khu thôi giữ chức Tham mưu trưởng để đảm nhiệm cương vị Phó Tư lệnh": of that Quân khu)
                own = next((role.organization for role in reversed(record.roles)
                            if role.organization and self.held_in(record.position, role.organization)), None)
                found = (own or self.colleague_body(records, record, at, starts, index)
                         or unit_of_title(record.position, units if foreign else ours)
                         or self.unit_named_before(s, record, starts, foreign)
                         or self.title_body_before(s, record, starts, index)
                         or (None if foreign else self.same_title_body_before(s, record, at)))
                record.organization = self.as_force(found, s.org_values) if found is not None else None
        return records


ROMAN = set("IVXLCDM")


def _may_link(token: Token) -> bool:
    """A word that may stand between a name and the role a link verb gives it: lower case, a comma, a number
    or a roman numeral (``khóa XVIII``), a dash."""
    text = token.text
    return token.is_lower or text in {",", "-", "–"} or token.like_num or (text.isupper() and set(text) <= ROMAN)


def unit_of_title(position: str, organizations: set[str]) -> str | None:
    """The one organization of the document a title names by its unit word, for a title given without one.

    ``Đồn trưởng`` heads a ``Đồn …``, ``Phó Trưởng phòng`` a ``Phòng …``,
    ``Tiểu đoàn trưởng`` a ``Tiểu đoàn …``: when the document names exactly one
    organization of that kind, the title is its (``Trung tá A, Phó Trưởng phòng``
    after ``Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Nghệ An``).
    Titles without a unit word (``Giám đốc``, ``Chính ủy``) name none.

        >>> unit_of_title("Phó Trưởng phòng", {"Phòng Tham mưu Công an tỉnh Nghệ An", "Công an tỉnh Nghệ An"})
        'Phòng Tham mưu Công an tỉnh Nghệ An'
        >>> unit_of_title("Đồn trưởng", {"Đồn Biên phòng Na Mèo", "Đồn Biên phòng Tam Chung"}) is None
        True
    """
    unit = title_unit(position)
    matches = {org for org in organizations if unit is not None and names_unit(org, unit)}
    return matches.pop() if len(matches) == 1 else None


def _without_prefixes(words: list[str]) -> list[str]:
    """A title's words without ``Phó`` and ``Quyền`` before it: the title a deputy or an acting holder serves."""
    while words and words[0] in ("Phó", "Quyền"):
        words = words[1:]
    return words


def base_title(position: str) -> str:
    """The title a deputy, an acting holder or a standing one holds (``Phó Giám đốc`` → ``Giám đốc``,
    ``Phó Chủ tịch Thường trực`` → ``Chủ tịch``)."""
    words = _without_prefixes(position.split())
    if words[-2:] == ["Thường", "trực"]:
        words = words[:-2]
    return " ".join(words)


def title_unit(position: str) -> str | None:
    """The unit word a title names (``Phó Đồn trưởng`` → ``Đồn``, ``Trưởng phòng`` → ``Phòng``), or None."""
    words = _without_prefixes(position.split())
    if len(words) >= 2 and words[-1] == "trưởng":
        unit = " ".join(words[:-1])
    elif len(words) >= 2 and words[0] == "Trưởng":
        unit = " ".join(words[1:])
    else:
        return None
    return unit[:1].upper() + unit[1:]


def names_unit(organization: str, unit: str) -> bool:
    """The unit word opens the name, and a name follows it (``Tỉnh ủy`` is no ``Tỉnh …`` of a ``Tỉnh trưởng``)."""
    rest = organization[len(unit) + 1:][:1]
    return organization.startswith(unit + " ") and (rest.isupper() or rest.isdigit())


def _record(person_id: str, name: str, events: list[RoleEvent], mention_ids: list[str],
            secondary_roles: frozenset[str] = frozenset()) -> PersonRecord:
    """The final rank, position and organization, and the distinct roles in order.

    A secondary role (``secondary_roles``: ``Tỉnh ủy viên``, ``Trưởng đoàn``) is the final position only where the person
    holds no office: ``Bà A, Chủ tịch Ủy ban MTTQ tỉnh tái đắc cử Tỉnh ủy viên`` is still ``Chủ tịch``.
    """
    events = sorted(events, key=lambda e: e.at)
    rank = position = organization = None
    roles: list[Role] = []
    seen: dict[tuple, Role] = {}
    chain: set[str] = set()  # the offices held together in the body of the final one

    def note(state: tuple, event: RoleEvent) -> None:
        role = seen.get(state)
        if role is None:
            role = seen[state] = Role(*state[:3], mention_ids=[], former=state[3], source=event.source)
            roles.append(role)
        role.mention_ids.extend(i for i in event.mention_ids if i not in role.mention_ids)
        if role.organization is None and role.place is None:
            role.place = event.place

    for event in events:
        if event.rank is not None:
            rank = event.rank
        if event.position is None and event.organization is None:
            if roles:
                note((rank, position, organization, False), event)
            continue
        if event.former:
            if event.position == position and event.organization in (None, organization):
                chain = set()  # "thôi giữ chức Tham mưu trưởng": the list's last office is left, the others named again
            note((rank, event.position, event.organization, True), event)
            continue
        refines = position is not None and event.position is not None and event.position.startswith(position)
        if ((event.position in secondary_roles or event.secondary) and position is not None
                and position not in secondary_roles):
            note((rank, event.position, event.organization, False), event)
            continue
        if (event.source == "records.title" and event.position in chain and event.position != position
                and event.organization in (None, organization)):
            # "A, Phó Tư lệnh, Tham mưu trưởng Quân đoàn" then "tân Phó Tư lệnh A": an office of the list named again,
            # the list's last office is still the one the record gives
            note((rank, position, organization, False), event)
            continue
        if event.position is not None and not (refines and event.organization is None):
            if event.organization is not None and organization is not None and event.organization != organization:
                chain = set()  # another body: a new post (offices written without one may be of the one after)
            chain.add(event.position)
            position, organization = event.position, event.organization
        elif event.position is not None:
            position = event.position  # "Phó Chủ tịch" then "Phó Chủ tịch Thường trực": the same office, made precise
        elif event.position is None:
            organization = event.organization
        note((rank, position, organization, False), event)
    if position is None and organization is None:
        # "Ông A, nguyên Bí thư Tỉnh ủy": a role the document gives only as former is all it says of the person
        # (the post of one replaced, "thay đồng chí A nghỉ hưu", is not what A holds now)
        former = [role for role in roles if role.former and role.position is not None and role.source != "records.replaced"]
        if former:
            position, organization = former[-1].position, former[-1].organization
    if rank is not None and not roles:
        roles.append(Role(rank, None, None, mention_ids=[i for e in events for i in e.mention_ids], former=False,
                          source=events[0].source))
    return PersonRecord(person_id, name, rank, position, organization, mention_ids, roles)


def acronym_records(mentions: list[Span]) -> list[AcronymRecord]:
    """One record per distinct acronym: its expansion, where it came from, how often it occurs."""
    records: OrderedDict[str, AcronymRecord] = OrderedDict()
    for span in (m for m in mentions if m.label_ == "ACRONYM"):
        text = span_text(span)
        record = records.get(text)
        if record is None:
            normalized, _, attrs = span_values(span)
            records[text] = AcronymRecord(text, normalized, (attrs or {}).get("expansion_source", "unknown"), 1)
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

        >>> m = Mention("ACRONYM", 12, 16, "BĐBP", "Bộ đội Biên phòng")
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

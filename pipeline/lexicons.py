"""Lexicons: the YAML data under ``configs/lexicons/`` that drives the rules.

Each loader validates its file and raises LexiconError naming the file, the
entry and what was expected, so a researcher who edits a lexicon learns at
start-up, not half-way through a corpus.
"""

from __future__ import annotations

import copy
import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Container
from typing import Any

import yaml


class LexiconError(ValueError):
    """A lexicon file is missing, not YAML, or not of its documented shape."""


# libyaml's parser where PyYAML was built with it: the same documents, several times faster than pure Python
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=64)
def _parse(path: str, mtime_ns: int, size: int) -> Any:
    # keyed by modification time and size too, so an edited file is read again; several extractors share
    # one lexicon (people.yaml), and each process parses it once
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_YAML_LOADER)


def _load(path: Path, required: tuple[str, ...]) -> dict[str, Any]:
    try:
        stat = Path(path).stat()
        # a copy: the cached document must stay as read whatever a loader does with its own
        data = copy.deepcopy(_parse(str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping with keys {', '.join(required)}")
    missing = [key for key in required if key not in data]
    if missing:
        raise LexiconError(f"{path}: missing keys {', '.join(missing)}")
    return data


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", str(text)).strip()


def _strings(path: Path, data: dict[str, Any], key: str) -> list[str]:
    values = data.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise LexiconError(f"{path}: '{key}' must be a list of strings")
    return [nfc(v) for v in values]


@dataclass(frozen=True)
class Rank:
    name: str
    order: int
    category: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankLexicon:
    ranks: tuple[Rank, ...]
    forces: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> RankLexicon:
        data = _load(path, ("ranks",))
        ranks = []
        for i, entry in enumerate(data["ranks"]):
            try:
                ranks.append(Rank(nfc(entry["name"]), int(entry["order"]), nfc(entry["category"]),
                                  tuple(nfc(v) for v in entry.get("variants") or ())))
            except (KeyError, TypeError, ValueError):
                raise LexiconError(f"{path}: ranks[{i}] needs name, order (integer) and category") from None
        forces = {nfc(f["cue"]): nfc(f["force"]) for f in data.get("forces") or []}
        return cls(tuple(ranks), forces)


@dataclass(frozen=True)
class PositionLexicon:
    positions: tuple[str, ...]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    compounds: tuple[str, ...]
    not_positions: tuple[str, ...]
    # words before a title that make it a plural, no office of one person ("3 Phó Giám đốc", "hai Phó Chủ tịch")
    plural_before: tuple[str, ...] = ()
    # words after which a prefix written in lower case is the verb's object, no part of the title ("được giao quyền
    # Đồn trưởng": acting as Đồn trưởng)
    verbs_before_prefix: tuple[str, ...] = ()
    # words after a title that make it part of a longer noun ("Đại sứ quán": an embassy, no ambassador)
    word_continuations: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> PositionLexicon:
        data = _load(path, ("positions",))
        return cls(*(tuple(_strings(path, data, key)) for key in
                     ("positions", "prefixes", "suffixes", "compounds", "not_positions", "plural_before",
                      "verbs_before_prefix", "word_continuations")))


# the head of a unit's Party committee's name: "Đảng ủy Quân khu 4"
PARTY_COMMITTEE = "Đảng ủy"
# the Party organization a committee leads: "Đảng bộ Tổng công ty X" elects the "Đảng ủy Tổng công ty X"
PARTY_ORGANIZATION = "Đảng bộ"


@dataclass(frozen=True)
class OrganizationLexicon:
    heads: tuple[str, ...]
    standalone: tuple[str, ...]
    numbered: tuple[str, ...]
    generic_after: tuple[str, ...]
    sentence_case_heads: tuple[str, ...] = ()
    delegation_heads: tuple[str, ...] = ()
    named_after_people: tuple[str, ...] = ()
    capitalised_heads: tuple[str, ...] = ()
    # sub-unit head → the heads of the bodies it may belong to ("Đội" → "Đồn", "Phòng" …)
    sub_unit_parents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    national_sub_units: tuple[str, ...] = ()
    foreign_heads: tuple[str, ...] = ()
    # a command → the force it commands ("Bộ Chỉ huy Bộ đội Biên phòng" → "Bộ đội Biên phòng")
    command_forces: tuple[tuple[str, str], ...] = ()
    referring_heads: tuple[str, ...] = ()
    # a body → what its Party committee's name holds after "Đảng ủy" ("Bộ Chỉ huy Quân sự" → "Quân sự")
    party_names: tuple[tuple[str, str], ...] = ()
    # heads of a trade name: a place in the name is written as the company writes it ("Công ty cổ phần Cảng Hải Phòng")
    trade_names: tuple[str, ...] = ()
    # lower-case words that never stand inside a name: a run of lower-case words holding one is a clause
    clause_words: tuple[str, ...] = ()
    # bodies a bare head refers back to only where no other is named ("Ủy ban": another committee before the UBND)
    never_referred_back: tuple[str, ...] = ()
    # lower-case words that end a sentence-case name with no naming part after them ("Phòng Quản lý đô thị")
    name_tails: tuple[str, ...] = ()
    # a service → the ranks only it has ("Hải quân" → "Chuẩn Đô đốc" …): the unit of a bare numbered head
    service_ranks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # an organ written alone → the heads of the bodies it is an organ of ("Ban Giám đốc" → "Công an tỉnh" …)
    organs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # sub-units written alone that are of the body the story is about, not of the body named last ("Phòng Tham mưu")
    story_sub_units: tuple[str, ...] = ()
    # forces a person's command is named by only where the document names the force itself
    forces_named_only: frozenset[str] = frozenset()
    # heads a list of names shares after its first one ("Sở Nội vụ, Tư pháp và Tài chính")
    shared_heads: tuple[str, ...] = ()
    # sub-unit heads whose official name writes the body they belong to after a comma ("Trường Đại học Y - Dược, Đại
    # học Thái Nguyên")
    comma_owned: tuple[str, ...] = ()
    # heads of missions named with the place they are in after "tại" ("Đại sứ quán Australia tại Việt Nam")
    located_heads: tuple[str, ...] = ()
    # lower-case words for the leaders of the body named after them, coordinated with its Party committee
    # ("Đảng ủy, chỉ huy Sư đoàn": the Sư đoàn's Đảng ủy)
    leaders_words: tuple[str, ...] = ()
    # lower-case words of saying: a bare provincial body in what a person of the other side says is that side's
    # ("Thượng tá Bun Nhăng cho biết, Công an tỉnh đã trao trả …"); words addressing the other side make it ours
    # ("Ông Khăm Phăn cảm ơn Bộ Chỉ huy Quân sự tỉnh")
    saying_words: tuple[str, ...] = ()
    addressing_words: tuple[str, ...] = ()
    # a head written alone → the head of the body it refers back to ("Mặt trận" → "Ủy ban Mặt trận Tổ quốc")
    referring_aliases: tuple[tuple[str, str], ...] = ()
    # a service → the letters its vessels' designations open with ("Hải quân" → "HQ": "tàu HQ-561"): as its ranks do
    service_vessels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # heads named by a code of capital letters and digits ("Nhà máy Z111", "Đội K51")
    coded_heads: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> OrganizationLexicon:
        data = _load(path, ("heads",))
        parents = data.get("sub_unit_parents") or {}
        if not isinstance(parents, dict) or not all(
                isinstance(head, str) and isinstance(owners, list) and all(isinstance(o, str) for o in owners)
                for head, owners in parents.items()):
            raise LexiconError(f"{path}: 'sub_unit_parents' must map a head to a list of heads")
        return cls(*(tuple(_strings(path, data, key)) for key in
                     ("heads", "standalone", "numbered", "generic_after", "sentence_case_heads", "delegation_heads",
                      "named_after_people", "capitalised_heads")),
                   tuple((nfc(head), tuple(nfc(o) for o in owners)) for head, owners in parents.items()),
                   tuple(nfc(head) for head in _strings(path, data, "national_sub_units")),
                   tuple(nfc(head) for head in _strings(path, data, "foreign_heads")),
                   _name_pairs(path, data, "command_forces"),
                   tuple(nfc(head) for head in _strings(path, data, "referring_heads")),
                   _name_pairs(path, data, "party_names"),
                   tuple(nfc(head) for head in _strings(path, data, "trade_names")),
                   tuple(nfc(word) for word in _strings(path, data, "clause_words")),
                   tuple(nfc(name) for name in _strings(path, data, "never_referred_back")),
                   tuple(nfc(words).lower() for words in _strings(path, data, "name_tails")),
                   _name_lists(path, data, "service_ranks"),
                   _name_lists(path, data, "organs"),
                   tuple(nfc(head) for head in _strings(path, data, "story_sub_units")),
                   frozenset(nfc(force) for force in _strings(path, data, "forces_named_only")),
                   tuple(nfc(head) for head in _strings(path, data, "shared_heads")),
                   tuple(nfc(head) for head in _strings(path, data, "comma_owned")),
                   tuple(nfc(head) for head in _strings(path, data, "located_heads")),
                   tuple(nfc(words).lower() for words in _strings(path, data, "leaders_words")),
                   tuple(nfc(words).lower() for words in _strings(path, data, "saying_words")),
                   tuple(nfc(words).lower() for words in _strings(path, data, "addressing_words")),
                   _name_pairs(path, data, "referring_aliases"),
                   _name_lists(path, data, "service_vessels"),
                   tuple(nfc(head) for head in _strings(path, data, "coded_heads")))

    def party_of(self, organization: str) -> str | None:
        """What follows "Đảng ủy" in the name of ``organization``'s Party committee where it is not the body's own name
        (``Bộ Chỉ huy Quân sự tỉnh Lâm Đồng`` → ``Quân sự tỉnh Lâm Đồng``); None for any other body."""
        for body, party in self.party_names:
            if organization.startswith(body + " "):
                return party + organization[len(body):]
        return None

    def unit_of_party(self, organization: str) -> str | None:
        """The unit a Party committee is of (``Đảng ủy Quân khu 4`` → ``Quân khu 4``, ``Đảng ủy Quân sự tỉnh X`` →
        ``Bộ Chỉ huy Quân sự tỉnh X``), or None: not a committee's name, or one of a place (``Đảng ủy xã Mỹ Lý``).

            >>> lexicon = OrganizationLexicon((), (), (), (), party_names=(("Bộ Chỉ huy Quân sự", "Quân sự"),))
            >>> [lexicon.unit_of_party(n) for n in ("Đảng ủy Quân khu 4", "Đảng ủy Quân sự tỉnh Lâm Đồng",
            ...                                      "Đảng ủy xã Mỹ Lý")]
            ['Quân khu 4', 'Bộ Chỉ huy Quân sự tỉnh Lâm Đồng', None]
        """
        rest = organization.removeprefix(PARTY_COMMITTEE + " ")
        if rest == organization or not rest[:1].isupper():
            return None
        for body, party in self.party_names:
            if rest.startswith(party + " "):
                return body + rest[len(party):]
        return rest

    def as_command(self, organization: str) -> str | None:
        """The command of a force of ``forces_named_only`` a unit is written by (``Bộ đội Biên phòng tỉnh Đắk Lắk``
        → ``Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đắk Lắk``), or None: the name is no such force's.

            >>> lexicon = OrganizationLexicon((), (), (), (), command_forces=(
            ...     ("Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng"), ("Bộ Tư lệnh Vùng", "Vùng")),
            ...     forces_named_only=frozenset({"Bộ đội Biên phòng"}))
            >>> lexicon.as_command("Bộ đội Biên phòng tỉnh Đắk Lắk")
            'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đắk Lắk'
            >>> lexicon.as_command("Vùng Cảnh sát biển 2") is None
            True
        """
        for command, force in self.command_forces:
            if force in self.forces_named_only and (organization == force or organization.startswith(force + " ")):
                return command + organization[len(force):]
        return None

    def as_force(self, organization: str, named: Container[str] | None = None) -> str:
        """The force a command's name stands for as the unit of a sub-unit or of a person (``Bộ Chỉ huy Bộ đội Biên
        phòng tỉnh Đắk Lắk`` → ``Bộ đội Biên phòng tỉnh Đắk Lắk``); any other name as it is. Given the names a
        document ``named``, a force of ``forces_named_only`` the document never names keeps the command's name.

            >>> lexicon = OrganizationLexicon((), (), (), (), command_forces=(
            ...     ("Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng"), ("Bộ Tư lệnh Vùng", "Vùng")),
            ...     forces_named_only=frozenset({"Bộ đội Biên phòng"}))
            >>> lexicon.as_force("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai", named={"Bộ đội Biên phòng tỉnh Gia Lai"})
            'Bộ đội Biên phòng tỉnh Gia Lai'
            >>> lexicon.as_force("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai", named=set())
            'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai'
            >>> lexicon.as_force("Bộ Tư lệnh Vùng Cảnh sát biển 2", named=set())
            'Vùng Cảnh sát biển 2'
        """
        for command, force in self.command_forces:
            if organization == command or organization.startswith(command + " "):
                unit = force + organization[len(command):]
                if named is not None and force in self.forces_named_only and unit not in named:
                    return organization
                return unit
        return organization


def _name_lists(path: Path, data: dict, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A mapping of names to lists of names under ``key`` (``service_ranks``), checked."""
    lists = data.get(key) or {}
    if not isinstance(lists, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in lists.items()):
        raise LexiconError(f"{path}: '{key}' must map a name to a list of names")
    return tuple((nfc(name), tuple(nfc(x) for x in values)) for name, values in lists.items())


def _name_pairs(path: Path, data: dict, key: str) -> tuple[tuple[str, str], ...]:
    """A mapping of names to names under ``key`` (``command_forces``, ``party_names``), checked."""
    pairs = data.get(key) or {}
    if not isinstance(pairs, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in pairs.items()):
        raise LexiconError(f"{path}: '{key}' must map a body's name to a name")
    return tuple((nfc(name), nfc(other)) for name, other in pairs.items())


@dataclass(frozen=True)
class Acronym:
    expansion: str
    org: bool


@dataclass(frozen=True)
class AcronymLexicon:
    acronyms: dict[str, Acronym]

    @classmethod
    def load(cls, path: Path) -> AcronymLexicon:
        data = _load(path, ("acronyms",))
        acronyms = {}
        for key, entry in (data["acronyms"] or {}).items():
            if not isinstance(entry, dict) or not isinstance(entry.get("expansion"), str):
                raise LexiconError(f"{path}: acronyms.{key} needs an 'expansion' string")
            acronyms[nfc(key)] = Acronym(nfc(entry["expansion"]), bool(entry.get("org", False)))
        return cls(acronyms)


@dataclass(frozen=True)
class PeopleLexicon:
    surnames: frozenset[str]
    honorifics: tuple[str, ...]
    known_people: tuple[str, ...]
    cues: tuple[str, ...] = ()
    middle_names: frozenset[str] = frozenset()
    credits: tuple[str, ...] = ()
    between_rank_and_name: frozenset[tuple[str, ...]] = frozenset()
    foreign_titles: frozenset[str] = frozenset()
    birth_year_cues: frozenset[tuple[str, ...]] = frozenset()
    residence_cues: frozenset[tuple[str, ...]] = frozenset()
    award_words: frozenset[tuple[str, ...]] = frozenset()
    nationality_cues: frozenset[tuple[str, ...]] = frozenset()
    foreign_nationals: frozenset[tuple[str, ...]] = frozenset()
    # kin written before a given name that refers back ("Vợ Tài là …"): capitalised at a sentence's start, no name's
    kin_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> PeopleLexicon:
        data = _load(path, ("surnames",))
        return cls(frozenset(_strings(path, data, "surnames")), tuple(_strings(path, data, "honorifics")),
                   tuple(_strings(path, data, "known_people")), tuple(_strings(path, data, "cues")),
                   frozenset(_strings(path, data, "middle_names")), tuple(_strings(path, data, "credits")),
                   frozenset(tuple(w.lower().replace(".", " . ").split())  # "PGS.TS" is three tokens
                             for w in _strings(path, data, "between_rank_and_name")),
                   frozenset(_strings(path, data, "foreign_titles")),
                   frozenset(tuple(w.lower().split()) for w in _strings(path, data, "birth_year_cues")),
                   frozenset(tuple(w.lower().split()) for w in _strings(path, data, "residence_cues")),
                   frozenset(tuple(w.lower().split()) for w in _strings(path, data, "award_words")),
                   frozenset(tuple(w.lower().split()) for w in _strings(path, data, "nationality_cues")),
                   frozenset(tuple(w.lower().split()) for w in _strings(path, data, "foreign_nationals")),
                   frozenset(w.lower() for w in _strings(path, data, "kin_words")))


@dataclass(frozen=True)
class RelationLexicon:
    """The words that tie a person to a role (``configs/lexicons/relations.yaml``), each as lower-case words."""

    links: frozenset[tuple[str, ...]]
    former: frozenset[tuple[str, ...]]
    current: frozenset[tuple[str, ...]]
    respectively: frozenset[tuple[str, ...]]
    promotions: frozenset[tuple[str, ...]]
    plural_units: frozenset[str]
    members: frozenset[tuple[str, ...]] = frozenset()
    former_openers: frozenset[tuple[str, ...]] = frozenset()
    list_words: frozenset[str] = frozenset()
    max_link_words: int = 8
    sides: frozenset[tuple[str, ...]] = frozenset()
    on_behalf_of: frozenset[tuple[str, ...]] = frozenset()
    anaphors: frozenset[tuple[str, ...]] = frozenset()
    settings: frozenset[tuple[str, ...]] = frozenset()
    # a title that names no unit word → the heads of the bodies it is held in ("Giám đốc" → "Công an tỉnh", "Sở")
    title_bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    secondary_roles: frozenset[str] = frozenset()
    past_in_link: frozenset[tuple[str, ...]] = frozenset()
    # verbs that give the people of a list after them a plural title ("bổ nhiệm 3 Phó Giám đốc Công an tỉnh, gồm: …")
    appointing: frozenset[tuple[str, ...]] = frozenset()
    # verbs before a post and "đối với" a person who leaves it ("miễn nhiệm chức vụ Chủ tịch UBND tỉnh đối với ông A")
    relieving: frozenset[tuple[str, ...]] = frozenset()
    # words after a title that make it the head of an ad-hoc board, a secondary role ("Trưởng ban chuyên án")
    ad_hoc_boards: frozenset[tuple[str, ...]] = frozenset()
    # words between a post and the person it goes to ("Vị trí Tham mưu trưởng … được giao cho Đại tá A")
    given_to: frozenset[tuple[str, ...]] = frozenset()
    # what a title may be held on instead of a body: a vessel ("Thuyền trưởng tàu ấy, Thiếu tá A", "Thuyền trưởng tàu
    # cá là ông B")
    vessels: frozenset[tuple[str, ...]] = frozenset()
    # a body's leading board, whose members' titles are held in the body ("Ban Giám đốc Công an tỉnh X gồm: A, Giám
    # đốc; B, Phó Giám đốc")
    boards: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> RelationLexicon:
        data = _load(path, ("links", "former", "respectively", "promotions"))

        def phrases(key: str) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(p.lower().split()) for p in _strings(path, data, key))

        limit = data.get("max_link_words", 8)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise LexiconError(f"{path}: 'max_link_words' must be a positive integer, not {limit!r}")
        bodies = data.get("title_bodies") or {}
        if not isinstance(bodies, dict) or not all(
                isinstance(title, str) and isinstance(heads, list) and all(isinstance(h, str) for h in heads)
                for title, heads in bodies.items()):
            raise LexiconError(f"{path}: 'title_bodies' must map a title to a list of organization heads")
        return cls(phrases("links"), phrases("former"), phrases("current"), phrases("respectively"),
                   phrases("promotions"), frozenset(w.lower() for w in _strings(path, data, "plural_units")),
                   phrases("members"), phrases("former_openers"),
                   frozenset(w.lower() for w in _strings(path, data, "list_words")), limit, phrases("sides"),
                   phrases("on_behalf_of"), phrases("anaphors"), phrases("settings"),
                   {nfc(title): tuple(nfc(h) for h in heads) for title, heads in bodies.items()},
                   frozenset(nfc(m) for m in _strings(path, data, "secondary_roles")), phrases("past_in_link"),
                   phrases("appointing"), phrases("relieving"), phrases("ad_hoc_boards"), phrases("given_to"),
                   phrases("vessels"), tuple(nfc(board) for board in _strings(path, data, "boards")))


@dataclass(frozen=True)
class Place:
    """A named place: ``normalized`` is its official name with its unit word."""

    name: str
    normalized: str
    level: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PlaceLexicon:
    """Places beyond the official registry (countries, gates, islands …) and the heads of commune-named bodies."""

    places: tuple[Place, ...]
    commune_named_bodies: tuple[str, ...] = ()
    not_a_place_after: tuple[str, ...] = ()
    street_words: tuple[str, ...] = ()
    # a name → the syllables after it that make it a common word ("Pháp luật", "Anh hùng")
    words_opened: dict[str, frozenset[str]] = field(default_factory=dict)
    # heads of bodies named after the district they sat in ("Huyện ủy Mường Tè")
    district_named_bodies: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> PlaceLexicon:
        data = _load(path, ())
        places: list[Place] = []

        def entries(key: str) -> list[Any]:
            value = data.get(key) or []
            if not isinstance(value, list):
                raise LexiconError(f"{path}: '{key}' must be a list")
            return value

        try:
            for p in entries("former_names"):
                places.append(Place(nfc(p["name"]), f"{nfc(p['unit'])} {nfc(p['name'])}", "former_province",
                                    {"successor": nfc(p["successor"])}))
            for name in entries("countries"):
                places.append(Place(nfc(name), nfc(name), "country"))
            for p in entries("foreign_regions"):
                # a city the press names alone ("Bangkok") has no unit word: its value is its name
                value = f"{nfc(p['unit'])} {nfc(p['name'])}" if p.get("unit") else nfc(p["name"])
                places.append(Place(nfc(p["name"]), value, "foreign_region", {"country": nfc(p["country"])}))
            for p in entries("border_gates"):
                kind = nfc(p.get("kind") or "")
                prefix = "cửa khẩu quốc tế" if kind == "quốc tế" else "cửa khẩu"
                places.append(Place(nfc(p["name"]), f"{prefix} {nfc(p['name'])}", "border_gate"))
            for island in entries("islands"):
                # an archipelago is named with its unit word: quần đảo Trường Sa
                name, unit = (island, None) if isinstance(island, str) else (island["name"], island.get("unit"))
                places.append(Place(nfc(name), f"{nfc(unit)} {nfc(name)}" if unit else nfc(name), "island"))
            for name in entries("seas"):
                places.append(Place(nfc(name), nfc(name), "sea"))
            for name in entries("rivers"):
                places.append(Place(nfc(name), nfc(name), "river"))
            bodies = tuple(nfc(head) for head in entries("commune_named_bodies"))
            not_after = tuple(nfc(words) for words in entries("not_a_place_after"))
            streets = tuple(nfc(word) for word in entries("street_words"))
            opened = data.get("words_opened_by_names") or {}
            if not isinstance(opened, dict) or not all(isinstance(v, list) for v in opened.values()):
                raise LexiconError(f"{path}: 'words_opened_by_names' must map a name to a list of syllables")
            words_opened = {nfc(name): frozenset(nfc(w).lower() for w in after) for name, after in opened.items()}
        except (KeyError, TypeError) as exc:
            raise LexiconError(f"{path}: an entry lacks a required field: {exc}") from None
        return cls(tuple(places), bodies, not_after, streets, words_opened,
                   tuple(nfc(head) for head in entries("district_named_bodies")))


@dataclass(frozen=True)
class Lexicons:
    """All lexicons of a config, loaded once per process."""

    ranks: RankLexicon
    positions: PositionLexicon
    organizations: OrganizationLexicon
    acronyms: AcronymLexicon
    people: PeopleLexicon
    places: PlaceLexicon
    relations: RelationLexicon

    @classmethod
    def load(cls, paths: dict[str, str]) -> Lexicons:
        return cls(
            ranks=RankLexicon.load(Path(paths["ranks"])),
            positions=PositionLexicon.load(Path(paths["positions"])),
            organizations=OrganizationLexicon.load(Path(paths["organizations"])),
            acronyms=AcronymLexicon.load(Path(paths["acronyms"])),
            people=PeopleLexicon.load(Path(paths["people"])),
            places=PlaceLexicon.load(Path(paths["places"])),
            relations=RelationLexicon.load(Path(paths["relations"])),
        )

"""Corpus-wide people and organizations: which person records of different documents are one person.

Every person record of the people table gets an ``entity_id``, the person it
belongs to across the corpus, and the ``entities`` table describes each
person (names, documents, dates, a timeline of rank, position and
organization) and each organization. The rules are pure functions here; their
data is ``configs/lexicons/identity.yaml`` (points, thresholds, local bodies)
with the surnames, ranks and organization heads of the other lexicons:

- only full names are compared (:func:`comparable`): a given name alone or
  initials stay a person of their own document;
- records of one name are one person when no veto holds (one document, a rank
  that goes down over document dates) and their evidence adds up
  (:func:`compare`): a shared organization of their roles, a related one, a
  shared position, other people the two documents both name;
- the records of one name are clustered (:func:`cluster`): pairs with enough
  evidence join, strongest first, never two clusters with a veto between them
  nor two entities of an earlier run;
- an organization is its body in the registry of official bodies, else its
  normalized name with the registry code of its place below the province
  (:func:`add_organization_ids`), set on ORG mentions that name one
  organization.

:func:`add_entities` computes all of it where a run commits its tables, from
the finished Parquet files, with DuckDB (bounded memory, spilling to disk)
and one name block at a time in Python, so memory does not grow with the
corpus; it reuses the assignments of the run already in the output directory
for unchanged documents, so ids stay stable when a corpus grows.

    >>> rules = IdentityRules.from_config(load_config())
    >>> a = profile("a.txt", "p1", "Hoàng Văn Kiên", "2025-09-18", [],
    ...             {"rank": "Đại tá", "position": "Chỉ huy trưởng", "organization": "Bộ đội Biên phòng tỉnh Lạng Sơn"},
    ...             {}, rules)
    >>> b = profile("b.txt", "p4", "Hoàng Văn Kiên", "2026-05-20", [],
    ...             {"rank": "Thiếu tướng", "position": "Phó Tư lệnh", "organization": "Bộ đội Biên phòng"}, {}, rules)
    >>> compare(a, b, rules).reasons, compare(a, b, rules).same
    (('related organizations',), True)
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from itertools import accumulate, chain
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from .commit import ENTITIES_JSONL, PART_GLOB, Staging, hidden_parquet
from .config import Config
from .lexicons import (AcronymLexicon, LexiconError, OrganizationLexicon, PeopleLexicon, RankLexicon, _load, _strings,
                       nfc)
from .model import DocumentResult, Mention
from .registry import UNIT_WORDS, name_key
from .schema import TABLES, arrow_schema, rows_to_arrow, to_arrow
from .write import TableWriter, append_csv

PERSON, ORG = "PERSON", "ORG"
# place levels whose names repeat across the country: their registry code tells two bodies of one name apart
LOCAL_LEVELS = frozenset({"commune", "ward", "special_zone", "township", "district", "village", "border_gate"})
ROMAN = re.compile(r"\b[IVXLC]+\b")
# rows fetched from DuckDB at a time, and rows per Parquet row group written here: an entities row holds a person's
# whole timeline, and with 4,096 such rows in a batch (and their JSON for Arrow) a run's peak grew with the corpus
BATCH_ROWS = 1024
# bounded, so memory does not grow with the corpus: DuckDB spills sorts and joins to disk beyond it; the order of
# rows is always asked for explicitly, which lets DuckDB stream what it would otherwise hold to keep it
DUCKDB_SETTINGS = {"memory_limit": "128MB", "threads": 1, "preserve_insertion_order": False,
                   # a partitioned write buffers this many rows of a partition, not the default half million
                   "partitioned_write_flush_threshold": BATCH_ROWS}
JSON_COLUMNS = ("aliases", "ambiguous_with", "timeline")
# the prefix of a byline's name key: reporters are compared with reporters only
BYLINE_KEY = "~"
# person records sorted at a time: the names are taken in partitions (by a hash of the name, so all the records of a
# name are in one) of about this many records each, and the sort no longer holds every record of the corpus: at
# 10,000 documents (27,743 records, 105,005 rows with their companions) the clustering's peak was 30 MB lower
RECORDS_PER_SORT = 8192
# rows sorted at a time where a table is written in the order of its entity ids or of the people table: the rows are
# taken in ranges of ids (hex digests, so ranges of their first digits hold about as many rows each) or of places,
# and no sort holds every row of the corpus (DuckDB's sorts took memory beyond memory_limit, growing with the rows)
ROWS_PER_SORT = 65536
# with more than one core, the name partitions are clustered by as many processes from this many records on (below
# it, starting a process costs more than it saves: clustering 5,200 records takes half a second)
RECORDS_PER_PROCESS = 2048


# --- the rules' data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdentityRules:
    """What the identity rules read: surnames, rank orders, organization heads, points and thresholds."""

    surnames: frozenset[str]
    ranks: dict[str, int]
    heads: tuple[str, ...]
    national: frozenset[str]
    local_bodies: frozenset[str]
    points: dict[str, int]
    merge_at: int = 2
    context: tuple[float, float] = (1.0, 2.0)
    ambiguous_limit: int = 20
    # a command and the force it commands, as keys (``bộ chỉ huy bộ đội biên phòng``, ``bộ đội biên phòng``): one
    # body to compare, however a document names it (``forces_named_only`` of the organizations lexicon)
    same_bodies: tuple[tuple[str, str], ...] = ()
    # a body's key → the key of the body that commands it and that its name does not write (``commanded_by`` of
    # identity.yaml: a province's military command → its military region)
    commanded_by: dict[str, str] = field(default_factory=dict)
    # organization_specific's answers: organizations repeat across records
    specific_cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_config(cls, config: Config) -> IdentityRules:
        # imported here: the registry module imports spaCy, which the pipeline imports first its own way
        from .org_registry import OrgRegistry

        path = config.lexicon_path("identity")
        data = _load(path, ("merge_at", "points", "context", "ambiguous_limit", "local_bodies"))
        points = data["points"]
        wanted = ("shared_organization", "shared_generic_organization", "related_organizations", "same_position",
                  "same_office", "same_birth_year", "same_residence", "transfer")
        if not isinstance(points, dict) or any(not isinstance(points.get(k), int) for k in wanted):
            raise LexiconError(f"{path}: points needs integers {', '.join(wanted)}")
        context = data["context"]
        if not isinstance(context, dict) or any(not isinstance(context.get(k), (int, float))
                                                for k in ("one_point", "two_points")):
            raise LexiconError(f"{path}: context needs numbers one_point and two_points")
        for key in ("merge_at", "ambiguous_limit"):
            if not isinstance(data[key], int) or data[key] < 1:
                raise LexiconError(f"{path}: {key} must be a positive integer")
        if not isinstance(data["local_bodies"], list) or not all(isinstance(v, str) for v in data["local_bodies"]):
            raise LexiconError(f"{path}: 'local_bodies' must be a list of strings")
        people = PeopleLexicon.load(config.lexicon_path("people"))
        ranks = RankLexicon.load(config.lexicon_path("ranks"))
        organizations = OrganizationLexicon.load(config.lexicon_path("organizations"))
        acronyms = AcronymLexicon.load(config.lexicon_path("acronyms"))
        registry = OrgRegistry.load(config.lexicon_path("org_registry"))
        local = frozenset(org_key(nfc(v)) for v in data["local_bodies"])
        national = ({org_key(name) for name in organizations.standalone}
                    | {org_key(a.expansion) for a in acronyms.acronyms.values() if a.org}
                    | {org_key(name) for b in registry.bodies.values() for name in (b.name, *b.variants)})
        return cls(
            surnames=frozenset(person_key(s) for s in (*people.surnames, *_strings(path, data, "foreign_surnames"))),
            ranks={person_key(name): rank.order for rank in ranks.ranks for name in (rank.name, *rank.variants)},
            heads=tuple(sorted({org_key(h) for h in organizations.heads}, key=lambda h: (-len(h), h))),
            national=frozenset(national - local),
            local_bodies=local,
            points={k: points[k] for k in wanted},
            merge_at=data["merge_at"],
            context=(float(context["one_point"]), float(context["two_points"])),
            ambiguous_limit=data["ambiguous_limit"],
            same_bodies=tuple((org_key(command), org_key(force)) for command, force in organizations.command_forces
                              if force in organizations.forces_named_only),
            commanded_by={**_registry_parents(registry), **_commanded_by(path, data)},
        )

    def body_key(self, organization: str) -> str:
        """An organization's key with a command named as its force: ``Phòng Tham mưu Bộ Chỉ huy BĐBP tỉnh Lạng
        Sơn`` and ``Phòng Tham mưu Bộ đội Biên phòng tỉnh Lạng Sơn`` are one department.

        >>> rules = IdentityRules.from_config(load_config())
        >>> rules.body_key("Phòng Tham mưu Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn") == rules.body_key(
        ...     "Phòng Tham mưu Bộ đội Biên phòng tỉnh Lạng Sơn") != rules.body_key("Phòng Tham mưu Công an tỉnh Lạng Sơn")
        True
        """
        key = f" {org_key(organization)} "
        for command, force in self.same_bodies:
            key = key.replace(f" {command} ", f" {force} ")
        return key.strip()


# --- names and organizations -------------------------------------------------------------------------


def person_key(name: str) -> str:
    """A person's name as compared across documents: case, spacing and tone placement ignored.

    >>> person_key("Nguyễn  Văn Hoà") == person_key("nguyễn văn hòa")
    True
    """
    return name_key(unicodedata.normalize("NFC", name))


# the word that makes a title its deputy's ("Phó Chỉ huy trưởng"), as positions are compared
DEPUTY = person_key("Phó")


def is_initials(name: str) -> bool:
    """A name written with initials: a dot in it, or a last word of one letter (``N.V.T.``, ``Nguyễn Văn T``).

    >>> [is_initials(n) for n in ("N.V.T.", "Nguyễn Văn T", "Lý A Páo", "Y Khuê Niê")]
    [True, True, False, False]
    """
    words = name.split()
    return "." in name or not words or len(words[-1]) == 1


def comparable(name: str, rules: IdentityRules) -> bool:
    """Whether records of this name may be merged across documents: a full name, not a given name or initials.

    A full name has two or more words, the first a surname, or three or more
    (a foreign name written in full: ``Khăm Phăn Xi Sổm Phôn``).

    >>> rules = IdentityRules.from_config(load_config())
    >>> [comparable(n, rules) for n in ("Hoàng Hưng", "Ngọc Hân", "Hùng", "N.V.T.", "Xay Xổm Phon Phôm Vi Hản")]
    [True, False, False, False, True]
    """
    if is_initials(name):
        return False
    words = person_key(name).split()
    return len(words) >= 3 or (len(words) == 2 and words[0] in rules.surnames)


# the bodies above which a parent says nothing of two namesakes: every officer serves the Ministry
TOO_WIDE_PARENTS = frozenset({"party", "legislature", "government", "ministry", "people_committee", "front"})


def _registry_parents(registry: Any) -> dict[str, str]:
    """The registry's bodies by key → the key of the body they belong to, where that body is narrower than a
    ministry (``Vùng 1 Hải quân`` → ``Quân chủng Hải quân``, ``Cục Cảnh sát hình sự`` → none)."""
    parents = {}
    for body in registry.bodies.values():
        parent = registry.bodies.get(body.parent) if body.parent else None
        if parent is not None and parent.kind not in TOO_WIDE_PARENTS:
            for name in (body.name, *body.variants):
                parents[org_key(nfc(name))] = org_key(nfc(parent.name))
    return parents


def _commanded_by(path: Path, data: dict[str, Any]) -> dict[str, str]:
    """``commanded_by`` of identity.yaml (commander → the places whose ``bodies`` it commands) as body key → commander
    key."""
    spec = data.get("commanded_by")
    if spec is None:
        return {}
    commanders = spec.get("commanders") if isinstance(spec, dict) else None
    bodies = spec.get("bodies") if isinstance(spec, dict) else None
    if (not isinstance(commanders, dict) or not isinstance(bodies, list)
            or not all(isinstance(b, str) for b in bodies)
            or not all(isinstance(c, str) and isinstance(places, list) and all(isinstance(p, str) for p in places)
                       for c, places in commanders.items())):
        raise LexiconError(f"{path}: 'commanded_by' needs 'bodies' (a list of names) and 'commanders' (a name → a "
                           "list of places)")
    return {org_key(nfc(f"{body} {place}")): org_key(nfc(commander))
            for commander, places in commanders.items() for place in places for body in bodies}


@functools.lru_cache(maxsize=1 << 16)
def org_key(organization: str) -> str:
    """An organization's name as compared: case, punctuation, spacing and tone placement ignored.

    >>> org_key("Cục Phòng, chống ma túy") == org_key("cục phòng  chống ma tuý")
    True
    """
    text = unicodedata.normalize("NFC", organization)
    return name_key("".join(" " if unicodedata.category(c).startswith("P") else c for c in text))


_UNITS = tuple(name_key(u) for u in UNIT_WORDS)


def organization_specific(organization: str, rules: IdentityRules) -> bool:
    """Whether a name names one organization, not a kind of unit every place or division has.

    It does with a number (``Sư đoàn 395``, ``Tổng cục II``), a place after a
    unit word (``Công an xã Mỹ Lý``), two capitalised words after its head
    (``Đồn Biên phòng Phước Chỉ``), or as a body of the whole country
    (``Bộ Quốc phòng``, ``Bộ đội Biên phòng``). ``Tiểu đoàn Trinh sát``,
    ``Phòng Quản lý`` and ``Tỉnh ủy`` alone do not.

    >>> rules = IdentityRules.from_config(load_config())
    >>> [organization_specific(o, rules) for o in ("Sư đoàn 395", "Công an xã Mỹ Lý", "Đồn Biên phòng Phước Chỉ",
    ...                                            "Bộ đội Biên phòng", "Tiểu đoàn Trinh sát", "Tỉnh ủy")]
    [True, True, True, True, False, False]
    """
    known = rules.specific_cache.get(organization)
    if known is None:
        known = rules.specific_cache[organization] = _names_one_organization(organization, rules)
    return known


def _names_one_organization(organization: str, rules: IdentityRules) -> bool:
    if any(c.isdigit() for c in organization) or ROMAN.search(organization):
        return True
    key = org_key(organization)
    if key in rules.national:
        return True
    written = organization.split()
    words = key.split()
    for i in range(len(words) - 1):
        for unit in _UNITS:
            size = len(unit.split())
            # a unit word followed by a place's name: "tỉnh Nghệ An", not "Tỉnh ủy"
            if (" ".join(words[i:i + size]) == unit and i + size < len(words)
                    and written[i + size][:1].isupper()):
                return True
    head = next((h for h in rules.heads if key == h or key.startswith(h + " ")), None)
    rest = written[len(head.split()) if head else 1:]
    return sum(word[:1].isupper() for word in rest) >= 2


def organizations_related(a: str, b: str) -> bool:
    """Whether one organization's name (a key) begins or ends the other's, whole words: a unit and its parent.

    >>> organizations_related(org_key("Bộ đội Biên phòng"), org_key("Bộ đội Biên phòng tỉnh Lạng Sơn"))
    True
    >>> organizations_related(org_key("Công an tỉnh Nghệ An"), org_key("Ủy ban nhân dân tỉnh Nghệ An"))
    False
    """
    if a == b:
        return False
    short, long = sorted((a, b), key=len)
    return long.startswith(short + " ") or long.endswith(" " + short)


# --- person records as the rules see them --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    """One person record, as compared: its name key, document date, rank order and what its roles name.

    ``organizations`` are keys of every organization of the record's roles
    (former ones included), ``specific`` those naming one organization;
    ``positions`` are (position key, organization key or None) pairs;
    ``offices`` (position key, place key) pairs of titles held in a place the
    text names instead of a body (``Phó Tỉnh trưởng tỉnh Hủa Phăn``);
    ``companions`` the other full names of its document with the number of
    documents naming each; ``previous`` the entity of the record in the run
    already in the output directory.
    """

    doc_id: str
    person_id: str
    key: str
    date: str | None = None
    rank: int | None = None
    organizations: frozenset[str] = frozenset()
    specific: frozenset[str] = frozenset()
    positions: frozenset[tuple[str, str | None]] = frozenset()
    offices: frozenset[tuple[str, str]] = frozenset()
    companions: dict[str, int] = field(default_factory=dict)
    previous: str | None = None
    birth_year: int | None = None
    residence: str | None = None
    byline: bool = False
    # the bodies its specific organizations are commanded by that their names do not write (a province's military
    # command's military region: ``quân khu 4`` for ``bộ chỉ huy quân sự tỉnh nghệ an``)
    parents: frozenset[str] = frozenset()

    @property
    def parts(self) -> frozenset[str]:
        """Whole-word beginnings and ends of its specific organizations' names, and ``parents``: the names of their
        parents."""
        return _parts(self.specific, self.parents)


# records of one name name the same organizations again and again: their parts are computed once for each set of
# organizations and shared (kept on each record, they took 6.9 MB of the 26 MB that clustering the 6,233 records of
# the commonest name of 500,000 records held at its peak)
@functools.lru_cache(maxsize=1 << 12)
def _parts(specific: frozenset[str], parents: frozenset[str] = frozenset()) -> frozenset[str]:
    found = set(parents)
    for org in specific:
        words = org.split()
        for cut in range(1, len(words)):
            found.update((" ".join(words[:cut]), " ".join(words[cut:])))
    return frozenset(found)


def profile(doc_id: str, person_id: str, name: str, date: str | None, roles: Sequence[dict[str, Any]],
            final: dict[str, str | None], companions: dict[str, int], rules: IdentityRules,
            previous: str | None = None, birth_year: int | None = None, residence: str | None = None,
            byline: bool = False) -> Profile:
    """A person record's Profile from its final rank, position and organization and its ``roles``.

    ``birth_year`` and ``residence`` are the record's own (``SN 1978, trú tại
    phường Sầm Sơn``); ``byline`` marks the name of the document's author.

    >>> rules = IdentityRules.from_config(load_config())
    >>> p = profile("a.txt", "p1", "Lê Quang Thuận", "2026-04-22",
    ...             [{"rank": "Thiếu tướng", "position": "Phó Tư lệnh", "organization": "Quân khu 3"}],
    ...             {"rank": "Thiếu tướng", "position": "Phó Tư lệnh", "organization": "Quân khu 3"}, {}, rules)
    >>> p.rank, sorted(p.specific)
    (14, ['quân khu 3'])
    """
    organizations: set[str] = set()
    specific: set[str] = set()
    positions: set[tuple[str, str | None]] = set()
    offices: set[tuple[str, str]] = set()
    for role in [*roles, final]:
        organization = role.get("organization")
        key = rules.body_key(organization) if organization else None
        if key:
            organizations.add(key)
            if organization_specific(organization, rules):
                specific.add(key)
        if role.get("position"):
            positions.add((person_key(role["position"]), key))
            if not key and role.get("place"):
                offices.add((person_key(role["position"]), person_key(role["place"])))
    rank = final.get("rank")
    return Profile(doc_id, person_id, person_key(name), date, rules.ranks.get(person_key(rank)) if rank else None,
                   frozenset(organizations), frozenset(specific), frozenset(positions), frozenset(offices), companions,
                   previous, birth_year, person_key(residence) if residence else None, byline,
                   frozenset(rules.commanded_by[key] for key in specific if key in rules.commanded_by))


@dataclass(frozen=True)
class Verdict:
    """What the rules say of two records of one name: evidence points, a veto, and why."""

    score: int
    veto: str | None
    unrelated_units: bool
    reasons: tuple[str, ...]
    merge_at: int

    @property
    def same(self) -> bool:
        # two unrelated units are two people whatever else agrees: colleagues named in both documents or one
        # title held in both link the documents, not the units (a third record naming both units can)
        return self.veto is None and not self.unrelated_units and self.score >= self.merge_at

    @property
    def ambiguous(self) -> bool:
        """Some evidence, too little to decide: no veto, not unrelated units, fewer points than ``merge_at``."""
        return self.veto is None and not self.unrelated_units and 0 < self.score < self.merge_at


def rank_veto(a: Profile, b: Profile) -> str | None:
    """A rank that goes down from the earlier document to the later one, or two ranks on one date.

    >>> rank_veto(Profile("a", "p1", "k", "2026-02-11", 15), Profile("b", "p2", "k", "2026-05-20", 10))
    'rank goes down over document dates'
    >>> rank_veto(Profile("a", "p1", "k", "2025-07-12", 13), Profile("b", "p2", "k", "2026-04-22", 15)) is None
    True
    """
    if a.rank is None or b.rank is None or a.date is None or b.date is None:
        return None
    if a.date == b.date:
        return "two ranks on one date" if a.rank != b.rank else None
    earlier, later = (a, b) if a.date < b.date else (b, a)
    return "rank goes down over document dates" if earlier.rank > later.rank else None


def birth_veto(a: Profile, b: Profile) -> str | None:
    """Two birth years more than a year apart (an age gives the year to within one).

    >>> birth_veto(Profile("a", "p1", "k", birth_year=1978), Profile("b", "p2", "k", birth_year=1991))
    'different birth years'
    >>> birth_veto(Profile("a", "p1", "k", birth_year=1978), Profile("b", "p2", "k", birth_year=1979)) is None
    True
    """
    if a.birth_year is None or b.birth_year is None or abs(a.birth_year - b.birth_year) <= 1:
        return None
    return "different birth years"


def civilian_veto(a: Profile, b: Profile) -> str | None:
    """A civilian a report describes by birth year or home (a suspect, a fisherman), with no rank, post or body, and an
    officer with a rank: two people, whatever else their documents share.

    >>> fisher = Profile("a", "p1", "k", birth_year=2001)
    >>> civilian_veto(fisher, Profile("b", "p2", "k", rank=13))
    'a civilian and an officer'
    >>> civilian_veto(fisher, Profile("b", "p2", "k", birth_year=2001)) is None
    True
    """
    def civilian(p: Profile) -> bool:
        return ((p.birth_year is not None or p.residence is not None) and p.rank is None and not p.positions
                and not p.organizations)
    if (civilian(a) and b.rank is not None) or (civilian(b) and a.rank is not None):
        return "a civilian and an officer"
    return None


def context_strength(a: Profile, b: Profile) -> float:
    """How strongly the two documents name the same other people: 1 / (documents naming it - 1) per shared name.

    >>> context_strength(Profile("a", "p1", "k", companions={"x": 2, "y": 3}),
    ...                  Profile("b", "p2", "k", companions={"x": 2, "y": 3, "z": 9}))
    1.5
    """
    small, large = ((a.companions, b.companions) if len(a.companions) <= len(b.companions)
                    else (b.companions, a.companions))
    # many pairs of a name's records share no other name (a quarter of the benchmark corpus's): one set operation in C
    if small.keys().isdisjoint(large):
        return 0
    return sum(1 / max(df - 1, 1) for key, df in small.items() if key in large)


def compare(a: Profile, b: Profile, rules: IdentityRules) -> Verdict:
    """The rules on two records of one full name (see the module and ``identity.yaml``)."""
    if a.doc_id == b.doc_id:
        return Verdict(0, "one document", False, (), rules.merge_at)
    if a.byline and b.byline:
        # a corpus's bylines are its reporters' pen names: one pen name, one author
        return Verdict(rules.merge_at, None, False, ("one byline",), rules.merge_at)
    veto = rank_veto(a, b) or birth_veto(a, b) or civilian_veto(a, b)
    if veto is not None:
        return Verdict(0, veto, False, (veto,), rules.merge_at)
    points = rules.points
    score = 0
    reasons: list[str] = []
    # what police reports and rescue stories write of civilians, who hold no post to compare
    if a.birth_year is not None and a.birth_year == b.birth_year:
        score += points["same_birth_year"]
        reasons.append("same birth year")
    if a.residence is not None and a.residence == b.residence:
        score += points["same_residence"]
        reasons.append("same residence")
    shared = a.organizations & b.organizations
    related = not shared and bool(a.parts & b.specific or b.parts & a.specific)
    if shared & a.specific:
        score += points["shared_organization"]
        reasons.append("shared organization")
    elif shared:
        score += points["shared_generic_organization"]
        reasons.append("shared generic organization")
    elif related:
        score += points["related_organizations"]
        reasons.append("related organizations")
    elif _bare_body_begins(a, b) or _bare_body_begins(b, a):
        score += points["shared_generic_organization"]
        reasons.append("a body written without its place")
    # one title held in one place the text names instead of a body ("Phó Tỉnh trưởng tỉnh Hủa Phăn", "Tùy viên Quốc
    # phòng Campuchia"): one office, as a shared organization is one unit
    office = bool(a.offices & b.offices)
    if office:
        score += points["same_office"]
        reasons.append("same title in the same place")
    # titles with no organization nor place on either side (two fishing boats' captains): the title is no evidence,
    # and documents naming the same people can only make them ambiguous, never one person
    unplaced = (not a.organizations and not b.organizations and not office and bool(a.positions)
                and bool(b.positions))
    home = a.residence is not None and a.residence == b.residence
    same_position = _same_position(a, b)
    # the same title with no body counts where the same home does ("Thuyền trưởng" of a boat of phường Sầm Sơn)
    if same_position and (not unplaced or home):
        score += points["same_position"]
        reasons.append("same position")
    # a title with no body on one side and another title on the other (a boat's captain, a unit's chief of staff):
    # two documents about one rescue name the same officers, which links the documents, not the two men
    bodiless = any(p.positions and not p.organizations and not p.offices for p in (a, b))
    strength = context_strength(a, b)
    one, two = rules.context
    if strength >= two and not unplaced and not (bodiless and not same_position):
        score += 2
        reasons.append("documents name the same people")
    elif strength >= one:
        score += 1
        reasons.append("documents name some of the same people")
    # a transfer: the same kind of a province's body in another province ("Bộ đội Biên phòng tỉnh Thanh Hóa" / "… tỉnh
    # Nghệ An"), both with a rank (officers, whose careers move so): the step from the deputy's title to the head's
    # is one officer's career; the same title in both is what two colleagues of one name also hold, a hint
    moved = (_career_step_elsewhere(a, b) if not shared and not related and a.rank is not None
             and b.rank is not None else None)
    if moved == "step":
        score += points["transfer"]
        reasons.append("the deputy's post, then the head's in the same kind of body elsewhere")
    elif moved == "same":
        score += points["same_position"]
        reasons.append("the same post in the same kind of body elsewhere")
    unrelated = bool(a.specific and b.specific and not shared and not related and not moved)
    return Verdict(score, None, unrelated, tuple(reasons), rules.merge_at)


# a province's unit word with a place after it: where the kind of a province's body ends ("bộ đội biên phòng |
# tỉnh nghệ an"); officers move between provinces, and a commune's bodies are too many for one title to tell
_PROVINCE_PLACED = re.compile(r" (?:" + "|".join(re.escape(name_key(u)) for u in ("thành phố", "tỉnh")) + r") \S")


# the records of a name repeat their organizations, and each pair of officers compared asks for both kinds again
@functools.lru_cache(maxsize=1 << 12)
def body_kind(organization: str) -> str | None:
    """The kind of a province's body, its name up to the unit word of its province (keys): ``bộ đội biên phòng`` of
    ``bộ đội biên phòng tỉnh nghệ an``; None for a body of no province (``công an xã lao bảo``)."""
    found = _PROVINCE_PLACED.search(organization)
    if found is None or any(f" {unit} " in f" {organization[:found.start()]} " for unit in _UNITS):
        return None  # "công an xã lao bảo tỉnh quảng trị": a commune's, named with its province
    return organization[:found.start()]


def _career_step_elsewhere(a: Profile, b: Profile) -> str | None:
    """In a province's body of one kind and another province, the later record's title: ``step`` when the
    earlier's deputy title leads to it (``phó chỉ huy trưởng`` → ``chỉ huy trưởng``), ``same`` when it is the
    earlier's title, else None; in the order of the documents' dates."""
    earlier, later = (a, b) if (a.date or "") <= (b.date or "") else (b, a)
    found = None
    for before, org_before in earlier.positions:
        kind = body_kind(org_before) if org_before else None
        if kind is None:
            continue
        for after, org_after in later.positions:
            if not org_after or org_after == org_before or body_kind(org_after) != kind:
                continue
            if before == f"{DEPUTY} {after}":
                return "step"
            if after == before:
                found = "same"
    return found


def _bare_body_begins(a: Profile, b: Profile) -> bool:
    """Whether a body of ``a`` written without its place (``Bộ CHQS tỉnh``) begins a body of ``b`` that names one
    (``Bộ Chỉ huy Quân sự tỉnh Ninh Bình``): the same kind of body, maybe the same one."""
    return any(other.startswith(org + " ") for org in a.organizations - a.specific for other in b.specific)


def _same_position(a: Profile, b: Profile) -> bool:
    """One position in both, with the same or related organization, or one of the two left unnamed."""
    for position, org_a in a.positions:
        for other, org_b in b.positions:
            if position == other and (org_a is None or org_b is None or org_a == org_b
                                      or organizations_related(org_a, org_b)):
                return True
    return False


# --- clustering one name's records ---------------------------------------------------------------------


@dataclass
class Block:
    """The records of one name key, clustered: ``cluster[i]`` is the cluster of ``profiles[i]``."""

    profiles: list[Profile]
    cluster: list[int]
    ambiguous: set[tuple[int, int]]


# a feature shared by more records of one name than this pairs each record with the next WINDOW records of it by
# document date (sorted neighbourhood), not with all: one person's many records still chain together, namesakes
# are still told apart at each join, and the work grows with the records, not with their square
ALL_PAIRS_UP_TO = 64
WINDOW = 8
# another name of the documents pairs records only when few documents name it (it weighs 1/(documents - 1)): a
# governor named in every document tells nothing; pairs sharing many such names share an organization as well
TELLING_COMPANION = 5


def candidate_pairs(profiles: list[Profile]) -> set[tuple[int, int]]:
    """The pairs of records that share something the rules count: an organization, one organization's name
    beginning or ending the other's, a position, a kind of body (officers'), another name of their documents. Other
    pairs score nothing.

    >>> a = Profile("a", "p1", "k", organizations=frozenset({"bộ đội biên phòng tỉnh lạng sơn"}),
    ...             specific=frozenset({"bộ đội biên phòng tỉnh lạng sơn"}))
    >>> b = Profile("b", "p1", "k", organizations=frozenset({"bộ đội biên phòng"}), specific=frozenset({"bộ đội biên phòng"}))
    >>> candidate_pairs([a, b, Profile("c", "p1", "k")])
    {(0, 1)}
    """
    order = sorted(range(len(profiles)), key=lambda i: (profiles[i].date or "9999", profiles[i].doc_id,
                                                        profiles[i].person_id))
    rank = {i: position for position, i in enumerate(order)}
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in order:
        p = profiles[i]
        for org in p.organizations:
            index["organization", org].append(i)
        for part in p.parts:
            index["part", part].append(i)
        for position, _ in p.positions:
            index["position", position].append(i)
        if p.rank is not None:
            for kind in {body_kind(org) for org in p.specific} - {None}:
                index["kind", kind].append(i)  # a transfer: one kind of body in another place
        for companion, documents in p.companions.items():
            if documents <= TELLING_COMPANION:
                index["companion", companion].append(i)
        if p.birth_year is not None:
            index["born", str(p.birth_year)].append(i)
        if p.residence is not None:
            index["residence", p.residence].append(i)
        if p.byline:
            index["byline", ""].append(i)
    pairs: set[tuple[int, int]] = set()
    for (kind, value), members in index.items():
        if kind == "part":  # another record's organization is a part of this one's name
            others = index.get(("organization", value), [])
            if not others:
                continue
            members = sorted(set(members) | set(others), key=rank.__getitem__)
            wanted = set(others)
            _pair_up(members, pairs, lambda i, j: (i in wanted) != (j in wanted))
        else:
            _pair_up(members, pairs)
    return pairs


def _pair_up(members: list[int], pairs: set[tuple[int, int]], allowed: Callable[[int, int], bool] | None = None,
             ) -> None:
    """All pairs of a small group; each with its next WINDOW members in a large one (members come by date); only
    those ``allowed`` where given."""
    reach = len(members) if len(members) <= ALL_PAIRS_UP_TO else WINDOW
    for x, i in enumerate(members):
        for j in members[x + 1:x + 1 + reach]:
            if i != j and (allowed is None or allowed(i, j)):
                pairs.add((i, j) if i < j else (j, i))


def cannot_link(a: Profile, b: Profile) -> bool:
    """A veto between two records: one document, ranks that go down over dates, different birth years."""
    return a.doc_id == b.doc_id or rank_veto(a, b) is not None or birth_veto(a, b) is not None


@dataclass
class LinkVeto:
    """What :func:`cannot_link` reads of a group of records: their documents, and one record per distinct
    (date, rank) where both are known (a veto depends on nothing else). Records of one name repeat these, so two
    groups are checked against each other in a few comparisons rather than one per pair of their records.

    >>> a, b = Profile("a", "p1", "k", "2026-01-05", 13), Profile("b", "p1", "k", "2026-03-01", 11)
    >>> LinkVeto.of(a).vetoes(LinkVeto.of(b)), cannot_link(a, b)
    (True, True)
    """

    documents: set[str]
    dated: dict[tuple[str, int], Profile]
    born: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, record: Profile) -> LinkVeto:
        known = record.date is not None and record.rank is not None
        return cls({record.doc_id}, {(record.date, record.rank): record} if known else {},  # type: ignore[dict-item]
                   {record.birth_year} if record.birth_year is not None else set())

    def vetoes(self, other: LinkVeto) -> bool:
        """Whether a record of this group and one of ``other`` cannot be one person."""
        return (not self.documents.isdisjoint(other.documents)
                or any(abs(x - y) > 1 for x in self.born for y in other.born)
                or any(rank_veto(a, b) is not None for a in self.dated.values() for b in other.dated.values()))

    def absorb(self, other: LinkVeto) -> None:
        self.documents |= other.documents
        self.born |= other.born
        for key, record in other.dated.items():
            self.dated.setdefault(key, record)


def cluster(profiles: list[Profile], rules: IdentityRules) -> Block:
    """Cluster the records of one name: evidence joins, strongest first; a veto or two earlier entities never.

    Only :func:`candidate_pairs` are scored. Records of one entity of the
    previous run start together, and two clusters holding different previous
    entities never join, so an id once given is never split nor merged away;
    two clusters join only when no record of one has a veto against a record
    of the other. Pairs with some evidence but too little are returned as
    ``ambiguous`` (cluster pairs that stay apart).
    """
    n = len(profiles)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: dict[int, str | None] = {i: p.previous for i, p in enumerate(profiles)}
    vetoes: dict[int, LinkVeto] = {i: LinkVeto.of(p) for i, p in enumerate(profiles)}

    def join(i: int, j: int) -> None:
        ri, rj = sorted((root(i), root(j)))
        parent[rj] = ri
        vetoes[ri].absorb(vetoes.pop(rj))
        other = previous.pop(rj)
        previous[ri] = previous[ri] or other

    first_of: dict[str, int] = {}
    for i, p in enumerate(profiles):
        if p.previous is not None:
            if p.previous in first_of:
                join(first_of[p.previous], i)
            else:
                first_of[p.previous] = i
    candidates: list[tuple[int, int, int]] = []
    undecided: list[tuple[int, int]] = []
    # the records of a name repeat one another (a province's leaders, with the same titles in every story of the
    # province): two records holding what two others hold, in documents that name as many of the same people, get
    # their verdict. Only kinds of more than one record are kept: their pairs can recur, and records that never
    # repeat (each of its own date) take no more memory than before
    kinds: dict[tuple[Any, ...], int] = {}
    kind = [kinds.setdefault(_compared(p), len(kinds)) for p in profiles]
    repeated = {k for k, records in Counter(kind).items() if records > 1}
    verdicts: dict[tuple[Any, ...], Verdict] = {}
    one, two = rules.context
    for i, j in sorted(candidate_pairs(profiles)):
        a, b = profiles[i], profiles[j]
        if kind[i] in repeated and kind[j] in repeated:
            strength = context_strength(a, b)
            seen = (kind[i], kind[j], a.doc_id == b.doc_id, strength >= one, strength >= two, _dates_compared(a, b))
            verdict = verdicts.get(seen)
            if verdict is None:
                verdict = verdicts[seen] = compare(a, b, rules)
        else:
            verdict = compare(a, b, rules)
        if verdict.same:
            candidates.append((-verdict.score, i, j))
        elif verdict.ambiguous:
            undecided.append((i, j))
    for _, i, j in sorted(candidates):
        ri, rj = root(i), root(j)
        if ri == rj or (previous.get(ri) and previous.get(rj)):
            continue
        if vetoes[ri].vetoes(vetoes[rj]):  # no record of one may be the person of a record of the other
            continue
        join(ri, rj)
    ambiguous = {tuple(sorted((root(i), root(j)))) for i, j in undecided if root(i) != root(j)}
    return Block(profiles, [root(i) for i in range(n)], ambiguous)  # type: ignore[arg-type]


def _compared(record: Profile) -> tuple[Any, ...]:
    """All that :func:`compare` reads of a record but its document (it asks whether two records are of one), the
    other names of the document (it only compares their :func:`context_strength` with ``rules.context``) and its date
    (it only asks which of two dates comes first: :func:`_dates_compared`)."""
    return (record.rank, record.organizations, record.specific, record.positions, record.offices,
            record.birth_year, record.residence, record.byline)


def _dates_compared(a: Profile, b: Profile) -> tuple[bool, bool, bool, bool]:
    """All that :func:`compare` reads of two records' dates (``rank_veto``, ``_career_step_elsewhere``): which is
    missing, whether they are one date, which comes first."""
    return a.date is None, b.date is None, a.date == b.date, (a.date or "") < (b.date or "")


def _digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:12]


def block_entities(block: Block, limit: int) -> tuple[list[str], dict[str, list[str]]]:
    """The entity id of each record of a clustered block, and each entity's ambiguous ones (at most ``limit``).

    An entity keeps the id it had in the previous run; a new one is named
    after its name key and its first record (by doc_id and person_id), so
    the same input gives the same ids however it was run.
    """
    ids: dict[int, str] = {}
    taken = {p.previous for p in block.profiles if p.previous}
    clusters: dict[int, list[Profile]] = defaultdict(list)
    for p, index in zip(block.profiles, block.cluster):
        clusters[index].append(p)
    for index, records in sorted(clusters.items()):
        previous = next((p.previous for p in records if p.previous), None)
        if previous is None:
            first = min(records, key=lambda p: (p.doc_id, p.person_id))
            previous = "P" + _digest(first.key, first.doc_id, first.person_id)
            salt = 0
            while previous in taken:  # a record of a changed document once named an entity that lives on
                salt += 1
                previous = "P" + _digest(first.key, first.doc_id, first.person_id, str(salt))
        taken.add(previous)
        ids[index] = previous
    ambiguous: dict[str, set[str]] = defaultdict(set)
    for i, j in block.ambiguous:
        ambiguous[ids[i]].add(ids[j])
        ambiguous[ids[j]].add(ids[i])
    return ([ids[c] for c in block.cluster],
            {entity: sorted(others)[:limit] for entity, others in ambiguous.items()})


# --- organizations -------------------------------------------------------------------------------------


def organization_entity_id(normalized: str, code: str | None, registry_id: str | None = None) -> str:
    """The id of an organization: its registry id where the registry of official bodies knows it, else its name
    key with the registry code of a local place where it has one.

    >>> organization_entity_id("Công an xã Nậm Cắn", "17020") == organization_entity_id("CÔNG AN XÃ NẬM CẮN", "17020")
    True
    >>> organization_entity_id("Quân khu 3", None, "quan-khu-3") == organization_entity_id("Bộ Tư lệnh Quân khu 3",
    ...                                                                                     None, "quan-khu-3")
    True
    """
    if registry_id:
        return "O" + _digest("registry", registry_id)
    return "O" + _digest(org_key(normalized), code or "")


def add_organization_ids(mentions: list[Mention], rules: IdentityRules) -> None:
    """Set ``attrs["entity_id"]`` on the ORG mentions of one document that name one organization.

    One the registry of official bodies identifies (``attrs["registry_id"]``)
    is that body, whatever form it is written in. Another is its name, with
    the code of a PLACE inside its span below the province (names of communes
    repeat across the country; a province's do not). The mentions of one name
    in a document share the registry id or code any of them has, so ``Công an
    xã`` (short) and ``Công an xã Nậm Cắn`` (with its place) agree.
    """
    places = [m for m in mentions if m.type == "PLACE" and m.attrs.get("code")
              and m.attrs.get("level") in LOCAL_LEVELS]
    organizations = [m for m in mentions if m.type == "ORG" and m.normalized
                     and (m.attrs.get("registry_id") or organization_specific(m.normalized, rules))]
    registry_ids: dict[str, str] = {}
    codes: dict[str, str] = {}
    for org in organizations:
        key = org_key(org.normalized or "")
        if org.attrs.get("registry_id"):
            registry_ids.setdefault(key, org.attrs["registry_id"])
        inside = [p for p in places if org.start <= p.start and p.end <= org.end]
        if inside:
            codes.setdefault(key, inside[-1].attrs["code"])
    for org in organizations:
        key = org_key(org.normalized or "")
        org.attrs["entity_id"] = organization_entity_id(org.normalized or "", codes.get(key),
                                                        org.attrs.get("registry_id") or registry_ids.get(key))


# --- the commit step -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StagedTables:
    """Where a committing run's tables are in its staging directory: the Parquet files of documents, mentions and
    people (one file, or a dataset's parts in order), where the entities' Parquet goes, and the CSV and JSON-lines
    files to update when the run writes them."""

    documents: list[Path]
    mentions: list[Path]
    people: list[Path]
    entities: Path
    scratch: Path
    csv_dir: Path | None = None
    jsonl: Path | None = None

    @classmethod
    def find(cls, directory: Path) -> StagedTables:
        def parquet(table: str) -> list[Path]:
            if (directory / table).is_dir():
                return sorted((directory / table).glob(PART_GLOB))
            visible = directory / f"{table}.parquet"
            return [visible if visible.is_file() else hidden_parquet(directory, table)]

        people = parquet("people")
        if (directory / "people").is_dir():
            entities = directory / "entities" / "part-00000.parquet"
        elif people[0].name == "people.parquet":
            entities = directory / "entities.parquet"
        else:
            entities = hidden_parquet(directory, "entities")
        return cls(parquet("documents"), parquet("mentions"), people, entities, directory / ".entities-scratch",
                   directory if (directory / "people.csv").is_file() else None,
                   directory / "records.jsonl" if (directory / "records.jsonl").is_file() else None)


def entities_step(config: Config, cores: int = 1) -> Callable[[Staging], None]:
    """The commit step (``commit.commit_steps``) that computes the entities of a staged run, either engine's, on
    ``cores`` processes at most.

    The rules are read when the step runs: the registry of official bodies they
    read imports spaCy, which the pipeline imports first its own way.
    """
    def step(staging: Staging) -> None:
        staging.row_counts["entities"] = add_entities(staging.dir, staging.out_dir, IdentityRules.from_config(config),
                                                      cores)

    return step


def add_entities(directory: Path, previous_dir: Path | None, rules: IdentityRules, cores: int = 1) -> int:
    """Fill ``people.entity_id`` and write the entities table of the run staged in ``directory``; its row count.

    Reads the staged Parquet tables with DuckDB (memory limited, spilling to
    a scratch directory), clusters one name at a time, rewrites the people
    Parquet files (and ``people.csv``, ``records.jsonl``) with the ids, and
    writes ``entities`` in the run's formats. ``previous_dir`` holds the run
    these tables replace: its ids are kept for records of unchanged documents.
    With ``cores`` > 1 a large corpus's names are clustered by that many
    processes (forked, where the platform forks).
    """
    tables = StagedTables.find(directory)
    tables.scratch.mkdir(parents=True, exist_ok=True)
    records = _row_count(tables.people)
    processes = max(1, min(cores, records // RECORDS_PER_PROCESS))
    if "fork" not in multiprocessing.get_all_start_methods():
        processes = 1
    try:
        with _work_connection(tables, "assign") as connection:
            connection.create_function("person_key", person_key, ["VARCHAR"], "VARCHAR")
            connection.create_function("is_comparable", lambda name: comparable(name, rules), ["VARCHAR"], "BOOLEAN")
            _previous_assignments(connection, previous_dir)
            shares = _name_partitions(connection, records, processes, tables.scratch)
        # the connection is closed first: a forked process must not use it
        person_rows, ambiguous = _cluster(shares, rules, tables.scratch, processes > 1)
        # a second connection: what DuckDB held for the clustering is given back before the tables are rewritten
        # (one connection for both kept it: the step's peak at 10,000 documents was about 5 MB higher)
        with _work_connection(tables, "write") as connection:
            return _write_tables(connection, tables, rules, person_rows, ambiguous)
    finally:
        shutil.rmtree(tables.scratch, ignore_errors=True)


@contextmanager
def _work_connection(tables: StagedTables, name: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new scratch database ``name`` (memory limited, spilling to the scratch directory), the staged tables as views."""
    connection = duckdb.connect(str(tables.scratch / f"{name}.duckdb"),
                                config={**DUCKDB_SETTINGS, "temp_directory": str(tables.scratch / "spill")})
    try:
        for table in ("documents", "mentions"):
            connection.execute(f"CREATE VIEW {table}_src AS SELECT * FROM read_parquet({_paths(getattr(tables, table))})")
        connection.execute(f"CREATE VIEW people_src AS {_people_with_places(tables.people)}")
        yield connection
    finally:
        connection.close()


def _people_with_places(paths: Sequence[Path]) -> str:
    """SQL for the people rows of ``paths`` with ``pos``, each row's place in the table (its files one after the
    other): the clustering gives the ids back by it, so the people files are rewritten without a join on names."""
    offsets = list(accumulate((pq.ParquetFile(path).metadata.num_rows for path in paths), initial=0))[:-1]
    return (f"SELECT * EXCLUDE (filename, file_row_number), "
            f"file_row_number + {offsets}[list_position({_paths(paths)}, filename)] AS pos "
            f"FROM read_parquet({_paths(paths)}, filename = true, file_row_number = true)")


def _write_tables(connection: duckdb.DuckDBPyConnection, tables: StagedTables, rules: IdentityRules,
                  person_rows: list[Path], ambiguous: list[Path]) -> int:
    """People with their entity ids, in every format the run writes, and the entities table; its row count."""
    _rewrite_people(connection, tables.people, person_rows)
    if tables.csv_dir is not None:
        _write_csv(tables.csv_dir / "people.csv", "people", _parquet_rows(tables.people))
    if tables.jsonl is not None:
        _rewrite_jsonl(tables.jsonl, _parquet_rows(tables.people))
    return _write_entities(connection, tables, rules, person_rows, ambiguous)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _paths(paths: Iterable[Path]) -> str:
    return "[" + ", ".join(_literal(str(p)) for p in paths) + "]"


def table_source(directory: Path, table: str) -> str | None:
    """A DuckDB table expression for ``table`` of a finished run in ``directory``: Parquet, a dataset, or CSV."""
    if (directory / f"{table}.parquet").is_file():
        return f"read_parquet({_paths([directory / f'{table}.parquet'])})"
    if (directory / table).is_dir() and any((directory / table).glob("*.parquet")):
        return f"read_parquet({_literal(str(directory / table / '*.parquet'))})"
    if (directory / f"{table}.csv").is_file():
        return (f"read_csv({_literal(str(directory / f'{table}.csv'))}, header = true, all_varchar = true, "
                f"quote = '\"', escape = '\"', max_line_size = {1 << 26})")
    return None


def _record_key(table: str) -> str:
    """SQL for the name key a record is compared under: bylines apart, so an author never joins a namesake."""
    return f"CASE WHEN {table}.byline THEN '{BYLINE_KEY}' || person_key({table}.name) ELSE person_key({table}.name) END"


def _previous_assignments(connection: duckdb.DuckDBPyConnection, previous_dir: Path | None) -> None:
    """``prev``: the entity of each record of the previous run whose document is unchanged (same content hash)."""
    connection.execute("CREATE TABLE prev (doc_id VARCHAR, person_id VARCHAR, key VARCHAR, entity_id VARCHAR)")
    if previous_dir is None:
        return
    people, documents = table_source(previous_dir, "people"), table_source(previous_dir, "documents")
    if people is None or documents is None:
        return
    try:
        columns = {row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM {people}").fetchall()}
        if "entity_id" not in columns:  # tables of a version before entities
            return
        key = _record_key("p") if "byline" in columns else "person_key(p.name)"  # before bylines had a column
        connection.execute(f"""
            INSERT INTO prev
            SELECT p.doc_id, p.person_id, {key}, p.entity_id
            FROM {people} p JOIN {documents} d ON d.doc_id = p.doc_id
                 JOIN documents_src c ON c.doc_id = p.doc_id AND c.content_hash = d.content_hash
            WHERE p.entity_id IS NOT NULL""")
    except duckdb.Error:  # unreadable earlier tables: the ids start afresh, the run goes on
        connection.execute("DELETE FROM prev")


# what the clustering writes of each record (part 0, with ``pos``, its place in the people table) and of each PERSON
# mention of it (part 1): the rows of the entities table's people, so it is written without joining the tables again
PERSON_ROWS_SCHEMA = pa.schema([("entity_id", pa.string()), ("date", pa.string()), ("doc_id", pa.string()),
                                ("person_id", pa.string()), ("part", pa.int32()), ("name", pa.string()),
                                ("rank", pa.string()), ("position", pa.string()), ("organization", pa.string()),
                                ("byline", pa.bool_()), ("pos", pa.int64())])
AMBIGUOUS_SCHEMA = pa.schema([("entity_id", pa.string()), ("ambiguous_with", pa.string())])


class _BatchWriter:
    """Rows appended as dicts, written to a Parquet file in row groups of BATCH_ROWS."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema)
        self.rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(rows_to_arrow(self.rows, self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


# the rows the names of one group of partitions (``{group}``) are clustered from: each record (part 0), the other
# compared names of its document, its companions (part 1), and its PERSON mentions as written (part 2, in ``name``)
RECORD_ROWS = """
    SELECT r.key, r.doc_id, r.person_id, 0 AS part, r.comparable AND k.key IS NOT NULL AS linked, r.name,
           CAST(d.date AS VARCHAR) AS date, r.rank, r.position, r.organization,
           CASE WHEN r.comparable AND k.key IS NOT NULL THEN r.roles END AS roles, prev.entity_id, r.birth_year,
           r.residence, r.byline, r.pos, r.name_partition
    FROM records r
         LEFT JOIN key_documents k ON k.key = r.key
         LEFT JOIN documents_src d ON d.doc_id = r.doc_id
         LEFT JOIN prev ON prev.doc_id = r.doc_id AND prev.person_id = r.person_id AND prev.key = r.key
    WHERE r.name_group = {group}
    UNION ALL BY NAME
    SELECT r.key, r.doc_id, r.person_id, 1 AS part, c.key AS companion, c.df, r.name_partition
    FROM records r
         JOIN key_documents k ON k.key = r.key
         JOIN (SELECT DISTINCT o.doc_id, o.key, ok.df
               FROM records o JOIN key_documents ok ON ok.key = o.key
               WHERE o.comparable AND NOT o.byline
                     AND o.doc_id IN (SELECT doc_id FROM records WHERE comparable AND name_group = {group})) c
              ON c.doc_id = r.doc_id AND c.key <> r.key
    WHERE r.comparable AND r.name_group = {group}
    UNION ALL BY NAME
    SELECT i.key, i.doc_id, i.person_id, 2 AS part, m.text AS name, i.name_partition
    FROM (SELECT key, doc_id, person_id, name_partition, unnest(from_json(mention_ids, '["VARCHAR"]')) AS mention_id
          FROM records WHERE name_group = {group}) i
         JOIN mentions_src m ON m.doc_id = i.doc_id AND m.mention_id = i.mention_id AND m.type = 'PERSON'"""
# the columns of the record rows, as the clustering reads them
RECORD_COLUMNS = ("key, doc_id, person_id, part, linked, name, date, rank, position, organization, roles, entity_id, "
                  "companion, df, birth_year, residence, byline, pos")
# name partitions whose rows are computed at a time: each join and aggregate holds the records of one group (about
# PARTITIONS_PER_GROUP * RECORDS_PER_SORT), not of the corpus, and DuckDB writes as many partitions' files at once
PARTITIONS_PER_GROUP = 8


def _name_partitions(connection: duckdb.DuckDBPyConnection, records: int, processes: int, scratch: Path,
                     ) -> list[list[Path]]:
    """The rows each name is clustered from (RECORD_ROWS) of the ``records`` person records, a partition of names
    at a time sorted into a Parquet file; the files of each of ``processes`` (the partitions k, k + processes, …)."""
    partitions = max(processes, -(-records // RECORDS_PER_SORT))
    groups = range(-(-partitions // PARTITIONS_PER_GROUP))
    # the rules read a name once, however many records have it; each record's name key is then a join with a table
    # of names, not with a table of records. ``name_partition``, a hash of the key, puts all the records of a name
    # in one partition
    connection.execute("""
        CREATE TABLE names AS
        SELECT name, person_key(name) AS key, is_comparable(name) AS comparable
        FROM (SELECT DISTINCT name FROM people_src)""")
    connection.execute(f"""
        CREATE VIEW records AS
        SELECT *, name_partition // {PARTITIONS_PER_GROUP} AS name_group
        FROM (SELECT *, hash(key) % {partitions} AS name_partition
              FROM (SELECT p.*, CASE WHEN p.byline THEN '{BYLINE_KEY}' || n.key ELSE n.key END AS key,
                           p.byline OR n.comparable AS comparable
                    FROM people_src p JOIN names n USING (name)))""")
    # the number of documents of each compared name that more than one names, counted a group at a time (all the
    # records of a name are in one group)
    connection.execute("CREATE TABLE key_documents (key VARCHAR, df BIGINT)")
    for group in groups:
        connection.execute(f"""
            INSERT INTO key_documents
            SELECT key, count(DISTINCT doc_id) AS df FROM records WHERE comparable AND name_group = {group}
            GROUP BY key HAVING df >= 2""")
    # a directory of Parquet files per partition: each partition is then read and sorted alone
    names = scratch / "names"
    for group in groups:
        connection.execute(f"""
            COPY (SELECT {RECORD_COLUMNS}, name_partition FROM ({RECORD_ROWS.format(group=group)}))
            TO {_literal(str(names))} (FORMAT parquet, PARTITION_BY (name_partition), FILENAME_PATTERN 'rows-{{i}}',
                                       OVERWRITE_OR_IGNORE, ROW_GROUP_SIZE {BATCH_ROWS})""")
    # dropped once used: DuckDB reuses their memory for the steps that follow
    connection.execute("DROP VIEW records; DROP TABLE names; DROP TABLE key_documents")
    # the blocks are independent: who clusters which changes no id
    return [[_export_partition(connection, files, scratch / f"names-{partition}.parquet")
             for partition in range(k, partitions, processes) if (files := _partition_files(names, partition))]
            for k in range(processes)]


def _cluster(shares: list[list[Path]], rules: IdentityRules, scratch: Path, forked: bool,
             ) -> tuple[list[Path], list[Path]]:
    """Every person record's entity id, one name key at a time: the Parquet files of the entities table's people
    rows (PERSON_ROWS_SCHEMA) and of (entity_id, ambiguous_with), one of each per share of name partitions, each
    share clustered by a forked process where ``forked``."""
    outputs = [(scratch / f"person-rows-{k}.parquet", scratch / f"ambiguous-{k}.parquet") for k in range(len(shares))]
    blocks = [_name_rows(row for path in share for row in _parquet_tuples(path)) for share in shares]
    if not forked:
        for share, (person_rows, ambiguous) in zip(blocks, outputs):
            _write_person_rows(share, rules, person_rows, ambiguous)
    else:
        children = [multiprocessing.get_context("fork").Process(target=_cluster_child, args=(share, rules, *output),
                                                                name=f"vnextract-entities-{k}", daemon=True)
                    for k, (share, output) in enumerate(zip(blocks, outputs))]
        for child in children:
            child.start()
        try:
            for child in children:
                child.join()
        except BaseException:
            for child in children:  # the run stops: their share is not wanted
                child.terminate()
            raise
        finally:
            for child in children:
                child.join()
        if any(child.exitcode != 0 for child in children):
            raise RuntimeError(f"entities: a clustering process failed (exit status "
                               f"{', '.join(str(child.exitcode) for child in children)})")
    return [rows for rows, _ in outputs], [unsure for _, unsure in outputs]


NAME_ORDER = "key, doc_id, person_id, part, companion"


def _partition_files(names: Path, partition: int) -> list[Path]:
    """The Parquet files of one name partition (none where no name hashes to it)."""
    return sorted((names / f"name_partition={partition}").glob("*.parquet"))


def _partition(connection: duckdb.DuckDBPyConnection, files: list[Path]) -> duckdb.DuckDBPyRelation:
    """The record rows of one name partition's ``files``, sorted by name."""
    return connection.sql(f"SELECT {RECORD_COLUMNS} FROM read_parquet({_paths(files)}, hive_partitioning = false) "
                          f"ORDER BY {NAME_ORDER}")


def _export_partition(connection: duckdb.DuckDBPyConnection, files: list[Path], path: Path) -> Path:
    """The rows of one name partition (``_partition``), in their order, written to the Parquet file ``path``."""
    reader = _partition(connection, files).to_arrow_reader(BATCH_ROWS)
    with pq.ParquetWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
    return path


def _batches(path: Path, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """The rows of a Parquet file in batches of BATCH_ROWS, read a row group at a time: pyarrow's pre-buffering
    read ahead as the file grew (15.7 MB of buffers for the people of 500,000 records, 5.0 MB for 100,000)."""
    return pq.ParquetFile(path, pre_buffer=False).iter_batches(batch_size=BATCH_ROWS, columns=columns,
                                                               use_threads=False)


def _parquet_tuples(path: Path) -> Iterator[tuple[Any, ...]]:
    for batch in _batches(path):
        yield from zip(*(column.to_pylist() for column in batch.columns))


def _cluster_child(blocks: Iterator[NameRows], rules: IdentityRules, person_rows: Path,
                   ambiguous: Path) -> None:
    """A forked process's share of the clustering; a failure is its exit status, which the parent reports."""
    from .parallel import leave_signals_to_the_parent

    leave_signals_to_the_parent()
    _write_person_rows(blocks, rules, person_rows, ambiguous)


@dataclass
class NameRows:
    """What the clustering reads of one name key: its records (their rows, part 0), the other compared names of each
    record's document with the number of documents naming each (part 1), and each record's PERSON mentions as
    written (part 2); the last two by (doc_id, person_id)."""

    records: list[tuple[Any, ...]] = field(default_factory=list)
    companions: defaultdict[tuple[str, str], dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    written: defaultdict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))


def _name_rows(rows: Iterable[tuple[Any, ...]]) -> Iterator[NameRows]:
    """The record rows (sorted by name key) as one NameRows per key, built as they are read: the companion rows of a
    common name, held as rows until its records were clustered, made the clustering's memory grow with the corpus
    (Nguyễn Văn Hùng: 1,238 records and 8,305 rows in 100,000 records, 6,233 and 43,498 in 500,000)."""
    block: NameRows | None = None
    key = None
    spelled: dict[str, str] = {}  # one string for each companion name of a block, however many records have it
    for row in rows:
        if block is None or row[0] != key:
            if block is not None:
                yield block
            key, block, spelled = row[0], NameRows(), {}
        if row[3] == 0:
            block.records.append(row)
        elif row[3] == 1:
            block.companions[row[1], row[2]][spelled.setdefault(row[12], row[12])] = row[13]
        else:
            block.written[row[1], row[2]].append(row[5])
    if block is not None:
        yield block


def _write_person_rows(blocks: Iterable[NameRows], rules: IdentityRules, person_rows: Path, ambiguous: Path) -> None:
    """The records of ``blocks`` with their entity ids and their PERSON mentions (PERSON_ROWS_SCHEMA), written to
    ``person_rows``, and the ambiguous ids of their entities to ``ambiguous``."""
    rows_out = _BatchWriter(person_rows, PERSON_ROWS_SCHEMA)
    unsure = _BatchWriter(ambiguous, AMBIGUOUS_SCHEMA)
    try:
        for block in blocks:
            for record, entity_id, others in _block_assignment(block, rules):
                _, doc_id, person_id, _, _, name, date, rank, position, organization, *_, byline, pos = record
                rows_out.add({"entity_id": entity_id, "date": date, "doc_id": doc_id, "person_id": person_id,
                              "part": 0, "name": name, "rank": rank, "position": position,
                              "organization": organization, "byline": byline, "pos": pos})
                for text in block.written.get((doc_id, person_id), []):
                    rows_out.add({"entity_id": entity_id, "date": date, "doc_id": doc_id, "person_id": person_id,
                                  "part": 1, "name": text})
                if others:
                    unsure.add({"entity_id": entity_id, "ambiguous_with": json.dumps(others)})
    finally:
        rows_out.close()
        unsure.close()


def _rows(relation: duckdb.DuckDBPyRelation) -> Iterator[tuple[Any, ...]]:
    """The rows of a query as tuples, streamed in Arrow batches (a fetch of Python rows would hold them all)."""
    for batch in relation.to_arrow_reader(BATCH_ROWS):
        yield from zip(*(column.to_pylist() for column in batch.columns))


def _block_assignment(block: NameRows, rules: IdentityRules) -> Iterator[tuple[tuple[Any, ...], str, list[str]]]:
    """(record row, entity_id, ambiguous entity ids) for the records of one name key, in their order.

    An entity's ambiguous ids are given with its first record only.
    """
    records = block.records
    key = records[0][0]
    if not records[0][4]:  # not compared across documents: each record is its own person
        for row in records:
            yield row, row[11] or "P" + _digest(key, row[1], row[2]), []
        return
    companions = block.companions
    profiles = []
    for (_, doc_id, person_id, _, _, name, date, rank, position, organization, roles, previous, _, _,
         birth_year, residence, byline, _) in records:
        final = {"rank": rank, "position": position, "organization": organization}
        profiles.append(profile(doc_id, person_id, name, date, orjson.loads(roles or "[]"), final,
                                companions.get((doc_id, person_id), {}), rules, previous, birth_year, residence,
                                bool(byline)))
    entity_ids, ambiguous = block_entities(cluster(profiles, rules), rules.ambiguous_limit)
    told: set[str] = set()
    for row, entity_id in zip(records, entity_ids):
        others = ambiguous.get(entity_id, []) if entity_id not in told else []
        told.add(entity_id)
        yield row, entity_id, others


def _rewrite_people(connection: duckdb.DuckDBPyConnection, paths: Sequence[Path], person_rows: list[Path]) -> None:
    """The people Parquet files at ``paths`` again, in the same row order, with ``entity_id`` filled.

    DuckDB sorts only the ids into the table's order, by the place of each
    record the clustering kept (``pos``); the rows themselves are read again
    batch by batch (sorting whole rows, roles and all, made this step's
    memory grow with the corpus: 24 MB at 10,000 documents, as did joining
    the ids to the people by document and person id).
    """
    schema = arrow_schema("people")
    names = [f.name for f in schema if f.name != "entity_id"]
    rows = _row_count(paths)
    # the ids are matched to the rows by their order alone: a record the clustering missed would shift every id after it
    # (counted, not checked one by one: a set of every place would grow with the corpus)
    [found] = connection.execute(f"SELECT count(*), min(pos), max(pos) FROM read_parquet({_paths(person_rows)}) "
                                 "WHERE part = 0").fetchall()
    if rows and found != (rows, 0, rows - 1):
        raise RuntimeError(f"entities: {found[0]} people records clustered of {rows}")
    places = _ranges("pos", _position_bounds(rows))
    ids = _column_slices(batch.column(0) for where in places for batch in connection.sql(f"""
        SELECT entity_id FROM read_parquet({_paths(person_rows)}) WHERE part = 0 AND {where} ORDER BY pos
        """).to_arrow_reader(BATCH_ROWS))
    for path in paths:
        tmp = path.with_name(path.name + ".tmp")
        with pq.ParquetWriter(tmp, schema) as writer:
            for batch in _batches(path, names):
                arrays = dict(zip(names, batch.columns))
                arrays["entity_id"] = ids(batch.num_rows)
                # the columns under the table's own schema (descriptions, required columns): the same types, so no
                # cast, which would import pyarrow.compute (40 ms of every run)
                writer.write_table(pa.Table.from_arrays([arrays[f.name] for f in schema], schema=schema))
        os.replace(tmp, path)


def _column_slices(arrays: Iterator[pa.Array]) -> Callable[[int], pa.Array]:
    """A function giving the next ``n`` values of the ``arrays`` one after the other, whatever their sizes."""
    held: list[pa.Array] = []

    def take(n: int) -> pa.Array:
        while sum(len(array) for array in held) < n:
            held.append(next(arrays))
        joined = pa.concat_arrays(held) if len(held) > 1 else held[0]
        held[:] = [joined.slice(n)]
        return joined.slice(0, n)

    return take


def _parquet_rows(paths: Sequence[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        for batch in _batches(path):
            yield from batch.to_pylist()


def _csv_value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_csv(path: Path, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """``table`` as CSV at ``path`` (through a temporary file), written as the run writes CSV."""
    columns = [name for name, _ in TABLES[table]]
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    append_csv(tmp, columns, ([_csv_value(row.get(c)) for c in columns] for row in rows))
    os.replace(tmp, path)


def _rewrite_jsonl(path: Path, people: Iterator[dict[str, Any]]) -> None:
    """``records.jsonl`` with each person's ``entity_id``; its people come in the order of the people table."""
    tmp = path.with_name(path.name + ".tmp")
    with open(path, encoding="utf-8") as source, open(tmp, "w", encoding="utf-8") as target:
        for line in source:
            record = json.loads(line)
            for person in record.get("people", []):
                row = next(people)
                if (row["doc_id"], row["person_id"]) != (record["doc_id"], person["person_id"]):
                    raise RuntimeError(f"{path}: people out of step with the people table at {record['doc_id']}")
                person["entity_id"] = row["entity_id"]
            target.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    os.replace(tmp, path)


# each record of an entity (part 0) and each PERSON mention of it (part 1), as the clustering wrote them, in
# timeline order
PERSON_ROWS = """
    SELECT r.entity_id, r.date, r.doc_id, r.person_id, r.part, r.name, r.rank, r.position, r.organization,
           am.ambiguous_with, r.byline
    FROM read_parquet({person_rows}) r
         LEFT JOIN read_parquet({ambiguous}) am ON r.part = 0 AND am.entity_id = r.entity_id
    WHERE {ids}
    ORDER BY r.entity_id, r.date NULLS LAST, r.doc_id, r.person_id, r.part, r.name"""

# each mention of an organization with its id, written to a scratch file once; then a range of ids at a time with the
# dates of their documents (joined there, where the range's mentions are fewer than the documents: joined over all
# the mentions, DuckDB held every mention in a hash table)
ORG_MENTIONS = """
    SELECT json_extract_string(attrs, '$.entity_id') AS entity_id, doc_id, normalized, text
    FROM mentions_src WHERE type = 'ORG' AND json_extract_string(attrs, '$.entity_id') IS NOT NULL"""
ORG_ROWS = """
    SELECT m.entity_id, CAST(d.date AS VARCHAR) AS date, m.doc_id, m.normalized, m.text
    FROM read_parquet({mentions}) m LEFT JOIN documents_src d ON d.doc_id = m.doc_id
    WHERE {ids}
    ORDER BY 1, 3"""


def _row_count(paths: Iterable[Path]) -> int:
    return sum(pq.ParquetFile(path).metadata.num_rows for path in paths)


def _id_bounds(prefix: str, rows: int) -> list[str]:
    """Where to split ``rows`` entity ids (``prefix`` and hex digits) into ranges of about ROWS_PER_SORT rows."""
    pieces = min(256, -(-rows // ROWS_PER_SORT))
    return [_literal(f"{prefix}{i * 256 // pieces:02x}") for i in range(1, pieces)]


def _position_bounds(rows: int) -> list[str]:
    """Where to split the places 0 … ``rows`` - 1 into ranges of ROWS_PER_SORT."""
    return [str(start) for start in range(ROWS_PER_SORT, rows, ROWS_PER_SORT)]


def _ranges(column: str, bounds: list[str]) -> list[str]:
    """SQL conditions that split the values of ``column`` at ``bounds`` (ascending SQL literals) into consecutive
    ranges, which together hold every value: sorting each range in turn sorts them all.

    >>> _ranges("pos", ["10", "20"])
    ['pos < 10', 'pos >= 10 AND pos < 20', 'pos >= 20']
    >>> _ranges("pos", [])
    ['true']
    """
    lows, highs = [None, *bounds], [*bounds, None]
    return [" AND ".join([f"{column} >= {low}"] * (low is not None) + [f"{column} < {high}"] * (high is not None))
            or "true" for low, high in zip(lows, highs)]


def _grouped(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    """Consecutive rows with the same first value."""
    group: list[tuple[Any, ...]] = []
    for row in rows:
        if group and row[0] != group[0][0]:
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def _most_common(counts: Counter[str]) -> str:
    return min(counts, key=lambda value: (-counts[value], value))


def _aliases(written: Counter[str], name: str, limit: int) -> str:
    forms = sorted((form for form in written if form != name), key=lambda form: (-written[form], form))
    return json.dumps(forms[:limit], ensure_ascii=False)


def person_entity(rows: list[tuple[Any, ...]], limit: int) -> dict[str, Any]:
    """The entities row of one person from its PERSON_ROWS."""
    records = [row for row in rows if row[4] == 0]
    name = _most_common(Counter(row[5] for row in records))
    dates = [row[1] for row in records if row[1] is not None]
    return {
        "entity_id": rows[0][0], "type": PERSON, "name": name,
        "aliases": _aliases(Counter(row[5] for row in rows if row[4] == 1), name, limit),
        "n_documents": len({row[2] for row in records}), "n_mentions": sum(row[4] == 1 for row in rows),
        "first_date": min(dates, default=None), "last_date": max(dates, default=None),
        "ambiguous_with": records[0][9] or "[]",
        "timeline": json.dumps([{"date": row[1], "doc_id": row[2], "rank": row[6], "position": row[7],
                                 "organization": row[8]} for row in records], ensure_ascii=False),
        "byline": all(row[10] for row in records),
    }


class _OrganizationFold:
    """An organization's entities row folded from its ORG_ROWS one at a time (a national body has many)."""

    def __init__(self, entity_id: str):
        self.entity_id = entity_id
        self.names: Counter[str] = Counter()
        self.written: Counter[str] = Counter()
        self.documents = self.mentions = 0
        self.last_doc: str | None = None
        self.dates: list[str] = []

    def add(self, row: tuple[Any, ...]) -> None:
        _, date, doc_id, normalized, text = row
        self.names[normalized] += 1
        self.written[text] += 1
        self.mentions += 1
        self.documents += doc_id != self.last_doc  # rows come by document
        self.last_doc = doc_id
        if date is not None:
            self.dates = [min(self.dates + [date]), max(self.dates + [date])]

    def row(self, limit: int) -> dict[str, Any]:
        name = _most_common(self.names)
        return {"entity_id": self.entity_id, "type": ORG, "name": name,
                "aliases": _aliases(self.written, name, limit), "n_documents": self.documents,
                "n_mentions": self.mentions, "first_date": self.dates[0] if self.dates else None,
                "last_date": self.dates[-1] if self.dates else None, "ambiguous_with": None, "timeline": None,
                "byline": None}


def _entity_rows(connection: duckdb.DuckDBPyConnection, limit: int, person_rows: list[Path], ambiguous: list[Path],
                 scratch: Path) -> Iterator[dict[str, Any]]:
    """Every entities row: people, then organizations, each by entity id, streamed."""
    people = (_rows(connection.sql(PERSON_ROWS.format(person_rows=_paths(person_rows), ambiguous=_paths(ambiguous),
                                                      ids=ids)))
              for ids in _ranges("r.entity_id", _id_bounds("P", _row_count(person_rows))))
    for group in _grouped(chain.from_iterable(people)):
        yield person_entity(group, limit)
    mentions = scratch / "organization-rows.parquet"
    connection.execute(f"COPY ({ORG_MENTIONS}) TO {_literal(str(mentions))} "
                       f"(FORMAT parquet, ROW_GROUP_SIZE {BATCH_ROWS})")
    organizations = (_rows(connection.sql(ORG_ROWS.format(mentions=_paths([mentions]), ids=ids)))
                     for ids in _ranges("m.entity_id", _id_bounds("O", _row_count([mentions]))))
    fold: _OrganizationFold | None = None
    for row in chain.from_iterable(organizations):
        if fold is None or row[0] != fold.entity_id:
            if fold is not None:
                yield fold.row(limit)
            fold = _OrganizationFold(row[0])
        fold.add(row)
    if fold is not None:
        yield fold.row(limit)


def _write_entities(connection: duckdb.DuckDBPyConnection, tables: StagedTables, rules: IdentityRules,
                    person_rows: list[Path], ambiguous: list[Path]) -> int:
    """The entities table in the run's formats: Parquet always, CSV and JSON lines where the run writes them."""
    columns = [name for name, _ in TABLES["entities"]]
    tables.entities.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with ExitStack() as stack:
        parquet = stack.enter_context(pq.ParquetWriter(tables.entities, arrow_schema("entities")))
        table_csv = tables.csv_dir / "entities.csv" if tables.csv_dir is not None else None
        if table_csv is not None:
            append_csv(table_csv, columns, [])
        lines = (stack.enter_context(open(tables.jsonl.with_name(ENTITIES_JSONL), "w", encoding="utf-8"))
                 if tables.jsonl is not None else None)
        batch: list[dict[str, Any]] = []
        for row in chain(_entity_rows(connection, rules.ambiguous_limit, person_rows, ambiguous, tables.scratch),
                         [None]):
            if row is not None:
                batch.append(row)
            if batch and (row is None or len(batch) >= BATCH_ROWS):
                parquet.write_table(to_arrow("entities", batch))
                if table_csv is not None:
                    append_csv(table_csv, None, ([r[c] for c in columns] for r in batch))
                if lines is not None:
                    lines.writelines(json.dumps({**r, **{c: json.loads(r[c]) for c in JSON_COLUMNS if r[c]}},
                                                ensure_ascii=False, sort_keys=True) + "\n" for r in batch)
                count += len(batch)
                batch = []
    return count


def entity_ids(results: Iterable[DocumentResult], config: Config) -> dict[tuple[str, str], str]:
    """The entity id of every person record of ``results``, by (doc_id, person_id), computed as a run commits."""
    with tempfile.TemporaryDirectory() as tmp:
        writer = TableWriter(Path(tmp), ["parquet"], steps=[entities_step(config)])
        try:
            writer.write_batch(list(results))
            writer.commit()
        except BaseException:
            writer.abort()
            raise
        table = pq.read_table(Path(tmp) / "people.parquet", columns=["doc_id", "person_id", "entity_id"])
    return {(doc_id, person_id): entity_id for doc_id, person_id, entity_id
            in zip(*(table.column(c).to_pylist() for c in ("doc_id", "person_id", "entity_id")))}

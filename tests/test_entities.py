"""Corpus-wide identity: the rules' good and bad cases, the clustering's invariants, and entity ids that hold
across workers, the Dask engine, --resume and a corpus that grows."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.entities
from pipeline import Run
from pipeline.config import Config, load_config
from pipeline.entities import (IdentityRules, LinkVeto, Profile, _commanded_by, add_organization_ids, block_entities,
                               cannot_link, cluster, comparable, compare, org_key, organization_specific,
                               organizations_related, person_key, profile, rank_veto)
from pipeline.gold import read_gold_dir
from pipeline.lexicons import LexiconError
from pipeline.model import Mention

REPO = Path(__file__).resolve().parents[1]
TUNE = REPO / "data" / "gold" / "tune"
RULES = IdentityRules.from_config(load_config())


def test_doctests() -> None:
    assert doctest.testmod(pipeline.entities, extraglobs={"load_config": load_config}).failed == 0


@pytest.mark.parametrize(("name", "expected"), [
    ("Nguyễn Văn Hùng", True),
    ("Hoàng Hưng", True),  # a byline with a surname is a full name
    ("Khăm Phăn Xi Sổm Phôn", True),  # a foreign name written in full
    ("Lý A Páo", True),
    ("Y Khuê Niê", True),
    ("Ngọc Hân", False),  # a given name alone (a byline)
    ("Hùng", False),
    ("N.V.T.", False),
    ("Nguyễn Văn T.", False),
    ("Nguyễn Văn T", False),
    ("Keo Sokhom", True),  # a Khmer family name first (identity.yaml foreign_surnames): a full name
    ("Khieu Sambath", True),
    ("Chum Sophal", True),
    ("Sokhom Phally", False),  # two words with no known family name: cannot be told from a given name
])
def test_only_full_names_are_compared(name: str, expected: bool) -> None:
    assert comparable(name, RULES) is expected


@pytest.mark.parametrize(("organization", "expected"), [
    ("Sư đoàn 395", True),
    ("Tổng cục II", True),
    ("Công an xã Mỹ Lý", True),
    ("Bộ Chỉ huy Quân sự tỉnh Quảng Ninh", True),
    ("Đồn Biên phòng Phước Chỉ", True),
    ("Bộ đội Biên phòng", True),
    ("Bộ Quốc phòng", True),
    ("Tiểu đoàn Trinh sát", False),
    ("Phòng Quản lý", False),
    ("Tỉnh ủy", False),
    ("Ủy ban nhân dân", False),
    ("Bộ đội Biên phòng tỉnh", False),
])
def test_an_organization_names_one_organization_or_a_kind(organization: str, expected: bool) -> None:
    assert organization_specific(organization, RULES) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Bộ đội Biên phòng", "Bộ đội Biên phòng tỉnh Lạng Sơn", True),
    ("Quân khu 3", "Trường Quân sự Quân khu 3", True),
    ("Công an tỉnh Nghệ An", "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An", True),
    ("Công an tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", False),
    ("Sư đoàn 3", "Sư đoàn 395", False),  # whole words only
    ("Quân khu 3", "Quân khu 3", False),  # the same one, not a parent
])
def test_related_organizations(a: str, b: str, expected: bool) -> None:
    assert organizations_related(org_key(a), org_key(b)) is expected


def record(doc_id: str, date: str | None, rank: str | None = None, position: str | None = None,
           organization: str | None = None, former: tuple[str, str] | None = None,
           companions: dict[str, int] | None = None, name: str = "Nguyễn Văn Hùng", previous: str | None = None,
           person_id: str = "p1", born: int | None = None, residence: str | None = None,
           byline: bool = False, place: str | None = None) -> Profile:
    final = {"rank": rank, "position": position, "organization": organization, "place": place}
    roles = [final] + ([{"position": former[0], "organization": former[1], "former": True}] if former else [])
    return profile(doc_id, person_id, name, date, roles, final, companions or {}, RULES, previous, born, residence,
                   byline)


SAME = [
    # one organization in both, a new post in it (Tham mưu trưởng → Chỉ huy trưởng)
    (record("a", "2025-07-12", "Đại tá", "Tham mưu trưởng", "Bộ Chỉ huy Quân sự thành phố Hải Phòng"),
     record("b", "2026-04-22", "Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự thành phố Hải Phòng")),
    # promoted from a province's border guard to its national command: related organizations, rank up
    (record("a", "2025-09-18", "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Lạng Sơn"),
     record("b", "2026-05-20", "Thiếu tướng", "Phó Tư lệnh", "Bộ đội Biên phòng")),
    # promoted from a region to the service above it (the registry's parent): related organizations, rank up
    (record("a", "2027-06-12", "Đại tá", "Tham mưu trưởng", "Vùng 1 Hải quân"),
     record("b", "2028-08-30", "Thiếu tướng", "Phó Tư lệnh", "Quân chủng Hải quân")),
    # the later document states the move: its former role names the earlier organization
    (record("a", "2025-07-12", "Đại tá", "Trung đoàn trưởng", "Trung đoàn 50"),
     record("b", "2026-04-22", "Đại tá", "Phó Sư đoàn trưởng", "Sư đoàn 395", former=("Trung đoàn trưởng", "Trung đoàn 50"))),
    # a position with its organization named once: the position and the documents' other people
    (record("a", "2025-07-12", "Trung tướng", "Chính ủy", "Quân khu 3", companions={"x": 2, "y": 3}),
     record("b", "2026-04-22", "Trung tướng", "Chính ủy", None, companions={"x": 2, "y": 3})),
    # no role at all, but documents naming the same rarely named people (a byline of one unit's news)
    (record("a", "2025-07-12", companions={"x": 2, "y": 2}), record("b", "2026-04-22", companions={"x": 2, "y": 2})),
    # a fisherman rescued twice: the same birth year and home ward, no post to compare
    (record("a", "2025-12-12", None, "Thuyền trưởng", None, born=1978, residence="phường Sầm Sơn"),
     record("b", "2026-10-03", None, "Thuyền trưởng", None, born=1978, residence="Phường  Sầm Sơn")),
    # two boats' captains of one name and one home ward: the title counts with the home
    (record("a", "2025-12-12", None, "Thuyền trưởng", None, residence="phường Sầm Sơn"),
     record("b", "2026-10-03", None, "Thuyền trưởng", None, residence="phường Sầm Sơn")),
    # a suspect in two reports: birth year and commune
    (record("a", "2026-02-01", born=1991, residence="xã Mỹ Lý"), record("b", "2026-05-20", born=1991, residence="xã Mỹ Lý")),
    # one byline in two documents: the same reporter, whatever the stories are about
    (record("a", "2025-07-12", name="Đình Hiếu", byline=True), record("b", "2026-04-22", name="Đình Hiếu", byline=True)),
    # one title in a body written once without its place ("Bộ CHQS tỉnh") and once with it
    (record("a", "2028-06-01", "Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh", name="Tạ Quang Minh"),
     record("b", "2028-09-12", "Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Ninh Bình", name="Tạ Quang Minh")),
    # a foreign province's deputy governor, no body named in either document: one title in one place is one office
    (record("a", "2026-03-02", None, "Phó Tỉnh trưởng", None, name="Xổm Xay Xi Phăn Đon", place="tỉnh Hủa Phăn"),
     record("b", "2027-01-15", None, "Phó Tỉnh trưởng", None, name="Xổm Xay Xi Phăn Đon", place="Tỉnh Hủa Phăn")),
    # an officer's transfer: the deputy of one province's border guard, later the commander of another's, in
    # documents naming some of the same people
    (record("a", "2026-06-18", "Thượng tá", "Phó Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Thanh Hóa", name="Cầm Bá Thịnh",
            companions={"x": 2}),
     record("b", "2028-03-15", "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An", name="Cầm Bá Thịnh",
            companions={"x": 2})),
    # ... or the same title in another province's body of that kind, in documents naming some of the same people
    (record("a", "2026-06-18", "Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Gia Lai", companions={"x": 2}),
     record("b", "2027-03-15", "Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk", companions={"x": 2})),
    # a province's military command, then its military region, which its name does not write (identity.yaml)
    (record("a", "2026-03-10", "Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Nghệ An", name="Hồ Sỹ Lam"),
     record("b", "2028-07-22", "Thiếu tướng", "Phó Tư lệnh", "Quân khu 4", name="Hồ Sỹ Lam")),
    # one department of a province's border guard, its owner named once as the command and once as the force
    (record("a", "2027-02-10", "Thượng tá", "Trưởng phòng", "Phòng Tham mưu Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn"),
     record("b", "2028-11-20", "Thượng tá", "Trưởng phòng", "Phòng Tham mưu Bộ đội Biên phòng tỉnh Lạng Sơn")),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_person(a: Profile, b: Profile) -> None:
    verdict = compare(a, b, RULES)
    assert verdict.same and not verdict.ambiguous, verdict


APART = [
    # a rank that goes down: the Thiếu tướng of the provincial police is not the Thiếu tá of a border post
    (record("a", "2026-02-11", "Thiếu tướng", "Giám đốc", "Công an tỉnh Nghệ An"),
     record("b", "2026-05-20", "Thiếu tá", "Đồn trưởng", "Đồn Biên phòng cửa khẩu quốc tế Mộc Bài"), "veto"),
    # even with the same organization
    (record("a", "2025-01-01", "Đại tá", "Chính ủy", "Sư đoàn 395"),
     record("b", "2025-06-01", "Trung tá", "Chính ủy", "Sư đoàn 395"), "veto"),
    # two ranks on one date
    (record("a", "2025-06-01", "Đại tá", None, "Sư đoàn 395"), record("b", "2025-06-01", "Thượng tá", None, "Sư đoàn 395"),
     "veto"),
    # one document: two records are two people
    (record("a", "2025-06-01", "Đại tá", "Chính ủy", "Sư đoàn 395"),
     record("a", "2025-06-01", "Đại tá", "Chính ủy", "Sư đoàn 395", person_id="p2"), "veto"),
    # namesakes in two units of one ministry, nothing linking them: the ministry is no parent that relates them
    (record("a", "2027-06-12", "Đại tá", "Phó Cục trưởng", "Cục Cảnh sát hình sự"),
     record("b", "2028-08-30", "Đại tá", "Phó Cục trưởng", "Cục Cảnh sát giao thông"), "unrelated"),
    # namesakes in two unrelated units, nothing linking them
    (record("a", "2025-07-12", "Đại tá", "Chính ủy", "Sư đoàn 395"),
     record("b", "2026-01-10", None, "Trưởng", "Công an xã Mỹ Lý"), "unrelated"),
    # a fisherman named once and a colonel: nothing says either way
    (record("a", "2025-12-14"), record("b", "2025-07-12", "Đại tá", "Chính ủy", "Sư đoàn 395"), "nothing"),
    # one position, an organization left unnamed: some evidence, too little
    (record("a", "2025-12-14", "Thiếu tá", "Đồn trưởng", None),
     record("b", "2026-06-16", "Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Tân Thanh"), "ambiguous"),
    # a generic unit every division has
    (record("a", "2025-12-14", None, None, "Tiểu đoàn Trinh sát"), record("b", "2026-06-16", None, None, "Tiểu đoàn Trinh sát"),
     "ambiguous"),
    # two fishing boats' captains of one name in two rescue stories of one coast guard region: the title names no
    # organization and the stories name the same officers, which links the stories, not the captains
    (record("a", "2026-04-17", None, "Thuyền trưởng", None, companions={"x": 2, "y": 2}),
     record("b", "2026-10-21", None, "Thuyền trưởng", None, companions={"x": 2, "y": 2}), "ambiguous"),
    # namesakes of one rank and one title in two provinces, in documents that name the same colleagues
    (record("a", "2025-09-05", "Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh", companions={"x": 2, "y": 2}),
     record("b", "2025-12-10", "Đại tá", "Chính ủy", "Bộ đội Biên phòng tỉnh Quảng Trị", companions={"x": 2, "y": 2}),
     "unrelated"),
    # namesake fishermen: birth years 15 years apart, whatever else agrees
    (record("a", "2025-12-12", None, "Thuyền trưởng", None, born=1976, residence="xã Sông Đốc", companions={"x": 2}),
     record("b", "2026-10-03", None, "Thuyền trưởng", None, born=1991, residence="xã Sông Đốc", companions={"x": 2}),
     "veto"),
    # one home commune alone: many people live there
    (record("a", "2026-02-01", residence="xã Mỹ Lý"), record("b", "2026-05-20", residence="xã Mỹ Lý"), "ambiguous"),
    # one title held in two places the text names: two offices, and the documents' people only make it ambiguous
    (record("a", "2026-03-02", None, "Phó Tỉnh trưởng", None, name="Xổm Xay Xi Phăn Đon", place="tỉnh Hủa Phăn",
            companions={"x": 2}),
     record("b", "2027-01-15", None, "Phó Tỉnh trưởng", None, name="Xổm Xay Xi Phăn Đon", place="tỉnh Xiêng Khoảng",
            companions={"x": 2}), "ambiguous"),
    # a boat's captain and a command's chief of staff of one name, in two rescue stories naming the same officers:
    # the documents are linked, the two men are not
    (record("a", "2028-05-02", None, "Thuyền trưởng", None, name="Nguyễn Đức Thắng", companions={"x": 2, "y": 2}),
     record("b", "2028-06-11", "Đại tá", "Tham mưu trưởng", "Bộ Chỉ huy Quân sự tỉnh Hưng Yên", name="Nguyễn Đức Thắng",
            companions={"x": 2, "y": 2}), "ambiguous"),
    # a transfer's titles alone: namesakes of one rank move through the provinces' bodies of one kind too (a
    # synthetic corpus of Vietnamese name frequencies joined them), so it takes one more point
    (record("a", "2026-06-18", "Thượng tá", "Phó Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Thanh Hóa", name="Cầm Bá Thịnh"),
     record("b", "2028-03-15", "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An", name="Cầm Bá Thịnh"),
     "ambiguous"),
    # no transfer: two communes' police chiefs (communes are too many for one title to tell), a head who later is a
    # deputy elsewhere, civilians with no rank in two provinces' departments
    (record("a", "2026-03-02", "Thượng tá", "Trưởng", "Công an xã Lao Bảo"),
     record("b", "2027-01-15", "Thượng tá", "Trưởng", "Công an xã Chư Sê"), "unrelated"),
    (record("a", "2026-03-02", "Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An"),
     record("b", "2027-01-15", "Đại tá", "Phó Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Thanh Hóa"), "unrelated"),
    (record("a", "2026-03-02", None, "Giám đốc", "Sở Tài chính tỉnh Nghệ An"),
     record("b", "2027-01-15", None, "Giám đốc", "Sở Tài chính tỉnh Hà Tĩnh"), "unrelated"),
    # the same title in two provinces' bodies of one kind, nothing else: colleagues of one name, or one officer moved
    (record("a", "2026-06-18", "Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Gia Lai"),
     record("b", "2027-03-15", "Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk"), "ambiguous"),
    # a province's military command and another region's: unrelated
    (record("a", "2026-03-10", "Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Nghệ An", name="Hồ Sỹ Lam"),
     record("b", "2028-07-22", "Thiếu tướng", "Phó Tư lệnh", "Quân khu 7", name="Hồ Sỹ Lam"), "unrelated"),
    # a governor named in many documents tells nothing
    (record("a", "2025-12-14", companions={"x": 40, "y": 60}), record("b", "2026-06-16", companions={"x": 40, "y": 60}),
     "nothing"),
]


@pytest.mark.parametrize(("a", "b", "why"), APART)
def test_two_people(a: Profile, b: Profile, why: str) -> None:
    verdict = compare(a, b, RULES)
    assert not verdict.same
    assert (verdict.veto is not None) == (why == "veto")
    assert verdict.unrelated_units == (why == "unrelated")
    assert verdict.ambiguous == (why == "ambiguous")


def test_rank_veto_needs_both_dates() -> None:
    assert rank_veto(record("a", None, "Thiếu tướng"), record("b", "2025-01-01", "Thiếu tá")) is None


RANKS = ["Thiếu tá", "Trung tá", "Thượng tá", "Đại tá", "Thiếu tướng", None]
ORGS = ["Sư đoàn 395", "Bộ đội Biên phòng", "Bộ đội Biên phòng tỉnh Lạng Sơn", "Công an xã Mỹ Lý", None]
records_strategy = st.lists(st.tuples(
    st.sampled_from(["a", "b", "c", "d", "e", "f"]), st.sampled_from(["2025-01-01", "2025-06-01", "2026-01-01", None]),
    st.sampled_from(RANKS), st.sampled_from(["Chính ủy", "Chỉ huy trưởng", None]), st.sampled_from(ORGS),
    st.dictionaries(st.sampled_from(["x", "y", "z"]), st.integers(2, 4), max_size=3),
    st.sampled_from([None, None, "Pold1", "Pold2"])), max_size=12)


@settings(max_examples=150, deadline=None)
@given(records_strategy, st.data())
def test_a_groups_veto_is_a_veto_between_two_of_its_records(rows: list, data: st.DataObject) -> None:
    profiles = [record(doc, date, rank, position, org, companions=companions, previous=previous, person_id=f"p{i}")
                for i, (doc, date, rank, position, org, companions, previous) in enumerate(rows)]
    split = data.draw(st.integers(0, len(profiles)))
    left, right = profiles[:split], profiles[split:]
    groups = []
    for side in (left, right):
        veto = LinkVeto(set(), {})
        for p in side:
            veto.absorb(LinkVeto.of(p))
        groups.append(veto)
    assert groups[0].vetoes(groups[1]) == any(cannot_link(a, b) for a in left for b in right)


@settings(max_examples=150, deadline=None)
@given(records_strategy)
def test_clusters_never_hold_a_veto_nor_two_earlier_entities(rows: list) -> None:
    profiles = [record(doc, date, rank, position, org, companions=companions, previous=previous, person_id=f"p{i}")
                for i, (doc, date, rank, position, org, companions, previous) in enumerate(rows)]
    block = cluster(profiles, RULES)
    ids, ambiguous = block_entities(block, RULES.ambiguous_limit)
    for i, a in enumerate(profiles):
        for j, b in enumerate(profiles):
            # records of one earlier entity stay together whatever the rules say now
            if i < j and ids[i] == ids[j] and not (a.previous and a.previous == b.previous):
                assert not cannot_link(a, b)
        if a.previous is not None:
            assert ids[i] == a.previous  # an earlier entity keeps its id, never merged into another one
    assert all(entity not in others and len(others) <= RULES.ambiguous_limit for entity, others in ambiguous.items())
    assert block_entities(cluster(list(profiles), RULES), RULES.ambiguous_limit)[0] == ids  # deterministic


def test_a_bridging_record_does_not_merge_two_people_apart() -> None:
    general = record("a", "2026-02-11", "Thiếu tướng", "Giám đốc", "Công an tỉnh Nghệ An", companions={"x": 2})
    captain = record("b", "2026-05-20", "Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Mộc Bài", companions={"y": 2})
    # a role-less record whose document names the people of both
    bridge = record("c", "2026-03-01", companions={"x": 2, "y": 2})
    ids, _ = block_entities(cluster([general, captain, bridge], RULES), RULES.ambiguous_limit)
    assert ids[0] != ids[1]


def test_a_birth_year_keeps_a_namesake_out_of_a_cluster() -> None:
    rescued = [record(doc, date, None, "Thuyền trưởng", None, born=1978, residence="phường Sầm Sơn")
               for doc, date in (("a", "2025-12-12"), ("b", "2026-10-03"))]
    other = record("c", "2026-06-01", None, "Thuyền trưởng", None, born=1991, residence="phường Sầm Sơn")
    # a record that gives no birth year, with the home ward of all three
    bridge = record("d", "2026-07-01", residence="phường Sầm Sơn")
    ids, _ = block_entities(cluster([*rescued, other, bridge], RULES), RULES.ambiguous_limit)
    assert ids[0] == ids[1] != ids[2]


def test_bylines_are_one_author_and_never_a_namesake_in_the_news(process) -> None:
    body = "Ngày 5/3, Đồn Biên phòng Phước Chỉ tổ chức tuần tra biên giới cùng lực lượng Campuchia.\n\n"
    results = [process(body + "Hoàng Hưng\n", doc_id="a.txt"), process(body + "Hoàng Hưng\n", doc_id="b.txt"),
               process("Ngày 7/3, ông Hoàng Hưng, Chủ tịch UBND xã Phước Chỉ, thăm Đồn Biên phòng Phước Chỉ.\n",
                       doc_id="c.txt")]
    assert [p.byline for r in results for p in r.people] == [True, True, False]
    ids = pipeline.entities.entity_ids(results, load_config())
    assert ids["a.txt", "p1"] == ids["b.txt", "p1"] != ids["c.txt", "p1"]


def test_organization_ids_from_the_registry_or_the_name_and_local_place() -> None:
    mentions = [
        Mention("ORG", 0, 10, "Quân khu 3", "Quân khu 3", attrs={"registry_id": "quan-khu-3"}),
        Mention("ORG", 20, 41, "Bộ Tư lệnh Quân khu 3", "Bộ Tư lệnh Quân khu 3", attrs={"registry_id": "quan-khu-3"}),
        Mention("ORG", 50, 74, "Đồn Biên phòng Phước Chỉ", "Đồn Biên phòng Phước Chỉ"),
        Mention("PLACE", 65, 74, "Phước Chỉ", "xã Phước Chỉ", attrs={"code": "25900", "level": "commune"}),
        Mention("ORG", 80, 94, "Đồn Biên phòng", "Đồn Biên phòng Phước Chỉ"),
        Mention("ORG", 100, 119, "Tiểu đoàn Trinh sát", "Tiểu đoàn Trinh sát"),
    ]
    add_organization_ids(mentions, RULES)
    ids = [m.attrs.get("entity_id") for m in mentions]
    assert ids[0] == ids[1]  # one body of the registry, whatever its form
    assert ids[2] == ids[4] and ids[2] is not None  # the short form takes the place code of the full one
    assert ids[5] is None  # a kind of unit, not one organization


# --- runs ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tune_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The raw text of the tune gold set (its person records carry keys across documents)."""
    folder = tmp_path_factory.mktemp("tune_raw")
    for doc in read_gold_dir(TUNE):
        (folder / doc.doc_id).write_text(doc.raw, encoding="utf-8")
    return folder


def entity_ids(out: Path) -> dict[tuple[str, str], str]:
    rows = duckdb.sql(f"SELECT doc_id, person_id, entity_id FROM read_parquet('{out}/people*/**.parquet')").fetchall() \
        if (out / "people").is_dir() else \
        duckdb.sql(f"SELECT doc_id, person_id, entity_id FROM read_parquet('{out}/people.parquet')").fetchall()
    return {(doc_id, person_id): entity_id for doc_id, person_id, entity_id in rows}


def test_two_workers_and_the_dask_engine_give_the_same_entity_ids(tune_raw: Path, tmp_path: Path,
                                                                   config: Config) -> None:
    Run([tune_raw], tmp_path / "local", config, formats=["parquet"], workers=2, chunk_size=2).write()
    pytest.importorskip("distributed", reason="the Dask extra (vnextract[dask]) is not installed")
    Run([tune_raw], tmp_path / "dask", config, engine="dask", workers=2, chunk_size=3, dask_processes=False).write()
    local, dask = entity_ids(tmp_path / "local"), entity_ids(tmp_path / "dask")
    assert local == dask and all(local.values())
    assert len(set(local.values())) < len(local)  # people named in several documents share an id
    entities = {name: duckdb.sql(f"SELECT * FROM read_parquet('{path}') ORDER BY entity_id").fetchall()
                for name, path in (("local", tmp_path / "local" / "entities.parquet"),
                                   ("dask", tmp_path / "dask" / "entities" / "*.parquet"))}
    assert entities["local"] == entities["dask"]


def test_a_grown_corpus_keeps_every_earlier_id(tune_raw: Path, tmp_path: Path, config: Config) -> None:
    first = tmp_path / "first"
    first.mkdir()
    later = sorted(tune_raw.iterdir())[5:]
    for path in sorted(tune_raw.iterdir())[:5]:
        (first / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    Run([first], out, config, formats=["csv", "parquet"], workers=1).write()
    before = entity_ids(out)
    for path in later:
        (first / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    Run([first], out, config, formats=["csv", "parquet"], workers=1).write()
    after = entity_ids(out)
    assert {key: after[key] for key in before} == before
    # records of the new documents joined earlier people (Vũ Đình Khải of 01 in 07 and 10, among others)
    assert {after[key] for key in after if key not in before} & set(before.values())
    # --resume over the same corpus gives the same ids again
    Run([first], out, config, formats=["csv", "parquet"], workers=1, resume=True).write()
    assert entity_ids(out) == after


def test_tables_carry_the_ids_in_every_format(tune_raw: Path, tmp_path: Path, config: Config) -> None:
    out = tmp_path / "out"
    Run([tune_raw], out, config, formats=["csv", "parquet", "jsonl"], workers=1).write()
    ids = entity_ids(out)
    with open(out / "records.jsonl", encoding="utf-8") as handle:
        from_jsonl = {(r["doc_id"], p["person_id"]): p["entity_id"] for r in map(json.loads, handle) for p in r["people"]}
    assert from_jsonl == ids
    from_csv = duckdb.sql(f"SELECT doc_id, person_id, entity_id FROM read_csv('{out}/people.csv')").fetchall()
    assert {(d, p): e for d, p, e in from_csv} == ids
    with duckdb.connect(str(out / "extraction.duckdb"), read_only=True) as db:
        persons = db.execute("SELECT count(*) FROM entities WHERE type = 'PERSON'").fetchone()[0]
        assert persons == len(set(ids.values()))
        # Lê Quang Thuận: Đại tá in 2025, Thiếu tướng and Phó Tư lệnh Quân khu 3 in 2026, in one timeline
        # (a later report names him by post alone, with no rank)
        timeline = db.execute("SELECT rank, position FROM person_timeline WHERE name = 'Lê Quang Thuận' "
                              "ORDER BY date").fetchall()
        ranks = [rank for rank, _ in timeline if rank]
        assert ranks[0] == "Đại tá" and ranks[-1] == "Thiếu tướng" and timeline[-1][1] == "Phó Tư lệnh"
        held = db.execute("SELECT DISTINCT name FROM organization_people WHERE organization = 'Quân khu 3' "
                          "AND position = 'Tư lệnh'").fetchall()
        assert held == [("Vũ Đình Khải",)]
        # the namesakes of the gold (one key per real person) are never one entity
        keys = {(doc.doc_id, r.fields["name"]): r.fields["key"] for doc in read_gold_dir(TUNE) for r in doc.records
                if r.fields.get("name") == "Trần Minh Đức"}
        rows = db.execute("SELECT doc_id, name, entity_id FROM people WHERE name = 'Trần Minh Đức'").fetchall()
        held: dict[str, set[str]] = {}
        for doc_id, name, entity_id in rows:
            held.setdefault(entity_id, set()).add(keys[(doc_id, name)])
        assert person_key("Trần Minh Đức") and len(set(keys.values())) > 1 and len(rows) == len(keys)
        assert all(len(people) == 1 for people in held.values()), held


def test_a_document_stating_the_move_joins_the_posts_before_and_after() -> None:
    police = record("a", "2025-03-01", None, "Giám đốc", "Công an tỉnh Nghệ An", name="Lê Văn An")
    # "Giám đốc Công an tỉnh Nghệ An Lê Văn An được bầu làm Chủ tịch UBND tỉnh Hà Tĩnh"
    move = record("b", "2025-09-01", None, "Chủ tịch", "Ủy ban nhân dân tỉnh Hà Tĩnh",
                  former=("Giám đốc", "Công an tỉnh Nghệ An"), name="Lê Văn An")
    governor = record("c", "2026-05-01", None, "Chủ tịch", "Ủy ban nhân dân tỉnh Hà Tĩnh", name="Lê Văn An")
    assert compare(police, governor, RULES).unrelated_units  # alone, two posts of two provinces: two people
    ids, _ = block_entities(cluster([police, move, governor], RULES), RULES.ambiguous_limit)
    assert len(set(ids)) == 1


def test_names_clustered_by_several_processes_get_the_ids_of_one(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.entities import synthetic_corpus

    # small thresholds, so that a few thousand records take three processes and several partitions each
    monkeypatch.setattr(pipeline.entities, "RECORDS_PER_PROCESS", 100)
    monkeypatch.setattr(pipeline.entities, "RECORDS_PER_SORT", 400)
    source = synthetic_corpus(3000, tmp_path / "source")
    tables = {}
    for cores in (1, 3):
        directory = tmp_path / str(cores)
        directory.mkdir()
        for name in ("documents", "mentions", "people"):
            (directory / f"{name}.parquet").write_bytes((source / f"{name}.parquet").read_bytes())
        count = pipeline.entities.add_entities(directory, None, RULES, cores)
        tables[cores] = (count, *(duckdb.sql(f"SELECT * FROM read_parquet('{directory / name}.parquet')").fetchall()
                                  for name in ("people", "entities")))
    assert tables[1][0] > 0 and tables[1][1]
    assert tables[3] == tables[1]


def test_small_chunks_give_the_tables_of_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.entities import synthetic_corpus

    # the step works in chunks so that its memory does not grow with the corpus (names a group of partitions at a
    # time, sorts by ranges of entity ids and of places in the people table): chunks of a few hundred rows, over the
    # people table as a dataset of two files, must give the tables that one chunk over one file gives
    source = synthetic_corpus(3000, tmp_path / "source")
    whole = tmp_path / "whole"
    whole.mkdir()
    for name in ("documents", "mentions", "people"):
        (whole / f"{name}.parquet").write_bytes((source / f"{name}.parquet").read_bytes())
    count = pipeline.entities.add_entities(whole, None, RULES)
    chunked = tmp_path / "chunked"
    (chunked / "people").mkdir(parents=True)
    for name in ("documents", "mentions"):
        (chunked / f"{name}.parquet").write_bytes((source / f"{name}.parquet").read_bytes())
    people = pq.read_table(source / "people.parquet")
    pq.write_table(people.slice(0, 1000), chunked / "people" / "part-00000.parquet")
    pq.write_table(people.slice(1000), chunked / "people" / "part-00001.parquet")
    monkeypatch.setattr(pipeline.entities, "RECORDS_PER_SORT", 200)
    monkeypatch.setattr(pipeline.entities, "PARTITIONS_PER_GROUP", 3)
    monkeypatch.setattr(pipeline.entities, "ROWS_PER_SORT", 300)
    assert pipeline.entities.add_entities(chunked, None, RULES) == count > 0
    expected = pq.read_table(whole / "people.parquet").to_pylist()
    assert all(row["entity_id"] for row in expected)
    assert [row for part in ("part-00000", "part-00001")
            for row in pq.read_table(chunked / "people" / f"{part}.parquet").to_pylist()] == expected
    assert (pq.read_table(chunked / "entities" / "part-00000.parquet").to_pylist()
            == pq.read_table(whole / "entities.parquet").to_pylist())


@pytest.mark.parametrize("spec", [
    {"bodies": "Bộ Chỉ huy Quân sự", "commanders": {"Quân khu 4": ["tỉnh Nghệ An"]}},
    {"bodies": ["Bộ Chỉ huy Quân sự"], "commanders": {"Quân khu 4": "tỉnh Nghệ An"}},
    {"bodies": ["Bộ Chỉ huy Quân sự"]},
    ["Quân khu 4"],
])
def test_a_bad_commanded_by_names_its_file_and_key(spec: object) -> None:
    with pytest.raises(LexiconError, match=r"identity\.yaml: 'commanded_by' needs"):
        _commanded_by(Path("configs/lexicons/identity.yaml"), {"commanded_by": spec})


def test_commanded_by_maps_each_body_of_each_place() -> None:
    found = _commanded_by(Path("identity.yaml"), {"commanded_by": {
        "bodies": ["Bộ Chỉ huy Quân sự"], "commanders": {"Quân khu 4": ["tỉnh Nghệ An", "thành phố Huế"]}}})
    assert found == {org_key("Bộ Chỉ huy Quân sự tỉnh Nghệ An"): org_key("Quân khu 4"),
                     org_key("Bộ Chỉ huy Quân sự thành phố Huế"): org_key("Quân khu 4")}
    assert _commanded_by(Path("identity.yaml"), {}) == {}

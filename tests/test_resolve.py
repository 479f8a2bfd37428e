"""Resolve: person records (rank, position, organization at the end of the document) and acronym records."""

from __future__ import annotations

import pytest

from pipeline.model import Mention, PersonRecord
from pipeline.resolve import expand_text


def records(process, text: str) -> dict[str, tuple]:
    return {p.name: (p.rank, p.position, p.organization) for p in process(text).people}


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP dự hội nghị.", "Lê Văn Bình", ("Thiếu tướng", "Phó Tư lệnh", "Bộ đội Biên phòng")),
    ("Phó Tư lệnh BĐBP Lê Văn Bình phát biểu.", "Lê Văn Bình", (None, "Phó Tư lệnh", "Bộ đội Biên phòng")),
    ("Đại tá Trần Văn Hải - Chỉ huy trưởng BĐBP tỉnh Nghệ An phát biểu.", "Trần Văn Hải",
     ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An")),
    ("Thượng tá Lê Văn Nam (Phó Chính ủy BĐBP tỉnh Quảng Trị) dự lễ.", "Lê Văn Nam",
     ("Thượng tá", "Phó Chính ủy", "Bộ đội Biên phòng tỉnh Quảng Trị")),
    ("Thiếu tá Lò Văn Hùng, Đồn trưởng Đồn Biên phòng Pù Nhi kiểm tra.", "Lò Văn Hùng",
     ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Pù Nhi")),
    ("Đồng chí Nguyễn Văn Hùng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu.", "Nguyễn Văn Hùng",
     (None, "Bí thư", "Tỉnh ủy")),
    ("Đồng chí Hoàng Văn Sơn, Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng thi đua dự.", "Hoàng Văn Sơn",
     (None, "Chủ tịch", None)),
    ("Đại tá Trần Văn Hải dự lễ. Tại buổi lễ, Đại tá Trần Văn Hải được thăng quân hàm Thiếu tướng. "
     "Thiếu tướng Trần Văn Hải phát biểu.", "Trần Văn Hải", ("Thiếu tướng", None, None)),
    ("Thượng tá Lê Văn Nam được thăng quân hàm từ Thượng tá lên Đại tá. Đại tá Lê Văn Nam phát biểu.", "Lê Văn Nam",
     ("Đại tá", None, None)),
    ("Đại tá Trần Văn Hải, Phó Chỉ huy trưởng BĐBP tỉnh Nghệ An dự. Sau đó, Đại tá Trần Văn Hải, "
     "Chỉ huy trưởng BĐBP tỉnh Nghệ An phát biểu.", "Trần Văn Hải",
     ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Nghệ An")),
])
def test_person_record(process, text: str, name: str, expected: tuple) -> None:
    got = records(process, text)
    assert name in got, got
    rank, position, organization = got[name]
    want_rank, want_position, want_org = expected
    assert rank == want_rank
    assert position == want_position
    if want_org is not None:
        assert organization is not None and organization.startswith(want_org), organization
    elif want_position is None:
        assert organization is None


def test_records_link_all_mentions(process) -> None:
    result = process("Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP dự. Phó Tư lệnh BĐBP Lê Văn Bình phát biểu. "
                     "Đại tá Trần Văn Hải cùng dự.")
    assert [p.name for p in result.people] == ["Lê Văn Bình", "Trần Văn Hải"]
    by_id = {m.mention_id: m for m in result.mentions}
    first = result.people[0]
    assert isinstance(first, PersonRecord) and first.person_id == "p1"
    assert [by_id[i].text for i in first.mention_ids] == ["Lê Văn Bình", "Lê Văn Bình"]
    assert all(by_id[i].type == "PERSON" for p in result.people for i in p.mention_ids)


def test_no_person_no_record(process) -> None:
    assert process("Ban Chỉ huy BĐBP tỉnh Nghệ An tổ chức hội nghị.").people == []


def test_rank_with_force_cue(process) -> None:
    assert records(process, "Đại tá QĐND Trần Văn Hải, Chính ủy BĐBP dự lễ.")["Trần Văn Hải"][0] == "Đại tá"


def test_acronym_records(process) -> None:
    result = process("Bộ Chỉ huy (BCH) BĐBP tỉnh Lạng Sơn họp. BCH BĐBP tỉnh Lạng Sơn quyết định. "
                     "Phong trào thi đua, khen thưởng (TĐKT) của Đoàn thanh niên và BCH Đoàn được tổ chức.")
    got = {a.acronym: (a.expansion, a.source, a.count) for a in result.acronyms}
    assert got["BCH"] == ("Bộ Chỉ huy", "document", 3)
    assert got["BĐBP"] == ("Bộ đội Biên phòng", "dictionary", 2)
    assert got["TĐKT"] == ("thi đua, khen thưởng", "document", 1)
    assert [a.acronym for a in result.acronyms] == ["BCH", "BĐBP", "TĐKT"]


def test_unknown_acronym_record(process) -> None:
    [record] = process("Tổ công tác QXKT được thành lập.").acronyms
    assert (record.acronym, record.expansion, record.source, record.count) == ("QXKT", None, "unknown", 1)


def test_standalone_org_acronym_record_source(process) -> None:
    [record] = process("Phó Tư lệnh BĐBP dự hội nghị. Cán bộ BĐBP tuần tra.").acronyms
    assert (record.acronym, record.source, record.count) == ("BĐBP", "dictionary", 2)


def _acronym(text: str, acronym: str, expansion: str | None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(acronym, start + 1)
    return Mention("ACRONYM", start, start + len(acronym), acronym, expansion)


@pytest.mark.parametrize(("text", "acronyms", "expected"), [
    ("Phó Tư lệnh BĐBP dự họp.", [("BĐBP", "Bộ đội Biên phòng", 0)],
     "Phó Tư lệnh BĐBP (Bộ đội Biên phòng) dự họp."),
    # a definition in the text is already an expansion
    ("công tác thi đua, khen thưởng (TĐKT) và TĐKT năm 2025", [("TĐKT", "thi đua, khen thưởng", 0),
                                                                ("TĐKT", "thi đua, khen thưởng", 1)],
     "công tác thi đua, khen thưởng (TĐKT) và TĐKT (thi đua, khen thưởng) năm 2025"),
    ("BĐBP (Bộ đội Biên phòng) tỉnh", [("BĐBP", "Bộ đội Biên phòng", 0)], "BĐBP (Bộ đội Biên phòng) tỉnh"),
    # an unknown acronym is never guessed
    ("Đoàn XYZQ đến thăm.", [("XYZQ", None, 0)], "Đoàn XYZQ đến thăm."),
    ("UBND, HĐND tỉnh", [("UBND", "Ủy ban nhân dân", 0), ("HĐND", "Hội đồng nhân dân", 0)],
     "UBND (Ủy ban nhân dân), HĐND (Hội đồng nhân dân) tỉnh"),
])
def test_expand_text(text, acronyms, expected):
    mentions = [_acronym(text, a, e, n) for a, e, n in acronyms]
    assert expand_text(text, mentions) == expected


def test_text_expanded_in_pipeline(process):
    text = "Thiếu tướng Võ Tiến Nghị, Phó Tư lệnh BĐBP dự hội nghị."
    result = process(text)
    assert result.text_expanded == "Thiếu tướng Võ Tiến Nghị, Phó Tư lệnh BĐBP (Bộ đội Biên phòng) dự hội nghị."


def test_repeating_a_title_without_its_organization_keeps_it(process):
    text = ("Thượng tá Vi Văn Đức, Đồn trưởng Đồn Biên phòng Thông Thụ phát biểu. "
            "Đồn trưởng Vi Văn Đức đề nghị duy trì trao đổi thông tin.")
    people = {p.name: p for p in process(text).people}
    assert people["Vi Văn Đức"].organization == "Đồn Biên phòng Thông Thụ"
    assert people["Vi Văn Đức"].position == "Đồn trưởng"


def test_docstring_examples_hold() -> None:
    import doctest

    import pipeline.resolve

    assert doctest.testmod(pipeline.resolve).failed == 0

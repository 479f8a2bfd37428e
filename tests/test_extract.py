"""Extractors, one block per entity type, through the session pipeline (good and bad cases)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.extract.acronyms import find_definitions, is_acronym
from pipeline.extract.base import is_acronym_form, looks_like_word


def of_type(mentions, type_):
    return [(text, norm) for t, text, norm in mentions if t == type_]


# --- RANK ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Đại tá Trần Văn Hải dự hội nghị.", [("Đại tá", "Đại tá")]),
    ("ĐẠI TÁ Trần Văn Hải dự hội nghị.", [("ĐẠI TÁ", "Đại tá")]),
    ("đại tá Trần Văn Hải dự hội nghị.", [("đại tá", "Đại tá")]),
    ("Đại tướng Phan Văn Khải dự lễ.", [("Đại tướng", "Đại tướng")]),
    ("Phó Đô đốc Nguyễn Văn Bình dự lễ.", [("Phó Đô đốc", "Phó Đô đốc")]),
    ("Đô đốc Nguyễn Văn Bình dự lễ.", [("Đô đốc", "Đô đốc")]),
    ("Chuẩn Đô đốc Lê Văn An dự lễ.", [("Chuẩn Đô đốc", "Chuẩn Đô đốc")]),
    ("Được thăng quân hàm từ Đại tá lên Thiếu tướng.", [("Đại tá", "Đại tá"), ("Thiếu tướng", "Thiếu tướng")]),
    ("Trung úy Hà Văn Tú và Binh nhì Lò Văn Sáng tuần tra.", [("Trung úy", "Trung úy"), ("Binh nhì", "Binh nhì")]),
    ("Hội nghị có đại biểu các đơn vị.", []),
    ("Đại hội Đảng bộ BĐBP tỉnh.", []),
    ("Tướng quân đội dự lễ.", []),
])
def test_ranks(extract, text, expected) -> None:
    assert of_type(extract(text), "RANK") == expected


def test_rank_order_and_force(process) -> None:
    result = process("Đại tá QĐND Trần Văn Hải và Thiếu tướng Lê Văn Bình dự lễ.")
    ranks = [m for m in result.mentions if m.type == "RANK"]
    assert [(m.text, m.attrs.get("force")) for m in ranks] == [("Đại tá", "QĐND"), ("Thiếu tướng", None)]
    assert ranks[0].attrs["order"] < ranks[1].attrs["order"]


def test_person_after_rank_and_force(extract) -> None:
    assert ("PERSON", "Trần Văn Hải", "Trần Văn Hải") in extract("Đại tá QĐND Trần Văn Hải dự lễ.")


# --- POSITION -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP dự.", [("Phó Tư lệnh", "Phó Tư lệnh")]),
    ("Phó Tư lệnh BĐBP Lê Văn Bình phát biểu.", [("Phó Tư lệnh", "Phó Tư lệnh")]),
    ("Đồng chí Trịnh Văn Toàn, Phó Bí thư Thường trực Tỉnh ủy dự.", [("Phó Bí thư Thường trực", "Phó Bí thư Thường trực")]),
    ("Thượng tá Lê Văn Nam, Phó Chính ủy BĐBP tỉnh Quảng Trị dự.", [("Phó Chính ủy", "Phó Chính ủy")]),
    ("Chủ tịch nước dự lễ.", [("Chủ tịch nước", "Chủ tịch nước")]),
    ("Thủ tướng Chính phủ chỉ đạo.", [("Thủ tướng", "Thủ tướng")]),
    ("Bộ trưởng Bộ Quốc phòng dự lễ.", [("Bộ trưởng", "Bộ trưởng")]),
    ("Thiếu tá Lò Văn Hùng, Đồn trưởng Đồn Biên phòng Pù Nhi kiểm tra.", [("Đồn trưởng", "Đồn trưởng")]),
    ("Ông là bộ trưởng đầu tiên.", []),
    ("Có ba bộ trưởng và nhiều chủ tịch xã tham dự.", []),
    ("Cán bộ, chiến sĩ đơn vị tham dự.", []),
    ("Tàu cá do thuyền trưởng Trương Văn Lực điều khiển.", [("thuyền trưởng", "Thuyền trưởng")]),
    ("Ông Sok Sa Rát, Phó Tỉnh trưởng tỉnh Kampot dự.", [("Phó Tỉnh trưởng", "Phó Tỉnh trưởng")]),
    ("Ông từng là giám đốc nhiều năm.", []),
    ("Tàu cá do ông Trần Văn Út làm thuyền trưởng bị chìm.", [("thuyền trưởng", "Thuyền trưởng")]),
    ("Tàu Hải Đăng làm thuyền trưởng lo lắng.", []),  # a capitalised run that opens the sentence is no name
    # a title after a number or a plural word is a plural, no office of one person
    ("Bộ trưởng bổ nhiệm 3 Phó Giám đốc Công an tỉnh.", [("Bộ trưởng", "Bộ trưởng")]),
    # a title after the header's date is no count of titles
    ("date 2028-09-25 Phó Thủ tướng kiểm tra khắc phục hậu quả lũ.", [("Phó Thủ tướng", "Phó Thủ tướng")]),
    ("Các Phó Tư lệnh dự hội nghị.", []),
    # "phòng này" names the body: the role is "Trưởng"
    ("Bà Lê Thị Hoa được bổ nhiệm giữ chức Trưởng phòng này.", [("Trưởng", "Trưởng")]),
    ("Ông Lê Văn An, Phó Trưởng ban này, phát biểu.", [("Phó Trưởng", "Phó Trưởng")]),
    ("Ông Lê Văn An, Trưởng phòng Tổ chức cán bộ, phát biểu.", [("Trưởng phòng", "Trưởng phòng")]),
    # the word of a title written again opens the body's name; a name that opens with it does not double it
    ("Ông Khương giữ chức Trưởng Ban Ban Tuyên giáo và Dân vận Tỉnh ủy.", [("Trưởng Ban", "Trưởng ban")]),
    ("Trung tá Lò Văn Pánh, Trưởng Phòng Phòng chống ma túy và tội phạm dự.", [("Trưởng", "Trưởng")]),
    # a lower-case prefix after a verb is the verb's object
    ("Thiếu tá A được giao quyền Đồn trưởng.", [("Đồn trưởng", "Đồn trưởng")]),
])
def test_positions(extract, text, expected) -> None:
    mentions = extract(text)
    assert of_type(mentions, "POSITION") == expected
    for position, _ in of_type(mentions, "POSITION"):
        assert "BĐBP" not in position and "Bộ Quốc phòng" not in position and "Tỉnh ủy" not in position


def test_position_does_not_include_org(extract) -> None:
    mentions = extract("Phó Tư lệnh BĐBP Lê Văn Bình phát biểu.")
    assert ("ORG", "BĐBP", "Bộ đội Biên phòng") in mentions


# --- ACRONYM ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("công tác thi đua, khen thưởng (TĐKT) năm 2025", [("TĐKT", "thi đua, khen thưởng")]),
    ("Cán bộ Bộ đội Biên phòng (BĐBP) tuần tra", [("BĐBP", "Bộ đội Biên phòng")]),
    ("Bộ Chỉ huy (BCH) BĐBP tỉnh", [("BCH", "Bộ Chỉ huy")]),
    ("phòng, chống tội phạm ( PCTP ) ma túy", [("PCTP", "phòng, chống tội phạm")]),
    ("quản lý và bảo vệ (QLBV) biên giới", [("QLBV", "quản lý và bảo vệ")]),
    ("khu vực hợp tác (KVHT) và nhóm (NT)", [("KVHT", "khu vực hợp tác")]),
    ("Lực lượng xung kích (XYZ) tuần tra", []),
    ("Đơn vị (BĐBP) tuần tra", []),
    ("tuần tra (bảo vệ) biên giới", []),
    ("(TĐKT) ở đầu câu", []),
    ("thi đua. Khen thưởng (TĐKT)", []),
])
def test_find_definitions(text, expected) -> None:
    assert [(d.acronym, d.long_form) for d in find_definitions(text)] == expected
    for d in find_definitions(text):
        assert text[d.start:d.end] == d.long_form


@pytest.mark.parametrize(("token", "known", "expected"), [
    ("BĐBP", True, True), ("XYZ", False, True), ("TĐKT", False, True),
    ("III", False, False), ("HỘI", False, False), ("NGHỊ", False, False), ("TTg", False, False),
    ("A", False, False), ("Bộ", False, False), ("KT-XH", False, False),
])
def test_is_acronym(token, known, expected) -> None:
    assert is_acronym(token, known) is expected


def test_acronym_helpers() -> None:
    assert is_acronym_form("BĐBP") and not is_acronym_form("TTg") and not is_acronym_form("B")
    assert looks_like_word("HỘI") and not looks_like_word("BĐBP")


@pytest.mark.parametrize(("text", "expected"), [
    ("Hội nghị tổng kết công tác thi đua, khen thưởng (TĐKT) năm 2025. Phong trào TĐKT phát triển.",
     [("TĐKT", "thi đua, khen thưởng", "document")] * 2),
    ("Ban Chỉ huy BĐBP tỉnh Nghệ An tổ chức hội nghị.", [("BĐBP", "Bộ đội Biên phòng", "dictionary")]),
    ("Đại hội BCH Đoàn thanh niên.", [("BCH", "Ban Chấp hành", "dictionary")]),
    ("Bộ Chỉ huy (BCH) BĐBP tỉnh Lạng Sơn họp.", [("BCH", "Bộ Chỉ huy", "document"), ("BĐBP", "Bộ đội Biên phòng", "dictionary")]),
    ("Tổ công tác QXKT được thành lập.", [("QXKT", None, "unknown")]),
    # a foreign agency by the acronym of its English name; a company's legal form
    ("Đại diện JICA tại Việt Nam dự.", [("JICA", "Cơ quan Hợp tác quốc tế Nhật Bản", "dictionary")]),
    ("Công ty TNHH MTV Cảng Hải Phòng.", [("TNHH", "trách nhiệm hữu hạn", "dictionary"),
                                         ("MTV", "một thành viên", "dictionary")]),
    # academic degrees before a name
    ("Báo cáo có PGS.TS Trần Thị Hương Giang.",
     [("PGS", "phó giáo sư", "dictionary"), ("TS", "tiến sĩ", "dictionary")]),
    # two abbreviations joined as one, an entry of the lexicon; written apart, each its own
    ("Phòng Cảnh sát PCCC&CNCH Công an tỉnh Quảng Ninh ra quân.",
     [("PCCC&CNCH", "phòng cháy, chữa cháy và cứu nạn, cứu hộ", "dictionary")]),
    ("Lực lượng PCCC và CNCH có mặt.", [("PCCC", "phòng cháy, chữa cháy", "dictionary"),
                                        ("CNCH", "cứu nạn, cứu hộ", "dictionary")]),
    # a fishing boat's registration with a province code of mixed case is one identifier; a fisheries surveillance
    # vessel's designation; Japan's coast guard by its English acronym
    ("Tàu cá QNg 90123 TS bị nạn, tàu KN 290 đến hỗ trợ.", [("KN", "Kiểm ngư", "dictionary")]),
    ("Tàu của JCG cập cảng Tiên Sa.", [("JCG", "Lực lượng Bảo vệ bờ biển Nhật Bản", "dictionary")]),
    ("HỘI NGHỊ TỔNG KẾT giai đoạn III.", []),
    ("Quyết định số 12/QĐ-TTg của Chính phủ.", []),
])
def test_acronym_mentions(process, text, expected) -> None:
    mentions = [m for m in process(text).mentions if m.type == "ACRONYM" and m.text != "QĐ"]
    assert [(m.text, m.normalized, m.attrs.get("expansion_source")) for m in mentions] == expected


def test_ttg_never_an_acronym(extract) -> None:
    assert not [m for m in extract("Quyết định số 12/QĐ-TTg của Thủ tướng.") if m[1] == "TTg"]


def test_standalone_org_acronym_keeps_its_source(process) -> None:
    result = process("Phó Tư lệnh BĐBP dự hội nghị.")
    [acronym] = [m for m in result.mentions if m.type == "ACRONYM"]
    assert acronym.attrs.get("expansion_source") == "dictionary"


# --- PLACE --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Đoàn công tác đến xã Pà Vầy Sủ kiểm tra.", [("xã Pà Vầy Sủ", "xã Pà Vầy Sủ")]),
    ("Lực lượng chức năng phường Hạc Thành vào cuộc.", [("phường Hạc Thành", "phường Hạc Thành")]),
    ("Đoàn làm việc tại Nghệ An.", [("Nghệ An", "tỉnh Nghệ An")]),
    ("Đoàn làm việc tại Thanh Hoá và Nghệ An.", [("Thanh Hoá", "tỉnh Thanh Hóa"), ("Nghệ An", "tỉnh Nghệ An")]),
    ("Đoàn công tác đến tỉnh Thanh Hoá kiểm tra.", [("tỉnh Thanh Hoá", "tỉnh Thanh Hóa")]),
    ("Đoàn đến thành phố Huế.", [("thành phố Huế", "thành phố Huế")]),
    ("Lãnh đạo các tỉnh: Lạng Sơn, Cao Bằng, Quảng Ninh dự họp.",
     [("Lạng Sơn", "tỉnh Lạng Sơn"), ("Cao Bằng", "tỉnh Cao Bằng"), ("Quảng Ninh", "tỉnh Quảng Ninh")]),
    ("Văn bản Chỉ thị được ban hành.", []),
    ("Đoàn đến thăm miền Trung và Tây Bắc.", []),
    ("Lực lượng của xã tham gia.", []),
])
def test_places(extract, text, expected) -> None:
    assert of_type(extract(text), "PLACE") == expected


def test_former_province_keeps_its_name_with_successor(process) -> None:
    [place] = [m for m in process("Đoàn công tác đến tỉnh Hà Giang kiểm tra.").mentions if m.type == "PLACE"]
    assert (place.text, place.normalized, place.attrs.get("successor")) == ("tỉnh Hà Giang", "tỉnh Hà Giang", "tỉnh Tuyên Quang")


def test_bare_former_province(process) -> None:
    [place] = [m for m in process("Cán bộ từ Hà Giang về dự.").mentions if m.type == "PLACE"]
    assert (place.normalized, place.attrs.get("successor")) == ("tỉnh Hà Giang", "tỉnh Tuyên Quang")


def test_place_does_not_swallow_person(extract) -> None:
    mentions = extract("Phó Chủ tịch UBND tỉnh Nghệ An Hoàng Văn Sơn dự hội nghị.")
    assert ("PERSON", "Hoàng Văn Sơn", "Hoàng Văn Sơn") in mentions


# --- ORG ----------------------------------------------------------------------------------------

def test_org_maximal_with_nested(extract) -> None:
    mentions = extract("Ban chỉ huy BĐBP Thanh Hóa tổ chức hội nghị.")
    assert mentions == [
        ("ORG", "Ban chỉ huy BĐBP Thanh Hóa", "Ban Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa"),
        ("ACRONYM", "BĐBP", "Bộ đội Biên phòng"),
        ("PLACE", "Thanh Hóa", "tỉnh Thanh Hóa"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("Cụm thi đua số 3 tổ chức ký kết giao ước.", [("Cụm thi đua số 3", "Cụm thi đua số 3")]),
    ("Ban Chỉ huy BĐBP các tỉnh tham dự.", [("BĐBP", "Bộ đội Biên phòng")]),
    ("Cán bộ Bộ đội Biên phòng (BĐBP) tuần tra.", [("Bộ đội Biên phòng", "Bộ đội Biên phòng")]),
    ("Ban Thường vụ Đảng ủy, Bộ Tư lệnh BĐBP chỉ đạo.",
     [("Ban Thường vụ Đảng ủy", "Ban Thường vụ Đảng ủy Bộ đội Biên phòng"), ("Bộ Tư lệnh BĐBP", "Bộ Tư lệnh Bộ đội Biên phòng")]),
    ("Thiếu tá Lò Văn Hùng, Đồn trưởng Đồn Biên phòng Pù Nhi kiểm tra.", [("Đồn Biên phòng Pù Nhi", "Đồn Biên phòng Pù Nhi")]),
    ("Ảnh: TTXVN", [("TTXVN", "Thông tấn xã Việt Nam")]),
    ("Bộ Chỉ huy (BCH) BĐBP tỉnh Lạng Sơn họp.", [("Bộ Chỉ huy (BCH) BĐBP tỉnh Lạng Sơn", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn")]),
    ("Công an các tỉnh phối hợp.", []),
    ("Các đơn vị và chính quyền địa phương phối hợp.", []),
    ("Ban chỉ đạo họp.", []),
    # sentence-case names: lower-case words up to the next naming part
    ("Đại đội Bảo vệ biên giới 283 tuần tra.", [("Đại đội Bảo vệ biên giới 283", "Đại đội Bảo vệ biên giới 283")]),
    ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Thanh Hóa bắt giữ.",
     [("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Thanh Hóa",
       "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Thanh Hóa")]),
    ("Phòng Cảnh sát hình sự (CSHS) Công an thành phố Hà Nội bắt giữ.",
     [("Phòng Cảnh sát hình sự (CSHS) Công an thành phố Hà Nội", "Phòng Cảnh sát hình sự Công an thành phố Hà Nội")]),
    ("Phòng Nghiệp vụ hướng dẫn 3 đơn vị.", [("Phòng Nghiệp vụ", "Phòng Nghiệp vụ")]),
    ("Ban Chỉ huy BĐBP tỉnh phối hợp với Công an tỉnh.",
     [("Ban Chỉ huy BĐBP tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"), ("Công an tỉnh", "Công an tỉnh")]),
    ("Cục Phòng, chống ma túy và tội phạm BĐBP chỉ đạo.",
     [("Cục Phòng, chống ma túy và tội phạm BĐBP", "Cục Phòng, chống ma túy và tội phạm Bộ đội Biên phòng")]),
    # a name complete before "các" is not a plural
    ("Đề nghị UBND tỉnh các giải pháp.", [("UBND tỉnh", "Ủy ban nhân dân tỉnh")]),
    ("Báo cáo Thủ tướng Chính phủ các nội dung.", [("Chính phủ", "Chính phủ")]),
    # a body of a standalone organization; a head inside a word ("cán bộ") is not one
    ("Ông là Ủy viên Ban Thường vụ Tỉnh ủy.", [("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy")]),
    ("Anh là cán bộ Công an phường.", [("Công an phường", "Công an phường")]),
    # underthesea's "biểu dương Đồn" is split at the capital
    ("Đại tá biểu dương Đồn Biên phòng Cửa khẩu quốc tế Mộc Bài.",
     [("Đồn Biên phòng Cửa khẩu quốc tế Mộc Bài", "Đồn Biên phòng cửa khẩu quốc tế Mộc Bài")]),
    # a numbered head without its number refers back to the one of the document
    ("Lễ tại Bộ Tư lệnh Vùng 2 Hải quân. Đảng ủy, Bộ Tư lệnh Vùng quyết tâm.",
     [("Bộ Tư lệnh Vùng 2 Hải quân", "Bộ Tư lệnh Vùng 2 Hải quân"), ("Đảng ủy", "Đảng ủy Vùng 2 Hải quân"),
      ("Bộ Tư lệnh Vùng", "Bộ Tư lệnh Vùng 2 Hải quân")]),
    ("Tàu neo ở vùng biển Trường Sa.", []),
])
def test_orgs(extract, text, expected) -> None:
    assert of_type(extract(text), "ORG") == expected


def test_parenthesised_definition_is_acronym_only(extract) -> None:
    mentions = extract("Cán bộ Bộ đội Biên phòng (BĐBP) tuần tra.")
    assert [m for m in mentions if m[1] == "BĐBP"] == [("ACRONYM", "BĐBP", "Bộ đội Biên phòng")]


def test_standalone_org_acronym_is_org_and_acronym(extract) -> None:
    mentions = extract("Cán bộ BĐBP và Công an các tỉnh phối hợp.")
    assert [m for m in mentions if m[1] == "BĐBP"] == [("ORG", "BĐBP", "Bộ đội Biên phòng"), ("ACRONYM", "BĐBP", "Bộ đội Biên phòng")]


def test_party_committee_org(extract) -> None:
    assert ("ORG", "Đảng ủy BĐBP", "Đảng ủy Bộ đội Biên phòng") in extract("Đồng chí Lê Văn Bình, Phó Bí thư Đảng ủy BĐBP dự.")


def test_place_in_post_name(extract) -> None:
    assert ("PLACE", "Na Mèo", "xã Na Mèo") in extract("Đồn Biên phòng Na Mèo tuần tra.")


# --- PERSON -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Đại tá Trần Văn Hải dự hội nghị.", ["Trần Văn Hải"]),
    ("Phó Tư lệnh BĐBP Lê Văn Bình phát biểu.", ["Lê Văn Bình"]),
    ("Chỉ huy trưởng BĐBP Nghệ An Trần Văn Hải phát biểu.", ["Trần Văn Hải"]),
    ("Chỉ huy trưởng BĐBP tỉnh Nghệ An Trần Văn Hải phát biểu.", ["Trần Văn Hải"]),
    ("Thay mặt các đồng chí: Nguyễn Văn An, Trần Văn Bình và Lê Thị Chi phát biểu.", ["Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Chi"]),
    ("Đồng chí Hoàng Văn Sơn phát biểu.", ["Hoàng Văn Sơn"]),
    ("Bác Hồ Chí Minh căn dặn bộ đội.", ["Hồ Chí Minh"]),
    ("Tuần tra biên giới đạt kết quả tốt.\nHoàng Lan", ["Hoàng Lan"]),
    ("Đại tá Trần Văn Hải phát biểu. Sau đó, Trần Văn Hải trao thưởng.", ["Trần Văn Hải", "Trần Văn Hải"]),
    ("Đại tá Nguyễn Bảo Minh Tuấn Anh dự lễ.", ["Nguyễn Bảo Minh Tuấn"]),
    ("Đại tá Hải dự lễ.", []),
    ("Lực lượng Biên Phòng Tuần Tra Ngày Đêm.", []),
    ("Thành phố Hồ Chí Minh tổ chức lễ.", []),
    # a list after a cue, with birth years in parentheses
    ("Các đối tượng gồm: Đặng Văn Tú (sinh năm 1999), Lê Hoàng Nam (SN 2001) và Phùng Thế Anh (SN 2003).",
     ["Đặng Văn Tú", "Lê Hoàng Nam", "Phùng Thế Anh"]),
    # a lower-case honorific or cue vouches for a foreign name; a capitalised one does not
    ("Dự có ông Sok Sa Rát, Phó Tỉnh trưởng tỉnh Kampot.", ["Sok Sa Rát"]),
    ("Bắt quả tang đối tượng Xổm Phăn vận chuyển heroin.", ["Xổm Phăn"]),
    ("Bà con ở đây đón anh Hà Nội về.", []),
    # a photo credit
    ("Tuần tra biên giới.\nẢnh: Quốc Dũng", ["Quốc Dũng"]),
])
def test_people(extract, text, expected) -> None:
    names = [t for t, _ in of_type(extract(text), "PERSON")]
    assert names == expected
    assert all(2 <= len(name.split()) <= 4 for name in names)


def test_person_span_excludes_rank_and_honorific(process) -> None:
    text = "Đồng chí Đại tá Trần Văn Hải dự lễ."
    mentions = process(text).mentions
    person = [m for m in mentions if m.type == "PERSON"]
    assert [(m.text, m.start) for m in person] == [("Trần Văn Hải", text.index("Trần"))]


# --- mention selection --------------------------------------------------------------------------

SELECTION_TEXTS = [
    "Ban chỉ huy BĐBP Thanh Hóa tổ chức hội nghị.",
    "Thiếu tướng Lê Văn Bình, Phó Tư lệnh BĐBP dự hội nghị tại tỉnh Nghệ An sáng 23/9.",
    "Bộ Chỉ huy (BCH) BĐBP tỉnh Lạng Sơn họp. BCH BĐBP tỉnh Lạng Sơn quyết định.",
    "Đồng chí Hoàng Văn Sơn, Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng thi đua dự.",
    "Đồn Biên phòng Na Mèo phối hợp với Công an xã Na Mèo và Đồn Biên phòng Pù Nhi.",
    "Chủ tịch Hồ Chí Minh và Thành phố Hồ Chí Minh.",
    "Ban Thường vụ Đảng ủy, Bộ Tư lệnh BĐBP chỉ đạo BĐBP các tỉnh: Lạng Sơn, Cao Bằng.",
]


@pytest.mark.parametrize("text", SELECTION_TEXTS)
def test_nothing_nests_except_place_and_acronym_in_org(process, text) -> None:
    mentions = process(text).mentions
    for a in mentions:
        for b in mentions:
            if a is b or not (a.start < b.end and b.start < a.end):
                continue
            if (a.start, a.end) == (b.start, b.end):
                assert {a.type, b.type} == {"ORG", "ACRONYM"}, (a, b)
                continue
            outer, inner = (a, b) if a.start <= b.start and b.end <= a.end else (b, a)
            assert outer.start <= inner.start and inner.end <= outer.end, ("crossing", a, b)
            assert outer.type == "ORG" and inner.type in ("PLACE", "ACRONYM"), (outer, inner)
    orgs = [m for m in mentions if m.type == "ORG"]
    assert all(not (o is p) and not (o.start <= p.start and p.end <= o.end) for o in orgs for p in orgs if o is not p)


def test_mentions_sorted_and_ids_unique(process) -> None:
    mentions = process(SELECTION_TEXTS[1]).mentions
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert len({m.mention_id for m in mentions}) == len(mentions)


def test_header_not_annotated(process) -> None:
    text = "date 2025-09-23 Hội nghị BĐBP tỉnh Nghệ An\nSáng 23/9, Đại tá Trần Văn Hải phát biểu."
    mentions = process(text, date="2025-09-23").mentions
    assert all(m.start >= len("date 2025-09-23 ") for m in mentions)
    assert ("ORG", "BĐBP tỉnh Nghệ An") in [(m.type, m.text) for m in mentions]


@settings(max_examples=300, deadline=None)
@given(bounds=st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4)), max_size=12),
       rejected=st.sets(st.integers(0, 11)), looked_up=st.lists(st.integers(0, 15), max_size=6))
def test_lazy_span_choice_equals_filtering_first(bounds: list[tuple[int, int]], rejected: set[int],
                                                    looked_up: list[int]) -> None:
    """Whatever starts are looked up, in whatever order, each is the span spaCy's filter_spans takes there from the
    kept spans, and ``keep`` is asked of each span at most once."""
    from spacy.util import filter_spans

    from pipeline.extract.base import LazySpanChoice

    doc = Doc(Vocab(), words=["w"] * 16)
    spans = [Span(doc, start, start + length, label=str(i)) for i, (start, length) in enumerate(bounds)]

    asked: list[Span] = []

    def keep(span: Span) -> bool:
        asked.append(span)
        return int(span.label_) not in rejected

    expected = {s.start: (s.end, s.label_) for s in filter_spans([s for s in spans if keep(s)])}
    asked.clear()
    choice = LazySpanChoice(spans, keep)
    for start in looked_up + list(range(16)):
        found = choice.get(start)
        assert (None if found is None else (found.end, found.label_)) == expected.get(start)
        assert (start in choice) == (start in expected)
    assert set(choice.starts()) == {s.start for s in spans}
    assert len({id(span) for span in asked}) == len(asked)

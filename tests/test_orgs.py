"""ORG with the registry of official bodies, one block per kind of error it fixes (made-up text, good and bad cases)."""

from __future__ import annotations

import pytest

from pipeline.config import load_config
from pipeline.org_registry import OrgRegistry


def orgs(process, text: str, date: str | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.normalized) for m in process(text, date=date).mentions if m.type == "ORG"]


def org_mentions(process, text: str, date: str | None = None) -> dict:
    return {m.text: m for m in process(text, date=date).mentions if m.type == "ORG"}


# --- names that end where they end: sentence case, commas, any case -------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu đã khởi tố vụ án.",
     [("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu",
       "Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu")]),
    # a department named for its field, lower-case words ending the name with nothing after them; a verb is no field
    ("Phòng Quản lý đô thị phối hợp với Vụ Tổ chức cán bộ.",
     [("Phòng Quản lý đô thị", "Phòng Quản lý đô thị"), ("Vụ Tổ chức cán bộ", "Vụ Tổ chức cán bộ")]),
    ("Phòng Tham mưu tổ chức hội nghị.", [("Phòng Tham mưu", "Phòng Tham mưu")]),
    # "thuộc" (of) too: a unit and the body it belongs to, two organizations, the first completed with the second
    ("Đội Kiểm soát thuộc Chi cục Hải quan khu vực XII bắt giữ tàu chở dầu.",
     [("Đội Kiểm soát", "Đội Kiểm soát Chi cục Hải quan khu vực XII"),
      ("Chi cục Hải quan khu vực XII", "Chi cục Hải quan khu vực XII")]),
    # "do" (by) opens a clause, not the rest of a name
    ("Trung tâm Tim mạch do PGS.TS Lê Quang Vĩnh phụ trách đã cứu 12 bệnh nhân.",
     [("Trung tâm Tim mạch", "Trung tâm Tim mạch")]),
    # "và" before another body joins two bodies, not two functions of one name
    ("Đại tá Mai Xuân Trường được điều động về Cục Tác chiến và Học viện Chính trị cử đại diện.",
     [("Cục Tác chiến", "Cục Tác chiến"), ("Học viện Chính trị", "Học viện Chính trị")]),
    ("Cục Hợp tác quốc tế và Cục Đối ngoại làm việc.",
     [("Cục Hợp tác quốc tế", "Cục Hợp tác quốc tế"), ("Cục Đối ngoại", "Cục Đối ngoại")]),
    # written without its commas, the name is still whole, and normalized with them
    ("Cục Cảnh sát phòng cháy chữa cháy và cứu nạn cứu hộ kiểm tra kho hàng.",
     [("Cục Cảnh sát phòng cháy chữa cháy và cứu nạn cứu hộ",
       "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ")]),
    ("Đội Cảnh sát điều tra tội phạm về trật tự xã hội Công an huyện Quan Hóa bắt giữ đối tượng.",
     [("Đội Cảnh sát điều tra tội phạm về trật tự xã hội Công an huyện Quan Hóa",
       "Đội Cảnh sát điều tra tội phạm về trật tự xã hội Công an huyện Quan Hóa")]),
    ("Phòng Quản lý xuất nhập cảnh Công an tỉnh Lạng Sơn cấp hộ chiếu.",
     [("Phòng Quản lý xuất nhập cảnh Công an tỉnh Lạng Sơn", "Phòng Quản lý xuất nhập cảnh Công an tỉnh Lạng Sơn")]),
    ("CỤC CẢNH SÁT GIAO THÔNG KHUYẾN CÁO NGƯỜI DÂN", [("CỤC CẢNH SÁT GIAO THÔNG", "Cục Cảnh sát giao thông")]),
    ("Cục cảnh sát giao thông khuyến cáo người dân.", [("Cục cảnh sát giao thông", "Cục Cảnh sát giao thông")]),
    # a unit's code in parentheses stays inside the name; the name goes on to its parent
    ("Cục Cảnh sát giao thông (C08) Bộ Công an hướng dẫn.",
     [("Cục Cảnh sát giao thông (C08) Bộ Công an", "Cục Cảnh sát giao thông Bộ Công an")]),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa tổ chức hội nghị.",
     [("Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa", "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Hóa")]),
    # bad: a headline's words after a registry name are not its name; the lower-case noun is no body
    ("BỘ CÔNG AN THÔNG BÁO TUYỂN SINH", [("BỘ CÔNG AN", "Bộ Công an")]),
    ("Chính phủ hai nước đã ký kết. chính phủ hai nước đã ký kết.", [("Chính phủ", "Chính phủ")]),
    ("Các cục nghiệp vụ đã phối hợp.", []),
    # bad: a clause after a sentence-case name is no part of it, whatever place it leads to
    ("Đội Kiểm soát đã chuyển hồ sơ về Hải Phòng.", [("Đội Kiểm soát", "Đội Kiểm soát")]),
    # a seaport's border gate: the port's name, as written, ends the post's name
    ("Đồn Biên phòng Cửa khẩu cảng Vũng Tàu kiểm tra tàu.",
     [("Đồn Biên phòng Cửa khẩu cảng Vũng Tàu", "Đồn Biên phòng Cửa khẩu cảng Vũng Tàu")]),
    ("Ban Chỉ huy Bộ đội Biên phòng Cửa khẩu cảng Hải Phòng phối hợp.",
     [("Ban Chỉ huy Bộ đội Biên phòng Cửa khẩu cảng Hải Phòng", "Ban Chỉ huy Bộ đội Biên phòng Cửa khẩu cảng Hải Phòng")]),
    # a numbered defence zone and its place after a hyphen, whatever surname the place begins with
    ("Ban Chỉ huy Phòng thủ khu vực 3 - Lục Ngạn diễn tập.",
     [("Ban Chỉ huy Phòng thủ khu vực 3 - Lục Ngạn", "Ban Chỉ huy Phòng thủ khu vực 3 - Lục Ngạn")]),
    # a company's legal form opens its name, and its trade name keeps the place as the company writes it
    ("Công ty cổ phần Cảng Hải Phòng tiếp nhận tàu.",
     [("Công ty cổ phần Cảng Hải Phòng", "Công ty cổ phần Cảng Hải Phòng")]),
    # a centrally-run city's youth union; a regional university, whose name holds its city
    ("Thành đoàn Huế phát động phong trào.", [("Thành đoàn Huế", "Thành đoàn Huế")]),
    ("Đại học Huế ký kết hợp tác.", [("Đại học Huế", "Đại học Huế")]),
    # a port authority written alone refers back to the one named before
    ("Cảng vụ Hàng hải Vũng Tàu điều tàu. Cảng vụ đã thông báo.",
     [("Cảng vụ Hàng hải Vũng Tàu", "Cảng vụ Hàng hải Vũng Tàu"), ("Cảng vụ", "Cảng vụ Hàng hải Vũng Tàu")]),
    # a company's legal form, expanded in the normalized name
    ("Công ty TNHH Điện tử Sao Việt bị xử phạt.",
     [("Công ty TNHH Điện tử Sao Việt", "Công ty trách nhiệm hữu hạn Điện tử Sao Việt")]),
])
def test_names_end_where_they_end(process, text: str, expected: list) -> None:
    assert orgs(process, text) == expected


@pytest.mark.parametrize("text", [
    "Đại diện Sở Y tế tỉnh Bắc Ninh, Công an tỉnh Bắc Ninh dự.",
    "Bộ Chỉ huy Quân sự tỉnh Thanh Hóa triển khai. Thượng tá Hà Văn Kiên giữ chức Chủ nhiệm Hậu cần - Kỹ thuật Bộ "
    "Chỉ huy và Chính trị viên Ban Chỉ huy Phòng thủ khu vực 3.",
])
def test_a_list_shares_a_head_only_with_names_of_its_kind(process, text: str) -> None:
    assert not [m.text for m in process(text).mentions if m.type == "ORG" and m.source == "orgs.shared_head"]


# --- historic and standalone names ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "normalized", "attrs"), [
    ("Lực lượng Công an nhân dân vũ trang được thành lập năm 1959.", "Công an nhân dân vũ trang",
     "Công an nhân dân vũ trang", {"registry_id": "candvt", "successor": "Bộ đội Biên phòng"}),
    ("Bộ Kế hoạch và Đầu tư đã trình đề án.", "Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư",
     {"kind": "ministry", "successor": "Bộ Tài chính"}),
    ("Bộ Lao động - Thương binh và Xã hội đã trình đề án.", "Bộ Lao động - Thương binh và Xã hội",
     "Bộ Lao động - Thương binh và Xã hội", {"successor": "Bộ Nội vụ"}),
    ("Tổng cục Cảnh sát chỉ đạo các đơn vị.", "Tổng cục Cảnh sát", "Tổng cục Cảnh sát",
     {"registry_id": "bca.tong-cuc-canh-sat", "parent": "Bộ Công an"}),
    ("Hải quân tổ chức lễ xuất quân.", "Hải quân", "Quân chủng Hải quân", {"kind": "service"}),
    ("Quân chủng Hải quân tổ chức lễ xuất quân.", "Quân chủng Hải quân", "Quân chủng Hải quân", {"kind": "service"}),
    ("Ban Bí thư đã ban hành kết luận.", "Ban Bí thư", "Ban Bí thư", {"parent": "Ban Chấp hành Trung ương Đảng"}),
    ("Bộ Chính trị đã ban hành kết luận.", "Bộ Chính trị", "Bộ Chính trị", {"kind": "party_committee"}),
    ("Vùng Cảnh sát biển 3 tuần tra.", "Vùng Cảnh sát biển 3", "Vùng Cảnh sát biển 3",
     {"kind": "region", "parent": "Cảnh sát biển Việt Nam"}),
    ("Bộ Tư lệnh Quân khu 4 kiểm tra.", "Bộ Tư lệnh Quân khu 4", "Bộ Tư lệnh Quân khu 4",
     {"registry_id": "quan-khu-4", "kind": "military_region"}),
    ("Quân đoàn 3 diễn tập.", "Quân đoàn 3", "Quân đoàn 3", {"successor": "Quân đoàn 34"}),
    ("Binh chủng Tăng - Thiết giáp huấn luyện.", "Binh chủng Tăng - Thiết giáp", "Binh chủng Tăng - Thiết giáp",
     {"kind": "arm"}),
    ("Bệnh viện 19-8 khám bệnh.", "Bệnh viện 19-8", "Bệnh viện 19-8", {"kind": "hospital"}),
    ("Năm 2020, Tổng cục Quản lý thị trường kiểm tra 500 cơ sở.", "Tổng cục Quản lý thị trường",
     "Tổng cục Quản lý thị trường", {"successor": "Cục Quản lý và Phát triển thị trường trong nước"}),
    ("Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh xét xử phúc thẩm.",
     "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh", "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh",
     {"kind": "court", "parent": "Tòa án nhân dân tối cao"}),
])
def test_historic_and_standalone_names(process, text: str, name: str, normalized: str, attrs: dict) -> None:
    found = org_mentions(process, text)
    assert list(found) == [name]
    assert found[name].normalized == normalized
    assert attrs.items() <= found[name].attrs.items()
    assert found[name].source.startswith("orgs.registry")


def test_every_body_of_the_registry_is_found_whole(pipe) -> None:
    """Each official name and variant in a sentence is one ORG, the whole name, with that body's id."""
    from pipeline.model import RawDocument

    registry = OrgRegistry.load(load_config().lexicon_path("org_registry"))
    shared = {name for name, count in _name_counts(registry).items() if count > 1}
    missed = []
    for body in registry.bodies.values():
        for name in (body.name, *body.variants):
            if name in shared:
                continue  # one name of two bodies: tested in test_org_registry.test_choose_body
            result = pipe.process(RawDocument("t.txt", f"Hôm nay, {name} đã tổ chức hội nghị."))
            found = [(m.text, m.attrs.get("registry_id")) for m in result.mentions if m.type == "ORG"]
            if found != [(name, body.id)]:
                missed.append((name, found))
    assert missed == []


def _name_counts(registry: OrgRegistry) -> dict[str, int]:
    counts: dict[str, int] = {}
    for body in registry.bodies.values():
        for name in (body.name, *body.variants):
            counts[name] = counts.get(name, 0) + 1
    return counts


# --- schools, hospitals and streets named after a person ------------------------------------------

@pytest.mark.parametrize(("text", "org", "persons"), [
    ("Học sinh Trường Tiểu học Lê Văn Tám tham gia hội thi.", "Trường Tiểu học Lê Văn Tám", []),
    ("Trường THPT Nguyễn Thị Minh Khai khai giảng.", "Trường THPT Nguyễn Thị Minh Khai", []),
    ("Bệnh viện Đa khoa Nguyễn Văn Thủ tiếp nhận bệnh nhân.", "Bệnh viện Đa khoa Nguyễn Văn Thủ", []),
    ("Nhà ở đường Nguyễn Văn Cừ bị cháy.", None, []),
    ("Cửa hàng ở phố Lê Văn Hưu đóng cửa.", None, []),
    # bad: a person after an organization that is not named after anyone stays a person
    ("Giám đốc Bệnh viện Đa khoa tỉnh Nguyễn Văn An kiểm tra.", "Bệnh viện Đa khoa tỉnh", ["Nguyễn Văn An"]),
    ("Ông Nguyễn Văn Cừ sống ở thành phố Hà Nội.", None, ["Nguyễn Văn Cừ"]),
])
def test_named_after_a_person(process, text: str, org: str | None, persons: list[str]) -> None:
    mentions = process(text).mentions
    assert [m.text for m in mentions if m.type == "ORG"] == ([org] if org else [])
    assert [m.text for m in mentions if m.type == "PERSON"] == persons


# --- plurals ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a body of every province or commune, counted or after "các": no one organization
    ("Chính ủy Võ Văn Tấn lưu ý các Bộ CHQS tỉnh tiếp tục kiện toàn lực lượng.", []),
    ("Toàn tỉnh có 99 Ban CHQS xã với hơn 14.000 dân quân tự vệ.", []),
    ("Trường đào tạo chỉ huy trưởng Ban CHQS xã, phường cho các tỉnh.", []),
    # a lower-case head is a common noun or a description, not a name
    ("Lực lượng chức năng đã có mặt tại trung tâm xã Phong Thổ và vùng Tây Nguyên.", []),
    # unless a number names it
    ("Sáng 1/10, cụm thi đua số 3 ký kết giao ước thi đua.", [("cụm thi đua số 3", "Cụm thi đua số 3")]),
    # a named body keeps its count; a date before a headline's body is no count
    ("Các Đồn Biên phòng Na Mèo và Tam Chung tuần tra.", [("Đồn Biên phòng Na Mèo", "Đồn Biên phòng Na Mèo")]),
    ("date 2027-12-22 Bộ Công an điều động Giám đốc Công an tỉnh\n\nBộ Công an công bố quyết định.",
     [("Bộ Công an", "Bộ Công an"), ("Bộ Công an", "Bộ Công an")]),
    # a force's acronym after "tàu" is the ship's kind; the force named by it elsewhere is one
    ("Thấy tàu CSB chạy tới, anh em mừng lắm. Lực lượng CSB đã cứu 9 ngư dân.",
     [("CSB", "Cảnh sát biển Việt Nam")]),
])
def test_plural_bodies_are_no_organization(process, text: str, expected: list) -> None:
    found = [(m.text, m.normalized) for m in process(text).mentions if m.type == "ORG"]
    assert [f for f in found if f[0] != "Công an tỉnh"] == expected


# --- delegations ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Đoàn Campuchia do ông Sok An dẫn đầu đã đến thăm.", []),
    ("Đoàn công tác đã làm việc với đoàn Lào.", []),
    ("Đoàn Bộ Quốc phòng đến thăm đơn vị.", [("Bộ Quốc phòng", "Bộ Quốc phòng")]),
    # good: a named team with its number, a province's delegation to the National Assembly
    ("Đoàn Kinh tế - Quốc phòng 337 giúp dân thu hoạch lúa.",
     [("Đoàn Kinh tế - Quốc phòng 337", "Đoàn Kinh tế - Quốc phòng 337")]),
    ("Đoàn 871 tổ chức lễ kỷ niệm.", [("Đoàn 871", "Đoàn 871")]),
    ("Đoàn ĐBQH tỉnh Nghệ An tiếp xúc cử tri.", [("Đoàn ĐBQH tỉnh Nghệ An", "Đoàn đại biểu Quốc hội tỉnh Nghệ An")]),
])
def test_delegations_are_not_organizations(process, text: str, expected: list) -> None:
    assert orgs(process, text) == expected


# --- an organization followed by a person's name --------------------------------------------------

@pytest.mark.parametrize(("text", "org"), [
    # a body of a region named by its place
    ("Ông Lưu Văn Sáng, Hạt trưởng Hạt Kiểm lâm khu vực Bảo Lâm, cho biết.", "Hạt Kiểm lâm khu vực Bảo Lâm"),
    ("Bệnh nhân được chuyển về Bệnh viện Đa khoa khu vực A Lưới.", "Bệnh viện Đa khoa khu vực A Lưới"),
    # a company's trade name over its lower-case words to its capitalised ones
    ("Bà Hà Thị Mỹ Lệ, Chủ tịch Hội đồng quản trị Công ty cổ phần Lọc hóa dầu Bình Sơn, dự.",
     "Công ty cổ phần Lọc hóa dầu Bình Sơn"),
    # a border post named after a commune whose name opens with a one-letter syllable (which opens a Xơ Đăng man's
    # given name only after a title)
    ("Đồn Biên phòng A Pa Chải nằm lưng chừng dốc.", "Đồn Biên phòng A Pa Chải"),
    ("Chúng tôi đến Đồn Biên phòng A Đớt vào sáng sớm.", "Đồn Biên phòng A Đớt"),
    # a state bank's registry name, whatever its case, with its branch; a brand in parentheses before the branch
    ("Bà Lê Thị Kim Chi, Phó Giám đốc Ngân hàng thương mại cổ phần Ngoại thương Việt Nam chi nhánh Gia Lai, cho biết.",
     "Ngân hàng thương mại cổ phần Ngoại thương Việt Nam chi nhánh Gia Lai"),
    ("Ông Lý Thanh Sơn, Giám đốc Ngân hàng Nông nghiệp và Phát triển Nông thôn (Agribank) chi nhánh Quảng Ngãi, dự.",
     "Ngân hàng Nông nghiệp và Phát triển Nông thôn (Agribank) chi nhánh Quảng Ngãi"),
])
def test_a_name_goes_on_over_a_branch_and_a_one_letter_syllable(process, text: str, org: str) -> None:
    assert org in org_mentions(process, text)


@pytest.mark.parametrize(("text", "org", "person"), [
    ("Chủ tịch UBND tỉnh Lê Hùng dự lễ.", "UBND tỉnh", "Lê Hùng"),
    ("Phó Chủ tịch UBND tỉnh Trần Văn Xuân phát biểu.", "UBND tỉnh", "Trần Văn Xuân"),
    ("Chủ tịch UBND xã Hoàng Minh dự lễ.", "UBND xã", "Hoàng Minh"),
    # bad: a place the registry knows is the organization's, the person comes after it
    ("Chủ tịch UBND tỉnh Lào Cai Trần Văn Xuân phát biểu.", "UBND tỉnh Lào Cai", "Trần Văn Xuân"),
    ("Chủ tịch UBND xã Na Mèo Lê Văn An kiểm tra.", "UBND xã Na Mèo", "Lê Văn An"),
])
def test_an_organization_ends_before_the_person(process, text: str, org: str, person: str) -> None:
    mentions = process(text).mentions
    assert [m.text for m in mentions if m.type == "ORG"] == [org]
    assert [m.text for m in mentions if m.type == "PERSON"] == [person]
    places = [m.text for m in mentions if m.type == "PLACE"]
    assert not any(person in place for place in places)


# --- normalization: the document first, then the registry ------------------------------------------

@pytest.mark.parametrize(("text", "org", "normalized", "source"), [
    # the registry: a short form of a central body
    ("Ủy ban Thường vụ đã cho ý kiến về dự án luật của Quốc hội.", "Ủy ban Thường vụ",
     "Ủy ban Thường vụ Quốc hội", "orgs.registry_short"),
    ("Lãnh đạo Bộ CA đã dự.", "Bộ CA", "Bộ Công an", "orgs.registry_short"),
    ("Tàu Cảnh sát biển cứu ngư dân.", "Cảnh sát biển", "Cảnh sát biển Việt Nam", "orgs.registry_short"),
    ("Bộ GD&ĐT ban hành thông tư.", "Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo", "orgs.registry_short"),
    # a police division or investigation body written with CSĐT, ANĐT, TTXH for its words
    ("Phòng CSĐT tội phạm về ma túy Công an tỉnh Lào Cai phá án.", "Phòng CSĐT tội phạm về ma túy Công an tỉnh Lào Cai",
     "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lào Cai", "orgs.registry"),
    ("Cơ quan ANĐT Công an tỉnh Nghệ An khởi tố vụ án.", "Cơ quan ANĐT Công an tỉnh Nghệ An",
     "Cơ quan An ninh điều tra Công an tỉnh Nghệ An", "orgs.registry"),
    ("Công an tỉnh Lào Cai họp. Phòng CSĐT tội phạm về TTXH vào cuộc.", "Phòng CSĐT tội phạm về TTXH",
     "Phòng Cảnh sát điều tra tội phạm về trật tự xã hội Công an tỉnh Lào Cai", "orgs.document"),
    # an acronym defined inside the name, as a first mention does
    ("Phòng Cảnh sát điều tra (CSĐT) tội phạm về ma túy Công an tỉnh Lào Cai phá án.",
     "Phòng Cảnh sát điều tra (CSĐT) tội phạm về ma túy Công an tỉnh Lào Cai",
     "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lào Cai", "orgs.registry"),
    # the document: the province it is about
    ("Bộ đội Biên phòng tỉnh Nghệ An họp. Ban Chỉ huy BĐBP đã chỉ đạo.", "Ban Chỉ huy BĐBP",
     "Ban Chỉ huy Bộ đội Biên phòng tỉnh Nghệ An", "orgs.document"),
    ("Sở Tài chính đã trình UBND tỉnh Nghệ An.", "Sở Tài chính", "Sở Tài chính tỉnh Nghệ An", "orgs.document"),
    ("BCH BĐBP tỉnh phối hợp với Công an tỉnh Quảng Trị.", "BCH BĐBP tỉnh",
     "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị", "orgs.template"),
    ("Báo Lào Cai đưa tin.", "Báo Lào Cai", "Báo Lào Cai", "orgs.template"),
    # neither settles it: no guess
    ("Ủy ban Thường vụ đã họp.", "Ủy ban Thường vụ", "Ủy ban Thường vụ", "orgs.standalone"),
    ("Ban Chỉ huy BĐBP đã chỉ đạo các đồn.", "Ban Chỉ huy BĐBP", "Ban Chỉ huy Bộ đội Biên phòng", "orgs.standalone"),
    ("Sở Tài chính đã trình đề án.", "Sở Tài chính", "Sở Tài chính", "orgs.standalone"),
])
def test_normalization(process, text: str, org: str, normalized: str, source: str) -> None:
    found = org_mentions(process, text)
    assert found[org].normalized == normalized
    assert found[org].source == source


@pytest.mark.parametrize(("text", "date", "org", "normalized", "registry_id"), [
    ("Quân đội nhân dân Việt Nam tổ chức lễ. Tổng cục Chính trị chỉ đạo.", None, "Tổng cục Chính trị",
     "Tổng cục Chính trị Quân đội nhân dân Việt Nam", "tong-cuc-chinh-tri"),
    ("Lực lượng Công an nhân dân tổ chức lễ. Tổng cục Chính trị chỉ đạo.", "2016-05-02", "Tổng cục Chính trị",
     "Tổng cục Chính trị Công an nhân dân", "bca.tong-cuc-chinh-tri"),
    ("Tổng cục Chính trị chỉ đạo.", None, "Tổng cục Chính trị", "Tổng cục Chính trị", None),
    ("Tổng cục Hậu cần - Kỹ thuật tổ chức hội nghị.", "2016-05-02", "Tổng cục Hậu cần - Kỹ thuật",
     "Tổng cục Hậu cần - Kỹ thuật", "bca.tong-cuc-hckt"),
    ("Tổng cục Hậu cần - Kỹ thuật tổ chức hội nghị.", "2025-05-02", "Tổng cục Hậu cần - Kỹ thuật",
     "Tổng cục Hậu cần - Kỹ thuật", "tong-cuc-hckt"),
    # the name two ministries' departments share: the army's where the document is about the army, the police's
    # where it is about the police or names neither
    ("Đại tá Lê Văn Hòa, Phó Cục trưởng Cục Đối ngoại tiếp đoàn Quân khu 4 Quân đội nhân dân Lào.", None,
     "Cục Đối ngoại", "Cục Đối ngoại Bộ Quốc phòng", "bqp.doi-ngoai"),
    ("Cục Đối ngoại phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tây Ninh tổ chức giao lưu.", None,
     "Cục Đối ngoại", "Cục Đối ngoại Bộ Quốc phòng", "bqp.doi-ngoai"),
    ("Cục Đối ngoại phối hợp với Công an tỉnh An Giang đón đoàn Cảnh sát quốc gia Campuchia.", None,
     "Cục Đối ngoại", "Cục Đối ngoại", "bca.doi-ngoai"),
    ("Cục Đối ngoại tổ chức hội thảo.", None, "Cục Đối ngoại", "Cục Đối ngoại", "bca.doi-ngoai"),
    ("Bộ Công an và Bộ Quốc phòng cử đại diện; Cục Đối ngoại chủ trì.", None, "Cục Đối ngoại", "Cục Đối ngoại",
     None),
])
def test_the_document_chooses_between_bodies_of_one_name(process, text: str, date: str | None, org: str,
                                                         normalized: str, registry_id: str | None) -> None:
    found = org_mentions(process, text, date)
    assert found[org].normalized == normalized
    assert found[org].attrs.get("registry_id") == registry_id


@pytest.mark.parametrize(("text", "org", "attrs"), [
    ("Công an xã Na Mèo bắt giữ đối tượng.", "Công an xã Na Mèo",
     {"kind": "police", "parent": "Công an tỉnh Thanh Hóa"}),
    ("Công an tỉnh Nghệ An bắt giữ đối tượng.", "Công an tỉnh Nghệ An", {"kind": "police", "parent": "Bộ Công an"}),
    ("Sở Công Thương tỉnh Lạng Sơn kiểm tra.", "Sở Công Thương tỉnh Lạng Sơn",
     {"kind": "department", "parent": "Ủy ban nhân dân tỉnh Lạng Sơn"}),
    ("Bộ Chỉ huy BĐBP tỉnh Quảng Ngãi tổ chức lễ.", "Bộ Chỉ huy BĐBP tỉnh Quảng Ngãi",
     {"successor": "Ban Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ngãi"}),
    ("Sở Kế hoạch và Đầu tư tỉnh Nghệ An báo cáo.", "Sở Kế hoạch và Đầu tư tỉnh Nghệ An",
     {"successor": "Sở Tài chính tỉnh Nghệ An"}),
    ("Phòng Cảnh sát hình sự Công an tỉnh Nghệ An phá án.", "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An",
     {"kind": "police_division", "parent": "Công an tỉnh Nghệ An"}),
    ("Cục Phòng, chống ma túy và tội phạm BĐBP chỉ đạo.", "Cục Phòng, chống ma túy và tội phạm BĐBP",
     {"registry_id": "bdbp.cuc-pcmt", "parent": "Bộ đội Biên phòng"}),
    ("Cán bộ BĐBP tuần tra.", "BĐBP", {"registry_id": "bdbp", "kind": "force"}),
])
def test_attributes_from_the_registry(process, text: str, org: str, attrs: dict) -> None:
    found = org_mentions(process, text)
    assert attrs.items() <= found[org].attrs.items(), found[org].attrs
    if found[org].source == "orgs.template":
        assert found[org].attrs["registry_id"].split(":")[1].isdigit()  # the place's official code


def test_an_organization_the_registry_does_not_know_keeps_the_grammar(process) -> None:
    found = org_mentions(process, "Đồn Biên phòng Pù Nhi tuần tra.")
    assert found["Đồn Biên phòng Pù Nhi"].source == "orgs.head"
    assert "registry_id" not in found["Đồn Biên phòng Pù Nhi"].attrs


# --- the document's context: which province, which parent -------------------------------------------

@pytest.mark.parametrize(("text", "org", "normalized"), [
    # acronyms inside a border post's name spell out (CKQT: the international border gate the post is named after)
    ("Trung tá Lê Quốc Hoàn, Đồn trưởng Đồn BP CKQT Lao Bảo, cho biết.", "Đồn BP CKQT Lao Bảo",
     "Đồn Biên phòng Cửa khẩu quốc tế Lao Bảo"),
    # a bare "tỉnh": the province named last before it in its sentence
    ("Bộ CHQS tỉnh Quảng Ninh phối hợp với BĐBP tỉnh quản lý biên giới. UBND tỉnh Lạng Sơn và Công an tỉnh "
     "Lạng Sơn dự.", "BĐBP tỉnh", "Bộ đội Biên phòng tỉnh Quảng Ninh"),
    ("Đoàn do Phó Tỉnh trưởng tỉnh Xiêng Khoảng và Giám đốc Công an tỉnh dẫn đầu thăm Nghệ An, Nghệ An.",
     "Công an tỉnh", "Công an tỉnh Xiêng Khoảng"),
    # unless that province's body of the same name is written there: the bare one is another
    ("Công an tỉnh Nghệ An họp. Công an tỉnh Xiêng Khoảng bàn giao đối tượng cho Công an tỉnh xử lý.",
     "Công an tỉnh", "Công an tỉnh Nghệ An"),
    # a unit named alone: of the province body named last before it
    ("Công an tỉnh Nghệ An triệt phá đường dây. Phòng Cảnh sát điều tra tội phạm về ma túy thu giữ tang vật.",
     "Phòng Cảnh sát điều tra tội phạm về ma túy",
     "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Nghệ An"),
    ("Kỳ họp HĐND tỉnh Nghệ An bầu Trưởng Ban Văn hóa - Xã hội.", "Ban Văn hóa - Xã hội",
     "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Nghệ An"),
    # a place outside Vietnam stays as written; the home country after a body is the body
    ("Cục Quản lý xuất nhập cảnh Bằng Tường làm việc.", "Cục Quản lý xuất nhập cảnh Bằng Tường",
     "Cục Quản lý xuất nhập cảnh Bằng Tường"),
    ("Bộ Công an Việt Nam và Bộ An ninh Lào ký kết.", "Bộ Công an Việt Nam", "Bộ Công an"),
    ("Hải quân Việt Nam cứu thuyền viên.", "Hải quân Việt Nam", "Quân chủng Hải quân"),
    # the owner written right after a unit wins over the document's province
    ("Công an tỉnh Nghệ An tặng quà. Phó Trưởng Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh Xiêng "
     "Khoảng nhận Bằng khen.", "Phòng Cảnh sát điều tra tội phạm về ma túy",
     "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Xiêng Khoảng"),
    # a department of a national command, never of a province's
    ("Hội nghị của BĐBP. Cục trưởng Cục Trinh sát phát biểu.", "Cục Trinh sát", "Cục Trinh sát Bộ đội Biên phòng"),
    ("Bộ đội Biên phòng tỉnh Lai Châu cử đại diện; Phó Cục trưởng Cục Chính trị dự.", "Cục Chính trị",
     "Cục Chính trị"),
    # a border guard unit named by its function in sentence case, of the post named before it ("của đồn")
    ("Đồn Biên phòng Na Mèo được khen. Phó Đội trưởng Đội Phòng chống ma túy và tội phạm của đồn phát biểu.",
     "Đội Phòng chống ma túy và tội phạm", "Đội Phòng chống ma túy và tội phạm Đồn Biên phòng Na Mèo"),
    # "của phòng" with two divisions named before: the one the story names most
    ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Hà Tĩnh chủ trì chuyên án. Phòng Cảnh sát điều tra tội "
     "phạm về ma túy bắt 3 đối tượng. Phòng Cảnh sát kinh tế hỗ trợ. Thượng úy Phan Văn Định, Phó Đội trưởng Đội Trinh"
     " sát của phòng được khen.", "Đội Trinh sát",
     "Đội Trinh sát Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Hà Tĩnh"),
    # a team belongs to the division of its function, not to the division named last
    ("Công an tỉnh Gia Lai họp. Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao và Phòng Cảnh sát "
     "hình sự phối hợp. Đội trưởng Đội Trọng án báo cáo.", "Đội Trọng án",
     "Đội Trọng án Phòng Cảnh sát hình sự Công an tỉnh Gia Lai"),
    # a hometown is no body's province; a bare "thành phố" is the city named last when the document is about none
    ("Hội nghị tại thành phố Hải Phòng. Tân Phó Tư lệnh quê tỉnh Hưng Yên, từng là Chỉ huy trưởng Bộ CHQS tỉnh "
     "Quảng Ninh. Đại tá Đinh Công Tráng được bổ nhiệm giữ chức Chỉ huy trưởng Bộ CHQS thành phố.",
     "Bộ CHQS thành phố", "Bộ Chỉ huy Quân sự thành phố Hải Phòng"),
    # a clause about the other side of a meeting: the one foreign province the document names
    ("Hội đàm giữa BĐBP tỉnh Hà Tĩnh và Bộ CHQS tỉnh Bolikhamxay (Lào) tại Hà Tĩnh. Đoàn Việt Nam do Đại tá Trần "
     "Văn Nam dẫn đầu; đoàn bạn do Đại tá Bun Nhăng Xay Nha Sệt, Chỉ huy trưởng Bộ CHQS tỉnh dẫn đầu.",
     "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh Bolikhamxay"),
    # ... also where a speaker of that side says it ("cho biết" is no giving to us); "tỉnh bạn": the friendly province
    ("BĐBP tỉnh Quảng Trị hội đàm với Bộ CHQS tỉnh Savannakhet tại tỉnh Quảng Trị. Phía bạn, Đại úy Bua Phăn, Đại đội "
     "trưởng, cho biết Bộ Chỉ huy Quân sự tỉnh đã cử thêm một trung đội.", "Bộ Chỉ huy Quân sự tỉnh",
     "Bộ Chỉ huy Quân sự tỉnh Savannakhet"),
    ("BĐBP tỉnh Quảng Trị hội đàm với Bộ CHQS tỉnh Savannakhet tại tỉnh Quảng Trị. Tổ công tác phối hợp với Công an "
     "tỉnh bạn bắt 2 đối tượng.", "Công an tỉnh", "Công an tỉnh Savannakhet"),
    # what a person of the other side says or asks (a name no Vietnamese surname opens)
    ("BĐBP tỉnh Điện Biên hội đàm với Công an tỉnh Phôngsalì tại tỉnh Điện Biên. Thượng tá Bun Nhăng Khăm Vi Lay cho "
     "biết, Công an tỉnh đã trao trả 2 đối tượng truy nã.", "Công an tỉnh", "Công an tỉnh Phôngsalì"),
    ("BĐBP tỉnh Điện Biên hội đàm với Công an tỉnh Phôngsalì tại tỉnh Điện Biên. Phó Giám đốc Bun Lọt Phom Ma Xay đề "
     "nghị lập đường dây nóng giữa Công an tỉnh với các đồn biên phòng.", "Công an tỉnh", "Công an tỉnh Phôngsalì"),
    # bad: thanking the body is addressing ours; a Vietnamese speaker speaks of ours
    ("BĐBP tỉnh Điện Biên hội đàm với Công an tỉnh Phôngsalì tại tỉnh Điện Biên. Thượng tá Bun Nhăng Khăm Vi Lay cảm "
     "ơn Công an tỉnh đã giúp đỡ.", "Công an tỉnh", "Công an tỉnh Điện Biên"),
    ("BĐBP tỉnh Điện Biên hội đàm với Công an tỉnh Phôngsalì tại tỉnh Điện Biên. Thượng tá Lò Văn Hùng cho biết, Công "
     "an tỉnh đã bắt 2 đối tượng.", "Công an tỉnh", "Công an tỉnh Điện Biên"),
    # bad: what the other side gives is to our body
    ("BĐBP tỉnh Quảng Trị hội đàm với Bộ CHQS tỉnh Savannakhet tại tỉnh Quảng Trị. Phía bạn, Đại tá Bun Mi trao bằng "
     "khen cho Bộ Chỉ huy Quân sự tỉnh.", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh Quảng Trị"),
    # the investigation body of the police named before it
    ("Công an tỉnh Quảng Trị họp. Cơ quan Cảnh sát điều tra đã khởi tố vụ án.", "Cơ quan Cảnh sát điều tra",
     "Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Trị"),
    # a commune's Party committee: the title after it is of the commune's council, which has none
    ("Kỳ họp HĐND xã Mỹ Lý. Ông Lữ Văn Sáng, Bí thư Đảng ủy, Chủ tịch HĐND xã Mỹ Lý phát biểu.", "Đảng ủy",
     "Đảng ủy xã Mỹ Lý"),
    # a province's economic zone authority; border units across the border
    ("Ông Võ Quang Trung được bổ nhiệm làm Trưởng Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh.",
     "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh", "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"),
    ("Về phía bạn có Trung tá Bàng Kiến Quân, Đồn trưởng Đồn Quản lý biên giới Đông Hưng.",
     "Đồn Quản lý biên giới Đông Hưng", "Đồn Quản lý biên giới Đông Hưng"),
    # a sub-unit named after a place is complete
    ("BĐBP tỉnh Quảng Ninh hội đàm với Trạm Kiểm tra xuất nhập cảnh Đông Hưng.",
     "Trạm Kiểm tra xuất nhập cảnh Đông Hưng", "Trạm Kiểm tra xuất nhập cảnh Đông Hưng"),
    # the executive committee a congress elects; a two-word head before a lower-case word is whole
    ("Đại hội Đảng bộ tỉnh Hà Tĩnh bầu Ban Chấp hành khóa XX gồm 55 đồng chí.", "Ban Chấp hành",
     "Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh"),
    ("Đại hội Đảng bộ tỉnh Hà Tĩnh bế mạc. Đồng chí Tuấn đề nghị Tỉnh ủy khóa mới sớm cụ thể hóa nghị quyết.",
     "Tỉnh ủy", "Tỉnh ủy Hà Tĩnh"),
    # a body only other countries have: the foreign province, never the document's own
    ("Đồn Biên phòng Ia Lốp (Gia Lai) tuần tra chung với Cảnh sát tỉnh Mondulkiri. Đại tá Rơ Châm Hiếu, Chỉ huy "
     "trưởng BĐBP tỉnh Gia Lai, cảm ơn Cảnh sát tỉnh đã phối hợp.", "Cảnh sát tỉnh", "Cảnh sát tỉnh Mondulkiri"),
    ("Tỉnh Lai Châu có đường biên giới với tỉnh Vân Nam. Ông Lê Văn Lương chúc mừng Chính phủ Nhân dân tỉnh.",
     "Chính phủ Nhân dân tỉnh", "Chính phủ Nhân dân tỉnh Vân Nam"),
    # a document about a city: a bare "tỉnh" of a body is the province whose body of that name it wrote before
    ("Công an Thành phố Hồ Chí Minh phối hợp với Công an tỉnh Tây Ninh khám xét kho hàng ở Thành phố Hồ Chí Minh. "
     "Thành phố Hồ Chí Minh đề nghị xử lý nghiêm. Đại tá Lê Văn Hòa, Giám đốc Công an tỉnh trực tiếp chỉ đạo.",
     "Công an tỉnh", "Công an tỉnh Tây Ninh"),
    # a staff department of a military region's staff, the region written without its number
    ("Quân khu 3 trao quyết định. Đại úy Lê Thị Thu, trợ lý Phòng Tác chiến, Bộ Tham mưu Quân khu lên Thiếu tá.",
     "Bộ Tham mưu Quân khu", "Bộ Tham mưu Quân khu 3"),
    ("Quân khu 3 trao quyết định. Đại úy Lê Thị Thu, trợ lý Phòng Tác chiến, Bộ Tham mưu Quân khu lên Thiếu tá.",
     "Phòng Tác chiến", "Phòng Tác chiến Bộ Tham mưu Quân khu 3"),
    ("Bộ Tư lệnh Thủ đô Hà Nội khen thưởng Đại úy Lê Thị Nhung, trợ lý Phòng Hậu cần - Kỹ thuật.",
     "Phòng Hậu cần - Kỹ thuật", "Phòng Hậu cần - Kỹ thuật Bộ Tư lệnh Thủ đô Hà Nội"),
    # a team whose name ends with lower-case words, of the body its function belongs to
    ("Đồn Biên phòng Cửa khẩu quốc tế Tà Lùng tiếp nhận. BĐBP tỉnh Cao Bằng chỉ đạo. Chị Lưu Thị Ngân, Đội trưởng Đội "
     "Kiểm soát cửa khẩu cho biết.", "Đội Kiểm soát cửa khẩu",
     "Đội Kiểm soát cửa khẩu Đồn Biên phòng cửa khẩu quốc tế Tà Lùng"),
    # a bare "Ban Chấp hành" is the Party organisation's the document named in full, never the central committee
    ("Sáng 19/8, Ban Chấp hành Đảng bộ tỉnh Thái Nguyên tổ chức hội nghị. Dự hội nghị có ông Trần Văn Hải, Ủy viên "
     "Ban Chấp hành Trung ương Đảng. Hội nghị bầu bổ sung ông Lê Văn Sơn vào Ban Chấp hành.", "Ban Chấp hành",
     "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên"),
    ("Đại hội Đảng bộ tỉnh Hà Tĩnh lần thứ XX khai mạc. Dự đại hội có ông Trần Văn Hải, Ủy viên Ban Chấp hành "
     "Trung ương Đảng. Đại hội bầu Ban Chấp hành gồm 55 đồng chí.", "Ban Chấp hành", "Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh"),
    # names that share the head of the first one of a list, in its place; only names of the same kind
    ("Đại diện Sở Nội vụ tỉnh Lâm Đồng, Tư pháp và Tài chính kiến nghị.", "Tư pháp", "Sở Tư pháp tỉnh Lâm Đồng"),
    ("Đại diện Sở Nội vụ tỉnh Lâm Đồng, Tư pháp và Tài chính kiến nghị.", "Tài chính", "Sở Tài chính tỉnh Lâm Đồng"),
    ("Bộ Công an, Quốc phòng và Ngoại giao phối hợp.", "Quốc phòng", "Bộ Quốc phòng"),
    # a bare command in a clause that opens with a province ("…; tại Ninh Bình, …"): that province's
    ("Đại tá Bùi Đức Long, Chỉ huy trưởng Bộ CHQS thành phố Hải Phòng và Đại tá Lại Văn Thỉnh, Chỉ huy trưởng Bộ CHQS "
     "tỉnh Ninh Bình được điều động. Đại tá Lưu Quang Đạt giữ chức Chỉ huy trưởng Bộ CHQS thành phố; tại Ninh Bình, "
     "Thượng tá Tạ Quang Minh giữ chức Chỉ huy trưởng Bộ Chỉ huy.", "Bộ Chỉ huy", "Bộ Chỉ huy Quân sự tỉnh Ninh Bình"),
    # a member university of a regional one, named with it after a comma; an independent one is whole
    ("Đại học Thái Nguyên công bố quyết định bổ nhiệm Hiệu trưởng Trường Đại học Y - Dược.", "Trường Đại học Y - Dược",
     "Trường Đại học Y - Dược, Đại học Thái Nguyên"),
    ("Trường Đại học Cần Thơ và Đại học Huế ký kết hợp tác.", "Trường Đại học Cần Thơ", "Trường Đại học Cần Thơ"),
    # an adverb closed by a demonstrative before a bare body ("Sau đó", "Khi đó") makes it no plural
    ("Công an tỉnh Tây Ninh phá án. Sau đó Công an tỉnh tuyên dương tổ công tác.", "Công an tỉnh",
     "Công an tỉnh Tây Ninh"),
    # a body every province has, of a foreign province written without its unit word: the unit word restored; a body
    # named after a place keeps it as written
    ("Công an Hủa Phăn đã lập 3 chốt liên ngành.", "Công an Hủa Phăn", "Công an tỉnh Hủa Phăn"),
    ("Bộ Chỉ huy Quân sự Savannakhet cử đoàn sang.", "Bộ Chỉ huy Quân sự Savannakhet",
     "Bộ Chỉ huy Quân sự tỉnh Savannakhet"),
    ("Cục Quản lý xuất nhập cảnh Bằng Tường phối hợp.", "Cục Quản lý xuất nhập cảnh Bằng Tường",
     "Cục Quản lý xuất nhập cảnh Bằng Tường"),
    # a title's holder after a school or hospital named after its place is no part of the name
    ("Hiệu trưởng Trường Đại học Cần Thơ Hà Thanh Toàn phát biểu.", "Trường Đại học Cần Thơ", "Trường Đại học Cần Thơ"),
    ("Giám đốc Bệnh viện Đa khoa Trung ương Cần Thơ Huỳnh Thanh Phát cam kết.", "Bệnh viện Đa khoa Trung ương Cần Thơ",
     "Bệnh viện Đa khoa Trung ương Cần Thơ"),
    # a named head goes on with the fields it works on, joined or opened ("phòng, chống")
    ("Thiếu tá Trương Văn Lực, Đội trưởng Đội Đặc nhiệm phòng, chống ma túy và tội phạm được điều động.",
     "Đội Đặc nhiệm phòng, chống ma túy và tội phạm", "Đội Đặc nhiệm phòng, chống ma túy và tội phạm"),
    # a unit named for fighting something, fields joined by commas, and the region after them; a gate of "A …"
    ("Trung tá Nông Thanh Tùng, Đội trưởng Đội Phòng, chống tội phạm mua bán người dự.",
     "Đội Phòng, chống tội phạm mua bán người", "Đội Phòng, chống tội phạm mua bán người"),
    ("Trung tá Phạm Ngọc Sang, Đội trưởng Đội Chữa cháy và cứu nạn, cứu hộ khu vực Nha Trang có mặt.",
     "Đội Chữa cháy và cứu nạn, cứu hộ khu vực Nha Trang", "Đội Chữa cháy và cứu nạn, cứu hộ khu vực Nha Trang"),
    ("Đồn Biên phòng Cửa khẩu A Đớt tuần tra.", "Đồn Biên phòng Cửa khẩu A Đớt", "Đồn Biên phòng cửa khẩu A Đớt"),
    # lower-case fields that end a team's or flotilla's name
    ("Thiếu tá Hồ Tấn Lộc, Đội trưởng Đội Tuần tra cơ động, cho biết.", "Đội Tuần tra cơ động", "Đội Tuần tra cơ động"),
    ("Hải đội Dân quân thường trực tỉnh Cà Mau tham gia cứu nạn.", "Hải đội Dân quân thường trực tỉnh Cà Mau",
     "Hải đội Dân quân thường trực tỉnh Cà Mau"),
    # a province's Red Cross and the national society's central committee; a telecoms group's provincial branch
    ("Bà Hoàng Thị Mơ, Chủ tịch Hội Chữ thập đỏ tỉnh Lào Cai trao quà.", "Hội Chữ thập đỏ tỉnh Lào Cai",
     "Hội Chữ thập đỏ tỉnh Lào Cai"),
    ("Trung ương Hội Chữ thập đỏ Việt Nam hỗ trợ 500 suất quà.", "Trung ương Hội Chữ thập đỏ Việt Nam",
     "Trung ương Hội Chữ thập đỏ Việt Nam"),
    ("Ông Phạm Đức Hiếu, Giám đốc Viettel Lào Cai cho biết sóng đã được khôi phục.", "Viettel Lào Cai",
     "Viettel Lào Cai"),
    # a region's name ends before the title holder's
    ("Ông Lò Văn An, Hạt trưởng Hạt Kiểm lâm khu vực Kbang Nguyễn Văn Hải dự.", "Hạt Kiểm lâm khu vực Kbang",
     "Hạt Kiểm lâm khu vực Kbang"),
    # Cambodia's provincial border police command; a gate's kind in a post's name, over the definition after it
    ("Đại tá Heng Sophea, Chỉ huy trưởng Ban Chỉ huy Cảnh sát biên giới tỉnh Ratanakiri phát biểu.",
     "Ban Chỉ huy Cảnh sát biên giới tỉnh Ratanakiri", "Ban Chỉ huy Cảnh sát biên giới tỉnh Ratanakiri"),
    ("Tại Đồn Biên phòng Cửa khẩu quốc tế (CKQT) Lệ Thanh, hai bên hội đàm.",
     "Đồn Biên phòng Cửa khẩu quốc tế (CKQT) Lệ Thanh", "Đồn Biên phòng Cửa khẩu quốc tế Lệ Thanh"),
    # a university abroad, a foreign force named by its head and country
    ("Trường Đại học Cần Thơ ký kết với Đại học Quốc gia Lào.", "Đại học Quốc gia Lào", "Đại học Quốc gia Lào"),
    ("Đoàn có sinh viên Đại học Quảng Tây.", "Đại học Quảng Tây", "Đại học Quảng Tây"),
    ("Tàu của Lực lượng Phòng vệ Biển Nhật Bản cập cảng Cam Ranh.", "Lực lượng Phòng vệ Biển Nhật Bản",
     "Lực lượng Phòng vệ Biển Nhật Bản"),
    # a mission named with the place it is in
    ("Ông David Wilson, Tùy viên Quốc phòng Đại sứ quán Australia tại Việt Nam dự.",
     "Đại sứ quán Australia tại Việt Nam", "Đại sứ quán Australia tại Việt Nam"),
    # the General Staff's department and its sections
    ("Đoàn công tác của Cục Dân quân tự vệ, Bộ Tổng Tham mưu kiểm tra Quảng Trị. Phòng Tự vệ báo cáo.", "Phòng Tự vệ",
     "Phòng Tự vệ Cục Dân quân tự vệ"),
    # a police's detention centre
    ("Tòa đề nghị Trại tạm giam Công an thành phố Cần Thơ quản lý chặt các bị cáo.",
     "Trại tạm giam Công an thành phố Cần Thơ", "Trại tạm giam Công an thành phố Cần Thơ"),
    # a bare command right after its unit's Party committee and a comma: that unit's command
    ("Sáng 9/3, Đảng ủy Quân khu 7, Bộ Tư lệnh tổ chức hội nghị.", "Bộ Tư lệnh", "Bộ Tư lệnh Quân khu 7"),
    ("Đảng ủy Quân chủng Phòng không - Không quân, Bộ Tư lệnh Quân chủng tổ chức hội nghị.", "Bộ Tư lệnh Quân chủng",
     "Bộ Tư lệnh Quân chủng Phòng không - Không quân"),
    # a province's market surveillance branch, its acronym defined inside the name
    ("Đoàn kiểm tra làm việc với Chi cục Quản lý thị trường (QLTT) tỉnh Bắc Ninh.",
     "Chi cục Quản lý thị trường (QLTT) tỉnh Bắc Ninh", "Chi cục Quản lý thị trường tỉnh Bắc Ninh"),
    # a region's command written with the region's acronym and number
    ("Tàu CSB 8005 thuộc Hải đội 302, Bộ Tư lệnh Vùng CSB 3 được điều động.", "Bộ Tư lệnh Vùng CSB 3",
     "Bộ Tư lệnh Vùng Cảnh sát biển 3"),
    # a border post's own teams: of the post, not of the province's command named after it
    ("Đồn Biên phòng Cửa khẩu quốc tế Lao Bảo thuộc Bộ Chỉ huy BĐBP tỉnh Quảng Trị tuần tra. Đại úy Lê Văn Bảo, Đội "
     "trưởng Đội Vũ trang dẫn tổ.", "Đội Vũ trang", "Đội Vũ trang Đồn Biên phòng cửa khẩu quốc tế Lao Bảo"),
    ("Đồn Biên phòng Tam Chung phối hợp với Phòng Tham mưu Bộ Chỉ huy BĐBP tỉnh Thanh Hóa. Thiếu tá Hà Văn Sinh, "
     "Đội trưởng Đội Vận động quần chúng cho biết.", "Đội Vận động quần chúng",
     "Đội Vận động quần chúng Đồn Biên phòng Tam Chung"),
    # the special task team is the drug and crime department's, not a border post's
    ("Phòng Phòng chống ma túy và tội phạm BĐBP tỉnh An Giang chủ trì, Đồn Biên phòng Khánh Bình phối hợp. Thiếu tá "
     "Thạch Minh Quang, Đội trưởng Đội Đặc nhiệm cho biết.", "Đội Đặc nhiệm",
     "Đội Đặc nhiệm Phòng Phòng chống ma túy và tội phạm Bộ đội Biên phòng tỉnh An Giang"),
    # a commune People's Committee's department (since 2025): of the commune's committee, never a province's Sở
    ("Ông Vi Văn Thắng tái đắc cử Chủ tịch UBND xã Thông Thụ. Sở Nội vụ tỉnh Nghệ An dự. Ông Kha Văn Dũng, nguyên "
     "Trưởng phòng Phòng Kinh tế, được bầu.", "Phòng Kinh tế", "Phòng Kinh tế Ủy ban nhân dân xã Thông Thụ"),
    # a title's body before a sibling body of the same head word: of the sibling's owner
    ("Tỉnh ủy Cao Bằng họp. Hội nghị bầu ông Mông Văn Kiên, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy giữ "
     "chức Phó Bí thư.", "Ban Thường vụ", "Ban Thường vụ Tỉnh ủy Cao Bằng"),
    # a division's team named by its number alone is of the division; a named numbered team stands as written
    ("Phòng Cảnh sát kinh tế Công an thành phố Hải Phòng chủ trì. Thiếu tá Tăng Văn Bình, Đội trưởng Đội 3 cho biết.",
     "Đội 3", "Đội 3 Phòng Cảnh sát kinh tế Công an thành phố Hải Phòng"),
    ("Phòng Cảnh sát kinh tế Công an thành phố Hải Phòng chủ trì. Đội Trinh sát số 2 tham gia.", "Đội Trinh sát số 2",
     "Đội Trinh sát số 2"),
    # a province's PC03 is its economic police division
    ("Công an tỉnh Quảng Ninh chỉ đạo PC03 phối hợp điều tra.", "PC03", "Phòng Cảnh sát kinh tế Công an tỉnh Quảng Ninh"),
    # a clause that opens with one province's side: that province's police
    ("Công an thành phố Cần Thơ phối hợp với Công an tỉnh Vĩnh Long phá án. Phía Vĩnh Long, Thượng tá Thạch Sô Phi, "
     "Trưởng phòng Phòng Cảnh sát hình sự, dẫn tổ công tác.", "Phòng Cảnh sát hình sự",
     "Phòng Cảnh sát hình sự Công an tỉnh Vĩnh Long"),
    # our police before a foreign one of the same sentence; the foreign one where it stands alone in it
    ("Giám đốc Công an tỉnh Quảng Ngãi gửi thư cảm ơn Công an tỉnh Attapeu, khen thưởng tổ công tác của Phòng Cảnh "
     "sát hình sự.", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát hình sự Công an tỉnh Quảng Ngãi"),
    ("Công an tỉnh Quảng Ngãi hội đàm. Về phía Công an tỉnh Attapeu có ông Phết Sa Mon, Trưởng phòng Phòng Cảnh sát "
     "hình sự.", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát hình sự Công an tỉnh Attapeu"),
    # a council's committee is of the council named last, a commune's too (a police division is a province's only)
    ("Chủ tịch HĐND tỉnh Nghệ An dự kỳ họp của HĐND xã Thông Thụ. Bà Lang Thị Hiền được bầu làm Trưởng ban Ban Pháp "
     "chế.", "Ban Pháp chế", "Ban Pháp chế Hội đồng nhân dân xã Thông Thụ"),
    ("HĐND tỉnh Nghệ An họp. Bà Lang Thị Hiền, Phó Trưởng ban Ban Pháp chế cho biết.", "Ban Pháp chế",
     "Ban Pháp chế Hội đồng nhân dân tỉnh Nghệ An"),
    # a division named before any body that can own it: the one body after it that can
    ("Thượng tá Lê Văn Hòa, Trưởng phòng Phòng Cảnh sát kinh tế, trình bày kết quả. Thiếu tướng Trần Văn Nam, Giám "
     "đốc Công an tỉnh Ninh Bình, chỉ đạo.", "Phòng Cảnh sát kinh tế", "Phòng Cảnh sát kinh tế Công an tỉnh Ninh Bình"),
    # ... written with a capital where the lexicon has lower case: still that team, of the customs office after "thuộc"
    ("Bà Lê Thị Hoa, Đội trưởng Đội Kiểm soát Hải quan thuộc Hải quan cửa khẩu quốc tế Cầu Treo, cho biết.",
     "Đội Kiểm soát Hải quan", "Đội Kiểm soát Hải quan Hải quan cửa khẩu quốc tế Cầu Treo"),
    ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lào Cai chủ trì; Đồn Biên phòng Y Tý phối hợp. Thiếu tá "
     "Tẩn Láo Lở, Đội trưởng Đội Điều tra tổng hợp báo cáo.", "Đội Điều tra tổng hợp",
     "Đội Điều tra tổng hợp Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lào Cai"),
    # a school's board; a political department is the army's or the border guard's, never the police's
    ("Trường Quân sự Quân khu 4 khai giảng; Bộ CHQS tỉnh Quảng Trị dự. Thay mặt Đảng ủy, Ban Giám hiệu, Đại tá Hoàng "
     "Minh Sơn phát biểu.", "Ban Giám hiệu", "Ban Giám hiệu Trường Quân sự Quân khu 4"),
    ("Bộ CHQS tỉnh Hà Tĩnh tổng kết; Công an tỉnh Hà Tĩnh dự. Trung tá Nguyễn Thị Lệ Thu, trợ lý Phòng Chính trị nhận "
     "Bằng khen.", "Phòng Chính trị", "Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
    # a school's training department, not the command named last
    ("Học viện Hải quân khai giảng; BĐBP tỉnh Khánh Hòa dự. Đại tá Vũ Thị Minh Nguyệt, Trưởng phòng Phòng Đào tạo "
     "báo cáo.", "Phòng Đào tạo", "Phòng Đào tạo Học viện Hải quân"),
    # a department of a military region's political department, the region's where the document names none
    ("Quân khu 4 công bố quyết định; Bộ CHQS tỉnh Nghệ An dự. Trung tá Vi Thị Nhung, Phó Trưởng phòng Phòng Tuyên "
     "huấn được thăng quân hàm.", "Phòng Tuyên huấn", "Phòng Tuyên huấn Cục Chính trị Quân khu 4"),
    ("Quân khu 1 công bố quyết định; dự có Phó Cục trưởng Cục Cán bộ. Thượng tá Lý Thị Vân, Phòng Cán bộ đọc quyết "
     "định.", "Phòng Cán bộ", "Phòng Cán bộ Cục Chính trị Quân khu 1"),
    # a hospital or university named after a province keeps its proper name: no unit word restored
    ("Ngư dân được đưa vào Bệnh viện Đa khoa Cà Mau cấp cứu.", "Bệnh viện Đa khoa Cà Mau", "Bệnh viện Đa khoa Cà Mau"),
    ("Ông Sơn Minh Hải, Hiệu trưởng Trường Đại học Trà Vinh dự.", "Trường Đại học Trà Vinh", "Trường Đại học Trà Vinh"),
    # the executive committee a veterans' association's congress elects; not the council's ("Hội đồng")
    ("Đại hội Hội Cựu chiến binh tỉnh Điện Biên bầu Ban Chấp hành gồm 25 đồng chí.", "Ban Chấp hành",
     "Ban Chấp hành Hội Cựu chiến binh tỉnh Điện Biên"),
    ("Kỳ họp HĐND xã Mỹ Lý. Đồng chí Lữ Văn Sáng được bầu vào Ban Chấp hành.", "Ban Chấp hành", "Ban Chấp hành"),
    # a company's name in sentence case runs to its place, kept as written, also inside its Party organization's name;
    # the committee that organization elects is its "Đảng ủy"
    ("Công ty cổ phần Vận tải biển Hải Phòng ký hợp đồng.", "Công ty cổ phần Vận tải biển Hải Phòng",
     "Công ty cổ phần Vận tải biển Hải Phòng"),
    ("Đại hội Đảng bộ Tổng công ty Phát triển hạ tầng Hưng Yên khai mạc.",
     "Đảng bộ Tổng công ty Phát triển hạ tầng Hưng Yên", "Đảng bộ Tổng công ty Phát triển hạ tầng Hưng Yên"),
    ("Đại hội Đảng bộ Tổng công ty Phát triển hạ tầng Hưng Yên khai mạc. Ông Lương Văn Khải được bầu giữ chức Bí thư "
     "Đảng ủy.", "Đảng ủy", "Đảng ủy Tổng công ty Phát triển hạ tầng Hưng Yên"),
])
def test_the_document_completes_a_name(process, text: str, org: str, normalized: str) -> None:
    found = org_mentions(process, text)
    assert found[org].normalized == normalized


@pytest.mark.parametrize(("text", "expected"), [
    # a unit written with another country's army after a comma is that army's, also when written again after it;
    # ours named before it stays ours
    ("Dự có Đại tá Thoong Xi, Phó Tham mưu trưởng Quân khu 2, Quân đội nhân dân Lào. Sau đó, Quân khu 2 cử 5 học viên.",
     ["Quân khu 2 Quân đội nhân dân Lào", "Quân khu 2 Quân đội nhân dân Lào"]),
    ("Quân khu 2 tiếp đoàn. Dự có Đại tá Thoong Xi, Phó Tham mưu trưởng Quân khu 2, Quân đội nhân dân Lào.",
     ["Quân khu 2", "Quân khu 2 Quân đội nhân dân Lào"]),
    ("Quân khu 2 và Quân đội nhân dân Việt Nam phối hợp.", ["Quân khu 2"]),
])
def test_a_unit_of_another_countrys_army(process, text: str, expected: list[str]) -> None:
    found = [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text == "Quân khu 2"]
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bare Party boards listed before the committee the person is made secretary of
    ("Ban Thường vụ Tỉnh ủy Thái Nguyên công bố quyết định. Ông Ma Đình Phúc, Giám đốc Sở Nội vụ, được luân chuyển về "
     "xã Ba Bể, chỉ định tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Bí thư Đảng ủy xã Ba Bể.",
     ["Ban Chấp hành Đảng bộ xã Ba Bể", "Ban Thường vụ Đảng ủy xã Ba Bể"]),
    # ... or before one of its boards named in full
    ("Ông Lê Văn An được chỉ định tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy Thái Nguyên.",
     ["Ban Chấp hành Đảng bộ tỉnh Thái Nguyên", "Ban Thường vụ Tỉnh ủy Thái Nguyên"]),
])
def test_bare_party_boards_are_of_the_committee_named_after_them(process, text: str, expected: list[str]) -> None:
    found = [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text.startswith("Ban ")
             and m.start > text.index("được")]
    assert found == expected


def test_a_sub_unit_on_the_other_side_of_a_meeting_is_theirs(process) -> None:
    text = ("Bộ Chỉ huy Quân sự tỉnh Savannakhet và Bộ Chỉ huy Quân sự tỉnh Quảng Trị hội đàm. Phía bạn, Trung tá Bun "
            "Mi Xay Som Phon, Trưởng ban Ban Chính sách, cho biết nhiều thông tin. Thượng tá Lê Văn An, Trưởng ban Ban "
            "Chính sách phát biểu.")
    found = [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text == "Ban Chính sách"]
    assert found == ["Ban Chính sách Bộ Chỉ huy Quân sự tỉnh Savannakhet", "Ban Chính sách Bộ Chỉ huy Quân sự tỉnh Quảng Trị"]


def test_the_front_written_alone_is_its_committee(process) -> None:
    text = ("Bà Lê Thị Mỹ Phương, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đồng Tháp thông báo kết quả giám sát của Mặt trận. "
            "Mặt trận các cấp tăng cường giám sát.")
    found = [(m.text, m.normalized) for m in process(text).mentions if m.type == "ORG" and m.text == "Mặt trận"]
    assert found == [("Mặt trận", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Tháp")]
    # with no committee named, the Front alone is no organization of the document
    assert not [m for m in process("Mặt trận tăng cường giám sát.").mentions if m.type == "ORG"]


def test_a_bare_head_on_the_other_side_of_a_meeting_refers_back_to_theirs(process) -> None:
    text = ("BĐBP tỉnh Điện Biên hội đàm với Bộ Chỉ huy Quân sự tỉnh Phông Sa Lỳ tại Điện Biên. Phía bạn có Trung tá Bun "
            "Mi Thăm Ma Vông, Trưởng phòng Phòng Tác chiến của Bộ Chỉ huy. Đồn trưởng Đồn Biên phòng Na Son, cán bộ của "
            "Bộ Chỉ huy, phát biểu.")
    found = [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text == "Bộ Chỉ huy"]
    assert found == ["Bộ Chỉ huy Quân sự tỉnh Phông Sa Lỳ", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Điện Biên"]


@pytest.mark.parametrize(("text", "expected"), [
    # a police division of the friendly province's police, said so after it
    ("Công an tỉnh Điện Biên phối hợp với Công an tỉnh Phông Xa Lỳ (Lào). Cùng đi có Trung tá Xổm Xắc, Trưởng phòng Phòng "
     "Cảnh sát điều tra tội phạm về ma túy của công an tỉnh bạn.",
     "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Phông Xa Lỳ"),
    # ours, said so in a clause that named theirs first
    ("Công an tỉnh Quảng Ninh hội đàm với Cục Công an thành phố Đông Hưng. Ông Dương Kiến Quốc đề nghị lập đường dây "
     "nóng giữa Đội Cảnh sát hình sự phía bạn và Phòng Cảnh sát hình sự phía Việt Nam.",
     "Phòng Cảnh sát hình sự Công an tỉnh Quảng Ninh"),
])
def test_a_police_division_of_the_other_side(process, text: str, expected: str) -> None:
    assert [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text.startswith("Phòng ")] == [expected]


def test_a_bare_head_is_the_foreign_units_only_in_the_sentence_naming_it(process) -> None:
    text = ("Quân khu 5 đón đoàn Quân khu 4, Quân đội nhân dân Lào. Trung tướng Đặng Hữu Lộc, Tư lệnh Quân khu 5 tiếp đoàn"
            " Quân khu 4, Quân đội nhân dân Lào do Thiếu tướng Khăm Phăn, Tư lệnh Quân khu dẫn đầu. Cùng dự có Trung "
            "tướng Võ Văn Tấn, Chính ủy Quân khu.")
    found = [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text == "Quân khu"]
    assert found == ["Quân khu 4 Quân đội nhân dân Lào", "Quân khu 5"]


def test_the_same_foreign_unit_by_its_command_then_short(process) -> None:
    text = ("Bộ Tư lệnh Quân khu 9 hội đàm với Bộ Tư lệnh Quân khu 3, Quân đội Hoàng gia Campuchia do Trung tướng Meas "
            "Sopheak, Tư lệnh Quân khu, dẫn đầu. Thiếu tướng Chhay Rithy, Phó Tư lệnh Quân khu 3 dự.")
    found = [(m.text, m.normalized) for m in process(text).mentions if m.type == "ORG" and "Quân khu" in m.text]
    assert found == [("Bộ Tư lệnh Quân khu 9", "Bộ Tư lệnh Quân khu 9"),
                     ("Bộ Tư lệnh Quân khu 3", "Bộ Tư lệnh Quân khu 3 Quân đội Hoàng gia Campuchia"),
                     ("Quân khu", "Quân khu 3 Quân đội Hoàng gia Campuchia"),
                     ("Quân khu 3", "Quân khu 3 Quân đội Hoàng gia Campuchia")]


@pytest.mark.parametrize(("text", "unit", "normalized"), [
    # our side after a paragraph about the foreign side: our police's division
    ("Công an tỉnh Quảng Trị phối hợp với Lào. Về phía tỉnh Savannakhet (Lào), Đại tá Xôm Phon, Phó Giám đốc "
     "Công an tỉnh chỉ đạo.\n\nTại Lao Bảo, Thượng tá Trần Văn Nam, Phó Trưởng Phòng Cảnh sát hình sự, tiếp nhận "
     "nạn nhân.", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát hình sự Công an tỉnh Quảng Trị"),
    # in the sentence about the foreign side: theirs
    ("Công an tỉnh Quảng Trị phối hợp với Lào. Về phía tỉnh Savannakhet (Lào), Đại tá Xôm Phon, Phó Giám đốc "
     "Công an tỉnh và Trung tá Bun Mi, Trưởng Phòng Cảnh sát hình sự trực tiếp chỉ đạo.", "Phòng Cảnh sát hình sự",
     "Phòng Cảnh sát hình sự Công an tỉnh Savannakhet"),
])
def test_a_foreign_body_owns_the_units_of_its_own_sentence_only(process, text: str, unit: str, normalized: str) -> None:
    assert org_mentions(process, text)[unit].normalized == normalized


def test_the_headline_names_the_documents_province(process) -> None:
    text = ("Đại tá Nguyễn Đình Khải giữ chức Giám đốc Công an tỉnh Điện Biên\n\n"
            "Bộ Công an điều động Đại tá Nguyễn Đình Khải, Tỉnh ủy viên Tỉnh ủy Lào Cai, Phó Giám đốc Công an tỉnh "
            "Lào Cai giữ chức Giám đốc Công an tỉnh Điện Biên. Dự có Thiếu tướng Đặng Hữu Phong, Giám đốc Công an "
            "tỉnh Lào Cai và ông Vũ Văn Hà, đại biểu tỉnh Lào Cai. Ông Lò Văn Mừng, Bí thư Tỉnh ủy phát biểu.")
    assert org_mentions(process, text)["Tỉnh ủy"].normalized == "Tỉnh ủy Điện Biên"
    # without the headline, the province named most
    body = text.split("\n\n", 1)[1]
    assert org_mentions(process, body)["Tỉnh ủy"].normalized == "Tỉnh ủy Lào Cai"


def test_a_registry_unit_belongs_only_to_the_bodies_the_registry_names(process) -> None:
    found = org_mentions(process, "Bà H'Liên Niê, Giám đốc Sở Nội vụ đọc quyết định. Thượng tá Y Blim Êban, Trưởng "
                                  "Phòng Cảnh sát hình sự phát biểu.")
    assert found["Phòng Cảnh sát hình sự"].normalized == "Phòng Cảnh sát hình sự"


def test_a_provinces_border_guard_is_named_by_its_force_as_a_party_owner(process) -> None:
    text = ("Ngày 5/6, Đảng ủy, Bộ Chỉ huy BĐBP tỉnh Đắk Lắk tổ chức hội nghị. Đại tá Võ Minh Sơn, Phó Bí thư Đảng ủy, "
            "Chỉ huy trưởng phát biểu. Phòng Tham mưu báo cáo kết quả.")
    found = [(m.text, m.normalized, m.source) for m in process(text).mentions if m.type == "ORG"]
    assert found == [
        # the Party committee of the force the command commands; the same bare head after a title refers back to it
        ("Đảng ủy", "Đảng ủy Bộ đội Biên phòng tỉnh Đắk Lắk", "orgs.ellipsis"),
        ("Bộ Chỉ huy BĐBP tỉnh Đắk Lắk", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đắk Lắk", "orgs.template"),
        ("Đảng ủy", "Đảng ủy Bộ đội Biên phòng tỉnh Đắk Lắk", "orgs.back_reference"),
        # a staff department of a story that names the command, never the force alone: the command's
        ("Phòng Tham mưu", "Phòng Tham mưu Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đắk Lắk", "orgs.named_head"),
    ]


@pytest.mark.parametrize("text", [
    "Đoàn Kinh tế - Quốc phòng 327 báo cáo mô hình đưa dân ra lập nghiệp.",
    "Trước đó, đoàn công tác của Đoàn Kinh tế - Quốc phòng 327 đã tặng quà.",
    "Đại tá Lê Văn Hải, Trưởng đoàn Đoàn Kinh tế - Quốc phòng 327 phát biểu.",
])
def test_an_economic_defence_corps_anywhere_in_a_sentence(process, text: str) -> None:
    """"Đoàn Kinh" is a surname and a word: inside a sentence it must not cut the corps' name."""
    assert "Đoàn Kinh tế - Quốc phòng 327" in org_mentions(process, text)


def test_a_defence_region_written_short_takes_its_place(process) -> None:
    text = ("Đại tá Hà Văn Nhất, Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 1 - Mộc Châu được điều động. Người kế "
            "nhiệm ở Ban Chỉ huy Phòng thủ khu vực 1 là Thượng tá Tòng Văn Lả.")
    found = [m for m in process(text).mentions if m.type == "ORG" and m.text == "Ban Chỉ huy Phòng thủ khu vực 1"]
    assert [m.normalized for m in found] == ["Ban Chỉ huy Phòng thủ khu vực 1 - Mộc Châu"]


def test_a_numbered_unit_written_short_takes_its_full_name(process) -> None:
    text = ("Đại đội Bảo vệ biên giới 355 (Lào) tuần tra cùng Đồn Biên phòng Lao Bảo. Trung úy Xỉ Xổm Phon của Đại "
            "đội 355 bàn giao đối tượng.")
    assert org_mentions(process, text)["Đại đội 355"].normalized == "Đại đội Bảo vệ biên giới 355"
    # two full names of that number: no guess
    two = "Đại đội Bảo vệ biên giới 355 và Đại đội Trinh sát 355 họp. Đại đội 355 báo cáo."
    assert org_mentions(process, two)["Đại đội 355"].normalized == "Đại đội 355"


def test_a_military_commands_party_committee(process) -> None:
    text = ("Đảng ủy, Bộ CHQS tỉnh Lâm Đồng tổ chức hội nghị. Đại tá Lê Khắc Hiếu, Phó Bí thư Thường trực Đảng ủy, "
            "Chính ủy Bộ CHQS tỉnh phát biểu.")
    assert [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text == "Đảng ủy"] == [
        "Đảng ủy Quân sự tỉnh Lâm Đồng"] * 2


def test_a_committee_of_the_national_assembly_and_the_assembly_are_two_organizations(process) -> None:
    text = "Đoàn giám sát của Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội làm việc tại Tây Ninh."
    assert [m.text for m in process(text).mentions if m.type == "ORG"] == [
        "Ủy ban Quốc phòng, An ninh và Đối ngoại", "Quốc hội"]


@pytest.mark.parametrize(("text", "org"), [
    ("Trung tá Heng Sothea, Trưởng Đồn Cảnh sát biên giới Kaam Samnor (Campuchia) dự họp.",
     "Đồn Cảnh sát biên giới Kaam Samnor"),
    ("Lực lượng Đồn Công an cửa khẩu quốc tế Phu Cưa (Lào) bàn giao đối tượng.", "Đồn Công an cửa khẩu quốc tế Phu Cưa"),
    ("Tổng trạm Quản lý biên giới Quảng Tây (Trung Quốc) cử đoàn sang.", "Tổng trạm Quản lý biên giới Quảng Tây"),
    ("Phía bạn có ông Hoàng Chí Cương, Trạm trưởng Trạm Quản lý biên giới Đông Hưng.",
     "Trạm Quản lý biên giới Đông Hưng"),
])
def test_border_bodies_across_the_border(process, text: str, org: str) -> None:
    assert org in org_mentions(process, text)


@pytest.mark.parametrize(("text", "org", "person"), [
    ("Ông Lãnh Thanh Phong, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Cao Bằng dự. Chủ tịch UBND tỉnh Lãnh Thanh Phong "
     "phát biểu.", "UBND tỉnh", "Lãnh Thanh Phong"),
    ("Trung tướng Mã Văn Thanh, Chính ủy Quân khu 2 chủ trì. Chính ủy Quân khu Mã Văn Thanh lưu ý cán bộ mới.",
     "Quân khu", "Mã Văn Thanh"),
])
def test_an_organization_ends_before_a_name_of_the_less_common_surnames(process, text: str, org: str,
                                                                       person: str) -> None:
    mentions = process(text).mentions
    assert org in [m.text for m in mentions if m.type == "ORG"]
    assert person in [m.text for m in mentions if m.type == "PERSON"]



def test_a_prefectures_bodies_with_the_bare_unit_word(process) -> None:
    text = ("Đoàn công tác châu Văn Sơn (Trung Quốc) do ông Lục Vĩnh Cường, Phó Châu trưởng Chính phủ nhân dân châu "
            "dẫn đầu. Cục Công an châu đang tạm giữ 3 đối tượng. Các nước châu Á hợp tác.")
    found = org_mentions(process, text)
    assert found["Chính phủ nhân dân châu"].normalized == "Chính phủ Nhân dân châu Văn Sơn"
    assert found["Cục Công an châu"].normalized == "Cục Công an châu Văn Sơn"
    assert not any("châu Á" in name for name in found)


def test_the_coast_guard_command_is_named_in_full(process) -> None:
    assert org_mentions(process, "Bộ Tư lệnh Cảnh sát biển tặng Bằng khen.")["Bộ Tư lệnh Cảnh sát biển"].normalized == (
        "Bộ Tư lệnh Cảnh sát biển Việt Nam")


def test_a_unit_and_its_owner_after_cua_are_two_organizations(process) -> None:
    text = "Đại úy Pả Kiều Lanh, Đội trưởng Đội Vũ trang của Đồn Biên phòng Cửa khẩu quốc tế Lao Bảo, cứu hai học sinh."
    found = [(m.text, m.normalized) for m in process(text).mentions if m.type == "ORG"]
    assert found == [("Đội Vũ trang", "Đội Vũ trang Đồn Biên phòng cửa khẩu quốc tế Lao Bảo"),
                     ("Đồn Biên phòng Cửa khẩu quốc tế Lao Bảo", "Đồn Biên phòng cửa khẩu quốc tế Lao Bảo")]


def test_a_bare_head_refers_back_to_the_body_named_last(process) -> None:
    text = ("Học viện Biên phòng đón nhận Huân chương. Thượng tá Lê Công Nghị, Trưởng Phòng Đào tạo của Học viện phát "
            "biểu. Đại tá Trương Quang Vĩnh được bổ nhiệm giữ chức Chỉ huy trưởng Bộ Chỉ huy.")
    found = org_mentions(process, text)
    assert (found["Học viện"].normalized, found["Học viện"].source) == ("Học viện Biên phòng", "orgs.back_reference")
    assert found["Phòng Đào tạo"].normalized == "Phòng Đào tạo Học viện Biên phòng"
    # no "Bộ Chỉ huy …" named before: no organization
    assert "Bộ Chỉ huy" not in found


def test_a_provinces_party_organization_is_no_antecedent_of_a_bare_party_committee(process) -> None:
    # a province's Party committee is its "Tỉnh ủy", never an "Đảng ủy tỉnh …"
    found = org_mentions(process, "Đại hội Đảng bộ tỉnh Hà Tĩnh bế mạc. Ông Lê Văn An, Phó Bí thư Đảng ủy phát biểu.")
    assert "Đảng ủy tỉnh" not in (found["Đảng ủy"].normalized if "Đảng ủy" in found else "")


@pytest.mark.parametrize(("text", "expected"), [
    # a bare "Ủy ban" is the other committee the document named, even with a people's committee nearer
    ("Ủy ban Quốc phòng, An ninh và Đối ngoại làm việc với UBND tỉnh Quảng Ninh. Bà Vũ Thị Hường, Phó Chủ nhiệm Ủy ban "
     "phát biểu.", "Ủy ban Quốc phòng, An ninh và Đối ngoại"),
    # the people's committee where it is the one named
    ("UBND tỉnh Quảng Ninh họp. Ông Lê Văn An, Phó Chủ tịch Ủy ban phát biểu.", "Ủy ban nhân dân tỉnh Quảng Ninh"),
])
def test_a_bare_committee_refers_back_to_another_committee_first(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["Ủy ban"].normalized == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a border guard story that named the province's military command once: "Bộ Chỉ huy" is its own command
    ("BĐBP tỉnh Lạng Sơn hội đàm với Đồn Quản lý biên giới Ái Điểm. Bộ Chỉ huy BĐBP tỉnh Lạng Sơn chủ trì; Bộ CHQS "
     "tỉnh Lạng Sơn tham dự. Hai bên trao trả 94 người nhập cảnh trái phép. Kết thúc hội đàm, thay mặt Đảng ủy, Bộ "
     "Chỉ huy, Phó Chính ủy Phí Văn Hòa tặng quà.",
     "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn"),
    # ... but a command written under its own name in the sentence before is that one
    ("BĐBP tỉnh Lạng Sơn hội đàm. Bộ Chỉ huy BĐBP tỉnh Lạng Sơn chủ trì. Dự có Thượng tá Hoàng Công Khanh, Phó Chỉ "
     "huy trưởng Bộ CHQS tỉnh Lạng Sơn. Cùng đi có Thượng tá Đàm Quang Vượng, cũng là Phó Chỉ huy trưởng của Bộ Chỉ "
     "huy.", "Bộ Chỉ huy Quân sự tỉnh Lạng Sơn"),
    # a military region's story about several provinces' commands: the one named last
    ("Quân khu 3 trao quyết định cho Bộ CHQS thành phố Hải Phòng và Bộ CHQS thành phố Hải Phòng. Tại Bộ CHQS tỉnh "
     "Quảng Ninh, Thượng tá Vương Thị Lụa được bổ nhiệm. Đồng chí Lụa nguyên là Trưởng Ban Tuyên huấn của Bộ Chỉ huy.",
     "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh"),
])
def test_a_bare_command_is_of_the_kind_the_document_is_about(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["Bộ Chỉ huy"].normalized == expected


@pytest.mark.parametrize(("text", "org", "expected"), [
    # a province's and a commune's farmers' and women's unions (registry templates)
    ("Tại tỉnh Cà Mau, Bộ Chỉ huy phối hợp với Hội Nông dân tỉnh, Tỉnh đoàn tổ chức lễ.", "Hội Nông dân tỉnh",
     "Hội Nông dân tỉnh Cà Mau"),
    ("Bà Lò Thị Ín, Chủ tịch Hội LHPN xã Mường Tè, phát biểu.", "Hội LHPN xã Mường Tè",
     "Hội Liên hiệp Phụ nữ xã Mường Tè"),
    # a district's Party committee and youth union take the district's name without its unit word
    ("Ông Lương Văn Toàn, nguyên Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện Trùng Khánh, kể lại.", "Huyện ủy",
     "Huyện ủy Trùng Khánh"),
    ("Ông Lò Văn Tư, nguyên Bí thư Huyện đoàn huyện Mường Tè, cho biết.", "Huyện đoàn huyện Mường Tè",
     "Huyện đoàn Mường Tè"),
    # a village's Party cell written with its unit word alone: the village the sentence names
    ("Ở xóm Nà Lỏm, ông Hoàng Văn Pẻng, Bí thư Chi bộ xóm, là người dẫn đường.", "Chi bộ xóm", "Chi bộ xóm Nà Lỏm"),
    # a list of unit words after a bare body is every unit's body; a clause after the body is not a list
    ("Theo Thiếu tướng Nguyễn Quang Triệu, Phó Giám đốc Công an thành phố, bản án là lời cảnh báo.",
     "Công an thành phố", "Công an thành phố"),
])
def test_local_bodies_by_their_unit_words(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


@pytest.mark.parametrize(("text", "org", "expected"), [
    # Cambodia's national police, longer than our former general department of the same first words
    ("Đoàn Tổng cục Cảnh sát quốc gia Campuchia do Trung tướng Sok Phal dẫn đầu.",
     "Tổng cục Cảnh sát quốc gia Campuchia", "Tổng cục Cảnh sát quốc gia Campuchia"),
    ("Tổng cục Cảnh sát được tổ chức lại năm 2018.", "Tổng cục Cảnh sát", "Tổng cục Cảnh sát"),
    ("Cục Xây dựng phong trào bảo vệ An ninh Tổ quốc tổ chức lễ tôn vinh.",
     "Cục Xây dựng phong trào bảo vệ An ninh Tổ quốc", "Cục Xây dựng phong trào bảo vệ An ninh Tổ quốc"),
    # a body's abbreviations joined as one are one part of its name
    ("Thượng tá Lê Văn An, Trưởng phòng Phòng Cảnh sát PCCC&CNCH Công an tỉnh Quảng Ninh cho biết.",
     "Phòng Cảnh sát PCCC&CNCH Công an tỉnh Quảng Ninh",
     "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Quảng Ninh"),
])
def test_police_bodies_at_home_and_abroad(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


@pytest.mark.parametrize(("text", "org"), [
    # China's coast guard and its bureaus, not a given name "Hải" of the document's Lê Văn Hải
    ("Ông Lê Văn Hải dự. Hải cảnh Trung Quốc cử tàu tham gia tuần tra liên hợp.", "Hải cảnh Trung Quốc"),
    ("Ông Hoàng Chí Cường, Thuyền trưởng tàu của Cục Hải cảnh Quảng Tây, cho biết.", "Cục Hải cảnh Quảng Tây"),
])
def test_other_countries_coast_guards(process, text: str, org: str) -> None:
    assert org_mentions(process, text)[org].normalized == org
    assert "Hải" not in [m.text for m in process(text).mentions if m.type == "PERSON"]



@pytest.mark.parametrize(("text", "org", "expected"), [
    # a police division with its owner after a comma: the other country's province, ours
    ("Công an tỉnh Nghệ An phối hợp. Thiếu tá Heng Sovann, Phó Trưởng phòng Phòng Cảnh sát hình sự, Cảnh sát tỉnh Prey "
     "Veng phát biểu.", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát hình sự Cảnh sát tỉnh Prey Veng"),
    ("Công an tỉnh Nghệ An phối hợp. Đại tá Lê Văn An, Trưởng phòng Phòng Cảnh sát hình sự, Công an tỉnh Hà Tĩnh phát "
     "biểu.", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh"),
    # the next item of a list is no owner: the division of the police the document named
    ("Công an tỉnh Nghệ An phối hợp. Giám đốc Công an tỉnh thưởng nóng PC04, Công an xã và Thiếu tá Chu Đức Thảo.",
     "PC04", "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Nghệ An"),
    # a name one of our departments has, of the other country's ministry written after it
    ("Dự lễ có Đại tá Vi Lay Văn Xổm Bắt, Phó Cục trưởng Cục Đào tạo, Bộ An ninh Lào.", "Cục Đào tạo",
     "Cục Đào tạo Bộ An ninh Lào"),
    ("Dự lễ có Đại tá Lê Văn An, Cục trưởng Cục Đào tạo, Bộ Công an.", "Cục Đào tạo", "Cục Đào tạo"),
])
def test_an_owner_written_after_a_comma(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


@pytest.mark.parametrize(("text", "org", "expected"), [
    # a border guard command's task team, its owner after a comma
    ("Tại tỉnh Lai Châu, Thiếu tá Tẩn A Sử, Đội trưởng Đội Đặc nhiệm phòng, chống ma túy và tội phạm, Bộ Chỉ huy BĐBP "
     "tỉnh khống chế đối tượng.", "Đội Đặc nhiệm phòng, chống ma túy và tội phạm",
     "Đội Đặc nhiệm phòng, chống ma túy và tội phạm Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu"),
    # a police division named by its function with the function abbreviated: of the police the document named
    ("Công an tỉnh Quảng Ninh kiểm tra. Thượng tá Vũ Đình Hoạt, Trưởng phòng Phòng Cảnh sát PCCC&CNCH cho biết.",
     "Phòng Cảnh sát PCCC&CNCH",
     "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Quảng Ninh"),
])
def test_units_of_a_province_written_short(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


@pytest.mark.parametrize(("text", "org", "expected"), [
    # a command's political department's boards, the department implied; the Party's boards are not
    ("Bộ CHQS tỉnh Điện Biên tổ chức lễ. Thượng tá Lò Thị Hoa, Trưởng ban Ban Tuyên huấn cho biết.", "Ban Tuyên huấn",
     "Ban Tuyên huấn Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Điện Biên"),
    ("Bộ CHQS tỉnh Lạng Sơn họp. Trung tá Hoàng Văn Lâm, Phó Trưởng ban Ban Cán bộ phát biểu.", "Ban Cán bộ",
     "Ban Cán bộ Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Lạng Sơn"),
    # a company named by its arm is its command's; a numbered one stays as written
    ("Bộ CHQS tỉnh Điện Biên tổ chức lễ. Đại đội Trinh sát đã hoàn thành nhiệm vụ.", "Đại đội Trinh sát",
     "Đại đội Trinh sát Bộ Chỉ huy Quân sự tỉnh Điện Biên"),
    ("Bộ CHQS tỉnh Điện Biên tổ chức lễ. Đại đội 2 đã hoàn thành nhiệm vụ.", "Đại đội 2", "Đại đội 2"),
])
def test_a_commands_boards_and_companies(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


def test_a_list_of_unit_words_is_every_units_body(process) -> None:
    assert "Ban CHQS xã" not in org_mentions(process, "Ban CHQS xã, phường trên địa bàn tham gia diễn tập.")


@pytest.mark.parametrize(("text", "org", "expected"), [
    # a Navy rank in the sentence: the bare region is the Navy's, not the Coast Guard's named last
    ("Vùng 3 Hải quân và Vùng Cảnh sát biển 2 phối hợp. Chuẩn Đô đốc Nguyễn Đăng Khoa, Tư lệnh Vùng, chỉ đạo.", "Vùng",
     "Vùng 3 Hải quân"),
    ("Vùng 3 Hải quân và Vùng Cảnh sát biển 2 phối hợp. Đại tá Lê Văn Tám, Tư lệnh Vùng, chỉ đạo.", "Vùng",
     "Vùng Cảnh sát biển 2"),
    # a vessel of one service in the sentence names the service as its rank would
    ("Vùng 4 Hải quân và Vùng Cảnh sát biển 3 phối hợp. Đại tá Lê Văn Tám, Chính ủy Vùng, khen kíp tàu HQ-561.",
     "Vùng", "Vùng 4 Hải quân"),
    ("Vùng Cảnh sát biển 3 và Vùng 4 Hải quân phối hợp. Đại tá Lê Văn Tám, Tư lệnh Vùng, điều tàu CSB 8003.",
     "Vùng", "Vùng Cảnh sát biển 3"),
    # vessels of both services: the sentence names neither, the region named last
    ("Vùng 4 Hải quân và Vùng Cảnh sát biển 3 phối hợp. Đại tá Lê Văn Tám, Tư lệnh Vùng, điều tàu CSB 8003 và tàu "
     "HQ-561.", "Vùng", "Vùng Cảnh sát biển 3"),
    # "Vùng 3" alone is the Navy's where the Navy is named; the Coast Guard's has its name in it
    ("Vùng 3 Hải quân chỉ đạo. Tàu HQ-571 của Vùng 3 rời cảng; Vùng Cảnh sát biển 3 hỗ trợ.", "Vùng 3",
     "Vùng 3 Hải quân"),
    ("Tàu của Vùng 3 rời cảng; Vùng Cảnh sát biển 2 hỗ trợ.", "Vùng 3", "Vùng 3"),
])
def test_a_regions_service(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


@pytest.mark.parametrize(("text", "org", "expected"), [
    # an organ written alone: the organ of the body of its heads the document is about
    ("Công an tỉnh Hà Tĩnh tổ chức hội nghị. Đại tá Lê Anh Tú hứa cùng tập thể Ban Giám đốc xây dựng lực lượng.",
     "Ban Giám đốc", "Ban Giám đốc Công an tỉnh Hà Tĩnh"),
    ("BĐBP tỉnh Lạng Sơn hội đàm với Đồn Quản lý biên giới Ái Điểm. Bộ Chỉ huy BĐBP tỉnh Lạng Sơn chủ trì; Bộ CHQS "
     "tỉnh Lạng Sơn dự. Hai bên trao trả 94 người. Thay mặt Đảng ủy, Bộ Chỉ huy, Phó Chính ủy Phí Văn Hòa tặng quà.",
     "Đảng ủy", "Đảng ủy Bộ đội Biên phòng tỉnh Lạng Sơn"),
    ("Đại hội Đảng bộ tỉnh Lào Cai bầu Tỉnh ủy Lào Cai khóa mới. Trong Ban Thường vụ có 15 đồng chí.", "Ban Thường vụ",
     "Ban Thường vụ Tỉnh ủy Lào Cai"),
    ("Chi cục Hải quan khu vực III phát hiện lô hàng. Chi cục đã chuyển hồ sơ cho cơ quan điều tra.", "Chi cục",
     "Chi cục Hải quan khu vực III"),
    # a body written alone by its head: the one of that head named last
    ("Ông Hoàng Văn Minh, Giám đốc Sở Tài chính tỉnh Sơn La cho biết Sở đã tham mưu bố trí vốn.", "Sở",
     "Sở Tài chính tỉnh Sơn La"),
])
def test_an_organ_or_a_body_written_alone(process, text: str, org: str, expected: str) -> None:
    assert org_mentions(process, text)[org].normalized == expected


def test_a_border_post_named_again_by_its_head_alone(process) -> None:
    # the other side's post is no antecedent of ours
    found = org_mentions(process, "Đồn Biên phòng Cửa khẩu Chi Ma hội đàm với Đồn Quản lý biên giới Ái Điểm. Đại úy "
                                  "Nông Văn Sùng, Chính trị viên Đồn, phát biểu.")
    assert (found["Đồn"].normalized, found["Đồn"].source) == ("Đồn Biên phòng cửa khẩu Chi Ma", "orgs.back_reference")


def test_a_bare_head_inside_a_longer_title_is_no_back_reference(process) -> None:
    text = "Công an tỉnh Gia Lai họp. Đại diện phía bạn là ông Chea Sovann, Tùy viên Công an Đại sứ quán Campuchia."
    assert "Công an" not in [m.text for m in process(text).mentions if m.type == "ORG"]


@pytest.mark.parametrize(("text", "date", "short", "expected"), [
    # the clause of a foreign delegation: its province, named later in the sentence
    ("Hội đàm giữa Bộ đội Biên phòng tỉnh Điện Biên và tỉnh Phôngsalì. Đoàn Lào do Đại tá Xổm Bun Khăm Phăn, Chỉ huy "
     "trưởng Bộ Chỉ huy Quân sự tỉnh dẫn đầu; cùng đi có ông Phết Xa Mon, Phó Tỉnh trưởng tỉnh Phôngsalì.", None,
     "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh Phôngsalì"),
    # a department of a Cambodian province's police, "của" its owner
    ("Công an tỉnh Tây Ninh phối hợp với Cảnh sát tỉnh Svay Rieng. Trung tá Ros Pheakdey, Trưởng Phòng Chống ma túy "
     "của Cảnh sát tỉnh cho biết.", None, "Phòng Chống ma túy", "Phòng Chống ma túy Cảnh sát tỉnh Svay Rieng"),
    # alone, sentences after its owner and after our own side's bodies: still the foreign police's (only a
    # Cambodian province's "Cảnh sát tỉnh" has one)
    ("Công an tỉnh Tây Ninh phối hợp với Cảnh sát tỉnh Svay Rieng. Bộ Chỉ huy Quân sự tỉnh cử đại diện. Thượng tá "
     "Ros Pheakdey, Trưởng phòng Phòng Chống ma túy và Trung tá Trần Văn Lắm cùng dự.", None, "Phòng Chống ma túy",
     "Phòng Chống ma túy Cảnh sát tỉnh Svay Rieng"),
    # a body every province has, alone in the clause that lists a foreign delegation: that province's
    ("Bệnh viện Trung ương Huế hợp tác với các tỉnh Salavan và Sekong. Đoàn tỉnh Salavan do ông Khăm Sỉ Vông Xay, "
     "Giám đốc Sở Y tế dẫn đầu.", None, "Sở Y tế", "Sở Y tế tỉnh Salavan"),
    ("Thành phố Huế đón đoàn tỉnh Salavan. Chiều cùng ngày, đoàn tỉnh Salavan đến chào ông Lê Văn An, Giám đốc Sở Y "
     "tế.", None, "Sở Y tế", "Sở Y tế thành phố Huế"),
    # a district after 2025 is a foreign one
    ("Đồn Biên phòng Bờ Y tuần tra địa bàn huyện Phu Vông của bạn. Trưởng Công an huyện, Thiếu tá Khăm Xỉ Vông Phi "
     "Lạt tiếp nhận.", "2026-03-01", "Công an huyện", "Công an huyện Phu Vông"),
    ("Đồn Biên phòng Bờ Y tuần tra địa bàn huyện Phu Vông của bạn. Trưởng Công an huyện, Thiếu tá Khăm Xỉ Vông Phi "
     "Lạt tiếp nhận.", "2024-03-01", "Công an huyện", "Công an huyện"),
])
def test_a_bare_unit_word_of_a_foreign_body(process, text: str, date: str | None, short: str, expected: str) -> None:
    assert org_mentions(process, text, date=date)[short].normalized == expected


def test_a_foreign_body_is_not_given_the_documents_province(process) -> None:
    found = org_mentions(process, "Công an tỉnh Tây Ninh làm việc với Cảnh sát tỉnh về tội phạm ma túy.")
    assert found["Cảnh sát tỉnh"].normalized == "Cảnh sát tỉnh"


def test_a_bare_province_of_another_bodys_name_is_not_taken(process) -> None:
    # only the police of a province the document named make a bare "Công an tỉnh" that province's
    found = org_mentions(process, "Công an Thành phố Hồ Chí Minh làm việc với UBND tỉnh Tây Ninh ở Thành phố Hồ Chí "
                                  "Minh. Thành phố Hồ Chí Minh cảm ơn. Đại tá Lê Văn Hòa, Giám đốc Công an tỉnh phát biểu.")
    assert found["Công an tỉnh"].normalized == "Công an tỉnh"


def test_a_sub_unit_written_again_is_the_one_named_first(process) -> None:
    text = ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Hà Tĩnh chủ trì; Đội Trinh sát bám sát đối tượng. "
            "Lực lượng của Đồn Biên phòng Cửa khẩu quốc tế Cầu Treo phối hợp. Trung úy Lê Đức Mạnh, trinh sát viên "
            "Đội Trinh sát, bị thương.")
    found = [m for m in process(text).mentions if m.type == "ORG" and m.text == "Đội Trinh sát"]
    assert [m.normalized for m in found] == [
        "Đội Trinh sát Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Hà Tĩnh"] * 2


def test_a_unit_named_alone_without_its_body_before_it_is_not_completed(process) -> None:
    found = org_mentions(process, "Phòng Cảnh sát điều tra tội phạm về ma túy thu giữ tang vật.")
    unit = "Phòng Cảnh sát điều tra tội phạm về ma túy"
    assert found[unit].normalized == unit


@pytest.mark.parametrize(("text", "expected"), [
    # a unit's own name, then the organization it belongs to
    ("Trường Quân sự Quân khu 3 khai giảng.", ["Trường Quân sự Quân khu 3"]),
    # a numbered unit whose number follows its name, and the later reference without it
    ("Lữ đoàn Bảo vệ biên giới 201 tuần tra. Cán bộ Lữ đoàn giúp dân.", ["Lữ đoàn Bảo vệ biên giới 201", "Lữ đoàn"]),
    ("Chi đội Quản lý biên giới Sùng Tả hội đàm.", ["Chi đội Quản lý biên giới Sùng Tả"]),
    ("Lực lượng vũ trang Quân khu 3 đón nhận huân chương.", ["Lực lượng vũ trang Quân khu 3"]),
    ("Thường trực HĐND tỉnh Nghệ An họp.", ["Thường trực HĐND tỉnh Nghệ An"]),
    # bad: in lower case these are common nouns; a plural before a lower-case head
    ("Các lực lượng vũ trang quân khu đã phối hợp.", []),
    ("Hai đồn biên phòng Hữu Nghị và Tân Thanh phối hợp.", []),
    ("Công an tỉnh Lạng Sơn cấp hộ chiếu cho 20 người.", ["Công an tỉnh Lạng Sơn"]),
])
def test_units_and_their_parents(process, text: str, expected: list[str]) -> None:
    assert list(org_mentions(process, text)) == expected


def test_a_back_reference_takes_the_full_name(process) -> None:
    found = org_mentions(process, "Lữ đoàn Bảo vệ biên giới 201 tuần tra. Cán bộ Lữ đoàn giúp dân.")
    assert found["Lữ đoàn"].normalized == "Lữ đoàn Bảo vệ biên giới 201"


@pytest.mark.parametrize(("text", "expected"), [
    # the last numbered unit of that head named before the reference
    ("Quân đoàn 12 công bố quyết định. Cùng ngày, Quân đoàn 34 điều động Đại tá Lê Văn Hải, Phó Tham mưu trưởng "
     "Quân đoàn.", "Quân đoàn 34"),
    ("Quân đoàn 34 họp. Quân đoàn 12 công bố quyết định. Đại tá Lê Văn Hải, Phó Tham mưu trưởng Quân đoàn phát "
     "biểu.", "Quân đoàn 12"),
    # one named after it only: that one
    ("Cán bộ Quân đoàn dự lễ. Quân đoàn 12 công bố quyết định.", "Quân đoàn 12"),
])
def test_a_back_reference_takes_the_last_numbered_unit_named_before_it(process, text: str, expected: str) -> None:
    assert [m.normalized for m in process(text).mentions if m.type == "ORG" and m.text == "Quân đoàn"] == [expected]


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a committee by its head after a title: the committee named before
    ("Đoàn giám sát của Ủy ban Văn hóa và Xã hội của Quốc hội do bà Nguyễn Thị Lan, Phó Chủ nhiệm Ủy ban dẫn đầu.",
     "Ủy ban", "Ủy ban Văn hóa và Xã hội"),
    # a procuracy and a court by their short name: the document's province's
    ("Công an tỉnh Đắk Lắk đã chuyển hồ sơ sang Viện kiểm sát để truy tố các bị can.", "Viện kiểm sát",
     "Viện Kiểm sát nhân dân tỉnh Đắk Lắk"),
    ("Tòa án nhân dân tỉnh Nghệ An mở phiên tòa. Bà Lê Thị Hoa, Phó Chánh án Tòa án chủ tọa.", "Tòa án",
     "Tòa án nhân dân tỉnh Nghệ An"),
    # a provincial sub-department (Chi cục) written alone: the document's province's
    ("Thành phố Huế công bố quyết định. Ông Hồ Văn Thạch, Phó Chi cục trưởng được giao phụ trách Chi cục Kiểm lâm.",
     "Chi cục Kiểm lâm", "Chi cục Kiểm lâm thành phố Huế"),
])
def test_a_body_by_its_short_name_is_the_one_the_document_names(process, text: str, short: str,
                                                                 expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


@pytest.mark.parametrize("text", [
    "Vụ án sẽ được đưa ra tòa án xét xử trong thời gian tới tại tỉnh Nghệ An.",
    "Các ủy ban của Quốc hội đã thẩm tra dự án luật.",
])
def test_a_common_noun_court_or_committee_is_no_organization(process, text: str) -> None:
    assert not {"tòa án", "ủy ban"} & {m.lower() for m in org_mentions(process, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # the regional bodies of the 2025 reorganisation, numbered by "khu vực"
    ("Ông Lê Văn Hải, Chi cục trưởng Chi cục Hải quan khu vực VIII cho biết.",
     {"Chi cục Hải quan khu vực VIII": "Chi cục Hải quan khu vực VIII"}),
    ("Ông Hoàng Văn Minh, Phó Chánh án Tòa án quân sự khu vực 1 Quân khu 4 phát biểu.",
     {"Tòa án quân sự khu vực 1 Quân khu 4": "Tòa án quân sự khu vực 1 Quân khu 4"}),
    ("Ông Lương Minh Đức, Chánh án Tòa án nhân dân khu vực 1 - Lạng Sơn phát biểu.",
     {"Tòa án nhân dân khu vực 1 - Lạng Sơn": "Tòa án nhân dân khu vực 1 - Lạng Sơn"}),
    ("Thượng tá Nguyễn Văn An, Viện trưởng VKSQS khu vực 41 dự.",
     {"VKSQS khu vực 41": "Viện Kiểm sát quân sự khu vực 41"}),
    # sub-units the registry names whole, though they end on common nouns
    ("Đại tá Đặng Văn Quân, Chủ nhiệm Khoa Hồi sức tích cực Bệnh viện Trung ương Quân đội 108 cho biết.",
     {"Khoa Hồi sức tích cực Bệnh viện Trung ương Quân đội 108":
      "Khoa Hồi sức tích cực Bệnh viện Trung ương Quân đội 108"}),
    ("Đại tá Lê Văn Tâm, Cục trưởng Cục Hậu cần - Kỹ thuật Quân khu 4 dự.",
     {"Cục Hậu cần - Kỹ thuật Quân khu 4": "Cục Hậu cần - Kỹ thuật Quân khu 4"}),
    # bodies of the registry: a ministry's department merged in 2025, a central hospital named with its city, the
    # European Commission and its acronym
    ("Cục Thủy sản và Kiểm ngư kiểm tra tàu cá.", {"Cục Thủy sản và Kiểm ngư": "Cục Thủy sản và Kiểm ngư"}),
    ("Bệnh viện Trung ương Huế đón nhận huân chương.", {"Bệnh viện Trung ương Huế": "Bệnh viện Trung ương Huế"}),
    ("Đoàn thanh tra của EC sang làm việc.", {"EC": "Ủy ban châu Âu"}),
    # a province's youth union and veterans' association
    ("Ông Nguyễn Văn Hậu, Bí thư Tỉnh đoàn Hà Tĩnh phát biểu.", {"Tỉnh đoàn Hà Tĩnh": "Tỉnh đoàn Hà Tĩnh"}),
    ("Đại hội Hội CCB tỉnh Điện Biên khai mạc.", {"Hội CCB tỉnh Điện Biên": "Hội Cựu chiến binh tỉnh Điện Biên"}),
    # a numbered unit and the foreign army it belongs to; a number after a definition
    ("Đoàn Bệnh viện 103 Quân đội nhân dân Lào sang thăm.",
     {"Bệnh viện 103 Quân đội nhân dân Lào": "Bệnh viện 103 Quân đội nhân dân Lào"}),
    ("Bệnh viện Trung ương Quân đội (TWQĐ) 108 đón nhận huân chương.",
     {"Bệnh viện Trung ương Quân đội (TWQĐ) 108": "Bệnh viện Trung ương Quân đội 108"}),
])
def test_names_of_the_registry_and_the_2025_regions(process, text: str, expected: dict[str, str]) -> None:
    found = org_mentions(process, text)
    assert {surface: found[surface].normalized for surface in expected if surface in found} == expected


def test_a_body_named_after_a_border_gate_keeps_the_gate_as_written(process) -> None:
    text = "Đoàn Trung Quốc có ông Trần Kiến Bình, Trạm trưởng Trạm Kiểm tra xuất nhập cảnh Hữu Nghị Quan (Trung Quốc)."
    unit = "Trạm Kiểm tra xuất nhập cảnh Hữu Nghị Quan"
    assert org_mentions(process, text)[unit].normalized == unit


def test_the_heads_of_a_body_before_a_head_that_refers_back(process) -> None:
    text = ("Đảng ủy Bộ đội Biên phòng họp. Thiếu tướng Hoàng Văn Kiên hứa cùng tập thể Thường vụ Đảng ủy, Bộ Tư lệnh "
            "hoàn thành nhiệm vụ được giao.")
    found = org_mentions(process, text)
    assert found["Thường vụ Đảng ủy"].normalized == "Thường vụ Đảng ủy Bộ đội Biên phòng"
    assert "Đảng ủy" not in found


@pytest.mark.parametrize(("text", "expected"), [
    # two functions of one sentence-case name
    ("Trung tá Cao Thành Lễ, Trưởng Phòng Nghiệp vụ và Pháp luật Bộ Tư lệnh Vùng Cảnh sát biển 2 phát biểu.",
     "Phòng Nghiệp vụ và Pháp luật Bộ Tư lệnh Vùng Cảnh sát biển 2"),
    # bad: "và" before another body or a person's rank ends the name
    ("Phòng Tham mưu và Đội Trinh sát phối hợp.", "Phòng Tham mưu"),
    ("Phòng Tổ chức và Trung tá Lê Văn An dự.", "Phòng Tổ chức"),
])
def test_a_sentence_case_name_of_two_functions(process, text: str, expected: str) -> None:
    assert next(iter(org_mentions(process, text))) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Đại tá Lò Minh Khánh, Chỉ huy trưởng BCHQS tỉnh Lai Châu báo cáo.", "Bộ Chỉ huy Quân sự tỉnh Lai Châu"),
    ("Trung úy Vàng A Lăng, Chỉ huy trưởng BCHQS xã Mường Tè dự.", "Ban Chỉ huy Quân sự xã Mường Tè"),
])
def test_a_form_of_two_templates_is_the_one_of_the_unit_after_it(process, text: str, expected: str) -> None:
    assert [m.normalized for m in process(text).mentions if m.type == "ORG"] == [expected]


def test_a_foreign_body_is_no_antecedent_of_a_bare_head(process) -> None:
    text = ("Bệnh viện Trung ương Quân đội 108 ký kết hợp tác với Bệnh viện 103 Quân đội nhân dân Lào. Thiếu tướng Mạc "
            "Văn Tùng, Giám đốc Bệnh viện cho biết.")
    assert org_mentions(process, text)["Bệnh viện"].normalized == "Bệnh viện Trung ương Quân đội 108"


@pytest.mark.parametrize("text, expected", [
    # a body of a province merged away in 2025, told of as the past, is no antecedent where one of today is named
    ("Bộ CHQS tỉnh Hưng Yên tổ chức hội nghị. Dự có Đại tá Lê Văn An, người từng làm Chính ủy Bộ CHQS tỉnh Thái "
     "Bình. Đại tá Trần Văn Bình, Chính ủy Bộ Chỉ huy phát biểu.", "Bộ Chỉ huy Quân sự tỉnh Hưng Yên"),
    # where the document names no other, it still is
    ("Đại tá Lê Văn An từng làm Chính ủy Bộ CHQS tỉnh Thái Bình. Đại tá Trần Văn Bình, Chính ủy Bộ Chỉ huy phát biểu.",
     "Bộ Chỉ huy Quân sự tỉnh Thái Bình"),
])
def test_a_body_of_a_former_province_is_the_last_antecedent(process, text: str, expected: str) -> None:
    assert org_mentions(process, text, date="2027-05-01")["Bộ Chỉ huy"].normalized == expected


def test_doctests() -> None:
    import doctest

    import pipeline.extract.orgs
    import pipeline.lexicons
    import pipeline.org_registry

    assert doctest.testmod(pipeline.extract.orgs).failed == 0
    assert doctest.testmod(pipeline.org_registry).failed == 0
    assert doctest.testmod(pipeline.lexicons).failed == 0


def test_the_other_sides_gift_goes_to_our_body(process) -> None:
    text = ("BĐBP tỉnh Thanh Hóa hội đàm với Bộ Chỉ huy Quân sự tỉnh Hủa Phăn. Phía bạn, Thiếu tướng Thoong Phết trao "
            "Huân chương cho BĐBP tỉnh; phía bạn, Bộ CHQS tỉnh cảm ơn.")
    found = [(m.text, m.normalized) for m in process(text).mentions if m.type == "ORG"]
    assert ("BĐBP tỉnh", "Bộ đội Biên phòng tỉnh Thanh Hóa") in found
    assert ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh Hủa Phăn") in found


@pytest.mark.parametrize(("text", "expected"), [
    # a police unit written by its code is the unit, and the province's police it belongs to is its owner
    ("Công an tỉnh Lạng Sơn triệt phá đường dây ma túy. PC04 đã bắt giữ 3 đối tượng.",
     {"PC04": ("Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh "
                                                            "Lạng Sơn")}),
    ("Đại tá Lê Văn An, Cục phó C03 cho biết.",
     {"C03": ("Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu",
              "Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu")}),
    # a head written before the code is the code's own: "Cục A05" is one Cục
    ("Đại tá Nguyễn Đức Toàn, Phó Cục trưởng Cục A05 gửi thư khen.",
     {"A05": ("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", None)}),
    # a code the lexicon does not list is no unit, and a code is no unit inside a vessel's hull number
    ("Khu PC99 đã được bàn giao.", {}),
    ("Tàu HQ-561 cập cảng.", {}),
])
def test_police_units_by_their_code(process, text: str, expected: dict) -> None:
    mentions = process(text).mentions
    codes = {m.text: m.normalized for m in mentions if m.type == "ACRONYM" and m.text[-1].isdigit()}
    units = {m.text: m.normalized for m in mentions if m.type == "ORG" and m.text[-1].isdigit()}
    assert {code: (codes[code], units.get(code)) for code in codes} == expected


def test_a_bare_command_is_the_force_named_not_a_numbered_units(process) -> None:
    # "Bộ Tư lệnh" alone in a border guard story that also names Quân khu 4 is the border guard's command: the
    # military region is a numbered unit, its "Bộ Tư lệnh Quân khu 4" no command of a force the story is about
    text = ("Bộ Tư lệnh Bộ đội Biên phòng tổ chức hội nghị. Quân khu 4 và Quân khu 5 cử đại diện dự. Đại tá Lê Văn "
            "Hùng, Phó Tham mưu trưởng Quân khu 4 phát biểu. Thiếu tướng Nguyễn Anh Tuấn, Phó Tư lệnh Bộ Tư lệnh, "
            "kết luận.")
    assert org_mentions(process, text)["Bộ Tư lệnh"].normalized == "Bộ Tư lệnh Bộ đội Biên phòng"


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence-case name's lower-case words end before "của" and its owner: two organizations
    ("Ông Sa Vanh, Phó Trưởng Phòng An ninh chống khủng bố của Cảnh sát tỉnh Kandal phát biểu.",
     [("Phòng An ninh chống khủng bố", "Phòng An ninh chống khủng bố Cảnh sát tỉnh Kandal"),
      ("Cảnh sát tỉnh Kandal", "Cảnh sát tỉnh Kandal")]),
    # bad: a lower-case run that leads to no "của" stays a bridge to the next head
    ("Phòng Cảnh sát chống ma túy Cảnh sát tỉnh Kandal họp.",
     [("Phòng Cảnh sát chống ma túy Cảnh sát tỉnh Kandal", "Phòng Cảnh sát chống ma túy Cảnh sát tỉnh Kandal")]),
])
def test_a_name_ends_before_its_owner_after_cua(process, text: str, expected: list) -> None:
    assert [(m.text, m.normalized) for m in process(text).mentions if m.type == "ORG"] == expected


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a ministry's department: of the ministry after a comma, or of the one the story named
    ("Trao quyết định là ông Lò Minh Sơn, Vụ trưởng Vụ Tổ chức cán bộ, Bộ Y tế.", "Vụ Tổ chức cán bộ",
     "Vụ Tổ chức cán bộ Bộ Y tế"),
    ("Bộ Tư pháp tổ chức hội nghị. Ông Trần Văn Lâm, Vụ trưởng Vụ Hợp tác quốc tế phát biểu.", "Vụ Hợp tác quốc tế",
     "Vụ Hợp tác quốc tế Bộ Tư pháp"),
    # bad: a military command is no ministry ("Bộ" opens both)
    ("Bộ Chỉ huy Quân sự tỉnh Nghệ An họp. Ông Lê Văn Hà, Vụ trưởng Vụ Tổ chức cán bộ phát biểu.",
     "Vụ Tổ chức cán bộ", "Vụ Tổ chức cán bộ"),
])
def test_a_ministrys_department(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


def test_two_bodies_after_a_division_named_first_settle_nothing(process) -> None:
    text = ("Thượng tá Lê Văn Hòa, Trưởng phòng Phòng Cảnh sát kinh tế, trình bày. Công an tỉnh Ninh Bình và Công an "
            "tỉnh Hưng Yên phối hợp điều tra.")
    assert org_mentions(process, text)["Phòng Cảnh sát kinh tế"].normalized == "Phòng Cảnh sát kinh tế"


def test_a_head_alone_refers_back_to_the_completed_sub_unit(process) -> None:
    text = ("Học viện Hải quân bế giảng khóa học. Giáo trình do Khoa Hàng hải chủ trì biên soạn. Thượng tá Phạm Minh "
            "Đức, Chủ nhiệm Khoa, cho biết học viên đã thực tập trên tàu.")
    found = org_mentions(process, text)
    assert found["Khoa Hàng hải"].normalized == "Khoa Hàng hải Học viện Hải quân"
    assert found["Khoa"].normalized == "Khoa Hàng hải Học viện Hải quân"


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a clinical department is the hospital's, also after a medical university is named
    ("Bệnh viện Đa khoa Cà Mau ký kết hợp tác với Trường Đại học Y Dược Cần Thơ. Bác sĩ Lê Văn An, Trưởng Khoa Nhi, "
     "phát biểu.", "Khoa Nhi", "Khoa Nhi Bệnh viện Đa khoa Cà Mau"),
    # bad: a faculty of languages is no surgery department ("Khoa Ngoại …" only as named in full)
    ("Bệnh viện Quân y 103 phối hợp với Học viện Biên phòng. Thượng tá Lê Văn Hà, Chủ nhiệm Khoa Ngoại ngữ, phát biểu.",
     "Khoa Ngoại ngữ", "Khoa Ngoại ngữ Học viện Biên phòng"),
])
def test_a_hospitals_clinical_department(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a city's military command: its Party committee is the command's, and the city keeps its capital
    ("Thay mặt Đảng ủy, Bộ Tư lệnh Thành phố Hồ Chí Minh, Thiếu tướng Lê Văn A phát biểu.",
     "Đảng ủy Bộ Tư lệnh Thành phố Hồ Chí Minh"),
    # a force's command: its Party committee is the force's
    ("Thay mặt Đảng ủy, Bộ Tư lệnh Bộ đội Biên phòng, Thiếu tướng Lê Văn A phát biểu.", "Đảng ủy Bộ đội Biên phòng"),
])
def test_the_party_committee_of_a_command(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["Đảng ủy"].normalized == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a staff department alone, sentences after another body: of the body the story names most
    ("Bộ đội Biên phòng tỉnh Lai Châu hội đàm với Hồng Hà. BĐBP tỉnh Lai Châu đề nghị phối hợp. Công an tỉnh Lai Châu "
     "cử đại diện dự. Theo báo cáo của Phòng Tham mưu, hai bên tuần tra 12 lần.",
     "Phòng Tham mưu Bộ đội Biên phòng tỉnh Lai Châu"),
    # an owner in its own sentence still wins
    ("Bộ đội Biên phòng tỉnh Lai Châu hội đàm với Hồng Hà. BĐBP tỉnh Lai Châu đề nghị phối hợp. Trung tá Lò Văn Hùng, "
     "Trưởng Phòng Tham mưu, Công an tỉnh Lai Châu cho biết.", "Phòng Tham mưu Công an tỉnh Lai Châu"),
])
def test_a_staff_department_is_of_the_body_the_story_is_about(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["Phòng Tham mưu"].normalized == expected


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a bare commune-level body: the commune its own sentence names first, over the one the document names most
    ("Kỳ họp HĐND xã Na Mèo. Xã Na Mèo có 12 bản. Ông Lương Văn Kiên được điều động đến nhận công tác tại xã Trung "
     "Hạ, chỉ định giữ chức Bí thư Đảng ủy xã.", "Đảng ủy xã", "Đảng ủy xã Trung Hạ"),
    # with none in its sentence: the document's commune
    ("Kỳ họp HĐND xã Na Mèo. Xã Na Mèo có 12 bản; xã Trung Hạ có 9 bản. Ông Lương Văn Kiên giữ chức Bí thư Đảng ủy "
     "xã.", "Đảng ủy xã", "Đảng ủy xã Na Mèo"),
    # ... unless a sentence of its paragraph sets the scene in a commune: that one
    ("Đoàn kiểm tra xã Sen Thượng và xã Sen Thượng mới.\nTại xã Mường Nhé, đoàn kiểm tra trụ sở mới. Chỉ huy trưởng Ban "
     "CHQS xã, Đại úy Lò Văn Khẩn cho biết dân quân đã sẵn sàng.", "Ban CHQS xã", "Ban Chỉ huy Quân sự xã Mường Nhé"),
    # a commune a person comes from is no scene
    ("Kỳ họp HĐND xã Na Mèo. Xã Na Mèo có 12 bản.\nÔng Lương Văn Kiên từ xã Trung Hạ về. Ông giữ chức Bí thư Đảng ủy "
     "xã.", "Đảng ủy xã", "Đảng ủy xã Na Mèo"),
])
def test_a_bare_commune_body_of_its_sentence(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a province's tax office since 2025: "Thuế" with its province
    ("Đoàn kiểm tra của Thuế tỉnh Hưng Yên làm việc với doanh nghiệp.", "Thuế tỉnh Hưng Yên"),
    # a joint-stock commercial bank: its legal form is part of the head, its name comes after
    ("Ngân hàng Thương mại cổ phần Công Thương Việt Nam tài trợ 500 triệu đồng.",
     "Ngân hàng Thương mại cổ phần Công Thương Việt Nam"),
    # a trade name goes on over a word that is also a surname
    ("Công ty cổ phần Công nghệ Lộc Phát ký hợp đồng cung cấp thiết bị.", "Công ty cổ phần Công nghệ Lộc Phát"),
])
def test_tax_offices_banks_and_trade_names(process, text: str, expected: str) -> None:
    assert expected in org_mentions(process, text)


def test_a_trade_name_ends_before_a_persons_full_name(process) -> None:
    # bad: three capitalised words after the name are a person's, not more of the company's name
    found = org_mentions(process, "Giám đốc Công ty TNHH Hải Hà Nguyễn Văn An cho biết đơn hàng tăng.")
    assert "Công ty TNHH Hải Hà" in found
    assert not any("Nguyễn" in text for text in found)


@pytest.mark.parametrize(("text", "expected"), [
    # an acronym that is a template's whole head spells out the template of its level
    ("Ở BCHQS tỉnh Ninh Bình, Đại tá Tô Minh Hiển nghỉ hưu.", "Bộ Chỉ huy Quân sự"),
    ("BCHQS Tây Ninh trao 50 suất học bổng.", "Bộ Chỉ huy Quân sự"),
    ("BCHQS xã Yên Mô tổ chức huấn luyện dân quân.", "Ban Chỉ huy Quân sự"),
    # bad: outside an organization's name the dictionary's expansion stays
    ("Các BCHQS đã hoàn thành huấn luyện.", "Ban Chỉ huy quân sự"),
])
def test_an_acronym_head_spells_out_the_template_of_its_level(process, text: str, expected: str) -> None:
    assert [m.normalized for m in process(text).mentions if m.type == "ACRONYM"] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a Party committee coordinated with the leaders of a body: that body's committee, also of a bare head named before
    ("Hội nghị Đảng ủy Quân khu 3. Sư đoàn 395 tổ chức hội nghị. Đại tá Đỗ Văn Luận hứa cùng Đảng ủy, chỉ huy Sư đoàn "
     "xây dựng đơn vị vững mạnh.", "Đảng ủy Sư đoàn 395"),
    ("Thay mặt Đảng ủy, lãnh đạo Công an tỉnh Nghệ An, Đại tá Lê Văn An phát biểu.", "Đảng ủy Công an tỉnh Nghệ An"),
    # a Party committee coordinated with a national command the registry names further than the head's complement
    ("Thiếu tướng Kim Ngọc Thạch cảm ơn sự tin tưởng của Đảng ủy, Bộ Tư lệnh Cảnh sát biển.",
     "Đảng ủy Cảnh sát biển Việt Nam"),
    ("Đảng ủy, Bộ Tư lệnh Vùng Cảnh sát biển 2 tổ chức hội nghị.", "Đảng ủy Vùng Cảnh sát biển 2"),
])
def test_a_party_committee_of_the_leaders_named_with_it(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["Đảng ủy"].normalized == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a council or people's committee coordinated with the next title's body: of that body's place only, or none
    ("HĐND tỉnh Đắk Lắk bầu Phó Chủ tịch HĐND, Trưởng Ban Kinh tế - Ngân sách.", "Hội đồng nhân dân tỉnh Đắk Lắk"),
    ("Dự có ông Lê Văn An, Phó Chủ tịch HĐND, Giám đốc Công an tỉnh Lai Châu.", "Hội đồng nhân dân tỉnh Lai Châu"),
])
def test_a_council_coordinated_with_the_next_body_is_of_its_place(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["HĐND"].normalized == expected


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a name written short after its full name, and a numbered head written without its number after a name
    ("Đại tá Vũ Thị Thu Trang, Phó Hiệu trưởng Trường Quân sự Quân khu 3 được thăng quân hàm. Bổ nhiệm Đại tá Phạm Đức "
     "Hạnh làm Phó Chính ủy Trường Quân sự.", "Trường Quân sự", "Trường Quân sự Quân khu 3"),
    ("Bộ Tư lệnh Quân khu 3 tổ chức hội nghị. Đại tá Trần Văn An, Phó Hiệu trưởng Trường Quân sự Quân khu phát biểu.",
     "Trường Quân sự Quân khu", "Trường Quân sự Quân khu 3"),
    # bad: a functional name every army has is not the foreign one named before it
    ("Đoàn Cục Quân y Bộ Quốc phòng Lào thăm Bệnh viện 108. Đại tá Lê Thị Thu Hà, Cục trưởng Cục Quân y phát biểu.",
     "Cục Quân y", "Cục Quân y"),
    # bad: two full names before it settle nothing
    ("Trường Quân sự Quân khu 3 và Trường Quân sự Quân khu 4 ký kết hợp tác. Phó Hiệu trưởng Trường Quân sự phát biểu.",
     "Trường Quân sự", "Trường Quân sự"),
    # bad: a name the document wrote short before the longer one is a name of its own
    ("Cụm thi đua số 5, Quân khu 4 tổ chức hội nghị. Các đơn vị thuộc Cụm thi đua số 5 Quân khu 4 dự. Năm nay, Cụm thi "
     "đua số 5 đạt nhiều thành tích.", "Cụm thi đua số 5", "Cụm thi đua số 5"),
])
def test_a_name_written_short_after_its_full_name(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a story of the command gives its staff department the command's name
    ("Bộ Chỉ huy BĐBP tỉnh Thanh Hóa công bố quyết định cán bộ. Đại diện Bộ Chỉ huy BĐBP tỉnh Thanh Hóa trao quyết định."
     " Thượng tá Lê Hữu Thọ, Trưởng phòng Phòng Tham mưu, phát biểu.",
     "Phòng Tham mưu Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa"),
    # a story of the force, its name
    ("BĐBP tỉnh Thanh Hóa ra quân. Bộ Chỉ huy BĐBP tỉnh Thanh Hóa chỉ đạo. BĐBP tỉnh Thanh Hóa bắt 3 vụ. Thượng tá Lê "
     "Hữu Thọ, Trưởng phòng Phòng Tham mưu, phát biểu.", "Phòng Tham mưu Bộ đội Biên phòng tỉnh Thanh Hóa"),
    # a story of the command that writes the force once, nearest the department: still the command's
    ("Bộ Chỉ huy BĐBP tỉnh Thanh Hóa kiện toàn cán bộ. Đảng ủy, Bộ Chỉ huy BĐBP tỉnh Thanh Hóa tổ chức hội nghị. Đại tá "
     "Lê Văn Hà giữ chức Chỉ huy trưởng BĐBP tỉnh. Trung tá Lê Hữu Thọ giữ chức Trưởng phòng Phòng Tham mưu.",
     "Phòng Tham mưu Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa"),
])
def test_a_sub_units_owner_is_named_as_the_document_writes_it_most(process, text: str, expected: str) -> None:
    assert org_mentions(process, text)["Phòng Tham mưu"].normalized == expected


def test_a_definition_the_templates_name_spells_keeps_the_templates_name(process) -> None:
    found = org_mentions(process, "Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam tỉnh Cà Mau tổ chức hội nghị. Ông Quách Văn "
                                  "Dũng giữ chức Phó Chủ tịch Ủy ban MTTQ tỉnh.")
    assert found["Ủy ban MTTQ tỉnh"].normalized == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau"


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a Party committee's boards written alone in a story of the committee
    ("Tỉnh ủy Gia Lai tổ chức hội nghị. Bí thư Tỉnh ủy đề nghị Ủy ban Kiểm tra tập trung kiểm tra; Ban Tổ chức sớm "
     "tham mưu.", "Ủy ban Kiểm tra", "Ủy ban Kiểm tra Tỉnh ủy Gia Lai"),
    ("Thành ủy Cần Thơ họp. Ông Lê Văn An, Trưởng ban Ban Nội chính, phát biểu.", "Ban Nội chính",
     "Ban Nội chính Thành ủy Cần Thơ"),
])
def test_a_party_committees_board_written_alone(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


def test_an_events_organisers_are_no_organization_without_a_party_committee(process) -> None:
    # bad: "Ban Tổ chức" of a contest in a story that names no Party committee
    assert "Ban Tổ chức" not in org_mentions(process, "Hội thi bơi lội kết thúc. Ban Tổ chức trao 12 giải.")


@pytest.mark.parametrize(("text", "short", "expected"), [
    # "Đảng bộ" alone is the Party organization whose committee or boards the document named
    ("Đảng ủy Quân sự tỉnh Hà Tĩnh tổ chức hội nghị. Đại tá Lê Văn An cho biết, Đảng bộ hiện có 41 tổ chức cơ sở đảng.",
     "Đảng bộ", "Đảng bộ Quân sự tỉnh Hà Tĩnh"),
    # of several, the one the document names most, though another was named last
    ("Ban Chấp hành Đảng bộ Công an tỉnh Hà Tĩnh họp. Đảng ủy Công an tỉnh Hà Tĩnh giao nhiệm vụ. Ban Thường vụ Tỉnh "
     "ủy chỉ định Thượng tá Thái Bá Hùng tham gia Ban Chấp hành Đảng bộ.", "Ban Chấp hành Đảng bộ",
     "Ban Chấp hành Đảng bộ Công an tỉnh Hà Tĩnh"),
    # a unit named in its Party organization's name is what its head alone refers back to
    ("Đảng bộ Đồn Biên phòng Tam Chung tổ chức đại hội. Thiếu tá Hà Văn Khởi, Đồn trưởng, phát biểu. Trung tá Phạm Bá "
     "Duy, Chính trị viên Đồn, trình bày báo cáo.", "Đồn", "Đồn Biên phòng Tam Chung"),
    # a Party committee coordinated with the next title's bare head: the committee of the body the head refers to
    ("Đảng bộ Đồn Biên phòng Tam Chung tổ chức đại hội. Đảng ủy xã Tam Chung dự. Trung tá Phạm Bá Duy, Bí thư Đảng ủy, "
     "Chính trị viên Đồn trình bày báo cáo.", "Đảng ủy", "Đảng ủy Đồn Biên phòng Tam Chung"),
    # a bare head right before its holder's full name
    ("Hội nghị bầu Đại tá Trần Đức Lâm giữ chức Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Quân khu 4. Phát biểu nhận nhiệm vụ, "
     "tân Chủ nhiệm Ủy ban Kiểm tra Trần Đức Lâm hứa giữ nghiêm kỷ luật.", "Ủy ban Kiểm tra",
     "Ủy ban Kiểm tra Đảng ủy Quân khu 4"),
    # a count of people after a name ends it
    ("Tỉnh ủy Lào Cai họp. Hội nghị bầu bổ sung vào Ban Thường vụ Tỉnh ủy hai đồng chí.", "Ban Thường vụ Tỉnh ủy",
     "Ban Thường vụ Tỉnh ủy Lào Cai"),
])
def test_a_party_organization_and_its_units_written_alone(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


@pytest.mark.parametrize(("text", "absent"), [
    # bad: "Đảng bộ" alone where no Party organization or committee was named
    ("Đại tá Lê Văn An cho biết, Đảng bộ hiện có 41 tổ chức cơ sở đảng.", "Đảng bộ"),
    # bad: a count of places after a name makes it plural
    ("Ban Chỉ huy BĐBP hai tỉnh Lạng Sơn và Cao Bằng ký kết quy chế.", "Ban Chỉ huy BĐBP hai tỉnh"),
])
def test_no_party_organization_or_plural_body_without_a_name(process, text: str, absent: str) -> None:
    assert absent not in org_mentions(process, text)


@pytest.mark.parametrize(("name", "expected"), [
    ("Đảng ủy Quân sự tỉnh Hà Tĩnh", "Đảng bộ Quân sự tỉnh Hà Tĩnh"),
    ("Ban Chấp hành Đảng bộ Công an tỉnh Nghệ An", "Đảng bộ Công an tỉnh Nghệ An"),
    ("Ban Thường vụ Tỉnh ủy Lào Cai", "Đảng bộ tỉnh Lào Cai"),
    ("Thành ủy Hà Nội", "Đảng bộ thành phố Hà Nội"),
    # bad: a board of another body, or no Party body, stays as written
    ("Ủy ban Kiểm tra Đảng ủy Quân khu 4", "Ủy ban Kiểm tra Đảng ủy Quân khu 4"),
    ("Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
])
def test_party_organization_of(name: str, expected: str) -> None:
    from pipeline.extract.orgs import party_organization_of
    assert party_organization_of(name) == expected


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a province's body written alone, coordinated with the next title's body: that body's province
    ("Tỉnh ủy Hà Tĩnh họp. Về phía địa phương có ông Thái Bá Hòa, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An.",
     "Tỉnh ủy", "Tỉnh ủy Nghệ An"),
    ("Tỉnh ủy Điện Biên họp. Đại tá Đinh Văn Quân, Ủy viên Ban Thường vụ Tỉnh ủy, Chính ủy Bộ Chỉ huy Quân sự (CHQS) "
     "tỉnh Lào Cai phát biểu.", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Lào Cai"),
    ("Tỉnh ủy Nghệ An họp. Ông Khăm Phon, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Xiêng Khoảng dẫn đầu.", "Tỉnh ủy",
     "Tỉnh ủy Xiêng Khoảng"),
    # bad: a province the clause goes on to is no body's place
    ("Tỉnh ủy Vĩnh Long họp. Bộ Chính trị đã điều động ông Cao Văn Lượng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đến "
     "nhận công tác tại tỉnh Cà Mau.", "Tỉnh ủy", "Tỉnh ủy Vĩnh Long"),
    # bad: nor is the neighbour a border runs along
    ("Đảng ủy Quân sự tỉnh Hà Tĩnh họp. Đề nghị lãnh đạo nhiệm vụ trên tuyến biên giới giáp tỉnh Bôlykhămxay (Lào), "
     "chuẩn bị cho Đại hội Đảng bộ Quân sự tỉnh nhiệm kỳ 2030 - 2035.", "Đảng bộ Quân sự tỉnh",
     "Đảng bộ Quân sự tỉnh Hà Tĩnh"),
])
def test_a_bare_province_body_of_the_next_titles_province(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


@pytest.mark.parametrize(("text", "code", "expected"), [
    ("Thượng tá Lê Bình, Phó Trưởng phòng PA04 Công an tỉnh Tây Ninh phát biểu.", "PA04", "Phòng An ninh kinh tế"),
    ("Đại tá Lê An, Trưởng phòng Phòng Tổ chức cán bộ (PX01) Công an tỉnh Tây Ninh trao quyết định.", "PX01",
     "Phòng Tổ chức cán bộ"),
])
def test_a_province_polices_division_codes(process, text: str, code: str, expected: str) -> None:
    assert [m.normalized for m in process(text).mentions if m.type == "ACRONYM" and m.text == code] == [expected]


@pytest.mark.parametrize(("text", "short", "expected"), [
    # a lexicon head with its name and another function after "và" is one name
    ("Bộ Tư lệnh Vùng Cảnh sát biển 4 họp. Ông Lê Văn An, Trưởng phòng Phòng Nghiệp vụ và Pháp luật phát biểu.",
     "Phòng Nghiệp vụ và Pháp luật", "Phòng Nghiệp vụ và Pháp luật Bộ Tư lệnh Vùng Cảnh sát biển 4"),
    # a unit's infirmary written alone is of the unit named before
    ("Lữ đoàn 170 đón đoàn. Thiếu tá Huỳnh Thị Mỹ Xuyên, Chủ nhiệm Bệnh xá, khám cho ngư dân.", "Bệnh xá",
     "Bệnh xá Lữ đoàn 170"),
    # a province's and a special zone's civil defence command, a national committee of the registry
    ("Ông Lâm Hữu Nhân, Phó Chủ tịch UBND tỉnh Quảng Ngãi, Trưởng Ban Chỉ huy phòng thủ dân sự tỉnh báo cáo.",
     "Ban Chỉ huy phòng thủ dân sự tỉnh", "Ban Chỉ huy phòng thủ dân sự tỉnh Quảng Ngãi"),
    ("Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm Cứu nạn kiểm tra công tác ứng phó bão.",
     "Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm Cứu nạn",
     "Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm Cứu nạn"),
    # other countries' sea forces with their country or place
    ("Vùng Cảnh sát biển 2 diễn tập với Lực lượng Bảo vệ bờ biển Philippines.", "Lực lượng Bảo vệ bờ biển Philippines",
     "Lực lượng Bảo vệ bờ biển Philippines"),
    ("Đại tá Vương Kiến Hoa, Phó Tham mưu trưởng Căn cứ Hải quân Trạm Giang dẫn đầu.", "Căn cứ Hải quân Trạm Giang",
     "Căn cứ Hải quân Trạm Giang"),
    # a numbered head without its number, joined by the segmenter to the verb after it
    ("Vùng 1 Hải quân đón đoàn. Thay mặt Đảng ủy, Bộ Tư lệnh Vùng tặng quà cho đoàn.", "Bộ Tư lệnh Vùng",
     "Bộ Tư lệnh Vùng 1 Hải quân"),
])
def test_units_of_the_sea_and_civil_defence(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


def test_a_lower_case_infirmary_is_no_organization(process) -> None:
    # bad: the common noun
    assert org_mentions(process, "Các bệnh xá tuyến đảo được nâng cấp.") == {}


@pytest.mark.parametrize(("text", "short", "expected"), [
    # other countries' land forces and Japan's self-defence forces, named with their country
    ("Học viện Lục quân đón đoàn Lục quân Ấn Độ.", "Lục quân Ấn Độ", "Lục quân Ấn Độ"),
    ("Quân chủng Phòng không - Không quân tiếp đoàn Lực lượng Phòng vệ Trên không Nhật Bản.",
     "Lực lượng Phòng vệ Trên không Nhật Bản", "Lực lượng Phòng vệ Trên không Nhật Bản"),
    # bad: a school named for its arm keeps its whole name
    ("Trường Sĩ quan Lục quân 2 khai giảng năm học mới.", "Trường Sĩ quan Lục quân 2", "Trường Sĩ quan Lục quân 2"),
    # a staff department written with its organ gets the organ's owner once
    ("Quân khu 5 tổ chức hội nghị. Đại tá Hà Văn Lợi, Trưởng phòng Phòng Cán bộ Cục Chính trị phát biểu.",
     "Phòng Cán bộ Cục Chính trị", "Phòng Cán bộ Cục Chính trị Quân khu 5"),
])
def test_foreign_forces_and_a_staff_organs_owner(process, text: str, short: str, expected: str) -> None:
    assert org_mentions(process, text)[short].normalized == expected


# --- the defence industry and international cooperation (batch 733-756) ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a factory or a team named by its code; a code after no coded head is nobody's name
    ("Đại tá Lê Văn An, Giám đốc Nhà máy Z111, báo cáo.", [("Nhà máy Z111", "Nhà máy Z111")]),
    ("Đội K51 và Đội K52 đã tìm được hài cốt liệt sĩ.", [("Đội K51", "Đội K51"), ("Đội K52", "Đội K52")]),
    ("Tổ công tác đi xe mang biển số B1234 về tỉnh.", []),
    # a field's capitalised words joined by "và", then the field's lower-case tail
    ("Viện Khoa học và Công nghệ quân sự chủ trì đề tài.",
     [("Viện Khoa học và Công nghệ quân sự", "Viện Khoa học và Công nghệ quân sự")]),
    ("Phòng Khoa học quân sự tổ chức hội thảo.", [("Phòng Khoa học quân sự", "Phòng Khoa học quân sự")]),
    # ... but a trade name's place is no part of such a field, and a title after it opens no bridge
    ("Tổng công ty Tân cảng Sài Gòn có tân Tổng Giám đốc.",
     [("Tổng công ty Tân cảng Sài Gòn", "Tổng công ty Tân cảng Sài Gòn")]),
    ("Trường Đại học Tây Nguyên có tân Hiệu trưởng.", [("Trường Đại học Tây Nguyên", "Trường Đại học Tây Nguyên")]),
    # a loanword written with a hyphen is one word of the name; a hyphen with spaces joins two names
    ("Bà Lê Thị Hoa, Giám đốc Trung tâm Ra-đa, phát biểu.", [("Trung tâm Ra-đa", "Trung tâm Ra-đa")]),
    ("Đoàn Kinh tế - Quốc phòng 337 trồng rừng.", [("Đoàn Kinh tế - Quốc phòng 337", "Đoàn Kinh tế - Quốc phòng 337")]),
    # "cùng" (together with) joins two bodies, never one name
    ("Đại tá Vũ Văn Nam, Cục trưởng Cục Quân y cùng đại diện Cục Đối ngoại dự lễ.",
     [("Cục Quân y", "Cục Quân y"), ("Cục Đối ngoại", "Cục Đối ngoại")]),
    # an ocean in a fleet's name is no province Thái Bình
    ("Tàu của Hạm đội Thái Bình Dương cập cảng.", [("Hạm đội Thái Bình Dương", "Hạm đội Thái Bình Dương")]),
])
def test_defence_industry_and_international_names(process, text: str, expected: list) -> None:
    assert orgs(process, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Thiếu tướng Ngô Văn Tân, Phó Tổng Giám đốc Viettel, cho biết Tập đoàn đã bàn giao.",
     [("Viettel", "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
      ("Tập đoàn", "Tập đoàn Công nghiệp - Viễn thông Quân đội")]),
    ("Nhà máy Z121 thuộc Tổng cục Công nghiệp quốc phòng. Lãnh đạo Tổng cục đánh giá Nhà máy hoàn thành kế hoạch.",
     [("Nhà máy Z121", "Nhà máy Z121"), ("Tổng cục Công nghiệp quốc phòng", "Tổng cục Công nghiệp quốc phòng"),
      ("Tổng cục", "Tổng cục Công nghiệp quốc phòng"), ("Nhà máy", "Nhà máy Z121")]),
    ("Ban Chỉ đạo 515 sơ kết mùa khô.",
     [("Ban Chỉ đạo 515", "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập hài cốt liệt sĩ")]),
    # a province's Viettel is still its branch
    ("Viettel Lào Cai lắp trạm phát sóng.", [("Viettel Lào Cai", "Viettel Lào Cai")]),
])
def test_bodies_of_the_ministry_and_their_short_forms(process, text: str, expected: list) -> None:
    assert orgs(process, text) == expected


@pytest.mark.parametrize(("text", "sub_unit", "normalized"), [
    # a factory's department and an academy's teaching department belong to the one the story names
    ("Nhà máy Z111 vận hành dây chuyền mới. Trung tá Lê Văn Khánh, Trưởng Phòng Kỹ thuật, báo cáo.",
     "Phòng Kỹ thuật", "Phòng Kỹ thuật Nhà máy Z111"),
    ("Học viện Quân y tổ chức hội nghị. Đại tá Trịnh Thị Ánh, Chủ nhiệm Bộ môn Dược lý, trình bày.",
     "Bộ môn Dược lý", "Bộ môn Dược lý Học viện Quân y"),
    # where no factory is named, a technical department is the military command's
    ("Bộ Chỉ huy Quân sự tỉnh Phú Thọ họp. Trưởng Phòng Kỹ thuật báo cáo.",
     "Phòng Kỹ thuật", "Phòng Kỹ thuật Bộ Chỉ huy Quân sự tỉnh Phú Thọ"),
])
def test_sub_units_of_factories_academies_and_economic_defence_units(process, text: str, sub_unit: str,
                                                                      normalized: str) -> None:
    assert org_mentions(process, text)[sub_unit].normalized == normalized

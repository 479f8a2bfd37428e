"""PLACE extraction: every level, resolved to the registry, in the sentences of the genre."""

from __future__ import annotations

import pytest


def places(process, text: str) -> list[tuple[str, str | None, dict]]:
    return [(m.text, m.normalized, m.attrs) for m in process(text).mentions if m.type == "PLACE"]


@pytest.mark.parametrize(("text", "surface", "normalized", "attrs"), [
    # current units, with their unit word
    ("Lãnh đạo tỉnh Thanh Hóa dự lễ.", "tỉnh Thanh Hóa", "tỉnh Thanh Hóa",
     {"level": "province", "code": "38", "province": "tỉnh Thanh Hóa"}),
    ("Đoàn công tác đến thành phố Huế.", "thành phố Huế", "thành phố Huế", {"level": "province", "code": "46"}),
    ("Người dân phường Hạc Thành đón đoàn.", "phường Hạc Thành", "phường Hạc Thành",
     {"level": "ward", "code": "14797", "province": "tỉnh Thanh Hóa"}),
    ("Tổ công tác về xã Na Mèo.", "xã Na Mèo", "xã Na Mèo", {"level": "commune", "code": "15013"}),
    ("Tàu cập cảng đặc khu Côn Đảo.", "đặc khu Côn Đảo", "đặc khu Côn Đảo", {"level": "special_zone"}),
    # tone-mark variants and written case resolve the same
    ("Lãnh đạo tỉnh Thanh Hoá dự lễ.", "tỉnh Thanh Hoá", "tỉnh Thanh Hóa", {"code": "38"}),
    ("Công an tỉnh Khánh Hoà báo cáo.", "tỉnh Khánh Hoà", "tỉnh Khánh Hòa", {"code": "56"}),
    # a missing unit word: the bare province name
    ("Đoàn công tác Nghệ An làm việc.", "Nghệ An", "tỉnh Nghệ An", {"level": "province", "code": "40"}),
    # units abolished in 2025 normalize to themselves, successor in attrs
    ("Ngư dân tỉnh Quảng Bình ra khơi.", "tỉnh Quảng Bình", "tỉnh Quảng Bình",
     {"level": "former_province", "successor": "tỉnh Quảng Trị", "province": "tỉnh Quảng Trị"}),
    ("Ngư dân Quảng Bình ra khơi.", "Quảng Bình", "tỉnh Quảng Bình", {"successor": "tỉnh Quảng Trị"}),
    ("Đoàn về huyện Quan Sơn, tỉnh Thanh Hóa.", "huyện Quan Sơn", "huyện Quan Sơn",
     {"level": "district", "code": "387", "province": "tỉnh Thanh Hóa"}),
    ("Nhân dân huyện Côn Đảo đón đoàn.", "huyện Côn Đảo", "huyện Côn Đảo", {"successor": "đặc khu Côn Đảo"}),
    ("Trước đây, thành phố Hà Tĩnh có 10 phường.", "thành phố Hà Tĩnh", "thành phố Hà Tĩnh", {"level": "city"}),
    ("Nhiều năm đóng quân tại tỉnh Bà Rịa - Vũng Tàu.", "tỉnh Bà Rịa - Vũng Tàu", "tỉnh Bà Rịa - Vũng Tàu",
     {"successor": "thành phố Hồ Chí Minh"}),
    ("Đoàn đến Thừa Thiên Huế năm 2020.", "Thừa Thiên Huế", "tỉnh Thừa Thiên Huế", {"successor": "thành phố Huế"}),
    ("Công an quận Hoàn Kiếm vào cuộc.", "quận Hoàn Kiếm", "quận Hoàn Kiếm",
     {"level": "urban_district", "province": "thành phố Hà Nội"}),
    ("Đoàn làm việc tại thị xã Sơn Tây.", "thị xã Sơn Tây", "thị xã Sơn Tây", {"level": "town"}),
    ("Nhân dân thị trấn Mường Xén đón đoàn.", "thị trấn Mường Xén", "thị trấn Mường Xén",
     {"level": "township", "province": "tỉnh Nghệ An"}),
    ("Người dân bản Huổi Mới tham gia.", "bản Huổi Mới", "bản Huổi Mới", {"level": "village"}),
    ("Tàu tuần tra trên Biển Đông.", "Biển Đông", "Biển Đông", {"level": "sea"}),
    ("Nước sông Hồng dâng cao.", "sông Hồng", "sông Hồng", {"level": "river"}),
    # a commune name with a number
    ("Hạ tầng xã Sơn Kim 1 được đầu tư.", "xã Sơn Kim 1", "xã Sơn Kim 1", {"level": "commune"}),
    # a name that opens with a number written in words is a name, not "xã" and a number
    ("Dân quân phường Ba Đình tham gia diễu binh.", "phường Ba Đình", "phường Ba Đình",
     {"level": "ward", "province": "thành phố Hà Nội"}),
    ("Công an phường Hai Bà Trưng tuần tra.", "phường Hai Bà Trưng", "phường Hai Bà Trưng", {"level": "ward"}),
    ("Tàu cá của xã Năm Căn cập bến.", "xã Năm Căn", "xã Năm Căn", {"level": "commune", "province": "tỉnh Cà Mau"}),
    ("Đoàn về xã Ba Chẽ, tỉnh Quảng Ninh.", "xã Ba Chẽ", "xã Ba Chẽ", {"level": "commune"}),
    # countries, foreign regions, gates, islands, seas, rivers
    ("Hợp tác với Lào và Campuchia.", "Lào", "Lào", {"level": "country"}),
    ("Đoàn đại biểu tỉnh Hủa Phăn (Lào) sang thăm.", "tỉnh Hủa Phăn", "tỉnh Hủa Phăn",
     {"level": "foreign_region", "country": "Lào"}),
    ("Hàng hóa qua cửa khẩu Tây Trang tăng.", "cửa khẩu Tây Trang", "cửa khẩu quốc tế Tây Trang",
     {"level": "border_gate"}),
    ("Lượng khách qua Tây Trang tăng.", "Tây Trang", "cửa khẩu quốc tế Tây Trang", {"level": "border_gate"}),
    # the other side's gates and border cities
    ("Trạm Kiểm tra biên phòng Long Bang hội đàm.", "Long Bang", "cửa khẩu Long Bang", {"level": "border_gate"}),
    ("Đồn Cảnh sát biên giới Bavet phối hợp.", "Bavet", "thành phố Bavet",
     {"level": "foreign_region", "country": "Campuchia"}),
    # China's gate across from Hữu Nghị has a longer name of its own
    ("Trạm Kiểm tra xuất nhập cảnh Hữu Nghị Quan phối hợp.", "Hữu Nghị Quan", "cửa khẩu Hữu Nghị Quan",
     {"level": "border_gate"}),
    ("Tàu trực tại quần đảo Trường Sa.", "quần đảo Trường Sa", "quần đảo Trường Sa", {"level": "island"}),
    ("Tàu trực tại Trường Sa.", "Trường Sa", "quần đảo Trường Sa", {"level": "island"}),
    # a province or district no registry of ours has, now or before 2025, is across the border
    ("Đoàn tỉnh Phôngsalì sang thăm.", "tỉnh Phôngsalì", "tỉnh Phôngsalì", {"level": "foreign_region"}),
    ("Tuần tra đến huyện Phu Vông của bạn.", "huyện Phu Vông", "huyện Phu Vông", {"level": "foreign_district"}),
    ("Ông A quê ở huyện Mường Lát.", "huyện Mường Lát", "huyện Mường Lát", {"level": "district"}),
    # the delegation of a foreign province ("Đoàn" is a surname too)
    ("Đoàn Attapeu do Thiếu tướng Xổm Bun Nhạ Vông Sa dẫn đầu.", "Attapeu", "tỉnh Attapeu",
     {"level": "foreign_region", "country": "Lào"}),
    # a Chinese prefecture: "châu" with a name the lexicon lists under it
    ("Đoàn châu Hồng Hà (Trung Quốc) sang thăm.", "châu Hồng Hà", "châu Hồng Hà",
     {"level": "foreign_region", "country": "Trung Quốc"}),
    # the district a district's body was named after, before the districts ended
    ("Ông A, nguyên Bí thư Huyện ủy Ngọc Hồi, phát biểu.", "Ngọc Hồi", "huyện Ngọc Hồi", {"level": "district"}),
    ("Ông B, nguyên Bí thư Huyện đoàn Mường Tè, cho biết.", "Mường Tè", "huyện Mường Tè", {"level": "district"}),
    # a hamlet of the northern mountains, an urban hamlet of the Mekong delta
    ("Ông A là Bí thư Chi bộ xóm Nà Lỏm.", "xóm Nà Lỏm", "xóm Nà Lỏm", {"level": "village"}),
    ("Bà con khóm Vĩnh Phước đón đoàn.", "khóm Vĩnh Phước", "khóm Vĩnh Phước", {"level": "village"}),
    # a neighbour's capital with its unit word
    ("Bộ Chỉ huy Quân sự thủ đô Viêng Chăn sang thăm.", "thủ đô Viêng Chăn", "thủ đô Viêng Chăn",
     {"level": "foreign_region", "country": "Lào"}),
])
def test_place_levels_and_attrs(process, text, surface, normalized, attrs):
    found = {s: (n, a) for s, n, a in places(process, text)}
    assert surface in found, found
    value, got = found[surface]
    assert value == normalized
    assert attrs.items() <= got.items()


@pytest.mark.parametrize(("text", "expected"), [
    ("Địa bàn các xã: Tam Chung, Pù Nhi, Mường Lát.",
     [("Tam Chung", "xã Tam Chung"), ("Pù Nhi", "xã Pù Nhi"), ("Mường Lát", "xã Mường Lát")]),
    ("Các tỉnh: Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Trị, thành phố Huế cùng tham gia.",
     [("Thanh Hóa", "tỉnh Thanh Hóa"), ("Nghệ An", "tỉnh Nghệ An"), ("Hà Tĩnh", "tỉnh Hà Tĩnh"),
      ("Quảng Trị", "tỉnh Quảng Trị"), ("thành phố Huế", "thành phố Huế")]),
    ("Hai tỉnh Lạng Sơn và Cao Bằng ký kết.", [("Lạng Sơn", "tỉnh Lạng Sơn"), ("Cao Bằng", "tỉnh Cao Bằng")]),
    ("Xe qua cặp cửa khẩu Tây Trang - Sốp Hùn tăng.",
     [("Tây Trang", "cửa khẩu quốc tế Tây Trang"), ("Sốp Hùn", "cửa khẩu quốc tế Sốp Hùn")]),
    # words that describe the places between the unit word and the names
    ("Hai xã biên giới trọng điểm Nậm Cắn và Mỹ Lý có Công an xã chính quy.",
     [("Nậm Cắn", "xã Nậm Cắn"), ("Mỹ Lý", "xã Mỹ Lý")]),
    ("Các xã vùng cao Mường Lát, Pù Nhi và Tam Chung hoàn thành kế hoạch.",
     [("Mường Lát", "xã Mường Lát"), ("Pù Nhi", "xã Pù Nhi"), ("Tam Chung", "xã Tam Chung")]),
    # bad: a one-syllable country that opens a common word ("Pháp luật", "Anh hùng")
    ("Phòng Nghiệp vụ và Pháp luật họp. Anh hùng Lực lượng vũ trang dự. Hợp tác với Pháp.", [("Pháp", "Pháp")]),
    # bad: a country after the description is no province of the list
    ("Các tỉnh giáp Lào đã ký kết.", [("Lào", "Lào")]),
])
def test_coordinated_lists_give_one_place_per_item(process, text, expected):
    assert [(s, n) for s, n, _ in places(process, text)] == expected


@pytest.mark.parametrize(("text", "surface", "normalized"), [
    # a place inside a unit's name is the commune it is named after
    ("Đồn Biên phòng Na Mèo tuần tra.", "Na Mèo", "xã Na Mèo"),
    ("Đồn Biên phòng Thông Thụ phối hợp.", "Thông Thụ", "xã Thông Thụ"),
    # ... but after "Cửa khẩu" it is the gate
    ("Đồn Biên phòng Cửa khẩu quốc tế Na Mèo tuần tra.", "Na Mèo", "cửa khẩu quốc tế Na Mèo"),
    # the kind written in the name wins over the lexicon's (Ma Lù Thàng is listed as "chính")
    ("Đồn Biên phòng Cửa khẩu quốc tế Ma Lù Thàng tuần tra.", "Ma Lù Thàng", "cửa khẩu quốc tế Ma Lù Thàng"),
    ("Đồn Biên phòng Cửa khẩu Ma Lù Thàng tuần tra.", "Ma Lù Thàng", "cửa khẩu Ma Lù Thàng"),
    ("Hàng qua cửa khẩu quốc tế Ma Lù Thàng tăng.", "cửa khẩu quốc tế Ma Lù Thàng", "cửa khẩu quốc tế Ma Lù Thàng"),
])
def test_place_in_a_unit_name(process, text, surface, normalized):
    assert (surface, normalized) in [(s, n) for s, n, _ in places(process, text)]


def test_context_province_chooses_among_communes_of_one_name(process):
    # thirteen communes are named Hòa An; the document names Cao Bằng
    found = places(process, "Bộ đội Biên phòng tỉnh Cao Bằng giúp dân xã Hòa An thu hoạch lúa.")
    attrs = {s: a for s, _, a in found}
    assert attrs["xã Hòa An"]["province"] == "tỉnh Cao Bằng"
    alone = {s: a for s, _, a in places(process, "Bà con xã Hòa An thu hoạch lúa.")}
    assert "code" not in alone["xã Hòa An"] and alone["xã Hòa An"]["candidates"] > 1


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("Thượng tá Vi Văn Đức phát biểu.", "Đức"),
    # a syllable of a longer name: a committee, a byline
    ("Kỳ họp bầu Trưởng Ban Pháp chế HĐND xã.", "Pháp"),
    ("Lực lượng chức năng đã bắt giữ các đối tượng.\nTâm Anh", "Anh"),
    ("Theo Thiếu tá Lê Thị Ngọc Anh, vụ việc đang điều tra.", "Anh"),
    # the first syllable of a two-syllable name: a place, a byline
    ("Ông A, Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 3 - Đức Phổ, cho biết.", "Đức"),
    ("Lực lượng chức năng đã bắt giữ các đối tượng.\nĐức Toàn", "Đức"),
    ("Kim ngạch đạt 5,6 tỷ đô la Mỹ.", "Mỹ"),
    ("Chủ tịch HĐND tỉnh Trần Thị Bích Vân phát biểu.", "tỉnh Trần Thị Bích Vân"),
    # "châu" of a continent, and the surname Châu
    ("Hợp tác với các nước châu Á.", "châu Á"),
    ("Bằng khen tặng ông Châu Văn Sơn.", "Châu Văn Sơn"),
    # a name after a district's body that no district of ours has
    ("Huyện ủy Thanh Niên họp.", "Thanh Niên"),
    # "hàng xóm": a neighbour, not a hamlet
    ("Hàng xóm Nguyễn Văn Tư đến giúp.", "xóm Nguyễn Văn Tư"),
    # "thủ đô" before a name the lexicon does not list under it
    ("Thủ đô Hà Nội đón khách quốc tế.", "thủ đô Hà Nội"),
])
def test_not_places(process, text, not_a_place):
    assert not_a_place not in [s for s, _, _ in places(process, text)]


@pytest.mark.parametrize(("text", "place"), [
    # a country before initials, a lower-case word or a name of its own
    ("Công an bắt đối tượng người Lào K.X (SN 1987).", "Lào"),
    ("Học viên Lào tham dự lớp học.", "Lào"),
    ("Đoàn công tác sang thăm Đức.", "Đức"),
])
def test_a_country_before_no_syllable_of_its_own_name(process, text, place):
    assert place in [s for s, _, _ in places(process, text)]


def test_communes_without_their_unit_word_after_a_word_of_place(process):
    text = ("Công an tỉnh Điện Biên họp. Ma túy tập trung ở Mường Nhé, tại các xã vùng sâu như Sín Thầu, Mường Chà. "
            "Ông Lò Văn Mừng nói.")
    found = {s: n for s, n, _ in places(process, text)}
    assert (found["Mường Nhé"], found["Sín Thầu"], found["Mường Chà"]) == ("xã Mường Nhé", "xã Sín Thầu", "xã Mường Chà")
    # no province named: no guess
    assert "Mường Nhé" not in [s for s, _, _ in places(process, "Ma túy tập trung ở Mường Nhé.")]



def test_place_does_not_run_into_a_following_name(process):
    found = [s for s, _, _ in places(process, "Chỉ huy trưởng BĐBP tỉnh Nghệ An Trần Văn Hải phát biểu.")]
    assert found == ["tỉnh Nghệ An"]


@pytest.mark.parametrize(("text", "expected"), [
    # capitals and cities of defence diplomacy and peacekeeping, by name alone: their value is their name
    ("Đoàn đã đến New Delhi rồi tới Bangkok.", [("New Delhi", "New Delhi"), ("Bangkok", "Bangkok")]),
    ("Bệnh viện dã chiến triển khai tại Bentiu, Nam Sudan.", [("Bentiu", "Bentiu"), ("Nam Sudan", "Nam Sudan")]),
    # an ocean is no province
    ("Tàu hoạt động ở Thái Bình Dương.", [("Thái Bình Dương", "Thái Bình Dương")]),
    ("Đoàn công tác tỉnh Thái Bình đến thăm.", [("tỉnh Thái Bình", "tỉnh Thái Bình")]),
])
def test_foreign_cities_and_oceans(process, text: str, expected: list) -> None:
    assert [(m.text, m.normalized) for m in process(text).mentions if m.type == "PLACE"] == expected

"""Person records beyond the apposition: one test per relation rule of pipeline/resolve.py, good and bad cases.

The text is made up, in the genre. Each case names the record it expects
(rank, position, organization), or None for a person that must get no role.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.lexicons import LexiconError, RelationLexicon
from pipeline.resolve import full_name, unit_of_title

Record = tuple["str | None", "str | None", "str | None"]


def records(process, text: str) -> dict[str, Record]:
    return {p.name: (p.rank, p.position, p.organization) for p in process(text).people}


def person_names(process, text: str) -> list[str]:
    return [m.text for m in process(text).mentions if m.type == "PERSON"]


LIST_WITH_ROLES = ("Bộ Quốc phòng thăng quân hàm từ Thượng tá lên Đại tá đối với 3 đồng chí, gồm: "
                   "Trần Văn Hào, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Lạng Sơn; Lê Quang Bình, Chính ủy Lữ đoàn 168; "
                   "Phạm Đức Toàn, Phó Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng.")
RESPECTIVELY = ("Các đồng chí Đại tá Nguyễn Văn Tám, Thượng tá Hoàng Minh Đức và Đại tá Vi Văn Kiên lần lượt giữ chức "
                "Chỉ huy trưởng Bộ Chỉ huy Quân sự các tỉnh Lạng Sơn, Cao Bằng và Tuyên Quang.")
RESPECTIVELY_ORGS_FIRST = ("Công an tỉnh Hà Tĩnh và Công an tỉnh Nghệ An lần lượt do Đại tá Bùi Văn Lâm và "
                           "Đại tá Trần Ngọc Sơn làm Giám đốc.")


@pytest.mark.parametrize(("text", "expected"), [
    # a list whose items carry their roles, promoted to the rank after "lên"
    (LIST_WITH_ROLES, {
        "Trần Văn Hào": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Lạng Sơn"),
        "Lê Quang Bình": ("Đại tá", "Chính ủy", "Lữ đoàn 168"),
        "Phạm Đức Toàn": ("Đại tá", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng"),
    }),
    # "lần lượt": each person their own rank, the shared position, their own organization
    (RESPECTIVELY, {
        "Nguyễn Văn Tám": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Lạng Sơn"),
        "Hoàng Minh Đức": ("Thượng tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng"),
        "Vi Văn Kiên": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Tuyên Quang"),
    }),
    ("Ba ban của Hội đồng nhân dân tỉnh là Ban Pháp chế, Ban Kinh tế - Ngân sách và Ban Dân tộc lần lượt do ông "
     "Nguyễn Khắc Toàn, bà Lê Thị Thu Hằng và ông Chamaléa Trung làm Trưởng ban.", {
        "Nguyễn Khắc Toàn": (None, "Trưởng ban", "Ban Pháp chế Hội đồng nhân dân tỉnh"),
        "Chamaléa Trung": (None, "Trưởng ban", "Ban Dân tộc Hội đồng nhân dân tỉnh"),
    }),
    # the people listed after "lần lượt giữ chức … gồm:": each their own body of the plural, the post they are given
    # over the one they held
    ("Ba đồng chí lần lượt giữ chức Chỉ huy trưởng Bộ CHQS các tỉnh Quảng Ngãi, Gia Lai và Đắk Lắk, gồm: Đại tá "
     "Phạm Ngọc Sáng, Tham mưu trưởng Bộ CHQS tỉnh Quảng Ngãi; Đại tá Trịnh Xuân Hào, Tham mưu trưởng Bộ CHQS tỉnh Gia "
     "Lai và Đại tá Nguyễn Hữu Lập, Phó Sư đoàn trưởng Sư đoàn 315.", {
        "Phạm Ngọc Sáng": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi"),
        "Trịnh Xuân Hào": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Gia Lai"),
        "Nguyễn Hữu Lập": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk"),
    }),
    # a pronoun's clause that tells the past ("trước đó, ông là …") gives a former role, not the final one
    ("Theo Thượng tá Kiên Minh Luận, Phó Chỉ huy trưởng BĐBP tỉnh Cà Mau, mỗi căn nhà trị giá 80 triệu đồng. Ông Luận "
     "được điều động về nhận nhiệm vụ từ tháng 7/2029; trước đó, ông là Phó Chỉ huy trưởng BĐBP An Giang.", {
        "Kiên Minh Luận": ("Thượng tá", "Phó Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Cà Mau"),
    }),
    # a title's body written after a comma, where the person's item ends with it: any title's (a squadron's
    # commander, an attaché), a platoon's leader of the battalion named first
    ("Tư lệnh Quân chủng tặng Bằng khen cho Trung tá Bùi Văn Tâm, Phi đội trưởng, Trung đoàn 921 và Thiếu tá Lê Thị "
     "Hoa, Trợ lý Phòng Kỹ thuật.", {
        "Bùi Văn Tâm": ("Trung tá", "Phi đội trưởng", "Trung đoàn 921"),
        "Lê Thị Hoa": ("Thiếu tá", "Trợ lý", "Phòng Kỹ thuật"),
    }),
    # a delegation of a department and its ministry led by one whose title names the department; the department's
    # abbreviation in parentheses between them
    ("Đoàn công tác Cục Cảnh sát giao thông (C08), Bộ Công an do Thiếu tướng Đỗ Văn Bình, Phó Cục trưởng dẫn đầu.", {
        "Đỗ Văn Bình": ("Thiếu tướng", "Phó Cục trưởng", "Cục Cảnh sát giao thông"),
    }),
    ("Đoàn Tổng cục Cảnh sát quốc gia Campuchia do Trung tướng Khieu Sopheak, Phó Tổng Cảnh sát trưởng dẫn đầu.", {
        "Khieu Sopheak": ("Trung tướng", "Phó Tổng Cảnh sát trưởng", "Tổng cục Cảnh sát quốc gia Campuchia"),
    }),
    ("Dự lễ có Đại tá Rajesh Kumar, Tùy viên Quốc phòng, Đại sứ quán Ấn Độ tại Việt Nam.", {
        "Rajesh Kumar": ("Đại tá", "Tùy viên Quốc phòng", "Đại sứ quán Ấn Độ tại Việt Nam"),
    }),
    # a platoon's or squad's leader of the unit named after "thuộc" or a comma
    ("Trung úy Lường Văn Sinh, Trung đội trưởng thuộc Tiểu đoàn 4, phá kỷ lục. Trung úy Y Kông Niê, Trung đội "
     "trưởng, Tiểu đoàn 7, Trung đoàn 48, lao xuống dòng lũ.", {
        "Lường Văn Sinh": ("Trung úy", "Trung đội trưởng", "Tiểu đoàn 4"),
        "Y Kông Niê": ("Trung úy", "Trung đội trưởng", "Tiểu đoàn 7"),
    }),
    ("Đại tá Lê Văn An, Chính ủy, Trung tá Trần Văn Bình, Tiểu đoàn trưởng phát biểu.", {
        "Lê Văn An": ("Đại tá", "Chính ủy", None),
    }),
    # an apposition's owner after "thuộc", then the post the link gives; a logistics chief of the command the story
    # is about
    ("Tư lệnh Quân khu điều động Thượng tá Sa Văn Tuấn, Chính trị viên Ban Chỉ huy Phòng thủ khu vực 2 thuộc Bộ CHQS "
     "tỉnh Điện Biên, giữ chức Phó Chính ủy Bộ Chỉ huy.", {
        "Sa Văn Tuấn": ("Thượng tá", "Phó Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Điện Biên"),
    }),
    ("Bộ CHQS tỉnh Thanh Hóa tổng kết. Cùng nghỉ hưu có Thượng tá Lê Huy Hoàng, Chủ nhiệm Hậu cần - Kỹ thuật.", {
        "Lê Huy Hoàng": ("Thượng tá", "Chủ nhiệm Hậu cần - Kỹ thuật", "Bộ Chỉ huy Quân sự tỉnh Thanh Hóa"),
    }),
    ("Hội nghị bầu bổ sung ông Đỗ Văn Long, Phó Trưởng ban Thường trực Ban Tổ chức Tỉnh ủy Quảng Ngãi, vào Ban Thường "
     "vụ Tỉnh ủy và giao giữ chức Trưởng ban Ban Tổ chức Tỉnh ủy.", {
        "Đỗ Văn Long": (None, "Trưởng ban", "Ban Tổ chức Tỉnh ủy Quảng Ngãi"),
    }),
    # a list's bare titles are held in the story's body, not in the body of the decision's issuer ("quyết định của
    # Tư lệnh Quân khu 1")
    ("Bộ CHQS tỉnh Cao Bằng tổ chức hội nghị. Quyết định của Tư lệnh Quân khu 1 thăng quân hàm Thượng tá cho 2 đồng "
     "chí, gồm: Lô Văn Khởi, Phó Tham mưu trưởng; Đàm Thị Thu, Phó Chủ nhiệm Chính trị.", {
        "Lô Văn Khởi": ("Thượng tá", "Phó Tham mưu trưởng", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng"),
        "Đàm Thị Thu": ("Thượng tá", "Phó Chủ nhiệm Chính trị", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng"),
    }),
    # "thôi giữ chức vụ này để đảm nhiệm X": X is the post taken; "lần lượt" with one title: each holds it
    ("Trung tá Hà Văn Cường, Trưởng Công an xã Sơn Kim 1 thôi giữ chức vụ này để đảm nhiệm Phó Trưởng phòng Phòng An "
     "ninh đối ngoại Công an tỉnh Hà Tĩnh.", {
        "Hà Văn Cường": ("Trung tá", "Phó Trưởng phòng", "Phòng An ninh đối ngoại Công an tỉnh Hà Tĩnh"),
    }),
    ("Ông Phàn Văn Lở và bà Tao Thị Ngân lần lượt được bầu làm Phó Chủ tịch UBND xã Phong Thổ phụ trách kinh tế và văn "
     "hóa - xã hội.", {"Tao Thị Ngân": (None, "Phó Chủ tịch", "Ủy ban nhân dân xã Phong Thổ")}),
    # a rank right after a body's unit word opens no place name: the title, its body and the name stay apart; the
    # items of the other side's list after ";" are of its province
    ("Đoàn đến cắm mốc. Phó Chỉ huy trưởng BĐBP tỉnh Điện Biên Đại tá Lò Văn Pánh dự.", {
        "Lò Văn Pánh": ("Đại tá", "Phó Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Điện Biên"),
    }),
    ("BĐBP tỉnh Điện Biên hội đàm với Công an tỉnh Phông Sa Lỳ (Lào). Phía bạn có Đại tá Khăm Phăn Sỉ Xổm Bun, Chỉ "
     "huy trưởng Bộ Chỉ huy Quân sự tỉnh; Đại tá Xổm Phon Văn Na Xay, Phó Giám đốc Công an tỉnh.", {
        "Xổm Phon Văn Na Xay": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Phông Sa Lỳ"),
    }),
    # "…, được điều động, bổ nhiệm thay": in the stead of the one named before in the sentence
    ("Tại Bộ CHQS tỉnh Sơn La, Đại tá Cầm Văn Thoại, Chỉ huy trưởng, nghỉ hưu; Đại tá Lê Trung Hiếu, Phó Sư đoàn "
     "trưởng Sư đoàn 316, được điều động, bổ nhiệm thay.", {
        "Lê Trung Hiếu": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Sơn La"),
    }),
    # "Đồn trưởng A khi ấy cho biết": the title A held then, not A's post now
    ("Trung tá Đỗ Mạnh Cường giữ chức Phó Tham mưu trưởng Bộ CHQS tỉnh Quảng Ninh. Năm 2027, Đồn trưởng Đỗ Mạnh Cường "
     "khi ấy cho biết đơn vị bắt 7 vụ.", {
        "Đỗ Mạnh Cường": ("Trung tá", "Phó Tham mưu trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh"),
    }),
    # "B … thay A nhận nhiệm vụ X": X is A's new post, B's the post before "thay"
    ("Thiếu tá Tạ Minh Đức, Đồn trưởng Đồn Biên phòng Móng Cái, được điều động về Đồn Biên phòng Cô Tô giữ chức Đồn "
     "trưởng, thay Thiếu tá Cao Văn Thịnh nhận nhiệm vụ Phó Trưởng phòng Phòng Phòng chống ma túy và tội phạm.", {
        "Tạ Minh Đức": ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Cô Tô"),
        "Cao Văn Thịnh": ("Thiếu tá", "Phó Trưởng phòng", "Phòng Phòng chống ma túy và tội phạm"),
    }),
    # "Vị trí này được giao cho B": the post the one named before left, given to B over B's own apposition
    ("Trung tá Hà Văn Cường, Trưởng Công an xã Sơn Kim 1 thôi giữ chức vụ này để đảm nhiệm Phó Trưởng phòng. Vị trí "
     "này được giao cho Thiếu tá Nguyễn Xuân Bắc, Phó Trưởng Công an phường Hồng Lĩnh.", {
        "Nguyễn Xuân Bắc": ("Thiếu tá", "Trưởng", "Công an xã Sơn Kim 1"),
    }),
    # a head's bare title after a deputy's with its body: the head of that body
    ("Tại buổi bàn giao, Đại tá Hà Đình Thắng, Chỉ huy trưởng BĐBP tỉnh Sơn La, và Đại tá Lường Văn Chính, Phó Chỉ "
     "huy trưởng Bộ Chỉ huy Quân sự tỉnh, người được Đại tá Hà Văn Nhất, Chỉ huy trưởng, cử đến, cảm ơn lực lượng bạn.", {
        "Hà Văn Nhất": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Sơn La"),
    }),
    # a list item's bare title takes its partner's body before the body of the same title later in the sentence
    ("Dự hội nghị có Thiếu tướng Lê Quốc Thống, Tư lệnh và Đại tá Hoàng Văn Quảng, Chính ủy Vùng Cảnh sát biển 2; "
     "Chuẩn Đô đốc Nguyễn Đăng Khoa, Tư lệnh Vùng 3 Hải quân.", {
        "Lê Quốc Thống": ("Thiếu tướng", "Tư lệnh", "Vùng Cảnh sát biển 2"),
        "Nguyễn Đăng Khoa": ("Chuẩn Đô đốc", "Tư lệnh", "Vùng 3 Hải quân"),
    }),
    # a description between dashes gives the role its link names
    ("Ông Vũ Đình Thọ - người vừa nhận cương vị Sư đoàn trưởng Sư đoàn 355 từ tháng 7 - bày tỏ mong muốn.", {
        "Vũ Đình Thọ": (None, "Sư đoàn trưởng", "Sư đoàn 355"),
    }),
    # "B thay A, nay là X": X is A's own post now, not B's
    ("Đại tá Nông Minh Quân, Chỉ huy trưởng Bộ CHQS tỉnh Cao Bằng, được bầu vào Ban Thường vụ Tỉnh ủy. Đồng chí Quân "
     "thay Thiếu tướng Hoàng Đình Vũ, nay là Phó Tư lệnh Quân khu 1.", {
        "Nông Minh Quân": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng"),
        "Hoàng Đình Vũ": ("Thiếu tướng", "Phó Tư lệnh", "Quân khu 1"),
    }),
    # titles of a garrison, a hospital, a foreign agency and a company's board
    ("Thiếu tá Hà Quang Vinh, Đảo trưởng, cho biết. Điều dưỡng trưởng Trần Thị Hạnh hướng dẫn. Ông Tanaka Hiroshi, "
     "Trưởng đại diện, dự. Bà Hà Thị Mỹ Lệ, Chủ tịch Hội đồng quản trị, phát biểu.", {
        "Hà Quang Vinh": ("Thiếu tá", "Đảo trưởng", None),
        "Trần Thị Hạnh": (None, "Điều dưỡng trưởng", None),
        "Tanaka Hiroshi": (None, "Trưởng đại diện", None),
        "Hà Thị Mỹ Lệ": (None, "Chủ tịch Hội đồng quản trị", None),
    }),
    ("Phía bạn có ông Keo Vanny, Phó Ty trưởng, phát biểu.", {"Keo Vanny": (None, "Phó Ty trưởng", None)}),
    # the officers of a Chinese border-management station and station group
    ("Phía bạn có ông Hoàng Chí Cương, Trạm trưởng Trạm Quản lý biên giới Đông Hưng và ông Đàm Chí Viễn, Phó Tổng trạm "
     "trưởng Tổng trạm Quản lý biên giới Sùng Tả.", {
        "Hoàng Chí Cương": (None, "Trạm trưởng", "Trạm Quản lý biên giới Đông Hưng"),
        "Đàm Chí Viễn": (None, "Phó Tổng trạm trưởng", "Tổng trạm Quản lý biên giới Sùng Tả"),
    }),
    # a successor takes the last title of the chain left ("Bí thư Đảng ủy Quân sự tỉnh, Chính ủy Bộ Chỉ huy"), a
    # former one as it stands ("nguyên Đồn trưởng X, nay là …"); "tân Chính ủy B" keeps that post, not the body of
    # another Chính ủy of the sentence
    ("Bộ CHQS tỉnh Nghệ An tổ chức hội nghị. Đại tá Cao Minh Tường, Bí thư Đảng ủy Quân sự tỉnh, Chính ủy Bộ Chỉ huy "
     "nghỉ hưu. Người kế nhiệm là Đại tá Phan Văn Thọ, Phó Chính ủy đơn vị. Chính ủy Quân khu 4 Lê Thanh Bình đề nghị "
     "tân Chính ủy Phan Văn Thọ chuẩn bị tốt diễn tập.", {
        "Phan Văn Thọ": ("Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Nghệ An"),
    }),
    ("Bộ Tư lệnh công bố quyết định nghỉ hưu đối với Đại tá Nguyễn Văn Phúc, Chủ nhiệm Chính trị Bộ Chỉ huy Bộ đội "
     "Biên phòng tỉnh Gia Lai. Người kế nhiệm ông là Thượng tá Rơ Châm Hiếu, nguyên Phó Chủ nhiệm Chính trị.", {
        "Rơ Châm Hiếu": ("Thượng tá", "Chủ nhiệm Chính trị", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai"),
    }),
    ("Thượng tá Phàn Văn Lâm, nguyên Đồn trưởng Đồn Biên phòng Cửa khẩu quốc tế Lào Cai, nay là Phó Tham mưu trưởng "
     "BĐBP tỉnh, giới thiệu người kế nhiệm là Trung tá Lương Đức Mạnh.", {
        "Lương Đức Mạnh": ("Trung tá", "Đồn trưởng", "Đồn Biên phòng cửa khẩu quốc tế Lào Cai"),
    }),
    # "nhà trường" is the school named last, wherever the sentence goes on; a school before its university
    ("Trường Quân sự Quân khu 7 khai giảng. Dự có Đại tá Lê Văn An, Chỉ huy trưởng Bộ CHQS tỉnh Tây Ninh. Thay mặt "
     "Ban Giám hiệu, Đại tá Lê Thị Kim Xuân, Chính ủy nhà trường tiếp thu ý kiến.", {
        "Lê Thị Kim Xuân": ("Đại tá", "Chính ủy", "Trường Quân sự Quân khu 7"),
    }),
    ("Đại học Thái Nguyên bổ nhiệm Hiệu trưởng Trường Đại học Y - Dược. Ông Trần Văn Quảng, Phó Giám đốc Đại học "
     "Thái Nguyên bổ nhiệm TS Ma Thị Hạnh làm Phó Hiệu trưởng nhà trường.", {
        "Ma Thị Hạnh": (None, "Phó Hiệu trưởng", "Trường Đại học Y - Dược, Đại học Thái Nguyên"),
    }),
    # a commune council's committees, listed respectively with their council after "của"
    ("Hội đồng nhân dân (HĐND) xã Đại Lãnh, tỉnh Khánh Hòa tổ chức kỳ họp. Ông Lê Văn Đức và bà Đinh Thị Kim Thoa lần "
     "lượt được bầu làm Trưởng Ban Pháp chế, Ban Kinh tế - Xã hội của HĐND xã.", {
        "Lê Văn Đức": (None, "Trưởng", "Ban Pháp chế Hội đồng nhân dân xã Đại Lãnh"),
        "Đinh Thị Kim Thoa": (None, "Trưởng", "Ban Kinh tế - Xã hội Hội đồng nhân dân xã Đại Lãnh"),
    }),
    # the names right after a plural title ("là", "gồm:") are its holders; their "nguyên" appositions are former
    ("Ông Vi Văn Thắng tái đắc cử Chủ tịch UBND xã Thông Thụ. Hai Phó Chủ tịch UBND xã gồm: ông Kha Văn Dũng, nguyên "
     "Trưởng phòng Phòng Kinh tế, và bà Lô Thị Hoa, nguyên Bí thư Đoàn Thanh niên xã.", {
        "Kha Văn Dũng": (None, "Phó Chủ tịch", "Ủy ban nhân dân xã Thông Thụ"),
        "Lô Thị Hoa": (None, "Phó Chủ tịch", "Ủy ban nhân dân xã Thông Thụ"),
    }),
    ("Trường Đại học Tây Nguyên tổ chức lễ khai giảng. Nhà trường có hai Phó Hiệu trưởng là TS Lê Thị Ánh Nguyệt và "
     "TS Y Sim Êban.", {
        "Lê Thị Ánh Nguyệt": (None, "Phó Hiệu trưởng", "Trường Đại học Tây Nguyên"),
        "Y Sim Êban": (None, "Phó Hiệu trưởng", "Trường Đại học Tây Nguyên"),
    }),
    # ... not a plural title a sentence names people after without "là" right before them
    ("Hai Phó Chủ tịch UBND tỉnh Gia Lai dự hội nghị cùng ông Nguyễn Văn An và ông Trần Văn Bình.", {
        "Nguyễn Văn An": (None, None, None),
        "Trần Văn Bình": (None, None, None),
    }),
    # a chain of titles before a plural is one post each, of the last title; a comma between two titles each person
    # holds one of stays two posts
    ("Thượng tá Lê Hoàng Ân, Phó Sư đoàn trưởng Sư đoàn 330 và Thượng tá Dương Văn Kiệt, Phó Trưởng phòng Phòng Tác "
     "chiến lần lượt giữ chức Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS các tỉnh An Giang, Đồng Tháp.", {
        "Lê Hoàng Ân": ("Thượng tá", "Tham mưu trưởng", "Bộ Chỉ huy Quân sự tỉnh An Giang"),
        "Dương Văn Kiệt": ("Thượng tá", "Tham mưu trưởng", "Bộ Chỉ huy Quân sự tỉnh Đồng Tháp"),
    }),
    ("Đại tá Lê Văn An và Thượng tá Trần Văn Bình lần lượt giữ chức Chính ủy, Phó Chính ủy Bộ CHQS tỉnh Cà Mau.", {
        "Lê Văn An": ("Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Cà Mau"),
        "Trần Văn Bình": ("Thượng tá", "Phó Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Cà Mau"),
    }),
    # the head of a plural in its official form, not its acronym's lower-case expansion
    ("Chỉ huy trưởng Bộ CHQS các tỉnh Nghệ An, Hà Tĩnh lần lượt là Đại tá Lê Văn An và Đại tá Trần Văn Bình.", {
        "Lê Văn An": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Nghệ An"),
        "Trần Văn Bình": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
    }),
    # a list whose items carry their titles, separated by ";", then the roles they get respectively
    ("Ban Tổ chức Tỉnh ủy điều động ông Phàn Văn Chiu, Phó Trưởng Ban Dân vận Tỉnh ủy; ông Trần Văn Nam, Phó Giám đốc "
     "Sở Nông nghiệp và Môi trường và bà Lý Thị Mẩy, Phó Bí thư Đảng ủy xã Thu Lũm về công tác tại cơ sở, chỉ định lần "
     "lượt giữ chức Bí thư Đảng ủy các xã Dào San, Sì Lở Lầu và Mù Cả.", {
        "Phàn Văn Chiu": (None, "Bí thư", "Đảng ủy xã Dào San"),
        "Trần Văn Nam": (None, "Bí thư", "Đảng ủy xã Sì Lở Lầu"),
        "Lý Thị Mẩy": (None, "Bí thư", "Đảng ủy xã Mù Cả"),
    }),
    # ... and the items after the last ";" when the roles are fewer
    ("Tiêu biểu là Thiếu tá Chu Văn Thiện, Tiểu đoàn trưởng Tiểu đoàn Trinh sát 18; Thượng tá Hoàng Minh Phương và "
     "Trung tá Lò Thị Sen, lần lượt là Phó Chủ nhiệm Chính trị Sư đoàn 395 và Chủ nhiệm Quân y Lữ đoàn 229.", {
        "Chu Văn Thiện": ("Thiếu tá", "Tiểu đoàn trưởng", "Tiểu đoàn Trinh sát 18"),
        "Hoàng Minh Phương": ("Thượng tá", "Phó Chủ nhiệm Chính trị", "Sư đoàn 395"),
        "Lò Thị Sen": ("Trung tá", "Chủ nhiệm Quân y", "Lữ đoàn 229"),
    }),
    # items with titles only, the body written after the last one's: the body of the titles held in it
    ("Phía Việt Nam có Đại tá Trịnh Quang Huấn, Chỉ huy trưởng; Đại tá Hà Văn Thường, Chính ủy; Đại tá Mai Văn Đông, "
     "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ đội Biên phòng tỉnh Thanh Hóa cùng đại diện UBND xã Na Mèo.", {
        "Trịnh Quang Huấn": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Thanh Hóa"),
        "Hà Văn Thường": ("Đại tá", "Chính ủy", "Bộ đội Biên phòng tỉnh Thanh Hóa"),
    }),
    # a last title with no body anywhere near: the body the same title was written with before, in another sentence
    ("Bà Chu Thị Hằng trình bày tờ trình bầu bổ sung Phó Chủ tịch UBND tỉnh Bắc Ninh. Đại biểu tán thành. Bí thư Tỉnh "
     "ủy đề nghị tân Phó Chủ tịch Lê Thị Thu Hà sớm tiếp nhận lĩnh vực văn hóa - xã hội.",
     {"Lê Thị Thu Hà": (None, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bắc Ninh")}),
    # a list of names with one title of a body of as many places: each its own, in order (no "lần lượt" needed)
    ("Các đại tá Nguyễn Hữu Thịnh và Phan Đình Sơn, Chỉ huy trưởng Bộ CHQS hai tỉnh Hà Tĩnh và Quảng Trị, cùng dự.", {
        "Nguyễn Hữu Thịnh": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
        "Phan Đình Sơn": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Trị"),
    }),
    # bad: what stands between the title and the places is no body every place has
    ("Dự có Thiếu tướng Lê Văn Hùng và Thiếu tướng Trần Văn Nam, Tư lệnh Quân khu 4 cùng lãnh đạo hai tỉnh Hà Tĩnh và "
     "Quảng Trị.", {"Trần Văn Nam": ("Thiếu tướng", "Tư lệnh", "Quân khu 4")}),
    # the items up to the next one that writes its body take that body, not the body of a later item
    ("Cùng dự có các đại tá Lường Văn Chiến, Chỉ huy trưởng và Vũ Đình Khiêm, Tham mưu trưởng Bộ CHQS tỉnh Điện Biên "
     "và Đại tá Lò Văn Biên, Phó Giám đốc Công an tỉnh Điện Biên.", {
        "Lường Văn Chiến": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Điện Biên"),
        "Lò Văn Biên": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Điện Biên"),
    }),
    # a delegation's body is the body of the titles of its members that name none
    ("Đoàn Cảnh sát tỉnh Kandal do Thiếu tướng Chea Sophorn, Giám đốc dẫn đầu; cùng đi có Đại tá Ly Chanthy, Phó Giám "
     "đốc phụ trách lực lượng cảnh sát biên giới.", {
        "Chea Sophorn": ("Thiếu tướng", "Giám đốc", "Cảnh sát tỉnh Kandal"),
        "Ly Chanthy": ("Đại tá", "Phó Giám đốc", "Cảnh sát tỉnh Kandal"),
    }),
    ("Đoàn BĐBP Cao Bằng do Đại tá Bế Quang Vịnh, Chỉ huy trưởng làm trưởng đoàn.",
     {"Bế Quang Vịnh": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Cao Bằng")}),
    # a last title given without its body: the body of the person's own earlier title it is held in, not another
    # body of that kind the story names
    ("Quân khu 2 công bố quyết định. Đại tá Vàng Văn Lử, Phó Tham mưu trưởng Quân khu được thăng quân hàm Thiếu "
     "tướng. Đại tá Lê Văn Nam, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Điện Biên dự. Bộ trưởng bổ nhiệm đồng chí Lử "
     "giữ chức Tham mưu trưởng.", {"Vàng Văn Lử": ("Thiếu tướng", "Tham mưu trưởng", "Quân khu 2")}),
    # a successor's phrase that names the post's body ("ở đồn", "ở Trung đoàn 935", "ở Công an xã"): the post left there
    ("Thượng tá Lê Văn Hùng, Đồn trưởng Đồn Biên phòng Thạnh Hải được bổ nhiệm giữ chức Phó Chỉ huy trưởng BĐBP tỉnh "
     "Vĩnh Long; người kế nhiệm ông ở đồn là Trung tá Trần Hữu Nhân, nguyên Chính trị viên.",
     {"Trần Hữu Nhân": ("Trung tá", "Đồn trưởng", "Đồn Biên phòng Thạnh Hải")}),
    ("Thượng tá Lê Văn An, Trung đoàn trưởng Trung đoàn 935 được bổ nhiệm Phó Sư đoàn trưởng. Người thay ông ở Trung "
     "đoàn 935 là Thượng tá Phan Anh Tú, nguyên Phó Trung đoàn trưởng Trung đoàn 937.",
     {"Phan Anh Tú": ("Thượng tá", "Trung đoàn trưởng", "Trung đoàn 935")}),
    ("Trung tá Đồng Văn Chung, Trưởng Công an xã Tân Phú, được điều động làm Phó Trưởng phòng Phòng Cảnh sát hình sự; "
     "thay anh ở Công an xã là Trung tá Mã Văn Lợi, nguyên Phó Trưởng phòng Phòng An ninh kinh tế.",
     {"Mã Văn Lợi": ("Trung tá", "Trưởng", "Công an xã Tân Phú")}),
    # a sentence opening with a province ("Tại Vĩnh Long, …"): a bare division in it is that province's police's
    ("Công an tỉnh Vĩnh Long phối hợp với Công an thành phố Cần Thơ. Tại Vĩnh Long, lực lượng do Thượng tá Phạm Văn "
     "Hoàng, Trưởng phòng Phòng Cảnh sát hình sự chỉ huy đã bắt 5 đối tượng. Phía Cần Thơ, Thượng tá Từ Quốc Huy, Trưởng "
     "phòng Phòng Cảnh sát hình sự cho biết.",
     {"Phạm Văn Hoàng": ("Thượng tá", "Trưởng phòng", "Phòng Cảnh sát hình sự Công an tỉnh Vĩnh Long"),
      "Từ Quốc Huy": ("Thượng tá", "Trưởng phòng", "Phòng Cảnh sát hình sự Công an thành phố Cần Thơ")}),
    # a title with no body in a sentence where a colleague holds the same title in a body
    ("Ông Võ Minh Nhựt, Giám đốc Sở Tài chính, được bầu giữ chức Phó Chủ tịch UBND tỉnh Đồng Tháp. Ông Lê Văn Tâm, Phó "
     "Chủ tịch HĐND tỉnh điều hành. Tân Phó Chủ tịch Võ Minh Nhựt sẽ phụ trách lĩnh vực kinh tế, cùng Phó Chủ tịch Lâm "
     "Văn Thới chỉ đạo các dự án.", {"Lâm Văn Thới": (None, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Đồng Tháp")}),
    # a description of a person ("người …", "đại biểu …") between the name and the apposition
    ("Tại phiên chất vấn, bà Huỳnh Thị Ngọc Hân, đại biểu đơn vị bầu cử số 3, Chủ tịch UBND xã Thông Bình, nêu ý kiến.",
     {"Huỳnh Thị Ngọc Hân": (None, "Chủ tịch", "Ủy ban nhân dân xã Thông Bình")}),
    # a title the body led cannot hold ("tại Đồn … do A, Phó Chỉ huy trưởng chỉ huy"): of the body of its clause
    ("Bộ Chỉ huy BĐBP tỉnh Lâm Đồng thành lập sở chỉ huy tiền phương tại Đồn Biên phòng Phan Rí Cửa do Thượng tá Hồ "
     "Quang Thái, Phó Chỉ huy trưởng chỉ huy.",
     {"Hồ Quang Thái": ("Thượng tá", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lâm Đồng")}),
    # a list partner's body that only its owner may hold the title in: the owner, written after "của" or in the name
    ("Phía bạn có Thượng tá Bun Thăn, Phó Giám đốc và Trung tá Khăm Phon, Trưởng phòng Phòng Cảnh sát phòng, chống "
     "ma túy của Công an tỉnh Hủa Phăn.", {"Bun Thăn": ("Thượng tá", "Phó Giám đốc", "Công an tỉnh Hủa Phăn")}),
    ("Dự có Đại tá Lê Văn An, Phó Giám đốc và Thượng tá Trần Văn Bình, Trưởng phòng Phòng Cảnh sát hình sự Công an "
     "tỉnh Nghệ An.", {"Lê Văn An": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Nghệ An")}),
    # a detention centre's warden, the centre referred to by its unit word
    ("Các bị can bị tạm giam tại Trại tạm giam Công an thành phố Đà Nẵng; Thượng tá Lê Đình Phước, Giám thị trại, "
     "cho biết đã bố trí buồng giam riêng.",
     {"Lê Đình Phước": ("Thượng tá", "Giám thị", "Trại tạm giam Công an thành phố Đà Nẵng")}),
    # a promotion that counts its people, named in the next sentence ("Đó là …") with the rank they leave
    ("Trung tướng Đoàn Xuân Khiết trao quyết định thăng quân hàm Đại tá cho hai sĩ quan. Đó là Thượng tá Nông Thị Thu "
     "Trang, Phó Chủ nhiệm Chính trị Bộ CHQS tỉnh Lạng Sơn; Thượng tá Mạc Văn Quân, Phó Chính ủy Bộ CHQS tỉnh Cao Bằng.",
     {"Mạc Văn Quân": ("Đại tá", "Phó Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng")}),
    # "thay ông là B", "Người thay ông là B": B takes the post the one before leaves
    ("Đại tá Lê Văn Tuấn, Giám đốc Bệnh viện Quân y 109 nghỉ hưu. Người thay ông là Đại tá Tống Đức Hạnh, Chủ nhiệm "
     "Quân y Cục Hậu cần - Kỹ thuật.", {"Tống Đức Hạnh": ("Đại tá", "Giám đốc", "Bệnh viện Quân y 109")}),
    ("Thượng tá Lê Văn Hùng, Đồn trưởng Đồn Biên phòng Thạnh Hải, nghỉ hưu; thay anh là Trung tá Trần Hữu Nhân, "
     "nguyên Chính trị viên.", {"Trần Hữu Nhân": ("Trung tá", "Đồn trưởng", "Đồn Biên phòng Thạnh Hải")}),
    # a profession written before the successor's name belongs to the name's phrase
    ("Bác sĩ Lê Văn Hoàng, Trưởng khoa Khoa Cấp cứu Bệnh viện Trung ương Huế nghỉ hưu. Người kế nhiệm ông Hoàng ở Khoa "
     "Cấp cứu là bác sĩ Võ Đức Chiến, nguyên Phó Trưởng khoa.",
     {"Võ Đức Chiến": (None, "Trưởng khoa", "Khoa Cấp cứu Bệnh viện Trung ương Huế")}),
    # a plural title of a body every place has, each name after it with its place in parentheses
    ("Dự hội nghị có các Chỉ huy trưởng BĐBP ba tỉnh: Đại tá Hà Mạnh Cường (Điện Biên), Đại tá Tô Minh Khải (Lào Cai) "
     "và Đại tá Vi Đức Thắng (Lạng Sơn); ông Lò Văn Thắng, Chủ tịch UBND tỉnh Lai Châu.",
     {"Hà Mạnh Cường": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Điện Biên"),
      "Vi Đức Thắng": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Lạng Sơn")}),
    # an organization in parentheses right after a name is the person's; a plural title before the first name or
    # before the head the bodies share gives each its office
    ("Dự hội nghị có các Chỉ huy trưởng Đại tá Hoàng Trung Kiên (Bộ CHQS tỉnh Quảng Ninh) và Đại tá Lăng Văn Thắm "
     "(Bộ CHQS tỉnh Ninh Bình).",
     {"Hoàng Trung Kiên": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh"),
      "Lăng Văn Thắm": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Ninh Bình")}),
    ("Bằng khen được tặng cho các Chỉ huy trưởng Ban CHQS có thành tích, trong đó có Thiếu tá Bùi Văn Chín (Ban CHQS "
     "phường Bến Thành) và Trung tá Điểu Thanh (Ban CHQS xã Bù Gia Mập, tỉnh Đồng Nai).",
     {"Bùi Văn Chín": ("Thiếu tá", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự phường Bến Thành"),
      "Điểu Thanh": ("Trung tá", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự xã Bù Gia Mập")}),
    ("Khen thưởng đột xuất Đại úy Lê Văn Tám (Đồn Biên phòng Na Mèo).",
     {"Lê Văn Tám": ("Đại úy", None, "Đồn Biên phòng Na Mèo")}),
    # bad: a year of birth and an address in parentheses are no body
    ("Bắt giữ Nguyễn Văn Hòa (SN 1985, trú xã Na Mèo).", {"Nguyễn Văn Hòa": (None, None, None)}),
    # "Vị trí X do A … đảm nhiệm": the post written before "do", taken by the name whose clause ends with the verb
    ("Bộ Chỉ huy BĐBP tỉnh Lâm Đồng kiện toàn cán bộ. Vị trí Tham mưu trưởng do Thượng tá Nguyễn Đức Thịnh Phát, "
     "nguyên Trưởng phòng Phòng Tham mưu đảm nhiệm.",
     {"Nguyễn Đức Thịnh Phát": ("Thượng tá", "Tham mưu trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lâm Đồng")}),
    # "lên thay", "về thay": the name in its clause is appointed in the stead of the one before it
    ("Tại Bộ Chỉ huy Quân sự tỉnh Vĩnh Long, Đại tá Huỳnh Văn Út, Chỉ huy trưởng, nghỉ hưu theo chế độ; Đại tá Hà Phúc "
     "Tâm, Phó Chỉ huy trưởng, Tham mưu trưởng đơn vị, lên thay.",
     {"Hà Phúc Tâm": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Vĩnh Long")}),
    # a link before the rank the new post is held with ("nay là Trung tá, Phó Trưởng phòng …")
    ("Kim Văn Tươi, nguyên Đồn trưởng Đồn Biên phòng Khánh Hội, nay là Trung tá, Phó Trưởng phòng Phòng Tham mưu BĐBP "
     "tỉnh Cà Mau.", {"Kim Văn Tươi": (None, "Phó Trưởng phòng", "Phòng Tham mưu Bộ đội Biên phòng tỉnh Cà Mau")}),
    # a plural title with as many bodies as its holders after "là": one body each, in order
    ("Hai Chỉ huy trưởng Bộ CHQS tỉnh Lai Châu và Bộ CHQS tỉnh Phú Thọ là Đại tá Lê Quang Thịnh và Đại tá Kiều Văn "
     "Nghĩa được nêu gương.", {"Lê Quang Thịnh": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Lai Châu"),
                               "Kiều Văn Nghĩa": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Phú Thọ")}),
    # a list of bodies joined on the way to the post
    ("Bà Đặng Thị Thu Hiền, Giám đốc Sở Nội vụ, được luân chuyển, chỉ định tham gia Ban Chấp hành, Ban Thường vụ Đảng "
     "ủy xã và giữ chức Bí thư Đảng ủy xã Tam Đảo.", {"Đặng Thị Thu Hiền": (None, "Bí thư", "Đảng ủy xã Tam Đảo")}),
    # "Title vẫn là Rank A": the one who still holds it
    ("Tàu CSB 8005 của Vùng Cảnh sát biển 3 xuất phát. Thuyền trưởng vẫn là Trung tá Đinh Công Hiếu.",
     {"Đinh Công Hiếu": ("Trung tá", "Thuyền trưởng", None)}),
    # "được giao quyền X": acting as X, the title X
    ("Thiếu tá Lâm Hữu Phước, Phó Đồn trưởng được giao quyền Đồn trưởng Đồn Biên phòng Thông Bình.",
     {"Lâm Hữu Phước": ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Thông Bình")}),
    # other countries' bodies: a Cambodian province's military command, a Lao provincial police's drug division
    ("Đại tá Prak Sovann, Chỉ huy trưởng Tiểu khu Quân sự tỉnh Prey Veng dự hội đàm.",
     {"Prak Sovann": ("Đại tá", "Chỉ huy trưởng", "Tiểu khu Quân sự tỉnh Prey Veng")}),
    ("Đại tá Khăm Phon, Trưởng phòng Phòng Cảnh sát phòng, chống ma túy của Công an tỉnh Hủa Phăn phát biểu.",
     {"Khăm Phon": ("Đại tá", "Trưởng phòng", "Phòng Cảnh sát phòng, chống ma túy Công an tỉnh Hủa Phăn")}),
    # a title and its body, then the holder behind a comma with an honorific
    ("Giám đốc Sở Y tế tỉnh Khánh Hòa, ông Lê Văn An, cho biết bệnh viện đã sẵn sàng.",
     {"Lê Văn An": (None, "Giám đốc", "Sở Y tế tỉnh Khánh Hòa")}),
    ("Chủ tịch UBND xã Ba Tri, bà Lê Thị Hoa, cho biết xã đã di dời 200 hộ dân.",
     {"Lê Thị Hoa": (None, "Chủ tịch", "Ủy ban nhân dân xã Ba Tri")}),
    # a title after a bare "của" or "theo" whose holder's name closes its apposition: that name's ("Nhận lệnh của
    # Tư lệnh …, Chuẩn Đô đốc A, tàu … rời"; "Theo Chỉ huy trưởng …, Đại tá B, …")
    ("Nhận lệnh của Tư lệnh Vùng 4 Hải quân, Chuẩn Đô đốc Lương Văn Thái, tàu HQ-571 rời vị trí trực tại Trường Sa.",
     {"Lương Văn Thái": ("Chuẩn Đô đốc", "Tư lệnh", "Vùng 4 Hải quân")}),
    ("Theo Chỉ huy trưởng BĐBP tỉnh Quảng Ninh, Đại tá Trần Văn Lượng, tàu BP-01 đã rời cảng lúc 5 giờ.",
     {"Trần Văn Lượng": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Quảng Ninh")}),
    # a command that leads: its region, as a title without its body is of
    ("Đoàn của Bộ Tư lệnh Quân khu 5 do Thiếu tướng Vương Minh Đạo, Phó Tư lệnh dẫn đầu cũng về kiểm tra xã.",
     {"Vương Minh Đạo": ("Thiếu tướng", "Phó Tư lệnh", "Quân khu 5")}),
    # a province's border guard: the command the document names, its force only where the document names the force
    ("Đoàn công tác của Bộ Chỉ huy BĐBP tỉnh Gia Lai do Đại tá Lê Văn Hòa, Chính ủy dẫn đầu.",
     {"Lê Văn Hòa": ("Đại tá", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai")}),
    ("BĐBP tỉnh Gia Lai ra quân bảo vệ biên giới. Đoàn công tác của Bộ Chỉ huy BĐBP tỉnh Gia Lai do Đại tá Lê Văn "
     "Hòa, Chính ủy dẫn đầu.", {"Lê Văn Hòa": ("Đại tá", "Chính ủy", "Bộ đội Biên phòng tỉnh Gia Lai")}),
    # a post held "khi còn giữ chức" is a former one
    ("Bộ đội Biên phòng tỉnh An Giang đón nhận huân chương. Nhiều chuyên án do Đại tá Dương Tấn Lợi, nay là Phó Chỉ huy "
     "trưởng, trực tiếp chỉ huy khi còn giữ chức Trưởng Phòng Phòng chống ma túy và tội phạm.",
     {"Dương Tấn Lợi": ("Đại tá", "Phó Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh An Giang")}),
    # the successor takes the post the one replaced leaves
    ("Đại tá Lê Đình Tuệ, Viện trưởng Viện Kiểm sát quân sự khu vực 42 nghỉ hưu. Người kế nhiệm đồng chí Tuệ là Trung "
     "tá Nguyễn Thị Minh Phương, nguyên Phó Viện trưởng VKSQS khu vực 41.",
     {"Nguyễn Thị Minh Phương": ("Trung tá", "Viện trưởng", "Viện Kiểm sát quân sự khu vực 42")}),
    ("Đại tá Phạm Hải Đăng, Sư đoàn trưởng Sư đoàn 371 được bổ nhiệm giữ chức Phó Tư lệnh Quân chủng Hải quân. Thay "
     "đồng chí Đăng là Đại tá Trịnh Quốc Khánh, nguyên Phó Sư đoàn trưởng, Tham mưu trưởng của sư đoàn.",
     {"Trịnh Quốc Khánh": ("Đại tá", "Sư đoàn trưởng", "Sư đoàn 371"),
      "Phạm Hải Đăng": ("Đại tá", "Phó Tư lệnh", "Quân chủng Hải quân")}),
    # a clause after ";" that tells the past gives earlier posts
    ("Đại tá Hà Văn Cảnh và Đại tá Trần Quốc Việt lần lượt giữ chức Chính ủy Sư đoàn 361 và Chính ủy Sư đoàn 372; "
     "trước đó, đồng chí Cảnh là Phó Chủ nhiệm Chính trị Quân chủng, còn đồng chí Việt là Phó Chính ủy Sư đoàn 370.",
     {"Hà Văn Cảnh": ("Đại tá", "Chính ủy", "Sư đoàn 361"), "Trần Quốc Việt": ("Đại tá", "Chính ủy", "Sư đoàn 372")}),
    # a body joined on the way to a post; the deputy in charge of a body
    ("Ông Hoàng Văn Phúc, Giám đốc Sở Nội vụ tỉnh Hà Tĩnh được điều động, chỉ định tham gia Ban Thường vụ Tỉnh ủy và "
     "giữ chức Trưởng Ban Tổ chức Tỉnh ủy Hà Tĩnh.",
     {"Hoàng Văn Phúc": (None, "Trưởng", "Ban Tổ chức Tỉnh ủy Hà Tĩnh")}),
    ("Ông Bùi Quang Huy trao quyết định bổ nhiệm bà Hồ Thị Vân, Phó Giám đốc phụ trách Sở Y tế tỉnh Hà Tĩnh giữ chức "
     "Giám đốc Sở Y tế tỉnh Hà Tĩnh.", {"Hồ Thị Vân": (None, "Giám đốc", "Sở Y tế tỉnh Hà Tĩnh")}),
    # an association by its head after a title; a lower-case role after a name an honorific opens
    ("Đại hội Hội Cựu chiến binh tỉnh Điện Biên bầu Ban Chấp hành. Ông Vì Văn Sơn tái cử Phó Chủ tịch Hội.",
     {"Vì Văn Sơn": (None, "Phó Chủ tịch", "Hội Cựu chiến binh tỉnh Điện Biên")}),
    ("Ông Đặng Văn Mười, máy trưởng, cùng các thuyền viên thay nhau tát nước.",
     {"Đặng Văn Mười": (None, "Máy trưởng", None)}),
    # a title and the bare unit word of a body named before, where the apposition ends
    ("Đoàn Trung Quốc do Đại tá Lương Vĩ Hoa, Chi đội trưởng Chi đội Quản lý biên giới Bằng Tường dẫn đầu; cùng dự có "
     "Thượng tá Hoàng Chí Kiên, Chính ủy chi đội; ông Lý Hải Minh, Phó Thị trưởng thành phố Bằng Tường.",
     {"Hoàng Chí Kiên": ("Thượng tá", "Chính ủy", "Chi đội Quản lý biên giới Bằng Tường")}),
    # the body moved to "tại", then the post
    ("Thượng tá Nguyễn Đức Hoàn, cán bộ Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu được điều động "
     "đến nhận công tác tại Công an tỉnh Hà Tĩnh, giữ chức Trưởng phòng Phòng Cảnh sát kinh tế.",
     {"Nguyễn Đức Hoàn": ("Thượng tá", "Trưởng phòng", "Phòng Cảnh sát kinh tế Công an tỉnh Hà Tĩnh")}),
    # a member of the same body as a colleague named before
    ("Huân chương được trao cho 3 cá nhân, gồm: Thượng tá Nguyễn Phước Lộc, Trưởng Phòng Cảnh sát điều tra tội phạm về "
     "ma túy Công an tỉnh Tây Ninh; Trung tá Phạm Thị Hồng Nhung, Phó Trưởng Phòng Quản lý xuất nhập cảnh và Đại úy Đỗ "
     "Khắc Huy, cán bộ cùng phòng với Thượng tá Lộc.",
     {"Đỗ Khắc Huy": ("Đại úy", None, "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Tây Ninh")}),
    # a plural title the people of the list after it are appointed to: each one's new post
    ("Thứ trưởng trao quyết định bổ nhiệm 3 Phó Giám đốc Công an tỉnh Thanh Hóa, gồm: Đại tá Lê Bá Sơn, Trưởng Phòng "
     "Cảnh sát hình sự; Thượng tá Đoàn Thị Thanh Xuân, Trưởng Phòng Tham mưu và Thượng tá Hứa Đình Lộc, Phó Trưởng "
     "phòng Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lạng Sơn.", {
        "Lê Bá Sơn": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Thanh Hóa"),
        "Hứa Đình Lộc": ("Thượng tá", "Phó Giám đốc", "Công an tỉnh Thanh Hóa"),
    }),
    # a title "của" a body named by its head; a successor "tại" the body; a title in lower case after a name
    ("Phó Đô đốc Bùi Trọng Nghĩa trao quyết định bổ nhiệm Đại tá Ninh Thị Hải Yến, Phó Chủ nhiệm Hậu cần - Kỹ thuật "
     "Vùng 1 Hải quân giữ chức Chủ nhiệm Hậu cần - Kỹ thuật của Vùng.",
     {"Ninh Thị Hải Yến": ("Đại tá", "Chủ nhiệm Hậu cần - Kỹ thuật", "Vùng 1 Hải quân")}),
    ("Trung tá Hoàng Văn Thắng, Đồn trưởng Đồn Biên phòng Trà Lĩnh nghỉ hưu. Người kế nhiệm đồng chí Thắng tại Đồn là "
     "Trung tá Lý Văn Đạo.", {"Lý Văn Đạo": ("Trung tá", "Đồn trưởng", "Đồn Biên phòng Trà Lĩnh")}),
    ("Đại úy Nguyễn Thị Hoài Thu, trợ lý Phòng Tác chiến Quân khu 3 được thăng quân hàm Thiếu tá.",
     {"Nguyễn Thị Hoài Thu": ("Thiếu tá", "Trợ lý", "Phòng Tác chiến Quân khu 3")}),
    # a description between the name and its apposition
    ("Thủ khoa toàn khóa là Trung úy Bhling Quốc Vinh, người dân tộc Cơ Tu, cán bộ Ban CHQS xã Hùng Sơn.",
     {"Bhling Quốc Vinh": ("Trung úy", None, "Ban Chỉ huy Quân sự xã Hùng Sơn")}),
    # the place moved to gives a body written with its bare unit word its name
    ("Ban Thường vụ Tỉnh ủy điều động ông Lương Văn Kiên, Phó Bí thư Đảng ủy, Chủ tịch UBND xã Na Mèo đến nhận công "
     "tác tại xã Trung Hạ, chỉ định giữ chức Bí thư Đảng ủy xã.",
     {"Lương Văn Kiên": (None, "Bí thư", "Đảng ủy xã Trung Hạ")}),
    # one body written with its bare unit word, the places listed before it: that body of each place
    ("Hai xã biên giới Nậm Cắn và Mỹ Lý có Trưởng Công an xã lần lượt là Thượng tá Vi Văn Kha và Thiếu tá Lữ Văn "
     "Sáng.", {
        "Vi Văn Kha": ("Thượng tá", "Trưởng", "Công an xã Nậm Cắn"),
        "Lữ Văn Sáng": ("Thiếu tá", "Trưởng", "Công an xã Mỹ Lý"),
    }),
    (RESPECTIVELY_ORGS_FIRST, {
        "Bùi Văn Lâm": ("Đại tá", "Giám đốc", "Công an tỉnh Hà Tĩnh"),
        "Trần Ngọc Sơn": ("Đại tá", "Giám đốc", "Công an tỉnh Nghệ An"),
    }),
    # a description of the person that gives the role ("người vừa được … bổ nhiệm giữ chức")
    ("Đại tá Phùng Quang Diệu, người vừa được thăng cấp bậc hàm Đại tá và bổ nhiệm giữ chức Phó Giám đốc Công an "
     "tỉnh Hà Giang từ ngày 1/12, cảm ơn phía bạn.",
     {"Phùng Quang Diệu": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Hà Giang")}),
    # ... also of one replaced in a post: the post described is theirs
    ("Ông Nguyễn Hữu Lộc được bổ nhiệm giữ chức Giám đốc Sở Công Thương tỉnh Hà Tĩnh, thay ông Trần Đình Phong, người "
     "có 9 năm làm Giám đốc Sở Công Thương tỉnh Hà Tĩnh, nghỉ hưu theo chế độ.",
     {"Trần Đình Phong": (None, "Giám đốc", "Sở Công Thương tỉnh Hà Tĩnh"),
      "Nguyễn Hữu Lộc": (None, "Giám đốc", "Sở Công Thương tỉnh Hà Tĩnh")}),
    # the body moved to, with the body it belongs to, then the post given there
    ("Đại tá Võ Thị Mai Hương được điều động về Phòng Tuyên huấn, Cục Chính trị Quân khu 5 và được giao đảm nhiệm "
     "Trưởng phòng.",
     {"Võ Thị Mai Hương": ("Đại tá", "Trưởng phòng", "Phòng Tuyên huấn Cục Chính trị Quân khu 5")}),
    ("Ông Tạ Quang Lộc được bổ nhiệm lại chức vụ Trưởng ban Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng.",
     {"Tạ Quang Lộc": (None, "Trưởng ban", "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng")}),
    ("Thượng tá Hầu Chí Cương nhận chức Chi đội trưởng từ tháng 8, thay Đại tá Tạ Vĩnh Niên được điều động làm Phó "
     "Tổng đội trưởng Tổng đội Quản lý biên giới Quảng Tây.",
     {"Tạ Vĩnh Niên": ("Đại tá", "Phó Tổng đội trưởng", "Tổng đội Quản lý biên giới Quảng Tây"),
      "Hầu Chí Cương": ("Thượng tá", "Chi đội trưởng", None)}),
    # ... also behind a comma: "B thay A, được điều động …" is A's move
    ("Đại tá Trịnh Xuân Hào được bổ nhiệm giữ chức Chỉ huy trưởng Bộ CHQS tỉnh Gia Lai. Đồng chí Hào thay Đại tá Lê "
     "Văn Hải, được điều động giữ chức Phó Tham mưu trưởng Quân khu 5.",
     {"Trịnh Xuân Hào": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Gia Lai"),
      "Lê Văn Hải": ("Đại tá", "Phó Tham mưu trưởng", "Quân khu 5")}),
    # roles joined by a verb
    ("Thượng tá Lò Văn Pấng tiếp tục giữ chức Trưởng Công an xã Mường Nhé.",
     {"Lò Văn Pấng": ("Thượng tá", "Trưởng", "Công an xã Mường Nhé")}),
    ("Đồng chí Nguyễn Thanh Hải là Chính ủy Vùng 2 Hải quân.",
     {"Nguyễn Thanh Hải": (None, "Chính ủy", "Vùng 2 Hải quân")}),
    ("Đại tá Bùi Văn Lâm vừa được bổ nhiệm giữ chức Giám đốc Công an tỉnh Hà Tĩnh.",
     {"Bùi Văn Lâm": ("Đại tá", "Giám đốc", "Công an tỉnh Hà Tĩnh")}),
    ("Tại kỳ họp, bà Hoàng Thị Lan được bầu làm Chủ tịch Hội đồng nhân dân tỉnh Lạng Sơn.",
     {"Hoàng Thị Lan": (None, "Chủ tịch", "Hội đồng nhân dân tỉnh Lạng Sơn")}),
    # a former role is kept in roles, never final; a later current one wins
    ("Ông Trần Quốc Vượng, nguyên Bí thư Tỉnh ủy Nghệ An, dự lễ.",
     {"Trần Quốc Vượng": (None, "Bí thư", "Tỉnh ủy Nghệ An")}),  # only a former role: it is what the text says
    ("Thiếu tướng Lê Văn Sáu, nguyên Tư lệnh Quân khu 4, nay là Phó Tổng Tham mưu trưởng, dự lễ.",
     {"Lê Văn Sáu": ("Thiếu tướng", "Phó Tổng Tham mưu trưởng", None)}),
    # title, organization and name; foreign name after a title and a country
    ("Phó Chủ tịch Hội Nông dân tỉnh Quảng Trị Lê Văn Sơn phát biểu.",
     {"Lê Văn Sơn": (None, "Phó Chủ tịch", "Hội Nông dân tỉnh Quảng Trị")}),
    ("Đại sứ Nhật Bản tại Việt Nam Ito Naoki chúc mừng.", {"Ito Naoki": (None, "Đại sứ", None)}),
    # a rank given once for a coordinated pair; a rank in a parenthesis; a force word between rank and name
    ("Đại tá Nguyễn Văn Hùng và Trần Đình Khang dự họp.",
     {"Nguyễn Văn Hùng": ("Đại tá", None, None), "Trần Đình Khang": ("Đại tá", None, None)}),
    ("Thiếu tá (nay là Trung tá) Hà Văn Tú báo cáo.", {"Hà Văn Tú": ("Trung tá", None, None)}),
    ("Thượng tá CAND Đỗ Văn Hòa, Trưởng Công an xã Tam Đường, phát biểu.",
     {"Đỗ Văn Hòa": ("Thượng tá", "Trưởng", "Công an xã Tam Đường")}),
    # a long Lao name after a rank keeps all its words
    ("Thiếu tướng Khăm Phon Xay Nha Vông Sạ, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Attapeu, dẫn đầu đoàn.",
     {"Khăm Phon Xay Nha Vông Sạ": ("Thiếu tướng", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Attapeu")}),
    # the unit a title is held in, written before the name: "ORG với|của NAME, TITLE", "ORG, đơn vị do NAME làm TITLE"
    ("Trên hướng chính, Lữ đoàn 170 với Thượng tá Trần Quốc Hưng, Chính ủy, tổ chức phản kích.",
     {"Trần Quốc Hưng": ("Thượng tá", "Chính ủy", "Lữ đoàn 170")}),
    ("Tiểu đoàn Trinh sát 18 của Trung tá Chu Văn Thiện, Tiểu đoàn trưởng, luồn sâu chỉ thị mục tiêu.",
     {"Chu Văn Thiện": ("Trung tá", "Tiểu đoàn trưởng", "Tiểu đoàn Trinh sát 18")}),
    ("Chuyên án thành công nhờ Công an tỉnh Hà Tĩnh, đơn vị do Đại tá Phạm Hồng Lĩnh làm Giám đốc.",
     {"Phạm Hồng Lĩnh": ("Đại tá", "Giám đốc", "Công an tỉnh Hà Tĩnh")}),
    # a title with no unit word and no body: the body of a head it is held in, named last before it
    ("Công an tỉnh Lào Cai tổng kết công tác năm. Cùng dự có Đại tá Lê Thị Thu Trang, Phó Giám đốc.",
     {"Lê Thị Thu Trang": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Lào Cai")}),
    ("Bộ CHQS tỉnh Quảng Ninh diễn tập. Đại tá Đào Văn Khuê, Chỉ huy trưởng, điều hành.",
     {"Đào Văn Khuê": ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh")}),
    # a link behind the name's comma; a role after a word that ends like another role ("nhiệm vụ Trưởng")
    ("Người tiền nhiệm, Trung tá Giàng A Chu, nhận nhiệm vụ Trưởng Công an phường Lào Cai.",
     {"Giàng A Chu": ("Trung tá", "Trưởng", "Công an phường Lào Cai")}),
    # a deputy title after a pair of one rank is both's; after a pair of two ranks, the second's
    ("Thay mặt cán bộ, Đại tá Lường Văn Thắng và Đại tá Đinh Công Hậu, Phó Giám đốc Công an tỉnh Điện Biên tặng hoa.",
     {"Lường Văn Thắng": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Điện Biên"),
      "Đinh Công Hậu": ("Đại tá", "Phó Giám đốc", "Công an tỉnh Điện Biên")}),
    ("Bằng khen tặng Trung tá Trần Minh Đức và Đại úy Hồ Sỹ Quang, Phó Đội trưởng Đội Trinh sát Đồn Biên phòng Cầu Treo.",
     {"Trần Minh Đức": ("Trung tá", None, None)}),
    # a position that holds the head of an organization's name ("Chánh Văn phòng" + "UBND tỉnh"); an agent after
    # "của" stepped over on the way to the link
    ("Ông Nguyễn Hoàng Long, Chánh Văn phòng UBND tỉnh Đắk Lắk, được giao kiêm nhiệm Trưởng Ban Tuyên giáo Tỉnh ủy.",
     {"Nguyễn Hoàng Long": (None, "Trưởng", "Ban Tuyên giáo Tỉnh ủy Đắk Lắk")}),
    ("Ông Lê Đình Cường đã nhận quyết định của Ban Thường vụ Tỉnh ủy Đắk Lắk điều động giữ chức Phó Trưởng Ban Tổ "
     "chức Tỉnh ủy.", {"Lê Đình Cường": (None, "Phó Trưởng", "Ban Tổ chức Tỉnh ủy Đắk Lắk")}),
    # the same title written with its body later in the sentence
    ("Ông Giàng A Tông được bầu làm Phó Chủ tịch Thường trực; bà Ngô Thị Lệ được bầu giữ chức Phó Chủ tịch UBND tỉnh "
     "Lào Cai.", {"Giàng A Tông": (None, "Phó Chủ tịch Thường trực", "Ủy ban nhân dân tỉnh Lào Cai")}),
    # a command title after the unit's Party committee title: the unit, named by its force
    ("Ngày 5/6, Đảng ủy, Bộ Chỉ huy BĐBP tỉnh Đắk Lắk tổ chức hội nghị; Thiếu tướng Trần Minh Khôi, Phó Tham mưu "
     "trưởng Quân khu 5 dự. Đại tá Võ Minh Sơn, Phó Bí thư Đảng ủy, Chỉ huy trưởng và Đại tá Y Khiêm Byă, Bí thư "
     "Đảng ủy, Chính ủy chủ trì hội nghị.",
     {"Võ Minh Sơn": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Đắk Lắk"),
      "Y Khiêm Byă": ("Đại tá", "Chính ủy", "Bộ đội Biên phòng tỉnh Đắk Lắk")}),
    ("Thay mặt Đảng ủy, Bộ Chỉ huy BĐBP tỉnh Quảng Trị, Đại tá Lê Đình Phú, Chính ủy, chúc mừng các đồng chí.",
     {"Lê Đình Phú": ("Đại tá", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị")}),
    # the political officer of a post; a numbered region written with its acronym; a flotilla's commander
    ("Thiếu tá Lê Trọng Nhân giữ chức Chính trị viên Đồn Biên phòng Cửa khẩu quốc tế Cha Lo.",
     {"Lê Trọng Nhân": ("Thiếu tá", "Chính trị viên", "Đồn Biên phòng cửa khẩu quốc tế Cha Lo")}),
    ("Đại tá Tô Văn Hiển, Chính ủy Vùng CSB 3 thăm hỏi ngư dân. Thượng tá Đoàn Văn Khải, Hải đoàn trưởng Hải đoàn 32 "
     "chỉ huy tàu.", {"Tô Văn Hiển": ("Đại tá", "Chính ủy", "Vùng Cảnh sát biển 3"),
                      "Đoàn Văn Khải": ("Thượng tá", "Hải đoàn trưởng", "Hải đoàn 32")}),
    # the Party committee of a body written as an acronym after the next title; heading a delegation is no office
    ("Đoàn Việt Nam do Đại tá Trần Quang Thiều, Bí thư Đảng ủy, Chỉ huy trưởng BĐBP tỉnh Điện Biên làm trưởng đoàn.",
     {"Trần Quang Thiều": ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Điện Biên")}),
    # promoted after the name's titles ("A, Phó Tư lệnh … được thăng quân hàm Thiếu tướng")
    ("Đại tá Thái Văn Quyết, Phó Tư lệnh, Tham mưu trưởng Quân khu 4 được thăng quân hàm Thiếu tướng.",
     {"Thái Văn Quyết": ("Thiếu tướng", "Tham mưu trưởng", "Quân khu 4")}),
    # "nhiều năm làm" tells of earlier posts: the post given now is the final one
    ("Chuẩn Đô đốc Vũ Đức Cường nhiều năm làm Hạm trưởng, Lữ đoàn trưởng Lữ đoàn 170. Ông Vũ Đức Cường được bổ "
     "nhiệm giữ chức Tư lệnh Vùng 2 Hải quân.", {"Vũ Đức Cường": ("Chuẩn Đô đốc", "Tư lệnh", "Vùng 2 Hải quân")}),
    # two titles without a body: the last body named that holds both (a command, not the military region)
    ("Bộ Chỉ huy BĐBP tỉnh Đắk Lắk sơ kết 6 tháng; Thiếu tướng Trần Minh Khôi, Phó Tham mưu trưởng Quân khu 5 dự. "
     "Thượng tá Nguyễn Đức Hạnh, Phó Chỉ huy trưởng, Tham mưu trưởng báo cáo.",
     {"Nguyễn Đức Hạnh": ("Thượng tá", "Tham mưu trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đắk Lắk")}),
    # a deputy title after several names of one rank, the first with a title of its own
    ("Đại tá Lê Khắc Hiếu, Chính ủy Bộ CHQS tỉnh Lâm Đồng cùng Đại tá Phạm Hữu Đoan và Đại tá Bùi Tấn Lợi, Phó Chỉ huy "
     "trưởng dự buổi bàn giao.", {"Lê Khắc Hiếu": ("Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Lâm Đồng"),
                                  "Phạm Hữu Đoan": ("Đại tá", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Lâm Đồng")}),
    # a sentence about the old unit tells of earlier posts
    ("Đại tá Quách Văn Hiếu được bổ nhiệm giữ chức Sư đoàn trưởng Sư đoàn 390. Ở đơn vị cũ, đồng chí Hiếu làm Phó Sư "
     "đoàn trưởng, Tham mưu trưởng.", {"Quách Văn Hiếu": ("Đại tá", "Sư đoàn trưởng", "Sư đoàn 390")}),
    # moved to a province, then given a post there
    ("Trung tá Chau Ngọc Thạch, Đồn trưởng Đồn Biên phòng Vĩnh Xương được điều động sang Tây Ninh, giữ chức Phó Tham "
     "mưu trưởng BĐBP tỉnh.", {"Chau Ngọc Thạch": ("Trung tá", "Phó Tham mưu trưởng", "Bộ đội Biên phòng tỉnh Tây Ninh")}),
    # list items that carry their own promotions, after the names; a promotion's signer is not promoted
    ("Tư lệnh Tống Viết Lâm trao quyết định thăng quân hàm cho 2 đồng chí, gồm: Dương Tấn Lợi, Trưởng Phòng Tham mưu "
     "BĐBP tỉnh An Giang từ Thượng tá lên Đại tá và Nguyễn Văn Bửu, Hải đội trưởng Hải đội Biên phòng 2 từ Thiếu tá "
     "lên Trung tá.", {"Dương Tấn Lợi": ("Đại tá", "Trưởng", "Phòng Tham mưu Bộ đội Biên phòng tỉnh An Giang"),
                       "Nguyễn Văn Bửu": ("Trung tá", "Hải đội trưởng", "Hải đội Biên phòng 2")}),
    ("Thủ tướng Phạm Minh Chính ký quyết định thăng quân hàm từ Đại tá lên Thiếu tướng đối với đồng chí Lê Văn Ba.",
     {"Phạm Minh Chính": (None, "Thủ tướng", None), "Lê Văn Ba": ("Thiếu tướng", None, None)}),
    # a name "của" a unit is a member of it
    ("Đại úy Pả Kiều Lanh, Đội trưởng Đội Vũ trang và Trung úy Xỉ Xổm Phon của Đại đội Bảo vệ biên giới 355 đã khống "
     "chế đối tượng.", {"Xỉ Xổm Phon": ("Trung úy", None, "Đại đội Bảo vệ biên giới 355")}),
    # the title, the unit the words name ("đồn này"), then "là" and the name
    ("Hai bên làm việc với Đồn Cảnh sát biên giới Kaam Samnor. Trưởng đồn này là Trung tá Heng Sothea.",
     {"Heng Sothea": ("Trung tá", "Trưởng", "Đồn Cảnh sát biên giới Kaam Samnor")}),
    # a post already given with its body keeps it when the title comes back alone, whoever else holds that title
    ("Đại tá Vi Thanh Bình được bổ nhiệm giữ chức Chính ủy Bộ CHQS tỉnh Cao Bằng. Chính ủy Quân khu 1 Đoàn Xuân "
     "Khiết đề nghị Chính ủy Vi Thanh Bình sớm ổn định tổ chức.",
     {"Vi Thanh Bình": ("Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Cao Bằng")}),
    # "nguyên" covers the titles listed after it; the title before "là" is the post now
    ("Sư đoàn 316 có tân Sư đoàn trưởng là Đại tá Hà Đức Thông, nguyên Phó Sư đoàn trưởng, Tham mưu trưởng của sư "
     "đoàn.", {"Hà Đức Thông": ("Đại tá", "Sư đoàn trưởng", "Sư đoàn 316")}),
    # a list of units before "do": the one the title heads
    ("Lực lượng phản kích là Tiểu đoàn 6, Sư đoàn 3 do Thượng tá Dương Minh Trọng, Tiểu đoàn trưởng chỉ huy.",
     {"Dương Minh Trọng": ("Thượng tá", "Tiểu đoàn trưởng", "Tiểu đoàn 6")}),
    # a lower-case title, "là" and an honorific before the name; "vốn là" tells of an earlier post
    ("Con tàu, với thuyền trưởng là ông Trần Văn Hưởng (SN 1968, trú xã Giao Thủy), bị chết máy.",
     {"Trần Văn Hưởng": (None, "Thuyền trưởng", None)}),
    ("Thượng tá Đặng Quang Khải được bổ nhiệm giữ chức Phó Chỉ huy trưởng Bộ CHQS tỉnh Phú Thọ. Đồng chí Đặng Quang "
     "Khải vốn là Chủ nhiệm Hậu cần - Kỹ thuật của Bộ Chỉ huy.",
     {"Đặng Quang Khải": ("Thượng tá", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Phú Thọ")}),
    # a seat on a committee does not replace an office; alone it is the position
    ("Bà Lò Thị Duyên, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lào Cai tái đắc cử Tỉnh ủy viên.",
     {"Lò Thị Duyên": (None, "Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai")}),
    ("Đại hội bầu Đại tá Hà Ngọc Quyết làm Tỉnh ủy viên.", {"Hà Ngọc Quyết": ("Đại tá", "Tỉnh ủy viên", None)}),
    # a member of a unit named a few words later, or "cùng đội": the body that word named last
    ("Binh nhất Lò Văn Sinh, xạ thủ súng chống tăng của Đại đội 5, lần đầu bắn đạn thật.",
     {"Lò Văn Sinh": ("Binh nhất", None, "Đại đội 5")}),
    ("Thượng úy Phan Văn Lực, Phó Đội trưởng Đội Trinh sát và Trung úy Hồ Thị Giang, cán bộ cùng đội, nhận Giấy khen.",
     {"Hồ Thị Giang": ("Trung úy", None, "Đội Trinh sát")}),
])
def test_relation_rules(process, text: str, expected: dict[str, Record]) -> None:
    got = records(process, text)
    for name, record in expected.items():
        assert got.get(name) == record, (name, got)


@pytest.mark.parametrize(("text", "name", "unexpected"), [
    # a verb that gives no role links nothing
    ("Đại tá Bùi Văn Lâm gặp Chính ủy Vùng 2 Hải quân.", "Bùi Văn Lâm", "Chính ủy"),
    ("Đồng chí Lê Văn Toàn chúc mừng tân Giám đốc Công an tỉnh Hà Tĩnh.", "Lê Văn Toàn", "Giám đốc"),
    # the role of the one who presents a decision is not the promoted person's
    ("Thiếu tướng Lê Văn Bình trao quyết định thăng quân hàm từ Trung tá lên Thượng tá cho đồng chí Trần Văn Dũng.",
     "Lê Văn Bình", "Thượng tá"),
    # a body a title is not held in lends it nothing
    ("Đoàn do Đại tá Bế Quang Vịnh, Chỉ huy trưởng; Đại tá Hoàng Đức Trọng, Chính ủy và bà Nông Thị Hạnh, Phó Chủ tịch "
     "UBND tỉnh Cao Bằng dẫn đầu.", "Hoàng Đức Trọng", "Ủy ban nhân dân tỉnh Cao Bằng"),
    ("Thiếu tá Lò Văn Hặc, Đồn trưởng và Đại úy Ngân Văn Tú, Đội trưởng Đội Trinh sát Đồn Biên phòng Na Mèo cho biết.",
     "Lò Văn Hặc", "Đội Trinh sát Đồn Biên phòng Na Mèo"),
    # the office a document asks to relieve someone of is not the speaker's
    ("Ông Lê Xuân Trường, Giám đốc Sở Nội vụ trình bày tờ trình về việc miễn nhiệm chức vụ Chủ tịch UBND tỉnh đối "
     "với ông Phạm Đức Toàn.", "Lê Xuân Trường", "Chủ tịch"),
    # "lần lượt" with counts that do not agree distributes nothing
    ("Ba xã Nậm Cắn, Mỹ Lý và Tà Cạ có Trưởng Công an xã lần lượt là Thượng tá Vi Văn Kha và Thiếu tá Lữ Văn Sáng.",
     "Vi Văn Kha", "Công an xã Nậm Cắn"),
    ("Đại tá Nguyễn Văn Tám và Thượng tá Hoàng Minh Đức lần lượt phát biểu tại hội nghị của Bộ Quốc phòng.",
     "Hoàng Minh Đức", "Bộ Quốc phòng"),
    # a title behind a comma after a name is that name's, not the next one's
    ("Theo Đại tá Trần Văn Nam, Chính ủy Bộ đội Biên phòng tỉnh Quảng Trị, Đại tá Lê Văn Hòa đã chỉ đạo.",
     "Lê Văn Hòa", "Chính ủy"),
    # the one acting on someone's behalf does not hold that someone's title
    ("Thừa ủy quyền của Chủ tịch nước, Thượng tướng Lê Quốc Thái trao Huân chương cho Công an tỉnh.",
     "Lê Quốc Thái", "Chủ tịch nước"),
    ("Thay mặt Bộ trưởng Bộ Quốc phòng, Phó Đô đốc Đoàn Hữu Lộc trao quyết định.", "Đoàn Hữu Lộc", "Bộ trưởng"),
    # a sentence after a promotion that names people does not take the promotion unless it opens a list
    ("Bộ trưởng thăng quân hàm Đại tá cho hai sĩ quan. Thượng tá Lê Văn Bình, Đồn trưởng, phát biểu.", "Lê Văn Bình",
     "Đại tá"),
    # a post before "do" goes to the name only where its clause ends by taking it
    ("Vị trí Tham mưu trưởng do Thượng tá Lê Văn Bình, Trưởng phòng Phòng Tham mưu giới thiệu với đoàn.", "Lê Văn Bình",
     "Tham mưu trưởng"),
    # "ở" in a successor's phrase opened by no successor's words names no post
    ("Đại tá Lê Văn An nghỉ hưu. Cán bộ ở Trung đoàn 935 là Thượng tá Phan Anh Tú.", "Phan Anh Tú", "Trung đoàn 935"),
    ("Theo quyết định của Bộ trưởng Bộ Quốc phòng, Đại tá Đinh Công Tráng được bổ nhiệm giữ chức Chỉ huy trưởng.",
     "Đinh Công Tráng", "Bộ trưởng"),
    ("Theo quyết định của Bộ trưởng Bộ Quốc phòng, Đại tá Đinh Công Tráng, được bổ nhiệm giữ chức Chỉ huy trưởng.",
     "Đinh Công Tráng", "Bộ trưởng"),
    ("Thừa ủy quyền của Chủ tịch nước, Thượng tướng Lê Quốc Thái, trao Huân chương cho Công an tỉnh.",
     "Lê Quốc Thái", "Chủ tịch nước"),
    ("Đại tá Lê Văn Bình, Chính ủy BĐBP tỉnh, ông Trần Văn An và bà Lê Thị Hoa dự lễ.", "Trần Văn An", "Chính ủy"),
    ("Theo lệnh của Tư lệnh Vùng 4 Hải quân, Đại tá Lê Văn Ba, Phó Tư lệnh, chỉ huy tàu.", "Lê Văn Ba", "Tư lệnh"),
    # two ranks: two people, each with what is written of them
    ("Đại tá Nguyễn Văn Tám và Thượng tá Hoàng Minh Đức, Chính ủy Lữ đoàn 170 dự lễ.", "Nguyễn Văn Tám", "Chính ủy"),
    # "A là Chính ủy": the copula after a name gives the name the role, not the next name
    ("Trung tá Đỗ Văn Hải là Đồn trưởng, Thiếu tá Lò Văn Tâm là Chính trị viên.", "Lò Văn Tâm", "Đồn trưởng"),
    # a side introduced in another sentence lends nothing
    ("Phía Quân khu 3 có Trung tướng Vũ Đình Khải. Phía bạn có Đại tá Lê Văn Ba, Chính ủy, phát biểu.", "Lê Văn Ba",
     "Quân khu 3"),
    # a title with its own body keeps it; a name after "của" with no title takes no body
    ("Sư đoàn 395 với Đại tá Lê Văn Sơn, Trung đoàn trưởng Trung đoàn 50, tham gia diễn tập.", "Lê Văn Sơn",
     "Sư đoàn 395"),
    ("Bằng khen của Bộ Công an cho Thiếu tá Lê Văn Hà được trao sáng nay.", "Lê Văn Hà", "Bộ Công an"),
    # a body no title of the kind is held in, or one named only after the title, is not the title's
    ("Đại tá Võ Văn Lộc, Phó Giám đốc, thăm Đồn Biên phòng Ia Lốp và Công an tỉnh Gia Lai.", "Võ Văn Lộc",
     "Công an tỉnh Gia Lai"),
    ("Đồn Biên phòng Ia Lốp đón đoàn. Đại tá Võ Văn Lộc, Phó Giám đốc, phát biểu.", "Võ Văn Lộc",
     "Đồn Biên phòng Ia Lốp"),
    # a deputy's body is not lent to the head of the same body written later (another title)
    ("Ông Lê Văn Bình được bầu làm Chủ tịch; ông Trần Văn Nam được bầu làm Phó Chủ tịch UBND tỉnh Lào Cai.",
     "Lê Văn Bình", "Ủy ban nhân dân tỉnh Lào Cai"),
    # a link behind the last name's own apposition is that name's, not the list's
    ("Tham gia chuyên án có Trung tá Lương Văn Tú, Đồn trưởng Đồn Biên phòng Nậm Cắn và Thượng tá Vi Văn Kha, người "
     "sau đợt sắp xếp vừa qua tiếp tục giữ chức Trưởng Công an xã Nậm Cắn.", "Lương Văn Tú", "Công an xã Nậm Cắn"),
    # a body after a title and a comma that opens the next clause is not the title's
    ("Sau khi ông Sầm Văn Tài giữ chức Bí thư, HĐND xã Lâm Bình sẽ họp bầu Chủ tịch UBND xã.", "Sầm Văn Tài",
     "Hội đồng nhân dân xã Lâm Bình"),
    # "cùng đội" with no team named before gives nothing
    ("Trung úy Hồ Văn Giang, cán bộ cùng đội, nhận Giấy khen của Công an tỉnh.", "Hồ Văn Giang", "Công an tỉnh"),
])
def test_relation_rules_do_not_overreach(process, text: str, name: str, unexpected: str) -> None:
    assert unexpected not in (records(process, text).get(name) or ()), records(process, text)


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Tàu CSB 4033 cứu ông Nguyễn Văn Hùng (SN 1978, trú tại phường Sầm Sơn, tỉnh Thanh Hóa), thuyền trưởng tàu cá.",
     None, {"Nguyễn Văn Hùng": (1978, "phường Sầm Sơn")}),
    ("Công an bắt Lầu Bá Chư (sinh năm 1986, trú tại xã Mỹ Lý) cùng 2 kg ma túy.", None,
     {"Lầu Bá Chư": (1986, "xã Mỹ Lý")}),
    ("Đối tượng L.V.Q. (17 tuổi, cùng trú tại xã Nậm Cắn) bị tạm giữ.", "2026-03-02", {"L.V.Q.": (2009, "xã Nậm Cắn")}),
    ("Ông Trần Văn Út, thuyền trưởng quê xã Sông Đốc, cho biết tàu bị chết máy.", None,
     {"Trần Văn Út": (None, "xã Sông Đốc")}),
    ("Hồ Văn Bảo, sinh ngày 12/5/1993, ngụ tại phường Hội Phú, đã ra đầu thú.", None,
     {"Hồ Văn Bảo": (1993, "phường Hội Phú")}),
    # the second person's birth year and home are theirs, not the first's
    ("Nguyễn Văn Dũng cùng Lê Hoàng Phúc (SN 2003, trú tại phường Hội Phú) bị bắt giữ.", None,
     {"Nguyễn Văn Dũng": (None, None), "Lê Hoàng Phúc": (2003, "phường Hội Phú")}),
    # a year that is not a birth, a place that is not a home
    ("Năm 2019, Thượng tá Vi Văn Kha công tác tại xã Nậm Cắn, năm 2020 về Công an tỉnh.", None,
     {"Vi Văn Kha": (None, None)}),
    ("Thiếu tá Lữ Văn Sáng, Trưởng Công an xã Mỹ Lý, nhận Bằng khen năm 2025.", None, {"Lữ Văn Sáng": (None, None)}),
])
def test_birth_year_and_residence_after_a_name(process, text: str, date: str | None,
                                               expected: dict[str, tuple[int | None, str | None]]) -> None:
    found = {p.name: (p.birth_year, p.residence) for p in process(text, date=date).people}
    assert {name: found.get(name) for name in expected} == expected


def test_promoted_person_takes_the_new_rank(process) -> None:
    got = records(process, "Thiếu tướng Lê Văn Bình trao quyết định thăng quân hàm từ Trung tá lên Thượng tá "
                           "cho đồng chí Trần Văn Dũng.")
    assert got["Trần Văn Dũng"][0] == "Thượng tá"
    assert got["Lê Văn Bình"][0] == "Thiếu tướng"


@pytest.mark.parametrize(("text", "expected"), [
    # each item's own promotion after its apposition; the first's is not the second's
    ("Trung tá Đỗ Thị Thu Hà, Phó Trưởng Phòng Chính trị, được thăng quân hàm Thượng tá; Thiếu tá Lê Đình Thuận, Hải "
     "đội trưởng Hải đội Biên phòng 2 được thăng quân hàm Trung tá.",
     {"Đỗ Thị Thu Hà": "Thượng tá", "Lê Đình Thuận": "Trung tá"}),
    # a list after the promotion verb, each item ending with ", lên" its new rank
    ("Hai cán bộ được thăng quân hàm: Thượng tá Trần Đức Lợi, Hải đoàn trưởng, lên Đại tá; Trung tá Đặng Văn Lực, "
     "Thuyền trưởng, được thăng quân hàm trước niên hạn lên Thượng tá.",
     {"Trần Đức Lợi": "Đại tá", "Đặng Văn Lực": "Thượng tá"}),
    # bad: a rank after "lên" with no apposition before it is no item's promotion ("lên Hà Nội" is a trip)
    ("Thượng tá Trần Đức Lợi lên Hà Nội dự hội nghị.", {"Trần Đức Lợi": "Thượng tá"}),
])
def test_each_list_item_takes_its_own_promotion(process, text: str, expected: dict[str, str]) -> None:
    got = records(process, text)
    assert {name: got[name][0] for name in expected} == expected


def test_one_initial_is_the_person_of_the_initials_it_ends(process) -> None:
    people = process("Công an bắt N.T.H. (SN 1996). H. khai nhận được thuê 10 triệu đồng mỗi chuyến.").people
    assert [(p.name, len(p.mention_ids)) for p in people] == [("N.T.H.", 2)]


def test_central_highlands_names_open_with_their_given_name(process) -> None:
    """Ê Đê names: ``Y``/``H'`` + given name + surname; the given name alone later is the same person; Xơ Đăng and
    Ba Na men's names open with ``A``."""
    people = process("Bà H'Liên Niê, Giám đốc Sở Nội vụ đọc quyết định. Thượng tá Y Blim Êban, Trưởng Phòng Cảnh sát "
                     "hình sự phát biểu. Đồng chí Y Blim nguyên là Phó Trưởng phòng. Tổ tuần tra do Thượng tá A "
                     "Thiên, Đồn trưởng chỉ huy.").people
    assert {p.name: len(p.mention_ids) for p in people} == {"H'Liên Niê": 1, "Y Blim Êban": 2, "A Thiên": 1}


def test_the_one_replaced_held_the_post(process) -> None:
    result = process("Đại tá Phạm Hồng Lĩnh được bổ nhiệm giữ chức Giám đốc Công an tỉnh Hà Tĩnh, thay Thiếu tướng Đào "
                     "Xuân Khánh được điều động giữ chức Phó Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy.")
    people = {p.name: p for p in result.people}
    replaced = people["Đào Xuân Khánh"]
    assert [(r.position, r.organization, r.former, r.source) for r in replaced.roles if r.position] == [
        ("Giám đốc", "Công an tỉnh Hà Tĩnh", True, "records.replaced"),
        ("Phó Cục trưởng", "Cục Cảnh sát điều tra tội phạm về ma túy", False, "records.link")]
    assert (people["Phạm Hồng Lĩnh"].position, people["Phạm Hồng Lĩnh"].organization) == ("Giám đốc",
                                                                                       "Công an tỉnh Hà Tĩnh")


def test_the_one_replaced_held_the_post_of_the_one_replacing_in_its_clause(process) -> None:
    result = process("Đại tá Vũ Đình Khiêm, Tham mưu trưởng Bộ CHQS tỉnh Điện Biên và Đại tá Lường Văn Chính, Phó Chỉ "
                     "huy trưởng Bộ CHQS tỉnh Sơn La lần lượt giữ chức Chỉ huy trưởng Bộ CHQS các tỉnh Điện Biên, Lai "
                     "Châu. Đồng chí Khiêm thay Đại tá Lường Văn Chiến nghỉ hưu; đồng chí Chính thay Đại tá Tạ Quang "
                     "Huy, được điều động làm Phó Chủ nhiệm Chính trị Quân khu 2.")
    chien = next(p for p in result.people if p.name == "Lường Văn Chiến")
    assert [(r.position, r.organization, r.former) for r in chien.roles if r.position] == [
        ("Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Điện Biên", True)]


def test_roles_keep_every_role_in_order(process) -> None:
    result = process("Thiếu tướng Lê Văn Sáu, nguyên Tư lệnh Quân khu 4, nay là Phó Tổng Tham mưu trưởng, dự lễ.")
    (person,) = result.people
    assert [(r.position, r.organization, r.former) for r in person.roles] == [
        ("Tư lệnh", "Quân khu 4", True), ("Phó Tổng Tham mưu trưởng", None, False)]
    assert all(r.rank == "Thiếu tướng" and r.source == "records.apposition" for r in person.roles)
    ids = {m.mention_id: m.text for m in result.mentions}
    assert [ids[i] for i in person.roles[0].mention_ids] == ["Tư lệnh", "Quân khu 4"]


@pytest.mark.parametrize(("text", "names"), [
    ("Bệnh nhân N.T.H. (SN 1985) được cách ly.", ["N.T.H."]),
    ("Đối tượng Đ.V.T (SN 1990) bị bắt cùng ông D. và Nguyễn Văn T. (SN 1979).", ["Đ.V.T", "D.", "Nguyễn Văn T."]),
    # initials opening a sentence, after the stop of the one before
    ("Các ngư dân được đưa về cảng. L.V.C. được chuyển đến bệnh viện. K.T.N. (SN 1999) và P.Q.H. bị bắt.",
     ["L.V.C.", "K.T.N.", "P.Q.H."]),
    # a given name's two-letter consonant written whole as the last initial; a degree is no name
    ("Công an bắt N.V.Tr. (SN 1990), L.V.Th. và bệnh nhân T.Q.Kh, 45 tuổi.", ["N.V.Tr.", "L.V.Th.", "T.Q.Kh"]),
    ("Ông Lê Văn An, Ph.D., giảng viên, phát biểu.", ["Lê Văn An"]),
    # details that give another country vouch for a foreign name without a Vietnamese surname; ours does not
    ("Lực lượng bắt L.V.N. (SN 1992) và Bun Lọt (SN 1989, quốc tịch Lào). Vụ án do Xổm Phết Vi La Vông (SN 1986, quốc "
     "tịch Lào) cầm đầu. Hằng mua ma túy của Chhay Vanna, quốc tịch Campuchia, tại Bavet. Ban Quản lý (quốc tịch Việt "
     "Nam) họp.", ["L.V.N.", "Bun Lọt", "Xổm Phết Vi La Vông", "Chhay Vanna"]),
    # ... a nationality written as its people ("người Lào"), or after the parenthesis of the birth year; a place before
    # "người dân" is no name
    ("Đối tượng thứ tư là Bun Thăm Keo Ma Ni, người Lào, chịu trách nhiệm dẫn đường. Chúng giao nạn nhân cho Bua Khăm "
     "Sổm Xắc (SN 1990), quốc tịch Lào. Tại Mường Lát, người dân đón đoàn.", ["Bun Thăm Keo Ma Ni", "Bua Khăm Sổm Xắc"]),
    # a nationality after a name, as a birth year; a village's prestige person; Mông and Jrai surnames
    ("Quý đã cấu kết với Hoàng Triết (quốc tịch Trung Quốc) gom hàng; liên hệ với Dư Kiến Hoa (SN 1979, quốc tịch "
     "Trung Quốc).", ["Hoàng Triết", "Dư Kiến Hoa"]),
    ("Cử tri Và Bá Dế kiến nghị. Đồn đã cùng người có uy tín Y Kuăl Êban vận động; già làng Rơ Mah Thuý dự.",
     ["Và Bá Dế", "Y Kuăl Êban", "Rơ Mah Thuý"]),
    # a capitalised honorific before a surname opens no name (Ông is a surname too: Ông Thị Hoa)
    ("Sóng lớn làm ngư dân bị thương. Ông Vũ Văn Lịch (SN 1979), máy trưởng, cố khắc phục. Bà Ông Thị Hoa (SN 1980) "
     "cho biết.", ["Vũ Văn Lịch", "Ông Thị Hoa"]),
    # an award whose first word is a given name of the story is the award's
    ("Đại úy Nguyễn Văn Bằng được khen. Tư lệnh tặng Bằng khen cho đơn vị. Bằng cho biết.",
     ["Nguyễn Văn Bằng", "Bằng"]),
    ("Một thanh niên tên Giàng A Lử bị bắt.", ["Giàng A Lử"]),
    # a given name the segmenter glued to the verb after it (no word of its dictionary); a word of it is no name
    ("Cầm đầu là Lê Quốc Bảo (SN 1988). Bảo lập 3 cửa hàng cầm đồ.", ["Lê Quốc Bảo", "Bảo"]),
    ("Ông Nguyễn Văn Bảo dự. Bảo đảm an ninh là nhiệm vụ hàng đầu.", ["Nguyễn Văn Bảo"]),
    ("Ông Lê Văn Khánh dự lễ. Khánh thành cầu mới.", ["Lê Văn Khánh"]),
    ("Thiếu tá Lê Văn An lên Trung tá và Moong Văn Khánh, từ Thiếu tá lên Trung tá.", ["Lê Văn An", "Moong Văn Khánh"]),
    ("Đại úy Nguyễn Văn Toàn bắt quả tang. Toàn cho biết đối tượng chống trả.", ["Nguyễn Văn Toàn", "Toàn"]),
    ("Anh Khởi là ngư dân xã Lý Sơn. Chị Lan cho biết.", ["Khởi", "Lan"]),
    # kin opening a sentence before the given name ("Vợ Tài là …"); a capitalised word of a name is no kin
    ("Cầm đầu là Lê Văn Tài (SN 1980). Vợ Tài là Nguyễn Thị Diệu Linh (SN 1986).",
     ["Lê Văn Tài", "Tài", "Nguyễn Thị Diệu Linh"]),
    ("Ông Nguyễn Văn Tài dự. Bộ đội Tài giỏi.", ["Nguyễn Văn Tài"]),
    ("Đoàn do ông Sổm Phết Xay Nha Vông dẫn đầu.", ["Sổm Phết Xay Nha Vông"]),
    # a name before a birth year, in a police report; a Central Highlands name with an apostrophe is whole
    ("Cầm đầu ổ nhóm là Lương Minh Tài (SN 1988, trú tại phường Quy Nhơn Nam); đàn em là Hồ Văn Bảo, sinh năm 1993.",
     ["Lương Minh Tài", "Hồ Văn Bảo"]),
    ("Một phụ nữ có tên Ksor H'Mai (sinh năm 2000) được trả 3 triệu đồng.", ["Ksor H'Mai"]),
    ("Đường dây do Phan Đức Long (39 tuổi, trú tại phường Đồng Hới) cầm đầu; đồng phạm là Lê Hoàng Phúc, 23 tuổi.",
     ["Phan Đức Long", "Lê Hoàng Phúc"]),
    # a given name after a rank or an honorific, even one that is a country's name (Đức: Germany)
    ("Đại tá Trần Minh Đức chỉ đạo. Thiếu tướng giao Đại tá Đức trực tiếp chỉ huy. Đồng chí Đức sinh năm 1975. "
     "Đoàn sang thăm Đức.", ["Trần Minh Đức", "Đức", "Đức"]),
    ("Cử tri bầu các đại biểu Lầu Y Xò và Hà Văn Dũng.", ["Lầu Y Xò", "Hà Văn Dũng"]),
    ("Tổ công tác bắt Sồng A Chá (SN 1988, trú xã Chiềng Khương).", ["Sồng A Chá"]),
    # one initial again after a name in initials ending with it; not a city's abbreviation
    ("Tổ công tác bắt N.T.H. (SN 1996) và Đ.Q.K. (SN 2001). Các mũi khác bắt H., K. và 4 đối tượng. Sau đó TP. Hà "
     "Nội có mưa.", ["N.T.H.", "Đ.Q.K.", "H.", "K."]),
    # a cue that vouches for a foreign name lets it run past four syllables, also from a Vietnamese surname
    ("Về phía tỉnh Bolikhamxay còn có ông Vi Lay Vông Phăn Khăm Ma, Phó Tỉnh trưởng.", ["Vi Lay Vông Phăn Khăm Ma"]),
    # a title only foreign officials hold vouches for a foreign name
    ("Đoàn tỉnh Takeo do Tỉnh trưởng Kong Sovannara dẫn đầu.", ["Kong Sovannara"]),
    # a place name inside a full name is the name's (Mỹ, Thái Bình), not a place
    ("Phó Chủ tịch UBND tỉnh Cà Mau Thái Thị Mỹ Nhung và bà Nguyễn Thái Bình ra đón.",
     ["Thái Thị Mỹ Nhung", "Nguyễn Thái Bình"]),
])
def test_names_without_a_vietnamese_cue(process, text: str, names: list[str]) -> None:
    assert person_names(process, text) == names


@pytest.mark.parametrize("text", [
    "Lực lượng Hải quân phối hợp với Trung tá Nguyễn Văn Hải tuần tra; tàu Hải quân đã về cảng.",
    "Phẩm chất Bộ đội Cụ Hồ được phát huy.",
    "Đoàn công tác đến Vương quốc Anh. Tên lửa được phóng thử.",
    "Văn bản số 12/TB-UBND ngày 3.2 của TP. HCM.",
    # a birth year after an organization's name makes no person of it
    "Công an tỉnh Gia Lai (SN 1988) và Ban Chỉ huy Quân sự (SN 1990) đều tham gia.",
])
def test_no_false_names(process, text: str) -> None:
    assert person_names(process, text) in ([], ["Nguyễn Văn Hải"])


@pytest.mark.parametrize("text", [
    "Đại tá Nguyễn Văn An (SN 1970, và Trần Văn Bình",  # a parenthesis never closed
    "Các ông Lê Văn An, ( Trần Văn Bình và bà Hà Thị Chi lần lượt được bầu làm",
    "Thượng tá Lê Văn Nam được thăng quân hàm lên",
])
def test_unfinished_text_ends(process, text: str) -> None:
    assert process(text).people


def test_an_awards_name_is_no_given_name(process) -> None:
    # "Chiến" of "Huân chương Chiến công" is the award's, though the document names a Sầm Văn Chiến
    text = ("Bộ Tư lệnh đón nhận Huân chương Chiến công hạng Nhất. Thượng tá Sầm Văn Chiến, Trưởng phòng Phòng Tham "
            "mưu, báo cáo. Chiến cho biết đơn vị đã hoàn thành.")
    assert [m.start for m in process(text).mentions if m.type == "PERSON" and m.text == "Chiến"] == [text.rindex("Chiến")]


def test_honorific_before_a_name_is_not_a_country(process) -> None:
    types = [(m.type, m.text) for m in process("Anh Khởi là ngư dân. Đoàn công tác sang Anh.").mentions]
    assert types == [("PERSON", "Khởi"), ("PLACE", "Anh")]


@pytest.mark.parametrize(("text", "places"), [
    # a sentence's subject pronoun, also after an opening quote
    ("Trung tá Cao Văn Lĩnh được thăng quân hàm. Anh là Chỉ huy trưởng Ban CHQS xã Cát Hải.", ["xã Cát Hải"]),
    ('Đồn trưởng Lê Văn Hà dẫn chúng tôi ra chốt. "Anh em phải bám bản cả ngày", anh nói.', []),
    # bad: the country after a verb or in the middle of a sentence stays a place
    ("Đại sứ Anh thăm Hải Phòng. Đoàn công tác sang Anh làm việc.", ["Anh", "Hải Phòng", "Anh"]),
])
def test_a_pronoun_opening_a_sentence_is_not_a_country(process, text: str, places: list[str]) -> None:
    assert sorted(m.text for m in process(text).mentions if m.type == "PLACE") == sorted(places)


def test_relation_lexicon_errors_name_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "relations.yaml"
    bad.write_text("links: [là]\nformer: nguyên\nrespectively: [lần lượt]\npromotions: [lên]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"relations.yaml: 'former' must be a list of strings"):
        RelationLexicon.load(bad)
    bad.write_text("links: [là]\nformer: []\nrespectively: []\npromotions: []\nmax_link_words: 0\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="max_link_words"):
        RelationLexicon.load(bad)


def people_rows(output: str) -> dict[str, list[str]]:
    """The rows of the people table that ``vnextract show`` prints, by name: the cells between box lines."""
    table = output[output.index("people ("):]
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) == 8 and cells[0].startswith("p"):
            rows[cells[1]] = cells[2:5] + cells[6:7]
    return rows


def test_show_prints_the_records_of_each_pattern() -> None:
    """``vnextract show`` on a text with every pattern, as a user runs it: the people table has each record right."""
    text = " ".join([LIST_WITH_ROLES, RESPECTIVELY, RESPECTIVELY_ORGS_FIRST,
                     "Thượng tá Lò Văn Pấng tiếp tục giữ chức Trưởng Công an xã Mường Nhé.",
                     "Phó Chủ tịch Hội Nông dân tỉnh Quảng Trị Lê Văn Sơn phát biểu.",
                     "Đại sứ Nhật Bản tại Việt Nam Ito Naoki chúc mừng.",
                     "Đại tá Nguyễn Văn Hùng và Trần Đình Khang dự họp.",
                     "Đối tượng Đ.V.T (SN 1990, trú tại xã Mỹ Lý) bị bắt."])
    result = CliRunner().invoke(main, ["show", text], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    people = people_rows(result.output)
    assert people["Lê Quang Bình"] == ["Đại tá", "Chính ủy", "Lữ đoàn 168", ""]
    assert people["Vi Văn Kiên"] == ["Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Tuyên Quang", ""]
    assert people["Trần Ngọc Sơn"] == ["Đại tá", "Giám đốc", "Công an tỉnh Nghệ An", ""]
    assert people["Lò Văn Pấng"] == ["Thượng tá", "Trưởng", "Công an xã Mường Nhé", ""]
    assert people["Lê Văn Sơn"] == ["", "Phó Chủ tịch", "Hội Nông dân tỉnh Quảng Trị", ""]
    assert people["Ito Naoki"] == ["", "Đại sứ", "", ""]
    assert people["Trần Đình Khang"] == ["Đại tá", "", "", ""]
    assert people["Đ.V.T"] == ["", "", "", "SN 1990, xã Mỹ Lý"]


@pytest.mark.parametrize(("text", "name", "record"), [
    ("Dự có Tổng Lãnh sự Campuchia tại Thành phố Hồ Chí Minh Nhem Sophy.", "Nhem Sophy", (None, "Tổng Lãnh sự", None)),
    ("Thủy thủ người Philippines Jomar Villanueva chia sẻ.", "Jomar Villanueva", (None, None, None)),
    ("Hai sĩ quan trẻ là Vương Đình Phúc, Tiểu đoàn trưởng Tiểu đoàn 14 và Lục Văn Dũng, Chính trị viên Tiểu đoàn 3 "
     "được nâng quân hàm trước niên hạn từ Thiếu tá lên Trung tá.", "Vương Đình Phúc",
     ("Trung tá", "Tiểu đoàn trưởng", "Tiểu đoàn 14")),
    ("Tư lệnh Vùng Cảnh sát biển 1 Đại tá Phạm Đức Thắng điều tàu ứng cứu.", "Phạm Đức Thắng",
     ("Đại tá", "Tư lệnh", "Vùng Cảnh sát biển 1")),
    ("Báo cáo tại hội đàm, Đại tá, TS Nông Văn Hòa, Chính ủy Lữ đoàn 168 cho biết.", "Nông Văn Hòa",
     ("Đại tá", "Chính ủy", "Lữ đoàn 168")),
    ("Thượng tá (nay là Đại tá) Hoàng Minh Phương nhận Bằng khen.", "Hoàng Minh Phương", ("Đại tá", None, None)),
    # the former post stays former; the new title without its body is held in the command named before it
    ("Trước đó, đồng chí Lê Quang Thuận là Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Ninh. "
     "Nay đồng chí Lê Quang Thuận được bổ nhiệm giữ chức Chỉ huy trưởng.", "Lê Quang Thuận",
     (None, "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh")),
    ("Ông Hồ Sỹ Nam và bà Phan Thị Diệu Linh được bầu giữ chức Phó Chủ tịch Hội đồng nhân dân tỉnh Nghệ An.",
     "Hồ Sỹ Nam", (None, "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Nghệ An")),
    ("Đại úy Mạy Xổm Phu Vông, cán bộ Phòng Quản lý xuất nhập cảnh Công an tỉnh Xiêng Khoảng, dự lễ.",
     "Mạy Xổm Phu Vông", ("Đại úy", None, "Phòng Quản lý xuất nhập cảnh Công an tỉnh Xiêng Khoảng")),
    ("Trung tá Lăng Văn Tuyến và Thiếu tá Chu Thị Hồng Nhung lần lượt giữ chức Đồn trưởng hai đồn biên phòng "
     "Hữu Nghị và Tân Thanh.", "Chu Thị Hồng Nhung", ("Thiếu tá", "Đồn trưởng", "Đồn biên phòng Tân Thanh")),
    ("Tham gia có Thượng tá Vi Văn Kha, người sau đợt sắp xếp vừa qua tiếp tục giữ chức Trưởng Công an xã Nậm Cắn.",
     "Vi Văn Kha", ("Thượng tá", "Trưởng", "Công an xã Nậm Cắn")),
    ("Tin báo từ ông Nguyễn Văn Hùng (SN 1978, trú tại phường Sầm Sơn, tỉnh Thanh Hóa), thuyền trưởng tàu cá.",
     "Nguyễn Văn Hùng", (None, "Thuyền trưởng", None)),
    # a title that opens its phrase, then a comma, then the ranked name: the title is the name's
    ("Chính ủy Bộ đội Biên phòng tỉnh Quảng Trị, Đại tá Lê Văn Hòa cho biết đơn vị đã sẵn sàng.", "Lê Văn Hòa",
     ("Đại tá", "Chính ủy", "Bộ đội Biên phòng tỉnh Quảng Trị")),
    # a description between commas that gives the role is the link
    ("Ngay trong đêm, Đại tá Phạm Đức Thắng, người vừa được bổ nhiệm giữ chức Tư lệnh Vùng Cảnh sát biển 1 từ tháng "
     "10/2025, chỉ đạo tàu CSB 4033 cơ động ứng cứu.", "Phạm Đức Thắng", ("Đại tá", "Tư lệnh", "Vùng Cảnh sát biển 1")),
    # the role after "nguyên là", then the one given after it
    ("Đại tá Phạm Hồng Lĩnh nguyên là Phó Giám đốc Công an tỉnh Nghệ An, được bổ nhiệm giữ chức Giám đốc Công an "
     "tỉnh Hà Tĩnh từ ngày 1/6.", "Phạm Hồng Lĩnh", ("Đại tá", "Giám đốc", "Công an tỉnh Hà Tĩnh")),
    # "đồng chí" with no name after it stands for the person named last in the sentence
    ("Thủ tướng thăng quân hàm từ Đại tá lên Thiếu tướng đối với đồng chí Lê Quang Thuận, Chỉ huy trưởng Bộ CHQS "
     "tỉnh Quảng Ninh và Bộ trưởng bổ nhiệm đồng chí giữ chức Phó Tư lệnh Quân khu 3.", "Lê Quang Thuận",
     ("Thiếu tướng", "Phó Tư lệnh", "Quân khu 3")),
    # promotions of several steps in one sentence: each name takes the one nearest before it
    ("Tư lệnh trao quyết định thăng quân hàm từ Trung tá lên Thượng tá cho Trần Minh Đức, Đồn trưởng Đồn Biên phòng "
     "Cầu Treo; từ Thiếu tá lên Trung tá cho Lò Văn Hặc, Đồn trưởng Đồn Biên phòng Na Mèo.", "Lò Văn Hặc",
     ("Trung tá", "Đồn trưởng", "Đồn Biên phòng Na Mèo")),
    # "từng giữ chức": every role of the chain is former; the role held now stays final
    ("Nhận lệnh của Đại tá Lê Quốc Thống, Tư lệnh Vùng Cảnh sát biển 2, tàu rời cảng. Đồng chí Thống từng giữ chức "
     "Phó Tư lệnh, Tham mưu trưởng Vùng Cảnh sát biển 4.", "Lê Quốc Thống",
     ("Đại tá", "Tư lệnh", "Vùng Cảnh sát biển 2")),
    # a rank in the gap of a link, an age, a parenthesis after the chain, the one replaced
    ("Đại tá Hoàng Văn Kiên, Chỉ huy trưởng BĐBP tỉnh Lạng Sơn được thăng quân hàm từ Đại tá lên Thiếu tướng và được "
     "bổ nhiệm giữ chức Phó Tư lệnh BĐBP.", "Hoàng Văn Kiên", ("Thiếu tướng", "Phó Tư lệnh", "Bộ đội Biên phòng")),
    ("Đại biểu trẻ nhất là chị Lê Thị Na, 29 tuổi, Phó Chủ tịch UBND xã Sơn Kim 2.", "Lê Thị Na",
     (None, "Phó Chủ tịch", "Ủy ban nhân dân xã Sơn Kim 2")),
    ("Đại tá Nguyễn Thanh Hào, nguyên Chính ủy BĐBP tỉnh Kiên Giang (cũ), nhận quyết định giữ chức Chỉ huy trưởng "
     "BĐBP tỉnh An Giang.", "Nguyễn Thanh Hào", ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh An Giang")),
    ("Thượng tá Bùi Đức Long, Trưởng Phòng Tham mưu thay đồng chí Đinh Công Tráng giữ chức Phó Chỉ huy trưởng.",
     "Bùi Đức Long", ("Thượng tá", "Phó Chỉ huy trưởng", None)),
    # the one replaced held the post before: a former role in his roles, not what he holds now
    ("Thay đồng chí Vi Văn Kha, Thiếu tá Lô Thanh Bình được bổ nhiệm làm Trưởng Công an xã Nậm Cắn.", "Vi Văn Kha",
     (None, None, None)),
    # the body a person is sent to, then the post; "sở này"; "từng" before the link; a member "của" a body
    ("Bà Lê Thị Na, Phó Chủ tịch UBND xã Sơn Kim 2 được điều động về Sở Dân tộc và Tôn giáo, bổ nhiệm giữ chức Phó "
     "Giám đốc.", "Lê Thị Na", (None, "Phó Giám đốc", "Sở Dân tộc và Tôn giáo")),
    ("Bà Nguyễn Thị Lan, Phó Giám đốc Sở Giáo dục và Đào tạo được bổ nhiệm giữ chức Giám đốc sở này. Bà Lan từng có "
     "8 năm làm Hiệu trưởng Trường THPT Phan Đình Phùng.", "Nguyễn Thị Lan",
     (None, "Giám đốc", "Sở Giáo dục và Đào tạo")),
    ("Đại úy Ksor Nhật, trinh sát của Công an tỉnh Gia Lai đi cùng tổ tuần tra.", "Ksor Nhật",
     ("Đại úy", None, "Công an tỉnh Gia Lai")),
    ("Làm phiên dịch là Thượng úy Triệu Thị Nga, cán bộ Đội Vận động quần chúng của Đồn Biên phòng Na Mèo.",
     "Triệu Thị Nga", ("Thượng úy", None, "Đội Vận động quần chúng Đồn Biên phòng Na Mèo")),
    ("Đại úy Trần Quốc Việt, cán bộ Phòng Cảnh sát kinh tế Công an tỉnh, người phát hiện dòng tiền bất thường qua 9 "
     "tài khoản ngân hàng của đường dây, vừa được điều động giữ chức Phó Trưởng Công an xã Sơn Kim 1.",
     "Trần Quốc Việt", ("Đại úy", "Phó Trưởng", "Công an xã Sơn Kim 1")),
    # a sub-unit or a title "của đồn", "của chi đội": the last body of that word named before
    ("Tổ công tác của Đồn Biên phòng Na Mèo và Đại đội 301 (Bộ CHQS tỉnh Hủa Phăn) bắt đối tượng. Đại úy Ngân Văn "
     "Tú, Đội trưởng Đội Trinh sát của đồn cho biết.", "Ngân Văn Tú",
     ("Đại úy", "Đội trưởng", "Đội Trinh sát Đồn Biên phòng Na Mèo")),
    ("Phía bạn có Đại tá Tạ Vĩnh Niên, Chi đội trưởng Chi đội Quản lý biên giới Phòng Thành Cảng; Thượng tá Hầu Chí "
     "Cương, Chính ủy của chi đội.", "Hầu Chí Cương",
     ("Thượng tá", "Chính ủy", "Chi đội Quản lý biên giới Phòng Thành Cảng")),
    # a sentence that opens with the body it is about
    ("Tại Bộ CHQS tỉnh Quảng Ninh, Đại tá QĐND Hoàng Trung Kiên, Phó Chỉ huy trưởng, Tham mưu trưởng được bổ nhiệm "
     "giữ chức Chỉ huy trưởng.", "Hoàng Trung Kiên", ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Quảng Ninh")),
    # "lần lượt": the list of roles ends at ";", a body in parentheses is the one before's parent
    ("Bà Hoàng Thị Thu Hiền và ông Bùi Quang Huy lần lượt được bầu làm Phó Bí thư Thường trực và Phó Bí thư Tỉnh ủy "
     "Hà Tĩnh; ông Huy tiếp tục giữ chức Chủ tịch UBND tỉnh.", "Hoàng Thị Thu Hiền",
     (None, "Phó Bí thư Thường trực", "Tỉnh ủy Hà Tĩnh")),
    ("Hai đơn vị Trung đoàn 50 (Sư đoàn 395) và Lữ đoàn 229 lần lượt do Thượng tá Phạm Văn Toàn và Đại tá Đỗ Mạnh Hà "
     "giữ chức Chính ủy.", "Phạm Văn Toàn", ("Thượng tá", "Chính ủy", "Trung đoàn 50")),
    # the owner written after a sub-unit wins over the document's province
    ("Công an tỉnh Nghệ An tặng quà. Thiếu tá Khăm Xẻng Phôm Ma Vông, Phó Trưởng Phòng Cảnh sát điều tra tội phạm về "
     "ma túy, Công an tỉnh Xiêng Khoảng nhận Bằng khen.", "Khăm Xẻng Phôm Ma Vông",
     ("Thiếu tá", "Phó Trưởng", "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Xiêng Khoảng")),
    # a Chinese border station; a post held "nhiều năm" is a former one
    ("Phía bạn có Trạm trưởng Trạm Kiểm tra xuất nhập cảnh Đông Hưng Mạc Quốc Đống.", "Mạc Quốc Đống",
     (None, "Trạm trưởng", "Trạm Kiểm tra xuất nhập cảnh Đông Hưng")),
    ("Tàu rời cảng dưới sự chỉ huy của Trung tá Vũ Quang Hiệp, Phó Lữ đoàn trưởng Lữ đoàn 170. Đồng chí Hiệp nhiều "
     "năm là Hạm trưởng con tàu này.", "Vũ Quang Hiệp", ("Trung tá", "Phó Lữ đoàn trưởng", "Lữ đoàn 170")),
    ("Tàu cá QN 90567 TS do ông Trần Văn Nam (SN 1969, trú tại đặc khu Vân Đồn) làm thuyền trưởng bị chìm.",
     "Trần Văn Nam", (None, "Thuyền trưởng", None)),
    # a deputy's title takes the body of the title it serves, given earlier in the sentence; the chain shares it
    ("Đại tá Đinh Công Tráng, Chỉ huy trưởng Bộ CHQS thành phố Hải Phòng hạ quyết tâm; Đại tá Bùi Đức Long, Phó Chỉ "
     "huy trưởng, Tham mưu trưởng báo cáo phương án.", "Bùi Đức Long",
     ("Đại tá", "Tham mưu trưởng", "Bộ Chỉ huy Quân sự thành phố Hải Phòng")),
    # one rank for a pair, then one role in apposition: both hold it
    ("Dự có Thiếu tướng Đặng Văn Khoa và Trần Ngọc Hiếu, Phó Tư lệnh BĐBP.", "Đặng Văn Khoa",
     ("Thiếu tướng", "Phó Tư lệnh", "Bộ đội Biên phòng")),
    # a Chinese city's government and its mayor
    ("Phía bạn có ông Dương Chí Cường, Phó Thị trưởng Chính phủ Nhân dân thành phố Sùng Tả.", "Dương Chí Cường",
     (None, "Phó Thị trưởng", "Chính phủ Nhân dân thành phố Sùng Tả")),
    # a vessel's commander belongs to the unit the document says the vessel is of
    ("Hôm qua, tàu HQ-561 thuộc Lữ đoàn 170 đã cứu 18 thuyền viên. Tàu HQ-561 do Trung tá Vũ Quang Hiệp làm "
     "Hạm trưởng rời quân cảng.", "Vũ Quang Hiệp", ("Trung tá", "Hạm trưởng", "Lữ đoàn 170")),
    ("Thượng úy Cao Minh Triết, Thuyền phó tàu CSB 9004 (Vùng Cảnh sát biển 4) cho biết.", "Cao Minh Triết",
     ("Thượng úy", "Thuyền phó", "Vùng Cảnh sát biển 4")),
    ("Trung tá Đỗ Hữu Nghĩa, Thuyền trưởng tàu CSB 4033 cho biết.", "Đỗ Hữu Nghĩa",
     ("Trung tá", "Thuyền trưởng", None)),  # whose vessel it is, the text does not say
    # a lower-case role a verb gives to the name before it
    ("Tàu cá TH 91288 TS do ông Nguyễn Văn Hùng làm thuyền trưởng bị chìm.", "Nguyễn Văn Hùng",
     (None, "Thuyền trưởng", None)),
    # the body of a title before the next title is that title's body's ("Bí thư Đảng ủy, Chính ủy Quân khu")
    ("Hội nghị của Quân khu 5. Trung tướng Võ Văn Tấn, Bí thư Đảng ủy, Chính ủy Quân khu phát biểu.", "Võ Văn Tấn",
     ("Trung tướng", "Chính ủy", "Quân khu 5")),
    # a passive link with its agent between ("được Ban Thường vụ Tỉnh ủy điều động giữ chức")
    ("Kỳ họp miễn nhiệm ông Trần Hòa Nam do ông được Ban Thường vụ Tỉnh ủy điều động giữ chức Phó Trưởng Ban Tổ "
     "chức Tỉnh ủy.", "Trần Hòa Nam", (None, "Phó Trưởng", "Ban Tổ chức Tỉnh ủy")),
    ("Đại tá Lê Văn Ba được Bộ trưởng Bộ Quốc phòng bổ nhiệm giữ chức Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh.",
     "Lê Văn Ba", ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh")),
    # a description between commas, and a title the sentence gave earlier with its body
    ("Ông Đỗ Mạnh Dũng tái đắc cử Phó Chủ tịch HĐND tỉnh Khánh Hòa; bà Mấu Thị Hồng, người dân tộc Raglai, được bầu "
     "bổ sung chức danh Phó Chủ tịch.", "Mấu Thị Hồng", (None, "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Khánh Hòa")),
    # a link after the name's membership of a body ("của …, vừa được bổ nhiệm …")
    ("Đại diện học viên nước bạn, Thiếu tá Khăm Sỉ Đa La của Công an tỉnh Xiêng Khoảng, vừa được bổ nhiệm Trưởng phòng "
     "Phòng Cảnh sát điều tra tội phạm về ma túy, phát biểu.", "Khăm Sỉ Đa La",
     ("Thiếu tá", "Trưởng phòng", "Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Xiêng Khoảng")),
    # ... and not a description after it
    ("Trung úy Lê Văn An của Đồn Biên phòng Na Mèo, người dân tộc Thái, dự lễ.", "Lê Văn An",
     ("Trung úy", None, "Đồn Biên phòng Na Mèo")),
    # a count of people appointed to a title of a body its lower-case kind names, then the list of them
    ("Bộ Y tế bổ nhiệm Giám đốc Bệnh viện Đa khoa Trung ương Cần Thơ. Cùng dịp, hai cán bộ được bổ nhiệm Phó Giám đốc "
     "bệnh viện, gồm: ông Lâm Quốc Bửu, Trưởng phòng Phòng Kế hoạch tổng hợp; bà Dương Ngọc Hân, Trưởng khoa Khoa Nhi.",
     "Dương Ngọc Hân", (None, "Phó Giám đốc", "Bệnh viện Đa khoa Trung ương Cần Thơ")),
    # a telecoms branch has a director
    ("Sở Y tế tỉnh Lào Cai họp. Viettel Lào Cai duy trì 5 trạm phát sóng; Giám đốc Phạm Đức Hiếu cho biết sóng ổn định.",
     "Phạm Đức Hiếu", (None, "Giám đốc", "Viettel Lào Cai")),
    # a title, its bare body referring back and the holder's rank and name
    ("Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh huy động lực lượng. Người kế nhiệm ông, Chỉ huy trưởng Bộ Chỉ huy Đại tá Nguyễn "
     "Hữu Thịnh, chia lực lượng thành ba mũi.", "Nguyễn Hữu Thịnh",
     ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh")),
    # the title, its unit by its lower-case kind, then "là" and the name
    ("Ban Chỉ huy Quân sự xã Kbang có 12 người. Chỉ huy trưởng ban là Thiếu tá Đinh Văn Tơng.", "Đinh Văn Tơng",
     ("Thiếu tá", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự xã Kbang")),
    # the title, then "là", then the name
    ("Đồn Biên phòng Sông Đốc thăm hỏi gia đình. Đồn trưởng là Thiếu tá Thạch Sa Rênh, người Khmer.", "Thạch Sa Rênh",
     ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Sông Đốc")),
    # a deputy post given in the passive after a list of names with posts of their own is every item's
    ("Bà Nông Thị Hảo, Giám đốc Sở Nội vụ và ông Hoàng Văn Thắng, Giám đốc Sở Tài chính được bầu giữ chức Phó Chủ tịch "
     "UBND tỉnh Lâm Đồng.", "Nông Thị Hảo", (None, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Lâm Đồng")),
    # "trong thời gian giữ cương vị": the post held before, not the final one
    ("Đại tá Nguyễn Đình Toàn, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Nghệ An được bổ nhiệm giữ chức Phó Tham mưu "
     "trưởng Quân khu 4. Ông Thái Bá Hòa ghi nhận đóng góp của Đại tá Nguyễn Đình Toàn trong thời gian giữ cương vị Chỉ"
     " huy trưởng.", "Nguyễn Đình Toàn", ("Đại tá", "Phó Tham mưu trưởng", "Quân khu 4")),
    # a unit written by its lower-case kind, three words long, after a title: the body of that kind named before
    ("Tổng công ty Tân cảng Sài Gòn ký kết hợp tác. Phụ trách đào tạo là Đại tá Nguyễn Văn Hùng, Phó Tổng Giám đốc "
     "tổng công ty.", "Nguyễn Văn Hùng", ("Đại tá", "Phó Tổng Giám đốc", "Tổng công ty Tân cảng Sài Gòn")),
    # a title alone on the other side of a meeting: their body of that kind; ours after "Phía Việt Nam"
    ("Công an tỉnh Tây Ninh hội đàm với Cảnh sát tỉnh Svay Rieng. Phía bạn có Thiếu tướng Sok Rithy, Phó Giám đốc. "
     "Phía Việt Nam có Đại tá Lê Văn An, Phó Giám đốc.", "Sok Rithy",
     ("Thiếu tướng", "Phó Giám đốc", "Cảnh sát tỉnh Svay Rieng")),
    ("Công an tỉnh Tây Ninh hội đàm với Cảnh sát tỉnh Svay Rieng. Phía bạn có Thiếu tướng Sok Rithy, Phó Giám đốc. "
     "Phía Việt Nam có Đại tá Lê Văn An, Phó Giám đốc.", "Lê Văn An", ("Đại tá", "Phó Giám đốc", "Công an tỉnh Tây Ninh")),
    # a court's or procuracy's officer named by title alone: of the court or procuracy the story named
    ("Viện kiểm sát nhân dân thành phố Cần Thơ đã phê chuẩn. Bà Lương Thị Thu Hà, Phó Viện trưởng, cho biết Viện đã cử "
     "Kiểm sát viên Trịnh Minh Tâm kiểm sát điều tra.", "Trịnh Minh Tâm",
     (None, "Kiểm sát viên", "Viện Kiểm sát nhân dân thành phố Cần Thơ")),
    ("Tòa án nhân dân thành phố Hà Nội mở phiên tòa. Tham gia hội đồng xét xử có Thẩm phán Lại Thị Nhàn.", "Lại Thị Nhàn",
     (None, "Thẩm phán", "Tòa án nhân dân thành phố Hà Nội")),
    # a title held on a vessel, then its holder behind a comma or "là"
    ("Tàu CSB 8005 rời cảng lúc 2 giờ sáng. Thuyền trưởng tàu ấy, Thiếu tá Lê Quý Toàn, kể lại chuyến đi.",
     "Lê Quý Toàn", ("Thiếu tá", "Thuyền trưởng", None)),
    ("Thuyền trưởng tàu CSB 4033, Trung tá Đỗ Thành Lâm cho biết tàu tiếp cận sau 26 giờ.", "Đỗ Thành Lâm",
     ("Trung tá", "Thuyền trưởng", None)),
    ("Thuyền trưởng tàu cá là ông Phạm Văn Nổi (SN 1974), trú phường Sầm Sơn.", "Phạm Văn Nổi",
     (None, "Thuyền trưởng", None)),
    # bad: a title followed by more than a vessel is no title of the name after it
    ("Thuyền trưởng tàu cá bị thương nặng, Thiếu tá Lê Quý Toàn chỉ huy sơ cứu.", "Lê Quý Toàn",
     ("Thiếu tá", None, None)),
    # a title without its body, where the document names several of its kind: the one named last before it
    ("BĐBP tỉnh giao Đồn Biên phòng Sông Đốc thăm hỏi gia đình. Đồn trưởng là Thiếu tá Thạch Sa Rênh, từng công tác "
     "nhiều năm ở Đồn Biên phòng Đất Mũi.", "Thạch Sa Rênh", ("Thiếu tá", "Đồn trưởng", "Đồn Biên phòng Sông Đốc")),
    # a title behind a comma that follows a body (not a name) is the next name's
    ("Nhận tin từ Trung tâm Phối hợp tìm kiếm, cứu nạn hàng hải khu vực IV, Tư lệnh Vùng 5 Hải quân, Chuẩn Đô đốc "
     "Trương Hữu Phát lệnh cho tàu rời cảng.", "Trương Hữu Phát", ("Chuẩn Đô đốc", "Tư lệnh", "Vùng 5 Hải quân")),
    # one side of a meeting: the roles listed after it without an organization are the side's
    ("Phía Quân khu 3 có Trung tướng Vũ Đình Khải, Tư lệnh; Trung tướng Lương Văn Tiến, Chính ủy.", "Lương Văn Tiến",
     ("Trung tướng", "Chính ủy", "Quân khu 3")),
    ("Về phía Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn có Đại tá Hoàng Văn Tuấn, Chỉ huy trưởng và Đại tá "
     "Nông Văn Hải, Chính ủy.", "Hoàng Văn Tuấn",
     ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn")),  # no force named: the command
    ("BĐBP tỉnh Lạng Sơn và Chi đội Quản lý biên giới Ninh Minh tuần tra song phương. Về phía Bộ Chỉ huy Bộ đội Biên "
     "phòng tỉnh Lạng Sơn có Đại tá Hoàng Văn Tuấn, Chỉ huy trưởng và Đại tá Nông Văn Hải, Chính ủy.", "Hoàng Văn Tuấn",
     ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Lạng Sơn")),  # a command lends its force's name
    # "cùng được": the link after the list is every name's, each with a post of its own before it
    ("Đại tá Bùi Đức Long, Chỉ huy trưởng Bộ CHQS thành phố Hải Phòng và Đại tá Lại Văn Thỉnh, Chỉ huy trưởng Bộ CHQS "
     "tỉnh Ninh Bình cùng được điều động, bổ nhiệm giữ chức Phó Tham mưu trưởng Quân khu 3.", "Bùi Đức Long",
     ("Đại tá", "Phó Tham mưu trưởng", "Quân khu 3")),
    # a body right after the name, with no title, is the body the person is of ...
    ("Tham gia bào chữa có luật sư Phạm Thị Hoài An, Đoàn Luật sư thành phố Hải Phòng.", "Phạm Thị Hoài An",
     (None, None, "Đoàn Luật sư thành phố Hải Phòng")),
    # ... and so is "của đồn", the unit named last of that word
    ("Trung tá Danh Minh Quốc, Đồn trưởng Đồn Biên phòng Cửa khẩu quốc tế Tịnh Biên chứng kiến. Thượng úy Chau Sam Bô "
     "của đồn đã nhiều lần sang phối hợp.", "Chau Sam Bô",
     ("Thượng úy", None, "Đồn Biên phòng cửa khẩu quốc tế Tịnh Biên")),
    # "của đơn vị": the unit named last, whatever its head; what the other side gives goes to our body
    ("Phía bạn, Thiếu tướng Thoong Phết trao Huân chương Lao động hạng Ba cho BĐBP tỉnh Thanh Hóa và Huân chương Chiến "
     "công hạng Nhì cho Đại tá Hà Văn Thường, Chính ủy của đơn vị.", "Hà Văn Thường",
     ("Đại tá", "Chính ủy", "Bộ đội Biên phòng tỉnh Thanh Hóa")),
    # "ORG do ông A, TITLE đại diện": the body the name stands for, over the honorific
    ("Dịp này, UBND tỉnh Thanh Hóa do ông Mai Xuân Tùng, Phó Chủ tịch đại diện trao tặng 500 triệu đồng.",
     "Mai Xuân Tùng", (None, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thanh Hóa")),
    # a successor takes the post left, after the posts the sentence gives them (held until now)
    ("Thiếu tướng Lê Quốc Việt, Sư đoàn trưởng Sư đoàn 395 được bổ nhiệm giữ chức Phó Tư lệnh. Người kế nhiệm đồng "
     "chí Việt là Đại tá Vũ Minh Tuấn, Phó Sư đoàn trưởng, Tham mưu trưởng Sư đoàn.", "Vũ Minh Tuấn",
     ("Đại tá", "Sư đoàn trưởng", "Sư đoàn 395")),
    # ... with the post's body after the one succeeded ("ở"), or unnamed: the name written before
    ("Đại tá Hoàng Văn Bách, Chính ủy Sư đoàn 325 được bổ nhiệm giữ chức Phó Chính ủy Quân đoàn. Thay đồng chí Bách "
     "ở Sư đoàn 325 là Đại tá Phan Văn Dũng, nguyên Chủ nhiệm Chính trị Sư đoàn 390.", "Phan Văn Dũng",
     ("Đại tá", "Chính ủy", "Sư đoàn 325")),
    ("Đại tá Nguyễn Khắc Duy, Chính ủy Bộ CHQS tỉnh Bắc Ninh được điều động giữ chức Phó Chủ nhiệm Chính trị Quân "
     "khu; người kế nhiệm là Đại tá Giáp Văn Hòa, Phó Chính ủy Bộ Chỉ huy.", "Giáp Văn Hòa",
     ("Đại tá", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh")),
    # the one whose post is taken ("Thay vị trí của đồng chí A, …") shares no link of the name after them
    ("Thượng tá Đoàn Văn Khải, Hải đoàn trưởng Hải đoàn 32 được bổ nhiệm giữ chức Phó Tham mưu trưởng Bộ Tư lệnh "
     "Vùng Cảnh sát biển 3. Thay vị trí của đồng chí Khải, Trung tá Lê Văn Hào, Phó Hải đoàn trưởng được bổ nhiệm "
     "làm Hải đoàn trưởng.", "Đoàn Văn Khải", ("Thượng tá", "Phó Tham mưu trưởng", "Bộ Tư lệnh Vùng Cảnh sát biển 3")),
    # a post "được giao cho" a name
    ("Vị trí Tham mưu trưởng Sư đoàn 395 được giao cho Đại tá Phí Đăng Khoa, nguyên Trung đoàn trưởng Trung đoàn 43.",
     "Phí Đăng Khoa", ("Đại tá", "Tham mưu trưởng", "Sư đoàn 395")),
    # "B thay A, người được điều động … giữ chức Y": Y is A's, not B's
    ("Đại tá Hoàng Trọng Nghĩa, Chính ủy Lữ đoàn Pháo binh 454 được thăng quân hàm. Đồng chí Nghĩa thay Đại tá Trần "
     "Văn Nam, người được điều động về Trường Quân sự Quân khu 3 giữ chức Phó Hiệu trưởng.", "Hoàng Trọng Nghĩa",
     ("Đại tá", "Chính ủy", "Lữ đoàn Pháo binh 454")),
    # the head of an ad-hoc board beside an office keeps the office
    ("Đại tá Lương Quốc Doanh, Phó Giám đốc Công an thành phố Hải Phòng làm Trưởng ban chuyên án.", "Lương Quốc Doanh",
     ("Đại tá", "Phó Giám đốc", "Công an thành phố Hải Phòng")),
    ("Về phía Bộ Chỉ huy Quân sự tỉnh Đồng Nai, Đại tá Điểu Minh Thắng, Phó Chỉ huy trưởng được giao làm Trưởng ban "
     "chỉ đạo đội quy tập.", "Điểu Minh Thắng", ("Đại tá", "Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Đồng Nai")),
    # ... and a function taken beside the office in apposition, "làm" right after it
    ("Chuyên án do Thiếu tướng Phan Quốc Tuấn chỉ đạo; Đại tá Y Blim Êban, Phó Giám đốc Công an tỉnh Đắk Lắk làm "
     "Trưởng ban.", "Y Blim Êban", ("Đại tá", "Phó Giám đốc", "Công an tỉnh Đắk Lắk")),
    # ... also behind a comma
    ("Chuyên án do Đại tá Đoàn Thị Kim Loan, Phó Giám đốc Công an tỉnh An Giang, làm Trưởng ban.", "Đoàn Thị Kim Loan",
     ("Đại tá", "Phó Giám đốc", "Công an tỉnh An Giang")),
    # ... but "nay làm" is a new post
    ("Ông Lê Văn An, nguyên Phó Giám đốc Sở Y tế, nay làm Giám đốc Sở Y tế tỉnh Nghệ An.", "Lê Văn An",
     (None, "Giám đốc", "Sở Y tế tỉnh Nghệ An")),
    # a succession that names the post or the body: the one succeeded's post there, over the successor's apposition
    ("Theo quyết định, Thiếu tướng Trần Quốc Bình, Phó Tư lệnh, Tham mưu trưởng Quân khu 7 thôi giữ chức Tham mưu "
     "trưởng. Người kế nhiệm đồng chí Bình ở cương vị Tham mưu trưởng là Đại tá Nguyễn Ngọc Thơ, nguyên Phó Tham mưu "
     "trưởng Quân khu 7.", "Nguyễn Ngọc Thơ", ("Đại tá", "Tham mưu trưởng", "Quân khu 7")),
    ("Thượng tá Nguyễn Văn Thắng, Phó Tham mưu trưởng BĐBP tỉnh Cao Bằng, nguyên Đồn trưởng Đồn Biên phòng Cửa khẩu "
     "quốc tế Trà Lĩnh, cho biết. Người kế nhiệm đồng chí Thắng tại Đồn là Trung tá Lý Văn Đạo.", "Lý Văn Đạo",
     ("Trung tá", "Đồn trưởng", "Đồn Biên phòng cửa khẩu quốc tế Trà Lĩnh")),
    # ... by the body's head word; a membership is no post one is succeeded in
    ("Ông Dương Văn Khải, Tỉnh ủy viên, Giám đốc Sở Nội vụ tỉnh Thái Nguyên được chỉ định giữ chức Trưởng Ban Tổ chức "
     "Tỉnh ủy. Người kế nhiệm ông Khải ở Sở là bà Lương Thị Ánh, nguyên Phó Giám đốc Sở Tài chính.", "Lương Thị Ánh",
     (None, "Giám đốc", "Sở Nội vụ tỉnh Thái Nguyên")),
    # ... and the successor of the last name of the sentence before
    ("Cục Chính trị đọc quyết định nghỉ hưu đối với Đại tá Lê Văn Thành, Chỉ huy trưởng Bộ CHQS tỉnh Thanh Hóa. Người "
     "kế nhiệm là Thượng tá Hồ Đức Cảnh, Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh Nghệ An.", "Hồ Đức Cảnh",
     ("Thượng tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Thanh Hóa")),
    # ... but a new list that ends with an office held before makes it the record's again
    ("Thiếu tướng Kha Văn Triều công bố quyết định bổ nhiệm Thiếu tướng Nguyễn Hữu Định, Tham mưu trưởng giữ chức Phó "
     "Tư lệnh, Tham mưu trưởng Bộ Tư lệnh Thủ đô Hà Nội.", "Nguyễn Hữu Định",
     ("Thiếu tướng", "Tham mưu trưởng", "Bộ Tư lệnh Thủ đô Hà Nội")),
    # a region's commander given without the body: the region whose Bộ Tư lệnh the document named
    ("Bộ Tư lệnh Vùng Cảnh sát biển 1 điều tàu 8003 ra khơi. Thiếu tướng Phạm Đức Thắng, Tư lệnh, trực tiếp chỉ đạo.",
     "Phạm Đức Thắng", ("Thiếu tướng", "Tư lệnh", "Vùng Cảnh sát biển 1")),
    # a title of "đơn vị" opening its phrase, the name behind a comma; not the apposition of a name before it
    ("Ban Chỉ huy BĐBP Cửa khẩu cảng Đà Nẵng bắt giữ tàu. Chỉ huy trưởng đơn vị, Thượng tá Nguyễn Quốc Trị, tiếp chúng "
     "tôi.", "Nguyễn Quốc Trị",
     ("Thượng tá", "Chỉ huy trưởng", "Ban Chỉ huy Bộ đội Biên phòng Cửa khẩu cảng Đà Nẵng")),
    ("Đồn Biên phòng Na Mèo họp. Có mặt Đại tá Lê Văn An, Chính ủy đơn vị, Đại úy Trần Văn Bình và nhiều cán bộ.",
     "Trần Văn Bình", ("Đại úy", None, None)),
    # "thuộc" (of) a unit after the name, with or without a comma: the unit the person belongs to
    ("Thuyền trưởng tàu là Trung tá Mai Xuân Hòa, thuộc Hải đoàn 22.", "Mai Xuân Hòa", ("Trung tá", "Thuyền trưởng", "Hải đoàn 22")),
    # the items between a list's ";" share the apposition after the last of them
    ("Quân khu 5 tổ chức hội nghị. Dự có Thiếu tướng Vương Minh Đạo, Thiếu tướng Tạ Văn Cường, Phó Tư lệnh Quân khu; "
     "Chuẩn Đô đốc Nguyễn Đăng Khoa, Tư lệnh Vùng 3 Hải quân.", "Vương Minh Đạo",
     ("Thiếu tướng", "Phó Tư lệnh", "Quân khu 5")),
    # a pronoun opening a sentence is the person named last in the sentence before
    ("Rạng sáng 6/5, tổ công tác bắt quả tang đối tượng. Trực tiếp chỉ huy là Thiếu tá Đỗ Khắc Huy. Anh là Phó Đội "
     "trưởng Đội Trinh sát Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Tây Ninh.", "Đỗ Khắc Huy",
     ("Thiếu tá", "Phó Đội trưởng",
      "Đội Trinh sát Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Tây Ninh")),
    ("Đọc quyết định là Đại tá Kha Văn Lộc. Ông hiện là Trưởng phòng Phòng Cán bộ, Cục Chính trị Quân khu 7.",
     "Kha Văn Lộc", ("Đại tá", "Trưởng phòng", "Phòng Cán bộ Cục Chính trị Quân khu 7")),
    # a post linked with "trước khi" after it was held before the move the sentence tells
    ("Đại tá Trịnh Quốc Hưng được bổ nhiệm giữ chức Chỉ huy trưởng BĐBP tỉnh Cà Mau. Đồng chí Hưng có gần 10 năm làm "
     "Hải đội trưởng trước khi về Bộ Chỉ huy.", "Trịnh Quốc Hưng",
     ("Đại tá", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh Cà Mau")),
    # a list an appointing verb opens takes the post linked after it, whatever each item held
    ("Kỳ họp cũng bầu bà Nguyễn Thị Thu Trang, Phó Giám đốc Sở Y tế và ông Cù Văn Lực, Giám đốc Sở Tài chính giữ chức "
     "Phó Chủ tịch UBND tỉnh Phú Thọ.", "Nguyễn Thị Thu Trang", (None, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Phú Thọ")),
    # "đơn vị" after a title: the last unit the title is held in, not the body named last
    ("Vùng Cảnh sát biển 1 phối hợp với Trung tâm Phối hợp tìm kiếm, cứu nạn hàng hải khu vực I. Đại tá Kim Ngọc "
     "Thạch, Phó Tư lệnh, Tham mưu trưởng đơn vị, cho biết.", "Kim Ngọc Thạch",
     ("Đại tá", "Tham mưu trưởng", "Vùng Cảnh sát biển 1")),
    # "cùng là" is shared by the items after the last ";", not by one that closed with its own role
    ("Cùng dự có Trung tướng Lương Văn Tiến, Chính ủy; Thiếu tướng Đinh Công Tráng và Thiếu tướng Trần Quốc Việt, "
     "cùng là Phó Tư lệnh Quân khu 3.", "Lương Văn Tiến", ("Trung tướng", "Chính ủy", None)),
    # an office of a list named again later: the list's last office stays the record's, unless it was left
    ("Đại tá Hồ Văn Nhã được bổ nhiệm giữ chức Phó Tư lệnh, Tham mưu trưởng Quân đoàn 34. Thay mặt cán bộ được bổ "
     "nhiệm, tân Phó Tư lệnh Hồ Văn Nhã hứa hoàn thành nhiệm vụ.", "Hồ Văn Nhã",
     ("Đại tá", "Tham mưu trưởng", "Quân đoàn 34")),
    ("Thiếu tướng Trần Quốc Bình, Phó Tư lệnh, Tham mưu trưởng Quân khu 7 thôi giữ chức Tham mưu trưởng. Phó Tư lệnh "
     "Quân khu 7 Trần Quốc Bình cảm ơn Bộ Tư lệnh.", "Trần Quốc Bình", ("Thiếu tướng", "Phó Tư lệnh", "Quân khu 7")),
    # a relieving verb before a post: the post is the one relieved of it leaves, not the speaker's
    ("Trình bày tờ trình, ông Đào Minh Khoa, Giám đốc Sở Nội vụ tỉnh Cà Mau, đề nghị miễn nhiệm chức danh Chủ tịch "
     "UBND tỉnh đối với ông Lê Quốc Trung.", "Đào Minh Khoa", (None, "Giám đốc", "Sở Nội vụ tỉnh Cà Mau")),
    # a post's commander given by the title alone: our post, not the other side's named last; the other side's for
    # one of theirs
    ("Đồn Biên phòng Cửa khẩu quốc tế Móng Cái hội đàm với Đồn Quản lý biên giới Đông Hưng. Tại đồn, Trung tá Đinh "
     "Quang Khải, Đồn trưởng, chia sẻ kết quả.", "Đinh Quang Khải",
     ("Trung tá", "Đồn trưởng", "Đồn Biên phòng cửa khẩu quốc tế Móng Cái")),
    ("Đồn Biên phòng Cửa khẩu quốc tế Móng Cái hội đàm với Đồn Quản lý biên giới Đông Hưng. Phía bạn có Trung tá Bàng "
     "Kiến Quân, Đồn trưởng.", "Bàng Kiến Quân", ("Trung tá", "Đồn trưởng", "Đồn Quản lý biên giới Đông Hưng")),
    # a school's head, a warship's captain: of the school, the brigade named before the title
    ("Tin báo đầu tiên đến từ Trường Đại học Tây Nguyên. PGS.TS Trần Thị Hương Giang, Hiệu trưởng, cho biết.",
     "Trần Thị Hương Giang", (None, "Hiệu trưởng", "Trường Đại học Tây Nguyên")),
    ("Tàu HQ-571 thuộc Lữ đoàn 172 rời quân cảng trong đêm. Thiếu tá Võ Đình Phong, Hạm trưởng, cho biết sóng cấp 6.",
     "Võ Đình Phong", ("Thiếu tá", "Hạm trưởng", "Lữ đoàn 172")),
    # ... and a board's head with a body is an office of its own
    ("Bà Lê Thị Hoa được bầu làm Trưởng ban Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Nghệ An.", "Lê Thị Hoa",
     (None, "Trưởng ban", "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Nghệ An")),
    # a title and "hiện nay là" the name holding it now; the former post written after the name stays former
    ("Trưởng Phòng Cảnh sát hình sự Công an tỉnh Lào Cai hiện nay là Thượng tá Nguyễn Văn Hùng, nguyên Phó Trưởng "
     "phòng.", "Nguyễn Văn Hùng", ("Thượng tá", "Trưởng", "Phòng Cảnh sát hình sự Công an tỉnh Lào Cai")),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Lào Cai hiện là Đại tá Lê Văn Bình.", "Lê Văn Bình",
     ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Lào Cai")),
    # ... a role written with its own organization keeps it
    ("Phía Quân khu 3 có Đại tá Lê Văn Tâm, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hưng Yên.", "Lê Văn Tâm",
     ("Đại tá", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hưng Yên")),
])
def test_more_relation_shapes(process, text: str, name: str, record: Record) -> None:
    assert records(process, text).get(name) == record, records(process, text)


def test_byline_with_several_authors(process) -> None:
    names = person_names(process, "Đoàn công tác đã về đơn vị.\n\nHải Yến - Đình Tuân")
    assert names == ["Hải Yến", "Đình Tuân"]


@pytest.mark.parametrize(("text", "names"), [
    # a degree or a profession before a name vouches for it; family names of the northern uplands and of the Raglai
    ("Nhận Bằng khen, PGS.TS Nguyễn Đắc Thuận, Giám đốc Bệnh viện cho biết.", ["Nguyễn Đắc Thuận"]),
    ("TS.BS Hoàng Anh Tú kể lại ca mổ.", ["Hoàng Anh Tú"]),
    ("Tham gia bào chữa có luật sư Trần Quang Huy.", ["Trần Quang Huy"]),
    ("Quyết định trao cho 2 đồng chí, gồm: Lăng Thị Thu Hiền, Phó Chủ nhiệm Chính trị Sư đoàn 3; Mang Văn Thới, Phó "
     "Chính ủy Bộ CHQS tỉnh Khánh Hòa.", ["Lăng Thị Thu Hiền", "Mang Văn Thới"]),
    ("Bệnh nhân N . T . H . ( SN 1985 ) được cách ly tại Hà_Nội .", ["N . T . H ."]),  # pre-tokenized
    ("Ông K. cho biết, anh N. T. H. cùng đến.", ["K.", "N. T. H."]),
    # a surname, its middle syllables and the given name's initial (one letter, or a two-letter consonant), wherever
    # it stands: how police reports write suspects
    ("Băng nhóm do Lê Quốc V. (SN 1988) cầm đầu, cùng Huỳnh Thanh Ph. và Lý A G. bị bắt.",
     ["Lê Quốc V.", "Huỳnh Thanh Ph.", "Lý A G."]),
    ("Lực lượng bắt giữ Võ Văn Nh. tại chỗ.", ["Võ Văn Nh."]),
    # a capitalised word after a surname without the initial's dot is no such name
    ("Đội trưởng Lê Quốc Việt cho biết.", ["Lê Quốc Việt"]),
])
def test_initials_spaced_and_pretokenized(process, text: str, names: list[str]) -> None:
    assert person_names(process, text) == names


# pieces of the genre's sentences, shuffled by hypothesis into texts the rules were never written for
PIECES = ["Đại tá", "Thượng tá", "Nguyễn Văn An", "Trần Thị Bình", "Lê Quang", "Khăm Phon Xay", "N.T.H.", "ông", "bà",
          "đồng chí", "Chính ủy", "Phó Giám đốc", "Công an tỉnh Nghệ An", "Lữ đoàn 168", "Bộ CHQS các tỉnh", "Lạng Sơn",
          "Cao Bằng", "lần lượt", "giữ chức", "là", "nguyên", "nay là", "được bầu làm", "thăng quân hàm", "lên",
          "được", "gồm", "và", ",", ";", ":", "(", ")", ".", "-", "SN 1985", "Trước đó", "cán bộ", "\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_records_hold_together_on_any_arrangement(process, pieces: list[str]) -> None:
    """Whatever the order: the run ends, every id a record or role names is a mention of the right type, the
    final position is one of the roles, and each name has one record."""
    result = process(" ".join(pieces))
    mentions = {m.mention_id: m for m in result.mentions}
    assert len({p.name for p in result.people}) == len(result.people)
    for person in result.people:
        assert all(mentions[i].type == "PERSON" for i in person.mention_ids)
        for role in person.roles:
            assert all(mentions[i].type in ("RANK", "POSITION", "ORG", "PLACE", "ACRONYM") for i in role.mention_ids)
        if person.position is not None:
            assert person.position in {role.position for role in person.roles}


@pytest.mark.parametrize(("position", "organizations", "expected"), [
    ("Phó Trưởng phòng", {"Phòng Tham mưu Công an tỉnh Nghệ An", "Công an tỉnh Nghệ An"},
     "Phòng Tham mưu Công an tỉnh Nghệ An"),
    ("Tiểu đoàn trưởng", {"Tiểu đoàn 14", "Lữ đoàn 229"}, "Tiểu đoàn 14"),
    ("Đồn trưởng", {"Đồn Biên phòng Na Mèo", "Đồn Biên phòng Tam Chung"}, None),  # two of a kind: none
    ("Phó Tỉnh trưởng", {"Tỉnh ủy Nghệ An"}, None),  # "Tỉnh ủy" is no "Tỉnh …"
    ("Giám đốc", {"Công an tỉnh Nghệ An"}, None),  # no unit word in the title
])
def test_unit_of_title(position: str, organizations: set[str], expected: str | None) -> None:
    assert unit_of_title(position, organizations) == expected


@pytest.mark.parametrize(("text", "name", "organization"), [
    ("Tham gia có Đồn Biên phòng Pù Nhi do Trung tá Sùng A Chờ làm Đồn trưởng.", "Sùng A Chờ",
     "Đồn Biên phòng Pù Nhi"),
    ("Đồn Biên phòng Khánh Bình được khen thưởng. Thiếu tá Néang Sô Phia, Đội trưởng Đội Trinh sát, phát biểu.",
     "Néang Sô Phia", "Đội Trinh sát Đồn Biên phòng Khánh Bình"),  # a sub-unit alone belongs to the post before it
    ("Thiếu tá Lê Văn Ba, Đội trưởng Đội Trinh sát, phát biểu.", "Lê Văn Ba", "Đội Trinh sát"),  # no owner named
    # an owner written right after the sub-unit, behind a comma, comes first
    ("Đồn Biên phòng Khánh Bình được khen thưởng. Trung tá Nông Văn Thiết, Đội trưởng Đội Trinh sát, Bộ CHQS tỉnh "
     "Quảng Ninh, phát biểu.", "Nông Văn Thiết", "Đội Trinh sát Bộ Chỉ huy Quân sự tỉnh Quảng Ninh"),
    # a staff organ of a military region, and a department of it written before it
    ("Quân khu 5 tổ chức hội nghị. Đại tá Võ Thị Mai Hương, Trưởng phòng Phòng Tuyên huấn, Cục Chính trị, phát biểu.",
     "Võ Thị Mai Hương", "Phòng Tuyên huấn Cục Chính trị Quân khu 5"),
    # a province's command has no Cục Chính trị: the name stays as written
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu tổ chức hội nghị. Đại tá Lò Văn Tâm, Phó Cục trưởng Cục Chính trị, "
     "phát biểu.", "Lò Văn Tâm", "Cục Chính trị"),
])
def test_organizations_from_the_document(process, text: str, name: str, organization: str) -> None:
    assert records(process, text)[name][2] == organization


@pytest.mark.parametrize(("text", "name", "former", "final"), [
    # the post a session relieves a person of, written before "đối với" the name: a former role
    ("Kỳ họp đã miễn nhiệm chức vụ Chủ tịch UBND tỉnh Điện Biên đối với ông Phạm Đức Toàn, người vừa được điều động "
     "giữ chức Thứ trưởng Bộ Nông nghiệp và Môi trường.", "Phạm Đức Toàn",
     [("Chủ tịch", "Ủy ban nhân dân tỉnh Điện Biên")], ("Thứ trưởng", "Bộ Nông nghiệp và Môi trường")),
    ("HĐND tỉnh cho thôi giữ chức Phó Giám đốc Sở Y tế tỉnh Lai Châu đối với bà Lò Thị Mai để nghỉ hưu.",
     "Lò Thị Mai", [("Phó Giám đốc", "Sở Y tế tỉnh Lai Châu")], ("Phó Giám đốc", "Sở Y tế tỉnh Lai Châu")),
    # "đối với" after a post with no relieving verb before it is no such relation
    ("Sự kiện có ý nghĩa quan trọng đối với ông Nguyễn Văn Hải, Chủ tịch UBND xã Mỹ Lý.", "Nguyễn Văn Hải",
     [], ("Chủ tịch", "Ủy ban nhân dân xã Mỹ Lý")),
    # a verb with no post after it relieves nothing the record can hold
    ("Hội đồng đã miễn nhiệm đối với ông Trần Văn Lộc theo nguyện vọng cá nhân.", "Trần Văn Lộc", [], (None, None)),
])
def test_a_relieved_post_is_a_former_role(process, text: str, name: str, former: list[tuple[str, str]],
                                          final: tuple[str | None, str | None]) -> None:
    person = next(p for p in process(text).people if p.name == name)
    assert [(r.position, r.organization) for r in person.roles if r.former] == former
    assert all(r.source == "records.relieved" for r in person.roles if r.former)
    assert (person.position, person.organization) == final


@pytest.mark.parametrize(("text", "name", "place"), [
    # a title the text gives no body for, held in the place written after it
    ("Về phía Lào có ông Xổm Xay Xi Phăn Đon, Phó Tỉnh trưởng tỉnh Hủa Phăn.", "Xổm Xay Xi Phăn Đon", "tỉnh Hủa Phăn"),
    ("Dự lễ có Đại tá Chum Sophal, Tùy viên Quốc phòng Campuchia tại Việt Nam.", "Chum Sophal", "Campuchia"),
    # ... or in the place of the side of the meeting the person is listed under
    ("Đoàn Phông Xa Lỳ do ông Phon Xay Xổm Phết, Phó Tỉnh trưởng làm Trưởng đoàn.", "Phon Xay Xổm Phết",
     "tỉnh Phông Xa Lỳ"),
    ("Phía Trung Quốc có ông Lưu Kiến Hoa, Phó Thị trưởng.", "Lưu Kiến Hoa", "Trung Quốc"),
    # a title with its body has no place of its own
    ("Về phía tỉnh Nghệ An có ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh Nghệ An.", "Lê Văn Hòa", None),
    # nor has a title with neither a body nor a place
    ("Thiếu tá Ngô Văn Trường, Thuyền trưởng chỉ huy tàu tìm kiếm.", "Ngô Văn Trường", None),
])
def test_the_place_a_title_without_a_body_is_held_in(process, text: str, name: str, place: str | None) -> None:
    person = next(p for p in process(text).people if p.name == name)
    assert {r.place for r in person.roles if r.position is not None} == {place}


def test_a_given_name_two_full_names_end_with_is_the_one_named_last() -> None:
    # "Ông Tuấn" after "Thân Văn Tuấn" is his, though "Nguyễn Đình Tuấn" was named before: no record of its own
    assert full_name("Tuấn", {"Nguyễn Đình Tuấn", "Thân Văn Tuấn"},
                     {"Nguyễn Đình Tuấn": 3, "Thân Văn Tuấn": 40}) == "Thân Văn Tuấn"
    assert full_name("Tuấn", {"Nguyễn Đình Tuấn", "Thân Văn Tuấn"}, {}) == "Tuấn"


def test_a_shared_given_name_joins_the_person_named_last(process) -> None:
    text = ("Dự kỳ họp có ông Nguyễn Đình Tuấn, Phó Trưởng Ban Tổ chức Trung ương. Ông Thân Văn Tuấn, Phó Bí thư Tỉnh ủy "
            "được bầu giữ chức Chủ tịch UBND tỉnh Bắc Ninh. Ông Tuấn sinh năm 1975.")
    people = {p.name: p for p in process(text).people}
    assert set(people) == {"Nguyễn Đình Tuấn", "Thân Văn Tuấn"}
    assert people["Thân Văn Tuấn"].birth_year == 1975


def test_titles_of_those_acted_for_are_no_role_of_people_listed_respectively(process) -> None:
    found = records(process, "Dự buổi lễ có Thiếu tướng Hồ Văn Nghĩa, Phó Cục trưởng Cục Cảnh sát hình sự, Bộ Công an; bà "
                             "Kim Thị Sa Rên, Phó Chủ tịch UBND tỉnh Vĩnh Long. Ông Nghĩa và bà Sa Rên lần lượt trao "
                             "Bằng khen của Bộ trưởng Bộ Công an và Bằng khen của Chủ tịch UBND tỉnh cho 9 tập thể.")
    assert found["Hồ Văn Nghĩa"] == ("Thiếu tướng", "Phó Cục trưởng", "Cục Cảnh sát hình sự")
    assert found["Kim Thị Sa Rên"] == (None, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Vĩnh Long")


# --- academic titles between rank and name, hyphenated foreign names, new titles (batch 733-756) -------

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Dự lễ có Thiếu tướng, PGS.TS Nguyễn Văn An, Giám đốc Học viện Quân y.", "Nguyễn Văn An",
     ("Thiếu tướng", "Giám đốc", "Học viện Quân y")),
    ("Dự lễ có Trung tướng, TS Trần Quốc Hưng, Chủ nhiệm Tổng cục Công nghiệp quốc phòng.", "Trần Quốc Hưng",
     ("Trung tướng", "Chủ nhiệm", "Tổng cục Công nghiệp quốc phòng")),
    ("Tiếp đoàn có Thiếu tướng Park Ji-hoon, Cục trưởng Cục Hợp tác quốc tế.", "Park Ji-hoon",
     ("Thiếu tướng", "Cục trưởng", "Cục Hợp tác quốc tế")),
    ("Bà Đỗ Thị Hồng Nhung, Quản đốc Phân xưởng 3, cho biết.", "Đỗ Thị Hồng Nhung",
     (None, "Quản đốc", "Phân xưởng 3")),
    ("Ông Lê Văn Hải, Giám đốc Nhà máy Z189, tiếp đoàn.", "Lê Văn Hải", (None, "Giám đốc", "Nhà máy Z189")),
])
def test_records_of_the_defence_industry_and_foreign_officers(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a hyphen with spaces around it is no part of a name
    ("Ông Nguyễn Văn Nam - Chủ tịch xã phát biểu.", ["Nguyễn Văn Nam"]),
    # a Vietnamese name glued to a word by a hyphen ends before it; a foreign name goes on
    ("Đại tá Lê Văn Hùng-người chỉ huy cuộc tìm kiếm.", ["Lê Văn Hùng"]),
    ("Tham dự có ông Kwame Mensah-Boateng, Điều phối viên thường trú của Liên hợp quốc.", ["Kwame Mensah-Boateng"]),
])
def test_a_name_ends_before_a_hyphen_between_words(process, text: str, expected: list) -> None:
    assert person_names(process, text) == expected


@pytest.mark.parametrize(("text", "positions"), [
    ("Đại sứ Nguyễn Văn Hòa tiếp đoàn tại Đại sứ quán Việt Nam tại Thái Lan.", ["Đại sứ"]),
    ("Cán bộ Lãnh sự quán Việt Nam tại Côn Minh đón đoàn.", []),
    ("Ông Tobias Lindqvist, Phó Đại diện đặc biệt của Tổng Thư ký Liên hợp quốc, phát biểu.",
     ["Phó Đại diện đặc biệt", "Tổng Thư ký"]),
])
def test_an_embassy_is_no_ambassador(process, text: str, positions: list) -> None:
    assert [m.text for m in process(text).mentions if m.type == "POSITION"] == positions


def test_a_body_ends_with_its_country_before_its_officers_name(process) -> None:
    text = ("Thượng tướng Hoàng Xuân Lâm, Thứ trưởng Bộ Quốc phòng và Thứ trưởng Bộ Quốc phòng Ấn Độ Ramesh Chandra "
            "Iyer đồng chủ trì đối thoại.")
    assert records(process, text)["Ramesh Chandra Iyer"] == (None, "Thứ trưởng", "Bộ Quốc phòng Ấn Độ")
    # a name after a country that a head opens is still the body's: "Đại học Quốc gia Lào" is one name
    assert [m.text for m in process("Đoàn Đại học Quốc gia Lào thăm Hà Nội.").mentions
            if m.type == "ORG"] == ["Đại học Quốc gia Lào"]


@pytest.mark.parametrize(("text", "name", "expected"), [
    # the field a deputy is in charge of stands between the title and "là" the name that holds it
    ("Bệnh viện Quân y 103 có tân lãnh đạo. Phó Giám đốc phụ trách chuyên môn là Trung tá Trịnh Thị Thu Trang.",
     "Trịnh Thị Thu Trang", ("Trung tá", "Phó Giám đốc", "Bệnh viện Quân y 103")),
    ("Công an tỉnh Lai Châu họp. Phó Giám đốc phụ trách công tác xây dựng lực lượng là Đại tá Lê Minh Toàn.",
     "Lê Minh Toàn", ("Đại tá", "Phó Giám đốc", "Công an tỉnh Lai Châu")),
    # lower-case words that are no field (a clause) give no title
    ("Phó Giám đốc phụ trách cho biết người trực hôm đó là Trung tá Vũ Văn Bình.", "Vũ Văn Bình",
     ("Trung tá", None, None)),
])
def test_a_deputys_field_before_la(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    # a title with its country (and the country it serves in), a comma, then the holder
    ("Tùy viên Quốc phòng Australia tại Việt Nam, Đại tá David Wilson cho biết tàu sẽ ghé Đà Nẵng.", "David Wilson",
     ("Đại tá", "Tùy viên Quốc phòng", None)),
    # after a name's own apposition the title is that name's, not the next one's
    ("Đại tá Lê Văn An, Tùy viên Quốc phòng Việt Nam tại Lào, Trung tá Vũ Văn Bình cùng dự.", "Vũ Văn Bình",
     ("Trung tá", None, None)),
])
def test_a_title_and_its_country_before_the_holder(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    # a title held on a vessel named by a few capitalised words
    ("Phía bạn, Hạm trưởng tàu Ballarat là Trung tá Sarah Whitmore nhận xét buổi diễn tập.", "Sarah Whitmore",
     ("Trung tá", "Hạm trưởng", None)),
    ("Thuyền trưởng tàu cá QNg 90123 TS là ông Trần Văn Hưởng.", "Trần Văn Hưởng", (None, "Thuyền trưởng", None)),
])
def test_a_title_held_on_a_named_vessel(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    # the members of a body's leading board hold their titles in the body
    ("Ban Giám đốc Công an tỉnh Lai Châu gồm: Đại tá Lê Văn An, Giám đốc; Đại tá Vũ Văn Bình, Phó Giám đốc.",
     "Vũ Văn Bình", ("Đại tá", "Phó Giám đốc", "Công an tỉnh Lai Châu")),
    ("Ban Chỉ huy Đồn Biên phòng Na Mèo gồm: Thiếu tá Lê Văn Cường, Đồn trưởng; Thiếu tá Vũ Văn Dũng, Chính trị viên.",
     "Vũ Văn Dũng", ("Thiếu tá", "Chính trị viên", "Đồn Biên phòng Na Mèo")),
    # a board that leads no body named after it gives none
    ("Ban Chỉ huy gồm: Đại tá Lê Văn Hải, Chính ủy.", "Lê Văn Hải", ("Đại tá", "Chính ủy", None)),
])
def test_a_boards_members_hold_their_titles_in_its_body(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    # "trước đó là" (before that, was) gives a former title, not the final one
    ("Binh đoàn 16 công bố quyết định. Người kế nhiệm chức Tham mưu trưởng là Đại tá Mai Đức Hiếu, trước đó là Phó "
     "Tham mưu trưởng Binh đoàn.", "Mai Đức Hiếu", ("Đại tá", "Tham mưu trưởng", "Binh đoàn 16")),
])
def test_a_title_held_before_that_is_former(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # initials whose surname opens with a two-letter consonant, also with one at the end
    ("Đối tượng Tr.V.Kh. (SN 1990) và Tr.T.M. bị bắt.", ["Tr.V.Kh.", "Tr.T.M."]),
    # a degree written with a dot is no name
    ("Ông Lê Văn An, Th.S luật, phát biểu.", ["Lê Văn An"]),
])
def test_initials_opening_with_a_two_letter_consonant(process, text: str, expected: list) -> None:
    assert person_names(process, text) == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    # a member's title in lower case, the field it names, then its body
    ("Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Lạng Sơn họp. Bằng khen trao cho Đại úy Vi Thị Thu Hà, trợ lý tuyên "
     "huấn Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Lạng Sơn.", "Vi Thị Thu Hà",
     ("Đại úy", "Trợ lý", "Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Lạng Sơn")),
    # ... but a verb after the title opens a clause, whose object is no body of the title
    ("Anh Lê Văn An, trợ lý cảm ơn Công an tỉnh Lạng Sơn.", "Lê Văn An", (None, "Trợ lý", None)),
    # a member "of the team" is of the team the story named last
    ("Đội Trinh sát Phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh phá án. Trung úy Lê Đức Mạnh, trinh sát viên của đội, "
     "bị thương.", "Lê Đức Mạnh", ("Trung úy", None, "Đội Trinh sát Phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh")),
])
def test_members_and_their_fields(process, text: str, name: str, expected: tuple) -> None:
    assert records(process, text)[name] == expected

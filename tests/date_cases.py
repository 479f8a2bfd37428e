"""DATE-only dev sentences, written for these tests in the genre of official and military news.

Shared by ``test_dates.py`` (the rules must get every case) and
``measure_dateparser.py`` (how many of them ``dateparser`` gets). Every
sentence is resolved against ``DOC_DATE`` unless its case names another date.
"""

from __future__ import annotations

import datetime

DOC_DATE = datetime.date(2025, 9, 24)

Expected = list[tuple[str, str]]

# (sentence, expected (surface, value) of each DATE in order)
DATE_SENTENCES: list[tuple[str, Expected]] = [
    # day/month/year
    ("Sáng 23/9, Bộ Tư lệnh tổ chức hội nghị tổng kết.", [("Sáng 23/9", "2025-09-23")]),
    ("Hội nghị diễn ra ngày 23/9/2025 tại Hà Nội.", [("ngày 23/9/2025", "2025-09-23")]),
    ("Đồn Biên phòng tổ chức ra quân ngày 23-9-2025.", [("ngày 23-9-2025", "2025-09-23")]),
    ("Kế hoạch được ký ngày 23 tháng 9 năm 2025.", [("ngày 23 tháng 9 năm 2025", "2025-09-23")]),
    ("Đồng chí sinh ngày 19-11-1958 tại Nghệ An.", [("ngày 19-11-1958", "1958-11-19")]),
    ("Vào 27.3, đơn vị đã hoàn thành diễn tập.", [("27.3", "2025-03-27")]),
    ("Nghị quyết được thông qua ngày 14.2.2019.", [("ngày 14.2.2019", "2019-02-14")]),
    ("Chiều 5/9, đoàn công tác đến thăm đồn.", [("Chiều 5/9", "2025-09-05")]),
    ("Tối 21/9, tổ công tác phát hiện đối tượng.", [("Tối 21/9", "2025-09-21")]),
    ("Đêm 22/9, lực lượng tuần tra bắt giữ 2 đối tượng.", [("Đêm 22/9", "2025-09-22")]),
    ("Rạng sáng 23/9, tàu cá bị chìm.", [("Rạng sáng 23/9", "2025-09-23")]),
    # month, year, quarter
    ("Trong tháng 9/2025, đơn vị tổ chức 12 đợt tuần tra.", [("tháng 9/2025", "2025-09")]),
    ("Từ tháng 9 năm 2025, chuyên án được xác lập.", [("tháng 9 năm 2025", "2025-09")]),
    ("Chuyên án được xác lập từ tháng 4-2025.", [("tháng 4-2025", "2025-04")]),
    ("Năm 2025, đơn vị hoàn thành xuất sắc nhiệm vụ.", [("Năm 2025", "2025")]),
    ("Riêng quý III/2025, lực lượng bắt giữ 89 vụ.", [("quý III/2025", "2025-Q3")]),
    ("Trong quý 3 năm 2025, kim ngạch tăng 12%.", [("quý 3 năm 2025", "2025-Q3")]),
    # relative to the document date
    ("Hôm qua, Bộ Chỉ huy tổ chức hội nghị.", [("Hôm qua", "2025-09-23")]),
    ("Chiều qua, đoàn công tác làm việc tại đồn.", [("Chiều qua", "2025-09-23")]),
    ("Sáng nay, Quân khu 4 khai mạc hội thao.", [("Sáng nay", "2025-09-24")]),
    ("Chiều nay, đoàn sẽ khảo sát cửa khẩu.", [("Chiều nay", "2025-09-24")]),
    ("Hội nghị sẽ bế mạc vào ngày mai.", [("ngày mai", "2025-09-25")]),
    ("Hôm nay, đơn vị tổ chức lễ ra quân.", [("Hôm nay", "2025-09-24")]),
    ("Năm ngoái, đơn vị bắt giữ 120 vụ.", [("Năm ngoái", "2024")]),
    ("Năm nay, tỉnh phấn đấu giảm 10% số vụ.", [("Năm nay", "2025")]),
    ("Tháng trước, đơn vị tiếp nhận 30 tân binh.", [("Tháng trước", "2025-08")]),
    ("Tuần trước, Công an phường nhận được tin báo.", [("Tuần trước", "2025-W38")]),
    ("Hôm qua (23/9), tàu cập cảng an toàn.", [("Hôm qua", "2025-09-23"), ("23/9", "2025-09-23")]),
    # ranges and pairs
    ("Hội thao diễn ra từ ngày 3 đến 5/4.", [("ngày 3", "2025-04-03"), ("5/4", "2025-04-05")]),
    ("Trong hai ngày 3 và 4/4, đoàn làm việc tại tỉnh.", [("ngày 3", "2025-04-03"), ("4/4", "2025-04-04")]),
    ("Từ tháng 3 đến tháng 5/2025, lực lượng tuần tra 40 lượt.", [("tháng 3", "2025-03"), ("tháng 5/2025", "2025-05")]),
    # bare month, year of birth
    ("Lượng xe qua cửa khẩu tăng mạnh từ tháng 8.", [("tháng 8", "2025-08")]),
    ("Đối tượng Lò Văn A (SN 1988) bị bắt giữ.", [("1988", "1988")]),
    # lists, bare quarters, days after a reference, dated days of the month
    (
        "Trong các ngày 10, 11 và 12/9, đoàn kiểm tra 5 đồn.",
        [("ngày 10", "2025-09-10"), ("11", "2025-09-11"), ("12/9", "2025-09-12")],
    ),
    ("Dự kiến trong quý IV, đơn vị tổ chức diễn tập.", [("quý IV", "2025-Q4")]),
    (
        "Sáng 20/9, tàu rời cảng. Sáng hôm sau, tàu đến đảo.",
        [("Sáng 20/9", "2025-09-20"), ("Sáng hôm sau", "2025-09-21")],
    ),
    ("Nhân dịp Quốc khánh mồng 2 tháng 9, đơn vị tặng quà.", [("mồng 2 tháng 9", "2025-09-02")]),
    ("Từ 15-20/9, lực lượng tuần tra song phương.", [("15", "2025-09-15"), ("20/9", "2025-09-20")]),
    (
        "Sáng 22/9, hội nghị khai mạc. Chiều cùng ngày, đoàn thăm đồn.",
        [("Sáng 22/9", "2025-09-22"), ("Chiều cùng ngày", "2025-09-22")],
    ),
]

# A document date far from today, to see what a parser does with a year the text leaves out.
YEAR_INFERENCE: list[tuple[datetime.date, str, str]] = [
    (datetime.date(2025, 1, 3), "Ngày 28/12, đơn vị tổ chức tổng kết.", "2024-12-28"),
    (datetime.date(2025, 1, 3), "Ngày 2/1, đơn vị ra quân huấn luyện.", "2025-01-02"),
    (datetime.date(2019, 5, 10), "Sáng 8/5, đoàn công tác đến thăm đồn.", "2019-05-08"),
    (datetime.date(2019, 5, 10), "Hôm qua, tàu cập cảng an toàn.", "2019-05-09"),
]

# Sentences with no DATE in them: numbers that look like dates, vague time words, observances.
NOT_DATE_SENTENCES: list[str] = [
    "Thực hiện Công văn số 100/TTg của Thủ tướng Chính phủ.",
    "Theo Quyết định số 1234/QĐ-UBND của tỉnh.",
    "Theo Nghị định 10/2025/NĐ-CP của Chính phủ.",
    "Đội Biên phòng thắng với tỉ số 3-1.",
    "Có 2/3 diện tích rừng được bảo vệ.",
    "Có 1/5 số hộ thoát nghèo.",
    "Liên hệ đường dây nóng 0912.345.678.",
    "Đã có 15/15 xã đạt chuẩn nông thôn mới.",
    "Tàu cá QNg 90123 TS bị hỏng máy.",
    "Khoảng 20/30 người bị thương nhẹ.",
    "Trong thời gian tới, đơn vị tiếp tục tuần tra.",
    "Hằng năm, đơn vị tổ chức diễn tập.",
    "Những năm gần đây, tình hình an ninh ổn định.",
    "Đơn vị xây dựng vững mạnh trong thời kỳ mới.",
    "Nhân dân vui đón Tết Nguyên đán.",
    "Cán bộ, chiến sĩ trực bảo vệ dịp Quốc khánh.",
]

"""The demo programmes: what plan 104/KH-UBND asks the provincial broadcaster to carry.

"Tổ chức các chương trình giáo dục trên kênh phát thanh, truyền hình, các báo điện tử, các ứng
dụng truyền hình của Đài Phát thanh Truyền hình tỉnh" — a weekly television programme on digital
skills, a radio programme in Tày on agricultural technology transfer, and an e-newspaper column
on the learning society. Times are placed around the day the demo is loaded.
"""

INDEX = {
    "title": "Chương trình giáo dục trên sóng phát thanh, truyền hình",
    "slug": "chuong-trinh",
    "introduction": "Các chương trình giáo dục trên kênh phát thanh, truyền hình, báo điện tử của Đài Phát "
    "thanh – Truyền hình Thái Nguyên phục vụ việc tự học và học tập suốt đời: xem lại, nghe lại "
    "và theo dõi lịch phát sóng.",
}
SCHEDULE = {
    "title": "Lịch phát sóng",
    "slug": "lich-phat-song",
    "introduction": "Các chương trình giáo dục sắp phát sóng trong hai tuần tới, kể cả các buổi phát lại.",
}
BROADCASTER = {
    "slug": "dai-phat-thanh-truyen-hinh",
    "name": "Đài Phát thanh – Truyền hình Thái Nguyên",
    "kind": "broadcaster",
    "website": "https://thainguyentv.vn/",
    "description": "Tổ chức các chương trình giáo dục trên kênh phát thanh, truyền hình, báo điện tử và các "
    "nền tảng số của Đài.",
}

ABOUT = (
    "<p>Chương trình thực hiện Kế hoạch số 104/KH-UBND ngày 04/7/2022 của UBND tỉnh Thái Nguyên: tổ chức "
    "các chương trình giáo dục trên kênh phát thanh, truyền hình, các báo điện tử, các ứng dụng truyền hình "
    "của Đài Phát thanh Truyền hình tỉnh; đăng tải trên nền tảng công nghệ số của các mạng xã hội có nhiều "
    "người dùng tại Việt Nam.</p><p>Mỗi số phát sóng đều có thể xem lại, nghe lại kèm phụ đề và bản ghi lời "
    "trên trang này.</p>"
)

PROGRAMMES = [
    {
        "slug": "ky-nang-so-cho-moi-nguoi",
        "title": "Kỹ năng số cho mọi người",
        "summary": "Chương trình truyền hình hằng tuần hướng dẫn người dân dùng điện thoại thông minh, dịch vụ "
        "công trực tuyến và thanh toán số an toàn, từng bước dễ làm theo.",
        "channel_kind": "tv",
        "channel_name": "THTN – Kênh Truyền hình Thái Nguyên",
        "slot": (1, "20:00", 30),  # Tuesday 20:00, 30 minutes
        "rerun": (4, "09:00"),  # the Saturday after, 09:00
        "subjects": ["ky-nang-so"],
        "audiences": ["nguoi-cao-tuoi", "nguoi-lao-dong"],
        "languages": ["vi"],
        "media": "video",
        "colour": (20, 90, 140),
        "episodes": [
            (
                "Dùng điện thoại thông minh an toàn",
                "Đặt mật khẩu, khóa màn hình và cập nhật ứng dụng để bảo vệ thông tin cá nhân.",
                [
                    "Chào mừng quý vị đến với Kỹ năng số cho mọi người.",
                    "Hôm nay: đặt mật khẩu và khóa màn hình.",
                ],
            ),
            (
                "Nộp hồ sơ trên Cổng dịch vụ công",
                "Tạo tài khoản định danh điện tử và nộp hồ sơ trực tuyến mà không cần đến trụ sở.",
                ["Dịch vụ công trực tuyến giúp người dân tiết kiệm thời gian.", "Bước đầu tiên: đăng nhập."],
            ),
            (
                "Thanh toán không dùng tiền mặt",
                "Chuyển khoản, quét mã QR và những điều cần kiểm tra trước khi xác nhận giao dịch.",
                ["Quét mã QR để thanh toán tiền điện, nước.", "Luôn kiểm tra tên người nhận."],
            ),
            (
                "Nhận diện tin giả và lừa đảo qua mạng",
                "Những dấu hiệu của tin nhắn lừa đảo và cách kiểm tra thông tin trước khi chia sẻ.",
                ["Không bấm vào đường dẫn lạ.", "Không cung cấp mã OTP cho bất kỳ ai."],
            ),
            (
                "Học trực tuyến miễn phí trên kho học liệu mở",
                "Tìm, xem trước và tải về học liệu mở của tỉnh để tự học suốt đời.",
                ["Kho học liệu mở có tài liệu miễn phí cho mọi người.", "Tìm theo chủ đề và ngôn ngữ."],
            ),
        ],
    },
    {
        "slug": "khuyen-nong-tieng-tay",
        "title": "Khuyến nông – chuyển giao kỹ thuật (tiếng Tày)",
        "summary": "Chương trình phát thanh bằng tiếng Tày phổ biến kiến thức, kỹ năng và chuyển giao công nghệ "
        "nông nghiệp cho đồng bào vùng cao.",
        "channel_kind": "radio",
        "channel_name": "Kênh Phát thanh Thái Nguyên",
        "slot": (3, "18:30", 20),  # Thursday 18:30, 20 minutes
        "rerun": (3, "06:00"),  # the Sunday after, 06:00
        "subjects": ["nong-nghiep"],
        "audiences": ["nong-dan", "dan-toc-thieu-so"],
        "languages": ["tyz", "vi"],
        "media": "audio",
        "colour": (90, 110, 30),
        "episodes": [
            (
                "Trồng chè an toàn theo hướng VietGAP",
                "Chọn giống, bón phân hữu cơ và ghi chép nhật ký sản xuất chè an toàn.",
                ["Chè an toàn bắt đầu từ đất và phân bón.", "Ghi nhật ký mỗi lần phun, bón."],
            ),
            (
                "Chăm sóc đàn gà mùa rét",
                "Che chắn chuồng trại, bổ sung thức ăn và tiêm phòng cho gà trong những ngày rét đậm.",
                ["Giữ ấm chuồng gà vào ban đêm.", "Tiêm phòng đúng lịch."],
            ),
            (
                "Ủ phân hữu cơ từ phụ phẩm nông nghiệp",
                "Tận dụng rơm rạ, thân cây ngô và chế phẩm sinh học để làm phân bón tại nhà.",
                ["Rơm rạ không đốt mà đem ủ.", "Đảo đống ủ sau hai tuần."],
            ),
            (
                "Phòng bệnh cho lúa vụ xuân",
                "Nhận biết sớm bệnh đạo ôn và cách phòng trừ theo hướng dẫn của cán bộ khuyến nông.",
                ["Thăm đồng thường xuyên.", "Báo ngay cho cán bộ khuyến nông khi thấy vết bệnh."],
            ),
            (
                "Trồng rừng gỗ lớn",
                "Lợi ích của rừng gỗ lớn và thủ tục tham gia chứng chỉ rừng bền vững.",
                ["Rừng gỗ lớn cho thu nhập cao hơn.", "Hỏi cán bộ kiểm lâm về chứng chỉ rừng."],
            ),
        ],
    },
    {
        "slug": "chuyen-muc-xa-hoi-hoc-tap",
        "title": "Chuyên mục Xây dựng xã hội học tập",
        "summary": "Chuyên mục trên báo điện tử của Đài về những gia đình, dòng họ, cộng đồng học tập và các "
        "phong trào học tập suốt đời trong tỉnh.",
        "channel_kind": "e_newspaper",
        "channel_name": "Báo điện tử Đài Phát thanh – Truyền hình Thái Nguyên",
        "slot": (2, "07:00", 10),  # Wednesday 07:00
        "rerun": None,
        "subjects": ["van-hoa-doc", "ky-nang-song"],
        "audiences": ["can-bo-cong-chuc", "phu-nu"],
        "languages": ["vi"],
        "media": "video",
        "colour": (150, 60, 30),
        "episodes": [
            (
                "Gia đình học tập ở vùng chè Tân Cương",
                "Ba thế hệ cùng học: ông bà học dùng điện thoại, con cháu học nghề làm chè.",
                ["Cả nhà cùng học mỗi tối.", "Học để làm chè ngon hơn."],
            ),
            (
                "Trung tâm học tập cộng đồng, nơi người dân học suốt đời",
                "Lớp xóa mù chữ, lớp tin học và lớp chuyển giao kỹ thuật tại trung tâm học tập cộng đồng.",
                ["Trung tâm mở cửa cho mọi người.", "Lớp tin học buổi tối đã kín chỗ."],
            ),
            (
                "Tuần lễ hưởng ứng học tập suốt đời",
                "Các hoạt động của Tuần lễ hưởng ứng học tập suốt đời tại các trường học và thư viện.",
                ["Tuần lễ diễn ra từ ngày 1 đến 7 tháng 10.", "Thư viện mở cửa cả cuối tuần."],
            ),
            (
                "Ngày Sách và Văn hóa đọc Việt Nam 21/4",
                "Phát triển văn hóa đọc trong nhà trường, gia đình và cộng đồng.",
                ["Mỗi ngày đọc một trang sách.", "Tủ sách cộng đồng ở nhà văn hóa xóm."],
            ),
            (
                "Dòng họ học tập, cộng đồng học tập",
                "Kinh nghiệm vận động dòng họ, thôn xóm đạt danh hiệu học tập.",
                ["Quỹ khuyến học của dòng họ.", "Khen thưởng con cháu học giỏi."],
            ),
        ],
    },
]

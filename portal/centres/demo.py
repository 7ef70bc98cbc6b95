"""Demo centres: one in each commune and ward of Thái Nguyên after 1 July 2025, and a site in
several of the communes and towns they took over, with the classes the plan (§III.5) asks for.

Everything is found by slug first, so loading again creates only what is missing. About seven in
ten centres use IT, the plan's 2025 target.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from portal.centres.models import CentreClass, CentreIndexPage, ClassKind, CommunityLearningCentrePage
from portal.core.demo import child_by_slug, mirror_in_other_languages, publish_child
from portal.core.models import AdminUnit, HomePage
from portal.core.text import slugify

# New unit's slug, where its centre sits (street, village), latitude, longitude.
COMMUNES = [
    ("2025-phuong-phan-dinh-phung", "Số 12 đường Hoàng Văn Thụ", 21.5942, 105.8482),
    ("2025-phuong-gia-sang", "Tổ 5, đường Cách mạng Tháng Tám", 21.5770, 105.8570),
    ("2025-phuong-song-cong", "Số 3 đường Thắng Lợi", 21.4880, 105.8410),
    ("2025-phuong-bach-quang", "Tổ dân phố Bách Quang 2", 21.4700, 105.8450),
    ("2025-phuong-pho-yen", "Tổ dân phố Ba Hàng 4", 21.4160, 105.8760),
    ("2025-xa-dinh-hoa", "Tổ dân phố Hợp Thành", 21.9130, 105.6430),
    ("2025-xa-phu-luong", "Tổ dân phố Thác Lở", 21.7560, 105.7230),
    ("2025-xa-dong-hy", "Tổ dân phố Trại Cau 1", 21.6350, 105.8780),
    ("2025-xa-vo-nhai", "Tổ dân phố Đình Cả", 21.7550, 106.0800),
    ("2025-xa-dai-tu", "Tổ dân phố Sơn Tập", 21.6330, 105.6380),
    ("2025-xa-phu-binh", "Tổ dân phố Hương Sơn 3", 21.4900, 105.9650),
    ("2025-xa-tan-cuong", "Xóm Hồng Thái 2", 21.5670, 105.7600),
]
# A site in a unit taken over on 1 July 2025: (new unit, former unit's slug, its village).
SITES = [
    ("2025-phuong-phan-dinh-phung", "tp-thai-nguyen-hoang-van-thu", "Tổ 9, phố Đồng Quang"),
    ("2025-phuong-phan-dinh-phung", "tp-thai-nguyen-quang-trung", "Tổ 15, đường Quang Trung"),
    ("2025-xa-tan-cuong", "tp-thai-nguyen-phuc-triu", "Xóm Khuôn 1"),
    ("2025-phuong-song-cong", "tp-song-cong-thang-loi", "Tổ dân phố Thắng Lợi 6"),
    ("2025-phuong-song-cong", "tp-song-cong-mo-che", "Tổ dân phố Mỏ Chè 2"),
    ("2025-xa-dinh-hoa", "huyen-dinh-hoa-cho-chu", "Tổ dân phố Trung Kiên"),
    ("2025-xa-phu-luong", "huyen-phu-luong-du", "Tổ dân phố Đu 3"),
    ("2025-xa-dong-hy", "huyen-dong-hy-trai-cau", "Tổ dân phố Trại Cau 4"),
    ("2025-xa-dai-tu", "huyen-dai-tu-hung-son", "Tổ dân phố Chợ Hùng Sơn"),
    ("2025-xa-phu-binh", "huyen-phu-binh-huong-son", "Tổ dân phố Lò Mới"),
]
CLASSES = [
    ("Lớp xóa mù chữ mức độ 2", ClassKind.LITERACY, "Tối thứ Hai, thứ Tư, thứ Sáu (19:00–21:00)", 12),
    ("Lớp giáo dục tiếp tục sau khi biết chữ", ClassKind.POST_LITERACY, "Tối thứ Ba và thứ Năm", 8),
    ("Chuyển giao kỹ thuật trồng và chế biến chè an toàn", ClassKind.TECHNOLOGY, "Sáng Chủ nhật", 25),
    (
        "Kỹ năng số cơ bản: dùng điện thoại thông minh, dịch vụ công trực tuyến",
        ClassKind.DIGITAL,
        "Chiều thứ Bảy",
        20,
    ),
    ("Tiếng Anh giao tiếp cho người lớn", ClassKind.LANGUAGE, "Tối thứ Ba và thứ Sáu", 15),
    ("Kỹ năng sống cho thanh thiếu niên", ClassKind.LIFE_SKILLS, "Sáng thứ Bảy trong hè", 30),
    ("Dạy nghề đan lát mây tre truyền thống", ClassKind.VOCATIONAL, "Chiều thứ Hai đến thứ Sáu", 0),
    ("Kỹ thuật chăn nuôi gà đồi và phòng bệnh", ClassKind.TECHNOLOGY, "Sáng thứ Năm", 18),
    ("Nghề may công nghiệp ngắn hạn", ClassKind.VOCATIONAL, "Cả ngày, thứ Hai đến thứ Sáu", 6),
]
HOURS = "Thứ Hai đến thứ Sáu: 7:30–11:00 và 13:30–17:00; các lớp buổi tối theo lịch từng lớp."


def _place(unit: AdminUnit) -> str:
    """The unit as written mid-sentence: "xã Tân Cương"."""
    return f"{unit.kind.lower()} {unit.name}"


def _name(unit: AdminUnit) -> str:
    return f"Trung tâm học tập cộng đồng {_place(unit)}"


def _rows():
    units = {unit.slug: unit for unit in AdminUnit.objects.filter(level=AdminUnit.Level.COMMUNE)}
    for slug, address, latitude, longitude in COMMUNES:
        if slug in units:
            unit = units[slug]
            yield _name(unit), unit, f"{address}, {_place(unit)}", latitude, longitude
    for number, (slug, former, village) in enumerate(SITES):
        if slug in units and former in units:
            unit, old = units[slug], units[former]
            title = f"{_name(unit)} – điểm {old.name}"
            position = (None, None) if number % 4 == 3 else (21.45 + number * 0.031, 105.70 + number * 0.027)
            yield title, unit, f"{village}, {_place(unit)}", *position


def _centre(index, number, title, unit, address, latitude, longitude):
    slug = slugify(title)[:80]
    latitude, longitude = (
        (None, None) if latitude is None else (Decimal(f"{latitude:.6f}"), Decimal(f"{longitude:.6f}"))
    )
    centre = child_by_slug(index, CommunityLearningCentrePage, slug)
    if centre is not None:
        return None
    centre = CommunityLearningCentrePage(
        title=title,
        slug=slug,
        commune=unit,
        address=address,
        latitude=latitude,
        longitude=longitude,
        phone=f"0208 38{number:02d} {100 + number * 7}",
        email=f"{slug.removeprefix('trung-tam-hoc-tap-cong-dong-')}@htcd.thainguyen.edu.vn",
        opening_hours=HOURS,
        has_internet=number % 10 not in (3, 6, 9),
        has_computers=number % 10 not in (3, 6, 9) and number % 2 == 0,
        has_library=number % 3 != 2,
        uses_it=number % 10 not in (3, 6, 9),
        description=(
            f"Nơi người dân {_place(unit)} học tập thường xuyên: tổ chức các lớp phổ biến kiến thức, "
            "kỹ năng, chuyển giao công nghệ và xóa mù chữ gắn với dạy nghề truyền thống, dạy nghề ngắn hạn "
            "và phát triển cộng đồng."
        ),
        search_description=f"Trung tâm học tập cộng đồng của {_place(unit)}, tỉnh Thái Nguyên.",
    )
    starts = datetime.date(2026, 9, 7) + datetime.timedelta(weeks=number % 6)
    for offset in range(1 + number % 3):
        title_, kind, schedule, seats = CLASSES[(number + offset * 4) % len(CLASSES)]
        centre.classes.add(
            CentreClass(
                title=title_,
                kind=kind,
                schedule=schedule,
                starts=starts,
                ends=starts + datetime.timedelta(weeks=12),
                seats=seats,
                registration_contact=f"Cán bộ trung tâm, điện thoại {centre.phone}",
            )
        )
    return publish_child(index, centre)


@transaction.atomic
def load_centres(home: HomePage, log) -> CentreIndexPage:
    index = CentreIndexPage.objects.child_of(home).first()
    if index is None:
        index = publish_child(
            home,
            CentreIndexPage(
                title="Trung tâm học tập cộng đồng",
                slug="trung-tam-hoc-tap-cong-dong",
                introduction=(
                    "Mỗi xã, phường có một trung tâm học tập cộng đồng: nơi mọi người dân học chữ, "
                    "học nghề, học kỹ năng số và kỹ năng sống gần nhà. Tìm trung tâm và lớp học gần bạn."
                ),
            ),
        )
    made = [
        centre for number, row in enumerate(_rows()) if (centre := _centre(index, number, *row)) is not None
    ]
    log(f"  learning centres: {len(made)} created, {index.get_children().count()} in all")
    return index


def load_centres_demo(log) -> None:
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        log("  learning centres skipped: no Vietnamese home page")
        return
    index = load_centres(home, log)
    _register_online(index, log)
    mirror_in_other_languages(home, [index], log)


def _register_online(index: CentreIndexPage, log) -> None:
    """One class signs people up through an upcoming event's registration form (the events
    app's seats, waiting list and confirmation), the way a centre announces a class opening."""
    from django.utils import timezone

    from portal.events.models import EventPage

    event = (
        EventPage.objects.live()
        .filter(capacity__gt=0, starts_at__gt=timezone.now(), locale__language_code="vi")
        .order_by("starts_at")
        .first()
    )
    centre = CommunityLearningCentrePage.objects.child_of(index).live().order_by("path").first()
    if event is None or centre is None or any(item.registration_event_id for item in centre.classes.all()):
        return
    first = centre.classes.all()[0]
    first.registration_event = event
    centre.save_revision().publish()
    log(f"  learning centres: “{first.title}” takes registrations through “{event.title}”")

"""Demo content of the events: the latest Lifelong Learning Week (over, with its results) and the
next Vietnam Book and Reading Culture Day (21 April, upcoming), with events in the province's
communes and wards as they are since 1 July 2025.

Plan 104/KH-UBND asks every unit to hold both each year. Dates follow the day the demo is loaded:
the week shown is the latest one already over, the Book Day the next one to come, so the home
page always has upcoming events. Everything is found by slug first: loading again adds only
what is missing. Registrations are the registrations app's demo, not this one's.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.core.demo import child_by_slug, mirror_in_other_languages, publish_child
from portal.core.models import AdminUnit, Audience, HomePage
from portal.events.models import (
    CampaignOrganiser,
    CampaignPage,
    EventIndexPage,
    EventPage,
    EventResource,
    EventStatus,
)
from portal.organisations.contributors import find_or_create
from portal.organisations.models import Organisation
from search.signals import batched_updates

DEPARTMENT = ("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", Organisation.Kind.DEPARTMENT)
ORGANISERS = {
    "sgd": DEPARTMENT,
    "gia-sang": ("ubnd-phuong-gia-sang", "Ủy ban nhân dân phường Gia Sàng", Organisation.Kind.DEPARTMENT),
    "dinh-hoa": ("ubnd-xa-dinh-hoa", "Ủy ban nhân dân xã Định Hóa", Organisation.Kind.DEPARTMENT),
    "pho-yen": ("ubnd-phuong-pho-yen", "Ủy ban nhân dân phường Phổ Yên", Organisation.Kind.DEPARTMENT),
    "vo-nhai": ("ubnd-xa-vo-nhai", "Ủy ban nhân dân xã Võ Nhai", Organisation.Kind.DEPARTMENT),
    "dong-hy": ("ubnd-xa-dong-hy", "Ủy ban nhân dân xã Đồng Hỷ", Organisation.Kind.DEPARTMENT),
    "tan-cuong": ("tthtcd-tan-cuong", "Trung tâm học tập cộng đồng xã Tân Cương", Organisation.Kind.OTHER),
}
INDEX = {
    "title": "Sự kiện",
    "slug": "su-kien",
    "introduction": "Tuần lễ hưởng ứng học tập suốt đời, Ngày Sách và Văn hóa đọc Việt Nam và các hoạt "
    "học tập tại xã, phường, trung tâm học tập cộng đồng trên địa bàn tỉnh Thái Nguyên.",
}

# (slug, title, day offset from the campaign's first day, start "HH:MM" or None for all day,
#  end, unit slug, venue, organiser key, capacity, audiences, resource ids, status, summary)
WEEK_EVENTS = [
    (
        "khai-mac",
        "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời",
        0,
        "08:00",
        "10:30",
        "2025-phuong-phan-dinh-phung",
        "Hội trường Trung tâm Hội nghị tỉnh",
        "sgd",
        300,
        ["can-bo-cong-chuc", "giao-vien"],
        [],
        EventStatus.SCHEDULED,
        "Phát động Tuần lễ, biểu dương gia đình hiếu học, dòng họ khuyến học, cộng đồng học tập tiêu biểu.",
    ),
    (
        "ky-nang-so-nguoi-cao-tuoi",
        "Ngày hội kỹ năng số cho người cao tuổi",
        1,
        "14:00",
        "16:30",
        "2025-phuong-gia-sang",
        "Nhà văn hóa tổ dân phố 5",
        "gia-sang",
        60,
        ["nguoi-cao-tuoi"],
        ["tn-kns-dien-thoai-thong-minh", "tn-kns-lua-dao-truc-tuyen"],
        EventStatus.SCHEDULED,
        "Cầm tay chỉ việc: gọi video, nhận biết tin nhắn lừa đảo, dùng dịch vụ công trực tuyến.",
    ),
    (
        "chuyen-giao-ky-thuat-che",
        "Chuyển giao kỹ thuật trồng chè theo tiêu chuẩn VietGAP",
        2,
        None,
        None,
        "2025-xa-tan-cuong",
        "Trung tâm học tập cộng đồng xã Tân Cương",
        "tan-cuong",
        None,
        ["nong-dan"],
        ["tn-nn-che-vietgap", "tn-nn-ban-nong-san-truc-tuyen"],
        EventStatus.SCHEDULED,
        "Học trên đồi chè: chăm sóc, thu hái, ghi chép nhật ký sản xuất và bán chè trên sàn thương mại điện tử.",
    ),
    (
        "doc-sach-song-ngu",
        "Lớp đọc sách song ngữ Tày – Việt cho người mới biết chữ",
        3,
        "08:00",
        "11:00",
        "2025-xa-dinh-hoa",
        "Nhà văn hóa thôn Bản Quyền",
        "dinh-hoa",
        40,
        ["dan-toc-thieu-so", "nguoi-moi-biet-chu"],
        ["tn-xmc-truyen-tay-viet", "tn-xmc-giai-doan-1"],
        EventStatus.SCHEDULED,
        "Duy trì kết quả xóa mù chữ: đọc truyện song ngữ, viết thư cho con cháu.",
    ),
    (
        "tu-van-hoc-nghe",
        "Tư vấn học nghề và ngoại ngữ cho công nhân",
        4,
        "19:00",
        "21:00",
        "2025-phuong-pho-yen",
        "Nhà văn hóa khu công nghiệp Yên Bình",
        "pho-yen",
        120,
        ["nguoi-lao-dong", "thanh-thieu-nien"],
        ["tn-ng-tieng-han-cong-nhan", "tn-nghe-an-toan-lao-dong"],
        EventStatus.SCHEDULED,
        "Giới thiệu các lớp học buổi tối, học từ xa và học liệu mở cho người lao động.",
    ),
    (
        "ngay-hoi-doc-sach-vo-nhai",
        "Ngày hội đọc sách và chia sẻ kinh nghiệm học tập",
        5,
        "08:00",
        "11:00",
        "2025-xa-vo-nhai",
        "Trường Tiểu học Võ Nhai",
        "vo-nhai",
        None,
        ["hoc-sinh", "phu-nu"],
        ["tn-vh-doc-sach-cung-con"],
        EventStatus.CANCELLED,
        "Đã hủy vì mưa lớn kéo dài; các hoạt động được lồng ghép vào Ngày Sách năm sau.",
    ),
    (
        "tong-ket",
        "Tổng kết Tuần lễ và trao danh hiệu công dân học tập",
        6,
        "14:00",
        "16:00",
        "2025-xa-phu-luong",
        "Hội trường Ủy ban nhân dân xã Phú Lương",
        "sgd",
        200,
        ["can-bo-cong-chuc"],
        [],
        EventStatus.SCHEDULED,
        "Báo cáo kết quả Tuần lễ, trao danh hiệu công dân học tập, gia đình học tập tiêu biểu.",
    ),
]
BOOK_DAY_EVENTS = [
    (
        "ngay-hoi-sach",
        "Ngày hội Sách và Văn hóa đọc tỉnh Thái Nguyên",
        0,
        "08:00",
        "17:00",
        "2025-phuong-phan-dinh-phung",
        "Quảng trường Võ Nguyên Giáp",
        "sgd",
        None,
        ["hoc-sinh", "thanh-thieu-nien", "giao-vien"],
        ["tn-vh-sach-hay-thang-4"],
        EventStatus.SCHEDULED,
        "Gian trưng bày sách, đổi sách cũ lấy sách mới, giới thiệu thư viện số và học liệu mở.",
    ),
    (
        "doc-sach-cung-con",
        "Đọc sách cùng con",
        0,
        "09:00",
        "10:30",
        "2025-phuong-gia-sang",
        "Phòng đọc thiếu nhi, Nhà văn hóa phường Gia Sàng",
        "gia-sang",
        40,
        ["phu-nu", "hoc-sinh"],
        ["tn-vh-doc-sach-cung-con"],
        EventStatus.SCHEDULED,
        "Cha mẹ và con cùng đọc, kể lại câu chuyện và làm thẻ đọc sách.",
    ),
    (
        "tu-sach-cong-dong",
        "Khai trương tủ sách cộng đồng và giao lưu tác giả",
        1,
        "14:00",
        "16:00",
        "2025-xa-dong-hy",
        "Nhà văn hóa xã Đồng Hỷ",
        "dong-hy",
        80,
        ["nguoi-cao-tuoi", "nong-dan"],
        ["tn-nn-che-bien-che-xanh"],
        EventStatus.SCHEDULED,
        "Tủ sách do người dân góp sách; giao lưu với tác giả viết về nghề chè Thái Nguyên.",
    ),
    (
        "tra-cuu-thu-vien-so",
        "Hướng dẫn tra cứu và mượn sách điện tử",
        1,
        "19:30",
        "21:00",
        "2025-xa-dai-tu",
        "",
        "sgd",
        100,
        ["can-bo-cong-chuc", "giao-vien"],
        ["tn-vh-tra-cuu-thu-vien-so"],
        EventStatus.MOVED_ONLINE,
        "Buổi hướng dẫn chuyển sang trực tuyến để người ở xa cùng tham gia.",
    ),
    (
        "sach-voi-tuoi-tre",
        "Giao lưu “Sách với tuổi trẻ”",
        2,
        "08:00",
        "10:00",
        "2025-xa-tan-cuong",
        "Trung tâm học tập cộng đồng xã Tân Cương",
        "tan-cuong",
        50,
        ["thanh-thieu-nien"],
        ["tn-vh-hat-then"],
        EventStatus.POSTPONED,
        "Hoãn để trùng lịch thu hái chè; ngày mới sẽ được thông báo.",
    ),
]
ONLINE_URL = "https://hoclieumo.thainguyen.edu.vn/truc-tuyen/thu-vien-so"


def week_start(today: datetime.date) -> datetime.date:
    """The first day (1 October) of the latest Lifelong Learning Week already over."""
    this_year = datetime.date(today.year, 10, 1)
    return (
        this_year
        if today > this_year + datetime.timedelta(days=6)
        else this_year.replace(year=today.year - 1)
    )


def next_book_day(today: datetime.date) -> datetime.date:
    """The next 21 April still to come (a few days ahead at least, so its events are upcoming)."""
    this_year = datetime.date(today.year, 4, 21)
    return (
        this_year
        if today + datetime.timedelta(days=3) < this_year
        else this_year.replace(year=today.year + 1)
    )


def _moment(day: datetime.date, hour_minute: str) -> datetime.datetime:
    hour, minute = map(int, hour_minute.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def organisation(key: str) -> Organisation:
    slug, name, kind = ORGANISERS[key]
    found = Organisation.objects.filter(slug=slug).first()
    return found or find_or_create(name, slug, kind)[0]


def events_index(home: HomePage, log) -> EventIndexPage:
    index = child_by_slug(home, EventIndexPage, INDEX["slug"])
    if index is None:
        index = publish_child(home, EventIndexPage(locale=home.locale, **INDEX))
        log(f"  “{index.title}” created")
    return index


def campaign(index, slug: str, **fields) -> CampaignPage:
    page = child_by_slug(index, CampaignPage, slug)
    if page is None:
        page = CampaignPage(slug=slug, locale=index.locale, **fields)
        page.organisers = [CampaignOrganiser(organisation=organisation("sgd"))]
        publish_child(index, page)
    return page


def add_events(parent: CampaignPage, rows, first_day: datetime.date) -> int:
    units = AdminUnit.objects.in_bulk(field_name="slug")
    audiences = Audience.objects.in_bulk(field_name="slug")
    resources = _resources()
    created = 0
    for (
        slug,
        title,
        offset,
        start,
        end,
        unit,
        venue,
        organiser,
        capacity,
        groups,
        links,
        status,
        text,
    ) in rows:
        if child_by_slug(parent, EventPage, slug):
            continue
        day = first_day + datetime.timedelta(days=offset)
        event = EventPage(
            title=title,
            slug=slug,
            locale=parent.locale,
            summary=text,
            starts_at=_moment(day, start or "00:00"),
            ends_at=_moment(day, end) if end else None,
            all_day=start is None,
            venue=venue,
            commune=units.get(unit),
            organiser=organisation(organiser),
            capacity=capacity,
            status=status,
            online_url=ONLINE_URL if status == EventStatus.MOVED_ONLINE else "",
        )
        event.audiences = [audiences[key] for key in groups if key in audiences]
        event.related_resources = [
            EventResource(resource=resources[key]) for key in links if key in resources
        ]
        publish_child(parent, event)
        created += 1
    return created


def _resources() -> dict:
    from django.apps import apps

    model = apps.get_model("resources", "LearningResourcePage")
    return {page.identifier: page for page in model.objects.live()}


@transaction.atomic
def load_events_demo(log) -> None:
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        return
    today = timezone.localdate()
    with batched_updates():
        index = events_index(home, log)
        start = week_start(today)
        week = campaign(
            index,
            f"tuan-le-hoc-tap-suot-doi-{start.year}",
            title=f"Tuần lễ hưởng ứng học tập suốt đời năm {start.year}",
            kind=CampaignPage.Kind.LIFELONG_LEARNING_WEEK,
            year=start.year,
            start_date=start,
            end_date=start + datetime.timedelta(days=6),
            theme="Chuyển đổi số trong học tập suốt đời",
            slogan="Học tập suốt đời – chìa khóa phát triển bền vững",
            organisers_text="Ủy ban nhân dân các xã, phường; Hội Khuyến học tỉnh; các trung tâm học tập cộng đồng",
            introduction="Hằng năm, tỉnh tổ chức hiệu quả “Tuần lễ hưởng ứng học tập suốt đời” trên tất cả "
            "các địa phương, gắn với phong trào xây dựng gia đình hiếu học, dòng họ khuyến học, "
            "đơn vị học tập, cộng đồng học tập (Kế hoạch 104/KH-UBND).",
            participants=18640,
            activities=126,
            results_summary="Các xã, phường tổ chức 126 hoạt động với 18.640 lượt người tham gia: lớp kỹ "
            "năng số cho người cao tuổi, chuyển giao kỹ thuật nông nghiệp, lớp đọc sách song ngữ cho "
            "đồng bào dân tộc thiểu số, tư vấn học nghề cho công nhân.\n\n"
            "312 gia đình, 45 dòng họ và 28 cộng đồng được công nhận danh hiệu học tập.",
        )
        book_day = next_book_day(today)
        books = campaign(
            index,
            f"ngay-sach-va-van-hoa-doc-{book_day.year}",
            title=f"Ngày Sách và Văn hóa đọc Việt Nam năm {book_day.year}",
            kind=CampaignPage.Kind.BOOK_DAY,
            year=book_day.year,
            start_date=book_day - datetime.timedelta(days=6),
            end_date=book_day + datetime.timedelta(days=4),
            theme="Phát triển văn hóa đọc trong cộng đồng",
            slogan="Mỗi gia đình một tủ sách, mỗi người dân một thói quen đọc",
            introduction="Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam 21/4, các xã, phường, thư viện và "
            "trung tâm học tập cộng đồng tổ chức hoạt động phát triển văn hóa đọc.",
        )
        created = add_events(week, WEEK_EVENTS, start) + add_events(books, BOOK_DAY_EVENTS, book_day)
        if created:
            log(f"  events: {created} added to “{week.title}” and “{books.title}”")
    mirror_in_other_languages(home, [index], log)

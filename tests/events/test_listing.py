"""/su-kien/: upcoming or past events, filters as a GET form, pages, and a month calendar."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.core.models import Audience
from portal.events import listing
from portal.events.listing import MONTH_NOT_UNDERSTOOD
from tests.events.factories import CampaignPageFactory, EventPageFactory, local
from tests.factories import AdminUnitFactory, AudienceFactory

pytestmark = pytest.mark.django_db


def days_from_now(days: int, hour: int = 8) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return local(day.year, day.month, day.day, hour)


def add_events(parent):
    """``add(n)`` adds n upcoming events under ``parent``, spread over three communes."""
    units, audience = [AdminUnitFactory() for _ in range(3)], AudienceFactory()

    def add(count):
        for number in range(count):
            EventPageFactory(
                parent=parent,
                starts_at=days_from_now(number + 1),
                commune=units[number % 3],
                audiences=[audience],
            )

    return add


@pytest.fixture
def programme(index):
    """Two campaigns, three units, events past and to come."""
    week = CampaignPageFactory(parent=index, title="Tuần lễ học tập 2026", slug="tuan-le-2026")
    book_day = CampaignPageFactory(parent=index, title="Ngày Sách 2027", slug="ngay-sach-2027")
    dinh_hoa = AdminUnitFactory(kind="Xã", name="Định Hóa", slug="2025-xa-dinh-hoa")
    gia_sang = AdminUnitFactory(kind="Phường", name="Gia Sàng", slug="2025-phuong-gia-sang")
    elderly = AudienceFactory(name="Người cao tuổi", slug="nguoi-cao-tuoi")
    return {
        "past": EventPageFactory(
            parent=week, title="Lớp kỹ năng số đã qua", commune=dinh_hoa, starts_at=days_from_now(-30)
        ),
        "older": EventPageFactory(parent=week, title="Hội thảo cũ hơn", starts_at=days_from_now(-60)),
        "soon": EventPageFactory(
            parent=book_day,
            title="Đọc sách cùng con",
            commune=gia_sang,
            starts_at=days_from_now(2),
            audiences=[elderly],
        ),
        "later": EventPageFactory(
            parent=index, title="Ngày hội đọc sách", commune=dinh_hoa, starts_at=days_from_now(40)
        ),
    }


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


def test_upcoming_events_come_first_soonest_first(client, programme):
    response = client.get("/su-kien/")

    assert response.status_code == 200
    assert titles(response) == ["Đọc sách cùng con", "Ngày hội đọc sách"]


def test_past_events_newest_first(client, programme):
    assert titles(client.get("/su-kien/?when=past")) == ["Lớp kỹ năng số đã qua", "Hội thảo cũ hơn"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("unit=2025-xa-dinh-hoa", ["Ngày hội đọc sách"]),
        ("unit=2025-xa-dinh-hoa&when=past", ["Lớp kỹ năng số đã qua"]),
        ("campaign=ngay-sach-2027", ["Đọc sách cùng con"]),
        ("campaign=tuan-le-2026&when=past", ["Lớp kỹ năng số đã qua", "Hội thảo cũ hơn"]),
        ("audience=nguoi-cao-tuoi", ["Đọc sách cùng con"]),
    ],
)
def test_filters(client, programme, params, expected):
    assert titles(client.get(f"/su-kien/?{params}")) == expected


def test_a_month_alone_shows_that_whole_month(client, programme):
    month = programme["past"].start_day

    response = client.get(f"/su-kien/?month={month:%Y-%m}")

    assert "Lớp kỹ năng số đã qua" in titles(response)
    assert "Ngày hội đọc sách" not in titles(response)


@pytest.mark.parametrize(
    "params",
    [
        "unit=khong-co",
        "month=2026-13",
        "month=abc",
        "campaign=%00",
        "audience=<script>",
        "when=tomorrow",
        "page=9999",
        "page=-1",
        "unit=" + "x" * 5000,
    ],
)
def test_bad_parameters_are_left_out_with_a_note_never_an_error(client, programme, params):
    response = client.get(f"/su-kien/?{params}")

    assert response.status_code == 200
    if not params.startswith("page"):
        assert response.context["ignored_filters"]
    assert "Đọc sách cùng con" in response.text or params.startswith("page")


def test_listing_pages_run_a_fixed_number_of_queries(client, index, monkeypatch):
    monkeypatch.setattr(listing, "PAGE_SIZE", 50)
    make = add_events(index)

    make(2)
    client.get("/su-kien/")  # warm the site and locale caches
    with CaptureQueriesContext(connection) as few:
        assert len(client.get("/su-kien/").context["events"]) == 2
    make(10)
    client.get("/su-kien/")  # what pages keep until a change is read again after one
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/su-kien/").context["events"]) == 12

    assert len(many) == len(few)


def test_pages_of_events(client, index, monkeypatch):
    monkeypatch.setattr(listing, "PAGE_SIZE", 2)
    for number in range(5):
        EventPageFactory(parent=index, title=f"Sự kiện {number}", starts_at=days_from_now(number + 1))

    second = client.get("/su-kien/?page=2")

    assert titles(second) == ["Sự kiện 2", "Sự kiện 3"]
    assert 'rel="next"' in second.text and 'rel="prev"' in second.text


def test_month_calendar_puts_events_on_their_days(client, index):
    EventPageFactory(parent=index, title="Khai mạc Tuần lễ", starts_at=local(2026, 10, 1, 8))
    EventPageFactory(
        parent=index,
        title="Hội chợ sách ba ngày",
        starts_at=local(2026, 10, 30),
        ends_at=local(2026, 11, 1),
        all_day=True,
    )
    EventPageFactory(parent=index, title="Hội thảo tháng Mười Một", starts_at=local(2026, 11, 5, 8))

    response = client.get("/su-kien/lich/2026/10/")

    assert response.status_code == 200
    days = {
        day["date"]: [event.title for event in day["events"]]
        for week in response.context["weeks"]
        for day in week
    }
    assert days[datetime.date(2026, 10, 1)] == ["Khai mạc Tuần lễ"]
    assert days[datetime.date(2026, 10, 30)] == days[datetime.date(2026, 10, 31)] == ["Hội chợ sách ba ngày"]
    assert days[datetime.date(2026, 11, 1)] == []  # the next month's days are only for orientation
    assert "Hội thảo tháng Mười Một" not in response.text
    assert response.context["weeks"][0][0]["date"] == datetime.date(2026, 9, 28)  # weeks start on Monday
    assert '<table class="events-calendar__table">' in response.text
    assert (
        'href="/su-kien/lich/2026/09/"' in response.text and 'href="/su-kien/lich/2026/11/"' in response.text
    )


def test_calendar_month_from_the_query_and_friendly_when_not_understood(client, index):
    EventPageFactory(parent=index, title="Khai mạc Tuần lễ", starts_at=local(2026, 10, 1, 8))

    assert "Khai mạc Tuần lễ" in client.get("/su-kien/lich/?thang=2026-10").text
    bad = client.get("/su-kien/lich/?thang=2026-99")
    assert bad.status_code == 200
    assert str(MONTH_NOT_UNDERSTOOD) in bad.text.replace("&#x27;", "'")
    assert bad.context["month"] == timezone.localdate().replace(day=1)
    assert client.get("/su-kien/lich/2026/13/").status_code == 404
    assert client.get("/su-kien/lich/99999/1/").status_code == 404


def test_english_site_mirrors_the_listing(client, index, programme):
    from wagtail.models import Locale

    english_home = index.get_parent().specific.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0]
    )
    english_home.save_revision().publish()
    index.create_alias(parent=english_home, update_locale=english_home.locale, reset_translation_key=False)

    response = client.get("/en/su-kien/")

    assert response.status_code == 200
    assert titles(response) == ["Đọc sách cùng con", "Ngày hội đọc sách"]
    assert client.get("/en/su-kien/lich/2026/10/").status_code == 200
    assert Audience.objects.filter(slug="nguoi-cao-tuoi").exists()

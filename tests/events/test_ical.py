"""iCalendar beside every event, campaign and the events index, read back as a calendar app would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from portal.events.ical import domain
from portal.events.models import EventStatus
from tests.events.factories import EventPageFactory, local
from tests.factories import AdminUnitFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def read(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events_of(calendar: Calendar) -> dict[str, object]:
    return {str(item["summary"]): item for item in calendar.walk("VEVENT")}


def test_an_event_late_at_night_keeps_its_local_day_and_hours(client, index):
    commune = AdminUnitFactory(kind="Xã", name="Định Hóa")
    event = EventPageFactory(
        parent=index,
        title="Đêm thơ chào Ngày Sách",
        starts_at=local(2030, 4, 20, 23, 30),
        ends_at=local(2030, 4, 21, 0, 30),
        venue="Nhà văn hóa thôn Bản Quyền",
        address="Thôn Bản Quyền",
        commune=commune,
    )

    calendar = read(client.get(f"{event.url}lich.ics"))

    (item,) = calendar.walk("VEVENT")
    start, end = item.decoded("dtstart"), item.decoded("dtend")
    assert start.astimezone(UTC) == datetime.datetime(2030, 4, 20, 16, 30, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime.datetime(2030, 4, 20, 17, 30, tzinfo=UTC)
    local_start = start.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert (local_start.day, local_start.hour, local_start.minute) == (20, 23, 30)
    assert item["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [zone["tzid"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(item["uid"]) == f"event-{event.pk}@{domain()}"
    assert str(item["location"]) == "Nhà văn hóa thôn Bản Quyền, Thôn Bản Quyền, Xã Định Hóa"
    assert str(item["url"]) == f"http://testserver{event.url}"
    assert str(item["status"]) == "CONFIRMED"
    assert "ATTENDEE" not in calendar.to_ical().decode()


def test_all_day_events_are_dates_with_the_exclusive_end(client, index):
    event = EventPageFactory(
        parent=index, title="Hội sách", starts_at=local(2030, 4, 19), ends_at=local(2030, 4, 21), all_day=True
    )

    (item,) = read(client.get(f"{event.url}lich.ics")).walk("VEVENT")

    assert item.decoded("dtstart") == datetime.date(2030, 4, 19)
    assert item.decoded("dtend") == datetime.date(2030, 4, 22)
    assert "VALUE=DATE" in item.to_ical().decode()


def test_uids_stay_the_same_and_cancelled_events_say_so(client, index):
    event = EventPageFactory(parent=index, title="Giao lưu tác giả")
    first = events_of(read(client.get(f"{event.url}lich.ics")))["Giao lưu tác giả"]["uid"]

    event.status = EventStatus.CANCELLED
    event.save_revision().publish()
    again = events_of(read(client.get(f"{event.url}lich.ics")))["Giao lưu tác giả"]

    assert again["uid"] == first
    assert str(again["status"]) == "CANCELLED"


def test_campaign_feed_has_its_events_and_index_feed_only_upcoming_ones(client, index, campaign):
    soon = timezone.localtime() + datetime.timedelta(days=5)
    EventPageFactory(parent=campaign, title="Khai mạc", starts_at=soon)
    EventPageFactory(parent=campaign, title="Đã qua", starts_at=soon - datetime.timedelta(days=60))
    EventPageFactory(parent=index, title="Ngoài chiến dịch", starts_at=soon)

    campaign_events = events_of(read(client.get(f"{campaign.url}lich.ics")))
    upcoming = events_of(read(client.get("/su-kien/lich.ics")))

    assert set(campaign_events) == {"Khai mạc", "Đã qua"}
    assert set(upcoming) == {"Khai mạc", "Ngoài chiến dịch"}


def test_pages_link_their_calendar_from_the_head(client, index, campaign):
    event = EventPageFactory(parent=campaign)

    for page, ics in (
        (index, "/su-kien/lich.ics"),
        (campaign, f"{campaign.url}lich.ics"),
        (event, f"{event.url}lich.ics"),
    ):
        html = client.get(page.url).text
        head = html[: html.index("</head>")]
        assert f'<link rel="alternate" type="text/calendar" href="{ics}"' in head
        assert client.get(ics).status_code == 200


def test_no_calendar_for_drafts_or_unknown_pages(client, index):
    draft = EventPageFactory(parent=index, live=False)

    assert client.get(f"{draft.url_path[len('/trang-chu') :]}lich.ics").status_code == 404
    assert client.get("/khong-co-trang-nay/lich.ics").status_code == 404

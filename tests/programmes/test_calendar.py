"""iCalendar feeds: times right in any calendar, one UID per airing for good."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar

from portal.programmes.models import Airing
from tests.programmes.factories import AiringFactory, EpisodePageFactory

pytestmark = pytest.mark.django_db


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def tomorrow_at(hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone())


def test_schedule_feed_lists_every_programmes_airings_in_vietnam_time(client, schedule, programme, radio):
    episode = EpisodePageFactory(parent=programme, title="Thanh toán số", air_time=tomorrow_at(20))
    slot = AiringFactory(programme=radio, kind="slot", starts_at=tomorrow_at(23, 30))

    found = {str(event["UID"]): event for event in events(client.get("/lich-phat-song/lich.ics"))}

    first = Airing.objects.get(episode=episode)
    tv, radio_event = found[f"airing-{first.pk}@127.0.0.1"], found[f"airing-{slot.pk}@127.0.0.1"]
    assert tv.decoded("DTSTART") == tomorrow_at(20)
    assert tv.decoded("DTEND") == tomorrow_at(20, 30)
    assert tv["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert str(tv["SUMMARY"]) == "Kỹ năng số cho mọi người: Thanh toán số"
    assert str(tv["LOCATION"]) == "THTN – Kênh Truyền hình Thái Nguyên"
    assert str(tv["URL"]).startswith("http") and str(tv["URL"]).endswith(episode.url)
    assert radio_event.decoded("DTSTART").astimezone(datetime.UTC) == tomorrow_at(23, 30).astimezone(
        datetime.UTC
    )
    assert "DTSTAMP" in tv


def test_the_feed_carries_a_vtimezone_for_vietnam(client, schedule, programme):
    EpisodePageFactory(parent=programme, air_time=tomorrow_at(20))

    calendar = Calendar.from_ical(client.get("/lich-phat-song/lich.ics").content)

    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_uids_stay_the_same_when_an_episode_moves(client, schedule, programme):
    episode = EpisodePageFactory(parent=programme, air_time=tomorrow_at(20))
    before = [str(event["UID"]) for event in events(client.get("/lich-phat-song/lich.ics"))]

    episode.air_time = tomorrow_at(21)
    episode.save_revision().publish()
    after = events(client.get("/lich-phat-song/lich.ics"))

    assert [str(event["UID"]) for event in after] == before
    assert after[0].decoded("DTSTART") == tomorrow_at(21)


def test_episode_calendar_lists_its_first_airing_and_reruns(client, programme):
    episode = EpisodePageFactory(parent=programme, title="Ủ phân hữu cơ", air_time=tomorrow_at(18, 30))
    episode.airings.add(Airing(kind="rerun", starts_at=tomorrow_at(18, 30) + datetime.timedelta(days=3)))
    episode.save_revision().publish()

    found = events(client.get(episode.url + "lich.ics"))

    assert [event.decoded("DTSTART") for event in found] == [
        tomorrow_at(18, 30),
        tomorrow_at(18, 30) + datetime.timedelta(days=3),
    ]
    assert str(found[1]["SUMMARY"]) == f"Kỹ năng số cho mọi người: Ủ phân hữu cơ – {gettext('rerun')}"


def test_programme_calendar_has_only_that_programme(client, programme, radio):
    EpisodePageFactory(parent=programme, air_time=tomorrow_at(20))
    AiringFactory(programme=radio, kind="slot", starts_at=tomorrow_at(6))

    found = events(client.get(programme.url + "lich.ics"))

    assert [str(event["LOCATION"]) for event in found] == ["THTN – Kênh Truyền hình Thái Nguyên"]


def test_a_calendar_address_under_an_unknown_page_is_not_found(client, schedule):
    assert client.get("/lich-phat-song/khong-co/lich.ics").status_code == 404

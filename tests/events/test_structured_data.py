"""Events and campaigns describe themselves to search engines (schema.org Event, EventSeries)."""

import datetime

import pytest
from django.utils import timezone

from portal.events.models import EventStatus
from tests.core.test_structured_data import structured_data
from tests.events.factories import EventPageFactory, local
from tests.factories import AdminUnitFactory, AudienceFactory
from tests.resources.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
SCHEMA = "https://schema.org/"


def node_of(client, page, schema_type: str) -> dict:
    (node,) = [item for item in structured_data(client.get(page.url).text) if item["@type"] == schema_type]
    return node


def test_an_event_with_its_place_organiser_status_and_free_offer(client, index, campaign):
    start = timezone.localtime() + datetime.timedelta(days=10)
    event = EventPageFactory(
        parent=campaign,
        title="Ngày hội kỹ năng số cho người cao tuổi",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        venue="Nhà văn hóa tổ dân phố 5",
        address="Tổ 5",
        commune=AdminUnitFactory(kind="Phường", name="Gia Sàng"),
        organiser=OrganisationFactory(name="Ủy ban nhân dân phường Gia Sàng", slug="ubnd-gia-sang"),
        capacity=60,
        audiences=[AudienceFactory(name="Người cao tuổi", slug="nguoi-cao-tuoi")],
    )

    node = node_of(client, event, "Event")

    assert node["name"] == event.title
    assert node["startDate"].endswith("+07:00")  # local time with its offset
    assert datetime.datetime.fromisoformat(node["startDate"]) == start
    assert node["eventStatus"] == SCHEMA + "EventScheduled"
    assert node["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert node["location"]["@type"] == "Place"
    assert node["location"]["name"] == "Nhà văn hóa tổ dân phố 5"
    assert node["location"]["address"]["addressLocality"] == "Phường Gia Sàng"
    assert node["organizer"] == {
        "@type": "Organization",
        "name": "Ủy ban nhân dân phường Gia Sàng",
        "email": "lienhe@ubnd-gia-sang.edu.vn",
    }
    assert node["isAccessibleForFree"] is True
    assert node["offers"]["price"] == "0" and node["offers"]["priceCurrency"] == "VND"
    assert node["offers"]["availability"] == SCHEMA + "LimitedAvailability"
    assert node["superEvent"]["name"] == campaign.title
    assert node["audience"] == [{"@type": "Audience", "audienceType": "Người cao tuổi"}]


def test_all_day_events_give_dates_and_online_ones_a_virtual_location(client, index):
    all_day = EventPageFactory(
        parent=index, starts_at=local(2030, 4, 21), ends_at=local(2030, 4, 22), all_day=True
    )
    online = EventPageFactory(
        parent=index, status=EventStatus.MOVED_ONLINE, online_url="https://hop.example.vn/doc-sach"
    )

    dated = node_of(client, all_day, "Event")
    virtual = node_of(client, online, "Event")

    assert (dated["startDate"], dated["endDate"]) == ("2030-04-21", "2030-04-22")
    assert virtual["eventStatus"] == SCHEMA + "EventMovedOnline"
    assert virtual["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert virtual["location"] == {"@type": "VirtualLocation", "url": "https://hop.example.vn/doc-sach"}


@pytest.mark.parametrize(
    ("status", "schema_status"),
    [(EventStatus.CANCELLED, "EventCancelled"), (EventStatus.POSTPONED, "EventPostponed")],
)
def test_cancelled_and_postponed_events_say_so(client, index, status, schema_status):
    event = EventPageFactory(parent=index, status=status)

    node = node_of(client, event, "Event")

    assert node["eventStatus"] == SCHEMA + schema_status
    if status == EventStatus.CANCELLED:
        assert "offers" not in node


def test_a_campaign_is_an_event_series_with_its_events(client, campaign):
    campaign.theme = "Chuyển đổi số trong học tập suốt đời"
    campaign.save_revision().publish()
    first = EventPageFactory(parent=campaign, title="Khai mạc", starts_at=local(2026, 10, 1, 8))
    EventPageFactory(parent=campaign, title="Tổng kết", starts_at=local(2026, 10, 7, 14))

    node = node_of(client, campaign, "EventSeries")

    assert (node["startDate"], node["endDate"]) == ("2026-10-01", "2026-10-07")
    assert [event["name"] for event in node["subEvent"]] == ["Khai mạc", "Tổng kết"]
    assert node["subEvent"][0]["url"] == f"http://testserver{first.url}"
    assert node["subEvent"][0]["startDate"] == "2026-10-01T08:00:00+07:00"

"""Events in search, on the home page, and in the demo content."""

import datetime

import pytest
from django.utils import timezone

from portal.core.models import AdminUnit
from portal.core.reference_data import load_admin_units, load_vocabularies
from portal.events.demo import load_events_demo, next_book_day, week_start
from portal.events.models import CampaignPage, EventIndexPage, EventPage
from search.query import SearchQuery, search
from tests.events.factories import EventPageFactory, local
from tests.factories import AdminUnitFactory

pytestmark = pytest.mark.django_db


def test_events_and_campaigns_are_found_with_their_date_type_and_area(
    index, campaign, django_capture_on_commit_callbacks
):
    unit = AdminUnitFactory(kind="Xã", name="Tân Cương", slug="2025-xa-tan-cuong")
    event = EventPageFactory(
        parent=campaign,
        title="Chuyển giao kỹ thuật trồng chè",
        starts_at=local(2026, 10, 3, 23, 30),
        commune=unit,
    )
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
        campaign.save_revision().publish()

    found = search(SearchQuery(text="ky thuat trong che", filters={"type": ("event",)}, locale="vi"))
    (hit,) = found.hits
    assert hit.url == event.url
    assert hit.date == "2026-10-03"  # the local day, although 16:30 UTC
    assert hit.labels["type"]["event"]
    assert (
        hit.facets["unit"] == ["2025-xa-tan-cuong"]
        and hit.labels["unit"]["2025-xa-tan-cuong"] == "Xã Tân Cương"
    )
    by_unit = search(SearchQuery(filters={"unit": ("2025-xa-tan-cuong",)}, locale="vi"))
    assert [result.url for result in by_unit.hits] == [event.url]
    campaigns = search(
        SearchQuery(text="tuan le hoc tap suot doi", filters={"type": ("campaign",)}, locale="vi")
    )
    assert [result.url for result in campaigns.hits] == [campaign.url]
    assert campaigns.hits[0].date == "2026-10-01"


def test_home_page_shows_the_next_events_and_links_to_all(client, home, index):
    soon = timezone.localtime() + datetime.timedelta(days=3)
    EventPageFactory(parent=index, title="Đọc sách cùng con", starts_at=soon)
    EventPageFactory(parent=index, title="Đã diễn ra", starts_at=soon - datetime.timedelta(days=30))

    html = client.get("/").text

    assert "Đọc sách cùng con" in html and "Đã diễn ra" not in html
    assert 'href="/su-kien/"' in html


def test_home_page_has_no_events_section_when_nothing_is_coming(client, home, index):
    from portal.events.wagtail_hooks import upcoming_events_section

    assert upcoming_events_section(home, None) is None
    assert client.get("/").status_code == 200


def test_demo_dates_follow_the_day_it_is_loaded():
    assert week_start(datetime.date(2026, 11, 25)) == datetime.date(2026, 10, 1)
    assert week_start(datetime.date(2027, 3, 1)) == datetime.date(2026, 10, 1)
    assert next_book_day(datetime.date(2026, 11, 25)) == datetime.date(2027, 4, 21)
    assert next_book_day(datetime.date(2027, 2, 1)) == datetime.date(2027, 4, 21)


def test_demo_has_a_past_week_with_results_and_an_upcoming_book_day(client, home):
    load_vocabularies()
    load_admin_units()
    log = []

    load_events_demo(log.append)
    load_events_demo(log.append)  # again: nothing new

    assert EventIndexPage.objects.count() == 1
    week = CampaignPage.objects.get(kind=CampaignPage.Kind.LIFELONG_LEARNING_WEEK)
    book_day = CampaignPage.objects.get(kind=CampaignPage.Kind.BOOK_DAY)
    assert week.is_over and week.participants and week.activities
    week_units = {event.commune for event in EventPage.objects.child_of(week)}
    assert len(week_units) >= 6
    assert all(unit.is_valid_on(week.start_date) and unit.parent.slug == "thai-nguyen" for unit in week_units)
    upcoming = EventPage.objects.child_of(book_day).filter(finishes_at__gte=timezone.now())
    assert upcoming.filter(capacity__isnull=False).exists()
    assert EventPage.objects.filter(organiser__slug="so-giao-duc-dao-tao").exists()
    assert sum("events:" in line for line in log) == 1

    page = client.get(week.url).text
    assert "18.640" in page  # participants, written the Vietnamese way
    assert AdminUnit.objects.get(slug="2025-xa-dinh-hoa").full_name in page
    assert upcoming.order_by("starts_at").first().title in client.get("/").text

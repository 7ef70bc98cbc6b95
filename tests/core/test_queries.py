"""How many SQL queries the home page takes: the same however much its sections could show."""

import pytest

from tests.centres.factories import CentreFactory, CentreIndexPageFactory, CommuneFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.test_listing import days_from_now
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.queries import listing_counts

pytestmark = pytest.mark.django_db

HOME_QUERIES = 20


def test_the_home_page_takes_the_same_queries_for_two_items_or_twelve_in_each_section(client, home):
    events, news = EventIndexPageFactory(parent=home), NewsIndexPageFactory(parent=home)
    centres = CentreIndexPageFactory(parent=home)

    def add(count):
        for number in range(count):
            EventPageFactory(parent=events, starts_at=days_from_now(number + 1))
            NewsPageFactory(parent=news)
            CentreFactory(parent=centres, commune=CommuneFactory())

    few, many = listing_counts(client, home.url, add)

    assert many <= HOME_QUERIES
    assert few == many

"""How many SQL queries the events pages take: few, and the same for two events or twelve."""

import pytest

from tests.events.factories import EventPageFactory
from tests.events.test_listing import days_from_now
from tests.factories import AdminUnitFactory, AudienceFactory
from tests.queries import listing_counts

pytestmark = pytest.mark.django_db

LISTING_QUERIES = 15


def add_events(parent):
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


def test_the_events_index_takes_at_most_15_queries_for_two_events_or_twelve(client, index):
    few, many = listing_counts(client, index.url, add_events(index))

    assert many <= LISTING_QUERIES
    assert few == many


def test_a_campaign_takes_at_most_15_queries_for_two_events_or_twelve(client, campaign):
    few, many = listing_counts(client, campaign.url, add_events(campaign))

    assert many <= LISTING_QUERIES
    assert few == many

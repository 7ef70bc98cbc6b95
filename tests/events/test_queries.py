"""How many SQL queries the events pages take: few, and the same for two events or twelve."""

import pytest

from tests.events.test_listing import add_events
from tests.queries import LISTING_QUERIES, listing_counts

pytestmark = pytest.mark.django_db


def test_the_events_index_takes_a_bounded_number_of_queries_for_two_events_or_twelve(client, index):
    few, many = listing_counts(client, index.url, add_events(index))

    assert many <= LISTING_QUERIES
    assert few == many


def test_a_campaign_takes_a_bounded_number_of_queries_for_two_events_or_twelve(client, campaign):
    few, many = listing_counts(client, campaign.url, add_events(campaign))

    assert many <= LISTING_QUERIES
    assert few == many

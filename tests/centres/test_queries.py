"""How many SQL queries the centres index takes: few, and the same for two centres or twelve."""

import pytest

from tests.centres.factories import CentreClassFactory, CentreFactory, CommuneFactory
from tests.queries import LISTING_QUERIES, listing_counts

pytestmark = pytest.mark.django_db


def test_the_centres_index_takes_a_bounded_number_of_queries_for_two_centres_or_twelve(client, centre_index):
    def add(count):
        for _ in range(count):
            CentreClassFactory(page=CentreFactory(parent=centre_index, commune=CommuneFactory()))

    few, many = listing_counts(client, centre_index.url, add)

    assert many <= LISTING_QUERIES
    assert few == many

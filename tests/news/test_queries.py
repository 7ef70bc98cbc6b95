"""How many SQL queries the news index takes: few, and the same for two items or twelve."""

import pytest

from tests.news.factories import NewsCategoryFactory, NewsPageFactory
from tests.queries import LISTING_QUERIES, adding, listing_counts

pytestmark = pytest.mark.django_db


def test_the_news_index_takes_a_bounded_number_of_queries_for_two_items_or_twelve(client, news_index):
    category = NewsCategoryFactory()

    add = adding(NewsPageFactory, parent=news_index, categories=[category])
    few, many = listing_counts(client, news_index.url, add)

    assert many <= LISTING_QUERIES
    assert few == many
